// EventTarget, Event and CustomEvent as node 20 has them: listener order, once, handleEvent
// objects, duplicates, removal (also during dispatch), stopImmediatePropagation, preventDefault,
// an `AbortSignal` removing a listener, re-dispatch, node's errors, and the leak warning for an
// 11th listener of one type (which node sends through process.emitWarning).
const seen = [];
process.emitWarning = (w) => console.log('warning:', w.name, w.message);
const t = new EventTarget();
const obj = { handleEvent(e) { console.log('handleEvent', e.type, this === obj); } };
t.addEventListener('foo', function first(e) {
  console.log('first', this === t, e.target === t, e.currentTarget === t, e.eventPhase, e.composedPath().length);
});
t.addEventListener('foo', obj);
t.addEventListener('foo', obj);  // a duplicate: ignored
const late = () => console.log('never: removed by an earlier listener');
t.addEventListener('foo', () => t.removeEventListener('foo', late));
t.addEventListener('foo', late);
t.addEventListener('foo', () => t.addEventListener('foo', () => console.log('added during dispatch')));
t.addEventListener('once', () => console.log('once listener'), { once: true });
const e = new Event('foo');
console.log(t.dispatchEvent(e), e.target === t, e.currentTarget, e.eventPhase, e.composedPath());
t.dispatchEvent(new Event('once'));
t.dispatchEvent(new Event('once'));
t.removeEventListener('foo', obj);
// expect: first true true true 2 1
// expect: handleEvent foo true
// expect: true true null 0 []

const c = new EventTarget();
c.addEventListener('x', (ev) => { seen.push('a'); ev.stopImmediatePropagation(); });
c.addEventListener('x', () => seen.push('b'));
const cancelable = new Event('y', { cancelable: true });
c.addEventListener('x', (ev) => ev.preventDefault());
console.log(c.dispatchEvent(new Event('x')), seen);
const d = new EventTarget();
d.addEventListener('y', (ev) => ev.preventDefault());
console.log(d.dispatchEvent(cancelable), cancelable.defaultPrevented, cancelable.returnValue);
console.log(d.dispatchEvent(new Event('y')));  // not cancelable: preventDefault does nothing
// expect: once listener
// expect: true [ 'a' ]
// expect: false true false
// expect: true

const ac = new AbortController();
d.addEventListener('z', () => console.log('z listener'), { signal: ac.signal });
d.dispatchEvent(new Event('z'));
ac.abort();
d.dispatchEvent(new Event('z'));
d.addEventListener('z', () => console.log('never: signal already aborted'), { signal: ac.signal });
d.dispatchEvent(new Event('z'));
// expect: z listener

const r = new Event('r');
d.addEventListener('r', () => {
  try { d.dispatchEvent(r); } catch (err) { console.log(err.name, err.code, err.message); }
});
d.dispatchEvent(r);
d.dispatchEvent(r);  // again after the first dispatch ended: allowed
// expect: Error ERR_EVENT_RECURSION The event "r" is already being dispatched
// expect: Error ERR_EVENT_RECURSION The event "r" is already being dispatched

const ce = new CustomEvent('c', { detail: { a: 1 } });
console.log(ce instanceof Event, ce.detail, new CustomEvent('c').detail, ce.type);
console.log(new Event('x', null).type, new Event(5).type, new Event('x', { bubbles: 1 }).bubbles);
console.log(Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE);
console.log(Object.prototype.toString.call(e), Object.prototype.toString.call(t), String(ce));
console.log(t, Object.keys(e), e.isTrusted, e.cancelBubble, e.bubbles, e.composed, typeof e.timeStamp);
// expect: true { a: 1 } null c
// expect: x 5 true
// expect: 0 1 2 3
// expect: [object Event] [object EventTarget] [object CustomEvent]
// expect: EventTarget {} [] false false false false number

for (const f of [() => new Event(), () => t.dispatchEvent({ type: 'x' }), () => new Event('x', 5),
                 () => t.addEventListener('x'), () => t.addEventListener('x', 5),
                 () => t.addEventListener('x', () => {}, { signal: 1 }),
                 () => Object.getOwnPropertyDescriptor(Event.prototype, 'type').get.call({}),
                 () => EventTarget.prototype.dispatchEvent.call({}, new Event('x'))]) {
  try { f(); } catch (err) { console.log(err.name, err.code, err.message); }
}
// expect: TypeError ERR_MISSING_ARGS The "type" argument must be specified
// expect: TypeError ERR_INVALID_ARG_TYPE The "event" argument must be an instance of Event. Received an instance of Object
// expect: TypeError ERR_INVALID_ARG_TYPE The "options" argument must be of type object. Received type number (5)
// expect: TypeError ERR_MISSING_ARGS The "type" and "listener" arguments must be specified
// expect: TypeError ERR_INVALID_ARG_TYPE The "listener" argument must be an instance of EventListener. Received type number (5)
// expect: TypeError ERR_INVALID_ARG_TYPE The "options.signal" property must be an instance of AbortSignal. Received type number (1)
// expect: TypeError ERR_INVALID_THIS Value of "this" must be of type Event
// expect: TypeError ERR_INVALID_THIS Value of "this" must be of type EventTarget

const leaky = new EventTarget();
for (let i = 0; i < 12; i++) leaky.addEventListener('tick', () => {});
leaky.addEventListener('tick', null);
// expect: warning: MaxListenersExceededWarning Possible EventTarget memory leak detected. 11 tick listeners added to EventTarget. MaxListeners is 10. Use events.setMaxListeners() to increase limit
// expect: warning: AddEventListenerArgumentTypeWarning addEventListener called with null which has no effect.

// A throwing (or rejecting async) listener does not stop the dispatch: its error is uncaught later.
process.on('uncaughtException', (err, origin) => console.log('uncaught', err.message, origin));
const u = new EventTarget();
u.addEventListener('boom', () => { throw new Error('sync boom'); });
u.addEventListener('boom', async () => { throw new Error('async boom'); });
u.addEventListener('boom', () => console.log('third listener runs'));
console.log('dispatch returned', u.dispatchEvent(new Event('boom')));
// expect: third listener runs
// expect: dispatch returned true
// expect: uncaught sync boom uncaughtException
// expect: uncaught async boom uncaughtException
