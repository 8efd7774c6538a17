// Pattern parser and bytecode compiler of the regexp engine (regexp.h).
//
// Grammar: ECMA-262 §22.2.1 (Patterns) with the Annex B.1.2 web-compatibility extensions that V8
// applies without the u flag: a `{` that does not start a quantifier, `]` and `}` are literal
// characters; `\8`, `\9` and unknown escapes are identity escapes; `\N` larger than the number of
// groups is a legacy octal escape; lookaheads may be quantified; `\k` is a plain `k` when the
// pattern has no named group. Error texts are V8's (node 20), checked with `node -e`.
#include <algorithm>
#include <climits>

#include "base/utf8.h"
#include "regexp_internal.h"
#include "regexp_unicode.h"
#include "string_utf16.h"

namespace tenure::js::regexp {

namespace {

struct ParseError {
  const char* reason;
};

enum class NodeType : uint8_t {
  kEmpty, kChar, kAny, kClass, kSeq, kAlt, kGroup, kRepeat, kLineStart, kLineEnd, kWordBoundary,
  kBackref, kNamedBackref, kLook,
};

struct RNode {
  NodeType type;
  uint32_t value = 0;  // kChar: code point
  int index = -1;      // kClass: class; kGroup: capture group (-1: non-capturing); kBackref: group
  int min = 0;         // kRepeat
  int max = -1;        // kRepeat (-1: unbounded)
  bool flag = false;   // kRepeat: greedy; kLook: negative; kWordBoundary: \B
  bool behind = false;  // kLook: a lookbehind (its body matches backwards)
  int first_group = 0;  // kRepeat: capture groups [first_group, end_group) inside the atom
  int end_group = 0;
  std::vector<int> kids;
  std::u16string name;  // kNamedBackref
};

bool IsSyntaxChar(char16_t c) {
  return c == '^' || c == '$' || c == '\\' || c == '.' || c == '*' || c == '+' || c == '?' || c == '(' ||
         c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '|' || c == '/';
}
bool IsDigit(char16_t c) { return c >= '0' && c <= '9'; }
int HexValue(char16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
bool IsIdStart(char16_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
}

// The predefined classes of §22.2.2.9 (CharacterClassEscape), as ranges.
void AppendEscapeClass(char16_t which, std::vector<std::pair<uint32_t, uint32_t>>* out) {
  static const std::pair<uint32_t, uint32_t> kDigit[] = {{'0', '9'}};
  static const std::pair<uint32_t, uint32_t> kWord[] = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
  // WhiteSpace and LineTerminator (§12.2, §12.3; Zs from UnicodeData.txt).
  static const std::pair<uint32_t, uint32_t> kSpace[] = {
      {0x09, 0x0D}, {0x20, 0x20}, {0xA0, 0xA0}, {0x1680, 0x1680}, {0x2000, 0x200A}, {0x2028, 0x2029},
      {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF}};
  std::vector<std::pair<uint32_t, uint32_t>> set;
  char16_t lower = which | 0x20;
  if (lower == 'd') set.assign(std::begin(kDigit), std::end(kDigit));
  if (lower == 'w') set.assign(std::begin(kWord), std::end(kWord));
  if (lower == 's') set.assign(std::begin(kSpace), std::end(kSpace));
  if (which == lower) {
    out->insert(out->end(), set.begin(), set.end());
    return;
  }
  uint32_t next = 0;  // complement
  for (const auto& [lo, hi] : set) {
    if (lo > next) out->push_back({next, lo - 1});
    next = hi + 1;
  }
  out->push_back({next, 0x10FFFF});
}

void Normalize(CharClass* cls) {
  auto& r = cls->ranges;
  std::sort(r.begin(), r.end());
  std::vector<std::pair<uint32_t, uint32_t>> merged;
  for (const auto& range : r) {
    if (!merged.empty() && range.first <= merged.back().second + 1) {
      merged.back().second = std::max(merged.back().second, range.second);
    } else {
      merged.push_back(range);
    }
  }
  r = std::move(merged);
}

class PatternParser {
 public:
  PatternParser(std::u16string_view pattern, const Flags& flags) : p_(pattern), flags_(flags) {}

  // Parses the whole pattern; returns the root node. Throws ParseError.
  int Parse() {
    PrescanGroups();
    int root = ParseDisjunction(0);
    if (pos_ < p_.size()) throw ParseError{"Unmatched ')'"};  // only ')' stops a disjunction
    for (RNode& n : nodes_) {
      if (n.type != NodeType::kNamedBackref) continue;
      n.index = FindGroup(n.name);
      if (n.index < 0) throw ParseError{"Invalid named capture referenced"};
      n.type = NodeType::kBackref;
    }
    return root;
  }

  std::vector<RNode> nodes_;
  std::vector<CharClass> classes_;
  std::vector<std::pair<std::u16string, int>> names_;
  int groups_ = 1;  // capture groups seen so far, group 0 included

 private:
  // Counts capturing groups and notes named ones, so `\N` and `\k` resolve before their group.
  void PrescanGroups() {
    bool in_class = false;
    for (size_t i = 0; i < p_.size(); ++i) {
      char16_t c = p_[i];
      if (c == '\\') { ++i; continue; }
      if (in_class) { if (c == ']') in_class = false; continue; }
      if (c == '[') in_class = true;
      if (c != '(') continue;
      if (i + 1 < p_.size() && p_[i + 1] == '?') {
        if (i + 2 < p_.size() && p_[i + 2] == '<' && i + 3 < p_.size() && p_[i + 3] != '=' && p_[i + 3] != '!') {
          ++total_groups_;
          has_named_ = true;
        }
      } else {
        ++total_groups_;
      }
    }
  }

  int FindGroup(const std::u16string& name) const {
    for (const auto& [n, g] : names_) if (n == name) return g;
    return -1;
  }

  int Add(RNode n) {
    nodes_.push_back(std::move(n));
    return static_cast<int>(nodes_.size() - 1);
  }
  bool AtEnd() const { return pos_ >= p_.size(); }
  char16_t Peek(size_t ahead = 0) const { return pos_ + ahead < p_.size() ? p_[pos_ + ahead] : 0; }

  int ParseDisjunction(int depth) {
    if (depth > kMaxNesting) throw ParseError{"Regular expression too large"};
    std::vector<int> alts{ParseAlternative(depth)};
    while (Peek() == '|' && !AtEnd()) {
      ++pos_;
      alts.push_back(ParseAlternative(depth));
    }
    if (alts.size() == 1) return alts[0];
    return Add(RNode{.type = NodeType::kAlt, .kids = std::move(alts)});
  }

  int ParseAlternative(int depth) {
    std::vector<int> terms;
    while (!AtEnd() && Peek() != '|' && Peek() != ')') terms.push_back(ParseTerm(depth));
    if (terms.size() == 1) return terms[0];
    return Add(RNode{.type = terms.empty() ? NodeType::kEmpty : NodeType::kSeq, .kids = std::move(terms)});
  }

  // A quantifier at pos_: sets min/max and consumes it (and a lazy `?`). `{` that is not a
  // well-formed quantifier is left alone (a literal without the u flag).
  bool ParseQuantifier(int* min, int* max, bool* greedy) {
    char16_t c = Peek();
    size_t save = pos_;
    if (c == '*') { *min = 0; *max = -1; ++pos_; }
    else if (c == '+') { *min = 1; *max = -1; ++pos_; }
    else if (c == '?') { *min = 0; *max = 1; ++pos_; }
    else if (c == '{') {
      ++pos_;
      if (!ReadInt(min)) { pos_ = save; return false; }
      *max = *min;
      if (Peek() == ',') {
        ++pos_;
        *max = -1;
        if (IsDigit(Peek())) ReadInt(max);
      }
      if (Peek() != '}') { pos_ = save; return false; }
      ++pos_;
      if (*max != -1 && *max < *min) throw ParseError{"numbers out of order in {} quantifier"};
    } else {
      return false;
    }
    *greedy = true;
    if (Peek() == '?' && !AtEnd()) { ++pos_; *greedy = false; }
    return true;
  }

  bool ReadInt(int* out) {
    if (!IsDigit(Peek())) return false;
    int64_t v = 0;
    while (IsDigit(Peek())) {
      v = std::min<int64_t>(v * 10 + (Peek() - '0'), INT_MAX);
      ++pos_;
    }
    *out = static_cast<int>(v);
    return true;
  }

  int ParseTerm(int depth) {
    int groups_before = groups_;
    bool quantifiable = true;
    int atom = ParseAtom(depth, &quantifiable);
    int min, max;
    bool greedy;
    size_t qpos = pos_;
    if (!ParseQuantifier(&min, &max, &greedy)) return atom;
    const RNode& a = nodes_[atom];
    if (a.type == NodeType::kLook && (a.behind || flags_.unicode)) {
      pos_ = qpos;
      throw ParseError{"Invalid quantifier"};  // Annex B quantifies lookaheads only, and not under u
    }
    if (!quantifiable) {
      pos_ = qpos;
      throw ParseError{"Nothing to repeat"};
    }
    return Add(RNode{.type = NodeType::kRepeat, .min = min, .max = max, .flag = greedy,
                     .first_group = groups_before, .end_group = groups_, .kids = {atom}});
  }

  int ParseAtom(int depth, bool* quantifiable) {
    char16_t c = Peek();
    ++pos_;
    switch (c) {
      case '^': *quantifiable = false; return Add(RNode{.type = NodeType::kLineStart});
      case '$': *quantifiable = false; return Add(RNode{.type = NodeType::kLineEnd});
      case '.': return Add(RNode{.type = NodeType::kAny});
      case '(': return ParseGroup(depth);
      case '[': return ParseClass();
      case '\\': return ParseAtomEscape(quantifiable);
      case '*': case '+': case '?': throw ParseError{"Nothing to repeat"};
      case '{': {
        --pos_;
        int min, max;
        bool greedy;
        if (flags_.unicode) throw ParseError{"Lone quantifier brackets"};
        if (ParseQuantifier(&min, &max, &greedy)) throw ParseError{"Nothing to repeat"};
        ++pos_;
        return Char('{');
      }
      case '}': case ']':
        if (flags_.unicode) throw ParseError{"Lone quantifier brackets"};
        return Char(c);
      default:
        if (flags_.unicode && c >= 0xD800 && c <= 0xDBFF && Peek() >= 0xDC00 && Peek() <= 0xDFFF) {
          uint32_t cp = 0x10000 + ((c - 0xD800) << 10) + (Peek() - 0xDC00);
          ++pos_;
          return Char(cp);
        }
        return Char(c);
    }
  }

  int Char(uint32_t c) { return Add(RNode{.type = NodeType::kChar, .value = c}); }

  int ParseGroup(int depth) {
    int capture = -1;
    if (Peek() == '?') {
      char16_t k = Peek(1);
      if (k == ':' || k == '=' || k == '!') {
        pos_ += 2;
        int body = ParseDisjunction(depth + 1);
        ExpectClose();
        if (k == ':') return body;
        return Add(RNode{.type = NodeType::kLook, .flag = k == '!', .kids = {body}});
      }
      if (k == '<' && (Peek(2) == '=' || Peek(2) == '!')) {
        bool negative = Peek(2) == '!';
        pos_ += 3;
        int body = ParseDisjunction(depth + 1);
        ExpectClose();
        return Add(RNode{.type = NodeType::kLook, .flag = negative, .behind = true, .kids = {body}});
      }
      if (k != '<') throw ParseError{"Invalid group"};
      pos_ += 2;
      std::u16string name = ParseGroupName();
      if (FindGroup(name) >= 0) throw ParseError{"Duplicate capture group name"};
      capture = groups_++;
      names_.push_back({name, capture});
    } else {
      capture = groups_++;
    }
    int body = ParseDisjunction(depth + 1);
    ExpectClose();
    return Add(RNode{.type = NodeType::kGroup, .index = capture, .kids = {body}});
  }

  void ExpectClose() {
    if (Peek() != ')' || AtEnd()) throw ParseError{"Unterminated group"};
    ++pos_;
  }

  // GroupName after `<`: an identifier (ASCII letters, digits, `$`, `_`, or non-ASCII) and `>`.
  std::u16string ParseGroupName() {
    std::u16string name;
    while (!AtEnd() && Peek() != '>') {
      char16_t c = Peek();
      if (!(IsIdStart(c) || (IsDigit(c) && !name.empty()))) throw ParseError{"Invalid capture group name"};
      name.push_back(c);
      ++pos_;
    }
    if (AtEnd() || name.empty()) throw ParseError{"Invalid capture group name"};
    ++pos_;
    return name;
  }

  int ParseAtomEscape(bool* quantifiable) {
    if (AtEnd()) throw ParseError{"\\ at end of pattern"};
    char16_t c = Peek();
    if (c == 'b' || c == 'B') {
      ++pos_;
      *quantifiable = false;
      return Add(RNode{.type = NodeType::kWordBoundary, .flag = c == 'B'});
    }
    if (c >= '1' && c <= '9') {
      size_t save = pos_;
      int n = 0;
      ReadInt(&n);
      if (n < total_groups_) return Add(RNode{.type = NodeType::kBackref, .index = n});
      if (flags_.unicode) throw ParseError{"Invalid escape"};
      pos_ = save;  // Annex B: legacy octal or identity escape
    }
    if (c == 'k' && (has_named_ || flags_.unicode)) {
      ++pos_;
      if (Peek() != '<') throw ParseError{"Invalid named reference"};
      ++pos_;
      std::u16string name = ParseGroupName();
      return Add(RNode{.type = NodeType::kNamedBackref, .name = std::move(name)});
    }
    if (c == 'd' || c == 'D' || c == 'w' || c == 'W' || c == 's' || c == 'S') {
      ++pos_;
      CharClass cls;
      AppendEscapeClass(c, &cls.ranges);
      return AddClass(std::move(cls));
    }
    if ((c == 'p' || c == 'P') && flags_.unicode) {
      ++pos_;
      CharClass cls;
      ParsePropertyEscape(c == 'P', /*in_class=*/false, &cls.ranges);
      return AddClass(std::move(cls));
    }
    return Char(ParseCharacterEscape(/*in_class=*/false));
  }

  // After `\p` / `\P` (u flag): `{Name}` or `{Name=Value}` looked up in the Unicode tables
  // (regexp_unicode.h); `negated` appends the complement. V8's error texts.
  void ParsePropertyEscape(bool negated, bool in_class, std::vector<std::pair<uint32_t, uint32_t>>* out) {
    const char* error = in_class ? "Invalid property name in character class" : "Invalid property name";
    if (Peek() != '{' || AtEnd()) throw ParseError{error};
    size_t close = p_.find(u'}', pos_);
    if (close == std::u16string_view::npos) throw ParseError{error};
    std::string name;
    for (size_t i = pos_ + 1; i < close; ++i) {
      char16_t ch = p_[i];
      bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || IsDigit(ch) || ch == '_' || ch == '=';
      if (!ok) throw ParseError{error};
      name.push_back(static_cast<char>(ch));
    }
    std::vector<std::pair<uint32_t, uint32_t>> set;
    if (!AppendUnicodeProperty(name, &set)) throw ParseError{error};
    pos_ = close + 1;
    if (!negated) {
      out->insert(out->end(), set.begin(), set.end());
      return;
    }
    uint32_t next = 0;  // the tables are sorted and disjoint
    for (const auto& [lo, hi] : set) {
      if (lo > next) out->push_back({next, lo - 1});
      next = hi + 1;
    }
    if (next <= 0x10FFFF) out->push_back({next, 0x10FFFF});
  }

  int AddClass(CharClass cls) {
    Normalize(&cls);
    classes_.push_back(std::move(cls));
    return Add(RNode{.type = NodeType::kClass, .index = static_cast<int>(classes_.size() - 1)});
  }

  // The character of an escape after `\` (not a class escape or backreference); §22.2.1
  // CharacterEscape plus Annex B's legacy octal and identity escapes.
  uint32_t ParseCharacterEscape(bool in_class) {
    char16_t c = Peek();
    ++pos_;
    switch (c) {
      case 't': return '\t';
      case 'n': return '\n';
      case 'v': return '\v';
      case 'f': return '\f';
      case 'r': return '\r';
      case 'c': {
        char16_t l = Peek();
        if ((l >= 'a' && l <= 'z') || (l >= 'A' && l <= 'Z')) { ++pos_; return l % 32; }
        if (in_class && !flags_.unicode && (IsDigit(l) || l == '_')) { ++pos_; return l % 32; }
        if (flags_.unicode) throw ParseError{"Invalid unicode escape"};
        --pos_;  // `\c` stays a backslash followed by `c`
        return '\\';
      }
      case '0':
        if (!IsDigit(Peek())) return 0;
        if (flags_.unicode) throw ParseError{"Invalid decimal escape"};
        [[fallthrough]];
      case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        if (flags_.unicode) throw ParseError{in_class ? "Invalid class escape" : "Invalid escape"};
        uint32_t v = c - '0';  // legacy octal: up to three digits, at most 0377
        if (Peek() >= '0' && Peek() <= '7') { v = v * 8 + (Peek() - '0'); ++pos_; }
        if (v < 32 && Peek() >= '0' && Peek() <= '7') { v = v * 8 + (Peek() - '0'); ++pos_; }
        return v;
      }
      case 'x': {
        int h1 = HexValue(Peek()), h2 = HexValue(Peek(1));
        if (h1 >= 0 && h2 >= 0) { pos_ += 2; return h1 * 16 + h2; }
        if (flags_.unicode) throw ParseError{"Invalid escape"};
        return 'x';
      }
      case 'u': return ParseUnicodeEscape();
      default:
        if (flags_.unicode && !IsSyntaxChar(c) && !(in_class && c == '-')) throw ParseError{"Invalid escape"};
        return c;  // identity escape
    }
  }

  uint32_t ParseUnicodeEscape() {
    if (flags_.unicode && Peek() == '{') {
      size_t i = 1;
      uint32_t v = 0;
      while (HexValue(Peek(i)) >= 0) {
        v = v * 16 + HexValue(Peek(i));
        if (v > 0x10FFFF) throw ParseError{"Invalid Unicode escape"};
        ++i;
      }
      if (i == 1 || Peek(i) != '}') throw ParseError{"Invalid Unicode escape"};
      pos_ += i + 1;
      return v;
    }
    uint32_t v = 0;
    for (size_t i = 0; i < 4; ++i) {
      int h = HexValue(Peek(i));
      if (h < 0) {
        if (flags_.unicode) throw ParseError{"Invalid Unicode escape"};
        return 'u';
      }
      v = v * 16 + h;
    }
    pos_ += 4;
    // Under u, `\uD83D\uDE00` is one code point.
    if (flags_.unicode && v >= 0xD800 && v <= 0xDBFF && Peek() == '\\' && Peek(1) == 'u') {
      uint32_t lo = 0;
      bool ok = true;
      for (size_t i = 0; i < 4; ++i) {
        int h = HexValue(Peek(2 + i));
        if (h < 0) { ok = false; break; }
        lo = lo * 16 + h;
      }
      if (ok && lo >= 0xDC00 && lo <= 0xDFFF) {
        pos_ += 6;
        v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
      }
    }
    return v;
  }

  // After `[`: ClassRanges up to `]`.
  int ParseClass() {
    CharClass cls;
    if (Peek() == '^' && !AtEnd()) { cls.negated = true; ++pos_; }
    while (true) {
      if (AtEnd()) throw ParseError{"Unterminated character class"};
      if (Peek() == ']') { ++pos_; break; }
      uint32_t lo;
      bool lo_is_set = ParseClassAtom(&cls, &lo);
      if (Peek() == '-' && Peek(1) != ']' && pos_ + 1 < p_.size()) {
        ++pos_;
        uint32_t hi;
        bool hi_is_set = ParseClassAtom(&cls, &hi);
        if (lo_is_set || hi_is_set) {
          if (flags_.unicode) throw ParseError{"Invalid character class"};
          if (!lo_is_set) cls.ranges.push_back({lo, lo});  // Annex B: `[\d-z]` is \d, '-', 'z'
          if (!hi_is_set) cls.ranges.push_back({hi, hi});
          cls.ranges.push_back({'-', '-'});
          continue;
        }
        if (lo > hi) throw ParseError{"Range out of order in character class"};
        cls.ranges.push_back({lo, hi});
      } else if (!lo_is_set) {
        cls.ranges.push_back({lo, lo});
      }
    }
    return AddClass(std::move(cls));
  }

  // One class atom: returns true when it was a class escape (\d ...), added to `cls` directly;
  // otherwise stores its character in *c.
  bool ParseClassAtom(CharClass* cls, uint32_t* c) {
    char16_t ch = Peek();
    ++pos_;
    if (ch != '\\') {
      if (flags_.unicode && ch >= 0xD800 && ch <= 0xDBFF && Peek() >= 0xDC00 && Peek() <= 0xDFFF) {
        *c = 0x10000 + ((ch - 0xD800) << 10) + (Peek() - 0xDC00);
        ++pos_;
      } else {
        *c = ch;
      }
      return false;
    }
    if (AtEnd()) throw ParseError{"\\ at end of pattern"};
    char16_t e = Peek();
    if (e == 'd' || e == 'D' || e == 'w' || e == 'W' || e == 's' || e == 'S') {
      ++pos_;
      AppendEscapeClass(e, &cls->ranges);
      return true;
    }
    if ((e == 'p' || e == 'P') && flags_.unicode) {
      ++pos_;
      ParsePropertyEscape(e == 'P', /*in_class=*/true, &cls->ranges);
      return true;
    }
    if (e == 'b') { ++pos_; *c = '\b'; return false; }
    if (e == '-' ) { ++pos_; *c = '-'; return false; }
    if (!flags_.unicode && (e == '8' || e == '9')) { ++pos_; *c = e; return false; }
    *c = ParseCharacterEscape(/*in_class=*/true);
    return false;
  }

  std::u16string_view p_;
  Flags flags_;
  size_t pos_ = 0;
  int total_groups_ = 1;
  bool has_named_ = false;
};

// Emits bytecode for the parsed tree.
class CodeGen {
 public:
  CodeGen(const PatternParser& parser, Program* program) : parser_(parser), program_(program) {}

