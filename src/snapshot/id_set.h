// IdSet: membership of node ids, for leak finding (is this FINAL object's id in BASELINE?).
//
// V8 numbers heap objects with dense odd ids, so a bitmap over [0, max id] is usually tiny
// (max id / 8 bytes) and answers in O(1) without sorting millions of ids. When the ids are too
// sparse for that (the bitmap would take more than 64 bits per id) the set keeps them sorted and
// answers by binary search instead. Invariant: exactly one of bits_ / sorted_ is in use, and
// contents never change after construction.
#pragma once

#include <cstdint>
#include <span>

#include "snapshot/big_vector.h"

namespace tenure::snapshot {

class IdSet {
 public:
  IdSet() = default;
  // Any order, duplicates allowed.
  explicit IdSet(std::span<const uint32_t> ids);

  bool Contains(uint32_t id) const {
    if (!bits_.empty()) return id < bit_count_ && (bits_[id >> 6] >> (id & 63) & 1) != 0;
    return ContainsSorted(id);
  }
  bool empty() const { return size_ == 0; }
  bool UsesBitmapForTesting() const { return !bits_.empty(); }

 private:
  bool ContainsSorted(uint32_t id) const;

  BigVector<uint64_t> bits_;
  uint64_t bit_count_ = 0;
  BigVector<uint32_t> sorted_;
  size_t size_ = 0;
};

}  // namespace tenure::snapshot
