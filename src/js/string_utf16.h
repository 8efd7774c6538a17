// string_utf16.h — JavaScript's UTF-16 code-unit view of the runtime's WTF-8 Strings.
//
// Storage stays UTF-8 (console output, interning, snapshots and the analyzer all read bytes), but
// every JS-visible index, length and comparison is in UTF-16 code units, as in ECMA-262 §6.1.4.
//
// Invariants:
//  - String bytes are canonical WTF-8 (https://simonsapin.github.io/wtf-8/): a lone surrogate
//    code unit is its 3-byte generalized UTF-8 encoding (ED A0..BF xx), and a lead surrogate is
//    never directly followed by a trail surrogate (such a pair is always one 4-byte sequence).
//    Runtime::NewString / Intern canonicalize (NormalizeWtf8), so byte equality is JS equality.
//  - String::info caches, at creation, whether the bytes are all ASCII and, if not, the UTF-16
//    length. ASCII strings keep the fast path: byte index == code-unit index.
//  - Bytes that are not valid (W)UTF-8 decode as one U+FFFD unit per bad byte, consistently in
//    CountUnits, ToUtf16 and the code-point iterator, so lengths and indices always agree.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tenure::js {

// Bit layout of String::info.
inline constexpr uint32_t kStringInterned = 1;
inline constexpr uint32_t kStringNonAscii = 2;
inline constexpr uint32_t kStringUnitsShift = 2;  // UTF-16 length (non-ASCII strings only)

bool IsAsciiBytes(std::string_view bytes);

// Decodes the code point starting at bytes[i] (a surrogate for WTF-8 surrogate bytes, U+FFFD for
// an invalid byte); returns the number of bytes consumed (1..4). Requires i < bytes.size().
size_t DecodeCodePoint(std::string_view bytes, size_t i, uint32_t* code_point);

// Merges every 3-byte lead surrogate directly followed by a 3-byte trail surrogate into the
// 4-byte encoding of the pair. No-op (and no copy) for ASCII or already canonical text.
void NormalizeWtf8(std::string* text);

// The String::info word for `bytes` (canonical WTF-8).
uint32_t StringInfoFor(std::string_view bytes, bool interned);

uint32_t CountUnits(std::string_view bytes);
std::u16string ToUtf16(std::string_view bytes);
// Units to canonical WTF-8: adjacent lead+trail units combine; lone surrogates stay 3 bytes.
std::string ToWtf8(std::u16string_view units);
std::string UnitToWtf8(char16_t unit);

// Compares two strings by UTF-16 code units (ECMA-262 IsLessThan on strings): <0, 0, >0.
int CompareUnits(std::string_view a, std::string_view b);

// Text for raw output (console.log of a string, process.stdout.write): lone surrogates become
// U+FFFD, as node writes them. Returns `bytes` unchanged when it has none.
std::string ReplaceLoneSurrogates(std::string_view bytes);

}  // namespace tenure::js
