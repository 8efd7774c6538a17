// Summary: DevTools' Summary view — per-class count, shallow and retained size — plus the
// largest objects by retained size.
//
// Per DevTools buildAggregates, nodes with self_size 0 (after shallow-size transfer) are not
// counted. A class's retained size (DevTools "maxRet") sums the retained sizes of its instances
// that have no dominator-tree ancestor of the same class, so nested instances are not counted twice.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "snapshot/analysis.h"
#include "snapshot/class_names.h"
#include "snapshot/big_vector.h"
#include "snapshot/snapshot.h"

namespace tenure::snapshot {

struct ClassStats {
  std::string name;
  uint64_t count = 0;
  uint64_t self_size = 0;
  uint64_t retained_size = 0;
  int32_t min_distance = 0;
};

struct SummaryOptions {
  size_t top_objects = 20;
};

struct Summary {
  std::vector<ClassStats> classes;     // sorted by retained size, largest first
  std::vector<uint32_t> top_objects;   // node ordinals, largest retained size first
  uint64_t total_size = 0;
};

Summary Summarize(const Snapshot& snapshot, const Analysis& analysis, const ClassNames& classes,
                  const SummaryOptions& options = {});

// Children of each node in the dominator tree, CSR form (first has node_count+1 entries).
struct DominatorChildren {
  BigVector<uint32_t> first;
  BigVector<uint32_t> children;
};
DominatorChildren BuildDominatorChildren(const Snapshot& snapshot, const Analysis& analysis);

}  // namespace tenure::snapshot
