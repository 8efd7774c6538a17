let { a: b.c } = o;
// Binding patterns bind names, not properties. (node 20's report)
// expect error: __FILE__:1
// expect error: let { a: b.c } = o;
// expect error:          ^^^
// expect error: SyntaxError: Illegal property in declaration context
