// Copyright the tenure authors.
#include "base/utf8.h"

namespace tenure::base {

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp > 0x10FFFF) cp = kReplacementCharacter;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
    return;
  }
  char bytes[4];
  int n;
  if (cp < 0x800) {
    bytes[0] = static_cast<char>(0xC0 | (cp >> 6));
    n = 1;
  } else if (cp < 0x10000) {
    bytes[0] = static_cast<char>(0xE0 | (cp >> 12));
    bytes[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    n = 2;
  } else {
    bytes[0] = static_cast<char>(0xF0 | (cp >> 18));
    bytes[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    bytes[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    n = 3;
  }
  bytes[n] = static_cast<char>(0x80 | (cp & 0x3F));
  out->append(bytes, n + 1);
}

}  // namespace tenure::base
