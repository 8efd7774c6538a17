// string_case.h — toUpperCase / toLowerCase on WTF-8 text (locale-independent, as node's default).
//
// Covered: ASCII, Latin-1, Latin Extended-A, Latin Extended Additional (U+1E00..1EFF), Greek and
// Coptic basic letters (with final sigma), Cyrillic (U+0400..04FF), Armenian and fullwidth Latin,
// plus the SpecialCasing.txt expansions ß→SS, ŉ→ʼN, İ→i̇ and ﬀ..ﬆ ligatures. Letters outside these
// blocks are left unchanged (a documented gap, not an error). Lone surrogates pass through.
#pragma once

#include <string>
#include <string_view>

namespace tenure::js {

enum class CaseMapping { kUpper, kLower };

std::string ConvertCase(std::string_view text, CaseMapping mapping);

}  // namespace tenure::js
