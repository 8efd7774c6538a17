// Object integrity levels: Object.preventExtensions / seal / freeze and their predicates, plus
// the TypeError texts of the stores and deletes they (and read-only properties) forbid. The
// invariants are stated in object_integrity.h; texts are V8's (checked against node 20).
#include "object_integrity.h"

#include <string>

#include "builtins.h"
#include "object_names.h"

namespace tenure::js {

namespace {

std::string KeyName(Runtime& rt, Value key) {
  if (key.IsSmi()) return std::to_string(key.ToSmi());
  if (IsString(key)) return rt.ToStdString(key);
  if (IsKind(key, Kind::kSymbol)) return SymbolDescriptiveString(rt, key);
  return Runtime::NumberToString(NumberValue(key));
}

// How V8 names a receiver in these messages (Object::NoSideEffectsToString): "[object Array]",
// "function <source text>", "#<Constructor name>" when the first `constructor` on the chain is a
// data property holding a named function, else "[object Object]" (also without a prototype).
std::string ReceiverText(Runtime& rt, Handle object, bool* is_function) {
  *is_function = false;
  Value o = object.value();
  if (IsKind(o, Kind::kArray)) return "[object Array]";
  if (IsKind(o, Kind::kFunction)) {
    *is_function = true;
    tenure::HandleScope scope(rt.heap());
    Handle text = Handle::New(rt.heap(), rt.ToString(object));
    if (text.value().IsEmpty()) {
      rt.TakeException();
      return rt.FunctionName(object.value());
    }
    return rt.ToStdString(text.value());
  }
  if (o.As<JSObject>()->proto == kNull) return "[object Object]";
  Value wrapped = PrimitiveWrapperValue(o);  // V8 names primitive wrappers by their type
  if (IsString(wrapped)) return "[object String]";
  if (IsNumber(wrapped)) return "[object Number]";
  if (wrapped == kTrue || wrapped == kFalse) return "[object Boolean]";
  ConstructorSearch search;
  search.first_found_decides = true;
  Value ctor = FindConstructor(rt, o, search);
  std::string name = ctor.IsEmpty() ? "" : rt.FunctionName(ctor);
  return name.empty() ? "[object Object]" : "#<" + name + ">";
}

bool IsArrayObject(Value v) { return IsKind(v, Kind::kArray); }

// Does the array hold any element (a non-hole below its length)?
bool HasElements(JSObject* a) {
  FixedArray* e = a->elements.As<FixedArray>();
  int64_t n = a->length.ToSmi() < e->size() ? a->length.ToSmi() : e->size();
  for (int64_t i = 0; i < n; ++i) {
    if (e->items()[i] != kHole) return true;
  }
  return false;
}

// Every own property has all of `required` attribute bits (data properties) / kShapeNonConfigurable
// (accessors). Private names are not properties here.
bool AllPropertiesHave(JSObject* o, int64_t required) {
  for (Shape* s = o->shape.As<Shape>(); s->key != kUndefined; s = s->parent.As<Shape>()) {
    if (s->key == kHole) continue;
    if (IsKind(s->key, Kind::kSymbol) && (s->key.As<Symbol>()->flags.ToSmi() & kSymbolPrivate)) continue;
    int64_t f = s->flags.ToSmi();
    int64_t need = (f & kShapeAccessor) ? kShapeNonConfigurable : required;
    if ((f & need) != need) return false;
  }
  return true;
}

// ECMA-262 §7.3.15 SetIntegrityLevel: the attribute bits go on every own property, the
// integrity bits on the leaf. Read-only properties may now block adds on objects inheriting
// from `object`, so store-transition caches filled before are dropped.
void SetIntegrityLevel(Runtime& rt, Handle object, bool frozen) {
  int64_t data_flags = kShapeNonConfigurable | (frozen ? kShapeReadOnly : 0);
  rt.RebuildShape(object, Handle(), data_flags, kShapeNonConfigurable);
  int64_t bits = IntegrityBits(object.value().As<JSObject>()) | kShapeNonExtensible;
  if (IsArrayObject(object.value())) bits |= kShapeSealedElements | (frozen ? kShapeFrozenElements : 0);
  rt.SetIntegrityBits(object, bits);
  if (frozen) rt.InvalidateStoreTransitionCaches();
}

// §7.3.16 TestIntegrityLevel.
bool TestIntegrityLevel(Value v, bool frozen) {
  if (!IsJSObject(v)) return true;
  JSObject* o = v.As<JSObject>();
  int64_t bits = IntegrityBits(o);
  if (!(bits & kShapeNonExtensible)) return false;
  if (IsArrayObject(v) && HasElements(o) && !(bits & (frozen ? kShapeFrozenElements : kShapeSealedElements))) {
    return false;
  }
  return AllPropertiesHave(o, kShapeNonConfigurable | (frozen ? kShapeReadOnly : 0));
}

TENURE_NATIVE(ObjectPreventExtensions) {
  if (IsJSObject(args.get(0))) PreventExtensionsOf(rt, args.at(0));
  return args.get(0);
}

TENURE_NATIVE(ObjectSeal) {
  if (IsJSObject(args.get(0))) SetIntegrityLevel(rt, args.at(0), /*frozen=*/false);
  return args.get(0);
}

TENURE_NATIVE(ObjectFreeze) {
  if (IsJSObject(args.get(0))) SetIntegrityLevel(rt, args.at(0), /*frozen=*/true);
  return args.get(0);
}

TENURE_NATIVE(ObjectIsExtensible) { return FromBool(IsExtensibleObject(args.get(0))); }
TENURE_NATIVE(ObjectIsSealed) { return FromBool(TestIntegrityLevel(args.get(0), /*frozen=*/false)); }
TENURE_NATIVE(ObjectIsFrozen) { return FromBool(TestIntegrityLevel(args.get(0), /*frozen=*/true)); }

}  // namespace

void FreezeObject(Runtime& rt, Handle object) { SetIntegrityLevel(rt, object, /*frozen=*/true); }

std::string ReadOnlyMessage(Runtime& rt, Handle object, Handle key) {
  bool is_function = false;
  std::string receiver = ReceiverText(rt, object, &is_function);
  return "Cannot assign to read only property '" + KeyName(rt, key.value()) + "' of " +
         (is_function ? "function '" : "object '") + receiver + "'";
}

std::string ReceiverTextForErrors(Runtime& rt, Handle object) {
  bool is_function = false;
  return ReceiverText(rt, object, &is_function);
}

std::string NotExtensibleMessage(Runtime& rt, Handle key) {
  return "Cannot add property " + KeyName(rt, key.value()) + ", object is not extensible";
}

std::string DeleteFailedMessage(Runtime& rt, Handle object, Handle key) {
  bool is_function = false;
  std::string receiver = ReceiverText(rt, object, &is_function);
  (void)is_function;  // V8 names a function by its source text alone here
  return "Cannot delete property '" + KeyName(rt, key.value()) + "' of " + receiver;
}

std::string GetterOnlyMessage(Runtime& rt, Handle object, Handle key) {
  bool is_function = false;
  std::string receiver = ReceiverText(rt, object, &is_function);
  return "Cannot set property " + KeyName(rt, key.value()) + " of " + receiver + " which has only a getter";
}

std::string PrimitiveStoreMessage(Runtime& rt, Handle primitive, Handle key) {
  Value v = primitive.value();
  std::string type = IsString(v) ? "string" : IsNumber(v) ? "number" : IsKind(v, Kind::kSymbol) ? "symbol" : "boolean";
  std::string text = IsString(v) ? rt.ToStdString(v)
                     : IsNumber(v) ? Runtime::NumberToString(NumberValue(v))
                     : IsKind(v, Kind::kSymbol) ? SymbolDescriptiveString(rt, v)
                                                : (v == kTrue ? "true" : "false");
  return "Cannot create property '" + KeyName(rt, key.value()) + "' on " + type + " '" + text + "'";
}

bool ArrayIntegrityAllowsStore(Runtime& rt, Handle array, int64_t index) {
  JSObject* a = array.value().As<JSObject>();
  int64_t bits = IntegrityBits(a);
  FixedArray* e = a->elements.As<FixedArray>();
  bool exists = index < a->length.ToSmi() && index < e->size() && e->items()[index] != kHole;
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), Value::FromSmi(index));
  if (exists) {
    if (!(bits & kShapeFrozenElements)) return true;
    rt.FailStore(ReadOnlyMessage(rt, array, key));
    return false;
  }
  if (!(bits & kShapeNonExtensible)) return true;
  rt.FailStore(NotExtensibleMessage(rt, key));
  return false;
}

