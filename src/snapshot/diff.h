// Class diff between two snapshots (DevTools' Comparison view): objects are matched by node id
// only; per class, "added" are ids present only in AFTER and "removed" ids present only in BEFORE.
// Sizes are raw self sizes from the files; nodes with self size 0 are ignored, as DevTools does.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "snapshot/snapshot.h"

namespace tenure::snapshot {

struct ClassDiff {
  std::string name;
  uint64_t added_count = 0, removed_count = 0;
  uint64_t added_size = 0, removed_size = 0;
  int64_t count_delta() const { return static_cast<int64_t>(added_count) - static_cast<int64_t>(removed_count); }
  int64_t size_delta() const { return static_cast<int64_t>(added_size) - static_cast<int64_t>(removed_size); }
};

// Classes with any change, sorted by |size delta| then name.
std::vector<ClassDiff> DiffSnapshots(const Snapshot& before, const Snapshot& after);

}  // namespace tenure::snapshot
