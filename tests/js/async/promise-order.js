// Job ordering against node 20: nextTick before promise jobs, microtasks drain after the main
// script and after every timer callback, thenable adoption costs two extra jobs.
const log = [];
setTimeout(() => {
  console.log('timeout 1');
  Promise.resolve().then(() => console.log('micro in timeout 1'));
  process.nextTick(() => console.log('tick in timeout 1'));
}, 0);
setTimeout(() => console.log('timeout 2'), 0);
Promise.resolve().then(() => console.log('then 1'));
queueMicrotask(() => console.log('queueMicrotask'));
process.nextTick(() => console.log('nextTick 1'));
Promise.resolve().then(() => {
  console.log('then 2');
  process.nextTick(() => console.log('nextTick from then'));
  Promise.resolve().then(() => console.log('then nested'));
});
process.nextTick((a, b) => console.log('nextTick 2', a, b), 'x', 42);
console.log('sync end');

// Resolving with a native promise takes two extra ticks (NewPromiseResolveThenableJob + then).
const a = new Promise((resolve) => resolve(Promise.resolve('A')));
a.then((v) => console.log('adopted', v));
Promise.resolve().then(() => console.log('t1')).then(() => console.log('t2')).then(() => console.log('t3'));

// A thenable object is adopted through its then method.
const thenable = { then(resolve, reject) { console.log('thenable.then called'); resolve('T'); } };
Promise.resolve(thenable).then((v) => console.log('thenable value', v));
// expect: sync end
// expect: nextTick 1
// expect: nextTick 2 x 42
// expect: then 1
// expect: queueMicrotask
// expect: then 2
// expect: t1
// expect: thenable.then called
// expect: then nested
// expect: t2
// expect: thenable value T
// expect: adopted A
// expect: t3
// expect: nextTick from then
// expect: timeout 1
// expect: tick in timeout 1
// expect: micro in timeout 1
// expect: timeout 2
