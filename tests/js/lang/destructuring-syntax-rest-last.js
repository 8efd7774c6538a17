let [...a, b] = c;
// A rest element must come last. (node 20's report)
// expect error: __FILE__:1
// expect error: let [...a, b] = c;
// expect error:      ^^^^
// expect error: SyntaxError: Rest element must be last element
