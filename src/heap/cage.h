// Copyright the tenure authors.
// cage.h — the heap's one 4 GiB reservation ("pointer-compression cage", V8's term): every page
// and large-object chunk of a Heap is mapped inside it, so a 32-bit offset from the cage base
// names any object (CompressedValue, value.h "COMPRESSED SLOTS"; docs/heap.md section 26).
//
// INVARIANTS:
//  * The reservation is kCageSize (4 GiB) bytes aligned to kCageSize, mapped PROT_NONE with
//    MAP_NORESERVE at construction (address space only: no memory, no commit charge), unmapped at
//    destruction. base() = its start; an address a is in the cage iff (a & ~(kCageSize-1)) == base.
//  * The cage is carved into kPageSize (256 KiB) granules; a bitmap says which are in use. Map()
//    takes the first free run of the requested size and alignment and makes it read/write
//    (fresh anonymous memory: reads as zero); Unmap() turns a range back into PROT_NONE
//    MAP_NORESERVE memory (the kernel drops its pages) and frees its granules. A range may be
//    unmapped in pieces or together with an adjacent one (the page pool coalesces runs).
//  * Thread-safe: the granule bitmap is guarded by a mutex (the Prefaulter maps batches on its own
//    thread, page-pool.h); the mmap calls run outside it.
//  * Exhaustion (more than 4 GiB of pages and chunks mapped at once) aborts with a message; a heap
//    with compressed slots cannot grow beyond its cage (as in V8 with pointer compression).
#ifndef TENURE_SRC_HEAP_CAGE_H_
#define TENURE_SRC_HEAP_CAGE_H_

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "tenure/value.h"
#include "tenure/write-barrier.h"

namespace tenure::internal {

class Cage {
 public:
  static constexpr size_t kGranules = kCageSize / kPageSize;

  Cage();   // reserves the cage; aborts with a message if the address space is not available
  ~Cage();  // unmaps the whole reservation (every page must be gone: they live inside it)
  Cage(const Cage&) = delete;
  Cage& operator=(const Cage&) = delete;

  // `size` bytes (a multiple of kPageSize) aligned to `alignment` (a power-of-two multiple of
  // kPageSize), read/write; pre-faulted in one call with `populate` (MAP_POPULATE).
  void* Map(size_t size, size_t alignment, bool populate);
  // Returns [address, address + size) (granule-aligned, previously mapped) to the reservation.
  void Unmap(void* address, size_t size);

  uintptr_t base() const { return base_; }
  bool Contains(uintptr_t address) const { return (address & ~(kCageSize - 1)) == base_; }
  size_t mapped_bytes() const;

 private:
  // First granule of a free run of `count` granules aligned to `align` granules, or kGranules.
  size_t FindFreeRunLocked(size_t count, size_t align) const;
  bool InUseLocked(size_t granule) const { return (in_use_[granule / 64] >> (granule % 64)) & 1; }
  void SetRangeLocked(size_t first, size_t count, bool in_use);

  uintptr_t base_ = 0;
  mutable std::mutex mutex_;
  std::vector<uint64_t> in_use_;  // guarded by mutex_
  size_t mapped_granules_ = 0;    // guarded by mutex_
  size_t search_start_ = 0;       // guarded: no free granule below it
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_CAGE_H_
