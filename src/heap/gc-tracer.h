// Copyright the tenure authors.
// gc-tracer.h — --trace-gc / --trace-gc-nvp output, mutator utilization, and the ring of recent
// trace lines that the OOM report prints.
//
// Formats follow V8 11.x GCTracer::Print / PrintNVP (v8-memory.md §6), so a parser written for
// `node --trace-gc` reads tenure's output:
//   [pid:0xheap]  %8.0f ms: Scavenge 4.1 (4.2) -> 4.0 (5.2) MB, 0.84 / 0.00 ms  (average mu = 1.000,
//   current mu = 1.000) allocation failure; <collector reason>
// A full GC that finalizes incremental marking carries V8's incremental field after the pause:
//   ... MB, 3.33 / 0.00 ms  (+ 12.5 ms in 40 steps since start of marking, biggest step 0.9 ms,
//   walltime since start of marking 310 ms) (average mu = ...
// Every line (printed or not) goes into a 512-byte ring, each line truncated to 255 characters as
// V8 does (kTraceRingBufferSize, 256-byte format buffer).
#ifndef TENURE_SRC_HEAP_GC_TRACER_H_
#define TENURE_SRC_HEAP_GC_TRACER_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "tenure/heap.h"

namespace tenure::internal {

struct GCEvent {
  GCType type = GCType::kScavenge;
  GCReason reason = GCReason::kTesting;
  const char* collector_reason = "";
  double start_ms = 0;
  double end_ms = 0;
  size_t used_before = 0, committed_before = 0;
  size_t used_after = 0, committed_after = 0;
  size_t holes_before = 0, holes_after = 0;
  size_t allocated = 0;  // young bytes allocated since the previous GC
  size_t promoted = 0;
  size_t new_space_survived = 0;
  size_t new_space_capacity = 0;
  size_t copied_objects = 0, promoted_objects = 0;
  // Scavenges: time spent promoting by page moving (V8's fast_promote scope; 0 when copying).
  double fast_promote_ms = 0;
  double mark_ms = 0, clear_ms = 0, sweep_ms = 0, evacuate_ms = 0;
  size_t marked_bytes = 0, evacuated_bytes = 0;
  // Set when this full GC finalized incremental marking (steps ran before the pause).
  int incremental_steps = 0;
  double incremental_ms = 0, incremental_longest_step_ms = 0, incremental_start_ms = 0;
};

class GCTracer {
 public:
  static constexpr size_t kRingBufferSize = 512;
  static constexpr size_t kMaxLineLength = 255;

  explicit GCTracer(const Heap* heap);

  double ElapsedMs() const;
  // Records a finished GC: updates mutator utilization, prints (if enabled), fills the ring.
  void Record(const GCEvent& event, bool trace_gc, bool trace_gc_nvp, FILE* out);
  // Ring contents oldest first; if the ring wrapped, the first (partial) line is dropped (V8).
  std::string RingBufferContents() const;
  std::vector<std::string> RecentLines() const;

  double average_mu() const { return average_mu_; }
  double current_mu() const { return current_mu_; }
  double last_gc_end_ms() const { return last_gc_end_ms_; }

 private:
  void RecordMutatorUtilization(double mark_compact_end_ms, double mark_compact_duration_ms);
  std::string FormatLine(const GCEvent& event) const;
  std::string FormatNvp(const GCEvent& event, double mutator_ms) const;
  std::string Prefix(double ms) const;
  void AddToRing(const std::string& line);

  const Heap* heap_;
  std::chrono::steady_clock::time_point init_time_;
  char ring_[kRingBufferSize] = {};
  size_t ring_end_ = 0;
  bool ring_full_ = false;
  double average_mu_ = 1.0;
  double current_mu_ = 1.0;
  double average_mutator_duration_ = 0;
  double average_mark_compact_duration_ = 0;
  double previous_mark_compact_end_ms_ = 0;
  double last_gc_end_ms_ = 0;
  double survival_ratio_sum_ = 0;
  int scavenges_ = 0;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_GC_TRACER_H_
