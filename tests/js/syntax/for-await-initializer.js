// expect error: SyntaxError: for-await-of loop variable declaration may not have an initializer.
// A C-style for with await reads as a for-await-of head with an initializer (V8's text).
async function f(o) {
  for await (let i = 0; i < 3; i++) console.log(i);
}
