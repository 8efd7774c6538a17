// Destructuring in var/let/const declarations: object and array patterns, defaults, renaming,
// computed keys, nesting, rest elements, iterables, closures over destructured bindings.
const { a, b } = { a: 1, b: 2 };
console.log(a, b);
const { x: renamed, y = 10, z: { deep } = { deep: 'dflt' } } = { x: 'X' };
console.log(renamed, y, deep);
let { p = 1, q = p + 1 } = {};
console.log(p, q);
var { ['com' + 'puted']: c1, 2: two } = { computed: 'C', 2: 'two' };
console.log(c1, two);
const { first, ...others } = { first: 1, second: 2, third: 3 };
console.log(first, others);
const { [`sec${'ond'}`]: s2, ...others2 } = { first: 1, second: 2, third: 3 };
console.log(s2, others2);
const [d, , e = 5, ...restArr] = [1, 2, undefined, 4, 5];
console.log(d, e, restArr);
const [[n1, n2], { m }] = [[1, 2], { m: 'm' }];
console.log(n1, n2, m);
const [h, i2] = 'hi';
console.log(h, i2);
const [k1, k2] = '😀é';
console.log(k1, k2, k1.length);
const [[mk, mv], second] = new Map([['one', 1], ['two', 2]]);
console.log(mk, mv, second);
const [s1, ...sRest] = new Set([3, 1, 2]);
console.log(s1, sRest);
const [u1, u2, u3] = [1];
console.log(u1, u2, u3);
const { length } = 'abc';
console.log(length);
const { toFixed } = 1;
console.log(typeof toFixed);
// Defaults are evaluated lazily, only for undefined, left to right.
let calls = [];
function dflt(name, v) { calls.push(name); return v; }
const { l1 = dflt('l1', 1), l2 = dflt('l2', 2), l3 = dflt('l3', 3) } = { l2: null, l3: 0 };
console.log(l1, l2, l3, calls.join(','));
calls = [];
const [e1 = dflt('e1', 'a'), e2 = dflt('e2', 'b')] = [undefined, false];
console.log(e1, e2, calls.join(','));
// Function names from defaults.
const { fn = function () {}, arrow = () => 1, Cls = class {} } = {};
console.log(fn.name, arrow.name, Cls.name);
// Property getters run once, in pattern order.
const log = [];
const src = { get g1() { log.push('g1'); return 1; }, get g2() { log.push('g2'); return 2; } };
const { g2, g1 } = src;
console.log(g1, g2, log.join(','));
// Closures capture destructured bindings (heap contexts).
const fns = [];
for (let j = 0; j < 3; j++) {
  const { v, w: [ww] } = { v: j, w: [j * 10] };
  fns.push(() => v + ww);
}
console.log(fns.map(f => f()));
function makeCounter({ start = 0, step = 1 } = {}) {
  let [count] = [start];
  return () => (count += step);
}
const counter = makeCounter({ step: 5 });
counter();
console.log(counter());
// var patterns hoist; redeclaration with var is fine.
console.log(typeof hoisted);
var [hoisted] = [1];
var { hoisted: hv = 2 } = {};
console.log(hoisted, hv);
// Rest copies own enumerable properties only, in order, including index keys.
const proto = { inherited: 1 };
const obj = Object.create(proto);
obj.b = 2; obj.a = 1; obj[1] = 'one';
Object.defineProperty(obj, 'hidden', { value: 3, enumerable: false });
const { a: ra, ...objRest } = obj;
console.log(ra, objRest, Object.keys(objRest));
const { ...arrAsObj } = ['x', 'y'];
console.log(arrAsObj);
// Iterator protocol objects and IteratorClose.
function iterable(n, log) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() { log.push('next'); return { value: i++, done: i > n }; },
        return() { log.push('return'); return {}; },
      };
    },
  };
}
let ilog = [];
const [i0, i1] = iterable(5, ilog);
console.log(i0, i1, ilog.join(','));
ilog = [];
const [j0, j1, j2] = iterable(2, ilog);
console.log(j0, j1, j2, ilog.join(','));
ilog = [];
const [, ...jr] = iterable(3, ilog);
console.log(jr, ilog.join(','));
ilog = [];
const [] = iterable(3, ilog);
console.log(ilog.join(','));
ilog = [];
const undefs = { [Symbol.iterator]() { const it = iterable(5, ilog)[Symbol.iterator](); return { next: () => ({ value: undefined, done: it.next().done }), return: it.return }; } };
try {
  const [t0, t1 = (() => { throw new Error('boom'); })()] = undefs;
} catch (err) {
  console.log(err.message, ilog.join(','));
}
// Generated-style iterator from a class.
class Range {
  constructor(n) { this.n = n; }
  [Symbol.iterator]() {
    let i = 0, n = this.n;
    return { next: () => (i < n ? { value: i++, done: false } : { value: undefined, done: true }) };
  }
}
const [r0, r1, ...rr] = new Range(5);
console.log(r0, r1, rr);

// Expected output (node 20):
// expect: 1 2
// expect: X 10 dflt
// expect: 1 2
// expect: C two
// expect: 1 { second: 2, third: 3 }
// expect: 2 { first: 1, third: 3 }
// expect: 1 5 [ 4, 5 ]
// expect: 1 2 m
// expect: h i
// expect: 😀 é 2
// expect: one 1 [ 'two', 2 ]
// expect: 3 [ 1, 2 ]
// expect: 1 undefined undefined
// expect: 3
// expect: function
// expect: 1 null 0 l1
// expect: a false e1
// expect: fn arrow Cls
// expect: 1 2 g2,g1
// expect: [ 0, 11, 22 ]
// expect: 10
// expect: undefined
// expect: 1 2
// expect: 1 { '1': 'one', b: 2 } [ '1', 'b' ]
// expect: { '0': 'x', '1': 'y' }
// expect: 0 1 next,next,return
// expect: 0 1 undefined next,next,next
// expect: [ 1, 2 ] next,next,next,next
// expect: return
// expect: boom next,next,return
// expect: 0 1 [ 2, 3, 4 ]
