#include "lexer.h"

#include <gtest/gtest.h>

#include <vector>

namespace tenure::js {
namespace {

std::vector<Token> Lex(const std::string& text, Arena& arena, const SourceFile*& keep) {
  static std::vector<std::unique_ptr<SourceFile>> sources;  // tokens point into the arena only
  sources.push_back(std::make_unique<SourceFile>("t.js", text));
  keep = sources.back().get();
  Lexer lexer(*keep, arena);
  std::vector<Token> out;
  while (true) {
    Token t = lexer.Next();
    out.push_back(t);
    if (t.kind == Tok::kEof) break;
  }
  return out;
}

std::vector<Tok> Kinds(const std::string& text) {
  Arena arena;
  const SourceFile* src;
  std::vector<Tok> kinds;
  for (const Token& t : Lex(text, arena, src)) kinds.push_back(t.kind);
  return kinds;
}

TEST(LexerTest, LongestMatchPunctuators) {
  EXPECT_EQ(Kinds(">>>= >>> >> >= > ?? ?" "?= ?. ... => ** **="),
            (std::vector<Tok>{Tok::kShrAssign, Tok::kShr, Tok::kSar, Tok::kGe, Tok::kGt,
                              Tok::kNullish, Tok::kNullishAssign, Tok::kQuestionDot,
                              Tok::kEllipsis, Tok::kArrow, Tok::kExp, Tok::kExpAssign, Tok::kEof}));
}

TEST(LexerTest, OptionalChainVersusConditionalNumber) {
  // `a?.5:b` is a conditional with the number .5 (ECMA-262 OptionalChainingPunctuator).
  EXPECT_EQ(Kinds("a?.5:b"), (std::vector<Tok>{Tok::kIdentifier, Tok::kQuestion, Tok::kNumber,
                                                Tok::kColon, Tok::kIdentifier, Tok::kEof}));
}

TEST(LexerTest, KeywordsAndContextualWords) {
  EXPECT_EQ(Kinds("if let of typeof instanceof"),
            (std::vector<Tok>{Tok::kIf, Tok::kIdentifier, Tok::kIdentifier, Tok::kTypeof,
                              Tok::kInstanceof, Tok::kEof}));
}

TEST(LexerTest, Numbers) {
  Arena arena;
  const SourceFile* src;
  std::vector<Token> toks = Lex("0x1F 0b101 0o17 1_000 .5 2e3 1.5e-2 0", arena, src);
  std::vector<double> values;
  for (const Token& t : toks) if (t.kind == Tok::kNumber) values.push_back(t.number);
  EXPECT_EQ(values, (std::vector<double>{31, 5, 15, 1000, 0.5, 2000, 0.015, 0}));
}

TEST(LexerTest, StringEscapesAreCookedToUtf8) {
  Arena arena;
  const SourceFile* src;
  std::vector<Token> toks = Lex(R"('a\n\t\x41\u0042\u{1F600}\'' "\uD83D\uDE00")", arena, src);
  ASSERT_EQ(toks[0].kind, Tok::kString);
  EXPECT_EQ(toks[0].value, "a\n\tAB\xF0\x9F\x98\x80'");
  EXPECT_EQ(toks[1].value, "\xF0\x9F\x98\x80");  // surrogate pair combined
}

TEST(LexerTest, TemplatePartsTrackBraces) {
  EXPECT_EQ(Kinds("`a${ {x:1}.x }b${c}d`"),
            (std::vector<Tok>{Tok::kTemplateHead, Tok::kLBrace, Tok::kIdentifier, Tok::kColon,
                              Tok::kNumber, Tok::kRBrace, Tok::kDot, Tok::kIdentifier,
                              Tok::kTemplateMiddle, Tok::kIdentifier, Tok::kTemplateTail, Tok::kEof}));
}

TEST(LexerTest, NewlineFlagDrivesAsi) {
  Arena arena;
  const SourceFile* src;
  std::vector<Token> toks = Lex("a /* x\n */ b // c\nc d", arena, src);
  EXPECT_FALSE(toks[0].newline_before);
  EXPECT_TRUE(toks[1].newline_before);   // newline inside a block comment counts
  EXPECT_TRUE(toks[2].newline_before);
  EXPECT_FALSE(toks[3].newline_before);
}

TEST(LexerTest, HashbangIsSkipped) {
  EXPECT_EQ(Kinds("#!/usr/bin/env tenure\nx"), (std::vector<Tok>{Tok::kIdentifier, Tok::kEof}));
}

TEST(LexerTest, ErrorsUseNodeMessages) {
  for (const char* bad : {"'abc", "5 @ 3", "3in x", "/* open"}) {
    Arena arena;
    const SourceFile* src;
    try {
      Lex(bad, arena, src);
      ADD_FAILURE() << bad << " lexed without error";
    } catch (const SyntaxError& e) {
      EXPECT_EQ(e.message, "Invalid or unexpected token") << bad;
    }
  }
}

}  // namespace
}  // namespace tenure::js
