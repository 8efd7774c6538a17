// localeCompare's collation: the three-level comparison of the Unicode Collation Algorithm
// (UTS #10 §4: compare all primary weights, then secondary, then tertiary) over a table of weights
// for U+0000..U+00FF.
//
// The weights are the CLDR root collation as ICU applies it, read off node 20's
// String.prototype.localeCompare (sensitivity 'base' / 'accent' / 'variant' dense ranks, per
// character): primary = the base letter or symbol (whitespace < punctuation < symbols < currency
// < digits < letters; 0 = ignorable: controls and the soft hyphen), secondary = the accent within
// a primary (none < acute < grave < circumflex < ring < diaeresis < tilde < stroke), tertiary =
// case and variants (a < A < ª). Expanding characters take the weights of their expansion with a
// secondary mark after every accent (æ = a e, ß = s s) or a tertiary mark (¼ ½ ¾ = digit / digit). Everything above U+00FF sorts after the
// table by code point with no secondary or tertiary difference — not ICU's order for other
// scripts, accents outside Latin-1 (ā, ő) or case pairs like Ā/ā; the `locales` argument is
// ignored (root order).
#include "collation.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "string_utf16.h"

namespace tenure::js {

namespace {

// (primary << 16) | (secondary << 8) | tertiary for U+0000..U+00FF.
constexpr uint32_t kLatin1Weights[256] = {
    0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x000000,  // U+0000
    0x000000, 0x010000, 0x020000, 0x030000, 0x040000, 0x050000, 0x000000, 0x000000,  // U+0008
    0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x000000,  // U+0010
    0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x000000,  // U+0018
    0x070000, 0x0d0000, 0x140000, 0x240000, 0x3c0000, 0x250000, 0x230000, 0x130000,  // U+0020
    0x170000, 0x180000, 0x200000, 0x2f0000, 0x0a0000, 0x090000, 0x110000, 0x210000,  // U+0028
    0x3f0000, 0x400000, 0x430000, 0x440000, 0x460000, 0x470000, 0x480000, 0x490000,  // U+0030
    0x4a0000, 0x4b0000, 0x0c0000, 0x0b0000, 0x330000, 0x340000, 0x350000, 0x0f0000,  // U+0038
    0x1f0000, 0x4c0001, 0x4e0001, 0x4f0001, 0x500001, 0x510001, 0x520001, 0x530001,  // U+0040
    0x540001, 0x550001, 0x560001, 0x570001, 0x580001, 0x590001, 0x5a0001, 0x5b0001,  // U+0048
    0x5c0001, 0x5d0001, 0x5e0001, 0x5f0001, 0x610001, 0x620001, 0x630001, 0x640001,  // U+0050
    0x650001, 0x660001, 0x670001, 0x190000, 0x220000, 0x1a0000, 0x280000, 0x080000,  // U+0058
    0x260000, 0x4c0000, 0x4e0000, 0x4f0000, 0x500000, 0x510000, 0x520000, 0x530000,  // U+0060
    0x540000, 0x550000, 0x560000, 0x570000, 0x580000, 0x590000, 0x5a0000, 0x5b0000,  // U+0068
    0x5c0000, 0x5d0000, 0x5e0000, 0x5f0000, 0x610000, 0x620000, 0x630000, 0x640000,  // U+0070
    0x650000, 0x660000, 0x670000, 0x1b0000, 0x370000, 0x1c0000, 0x390000, 0x000000,  // U+0078
    0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x060000, 0x000000, 0x000000,  // U+0080
    0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x000000,  // U+0088
    0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x000000,  // U+0090
    0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x000000, 0x000000,  // U+0098
    0x070001, 0x0e0000, 0x3b0000, 0x3d0000, 0x3a0000, 0x3e0000, 0x380000, 0x1d0000,  // U+00A0
    0x2a0000, 0x2d0000, 0x4c0002, 0x150000, 0x360000, 0x000000, 0x2e0000, 0x290000,  // U+00A8
    0x2c0000, 0x300000, 0x430001, 0x440001, 0x270000, 0x690000, 0x1e0000, 0x120000,  // U+00B0
    0x2b0000, 0x400001, 0x5b0002, 0x160000, 0x420000, 0x410000, 0x450000, 0x100000,  // U+00B8
    0x4c0201, 0x4c0101, 0x4c0301, 0x4c0601, 0x4c0501, 0x4c0401, 0x4d0001, 0x4f0101,  // U+00C0
    0x510201, 0x510101, 0x510301, 0x510401, 0x550201, 0x550101, 0x550301, 0x550401,  // U+00C8
    0x500101, 0x5a0101, 0x5b0201, 0x5b0101, 0x5b0301, 0x5b0501, 0x5b0401, 0x320000,  // U+00D0
    0x5b0601, 0x620201, 0x620101, 0x620301, 0x620401, 0x660101, 0x680001, 0x600000,  // U+00D8
    0x4c0200, 0x4c0100, 0x4c0300, 0x4c0600, 0x4c0500, 0x4c0400, 0x4d0000, 0x4f0100,  // U+00E0
    0x510200, 0x510100, 0x510300, 0x510400, 0x550200, 0x550100, 0x550300, 0x550400,  // U+00E8
    0x500100, 0x5a0100, 0x5b0200, 0x5b0100, 0x5b0300, 0x5b0500, 0x5b0400, 0x310000,  // U+00F0
    0x5b0600, 0x620200, 0x620100, 0x620300, 0x620400, 0x660100, 0x680000, 0x660200,  // U+00F8
};

constexpr uint32_t kDigitPrimary = 0x3f;     // '0': numeric runs compare at this primary
constexpr uint32_t kBeyondLatin1 = 0x1000;   // primaries of code points above U+00FF start here

struct Element {
  uint32_t primary, secondary, tertiary;
  std::string digits;  // numeric collation: a run of ASCII digits without leading zeros
  bool upper = false;  // the case bit ICU's case level compares (sensitivity 'case')
};

bool IsUpperLatin1(uint32_t cp) { return (cp >= 'A' && cp <= 'Z') || (cp >= 0xc0 && cp <= 0xde && cp != 0xd7); }

// Appends the weights of a Latin-1 `code_point`, raised to at least the given marks (an
// expansion's elements differ from the letters they expand to).
void Push(std::vector<Element>* out, uint32_t code_point, uint32_t secondary_mark, uint32_t tertiary_mark) {
  uint32_t w = kLatin1Weights[code_point];
  out->push_back({w >> 16, std::max((w >> 8) & 0xff, secondary_mark), std::max(w & 0xff, tertiary_mark), {},
                  IsUpperLatin1(code_point)});
}

constexpr uint32_t kExpansionSecondary = 0x10;  // æ, ß: after every accent (æ > áe in ICU)

// The collation elements of `s`; ignorables are dropped.
std::vector<Element> Elements(std::string_view s, const CollationOptions& options) {
  std::vector<Element> out;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    size_t n = DecodeCodePoint(s, i, &cp);
    if (options.numeric && cp >= '0' && cp <= '9') {
      size_t j = i;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
      std::string run(s.substr(i, j - i));
      run.erase(0, std::min(run.find_first_not_of('0'), run.size() - 1));
      out.push_back({kDigitPrimary, 0, 0, run});
      i = j;
      continue;
    }
    i += n;
    if (cp > 0xff) {
      out.push_back({kBeyondLatin1 + cp, 0, 0, {}});
    } else if (cp == 0xe6 || cp == 0xc6) {  // æ Æ: a e with an expansion accent
      Push(&out, cp == 0xe6 ? 'a' : 'A', kExpansionSecondary, 0);
      Push(&out, cp == 0xe6 ? 'e' : 'E', kExpansionSecondary, 0);
    } else if (cp == 0xdf) {  // ß: s s with an expansion accent
      Push(&out, 's', kExpansionSecondary, 0);
      Push(&out, 's', kExpansionSecondary, 0);
    } else if (cp >= 0xbc && cp <= 0xbe) {  // ¼ ½ ¾: digit, fraction slash (as '/'), digit
      Push(&out, cp == 0xbe ? '3' : '1', 0, 3);
      Push(&out, '/', 0, 3);
      Push(&out, cp == 0xbc ? '4' : cp == 0xbd ? '2' : '4', 0, 3);
    } else if ((kLatin1Weights[cp] >> 16) != 0) {
      Push(&out, cp, 0, 0);
    }
    if (!out.empty() && options.ignore_punctuation && out.back().primary < kDigitPrimary &&
        out.back().digits.empty()) {
      out.pop_back();
    }
  }
  return out;
}

int Sign(int64_t d) { return d < 0 ? -1 : d > 0 ? 1 : 0; }

int ComparePrimary(const Element& a, const Element& b) {
  if (!a.digits.empty() && !b.digits.empty()) {
    if (a.digits.size() != b.digits.size()) return a.digits.size() < b.digits.size() ? -1 : 1;
    return Sign(a.digits.compare(b.digits));
  }
  return Sign(static_cast<int64_t>(a.primary) - static_cast<int64_t>(b.primary));
}

// Compares one level over the whole strings: element by element, then by length.
template <typename Cmp>
int CompareLevel(const std::vector<Element>& a, const std::vector<Element>& b, Cmp cmp) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (int c = cmp(a[i], b[i])) return c;
  }
  return Sign(static_cast<int64_t>(a.size()) - static_cast<int64_t>(b.size()));
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// CollateStrings for two ASCII strings without `numeric` or `ignorePunctuation`, building no
// element lists: each character is one element (controls are ignorable and skipped), no ASCII
// character has an accent, and the tertiary weight is the case bit (1 for A-Z only), so the case
// and tertiary levels both come down to the first case difference between equal primaries.
int CollateAscii(std::string_view a, std::string_view b, CollationOptions::Sensitivity sensitivity) {
  auto weight = [](char c) { return kLatin1Weights[static_cast<unsigned char>(c)]; };
  size_t i = 0, j = 0;
  int case_difference = 0;
  for (;;) {
    while (i < a.size() && (weight(a[i]) >> 16) == 0) ++i;
    while (j < b.size() && (weight(b[j]) >> 16) == 0) ++j;
    if (i == a.size() || j == b.size()) break;
    uint32_t wa = weight(a[i++]), wb = weight(b[j++]);
    if ((wa >> 16) != (wb >> 16)) return (wa >> 16) < (wb >> 16) ? -1 : 1;
    if (case_difference == 0) case_difference = Sign(static_cast<int64_t>(wa & 0xff) - static_cast<int64_t>(wb & 0xff));
  }
  if ((i < a.size()) != (j < b.size())) return i < a.size() ? 1 : -1;  // one has more elements
  using S = CollationOptions::Sensitivity;
  return sensitivity == S::kCase || sensitivity == S::kVariant ? case_difference : 0;
}

}  // namespace

