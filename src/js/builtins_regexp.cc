// RegExp constructor and prototype, and String.prototype.match/matchAll/search/replace/split with
// a RegExp (ECMA-262 §22.2.4-§22.2.6, §22.1.3). Layout and invariants: builtins_regexp.h.
//
// Simplifications (documented in docs/runtime.md): no Symbol.match/replace/split/search protocol
// (the String methods test for a RegExp directly), no species constructor, matchAll collects its
// matches eagerly, `exec` is not looked up dynamically by replace/split/match.
#include "builtins_regexp.h"

#include <cmath>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "builtins.h"
#include "regexp.h"
#include "string_utf16.h"

namespace tenure::js {

namespace {

using regexp::Flags;
using regexp::MatchStatus;
using regexp::Program;

// Compiled programs by (flag bits, source): regexp literals create a RegExp object per
// evaluation, and a loop would otherwise re-parse its pattern every iteration. Bounded: cleared
// when it reaches kMaxCachedPrograms. Programs are immutable, so the cache is shared by runtimes.
constexpr size_t kMaxCachedPrograms = 1024;

std::shared_ptr<const Program> CompileCached(const std::string& source, int bits, std::string* error) {
  static std::mutex mu;
  static auto* cache = new std::unordered_map<std::string, std::shared_ptr<const Program>>();
  std::string key = std::string(1, static_cast<char>('0' + bits)) + source;
  {
    std::lock_guard<std::mutex> lock(mu);
    auto it = cache->find(key);
    if (it != cache->end()) return it->second;
  }
  auto program = regexp::Compile(ToUtf16(source), regexp::FlagsFromBits(bits), error);
  if (!program) return nullptr;
  std::lock_guard<std::mutex> lock(mu);
  if (cache->size() >= kMaxCachedPrograms) cache->clear();
  (*cache)[key] = program;
  return program;
}

// The subject string in code units: its bytes when ASCII (byte index == unit index), else UTF-16.
struct Subject {
  explicit Subject(std::string text) : bytes(std::move(text)), ascii(IsAsciiBytes(bytes)) {
    if (!ascii) units = ToUtf16(bytes);
  }
  size_t length() const { return ascii ? bytes.size() : units.size(); }
  uint32_t At(size_t i) const { return ascii ? static_cast<unsigned char>(bytes[i]) : units[i]; }
  MatchStatus Exec(const Program& p, const regexp::MatchOptions& o, std::vector<int>* caps) const {
    return ascii ? regexp::Exec(p, std::string_view(bytes), o, caps) : regexp::Exec(p, std::u16string_view(units), o, caps);
  }
  std::u16string Units(size_t from, size_t to) const {
    if (!ascii) return units.substr(from, to - from);
    return std::u16string(bytes.begin() + from, bytes.begin() + to);
  }
  Value Substring(Runtime& rt, size_t from, size_t to) const {
    if (ascii) return rt.NewString(std::string_view(bytes).substr(from, to - from));
    return rt.NewString(ToWtf8(std::u16string_view(units).substr(from, to - from)));
  }
  std::string bytes;
  bool ascii;
  std::u16string units;
};

JSObject* Obj(Value v) { return v.As<JSObject>(); }
int FlagBits(Value re) { return static_cast<int>(Obj(re)->internal[1].ToSmi()); }
Flags FlagsOf(Value re) { return regexp::FlagsFromBits(FlagBits(re)); }

// AdvanceStringIndex (§22.2.7.3): past a surrogate pair under the u flag.
size_t AdvanceIndex(const Subject& s, size_t i, bool unicode) {
  if (unicode && i + 1 < s.length() && s.At(i) >= 0xD800 && s.At(i) <= 0xDBFF && s.At(i + 1) >= 0xDC00 &&
      s.At(i + 1) <= 0xDFFF) {
    return i + 2;
  }
  return i + 1;
}

std::shared_ptr<const Program> ProgramOf(Runtime& rt, Value re) {
  std::string error;
  auto program = CompileCached(rt.ToStdString(Obj(re)->internal[0]), FlagBits(re), &error);
  if (!program) rt.ThrowError(ErrorType::kSyntaxError, error);  // cannot happen: checked at creation
  return program;
}

// Runs the engine; kLimitExceeded becomes a RangeError. Returns 1 match, 0 none, -1 thrown.
int RunEngine(Runtime& rt, const Program& program, const Subject& s, size_t start, bool anchored,
              std::vector<int>* caps) {
  regexp::MatchOptions options;
  options.start = start;
  options.anchored = anchored;
  MatchStatus status = s.Exec(program, options, caps);
  if (status == MatchStatus::kLimitExceeded) {
    rt.ThrowError(ErrorType::kRangeError, "Regular expression backtracking limit exceeded");
    return -1;
  }
  return status == MatchStatus::kMatch ? 1 : 0;
}

Value LastIndexKey(Runtime& rt) { return rt.Intern("lastIndex"); }

bool GetLastIndex(Runtime& rt, Handle re, double* out) {
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), LastIndexKey(rt));
  Value v = rt.GetNamed(re, key);
  if (v.IsEmpty()) return false;
  Handle h = Handle::New(rt.heap(), v);
  if (!rt.ToNumber(h, out)) return false;
  *out = std::isnan(*out) || *out < 0 ? 0 : std::trunc(*out);  // ToLength
  return true;
}

