// expect error: SyntaxError: Duplicate parameter name not allowed in this context
// A name bound twice across parameter patterns (ECMA-262 §15.2.1 early errors).
function ok(a, b, { c }, [d]) { return a + b + c + d; }
function f(a, { a }) {}
