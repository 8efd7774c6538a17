// BigVector<T>: std::vector whose large buffers live on transparent huge pages.
//
// Snapshot graphs need tens of arrays of millions of entries. On virtual machines a 4 KiB page
// fault costs microseconds, so first-touching ~1 GB of arrays in 4 KiB pages dominated analysis
// time. Buffers of at least kHugeThreshold bytes are mmap'ed 2 MiB-aligned and
// madvise(MADV_HUGEPAGE)'d (THP "madvise" mode is the Debian default), cutting the number of
// faults ~500×, and munmap'ed when freed. Smaller
// buffers use plain operator new. Semantics are std::vector's, except that resize(n) and
// BigVector(n) do not zero the new elements (see construct()).
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <utility>
#include <vector>

namespace tenure::snapshot {

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHugePage = size_t{2} << 20;
  static constexpr size_t kHugeThreshold = size_t{4} << 20;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  // Large buffers come straight from mmap and go straight back with munmap: malloc would keep
  // freed multi-MB blocks of helper threads' arenas resident, raising peak RSS.
  T* allocate(size_t n) {
    if (n > static_cast<size_t>(-1) / sizeof(T) / 2) throw std::bad_alloc();
    size_t bytes = n * sizeof(T);
    if (bytes < kHugeThreshold) return static_cast<T*>(::operator new(bytes));
    size_t rounded = Rounded(bytes);
    // Over-map by one huge page and trim both ends to get a 2 MiB-aligned block.
    void* raw = ::mmap(nullptr, rounded + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) throw std::bad_alloc();
    uintptr_t start = reinterpret_cast<uintptr_t>(raw);
    uintptr_t aligned = (start + kHugePage - 1) & ~(uintptr_t{kHugePage} - 1);
    if (aligned > start) ::munmap(raw, aligned - start);
    uintptr_t tail = aligned + rounded, end = start + rounded + kHugePage;
    if (end > tail) ::munmap(reinterpret_cast<void*>(tail), end - tail);
    ::madvise(reinterpret_cast<void*>(aligned), rounded, MADV_HUGEPAGE);
    return reinterpret_cast<T*>(aligned);
  }

  void deallocate(T* p, size_t n) {
    size_t bytes = n * sizeof(T);
    if (bytes < kHugeThreshold) ::operator delete(p);
    else ::munmap(p, Rounded(bytes));
  }

 private:
  static size_t Rounded(size_t bytes) { return (bytes + kHugePage - 1) / kHugePage * kHugePage; }

 public:
  // resize(n) / BigVector(n) leave new elements default-initialised (uninitialised for integers);
  // callers that need zeros say so: assign(n, 0) or BigVector(n, 0).
  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }

  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
};

template <typename T>
using BigVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace tenure::snapshot
