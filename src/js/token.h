// Token kinds of the JavaScript subset and the Token record the lexer produces.
//
// Keywords are their own kinds; contextual words (let, static, get, set, of) are kIdentifier and
// the parser checks their text. Every token carries its byte range, so error carets can underline it.
#pragma once

#include <cstdint>
#include <string_view>

namespace tenure::js {

// X(kind, text). `text` is how a token prints in "Unexpected token 'x'" messages.
#define TENURE_JS_TOKENS(X)                                                                      \
  X(kEof, "")                                                                                  \
  X(kIdentifier, "")                                                                           \
  X(kNumber, "")                                                                               \
  X(kString, "")                                                                               \
  X(kTemplateFull, "")    /* `abc` */                                                          \
  X(kTemplateHead, "")    /* `abc${ */                                                         \
  X(kTemplateMiddle, "")  /* }abc${ */                                                         \
  X(kTemplateTail, "")    /* }abc` */                                                          \
  X(kRegExp, "")          /* /pattern/flags: value = the source text between the slashes, then flags */ \
  X(kPrivateName, "")     /* #name (class private names): value includes the '#' */      \
  X(kLParen, "(") X(kRParen, ")") X(kLBrace, "{") X(kRBrace, "}") X(kLBrack, "[")              \
  X(kRBrack, "]") X(kSemicolon, ";") X(kComma, ",") X(kColon, ":") X(kDot, ".")                \
  X(kEllipsis, "...") X(kQuestion, "?") X(kQuestionDot, "?.") X(kArrow, "=>")                  \
  X(kAssign, "=") X(kAddAssign, "+=") X(kSubAssign, "-=") X(kMulAssign, "*=")                  \
  X(kDivAssign, "/=") X(kModAssign, "%=") X(kExpAssign, "**=") X(kShlAssign, "<<=")            \
  X(kSarAssign, ">>=") X(kShrAssign, ">>>=") X(kAndAssign, "&=") X(kOrAssign, "|=")            \
  X(kXorAssign, "^=") X(kLogicalAndAssign, "&&=") X(kLogicalOrAssign, "||=")                   \
  X(kNullishAssign, "?\?=")                                                                    \
  X(kNullish, "??") X(kOr, "||") X(kAnd, "&&") X(kBitOr, "|") X(kBitXor, "^")                   \
  X(kBitAnd, "&") X(kEq, "==") X(kNe, "!=") X(kStrictEq, "===") X(kStrictNe, "!==")             \
  X(kLt, "<") X(kGt, ">") X(kLe, "<=") X(kGe, ">=") X(kShl, "<<") X(kSar, ">>")                 \
  X(kShr, ">>>") X(kAdd, "+") X(kSub, "-") X(kMul, "*") X(kDiv, "/") X(kMod, "%")               \
  X(kExp, "**") X(kNot, "!") X(kBitNot, "~") X(kInc, "++") X(kDec, "--")                        \
  /* keywords */                                                                               \
  X(kBreak, "break") X(kCase, "case") X(kCatch, "catch") X(kClass, "class")                     \
  X(kConst, "const") X(kContinue, "continue") X(kDebugger, "debugger")                          \
  X(kDefault, "default") X(kDelete, "delete") X(kDo, "do") X(kElse, "else")                     \
  X(kExport, "export") X(kExtends, "extends") X(kFalse, "false") X(kFinally, "finally")         \
  X(kFor, "for") X(kFunction, "function") X(kIf, "if") X(kImport, "import") X(kIn, "in")        \
  X(kInstanceof, "instanceof") X(kNew, "new") X(kNull, "null") X(kReturn, "return")             \
  X(kSuper, "super") X(kSwitch, "switch") X(kThis, "this") X(kThrow, "throw") X(kTrue, "true")  \
  X(kTry, "try") X(kTypeof, "typeof") X(kVar, "var") X(kVoid, "void") X(kWhile, "while")        \
  X(kWith, "with")

enum class Tok : uint8_t {
#define TENURE_JS_TOKEN_ENUM(kind, text) kind,
  TENURE_JS_TOKENS(TENURE_JS_TOKEN_ENUM)
#undef TENURE_JS_TOKEN_ENUM
      kCount
};

constexpr Tok kFirstKeyword = Tok::kBreak;

// The fixed text of a punctuator or keyword ("" for literal/identifier kinds).
std::string_view TokenText(Tok kind);
// The enum name without the leading k, e.g. "StrictEq"; used by the AST dump.
std::string_view TokenName(Tok kind);
inline bool IsKeyword(Tok kind) { return kind >= kFirstKeyword && kind < Tok::kCount; }
inline bool IsAssignmentOp(Tok kind) { return kind >= Tok::kAssign && kind <= Tok::kNullishAssign; }
// For a compound assignment (`+=`) the binary operator it applies (`+`); kAssign for plain `=`.
Tok BinaryOpOfAssignment(Tok kind);

struct Token {
  Tok kind = Tok::kEof;
  bool newline_before = false;  // a line terminator precedes this token (drives ASI)
  uint32_t start = 0;           // byte offset of the first character
  uint32_t end = 0;             // byte offset one past the last character
  double number = 0;            // kNumber
  std::string_view value;       // identifier name, cooked string/template text (arena- or source-owned)
  // Template parts only: the raw text (TRV: source between the delimiters, CR and CRLF read as
  // LF) and, when an escape is malformed, the SyntaxError an untagged template reports (a tagged
  // one gets an undefined cooked value instead; ECMA-262 §13.2.8.3 NotEscapeSequence).
  std::string_view raw;
  std::string_view escape_error;  // empty: the cooked value is valid
  uint32_t escape_error_start = 0;
  uint32_t escape_error_end = 0;
};

}  // namespace tenure::js