bool SetLastIndex(Runtime& rt, Handle re, double value) {
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), LastIndexKey(rt));
  Handle v = Handle::New(rt.heap(), rt.NewNumber(value));
  return rt.SetNamed(re, key, v);
}

// RegExpBuiltinExec's matching and lastIndex rules (§22.2.7.2). Returns 1, 0 or -1 (thrown).
int BuiltinMatch(Runtime& rt, Handle re, const Subject& s, std::vector<int>* caps) {
  Flags flags = FlagsOf(re.value());
  double last_index = 0;
  bool uses_last_index = flags.global || flags.sticky;
  if (uses_last_index && !GetLastIndex(rt, re, &last_index)) return -1;
  auto program = ProgramOf(rt, re.value());
  if (!program) return -1;
  int found = 0;
  if (last_index <= static_cast<double>(s.length())) {
    found = RunEngine(rt, *program, s, static_cast<size_t>(last_index), flags.sticky, caps);
    if (found < 0) return -1;
  }
  if (uses_last_index && !SetLastIndex(rt, re, found == 1 ? (*caps)[1] : 0)) return -1;
  return found;
}

// The `indices` array of the d flag (MakeMatchIndicesIndexPairArray, §22.2.7.8): a [start, end]
// pair in code units per capture (undefined when it did not participate) and `groups` mapping
// each group name to its pair (undefined without named groups).
Value MatchIndices(Runtime& rt, const Program& program, const std::vector<int>& caps) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle indices = Handle::New(heap, rt.NewArray(program.capture_count));
  Handle pair = Handle::New(heap, kUndefined);
  Handle bound = Handle::New(heap, kUndefined);
  auto pair_of = [&](int g) {
    if (caps[2 * g] < 0) return pair.Set(kUndefined);
    pair.Set(rt.NewArray(2));
    bound.Set(Value::FromSmi(caps[2 * g]));
    rt.ArrayPush(pair, bound);
    bound.Set(Value::FromSmi(caps[2 * g + 1]));
    rt.ArrayPush(pair, bound);
  };
  for (int i = 0; i < program.capture_count; ++i) {
    pair_of(i);
    rt.ArrayPush(indices, pair);
  }
  Handle groups = Handle::New(heap, kUndefined);
  Handle key = Handle::New(heap, kUndefined);
  if (!program.group_names.empty()) {
    Handle null_proto = Handle::New(heap, kNull);
    groups.Set(rt.NewObject(null_proto));
    for (const auto& [name, g] : program.group_names) {
      pair_of(g);
      key.Set(rt.Intern(name));
      rt.DefineOwn(groups, key, pair);
    }
  }
  key.Set(rt.Intern("groups"));
  rt.DefineOwn(indices, key, groups);
  return indices.value();
}

