// Type conversions and comparisons (ECMA-262 §7.1, §7.2).
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "builtins.h"
#include "builtins_date.h"
#include "object_names.h"
#include "runtime.h"

namespace tenure::js {

bool Runtime::ToBoolean(Value v) {
  if (v.IsSmi()) return v.ToSmi() != 0;
  if (v == kTrue) return true;
  if (v == kFalse || v == kUndefined || v == kNull || v == kHole) return false;
  HeapObject* o = v.ToObject();
  switch (KindOf(o)) {
    case Kind::kHeapNumber: {
      double d = static_cast<HeapNumber*>(o)->value;
      return d != 0 && !std::isnan(d);
    }
    case Kind::kString: return static_cast<String*>(o)->length != 0;
    default: return true;
  }
}

namespace {

bool IsJsWhitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// StringToNumber (ECMA-262 §7.1.4.1.1): trimmed; empty = 0; hex/octal/binary prefixes;
// "Infinity"; otherwise a decimal literal or NaN.
double StringToNumber(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsJsWhitespace(s[b])) ++b;
  while (e > b && IsJsWhitespace(s[e - 1])) --e;
  std::string t(s.substr(b, e - b));
  if (t.empty()) return 0;
  if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X' || t[1] == 'o' || t[1] == 'O' ||
                                      t[1] == 'b' || t[1] == 'B')) {
    int radix = (t[1] == 'x' || t[1] == 'X') ? 16 : (t[1] == 'o' || t[1] == 'O') ? 8 : 2;
    double v = 0;
    for (size_t i = 2; i < t.size(); ++i) {
      int d = std::isdigit(static_cast<unsigned char>(t[i])) ? t[i] - '0'
              : std::isalpha(static_cast<unsigned char>(t[i])) ? std::tolower(t[i]) - 'a' + 10 : 99;
      if (d >= radix) return NAN;
      v = v * radix + d;
    }
    return v;
  }
  if (t == "Infinity" || t == "+Infinity") return INFINITY;
  if (t == "-Infinity") return -INFINITY;
  for (char c : t) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
      return NAN;
    }
  }
  char* end = nullptr;
  double v = std::strtod(t.c_str(), &end);
  if (end != t.c_str() + t.size()) return NAN;
  return v;
}

}  // namespace

bool Runtime::ToNumber(Handle h, double* out) {
  Value v = h.value();
  if (v.IsSmi()) { *out = static_cast<double>(v.ToSmi()); return true; }
  if (v == kUndefined || v == kHole) { *out = NAN; return true; }
  if (v == kNull || v == kFalse) { *out = 0; return true; }
  if (v == kTrue) { *out = 1; return true; }
  if (IsKind(v, Kind::kHeapNumber)) { *out = v.As<HeapNumber>()->value; return true; }
  if (IsString(v)) { *out = StringToNumber(v.As<String>()->view()); return true; }
  if (IsKind(v, Kind::kSymbol)) { ThrowTypeError("Cannot convert a Symbol value to a number"); return false; }
  tenure::HandleScope scope(*heap_);
  Handle prim = Handle::New(*heap_, ToPrimitive(h, false));
  if (prim.value().IsEmpty()) return false;
  return ToNumber(prim, out);
}

// Number::toString (ECMA-262 §6.1.6.1.20): shortest round-trip digits, then the spec's layout
// rules for the decimal exponent n.
// Writes `count` copies of `c` at `p`; returns the end.
static char* Fill(char* p, char c, int count) {
  for (int i = 0; i < count; ++i) *p++ = c;
  return p;
}

static char* Copy(char* p, const char* from, int count) {
  std::memcpy(p, from, static_cast<size_t>(count));
  return p + count;
}

