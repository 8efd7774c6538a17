// Array holes and indices past the length read through the prototype chain (ECMA-262 OrdinaryGet:
// a hole is a missing property), and `in` / the hole-skipping iteration methods agree.
const before = [0, , 2];
console.log(before[1], 1 in before, [1, 2][5]);
Array.prototype[1] = 'x';
const a = [0, , 2];
console.log(a[1], 1 in a, a.hasOwnProperty(1), Object.keys(a));
console.log([7][1], [][1], [1, 2, 3][1]);
const seen = [];
a.forEach((v, i) => seen.push(i + ':' + v));
console.log(seen.join(' '), a.map((v) => v + '!'));
console.log(a.filter(() => true), a.some((v) => v === 'x'), a.every((v) => v !== undefined));
console.log(a.reduce((s, v) => s + v, ''), a.indexOf('x'), a.includes('x'));
console.log([[0, , 2]].flat(), a.join('-'));
let i = 0;
for (const v of a) console.log('of', i++, v);
delete Array.prototype[1];
console.log(a[1], 1 in a, a.map((v) => v));

// Object.prototype's index-keyed properties are inherited by arrays too.
Object.prototype[3] = 'from Object.prototype';
const b = [0, 1, 2, , 4];
console.log(b[3], 3 in b, [][3], b.hasOwnProperty(3));
delete Object.prototype[3];
console.log(b[3], 3 in b);

// An array whose prototype is another object or array.
const proto = { 1: 'p1' };
const c = [0, , 2, , 4];
Object.setPrototypeOf(c, proto);
console.log(c[1], c[3], 1 in c, 3 in c);
const arrProto = ['q0', 'q1', 'q2', 'q3'];
const d = [, 'own'];
Object.setPrototypeOf(d, arrProto);
console.log(d[0], d[1], d[3], d.length);
// expect: undefined false undefined
// expect: x true false [ '0', '2' ]
// expect: x x 2
// expect: 0:0 1:x 2:2 [ '0!', 'x!', '2!' ]
// expect: [ 0, 'x', 2 ] true true
// expect: 0x2 1 true
// expect: [ 0, 'x', 2 ] 0-x-2
// expect: of 0 0
// expect: of 1 x
// expect: of 2 2
// expect: undefined false [ 0, <1 empty item>, 2 ]
// expect: from Object.prototype true from Object.prototype false
// expect: undefined false
// expect: p1 undefined true false
// expect: q0 own q3 2
