// Inline caches stay correct when what they cached changes: prototype method loads (receiver
// shape + holder), store transitions (adds) when accessors or prototypes change later, global
// loads when globals are redefined, `length` on arrays vs objects inheriting from arrays, strict
// equality fast paths, pre-sized array literals. Each site runs several times so the cache is hot.
function Point(x) { this.x = x; }
Point.prototype.get = function () { return 'proto ' + this.x; };
function callGet(p) { return p.get(); }
const p = new Point(1);
const seen = [];
for (let i = 0; i < 3; i++) seen.push(callGet(p));
Point.prototype.get = function () { return 'replaced ' + this.x; };  // holder slot rewritten
seen.push(callGet(p));
p.get = function () { return 'own ' + this.x; };                      // receiver shape changes
seen.push(callGet(p));
const q = new Point(2);
Object.setPrototypeOf(q, { get() { return 'other proto'; } });         // receiver proto changes
seen.push(callGet(q));
delete Point.prototype.get;                                            // holder shape changes
Point.prototype.get = function () { return 'again ' + this.x; };
seen.push(callGet(new Point(3)));
console.log(seen.join(' | '));
// expect: proto 1 | proto 1 | proto 1 | replaced 1 | own 1 | other proto | again 3

// Store transitions: o.tag = v adds a property until a setter appears on the prototype.
function Box() {}
function tagged(v) { const b = new Box(); b.tag = v; return b; }
for (let i = 0; i < 3; i++) tagged(i);
const intercepted = [];
Object.defineProperty(Box.prototype, 'tag', {
  set(v) { intercepted.push(v); }, get() { return 'from getter'; }, configurable: true,
});
const b = tagged(7);
console.log(b.tag, intercepted.join(), Object.keys(b).length);
// expect: from getter 7 0
function Plain() {}
function addY(o) { o.y = 5; return o; }
addY(new Plain()); addY(new Plain());
Object.setPrototypeOf(Plain.prototype, { set y(v) { intercepted.push('y' + v); } });
const c = addY(new Plain());
console.log(Object.keys(c).length, intercepted.join());
// expect: 0 7,y5
// A prototype swapped in after the cache filled, whose setter already existed (no accessor is
// defined after the fill): the chain check alone must send the store to the setter.
const withSetter = { set w(v) { intercepted.push('w' + v); } };
function Wide() { this.w = 0; }
new Wide(); new Wide();
Object.setPrototypeOf(Wide.prototype, withSetter);
const wide = new Wide();
console.log(Object.keys(wide).length, intercepted.join());
// expect: 0 7,y5,w0
const getterOnly = Object.create({ get z() { return 'z getter'; } });
function addZ(o) { o.z = 1; return o; }
addZ({}); addZ({});
console.log(addZ(getterOnly).z, Object.keys(getterOnly).length);
// expect: z getter 0
function grow(o) { o.a = 1; o.b = 2; o.c = 3; o.d = 4; o.e = 5; o.f = 6; return o; }
const grown = [];
for (let i = 0; i < 4; i++) grown.push(grow({}));
console.log(JSON.stringify(grown[3]), grown[0].f + grown[3].e);
// expect: {"a":1,"b":2,"c":3,"d":4,"e":5,"f":6} 11

// `length` through one site: virtual on arrays and strings, inherited data on an object.
function len(o) { return o.length; }
const arrayLike = Object.create({ length: 3 });
const lens = [];
for (let i = 0; i < 2; i++) lens.push(len(arrayLike), len([9, 9]), len('abcd'));
console.log(lens.join());
// expect: 3,2,4,3,2,4

// Global loads follow redefinition.
var counter = 1;
function readCounter() { return counter; }
const reads = [readCounter(), readCounter()];
counter = 'two';
reads.push(readCounter());
globalThis.extra = 1;  // the global's shape changes
counter = 3;
reads.push(readCounter());
console.log(reads.join());
// expect: 1,1,two,3

// Strict equality fast paths.
const nan = 0 / 0, negZero = -0, big = 2 ** 40;
console.log(nan === nan, negZero === 0, 0 === negZero, big === 2 ** 40, 'ab' === 'a' + 'b',
            null === undefined, p === p, p !== q, 1 === 1.5, big !== big);
// expect: false true true true true false true true false false

// Array literals are pre-sized for their elements and still grow.
const lit = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
lit.push(11);
const holes = [1, , 3];
const spread = [0, ...lit, 12];
console.log(lit.length, lit[10], holes.length, 1 in holes, spread.length, spread[12]);
// expect: 11 11 3 false 13 12
