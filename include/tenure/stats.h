// Copyright the tenure authors.
// stats.h — heap statistics, named to map 1:1 onto node's process.memoryUsage(),
// v8.getHeapStatistics() and v8.getHeapSpaceStatistics().
#ifndef TENURE_STATS_H_
#define TENURE_STATS_H_

#include <cstddef>
#include <cstdint>

namespace tenure {

// process.memoryUsage()
struct MemoryUsage {
  size_t rss = 0;         // resident set size of the process (/proc/self/statm)
  size_t heap_total = 0;  // committed heap memory (all spaces)
  size_t heap_used = 0;   // bytes of objects (including not-yet-collected garbage)
  size_t external = 0;    // AdjustExternalMemory() sum
  size_t array_buffers = 0;  // always 0 (no ArrayBuffer tracking in the heap itself)
};

// v8.getHeapStatistics()
struct HeapStatistics {
  size_t total_heap_size = 0;             // committed
  size_t total_heap_size_executable = 0;  // always 0
  size_t total_physical_size = 0;         // committed pages that are resident (touched)
  size_t total_available_size = 0;        // heap_size_limit - used
  size_t used_heap_size = 0;
  size_t heap_size_limit = 0;
  size_t malloced_memory = 0;  // side tables (remembered sets, handle blocks, worklists)
  size_t peak_malloced_memory = 0;
  size_t does_zap_garbage = 0;
  size_t number_of_native_contexts = 0;
  size_t number_of_detached_contexts = 0;
  size_t total_global_handles_size = 0;
  size_t used_global_handles_size = 0;
  size_t external_memory = 0;
};

// One entry of v8.getHeapSpaceStatistics(). space_name is one of "new_space", "old_space",
// "large_object_space", "new_large_object_space".
struct SpaceStatistics {
  const char* space_name = "";
  size_t space_size = 0;            // committed
  size_t space_used_size = 0;       // object bytes
  size_t space_available_size = 0;  // allocatable without growing
  size_t physical_space_size = 0;   // committed and touched
};

inline constexpr int kNumberOfSpaces = 4;

// GC counters and pause times.
struct GCStatistics {
  uint64_t scavenge_count = 0;
  uint64_t mark_compact_count = 0;
  double total_pause_ms = 0;
  double max_pause_ms = 0;
  double scavenge_pause_ms = 0;
  double mark_compact_pause_ms = 0;
  uint64_t total_allocated_bytes = 0;  // bytes ever allocated by the mutator
  uint64_t total_promoted_bytes = 0;
  uint64_t total_compacted_bytes = 0;  // bytes moved by mark-compact evacuation
  uint64_t evacuated_pages = 0;
  double startup_ms = 0;  // time spent in the Heap constructor (mapping + touching semispaces)
};

}  // namespace tenure

#endif  // TENURE_STATS_H_
