// The classic listener leak: an 11th listener for one event prints node's
// MaxListenersExceededWarning once, on stderr, after the synchronous code (checked by the
// js.events-warning ctest, which matches the "(node:<pid>)" line).
const EventEmitter = require('events');
const bus = new EventEmitter();
for (let i = 0; i < 12; i++) bus.on('foo', () => {});
console.log('listeners', bus.listenerCount('foo'), bus.rawListeners('foo').length);
const quiet = new EventEmitter();
quiet.setMaxListeners(20);
for (let i = 0; i < 15; i++) quiet.on('bar', () => {});
const unlimited = new EventEmitter().setMaxListeners(0);
for (let i = 0; i < 15; i++) unlimited.on('baz', () => {});
console.log('end of script');
// expect: listeners 12 12
// expect: end of script
