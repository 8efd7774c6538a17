// Core builtins: roots, globals, Object, Function, Error, console, process, timers, require.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <thread>
#include <utility>

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "builtins.h"
#include "builtins_date.h"
#include "property_attributes.h"
#include "builtins_reflect.h"
#include "object_integrity.h"
#include "builtins_regexp.h"
#include "generators.h"
#include "heap_snapshot.h"
#include "modules.h"

namespace tenure::js {

// ---------------------------------------------------------------------------------------------
// Helpers

void SetDataProperty(Runtime& rt, Handle object, std::string_view key, Value value) {
  tenure::HandleScope scope(rt.heap());
  Handle v = Handle::New(rt.heap(), value);
  Handle k = Handle::New(rt.heap(), rt.Intern(key));
  rt.DefineOwn(object, k, v, 0);
}

Value MakeNumberObject(Runtime& rt, std::initializer_list<std::pair<const char*, double>> fields) {
  tenure::HandleScope scope(rt.heap());
  Handle o = Handle::New(rt.heap(), rt.NewPlainObject());
  for (const auto& [name, value] : fields) SetDataProperty(rt, o, name, rt.NewNumber(value));
  return o.value();
}

void SetHiddenProperty(Runtime& rt, Handle object, std::string_view key, Value value) {
  tenure::HandleScope scope(rt.heap());
  Handle v = Handle::New(rt.heap(), value);
  Handle k = Handle::New(rt.heap(), rt.Intern(key));
  rt.DefineOwn(object, k, v, kShapeHidden);
}

Value InstallConstructor(Runtime& rt, Handle global, std::string_view name, NativeFn fn, int length,
                         Handle prototype) {
  tenure::HandleScope scope(rt.heap());
  Handle ctor = Handle::New(rt.heap(), rt.NewNativeFunction(name, fn, length));
  SetHiddenProperty(rt, ctor, "prototype", prototype.value());
  SetHiddenProperty(rt, prototype, "constructor", ctor.value());
  SetHiddenProperty(rt, global, name, ctor.value());
  return ctor.value();
}

bool ArgNumber(Runtime& rt, Args args, int i, double* out) { return rt.ToNumber(args.at(i), out); }

bool ArgInteger(Runtime& rt, Args args, int i, double* out) {
  if (!rt.ToNumber(args.at(i), out)) return false;
  *out = std::isnan(*out) ? 0 : std::trunc(*out);
  return true;
}

Value ArgString(Runtime& rt, Args args, int i) { return rt.ToString(args.at(i)); }

// ---------------------------------------------------------------------------------------------
// Roots

void Runtime::SetUpRoots() {
  tenure::HandleScope scope(*heap_);
  Shape* empty = heap_->New<Shape>(ShapeType(), sizeof(Shape), tenure::AllocationType::kOld);
  empty->parent = kUndefined;
  empty->key = kUndefined;
  empty->index = Value::FromSmi(0);
  empty->count = Value::FromSmi(0);
  empty->flags = Value::FromSmi(0);
  empty->transitions = kUndefined;
  roots_[kRootEmptyShape] = Value::FromObject(empty);
  Handle null_proto = Handle::New(*heap_, kNull);
  roots_[kRootObjectPrototype] = NewObject(null_proto);
  Handle object_proto = Handle::New(*heap_, roots_[kRootObjectPrototype]);
  for (Root r : {kRootFunctionPrototype, kRootStringPrototype, kRootNumberPrototype,
                 kRootBooleanPrototype, kRootErrorPrototype, kRootMapPrototype, kRootSetPrototype,
                 kRootGlobal, kRootModuleExports}) {
    roots_[r] = NewObject(object_proto);
  }
  roots_[kRootArrayPrototype] = NewObject(object_proto, Kind::kArray);
  roots_[kRootArrayPrototype].As<JSObject>()->elements = NewFixedArray(0);
  Handle error_proto = Handle::New(*heap_, roots_[kRootErrorPrototype]);
  for (Root r : {kRootTypeErrorPrototype, kRootRangeErrorPrototype, kRootReferenceErrorPrototype,
                 kRootSyntaxErrorPrototype, kRootURIErrorPrototype, kRootEvalErrorPrototype}) {
    roots_[r] = NewObject(error_proto);
  }
  roots_[kRootEmptyString] = Intern("");
  roots_[kRootLengthKey] = Intern("length");
  roots_[kRootNameKey] = Intern("name");
  roots_[kRootPrototypeKey] = Intern("prototype");
  roots_[kRootConstructorKey] = Intern("constructor");
  roots_[kRootMessageKey] = Intern("message");
}

static void InstallTimerPrototypes(Runtime& rt);  // "Timers" below

void Runtime::SetUpBuiltins() {
  tenure::HandleScope scope(*heap_);
  Handle global = Handle::New(*heap_, roots_[kRootGlobal]);
  InstallCoreBuiltins(*this, global);
  InstallArrayBuiltins(*this, global);
  InstallStringBuiltins(*this, global);
  InstallJsonBuiltins(*this, global);
  InstallNumberBuiltins(*this, global);
  InstallUriBuiltins(*this, global);
  InstallRegExpBuiltins(*this, global);
  InstallDateBuiltins(*this, global);
  InstallPropertyAttributeBuiltins(*this, global);
  InstallCollectionBuiltins(*this, global);
  InstallSymbolBuiltins(*this, global);
  InstallReflectBuiltins(*this, global);
  InstallWeakBuiltins(*this, global);
  InstallBufferBuiltins(*this, global);
  InstallPromiseBuiltins(*this, global);
  InstallGeneratorBuiltins(*this, global);
  InstallWebBuiltins(*this, global);
  InstallWrapperBuiltins(*this, global);
  InstallToStringTags(*this, global);  // last: tags objects installed above
}

// ---------------------------------------------------------------------------------------------
// Object

// §20.1.1.1 Object(value): the value itself for objects, a wrapper for other primitives
// (builtins_wrappers.cc), a new plain object for null/undefined.
TENURE_NATIVE(ObjectConstructor) {
  Value v = args.get(0);
  if (IsJSObject(v)) return v;
  if (IsNullish(v)) return rt.NewPlainObject();
  return ToObjectValue(rt, args.at(0));
}

TENURE_NATIVE(ObjectKeys) {
  if (IsNullish(args.get(0))) return rt.ThrowTypeError("Cannot convert undefined or null to object");
  return rt.OwnKeys(args.at(0));
}

// values (kind 0) or entries (kind 1) of the own enumerable properties.
static Value ValuesOrEntries(Runtime& rt, Args args, bool entries) {
  if (IsNullish(args.get(0))) return rt.ThrowTypeError("Cannot convert undefined or null to object");
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle keys = Handle::New(heap, rt.OwnKeys(args.at(0)));
  Handle result = Handle::New(heap, rt.NewArray());
  int64_t n = Runtime::ArrayLength(keys.value());
  for (int64_t i = 0; i < n; ++i) {
    Handle k = Handle::New(heap, rt.ArrayGet(keys.value().As<JSObject>(), i));
    Handle v = Handle::New(heap, rt.GetProperty(args.at(0), k));
    if (v.value().IsEmpty()) return Value();
    if (entries) {
      Handle pair = Handle::New(heap, rt.NewArray(2));
      rt.ArrayPush(pair, k);
      rt.ArrayPush(pair, v);
      rt.ArrayPush(result, pair);
    } else {
      rt.ArrayPush(result, v);
    }
  }
  return result.value();
}

TENURE_NATIVE(ObjectValues) { return ValuesOrEntries(rt, args, false); }
TENURE_NATIVE(ObjectEntries) { return ValuesOrEntries(rt, args, true); }

// Object.fromEntries(iterable) (ECMA-262 §20.1.2.7): each entry must be an object; its "0" and
// "1" become a data property of the result. The iterator is closed when an entry is rejected.
TENURE_NATIVE(ObjectFromEntries) {
  tenure::HandleScope scope(rt.heap());
  Handle iter = Handle::New(rt.heap(), kUndefined);
  if (!rt.ForOfPrepare(iter.slot(), args.at(0))) return Value();
  Handle result = Handle::New(rt.heap(), rt.NewPlainObject());
  Handle entry = Handle::New(rt.heap(), kUndefined);
  for (;;) {
    bool done = false;
    if (!rt.IteratorStep(iter, entry.slot(), &done)) return Value();
    if (done) return result.value();
    if (!IsJSObject(entry.value())) {
      std::string shown = IsString(entry.value()) ? rt.ToStdString(entry.value()) : rt.Inspect(entry);
      rt.ThrowTypeError("Iterator value " + shown + " is not an entry object");
      Handle error = Handle::New(rt.heap(), rt.TakeException());
      rt.IteratorClose(iter, /*quiet=*/true);
      rt.Throw(error.value());
      return Value();
    }
    Handle index = Handle::New(rt.heap(), Value::FromSmi(0));
    Handle key = Handle::New(rt.heap(), rt.GetProperty(entry, index));
    if (key.value().IsEmpty()) return Value();
    index.Set(Value::FromSmi(1));
    Handle value = Handle::New(rt.heap(), rt.GetProperty(entry, index));
    if (value.value().IsEmpty()) return Value();
    key.Set(rt.ToPropertyKey(key));
    if (key.value().IsEmpty()) return Value();
    if (key.value().IsSmi()) key.Set(rt.Intern(std::to_string(key.value().ToSmi())));
    if (!rt.DefineOwn(result, key, value)) return Value();
  }
}

TENURE_NATIVE(ObjectAssign) {
  if (!IsJSObject(args.get(0))) return rt.ThrowTypeError("Cannot convert undefined or null to object");
  for (int i = 1; i < args.count; ++i) {
    if (!rt.CopyDataProperties(args.at(0), args.at(i))) return Value();
  }
  return args.get(0);
}

TENURE_NATIVE(ObjectCreate) {
  Value proto = args.get(0);
  if (!IsJSObject(proto) && proto != kNull) return rt.ThrowTypeError("Object prototype may only be an Object or null: " + rt.ToStdString(proto));
  if (args.get(1) == kUndefined) return rt.NewObject(args.at(0));
  tenure::HandleScope scope(rt.heap());
  Handle object = Handle::New(rt.heap(), rt.NewObject(args.at(0)));
  if (!DefinePropertiesFrom(rt, object, args.at(1))) return Value();
  return object.value();
}

TENURE_NATIVE(ObjectGetPrototypeOf) {
  Value o = args.get(0);
  if (IsJSObject(o)) return o.As<JSObject>()->proto;
  if (IsString(o)) return rt.root(kRootStringPrototype);
  if (IsNumber(o)) return rt.root(kRootNumberPrototype);
  return rt.ThrowTypeError("Cannot convert undefined or null to object");
}

TENURE_NATIVE(ObjectSetPrototypeOf) {
  Value o = args.get(0);
  Value proto = args.get(1);
  if (IsJSObject(o) && (IsJSObject(proto) || proto == kNull)) {
    switch (SetPrototypeChecked(args.at(0), args.at(1))) {
      case SetPrototypeResult::kDone: break;
      case SetPrototypeResult::kNotExtensible: return rt.ThrowTypeError(ReceiverTextForErrors(rt, args.at(0)) + " is not extensible");
      case SetPrototypeResult::kCycle: return rt.ThrowTypeError("Cyclic __proto__ value");
    }
  }
  return args.get(0);
}


TENURE_NATIVE(ObjectDefineProperty) {
  if (!IsJSObject(args.get(0))) return rt.ThrowTypeError("Object.defineProperty called on non-object");
  if (!IsJSObject(args.get(2))) return rt.ThrowTypeError("Property description must be an object");
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle key = Handle::New(heap, rt.ToPropertyKey(args.at(1)));
  if (key.value().IsEmpty()) return Value();
  if (key.value().IsSmi()) key.Set(rt.Intern(std::to_string(key.value().ToSmi())));
  auto field = [&](const char* name) {
    Handle k = Handle::New(heap, rt.Intern(name));
    return Handle::New(heap, rt.GetNamed(args.at(2), k));
  };
  Handle get = field("get"), set = field("set"), value = field("value"), enumerable = field("enumerable");
  bool is_enumerable = Runtime::ToBoolean(enumerable.value());
  if (get.value() != kUndefined || set.value() != kUndefined) {
    rt.DefineAccessor(args.at(0), key, get, set, is_enumerable);
  } else {
    rt.DefineOwn(args.at(0), key, value, is_enumerable ? 0 : kShapeHidden);
  }
  return args.get(0);
}

TENURE_NATIVE(ObjectProtoHasOwnProperty) {
  Value o = self.value();
  if (!IsJSObject(o)) return kFalse;
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), rt.ToPropertyKey(args.at(0)));
  if (key.value().IsEmpty()) return Value();
  if (key.value().IsSmi()) {
    if (IsKind(o, Kind::kArray)) return FromBool(Runtime::HasOwnElement(o.As<JSObject>(), key.value().ToSmi()));
    key.Set(rt.Intern(std::to_string(key.value().ToSmi())));
  }
  if (IsKind(o, Kind::kArray) && key.value() == rt.root(kRootLengthKey)) return kTrue;
  return FromBool(Runtime::FindOwn(self.value().As<JSObject>(), key.value()) >= 0);
}

