// Array.prototype methods are generic (ECMA-262 §23.1.3): any object with a length works as the
// receiver — array-likes, strings, argument lists — through Get / HasProperty / Set / Delete, so
// holes, getters, setters and length coercion behave as in node.
const P = Array.prototype;
const like = () => ({ length: 4, 0: 'a', 1: 'b', 3: 'd' });  // index 2 is a hole
const show = (o) => JSON.stringify(o);
function args() { return arguments; }

// Reading methods.
console.log(P.join.call(like(), '-'), P.toString.call(like()), P.toString.call({ join: () => 'own join' }), P.toString.call({}));
console.log(P.map.call('abc', (c, i, o) => c + i + typeof o), P.filter.call(like(), (x) => x !== 'b'), P.slice.call(like(), 1));
console.log(P.indexOf.call(like(), 'd'), P.indexOf.call(like(), undefined), P.includes.call(like(), undefined), P.lastIndexOf.call(like(), 'a'));
console.log(P.indexOf.call(like(), 'd', -1), P.lastIndexOf.call(like(), 'd', -2), P.includes.call('banana', 'n', 3), P.at.call('xyz', -1));
console.log(P.reduce.call(like(), (acc, x, i) => acc + x + i, ''), P.reduceRight.call(like(), (acc, x) => acc + x));
console.log(P.some.call(like(), (x) => x === 'd'), P.every.call(like(), (x) => typeof x === 'string'), P.every.call({ length: 0 }, () => false));
console.log(P.find.call(like(), (x, i) => i === 2), P.findIndex.call(like(), (x) => x === undefined), P.findLast.call(like(), (x) => x < 'c'), P.findLastIndex.call(like(), (x) => x === 'zz'));
const visited = [];
P.forEach.call(like(), function (x, i, o) { visited.push(i + x + (o.length === 4) + (this === P)); }, P);
console.log(visited.join(' '));
console.log(P.flat.call({ length: 3, 0: [1, [2, [3]]], 2: 4 }, 2), P.flatMap.call('ab', (c) => [c, c.toUpperCase()]));
console.log([...P.keys.call(like())], [...P.values.call('hi')], [...P.entries.call({ length: 2, 1: 'x' })]);
console.log(P.concat.call(1, 2, [3, 4]), P.concat.call('s', ['t']));
console.log(P.map.call(args(1, 2, 3), (x) => x * 10), P.join.call(args('p', 'q'), '+'));

// Mutating methods: the array-like is changed through Set and Delete, and its length is written.
let o = like();
console.log(P.push.call(o, 'e', 'f'), show(o));
o = like();
console.log(P.pop.call(o), show(o), P.pop.call({}), show(P.pop.call({ length: 0 }) ?? 'undefined'));
o = like();
console.log(P.shift.call(o), show(o));
o = like();
console.log(P.unshift.call(o, 'y', 'z'), show(o));
o = like();
console.log(show(P.splice.call(o, 1, 2, 'X', 'Y', 'Z')), show(o));
o = like();
console.log(show(P.splice.call(o, -1)), show(o), show(P.splice.call({ length: 2, 0: 1, 1: 2 })));
o = like();
console.log(show(P.reverse.call(o)), show(P.fill.call({ length: 3 }, 0, 1)), show(P.copyWithin.call({ length: 5, 0: 1, 1: 2, 2: 3, 3: 4, 4: 5 }, 1, 0, 3)));
console.log(show(P.sort.call({ length: 6, 0: 'c', 1: undefined, 2: 'a', 4: 'b', 5: 'A' })), show(P.sort.call({ length: 3, 0: 3, 1: 20, 2: 100 }, (a, b) => a - b)));
console.log(P.toSorted.call({ length: 3, 0: 'b', 2: 'a' }), P.toReversed.call('abc'), P.with.call({ length: 2, 0: 'x' }, -1, 'y'), P.toSpliced.call('abcd', 1, 2));
try { P.with.call({ length: 2 }, 2, 'z'); } catch (e) { console.log(e.name, e.message); }

// Length coercion (ToLength): strings, fractions, negatives, NaN, and a valueOf.
for (const length of ['2', 2.9, -5, NaN, { valueOf: () => 1 }, undefined]) {
  console.log(String(length), P.join.call({ length, 0: 'x', 1: 'y' }, '|'));
}
const big = { length: 2 ** 53 - 1 };
try { P.push.call(big, 1); } catch (e) { console.log(e.name, e.message); }

