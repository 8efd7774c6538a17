// Copyright the tenure authors.
// remembered-set.h — the per-page old->new slot set.
//
// INVARIANTS:
//  * One bit per 8-byte slot of the chunk (bit i <-> address chunk_start + 8*i). The bitmap is
//    allocated lazily on the first insert, so pages without old->new pointers pay nothing.
//  * Completeness (see write-barrier.h): every old->young pointer slot of a live old object has its
//    bit set. Bits for slots that no longer hold young pointers are allowed in live objects; the
//    scavenger drops them while rebuilding the set, the sweeper clears the bits of every freed
//    range.
//  * Where a bit may lie (what makes it safe for a scavenge to read every set bit's slot):
//     - inside a live object (any value: stale bits are allowed there), or
//     - only on a page pending sweep (sweeper.h), inside a dead object, and then the slot holds a
//       pointer to a LIVE young object. The full GC guarantees this by filtering every set at the
//       end of marking (MarkCompactCollector::FilterOldToNewSlots): a bit survives only if its slot
//       holds a pointer to a marked young object. A live host's young targets are all marked, so
//       completeness is kept; a dead host's surviving bit is a harmless floating root (its target
//       was live) until the sweeper frees the range and clears the bit. A scavenge updates such a
//       slot like any other (the copy is live), or drops the bit when it promotes the target.
//     Never inside a filler or free-list entry. The heap verifier checks exactly these rules.
#ifndef TENURE_SRC_HEAP_REMEMBERED_SET_H_
#define TENURE_SRC_HEAP_REMEMBERED_SET_H_

#include <cstddef>
#include <cstdint>
#include <memory>

#include "tenure/value.h"

namespace tenure::internal {

class SlotSet {
 public:
  explicit SlotSet(size_t chunk_size) : words_(chunk_size / 8 / 64) {}

  // `chunk_start` is the address of the owning chunk; `slot` must lie inside it.
  void Insert(uintptr_t chunk_start, const Value* slot) {
    const size_t index = (reinterpret_cast<uintptr_t>(slot) - chunk_start) / 8;
    if (!bits_) Allocate();
    bits_[index / 64] |= uint64_t{1} << (index % 64);
  }
  bool Contains(uintptr_t chunk_start, const Value* slot) const {
    if (!bits_) return false;
    const size_t index = (reinterpret_cast<uintptr_t>(slot) - chunk_start) / 8;
    return (bits_[index / 64] >> (index % 64)) & 1;
  }
  // Clears the bits of every slot in [start, end).
  void RemoveRange(uintptr_t chunk_start, uintptr_t start, uintptr_t end);
  // Clears the bit of every slot for which remove(Value* slot) returns true, in place; the bitmap
  // is released when no bit is left (so IsEmpty() stays exact for the sweeper's decisions).
  template <typename F>
  void RemoveIf(uintptr_t chunk_start, F&& remove) {
    if (!bits_) return;
    bool any = false;
    for (size_t w = 0; w < words_; ++w) {
      uint64_t word = bits_[w];
      uint64_t kept = word;
      while (word != 0) {
        const int bit = __builtin_ctzll(word);
        word &= word - 1;
        if (remove(reinterpret_cast<Value*>(chunk_start + (w * 64 + bit) * 8))) {
          kept &= ~(uint64_t{1} << bit);
        }
      }
      bits_[w] = kept;
      any |= kept != 0;
    }
    if (!any) bits_.reset();
  }
  // Calls f(Value* slot) for every set bit, in address order.
  template <typename F>
  void ForEach(uintptr_t chunk_start, F&& f) const {
    if (bits_) ForEachSlot(bits_.get(), words_, chunk_start, f);
  }
  void Clear() { bits_.reset(); }
  bool IsEmpty() const { return !bits_; }
  size_t CountSlots() const;
  size_t MemoryUsage() const { return bits_ ? words_ * 8 : 0; }

  // Moves the bitmap out (the set becomes empty) so a caller can iterate it while re-inserting.
  std::unique_ptr<uint64_t[]> Release() { return std::move(bits_); }
  size_t words() const { return words_; }

  // Calls f(Value* slot) for every set bit of `bits` (a bitmap from Release()).
  template <typename F>
  static void ForEachSlot(const uint64_t* bits, size_t words, uintptr_t chunk_start, F&& f) {
    for (size_t w = 0; w < words; ++w) {
      uint64_t word = bits[w];
      while (word != 0) {
        const int bit = __builtin_ctzll(word);
        word &= word - 1;
        f(reinterpret_cast<Value*>(chunk_start + (w * 64 + bit) * 8));
      }
    }
  }

 private:
  void Allocate();

  size_t words_;
  std::unique_ptr<uint64_t[]> bits_;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_REMEMBERED_SET_H_
