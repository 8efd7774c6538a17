// A plain object whose prototype chain reaches an array sees the array's elements (ECMA-262
// OrdinaryGet walks the chain; arrays keep indices as elements).
const base = [10, 20, , 40];
const o = Object.create(base);
console.log(o[0], o[1], o[2], o[3], o[4]);
// expect: 10 20 undefined 40 undefined
console.log(o['1'], 1 in o, 2 in o, 3 in o, '3' in o, 9 in o);
// expect: 20 true false true true false
o[1] = 'own';
console.log(o[1], base[1], Object.keys(o));
// expect: own 20 [ '1' ]
const deeper = Object.create(Object.create(['a', 'b']));
console.log(deeper[1], deeper[0] + deeper[1]);
// expect: b ab
class Wrapper {}
Object.setPrototypeOf(Wrapper.prototype, [7, 8, 9]);
const w = new Wrapper();
console.log(w[2], w.length, typeof w.push);
// expect: 9 3 function
// Keys that are objects: their toString allocates before the lookup (a GC may move the array).
const arr = [5, 6, 7];
const key = { toString() { return String(1 + 1); } };
let hits = 0;
for (let i = 0; i < 2000; i++) if (arr[key] === 7 && key in arr && key in Object.create(arr)) hits++;
console.log(hits);
// expect: 2000