// Getters and setters run, in the spec's order.
const log = [];
const traced = {
  get length() { log.push('get length'); return 2; },
  get 0() { log.push('get 0'); return 'first'; },
  get 1() { log.push('get 1'); return 'second'; },
  set 0(v) { log.push('set 0 ' + v); },
  set 1(v) { log.push('set 1 ' + v); },
};
P.reverse.call(traced);
console.log(log.join(', '));
log.length = 0;
P.indexOf.call(traced, 'nope');
console.log(log.join(', '));

// Callbacks see the receiver, and changes made during the walk.
const live = { length: 3, 0: 1, 1: 2, 2: 3 };
console.log(P.map.call(live, (x, i, self) => { if (i === 0) { self[2] = 30; delete self[1]; } return x; }));

// A receiver of null or undefined is a TypeError; a non-function callback too.
for (const name of ['map', 'join', 'push', 'sort', 'concat', 'toString']) {
  try { P[name].call(null, () => 0); } catch (e) { console.log(e.name + ': ' + e.message); }
}
try { P.forEach.call(like(), 'nope'); } catch (e) { console.log(e.name + ': ' + e.message); }
try { P.reduce.call({ length: 2 }, (a, b) => a + b); } catch (e) { console.log(e.name + ': ' + e.message); }
// Real arrays still take their own paths.
console.log([3, 1, 2].sort(), [1, [2, [3]]].flat(Infinity), [1, 2, 3].map((x) => x * 2), Array.from({ length: 2 }, (_, i) => i));

// expect: a-b--d [object Object] own join [object Object]
// expect: [ 'a0object', 'b1object', 'c2object' ] [ 'a', 'd' ] [ 'b', <1 empty item>, 'd' ]
// expect: 3 -1 true 0
// expect: 3 -1 true z
// expect: a0b1d3 dba
// expect: true true true
// expect: undefined 2 b -1
// expect: 0atruetrue 1btruetrue 3dtruetrue
// expect: [ 1, 2, [ 3 ], 4 ] [ 'a', 'A', 'b', 'B' ]
// expect: [ 0, 1, 2, 3 ] [ 'h', 'i' ] [ [ 0, undefined ], [ 1, 'x' ] ]
// expect: [ [Number: 1], 2, 3, 4 ] [ [String: 's'], 't' ]
// expect: [ 10, 20, 30 ] p+q
// expect: 6 {"0":"a","1":"b","3":"d","4":"e","5":"f","length":6}
// expect: d {"0":"a","1":"b","length":3} undefined "undefined"
// expect: a {"0":"b","2":"d","length":3}
// expect: 6 {"0":"y","1":"z","2":"a","3":"b","5":"d","length":6}
// expect: ["b",null] {"0":"a","1":"X","2":"Y","3":"Z","4":"d","length":5}
// expect: ["d"] {"0":"a","1":"b","length":3} []
// expect: {"0":"d","2":"b","3":"a","length":4} {"1":0,"2":0,"length":3} {"0":1,"1":1,"2":2,"3":3,"4":5,"length":5}
// expect: {"0":"A","1":"a","2":"b","3":"c","length":6} {"0":3,"1":20,"2":100,"length":3}
// expect: [ 'a', 'b', undefined ] [ 'c', 'b', 'a' ] [ 'x', 'y' ] [ 'a', 'd' ]
// expect: RangeError Invalid index : 2
// expect: 2 x|y
// expect: 2.9 x|y
// expect: -5 
// expect: NaN 
// expect: [object Object] x
// expect: undefined 
// expect: TypeError Pushing 1 elements on an array-like of length 9007199254740991 is disallowed, as the total surpasses 2**53-1
// expect: get length, get 0, get 1, set 0 second, set 1 first
// expect: get length, get 0, get 1
// expect: [ 1, <1 empty item>, 30 ]
// expect: TypeError: Array.prototype.map called on null or undefined
// expect: TypeError: Cannot convert undefined or null to object
// expect: TypeError: Cannot convert undefined or null to object
// expect: TypeError: Cannot convert undefined or null to object
// expect: TypeError: Array.prototype.concat called on null or undefined
// expect: TypeError: Cannot convert undefined or null to object
// expect: TypeError: nope is not a function
// expect: TypeError: Reduce of empty array with no initial value
// expect: [ 1, 2, 3 ] [ 1, 2, 3 ] [ 2, 4, 6 ] [ 0, 1 ]
