// The allocator abstraction every C++ workload in bench/cpp is written against.
//
// A workload (gcbench.h, binary_trees.h) is written once as a template over a Policy and compiled
// into one executable per allocator (policy_select.h picks the Policy from a BENCH_ALLOC_* macro).
//
// Contract of a Policy P (checked by the AllocatorPolicy concept below):
//   - `P::Context` owns the allocator/heap for one run. `Init()` sets it up (heap reservation,
//     pre-touch, GC_INIT); the workload times it separately as start-up.
//   - `P::NodeRef` is a reference to a tree node that stays valid across later allocations, even
//     when the collector moves objects (a raw pointer for non-moving allocators; for tenure a view
//     of a rooted slot). A null NodeRef is `P::Null()`; `P::IsNull(ref)` tests it.
//   - `P::RawNode` is a plain pointer, valid only until the next allocation (a moving collector may
//     move the node then). Functions that allocate return a RawNode; the caller stores it into a
//     Frame slot before it allocates again. Read-only walks (checksums) use Raw(ref),
//     RawLeft/RawRight, RawIsNull and must not allocate.
//   - `P::Frame<N>` is an RAII frame of N root slots, declared as a local: `frame.set(i, raw)`
//     stores a RawNode into slot i, `frame.ref(i)` is a NodeRef to what slot i holds, valid (and
//     kept alive) while the frame is open. Frames nest LIFO. Workloads open one Frame per recursion
//     level that must hold a node across an allocation, so the number of live roots stays
//     proportional to tree depth. (For tenure a Frame is a tenure::RootFrame, root-frame.h; until
//     session 14 it was a Scope of Local handles, docs/heap.md section 33.)
//   - `NewNode(ctx, left, right)` allocates a node whose children are `left`/`right` and returns it
//     as a RawNode.
//     `SetLeft/SetRight(ctx, parent, child)` are stores into a possibly older object: tenure runs
//     its write barrier there.
//   - `DropTree(ctx, root)` is called when the workload is done with a tree. Explicit-free
//     allocators free every node (that cost is part of what they are measured on); collectors do
//     nothing, the tree simply becomes unreachable.
//   - `NewDoubleArray(ctx, n)` allocates a pointer-free array of n doubles (GC_MALLOC_ATOMIC for
//     Boehm); SetDouble/GetDouble access it; DropArray frees it (explicit-free allocators only).
//   - `Stats(ctx)` returns collector statistics; `has_gc == false` means "n/a" (malloc variants).
#ifndef TENURE_BENCH_CPP_ALLOCATOR_POLICY_H_
#define TENURE_BENCH_CPP_ALLOCATOR_POLICY_H_

#include <concepts>
#include <cstddef>
#include <string>
#include <vector>

namespace bench {

// Collector statistics reported by a policy. Pauses are stop-the-world durations in milliseconds.
struct GcStats {
  bool has_gc = false;
  std::vector<double> pauses_ms;  // One entry per collection, in order.
  std::string detail;             // Free-form extra facts (e.g. heap size), printed verbatim.
};

template <class P>
concept AllocatorPolicy = requires(typename P::Context& ctx, typename P::NodeRef ref,
                                   typename P::ArrayRef array, std::size_t n, double v) {
  { P::kName } -> std::convertible_to<const char*>;
  { P::Version() } -> std::convertible_to<std::string>;
  { P::Init(ctx) } -> std::same_as<void>;
  { P::Null() } -> std::same_as<typename P::NodeRef>;
  { P::IsNull(ref) } -> std::same_as<bool>;
  { P::NewNode(ctx, ref, ref) } -> std::same_as<typename P::RawNode>;
  { P::Raw(ref) } -> std::same_as<typename P::RawNode>;
  { P::RawLeft(P::Raw(ref)) } -> std::same_as<typename P::RawNode>;
  { P::RawRight(P::Raw(ref)) } -> std::same_as<typename P::RawNode>;
  { P::RawIsNull(P::Raw(ref)) } -> std::same_as<bool>;
  { P::SetLeft(ctx, ref, ref) } -> std::same_as<void>;
  { P::SetRight(ctx, ref, ref) } -> std::same_as<void>;
  { P::DropTree(ctx, ref) } -> std::same_as<void>;
  { P::NewDoubleArray(ctx, n) } -> std::same_as<typename P::ArrayRef>;
  { P::SetDouble(array, n, v) } -> std::same_as<void>;
  { P::GetDouble(array, n) } -> std::same_as<double>;
  { P::DropArray(ctx, array) } -> std::same_as<void>;
  { P::Stats(ctx) } -> std::same_as<GcStats>;
  requires std::constructible_from<typename P::template Frame<2>, typename P::Context&>;
  requires requires(typename P::template Frame<2>& frame) {
    frame.set(std::size_t{0}, P::Raw(ref));
    { frame.ref(std::size_t{1}) } -> std::same_as<typename P::NodeRef>;
  };
};

// The part of a Policy shared by every non-moving allocator (malloc variants, Boehm): nodes are
// the published GCBench C struct {left, right, i, j} (24 bytes), references are raw pointers that
// stay valid because nothing moves, so a Frame is a plain array of pointers that roots nothing.
// A policy derives from it and adds kName, Version, Init, NewNode, DropTree, NewDoubleArray,
// DropArray and Stats.
struct RawPointerPolicyBase {
  struct Node {
    Node* left;
    Node* right;
    int i;
    int j;
  };
  struct Context {};
  using NodeRef = Node*;
  using ArrayRef = double*;
  using RawNode = Node*;
  template <std::size_t N>
  struct Frame {
    explicit Frame(Context&) {}
    void set(std::size_t i, RawNode node) { slots[i] = node; }
    NodeRef ref(std::size_t i) const { return slots[i]; }
    Node* slots[N];
  };

  static NodeRef Null() { return nullptr; }
  static bool IsNull(NodeRef ref) { return ref == nullptr; }
  static RawNode Raw(NodeRef n) { return n; }
  static RawNode RawLeft(RawNode n) { return n->left; }
  static RawNode RawRight(RawNode n) { return n->right; }
  static bool RawIsNull(RawNode n) { return n == nullptr; }
  static void SetLeft(Context&, NodeRef parent, NodeRef child) { parent->left = child; }
  static void SetRight(Context&, NodeRef parent, NodeRef child) { parent->right = child; }
  static void SetDouble(ArrayRef a, std::size_t i, double v) { a[i] = v; }
  static double GetDouble(ArrayRef a, std::size_t i) { return a[i]; }
};

}  // namespace bench

#endif  // TENURE_BENCH_CPP_ALLOCATOR_POLICY_H_