size_t Runtime::NumberToChars(double d, char* out) {
  if (std::isnan(d)) return static_cast<size_t>(Copy(out, "NaN", 3) - out);
  if (d == 0) return static_cast<size_t>(Copy(out, "0", 1) - out);  // also -0
  char* p = out;
  if (d < 0) *p++ = '-';
  double a = std::fabs(d);
  if (std::isinf(a)) return static_cast<size_t>(Copy(p, "Infinity", 8) - out);
  if (a < 9007199254740992.0 && a == std::floor(a)) {  // an integer below 2^53: its decimal digits
    return static_cast<size_t>(std::to_chars(p, out + kNumberCharsMax, static_cast<int64_t>(a)).ptr - out);
  }
  // ECMA-262 Number::toString wants the fewest digits k that still identify `a` (the closest
  // such digits when several exist): exactly what std::to_chars's shortest round-trip form gives
  // ([charconv.to.chars]), as "d.ddde[+-]xx".
  char sci[40];
  const char* end = std::to_chars(sci, sci + sizeof sci, a, std::chars_format::scientific).ptr;
  char digits[24];
  int k = 0;
  const char* q = sci;
  for (; q < end && *q != 'e'; ++q) {
    if (*q != '.') digits[k++] = *q;
  }
  const bool negative_exp = q + 1 < end && q[1] == '-';
  int exp10 = 0;
  for (q += 2; q < end; ++q) exp10 = exp10 * 10 + (*q - '0');
  if (negative_exp) exp10 = -exp10;
  while (k > 1 && digits[k - 1] == '0') --k;
  const int n = exp10 + 1;  // the decimal point's position after the first digit
  if (k <= n && n <= 21) {
    p = Fill(Copy(p, digits, k), '0', n - k);
  } else if (0 < n && n <= 21) {
    p = Copy(Copy(p, digits, n), ".", 1);
    p = Copy(p, digits + n, k - n);
  } else if (-6 < n && n <= 0) {
    p = Copy(Fill(Copy(p, "0.", 2), '0', -n), digits, k);
  } else {
    p = Copy(p, digits, 1);
    if (k > 1) p = Copy(Copy(p, ".", 1), digits + 1, k - 1);
    p = Copy(p, n - 1 >= 0 ? "e+" : "e-", 2);
    p = std::to_chars(p, out + kNumberCharsMax, n - 1 >= 0 ? n - 1 : 1 - n).ptr;
  }
  return static_cast<size_t>(p - out);
}

std::string Runtime::NumberToString(double d) {
  char buf[kNumberCharsMax];
  return std::string(buf, NumberToChars(d, buf));
}

// ToString of a number: formatted on the stack; the text is ASCII, so it needs no WTF-8
// normalization (NewString's copy).
static Value NewNumberString(tenure::Heap& heap, double d) {
  char buf[Runtime::kNumberCharsMax];
  const size_t n = Runtime::NumberToChars(d, buf);
  String* str = static_cast<String*>(heap.Allocate(StringType(), kStringDataOffset + n));
  str->length = static_cast<uint32_t>(n);
  str->info = StringInfoFor(std::string_view(buf, n), /*interned=*/false);
  std::memcpy(str->data(), buf, n);
  return Value::FromObject(str);
}

std::string Runtime::ToStdString(Value v) const {
  if (IsString(v)) return std::string(v.As<String>()->view());
  if (v.IsSmi()) return std::to_string(v.ToSmi());
  if (IsKind(v, Kind::kHeapNumber)) return NumberToString(v.As<HeapNumber>()->value);
  if (v == kUndefined) return "undefined";
  if (v == kNull) return "null";
  if (v == kTrue) return "true";
  if (v == kFalse) return "false";
  if (IsKind(v, Kind::kSymbol)) {
    Value d = v.As<Symbol>()->description;
    return "Symbol(" + (IsString(d) ? std::string(d.As<String>()->view()) : std::string()) + ")";
  }
  return "[object]";
}

Value Runtime::ToString(Handle h) {
  Value v = h.value();
  if (IsString(v)) return v;
  if (v.IsSmi()) return NewNumberString(*heap_, static_cast<double>(v.ToSmi()));
  if (IsKind(v, Kind::kHeapNumber)) return NewNumberString(*heap_, v.As<HeapNumber>()->value);
  if (!v.IsHeapObject()) return NewString(ToStdString(v));
  if (IsKind(v, Kind::kSymbol)) return ThrowTypeError("Cannot convert a Symbol value to a string");
  tenure::HandleScope scope(*heap_);
  Handle prim = Handle::New(*heap_, ToPrimitive(h, true));
  if (prim.value().IsEmpty()) return Value();
  return ToString(prim);
}

