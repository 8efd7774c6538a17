// structuredClone (HTML structured serialize/deserialize): deep copies of plain objects, arrays
// (holes and extra keys kept), Map, Set, Date, RegExp and errors; shared
// references and cycles stay shared; prototypes and functions do not survive (functions and
// symbols throw node's DataCloneError, a DOMException with code 25).
const shared = { n: 1 };
const src = {
  num: 1.5, str: 's', bool: true, nil: null, undef: undefined, neg: -0, big: 2 ** 60,
  arr: [1, , 3, [4, { five: 5 }]], date: new Date(86400000), re: /a+b/gi,
  map: new Map([[1, 'one'], [shared, shared]]), set: new Set(['x', shared]),
  left: shared, right: shared,
};
const copy = structuredClone(src);
console.log(copy);
console.log(copy !== src, copy.arr !== src.arr, copy.arr[3][1] !== src.arr[3][1], 1 in copy.arr, copy.arr.length);
console.log(copy.left === copy.right, copy.left !== shared, copy.map.get(copy.left) === copy.left, copy.set.has(copy.left));
console.log(copy.date instanceof Date, copy.date !== src.date, copy.date.getTime(), Object.is(copy.neg, -0), 'undef' in copy);
console.log(copy.re instanceof RegExp, copy.re !== src.re, copy.re.source, copy.re.flags, copy.re.lastIndex);
src.arr[3][1].five = 'changed';
console.log(copy.arr[3][1].five);

const cyclic = { name: 'root', children: [] };
cyclic.self = cyclic;
cyclic.children.push({ parent: cyclic });
const c2 = structuredClone(cyclic);
console.log(c2.self === c2, c2.children[0].parent === c2, c2 !== cyclic);
const selfMap = new Map();
selfMap.set('me', selfMap);
const m2 = structuredClone(selfMap);
console.log(m2.get('me') === m2, m2 !== selfMap);
const arr = [1];
arr.push(arr);
arr.extra = 'kept';
const a2 = structuredClone(arr);
console.log(a2[1] === a2, a2.extra, Object.keys(a2).join());

class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  get sum() { return this.x + this.y; }
}
const p = structuredClone(new Point(1, 2));
console.log(p, p instanceof Point, Object.getPrototypeOf(p) === Object.prototype, p.sum);
const withGetter = { get computed() { return 'got'; }, [Symbol('hidden')]: 1 };
const hiddenProp = Object.defineProperty({ shown: 1 }, 'hidden', { value: 2, enumerable: false });
console.log(structuredClone(withGetter), structuredClone(hiddenProp), structuredClone(Object.create({ inherited: 1 })));
for (const prim of [1, 'text', true, null, undefined, NaN, -0]) {
  const out = structuredClone(prim);
  console.log(typeof out, Object.is(out, prim));
}
const err = structuredClone(new RangeError('bad range'));
console.log(err instanceof RangeError, err.message, err.name, Object.prototype.toString.call(err));
class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } }
const e2 = structuredClone(new MyError('mine'));
console.log(e2 instanceof MyError, e2 instanceof Error, e2.name, e2.message);

// The message names a function by its source text, which tenure does not keep (docs/runtime.md):
// only the shape of those messages is checked.
const functions = [() => 1, function named(a) { return a; }, { f() {} }, { deep: { er: () => 2 } }, new Map([['k', () => 3]])];
for (const v of functions) {
  try {
    structuredClone(v);
    console.log('cloned?');
  } catch (e) {
    console.log(e.name, e.code, e.message.endsWith(' could not be cloned.'), e instanceof DOMException, e instanceof Error);
  }
}
const uncloneable = [Symbol('s'), [1, Symbol.iterator], new WeakMap(), new WeakSet(), Promise.resolve(), { s: Symbol() }];
for (const v of uncloneable) {
  try {
    structuredClone(v);
    console.log('cloned?');
  } catch (e) {
    console.log(e.name, e.code, e.message, e instanceof DOMException, e instanceof Error, String(e));
  }
}
try { structuredClone(); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(typeof structuredClone, structuredClone.name, structuredClone.length);
const d = new DOMException('msg', 'AbortError');
console.log(d.name, d.message, d.code, Object.prototype.toString.call(d), new DOMException().name, new DOMException('x', { name: 'NotFoundError' }).code);
console.log(new DOMException('y', 'CustomName').code, typeof DOMException, DOMException.name);

// Expected output (node 20):
// expect: {
// expect:   num: 1.5,
// expect:   str: 's',
// expect:   bool: true,
// expect:   nil: null,
// expect:   undef: undefined,
// expect:   neg: -0,
// expect:   big: 1152921504606847000,
// expect:   arr: [ 1, <1 empty item>, 3, [ 4, [Object] ] ],
// expect:   date: 1970-01-02T00:00:00.000Z,
// expect:   re: /a+b/gi,
// expect:   map: Map(2) { 1 => 'one', { n: 1 } => { n: 1 } },
// expect:   set: Set(2) { 'x', { n: 1 } },
// expect:   left: { n: 1 },
// expect:   right: { n: 1 }
// expect: }
// expect: true true true false 4
// expect: true true true true
// expect: true true 86400000 true true
// expect: true true a+b gi 0
// expect: 5
// expect: true true true
// expect: true true
// expect: true kept 0,1,extra
// expect: { x: 1, y: 2 } false true undefined
// expect: { computed: 'got' } { shown: 1 } {}
// expect: number true
// expect: string true
// expect: boolean true
// expect: object true
// expect: undefined true
// expect: number true
// expect: number true
// expect: true bad range RangeError [object Error]
// expect: false true Error mine
// expect: DataCloneError 25 true true true
// expect: DataCloneError 25 true true true
// expect: DataCloneError 25 true true true
// expect: DataCloneError 25 true true true
// expect: DataCloneError 25 true true true
// expect: DataCloneError 25 Symbol(s) could not be cloned. true true DataCloneError: Symbol(s) could not be cloned.
// expect: DataCloneError 25 Symbol(Symbol.iterator) could not be cloned. true true DataCloneError: Symbol(Symbol.iterator) could not be cloned.
// expect: DataCloneError 25 #<WeakMap> could not be cloned. true true DataCloneError: #<WeakMap> could not be cloned.
// expect: DataCloneError 25 #<WeakSet> could not be cloned. true true DataCloneError: #<WeakSet> could not be cloned.
// expect: DataCloneError 25 #<Promise> could not be cloned. true true DataCloneError: #<Promise> could not be cloned.
// expect: DataCloneError 25 Symbol() could not be cloned. true true DataCloneError: Symbol() could not be cloned.
// expect: TypeError ERR_MISSING_ARGS The value argument must be specified
// expect: function structuredClone 0
// expect: AbortError msg 20 [object DOMException] Error 8
// expect: 0 function DOMException
