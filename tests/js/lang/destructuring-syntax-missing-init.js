const { a };
// A destructuring declaration needs an initializer. (node 20's report)
// expect error: __FILE__:1
// expect error: const { a };
// expect error:       ^^^^^
// expect error: SyntaxError: Missing initializer in destructuring declaration
