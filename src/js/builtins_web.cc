// Web-platform globals node 20 has: structuredClone, atob, btoa and DOMException.
//
// They are JavaScript embedded in the binary (like `path`, `events`, `fs`; modules.cc
// LoadJsBuiltin), compiled as the internal module `node:%web` on first use, so `tenure -e 0`
// compiles nothing. The globals are small natives that load the module and forward their
// arguments to its export (DOMException is a global getter returning the class). Behaviour and
// texts are node 20's, observed by running it; the algorithms are from the HTML standard
// (structured serialize, §2.7.3), WHATWG infra's forgiving-base64 decode (§4.7) and WebIDL's
// DOMException names and legacy codes (§2.8.1).
#include "builtins.h"
#include "modules.h"

namespace tenure::js {

extern const char kWebModuleSource[] = R"JS('use strict';
// WebIDL §2.8.1: the legacy `code` of each DOMException name that has one.
const kLegacyCodes = {
  IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
  NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11,
  SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
  TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20,
  URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24,
  DataCloneError: 25,
};

class DOMException extends Error {
  constructor(message = '', options = 'Error') {
    super(`${message}`);
    const name = options !== null && typeof options === 'object'
      ? (options.name === undefined ? 'Error' : `${options.name}`) : `${options}`;
    Object.defineProperty(this, 'name', { value: name, writable: true, configurable: true });
    const code = Object.prototype.hasOwnProperty.call(kLegacyCodes, name) ? kLegacyCodes[name] : 0;
    Object.defineProperty(this, 'code', { value: code, writable: true, configurable: true });
  }
}
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: 'DOMException', configurable: true });

function missingArgs(message) {
  const e = new TypeError(message);
  e.code = 'ERR_MISSING_ARGS';
  return e;
}

// How node's DataCloneError names the value: a function's source, Symbol(desc), #<Ctor>.
function describeUncloneable(value) {
  if (typeof value === 'function' || typeof value === 'symbol') return String(value);
  const ctor = value.constructor;
  return '#<' + (typeof ctor === 'function' && ctor.name ? ctor.name : 'Object') + '>';
}

function uncloneable(value) {
  return new DOMException(describeUncloneable(value) + ' could not be cloned.', 'DataCloneError');
}

const kErrorConstructors = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };

// HTML StructuredSerialize + Deserialize in one pass. `memory` maps each source object to its
// copy, so shared references and cycles come out shared. Prototypes are not kept (class
// instances become plain objects); only own enumerable string keys are copied, getters run.
function cloneValue(value, memory) {
  if (typeof value === 'function' || typeof value === 'symbol') throw uncloneable(value);
  if (value === null || typeof value !== 'object') return value;
  if (memory.has(value)) return memory.get(value);
  if (value instanceof WeakMap || value instanceof WeakSet || value instanceof WeakRef ||
      value instanceof FinalizationRegistry || value instanceof Promise) {
    throw uncloneable(value);
  }
  let copy;
  if (value instanceof Date) {
    copy = new Date(value.getTime());
  } else if (value instanceof RegExp) {
    copy = new RegExp(value.source, value.flags);
  } else if (value instanceof Number || value instanceof String || value instanceof Boolean) {
    copy = Object(value.valueOf());
  } else if (value instanceof Buffer) {
    copy = Buffer.from(value);
  } else if (value instanceof Error) {
    const name = value.name;
    const Ctor = Object.prototype.hasOwnProperty.call(kErrorConstructors, name) ? kErrorConstructors[name] : Error;
    const message = Object.getOwnPropertyDescriptor(value, 'message');
    copy = message === undefined ? new Ctor() : new Ctor(`${message.value}`);
    if (typeof value.stack === 'string') copy.stack = value.stack;
    memory.set(value, copy);
    return copy;
  }
  if (copy !== undefined) {
    memory.set(value, copy);
    return copy;
  }
  if (value instanceof Map) {
    copy = new Map();
    memory.set(value, copy);
    for (const [k, v] of value) copy.set(cloneValue(k, memory), cloneValue(v, memory));
    return copy;
  }
  if (value instanceof Set) {
    copy = new Set();
    memory.set(value, copy);
    for (const v of value) copy.add(cloneValue(v, memory));
    return copy;
  }
  copy = Array.isArray(value) ? new Array(value.length) : {};
  memory.set(value, copy);
  for (const key of Object.keys(value)) copy[key] = cloneValue(value[key], memory);
  return copy;
}

