// Strings in UTF-16 code units (node semantics) over tenure's WTF-8 storage.
const s = 'café😀';
console.log(s.length, s.charCodeAt(3), s.charCodeAt(4), s.charCodeAt(5), s.charCodeAt(6));
console.log(s[3], s[4] === '\ud83d', s[5] === '\ude00', s[4].length, s[6], s.charAt(4) === s[4], s.charAt(9) === '');
console.log(s.codePointAt(4), s.codePointAt(5), s.codePointAt(0), s.codePointAt(6), s.at(-1) === '\ude00', s.at(-3));
console.log(s.slice(0, 4), s.slice(4), s.slice(-2), s.slice(4, 5).length, s.substring(5, 2), s.substr(-3), s.substr(3, 1));
console.log(s.split(''), s.split('é'), 'a,é,😀,'.split(','), 'é😀é'.split('😀'), 'xéyéz'.split('é', 2));
console.log(s.indexOf('😀'), s.indexOf('é'), s.indexOf('é', 4), s.lastIndexOf('c'), 'éaéa'.lastIndexOf('é'), 'éaéa'.lastIndexOf('é', 1));
console.log(s.includes('é😀'), s.includes('é', 4), s.startsWith('é', 3), s.endsWith('é', 4), s.endsWith('😀'), s.startsWith('\ud83d', 4));
console.log(String.fromCharCode(0xD83D, 0xDE00) === '😀', String.fromCharCode(233, 0x41, 0x1F600 & 0xFFFF).length);
console.log(String.fromCharCode(0xD83D).length, String.fromCharCode(0x10041), String.fromCodePoint(0x1F600, 233, 65));
try { String.fromCodePoint(0x110000); } catch (e) { console.log(e.name, e.message); }
// Surrogate halves joined by +, concat, templates and fromCharCode are the same string as the pair.
const hi = '\ud83d', lo = '\ude00';
console.log(hi + lo === '😀', (hi + lo).length, hi.concat(lo) === '😀', `${hi}${lo}` === '😀', [...(hi + lo)].length);
console.log(('x' + hi + lo + 'y').indexOf('y'), (s[4] + s[5]) === '😀', s.slice(0, 5) + s.slice(5) === s);
// for-of and spread iterate code points; Array.from too.
const seen = [];
for (const c of 'a😀é\ud83db') seen.push(c.length);
console.log(seen, [...'😀😀'].length, Array.from('é😀').length, [...s]);
// Padding and repeat count units.
console.log(s.padStart(8, '-'), s.padEnd(8, 'é'), 'ab'.padStart(5, 'é'), 'x'.padEnd(4, '😀').length, 'é'.repeat(3).length);
// Case mapping beyond ASCII.
console.log('café'.toUpperCase(), 'ÀÉÎÕÜÇÑ'.toLowerCase(), 'Straße'.toUpperCase(), 'ÿ'.toUpperCase(), 'ŒUVRE'.toLowerCase());
console.log('привет мир'.toUpperCase(), 'ΑΘΗΝΑ ΣΟΦΙΑ'.toLowerCase(), 'ﬁne'.toUpperCase(), 'ǅ'.toLowerCase(), 'Ǆ'.toLowerCase());
console.log('ΟΔΟΣ ΣΑΣ.'.toLowerCase(), 'Σ'.toLowerCase(), 'AΣ1'.toLowerCase());
console.log('İ'.toLowerCase().length, 'ı'.toUpperCase(), 'µ'.toUpperCase() === '\u039c', '😀é'.toUpperCase());
// Trim handles non-ASCII white space.
console.log('[' + '\u00a0\u3000 é \ufeff'.trim() + ']', '[' + '\u2028x'.trimStart() + ']');
// Comparison by UTF-16 code units: U+FFFF sorts after a supplementary character (lead unit D83D).
console.log('\uffff' < '😀', '😀' < '\uffff', 'é' < 'z', 'a😀' > 'a\ue000', 'b'.localeCompare('a'), 'é'.localeCompare('é'));
// Replace reports positions in units.
console.log('é😀x😀'.replace('😀', (m, at) => '<' + at + '>'), 'é😀x😀'.replaceAll('😀', '!'), 'éé'.replaceAll('', '-'));
// Property keys, Map keys and key order.
const o = {};
o['é'] = 1; o['😀'] = 2; o.z = 3; o['\ud83d'] = 4;
console.log(Object.keys(o).length, o['é'], o['😀'], o['\ud83d'], o['\ud83d' + '\ude00'], 'é' in o, Object.keys(o)[1] === '😀');
const m = new Map([['é', 1], ['😀', 2]]);
console.log(m.get('é'), m.get(hi + lo), m.get('e\u0301'), m.has('\ud83d'), Object.keys('é😀'));
// JSON: lone surrogates escaped, pairs kept raw.
console.log(JSON.stringify(['\ud83d', '😀', 'é', '\udc00x']), JSON.stringify({ [hi]: lo }), JSON.parse('"\\ud83d\\ude00"') === '😀');
// Inspection shows lone surrogates as escapes; raw output writes U+FFFD.
console.log([hi, 'a' + lo, s], { [hi]: 1 });
console.log(hi, 'x' + lo + 'y');
// Long non-ASCII strings keep their cached unit length through concatenation.
let long = '';
for (let i = 0; i < 200; i++) long += i % 3 ? 'é' : '😀';
console.log(long.length, long.charCodeAt(0), long.charCodeAt(2), long.indexOf('é'), long.lastIndexOf('😀'), long.slice(-4));
// expect: 6 233 55357 56832 NaN
// expect: é true true 1 undefined true true
// expect: 128512 56832 99 undefined true é
// expect: café 😀 😀 1 fé� é😀 é
// expect: [ 'c', 'a', 'f', 'é', '\ud83d', '\ude00' ] [ 'caf', '😀' ] [ 'a', 'é', '😀', '' ] [ 'é', 'é' ] [ 'x', 'y' ]
// expect: 4 3 -1 0 2 0
// expect: true false true true true true
// expect: true 3
// expect: 1 A 😀éA
// expect: RangeError Invalid code point 1114112
// expect: true 2 true true 1
// expect: 3 true true
// expect: [ 1, 2, 1, 1, 1 ] 2 2 [ 'c', 'a', 'f', 'é', '😀' ]
// expect: --café😀 café😀éé éééab 4 3
// expect: CAFÉ àéîõüçñ STRASSE Ÿ œuvre
// expect: ПРИВЕТ МИР αθηνα σοφια FINE ǆ ǆ
// expect: οδος σας. σ aς1
// expect: 2 I true 😀É
// expect: [é] [x]
// expect: false true false false 1 0
// expect: é<1>x😀 é!x! -é-é-
// expect: 4 1 2 4 2 true true
// expect: 1 2 undefined false [ '0', '1', '2' ]
// expect: ["\ud83d","😀","é","\udc00x"] {"\ud83d":"\ude00"} true
// expect: [ '\ud83d', 'a\ude00', 'café😀' ] { '\ud83d': 1 }
// expect: � x�y
// expect: 267 55357 233 2 264 é😀é
