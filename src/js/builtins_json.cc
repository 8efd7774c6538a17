// builtins_json.cc — the JSON object (ECMA-262 §25.5).
//
// JSON.parse (§25.5.1): an iterative parser — the open arrays and objects live in a heap array, not
// on the C++ stack, so nesting is bounded by the heap (node parses 10^5 nested arrays too) — then
// the reviver walk, §25.5.1.1 InternalizeJSONProperty. A syntax error carries the message node 20
// (V8 11.3) gives for it, with the position in UTF-16 code units:
//   - inside a number: "No number after minus sign", "Unterminated fractional number",
//     "Exponent part is missing a number"; inside a string: base/json_string.h's messages;
//   - a missing separator: "Expected property name or '}'" (after '{'), "Expected ':' after property
//     name" (an object's first key only), "Expected double-quoted property name" (after ','),
//     "Expected ',' or ']' after array element", "Expected ',' or '}' after property value",
//     "Unexpected non-whitespace character after JSON" — each "in JSON at position N";
//   - anything else names the offending token: "Unexpected end of JSON input", "Unexpected number /
//     string in JSON at position N", or "Unexpected token 'c', "<text>" is not valid JSON", where a
//     text of 20 or more units is cut to 10 units either side of the token with "..." marks, and
//     the whole text "undefined", "NaN", "Infinity" or "[object Object]" gives ""<text>" is not
//     valid JSON" (the usual results of JSON.parse(String(x))).
// The rules were read off node 20's output for the cases in tests/js/builtins/json-*.js.
//
// JSON.stringify (§25.5.2): SerializeJSONProperty with toJSON(key), a replacer function or property
// list, wrapper unwrapping, and the gap from `space`. A cycle throws node's TypeError
// "Converting circular structure to JSON" followed by the path around the circle ("--> starting at
// object with constructor 'X'", "|     property 'k' -> object with constructor 'Y'", "--- index 2
// closes the circle"; more than three middle lines keep the first two and the last around "...").
//
// The two recursive walks (the reviver's, stringify's) throw node's RangeError "Maximum call stack
// size exceeded" once they have used kNativeStackBudget bytes of C++ stack, so a deep structure is an
// exception, never a crash.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "base/json_string.h"
#include "builtins.h"
#include "object_names.h"
#include "string_utf16.h"

namespace tenure::js {

namespace {

// Of the main thread's 8 MiB: objects nested 6 000 deep fit in a Release build (~350 bytes of stack per
// level; node throws between 4 000 and 5 000). AddressSanitizer builds (-O1, redzones) use several KB per
// level, so they get 3× the budget: 1 000 levels fit there (the tests' moderate depth), 3 000 do not.
#if defined(__SANITIZE_ADDRESS__)
#define TENURE_JSON_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TENURE_JSON_ASAN 1
#endif
#endif
#ifdef TENURE_JSON_ASAN
constexpr uintptr_t kNativeStackBudget = 6 << 20;
#else
constexpr uintptr_t kNativeStackBudget = 2 << 20;
#endif

// Bounds the C++ stack a recursive walk may use below the frame that created it.
class NativeStackGuard {
 public:
  NativeStackGuard() : base_(reinterpret_cast<uintptr_t>(__builtin_frame_address(0))) {}
  // False (RangeError thrown) once the caller's frame is more than the budget below the base.
  bool Check(Runtime& rt) const {
    uintptr_t here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    if (base_ - here <= kNativeStackBudget) return true;
    rt.ThrowError(ErrorType::kRangeError, "Maximum call stack size exceeded");
    return false;
  }

 private:
  uintptr_t base_;
};

// CreateDataProperty(object, key, value) for a key that is a String: an array index of an array is
// an element, anything else an own data property (so "__proto__" is a property, not the prototype).
bool CreateDataProperty(Runtime& rt, Handle object, Handle key, Handle value) {
  if (rt.IsArray(object.value()) && Runtime::IsIndexKey(key.value())) {
    return rt.ArraySet(object, std::strtoll(rt.ToStdString(key.value()).c_str(), nullptr, 10), value);
  }
  tenure::HandleScope scope(rt.heap());
  Handle interned = Handle::New(rt.heap(), rt.Intern(rt.ToStdString(key.value())));
  return rt.DefineOwn(object, interned, value);
}

// ---------------------------------------------------------------------------------------------
// JSON.parse

class JsonParser {
 public:
  JsonParser(Runtime& rt, std::string text) : rt_(rt), s_(std::move(text)) {}

