// Leak finding, memlab's three-snapshot method:
//   candidates = objects whose id is in TARGET but not in BASELINE (allocated in between) and that
//   are still alive in FINAL.
// With two snapshots (BEFORE, AFTER) TARGET is AFTER itself: new objects alive in AFTER.
//
// Only "leak heads" are reported: candidates of user-visible kinds (not V8-internal hidden/array/
// code/shape nodes, numbers or synthetic nodes) that are not dominated by another candidate head,
// so a leaked record is counted once rather than together with the strings and arrays it owns.
// Heads are grouped by (class, compact retainer path with element indexes generalised); a group's
// retained size is the sum of its heads' DevTools retained sizes in FINAL. Groups are sorted
// largest first and those below LeakOptions::min_retained_bytes are dropped.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "snapshot/analysis.h"
#include "snapshot/class_names.h"
#include "snapshot/id_set.h"
#include "snapshot/snapshot.h"

namespace tenure::snapshot {

struct LeakOptions {
  uint64_t min_retained_bytes = 0;
  size_t max_groups = 50;
};

struct LeakGroup {
  std::string class_name;
  std::string path;              // compact path of the representative (shortest) instance
  // What the representative holds: from it, the chain of dominated children that each retain at
  // least half of its retained size (at most 6 hops), e.g. "_onTimeout: ƒ() → … → var state: S".
  std::string holds;
  uint64_t count = 0;
  uint64_t retained_size = 0;
  uint64_t self_size = 0;
  std::vector<uint32_t> sample_ids;  // up to 5 node ids, for `tenure heap path`
};

struct LeakReport {
  uint64_t new_objects = 0;        // candidates alive in FINAL (any kind)
  uint64_t leak_heads = 0;
  uint64_t new_retained_size = 0;  // sum of head retained sizes
  std::vector<LeakGroup> groups;
  uint64_t dropped_groups = 0;     // below the threshold or beyond max_groups
};

// `target` empty means "use FINAL's own ids" (the two-snapshot form).
LeakReport FindLeaks(const Snapshot& final_snapshot, const Analysis& analysis, const ClassNames& classes,
                     const IdSet& baseline, const IdSet& target, const LeakOptions& options);
// Same, with ids in any order.
LeakReport FindLeaks(const Snapshot& final_snapshot, const Analysis& analysis, const ClassNames& classes,
                     std::span<const uint32_t> baseline_ids, std::span<const uint32_t> target_ids,
                     const LeakOptions& options);

}  // namespace tenure::snapshot
