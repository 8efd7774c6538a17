// Fast paths of the fifth performance pass (docs/runtime.md "Performance"): callbacks of builtins
// (sort's comparator, map/forEach callbacks) enter register-prologue functions without the
// generic prologue, and the loop's element/slot/context stores skip the write-barrier call for
// non-heap values. Each case here is one where the fast path's assumption fails (a generic
// prologue, a class constructor, a throwing or re-entrant callback) or where a heap value must
// still be recorded (young objects stored into old arrays, objects and contexts). The stress
// labels run this file with a GC every few allocations and with compaction.

// Comparators: register-prologue functions (plain, arrow, strict) and generic prologues
// (`arguments`, rest, default, a captured parameter, a named expression using its own name).
const base = [5, 3.5, -1, 8, 0, 2.25, -7, 3.5];
console.log(base.slice().sort(function (a, b) { return a - b; }).join(' '));  // expect: -7 -1 0 2.25 3.5 3.5 5 8
console.log(base.slice().sort((a, b) => b - a).join(' '));  // expect: 8 5 3.5 3.5 2.25 0 -1 -7
console.log(base.slice().sort(function (a, b) { 'use strict'; return arguments[0] - arguments[1]; }).join(' '));  // expect: -7 -1 0 2.25 3.5 3.5 5 8
console.log(base.slice().sort(function (...p) { return p[0] - p[1]; }).join(' '));  // expect: -7 -1 0 2.25 3.5 3.5 5 8
console.log(base.slice().sort(function (a, b = 0) { return a - b; }).join(' '));  // expect: -7 -1 0 2.25 3.5 3.5 5 8
const captured = [];
console.log(base.slice().sort(function (a, b) { captured.push(() => a); return a - b; }).join(' '));  // expect: -7 -1 0 2.25 3.5 3.5 5 8
console.log(captured.length > 0, typeof captured[0]());  // expect: true number
console.log([3, 1, 2].sort(function cmp(a, b) { return typeof cmp === 'function' ? a - b : 0; }).join());  // expect: 1,2,3

// `this` inside a callback: the global object in sloppy code, undefined in strict code and
// arrows keep the outer `this`.
let sloppyThis = null, strictThis = 'unset';
[2, 1].sort(function (a, b) { sloppyThis = this; return a - b; });
[2, 1].sort(function (a, b) { 'use strict'; strictThis = this; return a - b; });
console.log(sloppyThis === globalThis, strictThis);  // expect: true undefined
const holder = {
  name: 'holder',
  run() { let seen; [2, 1].sort((a, b) => { seen = this.name; return a - b; }); return seen; },
};
console.log(holder.run());  // expect: holder
console.log(['a', 'b'].map(function () { return this.tag; }, { tag: 't' }).join());  // expect: t,t

// Missing and extra parameters.
console.log([1, 2, 3].map(function (x, i, arr, extra) { return [x, i, arr.length, extra].join(':'); }).join(' '));  // expect: 1:0:3: 2:1:3: 3:2:3:
console.log([4, 5].map(function () { return 9; }).join());  // expect: 9,9

// A class constructor is callable but cannot be called: TypeError from the callback path.
class Cmp {}
try {
  [2, 1].sort(Cmp);
} catch (e) {
  console.log(e instanceof TypeError, e.message);  // expect: true Class constructor Cmp cannot be invoked without 'new'
}

// A throwing comparator stops the sort; the array is left as it was (no write-back).
const keep = [3, 2, 1];
try {
  keep.sort(function (a, b) { if (a === 1 || b === 1) throw new Error('stop ' + a + b); return a - b; });
} catch (e) {
  console.log(e.message.startsWith('stop'), keep.length);  // expect: true 3
}

// Re-entrant: a comparator that sorts, and a callback recursing until the stack overflows.
const nested = [[3, 1], [2, 9, 0], [5]];
nested.sort(function (x, y) { x.sort((a, b) => a - b); y.sort((a, b) => a - b); return x[0] - y[0]; });
console.log(JSON.stringify(nested));  // expect: [[0,2,9],[1,3],[5]]
function deep(n) { return [n].map(function (v) { return deep(v + 1); })[0]; }
try {
  deep(0);
} catch (e) {
  console.log(e instanceof RangeError);  // expect: true
}

// Native callbacks and generator functions through the same call entry.
console.log(['1', '2.5', 'x'].map(Number).join());  // expect: 1,2.5,NaN
const gens = [1, 2].map(function* (v) { yield v * 10; });
console.log(typeof gens[0].next, gens[1].next().value);  // expect: function 20

