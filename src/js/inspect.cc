// util.inspect-compatible formatting for console.log. The layout rules follow node's
// lib/internal/util/inspect.js (formatValue, groupArrayElements, reduceToSingleString,
// isBelowBreakLength) with node's console defaults: depth 2, breakLength 80, compact 3.
#include <algorithm>
#include <climits>
#include <cmath>
#include <string>
#include <vector>

#include "builtins.h"
#include "builtins_date.h"
#include "builtins_typed_array.h"
#include "builtins_regexp.h"
#include "modules.h"
#include "object_names.h"
#include "runtime.h"
#include "string_utf16.h"

namespace tenure::js {

namespace {

constexpr int kBreakLength = 80;
// node's kMinLineWidth: strings longer than this that do not fit the line are split at newlines.
constexpr size_t kMinLineWidth = 16;

bool IsIdentifierKey(std::string_view k) {
  if (k.empty()) return false;
  if (!(std::isalpha(static_cast<unsigned char>(k[0])) || k[0] == '_' || k[0] == '$')) return false;
  for (char c : k) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$')) return false;
  }
  return true;
}

// `o instanceof ctor` by ctor's own `prototype` data property, without calls or allocation.
bool IsInstanceOf(Runtime& rt, Value o, Value ctor) {
  int64_t flags = 0;
  int64_t index = Runtime::FindOwn(ctor.As<JSObject>(), rt.root(kRootPrototypeKey), &flags);
  if (index < 0 || (flags & kShapeAccessor)) return false;
  return Runtime::OrdinaryHasInstance(o, Runtime::ReadSlot(ctor.As<JSObject>(), index));
}

// node strEscape: single quotes unless the string contains them (then double, then backtick).
std::string Quote(std::string_view s) {
  char q = '\'';
  if (s.find('\'') != std::string_view::npos) {
    if (s.find('"') == std::string_view::npos) q = '"';
    else if (s.find('`') == std::string_view::npos && s.find("${") == std::string_view::npos) q = '`';
  }
  std::string out(1, q);
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t unit;
    if (c == 0xED && DecodeCodePoint(s, i, &unit) == 3 && unit >= 0xD800) {  // lone surrogate
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u%04x", unit);
      out += buf;
      i += 2;
      continue;
    }
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\v': out += "\\v"; break;
      case '\\': out += "\\\\"; break;
      default:
        if (c == static_cast<unsigned char>(q)) {
          out += '\\';
          out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02X", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += q;
  return out;
}

}  // namespace

class Inspector {
 public:
  // Handles live in the caller's scope (Runtime::Inspect's): custom inspect functions and
  // getters run JavaScript, so objects may move during a Format.
  Inspector(Runtime& rt, const Runtime::InspectOptions& options)
      : rt_(rt), depth_(options.depth), compact_(options.compact), sorted_(options.sorted),
        custom_inspect_(options.custom_inspect), max_array_length_(options.max_array_length),
        user_options_(options.user_options),
        circular_target_(Handle::New(rt.heap(), kUndefined)), error_(Handle::New(rt.heap(), kUndefined)),
        custom_key_(Handle::New(rt.heap(), kUndefined)) {}

  std::string Format(Handle v, int recurse_times) {
    if (failed_) return "";
    Value x = v.value();
    if (!x.IsHeapObject() || IsString(x) || IsNumber(x) || IsKind(x, Kind::kSymbol)) return Primitive(x);
    if (!IsJSObject(x)) return "[internal]";
    if (custom_inspect_) {
      std::string custom;
      if (FormatCustom(v, recurse_times, &custom)) return custom;
      if (failed_) return "";
      x = v.value();
    }
    for (size_t i = 0; i < seen_.size(); ++i) {
      if (seen_[i].value() == x) {
        if (circular_index_ == 0) {
          circular_index_ = 1;
          circular_target_.Set(x);
        }
        return "[Circular *1]";
      }
    }
    return FormatRaw(v, recurse_times);
  }

  // The text for the top-level value; empty with the exception pending when a custom inspect
  // function (or a getter it ran) threw, as node's util.inspect throws it.
  std::string Finish(Handle v, std::string body) {
    if (failed_) {
      rt_.Throw(error_.value());
      return "";
    }
    if (circular_index_ != 0 && circular_target_.value() == v.value()) return "<ref *1> " + body;
    return body;
  }

 private:
  std::string Primitive(Value x) {
    if (IsString(x)) return QuoteString(x.As<String>()->view());
    if (IsNumber(x)) {
      double d = NumberValue(x);
      if (d == 0 && std::signbit(d)) return "-0";
      return Runtime::NumberToString(d);
    }
    return rt_.ToStdString(x);
  }
  // node's formatPrimitive: a string longer than kMinLineWidth that does not fit the line is
  // shown as one quoted piece per line ('a\n' +), continued two columns deeper.
  std::string QuoteString(std::string_view s) {
    size_t units = CountUnits(s);
    if (units <= kMinLineWidth || static_cast<int>(units) <= kBreakLength - indentation_ - 4 ||
        s.find('\n') == std::string_view::npos || s.find('\n') == s.size() - 1) {
      return Quote(s);
    }
    std::string out;
    std::string separator = " +\n" + std::string(static_cast<size_t>(indentation_) + 2, ' ');
    for (size_t start = 0; start < s.size();) {
      size_t end = s.find('\n', start);
      end = end == std::string_view::npos ? s.size() : end + 1;
      if (!out.empty()) out += separator;
      out += Quote(s.substr(start, end - start));
      start = end;
    }
    return out;
  }


  // node's removeDuplicateErrorKeys: own enumerable `name`, `message` and `stack` whose string
  // value the printed stack already contains (a subclass's `this.name = 'E'`) are not listed.
  // Keys are interned strings, so they compare by identity.
  std::vector<Value> DuplicateErrorKeys(Handle error, Handle keys, const std::string& stack) {
    std::vector<Value> out;
    for (int64_t i = 0; i < Runtime::ArrayLength(keys.value()); ++i) {
      Value k = rt_.ArrayGet(keys.value().As<JSObject>(), i);
      if (!IsString(k)) continue;
      std::string_view name = k.As<String>()->view();
      if (name != "name" && name != "message" && name != "stack") continue;
      int64_t index = Runtime::FindOwn(error.value().As<JSObject>(), k);
      Value v = index >= 0 ? Runtime::ReadSlot(error.value().As<JSObject>(), index) : Value();
      if (!v.IsEmpty() && IsString(v) && stack.find(v.As<String>()->view()) != std::string::npos) out.push_back(k);
    }
    return out;
  }

