// Copyright the tenure authors.
#include "cage.h"

#include <sys/mman.h>

#include <cstdio>
#include <cstdlib>

#include "sanitizer.h"

namespace tenure::internal {

namespace {

[[noreturn]] void Die(const char* what, size_t bytes) {
  fprintf(stderr, "tenure: fatal: %s (%zu bytes)\n", what, bytes);
  abort();
}

}  // namespace

Cage::Cage() : in_use_(kGranules / 64, 0) {
  // Over-reserve by one cage size, keep the aligned 4 GiB in the middle, give back the rest.
  const size_t reserve = 2 * kCageSize;
  void* raw = mmap(nullptr, reserve, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (raw == MAP_FAILED) Die("cannot reserve the heap's 4 GiB pointer-compression cage", reserve);
  const uintptr_t start = reinterpret_cast<uintptr_t>(raw);
  base_ = (start + kCageSize - 1) & ~(kCageSize - 1);
  if (base_ > start) munmap(raw, base_ - start);
  const uintptr_t tail = start + reserve - (base_ + kCageSize);
  if (tail > 0) munmap(reinterpret_cast<void*>(base_ + kCageSize), tail);
  RegisterRootRegion(reinterpret_cast<void*>(base_), kCageSize);  // LSan scans only what is mapped
}

Cage::~Cage() {
  UnregisterRootRegion(reinterpret_cast<void*>(base_), kCageSize);
  UnpoisonMemory(reinterpret_cast<void*>(base_), kCageSize);
  munmap(reinterpret_cast<void*>(base_), kCageSize);
}

size_t Cage::FindFreeRunLocked(size_t count, size_t align) const {
  size_t first = (search_start_ + align - 1) / align * align;
  while (first + count <= kGranules) {
    size_t used = first;
    while (used < first + count && !InUseLocked(used)) ++used;
    if (used == first + count) return first;
    first = (used + 1 + align - 1) / align * align;  // past the granule in use, re-aligned
  }
  return kGranules;
}

void Cage::SetRangeLocked(size_t first, size_t count, bool in_use) {
  for (size_t g = first; g < first + count; ++g) {
    const uint64_t bit = uint64_t{1} << (g % 64);
    in_use_[g / 64] = in_use ? (in_use_[g / 64] | bit) : (in_use_[g / 64] & ~bit);
  }
  mapped_granules_ = in_use ? mapped_granules_ + count : mapped_granules_ - count;
  if (!in_use && first < search_start_) search_start_ = first;
  while (search_start_ < kGranules && InUseLocked(search_start_)) ++search_start_;
}

void* Cage::Map(size_t size, size_t alignment, bool populate) {
  const size_t count = size / kPageSize;
  const size_t align = alignment > kPageSize ? alignment / kPageSize : 1;
  size_t first;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    first = FindFreeRunLocked(count, align);
    if (first == kGranules) {
      Die("the heap's 4 GiB pointer-compression cage is exhausted (value.h, cage.h)", size);
    }
    SetRangeLocked(first, count, /*in_use=*/true);
  }
  void* address = reinterpret_cast<void*>(base_ + first * kPageSize);
  const int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | (populate ? MAP_POPULATE : 0);
  if (mmap(address, size, PROT_READ | PROT_WRITE, flags, -1, 0) == MAP_FAILED) {
    Die("mmap of heap memory inside the cage failed", size);
  }
  UnpoisonMemory(address, size);
  return address;
}

// ASan shadow memory outlives the mapping: unpoison first, or a later mapping at the same address
// would start out poisoned.
void Cage::Unmap(void* address, size_t size) {
  UnpoisonMemory(address, size);
  if (mmap(address, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1,
           0) == MAP_FAILED) {
    Die("returning heap memory to the cage failed", size);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  SetRangeLocked((reinterpret_cast<uintptr_t>(address) - base_) / kPageSize, size / kPageSize,
                 /*in_use=*/false);
}

size_t Cage::mapped_bytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return mapped_granules_ * kPageSize;
}

}  // namespace tenure::internal

namespace tenure {

void CompressedValue::FailStore(const void* slot, Value value) {
  fprintf(stderr,
          "tenure: fatal: Value %#llx does not fit in a compressed slot at %p (a Smi needs 31 bits, "
          "an immediate a payload below 2^29, a pointer the slot's own cage; value.h)\n",
          static_cast<unsigned long long>(value.raw()), slot);
  abort();
}

}  // namespace tenure
