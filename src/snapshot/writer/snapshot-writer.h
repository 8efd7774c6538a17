// Copyright the tenure authors.
// snapshot-writer.h — serialises one heap state as V8 `.heapsnapshot` JSON (HeapProfiler does the
// GC and id bookkeeping first; see include/tenure/heap-snapshot.h).
//
// INVARIANTS (of the file written; heapsnapshot-format.md §1, §7.1):
//  * Top-level keys in V8's order: snapshot, nodes, edges, trace_function_infos, trace_tree,
//    samples, locations, strings; `meta` exactly as Node 20 / V8 11.3 writes it (7 node fields).
//  * Node ordinals: 0 = root (synthetic, "", id 1), 1 = (GC roots) (id 3), then the sub-roots,
//    then every heap object in heap-iteration order. to_node = ordinal * 7.
//  * Edges are grouped by source in node order; node k's edge_count equals the number of edge rows
//    written for it, and the counts sum to snapshot.edge_count. The describer is asked twice per
//    object (count, then write); a describer that answers differently makes the write fail.
//  * element/hidden edges carry a number, every other type a `strings` index.
#ifndef TENURE_SRC_SNAPSHOT_WRITER_SNAPSHOT_WRITER_H_
#define TENURE_SRC_SNAPSHOT_WRITER_SNAPSHOT_WRITER_H_

#include <cstdio>

#include "heap-object-id-map.h"
#include "tenure/heap-snapshot.h"

namespace tenure::internal {

struct SnapshotWriterConfig {
  Heap* heap = nullptr;
  HeapObjectIdMap* ids = nullptr;  // must already hold an id for every object (Rebuild)
  SnapshotDescriber* describer = nullptr;
  FILE* out = nullptr;
  size_t buffer_size = 64 * KB;
};

// Writes the snapshot; never allocates on the managed heap. Errors come back in the result.
HeapSnapshotResult WriteHeapSnapshotJson(const SnapshotWriterConfig& config);

}  // namespace tenure::internal

#endif  // TENURE_SRC_SNAPSHOT_WRITER_SNAPSHOT_WRITER_H_
