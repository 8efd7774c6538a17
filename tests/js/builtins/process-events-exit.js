// process.exit(code) emits 'exit' once with that code; process.exit inside an 'exit' listener
// ends the program with its code without emitting again; 'beforeExit' is not emitted.
process.on('beforeExit', () => console.log('beforeExit: never'));
let calls = 0;
process.on('exit', (code) => {
  console.log('exit', code, process.exitCode, ++calls, process._exiting);
  process.exit(7);
});
process.on('exit', () => console.log('second listener: never (process.exit in the first)'));
setTimeout(() => {
  console.log('before exit(2)', process._exiting);
  process.exit(2);
  console.log('never');
}, 0);
// expect: before exit(2) false
// expect: exit 2 2 1 true
// expect exit: 7
