// ArrayBuffer, %TypedArray% and the nine typed array constructors (layouts and invariants in
// builtins_typed_array.h). Behaviour and error texts follow node 20 (V8 11.3), observed by
// running it; algorithms from ECMA-262 §23.2 (TypedArray objects), §25.1 (ArrayBuffer) and
// §7.1.6-§7.1.11 (ToInt32 .. ToUint8Clamp). Backing stores are made by NewArrayBuffer
// (builtins_buffer.cc), the only code that allocates, accounts and frees them.
#include "builtins_typed_array.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "builtins.h"
#include "builtins_array_generic.h"

namespace tenure::js {

namespace {

struct ElementInfo {
  const char* name;
  size_t size;
};
constexpr ElementInfo kElements[] = {
    {"Int8Array", 1},  {"Uint8Array", 1},  {"Uint8ClampedArray", 1}, {"Int16Array", 2},   {"Uint16Array", 2},
    {"Int32Array", 4}, {"Uint32Array", 4}, {"Float32Array", 4},      {"Float64Array", 8},
};
constexpr size_t kMaxByteLength = size_t{1} << 32;  // node 20's kMaxLength for ArrayBuffer

// ECMA-262 §7.1.7 ToUint32 (the modulo that ToInt8 .. ToInt32 share).
uint32_t ModuloUint32(double d) {
  if (!std::isfinite(d)) return 0;
  double m = std::fmod(std::trunc(d), 4294967296.0);
  if (m < 0) m += 4294967296.0;
  return static_cast<uint32_t>(m);
}

template <typename T>
void Put(uint8_t* p, T v) { std::memcpy(p, &v, sizeof(T)); }
template <typename T>
T Get(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

Value Prototypes(Runtime& rt) { return rt.root(kRootTypedArrayPrototypes); }

// The receiver as a view, or empty with V8's TypeError pending.
bool CheckView(Runtime& rt, Handle self) {
  if (IsView(self.value())) return true;
  rt.ThrowTypeError("this is not a typed array.");
  return false;
}

// ToIntegerOrInfinity of argument i, resolved against `len` as slice/subarray/fill do
// (negative counts from the end, clamped to [0, len]); `fallback` when the argument is undefined.
bool RelativeIndex(Runtime& rt, Args args, int i, int64_t len, int64_t fallback, int64_t* out) {
  if (args.get(i) == kUndefined) {
    *out = fallback;
    return true;
  }
  double d = 0;
  if (!ArgInteger(rt, args, i, &d)) return false;
  if (d < 0) d = std::max(static_cast<double>(len) + d, 0.0);
  *out = static_cast<int64_t>(std::min(d, static_cast<double>(len)));
  return true;
}

// ECMA-262 §7.1.22 ToIndex with V8's message for each caller.
bool ToIndex(Runtime& rt, Handle v, const std::string& message, size_t* out) {
  double d = 0;
  if (v.value() != kUndefined && !rt.ToNumber(v, &d)) return false;
  d = std::isnan(d) ? 0 : std::trunc(d);
  if (d < 0 || d > static_cast<double>(kMaxByteLength)) {
    rt.ThrowError(ErrorType::kRangeError, message);
    return false;
  }
  *out = static_cast<size_t>(d);
  return true;
}

// The view's own kind and prototype for derived arrays (subarray of a Buffer is a Buffer).
Value ProtoForViewOf(Runtime& rt, Value view) {
  if (IsKind(view, Kind::kBuffer)) return rt.root(kRootBufferPrototype);
  return TypedArrayPrototype(rt, ViewType(view));
}

// A new view like `self` (same kind and element type) over a fresh zero-filled buffer.
Value NewViewLike(Runtime& rt, Handle self, size_t length) {
  tenure::HandleScope scope(rt.heap());
  ElementType type = ViewType(self.value());
  Handle store = Handle::New(rt.heap(), NewArrayBuffer(rt, length * ElementSize(type)));
  if (store.value().IsEmpty()) return Value();
  Handle proto = Handle::New(rt.heap(), ProtoForViewOf(rt, self.value()));
  return NewView(rt, KindOf(self.value().ToObject()), proto, store, type, 0, length);
}

// Reads every element of an array-like or iterable `source` into `values` (constructor, set).
bool CollectNumbers(Runtime& rt, Handle source, std::vector<double>* values) {
  tenure::HandleScope scope(rt.heap());
  if (IsView(source.value())) {
    for (size_t i = 0; i < ViewLength(source.value()); ++i) {
      values->push_back(ReadElement(ViewData(source.value()) + i * ElementSize(ViewType(source.value())),
                                    ViewType(source.value())));
    }
    return true;
  }
  Handle iterator_key = Handle::New(rt.heap(), rt.root(kRootIteratorSymbol));
  Handle method = Handle::New(rt.heap(), rt.GetProperty(source, iterator_key));
  if (method.value().IsEmpty()) return false;
  Handle items = Handle::New(rt.heap(), rt.NewArray());
  if (!IsNullish(method.value())) {
    if (!rt.SpreadInto(items, source)) return false;
  } else {
    items.Set(source.value());
  }
  Handle length_key = Handle::New(rt.heap(), rt.root(kRootLengthKey));
  Handle length = Handle::New(rt.heap(), rt.GetProperty(items, length_key));
  double n = 0;
  if (length.value().IsEmpty() || !rt.ToNumber(length, &n)) return false;
  for (int64_t i = 0; i < static_cast<int64_t>(std::isnan(n) ? 0 : n); ++i) {
    Handle key = Handle::New(rt.heap(), Value::FromSmi(i));
    Handle item = Handle::New(rt.heap(), rt.GetProperty(items, key));
    double d = 0;
    if (item.value().IsEmpty() || !rt.ToNumber(item, &d)) return false;
    values->push_back(d);
  }
  return true;
}

// `new XArray(buffer, byteOffset, length)`: the checks of §23.2.5.1.3 InitializeTypedArrayFromArrayBuffer.
Value ConstructOverBuffer(Runtime& rt, Handle instance_proto, ElementType type, Args args) {
  size_t size = ElementSize(type);
  const std::string name = kElements[static_cast<int>(type)].name;
  size_t offset = 0, length = 0;
  if (!ToIndex(rt, args.at(1), "Start offset " + rt.Inspect(args.at(1)) + " is outside the bounds of the buffer",
               &offset)) {
    return Value();
  }
  if (offset % size != 0) {
    return rt.ThrowError(ErrorType::kRangeError, "start offset of " + name + " should be a multiple of " + std::to_string(size));
  }
  size_t buffer_length = ArrayBufferLength(args.get(0));
  if (args.get(2) == kUndefined) {
    if (buffer_length % size != 0) {
      return rt.ThrowError(ErrorType::kRangeError, "byte length of " + name + " should be a multiple of " + std::to_string(size));
    }
    if (offset > buffer_length) {
      return rt.ThrowError(ErrorType::kRangeError, "Start offset " + std::to_string(offset) + " is outside the bounds of the buffer");
    }
    length = (buffer_length - offset) / size;
  } else {
    if (!ToIndex(rt, args.at(2), "Invalid typed array length: " + rt.Inspect(args.at(2)), &length)) return Value();
    if (offset + length * size > buffer_length) {
      return rt.ThrowError(ErrorType::kRangeError, "Invalid typed array length: " + std::to_string(length));
    }
  }
  return NewView(rt, Kind::kTypedArray, instance_proto, args.at(0), type, offset, length);
}

// §23.2.5.1 TypedArray(...args) for element type `type`.
Value ConstructTypedArray(Runtime& rt, ElementType type, Args args) {
  tenure::HandleScope scope(rt.heap());
  const char* name = kElements[static_cast<int>(type)].name;
  Handle probe = Handle::New(rt.heap(), NewBuiltinInstance(rt, Kind::kObject, name, kRootObjectPrototype));
  if (probe.value().IsEmpty()) return Value();
  Handle proto = Handle::New(rt.heap(), probe.value().As<JSObject>()->proto);  // new.target.prototype
  Value first = args.get(0);
  if (IsKind(first, Kind::kArrayBuffer)) return ConstructOverBuffer(rt, proto, type, args);
  std::vector<double> values;
  size_t length = 0;
  if (IsJSObject(first)) {
    if (!CollectNumbers(rt, args.at(0), &values)) return Value();
    length = values.size();
  } else if (!ToIndex(rt, args.at(0), "Invalid typed array length: " + rt.Inspect(args.at(0)), &length)) {
    return Value();
  }
  if (length > kMaxByteLength / ElementSize(type)) {
    return rt.ThrowError(ErrorType::kRangeError, "Invalid typed array length: " + std::to_string(length));
  }
  Handle store = Handle::New(rt.heap(), NewArrayBuffer(rt, length * ElementSize(type)));
  if (store.value().IsEmpty()) return Value();
  for (size_t i = 0; i < values.size(); ++i) {
    WriteElement(ArrayBufferData(store.value()) + i * ElementSize(type), type, values[i]);
  }
  return NewView(rt, Kind::kTypedArray, proto, store, type, 0, length);
}

template <ElementType kType>
Value TypedArrayConstructor(Runtime& rt, Handle, Args args) {
  return ConstructTypedArray(rt, kType, args);
}
constexpr NativeFn kConstructors[] = {
    TypedArrayConstructor<ElementType::kInt8>,    TypedArrayConstructor<ElementType::kUint8>,
    TypedArrayConstructor<ElementType::kUint8Clamped>, TypedArrayConstructor<ElementType::kInt16>,
    TypedArrayConstructor<ElementType::kUint16>,  TypedArrayConstructor<ElementType::kInt32>,
    TypedArrayConstructor<ElementType::kUint32>,  TypedArrayConstructor<ElementType::kFloat32>,
    TypedArrayConstructor<ElementType::kFloat64>,
};

// ---- ArrayBuffer ----------------------------------------------------------------------------

TENURE_NATIVE(ArrayBufferConstructor) {
  tenure::HandleScope scope(rt.heap());
  Handle probe = Handle::New(rt.heap(), NewBuiltinInstance(rt, Kind::kObject, "ArrayBuffer", kRootObjectPrototype));
  if (probe.value().IsEmpty()) return Value();
  size_t size = 0;
  if (!ToIndex(rt, args.at(0), "Invalid array buffer length", &size)) return Value();
  Handle buffer = Handle::New(rt.heap(), NewArrayBuffer(rt, size));
  if (buffer.value().IsEmpty()) return Value();
  tenure::Store(buffer.value().ToObject(), &buffer.value().As<JSObject>()->proto, probe.value().As<JSObject>()->proto);
  return buffer.value();
}

TENURE_NATIVE(ArrayBufferIsView) { return FromBool(IsView(args.get(0)) || IsKind(args.get(0), Kind::kDataView)); }

bool CheckArrayBuffer(Runtime& rt, Handle self, const char* method) {
  if (IsKind(self.value(), Kind::kArrayBuffer)) return true;
  rt.ThrowTypeError(std::string("Method ArrayBuffer.prototype.") + method + " called on incompatible receiver " +
                    rt.Inspect(self));
  return false;
}

TENURE_NATIVE(ArrayBufferByteLength) {
  if (!CheckArrayBuffer(rt, self, "byteLength")) return Value();
  return self.value().As<JSObject>()->length;
}

TENURE_NATIVE(ArrayBufferSlice) {
  if (!CheckArrayBuffer(rt, self, "slice")) return Value();
  int64_t len = static_cast<int64_t>(ArrayBufferLength(self.value()));
  int64_t begin = 0, end = 0;
  if (!RelativeIndex(rt, args, 0, len, 0, &begin) || !RelativeIndex(rt, args, 1, len, len, &end)) return Value();
  size_t n = end > begin ? static_cast<size_t>(end - begin) : 0;
  Value copy = NewArrayBuffer(rt, n);
  if (!copy.IsEmpty() && n > 0) std::memcpy(ArrayBufferData(copy), ArrayBufferData(self.value()) + begin, n);
  return copy;
}

// ---- %TypedArray%.prototype: accessors ---------------------------------------------------------

TENURE_NATIVE(ViewLengthGetter) {
  if (!CheckView(rt, self)) return Value();
  return self.value().As<JSObject>()->length;
}
TENURE_NATIVE(ViewByteLengthGetter) {
  if (!CheckView(rt, self)) return Value();
  return rt.NewNumber(static_cast<double>(ViewLength(self.value()) * ElementSize(ViewType(self.value()))));
}
TENURE_NATIVE(ViewByteOffsetGetter) {
  if (!CheckView(rt, self)) return Value();
  return rt.NewNumber(static_cast<double>(ViewByteOffset(self.value())));
}
TENURE_NATIVE(ViewBufferGetter) {
  if (!CheckView(rt, self)) return Value();
  return self.value().As<JSObject>()->internal[1];
}

// ---- %TypedArray%.prototype: methods -----------------------------------------------------------

TENURE_NATIVE(ViewSubarray) {
  if (!CheckView(rt, self)) return Value();
  int64_t len = static_cast<int64_t>(ViewLength(self.value()));
  int64_t begin = 0, end = 0;
  if (!RelativeIndex(rt, args, 0, len, 0, &begin) || !RelativeIndex(rt, args, 1, len, len, &end)) return Value();
  tenure::HandleScope scope(rt.heap());
  Handle proto = Handle::New(rt.heap(), ProtoForViewOf(rt, self.value()));
  Handle buffer = Handle::New(rt.heap(), self.value().As<JSObject>()->internal[1]);
  ElementType type = ViewType(self.value());
  size_t offset = ViewByteOffset(self.value()) + static_cast<size_t>(begin) * ElementSize(type);
  size_t n = end > begin ? static_cast<size_t>(end - begin) : 0;
  return NewView(rt, KindOf(self.value().ToObject()), proto, buffer, type, offset, n);
}

TENURE_NATIVE(ViewSlice) {
  if (!CheckView(rt, self)) return Value();
  int64_t len = static_cast<int64_t>(ViewLength(self.value()));
  int64_t begin = 0, end = 0;
  if (!RelativeIndex(rt, args, 0, len, 0, &begin) || !RelativeIndex(rt, args, 1, len, len, &end)) return Value();
  size_t n = end > begin ? static_cast<size_t>(end - begin) : 0;
  Value copy = NewViewLike(rt, self, n);
  size_t size = ElementSize(ViewType(self.value()));
  if (!copy.IsEmpty() && n > 0) std::memcpy(ViewData(copy), ViewData(self.value()) + begin * size, n * size);
  return copy;
}

TENURE_NATIVE(ViewFill) {
  if (!CheckView(rt, self)) return Value();
  double value = 0;
  if (!ArgNumber(rt, args, 0, &value)) return Value();
  int64_t len = static_cast<int64_t>(ViewLength(self.value()));
  int64_t begin = 0, end = 0;
  if (!RelativeIndex(rt, args, 1, len, 0, &begin) || !RelativeIndex(rt, args, 2, len, len, &end)) return Value();
  ElementType type = ViewType(self.value());
  for (int64_t i = begin; i < end; ++i) WriteElement(ViewData(self.value()) + i * ElementSize(type), type, value);
  return self.value();
}

TENURE_NATIVE(ViewSet) {
  if (!CheckView(rt, self)) return Value();
  double offset = 0;
  if (!ArgInteger(rt, args, 1, &offset)) return Value();
  if (offset < 0) return rt.ThrowError(ErrorType::kRangeError, "offset is out of bounds");
  if (!IsJSObject(args.get(0)) && !IsString(args.get(0))) {
    return rt.ThrowTypeError("invalid_argument");
  }
  std::vector<double> values;  // read first: source and target may share a buffer
  if (!CollectNumbers(rt, args.at(0), &values)) return Value();
  if (offset + static_cast<double>(values.size()) > static_cast<double>(ViewLength(self.value()))) {
    return rt.ThrowError(ErrorType::kRangeError, "offset is out of bounds");
  }
  ElementType type = ViewType(self.value());
  for (size_t i = 0; i < values.size(); ++i) {
    WriteElement(ViewData(self.value()) + (static_cast<size_t>(offset) + i) * ElementSize(type), type, values[i]);
  }
  return kUndefined;
}

// indexOf (strict equality: NaN never found) and includes (SameValueZero: NaN found).
Value Search(Runtime& rt, Handle self, Args args, bool same_value_zero) {
  if (!CheckView(rt, self)) return Value();
  int64_t len = static_cast<int64_t>(ViewLength(self.value()));
  int64_t from = 0;
  if (!RelativeIndex(rt, args, 1, len, 0, &from)) return Value();
  Value target = args.get(0);
  if (IsNumber(target)) {
    double t = NumberValue(target);
    ElementType type = ViewType(self.value());
    for (int64_t i = from; i < len; ++i) {
      double e = ReadElement(ViewData(self.value()) + i * ElementSize(type), type);
      if (e == t || (same_value_zero && std::isnan(e) && std::isnan(t))) {
        return same_value_zero ? kTrue : Value::FromSmi(i);
      }
    }
  }
  return same_value_zero ? kFalse : Value::FromSmi(-1);
}
TENURE_NATIVE(ViewIndexOf) { return Search(rt, self, args, false); }
TENURE_NATIVE(ViewIncludes) { return Search(rt, self, args, true); }

TENURE_NATIVE(ViewJoin) {
  if (!CheckView(rt, self)) return Value();
  std::string separator;
  if (!JoinSeparator(rt, args, &separator)) return Value();
  std::string out;
  ElementType type = ViewType(self.value());
  for (size_t i = 0; i < ViewLength(self.value()); ++i) {
    if (i > 0) out += separator;
    out += Runtime::NumberToString(ReadElement(ViewData(self.value()) + i * ElementSize(type), type));
  }
  return rt.NewString(out);
}

// Every element as a double, and back (reverse, sort).
std::vector<double> ViewValuesOf(Value view) {
  std::vector<double> values(ViewLength(view));
  ElementType type = ViewType(view);
  for (size_t i = 0; i < values.size(); ++i) values[i] = ReadElement(ViewData(view) + i * ElementSize(type), type);
  return values;
}
void StoreValues(Value view, const std::vector<double>& values) {
  ElementType type = ViewType(view);
  for (size_t i = 0; i < values.size(); ++i) WriteElement(ViewData(view) + i * ElementSize(type), type, values[i]);
}

TENURE_NATIVE(ViewReverse) {
  if (!CheckView(rt, self)) return Value();
  std::vector<double> values = ViewValuesOf(self.value());
  std::reverse(values.begin(), values.end());
  StoreValues(self.value(), values);
  return self.value();
}

TENURE_NATIVE(ViewLastIndexOf) {
  if (!CheckView(rt, self)) return Value();
  int64_t len = static_cast<int64_t>(ViewLength(self.value()));
  double from = static_cast<double>(len - 1);
  if (args.count > 1 && !ArgInteger(rt, args, 1, &from)) return Value();
  if (from < 0) from += static_cast<double>(len);
  if (!IsNumber(args.get(0))) return Value::FromSmi(-1);
  double target = NumberValue(args.get(0));
  std::vector<double> values = ViewValuesOf(self.value());
  for (int64_t i = static_cast<int64_t>(std::min(from, static_cast<double>(len - 1))); i >= 0; --i) {
    if (values[static_cast<size_t>(i)] == target) return Value::FromSmi(i);
  }
  return Value::FromSmi(-1);
}

// §23.2.3.29 TypedArray.prototype.sort: numeric order (-0 before +0, NaN last) or the
// comparator's sign. A stable bottom-up merge sort, so an inconsistent comparator cannot break it;
// once the comparator throws, the remaining comparisons are skipped and the view is unchanged.
TENURE_NATIVE(ViewSort) {
  if (!CheckView(rt, self)) return Value();
  tenure::HandleScope scope(rt.heap());
  Value compare = args.get(0);
  if (compare != kUndefined && !rt.IsCallable(compare)) {
    return rt.ThrowTypeError("The comparison function must be either a function or undefined");
  }
  auto less = [&](double a, double b) -> bool {
    if (rt.has_exception()) return false;
    if (compare == kUndefined) {
      if (std::isnan(a) || std::isnan(b)) return !std::isnan(a) && std::isnan(b);
      return a < b || (a == 0 && b == 0 && std::signbit(a) && !std::signbit(b));
    }
    tenure::HandleScope inner(rt.heap());
    Handle x = Handle::New(rt.heap(), rt.NewNumber(a));
    Handle y = Handle::New(rt.heap(), rt.NewNumber(b));
    Value call_args[2] = {x.value(), y.value()};
    Handle none = Handle::New(rt.heap(), kUndefined);
    Handle r = Handle::New(rt.heap(), rt.Call(args.at(0), none, call_args, 2));
    double v = 0;
    return !r.value().IsEmpty() && rt.ToNumber(r, &v) && v < 0;
  };
  std::vector<double> values = ViewValuesOf(self.value()), merged(values.size());
  for (size_t width = 1; width < values.size(); width *= 2) {
    for (size_t lo = 0; lo < values.size(); lo += 2 * width) {
      size_t mid = std::min(lo + width, values.size()), hi = std::min(lo + 2 * width, values.size());
      size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) merged[k++] = less(values[j], values[i]) ? values[j++] : values[i++];
      while (i < mid) merged[k++] = values[i++];
      while (j < hi) merged[k++] = values[j++];
    }
    values.swap(merged);
  }
  if (rt.has_exception()) return Value();
  StoreValues(self.value(), values);
  return self.value();
}

TENURE_NATIVE(ViewAt) {
  if (!CheckView(rt, self)) return Value();
  double i = 0;
  if (!ArgInteger(rt, args, 0, &i)) return Value();
  double len = static_cast<double>(ViewLength(self.value()));
  if (i < 0) i += len;
  if (i < 0 || i >= len) return kUndefined;
  return ViewGetIndex(rt, self.value(), static_cast<int64_t>(i));
}

// What a callback method does with the callback's results.
enum class Walk { kForEach, kMap, kFilter, kSome, kEvery, kFind, kFindIndex };

// forEach/map/filter/some/every/find/findIndex (§23.2.3): callback(value, index, array) with
// thisArg; the length is read once (views never shrink).
Value CallbackWalk(Runtime& rt, Handle self, Args args, Walk walk) {
  if (!CheckView(rt, self)) return Value();
  tenure::HandleScope scope(rt.heap());
  if (!rt.IsCallable(args.get(0))) return rt.ThrowTypeError(NotAFunctionMessage(rt, args.at(0)));
  size_t len = ViewLength(self.value());
  Handle result = Handle::New(rt.heap(), walk == Walk::kMap ? NewViewLike(rt, self, len) : kUndefined);
  if (result.value().IsEmpty()) return Value();
  std::vector<double> kept;
  for (size_t i = 0; i < len; ++i) {
    Handle item = Handle::New(rt.heap(), ViewGetIndex(rt, self.value(), static_cast<int64_t>(i)));
    Value call_args[3] = {item.value(), Value::FromSmi(static_cast<int64_t>(i)), self.value()};
    Handle r = Handle::New(rt.heap(), rt.Call(args.at(0), args.at(1), call_args, 3));
    if (r.value().IsEmpty()) return Value();
    bool truthy = Runtime::ToBoolean(r.value());
    if (walk == Walk::kMap && !ViewSetIndex(rt, result, static_cast<int64_t>(i), r)) return Value();
    if (walk == Walk::kFilter && truthy) kept.push_back(NumberValue(item.value()));
    if (walk == Walk::kSome && truthy) return kTrue;
    if (walk == Walk::kEvery && !truthy) return kFalse;
    if (walk == Walk::kFind && truthy) return item.value();
    if (walk == Walk::kFindIndex && truthy) return Value::FromSmi(static_cast<int64_t>(i));
  }
  switch (walk) {
    case Walk::kMap: return result.value();
    case Walk::kSome: return kFalse;
    case Walk::kEvery: return kTrue;
    case Walk::kFindIndex: return Value::FromSmi(-1);
    case Walk::kFilter: {
      Value out = NewViewLike(rt, self, kept.size());
      ElementType type = ViewType(self.value());
      for (size_t i = 0; !out.IsEmpty() && i < kept.size(); ++i) WriteElement(ViewData(out) + i * ElementSize(type), type, kept[i]);
      return out;
    }
    default: return kUndefined;
  }
}
TENURE_NATIVE(ViewForEach) { return CallbackWalk(rt, self, args, Walk::kForEach); }
TENURE_NATIVE(ViewMap) { return CallbackWalk(rt, self, args, Walk::kMap); }
TENURE_NATIVE(ViewFilter) { return CallbackWalk(rt, self, args, Walk::kFilter); }
TENURE_NATIVE(ViewSome) { return CallbackWalk(rt, self, args, Walk::kSome); }
TENURE_NATIVE(ViewEvery) { return CallbackWalk(rt, self, args, Walk::kEvery); }
TENURE_NATIVE(ViewFind) { return CallbackWalk(rt, self, args, Walk::kFind); }
TENURE_NATIVE(ViewFindIndex) { return CallbackWalk(rt, self, args, Walk::kFindIndex); }

TENURE_NATIVE(ViewReduce) {
  if (!CheckView(rt, self)) return Value();
  tenure::HandleScope scope(rt.heap());
  if (!rt.IsCallable(args.get(0))) return rt.ThrowTypeError(NotAFunctionMessage(rt, args.at(0)));
  size_t len = ViewLength(self.value());
  size_t i = 0;
  Handle acc = Handle::New(rt.heap(), args.get(1));
  if (args.count < 2) {
    if (len == 0) return rt.ThrowTypeError("Reduce of empty array with no initial value");
    acc.Set(ViewGetIndex(rt, self.value(), 0));
    i = 1;
  }
  Handle none = Handle::New(rt.heap(), kUndefined);
  for (; i < len; ++i) {
    Handle item = Handle::New(rt.heap(), ViewGetIndex(rt, self.value(), static_cast<int64_t>(i)));
    Value call_args[4] = {acc.value(), item.value(), Value::FromSmi(static_cast<int64_t>(i)), self.value()};
    acc.Set(rt.Call(args.at(0), none, call_args, 4));
    if (acc.value().IsEmpty()) return Value();
  }
  return acc.value();
}

// values() / [Symbol.iterator]: an Array iterator over a copy of the elements (a snapshot: writes
// made during the iteration are not seen).
TENURE_NATIVE(ViewValues) {
  if (!CheckView(rt, self)) return Value();
  tenure::HandleScope scope(rt.heap());
  size_t len = ViewLength(self.value());
  Handle items = Handle::New(rt.heap(), rt.NewArray(static_cast<int64_t>(len)));
  for (size_t i = 0; i < len; ++i) {
    Handle item = Handle::New(rt.heap(), ViewGetIndex(rt, self.value(), static_cast<int64_t>(i)));
    if (!rt.ArrayPush(items, item)) return Value();
  }
  Handle record = Handle::New(rt.heap(), rt.NewIterationRecord(items, kIterArray));
  return NewNativeIterator(rt, record);
}

// keys(): live, like Array.prototype.keys (only the length is read at each step).
TENURE_NATIVE(ViewKeys) {
  if (!CheckView(rt, self)) return Value();
  tenure::HandleScope scope(rt.heap());
  Handle record = Handle::New(rt.heap(), rt.NewIterationRecord(self, kIterArrayKeys));
  return NewNativeIterator(rt, record);
}

// entries(): [index, value] pairs of a copy of the elements (a snapshot, like values()).
TENURE_NATIVE(ViewEntries) {
  if (!CheckView(rt, self)) return Value();
  tenure::HandleScope scope(rt.heap());
  size_t len = ViewLength(self.value());
  Handle items = Handle::New(rt.heap(), rt.NewArray(static_cast<int64_t>(len)));
  for (size_t i = 0; i < len; ++i) {
    tenure::HandleScope item_scope(rt.heap());
    Handle pair = Handle::New(rt.heap(), rt.NewArray(2));
    Handle index = Handle::New(rt.heap(), Value::FromSmi(static_cast<int64_t>(i)));
    Handle item = Handle::New(rt.heap(), ViewGetIndex(rt, self.value(), static_cast<int64_t>(i)));
    rt.ArrayPush(pair, index);
    rt.ArrayPush(pair, item);
    if (!rt.ArrayPush(items, pair)) return Value();
  }
  Handle record = Handle::New(rt.heap(), rt.NewIterationRecord(items, kIterArray));
  return NewNativeIterator(rt, record);
}

// copyWithin(target, start[, end]) (§23.2.3.6): a memmove of the element bytes (overlap-safe).
TENURE_NATIVE(ViewCopyWithin) {
  if (!CheckView(rt, self)) return Value();
  int64_t len = static_cast<int64_t>(ViewLength(self.value()));
  int64_t to = 0, from = 0, end = 0;
  if (!RelativeIndex(rt, args, 0, len, 0, &to) || !RelativeIndex(rt, args, 1, len, 0, &from) ||
      !RelativeIndex(rt, args, 2, len, len, &end)) {
    return Value();
  }
  int64_t count = std::min(end - from, len - to);
  if (count > 0) {
    size_t size = ElementSize(ViewType(self.value()));
    uint8_t* data = ViewData(self.value());
    std::memmove(data + to * size, data + from * size, static_cast<size_t>(count) * size);
  }
  return self.value();
}

// %TypedArray%.from / .of (§23.2.2.1-2): `this` constructs the result with the element count,
// then each value (mapped by mapFn(value, index) for from) is stored by index.
Value FillNewTypedArray(Runtime& rt, Handle ctor, Handle items, Handle map_fn, Handle this_arg) {
  tenure::HandleScope scope(rt.heap());
  if (!rt.IsCallable(ctor.value())) return rt.ThrowTypeError(rt.Inspect(ctor) + " is not a constructor");
  int64_t len = Runtime::ArrayLength(items.value());
  Value length = Value::FromSmi(len);
  Handle target = Handle::New(rt.heap(), rt.Construct(ctor, &length, 1, ctor));
  if (target.value().IsEmpty()) return Value();
  if (!IsView(target.value())) return rt.ThrowTypeError("this is not a typed array.");
  if (static_cast<int64_t>(ViewLength(target.value())) < len) {
    return rt.ThrowTypeError("Attempting to access out-of-bounds memory");
  }
  for (int64_t i = 0; i < len; ++i) {
    tenure::HandleScope item_scope(rt.heap());
    Handle key = Handle::New(rt.heap(), Value::FromSmi(i));
    Value call_args[2] = {rt.ArrayGet(items.value().As<JSObject>(), i), key.value()};
    Handle value = Handle::New(rt.heap(), call_args[0]);
    if (map_fn.value() != kUndefined) value.Set(rt.Call(map_fn, this_arg, call_args, 2));
    if (value.value().IsEmpty() || !rt.SetProperty(target, key, value)) return Value();
  }
  return target.value();
}

TENURE_NATIVE(TypedArrayFrom) {
  tenure::HandleScope scope(rt.heap());
  Handle map_fn = args.at(1);
  if (map_fn.value() != kUndefined && !rt.IsCallable(map_fn.value())) {
    return rt.ThrowTypeError(NotAFunctionMessage(rt, map_fn));
  }
  Handle source = args.at(0);
  if (IsNullish(source.value())) return rt.ThrowTypeError("Cannot convert undefined or null to object");
  Handle items = Handle::New(rt.heap(), rt.NewArray());
  Handle iterator_key = Handle::New(rt.heap(), rt.root(kRootIteratorSymbol));
  Handle method = Handle::New(rt.heap(), rt.GetProperty(source, iterator_key));
  if (method.value().IsEmpty()) return Value();
  if (!IsNullish(method.value())) {
    if (!rt.SpreadInto(items, source)) return Value();
  } else {  // array-like: length, then each index
    Handle length_key = Handle::New(rt.heap(), rt.root(kRootLengthKey));
    Handle length = Handle::New(rt.heap(), rt.GetProperty(source, length_key));
    double n = 0;
    if (length.value().IsEmpty() || !rt.ToNumber(length, &n)) return Value();
    for (int64_t i = 0; i < static_cast<int64_t>(std::isnan(n) || n < 0 ? 0 : n); ++i) {
      tenure::HandleScope item_scope(rt.heap());
      Handle key = Handle::New(rt.heap(), Value::FromSmi(i));
      Handle item = Handle::New(rt.heap(), rt.GetProperty(source, key));
      if (item.value().IsEmpty() || !rt.ArrayPush(items, item)) return Value();
    }
  }
  return FillNewTypedArray(rt, self, items, map_fn, args.at(2));
}

TENURE_NATIVE(TypedArrayOf) {
  tenure::HandleScope scope(rt.heap());
  Handle items = Handle::New(rt.heap(), rt.NewArray(args.count));
  for (int i = 0; i < args.count; ++i) rt.ArrayPush(items, args.at(i));
  Handle none = Handle::New(rt.heap(), kUndefined);
  return FillNewTypedArray(rt, self, items, none, none);
}

// ---- DataView (§25.3) --------------------------------------------------------------------------

// new DataView(buffer[, byteOffset[, byteLength]]) with V8's errors.
TENURE_NATIVE(DataViewConstructor) {
  tenure::HandleScope scope(rt.heap());
  Handle probe = Handle::New(rt.heap(), NewBuiltinInstance(rt, Kind::kObject, "DataView", kRootObjectPrototype));
  if (probe.value().IsEmpty()) return Value();
  Handle proto = Handle::New(rt.heap(), probe.value().As<JSObject>()->proto);
  if (!IsKind(args.get(0), Kind::kArrayBuffer)) {
    return rt.ThrowTypeError("First argument to DataView constructor must be an ArrayBuffer");
  }
  size_t offset = 0, length = 0;
  if (!ToIndex(rt, args.at(1), "Start offset " + rt.Inspect(args.at(1)) + " is outside the bounds of the buffer",
               &offset)) {
    return Value();
  }
  size_t buffer_length = ArrayBufferLength(args.get(0));
  if (offset > buffer_length) {
    return rt.ThrowError(ErrorType::kRangeError, "Start offset " + std::to_string(offset) + " is outside the bounds of the buffer");
  }
  length = buffer_length - offset;
  if (args.get(2) != kUndefined) {
    if (!ToIndex(rt, args.at(2), "Invalid DataView length " + rt.Inspect(args.at(2)), &length)) return Value();
    if (offset + length > buffer_length) {
      return rt.ThrowError(ErrorType::kRangeError, "Invalid DataView length " + std::to_string(length));
    }
  }
  return NewView(rt, Kind::kDataView, proto, args.at(0), ElementType::kUint8, offset, length);
}

bool CheckDataView(Runtime& rt, Handle self, const std::string& method) {
  if (IsKind(self.value(), Kind::kDataView)) return true;
  rt.ThrowTypeError("Method DataView.prototype." + method + " called on incompatible receiver " + rt.Inspect(self));
  return false;
}

// "getInt8" .. "setFloat64": the accessor's name from its element type ("Int8Array" less "Array").
std::string DataViewMethod(const char* prefix, ElementType type) {
  std::string name = kElements[static_cast<int>(type)].name;
  return prefix + name.substr(0, name.size() - 5);
}

// The byte index of a get/set: ToIndex(request), in bounds for `size` bytes. -1: exception pending.
int64_t DataViewIndex(Runtime& rt, Handle self, Args args, size_t size) {
  size_t index = 0;
  if (!ToIndex(rt, args.at(0), "Offset is outside the bounds of the DataView", &index)) return -1;
  if (index + size > ViewLength(self.value())) {
    rt.ThrowError(ErrorType::kRangeError, "Offset is outside the bounds of the DataView");
    return -1;
  }
  return static_cast<int64_t>(index);
}

// getInt8 .. getFloat64(byteOffset[, littleEndian]): big-endian unless littleEndian is truthy.
template <ElementType kType>
Value DataViewGet(Runtime& rt, Handle self, Args args) {
  if (!CheckDataView(rt, self, DataViewMethod("get", kType))) return Value();
  int64_t index = DataViewIndex(rt, self, args, ElementSize(kType));
  if (index < 0) return Value();
  uint8_t bytes[8];
  CopyBytesOrdered(bytes, ViewData(self.value()) + index, ElementSize(kType), !Runtime::ToBoolean(args.get(1)));
  return rt.NewNumber(ReadElement(bytes, kType));
}

// setInt8 .. setFloat64(byteOffset, value[, littleEndian]).
template <ElementType kType>
Value DataViewSet(Runtime& rt, Handle self, Args args) {
  if (!CheckDataView(rt, self, DataViewMethod("set", kType))) return Value();
  int64_t index = DataViewIndex(rt, self, args, ElementSize(kType));
  if (index < 0) return Value();
  double value = 0;
  if (!ArgNumber(rt, args, 1, &value)) return Value();
  uint8_t bytes[8];
  WriteElement(bytes, kType, value);
  CopyBytesOrdered(ViewData(self.value()) + index, bytes, ElementSize(kType), !Runtime::ToBoolean(args.get(2)));
  return kUndefined;
}

TENURE_NATIVE(DataViewByteLength) {
  if (!CheckDataView(rt, self, "byteLength")) return Value();
  return self.value().As<JSObject>()->length;
}
TENURE_NATIVE(DataViewByteOffset) {
  if (!CheckDataView(rt, self, "byteOffset")) return Value();
  return rt.NewNumber(static_cast<double>(ViewByteOffset(self.value())));
}
TENURE_NATIVE(DataViewBuffer) {
  if (!CheckDataView(rt, self, "buffer")) return Value();
  return self.value().As<JSObject>()->internal[1];
}

// %TypedArray%.prototype[@@toStringTag] (§23.2.3.38): the constructor name, undefined for others.
TENURE_NATIVE(ViewToStringTag) {
  if (!IsView(self.value())) return kUndefined;
  return rt.NewString(kElements[static_cast<int>(ViewType(self.value()))].name);
}

// A non-enumerable getter `name` (an interned string, or the symbol `symbol_key` if given).
// `symbol_key` is a raw value: it is rooted before anything here allocates (a GC may move it).
void DefineGetter(Runtime& rt, Handle holder, const char* name, NativeFn fn, Value symbol_key = Value()) {
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), symbol_key.IsEmpty() ? rt.Intern(name) : symbol_key);
  Handle getter = Handle::New(rt.heap(), rt.NewNativeFunction(std::string("get ") + name, fn, 0));
  Handle none = Handle::New(rt.heap(), kUndefined);
  rt.DefineAccessor(holder, key, getter, none, false);
}

