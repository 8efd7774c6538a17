// Copyright the tenure authors.
#include "gc-tracer.h"

#include <unistd.h>

#include <cstdarg>
#include <cstdio>

namespace tenure::internal {

namespace {

double ToMB(size_t bytes) { return static_cast<double>(bytes) / MB; }

std::string Printf(const char* format, ...) __attribute__((format(printf, 1, 2)));
std::string Printf(const char* format, ...) {
  char buffer[2048];
  va_list args;
  va_start(args, format);
  vsnprintf(buffer, sizeof(buffer), format, args);
  va_end(args);
  return buffer;
}

}  // namespace

GCTracer::GCTracer(const Heap* heap)
    : heap_(heap), init_time_(std::chrono::steady_clock::now()) {}

double GCTracer::ElapsedMs() const {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - init_time_)
      .count();
}

std::string GCTracer::Prefix(double ms) const {
  return Printf("[%d:%p] %8.0f ms: ", static_cast<int>(getpid()), static_cast<const void*>(heap_),
                ms);
}

// V8 GCTracer::RecordMutatorUtilization: exponentially averaged (weight 0.5) mutator and
// mark-compact durations between consecutive mark-compacts.
void GCTracer::RecordMutatorUtilization(double end_ms, double duration_ms) {
  const double total = end_ms - previous_mark_compact_end_ms_;
  const double mutator = total - duration_ms;
  if (average_mark_compact_duration_ == 0 && average_mutator_duration_ == 0) {
    average_mark_compact_duration_ = duration_ms;
    average_mutator_duration_ = mutator;
  } else {
    average_mark_compact_duration_ = (average_mark_compact_duration_ + duration_ms) / 2;
    average_mutator_duration_ = (average_mutator_duration_ + mutator) / 2;
  }
  current_mu_ = total > 0 ? mutator / total : 0;
  const double sum = average_mutator_duration_ + average_mark_compact_duration_;
  average_mu_ = sum > 0 ? average_mutator_duration_ / sum : 0;
  previous_mark_compact_end_ms_ = end_ms;
}

std::string GCTracer::FormatLine(const GCEvent& e) const {
  const char* name = e.type == GCType::kScavenge ? "Scavenge" : "Mark-Compact";
  // V8 11.6 format (v8-memory.md §6); the empty incremental-marking field leaves two spaces.
  std::string incremental;
  if (e.incremental_steps > 0) {
    incremental = Printf(
        " (+ %.1f ms in %d steps since start of marking, biggest step %.1f ms, walltime since "
        "start of marking %.f ms)",
        e.incremental_ms, e.incremental_steps, e.incremental_longest_step_ms,
        e.end_ms - e.incremental_start_ms);
  }
  return Prefix(e.start_ms) +
         Printf("%s%s %.1f (%.1f) -> %.1f (%.1f) MB, %.2f / %.2f ms %s (average mu = %.3f, "
                "current mu = %.3f) %s; %s\n",
                name, "", ToMB(e.used_before), ToMB(e.committed_before), ToMB(e.used_after),
                ToMB(e.committed_after), e.end_ms - e.start_ms, 0.0, incremental.c_str(),
                average_mu_, current_mu_,
                GCReasonToString(e.reason), e.collector_reason);
}

std::string GCTracer::FormatNvp(const GCEvent& e, double mutator_ms) const {
  const double pause = e.end_ms - e.start_ms;
  const double survived =
      e.allocated > 0 ? 100.0 * (e.new_space_survived + e.promoted) / e.allocated : 0;
  const double promotion = e.allocated > 0 ? 100.0 * e.promoted / e.allocated : 0;
  std::string common = Printf(
      "total_size_before=%zu total_size_after=%zu holes_size_before=%zu holes_size_after=%zu "
      "allocated=%zu promoted=%zu new_space_survived=%zu nodes_died_in_new=0 "
      "nodes_copied_in_new=%zu nodes_promoted=%zu promotion_ratio=%.1f%% "
      "average_survival_ratio=%.1f%% promotion_rate=%.1f%% new_space_survive_rate_=%.1f%% "
      "new_space_allocation_throughput=%.1f",
      e.used_before, e.used_after, e.holes_before, e.holes_after, e.allocated, e.promoted,
      e.new_space_survived, e.copied_objects, e.promoted_objects, promotion,
      scavenges_ > 0 ? survival_ratio_sum_ / scavenges_ : 0.0, promotion, survived,
      mutator_ms > 0 ? e.allocated / mutator_ms : 0.0);
  if (e.type == GCType::kScavenge) {
    return Prefix(e.start_ms) +
           Printf("pause=%.1f mutator=%.1f gc=s reduce_memory=0 fast_promote=%.2f scavenge=%.2f "
                  "scavenge_throughput=%.0f ",
                  pause, mutator_ms, e.fast_promote_ms, pause - e.fast_promote_ms,
                  pause > 0 ? (e.new_space_survived + e.promoted) / pause : 0.0) +
           common + "\n";
  }
  return Prefix(e.start_ms) +
         Printf("pause=%.1f mutator=%.1f gc=mc reduce_memory=0 mark=%.2f clear=%.2f sweep=%.2f "
                "evacuate=%.2f incremental=%.2f incremental_steps=%d ",
                pause, mutator_ms, e.mark_ms, e.clear_ms, e.sweep_ms, e.evacuate_ms,
                e.incremental_ms, e.incremental_steps) +
         common +
         Printf(" compaction_speed=%.0f\n", e.evacuate_ms > 0 ? e.evacuated_bytes / e.evacuate_ms
                                                              : 0.0);
}

void GCTracer::AddToRing(const std::string& full_line) {
  std::string line = full_line.substr(0, kMaxLineLength);
  for (char c : line) {
    ring_[ring_end_] = c;
    if (++ring_end_ == kRingBufferSize) {
      ring_end_ = 0;
      ring_full_ = true;
    }
  }
}

void GCTracer::Record(const GCEvent& event, bool trace_gc, bool trace_gc_nvp, FILE* out) {
  const double mutator_ms = event.start_ms - last_gc_end_ms_;
  if (event.type == GCType::kMarkCompact) {
    // V8 counts the incremental marking steps that led to this GC as mark-compact time, not
    // mutator time (GCTracer::StopCycle: duration + incremental_marking_duration).
    RecordMutatorUtilization(event.end_ms, event.end_ms - event.start_ms + event.incremental_ms);
  } else if (event.allocated > 0) {
    survival_ratio_sum_ += 100.0 * (event.new_space_survived + event.promoted) / event.allocated;
    ++scavenges_;
  }
  last_gc_end_ms_ = event.end_ms;
  const std::string line = FormatLine(event);
  AddToRing(line);
  if (trace_gc) fputs(line.c_str(), out);
  if (trace_gc_nvp) fputs(FormatNvp(event, mutator_ms).c_str(), out);
  if (trace_gc || trace_gc_nvp) fflush(out);
}

std::string GCTracer::RingBufferContents() const {
  std::string text;
  if (ring_full_) {
    text.append(ring_ + ring_end_, kRingBufferSize - ring_end_);
    text.append(ring_, ring_end_);
    const size_t newline = text.find('\n');
    if (newline != std::string::npos) text = text.substr(newline + 1);
  } else {
    text.assign(ring_, ring_end_);
  }
  return text;
}

std::vector<std::string> GCTracer::RecentLines() const {
  std::vector<std::string> lines;
  const std::string text = RingBufferContents();
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace tenure::internal
