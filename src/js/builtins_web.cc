// Web-platform globals node 20 has: structuredClone, atob, btoa, DOMException, TextEncoder and
// TextDecoder (UTF-8 only); and getters for the URL classes (builtins_url.cc) and Event,
// CustomEvent, EventTarget, AbortController, AbortSignal (builtins_event_target.cc).
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
const internal = require('%internal');
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
  return internal.nodeError('TypeError', 'ERR_MISSING_ARGS', message);
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

// WHATWG Encoding §8: TextEncoder / TextDecoder, UTF-8 only (node 20 also has the legacy
// single-byte and UTF-16 decoders through ICU). Well-formed bytes go through Buffer's UTF-8
// codec; ill-formed ones through decodeUtf8 (Buffer's codec replaces byte by byte, the standard
// replaces each maximal subpart with one U+FFFD).
function encodingError(Ctor, code, message) {
  const e = new Ctor(message);
  e.code = code;
  return e;
}

// Lone surrogates, which UTF-8 cannot encode (the encoder writes U+FFFD for them).
const kLoneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const kHasLoneSurrogate = new RegExp(kLoneSurrogate.source);

// WHATWG Encoding §9.1.1 UTF-8 decoder, with replacement.
function decodeUtf8(bytes) {
  const units = [];
  let cp = 0, needed = 0, seen = 0, lower = 0x80, upper = 0xbf;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (needed === 0) {
      i++;
      if (b <= 0x7f) units.push(b);
      else if (b >= 0xc2 && b <= 0xdf) { needed = 1; cp = b & 0x1f; }
      else if (b >= 0xe0 && b <= 0xef) { needed = 2; cp = b & 0xf; if (b === 0xe0) lower = 0xa0; if (b === 0xed) upper = 0x9f; }
      else if (b >= 0xf0 && b <= 0xf4) { needed = 3; cp = b & 7; if (b === 0xf0) lower = 0x90; if (b === 0xf4) upper = 0x8f; }
      else units.push(0xfffd);
      continue;
    }
    if (b < lower || b > upper) {  // the byte starts over; the partial sequence is one U+FFFD
      cp = needed = seen = 0;
      lower = 0x80;
      upper = 0xbf;
      units.push(0xfffd);
      continue;
    }
    i++;
    lower = 0x80;
    upper = 0xbf;
    cp = (cp << 6) | (b & 0x3f);
    if (++seen < needed) continue;
    if (cp > 0xffff) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    else units.push(cp);
    cp = needed = seen = 0;
  }
  if (needed !== 0) units.push(0xfffd);
  let text = '';
  for (let i = 0; i < units.length; i += 4096) text += String.fromCharCode(...units.slice(i, i + 4096));
  return text;
}

class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(input = '') {
    const bytes = Buffer.from(`${input}`.replace(kLoneSurrogate, '\ufffd'), 'utf8');
    return new Uint8Array(bytes);
  }
  // Writes whole code points while they fit; read counts UTF-16 code units consumed.
  encodeInto(source, destination) {
    const text = `${source}`;
    let read = 0, written = 0;
    for (const ch of text) {
      const bytes = Buffer.from(ch.replace(kLoneSurrogate, '\ufffd'), 'utf8');
      if (written + bytes.length > destination.length) break;
      for (let i = 0; i < bytes.length; i++) destination[written + i] = bytes[i];
      written += bytes.length;
      read += ch.length;
    }
    return { read, written };
  }
}
Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, { value: 'TextEncoder', configurable: true });

const kUtf8Labels = ['utf-8', 'utf8', 'unicode-1-1-utf-8'];
const kFlags = new WeakMap();  // decoder -> { fatal, ignoreBOM }

// The input's bytes as a Buffer sharing its memory: ArrayBuffer, typed array, DataView, Buffer.
function bytesOf(input) {
  if (input instanceof ArrayBuffer) return Buffer.from(input);
  if (ArrayBuffer.isView(input)) return Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  throw encodingError(TypeError, 'ERR_INVALID_ARG_TYPE',
    'The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
}

class TextDecoder {
  constructor(label = 'utf-8', options = {}) {
    const name = `${label}`.trim().toLowerCase();
    if (!kUtf8Labels.includes(name)) {
      throw encodingError(RangeError, 'ERR_ENCODING_NOT_SUPPORTED', `The "${label}" encoding is not supported`);
    }
    const opts = options === null || options === undefined ? {} : options;
    kFlags.set(this, { fatal: Boolean(opts.fatal), ignoreBOM: Boolean(opts.ignoreBOM) });
  }
  get encoding() { return 'utf-8'; }
  get fatal() { return kFlags.get(this).fatal; }
  get ignoreBOM() { return kFlags.get(this).ignoreBOM; }
  decode(input = new Uint8Array(0)) {
    const bytes = bytesOf(input);
    let text = bytes.toString('utf8');
    // Ill-formed: Buffer's replacement changed the bytes, or it passed encoded surrogates through.
    if (!Buffer.from(text, 'utf8').equals(bytes) || kHasLoneSurrogate.test(text)) {
      if (kFlags.get(this).fatal) {
        throw encodingError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA', 'The encoded data was not valid for encoding utf-8');
      }
      text = decodeUtf8(bytes);
    }
    if (!kFlags.get(this).ignoreBOM && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text;
  }
}
Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: 'TextDecoder', configurable: true });