// A read-only, non-enumerable [Symbol.toStringTag] data property (ArrayBuffer, DataView).
void DefineToStringTag(Runtime& rt, Handle holder, const char* name) {
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), rt.root(kRootToStringTagSymbol));
  Handle tag = Handle::New(rt.heap(), rt.NewString(name));
  rt.DefineOwn(holder, key, tag, kShapeHidden | kShapeReadOnly);
}

void InstallTypedArrayPrototype(Runtime& rt, Handle proto) {
  DefineGetter(rt, proto, "length", ViewLengthGetter);
  DefineGetter(rt, proto, "byteLength", ViewByteLengthGetter);
  DefineGetter(rt, proto, "byteOffset", ViewByteOffsetGetter);
  DefineGetter(rt, proto, "buffer", ViewBufferGetter);
  DefineGetter(rt, proto, "[Symbol.toStringTag]", ViewToStringTag, rt.root(kRootToStringTagSymbol));
  rt.DefineNative(proto, "subarray", ViewSubarray, 2);
  rt.DefineNative(proto, "slice", ViewSlice, 2);
  rt.DefineNative(proto, "fill", ViewFill, 1);
  rt.DefineNative(proto, "set", ViewSet, 1);
  rt.DefineNative(proto, "indexOf", ViewIndexOf, 1);
  rt.DefineNative(proto, "includes", ViewIncludes, 1);
  rt.DefineNative(proto, "join", ViewJoin, 1);
  rt.DefineNative(proto, "toString", ViewJoin, 0);
  rt.DefineNative(proto, "at", ViewAt, 1);
  rt.DefineNative(proto, "reverse", ViewReverse, 0);
  rt.DefineNative(proto, "lastIndexOf", ViewLastIndexOf, 1);
  rt.DefineNative(proto, "sort", ViewSort, 1);
  rt.DefineNative(proto, "forEach", ViewForEach, 1);
  rt.DefineNative(proto, "map", ViewMap, 1);
  rt.DefineNative(proto, "filter", ViewFilter, 1);
  rt.DefineNative(proto, "some", ViewSome, 1);
  rt.DefineNative(proto, "every", ViewEvery, 1);
  rt.DefineNative(proto, "find", ViewFind, 1);
  rt.DefineNative(proto, "findIndex", ViewFindIndex, 1);
  rt.DefineNative(proto, "reduce", ViewReduce, 1);
  rt.DefineNative(proto, "values", ViewValues, 0);
  rt.DefineNative(proto, "keys", ViewKeys, 0);
  rt.DefineNative(proto, "entries", ViewEntries, 0);
  rt.DefineNative(proto, "copyWithin", ViewCopyWithin, 2);
  tenure::HandleScope scope(rt.heap());
  Handle iterator_key = Handle::New(rt.heap(), rt.root(kRootIteratorSymbol));
  Handle values = Handle::New(rt.heap(), rt.NewNativeFunction("values", ViewValues, 0));
  rt.DefineOwn(proto, iterator_key, values, kShapeHidden);
}


