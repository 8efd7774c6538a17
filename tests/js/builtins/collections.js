// Map, Set, JSON, Object helpers.
const m = new Map();
m.set('a', 1).set({ k: 1 }, 'obj').set(NaN, 'nan');
console.log(m.get('a'), m.has('b'), m.get(NaN), m.size, m);
m.delete('a');
console.log(m.size, [...m.keys()].length, m);
const s = new Set([1, 2, 2, 3, 3, 3]);
s.add(4);
console.log(s, s.size, s.has(2), [...s].reduce((x, y) => x + y));
s.delete(1);
const seen = [];
s.forEach(v => seen.push(v));
console.log(seen, new Set(), new Map([[1, { deep: { deeper: { deepest: 1 } } }]]));
const cache = new Map();
for (let i = 0; i < 1000; i++) cache.set('key' + i, i);
let total = 0;
for (const entry of cache) total += entry[1];
console.log(cache.size, total, cache.get('key999'));
console.log(JSON.stringify([new Map(), { a: undefined, b: () => 1, c: 'x' }]), JSON.stringify('he said "hi"'));
console.log(JSON.stringify({ n: 1, arr: [1, { x: 2 }] }, null, '  '));
try { JSON.parse('{bad'); } catch (e) { console.log(e.name); }

// Expected output (node 20):
// expect: 1 false nan 3 Map(3) { 'a' => 1, { k: 1 } => 'obj', NaN => 'nan' }
// expect: 2 2 Map(2) { { k: 1 } => 'obj', NaN => 'nan' }
// expect: Set(4) { 1, 2, 3, 4 } 4 true 10
// expect: [ 2, 3, 4 ] Set(0) {} Map(1) { 1 => { deep: { deeper: [Object] } } }
// expect: 1000 499500 999
// expect: [{},{"c":"x"}] "he said \"hi\""
// expect: {
// expect:   "n": 1,
// expect:   "arr": [
// expect:     1,
// expect:     {
// expect:       "x": 2
// expect:     }
// expect:   ]
// expect: }
// expect: SyntaxError