// Object.hasOwn(object, key) (§20.1.2.13): ToObject, then hasOwnProperty.
TENURE_NATIVE(ObjectHasOwn) {
  if (IsNullish(args.get(0))) return rt.ThrowTypeError("Cannot convert undefined or null to object");
  Args rest{args.count > 1 ? args.base + 1 : nullptr, args.count > 1 ? args.count - 1 : 0};
  return ObjectProtoHasOwnProperty(rt, args.at(0), rest);
}

// Object.is: SameValue (§7.2.10) — NaN is itself, +0 and -0 differ.
TENURE_NATIVE(ObjectIs) {
  Value a = args.get(0), b = args.get(1);
  if (IsNumber(a) && IsNumber(b) && NumberValue(a) == 0 && NumberValue(b) == 0) {
    return FromBool(std::signbit(NumberValue(a)) == std::signbit(NumberValue(b)));
  }
  return FromBool(Runtime::SameValueZero(a, b));
}

// ECMA-262 §20.1.3.6 Object.prototype.toString: "[object " + (a string [Symbol.toStringTag]
// found from the receiver, else the built-in tag) + "]".
TENURE_NATIVE(ObjectProtoToString) {
  Value o = self.value();
  if (o == kNull) return rt.NewString("[object Null]");
  if (o == kUndefined) return rt.NewString("[object Undefined]");
  const char* builtin = "Object";
  if (IsKind(o, Kind::kArray)) builtin = "Array";
  else if (IsKind(o, Kind::kFunction)) builtin = "Function";
  else if (IsKind(o, Kind::kError)) builtin = "Error";
  else if (IsDate(rt, o)) builtin = "Date";
  else if (IsRegExp(rt, o)) builtin = "RegExp";
  else if (IsString(o)) builtin = "String";
  else if (IsNumber(o)) builtin = "Number";
  else if (o == kTrue || o == kFalse) builtin = "Boolean";
  else if (IsKind(o, Kind::kBoxed)) {
    Value inner = o.As<JSObject>()->internal[0];
    builtin = IsString(inner) ? "String" : IsNumber(inner) ? "Number" : inner == kTrue || inner == kFalse ? "Boolean" : "Object";
  }
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), rt.root(kRootToStringTagSymbol));
  Value tag = rt.GetProperty(self, key);
  if (tag.IsEmpty()) return Value();
  if (IsString(tag)) return rt.NewString("[object " + rt.ToStdString(tag) + "]");
  return rt.NewString(std::string("[object ") + builtin + "]");
}

