// Property attributes: Object.defineProperty / defineProperties / getOwnPropertyDescriptor(s)
// with writable, enumerable, configurable and accessors on ordinary objects.
//
// Attributes are Shape flags (objects.h): kShapeHidden = not enumerable, kShapeReadOnly = not
// writable, kShapeNonConfigurable = not configurable, kShapeAccessor = the slot holds a
// [getter, setter] pair. A Shape transition is keyed by (key, flags), so every object of one
// shape has the same attributes for every key: an inline cache that keyed a store on a shape
// whose slot was writable can never write a read-only slot of another object (a read-only
// property gives its object a different shape). The store paths (properties.cc) fill caches
// only after the full lookup found a writable own data property or no property on the chain;
// defining a read-only property bumps the store-transition epoch like defining an accessor, so
// transition caches filled before cannot add a shadowing own property past it.
// Stores to read-only properties are ignored in sloppy code and throw node's TypeError in strict
// code (Runtime::FailStore; object_integrity.h has the texts).
#include "property_attributes.h"

#include <string>
#include <tuple>
#include <vector>

#include "builtins.h"
#include "object_integrity.h"
#include "string_utf16.h"

namespace tenure::js {

namespace {

struct Descriptor {
  bool has_value = false, has_get = false, has_set = false;
  bool has_writable = false, has_enumerable = false, has_configurable = false;
  bool writable = false, enumerable = false, configurable = false;
};

// ToPropertyDescriptor (ECMA-262 §6.2.6.5): reads the fields of `desc` into `out` and the
// value/get/set handles. False: exception pending.
bool ReadDescriptor(Runtime& rt, Handle desc, Descriptor* out, Handle value, Handle get, Handle set) {
  if (!IsJSObject(desc.value())) {
    tenure::HandleScope scope(rt.heap());
    Handle text = Handle::New(rt.heap(), rt.ToString(desc));
    if (text.value().IsEmpty()) return false;
    rt.ThrowTypeError("Property description must be an object: " + rt.ToStdString(text.value()));
    return false;
  }
  tenure::HandleScope scope(rt.heap());
  auto field = [&](const char* name, bool* has, Handle into) {
    Handle key = Handle::New(rt.heap(), rt.Intern(name));
    Value present = rt.HasProperty(desc, key);
    if (present.IsEmpty()) return false;
    *has = present == kTrue;
    if (!*has) return true;
    Value v = rt.GetNamed(desc, key);
    if (v.IsEmpty()) return false;
    into.Set(v);
    return true;
  };
  Handle scratch = Handle::New(rt.heap(), kUndefined);
  if (!field("enumerable", &out->has_enumerable, scratch)) return false;
  out->enumerable = Runtime::ToBoolean(scratch.value());
  if (!field("configurable", &out->has_configurable, scratch)) return false;
  out->configurable = Runtime::ToBoolean(scratch.value());
  if (!field("value", &out->has_value, value)) return false;
  if (!field("writable", &out->has_writable, scratch)) return false;
  out->writable = Runtime::ToBoolean(scratch.value());
  if (!field("get", &out->has_get, get) || !field("set", &out->has_set, set)) return false;
  for (auto [has, fn, what] : {std::tuple{out->has_get, get, "Getter"}, std::tuple{out->has_set, set, "Setter"}}) {
    if (has && fn.value() != kUndefined && !rt.IsCallable(fn.value())) {
      tenure::HandleScope inner(rt.heap());
      Handle text = Handle::New(rt.heap(), rt.ToString(fn));
      if (text.value().IsEmpty()) return false;
      rt.ThrowTypeError(std::string(what) + " must be a function: " + rt.ToStdString(text.value()));
      return false;
    }
  }
  if ((out->has_get || out->has_set) && (out->has_value || out->has_writable)) {
    rt.ThrowTypeError("Invalid property descriptor. Cannot both specify accessors and a value or writable attribute, #<Object>");
    return false;
  }
  return true;
}

// A property key as the shape stores it (interned string or symbol; array indices as strings).
Value ShapeKey(Runtime& rt, Handle key) {
  Value k = rt.ToPropertyKey(key);
  if (k.IsEmpty() || !k.IsSmi()) return k;
  return rt.Intern(Runtime::NumberToString(static_cast<double>(k.ToSmi())));
}

std::string KeyText(Runtime& rt, Value key) {
  if (IsString(key)) return rt.ToStdString(key);
  return SymbolDescriptiveString(rt, key);
}

// ValidateAndApplyPropertyDescriptor (§10.1.6.3) for ordinary objects. False: exception pending.
bool DefineWithDescriptor(Runtime& rt, Handle object, Handle key, const Descriptor& d, Handle value,
                          Handle get, Handle set) {
  JSObject* o = object.value().As<JSObject>();
  int64_t flags = 0;
  int64_t index = Runtime::FindOwn(o, key.value(), &flags);
  bool accessor = d.has_get || d.has_set;
  bool existed = index >= 0;
  if (!existed && !IsExtensibleObject(object.value())) {
    rt.ThrowTypeError("Cannot define property " + KeyText(rt, key.value()) + ", object is not extensible");
    return false;
  }
  if (existed && (flags & kShapeNonConfigurable)) {
    bool was_accessor = (flags & kShapeAccessor) != 0;
    bool ok = !(d.has_configurable && d.configurable) &&
              !(d.has_enumerable && d.enumerable == ((flags & kShapeHidden) != 0)) &&
              !(accessor && !was_accessor) && !((d.has_value || d.has_writable) && was_accessor);
    if (ok && !was_accessor && (flags & kShapeReadOnly)) {
      ok = !(d.has_writable && d.writable) &&
           !(d.has_value && !Runtime::SameValueZero(Runtime::ReadSlot(o, index), value.value()));
    }
    if (ok && was_accessor) {
      FixedArray* pair = Runtime::ReadSlot(o, index).As<FixedArray>();
      ok = !(d.has_get && get.value() != pair->items()[0]) && !(d.has_set && set.value() != pair->items()[1]);
    }
    if (!ok) {
      rt.ThrowTypeError("Cannot redefine property: " + KeyText(rt, key.value()));
      return false;
    }
  }
  // Attributes not given keep their current value (or default to false for a new property).
  bool enumerable = d.has_enumerable ? d.enumerable : existed && !(flags & kShapeHidden);
  bool configurable = d.has_configurable ? d.configurable : existed && !(flags & kShapeNonConfigurable);
  int64_t attributes = (enumerable ? 0 : kShapeHidden) | (configurable ? 0 : kShapeNonConfigurable);
  if (accessor || (existed && (flags & kShapeAccessor) && !d.has_value && !d.has_writable)) {
    tenure::HandleScope scope(rt.heap());
    Handle g = Handle::New(rt.heap(), kUndefined), s = Handle::New(rt.heap(), kUndefined);
    if (existed && (flags & kShapeAccessor)) {
      FixedArray* pair = Runtime::ReadSlot(o, index).As<FixedArray>();
      g.Set(pair->items()[0]);
      s.Set(pair->items()[1]);
    }
    if (d.has_get) g.Set(get.value());
    if (d.has_set) s.Set(set.value());
    Handle pair = Handle::New(rt.heap(), rt.NewFixedArray(2));
    tenure::Store(pair.value().As<FixedArray>(), &pair.value().As<FixedArray>()->items()[0], g.value());
    tenure::Store(pair.value().As<FixedArray>(), &pair.value().As<FixedArray>()->items()[1], s.value());
    rt.InvalidateStoreTransitionCaches();  // an accessor may now intercept stores
    return rt.DefineOwn(object, key, pair, attributes | kShapeAccessor);
  }
  bool writable = d.has_writable ? d.writable : existed && !(flags & kShapeAccessor) && !(flags & kShapeReadOnly);
  if (!writable) {
    attributes |= kShapeReadOnly;
    rt.InvalidateStoreTransitionCaches();  // a read-only property now blocks adds through it
  }
  tenure::HandleScope scope(rt.heap());
  Handle v = Handle::New(rt.heap(), d.has_value ? value.value()
                                                : existed && !(flags & kShapeAccessor) ? Runtime::ReadSlot(o, index)
                                                                                        : kUndefined);
  return rt.DefineOwn(object, key, v, attributes);
}

bool DefineFromDescriptorObject(Runtime& rt, Handle object, Handle key_value, Handle desc) {
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), ShapeKey(rt, key_value));
  if (key.value().IsEmpty()) return false;
  Descriptor d;
  Handle value = Handle::New(rt.heap(), kUndefined), get = Handle::New(rt.heap(), kUndefined),
         set = Handle::New(rt.heap(), kUndefined);
  if (!ReadDescriptor(rt, desc, &d, value, get, set)) return false;
  if (IsKind(object.value(), Kind::kArray) && key.value() != rt.root(kRootLengthKey)) {
    Value index = rt.ToPropertyKey(key);
    if (index.IsSmi()) {  // elements have no attributes here: plain data only
      if (d.has_get || d.has_set || (d.has_writable && !d.writable) || (d.has_enumerable && !d.enumerable) ||
          (d.has_configurable && !d.configurable)) {
        rt.ThrowTypeError("tenure: attributes and accessors on array elements are not supported");
        return false;
      }
      int64_t bits = IntegrityBits(object.value().As<JSObject>());
      if (bits != 0) {
        bool exists = Runtime::HasOwnElement(object.value().As<JSObject>(), index.ToSmi());
        if (!exists && (bits & kShapeNonExtensible)) {
          rt.ThrowTypeError("Cannot define property " + KeyText(rt, key.value()) + ", object is not extensible");
          return false;
        }
        if (exists && (bits & kShapeFrozenElements)) {
          rt.ThrowTypeError("Cannot redefine property: " + KeyText(rt, key.value()));
          return false;
        }
      }
      return rt.SetProperty(object, key, value);
    }
  }
  return DefineWithDescriptor(rt, object, key, d, value, get, set);
}

