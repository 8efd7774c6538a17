// UTF-16 code-unit view of WTF-8 Strings (string_utf16.h).
#include "string_utf16.h"

#include <algorithm>

#include "base/utf8.h"

namespace tenure::js {

namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// True when bytes[i..i+6) is a 3-byte lead surrogate followed by a 3-byte trail surrogate.
bool IsSplitPairAt(std::string_view b, size_t i) {
  if (i + 6 > b.size()) return false;
  auto u = [&](size_t k) { return static_cast<unsigned char>(b[i + k]); };
  return u(0) == 0xED && u(1) >= 0xA0 && u(1) <= 0xAF && IsContinuation(u(2)) && u(3) == 0xED &&
         u(4) >= 0xB0 && u(4) <= 0xBF && IsContinuation(u(5));
}

void AppendUnits(uint32_t code_point, std::u16string* out) {
  if (code_point >= 0x10000) {
    code_point -= 0x10000;
    out->push_back(static_cast<char16_t>(0xD800 + (code_point >> 10)));
    out->push_back(static_cast<char16_t>(0xDC00 + (code_point & 0x3FF)));
  } else {
    out->push_back(static_cast<char16_t>(code_point));
  }
}

}  // namespace

bool IsAsciiBytes(std::string_view bytes) {
  for (char c : bytes) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Lead byte ranges and continuation counts: RFC 3629 §4 (generalized to admit ED A0..BF, the
// surrogate range, as WTF-8 does).
size_t DecodeCodePoint(std::string_view bytes, size_t i, uint32_t* code_point) {
  unsigned char c = static_cast<unsigned char>(bytes[i]);
  if (c < 0x80) { *code_point = c; return 1; }
  size_t extra = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
  if (extra == 0 || i + extra >= bytes.size()) { *code_point = base::kReplacementCharacter; return 1; }
  uint32_t cp = c & (0x3F >> extra);
  for (size_t k = 1; k <= extra; ++k) {
    unsigned char d = static_cast<unsigned char>(bytes[i + k]);
    if (!IsContinuation(d)) { *code_point = base::kReplacementCharacter; return 1; }
    cp = (cp << 6) | (d & 0x3F);
  }
  static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMin[extra] || cp > 0x10FFFF) { *code_point = base::kReplacementCharacter; return 1; }
  *code_point = cp;
  return extra + 1;
}

void NormalizeWtf8(std::string* text) {
  if (text->find('\xED') == std::string::npos) return;
  std::string_view b = *text;
  bool needed = false;
  for (size_t i = 0; i + 6 <= b.size() && !needed; ++i) needed = IsSplitPairAt(b, i);
  if (!needed) return;
  std::string out;
  out.reserve(b.size());
  for (size_t i = 0; i < b.size();) {
    if (IsSplitPairAt(b, i)) {
      uint32_t lead, trail;
      DecodeCodePoint(b, i, &lead);
      DecodeCodePoint(b, i + 3, &trail);
      base::AppendUtf8(base::CombineSurrogates(lead, trail), &out);
      i += 6;
    } else {
      out.push_back(b[i++]);
    }
  }
  *text = std::move(out);
}

uint32_t CountUnits(std::string_view bytes) {
  uint32_t units = 0;
  for (size_t i = 0; i < bytes.size();) {
    uint32_t cp;
    i += DecodeCodePoint(bytes, i, &cp);
    units += cp >= 0x10000 ? 2 : 1;
  }
  return units;
}

uint32_t StringInfoFor(std::string_view bytes, bool interned) {
  uint32_t info = interned ? kStringInterned : 0;
  if (IsAsciiBytes(bytes)) return info;
  return info | kStringNonAscii | (CountUnits(bytes) << kStringUnitsShift);
}

std::u16string ToUtf16(std::string_view bytes) {
  std::u16string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
    uint32_t cp;
    i += DecodeCodePoint(bytes, i, &cp);
    AppendUnits(cp, &out);
  }
  return out;
}

std::string ToWtf8(std::u16string_view units) {
  std::string out;
  out.reserve(units.size());
  for (size_t i = 0; i < units.size(); ++i) {
    uint32_t u = units[i];
    if (u < 0x80) { out.push_back(static_cast<char>(u)); continue; }
    if (base::IsLeadSurrogate(u) && i + 1 < units.size() && base::IsTrailSurrogate(units[i + 1])) {
      base::AppendUtf8(base::CombineSurrogates(u, units[++i]), &out);
    } else {
      base::AppendUtf8(u, &out);
    }
  }
  return out;
}

std::string UnitToWtf8(char16_t unit) { return ToWtf8(std::u16string_view(&unit, 1)); }

// UTF-8 byte order is code-point order, which equals UTF-16 unit order except between
// supplementary characters (units D800..DBFF) and U+E000..U+FFFF; so compare bytes up to the
// first difference and decide that difference by units.
int CompareUnits(std::string_view a, std::string_view b) {
  size_t n = std::min(a.size(), b.size());
  size_t i = 0;
  while (i < n && a[i] == b[i]) ++i;
  if (i == n) return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
  unsigned char x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
  if (x < 0x80 && y < 0x80) return x < y ? -1 : 1;
  while (i > 0 && (IsContinuation(x) || IsContinuation(y))) {  // back to the character start
    --i;
    x = static_cast<unsigned char>(a[i]);
    y = static_cast<unsigned char>(b[i]);
  }
  std::u16string ua = ToUtf16(a.substr(i)), ub = ToUtf16(b.substr(i));
  int c = ua.compare(ub);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

std::string ReplaceLoneSurrogates(std::string_view bytes) {
  if (bytes.find('\xED') == std::string_view::npos) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
    uint32_t cp;
    size_t n = DecodeCodePoint(bytes, i, &cp);
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      base::AppendUtf8(base::kReplacementCharacter, &out);
    } else {
      out.append(bytes.substr(i, n));
    }
    i += n;
  }
  return out;
}

}  // namespace tenure::js