  // The parsed value, or empty with the SyntaxError thrown.
  Value Parse();

 private:
  // The separators a position can require; each has its own message.
  enum class Expected {
    kPropertyNameOrRBrace,
    kColonAfterPropertyName,
    kDoubleQuotedPropertyName,
    kCommaOrRBrack,
    kCommaOrRBrace,
    kEnd,
    kDigitAfterMinus,
    kFractionDigit,
    kExponentDigit,
  };

  bool AtEnd() const { return pos_ >= s_.size(); }
  bool At(char c) const { return pos_ < s_.size() && s_[pos_] == c; }
  bool AtDigit() const { return pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9'; }
  void SkipWhitespace() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
    }
  }
  void SkipDigits() { while (AtDigit()) ++pos_; }

  Value ParsePrimitive();
  Value ParseNumber();
  Value ParseLiteral(std::string_view word, Value value);
  bool ParseString(std::string* out);
  // At a property key (after '{' or ','): parses it and the ':' after it, leaving the key in
  // keys[depth]. `missing` is the message when no key starts here.
  bool ParseKeyAndColon(Handle keys, int64_t depth, Expected missing, bool first);
  Value Fail(Expected expected);
  Value Unexpected();
  size_t Units(size_t byte_pos) const { return CountUnits(std::string_view(s_).substr(0, byte_pos)); }

