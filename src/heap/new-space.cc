// Copyright the tenure authors.
#include "new-space.h"

#include <algorithm>
#include <cstring>

#include "sanitizer.h"

namespace tenure::internal {

namespace {
size_t PagesFor(size_t bytes) {
  return std::max<size_t>(1, (bytes + kPageSize - 1) / kPageSize);
}
}  // namespace

NewSpace::NewSpace(Heap* heap, size_t initial_semi_space_size, size_t max_semi_space_size)
    : heap_(heap) {
  const size_t initial = PagesFor(initial_semi_space_size);
  initial_pages_ = initial;
  max_pages_ = std::max(initial, PagesFor(max_semi_space_size));
  target_pages_ = initial;
  for (size_t i = 0; i < initial; ++i) AddPagePair();
  // The mutator allocates on to-space page 0 right away: the only page that must start zeroed.
  Page* first = to_pages_[0];
  memset(reinterpret_cast<void*>(first->area_start()), 0, first->area_size());
}

NewSpace::~NewSpace() {
  for (Page* p : to_pages_) Page::Free(p);
  for (Page* p : from_pages_) Page::Free(p);
}

// Semispace pages need no zeroed chunk: from-space is overwritten by copies before anything reads
// it, and a to-space page is zeroed when an allocation area moves onto it (header comment).
Page* NewSpace::NewSemiSpacePage(uintptr_t space_flag) {
  Page* page = Page::Allocate(heap_, kPageSize, kPageYoung | space_flag, /*touch=*/true,
                              PageContents::kUninitialized);
  if (space_flag == kPageFromSpace) {
    PoisonMemory(reinterpret_cast<void*>(page->area_start()), page->area_size());
  }
  return page;
}

void NewSpace::ResetAllocationArea(LinearAllocationArea* lab) {
  Page* page = to_pages_[current_page_];
  lab->top = page->top();
  lab->limit = page->area_end();
}

bool NewSpace::AdvancePage(LinearAllocationArea* lab) {
  if (!NextPage(lab)) return false;
  memset(reinterpret_cast<void*>(lab->top), 0, lab->limit - lab->top);
  return true;
}

void NewSpace::AddPagePair() {
  to_pages_.push_back(NewSemiSpacePage(kPageToSpace));
  from_pages_.push_back(NewSemiSpacePage(kPageFromSpace));
}

bool NewSpace::NextPage(LinearAllocationArea* lab) {
  to_pages_[current_page_]->set_top(lab->top);
  if (current_page_ + 1 >= to_pages_.size()) {
    if (to_pages_.size() >= target_pages_) return false;
    AddPagePair();  // committed growth (Grow): the first touch happens here, not in Grow
  }
  ++current_page_;
  Page* page = to_pages_[current_page_];
  lab->top = page->area_start();
  lab->limit = page->area_end();
  return true;
}

void NewSpace::Flip() {
  std::swap(to_pages_, from_pages_);
  for (Page* p : from_pages_) {
    p->ClearFlags(kPageToSpace);
    p->SetFlags(kPageFromSpace);
  }
  for (Page* p : to_pages_) {
    p->ClearFlags(kPageFromSpace);
    p->SetFlags(kPageToSpace);
    UnpoisonMemory(reinterpret_cast<void*>(p->area_start()), p->area_size());
    p->set_top(p->area_start());
    p->set_age_mark(p->area_start());
  }
  current_page_ = 0;
}

void NewSpace::ZapFromSpace() {
  const bool zap = heap_->config().verify_heap;
  for (Page* p : from_pages_) {
    if (zap) {
      uint64_t* word = reinterpret_cast<uint64_t*>(p->area_start());
      uint64_t* const end = reinterpret_cast<uint64_t*>(p->top());
      for (; word < end; ++word) *word = kZapValue;
    }
    p->set_top(p->area_start());
    p->set_age_mark(p->area_start());
    PoisonMemory(reinterpret_cast<void*>(p->area_start()), p->area_size());
  }
}

uintptr_t NewSpace::AllocateForScavenge(size_t bytes, LinearAllocationArea* lab) {
  while (lab->limit - lab->top < bytes) {
    if (!NextPage(lab)) return 0;
  }
  const uintptr_t result = lab->top;
  lab->top += bytes;
  return result;
}

void NewSpace::ZeroRestOfCurrentPage(const LinearAllocationArea& lab) {
  const uintptr_t end = to_pages_[current_page_]->area_end();
  memset(reinterpret_cast<void*>(lab.top), 0, end - lab.top);
}

void NewSpace::SetAgeMark(uintptr_t top) {
  for (size_t i = 0; i < to_pages_.size(); ++i) {
    Page* p = to_pages_[i];
    if (i < current_page_) {
      p->set_age_mark(p->area_end());
    } else if (i == current_page_) {
      p->set_age_mark(top);
    } else {
      p->set_age_mark(p->area_start());
    }
  }
}

bool NewSpace::Grow() {
  const size_t target = std::min(max_pages_, 2 * target_pages_);
  if (target <= target_pages_) return false;
  target_pages_ = target;  // pages are added by NextPage when allocation reaches them
  return true;
}

bool NewSpace::ShrinkToInitialCapacity() {
  const size_t target = std::max(initial_pages_, current_page_ + 1);
  if (target >= target_pages_) return false;  // to_pages_.size() <= target_pages_ always
  target_pages_ = target;
  while (to_pages_.size() > target) {
    Page::Free(to_pages_.back());
    to_pages_.pop_back();
    Page::Free(from_pages_.back());
    from_pages_.pop_back();
  }
  survived_since_resize_ = 0;
  return true;
}

bool NewSpace::GrowAfterScavenge(size_t survived_bytes) {
  survived_since_resize_ += survived_bytes;
  if (survived_since_resize_ <= capacity()) return false;
  survived_since_resize_ = 0;
  return Grow();
}

void NewSpace::AgeAllObjects() { SetAgeMark(to_pages_[current_page_]->top()); }

void NewSpace::UpdateFastPromotionMode(size_t survived_bytes, int threshold_percent) {
  last_survival_percent_ = survived_bytes * 100 / capacity();
  fast_promotion_mode_ =
      threshold_percent > 0 && last_survival_percent_ >= static_cast<size_t>(threshold_percent);
}

size_t NewSpace::Size() const {
  size_t size = 0;
  for (size_t i = 0; i <= current_page_ && i < to_pages_.size(); ++i) {
    size += to_pages_[i]->top() - to_pages_[i]->area_start();
  }
  return size;
}

}  // namespace tenure::internal
