// builtins_array_generic.cc — Array.prototype methods on receivers that are not arrays.
//
// ECMA-262 §23.1.3 defines every Array.prototype method generically: O = ToObject(this), len =
// LengthOfArrayLike(O), then Get / HasProperty / Set / DeletePropertyOrThrow on index keys. So
// `Array.prototype.map.call('abc', f)`, `[].join.call({length: 2, 0: 'a', 1: 'b'})` and
// `Array.prototype.push.call(obj, x)` work in node. builtins_array.cc keeps its fast paths for
// real arrays and hands any other receiver to the functions here, which follow the spec's steps
// with the runtime's generic property operations (so getters, setters, prototype elements and
// String wrappers' index properties all take part).
//
// Deviations, on purpose: keys(), values() and entries() of an array-like iterate a snapshot taken
// when the iterator is made (the runtime's array iterator reads elements of real arrays only);
// concat() spreads arrays but does not consult Symbol.isConcatSpreadable.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "builtins.h"
#include "builtins_array_generic.h"
#include "object_integrity.h"
#include "string_utf16.h"

namespace tenure::js {

namespace {

constexpr double kMaxSafeLength = 9007199254740991.0;  // 2^53 - 1

// The receiver as an object and its length (§7.3.18 LengthOfArrayLike, ToLength).
struct ArrayLike {
  Handle object;
  int64_t length = 0;
};

// V8 words a null or undefined receiver one of two ways, depending on the method (node 20).
void ThrowNullReceiver(Runtime& rt, std::string_view method) {
  static constexpr std::string_view kCalledOn[] = {"concat", "every", "filter", "find", "findIndex", "findLast",
                                                   "findLastIndex", "forEach", "indexOf", "map", "reduce",
                                                   "reduceRight", "some"};
  bool called_on = std::find(std::begin(kCalledOn), std::end(kCalledOn), method) != std::end(kCalledOn);
  rt.ThrowTypeError(called_on ? "Array.prototype." + std::string(method) + " called on null or undefined"
                              : std::string("Cannot convert undefined or null to object"));
}

bool Begin(Runtime& rt, Handle self, const char* method, ArrayLike* out) {
  if (IsNullish(self.value())) {
    ThrowNullReceiver(rt, method);
    return false;
  }
  out->object = Handle::New(rt.heap(), ToObjectValue(rt, self));
  if (out->object.value().IsEmpty()) return false;
  Handle key = Handle::New(rt.heap(), rt.root(kRootLengthKey));
  Handle length = Handle::New(rt.heap(), rt.GetProperty(out->object, key));
  if (length.value().IsEmpty()) return false;
  double d = 0;
  if (!rt.ToNumber(length, &d)) return false;
  d = std::isnan(d) ? 0 : std::clamp(std::trunc(d), 0.0, kMaxSafeLength);
  out->length = static_cast<int64_t>(d);
  return true;
}

// The property key of index i (an array index as a Smi, larger integers as their string).
Value IndexKey(Runtime& rt, int64_t i) {
  return i < 4294967295 ? Value::FromSmi(i) : rt.NewString(std::to_string(i));
}

Value Get(Runtime& rt, Handle o, int64_t i) {
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), IndexKey(rt, i));
  return rt.GetProperty(o, key);
}

// HasProperty(O, i): 1 yes, 0 no, -1 exception.
int Has(Runtime& rt, Handle o, int64_t i) {
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), IndexKey(rt, i));
  Value r = rt.HasProperty(o, key);
  return r.IsEmpty() ? -1 : r == kTrue ? 1 : 0;
}

bool Set(Runtime& rt, Handle o, int64_t i, Handle value) {
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), IndexKey(rt, i));
  return rt.SetProperty(o, key, value);
}

bool Delete(Runtime& rt, Handle o, int64_t i) {
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), IndexKey(rt, i));
  return !rt.DeleteProperty(o, key).IsEmpty();
}

bool SetLength(Runtime& rt, Handle o, int64_t length) {
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), rt.root(kRootLengthKey));
  Handle value = Handle::New(rt.heap(), rt.NewNumber(static_cast<double>(length)));
  return rt.SetProperty(o, key, value);
}

