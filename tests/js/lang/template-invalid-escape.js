// An untagged template with a malformed escape is an early SyntaxError (only tagged templates
// turn it into an undefined cooked value; see tagged-templates.js). Nothing runs.
console.log('not reached');
const s = `ok ${1} then \x4 bad`;
// expect error: SyntaxError: Invalid hexadecimal escape sequence
// expect exit: 1
