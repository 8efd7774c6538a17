// Copyright the tenure authors.
// old-space.h — the old generation's paged space.
//
// INVARIANTS:
//  * Pages are regular 256 KiB pages flagged kPageOld; each is iterable from area_start to area_end
//    (top == area_end): every byte belongs to a live object, not-yet-collected garbage, or a filler.
//  * The linear allocation area [lab.top, lab.limit) lies inside one page. It is not formatted and
//    its bytes are unspecified (a recycled page or a free-list block keeps stale bytes): Allocate()
//    serves copies (promotion, evacuation) that overwrite every byte; AllocateZeroed() zeroes the
//    object for the mutator. Not zeroing the LAB keeps a 256 KiB memset per recycled page out of
//    the scavenger's promotion path (docs/heap.md section 14). MakeIterable() turns the unused
//    rest into a free-list entry and empties the LAB. Every GC and every heap walk calls
//    MakeIterable() first.
//  * A LAB never leaves an 8-byte remainder (allocation requires remainder 0 or >= 16).
//  * size_of_objects() = bytes handed out by Allocate() since the last sweep + live bytes found by
//    that sweep.
#ifndef TENURE_SRC_HEAP_OLD_SPACE_H_
#define TENURE_SRC_HEAP_OLD_SPACE_H_

#include <cstddef>
#include <vector>

#include "free-list.h"
#include "page.h"
#include "tenure/heap.h"

namespace tenure::internal {

// The largest factor by which a full GC may set the old generation's limit above its live bytes
// (Heap::UpdateOldGenerationLimit; the mutator-utilization formula picks a factor up to this).
// V8 (heap-controller, v8-memory.md §2.5): 4.0 when the hard limit is >= 2 GiB, else 1.3..2.0
// interpolated over 256 MiB..2 GiB. Deviation (docs/heap.md section 19): with a large hard limit,
// one cycle may add at most max(kMaxFreshRoomBytes, 1.5 x live) above live, i.e. the factor falls
// from 4.0 at 128 MiB live to kMaxLargeLiveGrowingFactor at 256 MiB and above. Every byte the
// limit adds beyond the previous peak is first-touched on the mutator thread (no background page
// preparation here; ~2-5 ms per MB on the reference VM, benchmarks.md §5.1): message-buffer.js grew
// to 1 GB for ~280 MB live. 2.5 keeps the room incremental marking needs (it starts 3/4 of the way
// to the limit and marks 4 bytes per byte allocated: (F - 1) x live before the limit, F >= 2).
inline constexpr size_t kMaxFreshRoomBytes = 384 * MB;
inline constexpr double kMaxLargeLiveGrowingFactor = 2.5;
double MaxOldGenerationGrowingFactor(size_t max_old_space_size, size_t live_bytes);

class OldSpace {
 public:
  explicit OldSpace(Heap* heap) : heap_(heap) {}
  ~OldSpace();

  // Allocates `bytes` (AllocationSize()d) bytes with unspecified contents, for a caller that
  // overwrites all of them (a GC copying an object); adds a page when the free list is empty.
  // Never fails (limits are enforced by Heap, not here).
  uintptr_t Allocate(size_t bytes);
  // Same, zero-filled (mutator allocations: fresh objects read as zero apart from the header).
  uintptr_t AllocateZeroed(size_t bytes);
  // True if Allocate(bytes) is a bump in the current LAB (no free-list or page work).
  bool LabCanHold(size_t bytes) const {
    const size_t remaining = lab_.limit - lab_.top;
    return remaining == bytes || remaining >= bytes + kMinObjectSize;
  }
  // Allocate() when LabCanHold(bytes): the bump alone, inline (pretenured allocation's fast path).
  uintptr_t AllocateInLab(size_t bytes) {
    const uintptr_t result = lab_.top;
    lab_.top += bytes;
    size_of_objects_ += bytes;
    return result;
  }
  // Returns the rest of the LAB to the free list so the space can be walked.
  void MakeIterable();

  // Sweeping support (mark-compact): rebuilds free lists from scratch.
  void ResetFreeList() { free_list_.Reset(); }
  FreeList& free_list() { return free_list_; }
  void RemovePage(Page* page);  // unlinks (does not free) a page
  // Adopts a page a fast-promotion scavenge moved from new space (scavenger.h, "Page moving");
  // `object_bytes` of objects on it count towards size_of_objects().
  void AddPromotedPage(Page* page, size_t object_bytes) {
    pages_.push_back(page);
    size_of_objects_ += object_bytes;
  }
  void set_size_of_objects(size_t bytes) { size_of_objects_ = bytes; }

  const std::vector<Page*>& pages() const { return pages_; }
  size_t size_of_objects() const { return size_of_objects_; }
  size_t committed() const { return pages_.size() * kPageSize; }
  size_t Available() const { return free_list_.available() + (lab_.limit - lab_.top); }

  template <typename F>
  void ForEachObject(F&& f) {
    for (Page* p : pages_) p->ForEachObject(f);
  }

 private:
  bool RefillLab(size_t bytes);

  Heap* heap_;
  std::vector<Page*> pages_;
  FreeList free_list_;
  LinearAllocationArea lab_;
  size_t size_of_objects_ = 0;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_OLD_SPACE_H_
