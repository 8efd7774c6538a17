#include "snapshot/json_text.h"

#include <cstdio>

#include "base/json_string.h"
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

void JsonCursor::ParseStringInto(std::string* out) {
  SkipWhitespace();
  if (AtEnd() || text_[pos_] != '"') Fail("expected a string");
  ++pos_;
  switch (base::DecodeJsonString(text_, &pos_, out)) {
    case base::JsonStringError::kNone: return;
    case base::JsonStringError::kUnterminated: Fail("unterminated string");
    case base::JsonStringError::kUnexpectedEnd: Fail("unterminated escape");
    case base::JsonStringError::kBadEscape: Fail("bad escape in string");
    case base::JsonStringError::kBadUnicodeEscape: Fail("bad hex digit in \\u escape");
    case base::JsonStringError::kControlCharacter: Fail("raw control character in string");
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
  base::AppendJsonQuoted(s, out, {.escape_less_than = true});
}

}  // namespace tenure::snapshot
