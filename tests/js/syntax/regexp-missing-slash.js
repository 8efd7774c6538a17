// expect error: SyntaxError: Invalid regular expression: missing /
const ratio = 4 / 2;
const bad = /abc
;
