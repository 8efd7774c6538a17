// Number and Math builtins.
//
// Number formatting follows ECMA-262 §21.1.3 (toFixed, toExponential, toPrecision): each picks the
// integer n whose digits are closest to the exact value of the double, and "if there are two such
// n, pick the larger n" — round half up in magnitude. glibc's printf rounds the exact value half to
// even, so (2.5).toFixed(0) would print "2" where JS prints "3"; the digits here come from the exact
// decimal expansion of the double (printf "%.800e" is exact in glibc: a double has at most 767
// significant decimal digits) and are rounded by ExactDecimal::Round.
#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "builtins.h"

namespace tenure::js {

namespace {

constexpr char kDigitChars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

// The decimal digits of a finite, non-zero |v|: v = d0.d1d2... × 10^exponent (no trailing zeros).
struct ExactDecimal {
  std::string digits;
  int exponent = 0;

  static ExactDecimal Of(double v) {
    char buf[900];
    std::snprintf(buf, sizeof buf, "%.800e", std::fabs(v));
    std::string_view s(buf);
    size_t e = s.find('e');
    ExactDecimal d;
    d.digits = std::string(1, s[0]) + std::string(s.substr(2, e - 2));
    d.exponent = std::atoi(buf + e + 1);
    while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
    return d;
  }

