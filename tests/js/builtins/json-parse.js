// JSON.parse: RFC 8259's grammar exactly (numbers, literals, whitespace), node 20's SyntaxError
// messages and UTF-16 positions for every kind of mistake, the reviver (ECMA-262 §25.5.1.1), and
// nesting deeper than any recursion limit.
function attempt(text) {
  try {
    const v = JSON.parse(text);
    console.log('ok', JSON.stringify(text), '=>', JSON.stringify(v));
  } catch (e) {
    console.log(JSON.stringify(text), '->', e.name + ': ' + e.message);
  }
}
// Numbers: what the grammar rejects, and what it accepts.
for (const t of ['-', '1e', '1.', '01', '-01', '1.5e+', '[-]', '-a', '1.e5', '1e+-5', '.1', '+1', '0x10', '1_000',
                 '-0', '1E+2', '-1.5e-3', '123456789012345678901234567890', '0.1', '1e400', '-1e-400', '9007199254740993']) {
  attempt(t);
}
// Literals and whitespace (only space, tab, CR, LF).
for (const t of ['tru', 'nul', 'trux', 'tRue', 't1', 'n"', 'falsy', 'nulll', 'true false', ' \t\n\r1 \t\n\r', '', ' ']) {
  attempt(t);
}
// A vertical tab, form feed or no-break space is not JSON whitespace.
for (const t of ['\u000b1', '\f1', '\u00a01', '1\u00a0']) {
  try { JSON.parse(t); } catch (e) { console.log(JSON.stringify(e.message)); }
}
// Structure: which separator was expected where.
for (const t of ['{bad', '{', '{"a"', '{"a" 1}', '{"a" }', '{"a":', '{"a":1', '{"a":1,}', '{"a":1 "b":2}', '{"a":1;}',
                 '{"a":1,"b"}', '{"a":1,"b" 2}', '{"a":1,"b":}', '{"a":{"b" 1}}', '[{"b" 1}]', '{,}', '{"a":1,,}',
                 '[1,]', '[1 2]', '[1', '[1,', '[,1]', '[1 ,2 3]', '{"a":[1,}', '[1,{"x":1,}]', '{"a":1}}', '[]]',
                 '{"a":1}x', ' {} x', '"abc"x', '1 2', '{a:1}', "'a'", '[1,2,3,4,5,6,7,8,9x]']) {
  attempt(t);
}
// The token is quoted with the whole text up to 19 units, else 10 units either side.
for (const t of ['[1,2,3,4,5,6,7,8,x]', '[1,2,3,4,5,6,7,8,9,x]', '[1,2,3,4,5,6,7,8,9,0,1,x]', 'x234567890123456789012345',
                 '[1,2,3,4,5,6,7,8,9,10,11,12,13,14,"ab", x,1,2,3,4,5,6,7,8,9,10]',
                 'undefined', 'NaN', 'Infinity', '-Infinity', '[object Object]', String({})]) {
  attempt(t);
}
// Positions count UTF-16 code units, not bytes.
for (const t of ['"\u00e9\u00e9" 1', '"\u{1F600}" 1', '\u00e9\u00e9\u00e9{', '{"\u00e9":1 2}', '"\u00e9\\q"']) {
  attempt(t);
}
// Values: duplicate keys keep the last, "__proto__" is an own property, index keys order first.
const o = JSON.parse('{"b":1,"1":2,"a":3,"0":4,"a":5,"__proto__":{"x":1}}');
console.log(o, Object.keys(o), Object.getPrototypeOf(o) === Object.prototype, o.x);
console.log(JSON.parse('[1,[2,[3,{"k":[]}]],{},"s",true,false,null]'));
console.log(Object.is(JSON.parse('-0'), -0), JSON.parse(' "\\u0041\\n" '), JSON.parse('{"":""}'));
// Nesting is bounded by the heap, not by a recursion limit (tenure's parser stopped at 500).
let nested = JSON.parse('['.repeat(3000) + ']'.repeat(3000)), levels = 0;
while (Array.isArray(nested) && nested.length) { nested = nested[0]; levels++; }
console.log('nested levels', levels + 1);
console.log(JSON.parse('{"a":'.repeat(1000) + '1' + '}'.repeat(1000)).a.a.a.a !== undefined);
// The reviver: called bottom-up with (key, value) and this = holder; undefined deletes.
const calls = [];
const revived = JSON.parse('{"a":[1,2,{"b":3}],"c":"d","e":null}', function (k, v) {
  calls.push(k + (Array.isArray(this) ? '@array' : '@object') + ':' + arguments.length);
  if (typeof v === 'number') return v * 10;
  if (k === 'c') return undefined;
  return v;
});
console.log(revived, calls.join(' '));
console.log(JSON.parse('[1,2,3]', (k, v) => (k === '1' ? undefined : v)));
console.log(JSON.parse('"x"', (k, v) => [k, v]), JSON.parse('{"a":1}', function (k, v) { return k === '' ? Object.keys(this) : v; }));
// A reviver that replaces a value the walk has not reached yet sees the replacement.
console.log(JSON.parse('{"a":1,"b":2}', function (k, v) { if (k === 'a') this.b = 'new'; return v; }));
try { JSON.parse('[1]', () => { throw new Error('from reviver'); }); } catch (e) { console.log(e.message); }
// The walk recurses: an array the reviver makes contain itself ends in a RangeError, not a crash.
try {
  JSON.parse('{"a":1,"b":2}', function (k, v) { if (k === 'a') { const self = []; self.push(self); this.b = self; } return v; });
} catch (e) { console.log(e.name, e.message); }
// Non-string input is converted first.
console.log(JSON.parse(123), JSON.parse(true), JSON.parse(null), JSON.parse({ toString() { return '[7]'; } }));
try { JSON.parse(); } catch (e) { console.log(e.name + ': ' + e.message); }