  void Emit(int index) {
    if (program_->code.size() > kMaxProgramSize) throw ParseError{"Regular expression too large"};
    const RNode& n = parser_.nodes_[index];
    switch (n.type) {
      case NodeType::kEmpty: break;
      case NodeType::kChar: EmitChar(n.value); break;
      case NodeType::kAny: Op(OpCode::kAny, program_->flags.dot_all ? 1 : 0, 0, Backward()); break;
      case NodeType::kClass: Op(OpCode::kClass, n.index, 0, Backward()); break;
      case NodeType::kSeq:
        if (backward_) {
          for (auto k = n.kids.rbegin(); k != n.kids.rend(); ++k) Emit(*k);
        } else {
          for (int k : n.kids) Emit(k);
        }
        break;
      case NodeType::kAlt: EmitAlternation(n); break;
      case NodeType::kGroup:  // backwards the end is reached first
        if (n.index >= 0) Op(OpCode::kSave, 2 * n.index + (backward_ ? 1 : 0));
        Emit(n.kids[0]);
        if (n.index >= 0) Op(OpCode::kSave, 2 * n.index + (backward_ ? 0 : 1));
        break;
      case NodeType::kRepeat: EmitRepeat(n); break;
      case NodeType::kLineStart: Op(OpCode::kLineStart, program_->flags.multiline ? 1 : 0); break;
      case NodeType::kLineEnd: Op(OpCode::kLineEnd, program_->flags.multiline ? 1 : 0); break;
      case NodeType::kWordBoundary: Op(OpCode::kWordBoundary, n.flag ? 1 : 0); break;
      case NodeType::kBackref: case NodeType::kNamedBackref: Op(OpCode::kBackref, n.index, Backward()); break;
      case NodeType::kLook: {  // a lookbehind's body matches backwards (§22.2.2.4), a lookahead's forwards
        int look = Op(OpCode::kLook, n.flag ? 1 : 0);
        bool saved = backward_;
        backward_ = n.behind;
        Emit(n.kids[0]);
        backward_ = saved;
        Op(OpCode::kLookEnd);
        program_->code[look].b = Here();
        break;
      }
    }
  }

