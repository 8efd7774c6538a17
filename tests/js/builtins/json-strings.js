// JSON string escapes both ways, and JSON.parse's string errors with V8's message and position.
const tricky = 'a\u0001\b\f\n\r\t"\\<\u001f caf\u00e9 \u{1F600}';
const quoted = JSON.stringify(tricky);
console.log(quoted);
console.log(JSON.parse(quoted) === tricky, JSON.parse('"\\ud83d\\ude00"') === '\u{1F600}');
console.log(JSON.parse('{"k\\u0041":"\\/x"}'));
const lone = JSON.parse('"\\ud83d!"');
console.log(lone.length, lone.charCodeAt(0).toString(16), JSON.stringify(lone), ['b', 'a', '\u{1F600}', '\uff61'].sort());
for (const text of ['"a\\qb"', '"\\uZZZZ"', '"\\u12"', '"ab', '"a\u0001b"', '"\\']) {
  try {
    JSON.parse(text);
    console.log('parsed?!');
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
}

// expect: "a\u0001\b\f\n\r\t\"\\<\u001f café 😀"
// expect: true true
// expect: { kA: '/x' }
// expect: 2 d83d "\ud83d!" [ 'a', 'b', '😀', '｡' ]
// expect: SyntaxError: Bad escaped character in JSON at position 3
// expect: SyntaxError: Bad Unicode escape in JSON at position 3
// expect: SyntaxError: Bad Unicode escape in JSON at position 5
// expect: SyntaxError: Unterminated string in JSON at position 3
// expect: SyntaxError: Bad control character in string literal in JSON at position 2
// expect: SyntaxError: Unexpected end of JSON input