// The match array of §22.2.7.2 steps 20-34: captures, index, input, groups.
Value MatchArray(Runtime& rt, const Program& program, const Subject& s, Handle input, const std::vector<int>& caps) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle array = Handle::New(heap, rt.NewArray(program.capture_count));
  Handle item = Handle::New(heap, kUndefined);
  for (int i = 0; i < program.capture_count; ++i) {
    item.Set(caps[2 * i] < 0 ? kUndefined : s.Substring(rt, caps[2 * i], caps[2 * i + 1]));
    rt.ArrayPush(array, item);
  }
  Handle key = Handle::New(heap, rt.Intern("index"));
  item.Set(Value::FromSmi(caps[0]));
  rt.DefineOwn(array, key, item);
  key.Set(rt.Intern("input"));
  rt.DefineOwn(array, key, input);
  Handle groups = Handle::New(heap, kUndefined);
  if (!program.group_names.empty()) {
    Handle null_proto = Handle::New(heap, kNull);
    groups.Set(rt.NewObject(null_proto));
    for (const auto& [name, g] : program.group_names) {
      key.Set(rt.Intern(name));
      item.Set(caps[2 * g] < 0 ? kUndefined : s.Substring(rt, caps[2 * g], caps[2 * g + 1]));
      rt.DefineOwn(groups, key, item);
    }
  }
  key.Set(rt.Intern("groups"));
  rt.DefineOwn(array, key, groups);
  if (program.flags.has_indices) {
    item.Set(MatchIndices(rt, program, caps));
    key.Set(rt.Intern("indices"));
    rt.DefineOwn(array, key, item);
  }
  return array.value();
}

Value NewRegExpObject(Runtime& rt, Handle source, int bits, Handle proto) {
  tenure::HandleScope scope(rt.heap());
  Handle re = Handle::New(rt.heap(), rt.NewObjectWithInternals(proto));
  JSObject* o = Obj(re.value());
  tenure::Store(o, &o->internal[0], source.value());
  o->internal[1] = Value::FromSmi(bits);
  tenure::Store(o, &o->internal[2], rt.root(kRootRegExpPrototype));
  SetHiddenProperty(rt, re, "lastIndex", Value::FromSmi(0));
  return re.value();
}

// Creates a RegExp from pattern/flags values (RegExpInitialize, §22.2.3.3). Empty on throw.
Value CreateRegExp(Runtime& rt, Handle pattern, Handle flags, Handle proto) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle source = Handle::New(heap, rt.root(kRootEmptyString));
  Handle flags_text = Handle::New(heap, rt.root(kRootEmptyString));
  if (pattern.value() != kUndefined) {
    source.Set(rt.ToString(pattern));
    if (source.value().IsEmpty()) return Value();
  }
  if (flags.value() != kUndefined) {
    flags_text.Set(rt.ToString(flags));
    if (flags_text.value().IsEmpty()) return Value();
  }
  std::string flags_str = rt.ToStdString(flags_text.value());
  Flags parsed;
  if (!regexp::ParseFlags(ToUtf16(flags_str), &parsed)) {
    return rt.ThrowError(ErrorType::kSyntaxError, "Invalid flags supplied to RegExp constructor '" + flags_str + "'");
  }
  std::string error;
  int bits = regexp::FlagsToBits(parsed);
  if (!CompileCached(rt.ToStdString(source.value()), bits, &error)) return rt.ThrowError(ErrorType::kSyntaxError, error);
  return NewRegExpObject(rt, source, bits, proto);
}

TENURE_NATIVE(RegExpConstructor) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle pattern = args.at(0);
  Handle flags = args.at(1);
  bool pattern_is_regexp = IsRegExp(rt, pattern.value());
  // RegExp(re) without new and flags returns `re` itself (§22.2.4.1 step 4, for a plain RegExp).
  if (pattern_is_regexp && flags.value() == kUndefined && !rt.IsCallable(rt.current_new_target())) {
    return pattern.value();
  }
  Handle proto = Handle::New(heap, rt.root(kRootRegExpPrototype));
  if (rt.IsCallable(rt.current_new_target())) {
    Handle nt = Handle::New(heap, rt.current_new_target());
    Handle pkey = Handle::New(heap, rt.root(kRootPrototypeKey));
    Value p = rt.GetNamed(nt, pkey);
    if (p.IsEmpty()) return Value();
    if (IsJSObject(p)) proto.Set(p);
  }
  if (pattern_is_regexp) {
    Handle source = Handle::New(heap, Obj(pattern.value())->internal[0]);
    if (flags.value() == kUndefined) {
      flags.Set(rt.NewString(regexp::FlagsString(FlagsOf(pattern.value()))));
    }
    return CreateRegExp(rt, source, flags, proto);
  }
  return CreateRegExp(rt, pattern, flags, proto);
}