void InstallDataView(Runtime& rt, Handle global) {
  tenure::HandleScope scope(rt.heap());
  Handle proto = Handle::New(rt.heap(), rt.NewPlainObject());
  InstallConstructor(rt, global, "DataView", DataViewConstructor, 1, proto);
  DefineGetter(rt, proto, "byteLength", DataViewByteLength);
  DefineGetter(rt, proto, "byteOffset", DataViewByteOffset);
  DefineGetter(rt, proto, "buffer", DataViewBuffer);
  struct Accessor {
    ElementType type;
    NativeFn get;
    NativeFn set;
  };
  using T = ElementType;
  static const Accessor kAccessors[] = {
      {T::kInt8, DataViewGet<T::kInt8>, DataViewSet<T::kInt8>},
      {T::kUint8, DataViewGet<T::kUint8>, DataViewSet<T::kUint8>},
      {T::kInt16, DataViewGet<T::kInt16>, DataViewSet<T::kInt16>},
      {T::kUint16, DataViewGet<T::kUint16>, DataViewSet<T::kUint16>},
      {T::kInt32, DataViewGet<T::kInt32>, DataViewSet<T::kInt32>},
      {T::kUint32, DataViewGet<T::kUint32>, DataViewSet<T::kUint32>},
      {T::kFloat32, DataViewGet<T::kFloat32>, DataViewSet<T::kFloat32>},
      {T::kFloat64, DataViewGet<T::kFloat64>, DataViewSet<T::kFloat64>},
  };
  for (const Accessor& a : kAccessors) {
    rt.DefineNative(proto, DataViewMethod("get", a.type), a.get, 1);
    rt.DefineNative(proto, DataViewMethod("set", a.type), a.set, 2);
  }
  DefineToStringTag(rt, proto, "DataView");
}

}  // namespace

