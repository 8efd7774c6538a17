// Seed leak 1: a global cache that only grows. Snapshots A, B, C; 300 records added per phase.
const v8 = require('v8');
class LeakyRecord {
  constructor(i) {
    this.id = i;
    this.body = new Array(64).fill(i);
    this.label = 'record-' + i;
  }
}
global.cache = [];
function phase(n) {
  for (let i = 0; i < 300; i++) global.cache.push(new LeakyRecord(n * 1000 + i));
  for (let i = 0; i < 2000; i++) ({ temp: [i, i + 1] });  // churn: garbage only
}
v8.writeHeapSnapshot('A.heapsnapshot');
phase(1);
v8.writeHeapSnapshot('B.heapsnapshot');
phase(2);
console.log(v8.writeHeapSnapshot('C.heapsnapshot'));
