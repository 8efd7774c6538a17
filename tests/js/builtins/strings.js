// String, Number and Math builtins.
const s = 'Hello, World';
console.log(s.length, s.toUpperCase(), s.toLowerCase(), s.indexOf('o'), s.lastIndexOf('o'), s.charAt(4), s.charCodeAt(0));
console.log(s.slice(-5), s.substring(7, 5), s.substr(1, 3), s.split(', '), s.split(''), 'a,b,,c'.split(','));
console.log('  pad  '.trim() + '|', 'x'.padStart(3, '-'), 'x'.padEnd(3, '*'), 'ab'.repeat(3), s.startsWith('Hell'), s.endsWith('d'));
console.log(s.replace('o', '0'), s.replaceAll('l', 'L'), s.includes('World'), s.at(-1), 'abc'.concat('def', 1));
console.log(String(123), String(true), (255).toString(16), (255).toString(2), (3.14159).toFixed(2), Number('42'), Number(''), Number('x'));
console.log(parseInt('42px'), parseInt('0x1f'), parseInt('101', 2), parseFloat('3.5e2abc'), isNaN('abc'), Number.isInteger(5.0), Number.MAX_SAFE_INTEGER);
console.log(Math.max(1, 5, 3), Math.min(), Math.floor(-1.5), Math.ceil(1.2), Math.round(2.5), Math.round(-2.5), Math.abs(-3), Math.sqrt(16), Math.pow(2, 8));
console.log(Math.trunc(-4.7), Math.sign(-3), Math.PI, typeof Math.random(), Math.random() < 1);
console.log(1 / 3, 100 / 3, 1e21 + 1, 123e-20, 0.000001, 0.0000001, -1e-7, 2 ** 53, 2 ** 53 + 1);
console.log(`multi
line`, 'tab\there', 'quote\'s', "dq\"s", '\u00e9\u{1F600}');
console.log(['quote\'s', "dq\"s", 'both\'"', 'nl\n']);

// Expected output (node 20):
// expect: 12 HELLO, WORLD hello, world 4 8 o 72
// expect: World ,  ell [ 'Hello', 'World' ] [
// expect:   'H', 'e', 'l', 'l',
// expect:   'o', ',', ' ', 'W',
// expect:   'o', 'r', 'l', 'd'
// expect: ] [ 'a', 'b', '', 'c' ]
// expect: pad| --x x** ababab true true
// expect: Hell0, World HeLLo, WorLd true d abcdef1
// expect: 123 true ff 11111111 3.14 42 0 NaN
// expect: 42 31 5 350 true true 9007199254740991
// expect: 5 Infinity -2 2 3 -2 3 4 256
// expect: -4 -1 3.141592653589793 number true
// expect: 0.3333333333333333 33.333333333333336 1e+21 1.23e-18 0.000001 1e-7 -1e-7 9007199254740992 9007199254740992
// expect: multi
// expect: line tab	here quote's dq"s é😀
// expect: [ "quote's", 'dq"s', `both'"`, 'nl\n' ]
