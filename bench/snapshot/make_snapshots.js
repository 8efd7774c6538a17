// Writes three heap snapshots for the analyzer benchmark: a heap of N long-lived Customer objects
// (default 1,300,000; each has a string and an array, so ~4 M heap objects and ~0.5 GB per snapshot
// with Node 20) plus a leak that grows between the snapshots.
//
// usage: node --max-old-space-size=8192 make_snapshots.js OUTDIR [--objects N] [--leak N]
//   -> OUTDIR/{baseline,target,final}.heapsnapshot
'use strict';
const v8 = require('v8');
const path = require('path');

const args = process.argv.slice(2);
const outDir = args[0];
if (!outDir) {
  console.error('usage: node make_snapshots.js OUTDIR [--objects N] [--leak N]');
  process.exit(2);
}
function option(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}
const objects = option('--objects', 1300000);
const leakPerPhase = option('--leak', 20000);

class Customer {
  constructor(i) { this.id = i; this.name = 'customer-' + i; this.orders = [i, i + 1]; this.next = null; }
}
class LeakyRecord {
  constructor(i) { this.i = i; this.payload = new Array(32).fill(i); this.label = 'leak-' + i; }
}
// The live heap: an array of objects plus a linked chain and a Map index over a tenth of them.
const customers = new Array(objects);
for (let i = 0; i < objects; i++) customers[i] = new Customer(i);
for (let i = 1; i < objects; i += 7) customers[i - 1].next = customers[i];
const index = new Map();
for (let i = 0; i < objects; i += 10) index.set('k' + i, customers[i]);
globalThis.app = {customers, index};

const leakStore = [];
globalThis.app.requestLog = leakStore;  // the leak: grows and is never trimmed
function leakSome(from) { for (let i = from; i < from + leakPerPhase; i++) leakStore.push(new LeakyRecord(i)); }

function snapshot(label) {
  const t0 = Date.now();
  const file = v8.writeHeapSnapshot(path.join(outDir, label + '.heapsnapshot'));
  console.log(`${label}: ${file} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
snapshot('baseline');
leakSome(0);
snapshot('target');
leakSome(leakPerPhase);
snapshot('final');
