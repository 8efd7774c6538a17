// Reflect (failures reported as false, never thrown), Symbol.for / Symbol.keyFor (one symbol
// per key, surviving GC), Object.getOwnPropertySymbols, Object.setPrototypeOf's checks.
const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } };
class P { constructor(a, b) { this.sum = a + b; this.nt = new.target.name; } }
class Q extends P {}
const o = { a: 1, get g() { return this.a + 1; } };
console.log(Reflect.has(o, 'a'), Reflect.has(o, 'toString'), Reflect.has(o, 'zz'), Reflect.get(o, 'g'), Reflect.get([5, 6], 1));
console.log(Reflect.set(o, 'a', 5), o.a, Reflect.set(Object.freeze({ x: 1 }), 'x', 2), Reflect.set(Object.preventExtensions({}), 'n', 1));
console.log(Reflect.set(Object.freeze([1]), 0, 2), Reflect.set(Object.seal([1]), 0, 2), Reflect.set(Object.preventExtensions([1]), 1, 2));
console.log(Reflect.set({ get only() { return 1; } }, 'only', 2), Reflect.set(Object.create(Object.freeze({ r: 1 })), 'r', 2));
console.log(Reflect.ownKeys({ b: 1, [Symbol('s')]: 2, 1: 0 }), Reflect.ownKeys([1, 2]));
console.log(Reflect.getPrototypeOf([]) === Array.prototype, Reflect.setPrototypeOf({}, null), Reflect.setPrototypeOf(Object.preventExtensions({}), {}));
const cyc = {};
console.log(Reflect.setPrototypeOf(cyc, Object.create(cyc)), Reflect.getPrototypeOf(cyc) === Object.prototype);
console.log(Reflect.defineProperty({}, 'x', { value: 1 }), Reflect.defineProperty(Object.freeze({ x: 1 }), 'x', { value: 2 }),
  Reflect.defineProperty(Object.preventExtensions({}), 'y', { value: 1 }));
t(() => Reflect.defineProperty({}, 'x', 1));
console.log(Reflect.deleteProperty({ d: 1 }, 'd'), Reflect.deleteProperty(Object.seal({ d: 1 }), 'd'), Reflect.deleteProperty(Object.seal([1]), 0), Reflect.deleteProperty([1], 0));
console.log(Reflect.getOwnPropertyDescriptor({ p: 1 }, 'p'), Reflect.isExtensible({}), Reflect.preventExtensions({}));
const pe = {};
console.log(Reflect.preventExtensions(pe), Reflect.isExtensible(pe), Object.isExtensible(pe));
console.log(Reflect.apply(Math.max, null, [1, 3, 2]), Reflect.apply(function (x) { return this.k + x; }, { k: 10 }, [5]));
console.log(Reflect.construct(P, [1, 2]), Reflect.construct(P, [3, 4], Q), Reflect.construct(P, [3, 4], Q) instanceof Q, Reflect.construct(Date, [0]).getTime());
t(() => Reflect.apply(1)); t(() => Reflect.construct(1, [])); t(() => Reflect.construct(function () {}, 1));
t(() => Reflect.apply(Math.max, null, 1));
for (const m of ['has', 'get', 'set', 'ownKeys', 'getPrototypeOf', 'defineProperty', 'deleteProperty', 'getOwnPropertyDescriptor', 'isExtensible', 'preventExtensions']) {
  t(() => Reflect[m](1, 'x'));
}
t(() => Reflect.setPrototypeOf({}, 1));
t(() => Object.setPrototypeOf(Object.preventExtensions({}), {})); t(() => { const a = {}; Object.setPrototypeOf(a, Object.create(a)); });
console.log(Object.setPrototypeOf(Object.preventExtensions({ z: 1 }), Object.prototype));

// Symbol registry.
const s1 = Symbol.for('app.key');
console.log(s1 === Symbol.for('app.key'), s1 === Symbol('app.key'), Symbol.keyFor(s1), Symbol.keyFor(Symbol('x')), Symbol.keyFor(Symbol.iterator));
console.log(String(Symbol.for(42)), Symbol.keyFor(Symbol.for(42)) === '42', Symbol.for() === Symbol.for('undefined'), s1.description);
t(() => Symbol.keyFor('x'));
const junk = [];
for (let i = 0; i < 3000; ++i) junk.push({ i, s: Symbol.for('k' + (i % 50)) });
console.log(junk[2999].s === Symbol.for('k49'), Symbol.keyFor(junk[10].s), Symbol.for('app.key') === s1);

// getOwnPropertySymbols: insertion order, non-enumerable included, no private names.
const sa = Symbol('a'), sb = Symbol.for('b');
class WithPrivate { #p = 1; [sa] = 2; }
const wp = new WithPrivate();
Object.defineProperty(wp, sb, { value: 3, enumerable: false });
console.log(Object.getOwnPropertySymbols(wp), Object.getOwnPropertySymbols({}), Object.getOwnPropertySymbols('str'), Reflect.ownKeys(wp));
t(() => Object.getOwnPropertySymbols(null));

// Expected output (node 20):
// expect: true true false 2 6
// expect: true 5 false false
// expect: false true false
// expect: false false
// expect: [ '1', 'b', Symbol(s) ] [ '0', '1', 'length' ]
// expect: true true false
// expect: false true
// expect: true false false
// expect: TypeError: Property description must be an object: 1
// expect: true false false true
// expect: { value: 1, writable: true, enumerable: true, configurable: true } true true
// expect: true false false
// expect: 3 15
// expect: P { sum: 3, nt: 'P' } Q { sum: 7, nt: 'Q' } true 0
// expect: TypeError: Function.prototype.apply was called on 1, which is a number and not a function
// expect: TypeError: 1 is not a constructor
// expect: TypeError: CreateListFromArrayLike called on non-object
// expect: TypeError: CreateListFromArrayLike called on non-object
// expect: TypeError: Reflect.has called on non-object
// expect: TypeError: Reflect.get called on non-object
// expect: TypeError: Reflect.set called on non-object
// expect: TypeError: Reflect.ownKeys called on non-object
// expect: TypeError: Reflect.getPrototypeOf called on non-object
// expect: TypeError: Reflect.defineProperty called on non-object
// expect: TypeError: Reflect.deleteProperty called on non-object
// expect: TypeError: Reflect.getOwnPropertyDescriptor called on non-object
// expect: TypeError: Reflect.isExtensible called on non-object
// expect: TypeError: Reflect.preventExtensions called on non-object
// expect: TypeError: Object prototype may only be an Object or null: 1
// expect: TypeError: #<Object> is not extensible
// expect: TypeError: Cyclic __proto__ value
// expect: { z: 1 }
// expect: true false app.key undefined undefined
// expect: Symbol(42) true true app.key
// expect: TypeError: x is not a symbol
// expect: true k10 true
// expect: [ Symbol(a), Symbol(b) ] [] [] [ Symbol(a), Symbol(b) ]
// expect: TypeError: Cannot convert undefined or null to object