 private:
  int Op(OpCode op, int32_t a = 0, int32_t b = 0, int32_t c = 0) {
    program_->code.push_back(Instr{op, a, b, c});
    return Here() - 1;
  }
  int Here() const { return static_cast<int>(program_->code.size()); }
  int32_t Backward() const { return backward_ ? 1 : 0; }

  void EmitChar(uint32_t c) {
    if (c > 0xFFFF) {  // a surrogate pair: two code units, the low one first when matching backwards
      int32_t high = static_cast<int32_t>(0xD800 + ((c - 0x10000) >> 10));
      int32_t low = static_cast<int32_t>(0xDC00 + ((c - 0x10000) & 0x3FF));
      Op(OpCode::kChar, backward_ ? low : high, 0, Backward());
      Op(OpCode::kChar, backward_ ? high : low, 0, Backward());
      return;
    }
    Op(OpCode::kChar, static_cast<int32_t>(program_->flags.ignore_case ? Canonicalize(c) : c), 0, Backward());
  }

  // a|b|c: split L1, next; L1: a; jump end; next: split L2, next2; ... last alternative.
  void EmitAlternation(const RNode& n) {
    std::vector<int> to_end;
    for (size_t i = 0; i < n.kids.size(); ++i) {
      if (i + 1 == n.kids.size()) {
        Emit(n.kids[i]);
        break;
      }
      int split = Op(OpCode::kSplit, Here() + 1, 0);
      Emit(n.kids[i]);
      to_end.push_back(Op(OpCode::kJump));
      program_->code[split].b = Here();
    }
    for (int j : to_end) program_->code[j].a = Here();
  }

