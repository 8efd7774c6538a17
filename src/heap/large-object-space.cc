// Copyright the tenure authors.
#include "large-object-space.h"

#include <algorithm>

namespace tenure::internal {

LargeObjectSpace::~LargeObjectSpace() {
  for (Page* p : pages_) Page::Free(p);
}

uintptr_t LargeObjectSpace::Allocate(size_t bytes) {
  const size_t chunk = (kPageHeaderSize + bytes + kPageSize - 1) & ~kPageAlignmentMask;
  const uintptr_t flags = kPageLarge | (young_ ? kPageYoung : kPageOld);
  Page* page = Page::Allocate(heap_, chunk, flags, /*touch=*/true);
  page->set_top(page->area_start() + bytes);
  Add(page);
  return page->area_start();
}

void LargeObjectSpace::Add(Page* page) {
  pages_.push_back(page);
  size_of_objects_ += page->top() - page->area_start();
  committed_ += page->chunk_size();
}

void LargeObjectSpace::Remove(Page* page) {
  pages_.erase(std::find(pages_.begin(), pages_.end(), page));
  size_of_objects_ -= page->top() - page->area_start();
  committed_ -= page->chunk_size();
}

void LargeObjectSpace::TransferPage(Page* page, LargeObjectSpace* target) {
  Remove(page);
  page->ClearFlags(kPageYoung | kPageOld | kPageSurvivedScavenge);
  page->SetFlags(target->young_ ? kPageYoung : kPageOld);
  target->Add(page);
}

void LargeObjectSpace::FreePage(Page* page) {
  Remove(page);
  Page::Free(page);
}

}  // namespace tenure::internal