TENURE_NATIVE(ObjectDefineProperty) {
  if (!IsJSObject(args.get(0))) return rt.ThrowTypeError("Object.defineProperty called on non-object");
  if (!DefineFromDescriptorObject(rt, args.at(0), args.at(1), args.at(2))) return Value();
  return args.get(0);
}

TENURE_NATIVE(ObjectDefineProperties) {
  if (!IsJSObject(args.get(0))) return rt.ThrowTypeError("Object.defineProperties called on non-object");
  if (!DefinePropertiesFrom(rt, args.at(0), args.at(1))) return Value();
  return args.get(0);
}

void SetField(Runtime& rt, Handle object, const char* name, Value v) { SetDataProperty(rt, object, name, v); }

// The descriptor object of an own property, or undefined.
Value DescriptorOf(Runtime& rt, Handle object, Handle key_value) {
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), ShapeKey(rt, key_value));
  if (key.value().IsEmpty()) return Value();
  Value o = object.value();
  Handle result = Handle::New(rt.heap(), kUndefined);
  if (IsKind(o, Kind::kArray)) {
    Value index = rt.ToPropertyKey(key);
    bool is_length = key.value() == rt.root(kRootLengthKey);
    if (index.IsSmi() || is_length) {
      if (!is_length && !Runtime::HasOwnElement(object.value().As<JSObject>(), index.ToSmi())) return kUndefined;
      Value v = is_length ? object.value().As<JSObject>()->length : rt.ArrayGet(object.value().As<JSObject>(), index.ToSmi());
      Handle value = Handle::New(rt.heap(), v);
      result.Set(rt.NewPlainObject());
      SetField(rt, result, "value", value.value());
      int64_t bits = IntegrityBits(object.value().As<JSObject>());
      SetField(rt, result, "writable", FromBool(!(bits & kShapeFrozenElements)));
      SetField(rt, result, "enumerable", FromBool(!is_length));
      SetField(rt, result, "configurable", FromBool(!is_length && !(bits & kShapeSealedElements)));
      return result.value();
    }
  }
  int64_t flags = 0;
  int64_t index = Runtime::FindOwn(o.As<JSObject>(), key.value(), &flags);
  bool function_key = key.value() == rt.root(kRootNameKey) || key.value() == rt.root(kRootLengthKey);
  if (index < 0 && function_key && IsKind(o, Kind::kFunction)) {
    // name / length outside the shape (Runtime::GetNamed): {writable: false, configurable: true}
    Handle value = Handle::New(rt.heap(), rt.GetNamed(object, key));
    result.Set(rt.NewPlainObject());
    SetField(rt, result, "value", value.value());
    SetField(rt, result, "writable", kFalse);
    SetField(rt, result, "enumerable", kFalse);
    SetField(rt, result, "configurable", kTrue);
    return result.value();
  }
  if (index < 0 || (IsKind(key.value(), Kind::kSymbol) && (key.value().As<Symbol>()->flags.ToSmi() & kSymbolPrivate))) {
    return kUndefined;
  }
  Handle slot = Handle::New(rt.heap(), Runtime::ReadSlot(o.As<JSObject>(), index));
  result.Set(rt.NewPlainObject());
  if (flags & kShapeAccessor) {
    SetField(rt, result, "get", slot.value().As<FixedArray>()->items()[0]);
    SetField(rt, result, "set", slot.value().As<FixedArray>()->items()[1]);
  } else {
    SetField(rt, result, "value", slot.value());
    SetField(rt, result, "writable", FromBool(!(flags & kShapeReadOnly)));
  }
  SetField(rt, result, "enumerable", FromBool(!(flags & kShapeHidden)));
  SetField(rt, result, "configurable", FromBool(!(flags & kShapeNonConfigurable)));
  return result.value();
}