TENURE_NATIVE(ObjectProtoValueOf) { return self.value(); }

TENURE_NATIVE(ObjectProtoIsPrototypeOf) {
  Value v = args.get(0);
  if (!IsJSObject(v)) return kFalse;
  for (Value cur = v.As<JSObject>()->proto; IsJSObject(cur); cur = cur.As<JSObject>()->proto) {
    if (cur == self.value()) return kTrue;
  }
  return kFalse;
}

// ---------------------------------------------------------------------------------------------
// Function

TENURE_NATIVE(FunctionProtoCall) {
  Args rest{args.base + (args.count > 0 ? 1 : 0), args.count > 0 ? args.count - 1 : 0};
  return rt.Call(self, args.at(0), rest.base, rest.count);
}

TENURE_NATIVE(FunctionProtoApply) {
  tenure::HandleScope scope(rt.heap());
  Value list = args.get(1);
  if (IsNullish(list)) return rt.Call(self, args.at(0), nullptr, 0);
  if (!IsKind(list, Kind::kArray)) return rt.ThrowTypeError("CreateListFromArrayLike called on non-object");
  int64_t n = Runtime::ArrayLength(list);
  std::vector<Value> copy(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) copy[i] = rt.ArrayGet(list.As<JSObject>(), i);
  return rt.Call(self, args.at(0), copy.data(), static_cast<int>(n));  // copied before any GC
}

// Bound functions: a native function with internal[0] = target and internal[2] = an array
// [bound this, bound args...] (internal[1] is the native function id).
TENURE_NATIVE(BoundFunctionCall) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  JSObject* bound = rt.current_callee().As<JSObject>();
  Handle target = Handle::New(heap, bound->internal[0]);
  Value bound_args = bound->internal[2];
  Handle bound_this = Handle::New(heap, rt.ArrayGet(bound_args.As<JSObject>(), 0));
  std::vector<Value> all;
  for (int64_t i = 1; i < Runtime::ArrayLength(bound_args); ++i) all.push_back(rt.ArrayGet(bound_args.As<JSObject>(), i));
  for (int i = 0; i < args.count; ++i) all.push_back(args.get(i));
  // `all` is read before any allocation: Call/Construct copy it onto the stack first.
  if (rt.IsCallable(rt.current_new_target())) {
    return rt.Construct(target, all.data(), static_cast<int>(all.size()), target);
  }
  return rt.Call(target, bound_this, all.data(), static_cast<int>(all.size()));
}

TENURE_NATIVE(FunctionProtoBind) {
  if (!rt.IsCallable(self.value())) return rt.ThrowTypeError("Bind must be called on a function");
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle bound_args = Handle::New(heap, rt.NewArray());
  for (int i = 0; i < args.count || i == 0; ++i) rt.ArrayPush(bound_args, args.at(i));
  Handle bound = Handle::New(heap, rt.NewNativeFunction("bound " + rt.FunctionName(self.value()),
                                                         BoundFunctionCall, 0));
  JSObject* b = bound.value().As<JSObject>();
  tenure::Store(b, &b->internal[0], self.value());
  tenure::Store(b, &b->internal[2], bound_args.value());
  return bound.value();
}

// ECMA-262 §20.2.3.5: a user function's exact source text (FunctionInfo::source_start/end, the
// whole class for a class constructor); NativeFunction syntax with the name for builtins.
TENURE_NATIVE(FunctionProtoToString) {
  if (!rt.IsCallable(self.value())) {
    return rt.ThrowTypeError("Function.prototype.toString requires that 'this' be a Function");
  }
  int64_t id = self.value().As<JSObject>()->internal[1].ToSmi();
  if (id >= 0) {
    const FunctionInfo& info = *rt.functions()[id];
    if (info.source != nullptr && info.source_end > info.source_start &&
        info.source_end <= info.source->text().size()) {
      return rt.NewString(info.source->text().substr(info.source_start, info.source_end - info.source_start));
    }
  }
  std::string name = rt.FunctionName(self.value());
  bool bound = name.rfind("bound ", 0) == 0 && rt.IsCallable(self.value().As<JSObject>()->internal[0]);
  return rt.NewString("function " + (bound ? std::string() : name) + "() { [native code] }");  // V8: bound unnamed
}

// ---------------------------------------------------------------------------------------------
// Errors

bool InstallErrorCause(Runtime& rt, Handle error, Handle options) {
  if (!IsJSObject(options.value())) return true;
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), rt.Intern("cause"));
  Value has = rt.HasProperty(options, key);
  if (has.IsEmpty()) return false;
  if (has != kTrue) return true;
  Handle cause = Handle::New(rt.heap(), rt.GetProperty(options, key));
  if (cause.value().IsEmpty()) return false;
  rt.DefineOwn(error, key, cause, kShapeHidden);
  return true;
}

static Value MakeError(Runtime& rt, ErrorType type, Args args) {
  tenure::HandleScope scope(rt.heap());
  std::string message;
  if (args.get(0) != kUndefined) {
    Value m = rt.ToString(args.at(0));
    if (m.IsEmpty()) return Value();
    message = rt.ToStdString(m);
  }
  // `class E extends Error`: like V8, the stack starts below E's constructor (new.target).
  int skip = rt.FramesThroughConstructor(rt.current_new_target());
  Handle error = Handle::New(rt.heap(), rt.NewError(type, message, skip));
  if (args.get(0) == kUndefined) {
    Handle key = Handle::New(rt.heap(), rt.root(kRootMessageKey));
    rt.DeleteProperty(error, key);
  }
  // Subclasses (`class E extends Error`) construct with new.target = E.
  Value nt = rt.current_new_target();
  if (rt.IsCallable(nt)) {
    Handle ntk = Handle::New(rt.heap(), nt);
    Handle key = Handle::New(rt.heap(), rt.root(kRootPrototypeKey));
    Value proto = rt.GetNamed(ntk, key);
    if (IsJSObject(proto)) {
      JSObject* e = error.value().As<JSObject>();
      tenure::Store(e, &e->proto, proto);
    }
  }
  if (!InstallErrorCause(rt, error, args.at(1))) return Value();
  return error.value();
}

TENURE_NATIVE(ErrorConstructor) { return MakeError(rt, ErrorType::kError, args); }
TENURE_NATIVE(TypeErrorConstructor) { return MakeError(rt, ErrorType::kTypeError, args); }
TENURE_NATIVE(RangeErrorConstructor) { return MakeError(rt, ErrorType::kRangeError, args); }
TENURE_NATIVE(ReferenceErrorConstructor) { return MakeError(rt, ErrorType::kReferenceError, args); }
TENURE_NATIVE(SyntaxErrorConstructor) { return MakeError(rt, ErrorType::kSyntaxError, args); }
TENURE_NATIVE(URIErrorConstructor) { return MakeError(rt, ErrorType::kURIError, args); }
TENURE_NATIVE(EvalErrorConstructor) { return MakeError(rt, ErrorType::kEvalError, args); }

TENURE_NATIVE(ErrorProtoToString);

