// Copyright the tenure authors.
// string-table.h — the snapshot's deduplicated `strings` array.
//
// INVARIANTS:
//  * Index 0 is "<dummy>" and index 1 is "" (V8: string ids start at 1; the root is named "").
//  * Every string is stored once; Intern returns the same index for equal (capped) text.
//  * Stored text is capped at kMaxNameChars UTF-8 characters (V8 StringsStorage::kMaxNameSize),
//    cut on a character boundary.
#ifndef TENURE_SRC_SNAPSHOT_WRITER_STRING_TABLE_H_
#define TENURE_SRC_SNAPSHOT_WRITER_STRING_TABLE_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tenure::internal {

inline constexpr size_t kMaxNameChars = 1024;

// `text` cut after kMaxNameChars UTF-8 characters (unchanged when shorter).
std::string_view CapName(std::string_view text);

class StringTable {
 public:
  StringTable();
  uint32_t Intern(std::string_view text);
  std::string_view Get(uint32_t index) const { return storage_[index]; }
  uint32_t size() const { return static_cast<uint32_t>(storage_.size()); }

 private:
  std::deque<std::string> storage_;  // in index order; a deque never moves its elements
  std::unordered_map<std::string_view, uint32_t> index_;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_SNAPSHOT_WRITER_STRING_TABLE_H_
