// timers/promises with an AbortSignal (node 20): an aborted signal rejects at once, an abort clears
// the timer and rejects with node's AbortError (code ABORT_ERR, cause = the signal's reason), and
// the setInterval iterator ends the same way; a bad signal is node's ERR_INVALID_ARG_TYPE.
const { setTimeout: sleep, setImmediate: immediate, setInterval: every } = require('timers/promises');
const ac = new AbortController();
sleep(100000, 'v', { signal: ac.signal }).catch((e) => {
  console.log(e.name, e.code, e.message, e.cause, e instanceof Error, Object.keys(e));
});
ac.abort('r');
sleep(10, 'v', { signal: AbortSignal.abort() }).catch((e) => console.log('pre', e.name, e.cause.name));
sleep(10, 'v', { signal: 5 }).catch((e) => console.log(e.name, e.code, e.message));
// expect: pre AbortError AbortError
// expect: TypeError ERR_INVALID_ARG_TYPE The "options.signal" property must be an instance of AbortSignal. Received type number (5)
// expect: AbortError ABORT_ERR The operation was aborted r true [ 'code', 'name' ]

(async () => {
  const ticks = new AbortController();
  let n = 0;
  try {
    for await (const v of every(1, 'tick', { signal: ticks.signal })) {
      console.log(v, ++n);
      if (n === 3) ticks.abort('enough');
    }
  } catch (e) { console.log('caught', e.name, e.code, e.cause); }
  try {
    for await (const v of every(1, 'x', { signal: AbortSignal.abort(1) })) console.log(v);
  } catch (e) { console.log('pre-aborted', e.name, e.cause); }
  const ac2 = new AbortController();
  const p = immediate('i', { signal: ac2.signal });
  ac2.abort();
  try { await p; } catch (e) { console.log('immediate', e.name, e.cause.name); }
  const slow = new AbortController();
  const next = every(100000, 'slow', { signal: slow.signal }).next();
  setTimeout(() => slow.abort('late'), 1);
  try { await next; } catch (e) { console.log('waiting', e.name, e.cause); }
  console.log(await immediate('done', { signal: new AbortController().signal }),
              await sleep(1, 'slept', { signal: new AbortController().signal }));
})();
// expect: tick 1
// expect: tick 2
// expect: tick 3
// expect: caught AbortError ABORT_ERR enough
// expect: pre-aborted AbortError 1
// expect: immediate AbortError AbortError
// expect: waiting AbortError late
// expect: done slept
