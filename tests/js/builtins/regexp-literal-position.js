// A '/' where an expression starts is a regexp literal even right after ')' or '}' (ECMA-262
// §12: the InputElementRegExp goal), while after an expression it divides.
const s = 'xaay';
let hits = 0;
if (s) /a+/.test(s) && hits++;
if (s.length > 1) /b/g.lastIndex = 3;
while (hits < 3) /a/.test(s) ? hits++ : hits--;
console.log(hits);
// expect: 3
{
  hits = 10;
}
/y$/.test(s) && console.log('block then regexp statement');
// expect: block then regexp statement
function f() {}
/x/.exec(s) && console.log('function declaration then regexp');
// expect: function declaration then regexp
for (const c of 'ab') /b/.test(c) && console.log('for body', c);
// expect: for body b
if (hits) /=a/.test('=a') && console.log('/= starts a regexp too');
// expect: /= starts a regexp too
do /a/.test(s); while (false);
console.log('do-while body');
// expect: do-while body

// Division stays division after expressions that end in ')', ']' or '}'.
const a = 12, b = 3, c = 2;
console.log((a) / b / c, [a][0] / b, ({ v: a }).v / c / b, `${a}` / c);
// expect: 2 4 2 6
let g = 2;
console.log((a + b) /g/ 3);
// expect: 2.5
let q = a;
q /= (b) / 1;
console.log(q, (q) /= 2);
// expect: 4 2
// A line break after ')' does not change the reading: (x)\n/y/g divides.
const x = 8, y = 2;
console.log((x)
  /y/ 1);
// expect: 4
