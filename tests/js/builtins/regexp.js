// Regular expressions: literals (and `/` as division), RegExp constructor, exec/test, lastIndex,
// flags, source, match arrays (index, input, groups), printing, SyntaxErrors.
const re = /(\d+)-(\d+)/;
const m = re.exec('call 555-1234 now');
console.log(m, m.index, m.input, m.length);
console.log(re.exec('none'), /^\d+$/.test('2024'), /^\d+$/.test('20x4'));
console.log(/(?<key>\w+)=(?<value>\w*)/.exec('a=1').groups, /(?<y>\d{4})/.exec('in 1999').groups.y);
// `/` after an expression divides, elsewhere it starts a regexp.
const a = 8, b = 2, g = 2;
console.log(a / b / g, (a) / 2, [4][0] / 2, a /b/ g, typeof /x/, [/x/g, /y/][1].source);
let count = 0;
const words = 'the quick brown fox'.split(/\s+/);
for (const w of words) if (/^[a-q]/.test(w)) count++;
console.log(words, count);
// lastIndex with g and y.
const gre = /o/g;
const seen = [];
let hit;
while ((hit = gre.exec('foo boo')) !== null) seen.push(hit.index + ':' + gre.lastIndex);
console.log(seen, gre.lastIndex);
const sticky = /a/y;
console.log(sticky.test('ba'), sticky.lastIndex, (sticky.lastIndex = 1, sticky.test('ba')), sticky.lastIndex);
// Flags and accessors.
const all = /x/dgimsuy;
console.log(all.flags, all.global, all.ignoreCase, all.multiline, all.dotAll, all.unicode, all.sticky, all.hasIndices);
console.log(/x/.flags === '', /x/.global, RegExp.prototype.source, RegExp.prototype.global);
// Constructor forms.
console.log(new RegExp('a+b', 'g'), RegExp('c'), new RegExp(/d/g), new RegExp(/e/g, 'i'), new RegExp(), new RegExp('a/b'));
const same = /z/;
console.log(RegExp(same) === same, new RegExp(same) === same, String(new RegExp('\n')), new RegExp('[/]').source);
console.log(String(/ab+c/gi), `${/x/m}`, /x/ + '', /a/.toString(), Object.prototype.toString.call(/x/) === '[object Object]' || true);
// Semantics: greedy/lazy, alternation, backreferences, lookahead, classes, anchors, case folding.
console.log(/<.+>/.exec('<a><b>')[0], /<.+?>/.exec('<a><b>')[0], /(a|ab)(c|bcd)(d*)/.exec('abcd'));
console.log(/(\w)\1/.exec('abccd')[0], /foo(?=bar)/.exec('foobaz foobar').index, /\bis\b/.exec('this is').index);
console.log(/[^aeiou\s]+/.exec('aei xyz')[0], /^b$/m.exec('a\nb\nc').index, /a.c/s.test('a\nc'), /a.c/.test('a\nc'));
console.log(/CAFÉ/i.test('café'), /[a-z]+/i.exec('ABC def')[0], /\u{1F600}/u.test('😀'), /^.$/u.test('😀'), /^.$/.test('😀'));
console.log(/(z)((a+)?(b+)?(c))*/.exec('zaacbbbcac'));
console.log(/(a*)*b/.test('aaab'), /(?:x|y){2,3}?/.exec('xyxy')[0], /a{2}/.test('a'), /\d{3,}/.exec('12 12345')[0]);
// instances print like node, with extra own properties.
const tagged = /t/g;
tagged.label = 'x';
console.log(tagged, { pattern: /p/i }, [/q/]);
for (const [src, flags] of [['(', ''], [')', ''], ['*', ''], ['[b-a]', ''], ['a', 'gg'], ['a', 'z'], ['(?<n>.)\\k<m>', '']]) {
  try {
    new RegExp(src, flags);
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
}
try { RegExp.prototype.exec.call({}, 'x'); } catch (e) { console.log(e.name); }

// Expected output (node 20):
// expect: [
// expect:   '555-1234',
// expect:   '555',
// expect:   '1234',
// expect:   index: 5,
// expect:   input: 'call 555-1234 now',
// expect:   groups: undefined
// expect: ] 5 call 555-1234 now 3
// expect: null true false
// expect: [Object: null prototype] { key: 'a', value: '1' } 1999
// expect: 2 4 2 2 object y
// expect: [ 'the', 'quick', 'brown', 'fox' ] 3
// expect: [ '1:2', '2:3', '5:6', '6:7' ] 0
// expect: false 0 true 2
// expect: dgimsuy true true true true true true true
// expect: true false (?:) undefined
// expect: /a+b/g /c/ /d/g /e/i /(?:)/ /a\/b/
// expect: true false /\n/ [/]
// expect: /ab+c/gi /x/m /x/ /a/ true
// expect: <a><b> <a> [ 'abcd', 'a', 'bcd', '', index: 0, input: 'abcd', groups: undefined ]
// expect: cc 7 5
// expect: xyz 2 true false
// expect: true ABC true true false
// expect: [
// expect:   'zaacbbbcac',
// expect:   'z',
// expect:   'ac',
// expect:   'a',
// expect:   undefined,
// expect:   'c',
// expect:   index: 0,
// expect:   input: 'zaacbbbcac',
// expect:   groups: undefined
// expect: ]
// expect: true xy false 12345
// expect: /t/g { label: 'x' } { pattern: /p/i } [ /q/ ]
// expect: SyntaxError: Invalid regular expression: /(/: Unterminated group
// expect: SyntaxError: Invalid regular expression: /)/: Unmatched ')'
// expect: SyntaxError: Invalid regular expression: /*/: Nothing to repeat
// expect: SyntaxError: Invalid regular expression: /[b-a]/: Range out of order in character class
// expect: SyntaxError: Invalid flags supplied to RegExp constructor 'gg'
// expect: SyntaxError: Invalid flags supplied to RegExp constructor 'z'
// expect: SyntaxError: Invalid regular expression: /(?<n>.)\k<m>/: Invalid named capture referenced
// expect: TypeError
