// Copyright the tenure authors.
// sweeper.h — lazy sweeping of old-space pages after a full GC (V8 §2.2 "lazy/concurrent sweeping",
// single-threaded here: sweeping runs on demand and in allocation-driven steps).
//
// INVARIANTS:
//  * A page is "pending" iff it carries kPageSweepPending; then it is in old space, is listed in
//    pending_, and its objects still carry the mark bits of the last full GC: marked objects are
//    live, unmarked objects (and old fillers) are dead and may point to freed memory. Pending pages
//    have no free-list entries; their live bytes are exact (page->live_bytes()).
//  * Nothing reads a dead object of a pending page, with one exception: heap walks
//    (Heap::IterateObjects) finish sweeping first, the compactor's pointer update visits only
//    roots, slots recorded in marked hosts and evacuated copies (mark-compact.h), the verifier skips unmarked objects there (except check 5). The exception
//    is a remembered-set bit that lies in a dead object: the full GC filtered the sets so that such
//    a bit's slot points to a live young object (remembered-set.h, "Where a bit may lie"); a
//    scavenge reads and updates it like a live slot (or drops it), and sweeping the page clears it.
//    So pages with old->new slots become pending like the others.
//  * Marking never starts while pages are pending (their mark bits would read as "already marked"):
//    a full GC and the start of incremental marking call EnsureCompleted() first.
//  * Sweeping a page: dead runs become fillers + free-list entries, their remembered-set bits are
//    cleared, mark bits are cleared; a page with no live bytes is released.
//  * Releasing a page: it is unlinked from old space at once (space sizes and the heap limit see
//    it gone) and queued in to_release_; Page::Free (return to the page pool, or munmap) runs in
//    later allocation steps and in EnsureCompleted(). Nothing reads a queued page: it holds only
//    dead objects (or forwarding pointers of an evacuated candidate). V8 unmaps on a background
//    thread (its Unmapper); munmap of a populated 256 KiB page cost ~0.3 ms on the reference VM,
//    which made releasing ~400 pages 130 ms of a full-GC pause.
#ifndef TENURE_SRC_HEAP_SWEEPER_H_
#define TENURE_SRC_HEAP_SWEEPER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "tenure/heap.h"

namespace tenure::internal {

// Walks [start, end) (an iterable object area: objects and fillers) and calls
// on_dead(run_start, run_end) for every maximal run of unmarked objects; marked objects are
// unmarked and their sizes summed into *live_bytes. Shared by the full GC's in-pause sweep
// (mark-compact.cc) and lazy sweeping (sweeper.cc).
template <typename OnDead>
void SweepRange(uintptr_t start, uintptr_t end, size_t* live_bytes, OnDead&& on_dead) {
  uintptr_t a = start;
  uintptr_t run = 0;
  while (a < end) {
    HeapObject* object = reinterpret_cast<HeapObject*>(a);
    const size_t size = object->Size();
    const uintptr_t header = object->raw_header();
    if (header & HeapObject::kMarkBit) {
      if (run != 0) on_dead(run, a);
      run = 0;
      object->set_raw_header(header & ~HeapObject::kMarkBit);
      *live_bytes += size;
    } else if (run == 0) {
      run = a;
    }
    a += size;
  }
  if (run != 0) on_dead(run, end);
}

class Page;

class Sweeper {
 public:
  explicit Sweeper(Heap* heap) : heap_(heap) {}
  ~Sweeper();  // frees the queued pages (the page pool outlives the sweeper)

  // Sweeps `page` (an old page with valid mark bits, not pending) right now. Returns its live
  // bytes; a page without live bytes is unlinked and released (then 0 is returned).
  size_t SweepPageNow(Page* page);
  // Makes `page` (with live bytes) pending (called by the full GC at the end of its pause).
  void AddPendingPage(Page* page);

  // Queues `page` (unlinked from its space, nothing live on it) for Page::Free after the pause.
  void ReleasePageLater(Page* page) { to_release_.push_back(page); }

  bool sweeping_in_progress() const { return !pending_.empty() || !to_release_.empty(); }
  size_t pending_pages() const { return pending_.size(); }
  size_t pages_to_release() const { return to_release_.size(); }

  // Frees up to 2 * `max_pages` queued pages, then sweeps at most `max_pages` pending pages.
  // Returns the number swept.
  size_t SweepPages(size_t max_pages);
  // Sweeps pending pages until the old-space free list holds at least `bytes` or none is left.
  void SweepForAllocation(size_t bytes);
  // Sweeps every pending page and frees every queued page.
  void EnsureCompleted();
  // Frees every queued page now (they go back to the page pool) without sweeping; returns how
  // many. The page pool's reclaim hook (page-pool.h) calls it before mapping fresh memory.
  size_t ReleaseQueuedPages();

  size_t swept_pages_total() const { return swept_pages_total_; }
  double sweeping_ms_total() const { return sweeping_ms_total_; }
  // Sweeping time since the previous call (the heap-growing controller counts it as GC time).
  double TakeSweepingMsSinceLastCall() {
    const double ms = sweeping_ms_total_ - sweeping_ms_taken_;
    sweeping_ms_taken_ = sweeping_ms_total_;
    return ms;
  }

 private:
  void SweepPendingPage(Page* page);

  Heap* heap_;
  std::vector<Page*> pending_;
  std::vector<Page*> to_release_;
  size_t swept_pages_total_ = 0;
  double sweeping_ms_total_ = 0;
  double sweeping_ms_taken_ = 0;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_SWEEPER_H_
