// Session 12 (docs/runtime.md "Session 12"): ToString of numbers (String(x), '' + x, templates,
// property keys, join) formats on the stack with an integer path below 2^53. Expected lines are
// node 20's output (ECMA-262 Number::toString: shortest round-trip digits, exponent forms).
var values = [0, -0, 1, -1, 7, 100, -100, 2147483647, 2147483648, -2147483649, 4294967296.5,
  9007199254740991, 9007199254740992, 9007199254740994, 123456789012345680000, 1e21, 1.5e21, -1e21,
  0.1 + 0.2, 0.5, -0.5, 1e-6, 1.2e-6, 1e-7, 1.5e-7, -1.5e-10, 5e-324, 1.7976931348623157e308,
  NaN, Infinity, -Infinity, 1 / 3, 2 / 3, 1e15, 1e16, 1e20, 123.456, 0.000123, 0.1, 100.5];
for (var i = 0; i < values.length; i += 4) {
  var row = values.slice(i, i + 4);
  console.log(row.map(function (x) { return String(x); }).join(' | '));
}
// expect: 0 | 0 | 1 | -1
// expect: 7 | 100 | -100 | 2147483647
// expect: 2147483648 | -2147483649 | 4294967296.5 | 9007199254740991
// expect: 9007199254740992 | 9007199254740994 | 123456789012345680000 | 1e+21
// expect: 1.5e+21 | -1e+21 | 0.30000000000000004 | 0.5
// expect: -0.5 | 0.000001 | 0.0000012 | 1e-7
// expect: 1.5e-7 | -1.5e-10 | 5e-324 | 1.7976931348623157e+308
// expect: NaN | Infinity | -Infinity | 0.3333333333333333
// expect: 0.6666666666666666 | 1000000000000000 | 10000000000000000 | 100000000000000000000
// expect: 123.456 | 0.000123 | 0.1 | 100.5
console.log('' + -0, `${1e21}`, [1e-7, -0, 0.1 + 0.2].join(), (2 ** 53).toString(), (-(2 ** 60)).toString());
// expect: 0 1e+21 1e-7,0,0.30000000000000004 9007199254740992 -1152921504606847000
var o = {};
o[0.5] = 'half'; o[-0] = 'zero'; o[1e21] = 'big'; o[NaN] = 'nan';
console.log(Object.keys(o).join(' '));  // expect: 0 0.5 1e+21 NaN

// Splay-style keys: String of a PRNG double, used as text and parsed back.
var seed = 49734321, bad = 0, last = '';
for (i = 0; i < 2000; i++) {
  seed = (seed * 16807) % 2147483647;
  var key = seed / 2147483647;
  last = String(key);
  if (Number(last) !== key || last !== key.toString()) bad++;
}
console.log(bad, last);  // expect: 0 0.026283342869152942
