// setTimeout/setInterval return Timeout objects and setImmediate an Immediate, as in node: ref/unref/
// hasRef/refresh/close, a numeric id through Symbol.toPrimitive that clearTimeout accepts, the
// timer as the callback's this, and unref'd timers that do not keep the process alive.
const t = setTimeout(function () { console.log('timeout this ok', this === t, this.hasRef()); }, 30);
console.log(typeof t, t.constructor.name, t.hasRef(), t.unref() === t, t.hasRef(), t.ref() === t, t.hasRef());
console.log(typeof +t, +t === Number(t), `${t}` === String(+t));
const im = setImmediate(() => console.log('immediate ran'));
console.log(typeof im, im.constructor.name, im.hasRef(), typeof im.refresh, 'close' in im);
const never = setTimeout(() => console.log('never (unref, loop ends first)'), 500);
never.unref();
const cleared = setTimeout(() => console.log('cleared by number'), 1);
clearTimeout(+cleared);
console.log(cleared.hasRef());
const closed = setTimeout(() => console.log('closed'), 1);
console.log(closed.close() === closed);
let n = 0;
const iv = setInterval(function () { n++; if (n === 3) { clearInterval(this); console.log('interval ran', n, 'times', iv.hasRef()); } }, 1);
const start = performance.now();
const r = setTimeout(() => console.log('refreshed timeout ran', performance.now() - start >= 159), 100);
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
