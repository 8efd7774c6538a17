// After an uncaught error 'exit' sees code 1 (process.exitCode becomes 1) and the status is 1,
// whatever process.exitCode was; 'beforeExit' is not emitted.
process.on('exit', (code) => console.log('exit', code, process.exitCode));
process.on('beforeExit', () => console.log('beforeExit: never'));
process.exitCode = 4;
setTimeout(() => {
  throw new Error('boom');
}, 0);
// expect: exit 1 1
// expect error: Error: boom
// expect exit: 1
