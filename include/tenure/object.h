// Copyright the tenure authors.
// object.h — heap object layout, type descriptors and the visitor the GC uses to find pointers.
//
// INVARIANTS (checked by the heap verifier):
//  * Every heap object starts with one header word. Outside a GC it holds exactly the address of the
//    object's `const TypeInfo` (8-byte aligned, so the low 3 bits are zero). During a GC the low bits
//    are used: bit 0 = "forwarded" (the rest of the word is the new address), bit 1 = mark bit.
//    No object has a mark bit or forwarding bit set outside a GC.
//  * Objects are 8-byte aligned and occupy AllocationSize(size) = max(16, round_up(size, 8)) bytes,
//    where size is TypeInfo::size or TypeInfo::size_of(object). size_of must depend only on data the
//    embedder writes right after allocation (e.g. a length word), before any further allocation.
//  * The GC treats as pointers exactly the slots the type reports:
//      kNoPointers   — none (strings, doubles, byte arrays);
//      kAllTagged    — every 8-byte word after the header up to the object's size is a Value slot;
//      kTaggedPrefix — the first `tagged_prefix_words` words after the header are Value slots;
//      kCompressedTaggedPrefix — the first `compressed_prefix_slots` 4-byte CompressedValue slots
//                      after the header (value.h "COMPRESSED SLOTS"), reported through
//                      VisitCompressedSlots;
//      kCustom       — `visit(object, visitor)` reports the slots (strong, weak or ephemeron pairs,
//                      and strong compressed slots through VisitCompressedSlots).
//    A slot may hold any Value (Smi, immediate, empty); only heap-object pointers are followed.
//  * Weak slots (VisitWeakSlot): a full GC (mark-compact) writes HeapConfig::cleared_weak_value into a
//    weak slot whose target did not survive. The scavenger treats weak slots as STRONG (a young
//    target of a weak slot survives scavenges and is only cleared by a later full GC).
//  * Ephemeron pairs (VisitEphemeron): in a full GC the value is live iff the key is live (computed to
//    a fixpoint); if the key dies both key and value slots are set to cleared_weak_value. The
//    scavenger treats both slots as strong.
#ifndef TENURE_OBJECT_H_
#define TENURE_OBJECT_H_

#include <cstddef>
#include <cstdint>

#include "tenure/value.h"

