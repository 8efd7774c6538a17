// BigVector<T>: std::vector whose large buffers live on transparent huge pages.
//
// Snapshot graphs need tens of arrays of millions of entries. On virtual machines a 4 KiB page
// fault costs microseconds, so first-touching ~1 GB of arrays in 4 KiB pages dominated analysis
// time. Buffers of at least kHugeThreshold bytes are 2 MiB-aligned and madvise(MADV_HUGEPAGE)'d
// (THP "madvise" mode is the Debian default), cutting the number of faults ~500×. Smaller
// buffers use plain operator new. Semantics are std::vector's, except that resize(n) and
// BigVector(n) do not zero the new elements (see construct()).
#pragma once

#include <sys/mman.h>

#include <cstddef>
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

  T* allocate(size_t n) {
    if (n > static_cast<size_t>(-1) / sizeof(T)) throw std::bad_alloc();
    size_t bytes = n * sizeof(T);
    if (bytes < kHugeThreshold) return static_cast<T*>(::operator new(bytes));
    size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (!p) throw std::bad_alloc();
    ::madvise(p, rounded, MADV_HUGEPAGE);
    return static_cast<T*>(p);
  }

  void deallocate(T* p, size_t n) {
    if (n * sizeof(T) < kHugeThreshold) ::operator delete(p);
    else std::free(p);
  }

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
