// Copyright the tenure authors.
#include "string-table.h"

#include "json-stream.h"

namespace tenure::internal {

std::string_view CapName(std::string_view text) {
  if (text.size() <= kMaxNameChars) return text;  // fewer bytes than the cap: fewer characters
  size_t pos = 0;
  for (size_t chars = 0; chars < kMaxNameChars && pos < text.size(); ++chars) DecodeUtf8(text, &pos);
  return text.substr(0, pos);
}

StringTable::StringTable() {
  Intern("<dummy>");
  Intern("");
}

uint32_t StringTable::Intern(std::string_view text) {
  text = CapName(text);
  auto it = index_.find(text);
  if (it != index_.end()) return it->second;
  const std::string& stored = storage_.emplace_back(text);
  const uint32_t index = static_cast<uint32_t>(storage_.size() - 1);
  index_.emplace(std::string_view(stored), index);
  return index;
}

}  // namespace tenure::internal
