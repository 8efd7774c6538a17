#include "syntax_error.h"

namespace tenure::js {

// Layout checked against node 20: the caret line has spaces up to the token's column and one '^'
// per byte of the token (clipped to the line); a zero-width range still prints the padding.
std::string FormatSyntaxError(const SourceFile& source, const SyntaxError& error) {
  LineColumn at = source.Locate(error.start);
  std::string_view line = source.LineText(at.line);
  std::string out = source.name() + ":" + std::to_string(at.line) + "\n";
  out.append(line);
  out += "\n";
  uint32_t col = at.column - 1;
  for (uint32_t i = 0; i < col; ++i) out += (i < line.size() && line[i] == '\t') ? '\t' : ' ';
  uint32_t width = error.end > error.start ? error.end - error.start : 0;
  if (col + width > line.size()) width = line.size() > col ? static_cast<uint32_t>(line.size()) - col : 0;
  out.append(width, '^');
  out += "\n\nSyntaxError: " + error.message + "\n";
  return out;
}

}  // namespace tenure::js