  // node's getStackFrames: when the error has an Error `cause` whose stack shares a run of more
  // than three frame lines with this one (identicalSequenceRange), the run but its first and last
  // line becomes "    ... N lines matching cause stack trace ...".
  std::string ElideCauseFrames(Handle error, std::string stack) {
    tenure::HandleScope scope(rt_.heap());
    Handle key = Handle::New(rt_.heap(), rt_.Intern("cause"));
    Value cause = rt_.GetNamed(error, key);
    if (cause.IsEmpty()) rt_.TakeException();
    if (!IsKind(cause, Kind::kError)) return stack;
    Handle cause_h = Handle::New(rt_.heap(), cause);
    Handle stack_key = Handle::New(rt_.heap(), rt_.Intern("stack"));
    Value cause_stack = rt_.GetNamed(cause_h, stack_key);
    if (cause_stack.IsEmpty()) rt_.TakeException();
    if (!IsString(cause_stack)) return stack;  // node: String(stack) of a truthy non-string; rare
    std::string text = rt_.ToStdString(cause_stack);
    size_t cause_start = text.find("\n    at"), start = stack.find("\n    at");
    if (cause_start == std::string::npos) return stack;
    std::vector<std::string> a = SplitLines(stack.substr(start + 1)), b = SplitLines(text.substr(cause_start + 1));
    for (size_t i = 0; i + 3 < a.size(); ++i) {
      size_t pos = std::find(b.begin(), b.end(), a[i]) - b.begin();
      if (pos == b.size() || b.size() - pos <= 3) continue;
      size_t len = 1, max_len = std::min(a.size() - i, b.size() - pos);
      while (max_len > len && a[i + len] == b[pos + len]) ++len;
      if (len <= 3) continue;
      a.erase(a.begin() + static_cast<std::ptrdiff_t>(i + 1), a.begin() + static_cast<std::ptrdiff_t>(i + len - 1));
      a.insert(a.begin() + static_cast<std::ptrdiff_t>(i + 1),
               "    ... " + std::to_string(len - 2) + " lines matching cause stack trace ...");
      std::string out = stack.substr(0, start);
      for (const std::string& line : a) out += "\n" + line;
      return out;
    }
    return stack;
  }

  static std::vector<std::string> SplitLines(const std::string& s) {
    std::vector<std::string> out;
    size_t from = 0;
    for (size_t nl; (nl = s.find('\n', from)) != std::string::npos; from = nl + 1) out.push_back(s.substr(from, nl - from));
    out.push_back(s.substr(from));
    return out;
  }

  // node's formatError: `String(err.name)`, "Error" for null/undefined or when reading throws.
  std::string ErrorNameText(Handle error) {
    tenure::HandleScope scope(rt_.heap());
    Handle key = Handle::New(rt_.heap(), rt_.root(kRootNameKey));
    Value name = rt_.GetNamed(error, key);
    if (!name.IsEmpty() && !IsNullish(name)) name = rt_.ToString(Handle::New(rt_.heap(), name));
    if (name.IsEmpty()) rt_.TakeException();
    return name.IsEmpty() || IsNullish(name) ? "Error" : rt_.ToStdString(name);
  }

  // node's improveStack (non-null prototypes): a stack headed by an error name (ending in
  // "Error") other than the constructor's is shown under the constructor, `Error [CustomError]:
  // m`, or just renamed when the constructor's name contains it (`class MyError extends Error`).
  static std::string ImproveStack(std::string stack, const std::string& name, const std::string& ctor,
                                  const std::string& tag) {
    size_t len = name.size();
    bool looks_normal = name.ends_with("Error") && stack.starts_with(name) &&
                        (stack.size() == len || stack[len] == ':' || stack[len] == '\n');
    if (!looks_normal) return stack;
    std::string prefix = ctor + (tag.empty() || tag == ctor ? "" : " [" + tag + "]");  // getPrefix
    if (name == prefix) return stack;
    if (prefix.find(name) != std::string::npos) return len == 0 ? prefix + ": " + stack : prefix + stack.substr(len);
    return prefix + " [" + name + "]" + stack.substr(len);
  }

  // Error.prototype.toString's text for an error without a string stack; "Error" if it throws.
  std::string ErrorToString(Handle error) {
    Value text = js::ErrorToString(rt_, error);
    if (text.IsEmpty()) rt_.TakeException();
    return text.IsEmpty() ? "Error" : rt_.ToStdString(text);
  }

  // The constructor name found on the prototype chain ("" for null-prototype objects): like
  // node's getConstructorName, an own `constructor` counts only when `o instanceof` it, so a
  // prototype object (Map.prototype, A.prototype) is named by the next constructor up.
  std::string ConstructorName(Value o, bool* null_proto) {
    *null_proto = IsJSObject(o) && o.As<JSObject>()->proto == kNull;
    ConstructorSearch search;
    search.require_instance = true;
    Value ctor = FindConstructor(rt_, o, search);
    return ctor.IsEmpty() ? "Object" : rt_.FunctionName(ctor);
  }

  // node's formatError shows an Error's own non-enumerable data properties `cause` and `errors`
  // (AggregateError) as "[cause]: …" after the other keys. Handles in the caller's scope.
  std::vector<Handle> ErrorExtraKeys(Handle error) {
    std::vector<Handle> keys;
    for (const char* name : {"cause", "errors"}) {
      Handle key = Handle::New(rt_.heap(), rt_.Intern(name));
      int64_t flags = 0;
      int64_t index = Runtime::FindOwn(error.value().As<JSObject>(), key.value(), &flags);
      if (index >= 0 && (flags & kShapeHidden) && !(flags & kShapeAccessor)) keys.push_back(key);
    }
    return keys;
  }

