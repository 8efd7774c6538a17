#include "lexer.h"

#include <cmath>
#include <cstdlib>
#include <unordered_map>

#include "base/utf8.h"
#include "regexp.h"
#include "string_utf16.h"

namespace tenure::js {

namespace {

bool IsIdStart(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
}
bool IsIdPart(unsigned char c) { return IsIdStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

const std::unordered_map<std::string_view, Tok>& KeywordTable() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, Tok>();
    for (int k = static_cast<int>(kFirstKeyword); k < static_cast<int>(Tok::kCount); ++k) {
      (*t)[TokenText(static_cast<Tok>(k))] = static_cast<Tok>(k);
    }
    return t;
  }();
  return *table;
}

}  // namespace

Lexer::Lexer(const SourceFile& source, Arena& arena) : text_(source.text()), arena_(arena) {
  if (text_.size() >= 2 && text_[0] == '#' && text_[1] == '!') {  // hashbang line
    while (!AtEnd() && Peek() != '\n') ++pos_;
  }
}

void Lexer::Fail(const char* message, uint32_t start, uint32_t end) {
  throw SyntaxError{message, start, end};
}

void Lexer::SkipWhitespaceAndComments(bool* newline) {
  while (!AtEnd()) {
    char c = Peek();
    if (c == '\n' || c == '\r') {
      *newline = true;
      ++pos_;
    } else if (c == ' ' || c == '\t' || c == '\v' || c == '\f') {
      ++pos_;
    } else if (static_cast<unsigned char>(c) == 0xC2 && static_cast<unsigned char>(Peek(1)) == 0xA0) {
      pos_ += 2;  // U+00A0 no-break space
    } else if (static_cast<unsigned char>(c) == 0xE2 && static_cast<unsigned char>(Peek(1)) == 0x80 &&
               (static_cast<unsigned char>(Peek(2)) == 0xA8 || static_cast<unsigned char>(Peek(2)) == 0xA9)) {
      *newline = true;  // U+2028 / U+2029 line separators
      pos_ += 3;
    } else if (static_cast<unsigned char>(c) == 0xEF && static_cast<unsigned char>(Peek(1)) == 0xBB &&
               static_cast<unsigned char>(Peek(2)) == 0xBF) {
      pos_ += 3;  // byte-order mark
    } else if (c == '/' && Peek(1) == '/') {
      while (!AtEnd() && Peek() != '\n' && Peek() != '\r') ++pos_;
    } else if (c == '/' && Peek(1) == '*') {
      uint32_t start = static_cast<uint32_t>(pos_);
      pos_ += 2;
      while (!(Peek() == '*' && Peek(1) == '/')) {
        if (AtEnd()) Fail("Invalid or unexpected token", start, static_cast<uint32_t>(pos_));
        if (Peek() == '\n' || Peek() == '\r') *newline = true;
        ++pos_;
      }
      pos_ += 2;
    } else {
      return;
    }
  }
}

Token Lexer::Next() {
  bool newline = false;
  SkipWhitespaceAndComments(&newline);
  uint32_t start = static_cast<uint32_t>(pos_);
  Token tok;
  if (AtEnd()) {
    tok.kind = Tok::kEof;
    tok.start = tok.end = start;
  } else {
    char c = Peek();
    if (IsDigit(c) || (c == '.' && IsDigit(Peek(1)))) {
      tok = LexNumber(start);
    } else if (c == '"' || c == '\'') {
      tok = LexString(start, c);
    } else if (c == '`') {
      ++pos_;
      tok = LexTemplatePart(start, true);
    } else if (c == '}' && !brace_stack_.empty() && brace_stack_.back()) {
      brace_stack_.pop_back();
      ++pos_;
      tok = LexTemplatePart(start, false);
    } else if (IsIdStart(static_cast<unsigned char>(c)) || c == '\\') {
      tok = LexIdentifierOrKeyword(start);
    } else if (c == '#' && IsIdStart(static_cast<unsigned char>(Peek(1)))) {
      ++pos_;  // class private name: `#x` (value keeps the '#')
      tok = LexIdentifierOrKeyword(pos_);
      tok.kind = Tok::kPrivateName;
      tok.start = start;
      tok.value = arena_.CopyString(text_.substr(start, pos_ - start));
    } else if (c == '/' && RegExpAllowed()) {
      tok = LexRegExp(start);
    } else {
      tok = LexPunctuator(start);
    }
  }
  tok.newline_before = newline;
  previous_ = tok.kind;
  return tok;
}

