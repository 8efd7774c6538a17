// Copyright the tenure authors.
// mark-compact.h — the full (old + young) collector: mark, clear, sweep, compact.
//
// Phases (V8 §2.3–2.4, single-threaded; marking may have been started incrementally):
//  0. Select evacuation candidates (SelectEvacuationCandidates) when marking starts: at
//     IncrementalMarking::Start, or at the start of this GC if marking did not run incrementally.
//  1. Mark: from the strong roots with an explicit worklist (no recursion). Marking covers every
//     space. Weak slots are recorded, not followed; ephemerons whose key is unmarked are deferred
//     and re-examined until a fixpoint (value live iff key live). If incremental marking ran
//     (incremental-marking.h), this is its finalization: the old objects it marked stay marked,
//     its grey worklist, weak slots, ephemerons and recorded slots are adopted, the targets of its
//     recorded young slots are marked, then the roots are re-scanned and everything is drained as
//     above. While compacting, every scanned slot of a host that does not move (any space) that
//     points into a candidate is recorded (so is every such store during incremental marking).
//  2. Clear: dead targets of weak slots / ephemerons -> HeapConfig::cleared_weak_value; weak
//     globals whose target died are emptied (callbacks run after the GC).
//  3. Filter the old->new remembered sets: keep only bits whose slot points to a marked young
//     object (remembered-set.h), so every page may be swept lazily.
//  4. Young sweep: dead new-space objects become fillers in place (semispaces are never swept into
//     free lists; the next scavenge reclaims them); dead large objects are unmapped.
//  5. Sweep the old pages that are not candidates (sweeper.h): empty pages are released now; with
//     HeapConfig::lazy_sweeping the rest become pending and are swept on demand and in allocation
//     steps after the pause (otherwise all are swept now). Candidates without live objects are
//     released like empty pages.
//  6. Evacuate the live objects of the candidates into old space (free lists / new pages), leaving
//     forwarding pointers; update the roots (incl. weak globals), the recorded slots and the
//     slots of the copies (recording the copies' old->new slots); unmap the candidates. Nothing
//     else is walked, so the pause grows with the candidates and the pointers into them, not with
//     the heap.
#ifndef TENURE_SRC_HEAP_MARK_COMPACT_H_
#define TENURE_SRC_HEAP_MARK_COMPACT_H_

#include <cstddef>
#include <unordered_set>
#include <utility>
#include <vector>

#include "slot-access.h"
#include "tenure/heap.h"
#include "tenure/write-barrier.h"

namespace tenure::internal {

// Slot recording for compaction (V8 §2.3 "record slots"): true if `value` points into an
// evacuation candidate, i.e. a slot holding it must be recorded (if its host does not move).
inline bool PointsToEvacuationCandidate(Value value) {
  return value.IsHeapObject() && (ChunkFlags(value.ToObject()) & kPageEvacuationCandidate) != 0;
}
inline bool OnEvacuationCandidate(const HeapObject* host) {
  return (ChunkFlags(host) & kPageEvacuationCandidate) != 0;
}

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
  // `incremental` is the state taken from a running incremental marking, or null. A GC without
  // incremental marking selects its evacuation candidates itself (including every page of
  // `*forced_candidates`, which it then clears); a finalizing GC evacuates the candidates chosen
  // when marking started and removes them from `*forced_candidates` (other forced pages wait for
  // the next GC).
  MarkCompactResult Run(std::unordered_set<Page*>* forced_candidates,
                        IncrementalMarkingState* incremental);

  // Chooses the evacuation candidates when marking starts (incrementally or in the pause), sets
  // kPageEvacuationCandidate on them and evicts their free-list entries, so nothing is allocated
  // on them before they are evacuated. Pages are judged by their allocated bytes (area minus
  // free-list bytes; sweeping must be complete): free >= 70% of the area (V8's regular threshold
  // without speed samples), least allocated first, up to 4 MiB, only if at least one page would be
  // released; under stress_compaction every old page; pages in `forced` always.
  static std::vector<Page*> SelectEvacuationCandidates(Heap* heap,
                                                       const std::unordered_set<Page*>& forced);

  // Marking primitives (used by the marking visitor).
  void MarkValue(Value value);
  template <typename S>
  void RecordSlot(S* slot) { recorded_slots_.push_back(slot); }
  bool compacting() const { return compacting_; }
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
  void FilterOldToNewSlots();
  void SweepYoungGeneration();
  void SweepLargeObjects();
  void SweepOldSpace(const std::vector<Page*>& candidates);
  void EvacuateCandidates(const std::vector<Page*>& candidates);
  void UpdatePointersAfterEvacuation(const std::vector<Page*>& candidates);

  Heap* heap_;
  bool compacting_ = false;
  std::vector<Page*> candidates_;
  SlotList recorded_slots_;                // slots (of non-moving hosts) that pointed to candidates
  std::vector<HeapObject*> evacuated_;     // the copies made by EvacuateCandidates
  std::vector<HeapObject*> worklist_;
  std::vector<Value*> weak_slots_;
  std::vector<std::pair<Value*, Value*>> ephemerons_;
  MarkCompactResult result_;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_MARK_COMPACT_H_