  // node's boxed-primitive prefix: "[Number: 1]", "[String: 'ab']", "[Number (Sub): 1]" for a
  // subclass instance, "[Symbol: Symbol(q)]".
  std::string WrapperBase(Value wrapper, const std::string& ctor) {
    Value inner = PrimitiveWrapperValue(wrapper);
    const char* type = IsString(inner) ? "String" : IsNumber(inner) ? "Number"
                       : IsKind(inner, Kind::kSymbol) ? "Symbol" : "Boolean";
    std::string shown = IsKind(inner, Kind::kSymbol) ? SymbolDescriptiveString(rt_, inner) : Primitive(inner);
    std::string name = ctor == type ? type : std::string(type) + " (" + ctor + ")";
    return "[" + name + ": " + shown + "]";
  }

  std::string FunctionBase(Value fn) {
    int64_t id = fn.As<JSObject>()->internal[1].ToSmi();
    std::string name = FunctionDebugName(rt_, fn);
    if (id >= 0 && rt_.functions()[id]->is_class_ctor) {
      std::string base = "[class " + (name.empty() ? std::string("(anonymous)") : name);
      Value parent = fn.As<JSObject>()->proto;
      if (IsKind(parent, Kind::kFunction) && parent != rt_.root(kRootFunctionPrototype)) {
        base += " extends " + rt_.FunctionName(parent);
      }
      return base + "]";
    }
    // node's prefix names the function's kind: AsyncFunction, GeneratorFunction, AsyncGeneratorFunction.
    std::string type = FunctionKindTypeName(FunctionKindOf(rt_, fn));
    return name.empty() ? "[" + type + " (anonymous)]" : "[" + type + ": " + name + "]";
  }

