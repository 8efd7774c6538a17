// The regexp engine on its own (src/js/regexp.h): a table of pattern / flags / input / expected
// captures (checked against node 20's RegExp.prototype.exec), syntax errors with node's messages,
// and pathological patterns that must end (match, no match, or the backtracking limit).
#include "regexp.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "string_utf16.h"

namespace tenure::js::regexp {
namespace {

struct Row {
  const char* pattern;
  const char* flags;
  const char* input;
  // Captures joined by '|', "~" for an undefined group; "null" for no match.
  const char* expected;
};

// Every row was checked with node 20: `node -e 'console.log(/p/f.exec(input))'`.
const Row kRows[] = {
    {"abc", "", "xxabcxx", "abc"},
    {"abc", "", "ab", "null"},
    {"a|b|c", "", "zzc", "c"},
    {"(a)|(b)", "", "b", "b|~|b"},
    {"a*", "", "aaab", "aaa"},
    {"a*?", "", "aaab", ""},
    {"a+?", "", "aaab", "a"},
    {"a+", "", "bbb", "null"},
    {"ba?c", "", "bc", "bc"},
    {"a{2}", "", "aaaa", "aa"},
    {"a{2,}", "", "aaaa", "aaaa"},
    {"a{2,3}", "", "aaaa", "aaa"},
    {"a{2,3}?", "", "aaaa", "aa"},
    {"(ab){2}", "", "ababab", "abab|ab"},
    {"(ab)+", "", "xababab", "ababab|ab"},
    {"(ab)*?c", "", "ababc", "ababc|ab"},
    {"(a|ab)(c|bcd)(d*)", "", "abcd", "abcd|a|bcd|"},
    {"((a)|b)+", "", "ab", "ab|b|~"},
    {"(z)((a+)?(b+)?(c))*", "", "zaacbbbcac", "zaacbbbcac|z|ac|a|~|c"},
    {"(a*)*", "", "b", "|~"},
    {"(a*)+", "", "b", "|"},
    {"(a|b)*c", "", "abababc", "abababc|b"},
    {"[abc]+", "", "xxbcay", "bca"},
    {"[^abc]+", "", "abxyzc", "xyz"},
    {"[a-z]+", "", "ABcdeF", "cde"},
    {"[a\\-z]+", "", "b-az", "-az"},
    {"[\\d.]+", "", "v1.25x", "1.25"},
    {"[\\w-]+", "", "  foo-bar_1 ", "foo-bar_1"},
    {"[\\d-z]+", "", "a9-z", "9-z"},
    {"[]a]", "", "a", "null"},
    {"[^]", "", "\n", "\n"},
    {"\\d+", "", "abc123def", "123"},
    {"\\D+", "", "123abc456", "abc"},
    {"\\w+", "", "  hello_1 ", "hello_1"},
    {"\\W+", "", "ab, cd", ", "},
    {"\\s+", "", "a \t\nb", " \t\n"},
    {"\\S+", "", "  xy  ", "xy"},
    {"\\bfoo\\b", "", "a foo b", "foo"},
    {"\\bfoo\\b", "", "afoob", "null"},
    {"\\Boo\\B", "", "foob", "oo"},
    {"a.c", "", "abc", "abc"},
    {"a.c", "", "a\nc", "null"},
    {"a.c", "s", "a\nc", "a\nc"},
    {"^abc", "", "xabc", "null"},
    {"^abc$", "", "abc", "abc"},
    {"^b", "m", "a\nb", "b"},
    {"a$", "m", "a\nb", "a"},
    {"a$", "", "a\nb", "null"},
    {"(a)\\1", "", "aa", "aa|a"},
    {"(a)\\1", "", "ab", "null"},
    {"(\\w+) \\1", "", "hello hello world", "hello hello|hello"},
    {"\\1(a)", "", "aa", "a|a"},
    {"(?<year>\\d{4})-(?<month>\\d{2})", "", "on 2024-05-01", "2024-05|2024|05"},
    {"(?<q>['\"]).*?\\k<q>", "", "say 'hi' \"x\"", "'hi'|'"},
    {"(?:ab)+", "", "ababx", "abab"},
    {"foo(?=bar)", "", "foobaz foobar", "foo"},
    {"foo(?!bar)", "", "foobar foobaz", "foo"},
    {"(?=(a+))a*b\\1", "", "baaabac", "aba|a"},
    {"(?!(a))\\1b", "", "b", "b|~"},
    {"(.*?)a(?!(a+)b\\2c)\\2(.*)", "", "baaabaac", "baaabaac|ba|~|abaac"},
    {"ABC", "i", "xabcx", "abc"},
    {"[a-z]+", "i", "ABC", "ABC"},
    {"[^a-z]+", "i", "ABC1", "1"},
    {"(a)\\1", "i", "aA", "aA|a"},
    {"\xC3\xA9", "i", "\xC3\x89", "\xC3\x89"},
    {"\xC2\xB5", "i", "\xCE\xBC", "\xCE\xBC"},
    {"\\x41\\u0042\\t", "", "AB\t", "AB\t"},
    {"\\101", "", "A", "A"},
    {"\\8", "", "8", "8"},
    {"\\cJ", "", "\n", "\n"},
    {"a{", "", "a{", "a{"},
    {"a{1,x}", "", "a{1,x}", "a{1,x}"},
    {"}]", "", "}]", "}]"},
    {"\\k", "", "k", "k"},
    {"x*y+$", "", "xxyy", "xxyy"},
    {"(a+|b+)*c", "", "aabbc", "aabbc|bb"},
    {"(a?)+?b", "", "aab", "aab|a"},
    {"", "", "abc", ""},
    {"\xF0\x9F\x98\x80", "u", "x\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},
    {"^.$", "u", "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},
    {"^.$", "", "\xF0\x9F\x98\x80", "null"},
    {"^[\xF0\x9F\x98\x80]$", "u", "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},
    {"\\u{1F600}", "u", "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},
    {"caf\xC3\xA9 (\\w+)", "", "un caf\xC3\xA9 noir", "caf\xC3\xA9 noir|noir"},
};

std::string Describe(const std::u16string& input, const std::vector<int>& caps) {
  std::string out;
  for (size_t i = 0; i < caps.size(); i += 2) {
    if (i > 0) out += "|";
    if (caps[i] < 0) out += "~";
    else out += ToWtf8(input.substr(caps[i], caps[i + 1] - caps[i]));
  }
  return out;
}

// Runs one row through both the Latin-1 view (when the input is ASCII) and the UTF-16 view.
std::string RunRow(const std::string& pattern, const std::string& flags_text, const std::string& input) {
  Flags flags;
  EXPECT_TRUE(ParseFlags(ToUtf16(flags_text), &flags));
  std::string error;
  auto program = Compile(ToUtf16(pattern), flags, &error);
  if (!program) return "error: " + error;
  std::u16string units = ToUtf16(input);
  std::vector<int> caps;
  MatchStatus status = Exec(*program, std::u16string_view(units), MatchOptions{}, &caps);
  if (status == MatchStatus::kLimitExceeded) return "limit";
  std::string result = status == MatchStatus::kMatch ? Describe(units, caps) : "null";
  if (IsAsciiBytes(input)) {
    std::vector<int> caps8;
    MatchStatus s8 = Exec(*program, std::string_view(input), MatchOptions{}, &caps8);
    EXPECT_EQ(s8, status) << pattern;
    if (s8 == MatchStatus::kMatch) EXPECT_EQ(caps8, caps) << pattern;
  }
  return result;
}

TEST(RegExpEngineTest, Table) {
  for (const Row& row : kRows) {
    EXPECT_EQ(RunRow(row.pattern, row.flags, row.input), row.expected)
        << "/" << row.pattern << "/" << row.flags << " on '" << row.input << "'";
  }
}

TEST(RegExpEngineTest, NulEscape) {
  EXPECT_EQ(RunRow("\\0", "", std::string("a\0b", 3)), std::string("\0", 1));
  EXPECT_EQ(RunRow("[\\0]", "", std::string("a\0b", 3)), std::string("\0", 1));
}

TEST(RegExpEngineTest, StartAndAnchored) {
  Flags flags;
  std::string error;
  auto program = Compile(u"a\\d", flags, &error);
  ASSERT_TRUE(program) << error;
  std::vector<int> caps;
  MatchOptions options;
  options.start = 2;
  ASSERT_EQ(Exec(*program, std::string_view("a1xa2"), options, &caps), MatchStatus::kMatch);
  EXPECT_EQ(caps, (std::vector<int>{3, 5}));
  options.anchored = true;
  EXPECT_EQ(Exec(*program, std::string_view("a1xa2"), options, &caps), MatchStatus::kNoMatch);
  options.start = 3;
  EXPECT_EQ(Exec(*program, std::string_view("a1xa2"), options, &caps), MatchStatus::kMatch);
  options.start = 9;  // past the end
  EXPECT_EQ(Exec(*program, std::string_view("a1xa2"), options, &caps), MatchStatus::kNoMatch);
}

// Lookbehind (bodies matched right to left, captures and backreferences as node reports them)
// and \p{…} property escapes; every row checked with node 20.20 (`new RegExp(p, f).exec(s)`),
// run through both input views like the table above.
TEST(RegExpEngineTest, LookbehindAndPropertyEscapes) {
  const Row rows[] = {
    {"(?<=\\$)\\d+", "", "ab $42", "42"},
    {"(?<!\\$)\\b\\d+", "", "$42 17", "17"},
    {"(?<=(\\d+)(\\d+))$", "", "1053", "|1|053"},
    {"(?<=\\1(a))b", "", "aab", "b|a"},
    {"(?<=(a)\\1)b", "", "aab", "b|a"},
    {"(?<=([abc])+)x", "", "abcx", "x|a"},
    {"(?<!a|b)c", "", "acbcdc", "c"},
    {"(?<=a(?=b)b)c", "", "abc", "c"},
    {"(?<=^|,)\\w+", "", ",yy", "yy"},
    {"(?<=A)b", "i", "ab", "b"},
    {"(?<=\\u{1F600})x", "u", "\xF0\x9F\x98\x80""x", "x"},
    {"(?<=.)x", "u", "\xF0\x9F\x98\x80""x", "x"},
    {"(?<=(?:ab)*)c", "", "ababc", "c"},
    {"(?<=(ab)*)c", "", "ababc", "c|ab"},
    {"(?<=a.?)b", "s", "a\nb", "b"},
    {"(?<=\\b)x", "", " x", "x"},
    {"(?<=[^a])b", "", "ab", "null"},
    {"(?<=x)", "", "abc", "null"},
    {"\\p{Lu}+", "u", "abCDe", "CD"},
    {"\\P{L}+", "u", "ab12c", "12"},
    {"[\\p{Nd}\\p{Lu}]+", "u", "xA1By", "A1B"},
    {"\\p{Script=Greek}+", "u", "a\xCE\xA9""\xCE\xBC""b", "\xCE\xA9""\xCE\xBC"},
    {"\\p{Emoji_Presentation}", "u", "x\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},
    {"[^\\p{L}]", "u", "ab-", "-"},
    {"\\p{Lu}", "iu", "a", "a"},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(RunRow(row.pattern, row.flags, row.input), row.expected)
        << "/" << row.pattern << "/" << row.flags << " on '" << row.input << "'";
  }
}

TEST(RegExpEngineTest, SyntaxErrorsUseNodeMessages) {
  struct E { const char* pattern; const char* flags; const char* message; };
  const E errors[] = {
      {"(", "", "Invalid regular expression: /(/: Unterminated group"},
      {"(", "g", "Invalid regular expression: /(/g: Unterminated group"},
      {")", "", "Invalid regular expression: /)/: Unmatched ')'"},
      {"*a", "", "Invalid regular expression: /*a/: Nothing to repeat"},
      {"a**", "", "Invalid regular expression: /a**/: Nothing to repeat"},
      {"x{2}{3}", "", "Invalid regular expression: /x{2}{3}/: Nothing to repeat"},
      {"[a", "", "Invalid regular expression: /[a/: Unterminated character class"},
      {"[z-a]", "", "Invalid regular expression: /[z-a]/: Range out of order in character class"},
      {"a{3,1}", "", "Invalid regular expression: /a{3,1}/: numbers out of order in {} quantifier"},
      {"(?x)", "", "Invalid regular expression: /(?x)/: Invalid group"},
      {"\\", "", "Invalid regular expression: /\\/: \\ at end of pattern"},
      {"\\k<x>(?<y>a)", "", "Invalid regular expression: /\\k<x>(?<y>a)/: Invalid named capture referenced"},
      {"(?<a>x)(?<a>y)", "", "Invalid regular expression: /(?<a>x)(?<a>y)/: Duplicate capture group name"},
      {"(?<1a>x)", "", "Invalid regular expression: /(?<1a>x)/: Invalid capture group name"},
      {"\\u{110000}", "u", "Invalid regular expression: /\\u{110000}/u: Invalid Unicode escape"},
      {"[\\d-z]", "u", "Invalid regular expression: /[\\d-z]/u: Invalid character class"},
      {"(?<=a)*", "", "Invalid regular expression: /(?<=a)*/: Invalid quantifier"},
      {"(?=a)+", "u", "Invalid regular expression: /(?=a)+/u: Invalid quantifier"},
      {"(?<!a", "", "Invalid regular expression: /(?<!a/: Unterminated group"},
      {"\\p{Foo}", "u", "Invalid regular expression: /\\p{Foo}/u: Invalid property name"},
      {"[\\p{Foo}]", "u", "Invalid regular expression: /[\\p{Foo}]/u: Invalid property name in character class"},
      {"\\p{L", "u", "Invalid regular expression: /\\p{L/u: Invalid property name"},
      {"\\P", "u", "Invalid regular expression: /\\P/u: Invalid property name"},
      {"\\p{Script=Foo}", "u", "Invalid regular expression: /\\p{Script=Foo}/u: Invalid property name"},
  };
  for (const E& e : errors) {
    Flags flags;
    ASSERT_TRUE(ParseFlags(ToUtf16(e.flags), &flags));
    std::string error;
    EXPECT_EQ(Compile(ToUtf16(e.pattern), flags, &error), nullptr) << e.pattern;
    EXPECT_EQ(error, e.message);
  }
}

TEST(RegExpEngineTest, Flags) {
  Flags f;
  EXPECT_TRUE(ParseFlags(u"yusmigd", &f));
  EXPECT_EQ(FlagsString(f), "dgimsuy");
  EXPECT_EQ(FlagsString(FlagsFromBits(FlagsToBits(f))), "dgimsuy");
  EXPECT_FALSE(ParseFlags(u"gg", &f));
  EXPECT_FALSE(ParseFlags(u"q", &f));
  EXPECT_EQ(EscapePattern(u""), u"(?:)");
  EXPECT_EQ(EscapePattern(u"a/b[/]\n"), u"a\\/b[/]\\n");
  EXPECT_EQ(EscapePattern(u"a\\/b"), u"a\\/b");
}

// Each of these must return (with a match, no match or kLimitExceeded) in bounded time.
TEST(RegExpEngineTest, PathologicalPatternsTerminate) {
  MatchLimits limits;
  limits.max_steps = 20'000'000;
  struct P { const char* pattern; std::string input; bool can_match; };
  const P cases[] = {
      {"(a*)*b", std::string(40, 'a'), false},
      {"(a+)+b", std::string(40, 'a'), false},
      {"(a|aa)+$", std::string(60, 'a') + "b", true},
      {"(x+x+)+y", std::string(50, 'x'), false},
      {"(?:a?){30}a{30}", std::string(30, 'a'), true},
      {"((a*)*)*$", std::string(1000, 'a') + "b", true},
      {"(?=(a*)*b)", std::string(35, 'a'), false},
  };
  for (const P& p : cases) {
    std::string error;
    auto program = Compile(ToUtf16(p.pattern), Flags{}, &error);
    ASSERT_TRUE(program) << error;
    std::vector<int> caps;
    auto t0 = std::chrono::steady_clock::now();
    MatchOptions options;
    options.limits = limits;
    MatchStatus status = Exec(*program, std::string_view(p.input), options, &caps);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!p.can_match) EXPECT_NE(status, MatchStatus::kMatch) << p.pattern;
    EXPECT_LT(seconds, 30.0) << p.pattern;
  }
}

TEST(RegExpEngineTest, LongInputsUseConstantStackForSimpleLoops) {
  std::string big(1 << 20, 'a');  // 1 MiB
  std::string error;
  MatchOptions options;
  options.limits.max_backtrack_entries = 1000;  // `.*`/`a+` hold one entry whatever the length
  for (const char* pattern : {"^a*$", "a+b|a+$", "^.*a$", "^[^b]*?$"}) {
    auto program = Compile(ToUtf16(pattern), Flags{}, &error);
    ASSERT_TRUE(program) << error;
    std::vector<int> caps;
    ASSERT_EQ(Exec(*program, std::string_view(big), options, &caps), MatchStatus::kMatch) << pattern;
    EXPECT_EQ(caps[1], 1 << 20) << pattern;
  }
  // A group loop pushes entries per iteration: over the bound it reports the limit, not a crash.
  auto program = Compile(u"^(?:a|b)*$", Flags{}, &error);
  ASSERT_TRUE(program);
  std::vector<int> caps;
  EXPECT_EQ(Exec(*program, std::string_view(big), options, &caps), MatchStatus::kLimitExceeded);
  options.limits = MatchLimits{};
  EXPECT_EQ(Exec(*program, std::string_view(big), options, &caps), MatchStatus::kMatch);
}

TEST(RegExpEngineTest, DeepNestingIsASyntaxErrorNotACrash) {
  std::u16string deep(100000, u'(');
  std::string error;
  EXPECT_EQ(Compile(deep, Flags{}, &error), nullptr);
  EXPECT_NE(error.find("Regular expression too large"), std::string::npos) << error;
  std::u16string wide = u"(?:a{1000}){1000}";  // 10^6 copies of `a`: fine; 10^9 would not be
  EXPECT_NE(Compile(wide, Flags{}, &error), nullptr);
  EXPECT_EQ(Compile(u"(?:(?:a{1000}){1000}){1000}", Flags{}, &error), nullptr);
  EXPECT_NE(error.find("Regular expression too large"), std::string::npos) << error;
}

}  // namespace
}  // namespace tenure::js::regexp
