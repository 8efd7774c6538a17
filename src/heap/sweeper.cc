// Copyright the tenure authors.
#include "sweeper.h"

#include <algorithm>
#include <chrono>

#include "filler.h"
#include "old-space.h"
#include "page.h"

namespace tenure::internal {

namespace {

using Clock = std::chrono::steady_clock;


}  // namespace

Sweeper::~Sweeper() {
  for (Page* page : to_release_) Page::Free(page);
}

size_t Sweeper::SweepPageNow(Page* page) {
  OldSpace* old_space = heap_->old_space();
  if (page->live_bytes() == 0) {
    old_space->RemovePage(page);
    ReleasePageLater(page);
    return 0;
  }
  size_t live = 0;
  SweepRange(page->area_start(), page->area_end(), &live,
             [old_space, page](uintptr_t start, uintptr_t end) {
               page->slot_set().RemoveRange(page->address(), start, end);
               page->compressed_slot_set().RemoveRange(page->address(), start, end);
               old_space->free_list().Free(start, end - start);
             });
  return live;
}

void Sweeper::AddPendingPage(Page* page) {
  page->SetFlags(kPageSweepPending);
  pending_.push_back(page);
}

void Sweeper::SweepPendingPage(Page* page) {
  page->ClearFlags(kPageSweepPending);
  SweepPageNow(page);
  ++swept_pages_total_;
}

size_t Sweeper::SweepPages(size_t max_pages) {
  if (!sweeping_in_progress()) return 0;
  const auto start = Clock::now();
  for (size_t i = 0; i < 2 * max_pages && !to_release_.empty(); ++i) {
    Page::Free(to_release_.back());
    to_release_.pop_back();
  }
  size_t swept = 0;
  while (swept < max_pages && !pending_.empty()) {
    Page* page = pending_.back();
    pending_.pop_back();
    SweepPendingPage(page);
    ++swept;
  }
  sweeping_ms_total_ += std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  return swept;
}

void Sweeper::SweepForAllocation(size_t bytes) {
  FreeList& free_list = heap_->old_space()->free_list();
  while (!pending_.empty() && free_list.available() < bytes) SweepPages(1);
}

size_t Sweeper::ReleaseQueuedPages() {
  const size_t released = to_release_.size();
  for (Page* page : to_release_) Page::Free(page);
  to_release_.clear();
  return released;
}

void Sweeper::EnsureCompleted() {
  SweepPages(std::max(pending_.size(), (to_release_.size() + 1) / 2));
}

}  // namespace tenure::internal
