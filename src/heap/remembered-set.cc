// Copyright the tenure authors.
#include "remembered-set.h"

#include "page.h"

namespace tenure::internal {

template <typename S>
void BasicSlotSet<S>::RemoveRange(uintptr_t chunk_start, uintptr_t start, uintptr_t end) {
  if (!bits_) return;
  size_t first = (start - chunk_start) / kGranularity;
  const size_t last = (end - chunk_start) / kGranularity;  // exclusive
  while (first < last && first % 64 != 0) {
    bits_[first / 64] &= ~(uint64_t{1} << (first % 64));
    ++first;
  }
  while (first + 64 <= last) {
    bits_[first / 64] = 0;
    first += 64;
  }
  while (first < last) {
    bits_[first / 64] &= ~(uint64_t{1} << (first % 64));
    ++first;
  }
}

template <typename S>
size_t BasicSlotSet<S>::CountSlots() const {
  if (!bits_) return 0;
  size_t n = 0;
  for (size_t w = 0; w < words_; ++w) n += __builtin_popcountll(bits_[w]);
  return n;
}

template class BasicSlotSet<Value>;
template class BasicSlotSet<CompressedValue>;

// The write barrier's slow path (write-barrier.h).
void RecordOldToNewSlot(HeapObject* host, Value* slot) {
  Page* page = Page::FromAddress(host);
  page->slot_set().Insert(page->address(), slot);
}
void RecordOldToNewSlot(HeapObject* host, CompressedValue* slot) {
  Page* page = Page::FromAddress(host);
  page->compressed_slot_set().Insert(page->address(), slot);
}

}  // namespace tenure::internal
