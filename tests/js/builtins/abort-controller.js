// AbortController and AbortSignal as node 20 has them: abort() once with a default DOMException
// reason or the given one, the trusted 'abort' event and onabort, throwIfAborted, the statics
// abort / timeout / any, inspection, and node's errors.
const ac = new AbortController();
console.log(ac, ac.signal.aborted, ac.signal.reason, ac.signal.onabort);
ac.signal.addEventListener('abort', (e) => {
  console.log('abort event', e.type, e.target === ac.signal, e.isTrusted, e.eventPhase, e.cancelable);
});
ac.signal.onabort = (e) => console.log('onabort', e.type, ac.signal.aborted);
ac.abort();
ac.abort('again');  // only the first abort counts
const reason = ac.signal.reason;
console.log(ac, reason instanceof DOMException, reason.name, reason.message, reason.code);
// expect: AbortController { signal: AbortSignal { aborted: false } } false undefined null
// expect: abort event abort true true 2 false
// expect: onabort abort true
// expect: AbortController { signal: AbortSignal { aborted: true } } true AbortError This operation was aborted 20

const s = AbortSignal.abort('why');
console.log(s.aborted, s.reason, Object.prototype.toString.call(s), Object.prototype.toString.call(ac));
try { s.throwIfAborted(); } catch (e) { console.log('thrown:', e); }
new AbortController().signal.throwIfAborted();
console.log(require('util').inspect(ac, { depth: 0 }), require('util').inspect(s, { depth: 0 }));
// expect: true why [object AbortSignal] [object AbortController]
// expect: thrown: why
// expect: AbortController [Object] AbortSignal [Object]

const a1 = new AbortController();
const a2 = new AbortController();
const any = AbortSignal.any([a1.signal, a2.signal]);
any.onabort = () => console.log('any aborted:', any.reason);
a2.abort('second');
a1.abort('first');
console.log(any.reason, a1.signal.aborted, AbortSignal.any([s, a1.signal]).reason, AbortSignal.any([]).aborted);
// expect: any aborted: second
// expect: second true why false

// The timeout's timer does not keep the program alive; this one fires while the interval runs.
const timed = AbortSignal.timeout(5);
AbortSignal.timeout(100000);
const poll = setInterval(() => {
  if (!timed.aborted) return;
  clearInterval(poll);
  console.log('timed out:', timed.reason.name, timed.reason.message, timed.reason.code);
}, 1);

for (const f of [() => new AbortSignal(), () => AbortSignal.timeout(-1), () => AbortSignal.timeout('1'),
                 () => AbortSignal.any([1]),
                 () => Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted').get.call({}),
                 () => Object.getOwnPropertyDescriptor(AbortController.prototype, 'signal').get.call({})]) {
  try { f(); } catch (err) { console.log(err.name, err.code, err.message); }
}
console.log(Object.keys(AbortSignal.prototype), Object.keys(AbortController.prototype), AbortController.length);
// expect: TypeError ERR_ILLEGAL_CONSTRUCTOR Illegal constructor
// expect: RangeError ERR_OUT_OF_RANGE The value of "delay" is out of range. It must be >= 0 && <= 4294967295. Received -1
// expect: TypeError ERR_INVALID_ARG_TYPE The "delay" argument must be of type number. Received type string ('1')
// expect: TypeError ERR_INVALID_ARG_TYPE The "signals[0]" argument must be an instance of AbortSignal. Received type number (1)
// expect: TypeError ERR_INVALID_THIS Value of "this" must be of type AbortSignal
// expect: TypeError undefined Cannot read private member #signal from an object whose class did not declare it
// expect: [ 'aborted', 'onabort' ] [ 'signal', 'abort' ] 0
// expect: timed out: TimeoutError The operation was aborted due to timeout 23
