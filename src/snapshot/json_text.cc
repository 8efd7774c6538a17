#include "snapshot/json_text.h"

#include <cstdio>

#include "snapshot/snapshot_error.h"

namespace tenure::snapshot {

const JsonValue* JsonValue::Find(std::string_view key) const {
  if (kind != Kind::kObject) return nullptr;
  for (size_t i = 0; i < object_keys.size(); ++i) {
    if (object_keys[i] == key) return &object_values[i];
  }
  return nullptr;
}

void JsonCursor::Fail(const std::string& message) const { throw SnapshotError(offset(), message); }

void JsonCursor::SkipWhitespace() {
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
    ++pos_;
  }
}

void JsonCursor::Expect(char c) {
  SkipWhitespace();
  if (AtEnd()) Fail(std::string("unexpected end of input, expected '") + c + "'");
  if (text_[pos_] != c) Fail(std::string("expected '") + c + "'");
  ++pos_;
}

uint32_t JsonCursor::ParseHex4() {
  if (text_.size() - pos_ < 4) Fail("truncated \\u escape");
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    char c = text_[pos_];
    uint32_t d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else Fail("bad hex digit in \\u escape");
    v = v * 16 + d;
    ++pos_;
  }
  return v;
}

static void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void JsonCursor::ParseStringInto(std::string* out) {
  SkipWhitespace();
  if (AtEnd() || text_[pos_] != '"') Fail("expected a string");
  ++pos_;
  for (;;) {
    // Fast path: copy the run of plain bytes up to the next quote, backslash or control char.
    size_t run = pos_;
    while (run < text_.size()) {
      unsigned char c = static_cast<unsigned char>(text_[run]);
      if (c == '"' || c == '\\' || c < 0x20) break;
      ++run;
    }
    out->append(text_.data() + pos_, run - pos_);
    pos_ = run;
    if (AtEnd()) Fail("unterminated string");
    char c = text_[pos_];
    if (c == '"') {
      ++pos_;
      return;
    }
    if (c != '\\') Fail("raw control character in string");
    ++pos_;
    if (AtEnd()) Fail("unterminated escape");
    char e = text_[pos_++];
    switch (e) {
      case '"': out->push_back('"'); break;
      case '\\': out->push_back('\\'); break;
      case '/': out->push_back('/'); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case 't': out->push_back('\t'); break;
      case 'u': {
        uint32_t cp = ParseHex4();
        if (cp >= 0xD800 && cp <= 0xDBFF && text_.size() - pos_ >= 6 && text_[pos_] == '\\' &&
            text_[pos_ + 1] == 'u') {
          size_t save = pos_;
          pos_ += 2;
          uint32_t lo = ParseHex4();
          if (lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else {
            pos_ = save;  // lone high surrogate; the next escape is decoded on its own
            cp = 0xFFFD;
          }
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
          cp = 0xFFFD;
        }
        AppendUtf8(cp, out);
        break;
      }
      default: --pos_; Fail("bad escape in string");
    }
  }
}

void JsonCursor::ParseLiteral(std::string_view word) {
  if (text_.substr(pos_, word.size()) != word) Fail("invalid literal");
  pos_ += word.size();
}

void JsonCursor::SkipNumber() {
  // Same grammar as ParseNumber, without converting (skipped sections can hold millions).
  if (Peek() == '-') ++pos_;
  auto digits = [&] {
    if (AtEnd() || text_[pos_] < '0' || text_[pos_] > '9') Fail("invalid number");
    while (!AtEnd() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
  };
  digits();
  if (Peek() == '.') { ++pos_; digits(); }
  if (Peek() == 'e' || Peek() == 'E') {
    ++pos_;
    if (Peek() == '+' || Peek() == '-') ++pos_;
    digits();
  }
}

void JsonCursor::ParseNumber(JsonValue* out) {
  size_t start = pos_;
  bool plain = true;
  if (Peek() == '-') { plain = false; ++pos_; }
  if (AtEnd() || text_[pos_] < '0' || text_[pos_] > '9') Fail("invalid number");
  uint64_t u = 0;
  bool saturated = false;
  while (!AtEnd() && text_[pos_] >= '0' && text_[pos_] <= '9') {
    uint64_t d = static_cast<uint64_t>(text_[pos_] - '0');
    if (u > (UINT64_MAX - d) / 10) saturated = true;
    else u = u * 10 + d;
    ++pos_;
  }
  if (Peek() == '.') {
    plain = false;
    ++pos_;
    if (AtEnd() || text_[pos_] < '0' || text_[pos_] > '9') Fail("invalid number");
    while (!AtEnd() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
  }
  if (Peek() == 'e' || Peek() == 'E') {
    plain = false;
    ++pos_;
    if (Peek() == '+' || Peek() == '-') ++pos_;
    if (AtEnd() || text_[pos_] < '0' || text_[pos_] > '9') Fail("invalid number");
    while (!AtEnd() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
  }
  out->kind = JsonValue::Kind::kNumber;
  out->number = std::strtod(std::string(text_.substr(start, pos_ - start)).c_str(), nullptr);
  out->is_unsigned_integer = plain;
  out->unsigned_integer = saturated ? UINT64_MAX : u;
}

JsonValue JsonCursor::ParseValue(int max_depth) {
  if (max_depth <= 0) Fail("JSON nested too deeply");
  SkipWhitespace();
  if (AtEnd()) Fail("unexpected end of input, expected a value");
  JsonValue v;
  char c = text_[pos_];
  if (c == '{') {
    ++pos_;
    v.kind = JsonValue::Kind::kObject;
    SkipWhitespace();
    if (Peek() == '}') { ++pos_; return v; }
    for (;;) {
      std::string key;
      ParseStringInto(&key);
      Expect(':');
      v.object_values.push_back(ParseValue(max_depth - 1));
      v.object_keys.push_back(std::move(key));
      SkipWhitespace();
      if (Peek() == ',') { ++pos_; continue; }
      Expect('}');
      return v;
    }
  }
  if (c == '[') {
    ++pos_;
    v.kind = JsonValue::Kind::kArray;
    SkipWhitespace();
    if (Peek() == ']') { ++pos_; return v; }
    for (;;) {
      v.array.push_back(ParseValue(max_depth - 1));
      SkipWhitespace();
      if (Peek() == ',') { ++pos_; continue; }
      Expect(']');
      return v;
    }
  }
  if (c == '"') {
    v.kind = JsonValue::Kind::kString;
    ParseStringInto(&v.string);
    return v;
  }
  if (c == 't') { ParseLiteral("true"); v.kind = JsonValue::Kind::kBool; v.boolean = true; return v; }
  if (c == 'f') { ParseLiteral("false"); v.kind = JsonValue::Kind::kBool; return v; }
  if (c == 'n') { ParseLiteral("null"); return v; }
  ParseNumber(&v);
  return v;
}

void JsonCursor::SkipValue() {
  // Iterative with an explicit stack of open containers, so hostile nesting cannot overflow the
  // C++ stack. The stack holds '{' or '['.
  std::string scratch;
  std::vector<char> open;
  for (;;) {
    SkipWhitespace();
    if (AtEnd()) Fail("unexpected end of input inside a value");
    char c = text_[pos_];
    bool value_done = true;
    if (c == '{' || c == '[') {
      ++pos_;
      SkipWhitespace();
      char close = c == '{' ? '}' : ']';
      if (Peek() == close) {
        ++pos_;
      } else {
        open.push_back(c);
        if (c == '{') { scratch.clear(); ParseStringInto(&scratch); Expect(':'); }
        value_done = false;
      }
    } else if (c == '"') {
      scratch.clear();
      ParseStringInto(&scratch);
    } else if (c == 't') {
      ParseLiteral("true");
    } else if (c == 'f') {
      ParseLiteral("false");
    } else if (c == 'n') {
      ParseLiteral("null");
    } else {
      SkipNumber();
    }
    if (!value_done) continue;
    // After a complete value: close finished containers, then step to the next element.
    for (;;) {
      if (open.empty()) return;
      SkipWhitespace();
      if (AtEnd()) Fail("unexpected end of input inside a value");
      char d = text_[pos_];
      if (d == ',') {
        ++pos_;
        if (open.back() == '{') { scratch.clear(); ParseStringInto(&scratch); Expect(':'); }
        break;
      }
      if (d == (open.back() == '{' ? '}' : ']')) {
        ++pos_;
        open.pop_back();
        continue;
      }
      Fail("expected ',' or a closing bracket");
    }
  }
}

JsonValue ParseJson(std::string_view text, uint64_t base_offset) {
  JsonCursor cursor(text, base_offset);
  JsonValue v = cursor.ParseValue();
  cursor.SkipWhitespace();
  if (!cursor.AtEnd()) cursor.Fail("trailing characters after JSON value");
  return v;
}

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      case '<': *out += "\\u003c"; break;  // safe inside <script> blocks
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          *out += buf;
        } else {
          out->push_back(ch);
        }
    }
  }
  out->push_back('"');
}

}  // namespace tenure::snapshot