// Error.captureStackTrace(target, constructorOpt): a non-enumerable `stack` on `target`, headed by
// target's Error.prototype.toString() like V8. Frames up to and including the innermost call of
// constructorOpt (the frame's closure is that function) are left out; none when it is not running.
TENURE_NATIVE(ErrorCaptureStackTrace) {
  if (!IsJSObject(args.get(0))) return rt.ThrowTypeError("invalid_argument");
  tenure::HandleScope scope(rt.heap());
  Handle target = args.at(0);
  Value header = ErrorToString(rt, target);
  if (header.IsEmpty()) return Value();
  Handle header_h = Handle::New(rt.heap(), header);
  int skip = 0;
  if (IsKind(args.get(1), Kind::kFunction)) {
    const auto& frames = rt.frames();
    for (size_t i = frames.size(); i > 0; --i) {
      if (rt.stack()[frames[i - 1].base + kRegClosure] == args.get(1)) {
        skip = static_cast<int>(frames.size() - i + 1);
        break;
      }
    }
  }
  std::string stack = rt.ToStdString(header_h.value()) + rt.CaptureStackTrace(skip, std::max(rt.StackTraceLimit(), 0));
  Handle value = Handle::New(rt.heap(), rt.NewString(stack));
  Handle key = Handle::New(rt.heap(), rt.Intern("stack"));
  rt.DefineOwn(target, key, value, kShapeHidden);
  return kUndefined;
}

TENURE_NATIVE(ErrorProtoToString) { return ErrorToString(rt, self); }

Value NewNodeError(Runtime& rt, ErrorType type, std::string_view code, std::string_view message) {
  tenure::HandleScope scope(rt.heap());
  Handle error = Handle::New(rt.heap(), rt.NewError(type, message));
  SetDataProperty(rt, error, "code", rt.NewString(code));
  Handle key = Handle::New(rt.heap(), rt.Intern("stack"));
  std::string stack = rt.ToStdString(rt.GetNamed(error, key));
  size_t name_end = std::min(stack.find(':'), stack.find('\n'));
  stack.insert(std::min(name_end, stack.size()), " [" + std::string(code) + "]");
  Handle value = Handle::New(rt.heap(), rt.NewString(stack));
  rt.DefineOwn(error, key, value, kShapeHidden);
  JSObject* e = error.value().As<JSObject>();
  e->internal[0] = kUndefined;  // a header of its own: RefreshErrorStackHeader leaves it alone
  return error.value();
}

Value ErrorToString(Runtime& rt, Handle self) {
  tenure::HandleScope scope(rt.heap());
  Handle nk = Handle::New(rt.heap(), rt.root(kRootNameKey));
  Handle mk = Handle::New(rt.heap(), rt.root(kRootMessageKey));
  Handle name = Handle::New(rt.heap(), rt.GetNamed(self, nk));
  if (name.value().IsEmpty()) return Value();
  Handle msg = Handle::New(rt.heap(), rt.GetNamed(self, mk));
  if (msg.value().IsEmpty()) return Value();
  std::string n = name.value() == kUndefined ? "Error" : rt.ToStdString(name.value());
  std::string m = msg.value() == kUndefined ? "" : rt.ToStdString(msg.value());
  if (m.empty()) return rt.NewString(n);
  if (n.empty()) return rt.NewString(m);
  return rt.NewString(n + ": " + m);
}

// ---------------------------------------------------------------------------------------------
// Globals

TENURE_NATIVE(GlobalParseInt) {
  Value s = ArgString(rt, args, 0);
  if (s.IsEmpty()) return Value();
  std::string text = rt.ToStdString(s);
  double radix = 0;
  if (!ArgInteger(rt, args, 1, &radix)) return Value();
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  int base = static_cast<int>(radix);
  if ((base == 0 || base == 16) && i + 1 < text.size() && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
    base = 16;
    i += 2;
  }
  if (base == 0) base = 10;
  if (base < 2 || base > 36) return rt.NewNumber(NAN);
  double v = 0;
  size_t start = i;
  for (; i < text.size(); ++i) {
    int c = std::tolower(static_cast<unsigned char>(text[i]));
    int d = std::isdigit(c) ? c - '0' : std::isalpha(c) ? c - 'a' + 10 : 99;
    if (d >= base) break;
    v = v * base + d;
  }
  if (i == start) return rt.NewNumber(NAN);
  return rt.NewNumber(negative ? -v : v);
}

TENURE_NATIVE(GlobalParseFloat) {
  Value s = ArgString(rt, args, 0);
  if (s.IsEmpty()) return Value();
  std::string text = rt.ToStdString(s);
  const char* p = text.c_str();
  while (std::isspace(static_cast<unsigned char>(*p))) ++p;
  if (std::strncmp(p, "Infinity", 8) == 0 || std::strncmp(p, "+Infinity", 9) == 0) return rt.NewNumber(INFINITY);
  if (std::strncmp(p, "-Infinity", 9) == 0) return rt.NewNumber(-INFINITY);
  char* end = nullptr;
  if (*p == 'i' || *p == 'I' || *p == 'n' || *p == 'N') return rt.NewNumber(NAN);  // strtod accepts inf/nan
  double v = std::strtod(p, &end);
  if (end == p) return rt.NewNumber(NAN);
  return rt.NewNumber(v);
}

TENURE_NATIVE(GlobalIsNaN) {
  double d;
  if (!ArgNumber(rt, args, 0, &d)) return Value();
  return FromBool(std::isnan(d));
}

TENURE_NATIVE(GlobalIsFinite) {
  double d;
  if (!ArgNumber(rt, args, 0, &d)) return Value();
  return FromBool(std::isfinite(d));
}

TENURE_NATIVE(BooleanConstructor) {
  Value b = FromBool(Runtime::ToBoolean(args.get(0)));
  if (!rt.IsCallable(rt.current_new_target())) return b;
  tenure::HandleScope scope(rt.heap());
  return ConstructPrimitiveWrapper(rt, Handle::New(rt.heap(), b));  // `new Boolean(x)`
}

TENURE_NATIVE(GlobalGc) {
  rt.heap().CollectGarbage(tenure::GCType::kMarkCompact, tenure::GCReason::kTesting);
  return kUndefined;
}

// ---------------------------------------------------------------------------------------------
// console

bool FormatLogArguments(Runtime& rt, Args args, std::string* result) {
  std::string& line = *result;
  int first_arg = 0;
  if (args.count > 0 && IsString(args.get(0))) {
    // printf-style directives in the first argument (node util.format).
    std::string fmt = rt.ToStdString(args.get(0));
    int next = 1;
    for (size_t i = 0; i < fmt.size(); ++i) {
      if (fmt[i] == '%' && i + 1 < fmt.size()) {
        char c = fmt[i + 1];
        if (c == '%') { line += '%'; ++i; continue; }
        if ((c == 's' || c == 'd' || c == 'i' || c == 'f' || c == 'o' || c == 'O' || c == 'j') && next < args.count) {
          Handle a = args.at(next++);
          if (c == 's') line += IsString(a.value()) ? rt.ToStdString(a.value()) : rt.Inspect(a, 1);
          else if (c == 'd' || c == 'i' || c == 'f') {
            double d;
            if (!rt.ToNumber(a, &d)) return false;
            if (c == 'i') d = std::trunc(d);
            line += Runtime::NumberToString(d);
          } else line += rt.Inspect(a, c == 'o' ? 4 : 2);
          ++i;
          continue;
        }
      }
      line += fmt[i];
    }
    first_arg = next;
  } else if (args.count > 0) {
    line += rt.DisplayString(args.at(0));
    first_arg = 1;
  }
  for (int i = first_arg; i < args.count; ++i) {
    line += ' ';
    line += rt.DisplayString(args.at(i));
  }
  return !rt.has_exception();
}

static Value ConsolePrint(Runtime& rt, Args args, FILE* out) {
  std::string line;
  if (!FormatLogArguments(rt, args, &line)) return Value();
  line = ReplaceLoneSurrogates(line);  // node writes a lone surrogate as U+FFFD
  line += '\n';
  if (out == stderr) std::fflush(stdout);
  std::fwrite(line.data(), 1, line.size(), out);
  return kUndefined;
}