size_t ElementSize(ElementType type) { return kElements[static_cast<int>(type)].size; }

Value TypedArraySubarray(Runtime& rt, Handle self, Args args) { return ViewSubarray(rt, self, args); }

double ReadElement(const uint8_t* p, ElementType type) {
  switch (type) {
    case ElementType::kInt8: return Get<int8_t>(p);
    case ElementType::kUint8:
    case ElementType::kUint8Clamped: return Get<uint8_t>(p);
    case ElementType::kInt16: return Get<int16_t>(p);
    case ElementType::kUint16: return Get<uint16_t>(p);
    case ElementType::kInt32: return Get<int32_t>(p);
    case ElementType::kUint32: return Get<uint32_t>(p);
    case ElementType::kFloat32: return Get<float>(p);
    default: return Get<double>(p);
  }
}

void WriteElement(uint8_t* p, ElementType type, double value) {
  uint32_t bits = ModuloUint32(value);
  switch (type) {
    case ElementType::kInt8:
    case ElementType::kUint8: Put<uint8_t>(p, static_cast<uint8_t>(bits)); break;
    case ElementType::kUint8Clamped: {  // §7.1.12 ToUint8Clamp: ties to even (the default FP mode)
      double c = !(value > 0) ? 0 : value >= 255 ? 255 : std::nearbyint(value);
      Put<uint8_t>(p, static_cast<uint8_t>(c));
      break;
    }
    case ElementType::kInt16:
    case ElementType::kUint16: Put<uint16_t>(p, static_cast<uint16_t>(bits)); break;
    case ElementType::kInt32:
    case ElementType::kUint32: Put<uint32_t>(p, bits); break;
    case ElementType::kFloat32: Put<float>(p, static_cast<float>(value)); break;
    default: Put<double>(p, value); break;
  }
}