  std::string FormatRaw(Handle v, int recurse_times) {
    tenure::Heap& heap = rt_.heap();
    tenure::HandleScope scope(heap);
    Kind kind = KindOf(v.value().ToObject());
    std::string base;
    std::string open = "{", close = "}";
    if (kind == Kind::kBuffer) return InspectBuffer(v.value());  // before OwnKeys: no index keys made
    bool is_typed = kind == Kind::kTypedArray;  // builtins_typed_array.h
    bool is_array = kind == Kind::kArray || is_typed;
    Handle keys = Handle::New(heap, rt_.OwnKeys(v));
    Handle symbol_keys = Handle::New(heap, SymbolKeys(v));
    int64_t named = Runtime::ArrayLength(keys.value()) + Runtime::ArrayLength(symbol_keys.value());
    // A String wrapper's index properties are its characters, shown in the base, not as keys.
    bool skip_index_keys = is_array || IsString(PrimitiveWrapperValue(v.value()));
    if (skip_index_keys) named -= CountIndexKeys(keys);
    // `x` is re-read after every allocation (objects move).
#define x (v.value())
    bool null_proto = false;
    std::string ctor = ConstructorName(x, &null_proto);
    std::string tag;  // [Symbol.toStringTag] shown after the constructor name (plain objects)
    std::vector<Handle> error_extras;  // an Error's non-enumerable `cause` / `errors` keys
    std::vector<Value> error_duplicates;  // own name / message / stack already shown by the stack
    if (kind == Kind::kFunction) {
      base = FunctionBase(x);
      if (named == 0) return base;
    } else if (kind == Kind::kError) {
      // V8 renders the stack when it is first read: `e.name = 'X'` after `new Error` shows.
      v = Handle::New(heap, rt_.RefreshErrorStackHeader(x));
      Handle stack_key = Handle::New(heap, rt_.Intern("stack"));
      Value stack = rt_.GetNamed(v, stack_key);
      if (stack.IsEmpty()) rt_.TakeException();
      base = IsString(stack) ? rt_.ToStdString(stack) : ErrorToString(v);  // node's getStackString
      error_duplicates = DuplicateErrorKeys(v, keys, base);
      if (!null_proto) base = ImproveStack(std::move(base), ErrorNameText(v), ctor, ToStringTag(v, ctor));
      // node's formatError: a stack without frames is wrapped in brackets.
      if (base.find("\n    at") == std::string::npos) base = "[" + base + "]";
      else base = ElideCauseFrames(v, std::move(base));
      if (indentation_ != 0) {  // node's formatError indents a nested error's stack lines too
        std::string indented;
        for (char c : base) {
          indented += c;
          if (c == '\n') indented.append(static_cast<size_t>(indentation_), ' ');
        }
        base = std::move(indented);
      }
      error_extras = ErrorExtraKeys(v);
      named += static_cast<int64_t>(error_extras.size());
      named -= static_cast<int64_t>(error_duplicates.size());
      if (named == 0) return base;
    } else if (is_array) {
      open = "[";
      close = "]";
      if (ctor != "Array") open = ctor + "(" + std::to_string(Runtime::ArrayLength(x)) + ") [";
      if (Runtime::ArrayLength(x) == 0 && named == 0) return open + "]";
    } else if (!PrimitiveWrapperValue(x).IsEmpty()) {  // builtins_wrappers.cc
      base = WrapperBase(x, ctor);
      if (named == 0) return base;
    } else if (IsRegExp(rt_, x)) {  // builtins_regexp.cc
      base = RegExpToString(rt_, x);
      if (named == 0) return base;
    } else if (IsDate(rt_, x)) {  // builtins_date.cc: the ISO string (or Invalid Date)
      base = InspectDate(rt_, x);
      if (named == 0) return base;
    } else if (kind == Kind::kArrayBuffer) {  // node: up to maxArrayLength bytes, then the length
      size_t n = ArrayBufferLength(x);
      current_depth_ = recurse_times;
      std::vector<std::string> parts = {"[Uint8Contents]: <" + InspectBytes(ArrayBufferData(x), n, max_array_length_) + ">",
                                        "byteLength: " + std::to_string(n)};
      return Reduce(parts, "ArrayBuffer {", "}", false, v, recurse_times);
    } else if (kind == Kind::kDataView) {  // node: byteLength, byteOffset, then the buffer
      current_depth_ = recurse_times;
      std::vector<std::string> parts = {"byteLength: " + std::to_string(ViewLength(x)),
                                        "byteOffset: " + std::to_string(ViewByteOffset(x))};
      Handle buffer = Handle::New(heap, x.As<JSObject>()->internal[1]);
      indentation_ += 2;
      parts.push_back("buffer: " + Format(buffer, recurse_times + 1));
      indentation_ -= 2;
      return Reduce(parts, "DataView {", "}", false, v, recurse_times);
    } else if (kind == Kind::kPromise) {  // builtins_promise.cc: internal[0] state, [1] result
      int64_t state = x.As<JSObject>()->internal[0].ToSmi() & 3;
      if (state == 0) return "Promise { <pending> }";
      Handle result = Handle::New(heap, x.As<JSObject>()->internal[1]);
      return std::string("Promise { ") + (state == 2 ? "<rejected> " : "") + Format(result, recurse_times + 1) + " }";
    } else if (kind == Kind::kWeakMap || kind == Kind::kWeakSet) {
      open = (kind == Kind::kWeakMap ? "WeakMap" : "WeakSet") + std::string(" { <items unknown> }");
      return open;
    } else if (!NativeIteratorRecord(x).IsEmpty()) {
      return FormatNativeIterator(v, recurse_times);
    } else if (kind == Kind::kMap || kind == Kind::kSet) {
      open = std::string(kind == Kind::kMap ? "Map(" : "Set(") +
             std::to_string(x.As<JSObject>()->internal[2].ToSmi()) + ") {";
      if (x.As<JSObject>()->internal[2].ToSmi() == 0 && named == 0) return open + "}";
    } else {
      tag = ToStringTag(v, ctor);
      std::string tag_text = tag.empty() ? "" : " [" + tag + "]";
      if (null_proto) open = "[Object: null prototype]" + tag_text + " {";
      else if (ctor != "Object" || !tag.empty()) open = ctor + tag_text + " {";
      if (named == 0) return open + "}";
    }
    if (recurse_times > depth_) {
      if (is_array) return is_typed ? "[" + ctor + "]" : "[Array]";
      std::string tag_text = tag.empty() ? "" : " [" + tag + "]";
      if (null_proto) return "[Object: null prototype]" + tag_text;
      return "[" + ctor + tag_text + "]";
    }
    seen_.push_back(v);
    current_depth_ = recurse_times;
    std::vector<std::string> output;
    indentation_ += 2;
    if (is_array) FormatArrayElements(v, recurse_times, &output);
    if (kind == Kind::kMap || kind == Kind::kSet) FormatCollection(v, kind == Kind::kMap, recurse_times, &output);
    const size_t first_key = is_array ? output.size() : 0;  // node sorts only an array's keys
    int64_t total = Runtime::ArrayLength(keys.value());
    for (int64_t i = 0; i < total; ++i) {
      Handle k = Handle::New(heap, rt_.ArrayGet(keys.value().As<JSObject>(), i));
      if (skip_index_keys && IsIndexKey(k.value())) continue;
      if (std::find(error_duplicates.begin(), error_duplicates.end(), k.value()) != error_duplicates.end()) continue;
      output.push_back(FormatProperty(v, k, recurse_times));
    }
    for (int64_t i = 0; i < Runtime::ArrayLength(symbol_keys.value()); ++i) {
      Handle k = Handle::New(heap, rt_.ArrayGet(symbol_keys.value().As<JSObject>(), i));
      int64_t index = Runtime::FindOwn(v.value().As<JSObject>(), k.value());
      Handle value = Handle::New(heap, Runtime::ReadSlot(v.value().As<JSObject>(), index));
      output.push_back("[" + rt_.ToStdString(k.value()) + "]: " + Format(value, recurse_times + 1));
    }
    for (Handle k : error_extras) {
      int64_t index = Runtime::FindOwn(v.value().As<JSObject>(), k.value());
      Handle value = Handle::New(heap, Runtime::ReadSlot(v.value().As<JSObject>(), index));
      output.push_back("[" + rt_.ToStdString(k.value()) + "]: " + Format(value, recurse_times + 1));
    }
    indentation_ -= 2;
    seen_.pop_back();
    if (sorted_) {
      std::sort(output.begin() + static_cast<std::ptrdiff_t>(first_key), output.end(),
                [](const std::string& a, const std::string& b) { return CompareUnits(a, b) < 0; });
    }
    if (!base.empty()) open = base + " " + open;
    return Reduce(output, open, close, is_array, v, recurse_times);
#undef x
  }

  // Own enumerable data properties keyed by non-private symbols, in insertion order (an Array).
  // node's util.inspect prefix tag: a string [Symbol.toStringTag] (getters run; a throwing one
  // counts as none) that is not an own enumerable property (that one is printed as a key) and
  // differs from the constructor name.
  std::string ToStringTag(Handle object, const std::string& ctor) {
    tenure::HandleScope scope(rt_.heap());
    Handle key = Handle::New(rt_.heap(), rt_.root(kRootToStringTagSymbol));
    if (!IsKind(key.value(), Kind::kSymbol)) return "";
    Value tag = rt_.GetProperty(object, key);
    if (tag.IsEmpty()) {
      rt_.TakeException();
      return "";
    }
    if (!IsString(tag) || tag.As<String>()->length == 0) return "";
    int64_t flags = 0;
    if (Runtime::FindOwn(object.value().As<JSObject>(), key.value(), &flags) >= 0 && !(flags & kShapeHidden)) return "";
    std::string text = rt_.ToStdString(tag);
    return text == ctor ? "" : text;
  }

  Value SymbolKeys(Handle object) {
    tenure::HandleScope scope(rt_.heap());
    std::vector<Handle> keys;
    for (Shape* s = object.value().As<JSObject>()->shape.As<Shape>(); s->key != kUndefined;
         s = s->parent.As<Shape>()) {
      if (!IsKind(s->key, Kind::kSymbol) || (s->flags.ToSmi() & (kShapeHidden | kShapeAccessor))) continue;
      if (s->key.As<Symbol>()->flags.ToSmi() & kSymbolPrivate) continue;
      keys.push_back(Handle::New(rt_.heap(), s->key));
    }
    Handle out = Handle::New(rt_.heap(), rt_.NewArray());
    for (size_t i = keys.size(); i > 0; --i) rt_.ArrayPush(out, keys[i - 1]);
    return out.value();
  }

