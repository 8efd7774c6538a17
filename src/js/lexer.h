// Lexer: turns a SourceFile into Tokens on demand.
//
// Tokenization is context-free except for template literals and regular-expression literals.
// A '}' closes a `${` substitution when the innermost open brace was one; the lexer tracks that
// with brace_stack_ (true = template substitution). A '/' starts a regexp literal when the
// previous token cannot end an expression (RegExpAllowed: the spec's InputElementRegExp goal
// symbol approximated by the previous token: after `)` and `}` it is division, and the parser
// asks for a re-read (RescanAsRegExp) when the '/' stands where an expression starts, as in
// `if (x) /a/.test(s)` or a regexp statement after a block). Errors throw SyntaxError
// with node's messages ("Invalid or unexpected token", "Unterminated template literal", ...).
// Cooked string values and identifier names are copied into the arena, so tokens outlive nothing.
#pragma once

#include <string>
#include <vector>

#include "arena.h"
#include "source.h"
#include "syntax_error.h"
#include "token.h"

namespace tenure::js {

class Lexer {
 public:
  Lexer(const SourceFile& source, Arena& arena);

  // Returns the next token; kEof forever at the end. Throws SyntaxError on a bad character.
  Token Next();
  // Re-reads the source from `start` (a '/' the lexer took for division, where the parser
  // expects an expression) as a regexp literal, and continues after it.
  Token RescanAsRegExp(uint32_t start);

 private:
  void SkipWhitespaceAndComments(bool* newline);
  Token LexNumber(uint32_t start);
  Token LexString(uint32_t start, char quote);
  // Scans template characters after '`' or '}' up to '`' or '${'.
  Token LexTemplatePart(uint32_t start, bool is_head_position);
  Token LexIdentifierOrKeyword(uint32_t start);
  Token LexPunctuator(uint32_t start);
  // After '/': the pattern up to the closing '/', then the flags; validated with the regexp
  // engine (node's "Invalid regular expression: ..." SyntaxErrors at the literal).
  Token LexRegExp(uint32_t start);
  bool RegExpAllowed() const;
  // Reads an escape after '\' into `out` (UTF-8). `in_template` rejects legacy octal.
  void ReadEscape(std::string* out, uint32_t token_start, bool in_template);
  // ReadEscape for a template part: a malformed escape is recorded in tok->escape_error.
  void ReadTemplateEscape(std::string* out, Token* tok, uint32_t token_start);
  std::string_view RawTemplateText(size_t begin, size_t end);
  [[noreturn]] void Fail(const char* message, uint32_t start, uint32_t end);

  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool AtEnd() const { return pos_ >= text_.size(); }

  std::string_view text_;
  Arena& arena_;
  size_t pos_ = 0;
  std::vector<bool> brace_stack_;
  Tok previous_ = Tok::kEof;  // kind of the last token returned (kEof before the first)
};

}  // namespace tenure::js
