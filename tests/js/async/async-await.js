// async functions / await: ordering against then-chains, await on non-promises and thenables,
// rejections thrown at the await, try/finally across awaits, async arrows and methods.
async function first() {
  console.log('first: runs synchronously until its first await');
  const a = await 1;
  console.log('first: resumed with', a);
  const b = await Promise.resolve(2);
  console.log('first: resumed with', b);
  return a + b;
}
const p = first();
console.log('caller got', p);
p.then((v) => console.log('first returned', v));
Promise.resolve().then(() => console.log('then A')).then(() => console.log('then B')).then(() => console.log('then C'));

async function rejects() {
  try {
    await Promise.reject(new TypeError('rejected operand'));
    console.log('not reached');
  } catch (e) {
    console.log('caught at await:', e.constructor.name, e.message);
  } finally {
    console.log('finally after await');
    await null;
    console.log('finally resumed');
  }
  throw new Error('async throw');
}
rejects().catch((e) => console.log('rejection:', e.message));

const thenable = { then(resolve) { resolve('from thenable'); } };
const arrow = async (x) => (await thenable) + ' ' + x;
arrow('arrow').then(console.log);
const noParens = async x => x * 2;
noParens(21).then((v) => console.log('noParens', v));

class Store {
  constructor() { this.items = []; }
  async add(x) { await null; this.items.push(x); return this.items.length; }
  static async make() { const s = new Store(); await s.add('a'); return s; }
}
Store.make().then((s) => console.log('static async method', s.items));
const o = { async m() { return this === o; } };
o.m().then((v) => console.log('object async method this ok', v));

async function returnsPromise() { return Promise.resolve('adopted'); }
returnsPromise().then((v) => console.log('returned promise', v));
async function sequential() {
  const out = [];
  for (const x of [1, 2, 3]) out.push(await new Promise((r) => setTimeout(() => r(x * 10), 1)));
  return out;
}
sequential().then((v) => { console.log('sequential', v); startLeak(); });
async function parallel() { return Promise.all([1, 2, 3].map(async (x) => { await null; return x + 1; })); }
parallel().then((v) => console.log('parallel', v));
console.log(typeof first, Object.getPrototypeOf(first()) === Promise.prototype);
try { new first(); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
const async = (x) => 'a function named async ' + x;
console.log(async(1));

// The seed's leak shape: an async interval callback keeps pushing into a global cache.
const cache = [];
const fetchSomething = () => new Promise((r) => setTimeout(() => r(new Array(100).fill(cache.length)), 1));
function startLeak() {
  let runs = 0;
  const timer = setInterval(async () => {
    cache.push(await fetchSomething());
    if (++runs === 3) {
      clearInterval(timer);
      console.log('cache entries', cache.length);
    }
  }, 2);
}
console.log('sync end');
// expect: first: runs synchronously until its first await
// expect: caller got Promise { <pending> }
// expect: first: runs synchronously until its first await
// expect: function true
// expect: TypeError: first is not a constructor
// expect: a function named async 1
// expect: sync end
// expect: first: resumed with 1
// expect: then A
// expect: caught at await: TypeError rejected operand
// expect: finally after await
// expect: noParens 42
// expect: object async method this ok true
// expect: first: resumed with 1
// expect: first: resumed with 2
// expect: then B
// expect: finally resumed
// expect: first: resumed with 2
// expect: first returned 3
// expect: then C
// expect: rejection: async throw
// expect: from thenable arrow
// expect: static async method [ 'a' ]
// expect: returned promise adopted
// expect: parallel [ 2, 3, 4 ]
// expect: sequential [ 10, 20, 30 ]
// expect: cache entries 3