  static bool IsIndexKey(Value k) {
    std::string_view s = k.As<String>()->view();
    if (s.empty()) return false;
    for (char c : s) if (c < '0' || c > '9') return false;
    return true;
  }

  int64_t CountIndexKeys(Handle keys) {
    int64_t n = 0;
    for (int64_t i = 0; i < Runtime::ArrayLength(keys.value()); ++i) {
      n += IsIndexKey(rt_.ArrayGet(keys.value().As<JSObject>(), i));
    }
    return n;
  }

  void FormatArrayElements(Handle v, int recurse_times, std::vector<std::string>* output) {
    int64_t len = Runtime::ArrayLength(v.value());
    if (IsKind(v.value(), Kind::kTypedArray)) {  // elements live in the backing store
      for (int64_t i = 0; i < len && i < max_array_length_; ++i) {
        Handle item = Handle::New(rt_.heap(), ViewGetIndex(rt_, v.value(), i));
        output->push_back(Format(item, recurse_times + 1));
      }
      if (len > max_array_length_) {
        int64_t rest = len - max_array_length_;
        output->push_back("... " + std::to_string(rest) + " more item" + (rest > 1 ? "s" : ""));
      }
      return;
    }
    int64_t shown = 0;
    for (int64_t i = 0; i < len && shown < max_array_length_; ++shown) {
      JSObject* a = v.value().As<JSObject>();
      FixedArray* e = a->elements.As<FixedArray>();
      if (i >= e->size() || e->items()[i] == kHole) {
        int64_t j = i;
        while (j < len && (j >= e->size() || e->items()[j] == kHole)) ++j;
        int64_t holes = j - i;
        output->push_back("<" + std::to_string(holes) + " empty item" + (holes > 1 ? "s" : "") + ">");
        i = j;
        continue;
      }
      Handle item = Handle::New(rt_.heap(), e->items()[i]);
      output->push_back(Format(item, recurse_times + 1));
      ++i;
    }
    if (len > max_array_length_ && shown >= max_array_length_) {
      int64_t rest = len - max_array_length_;
      output->push_back("... " + std::to_string(rest) + " more item" + (rest > 1 ? "s" : ""));
    }
  }

  void FormatCollection(Handle v, bool is_map, int recurse_times, std::vector<std::string>* output) {
    for (int64_t i = 0; i < CollectionSlotCount(v.value()); ++i) {
      Value key, value;
      if (!CollectionEntry(v.value(), i, &key, &value)) continue;
      Handle k = Handle::New(rt_.heap(), key);
      Handle val = Handle::New(rt_.heap(), value);
      std::string s = Format(k, recurse_times + 1);
      if (is_map) s += " => " + Format(val, recurse_times + 1);
      output->push_back(s);
    }
  }

  // Built-in iterators print like node: array and string iterators as `Object [Array Iterator] {}`;
  // Map/Set iterators with the entries they have left (`[Map Entries] { [ 'a', 1 ] }`), read
  // through a copy of the record so the iterator itself does not advance.
  std::string FormatNativeIterator(Handle v, int recurse_times) {
    tenure::Heap& heap = rt_.heap();
    tenure::HandleScope scope(heap);
    Handle record = Handle::New(heap, NativeIteratorRecord(v.value()));
    auto kind = static_cast<IterKind>(record.value().As<FixedArray>()->items()[2].ToSmi());
    const char* label = nullptr;
    switch (kind) {
      case kIterString: return "Object [String Iterator] {}";
      case kIterMap: label = "[Map Entries] {"; break;
      case kIterMapKeys: case kIterMapValues: label = "[Map Iterator] {"; break;
      case kIterSet: label = "[Set Iterator] {"; break;
      case kIterSetEntries: label = "[Set Entries] {"; break;
      default: return "Object [Array Iterator] {}";
    }
    if (recurse_times > depth_) return "[Object]";
    Handle copy = Handle::New(heap, rt_.NewFixedArray(3));
    for (int i = 0; i < 3; ++i) {
      FixedArray* c = copy.value().As<FixedArray>();
      tenure::Store(c, &c->items()[i], record.value().As<FixedArray>()->items()[i]);
    }
    std::vector<std::string> output;
    Handle item = Handle::New(heap, kUndefined);
    int64_t shown = 0, rest = 0;
    for (;;) {
      bool done = false;
      if (!rt_.IteratorStep(copy, item.slot(), &done) || done) break;
      if (shown == max_array_length_) { ++rest; continue; }
      output.push_back(Format(item, recurse_times + 1));
      ++shown;
    }
    if (rest > 0) output.push_back("... " + std::to_string(rest) + " more item" + (rest > 1 ? "s" : ""));
    if (output.empty()) return std::string(label) + "  }";
    return Reduce(output, label, "}", false, v, recurse_times);
  }

  std::string FormatProperty(Handle object, Handle key, int recurse_times) {
    std::string_view name = key.value().As<String>()->view();
    // node's formatProperty shows an own "__proto__" (JSON.parse, computed keys) as ['__proto__'],
    // so it cannot be mistaken for the prototype syntax of an object literal.
    std::string label = name == "__proto__"      ? "['__proto__']"
                        : IsIdentifierKey(name) ? std::string(name)
                                                : Quote(name);
    tenure::HandleScope scope(rt_.heap());
    Handle interned = Handle::New(rt_.heap(), rt_.Intern(name));
    int64_t flags = 0;
    int64_t index = Runtime::FindOwn(object.value().As<JSObject>(), interned.value(), &flags);
    if (index >= 0 && (flags & kShapeAccessor)) {
      FixedArray* pair = Runtime::ReadSlot(object.value().As<JSObject>(), index).As<FixedArray>();
      bool get = pair->items()[0] != kUndefined, set = pair->items()[1] != kUndefined;
      return label + ": " + (get && set ? "[Getter/Setter]" : get ? "[Getter]" : "[Setter]");
    }
    Handle value = Handle::New(rt_.heap(), index >= 0 ? Runtime::ReadSlot(object.value().As<JSObject>(), index)
                                                     : kUndefined);
    return label + ": " + Format(value, recurse_times + 1);
  }

