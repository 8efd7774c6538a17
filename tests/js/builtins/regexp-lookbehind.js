// Lookbehind assertions (?<=…) and (?<!…) (ECMA-262 §22.2.2.4 with direction -1): the body
// matches right to left from the current position, captures included.
const show = (re, s) => {
  const m = re.exec(s);
  console.log(String(re), JSON.stringify(s), m === null ? null : JSON.stringify([...m]) + '@' + m.index);
};
show(/(?<=\$)\d+(\.\d+)?/, 'cost: $42.50 or €3');
show(/(?<!\$)\b\d+/, '$42 and 17');
show(/(?<=(\d+)(\d+))$/, '1053');          // greedy right-to-left: $1 = "1", $2 = "053"
show(/(?<=(\d+?)(\d+))$/, '1053');
show(/(?<=\1(a))b/, 'aab');                // backreference before its group reads backwards
show(/(?<=(a)\1)b/, 'aab');
show(/(?<=([abc])+)x/, 'abcx');            // last iteration leftmost: $1 = "a"
show(/(?<!a|b)c/, 'acbcdc');
show(/(?<=^|,)\w+/g, 'x,yy');
show(/(?<=a(?=b)b)c/, 'abc');              // lookahead inside lookbehind runs forwards
show(/(?<=a(?<!x)b)c/, 'abc');
show(/(?<=\u{1F600})x/u, '\u{1F600}x');    // surrogate pair read backwards under u
show(/(?<=.)x/u, '\u{1F600}x');
show(/(?<=.)x/, '\u{1F600}x');
show(/(?<=A)b/i, 'ab');
show(/(?<=[a-c]{2})d/, 'zbcd');
show(/(?<=(?<year>\d{4})-)\d\d/, 'on 2024-06');
console.log('a1b2c3'.replace(/(?<=[a-z])\d/g, '#'), 'price 10 USD 20'.match(/(?<!\d)\d+(?= USD)/g));
console.log('one,two;three'.split(/(?<=[,;])/));
console.log([...'x1y22z'.matchAll(/(?<=[a-z])(\d+)/g)].map((m) => m[1] + '@' + m.index).join(' '));
for (const bad of ['(?<=a', '(?<=a)*', '(?<!a)+', '(?<=a){2}']) {
  try { new RegExp(bad); } catch (e) { console.log(e.message); }
}
try { new RegExp('(?=a)*', 'u'); } catch (e) { console.log(e.message); }
console.log(/(?=a)*/.test('b'));
// expect: /(?<=\$)\d+(\.\d+)?/ "cost: $42.50 or €3" ["42.50",".50"]@7
// expect: /(?<!\$)\b\d+/ "$42 and 17" ["17"]@8
// expect: /(?<=(\d+)(\d+))$/ "1053" ["","1","053"]@4
// expect: /(?<=(\d+?)(\d+))$/ "1053" ["","1","053"]@4
// expect: /(?<=\1(a))b/ "aab" ["b","a"]@2
// expect: /(?<=(a)\1)b/ "aab" ["b","a"]@2
// expect: /(?<=([abc])+)x/ "abcx" ["x","a"]@3
// expect: /(?<!a|b)c/ "acbcdc" ["c"]@5
// expect: /(?<=^|,)\w+/g "x,yy" ["x"]@0
// expect: /(?<=a(?=b)b)c/ "abc" ["c"]@2
// expect: /(?<=a(?<!x)b)c/ "abc" ["c"]@2
// expect: /(?<=\u{1F600})x/u "😀x" ["x"]@2
// expect: /(?<=.)x/u "😀x" ["x"]@2
// expect: /(?<=.)x/ "😀x" ["x"]@2
// expect: /(?<=A)b/i "ab" ["b"]@1
// expect: /(?<=[a-c]{2})d/ "zbcd" ["d"]@3
// expect: /(?<=(?<year>\d{4})-)\d\d/ "on 2024-06" ["06","2024"]@8
// expect: a#b#c# [ '10' ]
// expect: [ 'one,', 'two;', 'three' ]
// expect: 1@1 22@3
// expect: Invalid regular expression: /(?<=a/: Unterminated group
// expect: Invalid regular expression: /(?<=a)*/: Invalid quantifier
// expect: Invalid regular expression: /(?<!a)+/: Invalid quantifier
// expect: Invalid regular expression: /(?<=a){2}/: Invalid quantifier
// expect: Invalid regular expression: /(?=a)*/u: Invalid quantifier
// expect: true
