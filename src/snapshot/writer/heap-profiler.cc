// Copyright the tenure authors.
// heap-profiler.cc — HeapProfiler: owns the heap hooks that keep snapshot ids stable, and runs
// GC -> id pruning -> serialisation for each snapshot.
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "heap-object-id-map.h"
#include "snapshot-writer.h"
#include "tenure/heap-snapshot.h"

namespace tenure {

// The move listener half of the hooks (the allocation observer is a lambda on the same map).
class HeapProfiler::Hooks final : public ObjectMoveListener {
 public:
  explicit Hooks(internal::HeapObjectIdMap* ids) : ids_(ids) {}
  void OnObjectMoved(HeapObject* from, HeapObject* to, size_t) override { ids_->OnMoved(from, to); }

 private:
  internal::HeapObjectIdMap* ids_;
};

HeapProfiler::HeapProfiler(Heap& heap)
    : heap_(heap), ids_(std::make_unique<internal::HeapObjectIdMap>()) {}

namespace {
void OnGCPrologue(Heap&, GCType type, void* data) {
  if (type == GCType::kScavenge) static_cast<internal::HeapObjectIdMap*>(data)->OnScavengeStart();
}
void OnGCEpilogue(Heap&, GCType type, void* data) {
  if (type == GCType::kScavenge) static_cast<internal::HeapObjectIdMap*>(data)->OnScavengeEnd();
}
}  // namespace

HeapProfiler::~HeapProfiler() {
  if (!tracking_) return;
  if (heap_.object_move_listener() == hooks_.get()) heap_.SetObjectMoveListener(nullptr);
  heap_.SetAllocationObserver(nullptr);
  heap_.RemoveGCPrologueCallback(&OnGCPrologue, ids_.get());
  heap_.RemoveGCEpilogueCallback(&OnGCEpilogue, ids_.get());
}

// Installs the hooks. Called once, right after the first snapshot's GC and id assignment, so
// every later allocation and move is seen.
bool HeapProfiler::StartTracking(std::string* error) {
  if (heap_.object_move_listener() != nullptr) {
    *error = "another ObjectMoveListener is attached to this heap (one HeapProfiler per heap)";
    return false;
  }
  hooks_ = std::make_unique<Hooks>(ids_.get());
  heap_.SetObjectMoveListener(hooks_.get());
  internal::HeapObjectIdMap* ids = ids_.get();
  heap_.SetAllocationObserver([ids](HeapObject* object, size_t) { ids->OnAllocated(object); });
  heap_.AddGCPrologueCallback(&OnGCPrologue, ids);
  heap_.AddGCEpilogueCallback(&OnGCEpilogue, ids);
  tracking_ = true;
  return true;
}

HeapSnapshotResult HeapProfiler::WriteSnapshot(FILE* out, const HeapSnapshotOptions& options) {
  if (out == nullptr) return {.error = "no output stream"};
  if (heap_.InGC()) return {.error = "a heap snapshot cannot be taken during a garbage collection"};
  if (!tracking_ && heap_.object_move_listener() != nullptr) {
    return {.error = "another ObjectMoveListener is attached to this heap (one HeapProfiler per heap)"};
  }
  heap_.CollectGarbage(GCType::kMarkCompact, GCReason::kHeapProfiler);
  ids_->Rebuild(heap_);
  std::string error;
  if (!tracking_ && !StartTracking(&error)) return {.error = error};

  DefaultSnapshotDescriber default_describer;
  internal::SnapshotWriterConfig config;
  config.heap = &heap_;
  config.ids = ids_.get();
  config.describer = options.describer != nullptr ? options.describer : &default_describer;
  config.out = out;
  config.buffer_size = options.buffer_size;
  return internal::WriteHeapSnapshotJson(config);
}

HeapSnapshotResult HeapProfiler::WriteSnapshot(const std::string& path,
                                               const HeapSnapshotOptions& options) {
  FILE* out = fopen(path.c_str(), "wb");
  if (out == nullptr) {
    return {.error = "cannot open '" + path + "' for writing: " + strerror(errno)};
  }
  HeapSnapshotResult result = WriteSnapshot(out, options);
  if (fclose(out) != 0 && result.ok()) {
    result.error = "cannot close '" + path + "': " + strerror(errno);
  }
  if (!result.ok()) {
    result.error = "'" + path + "': " + result.error;
    remove(path.c_str());  // never leave a truncated snapshot behind
  }
  return result;
}

uint32_t HeapProfiler::GetObjectId(const HeapObject* object) const { return ids_->Find(object); }
uint32_t HeapProfiler::last_assigned_id() const { return ids_->last_assigned_id(); }
size_t HeapProfiler::tracked_object_count() const { return ids_->size(); }

}  // namespace tenure