Token Lexer::RescanAsRegExp(uint32_t start) {
  pos_ = start;
  Token tok = LexRegExp(start);
  previous_ = tok.kind;
  return tok;
}

// A '/' after a token that ends an expression divides; anywhere else it starts a regexp.
bool Lexer::RegExpAllowed() const {
  switch (previous_) {
    case Tok::kIdentifier: case Tok::kNumber: case Tok::kString: case Tok::kTemplateFull:
    case Tok::kTemplateTail: case Tok::kRegExp: case Tok::kRParen: case Tok::kRBrack:
    case Tok::kRBrace: case Tok::kThis: case Tok::kSuper: case Tok::kTrue: case Tok::kFalse:
    case Tok::kNull: case Tok::kInc: case Tok::kDec: case Tok::kPrivateName:
      return false;
    default:
      return true;
  }
}

// RegularExpressionLiteral (ECMA-262 §12.9.5): `/` body `/` flags; a `/` inside a class does not
// end the body; no line terminators.
Token Lexer::LexRegExp(uint32_t start) {
  ++pos_;
  bool in_class = false;
  while (true) {
    char c = Peek();
    if (AtEnd() || c == '\n' || c == '\r') Fail("Invalid regular expression: missing /", start, start + 1);
    ++pos_;
    if (c == '\\') {
      if (AtEnd() || Peek() == '\n' || Peek() == '\r') Fail("Invalid regular expression: missing /", start, start + 1);
      ++pos_;
    } else if (c == '[') {
      in_class = true;
    } else if (c == ']') {
      in_class = false;
    } else if (c == '/' && !in_class) {
      break;
    }
  }
  size_t body_end = pos_ - 1;
  while (!AtEnd() && IsIdPart(static_cast<unsigned char>(Peek()))) ++pos_;
  std::string_view body = text_.substr(start + 1, body_end - start - 1);
  std::string_view flags_text = text_.substr(body_end + 1, pos_ - body_end - 1);
  regexp::Flags flags;
  if (!regexp::ParseFlags(ToUtf16(flags_text), &flags)) {
    Fail("Invalid regular expression flags", start, start + 1);
  }
  std::string error;
  if (!regexp::Compile(ToUtf16(body), flags, &error)) throw SyntaxError{error, start, static_cast<uint32_t>(pos_)};
  Token tok;
  tok.kind = Tok::kRegExp;
  tok.start = start;
  tok.end = static_cast<uint32_t>(pos_);
  tok.value = text_.substr(start + 1, pos_ - start - 1);  // "pattern/flags", source-owned
  return tok;
}

Token Lexer::LexNumber(uint32_t start) {
  Token tok;
  tok.kind = Tok::kNumber;
  char c = Peek();
  int radix = 0;
  if (c == '0' && (Peek(1) == 'x' || Peek(1) == 'X')) radix = 16;
  if (c == '0' && (Peek(1) == 'o' || Peek(1) == 'O')) radix = 8;
  if (c == '0' && (Peek(1) == 'b' || Peek(1) == 'B')) radix = 2;
  if (radix != 0) {
    pos_ += 2;
    double value = 0;
    int digits = 0;
    while (!AtEnd()) {
      if (Peek() == '_') { ++pos_; continue; }
      int d = HexValue(Peek());
      if (d < 0 || d >= radix) break;
      value = value * radix + d;
      ++digits;
      ++pos_;
    }
    if (digits == 0) Fail("Invalid or unexpected token", start, static_cast<uint32_t>(pos_));
    tok.number = value;
  } else {
    std::string digits;
    auto take_digits = [&] {
      while (IsDigit(Peek()) || Peek() == '_') {
        if (Peek() != '_') digits.push_back(Peek());
        ++pos_;
      }
    };
    take_digits();
    if (Peek() == '.') { digits.push_back('.'); ++pos_; take_digits(); }
    if (Peek() == 'e' || Peek() == 'E') {
      digits.push_back('e');
      ++pos_;
      if (Peek() == '+' || Peek() == '-') { digits.push_back(Peek()); ++pos_; }
      if (!IsDigit(Peek())) Fail("Invalid or unexpected token", start, static_cast<uint32_t>(pos_));
      take_digits();
    }
    tok.number = std::strtod(digits.c_str(), nullptr);
  }
  if (IsIdStart(static_cast<unsigned char>(Peek())) || IsDigit(Peek())) {
    Fail("Invalid or unexpected token", start, static_cast<uint32_t>(pos_ + 1));
  }
  tok.start = start;
  tok.end = static_cast<uint32_t>(pos_);
  return tok;
}

