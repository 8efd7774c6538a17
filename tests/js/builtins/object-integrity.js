// Object.preventExtensions / seal / freeze and isExtensible / isSealed / isFrozen on plain
// objects, arrays (elements included), functions and class instances; failed stores are silent
// in this sloppy file (strict-mode TypeErrors: tests/js/errors/strict-integrity.js); warmed-up
// store, transition and element sites must not write or add to frozen or non-extensible
// objects; array methods throw node's TypeErrors on frozen/sealed arrays.
const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } };
const preds = (o) => [Object.isExtensible(o), Object.isSealed(o), Object.isFrozen(o)];

const o = { a: 1, b: 'two' };
console.log(preds(o), Object.freeze(o) === o, preds(o));
o.a = 9; o.c = 3; delete o.b;
console.log(o, Object.keys(o), Object.getOwnPropertyDescriptor(o, 'a'));

const s = Object.seal({ x: 1, get g() { return this.x; } });
s.x = 2; s.y = 3; delete s.x;
console.log(s.x, s.y, s.g, preds(s), Object.getOwnPropertyDescriptor(s, 'x'));

const p = Object.preventExtensions({ k: 1 });
p.k = 5; p.n = 6; delete p.k;
console.log(p, 'k' in p, preds(p));
p.k = 7;
console.log(p, preds(p));

// Empty objects and predicates on primitives.
const e = Object.preventExtensions({});
console.log(preds(e), preds({}), preds(Object.freeze({})), preds(1), preds('s'), Object.freeze(5));
e.z = 1;
console.log(e, Object.keys(e).length);

// Arrays: elements are frozen too.
const a = Object.freeze([1, 2, 3]);
a[0] = 99; a[5] = 1; a.length = 0; delete a[1];
console.log(a, a.length, preds(a), Object.getOwnPropertyDescriptor(a, 0), Object.getOwnPropertyDescriptor(a, 'length'));
for (const m of ['push', 'pop', 'shift', 'unshift', 'reverse']) t(() => a[m](0));
t(() => a.sort());
t(() => a.splice(0, 1)); t(() => a.fill(0, 1)); t(() => a.copyWithin(0, 1));
t(() => Object.freeze([]).pop()); t(() => Object.freeze([]).push()); t(() => Object.freeze([1]).shift());
console.log(a);

const sa = Object.seal([1, 2]);
sa[0] = 10; sa[2] = 30; delete sa[1]; sa.length = 0;
console.log(sa, preds(sa));
t(() => sa.push(3)); t(() => sa.pop()); t(() => sa.splice(0, 0, 5)); t(() => Object.seal([1, 2]).splice(0, 1));
console.log(sa.splice(0, 1, 'r'), sa.reverse(), sa.fill(7), sa);

const pa = Object.preventExtensions([1, 2, 3]);
pa[3] = 4; pa[0] = 0;
console.log(pa, preds(pa));
t(() => pa.push(4)); t(() => pa.unshift(4));
console.log(pa.pop(), pa.splice(0, 1), pa, pa.length);
pa.length = 5;
console.log(pa.length, preds(pa), preds(Object.preventExtensions([])));

// Functions and class instances.
function f() { return 1; }
f.extra = 1;
Object.freeze(f);
f.extra = 2; f.more = 3;
console.log(f.extra, f.more, f(), Object.isFrozen(f));
class Point { constructor(x) { this.x = x; } norm() { return this.x; } }
const pt = Object.freeze(new Point(3));
pt.x = 4; pt.y = 5;
console.log(pt, pt.norm(), Object.isFrozen(pt), pt instanceof Point);

// defineProperty on a non-extensible object.
t(() => Object.defineProperty(Object.preventExtensions({}), 'z', { value: 1 }));
t(() => Object.defineProperty(Object.preventExtensions([]), '0', { value: 1 }));
t(() => Object.defineProperty(Object.seal({ q: 1 }), 'q', { value: 2 }).q);
t(() => Object.defineProperty(Object.freeze({ q: 1 }), 'q', { value: 2 }));

