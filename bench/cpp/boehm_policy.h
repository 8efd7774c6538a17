// Boehm-Demers-Weiser conservative collector policy (libgc, `pkg-config bdw-gc`).
//
// Nodes come from GC_MALLOC (scanned), the double array from GC_MALLOC_ATOMIC (never scanned), as
// the published GCBench C version does under -DGC. Roots are found conservatively on the stack, so
// a Frame is a plain array on the stack (which Boehm scans) and DropTree does nothing: a dropped
// tree is garbage once no word points at it.
//
// Pauses: GC_set_on_collection_event brackets every collection with GC_EVENT_START/GC_EVENT_END
// (bdwgc gc.h). The world is stopped between them, so the interval is the pause. Lazy sweeping done
// later during allocation is not included (it is spread over allocations, as in bdwgc's design).
// Init starts libgc's parallel markers (one per core by default); the harness also runs with
// GC_MARKERS=1 for a single-threaded comparison.
#ifndef TENURE_BENCH_CPP_BOEHM_POLICY_H_
#define TENURE_BENCH_CPP_BOEHM_POLICY_H_

// GC_THREADS exposes GC_get_parallel (gc.h); Debian's libgc is built thread-safe with parallel mark.
#define GC_THREADS 1
#include <gc/gc.h>

#include <chrono>
#include <new>
#include <string>
#include <vector>

#include "allocator_policy.h"

namespace bench {

class BoehmPauseLog {
 public:
  static BoehmPauseLog& Get() {
    static BoehmPauseLog log;
    return log;
  }
  // Called by libgc with the allocator lock held: must not allocate from the GC heap. The vector is
  // reserved up front and lives in malloc memory, which libgc neither scans nor frees.
  static void OnEvent(GC_EventType event) {
    auto& log = Get();
    auto now = std::chrono::steady_clock::now();
    if (event == GC_EVENT_START) {
      log.start_ = now;
    } else if (event == GC_EVENT_END) {
      log.pauses_ms_.push_back(std::chrono::duration<double, std::milli>(now - log.start_).count());
    }
  }
  void Reserve() { pauses_ms_.reserve(1 << 16); }
  const std::vector<double>& pauses_ms() const { return pauses_ms_; }

 private:
  std::chrono::steady_clock::time_point start_;
  std::vector<double> pauses_ms_;
};

struct BoehmPolicy : RawPointerPolicyBase {
  static constexpr const char* kName = "boehm";
  // GC_get_parallel() is the number of marker threads minus one (gc.h).
  static std::string Version() {
    unsigned v = GC_get_version();  // (major << 16) | (minor << 8) | micro
    return "bdwgc " + std::to_string(v >> 16) + "." + std::to_string((v >> 8) & 0xff) + "." +
           std::to_string(v & 0xff) + " markers=" + std::to_string(GC_get_parallel() + 1);
  }
  static void Init(Context&) {
    BoehmPauseLog::Get().Reserve();
    GC_INIT();
    // A single-threaded client gets parallel marking only if it asks for it (gc.h,
    // GC_start_mark_threads); GC_MARKERS=1 in the environment still limits it to one marker.
    GC_start_mark_threads();
    GC_set_on_collection_event(&BoehmPauseLog::OnEvent);
  }

  static NodeRef NewNode(Context&, NodeRef left, NodeRef right) {
    auto* node = static_cast<Node*>(GC_MALLOC(sizeof(Node)));
    if (node == nullptr) throw std::bad_alloc();
    node->left = left;  // GC_MALLOC memory is already zeroed; i/j stay 0.
    node->right = right;
    return node;
  }
  static void DropTree(Context&, NodeRef) {}

  static ArrayRef NewDoubleArray(Context&, std::size_t n) {
    auto* array = static_cast<double*>(GC_MALLOC_ATOMIC(n * sizeof(double)));
    if (array == nullptr) throw std::bad_alloc();
    return array;
  }
  static void DropArray(Context&, ArrayRef) {}

  static GcStats Stats(Context&) {
    GcStats stats;
    stats.has_gc = true;
    stats.pauses_ms = BoehmPauseLog::Get().pauses_ms();
    stats.detail = "heap_bytes=" + std::to_string(GC_get_heap_size()) +
                   " gc_no=" + std::to_string(GC_get_gc_no());
    return stats;
  }
};

}  // namespace bench

#endif  // TENURE_BENCH_CPP_BOEHM_POLICY_H_
