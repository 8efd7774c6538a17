// AggregateError as a constructor (ECMA-262 §20.5.7) and Promise.any's rejection with one.
const e = new AggregateError([1, new Error('x')], 'several');
console.log(e instanceof AggregateError, e instanceof Error, e.name, e.message, e.errors.length, e.errors[1].message);
console.log(Object.keys(e), Object.getPrototypeOf(AggregateError.prototype) === Error.prototype, String(e));
console.log(AggregateError.name, AggregateError.length, AggregateError.prototype.message === '');
const bare = AggregateError(new Set(['a', 'b']));
console.log(bare instanceof AggregateError, 'message' in bare, Object.prototype.hasOwnProperty.call(bare, 'message'), bare.errors);
function* gen() { yield 'g1'; yield 'g2'; }
console.log(new AggregateError(gen()).errors, e.stack.split('\n')[0]);
const order = [];
try {
  new AggregateError({ [Symbol.iterator]() { order.push('iterate'); return [][Symbol.iterator](); } },
                     { toString() { order.push('message'); return 'm'; } });
} finally {
  console.log(order.join(','));
}
try { new AggregateError(5); } catch (err) { console.log(err.constructor.name, err.message.startsWith('number 5 is not iterable')); }
class MyAgg extends AggregateError { constructor(errors, message) { super(errors, message); } }
const mine = new MyAgg([], 'sub');
console.log(mine instanceof MyAgg, mine instanceof AggregateError, mine.message);

Promise.any([Promise.reject(new Error('a')), Promise.reject(2)]).catch((err) => {
  console.log(err instanceof AggregateError, err.constructor === AggregateError, err.message, err.errors.map(String));
  console.log(err.stack.split('\n')[0]);
});
Promise.any([]).catch((err) => console.log('empty:', err.constructor.name, err.errors));
Promise.any([Promise.reject(1), Promise.resolve('first ok')]).then((v) => console.log('any:', v));
// expect: true true AggregateError several 2 x
// expect: [] true AggregateError: several
// expect: AggregateError 2 true
// expect: true true false [ 'a', 'b' ]
// expect: [ 'g1', 'g2' ] AggregateError: several
// expect: message,iterate
// expect: TypeError true
// expect: true true sub
// expect: empty: AggregateError []
// expect: true true All promises were rejected [ 'Error: a', '2' ]
// expect: AggregateError: All promises were rejected
// expect: any: first ok
