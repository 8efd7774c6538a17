// Copyright the tenure authors.
// heap-snapshot.h — writes a libtenure heap as a V8 `.heapsnapshot` (Chrome DevTools, memlab,
// `tenure-heap`). Format facts: /work/shared/reference/heapsnapshot-format.md (V8 11.3 / Node 20
// layout: 7 node fields, 4 location fields, all eight meta keys, V8's key order).
//
// INVARIANTS:
//  * One HeapProfiler per Heap. From its first snapshot until it is destroyed it owns the heap's
//    only ObjectMoveListener and AllocationObserver slots (nothing else may set them meanwhile; the
//    heap keeps one of each) and registers a GC prologue/epilogue pair. Before the first snapshot
//    the profiler costs nothing; afterwards every allocation takes the heap's slow path (as with
//    V8's allocation tracking) and updates an id table.
//  * Object ids are odd, never reused, and stable: the same object has the same id in every
//    snapshot of this profiler, through scavenges, promotion and compaction. Objects alive at the
//    first snapshot get ids in heap-iteration order; every later allocation gets the next id when
//    it is allocated (so ids grow in allocation order), including an allocation at an address that
//    held a dead object. Synthetic nodes: root = 1, (GC roots) = 3, fixed sub-roots 5..99.
//  * Every snapshot starts with a full GC (reason "heap profiler", as V8), then prunes the ids of
//    dead objects. The writer itself never allocates on the managed heap (its tables use malloc),
//    so the heap does not change while a snapshot is written.
//  * Output is streamed through one fixed-size buffer; I/O errors (disk full, unwritable path)
//    come back as HeapSnapshotResult::error, never as a crash. A failed write to a path removes
//    the partial file.
#ifndef TENURE_HEAP_SNAPSHOT_H_
#define TENURE_HEAP_SNAPSHOT_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tenure/handles.h"
#include "tenure/heap.h"
#include "tenure/object.h"
#include "tenure/value.h"

namespace tenure {

// V8's HeapGraphNode::Type, in `meta.node_types[0]` order (Node 20 lists 16 names).
enum class SnapshotNodeType : uint8_t {
  kHidden,
  kArray,
  kString,
  kObject,
  kCode,
  kClosure,
  kRegExp,
  kNumber,
  kNative,
  kSynthetic,
  kConsString,
  kSlicedString,
  kSymbol,
  kBigInt,
  kObjectShape,
  kWasmObject,
};

// V8's HeapGraphEdge::Type, in `meta.edge_types[0]` order.
enum class SnapshotEdgeType : uint8_t {
  kContext,   // closure -> captured variable (named)
  kElement,   // array element (numbered)
  kProperty,  // named JS property
  kInternal,  // engine-internal, not JS-visible (named)
  kHidden,    // needed for size computation only (numbered)
  kShortcut,  // must not be followed for sizes (named)
  kWeak,      // does not retain (named)
};

// EmbedderGraph::Node::Detachedness (the node's 7th field).
enum class Detachedness : uint8_t { kUnknown = 0, kAttached = 1, kDetached = 2 };

// What the describer says about one object.
struct SnapshotNode {
  SnapshotNodeType type = SnapshotNodeType::kObject;
  // UTF-8; class name, function name or string value. Capped at 1024 characters by the writer.
  // Must stay valid until the next call on the describer.
  std::string_view name;
  size_t self_size = 0;
  Detachedness detachedness = Detachedness::kUnknown;
};

// Receives the outgoing references of the object being described. Targets that are not heap
// objects (Smis, immediates, empty) are ignored, so describers can pass any slot value.
class SnapshotEdgeSink {
 public:
  virtual ~SnapshotEdgeSink() = default;
  // Named edge. kElement/kHidden edges are numbered: a name given for one of them is written as
  // kProperty / kInternal respectively.
  virtual void AddNamedEdge(SnapshotEdgeType type, std::string_view name, Value target) = 0;
  // Numbered edge for kElement/kHidden; for every other type the index becomes the decimal name.
  virtual void AddIndexedEdge(SnapshotEdgeType type, uint32_t index, Value target) = 0;
  // One WeakMap-style entry of the described table, written as V8 does: table -weak-> key,
  // table -weak-> value, and the internal edges "N / part of key (K @k) -> value (V @v) pair in
  // WeakMap (table @t)" from the table and from the key to the value (DevTools and memlab treat
  // the value as retained by the key).
  virtual void AddEphemeron(uint32_t key_index, Value key, uint32_t value_index, Value value) = 0;
};

// The embedder's view of its objects (the JS runtime implements one). Contract: Describe and
// DescribeEdges are deterministic while the snapshot is written (DescribeEdges runs twice per
// object: once to count, once to write), and neither may allocate on the managed heap or GC.
class SnapshotDescriber {
 public:
  virtual ~SnapshotDescriber() = default;
  virtual SnapshotNode Describe(HeapObject* object) = 0;
  virtual void DescribeEdges(HeapObject* object, SnapshotEdgeSink& sink) = 0;
  // The user global (JS global object): the root gets a `shortcut` edge to it, as V8 does, which
  // makes DevTools count distances from it. Null for none.
  virtual HeapObject* UserGlobal() { return nullptr; }
};

// Describes objects from their TypeInfo alone:
//  * name = TypeInfo::class_name, self size = HeapObject::Size();
//  * type `string` (name = the contents) for types registered with RegisterStringType, `hidden`
//    for other kNoPointers layouts, `object` otherwise;
//  * strong slots -> `element` edges (slot index) when class_name ends in "Array", else `internal`
//    edges named by slot index; weak slots -> `weak` edges; ephemerons -> AddEphemeron.
class DefaultSnapshotDescriber : public SnapshotDescriber {
 public:
  using StringContents = std::string_view (*)(const HeapObject* object);