// O[to] = O[from] if O has `from`, else delete O[to] (the move step of shift, unshift, splice,
// copyWithin).
bool Move(Runtime& rt, Handle o, int64_t from, int64_t to) {
  int has = Has(rt, o, from);
  if (has < 0) return false;
  if (has == 0) return Delete(rt, o, to);
  tenure::HandleScope scope(rt.heap());
  Handle v = Handle::New(rt.heap(), Get(rt, o, from));
  return !v.value().IsEmpty() && Set(rt, o, to, v);
}

// ToIntegerOrInfinity of args[i] as a relative index into [0, len] (negative counts from the end);
// `fallback` when the argument is undefined.
bool Relative(Runtime& rt, Args args, int i, int64_t len, int64_t fallback, int64_t* out) {
  if (args.get(i) == kUndefined) {
    *out = fallback;
    return true;
  }
  double d = 0;
  if (!ArgInteger(rt, args, i, &d)) return false;
  double n = static_cast<double>(len);
  *out = static_cast<int64_t>(d < 0 ? std::max(0.0, n + d) : std::min(d, n));
  return true;
}

bool RequireCallable(Runtime& rt, Args args) {
  if (rt.IsCallable(args.get(0))) return true;
  rt.ThrowTypeError(NotAFunctionMessage(rt, args.at(0)));
  return false;
}

// fn.call(thisArg, element, index, O).
Value CallBack(Runtime& rt, Args args, Handle element, int64_t i, Handle o) {
  Value argv[3] = {element.value(), Value::FromSmi(i), o.value()};
  return rt.Call(args.at(0), args.at(1), argv, 3);
}

Value NewArrayOfLength(Runtime& rt, int64_t length) {
  tenure::HandleScope scope(rt.heap());
  Handle a = Handle::New(rt.heap(), rt.NewArray());
  if (length > 0 && !SetLength(rt, a, length)) return Value();
  return a.value();
}

// Visits the elements in index order — present ones only (`skip_holes`) or all of them read with
// Get — calling visit(i, element); visit returns 1 to go on, 0 to stop, -1 for an exception.
template <typename Visit>
bool Each(Runtime& rt, const ArrayLike& a, bool skip_holes, bool backwards, Visit visit) {
  for (int64_t step = 0; step < a.length; ++step) {
    int64_t i = backwards ? a.length - 1 - step : step;
    tenure::HandleScope scope(rt.heap());
    if (skip_holes) {
      int has = Has(rt, a.object, i);
      if (has < 0) return false;
      if (has == 0) continue;
    }
    Handle element = Handle::New(rt.heap(), Get(rt, a.object, i));
    if (element.value().IsEmpty()) return false;
    int r = visit(i, element);
    if (r < 0) return false;
    if (r == 0) break;
  }
  return true;
}

// forEach / some / every / find / findIndex / findLast / findLastIndex share this loop.
enum class Search { kForEach, kSome, kEvery, kFind, kFindIndex };

Value SearchImpl(Runtime& rt, Handle self, Args args, const char* method, Search mode, bool backwards) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  if (!Begin(rt, self, method, &a) || !RequireCallable(rt, args)) return Value();
  bool finds = mode == Search::kFind || mode == Search::kFindIndex;
  Handle found = Handle::New(rt.heap(), mode == Search::kFindIndex ? Value::FromSmi(-1)
                                         : mode == Search::kSome      ? kFalse
                                         : mode == Search::kEvery     ? kTrue
                                                                      : kUndefined);
  bool ok = Each(rt, a, !finds, backwards, [&](int64_t i, Handle element) {
    Value r = CallBack(rt, args, element, i, a.object);
    if (r.IsEmpty()) return -1;
    bool truthy = Runtime::ToBoolean(r);
    if (mode == Search::kForEach || truthy == (mode == Search::kEvery)) return 1;
    found.Set(mode == Search::kFind ? element.value() : mode == Search::kFindIndex ? rt.NewNumber(static_cast<double>(i))
                                      : FromBool(mode == Search::kSome));
    return 0;
  });
  return ok ? found.value() : Value();
}

Value ReduceImpl(Runtime& rt, Handle self, Args args, const char* method, bool backwards) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  if (!Begin(rt, self, method, &a) || !RequireCallable(rt, args)) return Value();
  bool have = args.count >= 2;
  Handle acc = Handle::New(rt.heap(), args.get(1));
  bool ok = Each(rt, a, true, backwards, [&](int64_t i, Handle element) {
    if (!have) {
      acc.Set(element.value());
      have = true;
      return 1;
    }
    Value argv[4] = {acc.value(), element.value(), rt.NewNumber(static_cast<double>(i)), a.object.value()};
    Handle undefined = Handle::New(rt.heap(), kUndefined);
    acc.Set(rt.Call(args.at(0), undefined, argv, 4));
    return acc.value().IsEmpty() ? -1 : 1;
  });
  if (!ok) return Value();
  if (!have) return rt.ThrowTypeError("Reduce of empty array with no initial value");
  return acc.value();
}