namespace {

// V8's text for calling a non-callable value it has no name for: "number 1 is not a function",
// "string \"s\" is not a function", "object is not a function" (object_names.h).
std::string NotAFunctionText(Runtime& rt, Handle value) {
  return NonCallableText(rt, value) + " is not a function";
}

const char* HintName(Runtime::PrimitiveHint hint) {
  switch (hint) {
    case Runtime::PrimitiveHint::kDefault: return "default";
    case Runtime::PrimitiveHint::kNumber: return "number";
    case Runtime::PrimitiveHint::kString: return "string";
  }
  return "default";
}

}  // namespace

Value Runtime::ToPrimitive(Handle h, PrimitiveHint hint) {
  if (!IsJSObject(h.value())) return h.value();
  if (!IsKind(roots_[kRootToPrimitiveSymbol], Kind::kSymbol)) return OrdinaryToPrimitive(h, hint == PrimitiveHint::kString);
  tenure::HandleScope scope(*heap_);
  Handle key = Handle::FromSlot(&roots_[kRootToPrimitiveSymbol]);
  Handle method = Handle::New(*heap_, GetProperty(h, key));
  if (method.value().IsEmpty()) return Value();
  if (IsNullish(method.value())) return OrdinaryToPrimitive(h, hint == PrimitiveHint::kString);
  if (!IsCallable(method.value())) return ThrowTypeError(NotAFunctionText(*this, method));
  Value hint_value = Intern(HintName(hint));
  Value result = Call(method, h, &hint_value, 1);
  if (result.IsEmpty()) return Value();
  if (IsJSObject(result)) return ThrowTypeError("Cannot convert object to primitive value");
  return result;
}

// OrdinaryToPrimitive: valueOf/toString in hint order; TypeError when neither yields a primitive.
Value Runtime::OrdinaryToPrimitive(Handle h, bool hint_string) {
  if (!IsJSObject(h.value())) return h.value();
  tenure::HandleScope scope(*heap_);
  const char* order[2] = {"valueOf", "toString"};
  if (hint_string) std::swap(order[0], order[1]);
  for (const char* name : order) {
    Handle key = Handle::New(*heap_, Intern(name));
    Handle fn = Handle::New(*heap_, GetNamed(h, key));
    if (fn.value().IsEmpty()) return Value();
    if (!IsCallable(fn.value())) continue;
    Value result = Call(fn, h, nullptr, 0);
    if (result.IsEmpty()) return Value();
    if (!IsJSObject(result)) return result;
  }
  return ThrowTypeError("Cannot convert object to primitive value");
}

Value Runtime::ToPropertyKey(Handle h) {
  Value v = h.value();
  if (v.IsSmi() && v.ToSmi() >= 0) return v;
  if (IsString(v)) {
    String* s = v.As<String>();
    std::string_view sv = s->view();
    if (!sv.empty() && sv.size() <= 9 && (sv == "0" || sv[0] != '0')) {
      bool digits = true;
      for (char c : sv) digits &= c >= '0' && c <= '9';
      if (digits) return Value::FromSmi(std::stoll(std::string(sv)));
    }
    if (s->interned()) return v;
    return Intern(sv);
  }
  if (IsKind(v, Kind::kHeapNumber)) {
    double d = v.As<HeapNumber>()->value;
    return Intern(NumberToString(d));
  }
  if (v.IsSmi()) return Intern(std::to_string(v.ToSmi()));
  if (IsKind(v, Kind::kSymbol)) return v;  // symbols are keys themselves
  tenure::HandleScope scope(*heap_);
  Handle str = Handle::New(*heap_, ToString(h));
  if (str.value().IsEmpty()) return Value();
  return ToPropertyKey(str);
}

Value Runtime::TypeOf(Value v) {
  const char* t;
  if (v.IsSmi() || IsKind(v, Kind::kHeapNumber)) t = "number";
  else if (IsString(v)) t = "string";
  else if (v == kTrue || v == kFalse) t = "boolean";
  else if (v == kUndefined || v == kHole) t = "undefined";
  else if (v == kNull) t = "object";
  else if (IsKind(v, Kind::kFunction)) t = "function";
  else if (IsKind(v, Kind::kSymbol)) t = "symbol";
  else t = "object";
  return Intern(t);
}

bool Runtime::StrictEquals(Value a, Value b) const {
  if (IsNumber(a) && IsNumber(b)) return NumberValue(a) == NumberValue(b);
  if (IsString(a) && IsString(b)) return a.As<String>()->view() == b.As<String>()->view();
  return a == b;
}

