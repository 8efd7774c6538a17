// expect error: SyntaxError: Unexpected end of input
function f() {
  return 1 +
