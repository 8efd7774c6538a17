// setTimeout/setInterval return Timeout objects and setImmediate an Immediate, as in node: ref/unref/
// hasRef/refresh/close, a numeric id through Symbol.toPrimitive that clearTimeout accepts, the
// timer as the callback's this, and unref'd timers that do not keep the process alive.
// The callbacks record what they saw and the last timer prints it: which of a 30 ms timeout, a
// 1 ms interval and an immediate runs first depends on how long start-up takes, in node too.
const seen = {};
const t = setTimeout(function () { seen.timeout = ['timeout this ok', this === t, this.hasRef()]; }, 30);
console.log(typeof t, t.constructor.name, t.hasRef(), t.unref() === t, t.hasRef(), t.ref() === t, t.hasRef());
console.log(typeof +t, +t === Number(t), `${t}` === String(+t));
const im = setImmediate(() => { seen.immediate = ['immediate ran']; });
console.log(typeof im, im.constructor.name, im.hasRef(), typeof im.refresh, 'close' in im);
const never = setTimeout(() => console.log('never (unref, loop ends first)'), 500);
never.unref();
const cleared = setTimeout(() => console.log('cleared by number'), 1);
clearTimeout(+cleared);
console.log(cleared.hasRef());
const closed = setTimeout(() => console.log('closed'), 1);
console.log(closed.close() === closed);
let n = 0;
const iv = setInterval(function () { n++; if (n === 3) { clearInterval(this); seen.interval = ['interval ran', n, 'times', iv.hasRef()]; } }, 1);
const start = performance.now();
const r = setTimeout(() => {
  for (const key of ['immediate', 'interval', 'timeout']) console.log(...(seen[key] || [key + ' did not run']));
  console.log('refreshed timeout ran', performance.now() - start >= 159);
}, 100);
setTimeout(() => r.refresh(), 60);
const u = setInterval(() => {}, 1000); u.unref();
console.log('end of script');

// expect: object Timeout true true false true true
// expect: number true true
// expect: object Immediate true undefined false
// expect: true
// expect: true
// expect: end of script
// expect: immediate ran
// expect: interval ran 3 times true
// expect: timeout this ok true true
// expect: refreshed timeout ran true