namespace tenure {

class HeapObject;

// Visits the Value slots of one object (or of a root set). The GC implements several of these;
// embedders implement TypeInfo::visit against this interface.
class ObjectVisitor {
 public:
  virtual ~ObjectVisitor() = default;
  virtual void VisitSlot(Value* slot) = 0;
  virtual void VisitSlots(Value* begin, Value* end) {
    for (Value* s = begin; s < end; ++s) VisitSlot(s);
  }
  // Default: weak slots are visited like strong ones (for visitors that don't care).
  virtual void VisitWeakSlot(Value* slot) { VisitSlot(slot); }
  // Default: both slots visited strongly.
  virtual void VisitEphemeron(Value* key, Value* value) {
    VisitSlot(key);
    VisitSlot(value);
  }
  // Strong compressed slots [begin, end) of one object (value.h). Default, for visitors that only
  // read or update values: each slot is loaded into a temporary Value, VisitSlot runs on the
  // temporary, and a changed value is stored back (checked). A visitor that keeps slot ADDRESSES
  // (every collector in src/heap does: remembered sets, recorded slots) must override this.
  virtual void VisitCompressedSlots(CompressedValue* begin, CompressedValue* end) {
    for (CompressedValue* s = begin; s < end; ++s) {
      Value value = s->Load();
      const Value before = value;
      VisitSlot(&value);
      if (value != before) s->Store(value);
    }
  }
  void VisitCompressedSlot(CompressedValue* slot) { VisitCompressedSlots(slot, slot + 1); }
};

enum class LayoutKind : uint8_t {
  kNoPointers,
  kAllTagged,
  kTaggedPrefix,
  kCustom,
  kCompressedTaggedPrefix,
};

// The type descriptor. Embedders define these as static constants, e.g.
//   constexpr tenure::TypeInfo kPairType{.class_name = "Pair", .layout = LayoutKind::kAllTagged,
//                                        .size = 24};
struct TypeInfo {
  const char* class_name = "Object";
  LayoutKind layout = LayoutKind::kNoPointers;
  // Fixed size in bytes, header included. Used when size_of is null.
  uint32_t size = 0;
  // For variable-sized objects: returns the size in bytes, header included.
  size_t (*size_of)(const HeapObject* object) = nullptr;
  // kTaggedPrefix: number of Value slots directly after the header.
  uint32_t tagged_prefix_words = 0;
  // kCompressedTaggedPrefix: number of 4-byte CompressedValue slots directly after the header.
  uint32_t compressed_prefix_slots = 0;
  // kCustom: reports every Value slot of `object`.
  void (*visit)(HeapObject* object, ObjectVisitor& visitor) = nullptr;
  // Free for the embedder (e.g. an instance-type enum); the GC never reads it.
  uint32_t embedder_tag = 0;
};

inline constexpr size_t kTaggedSize = 8;
inline constexpr size_t kObjectAlignment = 8;
inline constexpr size_t kMinObjectSize = 16;

constexpr size_t AllocationSize(size_t size) {
  size_t aligned = (size + kObjectAlignment - 1) & ~(kObjectAlignment - 1);
  return aligned < kMinObjectSize ? kMinObjectSize : aligned;
}

// Base of every heap object. Embedders derive plain structs from it:
//   struct Pair : tenure::HeapObject { tenure::Value first, second; };
class HeapObject {
 public:
  static constexpr uintptr_t kForwardedBit = 1;
  static constexpr uintptr_t kMarkBit = 2;
  static constexpr uintptr_t kHeaderTagMask = 7;

  const TypeInfo* type() const {
    return reinterpret_cast<const TypeInfo*>(header_ & ~kHeaderTagMask);
  }
  // Bytes this object occupies in the heap (AllocationSize of its type's size).
  size_t Size() const {
    const TypeInfo* t = type();
    return AllocationSize(t->size_of != nullptr ? t->size_of(this) : t->size);
  }
  uintptr_t address() const { return reinterpret_cast<uintptr_t>(this); }
  Value* body() { return reinterpret_cast<Value*>(this + 1); }
  const Value* body() const { return reinterpret_cast<const Value*>(this + 1); }
  CompressedValue* compressed_body() { return reinterpret_cast<CompressedValue*>(this + 1); }
  template <typename T>
  T* As() { return static_cast<T*>(this); }

  // Reports this object's Value slots according to its TypeInfo layout.
  void VisitSlots(ObjectVisitor& visitor);

  // GC-internal header access (used by the collectors and the verifier).
  uintptr_t raw_header() const { return header_; }
  void set_raw_header(uintptr_t word) { header_ = word; }
  void set_type(const TypeInfo* type) { header_ = reinterpret_cast<uintptr_t>(type); }

 private:
  uintptr_t header_;
};

static_assert(sizeof(HeapObject) == kTaggedSize);

inline void HeapObject::VisitSlots(ObjectVisitor& visitor) {
  const TypeInfo* t = type();
  switch (t->layout) {
    case LayoutKind::kNoPointers:
      return;
    case LayoutKind::kAllTagged: {
      Value* begin = body();
      visitor.VisitSlots(begin, reinterpret_cast<Value*>(address() + Size()));
      return;
    }
    case LayoutKind::kTaggedPrefix:
      visitor.VisitSlots(body(), body() + t->tagged_prefix_words);
      return;
    case LayoutKind::kCustom:
      t->visit(this, visitor);
      return;
    case LayoutKind::kCompressedTaggedPrefix:
      visitor.VisitCompressedSlots(compressed_body(), compressed_body() + t->compressed_prefix_slots);
      return;
  }
}

}  // namespace tenure

#endif  // TENURE_OBJECT_H_