// expect: "-" -> SyntaxError: No number after minus sign in JSON at position 1
// expect: "1e" -> SyntaxError: Exponent part is missing a number in JSON at position 2
// expect: "1." -> SyntaxError: Unterminated fractional number in JSON at position 2
// expect: "01" -> SyntaxError: Unexpected number in JSON at position 1
// expect: "-01" -> SyntaxError: Unexpected number in JSON at position 2
// expect: "1.5e+" -> SyntaxError: Exponent part is missing a number in JSON at position 5
// expect: "[-]" -> SyntaxError: No number after minus sign in JSON at position 2
// expect: "-a" -> SyntaxError: No number after minus sign in JSON at position 1
// expect: "1.e5" -> SyntaxError: Unterminated fractional number in JSON at position 2
// expect: "1e+-5" -> SyntaxError: Exponent part is missing a number in JSON at position 3
// expect: ".1" -> SyntaxError: Unexpected token '.', ".1" is not valid JSON
// expect: "+1" -> SyntaxError: Unexpected token '+', "+1" is not valid JSON
// expect: "0x10" -> SyntaxError: Unexpected non-whitespace character after JSON at position 1
// expect: "1_000" -> SyntaxError: Unexpected non-whitespace character after JSON at position 1
// expect: ok "-0" => 0
// expect: ok "1E+2" => 100
// expect: ok "-1.5e-3" => -0.0015
// expect: ok "123456789012345678901234567890" => 1.2345678901234568e+29
// expect: ok "0.1" => 0.1
// expect: ok "1e400" => null
// expect: ok "-1e-400" => 0
// expect: ok "9007199254740993" => 9007199254740992
// expect: "tru" -> SyntaxError: Unexpected end of JSON input
// expect: "nul" -> SyntaxError: Unexpected end of JSON input
// expect: "trux" -> SyntaxError: Unexpected token 'x', "trux" is not valid JSON
// expect: "tRue" -> SyntaxError: Unexpected token 'R', "tRue" is not valid JSON
// expect: "t1" -> SyntaxError: Unexpected number in JSON at position 1
// expect: "n\"" -> SyntaxError: Unexpected string in JSON at position 1
// expect: "falsy" -> SyntaxError: Unexpected token 'y', "falsy" is not valid JSON
// expect: "nulll" -> SyntaxError: Unexpected non-whitespace character after JSON at position 4
// expect: "true false" -> SyntaxError: Unexpected non-whitespace character after JSON at position 5
// expect: ok " \t\n\r1 \t\n\r" => 1
// expect: "" -> SyntaxError: Unexpected end of JSON input
// expect: " " -> SyntaxError: Unexpected end of JSON input
// expect: "Unexpected token '\u000b', \"\u000b1\" is not valid JSON"
// expect: "Unexpected token '\f', \"\f1\" is not valid JSON"
// expect: "Unexpected token ' ', \" 1\" is not valid JSON"
// expect: "Unexpected non-whitespace character after JSON at position 1"
// expect: "{bad" -> SyntaxError: Expected property name or '}' in JSON at position 1
// expect: "{" -> SyntaxError: Expected property name or '}' in JSON at position 1
// expect: "{\"a\"" -> SyntaxError: Expected ':' after property name in JSON at position 4
// expect: "{\"a\" 1}" -> SyntaxError: Expected ':' after property name in JSON at position 5
// expect: "{\"a\" }" -> SyntaxError: Expected ':' after property name in JSON at position 5
// expect: "{\"a\":" -> SyntaxError: Unexpected end of JSON input
// expect: "{\"a\":1" -> SyntaxError: Expected ',' or '}' after property value in JSON at position 6
// expect: "{\"a\":1,}" -> SyntaxError: Expected double-quoted property name in JSON at position 7
// expect: "{\"a\":1 \"b\":2}" -> SyntaxError: Expected ',' or '}' after property value in JSON at position 7
// expect: "{\"a\":1;}" -> SyntaxError: Expected ',' or '}' after property value in JSON at position 6
// expect: "{\"a\":1,\"b\"}" -> SyntaxError: Unexpected token '}', "{"a":1,"b"}" is not valid JSON
// expect: "{\"a\":1,\"b\" 2}" -> SyntaxError: Unexpected number in JSON at position 11
// expect: "{\"a\":1,\"b\":}" -> SyntaxError: Unexpected token '}', "{"a":1,"b":}" is not valid JSON
// expect: "{\"a\":{\"b\" 1}}" -> SyntaxError: Expected ':' after property name in JSON at position 10
// expect: "[{\"b\" 1}]" -> SyntaxError: Expected ':' after property name in JSON at position 6
// expect: "{,}" -> SyntaxError: Expected property name or '}' in JSON at position 1
// expect: "{\"a\":1,,}" -> SyntaxError: Expected double-quoted property name in JSON at position 7
// expect: "[1,]" -> SyntaxError: Unexpected token ']', "[1,]" is not valid JSON
// expect: "[1 2]" -> SyntaxError: Expected ',' or ']' after array element in JSON at position 3
// expect: "[1" -> SyntaxError: Expected ',' or ']' after array element in JSON at position 2
// expect: "[1," -> SyntaxError: Unexpected end of JSON input
// expect: "[,1]" -> SyntaxError: Unexpected token ',', "[,1]" is not valid JSON
// expect: "[1 ,2 3]" -> SyntaxError: Expected ',' or ']' after array element in JSON at position 6
// expect: "{\"a\":[1,}" -> SyntaxError: Unexpected token '}', "{"a":[1,}" is not valid JSON
// expect: "[1,{\"x\":1,}]" -> SyntaxError: Expected double-quoted property name in JSON at position 10
// expect: "{\"a\":1}}" -> SyntaxError: Unexpected non-whitespace character after JSON at position 7
// expect: "[]]" -> SyntaxError: Unexpected non-whitespace character after JSON at position 2
// expect: "{\"a\":1}x" -> SyntaxError: Unexpected non-whitespace character after JSON at position 7
// expect: " {} x" -> SyntaxError: Unexpected non-whitespace character after JSON at position 4
// expect: "\"abc\"x" -> SyntaxError: Unexpected non-whitespace character after JSON at position 5
// expect: "1 2" -> SyntaxError: Unexpected non-whitespace character after JSON at position 2
// expect: "{a:1}" -> SyntaxError: Expected property name or '}' in JSON at position 1
// expect: "'a'" -> SyntaxError: Unexpected token ''', "'a'" is not valid JSON
// expect: "[1,2,3,4,5,6,7,8,9x]" -> SyntaxError: Expected ',' or ']' after array element in JSON at position 18
// expect: "[1,2,3,4,5,6,7,8,x]" -> SyntaxError: Unexpected token 'x', "[1,2,3,4,5,6,7,8,x]" is not valid JSON
// expect: "[1,2,3,4,5,6,7,8,9,x]" -> SyntaxError: Unexpected token 'x', ..."5,6,7,8,9,x]" is not valid JSON
// expect: "[1,2,3,4,5,6,7,8,9,0,1,x]" -> SyntaxError: Unexpected token 'x', ..."7,8,9,0,1,x]" is not valid JSON
// expect: "x234567890123456789012345" -> SyntaxError: Unexpected token 'x', "x234567890"... is not valid JSON
// expect: "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,\"ab\", x,1,2,3,4,5,6,7,8,9,10]" -> SyntaxError: Unexpected token 'x', ...",14,"ab", x,1,2,3,4,"... is not valid JSON
// expect: "undefined" -> SyntaxError: "undefined" is not valid JSON
// expect: "NaN" -> SyntaxError: "NaN" is not valid JSON
// expect: "Infinity" -> SyntaxError: "Infinity" is not valid JSON
// expect: "-Infinity" -> SyntaxError: No number after minus sign in JSON at position 1
// expect: "[object Object]" -> SyntaxError: "[object Object]" is not valid JSON
// expect: "[object Object]" -> SyntaxError: "[object Object]" is not valid JSON
// expect: "\"éé\" 1" -> SyntaxError: Unexpected non-whitespace character after JSON at position 5
// expect: "\"😀\" 1" -> SyntaxError: Unexpected non-whitespace character after JSON at position 5
// expect: "ééé{" -> SyntaxError: Unexpected token 'é', "ééé{" is not valid JSON
// expect: "{\"é\":1 2}" -> SyntaxError: Expected ',' or '}' after property value in JSON at position 7
// expect: "\"é\\q\"" -> SyntaxError: Bad escaped character in JSON at position 3
// expect: { '0': 4, '1': 2, b: 1, a: 5, ['__proto__']: { x: 1 } } [ '0', '1', 'b', 'a', '__proto__' ] true undefined
// expect: [ 1, [ 2, [ 3, [Object] ] ], {}, 's', true, false, null ]
// expect: true A
// expect:  { '': '' }
// expect: nested levels 3000
// expect: true
// expect: { a: [ 10, 20, { b: 30 } ], e: null } 0@array:2 1@array:2 b@object:2 2@array:2 a@object:2 c@object:2 e@object:2 @object:2
// expect: [ 1, <1 empty item>, 3 ]
// expect: [ '', 'x' ] [ '' ]
// expect: { a: 1, b: 'new' }
// expect: from reviver
// expect: RangeError Maximum call stack size exceeded
// expect: 123 true null [ 7 ]
// expect: SyntaxError: "undefined" is not valid JSON
