// Annex B escape/unescape (globals in node), Math.cbrt on exact cubes (fdlibm's answers), and how
// console.log names async and generator functions.
console.log(escape('a b+c/ü€😀@*_-.'), escape(''), escape('%'));
console.log(unescape('a%20b%FC%u20AC%uD83D%uDE00'), unescape('%zz%u12%4'), unescape(escape('round \u1234 trip')));
console.log(unescape('%u0041%41%'), typeof escape, escape.length, unescape.name);
for (const x of [27, -27, 8, 1000, 0.001, 0.125, 64, 125, 343, 1e21, 2, 3, -0, Infinity, NaN]) console.log(x, Math.cbrt(x));
console.log([async () => {}, function* g() {}, async function af() {}, function* () {}, class K {}, function f() {}, () => 1]);
console.log(async function named() {}, { method: async function () {} });

// expect: a%20b+c/%FC%u20AC%uD83D%uDE00@*_-.  %25
// expect: a bü€😀 %zz%u12%4 round ሴ trip
// expect: AA% function 1 unescape
// expect: 27 3
// expect: -27 -3
// expect: 8 2
// expect: 1000 10
// expect: 0.001 0.1
// expect: 0.125 0.5
// expect: 64 4
// expect: 125 5
// expect: 343 7
// expect: 1e+21 10000000
// expect: 2 1.2599210498948732
// expect: 3 1.4422495703074083
// expect: -0 -0
// expect: Infinity Infinity
// expect: NaN NaN
// expect: [
// expect:   [AsyncFunction (anonymous)],
// expect:   [GeneratorFunction: g],
// expect:   [AsyncFunction: af],
// expect:   [GeneratorFunction (anonymous)],
// expect:   [class K],
// expect:   [Function: f],
// expect:   [Function (anonymous)]
// expect: ]
// expect: [AsyncFunction: named] { method: [AsyncFunction: method] }
