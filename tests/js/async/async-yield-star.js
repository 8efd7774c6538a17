// yield* in an async generator (ECMA-262 §15.5.5, async): an inner iterator without `throw` is
// closed (its return() awaited) before node's TypeError; return() reaches the inner return() with
// the awaited value; without an inner `return` the outer completes. Tick order compared with node.
const log = console.log;
const inner = {
  [Symbol.asyncIterator]() { return this; },
  next(v) { log('inner next', v); return Promise.resolve({ value: 'iv', done: false }); },
  return(v) { log('inner return', v); return Promise.resolve({ value: 'rv', done: true }); },
};
async function* outer() { try { const r = yield* inner; log('r', r); } catch (e) { log('outer caught', e.constructor.name, e.message); yield 'after'; } }
(async () => {
  const o = outer();
  log(await o.next('a'));
  const p = o.throw(new Error('T'));
  Promise.resolve().then(() => log('t1')).then(() => log('t2')).then(() => log('t3')).then(() => log('t4')).then(() => log('t5'));
  log(await p);
  const o2 = outer();
  await o2.next();
  const q = o2.return(Promise.resolve('R'));
  Promise.resolve().then(() => log('u1')).then(() => log('u2')).then(() => log('u3')).then(() => log('u4')).then(() => log('u5')).then(() => log('u6'));
  log(await q);
  const noret = { [Symbol.asyncIterator]() { return this; }, next() { return Promise.resolve({ value: 1, done: false }); } };
  async function* o3f() { const r = yield* noret; log('never', r); }
  const o3 = o3f();
  await o3.next();
  const w = o3.return('W');
  Promise.resolve().then(() => log('w1')).then(() => log('w2')).then(() => log('w3')).then(() => log('w4'));
  log(await w);
})();
// expect: inner next undefined
// expect: { value: 'iv', done: false }
// expect: inner return undefined
// expect: outer caught TypeError The iterator does not provide a 'throw' method.
// expect: t1
// expect: t2
// expect: { value: 'after', done: false }
// expect: inner next undefined
// expect: t3
// expect: t4
// expect: t5
// expect: inner return R
// expect: u1
// expect: u2
// expect: { value: 'rv', done: true }
// expect: u3
// expect: u4
// expect: u5
// expect: w1
// expect: u6
// expect: w2
// expect: { value: 'W', done: true }
// expect: w3
// expect: w4