  // node groupArrayElements: columns of short entries for arrays of more than 6 items.
  std::vector<std::string> Group(const std::vector<std::string>& output, Handle value) {
    size_t total_length = 0, max_length = 0;
    size_t output_length = output.size();
    if (output_length > 0 && output.back().rfind("... ", 0) == 0) --output_length;
    const size_t separator_space = 2;
    std::vector<size_t> data_len(output_length);
    for (size_t i = 0; i < output_length; ++i) {
      data_len[i] = output[i].size();
      total_length += data_len[i] + separator_space;
      max_length = std::max(max_length, data_len[i]);
    }
    size_t actual_max = max_length + separator_space;
    if (actual_max * 3 + static_cast<size_t>(indentation_) < kBreakLength &&
        (static_cast<double>(total_length) / static_cast<double>(actual_max) > 5 || max_length <= 6)) {
      double average_bias = std::sqrt(static_cast<double>(actual_max) -
                                      static_cast<double>(total_length) / static_cast<double>(output.size()));
      double biased_max = std::max(static_cast<double>(actual_max) - 3 - average_bias, 1.0);
      size_t columns = std::min<size_t>(
          {static_cast<size_t>(std::round(std::sqrt(2.5 * biased_max * static_cast<double>(output_length)) / biased_max)),
           static_cast<size_t>((kBreakLength - indentation_) / static_cast<int>(actual_max)),
           static_cast<size_t>(compact_ * 4), 15});
      if (columns <= 1) return output;
      std::vector<size_t> max_line_length;
      for (size_t i = 0; i < columns; ++i) {
        size_t line_length = 0;
        for (size_t j = i; j < output_length; j += columns) line_length = std::max(line_length, data_len[j]);
        max_line_length.push_back(line_length + separator_space);
      }
      bool pad_start = true;  // numbers are right-aligned (typed arrays hold only numbers)
      int64_t len = IsKind(value.value(), Kind::kArray) ? Runtime::ArrayLength(value.value()) : 0;
      for (int64_t i = 0; i < len && i < static_cast<int64_t>(output.size()); ++i) {
        if (!IsNumber(rt_.ArrayGet(value.value().As<JSObject>(), i))) { pad_start = false; break; }
      }
      std::vector<std::string> grouped;
      for (size_t i = 0; i < output_length; i += columns) {
        size_t max = std::min(i + columns, output_length);
        std::string line;
        size_t j = i;
        for (; j < max - 1; ++j) {
          std::string cell = output[j] + ", ";
          size_t width = max_line_length[j - i];
          if (cell.size() < width) {
            if (pad_start) cell = std::string(width - cell.size(), ' ') + cell;
            else cell += std::string(width - cell.size(), ' ');
          }
          line += cell;
        }
        if (pad_start) {
          size_t width = max_line_length[j - i] - separator_space;
          std::string cell = output[j];
          if (cell.size() < width) cell = std::string(width - cell.size(), ' ') + cell;
          line += cell;
        } else {
          line += output[j];
        }
        grouped.push_back(line);
      }
      if (output_length < output.size()) grouped.push_back(output.back());
      return grouped;
    }
    return output;
  }

  std::string Reduce(std::vector<std::string> output, const std::string& open, const std::string& close,
                     bool is_array, Handle value, int recurse_times) {
    size_t entries = output.size();
    if (is_array && entries > 6 && compact_ >= 1) output = Group(output, value);
    if (current_depth_ - recurse_times < compact_ && entries == output.size()) {
      // node: start = output.length + indentationLvl + braces[0].length + base.length + 10, where
      // braces[0] is the whole opener ("Point {", "Map(2) {", "[").
      size_t start = output.size() + static_cast<size_t>(indentation_) + open.size() + 10;
      size_t total = output.size() + start;
      // node's isBelowBreakLength: a base with a newline (an error's stack) never shares its line.
      bool fits = total + output.size() <= kBreakLength && open.find('\n') == std::string::npos;
      for (const std::string& s : output) {
        total += s.size();
        if (total > kBreakLength) fits = false;
      }
      if (fits) {
        std::string joined;
        for (size_t i = 0; i < output.size(); ++i) {
          if (i) joined += ", ";
          joined += output[i];
        }
        if (joined.find('\n') == std::string::npos) return open + " " + joined + " " + close;
      }
    }
    std::string indentation = "\n" + std::string(static_cast<size_t>(indentation_), ' ');
    std::string out = open + indentation + "  ";
    for (size_t i = 0; i < output.size(); ++i) {
      if (i) out += "," + indentation + "  ";
      out += output[i];
    }
    return out + indentation + close;
  }

