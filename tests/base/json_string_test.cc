// Copyright the tenure authors.
// JSON string quoting/decoding and UTF-8 encoding: the behaviour JSON.stringify / JSON.parse and
// the snapshot reader rely on, with V8's error positions.
#include <gtest/gtest.h>

#include <string>

#include "base/json_string.h"
#include "base/utf8.h"

namespace tenure::base {
namespace {

std::string Utf8(uint32_t cp) {
  std::string out;
  AppendUtf8(cp, &out);
  return out;
}

TEST(Utf8Test, EncodesEachLengthClass) {
  EXPECT_EQ(Utf8('A'), "A");
  EXPECT_EQ(Utf8(0xE9), "\xC3\xA9");
  EXPECT_EQ(Utf8(0x20AC), "\xE2\x82\xAC");
  EXPECT_EQ(Utf8(0x1F600), "\xF0\x9F\x98\x80");
  EXPECT_EQ(Utf8(0x110000), "\xEF\xBF\xBD");  // out of range -> U+FFFD
}

std::string Quote(std::string_view s, JsonQuoteOptions options = {}) {
  std::string out;
  AppendJsonQuoted(s, &out, options);
  return out;
}

TEST(JsonQuoteTest, EscapesLikeJsonStringify) {
  EXPECT_EQ(Quote("plain"), "\"plain\"");
  EXPECT_EQ(Quote(std::string("a\x01\b\f\n\r\t\"\\<\x1f", 11)),
            "\"a\\u0001\\b\\f\\n\\r\\t\\\"\\\\<\\u001f\"");
  EXPECT_EQ(Quote("caf\xC3\xA9"), "\"caf\xC3\xA9\"");  // UTF-8 passes through
  EXPECT_EQ(Quote("</script>", {.escape_less_than = true}), "\"\\u003c/script>\"");
}

struct Decoded {
  JsonStringError error;
  size_t pos;
  std::string text;
};

// Decodes `literal`, which starts with the opening quote.
Decoded Decode(std::string_view literal) {
  Decoded d;
  d.pos = 1;
  d.error = DecodeJsonString(literal, &d.pos, &d.text);
  return d;
}

TEST(JsonDecodeTest, DecodesEscapesAndStopsAfterTheClosingQuote) {
  Decoded d = Decode(R"("a\"b\\c\/d\b\f\n\r\t\u00e9" tail)");
  EXPECT_EQ(d.error, JsonStringError::kNone);
  EXPECT_EQ(d.text, "a\"b\\c/d\b\f\n\r\t\xC3\xA9");
  EXPECT_EQ(d.pos, 28u);
}

TEST(JsonDecodeTest, CombinesSurrogatePairsAndReplacesLoneSurrogates) {
  EXPECT_EQ(Decode(R"("\ud83d\ude00")").text, "\xF0\x9F\x98\x80");
  EXPECT_EQ(Decode(R"("\ud83dA")").text, "\xEF\xBF\xBD" "A");
  EXPECT_EQ(Decode(R"("\ud83d\u0041")").text, "\xEF\xBF\xBD" "A");
  EXPECT_EQ(Decode(R"("\ude00")").text, "\xEF\xBF\xBD");
}

TEST(JsonDecodeTest, KeepsLoneSurrogatesAsWtf8WhenAsked) {
  std::string_view literal = R"("\ud83dA")";
  size_t pos = 1;
  std::string out;
  EXPECT_EQ(DecodeJsonString(literal, &pos, &out, {.keep_lone_surrogates = true}),
            JsonStringError::kNone);
  EXPECT_EQ(out, "\xED\xA0\xBD" "A");
}

// Positions are the ones node 20's JSON.parse reports for the same input.
TEST(JsonDecodeTest, ReportsV8ErrorPositions) {
  Decoded bad_escape = Decode(R"("a\qb")");
  EXPECT_EQ(bad_escape.error, JsonStringError::kBadEscape);
  EXPECT_EQ(bad_escape.pos, 3u);
  Decoded bad_hex = Decode(R"("\uZZZZ")");
  EXPECT_EQ(bad_hex.error, JsonStringError::kBadUnicodeEscape);
  EXPECT_EQ(bad_hex.pos, 3u);
  Decoded short_hex = Decode(R"("\u12")");
  EXPECT_EQ(short_hex.error, JsonStringError::kBadUnicodeEscape);
  EXPECT_EQ(short_hex.pos, 5u);
  Decoded cut_hex = Decode(R"("\u12)");
  EXPECT_EQ(cut_hex.error, JsonStringError::kBadUnicodeEscape);
  EXPECT_EQ(cut_hex.pos, 5u);
  Decoded unterminated = Decode(R"("ab)");
  EXPECT_EQ(unterminated.error, JsonStringError::kUnterminated);
  EXPECT_EQ(unterminated.pos, 3u);
  Decoded control = Decode("\"a\x01" "b\"");
  EXPECT_EQ(control.error, JsonStringError::kControlCharacter);
  EXPECT_EQ(control.pos, 2u);
  EXPECT_EQ(Decode(R"("\)").error, JsonStringError::kUnexpectedEnd);
  EXPECT_STREQ(JsonStringErrorMessage(JsonStringError::kBadEscape), "Bad escaped character");
}

}  // namespace
}  // namespace tenure::base
