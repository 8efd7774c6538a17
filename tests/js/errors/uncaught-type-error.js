// An uncaught TypeError prints the throw site, caret and stack like node, exit code 1.
// expect: before
// expect error:   return obj.missing.field;
// expect error:                      ^
// expect error: TypeError: Cannot read properties of undefined (reading 'field')
// expect error:     at read (__FILE__:9:22)
// expect exit: 1
function read(obj) {
  return obj.missing.field;
}
console.log('before');
read({});
console.log('never');
