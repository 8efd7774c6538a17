// binary-trees, following the Benchmarks Game description
// (benchmarksgame-team.pages.debian.net/benchmarksgame/description/binarytrees.html): min depth 4,
// max depth N, a stretch tree of depth N+1 built, checked and dropped; a long-lived tree of depth
// N; for d = 4, 6, ..., N build and check 2^(N−d+4) trees bottom-up. check(tree) counts nodes.
// No pools or free lists: every tree goes through the policy's allocator (and DropTree).
//
// The output lines follow the published format, and each check is verified against the closed form
// 2^(d+1) − 1 per tree; a mismatch makes Run() return false (non-zero exit).
#ifndef TENURE_BENCH_CPP_BINARY_TREES_H_
#define TENURE_BENCH_CPP_BINARY_TREES_H_

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>

#include "allocator_policy.h"
#include "run_report.h"

namespace bench {

inline constexpr int kBinaryTreesMinDepth = 4;

template <AllocatorPolicy P>
class BinaryTrees {
 public:
  using NodeRef = typename P::NodeRef;
  using RawNode = typename P::RawNode;

  BinaryTrees(typename P::Context& ctx, int n) : ctx_(ctx), max_depth_(std::max(6, n)) {}

  // Runs the benchmark, printing the published output plus PHASE lines. False on a bad checksum.
  bool Run();

 private:
  // Returns the root raw: valid until the next allocation (allocator_policy.h, RawNode).
  RawNode BottomUpTree(int depth) {
    if (depth <= 0) return P::NewNode(ctx_, P::Null(), P::Null());
    typename P::template Frame<2> frame(ctx_);
    frame.set(0, BottomUpTree(depth - 1));
    frame.set(1, BottomUpTree(depth - 1));
    return P::NewNode(ctx_, frame.ref(0), frame.ref(1));
  }

  // itemCheck: counts nodes. Read-only walk: must not allocate (RawNode contract).
  static std::int64_t Check(typename P::RawNode node) {
    typename P::RawNode left = P::RawLeft(node);
    if (P::RawIsNull(left)) return 1;
    return 1 + Check(left) + Check(P::RawRight(node));
  }

  static std::int64_t Expected(int depth) { return (std::int64_t{1} << (depth + 1)) - 1; }

  bool Verify(const char* what, std::int64_t got, std::int64_t want) {
    if (got == want) return true;
    std::fprintf(stderr, "error: %s check %lld, expected %lld\n", what,
                 static_cast<long long>(got), static_cast<long long>(want));
    return false;
  }

  typename P::Context& ctx_;
  int max_depth_;
};

template <AllocatorPolicy P>
bool BinaryTrees<P>::Run() {
  bool ok = true;
  int stretch_depth = max_depth_ + 1;
  {
    Stopwatch watch;
    typename P::template Frame<1> stretch(ctx_);
    stretch.set(0, BottomUpTree(stretch_depth));
    std::int64_t check = Check(P::Raw(stretch.ref(0)));
    P::DropTree(ctx_, stretch.ref(0));
    std::printf("stretch tree of depth %d\t check: %lld\n", stretch_depth,
                static_cast<long long>(check));
    ok &= Verify("stretch", check, Expected(stretch_depth));
    PrintPhase("stretch", watch.ElapsedMs());
  }
  typename P::template Frame<1> frame(ctx_);
  frame.set(0, BottomUpTree(max_depth_));
  NodeRef long_lived = frame.ref(0);
  for (int depth = kBinaryTreesMinDepth; depth <= max_depth_; depth += 2) {
    Stopwatch watch;
    std::int64_t iterations = std::int64_t{1} << (max_depth_ - depth + kBinaryTreesMinDepth);
    std::int64_t check = 0;
    for (std::int64_t i = 0; i < iterations; ++i) {
      typename P::template Frame<1> tree(ctx_);
      tree.set(0, BottomUpTree(depth));
      check += Check(P::Raw(tree.ref(0)));
      P::DropTree(ctx_, tree.ref(0));
    }
    std::printf("%lld\t trees of depth %d\t check: %lld\n", static_cast<long long>(iterations),
                depth, static_cast<long long>(check));
    ok &= Verify("depth", check, iterations * Expected(depth));
    PrintPhase("depth_" + std::to_string(depth), watch.ElapsedMs());
  }
  std::int64_t long_check = Check(P::Raw(long_lived));
  std::printf("long lived tree of depth %d\t check: %lld\n", max_depth_,
              static_cast<long long>(long_check));
  ok &= Verify("long lived", long_check, Expected(max_depth_));
  P::DropTree(ctx_, long_lived);
  return ok;
}

}  // namespace bench

#endif  // TENURE_BENCH_CPP_BINARY_TREES_H_
