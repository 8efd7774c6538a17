// Array builtins.
const a = [5, 1, 4, 2, 3];
console.log(a.slice(1, 3), a.indexOf(4), a.includes(9), a.join('-'));
console.log([...a].sort(), [...a].sort((x, y) => y - x), a.map(x => x * 2), a.filter(x => x % 2));
console.log(a.reduce((s, x) => s + x, 0), a.find(x => x > 3), a.findIndex(x => x > 3), a.some(x => x > 4), a.every(x => x > 0));
const b = [1, 2, 3];
console.log(b.push(4, 5), b.pop(), b.shift(), b.unshift(0), b);
console.log(b.splice(1, 2, 'x', 'y', 'z'), b, b.reverse(), b.concat([7, [8]], 9));
console.log(Array.isArray(b), Array.from('abc'), Array.from({ length: 3 }, (_, i) => i * i), Array.of(1, 2));
console.log(new Array(3).fill(0), [1, [2, [3]]].flat(), [1, 2, 3].at(-1), [...[3, 1, 2].keys()]);
const big = [];
for (let i = 0; i < 150; i++) big.push(i);
console.log(big);
console.log(['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew']);
let visited = 0;
[1, 2, 3].forEach(function (x) { visited += x * this.k; }, { k: 10 });
console.log(visited, [].concat.length, [1, 2, 3].toString(), String([1, [2, 3]]));
const arr = [1, 2, 3];
arr.length = 1;
console.log(arr, arr.length, [, , 1].length);

// Expected output (node 20):
// expect: [ 1, 4 ] 2 false 5-1-4-2-3
// expect: [ 1, 2, 3, 4, 5 ] [ 5, 4, 3, 2, 1 ] [ 10, 2, 8, 4, 6 ] [ 5, 1, 3 ]
// expect: 15 5 0 true true
// expect: 5 5 1 4 [ 0, 2, 3, 4 ]
// expect: [ 2, 3 ] [ 4, 'z', 'y', 'x', 0 ] [ 4, 'z', 'y', 'x', 0 ] [
// expect:   4,     'z', 'y',
// expect:   'x',   0,   7,
// expect:   [ 8 ], 9
// expect: ]
// expect: true [ 'a', 'b', 'c' ] [ 0, 1, 4 ] [ 1, 2 ]
// expect: [ 0, 0, 0 ] [ 1, 2, [ 3 ] ] 3 [ 0, 1, 2 ]
// expect: [
// expect:    0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,
// expect:   12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
// expect:   24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,
// expect:   36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
// expect:   48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,
// expect:   60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,
// expect:   72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,
// expect:   84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,
// expect:   96, 97, 98, 99,
// expect:   ... 50 more items
// expect: ]
// expect: [
// expect:   'apple',
// expect:   'banana',
// expect:   'cherry',
// expect:   'date',
// expect:   'elderberry',
// expect:   'fig',
// expect:   'grape',
// expect:   'honeydew'
// expect: ]
// expect: 60 1 1,2,3 1,2,3
// expect: [ 1 ] 1 3

// Array.from iterates anything with a callable Symbol.iterator (generators, user iterables) before
// falling back to array-likes.
function* fromGen() { yield 1; yield 2; }
console.log(Array.from(fromGen()), Array.from(fromGen(), (x, i) => x * 10 + i));
console.log(Array.from({ length: 5, [Symbol.iterator]: function* () { yield 'it'; } }), Array.from({ length: 2, 0: 'a' }));
// expect: [ 1, 2 ] [ 10, 21 ]
// expect: [ 'it' ] [ 'a', undefined ]
