// Small JSON building blocks shared by the snapshot reader and the timeline reader.
//
// JsonCursor walks a byte range and throws SnapshotError with the absolute byte offset
// (base_offset + position) on any malformed input; it never reads outside [begin, end).
// JsonValue is a deliberately tiny DOM used only for small documents (the snapshot header,
// one timeline line); the big snapshot arrays are never materialised through it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tenure::snapshot {

struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool boolean = false;
  double number = 0;
  bool is_unsigned_integer = false;  // number had no sign, fraction or exponent
  uint64_t unsigned_integer = 0;     // valid when is_unsigned_integer (saturates at UINT64_MAX)
  std::string string;
  std::vector<JsonValue> array;
  std::vector<std::string> object_keys;  // object members: keys[i] -> values[i]
  std::vector<JsonValue> object_values;

  // Returns the member named `key`, or nullptr (also when this is not an object).
  const JsonValue* Find(std::string_view key) const;
};

class JsonCursor {
 public:
  JsonCursor(std::string_view text, uint64_t base_offset) : text_(text), base_(base_offset) {}

  size_t pos() const { return pos_; }
  void set_pos(size_t pos) { pos_ = pos; }
  uint64_t offset() const { return base_ + pos_; }
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }

  void SkipWhitespace();
  // Skips whitespace then requires `c`.
  void Expect(char c);
  // Parses a JSON string starting at the opening quote and appends its UTF-8 decoding to *out.
  // Lone surrogates decode to U+FFFD; raw control characters are rejected.
  void ParseStringInto(std::string* out);
  // Parses any JSON value; nesting deeper than `max_depth` is an error.
  JsonValue ParseValue(int max_depth = 64);
  // Skips any JSON value without building it (iterative; no depth limit needed).
  void SkipValue();
  [[noreturn]] void Fail(const std::string& message) const;

 private:
  void ParseNumber(JsonValue* out);
  void SkipNumber();
  void ParseLiteral(std::string_view word);

  std::string_view text_;
  uint64_t base_;
  size_t pos_ = 0;
};

// Parses a whole document (trailing whitespace allowed); throws SnapshotError.
JsonValue ParseJson(std::string_view text, uint64_t base_offset = 0);

// Appends `s` as a JSON string literal (with quotes, '<' escaped for HTML) to *out.
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace tenure::snapshot
