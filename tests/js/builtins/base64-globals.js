// atob / btoa (node 20 globals): btoa encodes a string of char codes 0-255 as base64, atob
// decodes forgiving base64 (whitespace skipped, padding optional but only at the end) into such
// a string; other input throws node's DOMException InvalidCharacterError (code 5).
const show = (f, v) => {
  try { return JSON.stringify(f(v)); } catch (e) { return `${e.name}(${e.code}): ${e.message}`; }
};
for (const s of ['', 'a', 'ab', 'abc', 'abcd', 'hello world', '\xff\x00\x80', 'é', 123, null, undefined, {}, [1, 2], true]) {
  console.log(JSON.stringify(s), '->', show(btoa, s));
}
for (const s of ['\u0100', '€', 'ok\u{1F600}', '\uD800']) console.log(JSON.stringify(s), '->', show(btoa, s));
const inputs = ['', 'YQ==', 'YQ', 'YQ=', 'YWI=', 'YWI', 'YWJj', ' Y W\tJ\nj\r\f', 'aGVsbG8gd29ybGQ=', 'YQ===', 'Y', 'A',
  'Y!==', 'YQ=a', 'YQ==\n', '====', '=', 'AA==', 'AAAA', '/w==', '+/+/', '-_', 'YQ = =', 'YQ==YQ==', 'zz', 'zzz', 'Zm9vYmFy'];
for (const s of inputs) console.log(JSON.stringify(s), '->', show(atob, s));
for (const v of [null, undefined, 1234, {}]) console.log(String(v), '->', show(atob, v));
let all = '';
for (let i = 0; i < 256; i++) all += String.fromCharCode(i);
const encoded = btoa(all);
console.log(encoded.length, encoded.slice(0, 24), encoded.slice(-8), atob(encoded) === all);
for (const len of [0, 1, 2, 3, 4, 5, 100]) {
  const s = all.slice(7, 7 + len);
  console.log(len, btoa(s), atob(btoa(s)) === s, Buffer.from(s, 'latin1').toString('base64') === btoa(s));
}
for (const f of [atob, btoa]) {
  try { f(); } catch (e) { console.log(e.name, e.code, e.message); }
}
try { btoa(Symbol('x')); } catch (e) { console.log(e.name, e.message); }
console.log(atob.name, atob.length, btoa.name, btoa.length, typeof atob, typeof btoa);
try { atob('*'); } catch (e) { console.log(e instanceof DOMException, e instanceof Error, Object.prototype.toString.call(e), String(e)); }

// Expected output (node 20):
// expect: "" -> ""
// expect: "a" -> "YQ=="
// expect: "ab" -> "YWI="
// expect: "abc" -> "YWJj"
// expect: "abcd" -> "YWJjZA=="
// expect: "hello world" -> "aGVsbG8gd29ybGQ="
// expect: "ÿ\u0000" -> "/wCA"
// expect: "é" -> "6Q=="
// expect: 123 -> "MTIz"
// expect: null -> "bnVsbA=="
// expect: undefined -> "dW5kZWZpbmVk"
// expect: {} -> "W29iamVjdCBPYmplY3Rd"
// expect: [1,2] -> "MSwy"
// expect: true -> "dHJ1ZQ=="
// expect: "Ā" -> InvalidCharacterError(5): Invalid character
// expect: "€" -> InvalidCharacterError(5): Invalid character
// expect: "ok😀" -> InvalidCharacterError(5): Invalid character
// expect: "\ud800" -> InvalidCharacterError(5): Invalid character
// expect: "" -> ""
// expect: "YQ==" -> "a"
// expect: "YQ" -> "a"
// expect: "YQ=" -> InvalidCharacterError(5): Invalid character
// expect: "YWI=" -> "ab"
// expect: "YWI" -> "ab"
// expect: "YWJj" -> "abc"
// expect: " Y W\tJ\nj\r\f" -> "abc"
// expect: "aGVsbG8gd29ybGQ=" -> "hello world"
// expect: "YQ===" -> InvalidCharacterError(5): Invalid character
// expect: "Y" -> InvalidCharacterError(5): The string to be decoded is not correctly encoded.
// expect: "A" -> InvalidCharacterError(5): The string to be decoded is not correctly encoded.
// expect: "Y!==" -> InvalidCharacterError(5): Invalid character
// expect: "YQ=a" -> InvalidCharacterError(5): Invalid character
// expect: "YQ==\n" -> "a"
// expect: "====" -> InvalidCharacterError(5): Invalid character
// expect: "=" -> InvalidCharacterError(5): Invalid character
// expect: "AA==" -> "\u0000"
// expect: "AAAA" -> "\u0000\u0000\u0000"
// expect: "/w==" -> "ÿ"
// expect: "+/+/" -> "ûÿ¿"
// expect: "-_" -> InvalidCharacterError(5): Invalid character
// expect: "YQ = =" -> "a"
// expect: "YQ==YQ==" -> InvalidCharacterError(5): Invalid character
// expect: "zz" -> "Ï"
// expect: "zzz" -> "Ï<"
// expect: "Zm9vYmFy" -> "foobar"
// expect: null -> "ée"
// expect: undefined -> InvalidCharacterError(5): The string to be decoded is not correctly encoded.
// expect: 1234 -> "×mø"
// expect: [object Object] -> InvalidCharacterError(5): Invalid character
// expect: 344 AAECAwQFBgcICQoLDA0ODxAR /P3+/w== true
// expect: 0  true true
// expect: 1 Bw== true true
// expect: 2 Bwg= true true
// expect: 3 BwgJ true true
// expect: 4 BwgJCg== true true
// expect: 5 BwgJCgs= true true
// expect: 100 BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpag== true true
// expect: TypeError ERR_MISSING_ARGS The "input" argument must be specified
// expect: TypeError ERR_MISSING_ARGS The "input" argument must be specified
// expect: TypeError Cannot convert a Symbol value to a string
// expect: atob 1 btoa 1 function function
// expect: true true [object DOMException] InvalidCharacterError: Invalid character
