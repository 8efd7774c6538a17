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

void* PagePool::TakeRun(size_t count, PageContents contents) {
  char* run = TakePooledRun(count);
  if (run == nullptr && reclaim_hook_) {
    reclaim_hook_();
    run = TakePooledRun(count);
  }
  in_use_chunks_ += count;
  cycle_peak_chunks_ = std::max(cycle_peak_chunks_, in_use_chunks_);
  if (run == nullptr) {
    ++stats_.fresh_runs;
    stats_.fresh_chunks += count;
    return MapAligned(count * kPageSize, kPageSize, /*populate=*/true, config_.cage);
  }
  ++stats_.reused_runs;
  stats_.reused_chunks += count;
  UnpoisonMemory(run, count * kPageSize);
  if (contents == PageContents::kZeroed) {
    memset(run, 0, count * kPageSize);
    stats_.zeroed_chunks += count;
  }
  return run;
}

// Sorted addresses of every pooled and surplus chunk; the first run of `count` adjacent ones is
// erased from both vectors (the others keep their order: LIFO warmth, decay's cold front).
char* PagePool::TakePooledRun(size_t count) {
  if (chunks_.size() + surplus_.size() < count) return nullptr;
  std::vector<char*> sorted;
  sorted.reserve(chunks_.size() + surplus_.size());
  for (void* c : chunks_) sorted.push_back(static_cast<char*>(c));
  for (void* c : surplus_) sorted.push_back(static_cast<char*>(c));
  std::sort(sorted.begin(), sorted.end());
  size_t first = 0;
  for (size_t i = 1; i <= sorted.size() && i - first < count; ++i) {
    if (i < sorted.size() && sorted[i] != sorted[i - 1] + kPageSize) first = i;
  }
  if (sorted.size() - first < count) return nullptr;
  char* start = sorted[first];
  char* end = start + count * kPageSize;
  auto in_run = [&](void* c) { return c >= start && c < end; };
  std::erase_if(chunks_, in_run);
  std::erase_if(surplus_, in_run);
  low_water_chunks_ = std::min(low_water_chunks_, chunks_.size());
  return start;
}

void PagePool::ReturnRun(void* run, size_t count) {
  char* start = static_cast<char*>(run);
  in_use_chunks_ -= std::min(in_use_chunks_, count);
  const size_t room = max_chunks() > chunks_.size() ? max_chunks() - chunks_.size() : 0;
  const size_t pooled = std::min(room, count);
  for (size_t i = 0; i < pooled; ++i) {
    PoisonMemory(start + i * kPageSize, kPageSize);
    chunks_.push_back(start + i * kPageSize);
  }
  if (pooled == count) return;
  Unmap(start + pooled * kPageSize, (count - pooled) * kPageSize, config_.cage);
  stats_.unmapped_chunks += count - pooled;
  ++stats_.unmap_calls;
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