  Runtime& rt_;
  std::string s_;
  size_t pos_ = 0;
};

Value JsonParser::Fail(Expected expected) {
  static constexpr const char* kMessages[] = {
      "Expected property name or '}'",           "Expected ':' after property name",
      "Expected double-quoted property name",    "Expected ',' or ']' after array element",
      "Expected ',' or '}' after property value", "Unexpected non-whitespace character after JSON",
      "No number after minus sign",              "Unterminated fractional number",
      "Exponent part is missing a number"};
  // "... after JSON at position N": that message already says JSON.
  const char* where = expected == Expected::kEnd ? " at position " : " in JSON at position ";
  return rt_.ThrowError(ErrorType::kSyntaxError,
                        kMessages[static_cast<int>(expected)] + (where + std::to_string(Units(pos_))));
}

// The message for the token at pos_ where no specific separator was expected (V8's
// ReportUnexpectedToken).
Value JsonParser::Unexpected() {
  if (AtEnd()) return rt_.ThrowError(ErrorType::kSyntaxError, "Unexpected end of JSON input");
  char c = s_[pos_];
  std::string position = " in JSON at position " + std::to_string(Units(pos_));
  if (c == '-' || (c >= '0' && c <= '9')) return rt_.ThrowError(ErrorType::kSyntaxError, "Unexpected number" + position);
  if (c == '"') return rt_.ThrowError(ErrorType::kSyntaxError, "Unexpected string" + position);
  if (s_ == "undefined" || s_ == "NaN" || s_ == "Infinity" || s_ == "[object Object]") {
    return rt_.ThrowError(ErrorType::kSyntaxError, "\"" + s_ + "\" is not valid JSON");
  }
  constexpr size_t kContext = 10;  // units shown either side of the token in a long text
  std::u16string units = ToUtf16(s_);
  size_t pos = Units(pos_);
  std::string token = UnitToWtf8(units[pos]);
  std::string shown = "\"" + s_ + "\"";
  if (units.size() >= 2 * kContext) {
    size_t from = pos < kContext ? 0 : pos - kContext;
    size_t to = std::min(units.size(), pos + kContext);
    shown = (from > 0 ? "...\"" : "\"") + ToWtf8(std::u16string_view(units).substr(from, to - from)) +
            (to < units.size() ? "\"..." : "\"");
  }
  return rt_.ThrowError(ErrorType::kSyntaxError, "Unexpected token '" + token + "', " + shown + " is not valid JSON");
}

// Parses the string literal at pos_ (an opening quote). On a malformed string the SyntaxError is
// thrown here with V8's message and position, and false is returned.
bool JsonParser::ParseString(std::string* out) {
  ++pos_;
  base::JsonStringError error = base::DecodeJsonString(s_, &pos_, out, {.keep_lone_surrogates = true});
  if (error == base::JsonStringError::kNone) return true;
  std::string message = base::JsonStringErrorMessage(error);
  if (error != base::JsonStringError::kUnexpectedEnd) message += " in JSON at position " + std::to_string(Units(pos_));
  rt_.ThrowError(ErrorType::kSyntaxError, message);
  return false;
}

// RFC 8259 §6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
Value JsonParser::ParseNumber() {
  size_t start = pos_;
  if (At('-')) {
    ++pos_;
    if (!AtDigit()) return Fail(Expected::kDigitAfterMinus);
  }
  if (At('0')) {
    ++pos_;
    if (AtDigit()) return Unexpected();  // a leading zero: "Unexpected number"
  } else {
    SkipDigits();
  }
  if (At('.')) {
    ++pos_;
    if (!AtDigit()) return Fail(Expected::kFractionDigit);
    SkipDigits();
  }
  if (At('e') || At('E')) {
    ++pos_;
    if (At('+') || At('-')) ++pos_;
    if (!AtDigit()) return Fail(Expected::kExponentDigit);
    SkipDigits();
  }
  return rt_.NewNumber(std::strtod(s_.substr(start, pos_ - start).c_str(), nullptr));
}

Value JsonParser::ParseLiteral(std::string_view word, Value value) {
  for (char expected : word) {
    if (!At(expected)) return Unexpected();
    ++pos_;
  }
  return value;
}

Value JsonParser::ParsePrimitive() {
  if (AtEnd()) return Unexpected();
  switch (s_[pos_]) {
    case '"': {
      std::string text;
      if (!ParseString(&text)) return Value();
      return rt_.NewString(text);
    }
    case 't': return ParseLiteral("true", kTrue);
    case 'f': return ParseLiteral("false", kFalse);
    case 'n': return ParseLiteral("null", kNull);
    default:
      if (At('-') || AtDigit()) return ParseNumber();
      return Unexpected();
  }
}

bool JsonParser::ParseKeyAndColon(Handle keys, int64_t depth, Expected missing, bool first) {
  SkipWhitespace();
  if (!At('"')) {
    Fail(missing);
    return false;
  }
  std::string key;
  if (!ParseString(&key)) return false;
  SkipWhitespace();
  if (!At(':')) {
    // Only an object's first key gets the specific message in V8 11.3; later ones name the token.
    if (first) Fail(Expected::kColonAfterPropertyName);
    else Unexpected();
    return false;
  }
  ++pos_;
  tenure::HandleScope scope(rt_.heap());
  Handle k = Handle::New(rt_.heap(), rt_.NewString(key));
  return rt_.ArraySet(keys, depth, k);
}

Value JsonParser::Parse() {
  tenure::Heap& heap = rt_.heap();
  Handle open = Handle::New(heap, rt_.NewArray());  // open[i]: the array/object at depth i
  Handle keys = Handle::New(heap, rt_.NewArray());  // keys[i]: its pending property key
  Handle value = Handle::New(heap, kUndefined);
  int64_t depth = 0;
  for (;;) {
    tenure::HandleScope iteration(heap);
    // A value starts here: a primitive, an empty container, or a container whose first element
    // or property value is parsed next.
    SkipWhitespace();
    if (At('[') || At('{')) {
      bool array = At('[');
      ++pos_;
      value.Set(array ? rt_.NewArray() : rt_.NewPlainObject());
      SkipWhitespace();
      if (!At(array ? ']' : '}')) {
        if (!array && !ParseKeyAndColon(keys, depth, Expected::kPropertyNameOrRBrace, true)) return Value();
        if (!rt_.ArraySet(open, depth, value)) return Value();
        ++depth;
        continue;
      }
      ++pos_;
    } else {
      value.Set(ParsePrimitive());
      if (value.value().IsEmpty()) return Value();
    }
    // A complete value: add it to the innermost open container; close containers while their
    // closing bracket follows.
    for (;;) {
      SkipWhitespace();
      if (depth == 0) return AtEnd() ? value.value() : Fail(Expected::kEnd);
      Handle holder = Handle::New(heap, rt_.ArrayGet(open.value().As<JSObject>(), depth - 1));
      bool array = rt_.IsArray(holder.value());
      if (array) {
        if (!rt_.ArrayPush(holder, value)) return Value();
      } else {
        Handle key = Handle::New(heap, rt_.ArrayGet(keys.value().As<JSObject>(), depth - 1));
        if (!CreateDataProperty(rt_, holder, key, value)) return Value();
      }
      SkipWhitespace();
      if (At(',')) {
        ++pos_;
        if (!array && !ParseKeyAndColon(keys, depth - 1, Expected::kDoubleQuotedPropertyName, false)) return Value();
        break;
      }
      if (!At(array ? ']' : '}')) return Fail(array ? Expected::kCommaOrRBrack : Expected::kCommaOrRBrace);
      ++pos_;
      value.Set(holder.value());
      --depth;
    }
  }
}

// §25.5.1.1 InternalizeJSONProperty(holder, name, reviver).
Value Internalize(Runtime& rt, const NativeStackGuard& guard, Handle holder, Handle name, Handle reviver) {
  if (!guard.Check(rt)) return Value();
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle val = Handle::New(heap, rt.GetProperty(holder, name));
  if (val.value().IsEmpty()) return Value();
  if (IsJSObject(val.value())) {
    bool array = rt.IsArray(val.value());
    Handle keys = Handle::New(heap, array ? kUndefined : rt.OwnKeys(val));
    if (keys.value().IsEmpty()) return Value();
    int64_t n = Runtime::ArrayLength(array ? val.value() : keys.value());
    for (int64_t i = 0; i < n; ++i) {
      tenure::HandleScope element(heap);
      Handle key = Handle::New(heap, array ? rt.NewString(std::to_string(i)) : rt.ArrayGet(keys.value().As<JSObject>(), i));
      Handle replaced = Handle::New(heap, Internalize(rt, guard, val, key, reviver));
      if (replaced.value().IsEmpty()) return Value();
      if (replaced.value() == kUndefined) {
        if (rt.DeleteProperty(val, key).IsEmpty()) return Value();
      } else if (!CreateDataProperty(rt, val, key, replaced)) {
        if (rt.has_exception()) return Value();
      }
    }
  }
  Value args[] = {name.value(), val.value()};
  return rt.Call(reviver, holder, args, 2);
}

TENURE_NATIVE(JsonParse) {
  Value text = ArgString(rt, args, 0);
  if (text.IsEmpty()) return Value();
  tenure::Heap& heap = rt.heap();
  Handle result = Handle::New(heap, JsonParser(rt, rt.ToStdString(text)).Parse());
  if (result.value().IsEmpty() || !rt.IsCallable(args.get(1))) return result.value();
  Handle root = Handle::New(heap, rt.NewPlainObject());
  Handle empty = Handle::New(heap, rt.NewString(""));
  if (!CreateDataProperty(rt, root, empty, result)) return Value();
  NativeStackGuard guard;
  return Internalize(rt, guard, root, empty, args.at(1));
}

// ---------------------------------------------------------------------------------------------
// JSON.stringify

// JSON.stringify's QuoteJSONString (ECMA-262 §25.5.2.3): like base::AppendJsonQuoted, plus a lone
// surrogate (3-byte WTF-8) becomes the escape \udXXX instead of raw bytes.
void AppendJsonQuotedWtf8(std::string_view s, std::string* out) {
  if (s.find('\xED') == std::string_view::npos) return base::AppendJsonQuoted(s, out);
  std::string body;
  size_t run = 0;  // start of the bytes not yet quoted
  auto flush = [&](size_t end) {
    std::string quoted;
    base::AppendJsonQuoted(s.substr(run, end - run), &quoted);
    body += quoted.substr(1, quoted.size() - 2);
  };
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    size_t n = DecodeCodePoint(s, i, &cp);
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      flush(i);
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u%04x", cp);
      body += buf;
      run = i + n;
    }
    i += n;
  }
  flush(s.size());
  *out += '"' + body + '"';
}