  // Keeps `n` significant digits (n may be 0 or negative: rounding above the first digit), half
  // up; pads with zeros to exactly max(n, 1) digits, carrying into the exponent when 9s roll over.
  void Round(int n) {
    if (n <= 0) {
      bool up = n == 0 && digits[0] >= '5';
      digits = up ? "1" : "0";
      exponent += up ? 1 - n : 0;
      if (!up) exponent = 0;
      return;
    }
    bool up = static_cast<int>(digits.size()) > n && digits[n] >= '5';
    digits.resize(n, '0');
    for (int i = n - 1; up && i >= 0; --i) {
      if (digits[i] == '9') {
        digits[i] = '0';
      } else {
        ++digits[i];
        up = false;
      }
    }
    if (up) {  // 99.9 -> 100: one more leading digit
      digits.insert(digits.begin(), '1');
      digits.pop_back();
      ++exponent;
    }
  }
};

// `digits` × 10^(exponent - len + 1) written with `fraction` digits after the point.
std::string FixedNotation(const ExactDecimal& d, int fraction) {
  std::string all = d.digits;
  int int_digits = d.exponent + 1;
  if (int_digits <= 0) {
    all.insert(0, static_cast<size_t>(1 - int_digits), '0');
    int_digits = 1;
  }
  size_t want = static_cast<size_t>(int_digits + fraction);
  if (all.size() < want) all.append(want - all.size(), '0');
  all.resize(want);
  std::string out = all.substr(0, int_digits);
  if (fraction > 0) out += "." + all.substr(int_digits);
  return out;
}

std::string ExponentialNotation(const ExactDecimal& d) {
  std::string out(1, d.digits[0]);
  if (d.digits.size() > 1) out += "." + d.digits.substr(1);
  return out + "e" + (d.exponent < 0 ? "-" : "+") + std::to_string(std::abs(d.exponent));
}

bool ThisNumber(Runtime& rt, Handle self, const char* method, double* d) {
  Value v = self.value();
  if (IsKind(v, Kind::kBoxed) && IsNumber(v.As<JSObject>()->internal[0])) v = v.As<JSObject>()->internal[0];
  if (!IsNumber(v)) {
    rt.ThrowTypeError(std::string("Number.prototype.") + method + " requires that 'this' be a Number");
    return false;
  }
  *d = NumberValue(v);
  return true;
}

// The optional digits argument of toFixed/toExponential/toPrecision, range-checked like V8.
bool DigitsArg(Runtime& rt, Args args, const char* method, int lo, double* out) {
  if (!ArgInteger(rt, args, 0, out)) return false;
  if (*out < lo || *out > 100) {
    rt.ThrowError(ErrorType::kRangeError, std::string(method) + "() argument must be between " +
                                              std::to_string(lo) + " and 100");
    return false;
  }
  return true;
}

// Number::toString(radix) for non-integers (ECMA-262 leaves the digits implementation-defined;
// this follows V8's observable behaviour): fraction digits are produced until the remaining value
// is within half an ulp of the input, so the result reads back as the same double.
std::string RadixString(double value, int radix) {
  bool negative = value < 0;
  value = std::fabs(value);
  double integer = std::floor(value);
  double fraction = value - integer;
  double delta = std::max(0.5 * (std::nextafter(value, INFINITY) - value), std::nextafter(0.0, 1.0));
  std::string frac;
  if (fraction >= delta) {
    do {
      fraction *= radix;
      delta *= radix;
      int digit = static_cast<int>(fraction);
      frac.push_back(kDigitChars[digit]);
      fraction -= digit;
      if ((fraction > 0.5 || (fraction == 0.5 && (digit & 1))) && fraction + delta > 1) {
        while (!frac.empty()) {  // round up, carrying into the integer part if needed
          int d = static_cast<int>(std::string_view(kDigitChars).find(frac.back())) + 1;
          if (d < radix) { frac.back() = kDigitChars[d]; break; }
          frac.pop_back();
        }
        if (frac.empty()) integer += 1;
        break;
      }
    } while (fraction >= delta);
  }
  std::string out;
  do {
    out.push_back(kDigitChars[static_cast<int>(std::fmod(integer, radix))]);
    integer = std::floor(integer / radix);
  } while (integer > 0);
  if (negative) out.push_back('-');
  std::reverse(out.begin(), out.end());
  if (!frac.empty()) out += "." + frac;
  return out;
}

uint32_t ToUint32(double d) {
  if (!std::isfinite(d)) return 0;
  return static_cast<uint32_t>(static_cast<uint64_t>(static_cast<int64_t>(std::fmod(std::trunc(d), 4294967296.0))));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Number

TENURE_NATIVE(NumberConstructor) {
  double d = 0;
  if (args.count > 0 && !ArgNumber(rt, args, 0, &d)) return Value();
  Value n = args.count == 0 ? Value::FromSmi(0) : rt.NewNumber(d);
  if (!rt.IsCallable(rt.current_new_target())) return n;
  tenure::HandleScope scope(rt.heap());
  return ConstructPrimitiveWrapper(rt, Handle::New(rt.heap(), n));  // `new Number(x)`
}

TENURE_NATIVE(NumberToFixed) {
  double d, digits = 0;
  if (!ThisNumber(rt, self, "toFixed", &d)) return Value();
  if (!ArgInteger(rt, args, 0, &digits)) return Value();
  if (digits < 0 || digits > 100) {
    return rt.ThrowError(ErrorType::kRangeError, "toFixed() digits argument must be between 0 and 100");
  }
  if (!std::isfinite(d) || std::fabs(d) >= 1e21) return rt.NewString(Runtime::NumberToString(d));
  int f = static_cast<int>(digits);
  std::string sign = d < 0 ? "-" : "";
  if (d == 0) return rt.NewString(FixedNotation({"0", 0}, f));
  ExactDecimal x = ExactDecimal::Of(d);
  x.Round(x.exponent + 1 + f);
  return rt.NewString(sign + FixedNotation(x, f));
}

TENURE_NATIVE(NumberToExponential) {
  double d, digits = 0;
  if (!ThisNumber(rt, self, "toExponential", &d)) return Value();
  bool shortest = args.get(0) == kUndefined;
  if (!ArgInteger(rt, args, 0, &digits)) return Value();
  if (!std::isfinite(d)) return rt.NewString(Runtime::NumberToString(d));
  if (!shortest && (digits < 0 || digits > 100)) {
    return rt.ThrowError(ErrorType::kRangeError, "toExponential() argument must be between 0 and 100");
  }
  std::string sign = d < 0 ? "-" : "";
  ExactDecimal x{"0", 0};
  if (d != 0 && shortest) {  // as many digits as needed to read back the same double
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(d), std::chars_format::scientific);
    std::string_view s(buf, r.ptr - buf);
    size_t e = s.find('e');
    x.digits = std::string(1, s[0]) + std::string(s.substr(std::min<size_t>(2, e), e > 1 ? e - 2 : 0));
    x.exponent = std::atoi(std::string(s.substr(e + 1)).c_str());
  } else if (d != 0) {
    x = ExactDecimal::Of(d);
    x.Round(static_cast<int>(digits) + 1);
  } else if (!shortest) {
    x.digits.assign(static_cast<size_t>(digits) + 1, '0');
  }
  return rt.NewString(sign + ExponentialNotation(x));
}

TENURE_NATIVE(NumberToPrecision) {
  double d, precision = 0;
  if (!ThisNumber(rt, self, "toPrecision", &d)) return Value();
  if (args.get(0) == kUndefined || !std::isfinite(d)) {
    if (args.get(0) != kUndefined && !ArgInteger(rt, args, 0, &precision)) return Value();
    return rt.NewString(Runtime::NumberToString(d));
  }
  if (!DigitsArg(rt, args, "toPrecision", 1, &precision)) return Value();
  int p = static_cast<int>(precision);
  std::string sign = d < 0 ? "-" : "";
  ExactDecimal x{std::string(p, '0'), 0};
  if (d != 0) {
    x = ExactDecimal::Of(d);
    x.Round(p);
  }
  if (x.exponent < -6 || x.exponent >= p) return rt.NewString(sign + ExponentialNotation(x));
  return rt.NewString(sign + FixedNotation(x, std::max(0, p - 1 - x.exponent)));
}

TENURE_NATIVE(NumberToString) {
  double d, radix = 10;
  if (!ThisNumber(rt, self, "toString", &d)) return Value();
  if (args.get(0) != kUndefined && !ArgInteger(rt, args, 0, &radix)) return Value();
  if (radix < 2 || radix > 36) return rt.ThrowError(ErrorType::kRangeError, "toString() radix must be between 2 and 36");
  if (radix == 10 || !std::isfinite(d)) return rt.NewString(Runtime::NumberToString(d));
  return rt.NewString(RadixString(d, static_cast<int>(radix)));
}

// node's default locale (en-US): grouping commas, at most three fraction digits, rounded half
// away from zero (Intl.NumberFormat's default roundingMode "halfExpand").
TENURE_NATIVE(NumberToLocaleString) {
  double d;
  if (!ThisNumber(rt, self, "toLocaleString", &d)) return Value();
  if (std::isnan(d)) return rt.NewString("NaN");
  if (std::isinf(d)) return rt.NewString(d < 0 ? "-∞" : "∞");
  std::string sign = std::signbit(d) ? "-" : "";
  std::string fixed = "0.000";
  if (d != 0) {
    ExactDecimal x = ExactDecimal::Of(d);
    x.Round(x.exponent + 4);
    fixed = FixedNotation(x, 3);
  }
  size_t dot = fixed.find('.');
  std::string frac = fixed.substr(dot + 1);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string integer = fixed.substr(0, dot), grouped;
  for (size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) grouped.push_back(',');
    grouped.push_back(integer[i]);
  }
  return rt.NewString(sign + grouped + (frac.empty() ? "" : "." + frac));
}

TENURE_NATIVE(NumberValueOf) {
  double d;
  if (!ThisNumber(rt, self, "valueOf", &d)) return Value();
  return rt.NewNumber(d);
}

static bool IsIntegral(Value v) {
  return IsNumber(v) && std::isfinite(NumberValue(v)) && NumberValue(v) == std::trunc(NumberValue(v));
}

TENURE_NATIVE(NumberIsInteger) { return FromBool(IsIntegral(args.get(0))); }
TENURE_NATIVE(NumberIsSafeInteger) {
  return FromBool(IsIntegral(args.get(0)) && std::fabs(NumberValue(args.get(0))) <= 9007199254740991.0);
}
TENURE_NATIVE(NumberIsFinite) { return FromBool(IsNumber(args.get(0)) && std::isfinite(NumberValue(args.get(0)))); }
TENURE_NATIVE(NumberIsNaN) { return FromBool(IsNumber(args.get(0)) && std::isnan(NumberValue(args.get(0)))); }

// ---------------------------------------------------------------------------------------------
// Math

template <double (*F)(double)>
Value MathUnary(Runtime& rt, Handle, Args args) {
  double d;
  if (!ArgNumber(rt, args, 0, &d)) return Value();
  return rt.NewNumber(F(d));
}

// Math.round (§21.3.2.28): ties toward +∞; -0 for -0.5 <= x < 0; exact for 2^52 <= |x|.
static double Round(double d) {
  if (!std::isfinite(d) || d == std::trunc(d)) return d;
  if (d < 0 && d >= -0.5) return -0.0;
  double r = std::floor(d);
  return d - r >= 0.5 ? r + 1 : r;
}
static double Sign(double d) { return std::isnan(d) ? d : d > 0 ? 1 : d < 0 ? -1 : d; }
static double Fround(double d) { return static_cast<double>(static_cast<float>(d)); }
// The libm cbrt of this build's static binary is off by an ulp on exact cubes (Math.cbrt(27) was
// 3.0000000000000004, Math.cbrt(0.125) 0.49999999999999994); V8's fdlibm gives 3 and 0.5. The
// long double cbrt rounded to double agrees with node on those and on the non-cubes tried.
static double Cbrt(double d) { return static_cast<double>(std::cbrt(static_cast<long double>(d))); }
static double Clz32(double d) { return std::countl_zero(ToUint32(d)); }

// Math.max/min: NaN wins; +0 is larger than -0.
static Value MinMax(Runtime& rt, Args args, bool is_max) {
  double best = is_max ? -INFINITY : INFINITY;
  for (int i = 0; i < args.count; ++i) {
    double d;
    if (!ArgNumber(rt, args, i, &d)) return Value();
    if (std::isnan(d) || std::isnan(best)) {
      best = NAN;
    } else if (d == best && d == 0) {
      if (std::signbit(d) != std::signbit(best)) best = is_max ? 0.0 : -0.0;
    } else if (is_max ? d > best : d < best) {
      best = d;
    }
  }
  return rt.NewNumber(best);
}

TENURE_NATIVE(MathMax) { return MinMax(rt, args, true); }
TENURE_NATIVE(MathMin) { return MinMax(rt, args, false); }

// Number::exponentiate (§6.1.6.1.3) differs from C's pow: NaN exponent gives NaN even for base 1,
// and (±1) ** ±Infinity is NaN.
double JsPow(double base, double exponent) {
  if (std::isnan(exponent)) return NAN;
  if (std::fabs(base) == 1 && std::isinf(exponent)) return NAN;
  return std::pow(base, exponent);
}

TENURE_NATIVE(MathPow) {
  double a, b;
  if (!ArgNumber(rt, args, 0, &a) || !ArgNumber(rt, args, 1, &b)) return Value();
  return rt.NewNumber(JsPow(a, b));
}

TENURE_NATIVE(MathAtan2) {
  double y, x;
  if (!ArgNumber(rt, args, 0, &y) || !ArgNumber(rt, args, 1, &x)) return Value();
  return rt.NewNumber(std::atan2(y, x));
}

TENURE_NATIVE(MathImul) {
  double a, b;
  if (!ArgNumber(rt, args, 0, &a) || !ArgNumber(rt, args, 1, &b)) return Value();
  return rt.NewNumber(static_cast<int32_t>(ToUint32(a) * ToUint32(b)));
}

// Math.hypot: every argument is converted first; any infinity wins over NaN.
TENURE_NATIVE(MathHypot) {
  std::vector<double> values;
  bool inf = false, nan = false;
  for (int i = 0; i < args.count; ++i) {
    double d;
    if (!ArgNumber(rt, args, i, &d)) return Value();
    inf |= std::isinf(d);
    nan |= std::isnan(d);
    values.push_back(std::fabs(d));
  }
  if (inf) return rt.NewNumber(INFINITY);
  if (nan) return rt.NewNumber(NAN);
  double scale = values.empty() ? 0 : *std::max_element(values.begin(), values.end());
  if (scale == 0) return Value::FromSmi(0);
  double sum = 0;
  for (double v : values) sum += (v / scale) * (v / scale);
  return rt.NewNumber(scale * std::sqrt(sum));
}

// Per-runtime engine, seeded from --random-seed when given (builtins.h BuiltinsState).
TENURE_NATIVE(MathRandom) {
  std::mt19937_64& engine = EnsureBuiltinsState(rt).random;
  return rt.NewNumber(static_cast<double>(engine() >> 11) * 0x1.0p-53);  // 53 random bits in [0, 1)
}

void InstallNumberBuiltins(Runtime& rt, Handle global) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle nproto = Handle::New(heap, rt.root(kRootNumberPrototype));
  Handle nctor = Handle::New(heap, InstallConstructor(rt, global, "Number", NumberConstructor, 1, nproto));
  struct { const char* name; NativeFn fn; int length; } methods[] = {
      {"toFixed", NumberToFixed, 1}, {"toExponential", NumberToExponential, 1},
      {"toPrecision", NumberToPrecision, 1}, {"toString", NumberToString, 1},
      {"toLocaleString", NumberToLocaleString, 0}, {"valueOf", NumberValueOf, 0}};
  for (const auto& m : methods) rt.DefineNative(nproto, m.name, m.fn, m.length);
  rt.DefineNative(nctor, "isInteger", NumberIsInteger, 1);
  rt.DefineNative(nctor, "isSafeInteger", NumberIsSafeInteger, 1);
  rt.DefineNative(nctor, "isFinite", NumberIsFinite, 1);
  rt.DefineNative(nctor, "isNaN", NumberIsNaN, 1);
  // Number.parseFloat / parseInt are the global functions themselves (§21.1.2.12–13).
  for (const char* name : {"parseFloat", "parseInt"}) {
    Handle key = Handle::New(heap, rt.Intern(name));
    Value fn = rt.GetNamed(global, key);
    if (!fn.IsEmpty() && fn != kUndefined) SetHiddenProperty(rt, nctor, name, fn);
  }
  struct { const char* name; double value; } constants[] = {
      {"MAX_SAFE_INTEGER", 9007199254740991.0}, {"MIN_SAFE_INTEGER", -9007199254740991.0},
      {"EPSILON", 2.220446049250313e-16}, {"MAX_VALUE", 1.7976931348623157e308},
      {"MIN_VALUE", 5e-324}, {"POSITIVE_INFINITY", INFINITY}, {"NEGATIVE_INFINITY", -INFINITY},
      {"NaN", NAN}};
  for (const auto& c : constants) SetHiddenProperty(rt, nctor, c.name, rt.NewNumber(c.value));

