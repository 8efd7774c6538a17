x = { a = 1 };
// `{a = 1}` is only legal inside a pattern. (node 20's report)
// expect error: __FILE__:1
// expect error: x = { a = 1 };
// expect error:       ^^^^^
// expect error: SyntaxError: Invalid shorthand property initializer
