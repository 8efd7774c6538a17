// expect error: SyntaxError: await is only valid in async functions and the top level bodies of modules
// `await` with an operand in a plain function (node 20: the same text for a CommonJS script's top
// level when module detection is off; node 20.20 otherwise re-runs such a file as an ES module).
function notAsync() {
  const v = await Promise.resolve(1);
  return v;
}