// indexOf (HasProperty, strict equality), lastIndexOf (backwards from fromIndex), includes (Get,
// SameValueZero).
Value IndexOfImpl(Runtime& rt, Handle self, Args args, const char* method, bool last, bool includes) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  if (!Begin(rt, self, method, &a)) return Value();
  Handle target = Handle::New(rt.heap(), args.get(0));
  if (a.length == 0) return includes ? kFalse : Value::FromSmi(-1);
  int64_t from = 0;
  if (last) {
    double d = static_cast<double>(a.length - 1);
    if (args.count >= 2 && !ArgInteger(rt, args, 1, &d)) return Value();
    d = d < 0 ? static_cast<double>(a.length) + d : std::min(d, static_cast<double>(a.length - 1));
    if (d < 0) return Value::FromSmi(-1);
    from = static_cast<int64_t>(d);
  } else if (!Relative(rt, args, 1, a.length, 0, &from)) {
    return Value();
  }
  for (int64_t step = 0;; ++step) {
    int64_t i = last ? from - step : from + step;
    if (i < 0 || i >= a.length) break;
    if (!includes) {
      int has = Has(rt, a.object, i);
      if (has < 0) return Value();
      if (has == 0) continue;
    }
    Value v = Get(rt, a.object, i);
    if (v.IsEmpty()) return Value();
    if (includes ? Runtime::SameValueZero(v, target.value()) : rt.StrictEquals(v, target.value())) {
      return includes ? kTrue : rt.NewNumber(static_cast<double>(i));
    }
  }
  return includes ? kFalse : Value::FromSmi(-1);
}

// Reads every index below the length with Get (holes as undefined) into a new array.
Value CopyToArray(Runtime& rt, const ArrayLike& a) {
  tenure::HandleScope scope(rt.heap());
  Handle out = Handle::New(rt.heap(), rt.NewArray(a.length));
  bool ok = Each(rt, a, false, false, [&](int64_t, Handle element) { return rt.ArrayPush(out, element) ? 1 : -1; });
  return ok ? out.value() : Value();
}

// FlattenIntoArray (§23.1.3.13.1) from an array-like source; `mapper` only at the top level.
bool Flatten(Runtime& rt, Handle out, const ArrayLike& source, double depth, Args* mapper) {
  return Each(rt, source, true, false, [&](int64_t i, Handle element) {
    if (mapper) {
      element.Set(CallBack(rt, *mapper, element, i, source.object));
      if (element.value().IsEmpty()) return -1;
    }
    if (depth > 0 && rt.IsArray(element.value())) {
      ArrayLike inner;
      if (!Begin(rt, element, "flat", &inner)) return -1;
      return Flatten(rt, out, inner, depth - 1, nullptr) ? 1 : -1;
    }
    return rt.ArrayPush(out, element) ? 1 : -1;
  });
}

// SortCompare (§23.1.3.30.2) for two defined values; false with `*failed` on an exception.
bool SortLess(Runtime& rt, Args args, Handle x, Handle y, bool* failed) {
  tenure::HandleScope scope(rt.heap());
  if (args.get(0) != kUndefined) {
    Value argv[2] = {x.value(), y.value()};
    Handle undefined = Handle::New(rt.heap(), kUndefined);
    Handle r = Handle::New(rt.heap(), rt.Call(args.at(0), undefined, argv, 2));
    double d = 0;
    if (r.value().IsEmpty() || !rt.ToNumber(r, &d)) return *failed = true, false;
    return d < 0;
  }
  Handle sx = Handle::New(rt.heap(), rt.ToString(x));
  if (sx.value().IsEmpty()) return *failed = true, false;
  Value sy = rt.ToString(y);
  if (sy.IsEmpty()) return *failed = true, false;
  return CompareUnits(sx.value().As<String>()->view(), sy.As<String>()->view()) < 0;
}

}  // namespace

bool JoinSeparator(Runtime& rt, Args args, std::string* separator) {
  *separator = ",";
  if (args.get(0) == kUndefined) return true;
  Value s = ArgString(rt, args, 0);
  if (s.IsEmpty()) return false;
  *separator = rt.ToStdString(s);
  return true;
}

