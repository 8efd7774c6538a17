// Keys of an array that are not element indices (negative numbers, fractions, '01', 2**32 - 1)
// are ordinary string-keyed properties (ECMA-262 §10.4.2: an array index is < 2**32 - 1).
const a = [10, 20, 30];
a[-1] = 'minus one';
a[1.5] = 'one and a half';
a['01'] = 'zero one';
console.log(a[-1], a['-1'], a[1.5], a['1.5'], a['01'], a['1'], a[1]);
console.log(a.length, Object.keys(a));
const i = -1;
console.log(a[i], a[i - 1], -1 in a, '-1' in a, a.hasOwnProperty(-1));
delete a[-1];
console.log(a[-1], Object.keys(a));
let sum = 0;
for (let k = -2; k < 3; k++) sum += typeof a[k] === 'number' ? a[k] : 0;
console.log(sum);
const b = [];
b[4294967295] = 'not an index';
console.log(b.length, b[4294967295], Object.keys(b));
// expect: minus one minus one one and a half one and a half zero one 20 20
// expect: 3 [ '0', '1', '2', '-1', '1.5', '01' ]
// expect: minus one undefined true true true
// expect: undefined [ '0', '1', '2', '1.5', '01' ]
// expect: 60
// expect: 0 not an index [ '4294967295' ]
