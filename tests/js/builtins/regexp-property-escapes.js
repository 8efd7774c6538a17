// Unicode property escapes \p{…} / \P{…} under the u flag (ECMA-262 §22.2.2.9; tables from
// Unicode 17.0 as node 20 ships them, src/js/regexp_unicode_gen.js).
const text = 'Hello Ωμέγα Привет 漢字 ひらがな カタカナ 한글 42 ٣ ½ Ⅻ — «q» $ € + ✓ 😀';
const cases = [
  'L', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'N', 'Nd', 'Nl', 'No', 'P', 'Pd', 'Pi', 'Pf', 'S', 'Sc', 'Sm', 'So',
  'Z', 'Zs', 'Letter', 'Uppercase_Letter', 'Decimal_Number', 'Punctuation', 'Symbol', 'General_Category=Lu',
  'gc=Nd', 'Script=Latin', 'sc=Grek', 'Script=Cyrillic', 'sc=Han', 'Script=Hiragana', 'sc=Kana', 'sc=Hangul',
  'Script=Arabic', 'scx=Latn', 'Script_Extensions=Han', 'Alphabetic', 'White_Space', 'ASCII', 'Emoji',
  'Extended_Pictographic', 'Any', 'Assigned', 'Uppercase', 'Lowercase', 'ASCII_Hex_Digit', 'ID_Start',
];
for (const name of cases) {
  const found = text.match(new RegExp(`\\p{${name}}+`, 'gu')) || [];
  const not = text.match(new RegExp(`\\P{${name}}`, 'gu')) || [];
  console.log(name.padEnd(22), JSON.stringify(found.join('|')), not.length);
}
console.log(/^[\p{L}\p{Nd}_]+$/u.test('naïve_2'), /^[^\p{L}]+$/u.test('12 !'), /[\P{L}]/u.exec('ab1c')[0]);
console.log('ÀBC déf'.replace(/\p{Lu}/gu, (c) => c.toLowerCase()), 'x😀y'.match(/\p{Emoji_Presentation}/u)[0]);
console.log(/\p{Lu}/iu.test('a'), /\p{Ll}/u.test('A'), /\P{Any}/u.test('a'));
console.log(/\p{L}/.test('p{L}'), /\P{L}/.test('P{L}'));  // without u: an identity escape
for (const bad of ['\\p{Foo}', '[\\p{Foo}]', '\\p{L', '\\p', '\\p{Script=Foo}', '\\p{Lu=Ll}', '[\\p{L}-a]', '\\p{ Lu}']) {
  try { new RegExp(bad, 'u'); console.log('ok', bad); } catch (e) { console.log(e.message); }
}
// expect: L                      "Hello|Ωμέγα|Привет|漢字|ひらがな|カタカナ|한글|q" 30
// expect: Lu                     "H|Ω|П" 56
// expect: Ll                     "ello|μέγα|ривет|q" 45
// expect: Lt                     "" 59
// expect: Lm                     "" 59
// expect: Lo                     "漢字|ひらがな|カタカナ|한글" 47
// expect: N                      "42|٣|½|Ⅻ" 54
// expect: Nd                     "42|٣" 56
// expect: Nl                     "Ⅻ" 58
// expect: No                     "½" 58
// expect: P                      "—|«|»" 56
// expect: Pd                     "—" 58
// expect: Pi                     "«" 58
// expect: Pf                     "»" 58
// expect: S                      "$|€|+|✓|😀" 54
// expect: Sc                     "$|€" 57
// expect: Sm                     "+" 58
// expect: So                     "✓|😀" 57
// expect: Z                      " | | | | | | | | | | | | | | | | " 42
// expect: Zs                     " | | | | | | | | | | | | | | | | " 42
// expect: Letter                 "Hello|Ωμέγα|Привет|漢字|ひらがな|カタカナ|한글|q" 30
// expect: Uppercase_Letter       "H|Ω|П" 56
// expect: Decimal_Number         "42|٣" 56
// expect: Punctuation            "—|«|»" 56
// expect: Symbol                 "$|€|+|✓|😀" 54
// expect: General_Category=Lu    "H|Ω|П" 56
// expect: gc=Nd                  "42|٣" 56
// expect: Script=Latin           "Hello|Ⅻ|q" 52
// expect: sc=Grek                "Ωμέγα" 54
// expect: Script=Cyrillic        "Привет" 53
// expect: sc=Han                 "漢字" 57
// expect: Script=Hiragana        "ひらがな" 55
// expect: sc=Kana                "カタカナ" 55
// expect: sc=Hangul              "한글" 57
// expect: Script=Arabic          "٣" 58
// expect: scx=Latn               "Hello|Ⅻ|q" 52
// expect: Script_Extensions=Han  "漢字" 57
// expect: Alphabetic             "Hello|Ωμέγα|Привет|漢字|ひらがな|カタカナ|한글|Ⅻ|q" 29
// expect: White_Space            " | | | | | | | | | | | | | | | | " 42
// expect: ASCII                  "Hello | | | | | | 42 | | | | |q| $ | + | " 32
// expect: Emoji                  "42|😀" 56
// expect: Extended_Pictographic  "😀" 58
// expect: Any                    "Hello Ωμέγα Привет 漢字 ひらがな カタカナ 한글 42 ٣ ½ Ⅻ — «q» $ € + ✓ 😀" 0
// expect: Assigned               "Hello Ωμέγα Привет 漢字 ひらがな カタカナ 한글 42 ٣ ½ Ⅻ — «q» $ € + ✓ 😀" 0
// expect: Uppercase              "H|Ω|П|Ⅻ" 55
// expect: Lowercase              "ello|μέγα|ривет|q" 45
// expect: ASCII_Hex_Digit        "e|42" 56
// expect: ID_Start               "Hello|Ωμέγα|Привет|漢字|ひらがな|カタカナ|한글|Ⅻ|q" 29
// expect: true true 1
// expect: àbc déf 😀
// expect: true false false
// expect: true true
// expect: Invalid regular expression: /\p{Foo}/u: Invalid property name
// expect: Invalid regular expression: /[\p{Foo}]/u: Invalid property name in character class
// expect: Invalid regular expression: /\p{L/u: Invalid property name
// expect: Invalid regular expression: /\p/u: Invalid property name
// expect: Invalid regular expression: /\p{Script=Foo}/u: Invalid property name
// expect: Invalid regular expression: /\p{Lu=Ll}/u: Invalid property name
// expect: Invalid regular expression: /[\p{L}-a]/u: Invalid character class
// expect: Invalid regular expression: /\p{ Lu}/u: Invalid property name