function structuredClone(...args) {
  if (args.length === 0) throw missingArgs('The value argument must be specified');
  return cloneValue(args[0], new Map());
}

const kAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function btoa(...args) {
  if (args.length === 0) throw missingArgs('The "input" argument must be specified');
  const input = `${args[0]}`;
  for (let i = 0; i < input.length; i++) {
    if (input.charCodeAt(i) > 0xff) throw new DOMException('Invalid character', 'InvalidCharacterError');
  }
  const out = [];
  for (let i = 0; i < input.length; i += 3) {
    const n = (input.charCodeAt(i) << 16) | ((input.charCodeAt(i + 1) | 0) << 8) | (input.charCodeAt(i + 2) | 0);
    out.push(kAlphabet[(n >> 18) & 63], kAlphabet[(n >> 12) & 63],
             i + 1 < input.length ? kAlphabet[(n >> 6) & 63] : '=', i + 2 < input.length ? kAlphabet[n & 63] : '=');
  }
  return out.join('');
}

// Forgiving-base64 decode: ASCII whitespace is skipped, '=' only at the end (at most two, and
// only when the other characters are a multiple of 4 with them), a single leftover character
// is an error. Each decoded byte becomes one char code 0-255.
function atob(...args) {
  if (args.length === 0) throw missingArgs('The "input" argument must be specified');
  const input = `${args[0]}`;
  const invalid = () => new DOMException('Invalid character', 'InvalidCharacterError');
  const sextets = [];
  let equals = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r') continue;
    if (c === '=') {
      if (++equals > 2) throw invalid();
      continue;
    }
    const v = kAlphabet.indexOf(c);
    if (v < 0 || equals > 0) throw invalid();
    sextets.push(v);
  }
  if (equals > 0 && (sextets.length + equals) % 4 !== 0) throw invalid();
  if (sextets.length % 4 === 1) {
    throw new DOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  }
  const out = [];
  let acc = 0, bits = 0;
  for (const v of sextets) {
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push(String.fromCharCode((acc >> bits) & 0xff));
    }
  }
  return out.join('');
}

module.exports = { DOMException, structuredClone, atob, btoa };
)JS";

namespace {

// Calls the web module's export `name` with the native's receiver-less arguments.
Value CallWebExport(Runtime& rt, const char* name, Args args) {
  tenure::HandleScope scope(rt.heap());
  Handle exports = Handle::New(rt.heap(), LoadInternalBuiltin(rt, "%web"));
  if (exports.value().IsEmpty()) return Value();
  Handle key = Handle::New(rt.heap(), rt.Intern(name));
  Handle fn = Handle::New(rt.heap(), rt.GetNamed(exports, key));
  if (fn.value().IsEmpty()) return Value();
  if (std::string_view(name) == "DOMException") return fn.value();
  Handle undefined = Handle::New(rt.heap(), kUndefined);
  return rt.Call(fn, undefined, args.base, args.count);
}

TENURE_NATIVE(StructuredClone) { return CallWebExport(rt, "structuredClone", args); }
TENURE_NATIVE(Atob) { return CallWebExport(rt, "atob", args); }
TENURE_NATIVE(Btoa) { return CallWebExport(rt, "btoa", args); }
TENURE_NATIVE(DomExceptionGetter) { return CallWebExport(rt, "DOMException", args); }

}  // namespace

void InstallWebBuiltins(Runtime& rt, Handle global) {
  tenure::HandleScope scope(rt.heap());
  rt.DefineNative(global, "structuredClone", StructuredClone, 0);
  rt.DefineNative(global, "atob", Atob, 1);
  rt.DefineNative(global, "btoa", Btoa, 1);
  Handle getter = Handle::New(rt.heap(), rt.NewNativeFunction("get DOMException", DomExceptionGetter, 0));
  Handle none = Handle::New(rt.heap(), kUndefined);
  Handle key = Handle::New(rt.heap(), rt.Intern("DOMException"));
  rt.DefineAccessor(global, key, getter, none, false);
}

}  // namespace tenure::js
