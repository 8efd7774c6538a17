// Case mapping tables transcribed from the Unicode Character Database (UnicodeData.txt simple
// mappings, SpecialCasing.txt unconditional expansions and the Final_Sigma condition), Unicode 15.
#include "string_case.h"

#include <cstdint>

#include "base/utf8.h"
#include "string_utf16.h"

namespace tenure::js {

namespace {

// Ranges where upper and lower case alternate: even code point upper, odd lower (or the reverse
// when upper_is_odd).
struct AlternatingRange {
  uint32_t first, last;
  bool upper_is_odd;
};
constexpr AlternatingRange kAlternating[] = {
    {0x0100, 0x012F, false}, {0x0132, 0x0137, false}, {0x0139, 0x0148, true},  {0x014A, 0x0177, false},
    {0x0179, 0x017E, true},  {0x01DE, 0x01EF, false}, {0x01F8, 0x021F, false}, {0x0222, 0x0233, false},
    {0x03D8, 0x03EF, false}, {0x0460, 0x0481, false}, {0x048A, 0x04BF, false}, {0x04C1, 0x04CE, true},
    {0x04D0, 0x04FF, false}, {0x1E00, 0x1E95, false}, {0x1EA0, 0x1EFF, false},
};

// Ranges where lower = upper + delta.
struct OffsetRange {
  uint32_t upper_first, upper_last;
  int32_t delta;
};
constexpr OffsetRange kOffset[] = {
    {0x00C0, 0x00D6, 32}, {0x00D8, 0x00DE, 32}, {0x0391, 0x03A1, 32}, {0x03A3, 0x03AB, 32},
    {0x0388, 0x038A, 37}, {0x0410, 0x042F, 32}, {0x0400, 0x040F, 80}, {0x0531, 0x0556, 48},
    {0xFF21, 0xFF3A, 32},
};

// Single pairs not covered above (upper, lower).
constexpr uint32_t kPairs[][2] = {
    {0x0178, 0x00FF}, {0x0386, 0x03AC}, {0x038C, 0x03CC}, {0x038E, 0x03CD}, {0x038F, 0x03CE},
    {0x0152, 0x0153}, {0x0191, 0x0192}, {0x01C4, 0x01C6}, {0x01C7, 0x01C9}, {0x01CA, 0x01CC},
    {0x01F1, 0x01F3}, {0x04C0, 0x04CF},
};

// Latin titlecase digraphs (ǅ ǈ ǋ ǲ) sit between their upper and lower forms.
bool IsTitlecaseDigraph(uint32_t c) { return c == 0x01C5 || c == 0x01C8 || c == 0x01CB || c == 0x01F2; }

uint32_t ToUpperSimple(uint32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 32 : c;
  if (IsTitlecaseDigraph(c)) return c - 1;
  if (c == 0x00B5) return 0x039C;  // micro sign → Greek capital mu
  if (c == 0x0131) return 'I';     // dotless i
  if (c == 0x017F) return 'S';     // long s
  if (c == 0x03C2) return 0x03A3;  // final sigma
  for (const auto& r : kOffset) {
    if (c >= r.upper_first + r.delta && c <= r.upper_last + r.delta) return c - r.delta;
  }
  for (const auto& p : kPairs) if (c == p[1]) return p[0];
  for (const auto& r : kAlternating) {
    if (c >= r.first && c <= r.last && ((c & 1) != 0) != r.upper_is_odd) return c - 1 + 2 * r.upper_is_odd;
  }
  return c;
}

uint32_t ToLowerSimple(uint32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  if (IsTitlecaseDigraph(c)) return c + 1;
  for (const auto& r : kOffset) {
    if (c >= r.upper_first && c <= r.upper_last) return c + r.delta;
  }
  for (const auto& p : kPairs) if (c == p[0]) return p[1];
  for (const auto& r : kAlternating) {
    if (c >= r.first && c <= r.last && ((c & 1) != 0) == r.upper_is_odd) return c + 1 - 2 * r.upper_is_odd;
  }
  return c;
}

// SpecialCasing.txt unconditional mappings that expand to several code points.
bool AppendSpecialUpper(uint32_t c, std::string* out) {
  switch (c) {
    case 0x00DF: *out += "SS"; return true;                    // ß
    case 0x0149: base::AppendUtf8(0x02BC, out); *out += 'N'; return true;  // ŉ
    case 0xFB00: *out += "FF"; return true;
    case 0xFB01: *out += "FI"; return true;
    case 0xFB02: *out += "FL"; return true;
    case 0xFB03: *out += "FFI"; return true;
    case 0xFB04: *out += "FFL"; return true;
    case 0xFB05: case 0xFB06: *out += "ST"; return true;
    default: return false;
  }
}

bool IsCasedLetter(uint32_t c) { return ToUpperSimple(c) != c || ToLowerSimple(c) != c || c == 0xDF; }

// Final_Sigma (SpecialCasing.txt, Unicode §3.13): Σ lowers to ς when a cased letter precedes it
// and none follows (ignoring nothing: case-ignorable characters are not modelled).
bool IsFinalSigma(std::string_view text, size_t at, size_t len, uint32_t previous) {
  if (!IsCasedLetter(previous)) return false;
  if (at + len >= text.size()) return true;
  uint32_t next;
  DecodeCodePoint(text, at + len, &next);
  return !IsCasedLetter(next);
}

}  // namespace

std::string ConvertCase(std::string_view text, CaseMapping mapping) {
  std::string out;
  out.reserve(text.size());
  uint32_t previous = 0;
  for (size_t i = 0; i < text.size();) {
    uint32_t c;
    size_t len = DecodeCodePoint(text, i, &c);
    if (c < 0x80) {
      out.push_back(static_cast<char>(mapping == CaseMapping::kUpper ? ToUpperSimple(c) : ToLowerSimple(c)));
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      out.append(text.substr(i, len));  // lone surrogate: unchanged
    } else if (mapping == CaseMapping::kUpper) {
      if (!AppendSpecialUpper(c, &out)) base::AppendUtf8(ToUpperSimple(c), &out);
    } else if (c == 0x0130) {
      out += "i";  // İ → i + combining dot above
      base::AppendUtf8(0x0307, &out);
    } else if (c == 0x03A3 && IsFinalSigma(text, i, len, previous)) {
      base::AppendUtf8(0x03C2, &out);
    } else {
      base::AppendUtf8(ToLowerSimple(c), &out);
    }
    previous = c;
    i += len;
  }
  return out;
}

}  // namespace tenure::js