// Stores: Smis skip the barrier call, heap values must still be recorded. An array, an object
// with out-of-object slots and a closure context are made old by allocating garbage, then get
// young objects stored into them; the values must survive the following collections.
function Churn(n) {
  let keepLast = null;
  for (let i = 0; i < n; i++) keepLast = { i, pad: [i, i + 1] };
  return keepLast.i;
}
const oldArray = new Array(64);
const wide = {};
for (let i = 0; i < 40; i++) wide['p' + i] = i;  // slots past the inline ones
let ctxValue = null;
function setCtx(v) { ctxValue = v; }
function getCtx() { return ctxValue; }
Churn(1000);
for (let i = 0; i < 64; i++) oldArray[i] = (i & 1) ? { v: i } : i;  // young objects and Smis
for (let round = 0; round < 3; round++) {
  for (let i = 0; i < 40; i++) wide['p' + i] = i % 3 === 0 ? { w: i + round } : i + round;
}
for (let i = 0; i < 40; i++) wide.p39 = { last: i };  // one store site: an own-property IC hit
setCtx({ ctx: 'young' });
Churn(1000);
let sum = 0;
for (let i = 0; i < 64; i++) sum += (i & 1) ? oldArray[i].v : oldArray[i];
console.log(sum);  // expect: 2016
let wideSum = 0;
for (let i = 0; i < 39; i++) wideSum += typeof wide['p' + i] === 'object' ? wide['p' + i].w : wide['p' + i];
console.log(wideSum, wide.p39.last, getCtx().ctx);  // expect: 819 39 young

// Array literals with object elements (in-place push) and holes written later.
const lits = [];
for (let i = 0; i < 50; i++) lits.push([{ a: i }, 'x' + i, i * 0.5]);
Churn(500);
console.log(lits[49][0].a, lits[49][1], lits[49][2], lits.reduce((s, l) => s + l[0].a, 0));  // expect: 49 x49 24.5 1225
const holey = new Array(8);
for (let i = 0; i < 8; i += 2) holey[i] = { h: i };
Churn(300);
let holes = '';
for (let i = 0; i < holey.length; i++) holes += (i in holey) ? holey[i].h : '-';
console.log(holes, holey.length);  // expect: 0-2-4-6- 8

// Load ICs through the forced-inline slot read: own inline slots, out-of-object slots,
// prototype hits and a global whose shape changes under a warm site.
function Node3(k) { this.key = k; this.left = null; this.right = null; }
Node3.prototype.kind = 'node';
let keys = 0, kinds = '';
for (let i = 0; i < 5; i++) {
  const n = new Node3(i + 0.5);
  keys += n.key;
  kinds += n.kind[0];
  if (i === 2) Node3.prototype.kind = 'changed';
}
console.log(keys, kinds);  // expect: 12.5 nnncc
let farSum = 0;
for (let i = 0; i < 3; i++) farSum += wide.p38 + wide.p1;
console.log(farSum);  // expect: 129
globalThis.lateGlobal = 1;
let g = 0;
for (let i = 0; i < 4; i++) {
  g += lateGlobal;
  if (i === 1) globalThis.otherGlobal = 2;  // the global's shape changes: the IC misses once
}
console.log(g);  // expect: 4

// `x & <Smi literal>` compiles to BitAndSmi: Smi operands inline, everything else converts
// through ToNumber/ToInt32 (valueOf called once, exceptions propagate), masks outside Smi range
// or not integral keep the general BitAnd.
let valueOfCalls = 0;
const boxed = { valueOf() { valueOfCalls++; return 0x1234; } };
console.log(300 & 0xff, -1 & 0xff, -300 & -4, (2 ** 32 + 5) & 0xff, NaN & 7, '0x1ff' & 0xff, -0 & 1, 5 & 0);  // expect: 44 255 -300 5 0 255 0 0
console.log(boxed & 0xff, valueOfCalls, (2 ** 31 + 7.9) & 1073741823, 12 & 0xffffffff, 7 & 1.5, 6 & -1);  // expect: 52 1 7 12 1 6
let masked = 0;
for (let i = 0; i < 300; i++) masked += (i * 7) & 0x3f;
console.log(masked);  // expect: 9438
try {
  ({ valueOf() { throw new Error('from valueOf'); } }) & 0xff;
} catch (e) {
  console.log(e.message);  // expect: from valueOf
}
let acc = 0x1ff;
acc &= 0xf0;
console.log(acc, (acc & 0x10) ? 'set' : 'clear', typeof (1.5 & 3));  // expect: 240 set number
