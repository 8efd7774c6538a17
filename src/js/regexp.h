// regexp.h — tenure's regular-expression engine (ECMAScript RegExp semantics, ECMA-262 §22.2).
//
// Heap-free: the engine sees a pattern as UTF-16 code units and an input as a Latin-1 (one byte per
// unit: the runtime's ASCII strings) or UTF-16 view, and reports capture positions in code units.
// The runtime (builtins_regexp.cc) wraps it in RegExp objects.
//
// Design: Compile() parses the pattern by recursive descent into a small tree (nesting bounded by
// kMaxNesting, so parsing never recurses deeper than that) and emits a backtracking bytecode
// (Program). Exec() runs the bytecode with an explicit backtrack stack on the C++ heap; the only
// C++ recursion is one level per nested lookahead, bounded by the pattern's nesting, never by the
// input. Quantifiers over a single-unit atom (`a*`, `\d+`, `[^,]{2,5}`, `.*?`) run as one
// instruction holding one backtrack entry however many units they consume; other quantifiers push
// one entry per iteration, and an iteration that consumes nothing ends the loop (§22.2.2.3.1
// RepeatMatcher's empty-check), so `(a*)*` terminates.
//
// The backtracking bound: one Exec() may execute at most max_steps + steps_per_unit * input length
// instructions (a linear scan of any input fits; exponential backtracking does not) and hold at
// most max_backtrack_entries backtrack entries; past either it returns kLimitExceeded (the runtime
// throws a RangeError) instead of running for exponential time or exhausting memory.
//
// Invariants: a Program is immutable after Compile() and safe to share between threads and
// RegExp objects; captures are 2 * capture_count ints (start, end) with -1 for an unset group;
// group 0 is the whole match.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tenure::js::regexp {

inline constexpr int kMaxNesting = 256;          // groups/lookaheads inside each other
inline constexpr size_t kMaxProgramSize = 1 << 20;  // instructions (after expanding {n,m})

struct Flags {
  bool has_indices = false;  // d (match.indices: builtins_regexp.cc)
  bool global = false;       // g
  bool ignore_case = false;  // i
  bool multiline = false;    // m
  bool dot_all = false;      // s
  bool unicode = false;      // u
  bool sticky = false;       // y
};

// Parses a flags string ("gi"); false on an unknown or repeated flag.
bool ParseFlags(std::u16string_view text, Flags* out);
// The flags in the canonical order of RegExp.prototype.flags ("dgimsuy").
std::string FlagsString(const Flags& flags);
// A bit per flag (d=1, g=2, i=4, m=8, s=16, u=32, y=64) and back.
int FlagsToBits(const Flags& flags);
Flags FlagsFromBits(int bits);

enum class OpCode : uint8_t;
struct Instr {
  OpCode op;
  int32_t a = 0;
  int32_t b = 0;
  int32_t c = 0;
};
// A character class: sorted, merged inclusive code-point ranges.
struct CharClass {
  std::vector<std::pair<uint32_t, uint32_t>> ranges;
  bool negated = false;
};

struct Program {
  std::vector<Instr> code;
  std::vector<CharClass> classes;
  int capture_count = 1;   // including group 0
  int register_count = 2;  // capture slots, then loop-progress registers
  std::vector<std::pair<std::string, int>> group_names;  // UTF-8 name -> group, in pattern order
  Flags flags;
};

// Compiles `pattern` with `flags`. On a syntax error returns null and sets *error to node's
// message, e.g. "Invalid regular expression: /(/: Unterminated group".
std::shared_ptr<const Program> Compile(std::u16string_view pattern, const Flags& flags, std::string* error);

struct MatchLimits {
  uint64_t max_steps = uint64_t{1} << 27;        // ~0.5 s of matching in a Release build
  uint64_t steps_per_unit = 32;                   // added per code unit of the input
  size_t max_backtrack_entries = size_t{1} << 22;  // 64 MiB of 16-byte entries
};
struct MatchOptions {
  size_t start = 0;      // first position tried, in code units
  bool anchored = false;  // only try `start` (sticky, split)
  MatchLimits limits;
};
enum class MatchStatus { kMatch, kNoMatch, kLimitExceeded };

// Finds the first match at or after options.start. On kMatch fills *captures.
MatchStatus Exec(const Program& program, std::string_view latin1, const MatchOptions& options,
                 std::vector<int>* captures);
MatchStatus Exec(const Program& program, std::u16string_view utf16, const MatchOptions& options,
                 std::vector<int>* captures);

// The `source` text of a pattern (§22.2.6.13.1 EscapeRegExpPattern as V8 does it): "(?:)" for an
// empty pattern, `/` outside a class escaped, line terminators as \n \r \u2028 \u2029.
std::u16string EscapePattern(std::u16string_view pattern);

}  // namespace tenure::js::regexp