TENURE_NATIVE(ConsoleLog) { return ConsolePrint(rt, args, stdout); }
TENURE_NATIVE(ConsoleError) { return ConsolePrint(rt, args, stderr); }

// ---------------------------------------------------------------------------------------------
// process, timers

// process.memoryUsage.rss(): the resident set size only.
TENURE_NATIVE(ProcessMemoryUsageRss) { return rt.NewNumber(static_cast<double>(rt.heap().GetMemoryUsage().rss)); }

TENURE_NATIVE(ProcessMemoryUsage) {
  tenure::MemoryUsage u = rt.heap().GetMemoryUsage();
  return MakeNumberObject(rt, {{"rss", static_cast<double>(u.rss)},
                              {"heapTotal", static_cast<double>(u.heap_total)},
                              {"heapUsed", static_cast<double>(u.heap_used)},
                              {"external", static_cast<double>(u.external)},
                              {"arrayBuffers", static_cast<double>(BufferBytesInUse(rt))}});
}

static double Microseconds(const timeval& t) { return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_usec); }

// prevValue.<name> of process.cpuUsage(prevValue), checked as node does: a number in
// [0, 2^53 - 1], else ERR_INVALID_ARG_TYPE when prevValue is no plain object or the field no
// number, ERR_INVALID_ARG_VALUE (a RangeError) otherwise. False: thrown.
static bool CpuUsageField(Runtime& rt, Handle prev, const char* name, double* out) {
  tenure::HandleScope scope(rt.heap());
  bool object = IsJSObject(prev.value()) && !rt.IsCallable(prev.value()) && !IsKind(prev.value(), Kind::kArray);
  Handle value = Handle::New(rt.heap(), kUndefined);
  if (IsJSObject(prev.value())) {
    Handle key = Handle::New(rt.heap(), rt.Intern(name));
    value = Handle::New(rt.heap(), rt.GetNamed(prev, key));
    if (value.value().IsEmpty()) return false;
  }
  *out = IsNumber(value.value()) ? NumberValue(value.value()) : -1;
  if (*out >= 0 && *out <= 9007199254740991.0) return true;
  std::string property = std::string("prevValue.") + name;
  if (!object) {
    rt.Throw(NewNodeError(rt, ErrorType::kTypeError, "ERR_INVALID_ARG_TYPE",
                          "The \"prevValue\" argument must be of type object. " + DescribeReceivedValue(rt, prev)));
  } else if (!IsNumber(value.value())) {
    rt.Throw(NewNodeError(rt, ErrorType::kTypeError, "ERR_INVALID_ARG_TYPE",
                          "The \"" + property + "\" property must be of type number. " + DescribeReceivedValue(rt, value)));
  } else {
    rt.Throw(NewNodeError(rt, ErrorType::kRangeError, "ERR_INVALID_ARG_VALUE",
                          "The property '" + property + "' is invalid. Received " + rt.Inspect(value)));
  }
  return false;
}

// process.cpuUsage([prevValue]): { user, system } CPU time in microseconds (getrusage, as libuv
// reads it), or the difference from an earlier result (a falsy prevValue counts as none).
TENURE_NATIVE(ProcessCpuUsage) {
  rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  double user = Microseconds(usage.ru_utime), system = Microseconds(usage.ru_stime);
  if (Runtime::ToBoolean(args.get(0))) {
    double prev_user = 0, prev_system = 0;
    if (!CpuUsageField(rt, args.at(0), "user", &prev_user)) return Value();
    if (!CpuUsageField(rt, args.at(0), "system", &prev_system)) return Value();
    user -= prev_user;
    system -= prev_system;
  }
  return MakeNumberObject(rt, {{"user", user}, {"system", system}});
}

// process.resourceUsage(): getrusage(RUSAGE_SELF) with node's field names (CPU times in
// microseconds, maxRSS in kilobytes).
TENURE_NATIVE(ProcessResourceUsage) {
  rusage u {};
  getrusage(RUSAGE_SELF, &u);
  auto n = [](long v) { return static_cast<double>(v); };
  return MakeNumberObject(rt, {{"userCPUTime", Microseconds(u.ru_utime)}, {"systemCPUTime", Microseconds(u.ru_stime)},
      {"maxRSS", n(u.ru_maxrss)}, {"sharedMemorySize", n(u.ru_ixrss)}, {"unsharedDataSize", n(u.ru_idrss)},
      {"unsharedStackSize", n(u.ru_isrss)}, {"minorPageFault", n(u.ru_minflt)}, {"majorPageFault", n(u.ru_majflt)},
      {"swappedOut", n(u.ru_nswap)}, {"fsRead", n(u.ru_inblock)}, {"fsWrite", n(u.ru_oublock)},
      {"ipcSent", n(u.ru_msgsnd)}, {"ipcReceived", n(u.ru_msgrcv)}, {"signalsCount", n(u.ru_nsignals)},
      {"voluntaryContextSwitches", n(u.ru_nvcsw)}, {"involuntaryContextSwitches", n(u.ru_nivcsw)}});
}

// process.exit([code]): `code` (when given) becomes process.exitCode, 'exit' listeners run
// (unless the program is already exiting), and the process ends with process.exitCode or 0.
TENURE_NATIVE(ProcessExit) {
  double code = 0;
  bool has_code = args.get(0) != kUndefined;
  if (has_code && !ArgInteger(rt, args, 0, &code)) return Value();
  if (rt.sandboxed()) return rt.ThrowError(ErrorType::kError, "process.exit is disabled (sandboxed)");
  int status = 0;
  if (!FinishProcess(rt, {.code = static_cast<int>(code), .set_exit_code = has_code}, &status)) return Value();
  std::fflush(stdout);
  std::fflush(stderr);
  std::exit(status);
}

TENURE_NATIVE(ProcessUptime) {
  return rt.NewNumber((rt.NowMs() - rt.clock_origin_ms()) / 1000.0);
}

// process.env: the environment's variables as own string properties, in `environ` order. node's
// process.env is an exotic object that also turns assigned values into strings; this one is a
// plain object, so `process.env.X = 1` stores the number.
// process.execPath: the running executable's absolute path, as node reports its own.
static std::string ExecPath() {
  char path[4096];
  ssize_t n = readlink("/proc/self/exe", path, sizeof path);
  return n > 0 && static_cast<size_t>(n) < sizeof path ? std::string(path, static_cast<size_t>(n)) : "tenure";
}

static Value NewProcessEnv(Runtime& rt) {
  tenure::HandleScope scope(rt.heap());
  Handle env = Handle::New(rt.heap(), rt.NewPlainObject());
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const char* eq = std::strchr(*entry, '=');
    if (eq == nullptr || eq == *entry) continue;
    Handle value = Handle::New(rt.heap(), rt.NewString(eq + 1));
    SetDataProperty(rt, env, std::string_view(*entry, static_cast<size_t>(eq - *entry)), value.value());
  }
  return env.value();
}

TENURE_NATIVE(ProcessCwd) {
  char buffer[4096];
  if (getcwd(buffer, sizeof(buffer)) == nullptr) return rt.ThrowError(ErrorType::kError, "process.cwd failed");
  return rt.NewString(buffer);
}

