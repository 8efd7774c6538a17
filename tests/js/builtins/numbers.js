// Number formatting (toFixed/toExponential/toPrecision round half up on the exact value, unlike
// printf; toString(radix) with fractions; toLocaleString in node's default en-US), Number statics,
// every Math function and constant, Object.is / Object.hasOwn. Output checked against node 20.
console.log((2.5).toFixed(0), (1.5).toFixed(0), (-2.5).toFixed(0), (1.005).toFixed(2), (1.45).toFixed(1), (0.5).toFixed(0), (0.0005).toFixed(3), (-0.0001).toFixed(2), (-0).toFixed(2));
// expect: 3 2 -3 1.00 1.4 1 0.001 -0.00 0.00
console.log((123.456).toFixed(10), (1e21).toFixed(2), (1e20).toFixed(2), (0.1).toFixed(20), NaN.toFixed(2), (999.995).toFixed(2), (9.995).toFixed(2));
// expect: 123.4560000000 1e+21 100000000000000000000.00 0.10000000000000000555 NaN 1000.00 9.99
console.log((123456).toExponential(), (123456).toExponential(2), (0.00015).toExponential(1), (0).toExponential(), (0).toExponential(3), (-1.5e-7).toExponential(3), (1e21).toExponential(), (5e-324).toExponential(), (9.99).toExponential(1));
// expect: 1.23456e+5 1.23e+5 1.5e-4 0e+0 0.000e+0 -1.500e-7 1e+21 5e-324 1.0e+1
console.log((123.456).toPrecision(4), (0.000123).toPrecision(2), (123456).toPrecision(2), (1e-7).toPrecision(1), (0).toPrecision(3), (99.99).toPrecision(3), (1.25).toPrecision(2), (123.456).toPrecision(), (-1.5).toPrecision(1), (1e21).toPrecision(3));
// expect: 123.5 0.00012 1.2e+5 1e-7 0.00 100 1.3 123.456 -2 1.00e+21
console.log((0.5).toString(2), (0.1).toString(3), (255.5).toString(16), (-255.75).toString(16), (1/3).toString(36), (3.14159).toString(8), (1e-7).toString(2).length);
// expect: 0.1 0.0022002200220022002200220022002201 ff.8 -ff.c 0.c 3.11037476006703156 75
console.log((1234.5678).toLocaleString(), (1234567.891).toLocaleString(), (0.0001).toLocaleString(), (-0).toLocaleString(), (1e21).toLocaleString(), (-1234.5).toLocaleString(), NaN.toLocaleString(), (12).toLocaleString());
// expect: 1,234.568 1,234,567.891 0 -0 1,000,000,000,000,000,000,000 -1,234.5 NaN 12
for (const [f, a] of [['toFixed', 101], ['toExponential', -1], ['toPrecision', 0], ['toPrecision', 101]]) { try { (1)[f](a) } catch (e) { console.log(e.name + ': ' + e.message) } }
// expect: RangeError: toFixed() digits argument must be between 0 and 100
// expect: RangeError: toExponential() argument must be between 0 and 100
// expect: RangeError: toPrecision() argument must be between 1 and 100
// expect: RangeError: toPrecision() argument must be between 1 and 100
console.log(Number.isSafeInteger(2 ** 53), Number.isSafeInteger(2 ** 53 - 1), Number.parseFloat === parseFloat, Number.parseInt === parseInt, Number.MIN_VALUE);
// expect: false true true true 5e-324
console.log(Math.round(0.49999999999999994), Math.round(-0.5), Math.round(-0.4), Math.round(2.5), Math.round(-2.5), Math.round(-2.6), Math.round(4503599627370495.5));
// expect: 0 -0 -0 3 -2 -3 4503599627370496
console.log(Math.max(-0, 0), Math.min(0, -0), Math.max(), Math.min(), Math.max(1, NaN, 3), Object.is(Math.max(-0, -0), -0));
// expect: 0 -0 -Infinity Infinity NaN true
console.log(Math.pow(1, Infinity), Math.pow(-1, -Infinity), Math.pow(NaN, 0), Math.pow(2, 0.5), Math.hypot(3, 4), Math.hypot(), Math.hypot(NaN, Infinity), Math.hypot(-3));
// expect: NaN NaN 1 1.4142135623730951 5 0 Infinity 3
console.log(Math.imul(3, 4), Math.imul(-5, 12), Math.imul(0xffffffff, 5), Math.clz32(1), Math.clz32(0), Math.clz32(-1), Math.fround(5.5), Math.fround(5.05));
// expect: 12 -60 -5 31 32 0 5.5 5.050000190734863
console.log(Math.atan2(1, 1), Math.acosh(1), Math.asinh(1), Math.atanh(0.5), Math.cosh(1), Math.sinh(1), Math.tanh(1), Math.expm1(1e-10), Math.log1p(1e-10), Math.acos(0.5), Math.asin(0.5));
// expect: 0.7853981633974483 0 0.881373587019543 0.5493061443340548 1.5430806348152437 1.1752011936438014 0.7615941559557649 1.00000000005e-10 9.999999999500001e-11 1.0471975511965979 0.5235987755982989
console.log(Math.LN10, Math.LOG10E, Math.LOG2E, Math.SQRT1_2, Math.E, Math.PI);
// expect: 2.302585092994046 0.4342944819032518 1.4426950408889634 0.7071067811865476 2.718281828459045 3.141592653589793
console.log(new Number(5).toFixed(1), typeof (5).valueOf());
// expect: 5.0 number
console.log(Object.is(NaN, NaN), Object.is(0, -0), Object.is(-0, -0), Object.is('a', 'a'), Object.is({}, {}), Object.hasOwn({ a: 1 }, 'a'), Object.hasOwn({ a: 1 }, 'toString'), Object.hasOwn([1], 0), Object.hasOwn([1], 'length'));
// expect: true false true true false true false true true
try { Object.hasOwn(null, 'a') } catch (e) { console.log(e.name + ': ' + e.message) }
// expect: TypeError: Cannot convert undefined or null to object
console.log(1 ** Infinity, (-1) ** -Infinity, NaN ** 0, 2 ** 10, (-8) ** (1 / 3), 2 ** -1074);
// expect: NaN NaN 1 1024 NaN 5e-324
