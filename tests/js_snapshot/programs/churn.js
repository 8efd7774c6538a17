// No leak: lots of short-lived garbage between the snapshots, nothing retained.
const v8 = require('v8');
function work(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const tmp = { id: i, parts: [i, String(i), { nested: i }] };
    sum += tmp.parts.length;
  }
  return sum;
}
v8.writeHeapSnapshot('A.heapsnapshot');
work(20000);
v8.writeHeapSnapshot('B.heapsnapshot');
work(20000);
console.log(v8.writeHeapSnapshot('C.heapsnapshot'));
