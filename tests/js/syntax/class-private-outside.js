// expect error: SyntaxError: Private field '#x' must be declared in an enclosing class
// `#x in obj` outside any class body.
const o = {};
console.log(#x in o);