// `this` as a RegExp or a TypeError naming the method.
bool CheckRegExp(Runtime& rt, Handle self, const char* method) {
  if (IsRegExp(rt, self.value())) return true;
  rt.ThrowTypeError(std::string("Method RegExp.prototype.") + method + " called on incompatible receiver " +
                    rt.Inspect(self));
  return false;
}

bool ArgSubject(Runtime& rt, Args args, int i, Handle* string_out, std::string* text) {
  Value s = ArgString(rt, args, i);
  if (s.IsEmpty()) return false;
  string_out->Set(s);
  *text = rt.ToStdString(s);
  return true;
}

TENURE_NATIVE(RegExpExec) {
  if (!CheckRegExp(rt, self, "exec")) return Value();
  tenure::HandleScope scope(rt.heap());
  Handle input = Handle::New(rt.heap(), kUndefined);
  std::string text;
  if (!ArgSubject(rt, args, 0, &input, &text)) return Value();
  Subject s(std::move(text));
  std::vector<int> caps;
  int found = BuiltinMatch(rt, self, s, &caps);
  if (found <= 0) return found < 0 ? Value() : kNull;
  auto program = ProgramOf(rt, self.value());
  return MatchArray(rt, *program, s, input, caps);
}

TENURE_NATIVE(RegExpTest) {
  if (!CheckRegExp(rt, self, "test")) return Value();
  tenure::HandleScope scope(rt.heap());
  Handle input = Handle::New(rt.heap(), kUndefined);
  std::string text;
  if (!ArgSubject(rt, args, 0, &input, &text)) return Value();
  Subject s(std::move(text));
  std::vector<int> caps;
  int found = BuiltinMatch(rt, self, s, &caps);
  if (found < 0) return Value();
  return FromBool(found == 1);
}

TENURE_NATIVE(RegExpToStringNative) {
  if (!CheckRegExp(rt, self, "toString")) return Value();
  return rt.NewString(RegExpToString(rt, self.value()));
}

// Getters: on RegExp.prototype itself `source` is "(?:)" and the flags are undefined (§22.2.6).
TENURE_NATIVE(RegExpSource) {
  if (self.value() == rt.root(kRootRegExpPrototype)) return rt.NewString("(?:)");
  if (!CheckRegExp(rt, self, "source")) return Value();
  return rt.NewString(ToWtf8(regexp::EscapePattern(ToUtf16(rt.ToStdString(Obj(self.value())->internal[0])))));
}
TENURE_NATIVE(RegExpFlags) {
  if (self.value() == rt.root(kRootRegExpPrototype)) return rt.NewString("");
  if (!CheckRegExp(rt, self, "flags")) return Value();
  return rt.NewString(regexp::FlagsString(FlagsOf(self.value())));
}
template <int kBit>
Value FlagGetter(Runtime& rt, Handle self, Args) {
  if (self.value() == rt.root(kRootRegExpPrototype)) return kUndefined;
  if (!IsRegExp(rt, self.value())) return rt.ThrowTypeError("RegExp flag getter called on incompatible receiver " + rt.Inspect(self));
  return FromBool((FlagBits(self.value()) & kBit) != 0);
}

// `this` of a String.prototype method as text (TypeError for null/undefined).
bool ThisText(Runtime& rt, Handle self, const char* method, Handle* string_out, std::string* text) {
  if (IsNullish(self.value())) {
    rt.ThrowTypeError(std::string("String.prototype.") + method + " called on null or undefined");
    return false;
  }
  Value s = rt.ToString(self);
  if (s.IsEmpty()) return false;
  string_out->Set(s);
  *text = rt.ToStdString(s);
  return true;
}

// Argument 0 of match/matchAll/search as a RegExp: itself, or a new RegExp(arg, flags).
Value ToRegExpArg(Runtime& rt, Args args, const char* flags) {
  if (IsRegExp(rt, args.get(0))) return args.get(0);
  tenure::HandleScope scope(rt.heap());
  Handle f = Handle::New(rt.heap(), rt.NewString(flags));
  Handle proto = Handle::New(rt.heap(), rt.root(kRootRegExpPrototype));
  return CreateRegExp(rt, args.at(0), f, proto);
}

