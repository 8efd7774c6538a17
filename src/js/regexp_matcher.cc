// Backtracking matcher of the regexp engine (regexp.h): runs a Program over a Latin-1 or UTF-16
// view with an explicit backtrack stack.
//
// Backtrack entries (16 bytes): a branch to resume (pc, pos); a register's previous value to
// restore; a greedy single-unit repeat that can give back one more unit (continuation pc, current
// end, lowest end); a lazy single-unit repeat that can take one more unit (repeat pc, pos, count).
// Failing pops entries until a resumable one; reaching the caller's `base` depth means failure.
#include "regexp_internal.h"

namespace tenure::js::regexp {

namespace {

enum EntryKind : int32_t { kBranch, kRestore, kGreedy, kLazy };
struct Entry {
  int32_t kind;
  int32_t pc;     // kRestore: register
  int32_t pos;    // kRestore: old value
  int32_t extra;  // kGreedy: lowest end; kLazy: iterations so far
};

template <typename Unit>
class Matcher {
 public:
  Matcher(const Program& program, const Unit* input, int length, const MatchLimits& limits)
      : program_(program), code_(program.code.data()), in_(input), len_(length), limits_(limits),
        icase_(program.flags.ignore_case), unicode_(program.flags.unicode) {
    limits_.max_steps += limits_.steps_per_unit * static_cast<uint64_t>(length);
  }

  MatchStatus Exec(const MatchOptions& options, std::vector<int>* captures) {
    int start = static_cast<int>(options.start);
    // A pattern starting with a case-sensitive literal skips start positions that cannot match.
    int first = -1;
    if (!options.anchored && !icase_ && program_.code.size() > 1 && program_.code[1].op == OpCode::kChar) {
      first = program_.code[1].a;
    }
    for (; start <= len_; start = Advance(start)) {
      if (first >= 0) {
        while (start < len_ && static_cast<uint32_t>(static_cast<std::make_unsigned_t<Unit>>(in_[start])) !=
                                   static_cast<uint32_t>(first)) {
          ++start;
        }
        if (start >= len_) return MatchStatus::kNoMatch;
      }
      regs_.assign(program_.register_count, -1);
      stack_.clear();
      int end = 0;
      MatchStatus status = Run(0, start, 0, &end);
      if (status == MatchStatus::kMatch) {
        captures->assign(regs_.begin(), regs_.begin() + 2 * program_.capture_count);
        return status;
      }
      if (status == MatchStatus::kLimitExceeded || options.anchored) return status;
    }
    return MatchStatus::kNoMatch;
  }

 private:
  uint32_t At(int pos) const { return static_cast<std::make_unsigned_t<Unit>>(in_[pos]); }

  // The next start position: past a whole surrogate pair under the u flag.
  int Advance(int pos) const {
    if (unicode_ && pos + 1 < len_ && At(pos) >= 0xD800 && At(pos) <= 0xDBFF && At(pos + 1) >= 0xDC00 &&
        At(pos + 1) <= 0xDFFF) {
      return pos + 2;
    }
    return pos + 1;
  }

  // The character at pos: a code point of a surrogate pair under u (*width 2), else one unit.
  uint32_t CharAt(int pos, int* width) const {
    uint32_t c = At(pos);
    *width = 1;
    if (unicode_ && c >= 0xD800 && c <= 0xDBFF && pos + 1 < len_ && At(pos + 1) >= 0xDC00 && At(pos + 1) <= 0xDFFF) {
      *width = 2;
      return 0x10000 + ((c - 0xD800) << 10) + (At(pos + 1) - 0xDC00);
    }
    return c;
  }

  bool ClassMatches(const CharClass& cls, uint32_t c) const {
    bool found = ClassContains(cls, c);
    if (!found && icase_) {
      uint32_t variants[3];
      int n = CaseVariants(c, variants);
      for (int i = 0; i < n && !found; ++i) found = ClassContains(cls, variants[i]);
    }
    return found != cls.negated;
  }

  // The character that ends at pos (backwards): a code point of a surrogate pair under u.
  uint32_t CharBefore(int pos, int* width) const {
    uint32_t c = At(pos - 1);
    *width = 1;
    if (unicode_ && c >= 0xDC00 && c <= 0xDFFF && pos >= 2 && At(pos - 2) >= 0xD800 && At(pos - 2) <= 0xDBFF) {
      *width = 2;
      return 0x10000 + ((At(pos - 2) - 0xD800) << 10) + (c - 0xDC00);
    }
    return c;
  }

