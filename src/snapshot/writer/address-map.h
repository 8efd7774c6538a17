// Copyright the tenure authors.
// address-map.h — an open-addressing hash map from object address to a uint32 (an id or a node
// ordinal), in malloc'd memory: the snapshot writer must never allocate on the managed heap, and
// the id map is updated on every allocation and every object move while a profiler is active.
//
// INVARIANTS:
//  * Key 0 marks an empty bucket (object addresses are never 0). Linear probing; the table is a
//    power of two and at most half full, so probes stay short and Find always terminates.
//  * Erase uses backward-shift deletion (no tombstones): every key stays reachable from its home
//    bucket without crossing an empty bucket.
#ifndef TENURE_SRC_SNAPSHOT_WRITER_ADDRESS_MAP_H_
#define TENURE_SRC_SNAPSHOT_WRITER_ADDRESS_MAP_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace tenure::internal {

class AddressMap {
 public:
  explicit AddressMap(size_t expected_entries = 0);

  // The value stored for `address`, or 0 when absent (stored values must be non-zero).
  uint32_t Find(uintptr_t address) const;
  // Inserts or overwrites.
  void Set(uintptr_t address, uint32_t value);
  // Removes `address`; returns its value or 0 when absent.
  uint32_t Erase(uintptr_t address);
  // Removes every entry but keeps the capacity (no page faults when the table is refilled).
  void Clear();
  size_t size() const { return size_; }
  void ForEach(const std::function<void(uintptr_t, uint32_t)>& callback) const;

 private:
  struct Bucket {
    uintptr_t key;
    uint32_t value;
  };
  size_t Home(uintptr_t address) const;
  void Grow();

  std::vector<Bucket> buckets_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_SNAPSHOT_WRITER_ADDRESS_MAP_H_
