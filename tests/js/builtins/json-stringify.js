// JSON.stringify (ECMA-262 §25.5.2): replacer functions and property lists, the gap from `space`,
// toJSON(key), wrapper objects, what serializes to nothing, and node 20's circular-structure message.
const data = { a: 1, b: [1, 2, { c: 3 }], d: { e: 'x', f: null }, g: undefined, h() {}, [Symbol('s')]: 1 };
console.log(JSON.stringify(data));
// Replacer function: this = holder, key is a string ('' at the top, '0' for elements).
const seen = [];
console.log(JSON.stringify(data, function (k, v) {
  seen.push(JSON.stringify(k) + (Array.isArray(this) ? '[]' : '{}'));
  return typeof v === 'number' ? v * 2 : v;
}));
console.log(seen.join(' '));
console.log(JSON.stringify({ a: 1, b: 2 }, (k, v) => (k === 'a' ? undefined : v)), JSON.stringify([1, 2], (k, v) => (k === '0' ? undefined : v)));
console.log(JSON.stringify(5, (k, v) => (k === '' ? { wrapped: v, key: k } : v)), JSON.stringify({ x: 1 }, () => undefined));
// Property list: strings, numbers and their wrappers, first occurrence, in list order; applies at every level.
console.log(JSON.stringify({ a: 1, b: 2, c: { a: 3, b: 4, 1: 5 }, 1: 'one' }, ['c', 'a', 1, new String('b'), 'a', {}, true, null]));
console.log(JSON.stringify([{ a: 1, b: 2 }], ['b']), JSON.stringify({ a: 1 }, []), JSON.stringify({ a: 1 }, 'not a replacer'));
// space: numbers (clamped to 10, truncated), strings (first 10 units), wrappers; anything else is no gap.
const nested = { a: [1, { b: 2 }, []], c: {}, d: 'x' };
for (const space of [2, 0, -1, 2.9, 20, '--', '\t', 'abcdefghijklmnop', new Number(3), new String('>>'), true, null, {}, NaN]) {
  console.log(JSON.stringify(space) + ':\n' + JSON.stringify(nested, null, space));
}
// toJSON gets the key; Dates use theirs; it runs before the replacer.
console.log(JSON.stringify({ k: { toJSON(key) { return 'toJSON(' + key + ')'; } }, list: [{ toJSON: (k) => 'el' + k }] }));
console.log(JSON.stringify({ when: new Date(0) }), JSON.stringify({ t: { toJSON() { return 1; } } }, (k, v) => (k === 't' ? [v] : v)));
// Wrappers unwrap; primitives and what becomes undefined.
console.log(JSON.stringify([new Number(3), new String('s'), new Boolean(false), Object(Symbol('q'))]));
console.log(JSON.stringify([undefined, function () {}, Symbol('x'), NaN, -0, Infinity, -Infinity, 1e21, 0.1 + 0.2]));
console.log(JSON.stringify(undefined), JSON.stringify(function () {}), JSON.stringify(Symbol('x')), JSON.stringify(null), JSON.stringify('\u00e9\ud800"\\\u0007'));
const sparse = [1, , 3];
sparse.length = 5;
console.log(JSON.stringify(sparse), JSON.stringify(Object.create({ inherited: 1 })), JSON.stringify(new Map([[1, 2]])));
const hidden = { shown: 1 };
Object.defineProperty(hidden, 'hidden', { value: 2, enumerable: false });
console.log(JSON.stringify(hidden), JSON.stringify({ 2: 'b', 1: 'a', z: 'z', y: 'y' }));
// The same object twice (not a cycle) is fine; a cycle is a TypeError naming the path around it.
const shared = { s: 1 };
console.log(JSON.stringify({ x: shared, y: [shared, shared] }));
function circle(make) {
  try { JSON.stringify(make()); } catch (e) { console.log(e.name + ': ' + e.message); }
}
circle(() => { const a = {}; a.self = a; return a; });
circle(() => { const b = { x: { y: [1, { z: null }] } }; b.x.y[1].z = b.x; return b; });
circle(() => { class Foo { constructor() { this.k = { m: this }; } } return [new Foo()]; });
circle(() => { const c = Object.create(null); c.q = { r: { s: { t: c } } }; return c; });
circle(() => { const d = []; d.push(d); return d; });
circle(() => { const e = { a: { b: { c: { d: { e: { f: {} } } } } } }; e.a.b.c.d.e.f.g = e.a; return e; });
circle(() => { const h2 = { back: null }; h2.back = h2; return { toJSON() { return h2; } }; });
circle(() => { const arr = [1]; const wrap = { arr }; arr.push(wrap); return wrap; });
circle(() => { const ci = { inner: {} }; ci.inner['weird key'] = ci; return ci; });
// Deep nesting ends in a RangeError, never a crash; moderate depth works.
const bottomless = { toJSON() { return [this]; } };  // a new array at every level: no cycle
try { JSON.stringify(bottomless); } catch (e) { console.log(e.name + ': ' + e.message); }
let moderate = {};
for (let i = 0, cur = moderate; i < 1000; i++) { cur.n = {}; cur = cur.n; }
console.log(JSON.stringify(moderate).length);
// Errors from toJSON, replacers and getters propagate.
try { JSON.stringify({ get boom() { throw new Error('getter'); } }); } catch (e) { console.log(e.message); }
try { JSON.stringify([1], () => { throw new TypeError('replacer'); }); } catch (e) { console.log(e.name, e.message); }
// Round trip.
const round = { n: -1.5e-7, s: 'caf\u00e9 \u{1F600}', a: [true, false, null, [], {}], o: { 'k"ey': 'v\n' } };
console.log(JSON.stringify(JSON.parse(JSON.stringify(round))) === JSON.stringify(round), JSON.stringify(round));

