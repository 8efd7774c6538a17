// --no-warnings: node installs no default 'warning' printer (nothing on stderr; the js.process-
// warning-silent ctest checks that), but 'warning' events are still emitted to listeners.
// flags: --no-warnings
console.log('default listeners', process.listenerCount('warning'));
process.on('warning', (w) => console.log('event', w.name, w.message));
process.emitWarning('still an event');
// expect: default listeners 0
// expect: event Warning still an event