int CollateStrings(std::string_view a, std::string_view b, const CollationOptions& options) {
  using S = CollationOptions::Sensitivity;
  if (!options.numeric && !options.ignore_punctuation && IsAscii(a) && IsAscii(b)) {
    return CollateAscii(a, b, options.sensitivity);
  }
  std::vector<Element> ea = Elements(a, options), eb = Elements(b, options);
  if (int c = CompareLevel(ea, eb, ComparePrimary)) return c;
  if (options.sensitivity == S::kAccent || options.sensitivity == S::kVariant) {
    auto secondary = [](const Element& x, const Element& y) {
      return Sign(static_cast<int64_t>(x.secondary) - static_cast<int64_t>(y.secondary));
    };
    if (int c = CompareLevel(ea, eb, secondary)) return c;
  }
  if (options.sensitivity == S::kCase) {
    auto case_level = [](const Element& x, const Element& y) { return Sign(int{x.upper} - int{y.upper}); };
    if (int c = CompareLevel(ea, eb, case_level)) return c;
  }
  if (options.sensitivity == S::kVariant) {
    auto tertiary = [](const Element& x, const Element& y) {
      return Sign(static_cast<int64_t>(x.tertiary) - static_cast<int64_t>(y.tertiary));
    };
    if (int c = CompareLevel(ea, eb, tertiary)) return c;
  }
  return 0;
}

}  // namespace tenure::js
