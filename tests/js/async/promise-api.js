// Promise constructor, then/catch/finally, statics and their errors (texts as node 20).
console.log(typeof Promise, typeof Promise.prototype.then, Promise.name, Promise.length);
try { new Promise(); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
try { new Promise(1); } catch (e) { console.log(e.message); }
try { new Promise({}); } catch (e) { console.log(e.message); }
try { Promise(() => {}); } catch (e) { console.log(e.message); }
try { Promise.prototype.then.call(1); } catch (e) { console.log(e.message); }
try { queueMicrotask(1); } catch (e) { console.log(e.message); }

const p1 = new Promise((resolve, reject) => { resolve(1); resolve(2); reject(3); });
p1.then((v) => console.log('first resolve wins', v));
const p2 = new Promise(() => { throw new Error('executor threw'); });
p2.catch((e) => console.log('caught', e.message));
const p3 = new Promise((resolve) => { resolve('done'); throw new Error('ignored'); });
p3.then((v) => console.log('throw after resolve ignored', v));

Promise.reject(new Error('boom'))
  .then(() => console.log('not called'))
  .catch((e) => { console.log('catch', e.message); return 'recovered'; })
  .finally((...a) => console.log('finally gets no arguments', a.length))
  .then((v) => console.log('after finally', v));
Promise.resolve(5).finally(() => 99).then((v) => console.log('finally keeps value', v));
Promise.reject(6).finally(() => {}).catch((r) => console.log('finally keeps reason', r));
Promise.resolve(7).finally(() => { throw 8; }).catch((r) => console.log('finally throw wins', r));
Promise.resolve(1).then(2, 3).then((v) => console.log('non-callable handlers pass through', v));

const self = Promise.resolve().then(() => self);
self.catch((e) => console.log(e.constructor.name + ': ' + e.message));

const resolved = Promise.resolve(10);
console.log('Promise.resolve(promise) is identity', Promise.resolve(resolved) === resolved);
console.log(resolved instanceof Promise, Object.getPrototypeOf(resolved) === Promise.prototype);

Promise.all([1, Promise.resolve(2), new Promise((r) => setTimeout(() => r(3), 5))])
  .then((v) => console.log('all', v));
Promise.all([]).then((v) => console.log('all empty', v));
Promise.all([1, Promise.reject(new Error('all fails')), 3]).catch((e) => console.log('all rejected', e.message));
Promise.allSettled([1, Promise.reject('no')]).then((v) => console.log('allSettled', v));
Promise.race([new Promise(() => {}), new Promise((r) => r('fast')), Promise.reject('late')])
  .then((v) => console.log('race', v));
Promise.any([Promise.reject(1), Promise.resolve(2)]).then((v) => console.log('any', v));
Promise.any([Promise.reject(1), Promise.reject(2)]).catch((e) => console.log('any rejected', e.message, e.errors));
Promise.all(5).catch((e) => console.log('all(5):', e.constructor.name));

console.log(Promise.resolve(1), Promise.reject(2).catch(() => {}) instanceof Promise);
const pending = new Promise(() => {});
console.log(pending);
const rejected = Promise.reject('r');
rejected.catch(() => {});
console.log(rejected, Promise.resolve({ a: 1 }));
// expect: function function Promise 1
// expect: TypeError: Promise resolver undefined is not a function
// expect: Promise resolver 1 is not a function
// expect: Promise resolver #<Object> is not a function
// expect: Promise constructor cannot be invoked without 'new'
// expect: Method Promise.prototype.then called on incompatible receiver 1
// expect: The "callback" argument must be of type function. Received type number (1)
// expect: Promise.resolve(promise) is identity true
// expect: true true
// expect: Promise { 1 } true
// expect: Promise { <pending> }
// expect: Promise { <rejected> 'r' } Promise { { a: 1 } }
// expect: first resolve wins 1
// expect: caught executor threw
// expect: throw after resolve ignored done
// expect: all empty []
// expect: all(5): TypeError
// expect: catch boom
// expect: finally throw wins 8
// expect: non-callable handlers pass through 1
// expect: TypeError: Chaining cycle detected for promise #<Promise>
// expect: all rejected all fails
// expect: allSettled [
// expect:   { status: 'fulfilled', value: 1 },
// expect:   { status: 'rejected', reason: 'no' }
// expect: ]
// expect: race fast
// expect: any 2
// expect: any rejected All promises were rejected [ 1, 2 ]
// expect: finally gets no arguments 0
// expect: finally keeps value 5
// expect: finally keeps reason 6
// expect: after finally recovered
// expect: all [ 1, 2, 3 ]
