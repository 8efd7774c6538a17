// String methods with a RegExp: replace/replaceAll ($-patterns, function replacers), split (limit,
// captures, empty matches), match, matchAll, search.
const s = 'The year 1999 and 2024; then 42.';
console.log(s.replace(/\d+/, 'N'), s.replace(/\d+/g, 'N'), s.replaceAll(/\d+/g, (d) => d.length));
console.log('John Smith'.replace(/(\w+)\s(\w+)/, '$2, $1'), 'abc'.replace(/b/, "[$`|$&|$']"), 'a'.replace(/a/, '$$-$0-$1-$'));
console.log('x1y22'.replace(/(\d)(\d)?/g, '<$1|$2>'), 'ab'.replace(/(a)/, '$10'), 'abcdefghijk'.replace(/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/, '$11-$10-$01'));
console.log('2024-05-01'.replace(/(?<y>\d+)-(?<m>\d+)-(?<d>\d+)/, '$<d>/$<m>/$<y>$<none>'), 'a-b'.replace(/-/, '$<x>'));
console.log('aaa'.replace(/a*?/g, '-'), 'abc'.replace(/(?:)/g, '.'), 'x'.replace(/y/g, 'z'), 'café!'.replace(/é/, 'e'));
const calls = [];
console.log('a1b2'.replace(/([a-z])(\d)/g, (m, letter, digit, offset, input) => {
  calls.push([m, letter, digit, offset, input]);
  return digit + letter;
}), calls);
console.log('k=v'.replace(/(?<k>\w)=(?<v>\w)/, (...args) => JSON.stringify(args[args.length - 1])));
console.log('a.b.c'.replaceAll(/\./g, '/'), 'AbA'.replace(/a/gi, 'x'));
try {
  'aa'.replaceAll(/a/, 'b');
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
// split
console.log('a b\t c\nd'.split(/\s+/), 'a1b2c3'.split(/\d/), 'a1b2c3'.split(/\d/, 2), 'abc'.split(/(b)/));
console.log('abc'.split(/(?:)/), ''.split(/,/), ''.split(/(?:)/), 'a,b,'.split(/,/), ',a'.split(/,/));
console.log('one1two22three'.split(/(\d)+/), 'ab'.split(/(x)?/), 'test'.split(/t/), 'x'.split(/x/, 0));
console.log('2024-05-01T10:20'.split(/[-T:]/).map(Number), 'héllo wörld'.split(/ö|é/));
// match / matchAll / search
console.log('a1b22c333'.match(/\d+/g), 'abc'.match(/\d/g), 'abc'.match(/(b)(c)?/), 'x'.match(/y/));
console.log('Price: $42.50'.match(/\$(\d+)\.(\d+)/).slice(1), 'aBc'.match(/[A-Z]/gi), 'abc'.match('b').index);
const found = [];
for (const m of 'k1=v1;k2=v2'.matchAll(/(\w+)=(\w+)/g)) found.push(`${m[1]}->${m[2]}@${m.index}`);
console.log(found, [...'a1a2'.matchAll(/a(\d)/g)].map((m) => m[1]), [...'xyz'.matchAll(/./g)].map((m) => m[0]));
try {
  'x'.matchAll(/x/);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
console.log('hello world'.search(/o/), 'hello'.search(/z/), 'abc'.search(/C/i), 'aXbX'.search('X'));
const g = /o/g;
g.lastIndex = 3;
console.log('foo'.search(g), g.lastIndex, 'foo'.match(g), g.lastIndex);
// A typical log-parsing loop.
const log = 'GET /a 200 12ms\nPOST /b 500 7ms\nGET /c 404 3ms';
const stats = {};
for (const line of log.split(/\r?\n/)) {
  const [, method, path, status] = /^(\w+) (\S+) (\d{3})/.exec(line);
  stats[method] = (stats[method] || 0) + 1;
  if (/^[45]/.test(status)) console.log('error', path, status);
}
console.log(stats);

// Expected output (node 20):
// expect: The year N and 2024; then 42. The year N and N; then N. The year 4 and 4; then 2.
// expect: Smith, John a[a|b|c]c $-$0-$1-$
// expect: x<1|>y<2|2> a0b k-j-a
// expect: 01/05/2024 a$<x>b
// expect: -a-a-a- .a.b.c. x cafe!
// expect: 1a2b [ [ 'a1', 'a', '1', 0, 'a1b2' ], [ 'b2', 'b', '2', 2, 'a1b2' ] ]
// expect: {"k":"k","v":"v"}
// expect: a/b/c xbx
// expect: TypeError: String.prototype.replaceAll called with a non-global RegExp argument
// expect: [ 'a', 'b', 'c', 'd' ] [ 'a', 'b', 'c', '' ] [ 'a', 'b' ] [ 'a', 'b', 'c' ]
// expect: [ 'a', 'b', 'c' ] [ '' ] [] [ 'a', 'b', '' ] [ '', 'a' ]
// expect: [ 'one', '1', 'two', '2', 'three' ] [ 'a', undefined, 'b' ] [ '', 'es', '' ] []
// expect: [ 2024, 5, 1, 10, 20 ] [ 'h', 'llo w', 'rld' ]
// expect: [ '1', '22', '333' ] null [ 'bc', 'b', 'c', index: 1, input: 'abc', groups: undefined ] null
// expect: [ '42', '50' ] [ 'a', 'B', 'c' ] 1
// expect: [ 'k1->v1@0', 'k2->v2@6' ] [ '1', '2' ] [ 'x', 'y', 'z' ]
// expect: TypeError: String.prototype.matchAll called with a non-global RegExp argument
// expect: 4 -1 2 1
// expect: 1 3 [ 'o', 'o' ] 0
// expect: error /b 500
// expect: error /c 404
// expect: { GET: 2, POST: 1 }