bool ArrayIntegrityAllowsLength(Runtime& rt, Handle array, int64_t new_length) {
  JSObject* a = array.value().As<JSObject>();
  int64_t bits = IntegrityBits(a);
  tenure::HandleScope scope(rt.heap());
  if (bits & kShapeFrozenElements) {
    Handle key = Handle::New(rt.heap(), rt.root(kRootLengthKey));
    rt.FailStore(ReadOnlyMessage(rt, array, key));
    return false;
  }
  if (!(bits & kShapeSealedElements)) return true;
  // Shrinking deletes from the end; the first element met is non-configurable.
  FixedArray* e = a->elements.As<FixedArray>();
  for (int64_t i = a->length.ToSmi() - 1; i >= new_length; --i) {
    if (i < e->size() && e->items()[i] != kHole) {
      Handle key = Handle::New(rt.heap(), Value::FromSmi(i));
      rt.FailStore(DeleteFailedMessage(rt, array, key));
      return false;
    }
  }
  return true;
}

// The order of checks follows the first store each method makes (ECMA-262 §23.1.3): additions
// write at the end first, rewrites start at `first_write`, removals end with deleting the last
// element.
bool ArrayEditAllowed(Runtime& rt, Handle array, const ArrayEdit& edit) {
  JSObject* a = array.value().As<JSObject>();
  int64_t bits = IntegrityBits(a);
  if (bits == 0) return true;
  int64_t length = a->length.ToSmi();
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), Value::FromSmi(length));
  if (edit.added > 0 && (bits & kShapeNonExtensible)) {
    rt.ThrowTypeError(NotExtensibleMessage(rt, key));
    return false;
  }
  if (edit.first_write >= 0 && edit.first_write < length && (bits & kShapeFrozenElements)) {
    key.Set(Value::FromSmi(edit.first_write));
    rt.ThrowTypeError(ReadOnlyMessage(rt, array, key));
    return false;
  }
  bool touches_length = edit.removed > 0 || (edit.added == 0 && edit.first_write < 0);
  if (touches_length && length == 0 && (bits & kShapeFrozenElements)) {
    key.Set(rt.root(kRootLengthKey));
    rt.ThrowTypeError(ReadOnlyMessage(rt, array, key));
    return false;
  }
  if (edit.removed > 0 && length > 0 && (bits & kShapeSealedElements)) {
    key.Set(Value::FromSmi(length - 1));
    rt.ThrowTypeError(DeleteFailedMessage(rt, array, key));
    return false;
  }
  if (edit.added == 0 && edit.removed == 0 && edit.first_write < 0 && (bits & kShapeFrozenElements)) {
    key.Set(rt.root(kRootLengthKey));
    rt.ThrowTypeError(ReadOnlyMessage(rt, array, key));
    return false;
  }
  return true;
}

