// An unhandled rejection ends the process after the microtasks drain (node 20's default
// --unhandled-rejections=throw): the error's stack is printed at its creation site, exit code 1.
const late = Promise.reject(new Error('handled late is fine'));
Promise.resolve().then(() => late.catch(() => console.log('caught in a later microtask')));
function fail() { return Promise.reject(new Error('nobody catches this')); }
fail();
setTimeout(() => console.log('never runs'), 0);
console.log('sync end');
// expect: sync end
// expect: caught in a later microtask
// expect error: __FILE__:5
// expect error: function fail() { return Promise.reject(new Error('nobody catches this')); }
// expect error: Error: nobody catches this
// expect error:     at fail (__FILE__:5:41)
// expect error: Node.js v20.20.2
// expect exit: 1
