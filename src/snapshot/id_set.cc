#include "snapshot/id_set.h"

#include <algorithm>

namespace tenure::snapshot {

IdSet::IdSet(std::span<const uint32_t> ids) : size_(ids.size()) {
  if (ids.empty()) return;
  const uint64_t max_id = *std::max_element(ids.begin(), ids.end());
  bit_count_ = std::min<uint64_t>(max_id + 1, kBitsPerId * ids.size());
  bits_.assign(static_cast<size_t>((bit_count_ + 63) / 64), 0);
  size_t above = 0;
  for (uint32_t id : ids) {
    if (id < bit_count_) bits_[id >> 6] |= uint64_t{1} << (id & 63);
    else ++above;
  }
  if (above == 0) return;
  sorted_.reserve(above);
  for (uint32_t id : ids) {
    if (id >= bit_count_) sorted_.push_back(id);
  }
  std::sort(sorted_.begin(), sorted_.end());
  sorted_.erase(std::unique(sorted_.begin(), sorted_.end()), sorted_.end());
}

bool IdSet::ContainsSorted(uint32_t id) const {
  return std::binary_search(sorted_.begin(), sorted_.end(), id);
}

}  // namespace tenure::snapshot
