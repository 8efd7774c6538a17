// String.prototype.localeCompare's ordering: an approximation of the CLDR root collation that
// node's ICU applies (node 20 ships full ICU), for Latin-1 text; see collation.cc.
#ifndef TENURE_JS_COLLATION_H_
#define TENURE_JS_COLLATION_H_

#include <string_view>

namespace tenure::js {

// ECMA-402 Intl.Collator options localeCompare takes (§10.1): which differences count, and
// whether digit runs compare by numeric value.
struct CollationOptions {
  enum class Sensitivity { kBase, kAccent, kCase, kVariant };
  Sensitivity sensitivity = Sensitivity::kVariant;
  bool numeric = false;
  bool ignore_punctuation = false;
};

// -1, 0 or 1 for two strings in the runtime's WTF-8.
int CollateStrings(std::string_view a, std::string_view b, const CollationOptions& options);

}  // namespace tenure::js

#endif  // TENURE_JS_COLLATION_H_
