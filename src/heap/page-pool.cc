// Copyright the tenure authors.
#include "page-pool.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "page.h"
#include "sanitizer.h"

namespace tenure::internal {

PagePool::PagePool(const PagePoolConfig& config)
    : config_(config), bound_bytes_(config.initial_max_bytes) {}

PagePool::~PagePool() { ReleaseAll(); }

void* PagePool::Take(PageContents contents) {
  void* chunk = nullptr;
  if (!HasChunks() && reclaim_hook_) reclaim_hook_();
  ++in_use_chunks_;  // before MapFreshChunk, which sizes its batch by the room left after this
  cycle_peak_chunks_ = std::max(cycle_peak_chunks_, in_use_chunks_);
  if (!chunks_.empty()) {
    chunk = chunks_.back();
    chunks_.pop_back();
    low_water_chunks_ = std::min(low_water_chunks_, chunks_.size());
  } else if (!surplus_.empty()) {
    chunk = surplus_.back();
    surplus_.pop_back();
  } else {
    return MapFreshChunk();  // fresh anonymous memory reads as zero
  }
  ++stats_.reused_chunks;
  UnpoisonMemory(chunk, kPageSize);
  if (contents == PageContents::kZeroed) {
    memset(chunk, 0, kPageSize);
    ++stats_.zeroed_chunks;
  }
  return chunk;
}

void PagePool::Return(void* chunk) {
  PoisonMemory(chunk, kPageSize);  // use-after-free of a released page is caught under ASan
  if (in_use_chunks_ > 0) --in_use_chunks_;  // (a test may return chunks it did not take)
  if (chunks_.size() < max_chunks()) {
    chunks_.push_back(chunk);
  } else {
    surplus_.push_back(chunk);  // unmapped later, outside the caller's pause
  }
}

void PagePool::SetMaxBytes(size_t bytes) {
  bound_bytes_ = bytes;
  retained_peak_chunks_ = 0;
  MoveExcessToSurplus();
}

// The coldest pooled chunks are the front: released longest ago.
void PagePool::MoveExcessToSurplus() {
  if (chunks_.size() <= max_chunks()) return;
  const size_t excess = chunks_.size() - max_chunks();
  surplus_.insert(surplus_.end(), chunks_.begin(), chunks_.begin() + excess);
  chunks_.erase(chunks_.begin(), chunks_.begin() + excess);
  low_water_chunks_ = std::min(low_water_chunks_, chunks_.size());
}

void PagePool::StartCycle(const PagePoolCycle& cycle) {
  const size_t idle = std::min(low_water_chunks_, chunks_.size());
  const size_t decay = cycle.allocated_bytes >= kMinCycleAllocation ? (idle + 1) / 2 : 0;
  surplus_.insert(surplus_.end(), chunks_.begin(), chunks_.begin() + decay);
  chunks_.erase(chunks_.begin(), chunks_.begin() + decay);
  bound_bytes_ = cycle.max_bytes;
  retained_peak_chunks_ = cycle_peak_chunks_;
  cycle_peak_chunks_ = in_use_chunks_;
  MoveExcessToSurplus();
  low_water_chunks_ = chunks_.size();
}

size_t PagePool::ReleaseSurplus(size_t max_chunks) {
  const size_t released = std::min(max_chunks, surplus_.size());
  UnmapChunks(&surplus_, surplus_.size() - released);
  return released;
}

void PagePool::ReleaseAll() {
  if (prefaulter_) prefaulter_->Release();
  UnmapChunks(&chunks_, 0);
  UnmapChunks(&surplus_, 0);
  low_water_chunks_ = 0;
  retained_peak_chunks_ = 0;
}

// Contract: called with chunks_ and surplus_ empty. A batch is mapped only when the bound has room
// for the chunks it pools; otherwise one chunk is mapped on its own.
void* PagePool::MapFreshChunk() {
  // in_use_chunks_ already counts the chunk returned here, so the room is what is left after.
  const size_t room = max_chunks() > chunks_.size() ? max_chunks() - chunks_.size() : 0;
  if (room < kChunksPerBatch - 1) {
    ++stats_.fresh_chunks;
    return MapAligned(kPageSize, kPageSize, /*populate=*/true, config_.cage);
  }
  char* batch = TakeFreshBatch();
  stats_.fresh_chunks += kChunksPerBatch;
  // Pool the upper chunks so the next Take()s walk up the batch.
  for (size_t i = kChunksPerBatch - 1; i >= 1; --i) {
    void* chunk = batch + i * kPageSize;
    PoisonMemory(chunk, kPageSize);
    chunks_.push_back(chunk);
  }
  return batch;
}

char* PagePool::TakeFreshBatch() {
  if (prefaulter_) {
    if (char* batch = prefaulter_->TryTake()) {
      stats_.prefaulted_chunks += kChunksPerBatch;
      return batch;
    }
  }
  char* batch = MapPopulatedBatch(config_.huge_pages, config_.cage);
  ++batches_mapped_here_;
  if (!prefaulter_ && config_.prefault_batches > 0 &&
      batches_mapped_here_ >= config_.prefault_after_batches) {
    prefaulter_ = std::make_unique<Prefaulter>(
        PrefaulterConfig{.reserve_batches = config_.prefault_batches,
                         .huge_pages = config_.huge_pages,
                         .cage = config_.cage});
  }
  return batch;
}

void PagePool::UnmapChunks(std::vector<void*>* chunks, size_t first) {
  std::sort(chunks->begin() + first, chunks->end());
  size_t i = first;
  while (i < chunks->size()) {
    char* start = static_cast<char*>((*chunks)[i]);
    size_t run = 1;
    while (i + run < chunks->size() && (*chunks)[i + run] == start + run * kPageSize) ++run;
    Unmap(start, run * kPageSize, config_.cage);
    stats_.unmapped_chunks += run;
    ++stats_.unmap_calls;
    i += run;
  }
  chunks->resize(first);
}

}  // namespace tenure::internal
