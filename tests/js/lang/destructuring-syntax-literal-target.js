({ a: 1 } = o);
// A property value in an assignment pattern must be a target. (node 20's report)
// expect error: __FILE__:1
// expect error: ({ a: 1 } = o);
// expect error:       ^
// expect error: SyntaxError: Invalid destructuring assignment target