class JsonSerializer {
 public:
  JsonSerializer(Runtime& rt, Handle replacer_function, Handle property_list, std::string gap)
      : rt_(rt), replacer_(replacer_function), property_list_(property_list), gap_(std::move(gap)) {}

  // SerializeJSONProperty(key, holder): appends the text of holder[key] and returns 1, returns 0
  // (nothing appended) when the value serializes to undefined, -1 with an exception pending.
  // `key` is a String or, for an array element, its Smi index.
  int SerializeProperty(Handle holder, Handle key);
  std::string& out() { return out_; }

 private:
  // The key as the String toJSON and the replacer receive.
  Value KeyString(Handle key) {
    return key.value().IsSmi() ? rt_.NewString(std::to_string(key.value().ToSmi())) : key.value();
  }
  [[gnu::noinline]] Value CallWithKey(Handle fn, Handle receiver, Handle key, Handle value);
  // Replaces a Number, String or Boolean wrapper by its primitive (§25.5.2.2 step 4). False:
  // an exception is pending.
  [[gnu::noinline]] bool Unwrap(Handle value);
  [[gnu::noinline]] bool ApplyToJsonAndReplacer(Handle holder, Handle key, Handle value);
  bool SerializeObject(Handle object);
  bool SerializeArray(Handle array);
  // Pushes `value` on the stack of objects being serialized; false (TypeError) if it is already there.
  bool Enter(Handle value, Handle key);
  [[gnu::noinline, gnu::cold]] std::string CircleMessage(size_t start, Handle closing_key) const;
  std::string ConstructorName(Value object) const;
  std::string Describe(Value key, bool index) const {
    return index ? "index " + std::to_string(key.ToSmi()) : "property '" + rt_.ToStdString(key) + "'";
  }

