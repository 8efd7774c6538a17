// Copyright the tenure authors.
// large-object-space.h — objects larger than kMaxRegularObjectSize, one per chunk.
//
// INVARIANTS:
//  * Each chunk is a multiple of 256 KiB, aligned to 256 KiB, flagged kPageLarge plus kPageYoung
//    (new_large_object_space) or kPageOld (large_object_space), and holds exactly one object at
//    area_start; top = object end.
//  * Young large objects are never copied: a scavenge that finds one alive moves its chunk to the
//    old large-object space (V8 §1.4); dead ones are unmapped.
#ifndef TENURE_SRC_HEAP_LARGE_OBJECT_SPACE_H_
#define TENURE_SRC_HEAP_LARGE_OBJECT_SPACE_H_

#include <cstddef>
#include <vector>

#include "page.h"
#include "tenure/heap.h"

namespace tenure::internal {

class LargeObjectSpace {
 public:
  LargeObjectSpace(Heap* heap, bool young) : heap_(heap), young_(young) {}
  ~LargeObjectSpace();

  // Maps a chunk for one object of `bytes`; returns the (zeroed) object address.
  uintptr_t Allocate(size_t bytes);
  // Moves `page` from this space into `target` (flags updated).
  void TransferPage(Page* page, LargeObjectSpace* target);
  void FreePage(Page* page);

  const std::vector<Page*>& pages() const { return pages_; }
  size_t size_of_objects() const { return size_of_objects_; }
  size_t committed() const { return committed_; }

  template <typename F>
  void ForEachObject(F&& f) {
    for (Page* p : pages_) f(p->FirstObject());
  }

 private:
  void Add(Page* page);
  void Remove(Page* page);

  Heap* heap_;
  bool young_;
  std::vector<Page*> pages_;
  size_t size_of_objects_ = 0;
  size_t committed_ = 0;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_LARGE_OBJECT_SPACE_H_