// process.hrtime([previous]): [seconds, nanoseconds] of a monotonic clock, or the time elapsed
// since `previous` (an array of two numbers, node's ERR_INVALID_ARG_TYPE / ERR_OUT_OF_RANGE else).
TENURE_NATIVE(ProcessHrtime) {
  timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  double seconds = static_cast<double>(now.tv_sec), nanos = static_cast<double>(now.tv_nsec);
  Value prev = args.get(0);
  if (prev != kUndefined) {
    const char* code = nullptr;
    std::string message;
    if (!IsKind(prev, Kind::kArray)) {
      code = "ERR_INVALID_ARG_TYPE";
      message = "The \"time\" argument must be an instance of Array. ";
      message += DescribeReceivedValue(rt, args.at(0));
    } else if (prev.As<JSObject>()->length.ToSmi() != 2) {
      code = "ERR_OUT_OF_RANGE";
      message = "The value of \"time\" is out of range. It must be 2. Received " +
                std::to_string(prev.As<JSObject>()->length.ToSmi());
    }
    if (code != nullptr) {
      tenure::HandleScope scope(rt.heap());
      return rt.Throw(NewNodeError(rt, code[4] == 'I' ? ErrorType::kTypeError : ErrorType::kRangeError, code, message));
    }
    Value prev_seconds = rt.ArrayGet(prev.As<JSObject>(), 0), prev_nanos = rt.ArrayGet(prev.As<JSObject>(), 1);
    seconds -= IsNumber(prev_seconds) ? NumberValue(prev_seconds) : NAN;
    nanos -= IsNumber(prev_nanos) ? NumberValue(prev_nanos) : NAN;
    if (nanos < 0) {
      seconds -= 1;
      nanos += 1e9;
    }
  }
  tenure::HandleScope scope(rt.heap());
  Handle result = Handle::New(rt.heap(), rt.NewArray(2));
  Handle s = Handle::New(rt.heap(), rt.NewNumber(seconds));
  rt.ArrayPush(result, s);
  Handle ns = Handle::New(rt.heap(), rt.NewNumber(nanos));
  rt.ArrayPush(result, ns);
  return result.value();
}

// ---------------------------------------------------------------------------------------------
// Timers: setTimeout / setInterval return a Timeout, setImmediate an Immediate (node's objects:
// ref, unref, hasRef, refresh, close, and a Timeout converts to its numeric id, which the clear
// functions also accept). A timer object keeps its id in internal[0], its ref flag in internal[1]
// (hasRef reports the flag, also after the timer ran or was cleared, as node does) and its
// prototype root in internal[2] (the brand, as Date does).

// Timeout.prototype and Immediate.prototype are made by the first timer (InstallTimerPrototypes),
// not at start-up: a script without timers never pays for them, and no object can carry either
// brand before they exist.
static Value NewTimerObject(Runtime& rt, Root proto_root, int64_t id) {
  if (!IsJSObject(rt.root(kRootTimeoutPrototype))) InstallTimerPrototypes(rt);
  tenure::HandleScope scope(rt.heap());
  Handle proto = Handle::New(rt.heap(), rt.root(proto_root));
  Handle timer = Handle::New(rt.heap(), rt.NewObjectWithInternals(proto));
  JSObject* o = timer.value().As<JSObject>();
  o->internal[0] = Value::FromSmi(id);
  o->internal[1] = kTrue;
  tenure::Store(o, &o->internal[2], rt.root(proto_root));
  return timer.value();
}

// The id of a Timeout or an Immediate, or -1 for any other value.
static int64_t TimerObjectId(Runtime& rt, Value v) {
  if (!IsJSObject(rt.root(kRootTimeoutPrototype))) return -1;  // no timer made yet
  if (!IsKind(v, Kind::kObject) || !HasInternalFields(v.As<JSObject>())) return -1;
  JSObject* o = v.As<JSObject>();
  bool timer = o->internal[2] == rt.root(kRootTimeoutPrototype) || o->internal[2] == rt.root(kRootImmediatePrototype);
  return timer ? o->internal[0].ToSmi() : -1;
}

static Value AddTimerNative(Runtime& rt, Args args, bool repeat, bool immediate) {
  if (!rt.IsCallable(args.get(0))) {
    return rt.ThrowTypeError("The \"callback\" argument must be of type function. Received " +
                             rt.Inspect(args.at(0)));
  }
  double delay = 0;
  if (!immediate && args.count > 1 && !ArgNumber(rt, args, 1, &delay)) return Value();
  if (!(delay >= 1) || delay > 2147483647) delay = immediate ? 0 : 1;
  int skip = immediate ? 1 : 2;
  Args extra{args.base + (args.count > skip ? skip : args.count), args.count > skip ? args.count - skip : 0};
  // Like node, the clock is read when the timer is inserted, after its object is made: the first
  // timer's prototypes and any GC the allocation runs must not move its due time (under
  // --gc-interval and --verify-heap that took longer than a short delay).
  tenure::HandleScope scope(rt.heap());
  Handle object = Handle::New(rt.heap(), NewTimerObject(rt, immediate ? kRootImmediatePrototype : kRootTimeoutPrototype, -1));
  int64_t id = rt.AddTimer(args.at(0), delay, repeat, extra);
  object.value().As<JSObject>()->internal[0] = Value::FromSmi(id);
  rt.SetTimerObject(id, object.value());
  return object.value();
}

TENURE_NATIVE(SetTimeout) { return AddTimerNative(rt, args, false, false); }
TENURE_NATIVE(SetInterval) { return AddTimerNative(rt, args, true, false); }
TENURE_NATIVE(SetImmediate) { return AddTimerNative(rt, args, false, true); }

// clearTimeout / clearInterval / clearImmediate: a timer object or a Timeout's numeric id (node
// clears any timer with either); anything else is ignored.
TENURE_NATIVE(ClearTimer) {
  Value v = args.get(0);
  int64_t id = TimerObjectId(rt, v);
  if (id < 0 && IsNumber(v) && NumberValue(v) >= 0 && NumberValue(v) == std::trunc(NumberValue(v))) {
    id = static_cast<int64_t>(NumberValue(v));
  }
  if (id >= 0) rt.ClearTimer(id);
  return kUndefined;
}

// The receiver's timer id, or -1 with a TypeError thrown.
static int64_t ThisTimer(Runtime& rt, Handle self, const char* method) {
  int64_t id = TimerObjectId(rt, self.value());
  if (id < 0) rt.ThrowTypeError(std::string(method) + " called on an object that is not a Timeout or Immediate");
  return id;
}

static Value SetRef(Runtime& rt, Handle self, const char* method, bool ref) {
  int64_t id = ThisTimer(rt, self, method);
  if (id < 0) return Value();
  self.value().As<JSObject>()->internal[1] = FromBool(ref);
  rt.SetTimerRef(id, ref);
  return self.value();
}

TENURE_NATIVE(TimerRef) { return SetRef(rt, self, "ref", true); }
TENURE_NATIVE(TimerUnref) { return SetRef(rt, self, "unref", false); }
TENURE_NATIVE(TimerHasRef) {
  return ThisTimer(rt, self, "hasRef") < 0 ? Value() : self.value().As<JSObject>()->internal[1];
}

TENURE_NATIVE(TimeoutRefresh) {
  int64_t id = ThisTimer(rt, self, "refresh");
  if (id < 0) return Value();
  rt.RefreshTimer(id);
  return self.value();
}

TENURE_NATIVE(TimeoutClose) {
  int64_t id = ThisTimer(rt, self, "close");
  if (id < 0) return Value();
  rt.ClearTimer(id);
  return self.value();
}

TENURE_NATIVE(TimeoutToPrimitive) {
  int64_t id = ThisTimer(rt, self, "[Symbol.toPrimitive]");
  return id < 0 ? Value() : Value::FromSmi(id);
}

// node's Timeout and Immediate are classes: a call without `new` gets V8's class-constructor
// TypeError. With `new`, node builds an object no timer list knows (an Immediate one crashes the
// event loop later); tenure throws instead.
static Value TimerConstructor(Runtime& rt, const char* name) {
  if (!rt.IsCallable(rt.current_new_target())) {
    return rt.ThrowTypeError(std::string("Class constructor ") + name + " cannot be invoked without 'new'");
  }
  return rt.ThrowTypeError("Illegal constructor");
}
TENURE_NATIVE(TimeoutConstructor) { return TimerConstructor(rt, "Timeout"); }
TENURE_NATIVE(ImmediateConstructor) { return TimerConstructor(rt, "Immediate"); }

