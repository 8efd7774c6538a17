#include "heap_timeline.h"

#include <chrono>

namespace tenure::js {

HeapTimeline::HeapTimeline(tenure::Heap& heap, const std::string& path) : heap_(heap) {
  out_ = std::fopen(path.c_str(), "w");
  if (out_ == nullptr) {
    std::fprintf(stderr, "tenure: --heap-timeline: cannot write %s\n", path.c_str());
    return;
  }
  origin_ms_ = NowMs();
  heap_.AddGCPrologueCallback(OnGCPrologue, this);
  heap_.AddGCEpilogueCallback(OnGCEpilogue, this);
  Sample(nullptr, 0);
}

HeapTimeline::~HeapTimeline() {
  if (out_ == nullptr) return;
  heap_.RemoveGCPrologueCallback(OnGCPrologue, this);
  heap_.RemoveGCEpilogueCallback(OnGCEpilogue, this);
  Sample(nullptr, 0);
  std::fclose(out_);
}

double HeapTimeline::NowMs() const {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

void HeapTimeline::MaybeSample() {
  if (out_ != nullptr && NowMs() - last_sample_ms_ >= kPeriodMs) Sample(nullptr, 0);
}

void HeapTimeline::OnGCPrologue(tenure::Heap&, tenure::GCType, void* data) {
  auto* self = static_cast<HeapTimeline*>(data);
  self->gc_start_ms_ = self->NowMs();
}

void HeapTimeline::OnGCEpilogue(tenure::Heap&, tenure::GCType type, void* data) {
  auto* self = static_cast<HeapTimeline*>(data);
  const double pause = self->NowMs() - self->gc_start_ms_;
  self->Sample(type == tenure::GCType::kScavenge ? "scavenge" : "mark-compact", pause);
}

void HeapTimeline::Sample(const char* gc_type, double pause_ms) {
  const double now = NowMs();
  last_sample_ms_ = now;
  const tenure::MemoryUsage m = heap_.GetMemoryUsage();
  std::fprintf(out_, "{\"t_ms\":%.3f,\"heapUsed\":%zu,\"heapTotal\":%zu,\"rss\":%zu,\"external\":%zu,\"gc\":",
               now - origin_ms_, m.heap_used, m.heap_total, m.rss, m.external);
  if (gc_type == nullptr) {
    std::fputs("null}\n", out_);
  } else {
    std::fprintf(out_, "{\"type\":\"%s\",\"pause_ms\":%.3f}}\n", gc_type, pause_ms);
  }
  ++samples_;
}

}  // namespace tenure::js
