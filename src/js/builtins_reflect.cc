// Reflect (ECMA-262 §28.1) and the symbol registry (Symbol.for / Symbol.keyFor) plus
// Object.getOwnPropertySymbols.
//
// Reflect.set / defineProperty / deleteProperty / setPrototypeOf / preventExtensions report
// failure as `false` instead of throwing: they decide beforehand, from the shape attributes and
// integrity bits (object_integrity.h), whether the operation can succeed, so the runtime's
// strict-mode TypeError (Runtime::FailStore) is never reached through them. Texts are node 20's.
//
// The registry is a prototype-less object mapping each key string to its symbol, held by
// BuiltinsState::symbol_registry (a strong global handle: registered symbols live as long as
// the runtime, as the spec's GlobalSymbolRegistry). Registered symbols carry kSymbolRegistered.
#include <string>

#include "builtins_reflect.h"

#include <vector>

#include "builtins.h"
#include "object_integrity.h"
#include "property_attributes.h"

namespace tenure::js {

namespace {

constexpr int64_t kSymbolRegistered = 4;  // Symbol.for created it (Symbol.keyFor answers)

bool RequireTarget(Runtime& rt, Args args, const char* method) {
  if (IsJSObject(args.get(0))) return true;
  rt.ThrowTypeError(std::string("Reflect.") + method + " called on non-object");
  return false;
}

// Calls Object.<name>(args...) (the installed builtin, so Reflect shares its behaviour).
Value CallObjectBuiltin(Runtime& rt, const char* name, const Value* argv, int argc) {
  tenure::HandleScope scope(rt.heap());
  Handle global = Handle::New(rt.heap(), rt.root(kRootGlobal));
  Handle object_key = Handle::New(rt.heap(), rt.Intern("Object"));
  Handle ctor = Handle::New(rt.heap(), rt.GetNamed(global, object_key));
  Handle key = Handle::New(rt.heap(), rt.Intern(name));
  Handle fn = Handle::New(rt.heap(), rt.GetNamed(ctor, key));
  return rt.Call(fn, ctor, argv, argc);
}

// CreateListFromArrayLike for an Array (other array-likes: their indexed properties).
bool ArgumentList(Runtime& rt, Handle list, std::vector<Handle>* out) {
  if (!IsJSObject(list.value())) {
    rt.ThrowTypeError("CreateListFromArrayLike called on non-object");
    return false;
  }
  tenure::Heap& heap = rt.heap();
  Handle length_key = Handle::New(heap, rt.root(kRootLengthKey));
  Handle length = Handle::New(heap, rt.GetProperty(list, length_key));
  if (length.value().IsEmpty()) return false;
  double n = 0;
  if (!rt.ToNumber(length, &n)) return false;
  for (int64_t i = 0; i < static_cast<int64_t>(n); ++i) {
    Handle index = Handle::New(heap, Value::FromSmi(i));
    Value v = rt.GetProperty(list, index);
    if (v.IsEmpty()) return false;
    out->push_back(Handle::New(heap, v));
  }
  return true;
}

// Can [[Set]] of `key` on `object` (receiver = object) succeed? Mirrors SetNamed / ArraySet.
bool CanSet(Runtime& rt, Handle object, Handle key) {
  JSObject* o = object.value().As<JSObject>();
  int64_t bits = IntegrityBits(o);
  if (key.value().IsSmi() && IsKind(object.value(), Kind::kArray)) {
    int64_t i = key.value().ToSmi();
    FixedArray* e = o->elements.As<FixedArray>();
    bool exists = i < o->length.ToSmi() && i < e->size() && e->items()[i] != kHole;
    return exists ? !(bits & kShapeFrozenElements) : !(bits & kShapeNonExtensible);
  }
  if (IsKind(object.value(), Kind::kArray) && key.value() == rt.root(kRootLengthKey)) {
    return !(bits & kShapeFrozenElements);
  }
  for (Value cur = object.value(); IsJSObject(cur); cur = cur.As<JSObject>()->proto) {
    int64_t flags = 0;
    int64_t index = Runtime::FindOwn(cur.As<JSObject>(), key.value(), &flags);
    if (index < 0) continue;
    if (flags & kShapeAccessor) {
      return Runtime::ReadSlot(cur.As<JSObject>(), index).As<FixedArray>()->items()[1] != kUndefined;
    }
    if (flags & kShapeReadOnly) return false;
    return cur == object.value() || !(bits & kShapeNonExtensible);
  }
  return !(bits & kShapeNonExtensible);
}

// [[Construct]] exists: functions except methods and arrows (natives are taken as constructors).
bool IsConstructor(Runtime& rt, Value f) {
  if (!rt.IsCallable(f) || !IsKind(f, Kind::kFunction)) return false;
  int64_t id = f.As<JSObject>()->internal[1].ToSmi();
  if (id < 0) return true;
  const FunctionInfo& info = *rt.functions()[id];
  return info.is_class_ctor || !info.is_method;
}

// The property key as shapes and elements use it: a Smi array index or an interned name.
Value Key(Runtime& rt, Handle key_value, bool for_array) {
  Value k = rt.ToPropertyKey(key_value);
  if (k.IsEmpty() || !k.IsSmi() || for_array) return k;
  return rt.Intern(Runtime::NumberToString(static_cast<double>(k.ToSmi())));
}

TENURE_NATIVE(ReflectApply) {
  if (!rt.IsCallable(args.get(0))) {
    tenure::HandleScope scope(rt.heap());
    Handle what = Handle::New(rt.heap(), rt.TypeOf(args.get(0)));
    return rt.ThrowTypeError("Function.prototype.apply was called on " + rt.Inspect(args.at(0)) + ", which is " +
                             (args.get(0) == kUndefined || args.get(0) == kNull ? "" : "a ") +
                             rt.ToStdString(what.value()) + " and not a function");
  }
  tenure::HandleScope scope(rt.heap());
  std::vector<Handle> list;
  if (!ArgumentList(rt, args.at(2), &list)) return Value();
  std::vector<Value> argv;
  for (Handle h : list) argv.push_back(h.value());  // no allocation until Call copies them
  return rt.Call(args.at(0), args.at(1), argv.data(), static_cast<int>(argv.size()));
}

TENURE_NATIVE(ReflectConstruct) {
  tenure::HandleScope scope(rt.heap());
  Handle target = args.at(0);
  Handle new_target = args.count >= 3 ? args.at(2) : target;
  for (Handle f : {target, new_target}) {
    if (!IsConstructor(rt, f.value())) return rt.ThrowTypeError(rt.Inspect(f) + " is not a constructor");
  }
  std::vector<Handle> list;
  if (!ArgumentList(rt, args.at(1), &list)) return Value();
  std::vector<Value> argv;
  for (Handle h : list) argv.push_back(h.value());
  return rt.Construct(target, argv.data(), static_cast<int>(argv.size()), new_target);
}

TENURE_NATIVE(ReflectHas) {
  if (!RequireTarget(rt, args, "has")) return Value();
  return rt.HasProperty(args.at(0), args.at(1));
}

TENURE_NATIVE(ReflectGet) {
  if (!RequireTarget(rt, args, "get")) return Value();
  return rt.GetProperty(args.at(0), args.at(1));
}

TENURE_NATIVE(ReflectSet) {
  if (!RequireTarget(rt, args, "set")) return Value();
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), Key(rt, args.at(1), IsKind(args.get(0), Kind::kArray)));
  if (key.value().IsEmpty()) return Value();
  if (!CanSet(rt, args.at(0), key)) return kFalse;
  return rt.SetProperty(args.at(0), key, args.at(2)) ? kTrue : Value();
}

