// Operators: arithmetic, comparison, logical, nullish, optional chaining, bitwise, compound.
console.log(1 + 2 * 3, (1 + 2) * 3, 7 / 2, 7 % 3, -7 % 3, 2 ** 10, 2 ** -1);
console.log('a' + 1, 1 + '2', '3' * '4', '10' / 4, true + 1, null + 1, undefined + 1);
console.log(1 == '1', 1 === '1', null == undefined, null === undefined, NaN == NaN, 0 == false, '' == 0);
console.log(1 < 2, 'a' < 'b', '10' < '9', 10 < 9, 'b' > 'a', null >= 0);
console.log(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 4, -16 >> 2, -16 >>> 28, 2 ** 31 | 0);
console.log(0 || 'x', 1 && 'y', null ?? 'z', 0 ?? 'w', '' || null, false && undefined);
const o = { a: { b: { c: 42 } }, f() { return 'called'; } };
console.log(o?.a?.b?.c, o.x?.y.z, o.f?.(), o.g?.(), o?.['a']?.b.c);
let x = 5;
x += 2; x -= 1; x *= 3; x /= 2; x %= 5; x **= 2;
console.log(x);
let n = null;
n ??= 'set'; n ||= 'not'; let m = 1; m &&= 'and';
console.log(n, m);
let i = 0;
console.log(i++, i, ++i, i--, i, --i);
console.log(typeof NaN, 0.1 + 0.2, 1 / 0, -1 / 0, 0 / 0, -0 === 0, 1e21, 1e-7, 123456789012);
console.log(!!'', !!'0', !![], !!{}, !0, !NaN);
console.log([1, 2] + '', {} + '', `${[1, [2, 3]]}`, String(null), String([null]));
const arr = [10, 20];
arr[5] = 60;
console.log(arr.length, arr, 'a' in o, 'z' in o, delete o.a, 'a' in o);
console.log(void 0, (1, 2, 3), [..."abc"], [...[1, 2], ...[3]], Math.max(...[4, 9, 2]));

// Expected output (node 20):
// expect: 7 9 3.5 1 -1 1024 0.5
// expect: a1 12 12 2.5 2 1 NaN
// expect: true false true false false true true
// expect: true true true false true true
// expect: 1 7 6 -6 16 -4 15 -2147483648
// expect: x y z 0 null false
// expect: 42 undefined called undefined 42
// expect: 16
// expect: set and
// expect: 0 1 2 2 1 0
// expect: number 0.30000000000000004 Infinity -Infinity NaN true 1e+21 1e-7 123456789012
// expect: false true true true true true
// expect: 1,2 [object Object] 1,2,3 null 
// expect: 6 [ 10, 20, <3 empty items>, 60 ] true false true false
// expect: undefined 3 [ 'a', 'b', 'c' ] [ 1, 2, 3 ] 9