std::string NotAFunctionMessage(Runtime& rt, Handle value) {
  Value v = value.value();
  std::string text = IsString(v)                  ? rt.ToStdString(v)
                     : IsNumber(v)                ? Runtime::NumberToString(NumberValue(v))
                     : IsKind(v, Kind::kSymbol)   ? SymbolDescriptiveString(rt, v)
                     : IsJSObject(v)              ? ReceiverTextForErrors(rt, value)
                                                  : rt.ToStdString(v);  // undefined, null, booleans
  return text + " is not a function";
}

Value GenericArrayPush(Runtime& rt, Handle self, Args args) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  if (!Begin(rt, self, "push", &a)) return Value();
  if (static_cast<double>(a.length) + args.count > kMaxSafeLength) {
    return rt.ThrowTypeError("Pushing " + std::to_string(args.count) + " elements on an array-like of length " +
                             std::to_string(a.length) + " is disallowed, as the total surpasses 2**53-1");
  }
  for (int i = 0; i < args.count; ++i) {
    if (!Set(rt, a.object, a.length++, args.at(i))) return Value();
  }
  if (!SetLength(rt, a.object, a.length)) return Value();
  return rt.NewNumber(static_cast<double>(a.length));
}

Value GenericArrayPop(Runtime& rt, Handle self, Args) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  if (!Begin(rt, self, "pop", &a)) return Value();
  if (a.length == 0) return SetLength(rt, a.object, 0) ? kUndefined : Value();
  Handle element = Handle::New(rt.heap(), Get(rt, a.object, a.length - 1));
  if (element.value().IsEmpty() || !Delete(rt, a.object, a.length - 1) || !SetLength(rt, a.object, a.length - 1)) {
    return Value();
  }
  return element.value();
}

Value GenericArrayShift(Runtime& rt, Handle self, Args) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  if (!Begin(rt, self, "shift", &a)) return Value();
  if (a.length == 0) return SetLength(rt, a.object, 0) ? kUndefined : Value();
  Handle first = Handle::New(rt.heap(), Get(rt, a.object, 0));
  if (first.value().IsEmpty()) return Value();
  for (int64_t k = 1; k < a.length; ++k) {
    if (!Move(rt, a.object, k, k - 1)) return Value();
  }
  if (!Delete(rt, a.object, a.length - 1) || !SetLength(rt, a.object, a.length - 1)) return Value();
  return first.value();
}

Value GenericArrayUnshift(Runtime& rt, Handle self, Args args) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  if (!Begin(rt, self, "unshift", &a)) return Value();
  if (args.count > 0) {
    for (int64_t k = a.length; k > 0; --k) {
      if (!Move(rt, a.object, k - 1, k + args.count - 1)) return Value();
    }
    for (int j = 0; j < args.count; ++j) {
      if (!Set(rt, a.object, j, args.at(j))) return Value();
    }
  }
  if (!SetLength(rt, a.object, a.length + args.count)) return Value();
  return rt.NewNumber(static_cast<double>(a.length + args.count));
}

Value GenericArraySlice(Runtime& rt, Handle self, Args args) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  int64_t start = 0, end = 0;
  if (!Begin(rt, self, "slice", &a) || !Relative(rt, args, 0, a.length, 0, &start) ||
      !Relative(rt, args, 1, a.length, a.length, &end)) {
    return Value();
  }
  Handle out = Handle::New(rt.heap(), rt.NewArray());
  int64_t n = 0;
  for (int64_t k = start; k < end; ++k, ++n) {
    int has = Has(rt, a.object, k);
    if (has < 0) return Value();
    if (has == 0) continue;
    Handle v = Handle::New(rt.heap(), Get(rt, a.object, k));
    if (v.value().IsEmpty() || !rt.ArraySet(out, n, v)) return Value();
  }
  return SetLength(rt, out, std::max<int64_t>(n, 0)) ? out.value() : Value();
}

