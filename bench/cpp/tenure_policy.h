// tenure policy: the workloads on libtenure's precise, moving, generational heap
// (include/tenure/*.h).
//
// - Node: header word + `left`, `right` (4-byte CompressedValue slots, kCompressedTaggedPrefix of
//   2; value.h "COMPRESSED SLOTS", V8's pointer compression) + GCBench's two ints: 24 bytes, the
//   size of the C struct the malloc policies use, so GCBench's analytic live size is the same
//   10.3 MB for every policy. (Until session 11 the slots were 8-byte Values: 32-byte nodes,
//   12.4 MB live; docs/heap.md section 26.)
// - DoubleArray: header + length word + doubles, kNoPointers; 500000 doubles is larger than
//   kMaxRegularObjectSize, so it lives in the (young, then old) large-object space.
// - Roots: a Frame is a tenure::RootFrame (root-frame.h: N slots on the C++ stack, linked into the
//   heap's frame chain; opening costs a load and a few stores, no per-root bump) and NodeRef a
//   Local viewing one of its slots, or an empty Local for null. NewNode returns a bare Node*
//   (RawNode), valid until the next allocation, which the workload stores into a frame slot
//   (RootFrame's return contract). ArrayRef is a Local in the Context's outer HandleScope: the
//   two kinds of root are used side by side. Until session 13 NodeRefs were Locals in a
//   HandleScope per recursion level (docs/heap.md sections 30, 33).
// - Stores into an existing node go through tenure::StoreObject (the write barrier for a
//   HeapObject* or null of this heap). NewNode writes its children with CompressedValue::StoreObject,
//   without the barrier, which write-barrier.h allows for a freshly allocated young object before
//   the next allocation; it allocates with Heap::NewUninitialized (no zeroing) and writes every
//   field, as that contract asks. (Until session 12 both used Store(Value), which inspects the tag
//   and checks the cage in every build; docs/heap.md section 27.)
// - Pauses: a GC prologue and an epilogue callback bracket every collection; the interval is the
//   stop-the-world pause (the heap is single-threaded and stop-the-world, heap.h). The heap's own
//   GCStatistics totals are printed next to them as a cross-check.
#ifndef TENURE_BENCH_CPP_TENURE_POLICY_H_
#define TENURE_BENCH_CPP_TENURE_POLICY_H_

#include <tenure/tenure.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "allocator_policy.h"

namespace bench {

struct TenurePolicy {
  struct Node : tenure::HeapObject {
    tenure::CompressedValue left;
    tenure::CompressedValue right;
    std::int32_t i;
    std::int32_t j;
  };
  // Followed in memory by `length` doubles.
  struct DoubleArray : tenure::HeapObject {
    std::uint64_t length;
    double* data() { return reinterpret_cast<double*>(this + 1); }
  };
  static_assert(sizeof(Node) == 24);
  static_assert(sizeof(DoubleArray) == 16);

  static size_t SizeOfDoubleArray(const tenure::HeapObject* object) {
    return sizeof(DoubleArray) + static_cast<const DoubleArray*>(object)->length * sizeof(double);
  }
  static constexpr tenure::TypeInfo kNodeType{.class_name = "BenchNode",
                                              .layout = tenure::LayoutKind::kCompressedTaggedPrefix,
                                              .size = sizeof(Node),
                                              .compressed_prefix_slots = 2};
  static constexpr tenure::TypeInfo kDoubleArrayType{.class_name = "BenchDoubleArray",
                                                     .layout = tenure::LayoutKind::kNoPointers,
                                                     .size_of = &SizeOfDoubleArray};

  struct Context {
    // Held in place, not behind a unique_ptr: the fast paths' fields (handles.h next/limit, the
    // bump pointer) are then one load from the Context, not two (docs/heap.md section 30).
    std::optional<tenure::Heap> heap;
    // The HandleScope that holds the ArrayRef Locals. Declared after `heap`, so it is destroyed
    // first.
    std::unique_ptr<tenure::HandleScope> outer_scope;
    std::chrono::steady_clock::time_point gc_start;
    std::vector<double> pauses_ms;
    double startup_ms = 0;
    bool trace_rss = false;  // TENURE_BENCH_TRACE_RSS=1 (Init)
  };
  using NodeRef = tenure::Local<Node>;
  using ArrayRef = tenure::Local<DoubleArray>;
  using RawNode = Node*;

