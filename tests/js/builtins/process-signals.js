// process.on(<signal>): the first listener installs a handler, so the signal no longer ends the
// process; the event is emitted from the event loop (never inside the synchronous code), wakes a
// loop that waits for a long timer, and gets (name, number). Signal listeners do not keep the
// loop alive: the program ends with a SIGTERM listener still installed.
const seen = [];
function onUsr2(name, number) {
  console.log('listener', name, number, 'this is process:', this === process);
  process.removeListener('SIGUSR2', onUsr2);
  console.log('SIGUSR2 listeners', process.listenerCount('SIGUSR2'));
  process.once('SIGHUP', (name, number) => {
    console.log('once', name, number);
    clearTimeout(long);  // the loop was waiting for this 30 s timer: the signals woke it
    Promise.resolve().then(() => console.log('promise job after the signal listener'));
    process.nextTick(() => console.log('nextTick after the signal listener'));
  });
  console.log('kill by number', process.kill(process.pid, 1));
  console.log('still in the SIGUSR2 listener');
}
process.on('SIGUSR2', onUsr2);
process.on('SIGTERM', () => console.log('never: nobody sends SIGTERM'));
console.log('kill', process.kill(process.pid, 'SIGUSR2'));
console.log('after kill (the listener runs from the loop)');
const long = setTimeout(() => console.log('never: the listener clears this timer'), 30000);
process.on('exit', (code) => console.log('exit', code, 'SIGHUP listeners', process.listenerCount('SIGHUP')));
// expect: kill true
// expect: after kill (the listener runs from the loop)
// expect: listener SIGUSR2 12 this is process: true
// expect: SIGUSR2 listeners 0
// expect: kill by number true
// expect: still in the SIGUSR2 listener
// expect: once SIGHUP 1
// expect: nextTick after the signal listener
// expect: promise job after the signal listener
// expect: exit 0 SIGHUP listeners 0