// Warmed-up sites: the same store sites first see ordinary objects, then frozen ones.
function setA(obj, v) { obj.a = v; }
function addB(obj) { obj.b = 1; }
function setIdx(arr, v) { arr[0] = v; arr[3] = v; }
const plain = [], frozen = [];
for (let i = 0; i < 50; ++i) {
  const fresh = { a: 0 }; setA(fresh, i); addB(fresh); plain.push(fresh);
  const arr = [1, 2, 3]; setIdx(arr, i);
}
for (let i = 0; i < 50; ++i) {
  const fz = Object.freeze({ a: 0 }); setA(fz, i); addB(fz); frozen.push(fz);
  const ne = Object.preventExtensions({ a: 0 }); setA(ne, 7); addB(ne); frozen.push(ne);
  const arr = Object.freeze([1, 2, 3]); setIdx(arr, i); frozen.push(arr);
}
console.log(plain[49], frozen.slice(-3), frozen.every((x) => !('b' in x) && (Array.isArray(x) ? x[0] === 1 : true)));
console.log(frozen.filter((x, i) => i % 3 === 0).every((x) => x.a === 0), frozen.filter((x, i) => i % 3 === 1).every((x) => x.a === 7));

// Prototype frozen: inherited read-only properties block adds on derived objects.
const proto = Object.freeze({ shared: 1 });
const child = Object.create(proto);
child.shared = 2; child.own = 3;
console.log(child.shared, Object.keys(child), Object.isFrozen(child));

// Symbol-keyed and many properties (out-of-object slots) survive freezing and GC.
const sym = Symbol('tag');
const big = { [sym]: 'S' };
for (let i = 0; i < 40; ++i) big['p' + i] = i;
Object.freeze(big);
const junk = [];
for (let i = 0; i < 1500; ++i) junk.push({ i, s: 'x' + i });
big.p3 = -1; big[sym] = 'changed'; big.q = 1;
console.log(big.p0, big.p3, big.p39, big[sym], big.q, Object.isFrozen(big), junk.length);

// Expected output (node 20):
// expect: [ true, false, false ] true [ false, true, true ]
// expect: { a: 1, b: 'two' } [ 'a', 'b' ] { value: 1, writable: false, enumerable: true, configurable: false }
// expect: 2 undefined 2 [ false, true, false ] { value: 2, writable: true, enumerable: true, configurable: false }
// expect: {} false [ false, true, true ]
// expect: {} [ false, true, true ]
// expect: [ false, true, true ] [ true, false, false ] [ false, true, true ] [ false, true, true ] [ false, true, true ] 5
// expect: {} 0
// expect: [ 1, 2, 3 ] 3 [ false, true, true ] { value: 1, writable: false, enumerable: true, configurable: false } { value: 3, writable: false, enumerable: false, configurable: false }
// expect: TypeError: Cannot add property 3, object is not extensible
// expect: TypeError: Cannot delete property '2' of [object Array]
// expect: TypeError: Cannot assign to read only property '0' of object '[object Array]'
// expect: TypeError: Cannot add property 3, object is not extensible
// expect: TypeError: Cannot assign to read only property '0' of object '[object Array]'
// expect: TypeError: Cannot assign to read only property '0' of object '[object Array]'
// expect: TypeError: Cannot assign to read only property '0' of object '[object Array]'
// expect: TypeError: Cannot assign to read only property '1' of object '[object Array]'
// expect: TypeError: Cannot assign to read only property '0' of object '[object Array]'
// expect: TypeError: Cannot assign to read only property 'length' of object '[object Array]'
// expect: TypeError: Cannot assign to read only property 'length' of object '[object Array]'
// expect: TypeError: Cannot delete property '0' of [object Array]
// expect: [ 1, 2, 3 ]
// expect: [ 10, 2 ] [ false, true, false ]
// expect: TypeError: Cannot add property 2, object is not extensible
// expect: TypeError: Cannot delete property '1' of [object Array]
// expect: TypeError: Cannot add property 2, object is not extensible
// expect: TypeError: Cannot delete property '1' of [object Array]
// expect: [ 10 ] [ 7, 7 ] [ 7, 7 ] [ 7, 7 ]
// expect: [ 0, 2, 3 ] [ false, false, false ]
// expect: TypeError: Cannot add property 3, object is not extensible
// expect: TypeError: Cannot add property 3, object is not extensible
// expect: 3 [ 0 ] [ 2 ] 1
// expect: 5 [ false, false, false ] [ false, true, true ]
// expect: 1 undefined 1 true
// expect: Point { x: 3 } 3 true true
// expect: TypeError: Cannot define property z, object is not extensible
// expect: TypeError: Cannot define property 0, object is not extensible
// expect: 2
// expect: TypeError: Cannot redefine property: q
// expect: { a: 49, b: 1 } [ { a: 0 }, { a: 7 }, [ 1, 2, 3 ] ] true
// expect: true true
// expect: 1 [ 'own' ] false
// expect: 0 3 39 S undefined true 1500