TENURE_NATIVE(ObjectGetOwnPropertyDescriptor) {
  if (IsNullish(args.get(0))) return rt.ThrowTypeError("Cannot convert undefined or null to object");
  if (!IsJSObject(args.get(0))) return kUndefined;
  return DescriptorOf(rt, args.at(0), args.at(1));
}

// Object.prototype.propertyIsEnumerable(key) (ECMA-262 §20.1.3.4): an own property whose
// descriptor says enumerable; a string's index properties count as its own enumerable ones.
TENURE_NATIVE(ObjectProtoPropertyIsEnumerable) {
  if (IsNullish(self.value())) return rt.ThrowTypeError("Cannot convert undefined or null to object");
  if (IsString(self.value())) {
    Value index = rt.ToPropertyKey(args.at(0));
    if (index.IsEmpty()) return Value();
    return FromBool(index.IsSmi() && index.ToSmi() >= 0 &&
                    index.ToSmi() < static_cast<int64_t>(CountUnits(self.value().As<String>()->view())));
  }
  if (!IsJSObject(self.value())) return kFalse;
  tenure::HandleScope scope(rt.heap());
  Handle desc = Handle::New(rt.heap(), DescriptorOf(rt, self, args.at(0)));
  if (desc.value().IsEmpty()) return Value();
  if (desc.value() == kUndefined) return kFalse;
  Handle key = Handle::New(rt.heap(), rt.Intern("enumerable"));
  return FromBool(rt.GetNamed(desc, key) == kTrue);
}

