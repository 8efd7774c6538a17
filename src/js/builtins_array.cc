// Array constructor and Array.prototype methods.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "allocation_site.h"
#include "builtins.h"
#include "builtins_array_generic.h"
#include "object_integrity.h"
#include "string_utf16.h"

namespace tenure::js {

namespace {

JSObject* Arr(Handle h) { return h.value().As<JSObject>(); }
int64_t Len(Handle h) { return Arr(h)->length.ToSmi(); }

// The methods below are written for arrays; any other receiver (an array-like, a string, an
// arguments-like object) takes the spec's generic algorithm in builtins_array_generic.cc.
#define ARRAY_RECEIVER_OR(generic) \
  if (!IsKind(self.value(), Kind::kArray)) return generic(rt, self, args)

// Relative index argument (negative counts from the end), clamped to [0, len].
bool RelativeIndex(Runtime& rt, Args args, int i, int64_t len, int64_t fallback, int64_t* out) {
  if (args.get(i) == kUndefined) { *out = fallback; return true; }
  double d;
  if (!ArgInteger(rt, args, i, &d)) return false;
  if (d < 0) d = std::max(0.0, static_cast<double>(len) + d);
  *out = static_cast<int64_t>(std::min(d, static_cast<double>(len)));
  return true;
}

// Whether an iteration method calls its callback for holes: forEach, map, filter, some and every
// skip them (ECMA-262 23.1.3: HasProperty(O, Pk) is false for a hole), find and findIndex visit
// them as undefined.
enum class Holes { kSkip, kVisit };

// HasProperty(array, index): an own element below the current length, or one inherited from the
// prototype chain (Array.prototype[1] = 'x' makes every hole at 1 present).
bool HasElement(Runtime& rt, JSObject* array, int64_t index) { return rt.ArrayHasIndex(array, index); }

// Calls fn(element, index, array) for each index below the length the array had at the start
// (elements the callback appends are not visited, as in ECMA-262); `visit` gets the result and
// may stop early.
template <typename Visit>
bool ForEachElement(Runtime& rt, Handle self, Args args, Holes holes, Visit visit) {
  if (!rt.IsCallable(args.get(0))) {
    rt.ThrowTypeError(NotAFunctionMessage(rt, args.at(0)));
    return false;
  }
  tenure::HandleScope scope(rt.heap());
  Handle fn = args.at(0);
  Handle this_arg = args.at(1);
  const int64_t len = Len(self);
  for (int64_t i = 0; i < len; ++i) {
    if (holes == Holes::kSkip && !HasElement(rt, Arr(self), i)) continue;
    Value argv[3] = {rt.ArrayGet(Arr(self), i), Value::FromSmi(i), self.value()};
    Handle element = Handle::New(rt.heap(), argv[0]);
    Value result = rt.Call(fn, this_arg, argv, 3);
    if (result.IsEmpty()) return false;
    if (!visit(i, element, result)) break;
  }
  return true;
}

}  // namespace

TENURE_NATIVE(ArrayConstructor) {
  if (args.count == 1 && IsNumber(args.get(0))) {
    double n = NumberValue(args.get(0));
    if (n < 0 || n != std::floor(n) || n > 67108864) return rt.ThrowError(ErrorType::kRangeError, "Invalid array length");
    tenure::HandleScope scope(rt.heap());
    // Allocated at the Array constructor's site (allocation_site.h): the elements store too.
    Handle a = Handle::New(rt.heap(), NewLiteralArray(rt, static_cast<int64_t>(n), rt.ArrayConstructorSite()));
    Arr(a)->length = Value::FromSmi(static_cast<int64_t>(n));
    return a.value();
  }
  tenure::HandleScope scope(rt.heap());
  Handle a = Handle::New(rt.heap(), rt.NewArray(args.count));
  for (int i = 0; i < args.count; ++i) rt.ArrayPush(a, args.at(i));
  return a.value();
}

TENURE_NATIVE(ArrayIsArray) { return FromBool(IsKind(args.get(0), Kind::kArray)); }

TENURE_NATIVE(ArrayOf) {
  tenure::HandleScope scope(rt.heap());
  Handle a = Handle::New(rt.heap(), rt.NewArray(args.count));
  for (int i = 0; i < args.count; ++i) rt.ArrayPush(a, args.at(i));
  return a.value();
}

TENURE_NATIVE(ArrayFrom) {
  tenure::HandleScope scope(rt.heap());
  Handle a = Handle::New(rt.heap(), rt.NewArray());
  Value src = args.get(0);
  // ECMA-262 Array.from: an object with a callable @@iterator (generators, user iterables) is
  // iterated through that method, read once; any other object is read as an array-like.
  bool array_like = IsJSObject(src) && !IsKind(src, Kind::kArray) && !IsKind(src, Kind::kMap) &&
                    !IsKind(src, Kind::kSet);
  Handle method = Handle::New(rt.heap(), kUndefined);
  if (array_like) {
    Handle iterator_key = Handle::New(rt.heap(), rt.root(kRootIteratorSymbol));
    method.Set(rt.GetNamed(args.at(0), iterator_key));
    if (method.value().IsEmpty()) return Value();
    array_like = IsNullish(method.value());
    if (!array_like && !rt.IsCallable(method.value())) {
      rt.ThrowTypeError("%Array%.from requires that the property of the first argument, "
                        "items[Symbol.iterator], when exists, be a function");
      return Value();
    }
  }
  if (array_like) {
    // Array-like {length: n}.
    Handle key = Handle::New(rt.heap(), rt.root(kRootLengthKey));
    Handle len = Handle::New(rt.heap(), rt.GetNamed(args.at(0), key));
    if (len.value().IsEmpty()) return Value();
    double n = 0;
    if (!rt.ToNumber(len, &n)) return Value();
    for (int64_t i = 0; i < static_cast<int64_t>(n); ++i) {
      Handle k = Handle::New(rt.heap(), Value::FromSmi(i));
      Handle v = Handle::New(rt.heap(), rt.GetProperty(args.at(0), k));
      if (v.value().IsEmpty()) return Value();
      rt.ArrayPush(a, v);
    }
  } else if (IsJSObject(method.value())) {
    Handle iter = Handle::New(rt.heap(), kUndefined);
    if (!rt.IteratorFromMethod(iter.slot(), args.at(0), method)) return Value();
    Handle item = Handle::New(rt.heap(), kUndefined);
    for (bool done = false;;) {
      if (!rt.IteratorStep(iter, item.slot(), &done)) return Value();
      if (done) break;
      if (!rt.ArrayPush(a, item)) return Value();
    }
  } else if (!rt.SpreadInto(a, args.at(0))) {
    return Value();
  }
  if (rt.IsCallable(args.get(1))) {
    for (int64_t i = 0; i < Len(a); ++i) {
      Value argv[2] = {rt.ArrayGet(Arr(a), i), Value::FromSmi(i)};
      Handle undefined = Handle::New(rt.heap(), kUndefined);
      Value v = rt.Call(args.at(1), undefined, argv, 2);
      if (v.IsEmpty()) return Value();
      Handle vh = Handle::New(rt.heap(), v);
      rt.ArraySet(a, i, vh);
    }
  }
  return a.value();
}

TENURE_NATIVE(ArrayPush) {
  ARRAY_RECEIVER_OR(GenericArrayPush);
  if (!ArrayEditAllowed(rt, self, {.added = args.count})) return Value();
  for (int i = 0; i < args.count; ++i) {
    if (!rt.ArrayPush(self, args.at(i))) return Value();
  }
  return Value::FromSmi(Len(self));
}

TENURE_NATIVE(ArrayPop) {
  ARRAY_RECEIVER_OR(GenericArrayPop);
  if (!ArrayEditAllowed(rt, self, {.removed = 1})) return Value();
  int64_t n = Len(self);
  if (n == 0) return kUndefined;
  FixedArray* e = rt.WritableElements(self);  // may allocate: before the raw read below
  Value v = rt.ArrayGet(Arr(self), n - 1);
  e->items()[n - 1] = kHole;
  Arr(self)->length = Value::FromSmi(n - 1);
  return v;
}

TENURE_NATIVE(ArrayShift) {
  ARRAY_RECEIVER_OR(GenericArrayShift);
  if (!ArrayEditAllowed(rt, self, {.first_write = Len(self) > 1 ? 0 : -1, .removed = 1})) return Value();
  int64_t n = Len(self);
  if (n == 0) return kUndefined;
  FixedArray* e = rt.WritableElements(self);
  Value first = rt.ArrayGet(Arr(self), 0);
  for (int64_t i = 1; i < n; ++i) tenure::Store(e, &e->items()[i - 1], e->items()[i]);
  e->items()[n - 1] = kHole;
  Arr(self)->length = Value::FromSmi(n - 1);
  return first;
}

TENURE_NATIVE(ArrayUnshift) {
  ARRAY_RECEIVER_OR(GenericArrayUnshift);
  if (!ArrayEditAllowed(rt, self, {.added = args.count})) return Value();
  int64_t n = Len(self);
  int64_t k = args.count;
  if (k == 0) return Value::FromSmi(n);
  Value hole = kHole;
  if (!rt.ArraySet(self, n + k - 1, Handle::FromSlot(&hole))) return Value();
  FixedArray* e = Arr(self)->elements.As<FixedArray>();
  for (int64_t i = n - 1; i >= 0; --i) tenure::Store(e, &e->items()[i + k], e->items()[i]);
  for (int64_t i = 0; i < k; ++i) tenure::Store(e, &e->items()[i], args.get(static_cast<int>(i)));
  return Value::FromSmi(n + k);
}

TENURE_NATIVE(ArraySlice) {
  ARRAY_RECEIVER_OR(GenericArraySlice);
  int64_t n = Len(self), start, end;
  if (!RelativeIndex(rt, args, 0, n, 0, &start) || !RelativeIndex(rt, args, 1, n, n, &end)) return Value();
  tenure::HandleScope scope(rt.heap());
  Handle out = Handle::New(rt.heap(), rt.NewArray(end > start ? end - start : 0));
  for (int64_t i = start; i < end; ++i) {
    Handle v = Handle::New(rt.heap(), rt.ArrayGet(Arr(self), i));
    rt.ArrayPush(out, v);
  }
  return out.value();
}

TENURE_NATIVE(ArraySplice) {
  ARRAY_RECEIVER_OR(GenericArraySplice);
  int64_t n = Len(self), start;
  if (!RelativeIndex(rt, args, 0, n, 0, &start)) return Value();
  int64_t remove = n - start;
  if (args.count >= 2) {
    double d;
    if (!ArgInteger(rt, args, 1, &d)) return Value();
    remove = std::clamp<int64_t>(static_cast<int64_t>(d), 0, n - start);
  } else if (args.count == 0) {
    remove = 0;
  }
  int64_t inserted = args.count > 2 ? args.count - 2 : 0;
  if (!ArrayEditAllowed(rt, self, {.first_write = remove > 0 || inserted > 0 ? start : -1,
                                   .added = inserted - remove, .removed = remove - inserted})) {
    return Value();
  }
  tenure::HandleScope scope(rt.heap());
  int64_t integrity = IntegrityBits(Arr(self));  // the edit is allowed: lift the bits meanwhile
  if (integrity != 0) rt.SetIntegrityBits(self, 0);
  Handle removed = Handle::New(rt.heap(), rt.NewArray(remove));
  std::vector<Handle> tail;
  for (int64_t i = 0; i < remove; ++i) {
    Handle v = Handle::New(rt.heap(), rt.ArrayGet(Arr(self), start + i));
    rt.ArrayPush(removed, v);
  }
  for (int64_t i = start + remove; i < n; ++i) tail.push_back(Handle::New(rt.heap(), rt.ArrayGet(Arr(self), i)));
  Arr(self)->length = Value::FromSmi(start);
  for (int i = 2; i < args.count; ++i) rt.ArrayPush(self, args.at(i));
  for (Handle h : tail) rt.ArrayPush(self, h);
  FixedArray* e = rt.WritableElements(self);
  for (int64_t i = Len(self); i < n && i < e->size(); ++i) e->items()[i] = kHole;
  if (integrity != 0) rt.SetIntegrityBits(self, integrity);
  return removed.value();
}

TENURE_NATIVE(ArrayConcat) {
  ARRAY_RECEIVER_OR(GenericArrayConcat);
  tenure::HandleScope scope(rt.heap());
  Handle out = Handle::New(rt.heap(), rt.NewArray(Len(self)));
  if (!rt.SpreadInto(out, self)) return Value();
  for (int i = 0; i < args.count; ++i) {
    if (IsKind(args.get(i), Kind::kArray)) {
      if (!rt.SpreadInto(out, args.at(i))) return Value();
    } else {
      rt.ArrayPush(out, args.at(i));
    }
  }
  return out.value();
}

TENURE_NATIVE(ArrayJoin) {
  ARRAY_RECEIVER_OR(GenericArrayJoin);
  std::string sep;
  if (!JoinSeparator(rt, args, &sep)) return Value();
  std::string out;
  tenure::HandleScope scope(rt.heap());
  for (int64_t i = 0; i < Len(self); ++i) {
    if (i) out += sep;
    Handle v = Handle::New(rt.heap(), rt.ArrayGet(Arr(self), i));
    if (IsNullish(v.value())) continue;
    Value s = rt.ToString(v);
    if (s.IsEmpty()) return Value();
    out += rt.ToStdString(s);
  }
  return rt.NewString(out);
}

TENURE_NATIVE(ArrayToString) {
  ARRAY_RECEIVER_OR(GenericArrayToString);
  Value none = kUndefined;
  Args no_args{&none, 0};
  return ArrayJoin(rt, self, no_args);
}

static Value IndexOfImpl(Runtime& rt, Handle self, Args args, bool last, bool includes) {
  int64_t n = Len(self);
  Value target = args.get(0);
  if (!last) {
    int64_t start;
    if (!RelativeIndex(rt, args, 1, n, 0, &start)) return Value();
    for (int64_t i = start; i < n; ++i) {
      Value v = rt.ArrayGet(Arr(self), i);
      if (includes ? Runtime::SameValueZero(v, target) : rt.StrictEquals(v, target)) {
        return includes ? kTrue : Value::FromSmi(i);
      }
    }
  } else {
    for (int64_t i = n - 1; i >= 0; --i) {
      if (rt.StrictEquals(rt.ArrayGet(Arr(self), i), target)) return Value::FromSmi(i);
    }
  }
  return includes ? kFalse : Value::FromSmi(-1);
}

TENURE_NATIVE(ArrayIndexOf) {
  ARRAY_RECEIVER_OR(GenericArrayIndexOf);
  return IndexOfImpl(rt, self, args, false, false);
}
TENURE_NATIVE(ArrayLastIndexOf) {
  ARRAY_RECEIVER_OR(GenericArrayLastIndexOf);
  return IndexOfImpl(rt, self, args, true, false);
}
TENURE_NATIVE(ArrayIncludes) {
  ARRAY_RECEIVER_OR(GenericArrayIncludes);
  return IndexOfImpl(rt, self, args, false, true);
}

TENURE_NATIVE(ArrayForEach) {
  ARRAY_RECEIVER_OR(GenericArrayForEach);
  if (!ForEachElement(rt, self, args, Holes::kSkip, [](int64_t, Handle, Value) { return true; })) return Value();
  return kUndefined;
}

TENURE_NATIVE(ArrayMap) {
  ARRAY_RECEIVER_OR(GenericArrayMap);
  tenure::HandleScope scope(rt.heap());
  const int64_t len = Len(self);
  Handle out = Handle::New(rt.heap(), rt.NewArray(len));
  Arr(out)->length = Value::FromSmi(len);  // holes stay holes, also at the end (ArraySpeciesCreate(O, len))
  bool ok = ForEachElement(rt, self, args, Holes::kSkip, [&](int64_t i, Handle, Value result) {
    Handle r = Handle::New(rt.heap(), result);
    rt.ArraySet(out, i, r);
    return true;
  });
  return ok ? out.value() : Value();
}

TENURE_NATIVE(ArrayFilter) {
  ARRAY_RECEIVER_OR(GenericArrayFilter);
  tenure::HandleScope scope(rt.heap());
  Handle out = Handle::New(rt.heap(), rt.NewArray());
  bool ok = ForEachElement(rt, self, args, Holes::kSkip, [&](int64_t, Handle element, Value result) {
    if (Runtime::ToBoolean(result)) rt.ArrayPush(out, element);
    return true;
  });
  return ok ? out.value() : Value();
}

static Value FindImpl(Runtime& rt, Handle self, Args args, bool want_index) {
  tenure::HandleScope scope(rt.heap());
  Handle found = Handle::New(rt.heap(), want_index ? Value::FromSmi(-1) : kUndefined);
  bool ok = ForEachElement(rt, self, args, Holes::kVisit, [&](int64_t i, Handle element, Value result) {
    if (!Runtime::ToBoolean(result)) return true;
    found.Set(want_index ? Value::FromSmi(i) : element.value());
    return false;
  });
  return ok ? found.value() : Value();
}

TENURE_NATIVE(ArrayFind) {
  ARRAY_RECEIVER_OR(GenericArrayFind);
  return FindImpl(rt, self, args, false);
}
TENURE_NATIVE(ArrayFindIndex) {
  ARRAY_RECEIVER_OR(GenericArrayFindIndex);
  return FindImpl(rt, self, args, true);
}

static Value SomeEvery(Runtime& rt, Handle self, Args args, bool every) {
  bool answer = every;
  bool ok = ForEachElement(rt, self, args, Holes::kSkip, [&](int64_t, Handle, Value result) {
    if (Runtime::ToBoolean(result) != every) {
      answer = !every;
      return false;
    }
    return true;
  });
  return ok ? FromBool(answer) : Value();
}

TENURE_NATIVE(ArraySome) {
  ARRAY_RECEIVER_OR(GenericArraySome);
  return SomeEvery(rt, self, args, false);
}
TENURE_NATIVE(ArrayEvery) {
  ARRAY_RECEIVER_OR(GenericArrayEvery);
  return SomeEvery(rt, self, args, true);
}

// reduce / reduceRight: folds the elements forward or from the end. The length is re-read at every
// step: a callback that shortens the array ends reduce early and makes reduceRight skip indices.
// ECMA-262 23.1.3.24/25: the indices are those below the length at the start; holes are skipped,
// also when looking for the first element that serves as the initial value.
static Value ReduceImpl(Runtime& rt, Handle self, Args args, bool from_end) {
  if (!rt.IsCallable(args.get(0))) return rt.ThrowTypeError(NotAFunctionMessage(rt, args.at(0)));
  tenure::HandleScope scope(rt.heap());
  const int64_t len = Len(self);
  const int64_t step = from_end ? -1 : 1;
  const int64_t end = from_end ? -1 : len;
  int64_t i = from_end ? len - 1 : 0;
  Handle acc = Handle::New(rt.heap(), kUndefined);
  if (args.count >= 2) {
    acc.Set(args.get(1));
  } else {
    while (i != end && !HasElement(rt, Arr(self), i)) i += step;
    if (i == end) return rt.ThrowTypeError("Reduce of empty array with no initial value");
    acc.Set(rt.ArrayGet(Arr(self), i));
    i += step;
  }
  Handle undefined = Handle::New(rt.heap(), kUndefined);
  for (; i != end; i += step) {
    if (!HasElement(rt, Arr(self), i)) continue;
    Value argv[4] = {acc.value(), rt.ArrayGet(Arr(self), i), Value::FromSmi(i), self.value()};
    Value r = rt.Call(args.at(0), undefined, argv, 4);
    if (r.IsEmpty()) return Value();
    acc.Set(r);
  }
  return acc.value();
}

TENURE_NATIVE(ArrayReduce) {
  ARRAY_RECEIVER_OR(GenericArrayReduce);
  return ReduceImpl(rt, self, args, false);
}
TENURE_NATIVE(ArrayReduceRight) {
  ARRAY_RECEIVER_OR(GenericArrayReduceRight);
  return ReduceImpl(rt, self, args, true);
}

TENURE_NATIVE(ArrayReverse) {
  ARRAY_RECEIVER_OR(GenericArrayReverse);
  if (!ArrayEditAllowed(rt, self, {.first_write = Len(self) > 1 ? 0 : -1})) return Value();
  FixedArray* e = rt.WritableElements(self);
  // An old elements store (promoted, or allocated at a tenured literal site) may hold young
  // values: a value moved to another slot needs that slot's remembered-set bit, so both stores go
  // through the barrier (the plain swap lost it: tests/js/gc/array-reverse-barrier.js).
  for (int64_t i = 0, j = Len(self) - 1; i < j; ++i, --j) {
    const Value low = e->items()[i];
    tenure::Store(e, &e->items()[i], e->items()[j]);
    tenure::Store(e, &e->items()[j], low);
  }
  return self.value();
}

TENURE_NATIVE(ArrayFill) {
  ARRAY_RECEIVER_OR(GenericArrayFill);
  int64_t n = Len(self), start, end;
  if (!RelativeIndex(rt, args, 1, n, 0, &start) || !RelativeIndex(rt, args, 2, n, n, &end)) return Value();
  if (start < end && !ArrayEditAllowed(rt, self, {.first_write = start})) return Value();
  if (start < end) rt.WritableElements(self);
  for (int64_t i = start; i < end; ++i) {
    FixedArray* e = Arr(self)->elements.As<FixedArray>();
    tenure::Store(e, &e->items()[i], args.get(0));
  }
  return self.value();
}

// Sorts with a comparator (or by string order); merge sort on a rooted copy so user callbacks
// may allocate (and move everything) between comparisons.
TENURE_NATIVE(ArraySort) {
  ARRAY_RECEIVER_OR(GenericArraySort);
  if (Len(self) > 0 && !ArrayEditAllowed(rt, self, {.first_write = 0})) return Value();
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  bool has_fn = rt.IsCallable(args.get(0));
  if (args.get(0) != kUndefined && !has_fn) {
    return rt.ThrowTypeError("The comparison function must be either a function or undefined");
  }
  int64_t n = Len(self);
  std::vector<Handle> items;
  int64_t undefined_count = 0;
  for (int64_t i = 0; i < n; ++i) {
    Value v = rt.ArrayGet(Arr(self), i);
    if (v == kUndefined) { ++undefined_count; continue; }
    items.push_back(Handle::New(heap, v));
  }
  bool failed = false;
  Handle undefined = Handle::New(heap, kUndefined);
  auto less = [&](Handle a, Handle b) -> bool {
    if (failed) return false;
    if (has_fn) {
      Value argv[2] = {a.value(), b.value()};
      Value r = rt.Call(args.at(0), undefined, argv, 2);
      if (r.IsEmpty()) { failed = true; return false; }
      if (IsNumber(r)) return NumberValue(r) < 0;  // the usual `a - b`: no conversion needed
      tenure::HandleScope inner(heap);
      Handle rh = Handle::New(heap, r);
      double d = 0;
      if (!rt.ToNumber(rh, &d)) { failed = true; return false; }
      return d < 0;
    }
    Value sa = rt.ToString(a);
    if (sa.IsEmpty()) { failed = true; return false; }
    tenure::HandleScope inner(heap);
    Handle sah = Handle::New(heap, sa);
    Value sb = rt.ToString(b);
    if (sb.IsEmpty()) { failed = true; return false; }
    return CompareUnits(sah.value().As<String>()->view(), sb.As<String>()->view()) < 0;  // by UTF-16 units
  };
  std::stable_sort(items.begin(), items.end(), less);
  if (failed) return Value();
  for (size_t i = 0; i < items.size(); ++i) rt.ArraySet(self, static_cast<int64_t>(i), items[i]);
  for (int64_t i = 0; i < undefined_count; ++i) {
    rt.ArraySet(self, static_cast<int64_t>(items.size()) + i, undefined);
  }
  return self.value();
}

// keys/values/entries: live iterators (elements pushed during the iteration are visited).
static Value ArrayIterator(Runtime& rt, Handle self, const char* method, IterKind kind) {
  if (!IsKind(self.value(), Kind::kArray)) return GenericArrayIterator(rt, self, method, kind);
  tenure::HandleScope scope(rt.heap());
  Handle record = Handle::New(rt.heap(), rt.NewIterationRecord(self, kind));
  return NewNativeIterator(rt, record);
}

TENURE_NATIVE(ArrayKeys) { return ArrayIterator(rt, self, "keys", kIterArrayKeys); }
TENURE_NATIVE(ArrayValues) { return ArrayIterator(rt, self, "values", kIterArray); }
TENURE_NATIVE(ArrayEntries) { return ArrayIterator(rt, self, "entries", kIterArrayEntries); }

// FlattenIntoArray (ECMA-262 §23.1.3.13.1) for arrays: elements that are arrays are spread while
// `depth` > 0; holes are skipped. `mapper` (flatMap) is applied to the top level only.
static bool FlattenInto(Runtime& rt, Handle out, Handle source, double depth, Args* mapper) {
  tenure::HandleScope scope(rt.heap());
  Handle element = Handle::New(rt.heap(), kUndefined);
  for (int64_t i = 0; i < Len(source); ++i) {
    if (!HasElement(rt, Arr(source), i)) continue;
    element.Set(rt.ArrayGet(Arr(source), i));
    if (mapper != nullptr) {
      Value argv[3] = {element.value(), Value::FromSmi(i), source.value()};
      Value r = rt.Call(mapper->at(0), mapper->at(1), argv, 3);
      if (r.IsEmpty()) return false;
      element.Set(r);
    }
    if (depth > 0 && IsKind(element.value(), Kind::kArray)) {
      if (!FlattenInto(rt, out, element, depth - 1, nullptr)) return false;
    } else {
      rt.ArrayPush(out, element);
    }
  }
  return true;
}

TENURE_NATIVE(ArrayFlat) {
  ARRAY_RECEIVER_OR(GenericArrayFlat);
  double depth = 1;
  if (args.get(0) != kUndefined) {
    tenure::HandleScope scope(rt.heap());
    Handle d = args.at(0);
    if (!rt.ToNumber(d, &depth)) return Value();
    depth = std::isnan(depth) ? 0 : std::trunc(depth);
  }
  tenure::HandleScope scope(rt.heap());
  Handle out = Handle::New(rt.heap(), rt.NewArray());
  return FlattenInto(rt, out, self, depth, nullptr) ? out.value() : Value();
}

TENURE_NATIVE(ArrayFlatMap) {
  ARRAY_RECEIVER_OR(GenericArrayFlatMap);
  if (!rt.IsCallable(args.get(0))) return rt.ThrowTypeError("flatMap mapper function is not callable");
  tenure::HandleScope scope(rt.heap());
  Handle out = Handle::New(rt.heap(), rt.NewArray());
  return FlattenInto(rt, out, self, 1, &args) ? out.value() : Value();
}

// findLast / findLastIndex: like find, from the end; the length is read once (ECMA-262).
static Value FindLastImpl(Runtime& rt, Handle self, Args args, bool want_index) {
  if (!rt.IsCallable(args.get(0))) return rt.ThrowTypeError(NotAFunctionMessage(rt, args.at(0)));
  tenure::HandleScope scope(rt.heap());
  Handle element = Handle::New(rt.heap(), kUndefined);
  for (int64_t i = Len(self) - 1; i >= 0; --i) {
    element.Set(rt.ArrayGet(Arr(self), i));
    Value argv[3] = {element.value(), Value::FromSmi(i), self.value()};
    Value r = rt.Call(args.at(0), args.at(1), argv, 3);
    if (r.IsEmpty()) return Value();
    if (Runtime::ToBoolean(r)) return want_index ? Value::FromSmi(i) : element.value();
  }
  return want_index ? Value::FromSmi(-1) : kUndefined;
}

TENURE_NATIVE(ArrayFindLast) {
  ARRAY_RECEIVER_OR(GenericArrayFindLast);
  return FindLastImpl(rt, self, args, false);
}
TENURE_NATIVE(ArrayFindLastIndex) {
  ARRAY_RECEIVER_OR(GenericArrayFindLastIndex);
  return FindLastImpl(rt, self, args, true);
}

// copyWithin(target, start, end): copies within the array, as if through a temporary copy.
TENURE_NATIVE(ArrayCopyWithin) {
  ARRAY_RECEIVER_OR(GenericArrayCopyWithin);
  int64_t n = Len(self), to, from, end;
  if (!RelativeIndex(rt, args, 0, n, 0, &to) || !RelativeIndex(rt, args, 1, n, 0, &from) ||
      !RelativeIndex(rt, args, 2, n, n, &end)) {
    return Value();
  }
  int64_t count = std::min(end - from, n - to);
  if (count <= 0) return self.value();
  if (!ArrayEditAllowed(rt, self, {.first_write = to})) return Value();
  FixedArray* e = rt.WritableElements(self);
  std::vector<Value> copy(e->items() + from, e->items() + from + count);  // no allocation below
  for (int64_t i = 0; i < count; ++i) tenure::Store(e, &e->items()[to + i], copy[i]);
  return self.value();
}

// A dense copy of the receiver (holes read as undefined), for the change-array-by-copy methods.
static Value CopyOf(Runtime& rt, Handle self, const char* method) {
  if (!IsKind(self.value(), Kind::kArray)) return GenericArrayCopy(rt, self, method);
  tenure::HandleScope scope(rt.heap());
  Handle out = Handle::New(rt.heap(), rt.NewArray(Len(self)));
  Handle v = Handle::New(rt.heap(), kUndefined);
  for (int64_t i = 0; i < Len(self); ++i) {
    v.Set(rt.ArrayGet(Arr(self), i));
    rt.ArrayPush(out, v);
  }
  return out.value();
}

TENURE_NATIVE(ArrayToReversed) {
  tenure::HandleScope scope(rt.heap());
  Handle copy = Handle::New(rt.heap(), CopyOf(rt, self, "toReversed"));
  if (copy.value().IsEmpty()) return Value();
  return ArrayReverse(rt, copy, Args());
}

TENURE_NATIVE(ArrayToSorted) {
  if (args.get(0) != kUndefined && !rt.IsCallable(args.get(0))) {
    return rt.ThrowTypeError("The comparison function must be either a function or undefined");
  }
  tenure::HandleScope scope(rt.heap());
  Handle copy = Handle::New(rt.heap(), CopyOf(rt, self, "toSorted"));
  if (copy.value().IsEmpty()) return Value();
  return ArraySort(rt, copy, args);
}

TENURE_NATIVE(ArrayToSpliced) {
  tenure::HandleScope scope(rt.heap());
  Handle copy = Handle::New(rt.heap(), CopyOf(rt, self, "toSpliced"));
  if (copy.value().IsEmpty() || ArraySplice(rt, copy, args).IsEmpty()) return Value();
  return copy.value();
}

// with(index, value): a copy with one element replaced; RangeError outside [-len, len).
TENURE_NATIVE(ArrayWith) {
  tenure::HandleScope scope(rt.heap());
  Handle copy = Handle::New(rt.heap(), CopyOf(rt, self, "with"));
  if (copy.value().IsEmpty()) return Value();
  double d;
  if (!ArgInteger(rt, args, 0, &d)) return Value();
  int64_t n = Len(copy);
  double index = d < 0 ? d + static_cast<double>(n) : d;
  if (index < 0 || index >= static_cast<double>(n)) {
    return rt.ThrowError(ErrorType::kRangeError, "Invalid index : " + rt.ToStdString(args.get(0)));
  }
  rt.ArraySet(copy, static_cast<int64_t>(index), args.at(1));
  return copy.value();
}

TENURE_NATIVE(ArrayAt) {
  ARRAY_RECEIVER_OR(GenericArrayAt);
  double d;
  if (!ArgInteger(rt, args, 0, &d)) return Value();
  int64_t n = Len(self);
  int64_t i = static_cast<int64_t>(d < 0 ? d + static_cast<double>(n) : d);
  return rt.ArrayGet(Arr(self), i);
}

void InstallArrayBuiltins(Runtime& rt, Handle global) {
  tenure::HandleScope scope(rt.heap());
  Handle proto = Handle::New(rt.heap(), rt.root(kRootArrayPrototype));
  Handle ctor = Handle::New(rt.heap(), InstallConstructor(rt, global, "Array", ArrayConstructor, 1, proto));
  rt.DefineNative(ctor, "isArray", ArrayIsArray, 1);
  rt.DefineNative(ctor, "of", ArrayOf, 0);
  rt.DefineNative(ctor, "from", ArrayFrom, 1);
  struct { const char* name; NativeFn fn; int length; } methods[] = {
      {"push", ArrayPush, 1}, {"pop", ArrayPop, 0}, {"shift", ArrayShift, 0},
      {"unshift", ArrayUnshift, 1}, {"slice", ArraySlice, 2}, {"splice", ArraySplice, 2},
      {"concat", ArrayConcat, 1}, {"join", ArrayJoin, 1}, {"toString", ArrayToString, 0},
      {"indexOf", ArrayIndexOf, 1}, {"lastIndexOf", ArrayLastIndexOf, 1},
      {"includes", ArrayIncludes, 1}, {"forEach", ArrayForEach, 1}, {"map", ArrayMap, 1},
      {"filter", ArrayFilter, 1}, {"find", ArrayFind, 1}, {"findIndex", ArrayFindIndex, 1},
      {"some", ArraySome, 1}, {"every", ArrayEvery, 1}, {"reduce", ArrayReduce, 1},
      {"reverse", ArrayReverse, 0}, {"fill", ArrayFill, 1}, {"sort", ArraySort, 1},
      {"keys", ArrayKeys, 0}, {"values", ArrayValues, 0}, {"entries", ArrayEntries, 0},
      {"flat", ArrayFlat, 0}, {"flatMap", ArrayFlatMap, 1}, {"at", ArrayAt, 1},
      {"findLast", ArrayFindLast, 1}, {"findLastIndex", ArrayFindLastIndex, 1},
      {"reduceRight", ArrayReduceRight, 1}, {"copyWithin", ArrayCopyWithin, 2},
      {"toReversed", ArrayToReversed, 0}, {"toSorted", ArrayToSorted, 1},
      {"toSpliced", ArrayToSpliced, 2}, {"with", ArrayWith, 2}};
  for (const auto& m : methods) rt.DefineNative(proto, m.name, m.fn, m.length);
}

}  // namespace tenure::js
