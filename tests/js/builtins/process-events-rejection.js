// An unhandled rejection ends the program with status 1 after 'exit' listeners saw 1.
process.on('exit', (code) => console.log('exit', code, process.exitCode));
Promise.reject(new Error('rejected'));
// expect: exit 1 1
// expect error: Error: rejected
// expect exit: 1
