// Heap timeline files (`--heap-timeline=FILE`, documented in docs/heap-analyzer.md):
// newline-delimited JSON, one object per sample,
//   {"t_ms":12.5,"heapUsed":N,"heapTotal":N,"rss":N,"external":N,"gc":null}
// or with "gc":{"type":"scavenge"|"mark-compact","pause_ms":0.8} for a sample taken at a GC.
// Blank lines are ignored; unknown keys are ignored; t_ms must not decrease.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tenure::snapshot {

struct TimelineSample {
  double t_ms = 0;
  double heap_used = 0, heap_total = 0, rss = 0, external = 0;
  std::string gc_type;  // empty when the sample is not at a GC
  double gc_pause_ms = 0;
};

// Throws SnapshotError naming the line and byte offset of the first bad line.
std::vector<TimelineSample> ParseTimeline(std::string_view text);
std::vector<TimelineSample> ReadTimelineFile(const std::string& path);

}  // namespace tenure::snapshot
