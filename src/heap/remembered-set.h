// Copyright the tenure authors.
// remembered-set.h — the per-page old->new slot set.
//
// INVARIANTS:
//  * One bit per slot of the chunk: SlotSet (Value slots) has one per 8 bytes (bit i <-> address
//    chunk_start + 8*i); CompressedSlotSet (CompressedValue slots, value.h) one per 4 bytes. Each
//    page has one of each; a slot is recorded in the set of its own kind. The bitmap is allocated
//    lazily on the first insert, so pages without old->new pointers pay nothing (a compressed set
//    for a 256 KiB page is 8 KiB).
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
//  * Prefetching: ForEachSlot (the scavenger's remembered-set pass) visits slots strictly in
//    address order and calls f exactly once per set bit, like a plain bit loop, but it reads a
//    slot's value kPrefetchDistance / 2 slots before f(slot) runs, only to prefetch what it
//    points to. Its correctness therefore does not depend on that early read: f(slot) re-reads
//    the slot. (Old slots are scattered over old space, and in splay.js 75 % of the scavenger's
//    remembered-set time was two cache misses per slot: the slot and its target's header;
//    docs/heap.md section 22.)
#ifndef TENURE_SRC_HEAP_REMEMBERED_SET_H_
#define TENURE_SRC_HEAP_REMEMBERED_SET_H_

#include <cstddef>
#include <cstdint>
#include <memory>

#include "slot-access.h"
#include "tenure/value.h"

namespace tenure::internal {

// `S` is the slot type (Value or CompressedValue); one bit per sizeof(S) bytes.
template <typename S>
class BasicSlotSet {
 public:
  static constexpr size_t kGranularity = sizeof(S);
  explicit BasicSlotSet(size_t chunk_size) : words_(chunk_size / kGranularity / 64) {}

  // `chunk_start` is the address of the owning chunk; `slot` must lie inside it.
  void Insert(uintptr_t chunk_start, const S* slot) {
    const size_t index = (reinterpret_cast<uintptr_t>(slot) - chunk_start) / kGranularity;
    if (!bits_) Allocate();
    bits_[index / 64] |= uint64_t{1} << (index % 64);
  }
  bool Contains(uintptr_t chunk_start, const S* slot) const {
    if (!bits_) return false;
    const size_t index = (reinterpret_cast<uintptr_t>(slot) - chunk_start) / kGranularity;
    return (bits_[index / 64] >> (index % 64)) & 1;
  }
  // Clears the bits of every slot in [start, end).
  void RemoveRange(uintptr_t chunk_start, uintptr_t start, uintptr_t end);
  // Clears the bit of every slot for which remove(S* slot) returns true, in place; the bitmap
  // is released when no bit is left (so IsEmpty() stays exact for the sweeper's decisions).
  // Visits the slots in address order through ForEachSlot (prefetched, see INVARIANTS).
  template <typename F>
  void RemoveIf(uintptr_t chunk_start, F&& remove) {
    if (!bits_) return;
    uint64_t* bits = bits_.get();
    // ForEachSlot has read a word before it calls f on any slot of it, and f clears only the bit
    // of its own slot: clearing in place never changes which slots are visited.
    ForEachSlot(bits, words_, chunk_start, [bits, chunk_start, &remove](S* slot) {
      if (!remove(slot)) return;
      const size_t index = (reinterpret_cast<uintptr_t>(slot) - chunk_start) / kGranularity;
      bits[index / 64] &= ~(uint64_t{1} << (index % 64));
    });
    for (size_t w = 0; w < words_; ++w) {
      if (bits[w] != 0) return;
    }
    bits_.reset();
  }
  // Calls f(S* slot) for every set bit, in address order.
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

  // Calls f(S* slot) for every set bit of `bits` (a bitmap from Release()), in address order.
  // Software-pipelined (see "Prefetching" above): f(slot) runs kPrefetchDistance slots after the
  // slot was prefetched and kPrefetchDistance / 2 slots after the object its value points to was.
  template <typename F>
  static void ForEachSlot(const uint64_t* bits, size_t words, uintptr_t chunk_start, F&& f) {
    constexpr size_t kDistance = kPrefetchDistance;
    constexpr size_t kHalf = kDistance / 2;
    S* ring[kDistance];
    size_t n = 0;  // slots decoded so far; slot k is in ring[k % kDistance] until f runs on it
    for (size_t w = 0; w < words; ++w) {
      uint64_t word = bits[w];
      while (word != 0) {
        const int bit = __builtin_ctzll(word);
        word &= word - 1;
        S* slot = reinterpret_cast<S*>(chunk_start + (w * 64 + bit) * kGranularity);
        __builtin_prefetch(slot, /*rw=*/1, /*locality=*/3);
        if (n >= kHalf) PrefetchTarget(ring[(n - kHalf) % kDistance]);
        if (n >= kDistance) f(ring[n % kDistance]);
        ring[n % kDistance] = slot;
        ++n;
      }
    }
    // Drain: the last min(n, kDistance) slots, oldest first.
    for (size_t k = n > kDistance ? n - kDistance : 0; k < n; ++k) f(ring[k % kDistance]);
  }

  private:
  static constexpr size_t kPrefetchDistance = 16;  // a power of two
  // Prefetches the object `slot` points to (its header: a scavenge reads and then overwrites it
  // with the forwarding word). A prefetch never faults, and a stale or non-pointer value only
  // wastes it.
  static void PrefetchTarget(const S* slot) {
    const Value value = LoadSlot(slot);
    if (value.IsHeapObject()) __builtin_prefetch(value.ToObject(), /*rw=*/1, /*locality=*/3);
  }
  void Allocate() { bits_.reset(new uint64_t[words_]()); }

  size_t words_;
  std::unique_ptr<uint64_t[]> bits_;
};

using SlotSet = BasicSlotSet<Value>;
using CompressedSlotSet = BasicSlotSet<CompressedValue>;

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_REMEMBERED_SET_H_
