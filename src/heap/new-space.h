// Copyright the tenure authors.
// new-space.h — the young generation's two semispaces.
//
// INVARIANTS:
//  * Both semispaces always have the same number of 256 KiB pages (committed pages), at least the
//    initial and at most the target capacity, which lies between the initial and the maximum.
//    Growth only raises the target (no page is touched inside the scavenge that decides it);
//    NextPage commits the next to-/from-space page pair from the heap's PagePool when allocation
//    (the mutator's, or the scavenger's copies) runs past the last committed to-space page. Pages
//    dropped by Shrink go back to the PagePool (bounded; the rest is unmapped). Semispace pages
//    are taken uninitialized (no 256 KiB memset): see "Zeroing" below.
//  * Sizing: GrowAfterScavenge doubles the target capacity when the bytes surviving scavenges
//    since the last resize exceed the capacity (V8 §1.3). ShrinkToInitialCapacity (memory-reducing
//    full GCs, Heap::CollectAllAvailableGarbage) drops the pages above max(initial, pages in use).
//    Survival-rate driven shrinking after ordinary scavenges was measured and rejected
//    (docs/heap.md §4, §15).
//  * Outside a scavenge, all young objects are in to-space pages [0, current_page]; pages after the
//    current one are empty (top == area_start). The mutator's linear allocation area lies inside
//    the current page, between its recorded top and area_end.
//  * Zeroing is lazy (no from-space zapping in the scavenge pause): memory the mutator allocates
//    from reads as zero because (a) the scavenger zeroes the rest of its last to-space page
//    [copy top, area_end) and (b) AdvancePage zeroes a whole page [area_start, area_end) when the
//    mutator's allocation area moves onto it. So in the current page everything above top is zero;
//    to-space pages after the current one and from-space pages may hold stale bytes (the scavenger
//    overwrites what it copies, and nothing reads above a page's top).
//  * From-space pages are poisoned under ASan outside a scavenge; with HeapConfig::verify_heap
//    their used part is filled with kZapValue so a stale pointer into them fails loudly.
//  * Age mark: an object at address a on to-space page p survived one scavenge iff
//    a < p->age_mark(). Objects below the age mark are promoted by the next scavenge (V8 §1.5).
//  * Fast promotion (HeapConfig::fast_promotion_survival_percent, V8's fast promotion mode): after
//    a scavenge whose survivors (copied + promoted bytes) were at least that percentage of the
//    capacity, the next scavenge promotes everything: AgeAllObjects moves every age mark to the
//    top before the flip, so the scavenger's ordinary "below the age mark" test promotes each
//    survivor (no extra test on the per-slot path). A fast-promotion scavenge does not feed the
//    growth rule: its survivors left new space, so an all-live structure being built (GCBench's
//    stretch tree) goes to old space in nursery-sized steps instead of doubling the semispaces.
//    The mode is re-decided after every scavenge from byte counts only (no timing).
#ifndef TENURE_SRC_HEAP_NEW_SPACE_H_
#define TENURE_SRC_HEAP_NEW_SPACE_H_

#include <cstddef>
#include <vector>

#include "page.h"
#include "tenure/heap.h"

namespace tenure::internal {

class NewSpace {
 public:
  NewSpace(Heap* heap, size_t initial_semi_space_size, size_t max_semi_space_size);
  ~NewSpace();

  // Starts the mutator's allocation area at the current page.
  void ResetAllocationArea(LinearAllocationArea* lab);
  // Mutator: records lab->top as the current page's top and moves the area to the next to-space
  // page, which it zeroes first. Returns false (lab unchanged apart from the recorded top) if
  // to-space is full.
  bool AdvancePage(LinearAllocationArea* lab);
  // Records the allocation top of the current page (makes the space iterable).
  void SyncTop(uintptr_t top) { to_pages_[current_page_]->set_top(top); }

  // Scavenge support: swaps the semispaces. To-space becomes empty (not zeroed: see above).
  void Flip();
  // After a scavenge: empties every from-space page and poisons it (zaps it under verify_heap).
  void ZapFromSpace();
  // Bump-allocates `bytes` in to-space for the scavenger (no zeroing: the copy overwrites it).
  // Returns 0 when to-space is full.
  uintptr_t AllocateForScavenge(size_t bytes, LinearAllocationArea* lab);
  // Zeroes [lab->top, area_end) of the current page so the mutator can allocate there.
  void ZeroRestOfCurrentPage(const LinearAllocationArea& lab);
  // Sets every to-space page's age mark so that all current objects count as survivors.
  void SetAgeMark(uintptr_t top);
  // Raises the target capacity to min(max, 2 * target) pages (committed later by NextPage).
  // Returns true if the target grew.
  bool Grow();
  // Only outside a scavenge (from-space empty). Returns true if it shrank.
  bool ShrinkToInitialCapacity();
  // The growth rule (header comment). `survived_bytes`: bytes the scavenge copied or promoted.
  // Returns true if the capacity changed.
  bool GrowAfterScavenge(size_t survived_bytes);
  // Before a scavenge: every object in to-space counts as having survived once (promote all).
  void AgeAllObjects();
  // After a scavenge: the fast promotion decision for the next one (header comment).
  // `survived_bytes`: bytes the scavenge copied or promoted; `threshold_percent` 0 = off.
  void UpdateFastPromotionMode(size_t survived_bytes, int threshold_percent);
  bool fast_promotion_mode() const { return fast_promotion_mode_; }
  // Survivors of the last scavenge as a percentage of the capacity it ran with.
  size_t last_survival_percent() const { return last_survival_percent_; }

  static constexpr uintptr_t kZapValue = 0xdbdbdbdbdbdbdbdb;

  const std::vector<Page*>& to_pages() const { return to_pages_; }
  const std::vector<Page*>& from_pages() const { return from_pages_; }
  size_t current_page_index() const { return current_page_; }
  // The target capacity: what allocation may fill before a scavenge (committed on demand).
  size_t capacity() const { return target_pages_ * (kPageSize - kPageHeaderSize); }
  size_t committed_capacity() const { return to_pages_.size() * (kPageSize - kPageHeaderSize); }
  size_t max_capacity() const { return max_pages_ * (kPageSize - kPageHeaderSize); }
  size_t committed() const { return (to_pages_.size() + from_pages_.size()) * kPageSize; }
  // Bytes of objects in to-space (garbage included until the next scavenge).
  size_t Size() const;
  size_t Available() const { return capacity() - Size(); }

  template <typename F>
  void ForEachObject(F&& f) {
    for (size_t i = 0; i <= current_page_ && i < to_pages_.size(); ++i) to_pages_[i]->ForEachObject(f);
  }

 private:
  Page* NewSemiSpacePage(uintptr_t space_flag);
  // Commits one more to-space and one more from-space page (both empty).
  void AddPagePair();
  // Moves `lab` onto the next to-space page without zeroing it. False if there is none.
  bool NextPage(LinearAllocationArea* lab);

  Heap* heap_;
  std::vector<Page*> to_pages_;
  std::vector<Page*> from_pages_;
  size_t current_page_ = 0;
  size_t initial_pages_;
  size_t max_pages_;
  size_t target_pages_;  // to_pages_.size() <= target_pages_ <= max_pages_
  size_t survived_since_resize_ = 0;
  bool fast_promotion_mode_ = false;
  size_t last_survival_percent_ = 0;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_NEW_SPACE_H_
