// Copyright the tenure authors.
// scavenger.h — Cheney-style copying collection of the young generation.
//
// Algorithm (V8 §1.4–1.5, single-threaded):
//  1. Flip the semispaces. Roots: handles, strong globals, root visitors, and every slot recorded in
//     the old->new remembered sets (each page's set is taken out and rebuilt while scavenging).
//  2. A from-space object reached for the first time is copied to to-space, or promoted to old
//     space if it is below the age mark (it already survived one scavenge) or to-space is full.
//     Its header becomes a forwarding pointer (address | kForwardedBit).
//  3. Cheney scan: to-space objects are scanned in allocation order with a scan pointer (no
//     worklist); promoted objects and surviving young large objects go through a worklist and are
//     scanned as OLD hosts, so their slots that still point into to-space are recorded in their
//     page's remembered set.
//  4. Weak globals whose young target was not copied are cleared (callbacks run after the GC).
//     Weak slots and ephemerons inside objects are treated as strong (see object.h).
//  5. Surviving young large objects move (whole chunk) to large_object_space; dead ones are freed.
//     With ScavengeOptions::promote_all (fast promotion, new-space.h) every from-space object is
//     below the age mark, so every survivor is promoted and to-space stays empty.
//  6. Age mark = to-space top. From-space is not zeroed (new-space.h: the mutator's allocation area
//     is zeroed lazily, just ahead of allocation); it is poisoned under ASan and filled with a zap
//     pattern when HeapConfig::verify_heap is set.
//
// Page moving (EvacuateYoungGeneration below; V8 Heap::EvacuateYoungGeneration, used in its fast
// promotion mode): instead of the steps above, every used to-space page becomes an old-space page
// in place and every young large object moves to old large-object space. Nothing is copied and no
// address changes, so no slot or root is updated; the pause is O(pages), not O(survivors).
// What it keeps (docs/heap.md section 17):
//  * moved pages are ordinary old pages: kPageOld (young/to-space bits off), iterable to area_end
//    (the tail above top, >= 16 bytes by new-space.h's tail reserve, becomes a free-list entry),
//    their object bytes (dead ones included, as V8 counts the page) added to old space's size,
//    live_bytes 0; their dead objects and mementos are reclaimed by the next full GC's sweep;
//  * no young object is left, so every old->new remembered set is emptied;
//  * weak globals: every target survives (now old), cleared later by a full GC if it dies;
//  * incremental marking: moved objects are WHITE, like promoted copies (incremental-marking.h);
//    ProcessYoungSlotsAfterScavenge greys the targets of recorded young slots;
//  * allocation-site feedback (count_mementos): every memento on a moved page counts as found
//    (its object was promoted; which of them are dead is unknown without tracing).
// Move listeners get no events: no object moves.
//
// Hot path (docs/heap.md section 20): slots of kAllTagged / kTaggedPrefix objects are visited by a
// plain loop (no virtual call); only kCustom layouts go through an ObjectVisitor. The "is this
// young / in from-space?" test is one load of the page flag word (the page header is found by
// masking the address). The per-object bookkeeping that only some scavenges need (allocation-
// memento counting, the heap profiler's move listener) is decided once per scavenge: the copy loop
// is instantiated for Bookkeeping::kNone and kFull (V8 likewise specialises its scavenging
// visitors), so an ordinary scavenge tests neither per object.
//
// Size caches (docs/heap.md section 29): the prefetch cursor, the Cheney scan and Evacuate each
// size objects through a one-entry cache of the last fixed-size type seen there and its
// AllocationSize (most objects repeat the type before them), instead of the size_of test and the
// AllocationSize round-up per object. INVARIANTS: an entry is only ever a TypeInfo with a null
// size_of and AllocationSize(type->size) (TypeInfos do not change while a scavenge runs);
// variable-size types are sized per object and never cached; the caches live in the Scavenger,
// one per scavenge.
#ifndef TENURE_SRC_HEAP_SCAVENGER_H_
#define TENURE_SRC_HEAP_SCAVENGER_H_

#include <cstddef>
#include <vector>

#include "tenure/heap.h"

