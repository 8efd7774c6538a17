// With an 'uncaughtException' listener uncaught errors (the script's, a timer's) do not end the
// program; an unhandled rejection goes to it too (origin 'unhandledRejection') when there is no
// 'unhandledRejection' listener; a throwing listener ends the program with 7 and no 'exit'.
process.on('uncaughtException', (err, origin) => {
  console.log('caught', err.message, origin);
  if (err.message === 'c') throw new Error('in handler');
});
process.on('exit', (code) => console.log('exit: never', code));
setTimeout(() => {
  console.log('timer 1');
  throw new Error('b');
}, 0);
setTimeout(() => {
  console.log('timer 2');
  Promise.resolve().then(() => {
    throw new Error('c');
  });
}, 0);
setTimeout(() => console.log('never'), 0);
throw new Error('a');
// expect: caught a uncaughtException
// expect: timer 1
// expect: caught b uncaughtException
// expect: timer 2
// expect: caught c unhandledRejection
// expect error: Error: in handler
// expect exit: 7