// expect: {"a":1,"b":[1,2,{"c":3}],"d":{"e":"x","f":null}}
// expect: {"a":2,"b":[2,4,{"c":6}],"d":{"e":"x","f":null}}
// expect: ""{} "a"{} "b"{} "0"[] "1"[] "2"[] "c"{} "d"{} "e"{} "f"{} "g"{} "h"{}
// expect: {"b":2} [null,2]
// expect: {"wrapped":5,"key":""} undefined
// expect: {"c":{"a":3,"1":5,"b":4},"a":1,"1":"one","b":2}
// expect: [{"b":2}] {} {"a":1}
// expect: 2:
// expect: {
// expect:   "a": [
// expect:     1,
// expect:     {
// expect:       "b": 2
// expect:     },
// expect:     []
// expect:   ],
// expect:   "c": {},
// expect:   "d": "x"
// expect: }
// expect: 0:
// expect: {"a":[1,{"b":2},[]],"c":{},"d":"x"}
// expect: -1:
// expect: {"a":[1,{"b":2},[]],"c":{},"d":"x"}
// expect: 2.9:
// expect: {
// expect:   "a": [
// expect:     1,
// expect:     {
// expect:       "b": 2
// expect:     },
// expect:     []
// expect:   ],
// expect:   "c": {},
// expect:   "d": "x"
// expect: }
// expect: 20:
// expect: {
// expect:           "a": [
// expect:                     1,
// expect:                     {
// expect:                               "b": 2
// expect:                     },
// expect:                     []
// expect:           ],
// expect:           "c": {},
// expect:           "d": "x"
// expect: }
// expect: "--":
// expect: {
// expect: --"a": [
// expect: ----1,
// expect: ----{
// expect: ------"b": 2
// expect: ----},
// expect: ----[]
// expect: --],
// expect: --"c": {},
// expect: --"d": "x"
// expect: }
// expect: "\t":
// expect: {
// expect: 	"a": [
// expect: 		1,
// expect: 		{
// expect: 			"b": 2
// expect: 		},
// expect: 		[]
// expect: 	],
// expect: 	"c": {},
// expect: 	"d": "x"
// expect: }
// expect: "abcdefghijklmnop":
// expect: {
// expect: abcdefghij"a": [
// expect: abcdefghijabcdefghij1,
// expect: abcdefghijabcdefghij{
// expect: abcdefghijabcdefghijabcdefghij"b": 2
// expect: abcdefghijabcdefghij},
// expect: abcdefghijabcdefghij[]
// expect: abcdefghij],
// expect: abcdefghij"c": {},
// expect: abcdefghij"d": "x"
// expect: }
// expect: 3:
// expect: {
// expect:    "a": [
// expect:       1,
// expect:       {
// expect:          "b": 2
// expect:       },
// expect:       []
// expect:    ],
// expect:    "c": {},
// expect:    "d": "x"
// expect: }
// expect: ">>":
// expect: {
// expect: >>"a": [
// expect: >>>>1,
// expect: >>>>{
// expect: >>>>>>"b": 2
// expect: >>>>},
// expect: >>>>[]
// expect: >>],
// expect: >>"c": {},
// expect: >>"d": "x"
// expect: }
// expect: true:
// expect: {"a":[1,{"b":2},[]],"c":{},"d":"x"}
// expect: null:
// expect: {"a":[1,{"b":2},[]],"c":{},"d":"x"}
// expect: {}:
// expect: {"a":[1,{"b":2},[]],"c":{},"d":"x"}
// expect: null:
// expect: {"a":[1,{"b":2},[]],"c":{},"d":"x"}
// expect: {"k":"toJSON(k)","list":["el0"]}
// expect: {"when":"1970-01-01T00:00:00.000Z"} {"t":[1]}
// expect: [3,"s",false,{}]
// expect: [null,null,null,null,0,null,null,1e+21,0.30000000000000004]
// expect: undefined undefined undefined null "é\ud800\"\\\u0007"
// expect: [1,null,3,null,null] {} {}
// expect: {"shown":1} {"1":"a","2":"b","z":"z","y":"y"}
// expect: {"x":{"s":1},"y":[{"s":1},{"s":1}]}
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     --- property 'self' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     |     property 'y' -> object with constructor 'Array'
// expect:     |     index 1 -> object with constructor 'Object'
// expect:     --- property 'z' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Foo'
// expect:     |     property 'k' -> object with constructor 'Object'
// expect:     --- property 'm' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     |     property 'q' -> object with constructor 'Object'
// expect:     |     property 'r' -> object with constructor 'Object'
// expect:     |     property 's' -> object with constructor 'Object'
// expect:     --- property 't' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Array'
// expect:     --- index 0 closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     |     property 'b' -> object with constructor 'Object'
// expect:     |     property 'c' -> object with constructor 'Object'
// expect:     |     ...
// expect:     |     property 'f' -> object with constructor 'Object'
// expect:     --- property 'g' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     --- property 'back' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     |     property 'arr' -> object with constructor 'Array'
// expect:     --- index 1 closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     |     property 'inner' -> object with constructor 'Object'
// expect:     --- property 'weird key' closes the circle
// expect: RangeError: Maximum call stack size exceeded
// expect: 6002
// expect: getter
// expect: TypeError replacer
// expect: true {"n":-1.5e-7,"s":"café 😀","a":[true,false,null,[],{}],"o":{"k\"ey":"v\n"}}
