// `require('util')`: JavaScript over a small native binding ('%util').
//
// The binding gives the runtime's util.inspect (inspect.cc, with a depth), util.format (the
// console.log formatter, builtins_core.cc) and two brand checks the JS cannot do itself: the
// internal kind of an object and the kind of a function. The JS half follows the node 20
// documentation (nodejs.org/api/util.html): inspect with an options object or the legacy
// (object, showHidden, depth) form, format, isDeepStrictEqual, types.*, promisify (and
// promisify.custom), callbackify, inherits, deprecate (one DeprecationWarning per function),
// debuglog, isArray, TextEncoder and TextDecoder.
#include <climits>
#include <string>

#include "builtins.h"
#include "modules.h"
#include "object_names.h"

namespace tenure::js {

namespace {

// binding.inspect(value, depth, compact, sorted, maxArrayLength, customInspect, userOptions): the options
// util.inspect normalised (depth huge: unlimited — null and Infinity arrive as Infinity; a negative
// depth shows even the top object as [Object], as node does; compact 0: `compact: false`).
TENURE_NATIVE(UtilInspect) {
  double depth = 2, compact = 3, max_array_length = 100;
  if (!ArgNumber(rt, args, 1, &depth) || !ArgNumber(rt, args, 2, &compact) ||
      !ArgNumber(rt, args, 4, &max_array_length)) {
    return Value();
  }
  Runtime::InspectOptions options;
  options.depth = depth > 1e6 ? INT_MAX / 2 : depth < 0 ? -1 : static_cast<int>(depth);
  options.compact = compact < 0 || compact > 1e6 ? 3 : static_cast<int>(compact);
  options.sorted = rt.ToBoolean(args.get(3));
  options.max_array_length = max_array_length < 0 ? 0 : max_array_length > 1e15 ? INT64_MAX / 2
                                                                             : static_cast<int64_t>(max_array_length);
  options.custom_inspect = rt.ToBoolean(args.get(5));
  if (IsJSObject(args.get(6))) options.user_options = args.at(6);
  std::string text = rt.Inspect(args.at(0), options);
  if (rt.has_exception()) return Value();
  return rt.NewString(text);
}

TENURE_NATIVE(UtilFormat) {
  std::string line;
  if (!FormatLogArguments(rt, args, &line)) return Value();
  return rt.NewString(line);
}

// The runtime's kind of an object ("Map", "Set", "WeakMap", "WeakSet", "Promise", "ArrayBuffer",
// "TypedArray", "DataView", "Error", "Boxed", "Generator", "WeakRef", ...), "" for other values.
TENURE_NATIVE(UtilKind) {
  Value v = args.get(0);
  if (!IsJSObject(v)) return rt.NewString("");
  switch (KindOf(v.ToObject())) {
    case Kind::kMap: return rt.NewString("Map");
    case Kind::kSet: return rt.NewString("Set");
    case Kind::kWeakMap: return rt.NewString("WeakMap");
    case Kind::kWeakSet: return rt.NewString("WeakSet");
    case Kind::kWeakRef: return rt.NewString("WeakRef");
    case Kind::kPromise: return rt.NewString("Promise");
    case Kind::kArrayBuffer: return rt.NewString("ArrayBuffer");
    case Kind::kBuffer:
    case Kind::kTypedArray: return rt.NewString("TypedArray");
    case Kind::kDataView: return rt.NewString("DataView");
    case Kind::kError: return rt.NewString("Error");
    case Kind::kBoxed: return rt.NewString(PrimitiveWrapperValue(v).IsEmpty() ? "Arguments" : "Boxed");
    case Kind::kGenerator: return rt.NewString("Generator");
    default: return rt.NewString("");
  }
}

// node's type name of a function's kind (object_names.h): "AsyncFunction", "GeneratorFunction",
// "AsyncGeneratorFunction", "Function" (natives too); "" for a non-callable.
TENURE_NATIVE(UtilFunctionKind) {
  return rt.NewString(FunctionKindTypeName(FunctionKindOf(rt, args.get(0))));
}

}  // namespace

Value NewUtilBinding(Runtime& rt) {
  tenure::HandleScope scope(rt.heap());
  Handle binding = Handle::New(rt.heap(), rt.NewPlainObject());
  rt.DefineNative(binding, "inspect", UtilInspect, 2);
  rt.DefineNative(binding, "format", UtilFormat, 1);
  rt.DefineNative(binding, "kind", UtilKind, 1);
  rt.DefineNative(binding, "functionKind", UtilFunctionKind, 1);
  return binding.value();
}

extern const char kUtilModuleSource[] = R"JS('use strict';
const binding = require('%util');
const internal = require('%internal');

// node's util.inspect options this runtime honours: depth, compact, sorted, maxArrayLength and
// customInspect (defaults from inspect.defaultOptions); the legacy (object, showHidden, depth) form.
function inspect(value, options) {
  const defaults = inspect.defaultOptions;
  let depth = defaults.depth;
  let opts = defaults;
  if (typeof options === 'boolean' || (options === undefined && arguments.length > 2)) {
    if (arguments[2] !== undefined) depth = arguments[2];  // legacy (object, showHidden, depth)
  } else if (options !== null && typeof options === 'object') {
    opts = { ...defaults, ...options };
    depth = opts.depth;
  }
  if (depth === null) depth = Infinity;
  const compact = opts.compact === false ? 0 : typeof opts.compact === 'number' ? opts.compact : 3;
  let maxArrayLength = opts.maxArrayLength;
  if (maxArrayLength === null || maxArrayLength === Infinity) maxArrayLength = 1e16;
  if (typeof maxArrayLength !== 'number' || maxArrayLength !== maxArrayLength) maxArrayLength = 100;
  return binding.inspect(value, typeof depth === 'number' && depth === depth ? depth : 2, compact,
                         opts.sorted === true, maxArrayLength, opts.customInspect !== false,
                         opts === defaults ? undefined : options);
}
inspect.custom = Symbol.for('nodejs.util.inspect.custom');
inspect.defaultOptions = { showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false,
  maxArrayLength: 100, maxStringLength: 10000, breakLength: 80, compact: 3, sorted: false, getters: false,
  numericSeparator: false };

function format(...args) { return binding.format(...args); }
function formatWithOptions(options, ...args) { return binding.format(...args); }

const kind = (value, name) => binding.kind(value) === name;
function isDate(value) {
  if (value === null || typeof value !== 'object') return false;
  try { Date.prototype.getTime.call(value); return true; } catch { return false; }
}
function isRegExp(value) {
  if (value === null || typeof value !== 'object') return false;
  try { Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get.call(value); return value !== RegExp.prototype; }
  catch { return false; }
}
const types = {
  isDate, isRegExp,
  isMap: (v) => kind(v, 'Map'), isSet: (v) => kind(v, 'Set'), isWeakMap: (v) => kind(v, 'WeakMap'),
  isWeakSet: (v) => kind(v, 'WeakSet'), isPromise: (v) => kind(v, 'Promise'), isArrayBuffer: (v) => kind(v, 'ArrayBuffer'),
  isAnyArrayBuffer: (v) => kind(v, 'ArrayBuffer'), isTypedArray: (v) => kind(v, 'TypedArray'),
  isUint8Array: (v) => kind(v, 'TypedArray') && v[Symbol.toStringTag] === 'Uint8Array',
  isDataView: (v) => kind(v, 'DataView'), isArrayBufferView: (v) => kind(v, 'TypedArray') || kind(v, 'DataView'),
  isNativeError: (v) => kind(v, 'Error'), isBoxedPrimitive: (v) => kind(v, 'Boxed'),
  isNumberObject: (v) => kind(v, 'Boxed') && typeof v.valueOf() === 'number',
  isStringObject: (v) => kind(v, 'Boxed') && typeof v.valueOf() === 'string',
  isBooleanObject: (v) => kind(v, 'Boxed') && typeof v.valueOf() === 'boolean',
  isSymbolObject: (v) => kind(v, 'Boxed') && typeof v.valueOf() === 'symbol',
  isGeneratorObject: (v) => kind(v, 'Generator') && binding.functionKind(v.constructor) !== 'AsyncFunction',
  isAsyncFunction: (v) => binding.functionKind(v).startsWith('Async'),
  isGeneratorFunction: (v) => binding.functionKind(v).endsWith('GeneratorFunction'),
  isWeakRef: (v) => kind(v, 'WeakRef'),
};

// assert.deepStrictEqual's comparison ('%comparisons', builtins_assert.cc), loaded on first use:
// that module requires util itself.
function isDeepStrictEqual(a, b) { return require('%comparisons').isDeepStrictEqual(a, b); }

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
function promisify(original) {
  if (typeof original !== 'function') throw internal.invalidArgTypeError('original', 'of type function', original);
  if (typeof original[kCustomPromisify] === 'function') return original[kCustomPromisify];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      original.call(this, ...args, (err, value) => (err ? reject(err) : resolve(value)));
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = kCustomPromisify;

function callbackify(original) {
  if (typeof original !== 'function') throw internal.invalidArgTypeError('original', 'of type function', original);
  return function (...args) {
    const callback = args.pop();
    if (typeof callback !== 'function') throw internal.invalidArgTypeError('last argument', 'of type function', callback);
    original.apply(this, args).then((value) => process.nextTick(callback, null, value),
                                    (reason) => process.nextTick(callback, reason));
  };
}

function inherits(ctor, superCtor) {
  if (typeof ctor !== 'function') throw internal.invalidArgTypeError('ctor', 'of type function', ctor);
  if (typeof superCtor !== 'function') throw internal.invalidArgTypeError('superCtor', 'of type function', superCtor);
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function deprecate(fn, message, code) {
  let warned = false;
  function deprecated(...args) {
    if (!warned) {
      warned = true;
      process.emitWarning(message, 'DeprecationWarning', code, deprecated);
    }
    return new.target ? Reflect.construct(fn, args, new.target) : fn.apply(this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

function debuglog(section) {
  const enabled = String(process.env.NODE_DEBUG || '').split(/[\s,]+/).some((s) => s.toUpperCase() === String(section).toUpperCase());
  const log = enabled
    ? (...args) => console.error('%s %d: %s', String(section).toUpperCase(), process.pid, format(...args))
    : () => {};
  log.enabled = enabled;
  return log;
}

module.exports = {
  inspect, format, formatWithOptions, isDeepStrictEqual, types, promisify, callbackify, inherits, deprecate,
  debuglog, debug: debuglog, isArray: Array.isArray, TextEncoder: globalThis.TextEncoder,
  TextDecoder: globalThis.TextDecoder,
};
)JS";

}  // namespace tenure::js