TENURE_NATIVE(ObjectGetOwnPropertyNames) {
  if (IsNullish(args.get(0))) return rt.ThrowTypeError("Cannot convert undefined or null to object");
  if (!IsJSObject(args.get(0)) && !IsString(args.get(0))) return rt.NewArray();
  return OwnPropertyKeys(rt, args.at(0), {.non_enumerable = true});
}

TENURE_NATIVE(ObjectGetOwnPropertyDescriptors) {
  if (IsNullish(args.get(0))) return rt.ThrowTypeError("Cannot convert undefined or null to object");
  tenure::HandleScope scope(rt.heap());
  Handle result = Handle::New(rt.heap(), rt.NewPlainObject());
  if (!IsJSObject(args.get(0))) return result.value();
  Handle keys = Handle::New(rt.heap(), OwnPropertyKeys(rt, args.at(0), {.non_enumerable = true, .symbols = true}));
  Handle key = Handle::New(rt.heap(), kUndefined), desc = Handle::New(rt.heap(), kUndefined);
  for (int64_t i = 0; i < Runtime::ArrayLength(keys.value()); ++i) {
    key.Set(rt.ArrayGet(keys.value().As<JSObject>(), i));
    desc.Set(DescriptorOf(rt, args.at(0), key));
    if (desc.value().IsEmpty()) return Value();
    Handle interned = Handle::New(rt.heap(), ShapeKey(rt, key));
    rt.DefineOwn(result, interned, desc);
  }
  return result.value();
}

// The own keys the runtime answers without a shape entry (Runtime::GetNamed): an array's or a
// String's `length`, a function's `length` and `name` unless the program redefined them.
void PushKeysOutsideShape(Runtime& rt, Handle object, Handle out) {
  std::vector<Root> roots;
  if (IsString(object.value()) || IsKind(object.value(), Kind::kArray)) roots = {kRootLengthKey};
  if (IsKind(object.value(), Kind::kFunction)) roots = {kRootLengthKey, kRootNameKey};
  for (Root r : roots) {
    if (IsJSObject(object.value()) && Runtime::FindOwn(object.value().As<JSObject>(), rt.root(r)) >= 0) continue;
    Handle key = Handle::New(rt.heap(), rt.root(r));
    rt.ArrayPush(out, key);
  }
}

