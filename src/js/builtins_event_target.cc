// The Event, CustomEvent, EventTarget, AbortController and AbortSignal globals, in JavaScript
// compiled as the internal module `node:%event_target` on first use (builtins_web.cc installs the
// globals as getters that load it, like URL). The algorithms are the DOM Standard's
// (https://dom.spec.whatwg.org/: §2.2 Event, §2.4 CustomEvent, §2.7 EventTarget, §2.9 dispatch,
// §3.1 AbortController, §3.2 AbortSignal); error codes, texts, inspection and the places where
// node 20 departs from the standard are node's, observed by running it (docs/runtime.md).
#include "modules.h"

namespace tenure::js {

extern const char kEventTargetModuleSource[] = R"JS('use strict';
const internal = require('%internal');

const kCreate = Symbol('kCreate');  // lets this module make AbortSignals (the constructor is illegal)
const kMaxListeners = 10;           // node's default for EventTargets (events.defaultMaxListeners)

function invalidThis(type) {
  return internal.nodeError('TypeError', 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
}
function missingArgs(text) {
  return internal.nodeError('TypeError', 'ERR_MISSING_ARGS', `The ${text} must be specified`);
}
// node's inspection of these classes: the class name, then `shown` one level deeper.
function inspectAs(name, shown, depth, options, inspect) {
  if (depth < 0) return name;
  const inner = { ...options, depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth };
  return `${name} ${inspect(shown, inner)}`;
}

// ---- Event (§2.2) ----------------------------------------------------------------------------
let setTrusted, beginDispatch, endDispatch, stopped;

class Event {
  #type; #bubbles; #cancelable; #composed; #timeStamp;
  #defaultPrevented = false;
  #trusted = false;
  #target = null;
  #currentTarget = null;
  #phase = 0;
  #stopPropagation = false;
  #stopImmediate = false;
  #dispatching = false;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw missingArgs('"type" argument');
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw internal.invalidArgTypeError('options', 'of type object', options);
    }
    this.#type = `${type}`;
    this.#bubbles = !!(options && options.bubbles);
    this.#cancelable = !!(options && options.cancelable);
    this.#composed = !!(options && options.composed);
    this.#timeStamp = performance.now();
  }