  // node's formatValue: an object whose [util.inspect.custom] (Symbol.for('nodejs.util.inspect.custom'),
  // own or inherited) is a function other than util.inspect — and which is not its constructor's
  // own prototype — is shown by what that function returns when called on it with (depth left or
  // null, node's user options, util.inspect): a string as it is, later lines indented to this
  // level; another value formatted in its place. False: show the object as usual (no function,
  // or the function returned the object itself), or `failed_` when it threw.
  bool FormatCustom(Handle v, int recurse_times, std::string* out) {
    tenure::Heap& heap = rt_.heap();
    tenure::HandleScope scope(heap);
    if (custom_key_.value() == kUndefined) custom_key_.Set(RegisteredSymbol(rt_, "nodejs.util.inspect.custom"));
    Handle fn = Handle::New(heap, rt_.GetProperty(v, custom_key_));
    if (fn.value().IsEmpty()) return Fail();
    if (!rt_.IsCallable(fn.value())) return false;
    Handle util = Handle::New(heap, LoadInternalBuiltin(rt_, "util"));
    if (util.value().IsEmpty()) return Fail();
    Handle inspect = Handle::New(heap, rt_.GetNamed(util, Handle::New(heap, rt_.Intern("inspect"))));
    if (inspect.value().IsEmpty()) return Fail();
    if (fn.value() == inspect.value()) return false;
    Handle ctor = Handle::New(heap, rt_.GetNamed(v, Handle::New(heap, rt_.Intern("constructor"))));
    if (ctor.value().IsEmpty()) return Fail();
    if (IsJSObject(ctor.value())) {
      Value proto = rt_.GetNamed(ctor, Handle::New(heap, rt_.Intern("prototype")));
      if (proto.IsEmpty()) return Fail();
      if (proto == v.value()) return false;
    }
    bool unlimited = depth_ >= kUnlimitedDepth;
    Handle depth = Handle::New(heap, unlimited ? kNull : Value::FromSmi(depth_ - recurse_times));
    Handle options = Handle::New(heap, UserOptions());
    if (options.value().IsEmpty()) return Fail();
    Value args[3] = {depth.value(), options.value(), inspect.value()};
    Handle result = Handle::New(heap, rt_.Call(fn, v, args, 3));
    if (result.value().IsEmpty()) return Fail();
    if (result.value() == v.value()) return false;
    if (!IsString(result.value())) {
      *out = Format(result, recurse_times);
      return !failed_;
    }
    std::string text = rt_.ToStdString(result.value());
    for (char c : text) {
      out->push_back(c);
      if (c == '\n') out->append(static_cast<size_t>(indentation_), ' ');
    }
    return true;
  }

  // node's getUserOptions: the options a custom inspect function receives, with a `stylize`
  // that returns its text unchanged (no colors). Empty with an exception pending on failure.
  Value UserOptions() {
    tenure::Heap& heap = rt_.heap();
    tenure::HandleScope scope(heap);
    Handle options = Handle::New(heap, rt_.NewPlainObject());
    auto set = [&](const char* name, Value value) {
      Handle h = Handle::New(heap, value);
      SetDataProperty(rt_, options, name, h.value());
    };
    Handle stylize = Handle::New(heap, rt_.NewNativeFunction("stylize", StylizeNoColor, 2));
    set("stylize", stylize.value());
    set("showHidden", kFalse);
    set("depth", depth_ >= kUnlimitedDepth ? kNull : Value::FromSmi(depth_));
    set("colors", kFalse);
    set("customInspect", kTrue);
    set("showProxy", kFalse);
    set("maxArrayLength", Value::FromSmi(max_array_length_));
    set("maxStringLength", Value::FromSmi(10000));
    set("breakLength", Value::FromSmi(kBreakLength));
    set("compact", compact_ == 0 ? kFalse : Value::FromSmi(compact_));
    set("sorted", sorted_ ? kTrue : kFalse);
    set("getters", kFalse);
    set("numericSeparator", kFalse);
    if (!user_options_.IsEmpty() && IsJSObject(user_options_.value())) {  // node: { ...defaults, ...userOptions }
      Handle keys = Handle::New(heap, rt_.OwnKeys(user_options_));
      for (int64_t i = 0; i < Runtime::ArrayLength(keys.value()); ++i) {
        Handle k = Handle::New(heap, rt_.ArrayGet(keys.value().As<JSObject>(), i));
        Handle value = Handle::New(heap, rt_.GetProperty(user_options_, k));
        if (value.value().IsEmpty()) return Value();
        rt_.DefineOwn(options, k, value);
      }
    }
    return options.value();
  }

  static Value StylizeNoColor(Runtime& rt, Handle self, Args args) {
    (void)self;
    return rt.ToString(args.at(0));
  }

  bool Fail() {
    if (!failed_) error_.Set(rt_.TakeException());
    failed_ = true;
    return false;
  }

  static constexpr int kUnlimitedDepth = INT_MAX / 4;