// Every match of `re` from `start`, advancing past empty matches (the loop of §22.2.6.8 and
// §22.2.6.11 for a global RegExp). `each` receives the captures; returns false on a throw.
template <typename F>
bool ForEachMatch(Runtime& rt, const Program& program, const Subject& s, size_t start, F each) {
  std::vector<int> caps;
  size_t pos = start;
  while (pos <= s.length()) {
    int found = RunEngine(rt, program, s, pos, program.flags.sticky, &caps);
    if (found < 0) return false;
    if (found == 0) break;
    if (!each(caps)) return false;
    pos = caps[1] == caps[0] ? AdvanceIndex(s, caps[1], program.flags.unicode) : static_cast<size_t>(caps[1]);
  }
  return true;
}

// The common start of String.prototype.match / matchAll / search (§22.1.3.13, .14, .22):
// `this` as text (ToString, after RequireObjectCoercible), argument 0 as a RegExp (itself, or
// `new RegExp(arg, flags)`), the subject's code units and the compiled program. The handles live
// in the caller's HandleScope. False: an exception is pending.
struct StringRegExpCall {
  Handle input;  // ToString(this)
  Handle re;
  std::optional<Subject> subject;
  std::shared_ptr<const Program> program;
};
bool BeginStringRegExpCall(Runtime& rt, Handle self, Args args, const char* method, const char* flags,
                           StringRegExpCall* call) {
  tenure::Heap& heap = rt.heap();
  call->input = Handle::New(heap, kUndefined);
  call->re = Handle::New(heap, kUndefined);
  std::string text;
  if (!ThisText(rt, self, method, &call->input, &text)) return false;
  call->re.Set(ToRegExpArg(rt, args, flags));
  if (call->re.value().IsEmpty()) return false;
  call->subject.emplace(std::move(text));
  call->program = ProgramOf(rt, call->re.value());
  return call->program != nullptr;
}

TENURE_NATIVE(StringMatch) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  StringRegExpCall call;
  if (!BeginStringRegExpCall(rt, self, args, "match", "", &call)) return Value();
  const Subject& s = *call.subject;
  const Program& program = *call.program;
  if (!program.flags.global) {
    std::vector<int> caps;
    int found = BuiltinMatch(rt, call.re, s, &caps);
    if (found <= 0) return found < 0 ? Value() : kNull;
    return MatchArray(rt, program, s, call.input, caps);
  }
  Handle out = Handle::New(heap, rt.NewArray());
  Handle item = Handle::New(heap, kUndefined);
  bool ok = ForEachMatch(rt, program, s, 0, [&](const std::vector<int>& caps) {
    item.Set(s.Substring(rt, caps[0], caps[1]));
    return rt.ArrayPush(out, item);
  });
  if (!ok || !SetLastIndex(rt, call.re, 0)) return Value();
  return Runtime::ArrayLength(out.value()) == 0 ? kNull : out.value();
}

// ToString(Get(re, "flags")) (§22.2.6.4 through the property, so an own or inherited getter is
// observed). Empty when it threw; TypeError for null/undefined as String.prototype.matchAll's
// RequireObjectCoercible with V8's text.
Value FlagsProperty(Runtime& rt, Handle re) {
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), rt.Intern("flags"));
  Handle flags = Handle::New(rt.heap(), rt.GetNamed(re, key));
  if (flags.value().IsEmpty()) return Value();
  if (IsNullish(flags.value())) {
    return rt.ThrowTypeError("The .flags property of the argument to String.prototype.matchAll cannot be null or undefined");
  }
  return rt.ToString(flags);
}

