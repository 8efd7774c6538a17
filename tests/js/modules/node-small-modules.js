// Small node modules: buffer, timers, timers/promises, perf_hooks export the globals' functions
// (same identities as node), and timers/promises' promises resolve in timer order; node's
// internal errors carry their code in the stack header; Buffer.allocUnsafe and size errors.
const buffer = require('buffer');
const timers = require('node:timers');
const tp = require('timers/promises');
const { performance: perf } = require('perf_hooks');
console.log(buffer.Buffer === Buffer, buffer.atob === atob, timers.setTimeout === setTimeout,
            timers.clearInterval === clearInterval, timers.promises === tp, perf === performance);
console.log(typeof perf.now(), typeof require.resolve('timers/promises'), require.resolve('node:buffer'));
// Timers and immediates are recorded apart: whether an expired timer runs before the first
// immediate depends on how long the script took (slow under --verify-heap), in node too.
const fired = [], immediates = [];
tp.setTimeout(30, 'early').then((v) => fired.push(v));
(async () => {
  const v = await tp.setTimeout(60, 'late');
  fired.push(v);
  await tp.scheduler.wait(1);
  fired.push('waited');
  console.log(immediates.join(' '), '|', fired.join(' '));
})();
tp.setImmediate('immediate').then((v) => immediates.push(v));
tp.scheduler.yield().then(() => immediates.push('yield'));
tp.setTimeout(1000, 'unref', { ref: false }).then(() => console.log('never printed: the timer is unrefd'));
tp.setTimeout(1, 'x', { ref: 'yes' }).catch((e) => console.log(e.code, e.message, e.stack.split('\n')[0]));
tp.setImmediate('x', null).catch((e) => console.log(e.code, e.message));
try { require('node:nonexistent'); } catch (e) { console.log(e.code, e.stack.split('\n')[0]); }
try { require(''); } catch (e) { console.log(e.code, e.stack.split('\n')[0]); }
for (const v of [-1, 1.5, NaN, 2 ** 33, '3', -(2 ** 40)]) {
  try { console.log(Buffer.alloc(v).length); } catch (e) { console.log(e.code, e.stack.split('\n')[0]); }
}
try { Buffer.allocUnsafe(-2); } catch (e) { console.log(e.code, e.message); }
const unsafe = Buffer.allocUnsafe(4);
unsafe.fill(1);
console.log(unsafe, Buffer.allocUnsafeSlow(2).length, Buffer.allocUnsafe.length);

// expect: true true true true true true
// expect: number string node:buffer
// expect: ERR_UNKNOWN_BUILTIN_MODULE Error [ERR_UNKNOWN_BUILTIN_MODULE]: No such built-in module: node:nonexistent
// expect: ERR_INVALID_ARG_VALUE TypeError [ERR_INVALID_ARG_VALUE]: The argument 'id' must be a non-empty string. Received ''
// expect: ERR_OUT_OF_RANGE RangeError [ERR_OUT_OF_RANGE]: The value of "size" is out of range. It must be >= 0 && <= 4294967296. Received -1
// expect: 1
// expect: ERR_OUT_OF_RANGE RangeError [ERR_OUT_OF_RANGE]: The value of "size" is out of range. It must be >= 0 && <= 4294967296. Received NaN
// expect: ERR_OUT_OF_RANGE RangeError [ERR_OUT_OF_RANGE]: The value of "size" is out of range. It must be >= 0 && <= 4294967296. Received 8_589_934_592
// expect: ERR_INVALID_ARG_TYPE TypeError [ERR_INVALID_ARG_TYPE]: The "size" argument must be of type number. Received type string ('3')
// expect: ERR_OUT_OF_RANGE RangeError [ERR_OUT_OF_RANGE]: The value of "size" is out of range. It must be >= 0 && <= 4294967296. Received -1_099_511_627_776
// expect: ERR_OUT_OF_RANGE The value of "size" is out of range. It must be >= 0 && <= 4294967296. Received -2
// expect: <Buffer 01 01 01 01> 2 1
// expect: ERR_INVALID_ARG_TYPE The "options.ref" property must be of type boolean. Received type string ('yes') TypeError [ERR_INVALID_ARG_TYPE]: The "options.ref" property must be of type boolean. Received type string ('yes')
// expect: ERR_INVALID_ARG_TYPE The "options" argument must be of type object. Received null
// expect: immediate yield | early late waited
