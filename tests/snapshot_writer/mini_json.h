// Copyright the tenure authors.
// mini_json.h — a small, strict JSON parser for the writer tests: it rejects anything RFC 8259
// rejects (trailing commas, bad escapes, unescaped control characters, trailing text), keeps object
// keys in file order (the tests check V8's key order) and decodes \u escapes (incl. surrogate
// pairs) to UTF-8. Independent of the writer, so the tests do not check it against itself.
#ifndef TENURE_TESTS_SNAPSHOT_WRITER_MINI_JSON_H_
#define TENURE_TESTS_SNAPSHOT_WRITER_MINI_JSON_H_

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tenure::testing {

struct Json {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject } kind = Kind::kNull;
  bool boolean = false;
  double number = 0;
  std::string text;                               // kString
  std::vector<Json> items;                        // kArray
  // kObject, in file order. Two vectors, not vector<pair<string, Json>>: a pair of the
  // still-incomplete Json does not compile with clang + libstdc++.
  std::vector<std::string> keys;
  std::vector<Json> values;

  const Json& operator[](std::string_view key) const {
    for (size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == key) return values[i];
    }
    throw std::runtime_error("missing key " + std::string(key));
  }
  const Json& operator[](size_t i) const { return items.at(i); }
  uint64_t u() const { return static_cast<uint64_t>(number); }
  std::vector<std::string> Keys() const { return keys; }
};

class JsonParser {
 public:
  static Json Parse(std::string_view text) {
    JsonParser p(text);
    Json value = p.Value();
    p.SkipSpace();
    if (p.pos_ != text.size()) p.Fail("trailing text");
    return value;
  }

 private:
  explicit JsonParser(std::string_view text) : s_(text) {}
  [[noreturn]] void Fail(const std::string& what) {
    throw std::runtime_error("JSON error at " + std::to_string(pos_) + ": " + what);
  }
  void SkipSpace() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t')) ++pos_;
  }
  char Peek() {
    SkipSpace();
    if (pos_ >= s_.size()) Fail("unexpected end");
    return s_[pos_];
  }
  void Expect(char c) {
    if (Peek() != c) Fail(std::string("expected ") + c);
    ++pos_;
  }
  bool Literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  Json Value() {
    Json v;
    const char c = Peek();
    if (c == '{') {
      v.kind = Json::Kind::kObject;
      ++pos_;
      if (Peek() == '}') return ++pos_, v;
      for (;;) {
        if (Peek() != '"') Fail("expected key");
        std::string key = String();
        Expect(':');
        v.keys.push_back(std::move(key));
        v.values.push_back(Value());
        if (Peek() == ',') { ++pos_; continue; }
        Expect('}');
        return v;
      }
    }
    if (c == '[') {
      v.kind = Json::Kind::kArray;
      ++pos_;
      if (Peek() == ']') return ++pos_, v;
      for (;;) {
        v.items.push_back(Value());
        if (Peek() == ',') { ++pos_; continue; }
        Expect(']');
        return v;
      }
    }
    if (c == '"') {
      v.kind = Json::Kind::kString;
      v.text = String();
      return v;
    }
    if (Literal("true")) { v.kind = Json::Kind::kBool; v.boolean = true; return v; }
    if (Literal("false")) { v.kind = Json::Kind::kBool; return v; }
    if (Literal("null")) return v;
    return Number();
  }
  Json Number() {
    const size_t start = pos_;
    if (pos_ < s_.size() && s_[pos_] == '-') ++pos_;
    if (pos_ >= s_.size() || !isdigit(static_cast<unsigned char>(s_[pos_]))) Fail("bad value");
    if (s_[pos_] == '0' && pos_ + 1 < s_.size() && isdigit(static_cast<unsigned char>(s_[pos_ + 1]))) Fail("leading zero");
    while (pos_ < s_.size() && (isdigit(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '.' ||
                                s_[pos_] == 'e' || s_[pos_] == 'E' || s_[pos_] == '+' || s_[pos_] == '-')) {
      ++pos_;
    }
    Json v;
    v.kind = Json::Kind::kNumber;
    v.number = std::stod(std::string(s_.substr(start, pos_ - start)));
    return v;
  }
  uint32_t Hex4() {
    if (pos_ + 4 > s_.size()) Fail("short \\u escape");
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = s_[pos_++];
      v <<= 4;
      if (h >= '0' && h <= '9') v |= h - '0';
      else if (h >= 'a' && h <= 'f') v |= h - 'a' + 10;
      else if (h >= 'A' && h <= 'F') v |= h - 'A' + 10;
      else Fail("bad hex digit");
    }
    return v;
  }
  static void AppendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  std::string String() {
    Expect('"');
    std::string out;
    for (;;) {
      if (pos_ >= s_.size()) Fail("unterminated string");
      const char c = s_[pos_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) Fail("unescaped control character");
      if (c != '\\') { out += c; continue; }
      if (pos_ >= s_.size()) Fail("bad escape");
      const char e = s_[pos_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          uint32_t cp = Hex4();
          if (cp >= 0xD800 && cp < 0xDC00) {
            if (!Literal("\\u")) Fail("lone high surrogate");
            const uint32_t lo = Hex4();
            if (lo < 0xDC00 || lo > 0xDFFF) Fail("bad low surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            Fail("lone low surrogate");
          }
          AppendUtf8(out, cp);
          break;
        }
        default: Fail("bad escape");
      }
    }
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace tenure::testing

#endif  // TENURE_TESTS_SNAPSHOT_WRITER_MINI_JSON_H_