  // True when the atom always consumes exactly one code unit (kRepeat can run it).
  bool IsSingleUnit(const RNode& atom) const {
    if (backward_) return false;  // kRepeat runs forwards only
    if (atom.type == NodeType::kChar) return atom.value <= 0xFFFF;
    if (atom.type == NodeType::kAny || atom.type == NodeType::kClass) return !program_->flags.unicode;
    return false;
  }

  void EmitRepeat(const RNode& n) {
    const RNode& atom = parser_.nodes_[n.kids[0]];
    if (n.max == 0) return;
    if (IsSingleUnit(atom)) {
      Op(OpCode::kRepeat, n.min, n.max, n.flag ? 1 : 0);
      Emit(n.kids[0]);
      return;
    }
    if (static_cast<size_t>(n.min) > kMaxProgramSize || (n.max > 0 && static_cast<size_t>(n.max) > kMaxProgramSize)) {
      throw ParseError{"Regular expression too large"};
    }
    int clear_from = 2 * n.first_group, clear_count = 2 * (n.end_group - n.first_group);
    for (int i = 0; i < n.min; ++i) {
      if (clear_count > 0) Op(OpCode::kClearRegs, clear_from, clear_count);
      Emit(n.kids[0]);
    }
    if (n.max == n.min) return;
    int reg = program_->register_count++;
    // One optional iteration: split body/exit (greedy) or exit/body (lazy), then the empty check.
    auto optional_iteration = [&](std::vector<int>* exits) {
      int split = Op(OpCode::kSplit);
      int body = Here();
      Op(OpCode::kMark, reg);
      if (clear_count > 0) Op(OpCode::kClearRegs, clear_from, clear_count);
      Emit(n.kids[0]);
      Op(OpCode::kProgress, reg);
      exits->push_back(split);
      return std::pair<int, int>{split, body};
    };
    std::vector<int> splits;
    if (n.max == -1) {
      int loop = Here();
      optional_iteration(&splits);
      Op(OpCode::kJump, loop);
    } else {
      for (int i = n.min; i < n.max; ++i) optional_iteration(&splits);
    }
    for (int s : splits) {
      Instr& in = program_->code[s];
      in.a = n.flag ? s + 1 : Here();
      in.b = n.flag ? Here() : s + 1;
    }
  }

