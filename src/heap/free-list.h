// Copyright the tenure authors.
// free-list.h — size-segregated free lists for old space.
//
// INVARIANTS:
//  * Entries are filler objects (filler.h) of at least kMinBlockSize bytes lying inside old pages
//    that are not evacuation candidates; they never overlap live objects or each other.
//  * An entry of size s is in the category c with CategoryStart(c) <= s < CategoryStart(c+1)
//    (the last category is unbounded). Sizes below kExactLimit have one category per size (8-byte
//    steps, every entry of such a category has the same size); above, categories double.
//    V8's FreeListMany (free-list.h) likewise has narrow small-size categories.
//  * available() is the sum of the sizes of all entries.
//  * Allocate() costs O(kNumCategories + kMaxSearchSteps) list steps, whatever the list holds. A
//    block fits `bytes` only if it is exactly that size or leaves >= kMinObjectSize (no 8-byte
//    holes), so a category can hold entries that never fit. With one size per small category,
//    Allocate() tells from the category alone whether its entries fit and never walks one, and it
//    walks at most kMaxSearchSteps entries of the one wide category that may mix fitting and
//    non-fitting sizes. (The earlier 16-byte categories made Allocate walk every 32-byte entry
//    for a 40-byte request: 1.3 M list steps, ~147 cache misses per call, in one splay.js run;
//    docs/heap.md section 22.)
#ifndef TENURE_SRC_HEAP_FREE_LIST_H_
#define TENURE_SRC_HEAP_FREE_LIST_H_

#include <cstddef>
#include <cstdint>
#include <functional>

#include "tenure/config.h"
#include "tenure/object.h"

namespace tenure::internal {

class FreeList {
 public:
  static constexpr size_t kMinBlockSize = 3 * kTaggedSize;  // V8 kMinBlockSize
  // Sizes in [kMinBlockSize, kExactLimit) have a category each; then [256, 512), [512, 1K), ...,
  // [64K, 128K) and [128K, inf).
  static constexpr size_t kExactLimit = 256;
  static constexpr int kNumExactCategories =
      static_cast<int>((kExactLimit - kMinBlockSize) / kTaggedSize);
  static constexpr int kNumCategories = kNumExactCategories + 10;
  // Entries Allocate() looks at in a category that may mix fitting and non-fitting sizes before
  // it moves on (to larger categories, or returns 0 so the caller takes a fresh page).
  static constexpr int kMaxSearchSteps = 16;
  // Allocate() takes a block of at least this many bytes when it can (a large LAB), before it
  // looks at smaller ones.
  static constexpr size_t kFastPathStart = 2 * KB;

  // Adds [start, start+size) (size >= 16). Blocks smaller than kMinBlockSize only become fillers
  // and are not reusable until the next sweep. Returns the bytes added to the list.
  size_t Free(uintptr_t start, size_t size);

  // Removes and returns an entry that can hold `bytes` with either no remainder or a remainder of
  // at least kMinObjectSize (so no 8-byte holes ever appear): the first fitting entry of the
  // smallest category of blocks >= kFastPathStart that has one, else of the smallest category
  // that has one (best fit by category). Sets *block_size. 0 if none was found
  // within the search bound (see INVARIANTS), which may leave a fitting entry deep in a list.
  uintptr_t Allocate(size_t bytes, size_t* block_size);

  void Reset();
  size_t available() const { return available_; }
  // Entries Allocate() has looked at since construction (taken or passed over): the cost measure
  // of the search bound above.
  size_t entries_examined() const { return entries_examined_; }
  // The heap verifier's check of the INVARIANTS above that the list itself can see: every entry
  // lies in the category of its size (what lets Allocate() decide an exact category by its head)
  // and available() is the sum of the entry sizes. Null if they hold, else what is wrong.
  const char* CheckCategories() const;
  // Calls f(start, size) for every entry.
  void ForEachEntry(const std::function<void(uintptr_t, size_t)>& f) const;

 private:
  static int CategoryFor(size_t size);
  static size_t CategoryStart(int c);
  // The first fitting entry of the smallest category >= first that has one; 0 if none.
  uintptr_t TakeFromCategories(int first, size_t bytes, size_t* block_size);
  // Removes the first entry of category c that fits `bytes`; 0 if none (within the bound).
  uintptr_t TakeFrom(int c, size_t bytes, size_t* block_size);

  uintptr_t heads_[kNumCategories] = {};
  size_t available_ = 0;
  size_t entries_examined_ = 0;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_FREE_LIST_H_
