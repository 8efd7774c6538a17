// Copyright the tenure authors.
// write-barrier.h — the ONE inline write barrier and the store API.
//
// INVARIANTS (checked by the heap verifier before and after every GC):
//  * Generational invariant: for every live old-generation object H and every Value slot S of H
//    holding a pointer to a young object (new space or young large-object space), the page of H has
//    S recorded in its old->new remembered set (src/heap/remembered-set.h). Entries are deduplicated
//    (one bit per slot). A CompressedValue slot is recorded the same way in the page's compressed
//    slot set (4-byte resolution). Extra entries (stale slots) are allowed; the scavenger filters and rebuilds.
//  * Therefore every pointer store into a heap object MUST go through Store()/WriteBarrier(). Stores
//    into freshly allocated young objects may skip the barrier (young hosts are never recorded),
//    but only until the next allocation (which may GC and promote the host).
//  * Marking invariant (while incremental marking runs, see src/heap/incremental-marking.h): a
//    store into a black old host of a white old object greys it; of a young object records the
//    slot for finalization. Hosts on chunks without kPageMarking are never black.
//  * The page header of any object is found by masking its address with ~(kPageSize-1); its first
//    word is the page flag set below. Large objects start in the first 256 KiB of their chunk.
#ifndef TENURE_WRITE_BARRIER_H_
#define TENURE_WRITE_BARRIER_H_

#include <cstdint>

#include "tenure/object.h"
#include "tenure/value.h"

namespace tenure {

class Heap;

namespace internal {

inline constexpr int kPageSizeBits = 18;
inline constexpr uintptr_t kPageSize = uintptr_t{1} << kPageSizeBits;  // 256 KiB (V8 §1.1)
inline constexpr uintptr_t kPageAlignmentMask = kPageSize - 1;

// Page flags: the first word of every page / large-object chunk.
enum PageFlag : uintptr_t {
  kPageYoung = 1u << 0,      // new-space semispace page or young large object
  kPageOld = 1u << 1,        // old-space page or old large object
  kPageLarge = 1u << 2,      // chunk holds exactly one large object
  kPageFromSpace = 1u << 3,  // semispace page currently in from-space
  kPageToSpace = 1u << 4,    // semispace page currently in to-space
  kPageEvacuationCandidate = 1u << 5,
  kPageSurvivedScavenge = 1u << 6,  // young LO object found live during the current scavenge
  kPageSweepPending = 1u << 7,      // old page not yet swept after a full GC (src/heap/sweeper.h)
  kPageMarking = 1u << 8,           // old chunk that may hold black objects while incremental
                                    // marking runs (src/heap/incremental-marking.h)
};

// The prefix of every page header that inline code may read.
struct ChunkHeaderPrefix {
  uintptr_t flags;
  Heap* heap;
};

inline ChunkHeaderPrefix* ChunkOf(const void* address) {
  return reinterpret_cast<ChunkHeaderPrefix*>(reinterpret_cast<uintptr_t>(address) &
                                              ~kPageAlignmentMask);
}
inline uintptr_t ChunkFlags(const void* address) { return ChunkOf(address)->flags; }

// Out-of-line slow path: records `slot` (inside `host`) in host's page remembered set.
void RecordOldToNewSlot(HeapObject* host, Value* slot);
void RecordOldToNewSlot(HeapObject* host, CompressedValue* slot);
// Out-of-line marking barrier (incremental-marking.cc): if `host` is black, greys an old white
// `value` or records `slot` for re-scanning at finalization if `value` is young.
void MarkingBarrierSlow(HeapObject* host, Value* slot, Value value);
void MarkingBarrierSlow(HeapObject* host, CompressedValue* slot, Value value);

}  // namespace internal

// The write barrier. Call after storing `value` into `slot` of `host`. Generational part: records
// old->young slots. Marking part (Dijkstra insertion barrier, only on chunks flagged kPageMarking
// while incremental marking runs; with marking off the cost is one bit test of flags already loaded).
// WriteBarrier for a value known to be a (non-null) heap object: the tag test is skipped.
template <typename Slot>  // Value or CompressedValue
inline void WriteBarrierForObject(HeapObject* host, Slot* slot, const HeapObject* object) {
  const uintptr_t host_flags = internal::ChunkFlags(host);
  if ((host_flags & internal::kPageOld) == 0) return;
  if (host_flags & internal::kPageMarking) {
    internal::MarkingBarrierSlow(host, slot, Value::FromObject(object));
  }
  if ((internal::ChunkFlags(object) & internal::kPageYoung) == 0) return;
  internal::RecordOldToNewSlot(host, slot);
}

template <typename Slot>  // Value or CompressedValue
inline void WriteBarrier(HeapObject* host, Slot* slot, Value value) {
  if (!value.IsHeapObject()) return;
  WriteBarrierForObject(host, slot, value.ToObject());
}

// Stores `value` into `slot` (which must lie inside `host`) with the write barrier.
inline void Store(HeapObject* host, Value* slot, Value value) {
  *slot = value;
  WriteBarrier(host, slot, value);
}

// Stores `value` into the compressed `slot` (inside `host`) with the write barrier. Aborts with a
// message if the value does not fit in 32 bits (value.h "COMPRESSED SLOTS"); never truncates.
inline void Store(HeapObject* host, CompressedValue* slot, Value value) {
  slot->Store(value);
  WriteBarrier(host, slot, value);
}

// Stores a pointer to `object` (null: the empty value) into the compressed `slot` (inside `host`)
// with the write barrier: CompressedValue::StoreObject's cheaper check (only the cage can be
// wrong, and a wrong one aborts), and no tag test in the barrier. `object` must be null or an
// object of host's heap.
inline void StoreObject(HeapObject* host, CompressedValue* slot, const HeapObject* object) {
  slot->StoreObject(object);
  if (object != nullptr) WriteBarrierForObject(host, slot, object);
}

// Convenience: stores into the index-th Value word after host's header.
inline void StoreField(HeapObject* host, size_t index, Value value) {
  Store(host, host->body() + index, value);
}

}  // namespace tenure

#endif  // TENURE_WRITE_BARRIER_H_
