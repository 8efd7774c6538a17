// Copyright the tenure authors.
// filler.h — filler objects that keep pages iterable.
//
// INVARIANTS:
//  * A filler is an object of type kFreeSpaceType: word 1 holds its size in bytes (raw, >= 16,
//    multiple of 8); for free-list entries (size >= FreeList::kMinBlockSize) word 2 holds the next
//    entry (raw address) of its free-list category. Fillers have no pointer slots.
//  * No Value slot of a live object or root ever points to a filler.
#ifndef TENURE_SRC_HEAP_FILLER_H_
#define TENURE_SRC_HEAP_FILLER_H_

#include <cstddef>
#include <cstdint>

#include "tenure/object.h"

namespace tenure::internal {

extern const TypeInfo kFreeSpaceType;

inline bool IsFiller(const HeapObject* object) { return object->type() == &kFreeSpaceType; }

// Formats [start, start+size) as one filler object. size >= 16, multiple of 8.
inline HeapObject* CreateFiller(uintptr_t start, size_t size) {
  HeapObject* filler = reinterpret_cast<HeapObject*>(start);
  filler->set_type(&kFreeSpaceType);
  filler->body()[0] = Value::FromRaw(size);
  return filler;
}

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_FILLER_H_