bool IsExtensibleObject(Value object) {
  return IsJSObject(object) && !(IntegrityBits(object.As<JSObject>()) & kShapeNonExtensible);
}

void PreventExtensionsOf(Runtime& rt, Handle object) {
  rt.SetIntegrityBits(object, IntegrityBits(object.value().As<JSObject>()) | kShapeNonExtensible);
}

SetPrototypeResult SetPrototypeChecked(Handle object, Handle proto) {
  JSObject* o = object.value().As<JSObject>();
  if (o->proto == proto.value()) return SetPrototypeResult::kDone;
  if (IntegrityBits(o) & kShapeNonExtensible) return SetPrototypeResult::kNotExtensible;
  for (Value p = proto.value(); IsJSObject(p); p = p.As<JSObject>()->proto) {
    if (p == object.value()) return SetPrototypeResult::kCycle;
  }
  tenure::Store(o, &o->proto, proto.value());
  return SetPrototypeResult::kDone;
}

void InstallObjectIntegrityBuiltins(Runtime& rt, Handle object_ctor) {
  rt.DefineNative(object_ctor, "preventExtensions", ObjectPreventExtensions, 1);
  rt.DefineNative(object_ctor, "seal", ObjectSeal, 1);
  rt.DefineNative(object_ctor, "freeze", ObjectFreeze, 1);
  rt.DefineNative(object_ctor, "isExtensible", ObjectIsExtensible, 1);
  rt.DefineNative(object_ctor, "isSealed", ObjectIsSealed, 1);
  rt.DefineNative(object_ctor, "isFrozen", ObjectIsFrozen, 1);
}

}  // namespace tenure::js
