// Primitive wrapper objects (ECMA-262 §20.3.1 Boolean, §21.1.1 Number, §22.1.1 String, §7.1.18
// ToObject): `new Number(1)`, `new String('ab')`, `new Boolean(false)`, `Object(1)`.
//
// A wrapper is a JSObject of Kind::kBoxed (full layout) whose internal[0] holds the primitive
// ([[NumberData]], [[StringData]], [[BooleanData]], [[SymbolData]]); internal[1] and [2] stay
// undefined. The GC visits internal[] like every full-layout object's, so a wrapper needs no
// visitor of its own; heap snapshots name it by its constructor like other objects.
//
// A String wrapper's own index properties and `length` (§10.4.3 String exotic objects) are
// materialized as ordinary read-only, non-configurable own properties when the wrapper is made
// (indices enumerable, `length` not): strings are immutable, so the copies never go stale, and
// every generic path (property reads, Object.keys, getOwnPropertyNames, for-in) sees them without
// a special case. The cost is one property per code unit, paid only by `new String(s)` /
// `Object(s)`, which ordinary code uses rarely and on short strings.
#include "builtins.h"

namespace tenure::js {

namespace {

Root WrapperPrototypeRoot(Value primitive) {
  if (IsString(primitive)) return kRootStringPrototype;
  if (IsNumber(primitive)) return kRootNumberPrototype;
  if (IsKind(primitive, Kind::kSymbol)) return kRootSymbolPrototype;
  return kRootBooleanPrototype;
}

// The String exotic object's own properties, as plain read-only properties (see the top).
void DefineStringWrapperProperties(Runtime& rt, Handle wrapper, Handle string) {
  tenure::HandleScope scope(rt.heap());
  uint32_t units = string.value().As<String>()->units();
  constexpr int64_t kIndexFlags = kShapeReadOnly | kShapeNonConfigurable;
  for (uint32_t i = 0; i < units; ++i) {
    tenure::HandleScope item_scope(rt.heap());
    Handle index = Handle::New(rt.heap(), Value::FromSmi(i));
    Handle unit = Handle::New(rt.heap(), rt.GetProperty(string, index));
    Handle key = Handle::New(rt.heap(), rt.Intern(std::to_string(i)));
    rt.DefineOwn(wrapper, key, unit, kIndexFlags);
  }
  Handle length = Handle::New(rt.heap(), Value::FromSmi(units));
  Handle length_key = Handle::New(rt.heap(), rt.root(kRootLengthKey));
  rt.DefineOwn(wrapper, length_key, length, kIndexFlags | kShapeHidden);
}

}  // namespace

Value NewPrimitiveWrapper(Runtime& rt, Handle primitive, Handle prototype) {
  tenure::HandleScope scope(rt.heap());
  Handle proto = prototype;
  if (!IsJSObject(proto.value())) proto = Handle::New(rt.heap(), rt.root(WrapperPrototypeRoot(primitive.value())));
  Handle wrapper = Handle::New(rt.heap(), rt.NewObject(proto, Kind::kBoxed));
  JSObject* o = wrapper.value().As<JSObject>();
  tenure::Store(o, &o->internal[0], primitive.value());
  if (IsString(primitive.value())) DefineStringWrapperProperties(rt, wrapper, primitive);
  return wrapper.value();
}

Value ConstructPrimitiveWrapper(Runtime& rt, Handle primitive) {
  tenure::HandleScope scope(rt.heap());
  Handle nt = Handle::New(rt.heap(), rt.current_new_target());
  Handle pkey = Handle::New(rt.heap(), rt.root(kRootPrototypeKey));
  Handle proto = Handle::New(rt.heap(), rt.GetNamed(nt, pkey));
  if (proto.value().IsEmpty()) return Value();
  return NewPrimitiveWrapper(rt, primitive, proto);
}

Value ToObjectValue(Runtime& rt, Handle value) {
  Value v = value.value();
  if (IsJSObject(v)) return v;
  if (IsNullish(v)) return rt.ThrowTypeError("Cannot convert undefined or null to object");
  Handle none = Handle::New(rt.heap(), kUndefined);
  return NewPrimitiveWrapper(rt, value, none);
}

Value PrimitiveWrapperValue(Value v) {
  if (!IsKind(v, Kind::kBoxed)) return Value();
  Value inner = v.As<JSObject>()->internal[0];
  if (IsString(inner) || IsNumber(inner) || inner == kTrue || inner == kFalse || IsKind(inner, Kind::kSymbol)) {
    return inner;
  }
  return Value();
}

namespace {

// thisBooleanValue (§20.3.3.3.1): a boolean or a Boolean wrapper's [[BooleanData]].
bool ThisBoolean(Runtime& rt, Handle self, const char* method, bool* out) {
  Value v = self.value();
  Value wrapped = PrimitiveWrapperValue(v);
  if (!wrapped.IsEmpty()) v = wrapped;
  if (v != kTrue && v != kFalse) {
    rt.ThrowTypeError(std::string("Boolean.prototype.") + method + " requires that 'this' be a Boolean");
    return false;
  }
  *out = v == kTrue;
  return true;
}

TENURE_NATIVE(BooleanProtoToString) {
  bool b = false;
  if (!ThisBoolean(rt, self, "toString", &b)) return Value();
  return rt.Intern(b ? "true" : "false");
}

TENURE_NATIVE(BooleanProtoValueOf) {
  bool b = false;
  if (!ThisBoolean(rt, self, "valueOf", &b)) return Value();
  return FromBool(b);
}

}  // namespace

void InstallWrapperBuiltins(Runtime& rt, Handle global) {
  (void)global;
  tenure::HandleScope scope(rt.heap());
  Handle proto = Handle::New(rt.heap(), rt.root(kRootBooleanPrototype));
  rt.DefineNative(proto, "toString", BooleanProtoToString, 0);
  rt.DefineNative(proto, "valueOf", BooleanProtoValueOf, 0);
}

}  // namespace tenure::js
