// Checks tenure-heap's retained sizes, distances and class aggregates against Chrome DevTools'
// own heap_snapshot_worker code (npm heap-snapshot-toolkit, installed by scripts/deps/snapshot.sh
// into tests/snapshot/toolkit) on a snapshot that node writes during the test.
//
// usage: node devtools_oracle_test.mjs TENURE_HEAP WORKDIR
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [tenureHeap, workDir] = process.argv.slice(2);
if (!tenureHeap || !workDir) {
  console.error('usage: node devtools_oracle_test.mjs TENURE_HEAP WORKDIR');
  process.exit(2);
}
const toolkitPath = new URL('./toolkit/node_modules/heap-snapshot-toolkit/index.js', import.meta.url);
if (!fs.existsSync(toolkitPath)) {
  console.error('FAIL: heap-snapshot-toolkit is not installed; run scripts/deps/snapshot.sh');
  process.exit(1);
}
const {parse} = await import(toolkitPath);

fs.mkdirSync(workDir, {recursive: true});
const file = path.join(workDir, 'oracle.heapsnapshot');
// A heap with classes, closures, arrays, maps, WeakMaps (ephemeron edges), strings and cycles.
const program = `
  const v8 = require('v8');
  class LeakyRecord { constructor(i) { this.i = i; this.payload = 'p'.repeat(200) + i; this.self = this; } }
  class Node2 { constructor(next) { this.next = next; } }
  globalThis.records = Array.from({length: 3000}, (_, i) => new LeakyRecord(i));
  globalThis.byKey = new Map(records.slice(0, 500).map(r => [r.i, r]));
  const wm = new WeakMap(); globalThis.keys = [];
  for (let i = 0; i < 200; i++) { const k = {k: i}; keys.push(k); wm.set(k, {value: 'v'.repeat(50) + i}); }
  globalThis.wm = wm;
  let list = null; for (let i = 0; i < 2000; i++) list = new Node2(list); globalThis.list = list;
  function makeCounter(big) { return () => big.length; }
  globalThis.counters = Array.from({length: 50}, (_, i) => makeCounter(new Array(100).fill(i)));
  v8.writeHeapSnapshot(${JSON.stringify(file)});
`;
execFileSync(process.execPath, ['-e', program]);

const snap = await parse(fs.createReadStream(file));
const nfc = snap.nodeFieldCount;
const idOffset = snap.nodeIdOffset;
const selfOffset = snap.nodeSelfSizeOffset;
const devtools = new Map();
for (let ordinal = 0; ordinal < snap.nodeCount; ordinal++) {
  const idx = ordinal * nfc;
  devtools.set(snap.nodes.getValue(idx + idOffset), {
    retained: snap.retainedSizes[ordinal],
    distance: snap.nodeDistances[ordinal],
    self: snap.nodes.getValue(idx + selfOffset),
  });
}

const ours = JSON.parse(execFileSync(tenureHeap, ['nodes', file, '--json'], {maxBuffer: 1 << 30}).toString());
let failures = 0;
function fail(msg) {
  if (failures++ < 20) console.error('MISMATCH: ' + msg);
}
if (ours.nodes.length !== snap.nodeCount) fail(`node count ${ours.nodes.length} vs ${snap.nodeCount}`);
if (ours.total_size !== snap.totalSize) fail(`total size ${ours.total_size} vs DevTools ${snap.totalSize}`);
for (const [id, cls, self, retained, distance] of ours.nodes) {
  const d = devtools.get(id);
  if (!d) { fail(`id ${id} missing in DevTools`); continue; }
  if (d.self !== self) fail(`@${id} ${cls} self ${self} vs ${d.self}`);
  if (d.retained !== retained) fail(`@${id} ${cls} retained ${retained} vs ${d.retained}`);
  if (d.distance !== distance) fail(`@${id} ${cls} distance ${distance} vs ${d.distance}`);
}

// Class aggregates. DevTools renames plain Objects after inferred interfaces ("{a, b}") and splits
// same-named classes by allocation site; fold both back into one row per class name.
const aggregates = snap.aggregatesWithFilter({});
const byName = new Map();
for (const key of Object.keys(aggregates)) {
  const a = aggregates[key];
  const name = a.name.startsWith('{') ? 'Object' : a.name;
  const row = byName.get(name) || {count: 0, self: 0, maxRet: 0, keys: 0};
  row.count += a.count; row.self += a.self; row.maxRet += a.maxRet; row.keys++;
  byName.set(name, row);
}
const summary = JSON.parse(execFileSync(tenureHeap, ['summary', file, '--json', '--top', '1000000'], {maxBuffer: 1 << 30}).toString());
let comparedRetained = 0;
const seen = new Set();
for (const c of summary.classes) {
  seen.add(c.name);
  const d = byName.get(c.name);
  if (!d) { fail(`class ${c.name} missing in DevTools aggregates`); continue; }
  if (d.count !== c.count) fail(`class ${c.name} count ${c.count} vs ${d.count}`);
  if (d.self !== c.self_size) fail(`class ${c.name} self ${c.self_size} vs ${d.self}`);
  // Retained per class is only comparable where DevTools has a single key for the name.
  if (d.keys === 1) {
    comparedRetained++;
    if (d.maxRet !== c.retained_size) fail(`class ${c.name} retained ${c.retained_size} vs ${d.maxRet}`);
  }
}
for (const name of byName.keys()) if (!seen.has(name)) fail(`DevTools class ${name} missing in ours`);
const leaky = summary.classes.find(c => c.name === 'LeakyRecord');
if (!leaky || leaky.count !== 3000) fail(`LeakyRecord count ${leaky && leaky.count}, expected 3000`);
if (comparedRetained < 20) fail(`only ${comparedRetained} classes had comparable retained sizes`);
console.log(`compared ${ours.nodes.length} nodes, ${summary.classes.length} classes ` +
            `(${comparedRetained} with retained size); DevTools totalSize ${snap.totalSize}`);
if (failures) {
  console.error(`FAIL: ${failures} mismatches`);
  process.exit(1);
}
console.log('PASS');
