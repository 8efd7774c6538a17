// regexp_internal.h — the bytecode shared by the regexp compiler and matcher (not for the runtime).
//
// Instruction operands (a, b, c) per opcode:
//   kChar        a = code unit (canonicalized under the i flag)
//   kAny         a = 1 when `.` also matches line terminators (s flag)
//   kClass       a = index into Program::classes
//                (kChar/kAny/kClass: c = 1 inside a lookbehind — match the character that ends at
//                the position and move left; kBackref: b = 1 likewise)
//   kSplit       a = preferred target, b = alternative target (pushed as a backtrack entry)
//   kJump        a = target
//   kSave        a = register (capture slot); records the position, undone on backtrack
//   kClearRegs   a = first register, b = count: sets them to -1 (captures of a repeated atom)
//   kMark        a = loop register: records the position at the start of an iteration
//   kProgress    a = loop register: fails when the iteration consumed nothing
//   kLineStart / kLineEnd  a = 1 under the m flag (also after/before line terminators)
//   kWordBoundary          a = 1 for \B
//   kBackref     a = group (under i: case-insensitive comparison)
//   kLook        a = 1 when negative, b = pc after the matching kLookEnd; the body follows
//                (a lookbehind's body is compiled right to left with backward operands)
//   kLookEnd     ends a lookaround body (success of the nested match)
//   kRepeat      a = min, b = max (-1: unbounded), c = 1 when greedy; the single-unit atom
//                (kChar/kAny/kClass) is the next instruction, matching continues after it
//   kMatch       success
#pragma once

#include "regexp.h"

namespace tenure::js::regexp {

enum class OpCode : uint8_t {
  kChar, kAny, kClass, kSplit, kJump, kSave, kClearRegs, kMark, kProgress, kLineStart, kLineEnd,
  kWordBoundary, kBackref, kLook, kLookEnd, kRepeat, kMatch,
};

// Canonicalize(ch) of ECMA-262 §22.2.2.7.3 without the u flag, for the characters tenure folds:
// ASCII and Latin-1 letters (and the two Latin-1 letters whose upper case lies outside it,
// U+00B5 -> U+039C and U+00FF -> U+0178, with U+03BC -> U+039C so both micro signs agree).
uint32_t Canonicalize(uint32_t c);
// The code units whose Canonicalize equals Canonicalize(c) (c included); returns how many (1..3).
int CaseVariants(uint32_t c, uint32_t out[3]);
bool ClassContains(const CharClass& cls, uint32_t c);
bool IsLineTerminator(uint32_t c);
bool IsWordChar(uint32_t c);

}  // namespace tenure::js::regexp