  void RegisterStringType(const TypeInfo* type, StringContents contents);
  // The handle is read at snapshot time (it must outlive the describer's use).
  void set_user_global(const Global<>* global) { user_global_ = global; }

  SnapshotNode Describe(HeapObject* object) override;
  void DescribeEdges(HeapObject* object, SnapshotEdgeSink& sink) override;
  HeapObject* UserGlobal() override;

 private:
  std::map<const TypeInfo*, StringContents> string_types_;
  const Global<>* user_global_ = nullptr;
};

struct HeapSnapshotOptions {
  // Null: a DefaultSnapshotDescriber.
  SnapshotDescriber* describer = nullptr;
  // Size of the one output buffer (bytes, at least 1).
  size_t buffer_size = 64 * KB;
};

struct HeapSnapshotResult {
  bool ok() const { return error.empty(); }
  std::string error;  // empty on success
  uint32_t node_count = 0;
  uint32_t edge_count = 0;
  uint32_t string_count = 0;
  uint64_t bytes_written = 0;
};

namespace internal {
class HeapObjectIdMap;
}

// Attached to one Heap for its lifetime (see the invariants above). Not thread-safe, like Heap.
class HeapProfiler {
 public:
  explicit HeapProfiler(Heap& heap);
  ~HeapProfiler();
  HeapProfiler(const HeapProfiler&) = delete;
  HeapProfiler& operator=(const HeapProfiler&) = delete;

  // Full GC, then the snapshot, written to `path` (created or truncated).
  HeapSnapshotResult WriteSnapshot(const std::string& path, const HeapSnapshotOptions& options = {});
  // Same, to an open stream (flushed, not closed).
  HeapSnapshotResult WriteSnapshot(FILE* out, const HeapSnapshotOptions& options = {});

  // The snapshot id of `object`, or 0 if it has none yet (before the first snapshot).
  uint32_t GetObjectId(const HeapObject* object) const;
  // The highest id handed out so far (V8 `samples.last_assigned_id`; DevTools' allocation filter).
  uint32_t last_assigned_id() const;
  // True once the first snapshot started id tracking (hooks installed).
  bool is_tracking() const { return tracking_; }
  // Number of addresses with an id (live objects after a snapshot; plus dead ones until the next).
  size_t tracked_object_count() const;

 private:
  class Hooks;
  bool StartTracking(std::string* error);

  Heap& heap_;
  std::unique_ptr<internal::HeapObjectIdMap> ids_;
  std::unique_ptr<Hooks> hooks_;
  bool tracking_ = false;
};

// Node's default snapshot file name, `Heap.<YYYYMMDD>.<HHMMSS>.<pid>.<thread_id>.<seq>.heapsnapshot`
// (local time; seq is a per-process counter from 1, zero-padded to 3 digits — node's
// DiagnosticFilename, as `v8.writeHeapSnapshot()` and --heapsnapshot-signal name files).
std::string DefaultHeapSnapshotFileName(uint64_t thread_id = 0);

}  // namespace tenure

#endif  // TENURE_HEAP_SNAPSHOT_H_