// Escape semantics: ECMA-262 §12.9.4 (String Literals) — \n \t \r \b \f \v \0, \xHH, \uHHHH,
// \u{H..}, line continuations, and identity escapes for everything else.
void Lexer::ReadEscape(std::string* out, uint32_t token_start, bool in_template) {
  uint32_t esc_start = static_cast<uint32_t>(pos_ - 1);
  if (AtEnd()) return;
  char c = Peek();
  ++pos_;
  auto read_hex = [&](int count) -> uint32_t {
    uint32_t v = 0;
    for (int i = 0; i < count; ++i) {
      int d = HexValue(Peek());
      if (d < 0) Fail("Invalid hexadecimal escape sequence", esc_start, static_cast<uint32_t>(pos_));
      v = v * 16 + d;
      ++pos_;
    }
    return v;
  };
  switch (c) {
    case 'n': out->push_back('\n'); return;
    case 't': out->push_back('\t'); return;
    case 'r': out->push_back('\r'); return;
    case 'b': out->push_back('\b'); return;
    case 'f': out->push_back('\f'); return;
    case 'v': out->push_back('\v'); return;
    case '\r': if (Peek() == '\n') ++pos_; return;
    case '\n': return;
    case 'x': base::AppendUtf8(read_hex(2), out); return;
    case 'u': {
      uint32_t cp;
      if (Peek() == '{') {
        ++pos_;
        cp = 0;
        int n = 0;
        while (Peek() != '}') {
          int d = HexValue(Peek());
          if (d < 0 || cp > 0x10FFFF) Fail("Invalid Unicode escape sequence", esc_start, static_cast<uint32_t>(pos_));
          cp = cp * 16 + d;
          ++pos_;
          ++n;
        }
        ++pos_;
        if (n == 0 || cp > 0x10FFFF) Fail("Undefined Unicode code-point", esc_start, static_cast<uint32_t>(pos_));
      } else {
        cp = read_hex(4);
        // Combine a surrogate pair written as two escapes.
        if (cp >= 0xD800 && cp <= 0xDBFF && Peek() == '\\' && Peek(1) == 'u' && HexValue(Peek(2)) >= 0) {
          size_t save = pos_;
          pos_ += 2;
          uint32_t low = read_hex(4);
          if (low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else {
            pos_ = save;
          }
        }
      }
      base::AppendUtf8(cp, out);
      return;
    }
    case '0':
      if (!IsDigit(Peek())) { out->push_back('\0'); return; }
      [[fallthrough]];
    case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
      if (in_template) Fail("Octal escape sequences are not allowed in template strings.", esc_start, static_cast<uint32_t>(pos_));
      Fail("Octal escape sequences are not allowed in strict mode.", esc_start, static_cast<uint32_t>(pos_));
    default:
      out->push_back(c);  // identity escape (multi-byte UTF-8 chars copy byte by byte below)
      return;
  }
}

Token Lexer::LexString(uint32_t start, char quote) {
  ++pos_;
  std::string value;
  while (true) {
    if (AtEnd() || Peek() == '\n' || Peek() == '\r') {
      Fail("Invalid or unexpected token", start, static_cast<uint32_t>(pos_));
    }
    char c = Peek();
    ++pos_;
    if (c == quote) break;
    if (c == '\\') {
      ReadEscape(&value, start, false);
    } else {
      value.push_back(c);
    }
  }
  Token tok;
  tok.kind = Tok::kString;
  tok.start = start;
  tok.end = static_cast<uint32_t>(pos_);
  tok.value = arena_.CopyString(value);
  return tok;
}

Token Lexer::LexTemplatePart(uint32_t start, bool is_head_position) {
  std::string value;
  Token tok;
  while (true) {
    if (AtEnd()) Fail("Unexpected end of input", static_cast<uint32_t>(pos_), static_cast<uint32_t>(pos_));
    char c = Peek();
    ++pos_;
    if (c == '`') {
      tok.kind = is_head_position ? Tok::kTemplateFull : Tok::kTemplateTail;
      break;
    }
    if (c == '$' && Peek() == '{') {
      ++pos_;
      brace_stack_.push_back(true);
      tok.kind = is_head_position ? Tok::kTemplateHead : Tok::kTemplateMiddle;
      break;
    }
    if (c == '\\') {
      ReadTemplateEscape(&value, &tok, start);
    } else if (c == '\r') {
      if (Peek() == '\n') ++pos_;
      value.push_back('\n');  // template line terminators normalize to LF
    } else {
      value.push_back(c);
    }
  }
  tok.start = start;
  tok.end = static_cast<uint32_t>(pos_);
  tok.value = arena_.CopyString(value);
  size_t delimiter = tok.kind == Tok::kTemplateHead || tok.kind == Tok::kTemplateMiddle ? 2 : 1;
  tok.raw = RawTemplateText(start + 1, pos_ - delimiter);
  return tok;
}

// A malformed escape does not end the template: the first one's message is kept in `tok` (the
// parser reports it unless the template is tagged) and scanning resumes where the escape
// reader stopped, which is where the spec's NotEscapeSequence ends.
void Lexer::ReadTemplateEscape(std::string* out, Token* tok, uint32_t token_start) {
  try {
    ReadEscape(out, token_start, true);
  } catch (const SyntaxError& e) {
    if (tok->escape_error.empty()) {
      tok->escape_error = arena_.CopyString(e.message);
      tok->escape_error_start = e.start;
      tok->escape_error_end = e.end;
    }
  }
}

// ECMA-262 §13.2.8.4 TRV: the source text of a template part with CRLF and CR as LF.
std::string_view Lexer::RawTemplateText(size_t begin, size_t end) {
  std::string_view text = text_.substr(begin, end - begin);
  if (text.find('\r') == std::string_view::npos) return text;
  std::string raw;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      raw.push_back(text[i]);
      continue;
    }
    raw.push_back('\n');
    if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
  }
  return arena_.CopyString(raw);
}

