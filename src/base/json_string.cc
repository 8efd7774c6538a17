// Copyright the tenure authors.
#include "base/json_string.h"

#include <cstdint>

#include "base/utf8.h"

namespace tenure::base {

void AppendJsonQuoted(std::string_view s, std::string* out, JsonQuoteOptions options) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;  // start of the current run of bytes copied verbatim
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && !(c == '<' && options.escape_less_than)) continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default: {
        const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out->append(escape, sizeof escape);
      }
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads the four hex digits after "\u" starting at *pos; on failure *pos is the first bad one.
bool ReadHex4(std::string_view text, size_t* pos, uint32_t* unit) {
  uint32_t value = 0;
  for (int i = 0; i < 4; ++i, ++*pos) {
    int digit = *pos < text.size() ? HexDigit(text[*pos]) : -1;
    if (digit < 0) return false;
    value = value * 16 + static_cast<uint32_t>(digit);
  }
  *unit = value;
  return true;
}

// Decodes one \u escape (and a following \u trail surrogate) with *pos just past the "u".
JsonStringError DecodeUnicodeEscape(std::string_view text, size_t* pos, std::string* out,
                                    JsonDecodeOptions options) {
  uint32_t unit;
  if (!ReadHex4(text, pos, &unit)) return JsonStringError::kBadUnicodeEscape;
  if (IsLeadSurrogate(unit) && text.substr(*pos, 2) == "\\u") {
    size_t after = *pos + 2;
    uint32_t trail;
    if (ReadHex4(text, &after, &trail) && IsTrailSurrogate(trail)) {
      *pos = after;
      AppendUtf8(CombineSurrogates(unit, trail), out);
      return JsonStringError::kNone;
    }
  }
  bool lone = IsLeadSurrogate(unit) || IsTrailSurrogate(unit);
  AppendUtf8(lone && !options.keep_lone_surrogates ? kReplacementCharacter : unit, out);
  return JsonStringError::kNone;
}

char SimpleEscape(char letter) {
  switch (letter) {
    case '"': return '"';
    case '\\': return '\\';
    case '/': return '/';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return 0;
  }
}

}  // namespace

JsonStringError DecodeJsonString(std::string_view text, size_t* pos, std::string* out,
                                 JsonDecodeOptions options) {
  size_t i = *pos;
  for (;;) {
    size_t run = i;  // copy plain bytes up to the next quote, backslash or control character
    while (i < text.size() && text[i] != '"' && text[i] != '\\' &&
           static_cast<unsigned char>(text[i]) >= 0x20) {
      ++i;
    }
    out->append(text.data() + run, i - run);
    *pos = i;
    if (i >= text.size()) return JsonStringError::kUnterminated;
    if (text[i] == '"') {
      *pos = i + 1;
      return JsonStringError::kNone;
    }
    if (text[i] != '\\') return JsonStringError::kControlCharacter;
    if (++i >= text.size()) {
      *pos = i;
      return JsonStringError::kUnexpectedEnd;
    }
    if (text[i] == 'u') {
      *pos = i + 1;
      JsonStringError error = DecodeUnicodeEscape(text, pos, out, options);
      if (error != JsonStringError::kNone) return error;
      i = *pos;
      continue;
    }
    char decoded = SimpleEscape(text[i]);
    if (decoded == 0) {
      *pos = i;
      return JsonStringError::kBadEscape;
    }
    out->push_back(decoded);
    ++i;
  }
}

const char* JsonStringErrorMessage(JsonStringError error) {
  switch (error) {
    case JsonStringError::kNone: return "No error";
    case JsonStringError::kUnterminated: return "Unterminated string";
    case JsonStringError::kUnexpectedEnd: return "Unexpected end of JSON input";
    case JsonStringError::kBadEscape: return "Bad escaped character";
    case JsonStringError::kBadUnicodeEscape: return "Bad Unicode escape";
    case JsonStringError::kControlCharacter: return "Bad control character in string literal";
  }
  return "Bad string";
}

}  // namespace tenure::base
