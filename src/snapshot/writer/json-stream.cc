// Copyright the tenure authors.
#include "json-stream.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>

namespace tenure::internal {

JsonStream::JsonStream(FILE* out, size_t buffer_size)
    : out_(out), buffer_(buffer_size == 0 ? 1 : buffer_size) {}

void JsonStream::Flush() {
  if (used_ == 0) return;
  if (!failed()) {
    errno = 0;
    const size_t written = fwrite(buffer_.data(), 1, used_, out_);
    bytes_written_ += written;
    if (written != used_) {
      error_ = std::string("write failed: ") + (errno != 0 ? strerror(errno) : "short write");
    }
  }
  used_ = 0;
}

void JsonStream::Raw(std::string_view text) {
  while (!text.empty()) {
    if (used_ == buffer_.size()) Flush();
    const size_t n = std::min(text.size(), buffer_.size() - used_);
    memcpy(buffer_.data() + used_, text.data(), n);
    used_ += n;
    text.remove_prefix(n);
  }
}

void JsonStream::Uint(uint64_t value) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof(digits), value);
  Raw(std::string_view(digits, result.ptr - digits));
}

void JsonStream::HexUnit(uint32_t unit) {
  static constexpr char kHex[] = "0123456789abcdef";
  const char text[6] = {'\\', 'u', kHex[(unit >> 12) & 15], kHex[(unit >> 8) & 15],
                        kHex[(unit >> 4) & 15], kHex[unit & 15]};
  Raw(std::string_view(text, 6));
}

void JsonStream::EscapeCodePoint(uint32_t cp) {
  switch (cp) {
    case '"': Raw("\\\""); return;
    case '\\': Raw("\\\\"); return;
    case '\b': Raw("\\b"); return;
    case '\f': Raw("\\f"); return;
    case '\n': Raw("\\n"); return;
    case '\r': Raw("\\r"); return;
    case '\t': Raw("\\t"); return;
    default: break;
  }
  if (cp >= 0x20 && cp < 0x80) {
    Char(static_cast<char>(cp));
  } else if (cp < 0x10000) {
    HexUnit(cp);
  } else {
    const uint32_t v = cp - 0x10000;
    HexUnit(0xD800 + (v >> 10));
    HexUnit(0xDC00 + (v & 0x3FF));
  }
}

void JsonStream::String(std::string_view utf8) {
  Char('"');
  size_t pos = 0;
  while (pos < utf8.size()) EscapeCodePoint(DecodeUtf8(utf8, &pos));
  Char('"');
}

bool JsonStream::Finish() {
  Flush();
  if (!failed() && fflush(out_) != 0) error_ = std::string("flush failed: ") + strerror(errno);
  if (!failed() && ferror(out_)) error_ = "write failed: stream error";
  return !failed();
}

uint32_t DecodeUtf8(std::string_view text, size_t* pos) {
  constexpr uint32_t kReplacement = 0xFFFD;
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  const uint8_t lead = byte(*pos);
  if (lead < 0x80) {
    ++*pos;
    return lead;
  }
  int extra;
  uint32_t cp;
  uint32_t min;
  if ((lead & 0xE0) == 0xC0) {
    extra = 1, cp = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2, cp = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3, cp = lead & 0x07, min = 0x10000;
  } else {
    ++*pos;
    return kReplacement;
  }
  if (*pos + extra >= text.size()) {  // truncated sequence
    ++*pos;
    return kReplacement;
  }
  for (int i = 1; i <= extra; ++i) {
    const uint8_t b = byte(*pos + i);
    if ((b & 0xC0) != 0x80) {
      ++*pos;
      return kReplacement;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++*pos;
    return kReplacement;
  }
  *pos += extra + 1;
  return cp;
}

}  // namespace tenure::internal
