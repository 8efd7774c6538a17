// Copyright the tenure authors.
// utf8.h — encoding code points as UTF-8 (RFC 3629 §3).
//
// tenure's strings are UTF-8 bytes everywhere (the runtime's String, snapshot string tables), so
// every decoder of an escape (`\u{1F600}` in JS source, `\ud83d\ude00` in JSON) ends here.
#ifndef TENURE_SRC_BASE_UTF8_H_
#define TENURE_SRC_BASE_UTF8_H_

#include <cstdint>
#include <string>

namespace tenure::base {

inline constexpr uint32_t kReplacementCharacter = 0xFFFD;

// Appends `code_point` (≤ 0x10FFFF; larger values become U+FFFD) as 1–4 UTF-8 bytes. Surrogate
// code points are encoded as-is (3 bytes, "WTF-8"), so a lone surrogate survives a round trip.
void AppendUtf8(uint32_t code_point, std::string* out);

// Combines a UTF-16 surrogate pair into one code point. Requires IsLeadSurrogate(lead) and
// IsTrailSurrogate(trail).
inline bool IsLeadSurrogate(uint32_t unit) { return unit >= 0xD800 && unit <= 0xDBFF; }
inline bool IsTrailSurrogate(uint32_t unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }
inline uint32_t CombineSurrogates(uint32_t lead, uint32_t trail) {
  return 0x10000 + ((lead - 0xD800) << 10) + (trail - 0xDC00);
}

}  // namespace tenure::base

#endif  // TENURE_SRC_BASE_UTF8_H_