// String.prototype.matchAll (§22.1.3.14) and RegExp.prototype[@@matchAll] (§22.2.6.9) in their
// observable order for a RegExp argument: Get(flags) and the "g" check, ToString(this),
// Get(flags) again, the matcher built from those flags, ToLength(Get(lastIndex)). The matches
// are collected eagerly; the iterator walks them.
TENURE_NATIVE(StringMatchAll) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  bool regexp_arg = IsRegExp(rt, args.get(0));
  if (regexp_arg) {
    if (IsNullish(self.value())) return rt.ThrowTypeError("String.prototype.matchAll called on null or undefined");
    Value flags = FlagsProperty(rt, args.at(0));
    if (flags.IsEmpty()) return Value();
    if (rt.ToStdString(flags).find('g') == std::string::npos) {
      return rt.ThrowTypeError("String.prototype.matchAll called with a non-global RegExp argument");
    }
  }
  StringRegExpCall call;
  if (!BeginStringRegExpCall(rt, self, args, "matchAll", "g", &call)) return Value();
  double start = 0;
  if (regexp_arg) {
    Handle flags = Handle::New(heap, FlagsProperty(rt, call.re));
    if (flags.value().IsEmpty()) return Value();
    Handle source = Handle::New(heap, Obj(call.re.value())->internal[0]);
    Handle proto = Handle::New(heap, rt.root(kRootRegExpPrototype));
    Handle matcher = Handle::New(heap, CreateRegExp(rt, source, flags, proto));
    if (matcher.value().IsEmpty() || !GetLastIndex(rt, call.re, &start)) return Value();
    call.re.Set(matcher.value());
    call.program = ProgramOf(rt, matcher.value());
    if (!call.program) return Value();
  }
  const Subject& s = *call.subject;
  const Program& program = *call.program;
  if (!program.flags.global && !program.flags.sticky) start = 0;  // RegExpBuiltinExec ignores lastIndex
  Handle matches = Handle::New(heap, rt.NewArray());
  Handle item = Handle::New(heap, kUndefined);
  if (start <= static_cast<double>(s.length())) {
    auto collect = [&](const std::vector<int>& caps) {
      item.Set(MatchArray(rt, program, s, call.input, caps));
      return rt.ArrayPush(matches, item);
    };
    if (program.flags.global) {
      if (!ForEachMatch(rt, program, s, static_cast<size_t>(start), collect)) return Value();
    } else {
      std::vector<int> caps;  // a matcher without g: %RegExpStringIteratorPrototype% yields once
      int found = RunEngine(rt, program, s, static_cast<size_t>(start), program.flags.sticky, &caps);
      if (found < 0 || (found == 1 && !collect(caps))) return Value();
    }
  }
  Handle record = Handle::New(heap, kUndefined);
  if (!rt.ForOfPrepare(record.slot(), matches)) return Value();
  return NewNativeIterator(rt, record);
}

TENURE_NATIVE(StringSearch) {
  tenure::HandleScope scope(rt.heap());
  StringRegExpCall call;
  if (!BeginStringRegExpCall(rt, self, args, "search", "", &call)) return Value();
  std::vector<int> caps;  // lastIndex is neither read nor changed (§22.2.6.12 restores it)
  int found = RunEngine(rt, *call.program, *call.subject, 0, call.program->flags.sticky, &caps);
  if (found < 0) return Value();
  return Value::FromSmi(found == 1 ? caps[0] : -1);
}

// GetSubstitution (§22.1.3.19.1): $$, $&, $`, $', $n, $nn, $<name>.
void AppendSubstitution(const std::u16string& tpl, const Subject& s, const Program& program,
                        const std::vector<int>& caps, std::u16string* out) {
  auto group = [&](int g) {
    if (caps[2 * g] >= 0) *out += s.Units(caps[2 * g], caps[2 * g + 1]);
  };
  int m = program.capture_count - 1;
  for (size_t i = 0; i < tpl.size(); ++i) {
    char16_t c = tpl[i];
    if (c != '$' || i + 1 >= tpl.size()) { *out += c; continue; }
    char16_t n = tpl[i + 1];
    if (n == '$') { *out += u'$'; ++i; continue; }
    if (n == '&') { group(0); ++i; continue; }
    if (n == '`') { *out += s.Units(0, caps[0]); ++i; continue; }
    if (n == '\'') { *out += s.Units(caps[1], s.length()); ++i; continue; }
    if (n >= '0' && n <= '9') {
      int one = n - '0';
      if (i + 2 < tpl.size() && tpl[i + 2] >= '0' && tpl[i + 2] <= '9') {
        int two = one * 10 + (tpl[i + 2] - '0');
        if (two >= 1 && two <= m) { group(two); i += 2; continue; }
      }
      if (one >= 1 && one <= m) { group(one); ++i; continue; }
      *out += c;
      continue;
    }
    if (n == '<' && !program.group_names.empty()) {
      size_t close = tpl.find(u'>', i + 2);
      if (close != std::u16string::npos) {
        std::string name = ToWtf8(std::u16string_view(tpl).substr(i + 2, close - i - 2));
        for (const auto& [gname, g] : program.group_names) if (gname == name) group(g);
        i = close;
        continue;
      }
    }
    *out += c;
  }
}

