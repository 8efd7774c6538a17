// The allocator abstraction every C++ workload in bench/cpp is written against.
//
// A workload (gcbench.h, binary_trees.h) is written once as a template over a Policy and compiled
// into one executable per allocator (policy_select.h picks the Policy from a BENCH_ALLOC_* macro).
//
// Contract of a Policy P (checked by the AllocatorPolicy concept below):
//   - `P::Context` owns the allocator/heap for one run. `Init()` sets it up (heap reservation,
//     pre-touch, GC_INIT); the workload times it separately as start-up.
//   - `P::NodeRef` is a reference to a tree node that stays valid across later allocations, even
//     when the collector moves objects (a raw pointer for non-moving allocators, a handle for tenure).
//     A null NodeRef is `P::Null()`; `P::IsNull(ref)` tests it.
//   - `P::Scope` is an RAII root scope: every NodeRef created while it is alive stays alive until it
//     ends; `scope.Escape(ref)` hands one ref to the enclosing scope. Escape is the scope's last
//     use: refs created in the scope must not be used after it (tenure closes the scope there).
//     Workloads open one Scope per recursion level so the number of live roots stays proportional
//     to tree depth.
//   - `P::RawNode` is a plain pointer for read-only traversal (checksums). It is valid only until the
//     next allocation, so code holding one must not allocate. Raw(ref), RawLeft/RawRight, RawIsNull.
//   - `NewNode(ctx, left, right)` allocates a node whose children are `left`/`right`.
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
  { P::NewNode(ctx, ref, ref) } -> std::same_as<typename P::NodeRef>;
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
  requires std::constructible_from<typename P::Scope, typename P::Context&>;
  requires requires(typename P::Scope& scope) {
    { scope.Escape(ref) } -> std::same_as<typename P::NodeRef>;
  };
};

// The part of a Policy shared by every non-moving allocator (malloc variants, Boehm): nodes are
// the published GCBench C struct {left, right, i, j} (24 bytes), references are raw pointers that
// stay valid because nothing moves, so Scope roots nothing and Escape passes the pointer through.
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
  struct Scope {
    explicit Scope(Context&) {}
    NodeRef Escape(NodeRef ref) { return ref; }
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
