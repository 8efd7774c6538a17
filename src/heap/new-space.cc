// Copyright the tenure authors.
#include "new-space.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>

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
  // Start-up commits what two semispaces of the initial size used to (benchmarks.md §5.1: fault
  // the young generation in at init, outside the timed work): the first scavenge takes no page.
  for (size_t i = 0; i < 2 * initial; ++i) {
    Page* page = Page::Allocate(heap_, kPageSize, kPageYoung, /*touch=*/true,
                                PageContents::kUninitialized);
    PoisonMemory(reinterpret_cast<void*>(page->area_start()), page->area_size());
    free_pages_.push_back(page);
  }
  // The mutator allocates on to-space page 0 right away: the only page that must start zeroed.
  to_pages_.push_back(TakePage());
  Page* first = to_pages_[0];
  memset(reinterpret_cast<void*>(first->area_start()), 0, first->area_size());
}

NewSpace::~NewSpace() {
  for (Page* p : to_pages_) Page::Free(p);
  for (Page* p : from_pages_) Page::Free(p);
  for (Page* p : free_pages_) Page::Free(p);
}

// An empty to-space page: a reserve page if there is one, else a chunk from the heap's page pool.
// Neither is zeroed: a to-space page is zeroed when an allocation area moves onto it, and the
// scavenger's copies overwrite what they use (header comment).
Page* NewSpace::TakePage() {
  if (free_pages_.empty()) {
    return Page::Allocate(heap_, kPageSize, kPageYoung | kPageToSpace, /*touch=*/true,
                          PageContents::kUninitialized);
  }
  Page* page = free_pages_.back();
  free_pages_.pop_back();
  UnpoisonMemory(reinterpret_cast<void*>(page->area_start()), page->area_size());
  page->SetFlags(kPageToSpace);
  page->set_top(page->area_start());
  page->set_age_mark(page->area_start());
  return page;
}

void NewSpace::ResetAllocationArea(LinearAllocationArea* lab) {
  Page* page = to_pages_[current_page_];
  lab->top = page->top();
  lab->limit = AllocationLimit(page);
}

bool NewSpace::AdvancePage(LinearAllocationArea* lab) { return NextPage(lab); }

bool NewSpace::NextPage(LinearAllocationArea* lab) {
  to_pages_[current_page_]->set_top(lab->top);
  if (current_page_ + 1 >= to_pages_.size()) {
    if (to_pages_.size() >= target_pages_) return false;
    to_pages_.push_back(TakePage());  // committed on demand (header comment)
  }
  ++current_page_;
  Page* page = to_pages_[current_page_];
  lab->top = page->area_start();
  lab->limit = AllocationLimit(page);
  return true;
}

void NewSpace::Flip() {
  from_pages_.swap(to_pages_);  // to_pages_ is now empty (from_pages_ was, outside a scavenge)
  for (Page* p : from_pages_) {
    p->ClearFlags(kPageToSpace);
    p->SetFlags(kPageFromSpace);
  }
  current_page_ = 0;
  to_pages_.push_back(TakePage());
}

void NewSpace::ZapFromSpace() {
  const bool zap = heap_->config().verify_heap;
  for (Page* p : from_pages_) {
    if (zap) {
      uint64_t* word = reinterpret_cast<uint64_t*>(p->area_start());
      uint64_t* const end = reinterpret_cast<uint64_t*>(p->top());
      for (; word < end; ++word) *word = kZapValue;
    }
    p->ClearFlags(kPageFromSpace);
    p->set_top(p->area_start());
    p->set_age_mark(p->area_start());
    PoisonMemory(reinterpret_cast<void*>(p->area_start()), p->area_size());
    free_pages_.push_back(p);
  }
  from_pages_.clear();
}

std::vector<Page*> NewSpace::TakePagesForPromotion() {
  std::vector<Page*> used;
  for (size_t i = 0; i < to_pages_.size(); ++i) {
    Page* p = to_pages_[i];
    if (i <= current_page_ && p->top() > p->area_start()) {
      used.push_back(p);
      continue;
    }
    p->ClearFlags(kPageToSpace);  // empty: back to the reserve, like a former from-space page
    p->set_top(p->area_start());
    p->set_age_mark(p->area_start());
    PoisonMemory(reinterpret_cast<void*>(p->area_start()), p->area_size());
    free_pages_.push_back(p);
  }
  to_pages_.clear();
  current_page_ = 0;
  // Not zeroed: the heap treats an allocation area a GC moved as not zeroed (Heap::PerformGC).
  to_pages_.push_back(TakePage());
  return used;
}

void NewSpace::RecordPageMove(const std::vector<Page*>& pages, size_t bytes) {
  moved_pages_ = pages;
  moved_bytes_ = bytes;
  moved_since_full_gc_ += bytes;
  ++page_move_count_;
}

bool NewSpace::PageMovesNeedMarking(size_t old_generation_bytes, size_t live_after_last_full_gc) const {
  if (fast_promotion_mode_) {
    return moved_since_full_gc_ >= std::max(kMinPageMoveBytesInModeForMarking, live_after_last_full_gc);
  }
  return moved_since_full_gc_ >= kMinPageMoveBytesForMarking && moved_since_full_gc_ >= old_generation_bytes / 4;
}

