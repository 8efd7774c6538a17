// tenure micro-benchmarks (targets: allocation ≤ 1.5 ns per 32-byte object; scavenge copy
// ≥ 2 GB/s of surviving bytes). Compare with baseline_bench.cc, the hardware ceiling.
#include <benchmark/benchmark.h>
#include <tenure/tenure.h>

#include <cstdint>

namespace {

constexpr int kBatch = 256;

// 32 bytes: header + two Value slots + one untagged word, like the baseline's Object.
struct Node : tenure::HeapObject {
  tenure::Value left;
  tenure::Value right;
  std::uint64_t payload;
};
static_assert(sizeof(Node) == 32);
constexpr tenure::TypeInfo kNodeType{.class_name = "MicroNode",
                                     .layout = tenure::LayoutKind::kTaggedPrefix,
                                     .size = sizeof(Node),
                                     .tagged_prefix_words = 2};

// Allocation through Heap::New of objects that die at once, with default HeapConfig. Scavenges of
// the (all-dead) nursery happen when it fills and are included, amortised: the real cost per
// allocation, fast path plus slow path plus GC.
void BM_TenureAlloc32(benchmark::State& state) {
  tenure::Heap heap;
  tenure::HandleScope scope(heap);
  std::uint64_t scavenges_before = heap.gc_statistics().scavenge_count;
  for (auto _ : state) {
    for (int i = 0; i < kBatch; ++i) {
      Node* node = heap.New<Node>(&kNodeType);
      node->payload = static_cast<std::uint64_t>(i);
      benchmark::DoNotOptimize(node);
    }
  }
  state.counters["ns_per_object"] = benchmark::Counter(
      kBatch, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["scavenges"] =
      static_cast<double>(heap.gc_statistics().scavenge_count - scavenges_before);
}
BENCHMARK(BM_TenureAlloc32)->UseRealTime();

// Zeroing allocation without GCs: before a batch that might not fit in the rest of the nursery
// (7/8 of the semispace capacity, leaving room for the page tails a batch does not fit in), the
// nursery is emptied with an untimed scavenge, so no GC runs inside the timing (timed_gcs counts
// any that did). Timed: the inline bump plus header write and whatever zeroing the allocation
// owes (heap.h New / AllocateSmallZeroed), and the slow path's page advances — part of the real
// per-object cost. (Until session 10 the scavenger zeroed the rest of its last page inside the
// untimed GC; until session 11 this row scavenged at every page end, and the PauseTiming pair
// per 8 K objects, clock syscalls on this VM, showed in the result.)
void BM_TenureAlloc32FastPath(benchmark::State& state) {
  tenure::Heap heap;
  tenure::HandleScope scope(heap);
  const std::size_t batch_bytes = kBatch * tenure::AllocationSize(sizeof(Node));
  const std::size_t room = heap.semi_space_capacity() / 8 * 7;
  std::size_t allocated = room;  // scavenge before the first batch
  std::uint64_t untimed_gcs = 0;
  const std::uint64_t scavenges_before = heap.gc_statistics().scavenge_count;
  for (auto _ : state) {
    if (allocated + batch_bytes > room) {
      state.PauseTiming();
      heap.CollectGarbage(tenure::GCType::kScavenge);
      ++untimed_gcs;
      allocated = 0;
      state.ResumeTiming();
    }
    for (int i = 0; i < kBatch; ++i) {
      Node* node = heap.New<Node>(&kNodeType);
      node->payload = static_cast<std::uint64_t>(i);
      benchmark::DoNotOptimize(node);
    }
    allocated += batch_bytes;
  }
  state.counters["ns_per_object"] = benchmark::Counter(
      kBatch, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["timed_gcs"] =
      static_cast<double>(heap.gc_statistics().scavenge_count - scavenges_before - untimed_gcs);
}
BENCHMARK(BM_TenureAlloc32FastPath)->UseRealTime();

// Builds a complete tree of `depth` levels bottom-up; returns it in a handle of the caller's scope.
tenure::Local<Node> BuildTree(tenure::Heap& heap, int depth) {
  tenure::EscapableHandleScope scope(heap);
  tenure::Local<Node> left, right;
  if (depth > 0) {
    left = BuildTree(heap, depth - 1);
    right = BuildTree(heap, depth - 1);
  }
  Node* node = heap.New<Node>(&kNodeType);
  node->left = left.IsEmpty() ? tenure::Value() : left.value();
  node->right = right.IsEmpty() ? tenure::Value() : right.value();
  return scope.Escape(tenure::Local<Node>::New(heap, node));
}

// One scavenge of an all-live tree of 32-byte nodes (depth 18: 524287 nodes, 16.8 MB) that sits
// in the young generation and has not survived a scavenge before (so it is copied within new
// space, not promoted). Semispaces are fixed at 32 MiB so the tree fits without growing. Untimed:
// an empty-nursery scavenge, then building the tree. Timed: CollectGarbage(kScavenge).
void BM_TenureScavengeTree(benchmark::State& state) {
  tenure::HeapConfig config;
  config.initial_semi_space_size = config.max_semi_space_size = 32 * tenure::MB;
  tenure::Heap heap(config);
  const int depth = static_cast<int>(state.range(0));
  const std::int64_t nodes = (std::int64_t{1} << (depth + 1)) - 1;
  std::uint64_t promoted_before = heap.gc_statistics().total_promoted_bytes;
  for (auto _ : state) {
    state.PauseTiming();
    heap.CollectGarbage(tenure::GCType::kScavenge);
    std::uint64_t scavenges = heap.gc_statistics().scavenge_count;
    tenure::HandleScope scope(heap);
    tenure::Local<Node> root = BuildTree(heap, depth);
    state.ResumeTiming();
    heap.CollectGarbage(tenure::GCType::kScavenge);
    state.PauseTiming();
    if (heap.gc_statistics().scavenge_count != scavenges + 1 || root.IsEmpty()) {
      state.SkipWithError("tree build triggered a GC, or the root was lost");
    }
    state.ResumeTiming();
  }
  state.SetBytesProcessed(state.iterations() * nodes * static_cast<std::int64_t>(sizeof(Node)));
  state.counters["promoted_MB"] =
      static_cast<double>(heap.gc_statistics().total_promoted_bytes - promoted_before) / 1e6;
}
BENCHMARK(BM_TenureScavengeTree)->Arg(18)->Unit(benchmark::kMillisecond)->Iterations(10)->UseRealTime();

}  // namespace