  Runtime& rt_;
  int depth_;
  int compact_;
  bool sorted_;
  bool custom_inspect_;
  int64_t max_array_length_;
  Handle user_options_;  // util.inspect's own options object (empty for console.log)
  int indentation_ = 0;
  int current_depth_ = 0;
  std::vector<Handle> seen_;
  int circular_index_ = 0;
  Handle circular_target_;  // the object a "[Circular *1]" points to (undefined: none yet)
  Handle error_;            // what a custom inspect function threw, rethrown by Finish
  Handle custom_key_;       // util.inspect.custom, looked up in the registry once (undefined: not yet)
  bool failed_ = false;
};

std::string Runtime::Inspect(Handle value, int depth) {
  InspectOptions options;
  options.depth = depth;
  return Inspect(value, options);
}

std::string Runtime::Inspect(Handle value, const InspectOptions& options) {
  tenure::HandleScope scope(*heap_);
  Inspector inspector(*this, options);
  std::string body = inspector.Format(value, 0);
  return inspector.Finish(value, body);
}

std::string Runtime::DisplayString(Handle value) {
  if (IsString(value.value())) return ToStdString(value.value());
  return Inspect(value);
}

// ---------------------------------------------------------------------------------------------
// Names (object_names.h)

Value FindConstructor(Runtime& rt, Value object, ConstructorSearch search) {
  Value key = rt.root(kRootConstructorKey);
  for (Value cur = object; IsJSObject(cur); cur = cur.As<JSObject>()->proto) {
    int64_t flags = 0;
    int64_t index = Runtime::FindOwn(cur.As<JSObject>(), key, &flags);
    if (index < 0) continue;
    Value ctor = (flags & kShapeAccessor) ? kUndefined : Runtime::ReadSlot(cur.As<JSObject>(), index);
    bool callable = rt.IsCallable(ctor);
    if (callable && (!search.require_instance || IsInstanceOf(rt, object, ctor))) return ctor;
    if (search.first_found_decides) return Value();
  }
  return Value();
}

std::string StackReceiverTypeName(Runtime& rt, Value receiver) {
  if (IsString(receiver)) return "String";
  if (IsNumber(receiver)) return "Number";
  if (receiver == kTrue || receiver == kFalse) return "Boolean";
  if (IsKind(receiver, Kind::kSymbol)) return "Symbol";
  if (!IsJSObject(receiver)) return "";
  if (IsKind(receiver, Kind::kFunction)) {
    int64_t id = receiver.As<JSObject>()->internal[1].ToSmi();
    if (id >= 0 && rt.functions()[id]->is_class_ctor && !rt.functions()[id]->name.empty()) {
      return rt.functions()[id]->name;
    }
  }
  Value tag_key = rt.root(kRootToStringTagSymbol);
  Value ctor_key = rt.root(kRootConstructorKey);
  for (Value cur = receiver; IsJSObject(cur); cur = cur.As<JSObject>()->proto) {
    JSObject* o = cur.As<JSObject>();
    int64_t flags = 0;
    int64_t index = Runtime::FindOwn(o, tag_key, &flags);
    if (index >= 0 && !(flags & kShapeAccessor) && IsString(Runtime::ReadSlot(o, index))) {
      return rt.ToStdString(Runtime::ReadSlot(o, index));
    }
    if (cur == receiver) continue;  // V8: B.prototype = new A() is named "A", not by its own constructor
    index = Runtime::FindOwn(o, ctor_key, &flags);
    if (index < 0 || (flags & kShapeAccessor)) continue;
    std::string name = rt.FunctionName(Runtime::ReadSlot(o, index));
    if (!name.empty() && name != "Object") return name;
  }
  if (IsKind(receiver, Kind::kArray)) return "Array";
  return IsKind(receiver, Kind::kFunction) ? "Function" : "Object";
}

namespace {

// Whether the own property of `shape` node `s` (data value or accessor pair) holds `fn`.
bool PropertyHolds(JSObject* o, const Shape* s, Value fn) {
  Value v = Runtime::ReadSlot(o, s->index.ToSmi());
  if (!(s->flags.ToSmi() & kShapeAccessor)) return v == fn;
  FixedArray* pair = v.As<FixedArray>();
  return pair->items()[0] == fn || pair->items()[1] == fn;
}

}  // namespace

std::string StackMethodName(Runtime& rt, Value receiver, Value fn, std::string_view fn_name) {
  Value start = receiver;
  if (IsString(receiver)) start = rt.root(kRootStringPrototype);
  else if (IsNumber(receiver)) start = rt.root(kRootNumberPrototype);
  else if (receiver == kTrue || receiver == kFalse) start = rt.root(kRootBooleanPrototype);
  else if (IsKind(receiver, Kind::kSymbol)) start = rt.root(kRootSymbolPrototype);
  std::string_view wanted = fn_name;
  if (wanted.starts_with("get ") || wanted.starts_with("set ")) wanted.remove_prefix(4);
  if (!wanted.empty()) {
    for (Value cur = start; IsJSObject(cur); cur = cur.As<JSObject>()->proto) {
      JSObject* o = cur.As<JSObject>();
      const Shape* s = nullptr;
      for (const Shape* node = o->shape.As<Shape>(); node->key != kUndefined; node = node->parent.As<Shape>()) {
        if (IsString(node->key) && node->key.As<String>()->view() == wanted) {
          s = node;
          break;
        }
      }
      if (s == nullptr) continue;
      if (PropertyHolds(o, s, fn)) return std::string(wanted);
      break;  // the first property of that name decides
    }
  }
  std::string found;
  for (Value cur = start; IsJSObject(cur); cur = cur.As<JSObject>()->proto) {
    JSObject* o = cur.As<JSObject>();
    for (const Shape* node = o->shape.As<Shape>(); node->key != kUndefined; node = node->parent.As<Shape>()) {
      if (!IsString(node->key) || (node->flags.ToSmi() & kShapeHidden) || !PropertyHolds(o, node, fn)) continue;
      std::string name = rt.ToStdString(node->key);
      if (!found.empty() && found != name) return "";
      found = name;
    }
  }
  return found;
}

std::string FunctionDebugName(Runtime& rt, Value fn) {
  if (!IsKind(fn, Kind::kFunction)) return "";
  int64_t flags = 0;
  int64_t index = Runtime::FindOwn(fn.As<JSObject>(), rt.root(kRootNameKey), &flags);
  if (index >= 0 && !(flags & kShapeAccessor) && IsString(Runtime::ReadSlot(fn.As<JSObject>(), index))) {
    return rt.ToStdString(Runtime::ReadSlot(fn.As<JSObject>(), index));
  }
  return rt.FunctionName(fn);
}

FunctionKind FunctionKindOf(Runtime& rt, Value v) {
  if (!rt.IsCallable(v)) return FunctionKind::kNotCallable;
  int64_t id = v.As<JSObject>()->internal[1].ToSmi();
  if (id < 0) return FunctionKind::kNative;
  const auto& info = *rt.functions()[id];
  if (info.is_async) return info.is_generator ? FunctionKind::kAsyncGenerator : FunctionKind::kAsync;
  return info.is_generator ? FunctionKind::kGenerator : FunctionKind::kNormal;
}

const char* FunctionKindTypeName(FunctionKind kind) {
  switch (kind) {
    case FunctionKind::kNotCallable: return "";
    case FunctionKind::kNative:
    case FunctionKind::kNormal: return "Function";
    case FunctionKind::kAsync: return "AsyncFunction";
    case FunctionKind::kGenerator: return "GeneratorFunction";
    case FunctionKind::kAsyncGenerator: return "AsyncGeneratorFunction";
  }
  return "";
}

std::string NonCallableText(Runtime& rt, Handle value) {
  constexpr uint32_t kMaxPrintedUnits = 100;  // V8's kMaxPrintedStringLength
  Value v = value.value();
  std::string text = rt.ToStdString(rt.TypeOf(v));
  v = value.value();  // TypeOf interns
  if (IsString(v)) {
    std::string_view bytes = v.As<String>()->view();
    if (CountUnits(bytes) <= kMaxPrintedUnits) return text + " \"" + std::string(bytes) + "\"";
    return text + " \"" + ToWtf8(ToUtf16(bytes).substr(0, kMaxPrintedUnits)) + "<...>\"";
  }
  if (v == kNull) return text + " null";
  if (v == kTrue) return text + " true";
  if (v == kFalse) return text + " false";
  if (IsNumber(v)) return text + " " + Runtime::NumberToString(NumberValue(v));
  return text;
}

}  // namespace tenure::js
