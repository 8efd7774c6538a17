// Copyright the tenure authors.
// slot-access.h — one spelling for reading and rewriting both kinds of tagged slot, so collector
// code can be written once as a template over the slot type (Value or CompressedValue, value.h).
//
// INVARIANTS:
//  * LoadSlot returns the full 64-bit Value the slot denotes (a compressed slot is decompressed
//    against its own cage, value.h "COMPRESSED SLOTS").
//  * SetSlotObject writes a pointer to `object`, which must lie in the same heap (hence the same
//    cage) as the slot: for a compressed slot that is its low 32 bits, written unchecked (the GC
//    only ever moves objects inside their heap's cage).
#ifndef TENURE_SRC_HEAP_SLOT_ACCESS_H_
#define TENURE_SRC_HEAP_SLOT_ACCESS_H_

#include <cstdint>
#include <vector>

#include "tenure/object.h"
#include "tenure/value.h"

namespace tenure::internal {

inline Value LoadSlot(const Value* slot) { return *slot; }
inline Value LoadSlot(const CompressedValue* slot) { return slot->Load(); }

inline void SetSlotObject(Value* slot, const HeapObject* object) { *slot = Value::FromObject(object); }
inline void SetSlotObject(CompressedValue* slot, const HeapObject* object) {
  slot->set_raw(static_cast<uint32_t>(reinterpret_cast<uintptr_t>(object)));
}

// For values that are not pointers into the heap (e.g. HeapConfig::cleared_weak_value): checked.
inline void StoreSlotValue(Value* slot, Value value) { *slot = value; }
inline void StoreSlotValue(CompressedValue* slot, Value value) { slot->Store(value); }

// A list of slot addresses of both kinds (recorded slots, young slots of black objects). The two
// kinds never share an address, so a set of `const void*` built from ForEach identifies a slot.
struct SlotList {
  std::vector<Value*> full;
  std::vector<CompressedValue*> compressed;

  void push_back(Value* slot) { full.push_back(slot); }
  void push_back(CompressedValue* slot) { compressed.push_back(slot); }
  // f(Value*) for every full slot, then f(CompressedValue*) for every compressed one.
  template <typename F>
  void ForEach(F&& f) const {
    for (Value* slot : full) f(slot);
    for (CompressedValue* slot : compressed) f(slot);
  }
  size_t size() const { return full.size() + compressed.size(); }
  bool empty() const { return full.empty() && compressed.empty(); }
  void clear() {
    full.clear();
    compressed.clear();
  }
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_SLOT_ACCESS_H_