  const PatternParser& parser_;
  Program* program_;
  bool backward_ = false;  // inside a lookbehind: emit right to left (c = 1 on char/backref ops)
};

void AppendUnits(std::u16string_view text, std::string* out) { *out += ToWtf8(text); }

}  // namespace

uint32_t Canonicalize(uint32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c < 0xB5) return c;
  if (c == 0xB5 || c == 0x3BC) return 0x39C;
  if (c == 0xFF) return 0x178;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
  return c;
}

int CaseVariants(uint32_t c, uint32_t out[3]) {
  uint32_t k = Canonicalize(c);
  int n = 0;
  out[n++] = k;
  if (k >= 'A' && k <= 'Z') out[n++] = k + 32;
  else if (k >= 0xC0 && k <= 0xDE && k != 0xD7) out[n++] = k + 32;
  else if (k == 0x39C) { out[n++] = 0xB5; out[n++] = 0x3BC; }
  else if (k == 0x178) out[n++] = 0xFF;
  return n;
}

bool ClassContains(const CharClass& cls, uint32_t c) {
  // Binary search over the sorted, merged ranges.
  auto it = std::upper_bound(cls.ranges.begin(), cls.ranges.end(), c,
                             [](uint32_t v, const std::pair<uint32_t, uint32_t>& r) { return v < r.first; });
  return it != cls.ranges.begin() && c <= std::prev(it)->second;
}