// Appends `object`'s own symbol keys in creation order (the shape chain runs newest first).
void PushSymbolKeys(Runtime& rt, Handle object, bool non_enumerable, Handle out) {
  std::vector<Handle> keys;
  for (Shape* s = object.value().As<JSObject>()->shape.As<Shape>(); s->key != kUndefined; s = s->parent.As<Shape>()) {
    if (!IsKind(s->key, Kind::kSymbol) || (s->key.As<Symbol>()->flags.ToSmi() & kSymbolPrivate)) continue;
    if (!non_enumerable && (s->flags.ToSmi() & kShapeHidden)) continue;
    keys.push_back(Handle::New(rt.heap(), s->key));
  }
  for (size_t i = keys.size(); i > 0; --i) rt.ArrayPush(out, keys[i - 1]);
}

}  // namespace

Value OwnPropertyKeys(Runtime& rt, Handle object, OwnKeysFilter filter) {
  tenure::HandleScope scope(rt.heap());
  Handle out = Handle::New(rt.heap(), rt.NewArray());
  if (filter.strings) {
    Handle strings = Handle::New(rt.heap(), rt.OwnKeys(object, filter.non_enumerable));
    Handle key = Handle::New(rt.heap(), kUndefined);
    bool outside_shape_done = !filter.non_enumerable;  // length/name follow the indices
    for (int64_t i = 0; i < Runtime::ArrayLength(strings.value()); ++i) {
      key.Set(rt.ArrayGet(strings.value().As<JSObject>(), i));
      if (!outside_shape_done && !Runtime::IsIndexKey(key.value())) {
        PushKeysOutsideShape(rt, object, out);
        outside_shape_done = true;
      }
      rt.ArrayPush(out, key);
    }
    if (!outside_shape_done) PushKeysOutsideShape(rt, object, out);
  }
  if (filter.symbols && IsJSObject(object.value())) PushSymbolKeys(rt, object, filter.non_enumerable, out);
  return out.value();
}

bool DefinePropertiesFrom(Runtime& rt, Handle object, Handle properties) {
  if (!IsJSObject(properties.value())) {
    rt.ThrowTypeError("Cannot convert undefined or null to object");
    return false;
  }
  tenure::HandleScope scope(rt.heap());
  Handle keys = Handle::New(rt.heap(), OwnPropertyKeys(rt, properties, {.symbols = true}));
  Handle key = Handle::New(rt.heap(), kUndefined), desc = Handle::New(rt.heap(), kUndefined);
  for (int64_t i = 0; i < Runtime::ArrayLength(keys.value()); ++i) {
    key.Set(rt.ArrayGet(keys.value().As<JSObject>(), i));
    desc.Set(rt.GetProperty(properties, key));
    if (desc.value().IsEmpty()) return false;
    if (!DefineFromDescriptorObject(rt, object, key, desc)) return false;
  }
  return true;
}

void InstallPropertyAttributeBuiltins(Runtime& rt, Handle global) {
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), rt.Intern("Object"));
  Handle object_ctor = Handle::New(rt.heap(), rt.GetNamed(global, key));
  rt.DefineNative(object_ctor, "defineProperty", ObjectDefineProperty, 3);
  rt.DefineNative(object_ctor, "defineProperties", ObjectDefineProperties, 2);
  rt.DefineNative(object_ctor, "getOwnPropertyDescriptor", ObjectGetOwnPropertyDescriptor, 2);
  rt.DefineNative(object_ctor, "getOwnPropertyDescriptors", ObjectGetOwnPropertyDescriptors, 1);
  rt.DefineNative(object_ctor, "getOwnPropertyNames", ObjectGetOwnPropertyNames, 1);
  Handle proto_key = Handle::New(rt.heap(), rt.root(kRootPrototypeKey));
  Handle object_proto = Handle::New(rt.heap(), rt.GetNamed(object_ctor, proto_key));
  rt.DefineNative(object_proto, "propertyIsEnumerable", ObjectProtoPropertyIsEnumerable, 1);
  InstallObjectIntegrityBuiltins(rt, object_ctor);
}

}  // namespace tenure::js
