// GCBench, implemented from its published parameters (Ellis/Kovac, modified by Boehm; parameters
// and phase order as described at hboehm.info/gc/gc_bench.html and in
// /work/shared/reference/benchmarks.md §1). This is an independent implementation, not a copy.
//
// Phases: (1) build and drop a stretch tree of depth 18 bottom-up; (2) build a long-lived tree of
// depth 16 top-down (Populate); (3) allocate a pointer-free array of 500000 doubles, fill half;
// (4) for depth d = 4, 6, ..., 16: NumIters(d) = 2·TreeSize(18)/TreeSize(d) trees top-down
// (Populate: each child is stored into an already-allocated, possibly promoted parent — the
// write-barrier path), then NumIters(d) trees bottom-up (MakeTree: children allocated before their
// parent, young→young stores only). Finally the long-lived tree and the array are checked, so a
// collector that loses or corrupts them fails the run (non-zero exit).
//
// TreeSize(d) = 2^(d+1) − 1 nodes. Peak live ≈ 2·TreeSize(16)·24 B + 8·500000 B ≈ 10.3 MB.
#ifndef TENURE_BENCH_CPP_GCBENCH_H_
#define TENURE_BENCH_CPP_GCBENCH_H_

#include <cstdint>
#include <cstdio>
#include <string>

#include "allocator_policy.h"
#include "run_report.h"

namespace bench {

struct GcBenchConfig {
  int stretch_depth = 18;
  int long_lived_depth = 16;
  std::size_t array_size = 500000;
  int min_depth = 4;
  int max_depth = 16;
};

inline std::int64_t TreeSize(int depth) { return (std::int64_t{1} << (depth + 1)) - 1; }

template <AllocatorPolicy P>
class GcBench {
 public:
  using NodeRef = typename P::NodeRef;
  using RawNode = typename P::RawNode;

  GcBench(typename P::Context& ctx, const GcBenchConfig& config) : ctx_(ctx), config_(config) {}

  // Runs all phases, printing a PHASE line for each. Returns false if the final check fails.
  bool Run();

 private:
  // Gives `node` two fresh children and recurses, `depth` levels deep (top-down construction).
  void Populate(int depth, NodeRef node) {
    if (depth <= 0) return;
    typename P::template Frame<2> frame(ctx_);
    --depth;
    frame.set(0, P::NewNode(ctx_, P::Null(), P::Null()));
    P::SetLeft(ctx_, node, frame.ref(0));
    frame.set(1, P::NewNode(ctx_, P::Null(), P::Null()));
    P::SetRight(ctx_, node, frame.ref(1));
    Populate(depth, frame.ref(0));
    Populate(depth, frame.ref(1));
  }

  // Builds a complete tree of the given depth bottom-up: both subtrees exist before their parent.
  // Returns the root raw: valid until the next allocation (allocator_policy.h, RawNode). A leaf
  // holds nothing across an allocation, so it opens no frame.
  RawNode MakeTree(int depth) {
    if (depth <= 0) return P::NewNode(ctx_, P::Null(), P::Null());
    typename P::template Frame<2> frame(ctx_);
    frame.set(0, MakeTree(depth - 1));
    frame.set(1, MakeTree(depth - 1));
    return P::NewNode(ctx_, frame.ref(0), frame.ref(1));
  }

  // Read-only walk: must not allocate (RawNode contract).
  static std::int64_t CountNodes(typename P::RawNode node) {
    if (P::RawIsNull(node)) return 0;
    return 1 + CountNodes(P::RawLeft(node)) + CountNodes(P::RawRight(node));
  }

  void TimeConstruction(int depth);

  typename P::Context& ctx_;
  GcBenchConfig config_;
};

// Times NumIters(depth) top-down trees, then as many bottom-up trees.
template <AllocatorPolicy P>
void GcBench<P>::TimeConstruction(int depth) {
  std::int64_t iters = 2 * TreeSize(config_.stretch_depth) / TreeSize(depth);
  std::string suffix = "_d" + std::to_string(depth);
  {
    Stopwatch watch;
    for (std::int64_t i = 0; i < iters; ++i) {
      typename P::template Frame<1> frame(ctx_);
      frame.set(0, P::NewNode(ctx_, P::Null(), P::Null()));
      Populate(depth, frame.ref(0));
      P::DropTree(ctx_, frame.ref(0));
    }
    PrintPhase("top_down" + suffix, watch.ElapsedMs());
  }
  {
    Stopwatch watch;
    for (std::int64_t i = 0; i < iters; ++i) {
      typename P::template Frame<1> frame(ctx_);
      frame.set(0, MakeTree(depth));
      P::DropTree(ctx_, frame.ref(0));
    }
    PrintPhase("bottom_up" + suffix, watch.ElapsedMs());
  }
}

template <AllocatorPolicy P>
bool GcBench<P>::Run() {
  {
    Stopwatch watch;
    typename P::template Frame<1> stretch(ctx_);
    stretch.set(0, MakeTree(config_.stretch_depth));
    P::DropTree(ctx_, stretch.ref(0));
    PrintPhase("stretch", watch.ElapsedMs());
  }
  Stopwatch watch;
  typename P::template Frame<1> frame(ctx_);
  frame.set(0, P::NewNode(ctx_, P::Null(), P::Null()));
  NodeRef long_lived = frame.ref(0);
  Populate(config_.long_lived_depth, long_lived);
  typename P::ArrayRef array = P::NewDoubleArray(ctx_, config_.array_size);
  for (std::size_t i = 0; i < config_.array_size / 2; ++i) {
    P::SetDouble(array, i, 1.0 / static_cast<double>(i));
  }
  PrintPhase("long_lived", watch.ElapsedMs());

  for (int depth = config_.min_depth; depth <= config_.max_depth; depth += 2) {
    TimeConstruction(depth);
  }

  std::size_t probe = config_.array_size / 4;
  bool ok = CountNodes(P::Raw(long_lived)) == TreeSize(config_.long_lived_depth) &&
            P::GetDouble(array, probe) == 1.0 / static_cast<double>(probe);
  if (!ok) std::fprintf(stderr, "error: long-lived tree or array was corrupted\n");
  P::DropTree(ctx_, long_lived);
  P::DropArray(ctx_, array);
  return ok;
}

}  // namespace bench

#endif  // TENURE_BENCH_CPP_GCBENCH_H_