  Runtime& rt_;
  Handle replacer_;       // a function or undefined
  Handle property_list_;  // an Array of keys (Strings) or undefined
  std::string gap_;
  std::string indent_;
  // The objects being serialized, outermost first, and the key each was reached by (Smi for an
  // array element); their Handles live in the serializing frames' scopes.
  std::vector<Handle> stack_;
  std::vector<Handle> stack_keys_;
  NativeStackGuard guard_;
  std::string out_;
};

Value JsonSerializer::CallWithKey(Handle fn, Handle receiver, Handle key, Handle value) {
  Value key_string = KeyString(key);
  Value args[] = {key_string, value.value()};
  return rt_.Call(fn, receiver, args, 2);
}

int JsonSerializer::SerializeProperty(Handle holder, Handle key) {
  if (!guard_.Check(rt_)) return -1;
  tenure::Heap& heap = rt_.heap();
  tenure::HandleScope scope(heap);
  Handle value = Handle::New(heap, rt_.GetProperty(holder, key));
  if (value.value().IsEmpty()) return -1;
  if (!ApplyToJsonAndReplacer(holder, key, value) || !Unwrap(value)) return -1;
  Value x = value.value();
  if (x == kNull) out_ += "null";
  else if (x == kTrue) out_ += "true";
  else if (x == kFalse) out_ += "false";
  else if (IsString(x)) AppendJsonQuotedWtf8(rt_.ToStdString(x), &out_);
  else if (IsNumber(x)) out_ += std::isfinite(NumberValue(x)) ? Runtime::NumberToString(NumberValue(x)) : "null";
  else if (!IsJSObject(x) || rt_.IsCallable(x)) return 0;  // undefined, symbols, functions
  else {
    if (!Enter(value, key)) return -1;
    bool ok = rt_.IsArray(x) ? SerializeArray(value) : SerializeObject(value);
    stack_.pop_back();
    stack_keys_.pop_back();
    if (!ok) return -1;
  }
  return 1;
}

// §25.5.2.2 steps 2–3: value.toJSON(key) if callable, then replacer.call(holder, key, value).
bool JsonSerializer::ApplyToJsonAndReplacer(Handle holder, Handle key, Handle value) {
  tenure::Heap& heap = rt_.heap();
  if (IsJSObject(value.value())) {
    Handle to_json_key = Handle::New(heap, rt_.Intern("toJSON"));
    Handle to_json = Handle::New(heap, rt_.GetNamed(value, to_json_key));
    if (to_json.value().IsEmpty()) return false;
    if (rt_.IsCallable(to_json.value())) value.Set(CallWithKey(to_json, value, key, value));
    if (value.value().IsEmpty()) return false;
  }
  if (replacer_.value() != kUndefined) value.Set(CallWithKey(replacer_, holder, key, value));
  return !value.value().IsEmpty();
}