Token Lexer::LexIdentifierOrKeyword(uint32_t start) {
  if (Peek() == '\\') Fail("Invalid or unexpected token", start, start + 1);  // no escaped names
  while (!AtEnd() && IsIdPart(static_cast<unsigned char>(Peek()))) ++pos_;
  Token tok;
  tok.start = start;
  tok.end = static_cast<uint32_t>(pos_);
  std::string_view name = text_.substr(start, pos_ - start);
  auto it = KeywordTable().find(name);
  tok.kind = it == KeywordTable().end() ? Tok::kIdentifier : it->second;
  tok.value = arena_.CopyString(name);
  return tok;
}

Token Lexer::LexPunctuator(uint32_t start) {
  // Longest match first: every punctuator of the subset, 4 characters down to 1.
  static constexpr Tok kByLength[] = {
      Tok::kShrAssign, Tok::kEllipsis, Tok::kStrictEq, Tok::kStrictNe, Tok::kExpAssign,
      Tok::kShlAssign, Tok::kSarAssign, Tok::kShr, Tok::kLogicalAndAssign, Tok::kLogicalOrAssign,
      Tok::kNullishAssign, Tok::kArrow, Tok::kEq, Tok::kNe, Tok::kLe, Tok::kGe, Tok::kShl,
      Tok::kSar, Tok::kAnd, Tok::kOr, Tok::kNullish, Tok::kInc, Tok::kDec, Tok::kAddAssign,
      Tok::kSubAssign, Tok::kMulAssign, Tok::kDivAssign, Tok::kModAssign, Tok::kAndAssign,
      Tok::kOrAssign, Tok::kXorAssign, Tok::kExp, Tok::kQuestionDot, Tok::kLParen, Tok::kRParen,
      Tok::kLBrace, Tok::kRBrace, Tok::kLBrack, Tok::kRBrack, Tok::kSemicolon, Tok::kComma,
      Tok::kColon, Tok::kDot, Tok::kQuestion, Tok::kAssign, Tok::kLt, Tok::kGt, Tok::kAdd,
      Tok::kSub, Tok::kMul, Tok::kDiv, Tok::kMod, Tok::kBitOr, Tok::kBitXor, Tok::kBitAnd,
      Tok::kNot, Tok::kBitNot};
  std::string_view rest = text_.substr(pos_);
  for (Tok kind : kByLength) {
    std::string_view t = TokenText(kind);
    if (rest.substr(0, t.size()) != t) continue;
    // `a?.5:b` is a conditional, not optional chaining (ECMA-262 OptionalChainingPunctuator).
    if (kind == Tok::kQuestionDot && IsDigit(Peek(2))) continue;
    pos_ += t.size();
    if (kind == Tok::kLBrace) brace_stack_.push_back(false);
    if (kind == Tok::kRBrace && !brace_stack_.empty()) brace_stack_.pop_back();
    Token tok;
    tok.kind = kind;
    tok.start = start;
    tok.end = static_cast<uint32_t>(pos_);
    return tok;
  }
  Fail("Invalid or unexpected token", start, start + 1);
}

}  // namespace tenure::js
