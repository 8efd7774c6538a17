// String builtins (Number and Math: builtins_number.cc; JSON: builtins_json.cc).
//
// String methods work in UTF-16 code units (string_utf16.h). Each is written once as a template
// over the text type: std::string (the receiver is ASCII, so bytes are units — today's fast path)
// or std::u16string (anything else, converted in O(n) and back).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <type_traits>

#include "base/utf8.h"
#include "builtins.h"
#include "collation.h"
#include "builtins_regexp.h"
#include "lexer.h"
#include "string_case.h"
#include "string_utf16.h"

namespace tenure::js {

namespace {

// `this` as a std::string (String.prototype methods accept any coercible receiver).
bool ThisString(Runtime& rt, Handle self, std::string* out) {
  if (IsNullish(self.value())) {
    rt.ThrowTypeError("String.prototype method called on null or undefined");
    return false;
  }
  Value wrapped = PrimitiveWrapperValue(self.value());
  if (IsString(wrapped)) {  // a String wrapper's [[StringData]] (ToString would call valueOf)
    *out = rt.ToStdString(wrapped);
    return true;
  }
  Value s = rt.ToString(self);
  if (s.IsEmpty()) return false;
  *out = rt.ToStdString(s);
  return true;
}

bool ArgStd(Runtime& rt, Args args, int i, std::string* out) {
  Value s = ArgString(rt, args, i);
  if (s.IsEmpty()) return false;
  *out = rt.ToStdString(s);
  return true;
}

// Argument i as text of the receiver's type.
bool ArgText(Runtime& rt, Args args, int i, std::string* out) { return ArgStd(rt, args, i, out); }
bool ArgText(Runtime& rt, Args args, int i, std::u16string* out) {
  std::string bytes;
  if (!ArgStd(rt, args, i, &bytes)) return false;
  *out = ToUtf16(bytes);
  return true;
}

Value MakeString(Runtime& rt, const std::string& s) { return rt.NewString(s); }
Value MakeString(Runtime& rt, const std::u16string& s) { return rt.NewString(ToWtf8(s)); }

int64_t Clamp(double d, int64_t len) {
  if (d < 0) d = std::max(0.0, static_cast<double>(len) + d);
  return static_cast<int64_t>(std::min(d, static_cast<double>(len)));
}

// Optional integer argument i (default `fallback` when undefined), clamped to [0, len].
bool ArgPosition(Runtime& rt, Args args, int i, int64_t len, int64_t fallback, int64_t* out) {
  double d = static_cast<double>(fallback);
  if (args.get(i) != kUndefined && !ArgInteger(rt, args, i, &d)) return false;
  *out = static_cast<int64_t>(std::clamp(d, 0.0, static_cast<double>(len)));
  return true;
}

}  // namespace

// A String.prototype method `name` implemented by `name##Impl<Text>(rt, s, args)`.
#define STRING_METHOD(name)                                              \
  template <typename Text>                                               \
  static Value name##Impl(Runtime& rt, const Text& s, Args args);        \
  TENURE_NATIVE(name) {                                                  \
    std::string s;                                                       \
    if (!ThisString(rt, self, &s)) return Value();                       \
    if (IsAsciiBytes(s)) return name##Impl(rt, s, args);                 \
    return name##Impl(rt, ToUtf16(s), args);                             \
  }                                                                      \
  template <typename Text>                                               \
  static Value name##Impl(Runtime& rt, const Text& s, Args args)

STRING_METHOD(StringCharAt) {
  double i;
  if (!ArgInteger(rt, args, 0, &i)) return Value();
  if (i < 0 || i >= static_cast<double>(s.size())) return rt.root(kRootEmptyString);
  return MakeString(rt, s.substr(static_cast<size_t>(i), 1));
}

STRING_METHOD(StringCharCodeAt) {
  double i;
  if (!ArgInteger(rt, args, 0, &i)) return Value();
  if (i < 0 || i >= static_cast<double>(s.size())) return rt.NewNumber(NAN);
  return Value::FromSmi(static_cast<std::make_unsigned_t<typename Text::value_type>>(s[static_cast<size_t>(i)]));
}

STRING_METHOD(StringCodePointAt) {
  double d;
  if (!ArgInteger(rt, args, 0, &d)) return Value();
  if (d < 0 || d >= static_cast<double>(s.size())) return kUndefined;
  size_t i = static_cast<size_t>(d);
  uint32_t unit = static_cast<std::make_unsigned_t<typename Text::value_type>>(s[i]);
  if (base::IsLeadSurrogate(unit) && i + 1 < s.size() && base::IsTrailSurrogate(s[i + 1])) {
    return Value::FromSmi(base::CombineSurrogates(unit, s[i + 1]));
  }
  return Value::FromSmi(unit);
}

STRING_METHOD(StringIndexOf) {
  Text needle;
  if (!ArgText(rt, args, 0, &needle)) return Value();
  int64_t from = 0;
  if (!ArgPosition(rt, args, 1, static_cast<int64_t>(s.size()), 0, &from)) return Value();
  size_t p = s.find(needle, static_cast<size_t>(from));
  return Value::FromSmi(p == Text::npos ? -1 : static_cast<int64_t>(p));
}

STRING_METHOD(StringLastIndexOf) {
  Text needle;
  if (!ArgText(rt, args, 0, &needle)) return Value();
  double from = INFINITY;
  if (args.get(1) != kUndefined && !ArgNumber(rt, args, 1, &from)) return Value();
  size_t start = std::isnan(from) || from >= static_cast<double>(s.size()) ? Text::npos
                 : from < 0 ? 0 : static_cast<size_t>(from);
  size_t p = s.rfind(needle, start);
  return Value::FromSmi(p == Text::npos ? -1 : static_cast<int64_t>(p));
}

STRING_METHOD(StringIncludes) {
  Text needle;
  int64_t from = 0;
  if (!ArgText(rt, args, 0, &needle)) return Value();
  if (!ArgPosition(rt, args, 1, static_cast<int64_t>(s.size()), 0, &from)) return Value();
  return FromBool(s.find(needle, static_cast<size_t>(from)) != Text::npos);
}

STRING_METHOD(StringStartsWith) {
  Text needle;
  int64_t at = 0;
  if (!ArgText(rt, args, 0, &needle)) return Value();
  if (!ArgPosition(rt, args, 1, static_cast<int64_t>(s.size()), 0, &at)) return Value();
  return FromBool(s.compare(static_cast<size_t>(at), needle.size(), needle) == 0);
}

STRING_METHOD(StringEndsWith) {
  Text needle;
  int64_t len = static_cast<int64_t>(s.size()), end = len;
  if (!ArgText(rt, args, 0, &needle)) return Value();
  if (!ArgPosition(rt, args, 1, len, len, &end)) return Value();
  int64_t start = end - static_cast<int64_t>(needle.size());
  return FromBool(start >= 0 && s.compare(static_cast<size_t>(start), needle.size(), needle) == 0);
}

STRING_METHOD(StringSlice) {
  int64_t len = static_cast<int64_t>(s.size());
  double a = 0, b = static_cast<double>(len);
  if (!ArgInteger(rt, args, 0, &a)) return Value();
  if (args.get(1) != kUndefined && !ArgInteger(rt, args, 1, &b)) return Value();
  int64_t start = Clamp(a, len), end = Clamp(b, len);
  return MakeString(rt, end > start ? s.substr(start, end - start) : Text());
}

STRING_METHOD(StringSubstring) {
  int64_t len = static_cast<int64_t>(s.size());
  double a = 0, b = static_cast<double>(len);
  if (!ArgInteger(rt, args, 0, &a)) return Value();
  if (args.get(1) != kUndefined && !ArgInteger(rt, args, 1, &b)) return Value();
  int64_t start = static_cast<int64_t>(std::clamp(a, 0.0, static_cast<double>(len)));
  int64_t end = static_cast<int64_t>(std::clamp(b, 0.0, static_cast<double>(len)));
  if (start > end) std::swap(start, end);
  return MakeString(rt, s.substr(start, end - start));
}

STRING_METHOD(StringSubstr) {
  int64_t len = static_cast<int64_t>(s.size());
  double a = 0, n = static_cast<double>(len);
  if (!ArgInteger(rt, args, 0, &a)) return Value();
  if (args.get(1) != kUndefined && !ArgInteger(rt, args, 1, &n)) return Value();
  int64_t start = Clamp(a, len);
  int64_t count = static_cast<int64_t>(std::clamp(n, 0.0, static_cast<double>(len - start)));
  return MakeString(rt, s.substr(start, count));
}

STRING_METHOD(StringAt) {
  double i;
  if (!ArgInteger(rt, args, 0, &i)) return Value();
  if (i < 0) i += static_cast<double>(s.size());
  if (i < 0 || i >= static_cast<double>(s.size())) return kUndefined;
  return MakeString(rt, s.substr(static_cast<size_t>(i), 1));
}

TENURE_NATIVE(StringSplitText);
// A RegExp separator goes to builtins_regexp.cc.
TENURE_NATIVE(StringSplit) {
  Value result;
  if (RegExpStringMethod(rt, RegExpStringOp::kSplit, self, args, &result)) return result;
  return StringSplitText(rt, self, args);
}

STRING_METHOD(StringSplitText) {
  tenure::HandleScope scope(rt.heap());
  Handle out = Handle::New(rt.heap(), rt.NewArray());
  double limit_d = 4294967295.0;
  if (args.get(1) != kUndefined && !ArgNumber(rt, args, 1, &limit_d)) return Value();
  size_t limit = std::isnan(limit_d) ? 0 : static_cast<size_t>(static_cast<uint32_t>(static_cast<int64_t>(limit_d)));
  if (args.get(0) == kUndefined) {
    if (limit == 0) return out.value();
    Handle whole = Handle::New(rt.heap(), MakeString(rt, s));
    rt.ArrayPush(out, whole);
    return out.value();
  }
  Text sep;
  if (!ArgText(rt, args, 0, &sep)) return Value();
  std::vector<Text> parts;
  if (sep.empty()) {
    for (size_t i = 0; i < s.size(); ++i) parts.emplace_back(1, s[i]);  // one code unit each
  } else {
    size_t pos = 0;
    for (;;) {
      size_t next = s.find(sep, pos);
      if (next == Text::npos) { parts.push_back(s.substr(pos)); break; }
      parts.push_back(s.substr(pos, next - pos));
      pos = next + sep.size();
    }
  }
  if (parts.size() > limit) parts.resize(limit);
  for (const Text& p : parts) {
    Handle h = Handle::New(rt.heap(), MakeString(rt, p));
    rt.ArrayPush(out, h);
  }
  return out.value();
}

// ECMA-262 WhiteSpace and LineTerminator code points (§12.2, §12.3; Zs from UnicodeData.txt).
static bool IsJsWhiteSpace(uint32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

template <typename Text>
static Value TrimText(Runtime& rt, const Text& s, bool start, bool end) {
  size_t b = 0, e = s.size();
  auto ws = [](auto c) { return IsJsWhiteSpace(static_cast<std::make_unsigned_t<decltype(c)>>(c)); };
  if (start) while (b < e && ws(s[b])) ++b;
  if (end) while (e > b && ws(s[e - 1])) --e;
  return MakeString(rt, s.substr(b, e - b));
}

static Value TrimImpl(Runtime& rt, Handle self, bool start, bool end) {
  std::string s;
  if (!ThisString(rt, self, &s)) return Value();
  if (IsAsciiBytes(s)) return TrimText(rt, s, start, end);
  return TrimText(rt, ToUtf16(s), start, end);
}

TENURE_NATIVE(StringTrim) { return TrimImpl(rt, self, true, true); }
TENURE_NATIVE(StringTrimStart) { return TrimImpl(rt, self, true, false); }
TENURE_NATIVE(StringTrimEnd) { return TrimImpl(rt, self, false, true); }

TENURE_NATIVE(StringToUpperCase) {
  std::string s;
  if (!ThisString(rt, self, &s)) return Value();
  return rt.NewString(ConvertCase(s, CaseMapping::kUpper));
}

TENURE_NATIVE(StringToLowerCase) {
  std::string s;
  if (!ThisString(rt, self, &s)) return Value();
  return rt.NewString(ConvertCase(s, CaseMapping::kLower));
}

STRING_METHOD(StringRepeat) {
  double n;
  if (!ArgInteger(rt, args, 0, &n)) return Value();
  if (n < 0 || std::isinf(n)) return rt.ThrowError(ErrorType::kRangeError, "Invalid count value: " + Runtime::NumberToString(n));
  if (s.size() * n > (1u << 29)) return rt.ThrowError(ErrorType::kRangeError, "Invalid string length");
  Text out;
  for (int64_t i = 0; i < static_cast<int64_t>(n); ++i) out += s;
  return MakeString(rt, out);
}

template <typename Text>
static Value PadText(Runtime& rt, const Text& s, double target, const Text& fill, bool at_start) {
  if (target <= static_cast<double>(s.size()) || fill.empty()) return MakeString(rt, s);
  if (target > (1u << 29)) return rt.ThrowError(ErrorType::kRangeError, "Invalid string length");
  Text pad;
  while (pad.size() < static_cast<size_t>(target) - s.size()) pad += fill;
  pad.resize(static_cast<size_t>(target) - s.size());
  return MakeString(rt, at_start ? pad + s : s + pad);
}

// Lengths count units, so the ASCII path needs both the receiver and the filler ASCII.
static Value PadImpl(Runtime& rt, Handle self, Args args, bool at_start) {
  std::string s;
  if (!ThisString(rt, self, &s)) return Value();
  double target;
  if (!ArgInteger(rt, args, 0, &target)) return Value();
  std::string fill = " ";
  if (args.get(1) != kUndefined && !ArgStd(rt, args, 1, &fill)) return Value();
  if (IsAsciiBytes(s) && IsAsciiBytes(fill)) return PadText(rt, s, target, fill, at_start);
  return PadText(rt, ToUtf16(s), target, ToUtf16(fill), at_start);
}

TENURE_NATIVE(StringPadStart) { return PadImpl(rt, self, args, true); }
TENURE_NATIVE(StringPadEnd) { return PadImpl(rt, self, args, false); }

// replace/replaceAll with a string pattern (a RegExp goes to builtins_regexp.cc); a function replacement
// receives the match and its position (in code units).
template <typename Text>
static Value ReplaceText(Runtime& rt, const Text& s, Args args, bool all) {
  Text pattern;
  if (!ArgText(rt, args, 0, &pattern)) return Value();
  bool is_fn = rt.IsCallable(args.get(1));
  Text replacement;
  if (!is_fn && !ArgText(rt, args, 1, &replacement)) return Value();
  Text out;
  size_t pos = 0;
  while (true) {
    size_t hit = s.find(pattern, pos);
    if (hit == Text::npos) break;
    out += s.substr(pos, hit - pos);
    if (is_fn) {
      tenure::HandleScope scope(rt.heap());
      Handle m = Handle::New(rt.heap(), MakeString(rt, pattern));
      Handle undefined = Handle::New(rt.heap(), kUndefined);
      Value argv[2] = {m.value(), Value::FromSmi(static_cast<int64_t>(hit))};
      Value r = rt.Call(args.at(1), undefined, argv, 2);
      if (r.IsEmpty()) return Value();
      Handle rh = Handle::New(rt.heap(), r);
      Value rs = rt.ToString(rh);
      if (rs.IsEmpty()) return Value();
      std::string piece = rt.ToStdString(rs);
      if constexpr (std::is_same_v<Text, std::string>) out += piece;
      else out += ToUtf16(piece);
    } else {
      out += replacement;
    }
    pos = hit + pattern.size();
    if (!all) break;
    if (pattern.empty()) {
      if (pos < s.size()) out += s[pos];
      ++pos;
      if (pos > s.size()) break;
    }
  }
  if (pos <= s.size()) out += s.substr(pos);
  return MakeString(rt, out);
}

static Value ReplaceImpl(Runtime& rt, Handle self, Args args, bool all) {
  std::string s;
  if (!ThisString(rt, self, &s)) return Value();
  if (IsAsciiBytes(s)) return ReplaceText(rt, s, args, all);
  return ReplaceText(rt, ToUtf16(s), args, all);
}

TENURE_NATIVE(StringReplace) {
  Value result;
  if (RegExpStringMethod(rt, RegExpStringOp::kReplace, self, args, &result)) return result;
  return ReplaceImpl(rt, self, args, false);
}
TENURE_NATIVE(StringReplaceAll) {
  Value result;
  if (RegExpStringMethod(rt, RegExpStringOp::kReplaceAll, self, args, &result)) return result;
  return ReplaceImpl(rt, self, args, true);
}

TENURE_NATIVE(StringConcat) {
  std::string s;
  if (!ThisString(rt, self, &s)) return Value();
  for (int i = 0; i < args.count; ++i) {
    std::string part;
    if (!ArgStd(rt, args, i, &part)) return Value();
    s += part;
  }
  return rt.NewString(s);  // NewString re-pairs a lead and trail surrogate that meet here
}

TENURE_NATIVE(StringToString) {
  std::string s;
  if (!ThisString(rt, self, &s)) return Value();
  return rt.NewString(s);
}

// localeCompare(that, locales, options) (ECMA-402 §19.1.1): collation.cc's root order; from
// `options` the Intl.Collator fields sensitivity, numeric and ignorePunctuation (V8's RangeError
// for an unknown sensitivity). `locales` is not consulted.
TENURE_NATIVE(StringLocaleCompare) {
  std::string s, other;
  if (!ThisString(rt, self, &s) || !ArgStd(rt, args, 0, &other)) return Value();
  CollationOptions options;
  if (IsJSObject(args.get(2))) {
    tenure::HandleScope scope(rt.heap());
    auto field = [&](const char* name) {
      Handle key = Handle::New(rt.heap(), rt.Intern(name));
      return Handle::New(rt.heap(), rt.GetProperty(args.at(2), key));
    };
    Handle sensitivity = field("sensitivity");
    if (sensitivity.value().IsEmpty()) return Value();
    if (sensitivity.value() != kUndefined) {
      Value text = rt.ToString(sensitivity);
      if (text.IsEmpty()) return Value();
      std::string v = rt.ToStdString(text);
      using S = CollationOptions::Sensitivity;
      if (v == "base") options.sensitivity = S::kBase;
      else if (v == "accent") options.sensitivity = S::kAccent;
      else if (v == "case") options.sensitivity = S::kCase;
      else if (v != "variant") {
        return rt.ThrowError(ErrorType::kRangeError, "Value " + v + " out of range for String.prototype.localeCompare options property sensitivity");
      }
    }
    Handle numeric = field("numeric");
    if (numeric.value().IsEmpty()) return Value();
    options.numeric = Runtime::ToBoolean(numeric.value());
    Handle punctuation = field("ignorePunctuation");
    if (punctuation.value().IsEmpty()) return Value();
    options.ignore_punctuation = Runtime::ToBoolean(punctuation.value());
  }
  return Value::FromSmi(CollateStrings(s, other, options));
}

static Value StringConstructorValue(Runtime& rt, Args args) {
  if (args.count == 0) return rt.root(kRootEmptyString);
  Value v = args.get(0);
  bool is_new = rt.IsCallable(rt.current_new_target());
  if (!is_new && IsKind(v, Kind::kSymbol)) return rt.NewString(rt.ToStdString(v));  // String(sym)
  return rt.ToString(args.at(0));
}

TENURE_NATIVE(StringConstructor) {
  Value s = StringConstructorValue(rt, args);
  if (s.IsEmpty() || !rt.IsCallable(rt.current_new_target())) return s;
  tenure::HandleScope scope(rt.heap());
  return ConstructPrimitiveWrapper(rt, Handle::New(rt.heap(), s));  // `new String(x)`
}

// Each argument is one code unit (ToUint16); adjacent lead and trail units form one character.
TENURE_NATIVE(StringFromCharCode) {
  std::u16string units;
  for (int i = 0; i < args.count; ++i) {
    double d;
    if (!ArgNumber(rt, args, i, &d)) return Value();
    units.push_back(static_cast<char16_t>(std::isfinite(d) ? static_cast<int64_t>(std::fmod(std::trunc(d), 65536.0)) & 0xFFFF : 0));
  }
  return rt.NewString(ToWtf8(units));
}

TENURE_NATIVE(StringFromCodePoint) {
  std::string out;
  for (int i = 0; i < args.count; ++i) {
    double d;
    if (!ArgNumber(rt, args, i, &d)) return Value();
    if (!(d >= 0 && d <= 0x10FFFF && d == std::trunc(d))) {
      return rt.ThrowError(ErrorType::kRangeError, "Invalid code point " + Runtime::NumberToString(d));
    }
    base::AppendUtf8(static_cast<uint32_t>(d), &out);
  }
  return rt.NewString(out);
}

// ECMA-262 §22.1.2.4 String.raw(template, ...substitutions): the template's raw strings joined
// by the substitutions (ToString each; missing ones are empty). `template` and its `raw` are
// only read through Get, so any object with string-like parts works.
TENURE_NATIVE(StringRaw) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  constexpr const char* kNullish = "Cannot convert undefined or null to object";
  if (IsNullish(args.get(0))) return rt.ThrowTypeError(kNullish);
  Handle raw_key = Handle::New(heap, rt.Intern("raw"));
  Handle raw = Handle::New(heap, rt.GetProperty(args.at(0), raw_key));
  if (raw.value().IsEmpty()) return Value();
  if (IsNullish(raw.value())) return rt.ThrowTypeError(kNullish);
  Handle length_key = Handle::New(heap, rt.root(kRootLengthKey));
  Handle length_value = Handle::New(heap, rt.GetProperty(raw, length_key));
  double length;
  if (length_value.value().IsEmpty() || !rt.ToNumber(length_value, &length)) return Value();
  length = std::isnan(length) || length <= 0 ? 0 : std::trunc(length);  // ToLength (≤ 2^53 - 1)
  std::string out;
  for (int64_t i = 0; i < length; ++i) {
    Handle index = Handle::New(heap, Value::FromSmi(i));
    Handle part = Handle::New(heap, rt.GetProperty(raw, index));
    if (part.value().IsEmpty()) return Value();
    Handle text = Handle::New(heap, rt.ToString(part));
    if (text.value().IsEmpty()) return Value();
    out += rt.ToStdString(text.value());
    if (i + 1 >= length || i + 1 >= args.count) continue;
    Handle sub = Handle::New(heap, rt.ToString(args.at(static_cast<int>(i + 1))));
    if (sub.value().IsEmpty()) return Value();
    out += rt.ToStdString(sub.value());
  }
  return rt.NewString(out);
}

void InstallStringBuiltins(Runtime& rt, Handle global) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle sproto = Handle::New(heap, rt.root(kRootStringPrototype));
  Handle sctor = Handle::New(heap, InstallConstructor(rt, global, "String", StringConstructor, 1, sproto));
  rt.DefineNative(sctor, "fromCharCode", StringFromCharCode, 1);
  rt.DefineNative(sctor, "fromCodePoint", StringFromCodePoint, 1);
  rt.DefineNative(sctor, "raw", StringRaw, 1);
  struct { const char* name; NativeFn fn; int length; } string_methods[] = {
      {"charAt", StringCharAt, 1}, {"charCodeAt", StringCharCodeAt, 1}, {"codePointAt", StringCodePointAt, 1},
      {"indexOf", StringIndexOf, 1}, {"localeCompare", StringLocaleCompare, 1},
      {"lastIndexOf", StringLastIndexOf, 1}, {"includes", StringIncludes, 1},
      {"startsWith", StringStartsWith, 1}, {"endsWith", StringEndsWith, 1}, {"slice", StringSlice, 2},
      {"substring", StringSubstring, 2}, {"substr", StringSubstr, 2},
      {"toUpperCase", StringToUpperCase, 0}, {"toLowerCase", StringToLowerCase, 0},
      {"trim", StringTrim, 0}, {"trimStart", StringTrimStart, 0}, {"trimEnd", StringTrimEnd, 0},
      {"split", StringSplit, 2}, {"repeat", StringRepeat, 1}, {"padStart", StringPadStart, 2},
      {"padEnd", StringPadEnd, 2}, {"replace", StringReplace, 2}, {"replaceAll", StringReplaceAll, 2},
      {"concat", StringConcat, 1}, {"at", StringAt, 1}, {"toString", StringToString, 0},
      {"valueOf", StringToString, 0}};
  for (const auto& m : string_methods) rt.DefineNative(sproto, m.name, m.fn, m.length);

}

}  // namespace tenure::js
