// TextTable: aligned plain-text tables for the CLI. Columns are left-aligned unless marked
// numeric (right-aligned). Cells are UTF-8; width counts code points, not bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tenure::snapshot {

class TextTable {
 public:
  // `numeric[i]` right-aligns column i.
  TextTable(std::vector<std::string> headers, std::vector<bool> numeric);
  void AddRow(std::vector<std::string> cells);
  std::string Render() const;

 private:
  std::vector<std::string> headers_;
  std::vector<bool> numeric_;
  std::vector<std::vector<std::string>> rows_;
};

// "1.5 MB"-style size (powers of 1024, one decimal).
std::string HumanBytes(uint64_t bytes);
// "+12" / "-3" / "0".
std::string Signed(int64_t v);

}  // namespace tenure::snapshot