bool JsonSerializer::Unwrap(Handle value) {
  Value wrapped = PrimitiveWrapperValue(value.value());
  if (wrapped.IsEmpty() || IsKind(wrapped, Kind::kSymbol)) return true;
  double d = 0;
  if (IsNumber(wrapped) && !rt_.ToNumber(value, &d)) return false;
  value.Set(IsNumber(wrapped) ? rt_.NewNumber(d) : IsString(wrapped) ? rt_.ToString(value) : wrapped);
  return !value.value().IsEmpty();
}

bool JsonSerializer::Enter(Handle value, Handle key) {
  for (size_t i = 0; i < stack_.size(); ++i) {
    if (stack_[i].value() == value.value()) {
      rt_.ThrowTypeError(CircleMessage(i, key));
      return false;
    }
  }
  stack_.push_back(value);
  stack_keys_.push_back(key);
  return true;
}

// Node's message: the object where the circle starts, the keys leading around it, and the key
// that closes it (V8's CircularStructureMessageBuilder: two lines, "...", the last line when
// there are more than three).
std::string JsonSerializer::CircleMessage(size_t start, Handle closing_key) const {
  std::string message = "Converting circular structure to JSON\n    --> starting at object with constructor '" +
                        ConstructorName(stack_[start].value()) + "'";
  std::vector<std::string> lines;
  for (size_t i = start + 1; i < stack_.size(); ++i) {
    lines.push_back("\n    |     " + Describe(stack_keys_[i].value(), stack_keys_[i].value().IsSmi()) +
                    " -> object with constructor '" + ConstructorName(stack_[i].value()) + "'");
  }
  if (lines.size() > 3) lines.erase(lines.begin() + 2, lines.end() - 1), lines.insert(lines.begin() + 2, "\n    |     ...");
  for (const std::string& line : lines) message += line;
  return message + "\n    --- " + Describe(closing_key.value(), closing_key.value().IsSmi()) + " closes the circle";
}

// The name of the first function found as a `constructor` data property on the prototype chain,
// else "Object" (what V8 prints for plain and null-prototype objects). Calls nothing.
std::string JsonSerializer::ConstructorName(Value object) const {
  Value ctor = FindConstructor(rt_, object, ConstructorSearch());
  return ctor.IsEmpty() ? "Object" : rt_.FunctionName(ctor);
}

bool JsonSerializer::SerializeObject(Handle object) {
  tenure::Heap& heap = rt_.heap();
  tenure::HandleScope scope(heap);
  Handle keys = Handle::New(heap, property_list_.value() == kUndefined ? rt_.OwnKeys(object) : property_list_.value());
  if (keys.value().IsEmpty()) return false;
  size_t outer_indent = indent_.size();
  indent_ += gap_;
  out_ += '{';
  bool empty = true;
  int64_t n = Runtime::ArrayLength(keys.value());
  for (int64_t i = 0; i < n; ++i) {
    tenure::HandleScope member(heap);
    Handle key = Handle::New(heap, rt_.ArrayGet(keys.value().As<JSObject>(), i));
    size_t mark = out_.size();
    if (!empty) out_ += ',';
    if (!gap_.empty()) out_.append("\n").append(indent_);
    AppendJsonQuotedWtf8(rt_.ToStdString(key.value()), &out_);
    out_ += gap_.empty() ? ":" : ": ";
    int r = SerializeProperty(object, key);
    if (r < 0) return false;
    if (r == 0) out_.resize(mark);  // undefined: no member
    else empty = false;
  }
  indent_.resize(outer_indent);
  if (!empty && !gap_.empty()) out_.append("\n").append(indent_);
  out_ += '}';
  return true;
}

bool JsonSerializer::SerializeArray(Handle array) {
  tenure::Heap& heap = rt_.heap();
  size_t outer_indent = indent_.size();
  indent_ += gap_;
  out_ += '[';
  int64_t n = Runtime::ArrayLength(array.value());
  for (int64_t i = 0; i < n; ++i) {
    tenure::HandleScope element(heap);
    if (i > 0) out_ += ',';
    if (!gap_.empty()) out_.append("\n").append(indent_);
    Handle index = Handle::New(heap, Value::FromSmi(i));
    int r = SerializeProperty(array, index);
    if (r < 0) return false;
    if (r == 0) out_ += "null";
  }
  indent_.resize(outer_indent);
  if (n > 0 && !gap_.empty()) out_.append("\n").append(indent_);
  out_ += ']';
  return true;
}

