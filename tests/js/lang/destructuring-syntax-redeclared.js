let [a, { b: a }] = [];
// Names bound by one pattern are declared once. (node 20's report)
// expect error: __FILE__:1
// expect error: let [a, { b: a }] = [];
// expect error:              ^
// expect error: SyntaxError: Identifier 'a' has already been declared