// Calls a replacer function with (match, p1..pn, position, string[, groups]); appends its result.
bool AppendReplacerResult(Runtime& rt, Handle fn, const Subject& s, const Program& program, Handle input,
                          const std::vector<int>& caps, std::u16string* out) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle arr = Handle::New(heap, MatchArray(rt, program, s, input, caps));  // holds every piece
  Handle groups_key = Handle::New(heap, rt.Intern("groups"));
  Handle groups = Handle::New(heap, rt.GetNamed(arr, groups_key));
  Handle undefined = Handle::New(heap, kUndefined);
  std::vector<Value> argv;  // read from rooted handles just before the call: nothing allocates between
  for (int i = 0; i < program.capture_count; ++i) argv.push_back(rt.ArrayGet(Obj(arr.value()), i));
  argv.push_back(Value::FromSmi(caps[0]));
  argv.push_back(input.value());
  if (!program.group_names.empty()) argv.push_back(groups.value());
  Value r = rt.Call(fn, undefined, argv.data(), static_cast<int>(argv.size()));
  if (r.IsEmpty()) return false;
  Handle rh = Handle::New(heap, r);
  Value rs = rt.ToString(rh);
  if (rs.IsEmpty()) return false;
  *out += ToUtf16(rt.ToStdString(rs));
  return true;
}

Value RegExpReplace(Runtime& rt, Handle input, std::string text, Handle re, Handle replace_value, bool all) {
  tenure::Heap& heap = rt.heap();
  Flags flags = FlagsOf(re.value());
  if (all && !flags.global) return rt.ThrowTypeError("String.prototype.replaceAll called with a non-global RegExp argument");
  bool functional = rt.IsCallable(replace_value.value());
  std::u16string tpl;
  if (!functional) {
    Value t = rt.ToString(replace_value);
    if (t.IsEmpty()) return Value();
    tpl = ToUtf16(rt.ToStdString(t));
  }
  Subject s(std::move(text));
  auto program = ProgramOf(rt, re.value());
  if (!program) return Value();
  std::vector<std::vector<int>> results;
  if (flags.global) {
    if (!SetLastIndex(rt, re, 0)) return Value();
    bool ok = ForEachMatch(rt, *program, s, 0, [&](const std::vector<int>& caps) {
      results.push_back(caps);
      return true;
    });
    if (!ok) return Value();
  } else {
    std::vector<int> caps;
    int found = BuiltinMatch(rt, re, s, &caps);
    if (found < 0) return Value();
    if (found == 1) results.push_back(caps);
  }
  std::u16string out;
  size_t next = 0;
  tenure::HandleScope scope(heap);
  for (const std::vector<int>& caps : results) {
    out += s.Units(next, caps[0]);
    if (functional) {
      if (!AppendReplacerResult(rt, replace_value, s, *program, input, caps, &out)) return Value();
    } else {
      AppendSubstitution(tpl, s, *program, caps, &out);
    }
    next = caps[1];
  }
  out += s.Units(next, s.length());
  return rt.NewString(ToWtf8(out));
}

// RegExp.prototype[@@split] (§22.2.6.14) with the engine searching forward instead of a sticky
// species copy trying each position (same result: the first position where a match exists).
Value RegExpSplit(Runtime& rt, std::string text, Handle re, Handle limit_value) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  uint32_t limit = 0xFFFFFFFFu;
  if (limit_value.value() != kUndefined) {
    double d;
    if (!rt.ToNumber(limit_value, &d)) return Value();
    limit = std::isfinite(d) ? static_cast<uint32_t>(static_cast<int64_t>(std::fmod(std::trunc(d), 4294967296.0))) : 0;
  }
  Subject s(std::move(text));
  auto program = ProgramOf(rt, re.value());
  if (!program) return Value();
  Handle out = Handle::New(heap, rt.NewArray());
  Handle item = Handle::New(heap, kUndefined);
  if (limit == 0) return out.value();
  std::vector<int> caps;
  if (s.length() == 0) {
    int found = RunEngine(rt, *program, s, 0, true, &caps);
    if (found < 0) return Value();
    if (found == 0) {
      item.Set(s.Substring(rt, 0, 0));
      rt.ArrayPush(out, item);
    }
    return out.value();
  }
  size_t p = 0, q = 0;
  while (q < s.length()) {
    int found = RunEngine(rt, *program, s, q, false, &caps);
    if (found < 0) return Value();
    if (found == 0 || static_cast<size_t>(caps[0]) >= s.length()) break;
    size_t e = std::min<size_t>(caps[1], s.length());
    if (e == p) {
      q = AdvanceIndex(s, caps[0], program->flags.unicode);
      continue;
    }
    item.Set(s.Substring(rt, p, caps[0]));
    rt.ArrayPush(out, item);
    if (Runtime::ArrayLength(out.value()) == limit) return out.value();
    p = e;
    for (int g = 1; g < program->capture_count; ++g) {
      item.Set(caps[2 * g] < 0 ? kUndefined : s.Substring(rt, caps[2 * g], caps[2 * g + 1]));
      rt.ArrayPush(out, item);
      if (Runtime::ArrayLength(out.value()) == limit) return out.value();
    }
    q = p;
  }
  item.Set(s.Substring(rt, p, s.length()));
  rt.ArrayPush(out, item);
  return out.value();
}

}  // namespace