bool IsLineTerminator(uint32_t c) { return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029; }
bool IsWordChar(uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool ParseFlags(std::u16string_view text, Flags* out) {
  Flags f;
  for (char16_t c : text) {
    bool* flag = c == 'd' ? &f.has_indices : c == 'g' ? &f.global : c == 'i' ? &f.ignore_case
               : c == 'm' ? &f.multiline : c == 's' ? &f.dot_all : c == 'u' ? &f.unicode
               : c == 'y' ? &f.sticky : nullptr;
    if (flag == nullptr || *flag) return false;
    *flag = true;
  }
  *out = f;
  return true;
}

std::string FlagsString(const Flags& f) {
  std::string s;
  if (f.has_indices) s += 'd';
  if (f.global) s += 'g';
  if (f.ignore_case) s += 'i';
  if (f.multiline) s += 'm';
  if (f.dot_all) s += 's';
  if (f.unicode) s += 'u';
  if (f.sticky) s += 'y';
  return s;
}

int FlagsToBits(const Flags& f) {
  return (f.has_indices ? 1 : 0) | (f.global ? 2 : 0) | (f.ignore_case ? 4 : 0) | (f.multiline ? 8 : 0) |
         (f.dot_all ? 16 : 0) | (f.unicode ? 32 : 0) | (f.sticky ? 64 : 0);
}

Flags FlagsFromBits(int bits) {
  Flags f;
  f.has_indices = bits & 1;
  f.global = bits & 2;
  f.ignore_case = bits & 4;
  f.multiline = bits & 8;
  f.dot_all = bits & 16;
  f.unicode = bits & 32;
  f.sticky = bits & 64;
  return f;
}

std::shared_ptr<const Program> Compile(std::u16string_view pattern, const Flags& flags, std::string* error) {
  auto program = std::make_shared<Program>();
  program->flags = flags;
  try {
    PatternParser parser(pattern, flags);
    int root = parser.Parse();
    program->capture_count = parser.groups_;
    program->register_count = 2 * parser.groups_;
    program->classes = parser.classes_;
    for (const auto& [name, group] : parser.names_) program->group_names.push_back({ToWtf8(name), group});
    CodeGen gen(parser, program.get());
    program->code.push_back(Instr{OpCode::kSave, 0});
    gen.Emit(root);
    program->code.push_back(Instr{OpCode::kSave, 1});
    program->code.push_back(Instr{OpCode::kMatch});
    if (program->code.size() > kMaxProgramSize) throw ParseError{"Regular expression too large"};
  } catch (const ParseError& e) {
    *error = "Invalid regular expression: /";
    AppendUnits(pattern, error);
    *error += "/" + FlagsString(flags) + ": " + e.reason;
    return nullptr;
  }
  return program;
}

std::u16string EscapePattern(std::u16string_view pattern) {
  if (pattern.empty()) return u"(?:)";
  std::u16string out;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char16_t c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      char16_t next = pattern[i + 1];
      if (IsLineTerminator(next)) {  // an escaped line terminator prints as its escape
        ++i;
        c = next;
      } else {
        out += c;
        out += next;
        ++i;
        continue;
      }
    }
    if (c == '[') in_class = true;
    if (c == ']') in_class = false;
    if (c == '/' && !in_class) out += u"\\/";
    else if (c == '\n') out += u"\\n";
    else if (c == '\r') out += u"\\r";
    else if (c == 0x2028) out += u"\\u2028";
    else if (c == 0x2029) out += u"\\u2029";
    else out += c;
  }
  return out;
}

}  // namespace tenure::js::regexp
