// Copyright the tenure authors.
// incremental-marking.h — marking the old generation in small steps between scavenges and
// allocations (V8 §2.6, single-threaded: steps run on the allocation slow path), finished by a
// short atomic finalization inside the next full GC (mark-compact.h, phase 1).
//
// Colours (mark bit in the header, object.h): WHITE = old object without the mark bit; GREY = mark
// bit set and on worklist_ (not yet scanned); BLACK = mark bit set and scanned, or allocated
// during marking (black allocation: an old object allocated while marking is born black; its
// slots start empty and every later store goes through the barrier).
//
// Only OLD objects (old space and old large-object space) are coloured during marking. Young
// objects move at every scavenge, so they are never marked here; a slot of a black object that
// points to a young object is recorded in young_slots_ instead (scavenges update the slot in
// place through the old->new remembered set, so the slot address stays valid).
//
// TRI-COLOUR INVARIANT (holds at every step boundary; checked by VerifyForTesting under
// HeapConfig::verify_heap):
//  * No black object has a slot that points to a white old object.
//  * Every slot of a black object that points to a young object is listed in young_slots_.
//  * Every grey or black object lies on a chunk flagged kPageMarking (so the write barrier sees it).
// The write barrier (write-barrier.h, Dijkstra insertion barrier) keeps it: storing a white old
// object into a black host greys it; storing a young object records the slot.
//
// Objects promoted by a scavenge during marking are WHITE (not black): their slots were written
// without a marking barrier while they were young. They are reached like any white object: from a
// grey object, from the roots at finalization, or from a recorded young slot: after every scavenge
// during marking, ProcessYoungSlotsAfterScavenge() greys the (now old) targets of recorded slots
// whose young object was promoted and drops those slots, which restores the invariant.
//
// COMPACTION SLOT RECORDING (V8 §2.3): Start() chooses the evacuation candidates (flag
// kPageEvacuationCandidate, free-list entries evicted, so nothing is allocated there until the
// GC). Invariant at every step boundary: every slot of a BLACK object that is not itself on a
// candidate and that points into a candidate is listed in recorded_slots (grey and white objects
// are recorded when they are scanned). The step visitor records while scanning; the barrier
// records a store into a black host of a value on a candidate. Promotions and black allocation
// never land on candidates (no free-list entries there), so scavenges create no such pointers.
// The finalizing GC adds the slots it scans and then updates only roots, recorded slots and the
// evacuated objects. Entries may repeat or go stale (the slot later holds something else): the
// update forwards a slot only if it still points into a candidate.
//
// Finalization (MarkCompactCollector::Run with the state taken by TakeState()): re-scan the strong
// roots, mark the targets of young_slots_, drain the worklist over every space (young included),
// ephemeron fixpoint over the ephemerons recorded by steps and by the final drain, then clear weak
// slots recorded by both. Marking never starts while the sweeper has pending pages.
//
// LARGE OBJECTS IN PIECES (V8's progress bar, kProgressBarScanningChunk): a grey object on a
// large-object chunk bigger than kScanChunkBytes is scanned kScanChunkBytes of its slots per visit;
// scan_progress holds how far each such object got, and an unfinished one goes back on the
// worklist, so it stays GREY until its last piece is scanned (the verifier skips it; the barrier
// fires for every marked host, grey or black, so stores into its scanned part are still seen).
// Without this one step scanned a whole array: message-buffer.js's 1e6-slot `times` array (8 MB)
// made one step of 46 ms on a quiet host and 300-400 ms under load (docs/heap.md section 34).
// Large objects never move, so the map's keys stay valid until TakeState.
//
// Compressed slots (value.h) are strong slots like any other: the step visitor, the barrier and the
// checker treat them alike; young_slots and recorded_slots hold both kinds (SlotList).
#ifndef TENURE_SRC_HEAP_INCREMENTAL_MARKING_H_
#define TENURE_SRC_HEAP_INCREMENTAL_MARKING_H_

#include <cstddef>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "slot-access.h"
#include "tenure/heap.h"

namespace tenure::internal {

class Page;

// What the steps found, handed to the finalizing collector.
struct IncrementalMarkingState {
  std::vector<HeapObject*> worklist;   // grey objects
  SlotList young_slots;                // slots of black objects that held young pointers
  std::vector<Value*> weak_slots;      // weak slots of black objects
  std::vector<std::pair<Value*, Value*>> ephemerons;  // (key, value) slots of black objects
  // Large objects scanned in part: object -> bytes of it scanned so far (see LARGE OBJECTS IN
  // PIECES). The finalization rescans such objects whole (they are still on the worklist).
  std::unordered_map<HeapObject*, size_t> scan_progress;
  std::vector<Page*> evacuation_candidates;  // chosen by Start()
  SlotList recorded_slots;             // slots of non-moving hosts that pointed to candidates
  size_t marked_bytes = 0;
  size_t marked_objects = 0;
  // Step statistics for the trace line.
  int steps = 0;
  double steps_ms = 0;
  double longest_step_ms = 0;
  double start_ms = 0;
};

class IncrementalMarking {
 public:
  // A step scans a large object at most this many bytes at a time (V8: 32 KB).
  static constexpr size_t kScanChunkBytes = 32 * KB;

  explicit IncrementalMarking(Heap* heap) : heap_(heap) {}

  bool IsMarking() const { return marking_; }
  // True when the worklist is empty: the next full GC only has to finalize.
  bool IsComplete() const { return marking_ && state_.worklist.empty(); }

  // Precondition: not marking, no pages pending sweep, not in a GC. Chooses the evacuation
  // candidates (MarkCompactCollector::SelectEvacuationCandidates, `forced` included), resets the
  // live bytes of old chunks and greys the old objects reachable from the strong roots directly or
  // through young objects (which are traversed but not coloured).
  void Start(const std::unordered_set<Page*>& forced);
  // Scans grey objects until about `bytes_to_scan` bytes were scanned or the worklist is empty.
  void Step(size_t bytes_to_scan);
  // Black allocation: `object` (old, `bytes` long) was just allocated while marking.
  void BlackAllocate(HeapObject* object, size_t bytes);
  // The marking barrier slow path (see write-barrier.h).
  template <typename S>  // Value or CompressedValue
  void RecordWrite(HeapObject* host, S* slot, Value value);
  // Called at the end of a scavenge during marking (see the header comment).
  void ProcessYoungSlotsAfterScavenge();
  // Stops marking and returns everything found so far; clears kPageMarking from every chunk. The
  // mark bits stay set (the collector continues from them).
  IncrementalMarkingState TakeState();

  // Checks the tri-colour invariant (header comment); aborts with a message on a violation.
  void VerifyForTesting();

  // Used by the step visitor.
  void MarkOld(HeapObject* object);
  IncrementalMarkingState& state() { return state_; }

 private:
  void ClearMarkingFlags();
  // Greys the old objects reachable from the strong roots directly or through young objects.
  void GreyFromRoots();
  // ProcessYoungSlotsAfterScavenge for one kind of slot.
  template <typename S>
  void KeepYoungSlots(std::vector<S*>* slots);

  Heap* heap_;
  bool marking_ = false;
  IncrementalMarkingState state_;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_INCREMENTAL_MARKING_H_
