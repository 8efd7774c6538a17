// Private names: see private_names.h. Error texts are node 20's (V8 messages.h:
// kInvalidPrivateMemberRead/Write, kInvalidPrivateMethodWrite, kInvalidPrivateGetterAccess,
// kInvalidPrivateSetterAccess, kInvalidPrivateFieldReinitialization,
// kInvalidPrivateBrandReinitialization), checked against `node` output.
#include "private_names.h"

#include "modules.h"

#include <string>

#include "builtins.h"

namespace tenure::js {

namespace {

std::string PrivateText(Runtime& rt, Value key) {
  return rt.ToStdString(key.As<Symbol>()->description);
}

Value NewPrivateNameNative(Runtime& rt, Handle, Args args) {
  Handle description = args.at(0);
  Value symbol = NewSymbol(rt, description, true);
  symbol.As<Symbol>()->flags = Value::FromSmi(kSymbolPrivate | kSymbolPrivateName);
  return symbol;
}

Value ToPropertyKeyNative(Runtime& rt, Handle, Args args) {
  Handle value = args.at(0);
  Value key = rt.ToPropertyKey(value);
  if (key.IsEmpty() || !key.IsSmi()) return key;
  return rt.Intern(Runtime::NumberToString(static_cast<double>(key.ToSmi())));
}

Value SetFunctionNameNative(Runtime& rt, Handle, Args args) {
  tenure::HandleScope scope(rt.heap());
  Handle fn = args.at(0);
  Handle key = Handle::New(rt.heap(), rt.ToPropertyKey(args.at(1)));
  if (key.value().IsEmpty()) return Value();
  std::string name;
  if (key.value().IsSmi()) {
    name = Runtime::NumberToString(static_cast<double>(key.value().ToSmi()));
  } else if (IsKind(key.value(), Kind::kSymbol)) {
    Value description = key.value().As<Symbol>()->description;
    if (IsString(description)) name = "[" + rt.ToStdString(description) + "]";
  } else {
    name = rt.ToStdString(key.value());
  }
  std::string prefix = IsString(args.get(2)) ? rt.ToStdString(args.get(2)) : "";
  if (!prefix.empty()) name = prefix + " " + name;
  Handle text = Handle::New(rt.heap(), rt.NewString(name));
  Handle name_key = Handle::New(rt.heap(), rt.root(kRootNameKey));
  rt.DefineOwn(fn, name_key, text, kShapeHidden | kShapeReadOnly);
  return key.value();
}

// The own slot of `key` on `object` (a JSObject) or -1, with its shape flags.
int64_t FindPrivate(Value object, Value key, int64_t* flags) {
  if (!IsJSObject(object)) return -1;
  return Runtime::FindOwn(object.As<JSObject>(), key, flags);
}

}  // namespace

Value ClassIntrinsicFunction(Runtime& rt, int which) {
  tenure::HandleScope scope(rt.heap());
  if (rt.root(kRootClassIntrinsics) == kUndefined) {
    Handle table = Handle::New(rt.heap(), rt.NewFixedArray(kIntrinsicCount));
    Value fn = rt.NewNativeFunction("NewPrivateName", NewPrivateNameNative, 1);
    tenure::Store(table.value().As<FixedArray>(), &table.value().As<FixedArray>()->items()[kIntrinsicNewPrivateName], fn);
    fn = rt.NewNativeFunction("ToPropertyKey", ToPropertyKeyNative, 1);
    tenure::Store(table.value().As<FixedArray>(), &table.value().As<FixedArray>()->items()[kIntrinsicToPropertyKey], fn);
    fn = rt.NewNativeFunction("SetFunctionName", SetFunctionNameNative, 3);
    tenure::Store(table.value().As<FixedArray>(), &table.value().As<FixedArray>()->items()[kIntrinsicSetFunctionName], fn);
    fn = rt.NewNativeFunction("ModuleWrapperArg", ModuleWrapperArg, 1);
    tenure::Store(table.value().As<FixedArray>(), &table.value().As<FixedArray>()->items()[kIntrinsicModuleWrapperArg], fn);
    rt.set_root(kRootClassIntrinsics, table.value());
  }
  return rt.root(kRootClassIntrinsics).As<FixedArray>()->items()[which];
}

Value PrivateGet(Runtime& rt, Handle object, Handle key) {
  int64_t flags = 0;
  int64_t index = FindPrivate(object.value(), key.value(), &flags);
  if (index < 0) {
    return rt.ThrowTypeError("Cannot read private member " + PrivateText(rt, key.value()) +
                             " from an object whose class did not declare it");
  }
  Value v = Runtime::ReadSlot(object.value().As<JSObject>(), index);
  if (!(flags & kShapeAccessor)) return v;
  Value getter = v.As<FixedArray>()->items()[0];
  if (getter == kUndefined) return rt.ThrowTypeError("'" + PrivateText(rt, key.value()) + "' was defined without a getter");
  tenure::HandleScope scope(rt.heap());
  Handle g = Handle::New(rt.heap(), getter);
  return rt.Call(g, object, nullptr, 0);
}

bool PrivateSet(Runtime& rt, Handle object, Handle key, Handle value) {
  int64_t flags = 0;
  int64_t index = FindPrivate(object.value(), key.value(), &flags);
  if (index < 0) {
    rt.ThrowTypeError("Cannot write private member " + PrivateText(rt, key.value()) +
                      " to an object whose class did not declare it");
    return false;
  }
  JSObject* o = object.value().As<JSObject>();
  if (flags & kShapeAccessor) {
    Value setter = Runtime::ReadSlot(o, index).As<FixedArray>()->items()[1];
    if (setter == kUndefined) {
      rt.ThrowTypeError("'" + PrivateText(rt, key.value()) + "' was defined without a setter");
      return false;
    }
    tenure::HandleScope scope(rt.heap());
    Handle s = Handle::New(rt.heap(), setter);
    Value arg = value.value();
    return !rt.Call(s, object, &arg, 1).IsEmpty();
  }
  if (flags & kShapeHidden) {
    rt.ThrowTypeError("Private method '" + PrivateText(rt, key.value()) + "' is not writable");
    return false;
  }
  Runtime::WriteSlot(o, index, value.value());
  return true;
}

Value PrivateHas(Runtime& rt, Handle object, Handle key) {
  if (!IsJSObject(object.value())) {
    tenure::HandleScope scope(rt.heap());
    Handle text = Handle::New(rt.heap(), rt.ToString(object));
    if (text.value().IsEmpty()) return Value();
    return rt.ThrowTypeError("Cannot use 'in' operator to search for '" + PrivateText(rt, key.value()) +
                             "' in " + rt.ToStdString(text.value()));
  }
  int64_t flags = 0;
  return FromBool(FindPrivate(object.value(), key.value(), &flags) >= 0);
}

bool CheckPrivateAdd(Runtime& rt, Handle object, Handle key, bool is_method, Value method) {
  int64_t flags = 0;
  if (FindPrivate(object.value(), key.value(), &flags) < 0) return true;
  if (!is_method) {
    rt.ThrowTypeError("Cannot initialize " + PrivateText(rt, key.value()) + " twice on the same object");
    return false;
  }
  // The class is the constructor of the method's home object (its prototype).
  std::string class_name;
  if (IsKind(method, Kind::kFunction)) {
    Value home = method.As<JSObject>()->internal[2];
    if (IsJSObject(home)) {
      int64_t f = 0;
      Value ctor_key = rt.root(kRootConstructorKey);
      int64_t i = Runtime::FindOwn(home.As<JSObject>(), ctor_key, &f);
      if (i >= 0 && !(f & kShapeAccessor)) class_name = rt.FunctionName(Runtime::ReadSlot(home.As<JSObject>(), i));
    }
  }
  rt.ThrowTypeError("Cannot initialize private methods of class " + class_name + " twice on the same object");
  return false;
}

}  // namespace tenure::js
