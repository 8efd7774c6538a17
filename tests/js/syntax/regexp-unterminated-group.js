// expect error: SyntaxError: Invalid regular expression: /(/: Unterminated group
const ok = /a(b)c/g;
const bad = /(/;
