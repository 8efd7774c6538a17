// Copyright the tenure authors.
// mark-compact.h — the full (old + young) collector: mark, clear, sweep, compact.
//
// Phases (V8 §2.3–2.4, single-threaded; marking may have been started incrementally):
//  1. Mark: from the strong roots with an explicit worklist (no recursion). Marking covers every
//     space. Weak slots are recorded, not followed; ephemerons whose key is unmarked are deferred
//     and re-examined until a fixpoint (value live iff key live). If incremental marking ran
//     (incremental-marking.h), this is its finalization: the old objects it marked stay marked,
//     its grey worklist, weak slots and ephemerons are adopted, the targets of its recorded young
//     slots are marked, then the roots are re-scanned and everything is drained as above.
//  2. Clear: dead targets of weak slots / ephemerons -> HeapConfig::cleared_weak_value; weak
//     globals whose target died are emptied (callbacks run after the GC).
//  3. Young sweep: dead new-space objects become fillers in place (semispaces are never swept into
//     free lists; the next scavenge reclaims them); dead large objects are unmapped.
//  4. Select evacuation candidates: old pages with free bytes >= 70% of the area (V8's regular
//     threshold without speed samples), lowest live bytes first, up to 4 MiB of live bytes, only if
//     at least one page would be released; under stress_compaction every old page.
//  5. Sweep the other old pages (sweeper.h): pages whose remembered set is non-empty are swept in
//     the pause; with HeapConfig::lazy_sweeping the rest become pending and are swept on demand
//     and in allocation steps after the pause (otherwise all are swept now). Sweeping: dead runs
//     become fillers + free-list entries, their remembered-set bits are cleared, mark bits are
//     cleared, empty pages are released.
//  6. Evacuate live objects of candidates into old space (free lists / new pages), leaving forwarding
//     pointers; update every pointer (roots incl. weak globals, all live objects in every space;
//     on pending pages only marked objects) and rebuild all old->new remembered sets; unmap the
//     candidates.
#ifndef TENURE_SRC_HEAP_MARK_COMPACT_H_
#define TENURE_SRC_HEAP_MARK_COMPACT_H_

#include <cstddef>
#include <unordered_set>
#include <utility>
#include <vector>

#include "tenure/heap.h"

namespace tenure::internal {

class Page;
struct IncrementalMarkingState;

struct MarkCompactResult {
  size_t marked_bytes = 0;
  size_t marked_objects = 0;
  size_t evacuated_bytes = 0;
  size_t evacuated_pages = 0;
  size_t released_pages = 0;
  size_t pending_sweep_pages = 0;  // left to the lazy sweeper
  double mark_ms = 0, clear_ms = 0, sweep_ms = 0, evacuate_ms = 0;
};

class MarkCompactCollector {
 public:
  explicit MarkCompactCollector(Heap* heap) : heap_(heap) {}
  // `incremental` is the state taken from a running incremental marking, or null.
  MarkCompactResult Run(const std::unordered_set<Page*>& forced_candidates,
                        IncrementalMarkingState* incremental);

  // Marking primitives (used by the marking visitor).
  void MarkValue(Value value);
  void RecordWeakSlot(Value* slot) { weak_slots_.push_back(slot); }
  void RecordEphemeron(Value* key, Value* value) { ephemerons_.emplace_back(key, value); }
  static bool IsMarked(const HeapObject* object) {
    return (object->raw_header() & HeapObject::kMarkBit) != 0;
  }

 private:
  void MarkLiveObjects(IncrementalMarkingState* incremental);
  void DrainMarkingWorklist();
  bool ProcessEphemerons();
  void ClearNonLiveReferences();
  void SweepYoungGeneration();
  void SweepLargeObjects();
  std::vector<Page*> SelectEvacuationCandidates(const std::unordered_set<Page*>& forced);
  void SweepOldSpace(const std::vector<Page*>& candidates);
  void EvacuateCandidates(const std::vector<Page*>& candidates);
  void UpdatePointersAndRebuildRememberedSets();

  Heap* heap_;
  std::vector<HeapObject*> worklist_;
  std::vector<Value*> weak_slots_;
  std::vector<std::pair<Value*, Value*>> ephemerons_;
  MarkCompactResult result_;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_MARK_COMPACT_H_
