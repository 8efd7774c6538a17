// Copyright the tenure authors.
// new-space.h — the young generation's two semispaces.
//
// INVARIANTS:
//  * Each semispace is a list of `capacity_pages` 256 KiB pages, mapped and touched once and kept
//    for the life of the heap (never unmapped or madvised; V8 §1.3 growth only).
//  * Outside a scavenge, all young objects are in to-space pages [0, current_page]; pages after the
//    current one are empty (top == area_start). The mutator's linear allocation area lies inside
//    the current page, between its recorded top and area_end.
//  * From-space pages are entirely zero outside a scavenge (poisoned under ASan).
//  * Age mark: an object at address a on to-space page p survived one scavenge iff
//    a < p->age_mark(). Objects below the age mark are promoted by the next scavenge (V8 §1.5).
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
  // Records lab->top as the current page's top and moves the area to the next to-space page.
  // Returns false (lab unchanged apart from the recorded top) if to-space is full.
  bool AdvancePage(LinearAllocationArea* lab);
  // Records the allocation top of the current page (makes the space iterable).
  void SyncTop(uintptr_t top) { to_pages_[current_page_]->set_top(top); }

  // Scavenge support: swaps the semispaces. To-space becomes empty (already zeroed).
  void Flip();
  // Zeroes and poisons every from-space page after a scavenge.
  void ZapFromSpace();
  // Bump-allocates `bytes` in to-space for the scavenger. Returns 0 when to-space is full.
  uintptr_t AllocateForScavenge(size_t bytes, LinearAllocationArea* lab);
  // Sets every to-space page's age mark so that all current objects count as survivors.
  void SetAgeMark(uintptr_t top);
  // Grows both semispaces to min(max, 2 * capacity) pages. Returns true if it grew.
  bool Grow();

  static bool ShouldBePromoted(const HeapObject* object) {
    return reinterpret_cast<uintptr_t>(object) < Page::FromAddress(object)->age_mark();
  }

  const std::vector<Page*>& to_pages() const { return to_pages_; }
  const std::vector<Page*>& from_pages() const { return from_pages_; }
  size_t current_page_index() const { return current_page_; }
  size_t capacity() const { return to_pages_.size() * (kPageSize - kPageHeaderSize); }
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

  Heap* heap_;
  std::vector<Page*> to_pages_;
  std::vector<Page*> from_pages_;
  size_t current_page_ = 0;
  size_t max_pages_;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_NEW_SPACE_H_
