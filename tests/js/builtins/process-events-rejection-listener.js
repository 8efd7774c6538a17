// With an 'unhandledRejection' listener each unhandled rejection is an event (reason, promise)
// and the program goes on to its normal end.
process.on('unhandledRejection', (reason, promise) => {
  console.log('unhandled', reason.message, promise instanceof Promise);
});
process.on('exit', (code) => console.log('exit', code));
Promise.reject(new Error('r1'));
setTimeout(() => {
  Promise.reject(new Error('r2'));
  console.log('timer');
}, 0);
// expect: unhandled r1 true
// expect: timer
// expect: unhandled r2 true
// expect: exit 0