namespace tenure::internal {

class Page;

struct ScavengeResult {
  size_t survived_bytes = 0;  // copied within new space
  size_t promoted_bytes = 0;  // promoted to old space (incl. young large objects)
  size_t promoted_large_bytes = 0;  // the young large objects' part of promoted_bytes
  size_t copied_objects = 0;
  size_t promoted_objects = 0;
};

struct ScavengeOptions {
  // Promote every survivor to old space (fast promotion mode, new-space.h).
  bool promote_all = false;
  // Count the allocation mementos behind evacuated objects (allocation-site.h).
  bool count_mementos = false;
};

// Promotes all of the young generation by moving pages (header comment). Preconditions: the heap
// is iterable and the caller checked that the old generation can take the pages. promoted_bytes =
// the moved pages' object bytes + the young large objects; promoted_objects is counted only with
// options.count_mementos (the walk that finds mementos), else 0.
ScavengeResult EvacuateYoungGeneration(Heap* heap, const ScavengeOptions& options);

class Scavenger {
 public:
  Scavenger(Heap* heap, const ScavengeOptions& options);
  ScavengeResult Run();

  // Per-object work besides the copy: kFull counts allocation mementos (options.count_mementos)
  // and/or reports moves to the heap's ObjectMoveListener; kNone does neither.
  enum class Bookkeeping { kNone, kFull };

  // Updates *slot if it points into from-space or young LO space; records it in `record_page`'s
  // remembered set if the (updated) target is still young. `record_page` is null for young hosts
  // and roots. S is Value or CompressedValue (slot-access.h); a compressed slot is recorded in the
  // page's compressed slot set.
  template <Bookkeeping kMode, typename S>
  void ScavengeSlot(S* slot, Page* record_page);
  // ScavengeSlot for every slot in [begin, end) (a handle block, a kCustom host's slot range, a
  // kCompressedTaggedPrefix host's slots).
  template <Bookkeeping kMode, typename S>
  void ScavengeSlots(S* begin, S* end, Page* record_page);

 private:
  // Steps 1-5 of the header comment with the copy loop instantiated for kMode.
  template <Bookkeeping kMode>
  void ScavengeAll();
  // Updates *slot (see ScavengeSlot); returns true iff it now points to a young object.
  template <Bookkeeping kMode, typename S>
  inline bool UpdateSlot(S* slot);
  // The remembered-set pass over one page's set of slot type S.
  template <Bookkeeping kMode, typename S>
  void ProcessRememberedSet(Page* page);
  // Scavenges every slot of `object`; records old->new slots in `record_page` when non-null.
  template <Bookkeeping kMode>
  inline void VisitObjectSlots(HeapObject* object, const TypeInfo* type, size_t size,
                               Page* record_page);
  // Copies a from-space object whose (unforwarded) header word is `header` (see scavenger.cc);
  // the to-space bump is inline, the rest (promotion, a new to-space page) is EvacuateSlow.
  template <Bookkeeping kMode>
  inline HeapObject* Evacuate(HeapObject* object, uintptr_t header, bool promote);
  template <Bookkeeping kMode>
  HeapObject* EvacuateSlow(HeapObject* object, size_t size, bool promote);
  void CountMemento(const HeapObject* object, size_t size);
  template <Bookkeeping kMode>
  inline HeapObject* FinishCopy(HeapObject* object, uintptr_t target, size_t size);
  void MarkYoungLargeObjectLive(HeapObject* object, Page* page);
  template <Bookkeeping kMode>
  void ProcessRememberedSets();
  template <Bookkeeping kMode>
  void DrainWorklists();
  // Scans to-space from the scan pointer up to the copy allocation top. Returns true if it
  // scanned anything.
  template <Bookkeeping kMode>
  bool ScanToSpace();
  void ProcessWeakGlobals();
  void FinalizeLargeObjects();

  // AllocationSize of objects by type, remembering the last fixed-size type (size_of null) and
  // its size; a variable-size type is sized every time and never cached.
  struct SizeCache {
    const TypeInfo* type_ = nullptr;
    size_t size_ = 0;
    inline size_t SizeOf(const HeapObject* object, const TypeInfo* type);
  };

  Heap* heap_;
  ScavengeOptions options_;
  ObjectMoveListener* move_listener_;
  LinearAllocationArea copy_lab_;
  std::vector<HeapObject*> promoted_worklist_;
  ScavengeResult result_;
  size_t scan_page_ = 0;
  uintptr_t scan_ = 0;
  // One-entry caches of the last fixed-size type's AllocationSize, one per place that sizes
  // objects (header comment, "Size caches").
  SizeCache evacuate_sizes_;
  SizeCache scan_sizes_;
  SizeCache ahead_sizes_;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_SCAVENGER_H_
