// Names node 20 gives: V8's text for a non-callable Map/Set forEach callback (BuildDefaultCallSite:
// typeof, then the value for primitives, strings cut at 100 units), accessor closures named
// "get k" / "set k" (object literals, classes, static members, number keys; the Map size getter),
// the constructor names in TypeError receivers, JSON's circular-structure message and
// util.inspect, function kinds in util.types and console.log, and the timer constructors.
const util = require('util');

function fail(f) {
  try { f(); return 'no throw'; } catch (e) { return e.constructor.name + ': ' + e.message; }
}
for (const v of ['x', 'a"b', '', 1, -0, NaN, 1.5e300, true, false, undefined, null, {}, [1, 2],
                 Symbol('s'), new Map(), Object.create(null)]) {
  console.log(fail(() => new Map([[1, 1]]).forEach(v)), '|', fail(() => new Set().forEach(v)));
}
const long = fail(() => new Map().forEach('a'.repeat(150) + 'TAIL'));
console.log(long.length, long.slice(-30));
console.log(fail(() => new Map().forEach('\u00e9'.repeat(101))).length);

const o = { get b() { return 1; }, set b(v) {}, get 1() { return 3; }, 2() {}, m() {}, f: function () {} };
const d = Object.getOwnPropertyDescriptor(o, 'b');
console.log(d.get.name, '|', d.set.name, '|', Object.getOwnPropertyDescriptor(o, '1').get.name, '|', o[2].name, o.m.name, o.f.name);
console.log(d.get, d.set);
console.log(d);
class K {
  get x() { return 1; }
  set x(v) {}
  static get y() { return 2; }
  static set y(v) {}
  get #p() { return 7; }
  p() { return this.#p; }
}
const kd = Object.getOwnPropertyDescriptor(K.prototype, 'x');
const ky = Object.getOwnPropertyDescriptor(K, 'y');
console.log(kd.get.name, '|', kd.set.name, '|', ky.get.name, '|', ky.set.name, new K().p());
console.log(kd);
console.log(Object.getOwnPropertyDescriptor(Map.prototype, 'size').get.name);
console.log(Object.getOwnPropertyDescriptor(Set.prototype, 'size'));

// Constructor names: TypeError receivers, JSON.stringify's circle, util.inspect.
class Foo {}
function Bar() {}
const frozen = Object.freeze(Object.assign(new Foo(), { x: 0 }));
console.log(fail(() => { 'use strict'; frozen.x = 1; }));
const withAccessorCtor = Object.freeze(Object.create({ get constructor() { return Foo; } }, { x: { value: 0 } }));
console.log(fail(() => { 'use strict'; withAccessorCtor.x = 1; }));
const nonFunctionCtor = Object.freeze(Object.create(Object.create(Foo.prototype, { constructor: { value: 5 } }), { x: { value: 0 } }));
console.log(fail(() => { 'use strict'; nonFunctionCtor.x = 1; }));
console.log(fail(() => { 'use strict'; delete Object.freeze(Object.assign(new Bar(), { z: 1 })).z; }));
console.log(fail(() => { 'use strict'; Object.freeze(Object.assign(new (class {})(), { x: 0 })).x = 1; }));
const bare = Object.freeze(Object.assign(Object.create(Object.create(null)), { x: 0 }));
console.log(fail(() => { 'use strict'; bare.x = 1; }), '|', fail(() => { 'use strict'; delete bare.x; }));
const a = new Foo(); const b = new Bar(); a.b = b; b.o = Object.create(nonFunctionCtor); b.o.a = a;
console.log(fail(() => JSON.stringify(a)).split('\n').join(' / '));
console.log(util.inspect(Object.create(Foo.prototype)), util.inspect(Foo.prototype), util.inspect(Object.create(null)));
console.log(util.inspect(nonFunctionCtor), util.inspect(Object.create(withAccessorCtor)));

// Function kinds.
const kinds = [function () {}, async function () {}, function* () {}, Math.max, class {}, 1];
console.log(kinds.map((f) => [util.types.isAsyncFunction(f), util.types.isGeneratorFunction(f)].join('/')).join(' '));
console.log(kinds.slice(0, 4));
console.log(util.types.isGeneratorObject((function* () {})()), util.types.isGeneratorObject({}));

// Timers: no prototype before the first timer; the constructors are not callable.
clearTimeout({});
clearTimeout(Object.create(null));
const t = setTimeout(() => {}, 0);
console.log(fail(() => t.constructor()), '|', fail(() => setImmediate(() => {}).constructor()));
console.log(Object.keys(Object.getPrototypeOf(t)), Object.getOwnPropertyNames(Object.getPrototypeOf(t)).sort());
clearTimeout(t);

// expect: TypeError: string "x" is not a function | TypeError: string "x" is not a function
// expect: TypeError: string "a"b" is not a function | TypeError: string "a"b" is not a function
// expect: TypeError: string "" is not a function | TypeError: string "" is not a function
// expect: TypeError: number 1 is not a function | TypeError: number 1 is not a function
// expect: TypeError: number 0 is not a function | TypeError: number 0 is not a function
// expect: TypeError: number NaN is not a function | TypeError: number NaN is not a function
// expect: TypeError: number 1.5e+300 is not a function | TypeError: number 1.5e+300 is not a function
// expect: TypeError: boolean true is not a function | TypeError: boolean true is not a function
// expect: TypeError: boolean false is not a function | TypeError: boolean false is not a function
// expect: TypeError: undefined is not a function | TypeError: undefined is not a function
// expect: TypeError: object null is not a function | TypeError: object null is not a function
// expect: TypeError: object is not a function | TypeError: object is not a function
// expect: TypeError: object is not a function | TypeError: object is not a function
// expect: TypeError: symbol is not a function | TypeError: symbol is not a function
// expect: TypeError: object is not a function | TypeError: object is not a function
// expect: TypeError: object is not a function | TypeError: object is not a function
// expect: 143 aaaaaa<...>" is not a function
// expect: 143
// expect: get b | set b | get 1 | 2 m f
// expect: [Function: get b] [Function: set b]
// expect: {
// expect:   get: [Function: get b],
// expect:   set: [Function: set b],
// expect:   enumerable: true,
// expect:   configurable: true
// expect: }
// expect: get x | set x | get y | set y 7
// expect: {
// expect:   get: [Function: get x],
// expect:   set: [Function: set x],
// expect:   enumerable: false,
// expect:   configurable: true
// expect: }
// expect: get size
// expect: {
// expect:   get: [Function: get size],
// expect:   set: undefined,
// expect:   enumerable: false,
// expect:   configurable: true
// expect: }
// expect: TypeError: Cannot assign to read only property 'x' of object '#<Foo>'
// expect: TypeError: Cannot assign to read only property 'x' of object '[object Object]'
// expect: TypeError: Cannot assign to read only property 'x' of object '[object Object]'
// expect: TypeError: Cannot delete property 'z' of #<Bar>
// expect: TypeError: Cannot assign to read only property 'x' of object '[object Object]'
// expect: TypeError: Cannot assign to read only property 'x' of object '[object Object]' | TypeError: Cannot delete property 'x' of [object Object]
// expect: TypeError: Converting circular structure to JSON /     --> starting at object with constructor 'Foo' /     |     property 'b' -> object with constructor 'Bar' /     |     property 'o' -> object with constructor 'Foo' /     --- property 'a' closes the circle
// expect: Foo {} {} [Object: null prototype] {}
// expect: Foo {} {}
// expect: false/false true/false false/true false/false false/false false/false
// expect: [
// expect:   [Function (anonymous)],
// expect:   [AsyncFunction (anonymous)],
// expect:   [GeneratorFunction (anonymous)],
// expect:   [Function: max]
// expect: ]
// expect: true false
// expect: TypeError: Class constructor Timeout cannot be invoked without 'new' | TypeError: Class constructor Immediate cannot be invoked without 'new'
// expect: [ 'close' ] [ 'close', 'constructor', 'hasRef', 'ref', 'refresh', 'unref' ]
