// Copyright the tenure authors.
// new-space.h — the young generation's two semispaces.
//
// INVARIANTS:
//  * Pages, not fixed semispaces. Outside a scavenge new space owns to-space pages [0, n) with
//    n <= target capacity (initial <= target <= maximum), no from-space pages, and a reserve of
//    empty resident pages (free_pages_). To-space pages are committed on demand: NextPage takes the
//    next page from the reserve, else from the heap's PagePool, when allocation (the mutator's, or
//    the scavenger's copies) runs past the last one, up to the target. Flip turns every to-space
//    page into from-space and starts an empty to-space with one page; after the scavenge the
//    from-space pages join the reserve. So new space holds capacity + largest survivor volume
//    (C + S), not 2 x C: the mutator refills to-space with the pages the last scavenge emptied.
//    Growth only raises the target (no page is touched inside the scavenge that decides it).
//    Start-up fills the reserve with 2 x initial pages (what two initial semispaces held).
//    ShrinkToInitialCapacity returns the reserve and the empty to-space pages to the PagePool.
//    Pages are never zeroed when taken: see "Zeroing" below.
//  * Sizing: GrowAfterScavenge doubles the target capacity when the bytes surviving scavenges
//    since the last resize exceed the capacity (V8 §1.3). ShrinkToInitialCapacity (memory-reducing
//    full GCs, Heap::CollectAllAvailableGarbage) drops the pages above max(initial, pages in use).
//    Survival-rate driven shrinking after ordinary scavenges was measured and rejected
//    (docs/heap.md §4, §15).
//  * Growth ceiling (docs/heap.md sections 28, 31): Grow never raises the target above max(initial,
//    growth ceiling). The heap sets the ceiling before each resize decision to GrowthCeiling(): the
//    largest of HeapConfig::high_survival_semi_space_size, the old generation's headroom
//    (allocation limit - size of its objects) / kOldHeadroomPerSemiSpace (2) and
//    kSurvivorRoomPerSemiSpace x the bytes that scavenge copied or promoted. New space keeps at
//    most capacity + survivors <= 2 x capacity resident, so with the headroom term alone the old
//    generation's objects plus the young generation stay within the old-generation limit, the
//    footprint the heap already accepts before its next mark-compact. V8 derives the semispace size
//    from the old generation's size too (YoungGenerationSizeFromOldGenerationSize: semi = max old /
//    128 or / 256, v8-memory.md 1.2); tenure uses the current limit and size, so a small heap keeps
//    a small nursery (GCBench: 7 MB of old objects under a 12 MiB limit, ceiling 4 MiB; its d16
//    phase had grown to 17 MB of new space) while a heap with room lets the nursery grow (C++
//    binary-trees: 12.3 MB under a 48 MiB limit, ceiling 16 MiB, so its 12.6 MB depth-18 trees die
//    young; section 28's limit / 4 held it at 12 MiB and promoted 23 MB of them). The survivor term
//    lets a structure under construction that fills half the nursery still grow it. Only growth is
//    bounded: a target above the ceiling (reached earlier, or given back by the high-survival cap)
//    is not shrunk.
//  * High-survival cap (ResizeAfterScavenge, docs/heap.md section 18): when the last scavenge's
//    survivors were at least HighSurvivalCap::survival_percent of the capacity (and below
//    kHighSurvivalCapMaxPercent = 80: a nursery that is nearly all live is growing a structure,
//    and growth lets it reach fast promotion, whose page moves cost O(pages)), the target is
//    held at (or shrunk back to) max(initial, cap, pages in use) instead of following the growth
//    rule, so the survivors a scavenge copies stay bounded by the cap. With a survivor budget
//    (HighSurvivalCap::survivor_budget, docs/heap.md section 21) the cap is also at most
//    budget * 100 / last survival percent (HighSurvivalCapPages), so the expected survivors of
//    the next scavenge stay about the budget; never below the initial capacity. Shrinking returns the empty
//    to-space pages above the target and the reserve pages beyond the target to the PagePool, so
//    to-space pages <= target and reserve pages <= target still hold. Below the survival
//    threshold the growth rule applies again. When the scavenge turns fast promotion mode on and
//    the heap moves pages in that mode (HighSurvivalCap::release_in_fast_promotion), the target
//    the cap took away is given back: page moving costs O(pages), and a capped nursery would
//    only multiply the page-moving scavenges (message-buffer.js: 29 -> 78 scavenges). The first
//    scavenge after a shrink never turns fast promotion on and keeps the cap: it promotes the
//    survivors of the larger nursery, which measured against the capped capacity look like
//    >= 80-90% survival.
//  * Outside a scavenge, all young objects are in to-space pages [0, current_page]; pages after the
//    current one are empty (top == area_start). The mutator's linear allocation area lies inside
//    the current page, between its recorded top and area_end.
//  * Zeroing is lazy (no from-space zapping in the scavenge pause): memory Heap::Allocate hands
//    out reads as zero because the heap zeroes the rest of the allocation area — after the
//    mutator's area moved onto a page (AdvancePage does not zero) or a GC moved it (the scavenger
//    leaves the rest of its last to-space page as it was) — before the first zeroing allocation
//    there (Heap::AllocateYoungSlow / PerformGC; docs/heap.md sections 15.2, 23).
//    Heap::AllocateUninitialized skips that: a mutator that only allocates that way never zeroes. In the current page the memory
//    above the heap's zeroed limit may hold stale bytes, as may to-space pages after the current
//    one, reserve pages and from-space pages (the scavenger overwrites what it copies, and nothing
//    reads above a page's top).
//  * Reserve pages (former from-space) are poisoned under ASan; with HeapConfig::verify_heap the
//    used part of each from-space page is filled with kZapValue before it joins the reserve, so a
//    stale pointer into it fails loudly.
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
//  * Page moving (HeapConfig::fast_promotion_move_pages, docs/heap.md section 17): a fast-promotion
//    scavenge may hand every used to-space page to old space instead of copying
//    (TakePagesForPromotion; scavenger.h EvacuateYoungGeneration). The moved bytes count as
//    survivors (V8 counts the moved pages as promoted), so the mode stays on while new space
//    fills with live data; the full GC that follows checks the last moved batch's live bytes
//    (CheckPageMoveAfterFullGC) and turns the mode off if less than the threshold survived.
//    Any copying scavenge forgets the batch (its own byte counts decide).
//  * Moved bytes of unknown liveness: every page-moving scavenge adds its bytes to
//    moved_bytes_since_full_gc(); every full GC resets it (CheckPageMoveAfterFullGC). Moving
//    promotes whole nurseries on the evidence that they were live *while being built*; once the
//    mode has ended (survival fell) whether they are still live is a question only marking can
//    answer, so the heap starts incremental marking early when those bytes are a large share of
//    the old generation (PageMovesNeedMarking; docs/heap.md section 15.1): GCBench's
//    16.8 MB stretch tree dies right after its last move and otherwise stayed in old space
//    until the end of the run while new space grew into fresh memory.
//    While the mode stays on (the moved bytes count as survivors, so it lasts until a full GC),
//    the heap also starts marking once the bytes moved since the last full GC reach
//    max(kMinPageMoveBytesInModeForMarking, the old generation's live size after that GC):
//    gcbench.js's short-lived trees otherwise moved every nursery, garbage included, into old
//    space until the old-generation limit (96.6 -> 21.5 MB at that full GC). Tied to the live
//    size, the checks are geometric while an all-live structure is being built (each one at
//    most doubles the live size it is measured against); docs/heap.md section 17.1.
//  * Page tail reserve: allocation areas on new-space pages (the mutator's and the scavenger's)
//    end kPageTailReserve bytes before area_end, so every new-space page has at least 16 bytes
//    above its top. A moved page's tail can then always hold a filler (objects are >= 16 bytes;
//    an 8-byte hole could not be formatted). Checked by the heap verifier.
#ifndef TENURE_SRC_HEAP_NEW_SPACE_H_
#define TENURE_SRC_HEAP_NEW_SPACE_H_

