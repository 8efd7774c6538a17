[a + 1] = x;
// Assignment pattern elements must be identifiers, members or patterns. (node 20's report)
// expect error: __FILE__:1
// expect error: [a + 1] = x;
// expect error:  ^^^^^
// expect error: SyntaxError: Invalid destructuring assignment target