// Timeout.prototype and Immediate.prototype, each with a (non-global) constructor naming it; made
// on the first timer (NewTimerObject), after SetUpBuiltins has installed Symbol.toPrimitive.
static void InstallTimerPrototypes(Runtime& rt) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  for (Root root : {kRootTimeoutPrototype, kRootImmediatePrototype}) {
    bool timeout = root == kRootTimeoutPrototype;
    Handle proto = Handle::New(heap, rt.NewPlainObject());
    rt.set_root(root, proto.value());
    Handle ctor = Handle::New(heap, timeout ? rt.NewNativeFunction("Timeout", TimeoutConstructor, 0)
                                            : rt.NewNativeFunction("Immediate", ImmediateConstructor, 0));
    SetHiddenProperty(rt, ctor, "prototype", proto.value());
    SetHiddenProperty(rt, proto, "constructor", ctor.value());
    rt.DefineNative(proto, "ref", TimerRef, 0);
    rt.DefineNative(proto, "unref", TimerUnref, 0);
    rt.DefineNative(proto, "hasRef", TimerHasRef, 0);
    if (!timeout) continue;
    rt.DefineNative(proto, "refresh", TimeoutRefresh, 0);
    // close is enumerable in node (assigned to Timeout.prototype, not a class method).
    SetDataProperty(rt, proto, "close", rt.NewNativeFunction("close", TimeoutClose, 0));
    Handle to_primitive = Handle::New(heap, rt.NewNativeFunction("[Symbol.toPrimitive]", TimeoutToPrimitive, 0));
    Handle key = Handle::New(heap, rt.root(kRootToPrimitiveSymbol));
    rt.DefineOwn(proto, key, to_primitive, kShapeHidden);
  }
}

TENURE_NATIVE(PerformanceNow) { return rt.NewNumber(rt.NowMs() - rt.clock_origin_ms()); }

// ---------------------------------------------------------------------------------------------
// Installation

static Value InstallErrorType(Runtime& rt, Handle global, const char* name, NativeFn fn, Root proto_root) {
  tenure::HandleScope scope(rt.heap());
  Handle proto = Handle::New(rt.heap(), rt.root(proto_root));
  SetHiddenProperty(rt, proto, "name", rt.Intern(name));
  SetHiddenProperty(rt, proto, "message", rt.Intern(""));
  return InstallConstructor(rt, global, name, fn, 1, proto);
}

void InstallCoreBuiltins(Runtime& rt, Handle global) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  SetHiddenProperty(rt, global, "globalThis", global.value());
  SetHiddenProperty(rt, global, "global", global.value());
  SetHiddenProperty(rt, global, "undefined", kUndefined);
  SetHiddenProperty(rt, global, "NaN", rt.NewNumber(NAN));
  SetHiddenProperty(rt, global, "Infinity", rt.NewNumber(INFINITY));

  Handle object_proto = Handle::New(heap, rt.root(kRootObjectPrototype));
  Handle object_ctor = Handle::New(heap, InstallConstructor(rt, global, "Object", ObjectConstructor, 1, object_proto));
  rt.DefineNative(object_ctor, "keys", ObjectKeys, 1);
  rt.DefineNative(object_ctor, "values", ObjectValues, 1);
  rt.DefineNative(object_ctor, "entries", ObjectEntries, 1);
  rt.DefineNative(object_ctor, "assign", ObjectAssign, 2);
  rt.DefineNative(object_ctor, "fromEntries", ObjectFromEntries, 1);
  rt.DefineNative(object_ctor, "create", ObjectCreate, 2);
  rt.DefineNative(object_ctor, "getPrototypeOf", ObjectGetPrototypeOf, 1);
  rt.DefineNative(object_ctor, "is", ObjectIs, 2);
  rt.DefineNative(object_ctor, "hasOwn", ObjectHasOwn, 2);
  rt.DefineNative(object_ctor, "setPrototypeOf", ObjectSetPrototypeOf, 2);
  rt.DefineNative(object_ctor, "defineProperty", ObjectDefineProperty, 3);
  rt.DefineNative(object_proto, "hasOwnProperty", ObjectProtoHasOwnProperty, 1);
  rt.DefineNative(object_proto, "toString", ObjectProtoToString, 0);
  rt.DefineNative(object_proto, "valueOf", ObjectProtoValueOf, 0);
  rt.DefineNative(object_proto, "isPrototypeOf", ObjectProtoIsPrototypeOf, 1);

  Handle function_proto = Handle::New(heap, rt.root(kRootFunctionPrototype));
  rt.DefineNative(function_proto, "call", FunctionProtoCall, 1);
  rt.DefineNative(function_proto, "apply", FunctionProtoApply, 2);
  rt.DefineNative(function_proto, "toString", FunctionProtoToString, 0);
  rt.DefineNative(function_proto, "bind", FunctionProtoBind, 1);
  Handle function_ctor = Handle::New(heap, InstallConstructor(rt, global, "Function",
      [](Runtime& r, Handle, Args) -> Value { return r.ThrowTypeError("Function constructor is not supported"); },
      1, function_proto));
  (void)function_ctor;

  Handle error_ctor = Handle::New(heap, InstallErrorType(rt, global, "Error", ErrorConstructor, kRootErrorPrototype));
  rt.DefineNative(error_ctor, "captureStackTrace", ErrorCaptureStackTrace, 2);
  rt.set_root(kRootErrorConstructor, error_ctor.value());
  SetDataProperty(rt, error_ctor, "stackTraceLimit", Value::FromSmi(10));  // enumerable, as in V8
  const struct {
    const char* name;
    NativeFn fn;
    Root prototype;
  } native_errors[] = {
      {"TypeError", TypeErrorConstructor, kRootTypeErrorPrototype},
      {"RangeError", RangeErrorConstructor, kRootRangeErrorPrototype},
      {"ReferenceError", ReferenceErrorConstructor, kRootReferenceErrorPrototype},
      {"SyntaxError", SyntaxErrorConstructor, kRootSyntaxErrorPrototype},
      {"URIError", URIErrorConstructor, kRootURIErrorPrototype},
      {"EvalError", EvalErrorConstructor, kRootEvalErrorPrototype},
  };
  for (const auto& e : native_errors) {
    // ECMA-262 §20.5.6.2: a NativeError constructor's [[Prototype]] is %Error%.
    JSObject* ctor = InstallErrorType(rt, global, e.name, e.fn, e.prototype).As<JSObject>();
    tenure::Store(ctor, &ctor->proto, error_ctor.value());
  }
  Handle error_proto = Handle::New(heap, rt.root(kRootErrorPrototype));
  rt.DefineNative(error_proto, "toString", ErrorProtoToString, 0);

  Handle boolean_proto = Handle::New(heap, rt.root(kRootBooleanPrototype));
  InstallConstructor(rt, global, "Boolean", BooleanConstructor, 1, boolean_proto);

  rt.DefineNative(global, "parseInt", GlobalParseInt, 2);
  rt.DefineNative(global, "parseFloat", GlobalParseFloat, 1);
  rt.DefineNative(global, "isNaN", GlobalIsNaN, 1);
  rt.DefineNative(global, "isFinite", GlobalIsFinite, 1);
  InstallModuleSystem(rt, global);  // require, module, exports: per module (modules.h)
  rt.DefineNative(global, "setTimeout", SetTimeout, 2);
  rt.DefineNative(global, "setInterval", SetInterval, 2);
  rt.DefineNative(global, "setImmediate", SetImmediate, 1);
  rt.DefineNative(global, "clearTimeout", ClearTimer, 1);
  rt.DefineNative(global, "clearInterval", ClearTimer, 1);
  rt.DefineNative(global, "clearImmediate", ClearTimer, 1);
  if (rt.options().expose_gc) rt.DefineNative(global, "gc", GlobalGc, 0);

  Handle console = Handle::New(heap, rt.NewPlainObject());
  rt.DefineNative(console, "log", ConsoleLog, 0);
  rt.DefineNative(console, "info", ConsoleLog, 0);
  rt.DefineNative(console, "debug", ConsoleLog, 0);
  rt.DefineNative(console, "error", ConsoleError, 0);
  rt.DefineNative(console, "warn", ConsoleError, 0);
  rt.DefineNative(console, "trace", ConsoleError, 0);
  SetHiddenProperty(rt, global, "console", console.value());

  Handle process = Handle::New(heap, rt.NewPlainObject());
  rt.DefineNative(process, "memoryUsage", ProcessMemoryUsage, 0);
  {
    tenure::HandleScope rss_scope(heap);
    Handle memory_usage = Handle::New(heap, rt.GetNamed(process, Handle::New(heap, rt.Intern("memoryUsage"))));
    Handle rss = Handle::New(heap, rt.NewNativeFunction("rss", ProcessMemoryUsageRss, 0));
    SetDataProperty(rt, memory_usage, "rss", rss.value());  // node: an own enumerable property
  }
  rt.DefineNative(process, "cpuUsage", ProcessCpuUsage, 1);
  rt.DefineNative(process, "resourceUsage", ProcessResourceUsage, 0);
  rt.DefineNative(process, "exit", ProcessExit, 1);
  rt.DefineNative(process, "uptime", ProcessUptime, 0);
  rt.DefineNative(process, "nextTick", SetImmediate, 1);
  rt.DefineNative(process, "cwd", ProcessCwd, 0);
  rt.DefineNative(process, "hrtime", ProcessHrtime, 1);
  SetDataProperty(rt, process, "pid", Value::FromSmi(getpid()));
  SetDataProperty(rt, process, "ppid", Value::FromSmi(getppid()));
  SetDataProperty(rt, process, "arch", rt.NewString("x64"));
  SetDataProperty(rt, process, "platform", rt.NewString("linux"));
  SetDataProperty(rt, process, "version", rt.NewString("v20.20.2"));
  SetDataProperty(rt, process, "env", NewProcessEnv(rt));
  SetDataProperty(rt, process, "exitCode", kUndefined);
  Handle argv = Handle::New(heap, rt.NewArray());
  Handle exec_path = Handle::New(heap, rt.NewString(ExecPath()));
  rt.ArrayPush(argv, exec_path);
  SetDataProperty(rt, process, "execPath", exec_path.value());
  SetDataProperty(rt, process, "argv", argv.value());
  InstallProcessEvents(rt, process);  // EventEmitter methods, 'exit' (builtins_process_events.cc)
  SetHiddenProperty(rt, global, "process", process.value());

  Handle performance = Handle::New(heap, rt.NewPlainObject());
  rt.DefineNative(performance, "now", PerformanceNow, 0);
  SetHiddenProperty(rt, global, "performance", performance.value());

}

