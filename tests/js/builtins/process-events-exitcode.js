// process.exitCode becomes the exit status; process.exit() without a code uses it; a required
// events module makes process an EventEmitter before any process.on call.
const { EventEmitter } = require('events');
console.log(process instanceof EventEmitter, process.exitCode);
process.exitCode = 9;
process.on('exit', (code) => console.log('exit', code, process.exitCode));
Promise.resolve().then(() => process.exit());
// expect: true undefined
// expect: exit 9 9
// expect exit: 9
