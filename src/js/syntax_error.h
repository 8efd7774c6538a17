// SyntaxError: a compile-time error with the byte range node would underline.
//
// The parser and scope analyzer throw it; nothing else does. FormatSyntaxError renders node's
// (V8's) report: "<file>:<line>\n<source line>\n<carets>\n\nSyntaxError: <message>\n".
#pragma once

#include <cstdint>
#include <string>

#include "source.h"

namespace tenure::js {

struct SyntaxError {
  std::string message;
  uint32_t start = 0;  // byte offset of the offending token
  uint32_t end = 0;    // one past its end; start == end draws no caret (end of input)
};

std::string FormatSyntaxError(const SourceFile& source, const SyntaxError& error);

}  // namespace tenure::js