  // A frame of N rooted node slots (allocator_policy.h, Frame).
  template <std::size_t N>
  class Frame {
   public:
    explicit Frame(Context& ctx) : frame_(*ctx.heap) {}
    void set(std::size_t i, RawNode node) { frame_.set(i, node); }
    NodeRef ref(std::size_t i) { return frame_.template local<Node>(i); }

   private:
    tenure::RootFrame<N> frame_;
  };

  static constexpr const char* kName = "tenure";
  static std::string Version() { return "tenure"; }

  // Creates the heap (start-up: reserving and touching the semispaces) with default HeapConfig.
  // For experiments: TENURE_BENCH_SEMI_SPACE_MB=<n> sets initial = max semispace size,
  // TENURE_BENCH_MAX_SEMI_SPACE_MB=<n> only the maximum;
  // TENURE_BENCH_TRACE_GC=1 turns on the heap's --trace-gc-nvp lines (stdout), =verbose the
  // --trace-gc lines plus the fast promotion decisions; TENURE_BENCH_FAST_PROMOTION=<percent> sets
  // HeapConfig::fast_promotion_survival_percent (0 = off); TENURE_BENCH_TRACE_RSS=1 prints a MEM
  // line to stderr before and after every GC: process RSS and each space's committed bytes (KiB),
  // so the peak can be attributed (what is not in a space: page pool, handles, binary, libc).
  static void Init(Context& ctx) {
    tenure::HeapConfig config;
    if (const char* mb = std::getenv("TENURE_BENCH_SEMI_SPACE_MB")) {
      int n = std::atoi(mb);
      if (n <= 0) throw std::invalid_argument("TENURE_BENCH_SEMI_SPACE_MB must be a positive integer");
      config.initial_semi_space_size = config.max_semi_space_size =
          static_cast<size_t>(n) * tenure::MB;
    }
    if (const char* mb = std::getenv("TENURE_BENCH_MAX_SEMI_SPACE_MB")) {
      int n = std::atoi(mb);
      if (n <= 0) throw std::invalid_argument("TENURE_BENCH_MAX_SEMI_SPACE_MB must be a positive integer");
      config.max_semi_space_size = static_cast<size_t>(n) * tenure::MB;
    }
    if (const char* trace = std::getenv("TENURE_BENCH_TRACE_GC")) {
      config.trace_gc_nvp = std::string(trace) == "1";
      config.trace_gc = config.trace_gc_verbose = std::string(trace) == "verbose";
    }
    if (const char* percent = std::getenv("TENURE_BENCH_FAST_PROMOTION")) {
      char* end = nullptr;
      const long n = std::strtol(percent, &end, 10);
      if (*percent == '\0' || *end != '\0' || n < 0 || n > 100) {
        throw std::invalid_argument("TENURE_BENCH_FAST_PROMOTION must be a percentage 0..100");
      }
      config.fast_promotion_survival_percent = static_cast<int>(n);
    }
    if (const char* trace = std::getenv("TENURE_BENCH_TRACE_RSS")) {
      ctx.trace_rss = std::string(trace) == "1";
    }
    ctx.heap.emplace(config);
    ctx.outer_scope = std::make_unique<tenure::HandleScope>(*ctx.heap);
    ctx.pauses_ms.reserve(1 << 16);
    ctx.heap->AddGCPrologueCallback(&OnGcStart, &ctx);
    ctx.heap->AddGCEpilogueCallback(&OnGcEnd, &ctx);
  }

  static NodeRef Null() { return NodeRef(); }
  static bool IsNull(NodeRef ref) { return ref.IsEmpty(); }

  // Writes every field before the next allocation, so it may skip the zeroing
  // (Heap::AllocateUninitialized's contract).
  // Children are stored with StoreObject (a Node* or null: only the cage is checked, value.h),
  // not Store(Value), which inspects the tag first (docs/heap.md section 27).
  // The children are read from their slots after the allocation, which may have moved them.
  static RawNode NewNode(Context& ctx, NodeRef left, NodeRef right) {
    Node* node = ctx.heap->NewUninitialized<Node>(&kNodeType);
    node->left.StoreObject(Raw(left));  // Fresh young object: no barrier needed (write-barrier.h).
    node->right.StoreObject(Raw(right));
    node->i = node->j = 0;
    return node;
  }
  static void SetLeft(Context&, NodeRef parent, NodeRef child) {
    tenure::StoreObject(parent.get(), &parent->left, Raw(child));
  }
  static void SetRight(Context&, NodeRef parent, NodeRef child) {
    tenure::StoreObject(parent.get(), &parent->right, Raw(child));
  }
  static void DropTree(Context&, NodeRef) {}

