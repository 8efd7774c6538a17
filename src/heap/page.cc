// Copyright the tenure authors.
#include "page.h"

#include <sys/mman.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

#include "sanitizer.h"

namespace tenure::internal {

void* MapAligned(size_t size, size_t alignment) {
  // Over-reserve, then trim the unaligned head and tail.
  const size_t reserve = size + alignment;
  void* raw = mmap(nullptr, reserve, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) {
    fprintf(stderr, "tenure: mmap of %zu bytes failed\n", reserve);
    abort();
  }
  const uintptr_t start = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = (start + alignment - 1) & ~(alignment - 1);
  if (aligned > start) munmap(raw, aligned - start);
  const uintptr_t tail = start + reserve - (aligned + size);
  if (tail > 0) munmap(reinterpret_cast<void*>(aligned + size), tail);
  return reinterpret_cast<void*>(aligned);
}

void Unmap(void* address, size_t size) { munmap(address, size); }

Page::Page(Heap* heap, size_t chunk_size, uintptr_t flags)
    : prefix_{flags, heap},
      chunk_size_(chunk_size),
      top_(0),
      age_mark_(0),
      slot_set_(chunk_size) {
  top_ = area_start();
  age_mark_ = area_start();
}

Page* Page::Allocate(Heap* heap, size_t chunk_size, uintptr_t flags, bool touch) {
  void* memory = MapAligned(chunk_size, kPageSize);
  if (touch) {
    // First-touch faults are expensive on this VM (~25 us per 4 KiB page); pay them up front.
    for (size_t offset = 0; offset < chunk_size; offset += 4096) {
      static_cast<volatile char*>(memory)[offset] = 0;
    }
  }
  return new (memory) Page(heap, chunk_size, flags);
}

void Page::Free(Page* page) {
  const size_t size = page->chunk_size_;
  UnpoisonMemory(reinterpret_cast<void*>(page->area_start()), page->area_size());
  page->~Page();
  Unmap(page, size);
}

}  // namespace tenure::internal