TENURE_NATIVE(ReflectOwnKeys) {
  if (!RequireTarget(rt, args, "ownKeys")) return Value();
  return OwnPropertyKeys(rt, args.at(0), {.non_enumerable = true, .symbols = true});
}

TENURE_NATIVE(ReflectGetPrototypeOf) {
  if (!RequireTarget(rt, args, "getPrototypeOf")) return Value();
  return args.get(0).As<JSObject>()->proto;
}

TENURE_NATIVE(ReflectSetPrototypeOf) {
  if (!RequireTarget(rt, args, "setPrototypeOf")) return Value();
  Value proto = args.get(1);
  if (!IsJSObject(proto) && proto != kNull) {
    return rt.ThrowTypeError("Object prototype may only be an Object or null: " + rt.Inspect(args.at(1)));
  }
  return FromBool(SetPrototypeChecked(args.at(0), args.at(1)) == SetPrototypeResult::kDone);
}

TENURE_NATIVE(ReflectDefineProperty) {
  if (!RequireTarget(rt, args, "defineProperty")) return Value();
  Value argv[3] = {args.get(0), args.get(1), args.get(2)};
  Value result = CallObjectBuiltin(rt, "defineProperty", argv, 3);
  if (!result.IsEmpty()) return kTrue;
  // Only the "cannot" outcomes of a valid descriptor become false; invalid descriptors throw.
  tenure::HandleScope scope(rt.heap());
  Handle error = Handle::New(rt.heap(), rt.TakeException());
  Handle message_key = Handle::New(rt.heap(), rt.Intern("message"));
  Value message = IsJSObject(error.value()) ? rt.GetNamed(error, message_key) : kUndefined;
  std::string text = IsString(message) ? rt.ToStdString(message) : "";
  if (text.rfind("Cannot redefine property: ", 0) == 0 || text.rfind("Cannot define property ", 0) == 0) return kFalse;
  return rt.Throw(error.value());
}

