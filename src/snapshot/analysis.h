// Analysis: DevTools' per-node graph results for one Snapshot — retainers, distances, shallow-size
// transfer, dominator tree and retained sizes.
//
// The rules follow Chrome DevTools' heap_snapshot_worker (HeapSnapshot.ts / JSHeapSnapshot, as
// shipped in npm heap-snapshot-toolkit 1.1.3), which tests/snapshot uses as the oracle:
//  * distance: BFS over non-weak edges, first from the root's user roots (non-synthetic children or
//    "(Document DOM trees)") at distance 1, then from the root at 100000000 (0 without user roots);
//    edges skipped: NativeContext's sloppy_function_map, "(map descriptors)" descriptor links, and
//    the first of the two edges that retain a WeakMap value. Unreached nodes get kNoDistance (-5).
//  * shallow sizes (only when user roots exist and options.devtools_adjustments): a hidden/array
//    node (or "system / ExternalStringData") owned by exactly one non-synthetic node gives its
//    self size to that owner.
//  * dominators: iterative Lengauer–Tarjan (simple eval/link, iterative DFS and path compression)
//    over "essential" edges: not weak, not self, no shortcut except from the root, not the WeakMap
//    table->value edge, and not from a non-page-owned node into a page-owned node. Nodes reached
//    only through weak edges, then remaining cliques, are hung under the root.
//  * retained size: self size plus the retained sizes of dominator-tree children.
// Invariants of the result: dominator[root] == root; dfs_order lists every node once, root first,
// and each node appears after its dominator.
#pragma once

#include <cstdint>
#include <vector>

#include "snapshot/big_vector.h"
#include "snapshot/snapshot.h"

namespace tenure::snapshot {

inline constexpr int32_t kNoDistance = -5;
inline constexpr int32_t kBaseSystemDistance = 100000000;
inline constexpr uint32_t kNoParent = 0xFFFFFFFFu;

struct AnalysisOptions {
  // Shallow-size transfer and the page-owned edge filter, as DevTools' UI does. Off = raw sizes.
  bool devtools_adjustments = true;
  // Compute distances (and the size transfer) in a second thread while the dominator tree is
  // built; costs ~2 node-sized arrays of extra peak memory.
  bool parallel = true;
  // Record bfs_parent_edge (what retainer paths follow). Off: bfs_parent_edge stays empty, one
  // node-sized array less (summary and nodes do not print paths).
  bool parent_edges = true;
};

struct Analysis {
  BigVector<uint64_t> self_size;       // after shallow-size transfer
  BigVector<int32_t> distance;
  BigVector<uint32_t> bfs_parent_edge;  // the edge that first reached the node (kNoParent: none);
                                        // empty unless options.parent_edges
  BigVector<uint32_t> dominator;
  BigVector<uint64_t> retained_size;
  BigVector<uint32_t> dfs_order;
  uint64_t total_size = 0;               // root's retained size
  uint32_t unreachable_count = 0;        // nodes not reached from the root over essential edges
};

Analysis Analyze(const Snapshot& snapshot, const AnalysisOptions& options = {});

// Analyze() that moves snapshot->self_size into the result's self_size instead of copying it
// (one node-sized 8-byte array less of peak memory). Leaves snapshot->self_size empty: only for
// callers that read self sizes from the Analysis afterwards.
Analysis AnalyzeTakingSelfSizes(Snapshot* snapshot, const AnalysisOptions& options = {});

// Every edge pointing at `node` (one O(edge_count) scan; for single-object queries like `path`).
std::vector<uint32_t> RetainingEdgesOf(const Snapshot& snapshot, uint32_t node);

}  // namespace tenure::snapshot