// splice(start, deleteCount, ...items) (§23.1.3.31).
Value GenericArraySplice(Runtime& rt, Handle self, Args args) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  int64_t start = 0;
  if (!Begin(rt, self, "splice", &a) || !Relative(rt, args, 0, a.length, 0, &start)) return Value();
  int64_t count = 0;
  if (args.count == 1) {
    count = a.length - start;
  } else if (args.count >= 2) {
    double d = 0;
    if (!ArgInteger(rt, args, 1, &d)) return Value();
    count = static_cast<int64_t>(std::clamp(d, 0.0, static_cast<double>(a.length - start)));
  }
  int64_t items = std::max(args.count - 2, 0);
  Handle removed = Handle::New(rt.heap(), NewArrayOfLength(rt, count));
  if (removed.value().IsEmpty()) return Value();
  for (int64_t k = 0; k < count; ++k) {
    int has = Has(rt, a.object, start + k);
    if (has < 0) return Value();
    if (has == 0) continue;
    Handle v = Handle::New(rt.heap(), Get(rt, a.object, start + k));
    if (v.value().IsEmpty() || !rt.ArraySet(removed, k, v)) return Value();
  }
  if (items < count) {
    for (int64_t k = start; k < a.length - count; ++k) {
      if (!Move(rt, a.object, k + count, k + items)) return Value();
    }
    for (int64_t k = a.length; k > a.length - count + items; --k) {
      if (!Delete(rt, a.object, k - 1)) return Value();
    }
  } else if (items > count) {
    for (int64_t k = a.length - count; k > start; --k) {
      if (!Move(rt, a.object, k + count - 1, k + items - 1)) return Value();
    }
  }
  for (int64_t j = 0; j < items; ++j) {
    if (!Set(rt, a.object, start + j, args.at(static_cast<int>(j + 2)))) return Value();
  }
  if (!SetLength(rt, a.object, a.length - count + items)) return Value();
  return removed.value();
}

Value GenericArrayConcat(Runtime& rt, Handle self, Args args) {
  if (IsNullish(self.value())) return ThrowNullReceiver(rt, "concat"), Value();
  tenure::HandleScope scope(rt.heap());
  Handle o = Handle::New(rt.heap(), ToObjectValue(rt, self));
  if (o.value().IsEmpty()) return Value();
  Handle out = Handle::New(rt.heap(), rt.NewArray());
  if (!rt.ArrayPush(out, o)) return Value();
  for (int i = 0; i < args.count; ++i) {
    bool ok = rt.IsArray(args.get(i)) ? rt.SpreadInto(out, args.at(i)) : rt.ArrayPush(out, args.at(i));
    if (!ok) return Value();
  }
  return out.value();
}

Value GenericArrayJoin(Runtime& rt, Handle self, Args args) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  if (!Begin(rt, self, "join", &a)) return Value();
  std::string separator;
  if (!JoinSeparator(rt, args, &separator)) return Value();
  std::string out;
  bool ok = Each(rt, a, false, false, [&](int64_t i, Handle element) {
    if (i > 0) out += separator;
    if (IsNullish(element.value())) return 1;
    Value s = rt.ToString(element);
    if (s.IsEmpty()) return -1;
    out += rt.ToStdString(s);
    return 1;
  });
  return ok ? rt.NewString(out) : Value();
}

// toString (§23.1.3.36): this.join() when join is callable, else Object.prototype.toString.
Value GenericArrayToString(Runtime& rt, Handle self, Args) {
  tenure::HandleScope scope(rt.heap());
  if (IsNullish(self.value())) return ThrowNullReceiver(rt, "toString"), Value();
  Handle o = Handle::New(rt.heap(), ToObjectValue(rt, self));
  if (o.value().IsEmpty()) return Value();
  Handle key = Handle::New(rt.heap(), rt.Intern("join"));
  Handle join = Handle::New(rt.heap(), rt.GetProperty(o, key));
  if (join.value().IsEmpty()) return Value();
  if (!rt.IsCallable(join.value())) {
    Handle proto = Handle::New(rt.heap(), rt.root(kRootObjectPrototype));
    key.Set(rt.Intern("toString"));
    join.Set(rt.GetProperty(proto, key));
    if (join.value().IsEmpty()) return Value();
  }
  return rt.Call(join, o, nullptr, 0);
}

Value GenericArrayIndexOf(Runtime& rt, Handle self, Args args) { return IndexOfImpl(rt, self, args, "indexOf", false, false); }
Value GenericArrayLastIndexOf(Runtime& rt, Handle self, Args args) {
  return IndexOfImpl(rt, self, args, "lastIndexOf", true, false);
}
Value GenericArrayIncludes(Runtime& rt, Handle self, Args args) { return IndexOfImpl(rt, self, args, "includes", false, true); }

