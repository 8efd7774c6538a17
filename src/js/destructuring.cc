#include "destructuring.h"

#include <string>
#include <unordered_set>

namespace tenure::js {

namespace {

// V8's "<typeof> <value>" rendering in not-iterable messages (node 20: `object null`,
// `number 1.5`, `boolean true`, bare `object` / `symbol` / `undefined`).
std::string DescribeForIteration(Runtime& rt, Value v) {
  if (v == kUndefined) return "undefined";
  if (v == kNull) return "object null";
  if (v == kTrue || v == kFalse) return v == kTrue ? "boolean true" : "boolean false";
  if (v.IsSmi()) return "number " + std::to_string(v.ToSmi());
  if (IsKind(v, Kind::kHeapNumber)) return "number " + Runtime::NumberToString(v.As<HeapNumber>()->value);
  if (IsKind(v, Kind::kSymbol)) return "symbol";
  if (IsKind(v, Kind::kFunction)) return "function";
  return "object";
}

bool HasFastIteration(Value v) {
  return IsKind(v, Kind::kArray) || IsString(v) || IsKind(v, Kind::kMap) || IsKind(v, Kind::kSet);
}

}  // namespace

void ThrowNotDestructurable(Runtime& rt, Value value, Value text, Value key) {
  std::string what = value == kNull ? "null" : "undefined";
  std::string property = key.IsEmpty() || key == kUndefined ? "" : rt.ToStdString(key);
  if (text.IsSmi() && text.ToSmi() == -2) {  // nested pattern: the property read that failed
    rt.ThrowTypeError("Cannot read properties of " + what +
                      (property.empty() ? "" : " (reading '" + property + "')"));
    return;
  }
  std::string name = text.IsSmi() ? (value == kNull ? "object null" : "undefined") : rt.ToStdString(text);
  std::string subject = property.empty() ? "" : "property '" + property + "' of ";
  rt.ThrowTypeError("Cannot destructure " + subject + "'" + name + "' as it is " + what + ".");
}

bool DestructureIterable(Runtime& rt, Value* iter_out, Handle value, Value message) {
  Value v = value.value();
  bool iterable = HasFastIteration(v);
  if (!iterable && IsJSObject(v)) {
    tenure::HandleScope scope(rt.heap());
    Handle key = Handle::New(rt.heap(), rt.root(kRootIteratorSymbol));
    Value method = rt.GetNamed(value, key);
    if (method.IsEmpty()) return false;
    iterable = rt.IsCallable(method);
  }
  if (iterable) return rt.ForOfPrepare(iter_out, value);
  if (IsString(message)) {
    rt.ThrowTypeError(rt.ToStdString(message));
  } else {
    rt.ThrowTypeError(DescribeForIteration(rt, value.value()) +
                      " is not iterable (cannot read property Symbol(Symbol.iterator))");
  }
  return false;
}

bool ObjectRest(Runtime& rt, Value* out, Handle source, Value* excluded, int count) {
  tenure::HandleScope scope(rt.heap());
  std::unordered_set<std::string> skip;
  for (int i = 0; i < count; ++i) {
    Value key = rt.ToPropertyKey(Handle::FromSlot(&excluded[i]));
    if (key.IsEmpty()) return false;
    if (key.IsSmi()) skip.insert(std::to_string(key.ToSmi()));
    else if (IsString(key)) skip.insert(rt.ToStdString(key));
  }
  Handle target = Handle::New(rt.heap(), rt.NewPlainObject());
  if (IsNullish(source.value())) {
    *out = target.value();
    return true;
  }
  Handle keys = Handle::New(rt.heap(), rt.OwnKeys(source));
  int64_t n = rt.ArrayLength(keys.value());
  for (int64_t i = 0; i < n; ++i) {
    Handle k = Handle::New(rt.heap(), rt.ArrayGet(keys.value().As<JSObject>(), i));
    if (skip.count(rt.ToStdString(k.value())) != 0) continue;
    Handle v = Handle::New(rt.heap(), rt.GetProperty(source, k));
    if (v.value().IsEmpty()) return false;
    if (!rt.SetProperty(target, k, v)) return false;
  }
  *out = target.value();
  return true;
}

}  // namespace tenure::js