Value ViewGetIndex(Runtime& rt, Value view, int64_t index) {
  if (index < 0 || static_cast<size_t>(index) >= ViewLength(view)) return kUndefined;
  ElementType type = ViewType(view);
  return rt.NewNumber(ReadElement(ViewData(view) + static_cast<size_t>(index) * ElementSize(type), type));
}

bool ViewSetIndex(Runtime& rt, Handle view, int64_t index, Handle value) {
  double d = 0;
  if (!rt.ToNumber(value, &d)) return false;
  if (index < 0 || static_cast<size_t>(index) >= ViewLength(view.value())) return true;
  ElementType type = ViewType(view.value());
  WriteElement(ViewData(view.value()) + static_cast<size_t>(index) * ElementSize(type), type, d);
  return true;
}

Value NewView(Runtime& rt, Kind kind, Handle proto, Handle buffer, ElementType type, size_t byte_offset,
              size_t length) {
  Value view = rt.NewObject(proto, kind);
  JSObject* o = view.As<JSObject>();
  uint8_t* data = ArrayBufferData(buffer.value()) + byte_offset;
  o->internal[0] = Value::FromSmi(static_cast<int64_t>(reinterpret_cast<uintptr_t>(data)));
  tenure::Store(o, &o->internal[1], buffer.value());
  o->internal[2] = Value::FromSmi(static_cast<int64_t>(type) | static_cast<int64_t>(byte_offset) << kViewOffsetShift);
  o->length = Value::FromSmi(static_cast<int64_t>(length));
  return view;
}