Value GenericArrayForEach(Runtime& rt, Handle self, Args args) {
  return SearchImpl(rt, self, args, "forEach", Search::kForEach, false);
}
Value GenericArraySome(Runtime& rt, Handle self, Args args) { return SearchImpl(rt, self, args, "some", Search::kSome, false); }
Value GenericArrayEvery(Runtime& rt, Handle self, Args args) { return SearchImpl(rt, self, args, "every", Search::kEvery, false); }
Value GenericArrayFind(Runtime& rt, Handle self, Args args) { return SearchImpl(rt, self, args, "find", Search::kFind, false); }
Value GenericArrayFindIndex(Runtime& rt, Handle self, Args args) {
  return SearchImpl(rt, self, args, "findIndex", Search::kFindIndex, false);
}
Value GenericArrayFindLast(Runtime& rt, Handle self, Args args) {
  return SearchImpl(rt, self, args, "findLast", Search::kFind, true);
}
Value GenericArrayFindLastIndex(Runtime& rt, Handle self, Args args) {
  return SearchImpl(rt, self, args, "findLastIndex", Search::kFindIndex, true);
}
Value GenericArrayReduce(Runtime& rt, Handle self, Args args) { return ReduceImpl(rt, self, args, "reduce", false); }
Value GenericArrayReduceRight(Runtime& rt, Handle self, Args args) { return ReduceImpl(rt, self, args, "reduceRight", true); }

Value GenericArrayMap(Runtime& rt, Handle self, Args args) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  if (!Begin(rt, self, "map", &a) || !RequireCallable(rt, args)) return Value();
  Handle out = Handle::New(rt.heap(), NewArrayOfLength(rt, a.length));
  if (out.value().IsEmpty()) return Value();
  bool ok = Each(rt, a, true, false, [&](int64_t i, Handle element) {
    element.Set(CallBack(rt, args, element, i, a.object));
    return !element.value().IsEmpty() && rt.ArraySet(out, i, element) ? 1 : -1;
  });
  return ok ? out.value() : Value();
}

Value GenericArrayFilter(Runtime& rt, Handle self, Args args) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  if (!Begin(rt, self, "filter", &a) || !RequireCallable(rt, args)) return Value();
  Handle out = Handle::New(rt.heap(), rt.NewArray());
  bool ok = Each(rt, a, true, false, [&](int64_t i, Handle element) {
    Value r = CallBack(rt, args, element, i, a.object);
    if (r.IsEmpty()) return -1;
    return !Runtime::ToBoolean(r) || rt.ArrayPush(out, element) ? 1 : -1;
  });
  return ok ? out.value() : Value();
}

Value GenericArrayReverse(Runtime& rt, Handle self, Args) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  if (!Begin(rt, self, "reverse", &a)) return Value();
  for (int64_t lower = 0, upper = a.length - 1; lower < upper; ++lower, --upper) {
    tenure::HandleScope step(rt.heap());
    int has_lower = Has(rt, a.object, lower), has_upper = Has(rt, a.object, upper);
    if (has_lower < 0 || has_upper < 0) return Value();
    Handle lv = Handle::New(rt.heap(), has_lower ? Get(rt, a.object, lower) : kUndefined);
    Handle uv = Handle::New(rt.heap(), has_upper ? Get(rt, a.object, upper) : kUndefined);
    if (lv.value().IsEmpty() || uv.value().IsEmpty()) return Value();
    bool ok = (has_upper ? Set(rt, a.object, lower, uv) : Delete(rt, a.object, lower)) &&
              (has_lower ? Set(rt, a.object, upper, lv) : Delete(rt, a.object, upper));
    if (!ok) return Value();
  }
  return a.object.value();
}

Value GenericArrayFill(Runtime& rt, Handle self, Args args) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  int64_t start = 0, end = 0;
  if (!Begin(rt, self, "fill", &a) || !Relative(rt, args, 1, a.length, 0, &start) ||
      !Relative(rt, args, 2, a.length, a.length, &end)) {
    return Value();
  }
  for (int64_t k = start; k < end; ++k) {
    if (!Set(rt, a.object, k, args.at(0))) return Value();
  }
  return a.object.value();
}