  static RawNode Raw(NodeRef ref) { return ref.IsEmpty() ? nullptr : ref.get(); }
  static RawNode RawLeft(RawNode n) { return n->left.raw() == 0 ? nullptr : n->left.Load().As<Node>(); }
  static RawNode RawRight(RawNode n) {
    return n->right.raw() == 0 ? nullptr : n->right.Load().As<Node>();
  }
  static bool RawIsNull(RawNode n) { return n == nullptr; }

  static ArrayRef NewDoubleArray(Context& ctx, std::size_t n) {
    // The length must be written before the next allocation (object.h, size_of contract).
    auto* array = ctx.heap->New<DoubleArray>(&kDoubleArrayType,
                                             sizeof(DoubleArray) + n * sizeof(double));
    array->length = n;
    return ArrayRef::New(*ctx.heap, array);
  }
  static void SetDouble(ArrayRef a, std::size_t i, double v) { a->data()[i] = v; }
  static double GetDouble(ArrayRef a, std::size_t i) { return a->data()[i]; }
  static void DropArray(Context&, ArrayRef) {}

  static GcStats Stats(Context& ctx) {
    const tenure::GCStatistics& s = ctx.heap->gc_statistics();
    GcStats stats;
    stats.has_gc = true;
    stats.pauses_ms = ctx.pauses_ms;
    stats.detail = "scavenges=" + std::to_string(s.scavenge_count) +
                   " mark_compacts=" + std::to_string(s.mark_compact_count) +
                   " heap_total_pause_ms=" + std::to_string(s.total_pause_ms) +
                   " heap_max_pause_ms=" + std::to_string(s.max_pause_ms) +
                   " heap_startup_ms=" + std::to_string(s.startup_ms) +
                   " allocated_bytes=" + std::to_string(s.total_allocated_bytes) +
                   " promoted_bytes=" + std::to_string(s.total_promoted_bytes);
    return stats;
  }

 private:
  // Resident set size of this process in KiB (/proc/self/statm, second field in pages); 0 if
  // unreadable.
  static long CurrentRssKb() {
    long size = 0, resident = 0;
    if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
      if (std::fscanf(f, "%ld %ld", &size, &resident) != 2) resident = 0;
      std::fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
  }
  static void PrintMemory(Context& ctx, tenure::GCType type, const char* when) {
    const long rss = CurrentRssKb();
    long in_spaces = 0;
    std::fprintf(stderr, "MEM gc=%zu when=%s type=%s rss_kb=%ld", ctx.pauses_ms.size(), when,
                 type == tenure::GCType::kScavenge ? "s" : "mc", rss);
    for (const tenure::SpaceStatistics& s : ctx.heap->GetHeapSpaceStatistics()) {
      std::fprintf(stderr, " %s_kb=%zu", s.space_name, s.space_size / 1024);
      in_spaces += static_cast<long>(s.space_size / 1024);
    }
    std::fprintf(stderr, " outside_spaces_kb=%ld\n", rss - in_spaces);
  }
  static void OnGcStart(tenure::Heap&, tenure::GCType type, void* data) {
    auto* ctx = static_cast<Context*>(data);
    if (ctx->trace_rss) PrintMemory(*ctx, type, "before");
    ctx->gc_start = std::chrono::steady_clock::now();
  }
  static void OnGcEnd(tenure::Heap&, tenure::GCType type, void* data) {
    auto* ctx = static_cast<Context*>(data);
    ctx->pauses_ms.push_back(std::chrono::duration<double, std::milli>(
                                 std::chrono::steady_clock::now() - ctx->gc_start)
                                 .count());
    if (ctx->trace_rss) PrintMemory(*ctx, type, "after");
  }
};

}  // namespace bench

#endif  // TENURE_BENCH_CPP_TENURE_POLICY_H_
