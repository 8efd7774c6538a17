// Generators: the iterator protocol, return/throw, finally blocks, yield*, spread/for-of,
// generator methods, and node's errors.
function* counter(limit) {
  let sent = 0;
  for (let i = 0; i < limit; i++) {
    const got = yield i * 10 + sent;
    if (got !== undefined) sent = got;
  }
  return 'end';
}
const c = counter(3);
console.log(c.next('first value is dropped'), c.next(1), c.next(2), c.next(), c.next());
console.log([...counter(4)], [...counter(2)]);
for (const v of counter(3)) console.log('for-of', v);

function* guarded() {
  try {
    yield 1;
    yield 2;
  } catch (e) {
    console.log('caught inside', e);
    yield 'after catch';
  } finally {
    console.log('finally runs');
  }
  yield 'unreachable after return';
}
const g1 = guarded();
console.log(g1.next(), g1.return('early'), g1.next());
const g2 = guarded();
console.log(g2.next(), g2.throw('oops'), g2.next(), g2.next());
const g3 = guarded();
try { g3.throw(new Error('before start')); } catch (e) { console.log('thrown at start:', e.message, g3.next()); }
console.log(guarded().return(5));

function* inner() { const x = yield 'a'; console.log('inner got', x); yield 'b'; return 'inner result'; }
function* outer() { const r = yield* inner(); console.log('yield* value', r); yield* 'hi'; yield* [7, 8]; }
const o = outer();
console.log(o.next(), o.next('sent through'), o.next(), o.next(), o.next(), o.next(), o.next());
const o2 = outer();
o2.next();
console.log('return through yield*', o2.return('stop'), o2.next());

class Tree {
  constructor(v, kids) { this.v = v; this.kids = kids; }
  *[Symbol.iterator]() { yield this.v; for (const k of this.kids) yield* k; }
  *pairs() { for (const v of this) yield [v, v * v]; }
}
const t = new Tree(1, [new Tree(2, []), new Tree(3, [new Tree(4, [])])]);
console.log([...t], [...t.pairs()].length);
const obj = { *gen() { yield this === obj; }, async: 1, *['comp' + 'uted']() { yield 'c'; } };
console.log(obj.gen().next().value, obj.async, obj.computed().next().value);
const expr = function* named() { yield typeof named; };
console.log(expr().next().value);

const proto = Object.getPrototypeOf(counter);
const genProto = Object.getPrototypeOf(counter.prototype);
console.log(typeof genProto.next, typeof genProto.throw, typeof genProto.return);
console.log(Object.getPrototypeOf(counter(1)) === counter.prototype, counter(1)[Symbol.iterator]() !== undefined);
try { new counter(1); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
function* reentrant() { yield self.next(); }
const self = reentrant();
try { self.next(); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
function* thrower() { yield 1; throw new RangeError('from generator'); }
const th = thrower();
th.next();
try { th.next(); } catch (e) { console.log(e.constructor.name + ': ' + e.message, th.next()); }
// Deep recursion through generators ends with a RangeError, not a crash.
function* deep(n) { if (n > 0) yield* deep(n - 1); else yield 'bottom'; }
console.log(deep(100).next().value);
try { deep(100000).next(); } catch (e) { console.log(e.constructor.name); }
// expect: { value: 0, done: false } { value: 11, done: false } { value: 22, done: false } { value: 'end', done: true } { value: undefined, done: true }
// expect: [ 0, 10, 20, 30 ] [ 0, 10 ]
// expect: for-of 0
// expect: for-of 10
// expect: for-of 20
// expect: finally runs
// expect: { value: 1, done: false } { value: 'early', done: true } { value: undefined, done: true }
// expect: caught inside oops
// expect: finally runs
// expect: { value: 1, done: false } { value: 'after catch', done: false } { value: 'unreachable after return', done: false } { value: undefined, done: true }
// expect: thrown at start: before start { value: undefined, done: true }
// expect: { value: 5, done: true }
// expect: inner got sent through
// expect: yield* value inner result
// expect: { value: 'a', done: false } { value: 'b', done: false } { value: 'h', done: false } { value: 'i', done: false } { value: 7, done: false } { value: 8, done: false } { value: undefined, done: true }
// expect: return through yield* { value: 'stop', done: true } { value: undefined, done: true }
// expect: [ 1, 2, 3, 4 ] 4
// expect: true 1 c
// expect: function
// expect: function function function
// expect: true true
// expect: TypeError: counter is not a constructor
// expect: TypeError: Generator is already running
// expect: RangeError: from generator { value: undefined, done: true }
// expect: bottom
// expect: RangeError
