// Error options `cause` (ECMA-262 §20.5.8.1 InstallErrorCause): an own non-enumerable `cause`
// when the options object has the property (even undefined, even inherited); console.log shows it
// as node does ("[cause]: …"), and AggregateError's `errors` likewise.
const plain = (e) => { e.stack = `${e.name}: ${e.message}`; return e; };
const e = new Error('x', { cause: 1 });
console.log(e.cause, Object.keys(e), Object.getOwnPropertyDescriptor(e, 'cause'));
console.log('cause' in new Error('y'), new Error('y', {}).hasOwnProperty('cause'), new Error('y', 5).hasOwnProperty('cause'),
            new Error('y', { cause: undefined }).hasOwnProperty('cause'), new Error('y', Object.create({ cause: 'p' })).cause);
for (const C of [TypeError, RangeError, SyntaxError, ReferenceError, URIError, EvalError]) {
  const err = new C('m', { cause: C.name });
  console.log(err instanceof C, err.cause);
}
class MyError extends Error {}
console.log(new MyError('z', { cause: 'sub' }).cause);
console.log(plain(new Error('a', { cause: 1 })));
console.log(plain(new TypeError('b', { cause: plain(new Error('inner')) })));
const withKey = plain(new Error('c', { cause: { deep: [1, 2] } }));
withKey.extra = true;
console.log(withKey);
const agg = plain(new AggregateError([1, plain(new Error('q'))], 'm', { cause: 'c' }));
console.log(agg.cause, agg.errors.length, agg);
const order = [];
new AggregateError({ [Symbol.iterator]() { order.push('iterate'); return [][Symbol.iterator](); } }, 'm',
                   { get cause() { order.push('cause'); return 0; } });
console.log(order.join());
try { new Error('t', { get cause() { throw new Error('getter'); } }); } catch (err) { console.log('threw', err.message); }

// expect: 1 [] { value: 1, writable: true, enumerable: false, configurable: true }
// expect: false false false true p
// expect: true TypeError
// expect: true RangeError
// expect: true SyntaxError
// expect: true ReferenceError
// expect: true URIError
// expect: true EvalError
// expect: sub
// expect: [Error: a] { [cause]: 1 }
// expect: [TypeError: b] { [cause]: [Error: inner] }
// expect: [Error: c] { extra: true, [cause]: { deep: [ 1, 2 ] } }
// expect: c 2 [AggregateError: m] { [cause]: 'c', [errors]: [ 1, [Error: q] ] }
// expect: cause,iterate
// expect: threw getter
