// Copyright the tenure authors.
// json_string.h — JSON string literals: quoting and decoding (RFC 8259 §7).
//
// One implementation serves JSON.stringify / JSON.parse in the runtime and the snapshot analyzer's
// reader and JSON/HTML output, so both agree on what a JSON string is. Strings are UTF-8 bytes.
#ifndef TENURE_SRC_BASE_JSON_STRING_H_
#define TENURE_SRC_BASE_JSON_STRING_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace tenure::base {

struct JsonQuoteOptions {
  // '<' becomes \u003c so the text can sit inside an HTML <script> element.
  bool escape_less_than = false;
};

// Appends `s` as a quoted JSON string, as ECMA-262's QuoteJSONString does: `"` and `\` and
// \b \f \n \r \t get their short escapes, other bytes below 0x20 become \u00xx (lowercase hex),
// everything else (including UTF-8 sequences) is copied as is.
void AppendJsonQuoted(std::string_view s, std::string* out, JsonQuoteOptions options = {});

enum class JsonStringError {
  kNone,
  kUnterminated,      // no closing quote before the end
  kUnexpectedEnd,     // input ends right after a backslash
  kBadEscape,         // backslash followed by a character that is not an escape
  kBadUnicodeEscape,  // \u not followed by four hex digits
  kControlCharacter,  // raw byte below 0x20 inside the string
};

struct JsonDecodeOptions {
  // A lone escaped surrogate (`"\ud83d"`) is kept as its 3-byte WTF-8 form (the runtime's strings
  // represent it, as JS does) instead of becoming U+FFFD (the analyzer wants valid UTF-8).
  bool keep_lone_surrogates = false;
};

// Decodes the body of a JSON string literal from `text`. On entry *pos is just past the opening
// quote. On success appends the decoded UTF-8 to *out, leaves *pos just past the closing quote and
// returns kNone. On failure returns the error with *pos at the offending byte, the position V8's
// JSON.parse reports: the escape letter, the first non-hex digit of \u (or the end), the control
// character, or text.size(). Escaped surrogate pairs combine into one code point; a lone escaped
// surrogate decodes to U+FFFD unless options keep it. Never reads outside `text`.
JsonStringError DecodeJsonString(std::string_view text, size_t* pos, std::string* out,
                                 JsonDecodeOptions options = {});

// V8's wording for `error` ("Bad escaped character", "Unterminated string", …), without the
// " in JSON at position N" suffix.
const char* JsonStringErrorMessage(JsonStringError error);

}  // namespace tenure::base

#endif  // TENURE_SRC_BASE_JSON_STRING_H_
