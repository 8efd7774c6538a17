// SourceFile: the text of one script plus a line table.
//
// Invariants: `text` is never modified after construction; line_starts_[0] == 0 and the table is
// sorted, so every byte offset maps to exactly one (1-based line, 1-based column) pair. Columns
// count bytes, not UTF-16 units (the subset is mostly ASCII; node counts UTF-16 units).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tenure::js {

struct LineColumn {
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based
};

class SourceFile {
 public:
  SourceFile(std::string name, std::string text);

  const std::string& name() const { return name_; }
  std::string_view text() const { return text_; }
  LineColumn Locate(uint32_t offset) const;
  // The text of 1-based `line` without its terminator.
  std::string_view LineText(uint32_t line) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }

 private:
  std::string name_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

}  // namespace tenure::js