bool Runtime::SameValueZero(Value a, Value b) {
  if (IsNumber(a) && IsNumber(b)) {
    double x = NumberValue(a), y = NumberValue(b);
    return x == y || (std::isnan(x) && std::isnan(y));
  }
  if (IsString(a) && IsString(b)) return a.As<String>()->view() == b.As<String>()->view();
  return a == b;
}

// IsLooselyEqual (ECMA-262 §7.2.14).
Value Runtime::LooseEquals(Handle ha, Handle hb) {
  Value a = ha.value(), b = hb.value();
  if ((IsNumber(a) && IsNumber(b)) || (IsString(a) && IsString(b))) return FromBool(StrictEquals(a, b));
  if (IsNullish(a) || IsNullish(b)) return FromBool(IsNullish(a) && IsNullish(b));
  if ((IsKind(a, Kind::kSymbol) && !IsJSObject(b)) || (IsKind(b, Kind::kSymbol) && !IsJSObject(a))) {
    return FromBool(a == b);
  }
  if (IsJSObject(a) && IsJSObject(b)) return FromBool(a == b);
  if (a == kTrue || a == kFalse || b == kTrue || b == kFalse ||
      (IsNumber(a) && IsString(b)) || (IsString(a) && IsNumber(b))) {
    double x, y;
    if (IsJSObject(a) || IsJSObject(b)) {
      // fall through to primitive conversion below
    } else {
      if (!ToNumber(ha, &x) || !ToNumber(hb, &y)) return Value();
      return FromBool(x == y);
    }
  }
  tenure::HandleScope scope(*heap_);
  Handle pa = Handle::New(*heap_, ToPrimitive(ha, PrimitiveHint::kDefault));  // Dates: hint string
  if (pa.value().IsEmpty()) return Value();
  Handle pb = Handle::New(*heap_, ToPrimitive(hb, PrimitiveHint::kDefault));
  if (pb.value().IsEmpty()) return Value();
  if (IsJSObject(pa.value()) || IsJSObject(pb.value())) return kFalse;
  return LooseEquals(pa, pb);
}

// §7.3.21 OrdinaryHasInstance for an object `prototype`: is it on value's prototype chain.
bool Runtime::OrdinaryHasInstance(Value value, Value prototype) {
  if (!IsJSObject(value)) return false;
  for (Value cur = value.As<JSObject>()->proto; IsJSObject(cur); cur = cur.As<JSObject>()->proto) {
    if (cur == prototype) return true;
  }
  return false;
}

// §13.10.2 InstanceofOperator. Function.prototype[Symbol.hasInstance] is what almost every
// target inherits; it is OrdinaryHasInstance, done here without the call.
Value Runtime::InstanceOf(Handle value, Handle target) {
  if (!IsJSObject(target.value())) return ThrowTypeError("Right-hand side of 'instanceof' is not an object");
  tenure::HandleScope scope(*heap_);
  Handle key = Handle::FromSlot(&roots_[kRootHasInstanceSymbol]);
  Handle method = Handle::New(*heap_, GetProperty(target, key));
  if (method.value().IsEmpty()) return Value();
  bool ordinary = IsNullish(method.value()) || IsNative(method.value(), FunctionPrototypeHasInstance);
  if (!ordinary) {
    if (!IsCallable(method.value())) return ThrowTypeError(NotAFunctionText(*this, method));
    Value result = Call(method, target, value.slot(), 1);
    if (result.IsEmpty()) return Value();
    return FromBool(ToBoolean(result));
  }
  if (!IsCallable(target.value())) return ThrowTypeError("Right-hand side of 'instanceof' is not callable");
  Handle prototype_key = Handle::FromSlot(&roots_[kRootPrototypeKey]);
  Value prototype = GetNamed(target, prototype_key);
  if (prototype.IsEmpty()) return Value();
  // A non-object prototype (and a bound function, whose target is not consulted) gives false
  // where V8 throws "Function has non-object prototype ..." (docs/runtime.md).
  return FromBool(OrdinaryHasInstance(value.value(), prototype));
}

bool Runtime::IsNative(Value fn, NativeFn native) const {
  if (!IsKind(fn, Kind::kFunction)) return false;
  int64_t id = fn.As<JSObject>()->internal[1].ToSmi();
  return id < 0 && natives_[-id - 1].fn == native;
}

}  // namespace tenure::js