TENURE_NATIVE(ReflectDeleteProperty) {
  if (!RequireTarget(rt, args, "deleteProperty")) return Value();
  tenure::HandleScope scope(rt.heap());
  bool array = IsKind(args.get(0), Kind::kArray);
  Handle key = Handle::New(rt.heap(), Key(rt, args.at(1), array));
  if (key.value().IsEmpty()) return Value();
  JSObject* o = args.get(0).As<JSObject>();
  if (array && key.value().IsSmi()) {
    int64_t i = key.value().ToSmi();
    FixedArray* e = o->elements.As<FixedArray>();
    bool exists = i < o->length.ToSmi() && i < e->size() && e->items()[i] != kHole;
    if (exists && (IntegrityBits(o) & kShapeSealedElements)) return kFalse;
  } else if (array && key.value() == rt.root(kRootLengthKey)) {
    return kFalse;
  } else {
    int64_t flags = 0;
    if (Runtime::FindOwn(o, key.value(), &flags) >= 0 && (flags & kShapeNonConfigurable)) return kFalse;
  }
  Value deleted = rt.DeleteProperty(args.at(0), key);
  return deleted.IsEmpty() ? Value() : kTrue;
}

TENURE_NATIVE(ReflectGetOwnPropertyDescriptor) {
  if (!RequireTarget(rt, args, "getOwnPropertyDescriptor")) return Value();
  Value argv[2] = {args.get(0), args.get(1)};
  return CallObjectBuiltin(rt, "getOwnPropertyDescriptor", argv, 2);
}

TENURE_NATIVE(ReflectIsExtensible) {
  if (!RequireTarget(rt, args, "isExtensible")) return Value();
  return FromBool(IsExtensibleObject(args.get(0)));
}

TENURE_NATIVE(ReflectPreventExtensions) {
  if (!RequireTarget(rt, args, "preventExtensions")) return Value();
  PreventExtensionsOf(rt, args.at(0));
  return kTrue;
}

// ---- Symbol registry ------------------------------------------------------------------------

}  // namespace

