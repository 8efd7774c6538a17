// for await (ECMA-262 §14.7.5): async iterables through Symbol.asyncIterator, sync iterables and
// arrays of promises through %AsyncFromSyncIteratorPrototype%, closing the iterator (awaiting its
// return()) on break/return/throw, destructuring heads, and node's errors.
const log = (...a) => console.log(...a);

// A hand-written async iterable that records the protocol calls.
function tracked(name, values) {
  return {
    [Symbol.asyncIterator]() {
      let i = 0;
      return {
        next() {
          log(name, 'next', i);
          return Promise.resolve(i < values.length ? { value: values[i++], done: false } : { value: 'ret', done: true });
        },
        return(v) {
          log(name, 'return called', v);
          return Promise.resolve({ value: v, done: true });
        },
      };
    },
  };
}

function syncWithReturn() {
  let i = 0;
  return {
    [Symbol.iterator]() { return this; },
    next() { i++; return { value: i <= 3 ? Promise.resolve('p' + i) : undefined, done: i > 3 }; },
    return() { log('sync return called'); return {}; },
  };
}

async function main() {
  for await (const v of tracked('A', [1, 2])) log('A body', v);
  for await (const v of [Promise.resolve('x'), 'y', new Promise((r) => setTimeout(() => r('z'), 0))]) log('array', v);
  for await (const ch of 'hi') log('string', ch);
  for await (const v of syncWithReturn()) log('sync', v);

  for await (const v of tracked('B', [1, 2, 3])) { log('B body', v); if (v === 2) break; }
  const r = await (async () => { for await (const v of tracked('C', [7, 8])) return 'returned ' + v; })();
  log(r);
  try {
    for await (const v of tracked('D', [1])) throw new Error('thrown in body ' + v);
  } catch (e) { log('caught', e.message); }
  outer: for (const round of [1, 2]) {
    for await (const v of tracked('E' + round, [1, 2])) {
      if (v === 1) continue;
      if (round === 1) continue outer;
      break outer;
    }
  }
  for await (const v of syncWithReturn()) { log('sync break at', v); break; }

  // Destructuring and assignment targets in the head.
  async function* pairs() { yield ['a', 1]; yield ['b', 2]; }
  for await (const [k, n] of pairs()) log('pair', k, n);
  for await (const { value, extra = 'dflt' } of [{ value: 5 }, Promise.resolve({ value: 6, extra: 'e' })]) log('obj', value, extra);
  const target = {};
  let last;
  for await (target.key of pairs()) last = target.key;
  log('member target', last);
  for await (last of new Set([9, 10])) {}
  log('identifier target', last);

  // A rejected element ends the loop with that error; the array iterator is not closed.
  try {
    for await (const v of [Promise.resolve(1), Promise.reject(new Error('element rejected'))]) log('before rejection', v);
  } catch (e) { log('caught', e.message); }

  // In an async generator: for await + yield.
  async function* doubled(src) { for await (const v of src) yield v * 2; }
  const out = [];
  for await (const v of doubled([1, Promise.resolve(2), 3])) out.push(v);
  log('doubled', out.join(','));

  // Errors.
  for (const bad of [42, {}, { [Symbol.asyncIterator]: () => 1 }]) {
    try { for await (const v of bad) log(v); } catch (e) { log(e.constructor.name + ': ' + e.message); }
  }
  try {
    for await (const v of { [Symbol.asyncIterator]: () => ({ next: () => 3 }) }) log(v);
  } catch (e) { log(e.constructor.name + ': ' + e.message); }
}

// Ordering of loop steps against promise reactions (compared with node).
async function order() {
  for await (const v of ['o1', 'o2']) log('loop', v);
  log('loop done');
}
order();
Promise.resolve().then(() => log('t1')).then(() => log('t2')).then(() => log('t3')).then(() => log('t4')).then(() => log('t5'));
log('sync end');
setTimeout(() => main().then(() => log('main done')), 0);
// expect: sync end
// expect: t1
// expect: loop o1
// expect: t2
// expect: t3
// expect: loop o2
// expect: t4
// expect: t5
// expect: loop done
// expect: A next 0
// expect: A body 1
// expect: A next 1
// expect: A body 2
// expect: A next 2
// expect: array x
// expect: array y
// expect: array z
// expect: string h
// expect: string i
// expect: sync p1
// expect: sync p2
// expect: sync p3
// expect: B next 0
// expect: B body 1
// expect: B next 1
// expect: B body 2
// expect: B return called undefined
// expect: C next 0
// expect: C return called undefined
// expect: returned 7
// expect: D next 0
// expect: D return called undefined
// expect: caught thrown in body 1
// expect: E1 next 0
// expect: E1 next 1
// expect: E1 return called undefined
// expect: E2 next 0
// expect: E2 next 1
// expect: E2 return called undefined
// expect: sync break at p1
// expect: sync return called
// expect: pair a 1
// expect: pair b 2
// expect: obj 5 dflt
// expect: obj 6 e
// expect: member target [ 'b', 2 ]
// expect: identifier target 10
// expect: before rejection 1
// expect: caught element rejected
// expect: doubled 2,4,6
// expect: TypeError: bad is not async iterable
// expect: TypeError: bad is not async iterable
// expect: TypeError: Result of the Symbol.asyncIterator method is not an object
// expect: TypeError: Iterator result 3 is not an object
// expect: main done
