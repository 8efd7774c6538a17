// Throwing a non-Error value: node prints the value and a hint.
// expect error: throw { code: 42 };
// expect error: ^
// expect error: { code: 42 }
// expect error: (Use `node --trace-uncaught ...` to show where the exception was thrown)
// expect exit: 1
throw { code: 42 };
