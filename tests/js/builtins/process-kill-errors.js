// process.kill's argument checks and errors, with node's codes and messages.
function attempt(...args) {
  try {
    console.log('returned', process.kill(...args));
  } catch (e) {
    console.log(e.name, e.code, e.message, e.errno, e.syscall);
  }
}
attempt(process.pid, 'SIGFOO');
attempt(process.pid, 'sigusr2');
attempt(process.pid, 1.5);
attempt(process.pid, {});
attempt('abc');
attempt(1.5);
attempt(process.pid, 999);
attempt(process.pid, -1);
attempt(999999999, 0);
attempt(process.pid, 0);
attempt(String(process.pid), 0);
// A missing or falsy signal means SIGTERM; a listener keeps the process alive and clears the timer.
let terms = 0;
process.on('SIGTERM', (name) => {
  console.log('listener', name, ++terms);
  if (terms === 2) clearTimeout(keepAlive);
});
attempt(process.pid, null);
attempt(process.pid);
const keepAlive = setTimeout(() => console.log('never: two SIGTERMs clear this'), 30000);
// expect: TypeError ERR_UNKNOWN_SIGNAL Unknown signal: SIGFOO undefined undefined
// expect: TypeError ERR_UNKNOWN_SIGNAL Unknown signal: sigusr2 undefined undefined
// expect: TypeError ERR_UNKNOWN_SIGNAL Unknown signal: 1.5 undefined undefined
// expect: TypeError ERR_UNKNOWN_SIGNAL Unknown signal: {} undefined undefined
// expect: TypeError ERR_INVALID_ARG_TYPE The "pid" argument must be of type number. Received type string ('abc') undefined undefined
// expect: TypeError ERR_INVALID_ARG_TYPE The "pid" argument must be of type number. Received type number (1.5) undefined undefined
// expect: Error EINVAL kill EINVAL -22 kill
// expect: Error EINVAL kill EINVAL -22 kill
// expect: Error ESRCH kill ESRCH -3 kill
// expect: returned true
// expect: returned true
// expect: returned true
// expect: returned true
// expect: listener SIGTERM 1
// expect: listener SIGTERM 2
