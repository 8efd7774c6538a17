'use strict';
// Strict mode code (a "use strict" directive): stores and deletes that fail throw node's
// TypeErrors — read-only properties (own and inherited), non-extensible and frozen objects,
// sealed and frozen arrays, getter-only accessors, properties on primitives, non-configurable
// deletes. Also through inline-cache sites warmed up on ordinary objects.
const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } };
class Foo { constructor() { this.x = 1; } }
const o = Object.freeze({ x: 1 });
t(() => { o.x = 2; }); t(() => { o.y = 2; }); t(() => { delete o.x; }); t(() => { o[Symbol('q')] = 1; });
const sym = Symbol('k');
t(() => { Object.freeze({ [sym]: 1 })[sym] = 2; });
const a = Object.freeze([1, 2, 3]);
t(() => { a[0] = 2; }); t(() => { a[5] = 2; }); t(() => { a.length = 0; }); t(() => { delete a[0]; });
const sa = Object.seal([1, 2]);
t(() => { sa[0] = 9; return sa; }); t(() => { sa[2] = 3; }); t(() => { sa.length = 0; }); t(() => { delete sa[1]; });
const pa = Object.preventExtensions([1, 2]);
t(() => { pa[2] = 3; }); t(() => { pa.length = 4; return pa.length; }); t(() => { delete pa[0]; return pa; });
t(() => { Object.freeze(new Foo()).x = 2; }); t(() => { delete Object.freeze(new Foo()).x; });
t(() => { Object.preventExtensions(new Map()).q = 1; });
t(() => { Object.freeze(Object.create(null, { x: { value: 1, enumerable: true } })).x = 3; });
t(() => { Object.freeze(() => 1).z = 1; });
const ro = Object.defineProperty({}, 'r', { value: 1, enumerable: true });
t(() => { ro.r = 2; }); t(() => { delete ro.r; }); t(() => { Object.create(ro).r = 5; });
t(() => { const g = { get v() { return 1; } }; g.v = 2; });
t(() => { 'abc'.x = 1; }); t(() => { (5).x = 1; }); t(() => { true.x = 1; }); t(() => { Symbol('d').x = 1; });
t(() => { const s = Object.seal({ k: 1 }); s.k = 2; return s.k; });
t(() => delete Object.preventExtensions({ d: 1 }).d);
// A site that has cached a writable slot / an add transition, then meets frozen objects.
function setX(obj, v) { obj.x = v; }
function addY(obj) { obj.y = 1; }
for (let i = 0; i < 30; ++i) { const fresh = { x: 0 }; setX(fresh, i); addY(fresh); }
t(() => setX(Object.freeze({ x: 0 }), 1)); t(() => addY(Object.preventExtensions({ x: 0 })));
t(() => { const n = Object.preventExtensions({ x: 0 }); setX(n, 5); return n.x; });
function setEl(arr) { arr[1] = 7; }
for (let i = 0; i < 30; ++i) setEl([1, 2, 3]);
t(() => setEl(Object.freeze([1, 2, 3])));

// Expected output (node 20):
// expect: TypeError: Cannot assign to read only property 'x' of object '#<Object>'
// expect: TypeError: Cannot add property y, object is not extensible
// expect: TypeError: Cannot delete property 'x' of #<Object>
// expect: TypeError: Cannot add property Symbol(q), object is not extensible
// expect: TypeError: Cannot assign to read only property 'Symbol(k)' of object '#<Object>'
// expect: TypeError: Cannot assign to read only property '0' of object '[object Array]'
// expect: TypeError: Cannot add property 5, object is not extensible
// expect: TypeError: Cannot assign to read only property 'length' of object '[object Array]'
// expect: TypeError: Cannot delete property '0' of [object Array]
// expect: [ 9, 2 ]
// expect: TypeError: Cannot add property 2, object is not extensible
// expect: TypeError: Cannot delete property '1' of [object Array]
// expect: TypeError: Cannot delete property '1' of [object Array]
// expect: TypeError: Cannot add property 2, object is not extensible
// expect: 4
// expect: [ <1 empty item>, 2, <2 empty items> ]
// expect: TypeError: Cannot assign to read only property 'x' of object '#<Foo>'
// expect: TypeError: Cannot delete property 'x' of #<Foo>
// expect: TypeError: Cannot add property q, object is not extensible
// expect: TypeError: Cannot assign to read only property 'x' of object '[object Object]'
// expect: TypeError: Cannot add property z, object is not extensible
// expect: TypeError: Cannot assign to read only property 'r' of object '#<Object>'
// expect: TypeError: Cannot delete property 'r' of #<Object>
// expect: TypeError: Cannot assign to read only property 'r' of object '#<Object>'
// expect: TypeError: Cannot set property v of #<Object> which has only a getter
// expect: TypeError: Cannot create property 'x' on string 'abc'
// expect: TypeError: Cannot create property 'x' on number '5'
// expect: TypeError: Cannot create property 'x' on boolean 'true'
// expect: TypeError: Cannot create property 'x' on symbol 'Symbol(d)'
// expect: 2
// expect: true
// expect: TypeError: Cannot assign to read only property 'x' of object '#<Object>'
// expect: TypeError: Cannot add property y, object is not extensible
// expect: 5
// expect: TypeError: Cannot assign to read only property '1' of object '[object Array]'
