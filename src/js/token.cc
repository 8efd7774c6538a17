#include "token.h"

namespace tenure::js {

namespace {
constexpr std::string_view kTexts[] = {
#define TENURE_JS_TOKEN_TEXT(kind, text) text,
    TENURE_JS_TOKENS(TENURE_JS_TOKEN_TEXT)
#undef TENURE_JS_TOKEN_TEXT
};
constexpr std::string_view kNames[] = {
#define TENURE_JS_TOKEN_NAME(kind, text) std::string_view(#kind).substr(1),
    TENURE_JS_TOKENS(TENURE_JS_TOKEN_NAME)
#undef TENURE_JS_TOKEN_NAME
};
}  // namespace

std::string_view TokenText(Tok kind) { return kTexts[static_cast<int>(kind)]; }
std::string_view TokenName(Tok kind) { return kNames[static_cast<int>(kind)]; }

Tok BinaryOpOfAssignment(Tok kind) {
  switch (kind) {
    case Tok::kAddAssign: return Tok::kAdd;
    case Tok::kSubAssign: return Tok::kSub;
    case Tok::kMulAssign: return Tok::kMul;
    case Tok::kDivAssign: return Tok::kDiv;
    case Tok::kModAssign: return Tok::kMod;
    case Tok::kExpAssign: return Tok::kExp;
    case Tok::kShlAssign: return Tok::kShl;
    case Tok::kSarAssign: return Tok::kSar;
    case Tok::kShrAssign: return Tok::kShr;
    case Tok::kAndAssign: return Tok::kBitAnd;
    case Tok::kOrAssign: return Tok::kBitOr;
    case Tok::kXorAssign: return Tok::kBitXor;
    case Tok::kLogicalAndAssign: return Tok::kAnd;
    case Tok::kLogicalOrAssign: return Tok::kOr;
    case Tok::kNullishAssign: return Tok::kNullish;
    default: return Tok::kAssign;
  }
}

}  // namespace tenure::js
