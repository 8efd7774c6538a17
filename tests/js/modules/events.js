// require('events'): EventEmitter's listener bookkeeping, emit order and errors, once, prepend,
// removal during emit, newListener/removeListener, max listeners, subclassing.
const EventEmitter = require('events');
const { EventEmitter: Same } = require('node:events');
console.log(Same === EventEmitter, EventEmitter.defaultMaxListeners, typeof EventEmitter.errorMonitor);

const e = new EventEmitter();
const log = [];
function a(x) { log.push('a' + x); }
function b(x) { log.push('b' + x); }
console.log(e.on('x', a) === e, e.emit('x', 1), e.emit('nothing'), log.join());
e.addListener('x', b);
e.prependListener('x', (x) => log.push('p' + x));
e.emit('x', 2);
console.log(log.join(), e.listenerCount('x'), e.listenerCount('x', a), e.eventNames().join());
e.off('x', a);
console.log(e.listeners('x').length, e.listeners('x')[1] === b, EventEmitter.listenerCount(e, 'x'));

const once = new EventEmitter();
let calls = 0;
function onceListener(...args) { calls++; console.log('once got', args.join('+'), this === once); }
once.once('go', onceListener);
console.log(once.rawListeners('go')[0] !== onceListener, once.rawListeners('go')[0].listener === onceListener,
            once.listeners('go')[0] === onceListener);
once.emit('go', 1, 2);
once.emit('go', 3);
console.log(calls, once.listenerCount('go'), once.eventNames().length);
once.once('go', onceListener);
once.removeListener('go', onceListener);
console.log(once.emit('go'), calls);
once.prependOnceListener('go', () => console.log('prepended once'));
once.on('go', () => console.log('regular'));
once.emit('go');
once.emit('go');

// Removing a listener during emit does not affect the ongoing emit (listeners are copied).
const r = new EventEmitter();
const order = [];
function first() { order.push(1); r.removeListener('t', second); }
function second() { order.push(2); }
r.on('t', first);
r.on('t', second);
r.emit('t');
r.emit('t');
console.log(order.join());

// newListener / removeListener events.
const meta = new EventEmitter();
meta.on('newListener', (name, fn) => console.log('newListener', String(name), typeof fn));
meta.on('removeListener', (name) => console.log('removeListener', name));
const f = () => {};
meta.on('data', f);
meta.removeListener('data', f);
meta.on('a', f).on('b', f);
meta.removeAllListeners('a');
console.log(meta.eventNames().join());
meta.removeAllListeners();
console.log(meta.eventNames().length, meta.listenerCount('b'));

// 'error' events.
const err = new EventEmitter();
try { err.emit('error', new Error('kaboom')); } catch (x) { console.log('thrown:', x.message); }
try { err.emit('error', 'just a string'); } catch (x) { console.log(x.code, x.message, x.context); }
try { err.emit('error'); } catch (x) { console.log(x.code, x.message); }
err.on('error', (x) => console.log('handled', x.message));
console.log(err.emit('error', new Error('soft')));
const thrower = new EventEmitter();
thrower.on('t', () => { throw new TypeError('listener failed'); });
thrower.on('t', () => console.log('not reached'));
try { thrower.emit('t'); } catch (x) { console.log(x.name, x.message); }

// Argument checks and max listeners.
try { e.on('x', 'nope'); } catch (x) { console.log(x.code, x.message); }
for (const bad of [-1, NaN, 'x']) {
  try { e.setMaxListeners(bad); } catch (x) { console.log(x.code, x.message); }
}
try { EventEmitter.defaultMaxListeners = -1; } catch (x) { console.log(x.code, x.message); }
console.log(e.getMaxListeners(), e.setMaxListeners(3) === e, e.getMaxListeners());

// Subclassing, and `this` inside listeners.
class Job extends EventEmitter {
  constructor(name) {
    super();
    this.name = name;
  }
  run() { this.emit('done', this.name.toUpperCase()); return this; }
}
const job = new Job('build');
job.on('done', function (result) { console.log('done', result, this === job, this instanceof EventEmitter); });
job.run();
console.log(job instanceof Job, Object.keys(job).join(), job._eventsCount);
function Legacy() { EventEmitter.call(this); }
Object.setPrototypeOf(Legacy.prototype, EventEmitter.prototype);
const legacy = new Legacy();
legacy.on('ping', () => console.log('legacy pong'));
legacy.emit('ping');
const sym = Symbol('s');
legacy.on(sym, () => console.log('symbol event'));
legacy.emit(sym);
// expect: true 10 symbol
// expect: true true false a1
// expect: a1,p2,a2,b2 3 1 x
// expect: 2 true 2
// expect: true true true
// expect: once got 1+2 true
// expect: 1 0 0
// expect: false 1
// expect: prepended once
// expect: regular
// expect: regular
// expect: 1,2,1
// expect: newListener removeListener function
// expect: newListener data function
// expect: removeListener data
// expect: newListener a function
// expect: newListener b function
// expect: removeListener a
// expect: newListener,removeListener,b
// expect: removeListener newListener
// expect: removeListener b
// expect: 0 0
// expect: thrown: kaboom
// expect: ERR_UNHANDLED_ERROR Unhandled error. ('just a string') just a string
// expect: ERR_UNHANDLED_ERROR Unhandled error. (undefined)
// expect: handled soft
// expect: true
// expect: TypeError listener failed
// expect: ERR_INVALID_ARG_TYPE The "listener" argument must be of type function. Received type string ('nope')
// expect: ERR_OUT_OF_RANGE The value of "setMaxListeners" is out of range. It must be >= 0. Received -1
// expect: ERR_OUT_OF_RANGE The value of "setMaxListeners" is out of range. It must be >= 0. Received NaN
// expect: ERR_INVALID_ARG_TYPE The "setMaxListeners" argument must be of type number. Received type string ('x')
// expect: ERR_OUT_OF_RANGE The value of "defaultMaxListeners" is out of range. It must be >= 0. Received -1
// expect: 10 true 3
// expect: done BUILD true true
// expect: true _events,_eventsCount,_maxListeners,name 1
// expect: legacy pong
// expect: symbol event
