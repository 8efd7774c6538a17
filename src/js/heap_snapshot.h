// Heap snapshots of the JavaScript runtime: the describer that tells libtenure's snapshot writer
// (tenure/heap-snapshot.h) what each runtime object is, and the per-runtime snapshot support
// behind `require('v8').writeHeapSnapshot()`, `--heapsnapshot-signal` and
// `--heapsnapshot-near-heap-limit`.
//
// How objects appear (V8's names, /work/shared/reference/heapsnapshot-format.md):
//  - JS objects: type `object`, named by their constructor (`proto.constructor.name`: `Object`,
//    `Array`, `Map`, `LeakyRecord`, ...); functions: type `closure`, named by the function name.
//  - Contexts: `system / Context` objects with `context` edges named by the captured variable
//    (names come from re-running scope analysis on the function's source, which is what the
//    compiler used to assign the slots) and an internal `previous` edge to the outer context.
//  - Strings carry their value (the writer caps names at 1024 chars), heap numbers are `number`.
//  - Property edges by key, element edges by index, `internal` edges for runtime internals (`map`
//    = shape, `properties`/`elements` backing stores, `context`, `table`); backing stores owned by
//    one object have no edges of their own (the owner reports their contents), like V8.
//  - The runtime has no WeakRef / WeakMap yet, so no `weak` edges are produced.
//
// INVARIANTS:
//  - The describer never allocates on the managed heap and never GCs (writer contract); its side
//    tables (context names, backing-store owners) are built lazily on the first Describe call,
//    i.e. after the snapshot's own full GC, so they hold post-GC addresses.
//  - One HeapSnapshotSupport per Runtime; it owns the runtime's HeapProfiler, so object ids are
//    stable across every snapshot of one process.
//  - Snapshots are only written at safe points (a JS call into v8.writeHeapSnapshot, the event
//    loop between callbacks, or the near-heap-limit callback outside a GC); a signal only sets a
//    flag.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "tenure/heap-snapshot.h"

namespace tenure::js {

class Runtime;
class HeapTimeline;

class JsSnapshotDescriber : public tenure::SnapshotDescriber {
 public:
  explicit JsSnapshotDescriber(Runtime& runtime) : runtime_(runtime) {}

  tenure::SnapshotNode Describe(HeapObject* object) override;
  void DescribeEdges(HeapObject* object, tenure::SnapshotEdgeSink& sink) override;
  HeapObject* UserGlobal() override;

 private:
  void BuildSideTables();
  void DescribeObjectEdges(HeapObject* object, tenure::SnapshotEdgeSink& sink);
  void DescribeContextEdges(HeapObject* object, tenure::SnapshotEdgeSink& sink);
  std::string ConstructorName(HeapObject* object) const;

  Runtime& runtime_;
  bool tables_built_ = false;
  std::string name_;  // backs SnapshotNode::name until the next call
  // Context -> slot names (index = context slot, without the parent slot).
  std::unordered_map<const HeapObject*, const std::vector<std::string>*> context_names_;
  std::vector<std::unique_ptr<std::vector<std::string>>> name_lists_;
  // FixedArrays that are the `slots`/`elements` backing store of exactly one JS object.
  std::unordered_set<const HeapObject*> backing_stores_;
};

// Snapshot support of one runtime (see the invariants above).
class HeapSnapshotSupport {
 public:
  explicit HeapSnapshotSupport(Runtime& runtime);
  ~HeapSnapshotSupport();
  HeapSnapshotSupport(const HeapSnapshotSupport&) = delete;
  HeapSnapshotSupport& operator=(const HeapSnapshotSupport&) = delete;

  // Writes a snapshot to `path` (empty: node's default file name in the current directory).
  // Returns the file name written, or an empty string with `*error` set.
  std::string Write(const std::string& path, std::string* error);
  // Called by the event loop between callbacks: writes a snapshot a signal asked for, writes a
  // snapshot deferred by the near-heap-limit callback, and takes periodic timeline samples.
  void AtSafePoint();
  int snapshots_written() const { return snapshots_written_; }
  // --heapsnapshot-near-heap-limit=N at run time (v8.setHeapSnapshotNearHeapLimit): up to `limit`
  // snapshots near the heap limit. A no-op when already enabled (by the flag or an earlier call).
  void EnableNearHeapLimitSnapshots(uint64_t limit);

 private:
  static size_t NearHeapLimit(void* data, size_t current_limit, size_t initial_limit);
  void WriteAndReport(const char* why);

  Runtime& runtime_;
  std::unique_ptr<tenure::HeapProfiler> profiler_;
  std::unique_ptr<HeapTimeline> timeline_;
  int snapshots_written_ = 0;
  uint64_t near_limit_snapshots_left_ = 0;
  bool near_limit_pending_ = false;
  bool near_limit_enabled_ = false;
};

}  // namespace tenure::js
