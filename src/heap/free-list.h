// Copyright the tenure authors.
// free-list.h — size-segregated free lists for old space.
//
// INVARIANTS:
//  * Entries are filler objects (filler.h) of at least kMinBlockSize bytes lying inside old pages
//    that are not evacuation candidates; they never overlap live objects or each other.
//  * An entry of size s is in the category c with kCategoryStart[c] <= s < kCategoryStart[c+1]
//    (the last category is unbounded). Categories loosely follow V8's FreeListMany (§2.2).
//  * available() is the sum of the sizes of all entries.
#ifndef TENURE_SRC_HEAP_FREE_LIST_H_
#define TENURE_SRC_HEAP_FREE_LIST_H_

#include <cstddef>
#include <cstdint>
#include <functional>

#include "tenure/object.h"

namespace tenure::internal {

class FreeList {
 public:
  static constexpr size_t kMinBlockSize = 3 * kTaggedSize;  // V8 kMinBlockSize
  static constexpr int kNumCategories = 18;

  // Adds [start, start+size) (size >= 16). Blocks smaller than kMinBlockSize only become fillers
  // and are not reusable until the next sweep. Returns the bytes added to the list.
  size_t Free(uintptr_t start, size_t size);

  // Removes and returns an entry that can hold `bytes` with either no remainder or a remainder of
  // at least kMinObjectSize (so no 8-byte holes ever appear). Sets *block_size. 0 if none.
  uintptr_t Allocate(size_t bytes, size_t* block_size);

  void Reset();
  size_t available() const { return available_; }
  // Calls f(start, size) for every entry.
  void ForEachEntry(const std::function<void(uintptr_t, size_t)>& f) const;

 private:
  static int CategoryFor(size_t size);

  uintptr_t heads_[kNumCategories] = {};
  size_t available_ = 0;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_FREE_LIST_H_
