// Async generators (ECMA-262 §27.6): yield/await, the request queue, return()/throw() in every
// state, errors rejecting next(), methods, yield* over async and sync iterables, and how
// Object.prototype.toString / console.log show them.
const log = (...a) => console.log(...a);
const tick = (v) => new Promise((resolve) => setTimeout(() => resolve(v), 0));

async function* counter(limit) {
  for (let i = 0; i < limit; i++) {
    const got = yield await tick(i);
    if (got !== undefined) log('counter got', got);
  }
  return 'end';
}

async function* guarded() {
  try {
    yield 1;
    yield Promise.resolve(2);  // yield awaits its operand
  } finally {
    log('guarded finally');
  }
}

async function* thrower() {
  yield 'first';
  throw new Error('boom inside');
}

const obj = {
  async *items() { yield 'obj-a'; yield 'obj-b'; },
};
class Source {
  constructor(n) { this.n = n; }
  async *[Symbol.asyncIterator]() { for (let i = 0; i < this.n; i++) yield 'cls-' + i; }
  static async *from(list) { yield* list; }
}

async function main() {
  const c = counter(3);
  log(await c.next('ignored'), await c.next('x'), await c.next(), await c.next(), await c.next());

  // Requests made while the generator is running queue up and settle in order.
  const q = counter(2);
  const all = await Promise.all([q.next(), q.next(), q.next(), q.return('r'), q.next()]);
  log('queued', JSON.stringify(all));

  // return() while suspended at the start, at a yield (finally runs), after completion.
  const s = guarded();
  log('return at start', await s.return('early'), await s.next());
  const y = guarded();
  log(await y.next(), await y.next());
  log('return at yield', await y.return(Promise.resolve('awaited')), await y.next());
  log('return completed', await y.return('again'));
  // throw() at the start completes the generator and rejects.
  const t = guarded();
  await t.throw(new Error('at start')).catch((e) => log('throw at start:', e.message));
  log(await t.next());

  // An error thrown inside rejects that next(); the generator is then done.
  const b = thrower();
  log(await b.next());
  await b.next().then(() => log('unexpected'), (e) => log('rejected:', e.message));
  log(await b.next());
  // A rejected yield operand throws at the yield, where try/catch sees it.
  async function* catcher() {
    try { yield Promise.reject(new Error('bad operand')); } catch (e) { yield 'caught ' + e.message; }
  }
  log(await catcher().next());

  const o = obj.items();
  log(await o.next(), await o.next(), await o.next());
  const got = [];
  for await (const v of new Source(3)) got.push(v);
  for await (const v of Source.from(['s1', Promise.resolve('s2')])) got.push(v);
  log(got.join(' '));

  // yield* delegates to an async iterable: values, the return value, and return() passes through.
  async function* inner() {
    try { const sent = yield 'in1'; yield 'in2:' + sent; return 'inner result'; } finally { log('inner finally'); }
  }
  async function* outer() { const r = yield* inner(); yield 'outer saw ' + r; }
  const d = outer();
  log(await d.next(), await d.next('S'), await d.next(), await d.next());
  const d2 = outer();
  await d2.next();
  log('delegated return', await d2.return('stop'), await d2.next());

  // Identity and display.
  const g = counter(1);
  log(Object.prototype.toString.call(g), g[Symbol.toStringTag], typeof g[Symbol.asyncIterator]);
  log(g[Symbol.asyncIterator]() === g, Object.getPrototypeOf(g) === counter.prototype);
  console.log(g);
  console.log(counter, obj.items);
  log(typeof Symbol.asyncIterator, Symbol.asyncIterator.toString(), 'next' in g, Object.keys(g).length);
  await g.return();
}

// Ordering against plain promise reactions (compared with node).
async function* ticker() { log('ticker start'); yield 'A'; log('ticker resumed'); yield 'B'; }
const tk = ticker();
tk.next().then((r) => log('next1', r.value));
Promise.resolve().then(() => log('then 1')).then(() => log('then 2')).then(() => log('then 3'));
tk.next().then((r) => log('next2', r.value));
tk.return('R').then((r) => log('return', r.value, r.done));
log('sync end');

setTimeout(() => main().then(() => log('main done')), 0);
// expect: ticker start
// expect: sync end
// expect: ticker resumed
// expect: then 1
// expect: next1 A
// expect: then 2
// expect: next2 B
// expect: then 3
// expect: return R true
// expect: counter got x
// expect: { value: 0, done: false } { value: 1, done: false } { value: 2, done: false } { value: 'end', done: true } { value: undefined, done: true }
// expect: queued [{"value":0,"done":false},{"value":1,"done":false},{"value":"end","done":true},{"value":"r","done":true},{"done":true}]
// expect: return at start { value: 'early', done: true } { value: undefined, done: true }
// expect: { value: 1, done: false } { value: 2, done: false }
// expect: guarded finally
// expect: return at yield { value: 'awaited', done: true } { value: undefined, done: true }
// expect: return completed { value: 'again', done: true }
// expect: throw at start: at start
// expect: { value: undefined, done: true }
// expect: { value: 'first', done: false }
// expect: rejected: boom inside
// expect: { value: undefined, done: true }
// expect: { value: 'caught bad operand', done: false }
// expect: { value: 'obj-a', done: false } { value: 'obj-b', done: false } { value: undefined, done: true }
// expect: cls-0 cls-1 cls-2 s1 s2
// expect: inner finally
// expect: { value: 'in1', done: false } { value: 'in2:S', done: false } { value: 'outer saw inner result', done: false } { value: undefined, done: true }
// expect: inner finally
// expect: delegated return { value: 'stop', done: true } { value: undefined, done: true }
// expect: [object AsyncGenerator] AsyncGenerator function
// expect: true true
// expect: Object [AsyncGenerator] {}
// expect: [AsyncGeneratorFunction: counter] [AsyncGeneratorFunction: items]
// expect: symbol Symbol(Symbol.asyncIterator) true 0
// expect: main done