bool NewSpace::CheckPageMoveAfterFullGC(const std::vector<Page*>& old_pages,
                                        int threshold_percent) {
  moved_since_full_gc_ = 0;  // this full GC answered the liveness question (header comment)
  if (moved_pages_.empty()) return false;
  const std::unordered_set<const Page*> present(old_pages.begin(), old_pages.end());
  size_t live = 0;
  for (const Page* p : moved_pages_) {
    // Released (empty) and evacuated pages are gone from old space: count them as dead.
    if (present.count(p) != 0) live += p->live_bytes();
  }
  const bool off = fast_promotion_mode_ &&
                   live * 100 < moved_bytes_ * static_cast<size_t>(threshold_percent);
  if (off) fast_promotion_mode_ = false;
  ForgetPageMove();
  return off;
}

uintptr_t NewSpace::AllocateForScavenge(size_t bytes, LinearAllocationArea* lab) {
  while (lab->limit - lab->top < bytes) {
    if (!NextPage(lab)) return 0;
  }
  const uintptr_t result = lab->top;
  lab->top += bytes;
  return result;
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

size_t NewSpace::GrowthCeiling(const GrowthCeilingInputs& in) {
  const size_t headroom = in.old_generation_limit > in.old_generation_size
                              ? in.old_generation_limit - in.old_generation_size
                              : 0;
  return std::max({in.floor, headroom / kOldHeadroomPerSemiSpace,
                   in.survived * kSurvivorRoomPerSemiSpace});
}

bool NewSpace::Grow() {
  const size_t ceiling = std::max(initial_pages_, growth_ceiling_pages_);
  const size_t target = std::min({max_pages_, 2 * target_pages_, ceiling});
  if (target <= target_pages_) return false;
  target_pages_ = target;  // pages are taken by NextPage when allocation reaches them
  return true;
}

bool NewSpace::ShrinkToInitialCapacity() {
  const size_t target = std::max(initial_pages_, current_page_ + 1);
  const bool shrank = target < target_pages_;
  target_pages_ = std::min(target_pages_, target);
  while (to_pages_.size() > current_page_ + 1) {  // empty pages after the current one
    Page::Free(to_pages_.back());
    to_pages_.pop_back();
  }
  for (Page* p : free_pages_) Page::Free(p);
  free_pages_.clear();
  if (shrank) survived_since_resize_ = 0;
  return shrank;
}

bool NewSpace::GrowAfterScavenge(size_t survived_bytes) {
  survived_since_resize_ += survived_bytes;
  if (survived_since_resize_ <= capacity()) return false;
  survived_since_resize_ = 0;
  return Grow();
}

bool NewSpace::ResizeAfterScavenge(size_t survived_bytes, const HighSurvivalCap& cap) {
  const bool after_shrink = just_capped_;
  just_capped_ = false;
  // The first scavenge after a shrink promotes the survivors of the larger nursery: measured
  // against the capped capacity they look like >= 90% survival. Not evidence for fast promotion.
  if (after_shrink) fast_promotion_mode_ = false;
  if (fast_promotion_mode_ && cap.release_in_fast_promotion && uncapped_pages_ > target_pages_) {
    // The next scavenge moves pages (O(pages), not O(survivors)): give back what the cap took.
    target_pages_ = uncapped_pages_;
    uncapped_pages_ = 0;
    return true;
  }
  // Right after a shrink the percentage is inflated the same way: stay capped for this round.
  const bool high = after_shrink ||
                    (cap.survival_percent > 0 &&
                     last_survival_percent_ >= static_cast<size_t>(cap.survival_percent) &&
                     last_survival_percent_ < kHighSurvivalCapMaxPercent);
  if (!high) return GrowAfterScavenge(survived_bytes);
  const size_t cap_pages = HighSurvivalCapPages(cap);
  if (target_pages_ > cap_pages) {
    uncapped_pages_ = std::max(uncapped_pages_, target_pages_);
    just_capped_ = ShrinkTo(cap_pages);
    return just_capped_;
  }
  if (target_pages_ == cap_pages) {
    survived_since_resize_ = 0;  // held at the cap: growth restarts from zero when survival drops
    return false;
  }
  if (!GrowAfterScavenge(survived_bytes)) return false;
  target_pages_ = std::min(target_pages_, cap_pages);
  return true;
}

size_t NewSpace::HighSurvivalCapPages(const HighSurvivalCap& cap) const {
  size_t bytes = cap.capacity;
  if (cap.survivor_budget > 0 && last_survival_percent_ > 0) {
    bytes = std::min(bytes, cap.survivor_budget * 100 / last_survival_percent_);
  }
  return std::max(initial_pages_, PagesFor(bytes));
}

bool NewSpace::ShrinkTo(size_t pages) {
  const size_t target = std::max(pages, current_page_ + 1);
  if (target >= target_pages_) return false;
  target_pages_ = target;
  while (to_pages_.size() > target_pages_) {  // empty pages after the current one
    Page::Free(to_pages_.back());
    to_pages_.pop_back();
  }
  while (free_pages_.size() > target_pages_) {
    Page::Free(free_pages_.back());
    free_pages_.pop_back();
  }
  survived_since_resize_ = 0;
  return true;
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
