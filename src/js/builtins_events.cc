// `require('events')`: EventEmitter as JavaScript compiled on first require (modules.cc).
// Written from the node 20 documentation (nodejs.org/api/events.html) and node's observed
// behaviour: `_events` holds one function or an array per event name (a null-prototype object),
// listeners run synchronously in registration order on a copy of the list, an unhandled
// 'error' throws, and the 11th listener of one name prints MaxListenersExceededWarning once.
#include "modules.h"

namespace tenure::js {

extern const char kEventsModuleSource[] = R"JS('use strict';
const internal = require('%internal');
const inspect = require('util').inspect;

function checkListener(listener) {
  if (typeof listener !== 'function') throw internal.invalidArgTypeError('listener', 'of type function', listener);
}

function checkMaxListeners(n, name) {
  if (typeof n !== 'number') throw internal.invalidArgTypeError(name, 'of type number', n);
  if (n < 0 || n !== n) {
    throw internal.nodeError('RangeError', 'ERR_OUT_OF_RANGE',
                             'The value of "' + name + '" is out of range. It must be >= 0. Received ' + inspect(n));
  }
}

let defaultMaxListeners = 10;

function EventEmitter(options) {
  EventEmitter.init.call(this, options);
}

EventEmitter.init = function init() {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = Object.create(null);
    this._eventsCount = 0;
  }
  this._maxListeners = this._maxListeners || undefined;
};

function maxListenersOf(target) {
  return target._maxListeners === undefined ? defaultMaxListeners : target._maxListeners;
}

function addListener(target, type, listener, prepend) {
  checkListener(listener);
  let events = target._events;
  if (events === undefined) {
    events = target._events = Object.create(null);
    target._eventsCount = 0;
  } else if (events.newListener !== undefined) {
    target.emit('newListener', type, listener.listener ? listener.listener : listener);
    events = target._events;
  }
  let existing = events[type];
  if (existing === undefined) {
    events[type] = listener;
    target._eventsCount++;
    return target;
  }
  if (typeof existing === 'function') {
    existing = events[type] = prepend ? [listener, existing] : [existing, listener];
  } else if (prepend) {
    existing.unshift(listener);
  } else {
    existing.push(listener);
  }
  const max = maxListenersOf(target);
  if (max > 0 && existing.length > max && !existing.warned) {
    existing.warned = true;
    const name = target.constructor && target.constructor.name || 'EventEmitter';
    const warning = new Error('Possible EventEmitter memory leak detected. ' +
      existing.length + ' ' + String(type) + ' listeners added to [' + name + ']. MaxListeners is ' +
      max + '. Use emitter.setMaxListeners() to increase limit');
    Object.assign(warning, { name: 'MaxListenersExceededWarning', emitter: target, type, count: existing.length });
    process.emitWarning(warning);  // node's 'warning' event and printer (builtins_process_signals.cc)
  }
  return target;
}

function onceWrapper(target, type, listener) {
  const state = { fired: false };
  function wrapped(...args) {
    if (state.fired) return undefined;
    state.fired = true;
    target.removeListener(type, wrapped);
    return listener.apply(target, args);
  }
  wrapped.listener = listener;
  return wrapped;
}

const proto = EventEmitter.prototype;
proto._events = undefined;
proto._eventsCount = 0;
proto._maxListeners = undefined;

proto.setMaxListeners = function setMaxListeners(n) {
  checkMaxListeners(n, 'setMaxListeners');
  this._maxListeners = n;
  return this;
};

proto.getMaxListeners = function getMaxListeners() {
  return maxListenersOf(this);
};

proto.emit = function emit(type, ...args) {
  const events = this._events;
  if (type === 'error' && events !== undefined && events[EventEmitter.errorMonitor] !== undefined) {
    this.emit(EventEmitter.errorMonitor, ...args);
  }
  const handler = events === undefined ? undefined : events[type];
  if (handler === undefined) {
    if (type !== 'error') return false;
    const er = args[0];
    if (er instanceof Error) throw er;
    const e = internal.nodeError('Error', 'ERR_UNHANDLED_ERROR', 'Unhandled error. (' + inspect(er) + ')');
    e.context = er;
    throw e;
  }
  if (typeof handler === 'function') {
    handler.apply(this, args);
  } else {
    const listeners = handler.slice();
    for (let i = 0; i < listeners.length; i++) listeners[i].apply(this, args);
  }
  return true;
};

proto.addListener = function addListener_(type, listener) {
  return addListener(this, type, listener, false);
};
proto.on = proto.addListener;

proto.prependListener = function prependListener(type, listener) {
  return addListener(this, type, listener, true);
};

proto.once = function once(type, listener) {
  checkListener(listener);
  this.on(type, onceWrapper(this, type, listener));
  return this;
};

proto.prependOnceListener = function prependOnceListener(type, listener) {
  checkListener(listener);
  this.prependListener(type, onceWrapper(this, type, listener));
  return this;
};

proto.removeListener = function removeListener(type, listener) {
  checkListener(listener);
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;
  if (list === listener || list.listener === listener) {
    this._eventsCount--;
    if (this._eventsCount === 0) this._events = Object.create(null);
    else delete events[type];
    if (events.removeListener !== undefined) this.emit('removeListener', type, list.listener || listener);
    return this;
  }
  if (typeof list === 'function') return this;
  let position = -1;
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i] === listener || list[i].listener === listener) {
      position = i;
      break;
    }
  }
  if (position < 0) return this;
  list.splice(position, 1);
  if (list.length === 1) events[type] = list[0];
  if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  return this;
};
proto.off = proto.removeListener;

proto.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = Object.create(null);
      else delete events[type];
    }
    return this;
  }
  if (arguments.length === 0) {
    for (const key of Object.keys(events)) {
      if (key !== 'removeListener') this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = Object.create(null);
    this._eventsCount = 0;
    return this;
  }
  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined || events[type] === undefined) return [];
  const list = events[type];
  if (typeof list === 'function') return unwrap ? [list.listener || list] : [list];
  return list.map((l) => (unwrap ? l.listener || l : l));
}

proto.listeners = function listeners(type) { return listenersOf(this, type, true); };
proto.rawListeners = function rawListeners(type) { return listenersOf(this, type, false); };

proto.listenerCount = function listenerCount(type, listener) {
  const events = this._events;
  const list = events === undefined ? undefined : events[type];
  if (list === undefined) return 0;
  if (typeof list === 'function') {
    return listener === undefined || list === listener || list.listener === listener ? 1 : 0;
  }
  if (listener === undefined) return list.length;
  let count = 0;
  for (const l of list) if (l === listener || l.listener === listener) count++;
  return count;
};

proto.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Object.keys(this._events) : [];
};

EventEmitter.listenerCount = function listenerCount(emitter, type) {
  return emitter.listenerCount(type);
};
Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  enumerable: true,
  get() { return defaultMaxListeners; },
  set(n) {
    checkMaxListeners(n, 'defaultMaxListeners');
    defaultMaxListeners = n;
  },
});
EventEmitter.errorMonitor = Symbol('events.errorMonitor');
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.usingDomains = false;
internal.makeProcessEmitter(proto);  // process inherits from proto (builtins_process_events.cc)
module.exports = EventEmitter;
)JS";

}  // namespace tenure::js