module.exports = { DOMException, structuredClone, atob, btoa, TextEncoder, TextDecoder };
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
  std::string_view export_name(name);
  if (export_name == "DOMException" || export_name == "TextEncoder" || export_name == "TextDecoder") {
    return fn.value();  // a class: the global getter returns it
  }
  Handle undefined = Handle::New(rt.heap(), kUndefined);
  return rt.Call(fn, undefined, args.base, args.count);
}

TENURE_NATIVE(StructuredClone) { return CallWebExport(rt, "structuredClone", args); }
TENURE_NATIVE(Atob) { return CallWebExport(rt, "atob", args); }
TENURE_NATIVE(Btoa) { return CallWebExport(rt, "btoa", args); }
TENURE_NATIVE(DomExceptionGetter) { return CallWebExport(rt, "DOMException", args); }
TENURE_NATIVE(TextEncoderGetter) { return CallWebExport(rt, "TextEncoder", args); }
TENURE_NATIVE(TextDecoderGetter) { return CallWebExport(rt, "TextDecoder", args); }

// Export `name` of the builtin module `module`: the URL and URLSearchParams globals are node's
// `url` classes; Event, CustomEvent, EventTarget, AbortController and AbortSignal come from
// node:%event_target (builtins_event_target.cc).
Value ModuleExport(Runtime& rt, const char* module, const char* name) {
  tenure::HandleScope scope(rt.heap());
  Handle exports = Handle::New(rt.heap(), LoadInternalBuiltin(rt, module));
  if (exports.value().IsEmpty()) return Value();
  Handle key = Handle::New(rt.heap(), rt.Intern(name));
  return rt.GetNamed(exports, key);
}
TENURE_NATIVE(UrlGetter) { return ModuleExport(rt, "url", "URL"); }
TENURE_NATIVE(UrlSearchParamsGetter) { return ModuleExport(rt, "url", "URLSearchParams"); }
TENURE_NATIVE(EventGetter) { return ModuleExport(rt, "%event_target", "Event"); }
TENURE_NATIVE(CustomEventGetter) { return ModuleExport(rt, "%event_target", "CustomEvent"); }
TENURE_NATIVE(EventTargetGetter) { return ModuleExport(rt, "%event_target", "EventTarget"); }
TENURE_NATIVE(AbortControllerGetter) { return ModuleExport(rt, "%event_target", "AbortController"); }
TENURE_NATIVE(AbortSignalGetter) { return ModuleExport(rt, "%event_target", "AbortSignal"); }

}  // namespace

void InstallWebBuiltins(Runtime& rt, Handle global) {
  tenure::HandleScope scope(rt.heap());
  rt.DefineNative(global, "structuredClone", StructuredClone, 0);
  rt.DefineNative(global, "atob", Atob, 1);
  rt.DefineNative(global, "btoa", Btoa, 1);
  // The classes are global getters that load the module on first use.
  const std::pair<const char*, NativeFn> classes[] = {
      {"DOMException", DomExceptionGetter}, {"TextEncoder", TextEncoderGetter}, {"TextDecoder", TextDecoderGetter},
      {"URL", UrlGetter}, {"URLSearchParams", UrlSearchParamsGetter},
      {"Event", EventGetter}, {"CustomEvent", CustomEventGetter}, {"EventTarget", EventTargetGetter},
      {"AbortController", AbortControllerGetter}, {"AbortSignal", AbortSignalGetter}};
  for (const auto& [name, fn] : classes) {
    tenure::HandleScope item_scope(rt.heap());
    Handle getter = Handle::New(rt.heap(), rt.NewNativeFunction(std::string("get ") + name, fn, 0));
    Handle none = Handle::New(rt.heap(), kUndefined);
    Handle key = Handle::New(rt.heap(), rt.Intern(name));
    rt.DefineAccessor(global, key, getter, none, false);
  }
}

}  // namespace tenure::js