  Handle math = Handle::New(heap, rt.NewPlainObject());
  struct { const char* name; NativeFn fn; } unary[] = {
      {"abs", MathUnary<std::fabs>}, {"acos", MathUnary<std::acos>}, {"acosh", MathUnary<std::acosh>},
      {"asin", MathUnary<std::asin>}, {"asinh", MathUnary<std::asinh>}, {"atan", MathUnary<std::atan>},
      {"atanh", MathUnary<std::atanh>}, {"cbrt", MathUnary<Cbrt>}, {"ceil", MathUnary<std::ceil>},
      {"clz32", MathUnary<Clz32>}, {"cos", MathUnary<std::cos>}, {"cosh", MathUnary<std::cosh>},
      {"exp", MathUnary<std::exp>}, {"expm1", MathUnary<std::expm1>}, {"floor", MathUnary<std::floor>},
      {"fround", MathUnary<Fround>}, {"log", MathUnary<std::log>}, {"log1p", MathUnary<std::log1p>},
      {"log10", MathUnary<std::log10>}, {"log2", MathUnary<std::log2>}, {"round", MathUnary<Round>},
      {"sign", MathUnary<Sign>}, {"sin", MathUnary<std::sin>}, {"sinh", MathUnary<std::sinh>},
      {"sqrt", MathUnary<std::sqrt>}, {"tan", MathUnary<std::tan>}, {"tanh", MathUnary<std::tanh>},
      {"trunc", MathUnary<std::trunc>}};
  for (const auto& m : unary) rt.DefineNative(math, m.name, m.fn, 1);
  struct { const char* name; NativeFn fn; int length; } nary[] = {
      {"max", MathMax, 2}, {"min", MathMin, 2}, {"pow", MathPow, 2}, {"atan2", MathAtan2, 2},
      {"imul", MathImul, 2}, {"hypot", MathHypot, 2}, {"random", MathRandom, 0}};
  for (const auto& m : nary) rt.DefineNative(math, m.name, m.fn, m.length);
  struct { const char* name; double value; } math_constants[] = {
      {"E", M_E}, {"LN10", M_LN10}, {"LN2", M_LN2}, {"LOG10E", M_LOG10E}, {"LOG2E", M_LOG2E},
      {"PI", M_PI}, {"SQRT1_2", M_SQRT1_2}, {"SQRT2", M_SQRT2}};
  for (const auto& c : math_constants) SetHiddenProperty(rt, math, c.name, rt.NewNumber(c.value));
  SetHiddenProperty(rt, global, "Math", math.value());
}

}  // namespace tenure::js
