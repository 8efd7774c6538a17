// Property attributes: defineProperty/defineProperties, getOwnPropertyDescriptor(s), read-only
// stores ignored in sloppy code (also through warmed-up inline caches), non-enumerable
// properties hidden from keys/for-in/JSON/assign/spread/console.log, redefinition errors.
const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } };
const o = { a: 1 };
Object.defineProperty(o, 'ro', { value: 2, enumerable: true });
Object.defineProperty(o, 'hidden', { value: 3, writable: true });
Object.defineProperty(o, 'acc', { get() { return this.a * 10; }, set(v) { this.a = v; }, enumerable: true, configurable: true });
console.log(o, Object.keys(o), JSON.stringify(o), { ...o }, Object.assign({}, o));
const seen = [];
for (const k in o) seen.push(k);
console.log(seen);
console.log(Object.getOwnPropertyDescriptor(o, 'a'));
console.log(Object.getOwnPropertyDescriptor(o, 'ro'));
console.log(Object.getOwnPropertyDescriptor(o, 'hidden'));
console.log(Object.getOwnPropertyDescriptor(o, 'acc'));
console.log(Object.getOwnPropertyDescriptor(o, 'missing'), Object.getOwnPropertyDescriptor(1, 'x'));
console.log(Object.getOwnPropertyDescriptors({ x: 1, z: 'a' }));
o.ro = 99; o.hidden = 4; o.acc = 7;
console.log(o.ro, o.hidden, o.a, o.acc);
// Redefinition rules.
t(() => Object.defineProperty(o, 'ro', { value: 5 }));
t(() => Object.defineProperty(o, 'ro', { value: 2 }).ro);
t(() => Object.defineProperty(o, 'ro', { enumerable: false }));
t(() => Object.defineProperty(o, 'ro', { get() {} }));
t(() => Object.defineProperty(o, 'acc', { value: 1 }).acc);
console.log(Object.getOwnPropertyDescriptor(o, 'acc'));
t(() => Object.defineProperty(o, 'x', { get: 1 }));
t(() => Object.defineProperty(o, 'x', { get() {}, value: 1 }));
t(() => Object.defineProperty(o, 'x', 1));
t(() => Object.defineProperty(1, 'x', {}));
// Unspecified attributes keep their values on redefinition.
const r = { v: 1 };
Object.defineProperty(r, 'v', { writable: false });
console.log(Object.getOwnPropertyDescriptor(r, 'v'));
Object.defineProperty(r, 'v', { enumerable: false });
console.log(Object.getOwnPropertyDescriptor(r, 'v'), Object.keys(r));
// defineProperties, symbols, arrays (data only; length).
const sym = Symbol('s');
const p = Object.defineProperties({}, { x: { value: 1, enumerable: true }, y: { get: () => 2 } });
console.log(p, p.y, Object.keys(p), sym.toString());
const arr = [1, 2];
Object.defineProperty(arr, 0, { value: 'zero' });
Object.defineProperty(arr, 'extra', { value: 'e', enumerable: false });
console.log(arr, arr.extra, Object.getOwnPropertyDescriptor(arr, 'length'), Object.getOwnPropertyDescriptor(arr, 1));
// Inline caches: a store site warmed on writable objects must not write a read-only slot, and a
// transition cache must not add a property shadowing a read-only one on the prototype.
function setX(obj, v) { obj.x = v; }
const objs = [];
for (let i = 0; i < 50; i++) { const w = { x: 0 }; setX(w, i); objs.push(w); }
const frozenX = { x: 0 };
Object.defineProperty(frozenX, 'x', { writable: false });
for (let i = 0; i < 5; i++) setX(frozenX, 100 + i);
console.log(objs[49].x, frozenX.x);
const proto = {};
function addY(obj) { obj.y = 1; }
for (let i = 0; i < 20; i++) addY(Object.create(proto));
Object.defineProperty(proto, 'y', { value: 'proto', writable: false });
const child = Object.create(proto);
addY(child);
console.log(child.y, Object.keys(child), Object.prototype.hasOwnProperty.call(child, 'y'));
function getX(obj) { return obj.x; }
let sum = 0;
for (let i = 0; i < 20; i++) sum += getX(objs[i]);
console.log(sum, getX(frozenX));
// Attributes survive GCs (the objects move; the shapes carry the flags).
const many = [];
for (let i = 0; i < 400; i++) {
  const m = { i };
  Object.defineProperty(m, 'k', { value: i, enumerable: false });
  many.push(m);
  if (i % 50 === 0) { const junk = []; for (let j = 0; j < 300; j++) junk.push({ j }); }
}
for (const m of many) m.k = -1;
console.log(many.reduce((s, m) => s + m.k, 0), Object.keys(many[399]), JSON.stringify(many[7]));
// expect: { a: 1, ro: 2, acc: [Getter/Setter] } [ 'a', 'ro', 'acc' ] {"a":1,"ro":2,"acc":10} { a: 1, ro: 2, acc: 10 } { a: 1, ro: 2, acc: 10 }
// expect: [ 'a', 'ro', 'acc' ]
// expect: { value: 1, writable: true, enumerable: true, configurable: true }
// expect: { value: 2, writable: false, enumerable: true, configurable: false }
// expect: { value: 3, writable: true, enumerable: false, configurable: false }
// expect: {
// expect:   get: [Function: get],
// expect:   set: [Function: set],
// expect:   enumerable: true,
// expect:   configurable: true
// expect: }
// expect: undefined undefined
// expect: {
// expect:   x: { value: 1, writable: true, enumerable: true, configurable: true },
// expect:   z: { value: 'a', writable: true, enumerable: true, configurable: true }
// expect: }
// expect: 2 4 7 70
// expect: TypeError: Cannot redefine property: ro
// expect: 2
// expect: TypeError: Cannot redefine property: ro
// expect: TypeError: Cannot redefine property: ro
// expect: 1
// expect: { value: 1, writable: false, enumerable: true, configurable: true }
// expect: TypeError: Getter must be a function: 1
// expect: TypeError: Invalid property descriptor. Cannot both specify accessors and a value or writable attribute, #<Object>
// expect: TypeError: Property description must be an object: 1
// expect: TypeError: Object.defineProperty called on non-object
// expect: { value: 1, writable: false, enumerable: true, configurable: true }
// expect: { value: 1, writable: false, enumerable: false, configurable: true } []
// expect: { x: 1 } 2 [ 'x' ] Symbol(s)
// expect: [ 'zero', 2 ] e { value: 2, writable: true, enumerable: false, configurable: false } { value: 2, writable: true, enumerable: true, configurable: true }
// expect: 49 0
// expect: proto [] false
// expect: 190 0
// expect: 79800 [ 'i' ] {"i":7}
