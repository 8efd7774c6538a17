// Copyright the tenure authors.
#include "page.h"

#include <sys/mman.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

#include "sanitizer.h"

namespace tenure::internal {

void* MapAligned(size_t size, size_t alignment, bool populate, Cage* cage) {
  if (cage != nullptr) return cage->Map(size, alignment, populate);
  // Over-reserve (without populating), trim the unaligned head and tail, then populate the rest.
  const size_t reserve = size + alignment;
  void* raw = mmap(nullptr, reserve, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (raw == MAP_FAILED) {
    fprintf(stderr, "tenure: mmap of %zu bytes failed\n", reserve);
    abort();
  }
  const uintptr_t start = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = (start + alignment - 1) & ~(alignment - 1);
  if (aligned > start) munmap(raw, aligned - start);
  const uintptr_t tail = start + reserve - (aligned + size);
  if (tail > 0) munmap(reinterpret_cast<void*>(aligned + size), tail);
  if (populate) {
    // Re-map in place with MAP_POPULATE: one syscall pre-faults every page.
    void* fixed = mmap(reinterpret_cast<void*>(aligned), size, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_POPULATE, -1, 0);
    if (fixed == MAP_FAILED) {
      fprintf(stderr, "tenure: mmap(MAP_POPULATE) of %zu bytes failed\n", size);
      abort();
    }
  }
  UnpoisonMemory(reinterpret_cast<void*>(aligned), size);
  return reinterpret_cast<void*>(aligned);
}

// ASan shadow memory outlives munmap: unpoison first, or a later mapping at the same address
// would start out poisoned.
void Unmap(void* address, size_t size, Cage* cage) {
  if (cage != nullptr) return cage->Unmap(address, size);
  UnpoisonMemory(address, size);
  munmap(address, size);
}

Page::Page(Heap* heap, size_t chunk_size, uintptr_t flags)
    : prefix_{flags, heap},
      chunk_size_(chunk_size),
      top_(0),
      age_mark_(0),
      slot_set_(chunk_size),
      compressed_slot_set_(chunk_size) {
  top_ = area_start();
  age_mark_ = area_start();
}

Page* Page::Allocate(Heap* heap, size_t chunk_size, uintptr_t flags, bool /*touch*/,
                     PageContents contents) {
  // Large chunks are runs of pool chunks (page-pool.h "Runs"): a dead structure's pooled pages
  // hold the next large object instead of a fresh mapping beside them.
  void* memory = chunk_size == kPageSize
                     ? heap->page_pool()->Take(contents)
                     : heap->page_pool()->TakeRun(chunk_size / kPageSize, contents);
  return new (memory) Page(heap, chunk_size, flags);
}

void Page::Free(Page* page) {
  const size_t size = page->chunk_size_;
  Heap* heap = page->heap();
  UnpoisonMemory(reinterpret_cast<void*>(page->area_start()), page->area_size());
  page->~Page();
  if (size == kPageSize) {
    heap->page_pool()->Return(page);
  } else {
    heap->page_pool()->ReturnRun(page, size / kPageSize);
  }
}

}  // namespace tenure::internal