// §25.5.2.1 steps 4–5: a replacer array's keys — Strings, Numbers and their wrappers, converted to
// Strings, first occurrence kept, in order. Returns an Array, or empty with an exception pending.
Value PropertyList(Runtime& rt, Handle replacer) {
  tenure::Heap& heap = rt.heap();
  Handle list = Handle::New(heap, rt.NewArray());
  std::vector<std::string> seen;
  int64_t n = Runtime::ArrayLength(replacer.value());
  for (int64_t i = 0; i < n; ++i) {
    tenure::HandleScope scope(heap);
    Handle index = Handle::New(heap, Value::FromSmi(i));
    Handle v = Handle::New(heap, rt.GetProperty(replacer, index));
    if (v.value().IsEmpty()) return Value();
    Value unwrapped = PrimitiveWrapperValue(v.value());
    bool usable = IsString(v.value()) || IsNumber(v.value()) ||
                  (!unwrapped.IsEmpty() && (IsString(unwrapped) || IsNumber(unwrapped)));
    if (!usable) continue;
    Handle item = Handle::New(heap, rt.ToString(v));
    if (item.value().IsEmpty()) return Value();
    std::string text = rt.ToStdString(item.value());
    if (std::find(seen.begin(), seen.end(), text) != seen.end()) continue;
    seen.push_back(text);
    if (!rt.ArrayPush(list, item)) return Value();
  }
  return list.value();
}

// §25.5.2.1 steps 6–8: the gap from `space` (Number: that many spaces, at most 10; String: its
// first 10 code units; wrappers unwrapped first).
bool Gap(Runtime& rt, Handle space, std::string* gap) {
  Value unwrapped = PrimitiveWrapperValue(space.value());
  Value v = space.value();
  if (!unwrapped.IsEmpty() && IsNumber(unwrapped)) {
    double d = 0;
    if (!rt.ToNumber(space, &d)) return false;
    v = rt.NewNumber(d);
  } else if (!unwrapped.IsEmpty() && IsString(unwrapped)) {
    v = rt.ToString(space);
    if (v.IsEmpty()) return false;
  }
  if (IsNumber(v)) {
    double d = NumberValue(v);
    int count = std::isnan(d) ? 0 : static_cast<int>(std::clamp(std::trunc(d), 0.0, 10.0));
    gap->assign(static_cast<size_t>(count), ' ');
  } else if (IsString(v)) {
    std::u16string units = ToUtf16(rt.ToStdString(v));
    *gap = ToWtf8(std::u16string_view(units).substr(0, 10));
  }
  return true;
}

TENURE_NATIVE(JsonStringify) {
  tenure::Heap& heap = rt.heap();
  Handle replacer_function = Handle::New(heap, kUndefined);
  Handle property_list = Handle::New(heap, kUndefined);
  Value replacer = args.get(1);
  if (rt.IsCallable(replacer)) {
    replacer_function.Set(replacer);
  } else if (rt.IsArray(replacer)) {
    property_list.Set(PropertyList(rt, args.at(1)));
    if (property_list.value().IsEmpty()) return Value();
  }
  std::string gap;
  if (!Gap(rt, args.at(2), &gap)) return Value();
  Handle wrapper = Handle::New(heap, rt.NewPlainObject());
  Handle empty = Handle::New(heap, rt.NewString(""));
  if (!CreateDataProperty(rt, wrapper, empty, args.at(0))) return Value();
  JsonSerializer serializer(rt, replacer_function, property_list, std::move(gap));
  int r = serializer.SerializeProperty(wrapper, empty);
  if (r < 0) return Value();
  if (r == 0) return kUndefined;
  return rt.NewString(serializer.out());
}

}  // namespace

void InstallJsonBuiltins(Runtime& rt, Handle global) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle json = Handle::New(heap, rt.NewPlainObject());
  rt.DefineNative(json, "parse", JsonParse, 2);
  rt.DefineNative(json, "stringify", JsonStringify, 3);
  SetHiddenProperty(rt, global, "JSON", json.value());
}

}  // namespace tenure::js