Value TypedArrayPrototype(Runtime& rt, ElementType type) {
  return Prototypes(rt).As<FixedArray>()->items()[static_cast<int>(type)];
}

std::string InspectBytes(const uint8_t* data, size_t n, size_t limit) {
  static const char kHex[] = "0123456789abcdef";
  size_t shown = n < limit ? n : limit;
  std::string out;
  for (size_t i = 0; i < shown; ++i) {
    if (i > 0) out += ' ';
    out += kHex[data[i] >> 4];
    out += kHex[data[i] & 15];
  }
  if (n > shown) out += " ... " + std::to_string(n - shown) + " more byte" + (n - shown > 1 ? "s" : "");
  return out;
}

void InstallTypedArrayBuiltins(Runtime& rt, Handle global) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle protos = Handle::New(heap, rt.NewFixedArray(kTypedArrayProtoSlot + 1));
  rt.set_root(kRootTypedArrayPrototypes, protos.value());
  Handle ab_proto = Handle::New(heap, rt.NewPlainObject());
  tenure::Store(protos.value().ToObject(), &protos.value().As<FixedArray>()->items()[kArrayBufferProtoSlot],
                ab_proto.value());
  Handle ab = Handle::New(heap, InstallConstructor(rt, global, "ArrayBuffer", ArrayBufferConstructor, 1, ab_proto));
  rt.DefineNative(ab, "isView", ArrayBufferIsView, 1);
  DefineGetter(rt, ab_proto, "byteLength", ArrayBufferByteLength);
  rt.DefineNative(ab_proto, "slice", ArrayBufferSlice, 2);
  DefineToStringTag(rt, ab_proto, "ArrayBuffer");

  Handle base = Handle::New(heap, rt.NewPlainObject());  // %TypedArray%.prototype
  tenure::Store(protos.value().ToObject(), &protos.value().As<FixedArray>()->items()[kTypedArrayProtoSlot],
                base.value());
  InstallTypedArrayPrototype(rt, base);
  // One from/of pair shared by every constructor (node: Uint8Array.from === Int8Array.from, own
  // properties of %TypedArray% there; tenure has no %TypedArray% constructor object).
  Handle from = Handle::New(heap, rt.NewNativeFunction("from", TypedArrayFrom, 1));
  Handle of = Handle::New(heap, rt.NewNativeFunction("of", TypedArrayOf, 0));
  for (int t = 0; t < static_cast<int>(ElementType::kCount); ++t) {
    Handle proto = Handle::New(heap, rt.NewObject(base));
    tenure::Store(protos.value().ToObject(), &protos.value().As<FixedArray>()->items()[t], proto.value());
    Handle ctor = Handle::New(heap, InstallConstructor(rt, global, kElements[t].name, kConstructors[t], 3, proto));
    Value bytes = Value::FromSmi(static_cast<int64_t>(kElements[t].size));
    SetHiddenProperty(rt, ctor, "BYTES_PER_ELEMENT", bytes);
    SetHiddenProperty(rt, ctor, "from", from.value());
    SetHiddenProperty(rt, ctor, "of", of.value());
    SetHiddenProperty(rt, proto, "BYTES_PER_ELEMENT", bytes);
  }
  InstallDataView(rt, global);
}

}  // namespace tenure::js