bool IsRegExp(Runtime& rt, Value v) {
  if (!IsKind(v, Kind::kObject) || !HasInternalFields(Obj(v))) return false;
  return Obj(v)->internal[2] == rt.root(kRootRegExpPrototype);
}

std::string RegExpToString(Runtime& rt, Value re) {
  std::u16string source = regexp::EscapePattern(ToUtf16(rt.ToStdString(Obj(re)->internal[0])));
  return "/" + ToWtf8(source) + "/" + regexp::FlagsString(FlagsOf(re));
}

bool RegExpStringMethod(Runtime& rt, RegExpStringOp op, Handle self, Args args, Value* result) {
  if (!IsRegExp(rt, args.get(0))) return false;
  tenure::HandleScope scope(rt.heap());
  Handle input = Handle::New(rt.heap(), kUndefined);
  std::string text;
  const char* method = op == RegExpStringOp::kSplit ? "split" : op == RegExpStringOp::kReplace ? "replace" : "replaceAll";
  if (!ThisText(rt, self, method, &input, &text)) {
    *result = Value();
    return true;
  }
  Handle re = args.at(0);
  if (op == RegExpStringOp::kSplit) {
    *result = RegExpSplit(rt, std::move(text), re, args.at(1));
  } else {
    *result = RegExpReplace(rt, input, std::move(text), re, args.at(1), op == RegExpStringOp::kReplaceAll);
  }
  return true;
}

void InstallRegExpBuiltins(Runtime& rt, Handle global) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle object_proto = Handle::New(heap, rt.root(kRootObjectPrototype));
  rt.set_root(kRootRegExpPrototype, rt.NewObject(object_proto));
  Handle proto = Handle::New(heap, rt.root(kRootRegExpPrototype));
  rt.set_root(kRootRegExpConstructor, InstallConstructor(rt, global, "RegExp", RegExpConstructor, 2, proto));
  rt.DefineNative(proto, "exec", RegExpExec, 1);
  rt.DefineNative(proto, "test", RegExpTest, 1);
  rt.DefineNative(proto, "toString", RegExpToStringNative, 0);
  struct { const char* name; NativeFn fn; } getters[] = {
      {"source", RegExpSource}, {"flags", RegExpFlags}, {"hasIndices", FlagGetter<1>},
      {"global", FlagGetter<2>}, {"ignoreCase", FlagGetter<4>}, {"multiline", FlagGetter<8>},
      {"dotAll", FlagGetter<16>}, {"unicode", FlagGetter<32>}, {"sticky", FlagGetter<64>}};
  Handle none = Handle::New(heap, kUndefined);
  for (const auto& g : getters) {
    Handle key = Handle::New(heap, rt.Intern(g.name));
    Handle getter = Handle::New(heap, rt.NewNativeFunction(std::string("get ") + g.name, g.fn, 0));
    rt.DefineAccessor(proto, key, getter, none, false);
  }
  Handle sproto = Handle::New(heap, rt.root(kRootStringPrototype));
  rt.DefineNative(sproto, "match", StringMatch, 1);
  rt.DefineNative(sproto, "matchAll", StringMatchAll, 1);
  rt.DefineNative(sproto, "search", StringSearch, 1);
}

}  // namespace tenure::js
