// Regular expressions on large inputs and the backtracking bound (tenure-specific: node has no
// bound and would run `(a*)*b` for hours, so this file is not in the node-diff directories).
const line = 'word '.repeat(200000);  // 1 MB
console.log(line.split(/\s+/).length, line.replace(/o/g, '0').length, (line.match(/w/g) || []).length);
console.log(/^(?:\w+ )*$/.test(line), /^.*$/.test(line), line.search(/z/));
const dots = 'a'.repeat(1 << 20);
console.log(/a*$/.exec(dots)[0].length, /^(a|b)*$/.test(dots.slice(0, 100000)));
for (const [source, input] of [['(a*)*b', 'a'.repeat(40)], ['(x+x+)+y', 'x'.repeat(40)]]) {
  const started = Date.now();
  try {
    console.log(new RegExp(source).test(input));
  } catch (e) {
    console.log(e.name + ': ' + e.message, Date.now() - started < 60000);
  }
}

// expect: 200001 1000000 200000
// expect: true true -1
// expect: 1048576 true
// expect: RangeError: Regular expression backtracking limit exceeded true
// expect: RangeError: Regular expression backtracking limit exceeded true
