// expect error: SyntaxError: Unexpected reserved word
function notAsync(items) {
  for await (const x of items) console.log(x);
}