#include <cstddef>
#include <cstdint>
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
  // page, which it does not zero (the heap does, header comment). Returns false (lab unchanged apart from the recorded top) if
  // to-space is full.
  bool AdvancePage(LinearAllocationArea* lab);
  // Records the allocation top of the current page (makes the space iterable).
  void SyncTop(uintptr_t top) { to_pages_[current_page_]->set_top(top); }

  // Scavenge support: every to-space page becomes from-space; to-space restarts with one empty
  // page (not zeroed: see above).
  void Flip();
  // After a scavenge: empties every from-space page, poisons it (zaps it under verify_heap) and
  // moves it to the reserve.
  void ZapFromSpace();
  // Bump-allocates `bytes` in to-space for the scavenger (no zeroing: the copy overwrites it).
  // Returns 0 when to-space is full.
  uintptr_t AllocateForScavenge(size_t bytes, LinearAllocationArea* lab);
  // Sets every to-space page's age mark so that all current objects count as survivors.
  void SetAgeMark(uintptr_t top);
  // Raises the target capacity to min(max, 2 * target) pages (committed later by NextPage).
  // Returns true if the target grew.
  bool Grow();
  // Only outside a scavenge. Target := max(initial, pages in use); the reserve and the empty
  // to-space pages go back to the PagePool. Returns true if the target shrank.
  bool ShrinkToInitialCapacity();
  // The growth rule (header comment). `survived_bytes`: bytes the scavenge copied or promoted.
  // Returns true if the capacity changed.
  bool GrowAfterScavenge(size_t survived_bytes);
  // The growth ceiling in bytes (header comment); SIZE_MAX (the default) = none.
  void set_growth_ceiling(size_t bytes) { growth_ceiling_pages_ = bytes / kPageSize; }
  // What the heap's growth ceiling is computed from (header comment "Growth ceiling"), in bytes.
  struct GrowthCeilingInputs {
    size_t floor = 0;                 // HeapConfig::high_survival_semi_space_size
    size_t old_generation_limit = 0;  // the old generation's allocation limit
    size_t old_generation_size = 0;   // the size of its objects now
    size_t survived = 0;              // bytes the last scavenge copied or promoted
  };
  // max(floor, headroom / kOldHeadroomPerSemiSpace, kSurvivorRoomPerSemiSpace x survived), where
  // headroom = limit - size (0 when the old generation is at or above its limit).
  static size_t GrowthCeiling(const GrowthCeilingInputs& in);
  // 2: capacity + survivors (<= 2 x capacity) fit in the old generation's headroom.
  static constexpr size_t kOldHeadroomPerSemiSpace = 2;
  // At least this many times the bytes the last scavenge copied or promoted, so a structure
  // under construction that fills half the nursery can still grow it (header comment).
  static constexpr size_t kSurvivorRoomPerSemiSpace = 2;
  // After a copying scavenge (call UpdateFastPromotionMode first: it sets the survival percent):
  // the growth rule, or the high-survival cap when the survival percent reached
  // `cap.survival_percent` (header comment). Returns true if the capacity changed.
  struct HighSurvivalCap {
    int survival_percent = 0;  // 0 = no cap
    size_t capacity = 0;       // bytes, rounded up to pages
    bool release_in_fast_promotion = false;  // HeapConfig::fast_promotion_move_pages
    // HeapConfig::high_survival_survivor_budget: when > 0 the cap is at most budget / survival
    // rate (expected survivors per scavenge <= budget), never below the initial capacity.
    size_t survivor_budget = 0;
  };
  // The capped capacity in pages for the last survival percent (header comment).
  size_t HighSurvivalCapPages(const HighSurvivalCap& cap) const;
  bool ResizeAfterScavenge(size_t survived_bytes, const HighSurvivalCap& cap);
  // Above this survival percent the cap does not apply (header comment). message-buffer.js kept
  // at 4 MiB ran 100 copying scavenges at 81-84% survival where a 16 MiB nursery reached the 90%
  // fast promotion threshold and moved pages (29 scavenges).
  static constexpr size_t kHighSurvivalCapMaxPercent = 80;
  // Before a scavenge: every object in to-space counts as having survived once (promote all).
  void AgeAllObjects();
  // After a scavenge: the fast promotion decision for the next one (header comment).
  // `survived_bytes`: bytes the scavenge copied or promoted; `threshold_percent` 0 = off.
  void UpdateFastPromotionMode(size_t survived_bytes, int threshold_percent);
  bool fast_promotion_mode() const { return fast_promotion_mode_; }
  // Survivors of the last scavenge as a percentage of the capacity it ran with.
  size_t last_survival_percent() const { return last_survival_percent_; }

  // Fast promotion by page moving (header comment). Precondition: SyncTop was called. Returns every
  // to-space page that holds objects (flags unchanged: the caller converts them to old pages);
  // empty to-space pages join the reserve; to-space restarts with one page (reserve first, then
  // the PagePool; not zeroed, see "Zeroing") and the age mark at its start. The caller resets the
  // mutator's LAB.
  std::vector<Page*> TakePagesForPromotion();
  // The batch a page-moving scavenge moved (`bytes` of objects), for CheckPageMoveAfterFullGC.
  void RecordPageMove(const std::vector<Page*>& pages, size_t bytes);
  void ForgetPageMove() { moved_pages_.clear(); moved_bytes_ = 0; }
  // Page-moving scavenges so far (tests and statistics).
  size_t page_move_count() const { return page_move_count_; }
  // After a full GC: if the last moved batch's live bytes (pages of it no longer in `old_pages`
  // count as dead) are below `threshold_percent` of what was moved, fast promotion mode ends.
  // Forgets the batch. Returns true if the mode was turned off.
  bool CheckPageMoveAfterFullGC(const std::vector<Page*>& old_pages, int threshold_percent);
  // Bytes page-moving scavenges moved since the last full GC (header comment).
  size_t moved_bytes_since_full_gc() const { return moved_since_full_gc_; }
  // True when the heap should start incremental marking to find out whether the bytes moved since
  // the last full GC are still live (header comment): with fast promotion mode off, when they are
  // at least kMinPageMoveBytesForMarking and a quarter of `old_generation_bytes`; with the mode
  // on, when they are at least kMinPageMoveBytesInModeForMarking and `live_after_last_full_gc`
  // (the old generation's size after the last full GC; 0 before the first one).
  bool PageMovesNeedMarking(size_t old_generation_bytes, size_t live_after_last_full_gc = 0) const;
  static constexpr size_t kMinPageMoveBytesForMarking = 4 * MB;
  // The default initial old-generation limit (config.h): before the first full GC the ordinary
  // limit asks no earlier.
  static constexpr size_t kMinPageMoveBytesInModeForMarking = 8 * MB;
  // Where allocation areas on `page` end (page tail reserve, header comment).
  static uintptr_t AllocationLimit(const Page* page) { return page->area_end() - kPageTailReserve; }

  static constexpr size_t kPageTailReserve = 16;
  static constexpr uintptr_t kZapValue = 0xdbdbdbdbdbdbdbdb;

  const std::vector<Page*>& to_pages() const { return to_pages_; }
  const std::vector<Page*>& from_pages() const { return from_pages_; }
  size_t current_page_index() const { return current_page_; }
  // The target capacity: what allocation may fill before a scavenge (committed on demand).
  size_t capacity() const { return target_pages_ * (kPageSize - kPageHeaderSize); }
  size_t committed_capacity() const { return to_pages_.size() * (kPageSize - kPageHeaderSize); }
  size_t max_capacity() const { return max_pages_ * (kPageSize - kPageHeaderSize); }
  size_t committed() const {
    return (to_pages_.size() + from_pages_.size() + free_pages_.size()) * kPageSize;
  }
  // Empty resident pages waiting to become to-space (former from-space; header comment).
  const std::vector<Page*>& reserve_pages() const { return free_pages_; }
  // Bytes of objects in to-space (garbage included until the next scavenge).
  size_t Size() const;
  size_t Available() const { return capacity() - Size(); }

  template <typename F>
  void ForEachObject(F&& f) {
    for (size_t i = 0; i <= current_page_ && i < to_pages_.size(); ++i) to_pages_[i]->ForEachObject(f);
  }

 private:
  // An empty to-space page from the reserve or the PagePool (header comment).
  Page* TakePage();
  // Only outside a scavenge: target := max(pages, pages in use); the empty to-space pages above
  // it and the reserve pages beyond it go back to the PagePool. True if the target shrank.
  bool ShrinkTo(size_t pages);
  // Moves `lab` onto the next to-space page without zeroing it. False if there is none.
  bool NextPage(LinearAllocationArea* lab);

  Heap* heap_;
  std::vector<Page*> to_pages_;
  std::vector<Page*> from_pages_;  // empty outside a scavenge
  std::vector<Page*> free_pages_;  // the reserve: resident, empty, poisoned
  size_t current_page_ = 0;
  size_t initial_pages_;
  size_t max_pages_;
  size_t target_pages_;  // to_pages_.size() <= target_pages_ <= max_pages_
  size_t growth_ceiling_pages_ = SIZE_MAX / kPageSize;  // header comment: "Growth ceiling"
  size_t survived_since_resize_ = 0;
  size_t uncapped_pages_ = 0;  // the target before the high-survival cap shrank it (0: none)
  bool just_capped_ = false;   // the last ResizeAfterScavenge shrank to the cap
  bool fast_promotion_mode_ = false;
  std::vector<Page*> moved_pages_;  // the last page-moving scavenge's batch (header comment)
  size_t moved_bytes_ = 0;
  size_t page_move_count_ = 0;
  size_t moved_since_full_gc_ = 0;  // header comment: "Moved bytes of unknown liveness"
  size_t last_survival_percent_ = 0;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_NEW_SPACE_H_
