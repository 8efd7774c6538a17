// No leak: lots of short-lived garbage between the snapshots, nothing retained.
'use strict';
const {snapshot} = require('./common');
class Temp { constructor(i) { this.i = i; this.s = 'tmp' + i; this.arr = [i, i + 1, i + 2]; } }
function work(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) { const t = new Temp(i); sum += t.arr.length + t.s.length; }
  const m = new Map();
  for (let i = 0; i < 1000; i++) m.set(i, {v: i});
  return sum + m.size;
}
work(1000);
snapshot('baseline');
work(200000);
snapshot('target');
work(200000);
snapshot('final');
