// Copyright the tenure authors.
#include "address-map.h"

#include <algorithm>
#include <bit>

namespace tenure::internal {

AddressMap::AddressMap(size_t expected_entries) {
  const size_t capacity = std::bit_ceil(expected_entries * 2 + 16);
  buckets_.assign(capacity, Bucket{0, 0});
  mask_ = capacity - 1;
}

// MurmurHash3's 64-bit finalizer over the address without its 3 alignment bits: heap addresses
// are dense and regular (objects of one size at a fixed stride), which a plain multiplicative
// hash taken from the middle bits clusters badly under linear probing.
size_t AddressMap::Home(uintptr_t address) const {
  uint64_t x = address >> 3;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return static_cast<size_t>(x) & mask_;
}

uint32_t AddressMap::Find(uintptr_t address) const {
  for (size_t i = Home(address);; i = (i + 1) & mask_) {
    const Bucket& b = buckets_[i];
    if (b.key == address) return b.value;
    if (b.key == 0) return 0;
  }
}

void AddressMap::Set(uintptr_t address, uint32_t value) {
  if ((size_ + 1) * 2 > buckets_.size()) Grow();
  for (size_t i = Home(address);; i = (i + 1) & mask_) {
    Bucket& b = buckets_[i];
    if (b.key == address) {
      b.value = value;
      return;
    }
    if (b.key == 0) {
      b = Bucket{address, value};
      ++size_;
      return;
    }
  }
}

// Backward-shift deletion: after emptying bucket `hole`, move later entries of the same probe run
// back into it when their home bucket does not lie (cyclically) between the hole and themselves.
uint32_t AddressMap::Erase(uintptr_t address) {
  size_t hole = Home(address);
  while (buckets_[hole].key != address) {
    if (buckets_[hole].key == 0) return 0;
    hole = (hole + 1) & mask_;
  }
  const uint32_t value = buckets_[hole].value;
  for (size_t i = (hole + 1) & mask_; buckets_[i].key != 0; i = (i + 1) & mask_) {
    const size_t home = Home(buckets_[i].key);
    const bool home_in_gap = ((i - home) & mask_) < ((i - hole) & mask_);
    if (!home_in_gap) {
      buckets_[hole] = buckets_[i];
      hole = i;
    }
  }
  buckets_[hole] = Bucket{0, 0};
  --size_;
  return value;
}

void AddressMap::Clear() {
  if (size_ == 0) return;
  std::fill(buckets_.begin(), buckets_.end(), Bucket{0, 0});
  size_ = 0;
}

void AddressMap::ForEach(const std::function<void(uintptr_t, uint32_t)>& callback) const {
  for (const Bucket& b : buckets_) {
    if (b.key != 0) callback(b.key, b.value);
  }
}

void AddressMap::Grow() {
  std::vector<Bucket> old;
  old.swap(buckets_);
  buckets_.assign(old.size() * 2, Bucket{0, 0});
  mask_ = buckets_.size() - 1;
  size_ = 0;
  for (const Bucket& b : old) {
    if (b.key != 0) Set(b.key, b.value);
  }
}

}  // namespace tenure::internal
