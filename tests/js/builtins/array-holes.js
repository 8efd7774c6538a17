// Array iteration methods and holes / length: forEach, map, filter, some, every skip holes and
// visit only the indices below the length the array had when the call started (ECMA-262 23.1.3);
// find and findIndex visit holes as undefined.
const a = [1];
a.forEach((x) => { if (a.length < 5) a.push(x + 1); });
console.log(a);
const b = [1, , 3];
console.log(b.map((x) => x * 2), b.filter(() => true));
let calls = 0;
b.forEach(() => calls++);
console.log(calls, b.some((x) => x === undefined), b.every((x) => x !== undefined));
console.log(b.find((x) => x === undefined), b.findIndex((x) => x === undefined));
const holey = new Array(8);
for (let i = 0; i < 8; i += 2) holey[i] = { h: i };
console.log(holey.map((o) => o.h), holey.filter((o) => o.h > 2).length);
const shrinking = [1, 2, 3, 4];
const seen = [];
shrinking.forEach((x) => { seen.push(x); shrinking.length = 2; });
console.log(seen, shrinking);
const sparse = [];
sparse[5] = 'five';
let visits = 0;
sparse.map(() => visits++);
console.log(visits, sparse.findIndex((x) => x === 'five'), [, 1].reduce((s, x) => s + x), [1, , 2].reduce((s, x) => s + x, 10));
console.log([, , 7, , 8].reduceRight((s, x) => s + '|' + x), [3, , 4].reduceRight((s, x) => s * x, 2));
let emptyError = '';
try { [, ,].reduce((s, x) => s + x); } catch (e) { emptyError = e.constructor.name + ': ' + e.message; }
console.log(emptyError);
const growing = [1, 2];
console.log(growing.reduce((s, x) => { growing.push(9); return s + x; }, 0), growing.length);
// expect: [ 1, 2 ]
// expect: [ 2, <1 empty item>, 6 ] [ 1, 3 ]
// expect: 2 false true
// expect: undefined 1
// expect: [
// expect:   0,
// expect:   <1 empty item>,
// expect:   2,
// expect:   <1 empty item>,
// expect:   4,
// expect:   <1 empty item>,
// expect:   6,
// expect:   <1 empty item>
// expect: ] 2
// expect: [ 1, 2 ] [ 1, 2 ]
// expect: 1 5 1 13
// expect: 8|7 24
// expect: TypeError: Reduce of empty array with no initial value
// expect: 3 4