Value RegisteredSymbol(Runtime& rt, std::string_view key_text) {
  tenure::HandleScope scope(rt.heap());
  BuiltinsState& state = EnsureBuiltinsState(rt);
  if (state.symbol_registry.IsEmpty()) {
    Handle null_proto = Handle::New(rt.heap(), kNull);
    state.symbol_registry.Reset(rt.heap(), rt.NewObject(null_proto));
  }
  Handle registry = Handle::New(rt.heap(), state.symbol_registry.value());
  Handle key = Handle::New(rt.heap(), rt.Intern(key_text));
  int64_t index = Runtime::FindOwn(registry.value().As<JSObject>(), key.value());
  if (index >= 0) return Runtime::ReadSlot(registry.value().As<JSObject>(), index);
  Handle symbol = Handle::New(rt.heap(), NewSymbol(rt, key, false));
  symbol.value().As<Symbol>()->flags = Value::FromSmi(kSymbolRegistered);
  rt.DefineOwn(registry, key, symbol);
  return symbol.value();
}

namespace {


TENURE_NATIVE(SymbolFor) {
  tenure::HandleScope scope(rt.heap());
  Handle text = Handle::New(rt.heap(), rt.ToString(args.at(0)));
  if (text.value().IsEmpty()) return Value();
  return RegisteredSymbol(rt, rt.ToStdString(text.value()));
}

TENURE_NATIVE(SymbolKeyFor) {
  Value s = args.get(0);
  if (!IsKind(s, Kind::kSymbol)) {
    tenure::HandleScope scope(rt.heap());
    std::string text = IsString(s) ? rt.ToStdString(s) : rt.Inspect(args.at(0));
    return rt.ThrowTypeError(text + " is not a symbol");
  }
  if (!(s.As<Symbol>()->flags.ToSmi() & kSymbolRegistered)) return kUndefined;
  return s.As<Symbol>()->description;
}

// Own symbol keys (enumerable or not, never private names) in insertion order.
TENURE_NATIVE(ObjectGetOwnPropertySymbols) {
  if (IsNullish(args.get(0))) return rt.ThrowTypeError("Cannot convert undefined or null to object");
  if (!IsJSObject(args.get(0))) return rt.NewArray();
  return OwnPropertyKeys(rt, args.at(0), {.strings = false, .non_enumerable = true, .symbols = true});
}

}  // namespace

void InstallReflectBuiltins(Runtime& rt, Handle global) {
  tenure::HandleScope scope(rt.heap());
  Handle reflect = Handle::New(rt.heap(), rt.NewPlainObject());
  SetHiddenProperty(rt, global, "Reflect", reflect.value());
  rt.DefineNative(reflect, "apply", ReflectApply, 3);
  rt.DefineNative(reflect, "construct", ReflectConstruct, 2);
  rt.DefineNative(reflect, "defineProperty", ReflectDefineProperty, 3);
  rt.DefineNative(reflect, "deleteProperty", ReflectDeleteProperty, 2);
  rt.DefineNative(reflect, "get", ReflectGet, 2);
  rt.DefineNative(reflect, "getOwnPropertyDescriptor", ReflectGetOwnPropertyDescriptor, 2);
  rt.DefineNative(reflect, "getPrototypeOf", ReflectGetPrototypeOf, 1);
  rt.DefineNative(reflect, "has", ReflectHas, 2);
  rt.DefineNative(reflect, "isExtensible", ReflectIsExtensible, 1);
  rt.DefineNative(reflect, "ownKeys", ReflectOwnKeys, 1);
  rt.DefineNative(reflect, "preventExtensions", ReflectPreventExtensions, 1);
  rt.DefineNative(reflect, "set", ReflectSet, 3);
  rt.DefineNative(reflect, "setPrototypeOf", ReflectSetPrototypeOf, 2);

  Handle symbol_key = Handle::New(rt.heap(), rt.Intern("Symbol"));
  Handle symbol_ctor = Handle::New(rt.heap(), rt.GetNamed(global, symbol_key));
  rt.DefineNative(symbol_ctor, "for", SymbolFor, 1);
  rt.DefineNative(symbol_ctor, "keyFor", SymbolKeyFor, 1);
  Handle object_key = Handle::New(rt.heap(), rt.Intern("Object"));
  Handle object_ctor = Handle::New(rt.heap(), rt.GetNamed(global, object_key));
  rt.DefineNative(object_ctor, "getOwnPropertySymbols", ObjectGetOwnPropertySymbols, 1);
}

}  // namespace tenure::js
