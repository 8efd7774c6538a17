// require('util'): inspect with options, format, isDeepStrictEqual, types, promisify, callbackify,
// inherits, deprecate — node 20's documented behaviour.
const util = require('util');
const nested = { a: { b: { c: { d: { e: 1 } } } }, list: [1, [2, [3, [4]]]] };
console.log(util.inspect(nested));
console.log(util.inspect(nested, { depth: 0 }));
console.log(util.inspect(nested, { depth: null }));
console.log(util.inspect(nested, { depth: Infinity }) === util.inspect(nested, { depth: null }));
console.log(util.inspect(nested, false, 1));
console.log(util.inspect('str'), util.inspect(5), util.inspect([1, 'a']), util.inspect(new Map([[1, { x: [1] }]]), { depth: 0 }));
console.log(util.format('%s=%d, %i%%', 'x', 5.5, 7.9), util.format('a', { b: 1 }, [2]), util.format(1, 2));
console.log(typeof util.inspect.custom, util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'), util.inspect.defaultOptions.depth);
console.log(util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), util.isDeepStrictEqual({ a: 1 }, { a: '1' }),
            util.isDeepStrictEqual([1, 2], { 0: 1, 1: 2 }), util.isDeepStrictEqual(new Map([[1, { x: 1 }]]), new Map([[1, { x: 1 }]])),
            util.isDeepStrictEqual(new Set([{ a: 1 }]), new Set([{ a: 1 }])), util.isDeepStrictEqual(NaN, NaN),
            util.isDeepStrictEqual(new Date(5), new Date(5)), util.isDeepStrictEqual(new Date(5), new Date(6)));
const cyc1 = { n: 1 }; cyc1.self = cyc1; const cyc2 = { n: 1 }; cyc2.self = cyc2;
console.log(util.isDeepStrictEqual(cyc1, cyc2), util.isDeepStrictEqual([1, , 3], [1, undefined, 3]));
const t = util.types;
console.log(t.isDate(new Date()), t.isDate({}), t.isRegExp(/x/), t.isRegExp({}), t.isMap(new Map()), t.isSet(new Set()), t.isSet(new Map()),
            t.isPromise(Promise.resolve()), t.isPromise({ then() {} }), t.isTypedArray(new Uint8Array(1)), t.isUint8Array(new Uint8Array(1)),
            t.isNativeError(new TypeError()), t.isNativeError({ name: 'Error' }), t.isBoxedPrimitive(new String('s')), t.isBoxedPrimitive('s'),
            t.isAsyncFunction(async () => {}), t.isAsyncFunction(() => {}), t.isGeneratorFunction(function* () {}), t.isWeakMap(new WeakMap()),
            t.isArrayBuffer(new ArrayBuffer(1)), t.isDataView(new DataView(new ArrayBuffer(1))), t.isNumberObject(new Number(1)));
function legacy(a, b, cb) { setTimeout(() => (a < 0 ? cb(new Error('negative')) : cb(null, a + b)), 1); }
const p = util.promisify(legacy);
p(1, 2).then((v) => console.log('promisified', v));
p(-1, 2).catch((e) => console.log('promisified rejects', e.message));
function custom() {}
custom[util.promisify.custom] = () => Promise.resolve('custom');
console.log(util.promisify(custom) === custom[util.promisify.custom]);
const cb = util.callbackify(async (x) => x * 2);
cb(21, (err, v) => console.log('callbackified', err, v));
util.callbackify(async () => { throw new Error('boom'); })((err) => console.log('callbackified error', err.message));
function Animal(name) { this.name = name; }
Animal.prototype.speak = function () { return this.name + ' makes a sound'; };
function Dog(name) { Animal.call(this, name); }
util.inherits(Dog, Animal);
console.log(new Dog('Rex').speak(), Dog.super_ === Animal, new Dog('x') instanceof Animal);
const old = util.deprecate((x) => x + 1, 'old() is deprecated', 'DEP0999');
console.log(old(1), old(2));
console.log(util.isArray([]), typeof util.TextEncoder, util.debuglog('tenure-test').enabled);
try { util.promisify(5); } catch (e) { console.log(e.code, e.message); }

// expect: { a: { b: { c: [Object] } }, list: [ 1, [ 2, [Array] ] ] }
// expect: { a: [Object], list: [Array] }
// expect: {
// expect:   a: {
// expect:     b: { c: { d: { e: 1 } } }
// expect:   },
// expect:   list: [
// expect:     1,
// expect:     [ 2, [ 3, [ 4 ] ] ]
// expect:   ]
// expect: }
// expect: true
// expect: { a: { b: [Object] }, list: [ 1, [Array] ] }
// expect: 'str' 5 [ 1, 'a' ] Map(1) { 1 => [Object] }
// expect: x=5.5, 7% a { b: 1 } [ 2 ] 1 2
// expect: symbol true 2
// expect: true false false true true true true false
// expect: true false
// expect: true false true false true true false true false true true true false true false true false true true true true true
// expect: true
// expect: Rex makes a sound true true
// expect: 2 3
// expect: true function false
// expect: ERR_INVALID_ARG_TYPE The "original" argument must be of type function. Received type number (5)
// expect: callbackified null 42
// expect: callbackified error boom
// expect: promisified 3
// expect: promisified rejects negative