  static #check(event) {
    if (event === null || typeof event !== 'object' || !(#type in event)) throw invalidThis('Event');
    return event;
  }
  static {
    setTrusted = (event) => { event.#trusted = true; };
    // §2.9 steps the dispatcher owns: target/phase while listeners run, reset afterwards.
    beginDispatch = (event, target) => {
      if (event.#dispatching) {
        throw internal.nodeError('Error', 'ERR_EVENT_RECURSION', `The event "${event.#type}" is already being dispatched`);
      }
      event.#dispatching = true;
      event.#target = event.#currentTarget = target;
      event.#phase = 2;  // AT_TARGET: node's targets have no parents, so no capture or bubble phase
    };
    endDispatch = (event) => {
      event.#dispatching = false;
      event.#currentTarget = null;
      event.#phase = 0;
      event.#stopPropagation = event.#stopImmediate = false;
    };
    stopped = (event) => event.#stopImmediate;
  }

  get type() { return Event.#check(this).#type; }
  get bubbles() { return Event.#check(this).#bubbles; }
  get cancelable() { return Event.#check(this).#cancelable; }
  get composed() { return Event.#check(this).#composed; }
  get timeStamp() { return Event.#check(this).#timeStamp; }
  get isTrusted() { return Event.#check(this).#trusted; }
  get defaultPrevented() { return Event.#check(this).#cancelable && this.#defaultPrevented; }
  get target() { return Event.#check(this).#target; }
  get currentTarget() { return Event.#check(this).#currentTarget; }
  get srcElement() { return Event.#check(this).#target; }
  get eventPhase() { return Event.#check(this).#phase; }
  get returnValue() { return !this.defaultPrevented; }
  set returnValue(value) { if (!value) this.preventDefault(); }
  get cancelBubble() { return Event.#check(this).#stopPropagation; }
  set cancelBubble(value) { if (value) Event.#check(this).#stopPropagation = true; }
  // node 20 lets a passive listener cancel the event too (the standard would ignore it here).
  preventDefault() { Event.#check(this).#defaultPrevented = true; }
  stopPropagation() { Event.#check(this).#stopPropagation = true; }
  stopImmediatePropagation() { Event.#check(this).#stopPropagation = this.#stopImmediate = true; }
  composedPath() { return Event.#check(this).#dispatching ? [this.#currentTarget] : []; }
  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0) throw missingArgs('"type" argument');
    if (Event.#check(this).#dispatching) return;
    this.#type = `${type}`;
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }

  // node shows type, defaultPrevented, cancelable and timeStamp.
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    const shown = { type: this.#type, defaultPrevented: this.#defaultPrevented, cancelable: this.#cancelable,
                    timeStamp: this.#timeStamp };
    return inspectAs(this.constructor.name, shown, depth, options, inspect);
  }
}
for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
  Object.defineProperty(Event, name, { value, enumerable: true });
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: 'Event', configurable: true });

// ---- CustomEvent (§2.4) ----------------------------------------------------------------------
class CustomEvent extends Event {
  #detail;
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw missingArgs('"type" argument');
    super(type, options);
    this.#detail = options && options.detail !== undefined ? options.detail : null;
  }
  get detail() {
    if (this === null || typeof this !== 'object' || !(#detail in this)) throw invalidThis('CustomEvent');
    return this.#detail;
  }
}
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, { value: 'CustomEvent', configurable: true });

// ---- EventTarget (§2.7, dispatch §2.9) -------------------------------------------------------
// A listener entry: { callback, capture, once, passive, removed, signal cleanup }.
function flattenOptions(options) {
  if (typeof options === 'boolean') return { capture: options, once: false, passive: false, signal: undefined };
  if (options === null || typeof options !== 'object') return { capture: false, once: false, passive: false, signal: undefined };
  return { capture: !!options.capture, once: !!options.once, passive: !!options.passive, signal: options.signal };
}

// What a listener returned: a rejected promise becomes an uncaught exception, as a throw does.
function reportListenerError(error) {
  process.nextTick(() => { throw error; });
}

class EventTarget {
  #listeners = new Map();  // type → array of entries, in registration order
  #warned = new Set();     // types whose leak warning was printed

  static #check(target) {
    if (target === null || typeof target !== 'object' || !(#listeners in target)) throw invalidThis('EventTarget');
    return target;
  }

  addEventListener(type, listener, options = undefined) {
    EventTarget.#check(this);
    if (arguments.length < 2) throw missingArgs('"type" and "listener" arguments');
    const { capture, once, passive, signal } = flattenOptions(options);
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw internal.invalidArgTypeError('options.signal', 'an instance of AbortSignal', signal);
    }
    if (listener === null || listener === undefined) {
      const warning = new Error(`addEventListener called with ${listener} which has no effect.`);
      warning.name = 'AddEventListenerArgumentTypeWarning';
      process.emitWarning(warning);
      return;
    }
    if (typeof listener !== 'function' && typeof listener !== 'object') {
      throw internal.invalidArgTypeError('listener', 'an instance of EventListener', listener);
    }
    if (signal !== undefined && signal.aborted) return;
    type = `${type}`;
    let list = this.#listeners.get(type);
    if (list === undefined) this.#listeners.set(type, list = []);
    if (list.some((e) => e.callback === listener && e.capture === capture)) return;
    const entry = { callback: listener, capture, once, passive, removed: false };
    list.push(entry);
    if (signal !== undefined) {
      signal.addEventListener('abort', () => this.removeEventListener(type, listener, { capture }), { once: true });
    }
    this.#warnOnLeak(type, list.length);
  }

  // node's MaxListenersExceededWarning, once per type: the usual sign of a listener leak.
  #warnOnLeak(type, count) {
    if (count <= kMaxListeners || this.#warned.has(type)) return;
    this.#warned.add(type);
    const name = this.constructor.name;
    const warning = new Error(`Possible EventTarget memory leak detected. ${count} ${type} listeners added to ` +
      `${name}. MaxListeners is ${kMaxListeners}. Use events.setMaxListeners() to increase limit`);
    Object.assign(warning, { name: 'MaxListenersExceededWarning', target: this, type, count });
    process.emitWarning(warning);
  }

  removeEventListener(type, listener, options = undefined) {
    EventTarget.#check(this);
    if (arguments.length < 2) throw missingArgs('"type" and "listener" arguments');
    const { capture } = flattenOptions(options);
    const list = this.#listeners.get(`${type}`);
    if (list === undefined) return;
    const index = list.findIndex((e) => e.callback === listener && e.capture === capture);
    if (index < 0) return;
    list[index].removed = true;
    list.splice(index, 1);
  }

  // §2.9 for a target without parents: every listener of the event's type, in order, on a copy of
  // the list (listeners added during dispatch wait for the next one; removed ones are skipped).
  dispatchEvent(event) {
    EventTarget.#check(this);
    if (!(event instanceof Event)) throw internal.invalidArgTypeError('event', 'an instance of Event', event);
    beginDispatch(event, this);
    try {
      const list = this.#listeners.get(event.type);
      for (const entry of list === undefined ? [] : list.slice()) {
        if (entry.removed) continue;
        if (entry.once) this.removeEventListener(event.type, entry.callback, { capture: entry.capture });
        this.#invoke(entry.callback, event);
        if (stopped(event)) break;
      }
    } finally {
      endDispatch(event);
    }
    return !event.defaultPrevented;
  }

  #invoke(callback, event) {
    try {
      let result;
      if (typeof callback === 'function') result = callback.call(this, event);
      else if (typeof callback.handleEvent === 'function') result = callback.handleEvent(event);
      if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
        result.then(undefined, reportListenerError);
      }
    } catch (error) {
      reportListenerError(error);  // node: the exception surfaces as uncaught, dispatch goes on
    }
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return inspectAs(this.constructor.name, {}, depth, options, inspect);
  }
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: 'EventTarget', configurable: true });

// ---- AbortSignal and AbortController (§3.1, §3.2) ----------------------------------------------
let signalAbort;

function abortError() {
  const { DOMException } = require('%web');
  return new DOMException('This operation was aborted', 'AbortError');
}

class AbortSignal extends EventTarget {
  #aborted = false;
  #reason = undefined;
  #onabort = null;
  #onabortListener = null;

  constructor(...args) {
    if (args[0] !== kCreate) throw internal.nodeError('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    super();
  }
  static #check(signal) {
    if (signal === null || typeof signal !== 'object' || !(#aborted in signal)) throw invalidThis('AbortSignal');
    return signal;
  }
  static {
    // §3.2 "signal abort": once only; then the 'abort' event (trusted).
    signalAbort = (signal, reason) => {
      if (signal.#aborted) return;
      signal.#aborted = true;
      signal.#reason = reason === undefined ? abortError() : reason;
      const event = new Event('abort');
      setTrusted(event);
      signal.dispatchEvent(event);
    };
  }

  get aborted() { return AbortSignal.#check(this).#aborted; }
  get reason() { return AbortSignal.#check(this).#reason; }
  throwIfAborted() {
    if (AbortSignal.#check(this).#aborted) throw this.#reason;
  }
  // The event handler attribute: one listener, registered when first set, calls whatever is set now.
  get onabort() { return AbortSignal.#check(this).#onabort; }
  set onabort(value) {
    AbortSignal.#check(this).#onabort = typeof value === 'function' || (value !== null && typeof value === 'object') ? value : null;
    if (this.#onabortListener === null && this.#onabort !== null) {
      this.#onabortListener = (event) => {
        const handler = this.#onabort;
        if (typeof handler === 'function') return handler.call(this, event);
        return undefined;
      };
      this.addEventListener('abort', this.#onabortListener);
    }
  }

  static abort(reason = undefined) {
    const signal = new AbortSignal(kCreate);
    signalAbort(signal, reason);
    return signal;
  }
  // Aborts with a TimeoutError after `delay` ms; its timer does not keep the program alive.
  static timeout(delay) {
    if (typeof delay !== 'number') throw internal.invalidArgTypeError('delay', 'of type number', delay);
    if (!Number.isInteger(delay) || delay < 0 || delay > 4294967295) {
      throw internal.nodeError('RangeError', 'ERR_OUT_OF_RANGE',
        `The value of "delay" is out of range. It must be >= 0 && <= 4294967295. Received ${String(delay)}`);
    }
    const signal = new AbortSignal(kCreate);
    const { DOMException } = require('%web');
    setTimeout(() => signalAbort(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
               delay).unref();
    return signal;
  }
  // Aborted as soon as any of `signals` is, with its reason.
  static any(signals) {
    if (signals === null || typeof signals !== 'object' || typeof signals[Symbol.iterator] !== 'function') {
      throw internal.invalidArgTypeError('signals', 'an instance of Array', signals);
    }
    const sources = [...signals];
    sources.forEach((s, i) => {
      if (!(s instanceof AbortSignal)) throw internal.invalidArgTypeError(`signals[${i}]`, 'an instance of AbortSignal', s);
    });
    const result = new AbortSignal(kCreate);
    const done = sources.find((s) => s.aborted);
    if (done !== undefined) {
      signalAbort(result, done.reason);
      return result;
    }
    for (const s of sources) s.addEventListener('abort', () => signalAbort(result, s.reason), { once: true });
    return result;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return inspectAs('AbortSignal', { aborted: this.#aborted }, depth, options, inspect);
  }
}
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: 'AbortSignal', configurable: true });

class AbortController {
  #signal = new AbortSignal(kCreate);
  get signal() { return this.#signal; }  // node: no brand check beyond the private field's own
  abort(reason = undefined) { signalAbort(this.signal, reason); }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return inspectAs('AbortController', { signal: this.#signal }, depth, options, inspect);
  }
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: 'AbortController', configurable: true });

// Class members are enumerable on node's prototypes (WebIDL), unlike plain class methods.
for (const [proto, names] of [
  [Event.prototype, ['type', 'bubbles', 'cancelable', 'composed', 'timeStamp', 'isTrusted', 'defaultPrevented',
                     'target', 'currentTarget', 'srcElement', 'eventPhase', 'returnValue', 'cancelBubble',
                     'preventDefault', 'stopPropagation', 'stopImmediatePropagation', 'composedPath', 'initEvent']],
  [CustomEvent.prototype, ['detail']],
  [EventTarget.prototype, ['addEventListener', 'removeEventListener', 'dispatchEvent']],
  [AbortSignal.prototype, ['aborted', 'onabort']],
  [AbortController.prototype, ['signal', 'abort']]]) {
  for (const name of names) Object.defineProperty(proto, name, { enumerable: true });
}

module.exports = { Event, CustomEvent, EventTarget, AbortController, AbortSignal };
)JS";

}  // namespace tenure::js
