// expect error: SyntaxError: Unexpected token 'in'
// for await only takes an of-loop (V8: the token after the head's binding is unexpected).
async function f(o) {
  for await (const k in o) console.log(k);
}