Value GenericArrayCopyWithin(Runtime& rt, Handle self, Args args) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  int64_t to = 0, from = 0, end = 0;
  if (!Begin(rt, self, "copyWithin", &a) || !Relative(rt, args, 0, a.length, 0, &to) ||
      !Relative(rt, args, 1, a.length, 0, &from) || !Relative(rt, args, 2, a.length, a.length, &end)) {
    return Value();
  }
  int64_t count = std::min(end - from, a.length - to);
  bool backwards = from < to && to < from + count;
  for (int64_t step = 0; step < count; ++step) {
    int64_t offset = backwards ? count - 1 - step : step;
    if (!Move(rt, a.object, from + offset, to + offset)) return Value();
  }
  return a.object.value();
}

// sort (§23.1.3.30): SortIndexedProperties over the present elements (undefined last), written
// back in order, then the indices after them deleted (holes move to the end).
Value GenericArraySort(Runtime& rt, Handle self, Args args) {
  if (args.get(0) != kUndefined && !rt.IsCallable(args.get(0))) {
    return rt.ThrowTypeError("The comparison function must be either a function or undefined");
  }
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  ArrayLike a;
  if (!Begin(rt, self, "sort", &a)) return Value();
  Handle present = Handle::New(heap, rt.NewArray());  // Each's handles die with each step
  int64_t undefined_count = 0;
  bool ok = Each(rt, a, true, false, [&](int64_t, Handle element) {
    if (element.value() == kUndefined) return ++undefined_count, 1;
    return rt.ArrayPush(present, element) ? 1 : -1;
  });
  if (!ok) return Value();
  std::vector<Handle> items;
  for (int64_t i = 0; i < Runtime::ArrayLength(present.value()); ++i) {
    items.push_back(Handle::New(heap, rt.ArrayGet(present.value().As<JSObject>(), i)));
  }
  bool failed = false;
  std::stable_sort(items.begin(), items.end(),
                   [&](Handle x, Handle y) { return !failed && SortLess(rt, args, x, y, &failed); });
  if (failed) return Value();
  Handle undefined = Handle::New(heap, kUndefined);
  int64_t k = 0;
  for (Handle item : items) {
    if (!Set(rt, a.object, k++, item)) return Value();
  }
  for (int64_t j = 0; j < undefined_count; ++j) {
    if (!Set(rt, a.object, k++, undefined)) return Value();
  }
  for (; k < a.length; ++k) {
    if (!Delete(rt, a.object, k)) return Value();
  }
  return a.object.value();
}

Value GenericArrayAt(Runtime& rt, Handle self, Args args) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  double d = 0;
  if (!Begin(rt, self, "at", &a) || !ArgInteger(rt, args, 0, &d)) return Value();
  if (d < 0) d += static_cast<double>(a.length);
  if (d < 0 || d >= static_cast<double>(a.length)) return kUndefined;
  return Get(rt, a.object, static_cast<int64_t>(d));
}

Value GenericArrayFlat(Runtime& rt, Handle self, Args args) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  if (!Begin(rt, self, "flat", &a)) return Value();
  double depth = 1;
  if (args.get(0) != kUndefined && !ArgInteger(rt, args, 0, &depth)) return Value();
  Handle out = Handle::New(rt.heap(), rt.NewArray());
  return Flatten(rt, out, a, depth, nullptr) ? out.value() : Value();
}

Value GenericArrayFlatMap(Runtime& rt, Handle self, Args args) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  if (!Begin(rt, self, "flatMap", &a)) return Value();
  if (!rt.IsCallable(args.get(0))) return rt.ThrowTypeError("flatMap mapper function is not callable");
  Handle out = Handle::New(rt.heap(), rt.NewArray());
  return Flatten(rt, out, a, 1, &args) ? out.value() : Value();
}

// keys / values / entries: an iterator over a snapshot of the array-like (see the file comment).
Value GenericArrayIterator(Runtime& rt, Handle self, const char* method, IterKind kind) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  if (!Begin(rt, self, method, &a)) return Value();
  Handle items = Handle::New(rt.heap(), CopyToArray(rt, a));
  if (items.value().IsEmpty()) return Value();
  Handle record = Handle::New(rt.heap(), rt.NewIterationRecord(items, kind));
  return NewNativeIterator(rt, record);
}

// toReversed / toSorted / toSpliced / with: every index is read with Get into a new array, on
// which the array method does the rest.
Value GenericArrayCopy(Runtime& rt, Handle self, const char* method) {
  tenure::HandleScope scope(rt.heap());
  ArrayLike a;
  if (!Begin(rt, self, method, &a)) return Value();
  return CopyToArray(rt, a);
}

}  // namespace tenure::js
