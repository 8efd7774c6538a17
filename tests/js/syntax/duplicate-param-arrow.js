// expect error: SyntaxError: Duplicate parameter name not allowed in this context
const g = (a, [a]) => 0;