  // A kChar/kAny/kClass with c = 1 (inside a lookbehind): the character ending at pos.
  int MatchCharBackward(const Instr& in, int pos) const {
    if (pos <= 0) return 0;
    int width = 1;
    uint32_t c = in.op == OpCode::kChar ? At(pos - 1) : CharBefore(pos, &width);
    switch (in.op) {
      case OpCode::kChar: return (icase_ ? Canonicalize(c) : c) == static_cast<uint32_t>(in.a) ? 1 : 0;
      case OpCode::kAny: return in.a == 1 || !IsLineTerminator(c) ? width : 0;
      default: return ClassMatches(program_.classes[in.a], c) ? width : 0;
    }
  }

  // Matches a kChar/kAny/kClass at pos; returns the units consumed (0: no match).
  int MatchChar(const Instr& in, int pos) const {
    if (in.c == 1) return MatchCharBackward(in, pos);
    if (pos >= len_) return 0;
    int width;
    uint32_t c;
    switch (in.op) {
      case OpCode::kChar:
        c = At(pos);
        return (icase_ ? Canonicalize(c) : c) == static_cast<uint32_t>(in.a) ? 1 : 0;
      case OpCode::kAny:
        c = CharAt(pos, &width);
        return in.a == 1 || !IsLineTerminator(c) ? width : 0;
      default:
        c = CharAt(pos, &width);
        return ClassMatches(program_.classes[in.a], c) ? width : 0;
    }
  }

  void Push(Entry e) {
    if (stack_.size() >= limits_.max_backtrack_entries) {
      limit_hit_ = true;
      return;
    }
    stack_.push_back(e);
  }

  void SetReg(int reg, int value) {
    if (regs_[reg] == value) return;
    Push({kRestore, reg, regs_[reg], 0});
    regs_[reg] = value;
  }

  // A backreference at pos; `backward` (inside a lookbehind) compares the text ending at pos.
  bool BackrefMatches(int group, bool backward, int* pos) const {
    int s = regs_[2 * group], e = regs_[2 * group + 1];
    if (s < 0 || e < 0) return true;  // an unset group matches the empty string
    int n = e - s;
    int from = backward ? *pos - n : *pos;
    if (from < 0 || from + n > len_) return false;
    for (int i = 0; i < n; ++i) {
      uint32_t a = At(s + i), b = At(from + i);
      if (a != b && (!icase_ || Canonicalize(a) != Canonicalize(b))) return false;
    }
    *pos = backward ? from : from + n;
    return true;
  }

  // A single-unit repeat (kRepeat at pc, its atom at pc + 1).
  bool Repeat(int pc, int* pos) {
    const Instr& rep = code_[pc];
    const Instr& atom = code_[pc + 1];
    int min = rep.a, max = rep.b;
    if (rep.c == 1) {  // greedy: take as many as possible, give back on backtrack
      int count = 0;
      while ((max < 0 || count < max) && MatchChar(atom, *pos + count) != 0) ++count;
      steps_ += count;
      if (count < min) return false;
      if (count > min) Push({kGreedy, pc + 2, *pos + count, *pos + min});
      *pos += count;
      return true;
    }
    for (int i = 0; i < min; ++i) {
      if (MatchChar(atom, *pos) == 0) return false;
      ++*pos;
    }
    steps_ += min;
    if (max < 0 || min < max) Push({kLazy, pc, *pos, min});
    return true;
  }

  // Pops entries down to `base` until one resumes; false when none does.
  bool Backtrack(size_t base, int* pc, int* pos) {
    while (stack_.size() > base) {
      Entry e = stack_.back();
      stack_.pop_back();
      switch (e.kind) {
        case kRestore:
          regs_[e.pc] = e.pos;
          continue;
        case kBranch:
          *pc = e.pc;
          *pos = e.pos;
          return true;
        case kGreedy:
          *pos = e.pos - 1;
          if (*pos > e.extra) Push({kGreedy, e.pc, *pos, e.extra});
          *pc = e.pc;
          return true;
        case kLazy: {
          const Instr& rep = code_[e.pc];
          if (MatchChar(code_[e.pc + 1], e.pos) == 0) continue;
          int count = e.extra + 1;
          *pos = e.pos + 1;
          if (rep.b < 0 || count < rep.b) Push({kLazy, e.pc, *pos, count});
          *pc = e.pc + 2;
          return true;
        }
      }
    }
    return false;
  }

