// Copyright the tenure authors.
// json-stream.h — the writer's only output path: JSON text through one fixed-size buffer to a FILE*.
//
// INVARIANTS:
//  * Memory is the buffer (its size fixed at construction) and nothing else: text is never
//    accumulated beyond it. A full buffer is written with fwrite before more text goes in.
//  * The first failed write is remembered (with errno's text) and every later call is a no-op;
//    Finish() reports it. Nothing here aborts on an I/O error.
//  * String() writes valid JSON for any input bytes: UTF-8 is decoded and every non-ASCII code
//    point written as \uXXXX (astral ones as a surrogate pair, like V8's AddJsonEscapedString);
//    malformed UTF-8 becomes \uFFFD; control characters are escaped.
#ifndef TENURE_SRC_SNAPSHOT_WRITER_JSON_STREAM_H_
#define TENURE_SRC_SNAPSHOT_WRITER_JSON_STREAM_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace tenure::internal {

class JsonStream {
 public:
  JsonStream(FILE* out, size_t buffer_size);

  void Raw(std::string_view text);
  void Char(char c) {
    if (used_ == buffer_.size()) Flush();
    buffer_[used_++] = c;
  }
  void Uint(uint64_t value);
  // A quoted, escaped JSON string.
  void String(std::string_view utf8);
  // Flushes the buffer and the FILE*. Returns false (and sets error()) on any I/O failure so far.
  bool Finish();

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  uint64_t bytes_written() const { return bytes_written_; }

 private:
  void Flush();
  void EscapeCodePoint(uint32_t code_point);
  void HexUnit(uint32_t unit);

  FILE* out_;
  std::vector<char> buffer_;
  size_t used_ = 0;
  uint64_t bytes_written_ = 0;
  std::string error_;
};

// Decodes one UTF-8 code point from `text` at `*pos` and advances `*pos`. Malformed input
// (bad lead byte, truncated or overlong sequence, surrogate, > U+10FFFF) yields U+FFFD and skips
// one byte.
uint32_t DecodeUtf8(std::string_view text, size_t* pos);

}  // namespace tenure::internal

#endif  // TENURE_SRC_SNAPSHOT_WRITER_JSON_STREAM_H_
