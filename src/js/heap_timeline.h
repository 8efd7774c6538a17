// HeapTimeline: `--heap-timeline=FILE`, heap statistics over time as the NDJSON format of
// docs/heap-analyzer.md ("Timeline files"), read by `tenure heap report --timeline`.
//
// INVARIANTS:
//  - One line per sample, `t_ms` (milliseconds since the timeline started) never decreases.
//  - A sample is taken at the end of every GC (epilogue callback; `gc` = type and the pause
//    measured from the matching prologue), periodically at safe points of the event loop (at most
//    every kPeriodMs, `gc` = null), and once at start and at the end.
//  - Sampling never allocates on the managed heap (it runs inside GC callbacks): stdio only.
//  - An unwritable FILE is reported once on stderr; the program keeps running without a timeline.
#pragma once

#include <cstdio>
#include <string>

#include "tenure/heap.h"

namespace tenure::js {

class HeapTimeline {
 public:
  static constexpr double kPeriodMs = 10.0;

  HeapTimeline(tenure::Heap& heap, const std::string& path);
  ~HeapTimeline();
  HeapTimeline(const HeapTimeline&) = delete;
  HeapTimeline& operator=(const HeapTimeline&) = delete;

  // Takes a periodic sample when kPeriodMs passed since the last sample of any kind.
  void MaybeSample();
  int samples() const { return samples_; }

 private:
  static void OnGCPrologue(tenure::Heap& heap, tenure::GCType type, void* data);
  static void OnGCEpilogue(tenure::Heap& heap, tenure::GCType type, void* data);
  // `gc_type` null: a periodic sample.
  void Sample(const char* gc_type, double pause_ms);
  double NowMs() const;

  tenure::Heap& heap_;
  FILE* out_ = nullptr;
  double origin_ms_ = 0;
  double last_sample_ms_ = 0;
  double gc_start_ms_ = 0;
  int samples_ = 0;
};

}  // namespace tenure::js