  // Lookahead or lookbehind at pc (kLook): runs the body as an atomic nested match from pos (a
  // lookbehind's body was compiled to move left).
  MatchStatus Lookahead(int* pc, int pos, bool* ok) {
    const Instr& look = code_[*pc];
    std::vector<int> saved = regs_;
    size_t base = stack_.size();
    int end = 0;
    MatchStatus status = Run(*pc + 1, pos, base, &end);
    if (status == MatchStatus::kLimitExceeded) return status;
    bool matched = status == MatchStatus::kMatch;
    stack_.resize(base);  // alternatives inside a lookahead are never revisited
    if (matched && look.a == 0) {
      for (size_t r = 0; r < regs_.size(); ++r) {  // keep its captures, undoable from outside
        if (regs_[r] != saved[r]) Push({kRestore, static_cast<int32_t>(r), saved[r], 0});
      }
    } else {
      regs_ = std::move(saved);
    }
    *ok = matched == (look.a == 0);
    *pc = look.b;
    return MatchStatus::kMatch;
  }

  // Runs from pc at pos until kMatch or kLookEnd (kMatch, *end = pos) or until backtracking
  // would pop below `base` (kNoMatch).
  MatchStatus Run(int pc, int pos, size_t base, int* end) {
    while (true) {
      if (++steps_ > limits_.max_steps || limit_hit_) return MatchStatus::kLimitExceeded;
      const Instr& in = code_[pc];
      bool ok = true;
      switch (in.op) {
        case OpCode::kChar: case OpCode::kAny: case OpCode::kClass: {
          int width = MatchChar(in, pos);
          ok = width != 0;
          pos += in.c == 1 ? -width : width;
          ++pc;
          break;
        }
        case OpCode::kSplit: Push({kBranch, in.b, pos, 0}); pc = in.a; break;
        case OpCode::kJump: pc = in.a; break;
        case OpCode::kSave: case OpCode::kMark: SetReg(in.a, pos); ++pc; break;
        case OpCode::kClearRegs:
          for (int r = in.a; r < in.a + in.b; ++r) SetReg(r, -1);
          ++pc;
          break;
        case OpCode::kProgress: ok = regs_[in.a] != pos; ++pc; break;
        case OpCode::kLineStart:
          ok = pos == 0 || (in.a == 1 && IsLineTerminator(At(pos - 1)));
          ++pc;
          break;
        case OpCode::kLineEnd:
          ok = pos == len_ || (in.a == 1 && IsLineTerminator(At(pos)));
          ++pc;
          break;
        case OpCode::kWordBoundary: {
          bool before = pos > 0 && IsWordChar(At(pos - 1));
          bool after = pos < len_ && IsWordChar(At(pos));
          ok = (before != after) == (in.a == 0);
          ++pc;
          break;
        }
        case OpCode::kBackref: ok = BackrefMatches(in.a, in.b == 1, &pos); ++pc; break;
        case OpCode::kRepeat: ok = Repeat(pc, &pos); pc += 2; break;
        case OpCode::kLook:
          if (Lookahead(&pc, pos, &ok) == MatchStatus::kLimitExceeded) return MatchStatus::kLimitExceeded;
          break;
        case OpCode::kLookEnd: case OpCode::kMatch:
          *end = pos;
          return MatchStatus::kMatch;
      }
      if (ok) continue;
      if (!Backtrack(base, &pc, &pos)) return limit_hit_ ? MatchStatus::kLimitExceeded : MatchStatus::kNoMatch;
    }
  }

  const Program& program_;
  const Instr* code_;
  const Unit* in_;
  int len_;
  MatchLimits limits_;
  bool icase_;
  bool unicode_;
  bool limit_hit_ = false;
  uint64_t steps_ = 0;
  std::vector<int> regs_;
  std::vector<Entry> stack_;
};

template <typename Unit>
MatchStatus ExecImpl(const Program& program, const Unit* input, size_t length, const MatchOptions& options,
                     std::vector<int>* captures) {
  if (length > static_cast<size_t>(INT32_MAX / 2)) return MatchStatus::kLimitExceeded;
  if (options.start > length) return MatchStatus::kNoMatch;
  Matcher<Unit> matcher(program, input, static_cast<int>(length), options.limits);
  return matcher.Exec(options, captures);
}

}  // namespace

MatchStatus Exec(const Program& program, std::string_view latin1, const MatchOptions& options,
                 std::vector<int>* captures) {
  return ExecImpl(program, latin1.data(), latin1.size(), options, captures);
}

MatchStatus Exec(const Program& program, std::u16string_view utf16, const MatchOptions& options,
                 std::vector<int>* captures) {
  return ExecImpl(program, utf16.data(), utf16.size(), options, captures);
}

}  // namespace tenure::js::regexp
