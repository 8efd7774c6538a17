// Copyright the tenure authors.
// page.h — 256 KiB pages and large-object chunks.
//
// INVARIANTS:
//  * Every chunk is mapped at an address aligned to kPageSize (256 KiB), so the header of the page
//    holding an object is `address & ~(kPageSize - 1)` (Page::FromAddress). Regular pages are
//    exactly kPageSize; a large-object chunk is a multiple of it and holds one object that starts
//    at area_start() (inside the first 256 KiB).
//  * The first two words of a page are ChunkHeaderPrefix (flags, heap) so inline code in the public
//    headers (write barrier, Heap::InYoungGeneration) can read them.
//  * Exactly one of kPageYoung / kPageOld is set. Semispace pages additionally carry exactly one of
//    kPageFromSpace / kPageToSpace. Large chunks carry kPageLarge.
//  * Objects occupy [area_start, top); walking them by HeapObject::Size() ends exactly at top.
//    Old pages: top == area_end (gaps are filler objects). New-space pages: top is the allocation
//    top (nothing is formatted above it and that memory reads as zero).
//  * live_bytes is only meaningful between marking and the end of a full GC.
//  * A page's space can change in place: young large chunks move to old large-object space, and a
//    fast-promotion scavenge turns used to-space pages into old-space pages (scavenger.h "Page
//    moving": flags switched, the tail above top formatted as a filler, top := area_end). The
//    address of every object on it stays the same.
#ifndef TENURE_SRC_HEAP_PAGE_H_
#define TENURE_SRC_HEAP_PAGE_H_

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

#include "cage.h"
#include "page-pool.h"
#include "remembered-set.h"
#include "tenure/heap.h"
#include "tenure/object.h"
#include "tenure/write-barrier.h"

namespace tenure::internal {

inline constexpr size_t kPageHeaderSize = 256;

class Page {
 public:
  // A new chunk of `chunk_size` bytes (a multiple of kPageSize), aligned to kPageSize. Regular
  // pages come from the heap's PagePool (resident; the area reads as zero unless `contents` is
  // kUninitialized, page-pool.h); large chunks are runs the PagePool carves from pooled chunks
  // or maps fresh, always resident (`touch` is kept for callers; it no longer changes anything).
  static Page* Allocate(Heap* heap, size_t chunk_size, uintptr_t flags, bool touch,
                        PageContents contents = PageContents::kZeroed);
  // Regular pages go back to the heap's PagePool (still mapped and resident); large chunks go back
  // as a run (pooled as far as the pool's bound allows, the rest unmapped).
  static void Free(Page* page);

  static Page* FromAddress(const void* address) {
    return reinterpret_cast<Page*>(reinterpret_cast<uintptr_t>(address) & ~kPageAlignmentMask);
  }

  uintptr_t flags() const { return prefix_.flags; }
  bool IsFlagSet(uintptr_t flag) const { return (prefix_.flags & flag) != 0; }
  void SetFlags(uintptr_t flags) { prefix_.flags |= flags; }
  void ClearFlags(uintptr_t flags) { prefix_.flags &= ~flags; }
  Heap* heap() const { return prefix_.heap; }

  uintptr_t address() const { return reinterpret_cast<uintptr_t>(this); }
  size_t chunk_size() const { return chunk_size_; }
  uintptr_t area_start() const { return address() + kPageHeaderSize; }
  uintptr_t area_end() const { return address() + chunk_size_; }
  size_t area_size() const { return area_end() - area_start(); }
  bool ContainsAddress(uintptr_t a) const { return a >= area_start() && a < area_end(); }

  uintptr_t top() const { return top_; }
  void set_top(uintptr_t top) { top_ = top; }
  uintptr_t age_mark() const { return age_mark_; }
  void set_age_mark(uintptr_t mark) { age_mark_ = mark; }

  size_t live_bytes() const { return live_bytes_; }
  void set_live_bytes(size_t bytes) { live_bytes_ = bytes; }
  void IncrementLiveBytes(size_t bytes) { live_bytes_ += bytes; }

  SlotSet& slot_set() { return slot_set_; }
  CompressedSlotSet& compressed_slot_set() { return compressed_slot_set_; }
  // The old->new set for slots of type S (remembered-set.h).
  template <typename S>
  BasicSlotSet<S>& slot_set_for() {
    if constexpr (std::is_same_v<S, CompressedValue>) {
      return compressed_slot_set_;
    } else {
      return slot_set_;
    }
  }
  bool HasOldToNewSlots() const { return !slot_set_.IsEmpty() || !compressed_slot_set_.IsEmpty(); }
  // Bytes of this chunk that have been touched (resident); we touch whole chunks, so it's all.
  size_t committed() const { return chunk_size_; }

  HeapObject* FirstObject() const { return reinterpret_cast<HeapObject*>(area_start()); }

  // Calls f(HeapObject*) for every object in [area_start, top), fillers included.
  template <typename F>
  void ForEachObject(F&& f) {
    uintptr_t a = area_start();
    const uintptr_t end = top_;
    while (a < end) {
      HeapObject* object = reinterpret_cast<HeapObject*>(a);
      const size_t size = object->Size();
      f(object);
      a += size;
    }
  }

 private:
  Page(Heap* heap, size_t chunk_size, uintptr_t flags);
  ~Page() = default;

  ChunkHeaderPrefix prefix_;  // must stay first (write-barrier.h)
  size_t chunk_size_;
  uintptr_t top_;
  uintptr_t age_mark_;
  size_t live_bytes_ = 0;
  SlotSet slot_set_;
  CompressedSlotSet compressed_slot_set_;
};

static_assert(sizeof(Page) <= kPageHeaderSize, "page header must fit in kPageHeaderSize");

// Maps `size` bytes aligned to `alignment`; aborts with a message on failure. With `populate` the
// kernel pre-faults the whole range in one call (MAP_POPULATE): on the reference VM under load,
// touching 64 MB 4 KiB at a time took 1.9-2.5 s wall (270 ms CPU), MAP_POPULATE per 256 KiB
// 120-180 ms (docs/heap.md section 14).
// With a `cage` (cage.h) the range is taken from it (every heap's pages are); without one it is a
// plain mapping (stand-alone page pools in tests).
void* MapAligned(size_t size, size_t alignment, bool populate, Cage* cage = nullptr);
void Unmap(void* address, size_t size, Cage* cage = nullptr);

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_PAGE_H_
