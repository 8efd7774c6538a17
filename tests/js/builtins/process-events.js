// process is an EventEmitter; 'beforeExit' runs each time the loop empties (work scheduled in it
// keeps the program going); 'exit' runs once with process.exitCode, which listeners may change.
const EventEmitter = require('events');
console.log(process instanceof EventEmitter, typeof process.on, typeof process.emit);
console.log(Object.getPrototypeOf(Object.getPrototypeOf(process)) === EventEmitter.prototype);

process.on('exit', (code) => {
  console.log('exit', code, process.exitCode);
});
process.once('exit', (code) => {
  console.log('exit once', code);
  process.exitCode = 3;
});
let rounds = 0;
function onBeforeExit(code) {
  console.log('beforeExit', code, rounds);
  if (rounds++ < 2) {
    setTimeout(() => console.log('timer', rounds), 0);
  } else {
    // a promise job runs, but alone it does not keep the program going
    Promise.resolve().then(() => console.log('microtask'));
    process.exitCode = 5;
  }
}
process.on('beforeExit', onBeforeExit);
console.log(process.listenerCount('exit'), process.listeners('beforeExit').length);
const f = () => {};
process.on('custom', f);
process.emit('custom');
console.log(process.listenerCount('custom'), process.removeListener('custom', f) === process, process.listenerCount('custom'));
console.log('end of script');
// expect: true function function
// expect: true
// expect: 2 1
// expect: 1 true 0
// expect: end of script
// expect: beforeExit 0 0
// expect: timer 1
// expect: beforeExit 0 1
// expect: timer 2
// expect: beforeExit 0 2
// expect: microtask
// expect: exit 5 5
// expect: exit once 5
// expect exit: 3
