// Redefining an existing property (Object.defineProperty with new attributes, data <-> accessor)
// keeps its place in the key order, as ECMA-262 and node do (it used to move to the end).
const o = { a: 1, b: 2, c: 3 };
Object.defineProperty(o, 'a', { enumerable: false });
Object.defineProperty(o, 'a', { enumerable: true });
console.log(Object.keys(o), JSON.stringify(o));
const q = { x: 1, y: 2 };
Object.defineProperty(q, 'x', { writable: false });
q.x = 5;
console.log(Object.keys(q), q.x);
const r = { first: 1, second: 2, third: 3 };
Object.defineProperty(r, 'first', { get() { return 'got'; }, enumerable: true, configurable: true });
Object.defineProperty(r, 'second', { value: 'data again' });
console.log(r, Object.getOwnPropertyNames(r));
const p = { get x() { return 1; }, y: 2 };
Object.defineProperty(p, 'x', { enumerable: false });
console.log(Object.getOwnPropertyNames(p), Object.keys(p));
const n = Object.preventExtensions({ k1: 1, k2: 2 });
Object.defineProperty(n, 'k1', { value: 'v', writable: false });
console.log(Object.keys(n), n.k1, Object.isExtensible(n));
class K { m() {} get g() { return 1; } n() {} }
for (const key of ['m', 'g', 'n']) Object.defineProperty(K.prototype, key, { enumerable: true });
console.log(Object.keys(K.prototype));
const s = Symbol('s');
const w = { [s]: 1, z: 2 };
Object.defineProperty(w, s, { enumerable: false });
console.log(Reflect.ownKeys(w));

// expect: [ 'a', 'b', 'c' ] {"a":1,"b":2,"c":3}
// expect: [ 'x', 'y' ] 1
// expect: { first: [Getter], second: 'data again', third: 3 } [ 'first', 'second', 'third' ]
// expect: [ 'x', 'y' ] [ 'y' ]
// expect: [ 'k1', 'k2' ] v false
// expect: [ 'm', 'g', 'n' ]
// expect: [ 'z', Symbol(s) ]
