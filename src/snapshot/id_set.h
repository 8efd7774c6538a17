// IdSet: membership of node ids, for leak finding (is this FINAL object's id in BASELINE?).
//
// V8 numbers heap objects with dense odd ids, so a bitmap over the low ids is small and answers
// in O(1) without sorting millions of ids. A few ids are far above the rest (node 20 writes some
// embedder nodes with ids around 2^30..2^32), so the bitmap covers only [0, bit_count_), at most
// kBitsPerId bits per id; the ids at or above bit_count_ are kept sorted and answered by binary
// search (all of them when the ids are sparse).
// Invariant: every id of the set is either below bit_count_ and set in bits_, or at or above
// bit_count_ and in sorted_ (sorted, no duplicates); contents never change after construction.
#pragma once

#include <cstdint>
#include <span>

#include "snapshot/big_vector.h"

namespace tenure::snapshot {

class IdSet {
 public:
  // Bitmap bits per id at most (2 bytes per id: half of what a sorted copy of the ids takes).
  static constexpr uint64_t kBitsPerId = 16;

  IdSet() = default;
  // Any order, duplicates allowed.
  explicit IdSet(std::span<const uint32_t> ids);

  bool Contains(uint32_t id) const {
    if (id < bit_count_) return (bits_[id >> 6] >> (id & 63) & 1) != 0;
    return ContainsSorted(id);
  }
  bool empty() const { return size_ == 0; }
  bool UsesBitmapForTesting() const { return !bits_.empty(); }
  // How many distinct ids are above the bitmap (kept sorted).
  size_t SortedCountForTesting() const { return sorted_.size(); }

 private:
  bool ContainsSorted(uint32_t id) const;

  BigVector<uint64_t> bits_;
  uint64_t bit_count_ = 0;
  BigVector<uint32_t> sorted_;
  size_t size_ = 0;
};

}  // namespace tenure::snapshot