// ---------------------------------------------------------------------------------------------
// Timers and the event loop

int64_t Runtime::AddTimer(Handle callback, double delay_ms, bool repeat, Args extra) {
  Timer t;
  t.id = next_timer_id_++;
  t.callback = callback.value();
  for (int i = 0; i < extra.count; ++i) t.args.push_back(extra.get(i));
  t.due = NowMs() + delay_ms;
  t.interval = repeat ? delay_ms : -1;
  t.delay = delay_ms;
  t.seq = timer_seq_++;
  timers_.push_back(std::move(t));
  return timers_.back().id;
}

Runtime::Timer* Runtime::FindTimer(int64_t id) {
  for (Timer& t : timers_) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

bool Runtime::SetTimerObject(int64_t id, Value object) {
  Timer* t = FindTimer(id);
  if (t) t->object = object;
  return t != nullptr;
}

bool Runtime::SetTimerRef(int64_t id, bool ref) {
  Timer* t = FindTimer(id);
  if (t) t->ref = ref;
  return t != nullptr;
}

bool Runtime::RefreshTimer(int64_t id) {
  Timer* t = FindTimer(id);
  if (!t) return false;
  t->due = NowMs() + t->delay;
  t->seq = timer_seq_++;
  return true;
}

void Runtime::ClearTimer(int64_t id) {
  for (size_t i = 0; i < timers_.size(); ++i) {
    if (timers_[i].id == id) {
      timers_.erase(timers_.begin() + static_cast<long>(i));
      return;
    }
  }
}

// Runs timers in due order until none remain (an uncleared setInterval keeps the loop alive,
// like node). An uncaught exception in a callback stops the loop with the exception pending.
// Only ref'd timers keep the process alive; unref'd ones run while the loop goes on anyway.
template <typename Timers>
static bool HasRefTimer(const Timers& timers) {
  return std::any_of(timers.begin(), timers.end(), [](const auto& t) { return t.ref; });
}

void Runtime::RunEventLoop() {
  bool poll_signals = false;  // node's poll phase: after a timer callback, or woken by a signal
  for (;;) {
    if (!RunMicrotasks()) return;  // nextTick + promise jobs (builtins_promise.cc)
    // Job boundary: WeakRef keep-alives end, FinalizationRegistry callbacks run (builtins_weak.cc).
    if (!RunJobBoundaryTasks(*this)) return;
    if (std::exchange(poll_signals, false)) {  // process.on('SIGINT', ...) (builtins_process_signals.cc)
      int delivered = DeliverProcessSignals(*this);
      if (delivered < 0) return;
      if (delivered > 0) {  // its nextTicks and promise jobs run before the next signal's event
        poll_signals = true;
        continue;
      }
    }
    if (!HasRefTimer(timers_)) {
      // The loop is empty: node emits 'beforeExit'; a listener that schedules a timer keeps the
      // program going (its promise jobs run, but alone they do not).
      if (!EmitProcessEvent(*this, "beforeExit", Value::FromSmi(ProcessExitCode(*this, 0)))) return;
      if (!RunMicrotasks() || !RunJobBoundaryTasks(*this)) return;
      if (!HasRefTimer(timers_)) break;
    }
    snapshot_support_->AtSafePoint();  // --heapsnapshot-signal, near-heap-limit, --heap-timeline
    size_t next = 0;
    for (size_t i = 1; i < timers_.size(); ++i) {
      if (timers_[i].due < timers_[next].due ||
          (timers_[i].due == timers_[next].due && timers_[i].seq < timers_[next].seq)) {
        next = i;
      }
    }
    double wait = timers_[next].due - NowMs();
    if (wait > 0 && !skip_timer_waits()) {
      std::fflush(stdout);
      if (WaitForTimerOrSignal(wait)) {
        poll_signals = true;
        continue;
      }
    }
    tenure::HandleScope scope(*heap_);
    Timer& t = timers_[next];
    int64_t id = t.id;
    Handle callback = Handle::New(*heap_, t.callback);
    Handle receiver = Handle::New(*heap_, t.object);  // node calls it with the Timeout as this
    std::vector<Value> args = t.args;  // plain copy: Execute copies onto the stack before any GC
    if (t.interval >= 0) {
      t.due += t.interval;
      t.seq = timer_seq_++;
    } else {
      ClearTimer(id);
    }
    host_entry_ = HostEntry::kTimer;
    Value result = Call(callback, receiver, args.data(), static_cast<int>(args.size()));
    host_entry_ = HostEntry::kNone;
    if (result.IsEmpty()) return;
    poll_signals = true;
  }
}

}  // namespace tenure::js
