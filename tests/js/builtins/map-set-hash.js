// Map/Set as ordered hash tables: insertion order, SameValueZero keys, identity keys that survive
// moving GCs, mutation during iteration (the 200 000-entry run is tests/js/perf/map-set-200k.js).
const m = new Map();
m.set('1', 'string one').set(1, 'number one').set(1.5, 'float').set(NaN, 'nan').set(-0, 'zero');
console.log(m.get(1), m.get('1'), m.get(1.5), m.get(NaN), m.get(0), m.get(+0), m.size);  // expect: number one string one float nan zero zero 5
console.log(m.get(2 ** 40) === undefined, m.set(2 ** 40, 'big').get(2 * 2 ** 39));  // expect: true big
console.log([...m.keys()]);  // expect: [ '1', 1, 1.5, NaN, 0, 1099511627776 ]
const s1 = 'ab', s2 = 'a' + 'b';
console.log(new Set([s1, s2, true, true, null, undefined, null]).size);  // expect: 4

// Objects and functions are keys by identity; their hashes survive GCs that move them.
const objs = [];
const byObj = new Map();
for (let i = 0; i < 600; i++) {
  const o = { i };
  objs.push(o);
  byObj.set(o, i);
  if (i % 3 === 0) byObj.set(() => i, 'fn');
}
let garbage = [];
for (let i = 0; i < 3000; i++) garbage.push({ junk: i });  // allocation pressure: scavenges move objects
garbage = null;
let found = 0;
for (let i = 0; i < objs.length; i++) found += byObj.get(objs[i]) === i ? 1 : 0;
console.log(found, byObj.has({ i: 0 }), byObj.size);  // expect: 600 false 800

// Deleting ahead of an iterator skips the entry; entries added during iteration are visited.
const order = new Map([[1, 'a'], [2, 'b'], [3, 'c']]);
const seen = [];
for (const e of order) {
  seen.push(e[0]);
  if (e[0] === 1) { order.delete(2); order.set(4, 'd'); }
}
console.log(seen);  // expect: [ 1, 3, 4 ]
// Growth (a rehash) in the middle of an iteration keeps its position.
const grow = new Set([0, 1, 2, 3]);
const visited = [];
for (const v of grow) {
  visited.push(v);
  if (v === 1) { grow.delete(0); for (let i = 10; i < 30; i++) grow.add(i); }
}
console.log(visited.length, visited[0], visited[1], visited[2], visited[visited.length - 1]);  // expect: 24 0 1 2 29
// clear() during iteration: continues with what is added afterwards.
const cl = new Set(['x', 'y']);
const after = [];
for (const v of cl) {
  after.push(v);
  if (v === 'x') { cl.clear(); cl.add('z'); }
}
console.log(after);  // expect: [ 'x', 'z' ]
// forEach sees the same semantics.
const fe = new Map([['p', 1], ['q', 2]]);
const feSeen = [];
fe.forEach((v, k, map) => { feSeen.push(k + v); if (k === 'p') { map.delete('q'); map.set('r', 3); } });
console.log(feSeen);  // expect: [ 'p1', 'r3' ]
// Re-adding a deleted key appends it at the end.
const re = new Set([1, 2, 3]);
re.delete(1);
re.add(1);
console.log([...re]);  // expect: [ 2, 3, 1 ]
