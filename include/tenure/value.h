// Copyright the tenure authors.
// value.h — the tagged 64-bit word every heap slot and handle holds.
//
// INVARIANTS (checked by the heap verifier, src/heap/verifier.cc):
//  * A Value is exactly 64 bits; its meaning is decided by its low bits only:
//      raw == 0                     -> the empty Value. The GC ignores it. Fresh heap memory is all
//                                      empty Values, so an uninitialised slot is always safe.
//      raw & 1 == 1                 -> small integer (Smi): payload = raw >> 1 (arithmetic), 63 bits.
//      raw & 7 == 0, raw != 0       -> pointer to the header word of a HeapObject.
//      anything else (...010, ...100, ...110)
//                                   -> an *embedder immediate*. The GC never dereferences or changes it
//                                      (the JS runtime uses these for undefined/null/true/false/holes).
//  * Only slots reported through ObjectVisitor (object.h) or root visitors are ever treated as
//    pointers. The GC never guesses.
//
// COMPRESSED SLOTS (CompressedValue, docs/heap.md section 26; V8's pointer compression, whose
// public design puts every heap object in one 4 GiB "cage" and stores a tagged field as 32 bits):
//  * Every heap object of a Heap lies inside that heap's cage: one reservation of kCageSize bytes
//    aligned to kCageSize (src/heap/cage.h). So the cage base of a slot inside a heap object is
//    its own address with the low 32 bits cleared, and a compressed slot needs no base register.
//  * A CompressedValue is 32 bits; like a Value its low bits decide what it holds:
//      raw == 0                     -> the empty Value.
//      raw & 1 == 1                 -> Smi: payload = int32(raw) >> 1, 31 bits
//                                      [kCompressedSmiMin, kCompressedSmiMax].
//      raw & 7 == 0, raw != 0       -> pointer: the object at cage base + raw.
//      anything else                -> an embedder immediate whose 64-bit raw is < 2^32 (payload
//                                      < 2^29), stored unchanged.
//    Decompression is therefore: Smi -> sign-extend; pointer -> base + zero-extend; else zero-extend.
//  * A Value that does not fit (a Smi outside 31 bits, an immediate with payload >= 2^29, a
//    pointer outside the slot's cage) is never truncated: CompressedValue::Store aborts with a
//    message; Fits() tells the embedder beforehand. StoreObject takes a HeapObject* of the slot's
//    own heap (or null), which always fits: only the cage could be wrong, and only for an object
//    of another Heap, which its contract excludes (checked in builds without NDEBUG).
//  * A CompressedValue only means something at its place inside a heap object (its address names
//    the cage), so it cannot be copied; read it with Load(). Compressed slots are strong slots
//    (there is no weak or ephemeron form) and never roots.
#ifndef TENURE_VALUE_H_
#define TENURE_VALUE_H_

#include <cstdint>

namespace tenure {

class HeapObject;

class Value {
 public:
  static constexpr uint64_t kSmiTag = 1;
  static constexpr uint64_t kPointerTagMask = 7;
  static constexpr int64_t kSmiMax = (int64_t{1} << 62) - 1;
  static constexpr int64_t kSmiMin = -(int64_t{1} << 62);

  constexpr Value() = default;

  static constexpr Value FromRaw(uint64_t raw) { return Value(raw); }
  // Requires kSmiMin <= v <= kSmiMax (checked with IsValidSmi).
  static constexpr Value FromSmi(int64_t v) {
    return Value((static_cast<uint64_t>(v) << 1) | kSmiTag);
  }
  static constexpr bool IsValidSmi(int64_t v) { return v >= kSmiMin && v <= kSmiMax; }
  static Value FromObject(const HeapObject* object) {
    return Value(reinterpret_cast<uint64_t>(object));
  }
  // An embedder immediate: `payload` is shifted left by 3 and tagged with `tag` (2, 4 or 6).
  static constexpr Value MakeImmediate(uint64_t payload, uint64_t tag) {
    return Value((payload << 3) | (tag & 6));
  }

  constexpr uint64_t raw() const { return raw_; }
  constexpr bool IsEmpty() const { return raw_ == 0; }
  constexpr bool IsSmi() const { return (raw_ & kSmiTag) != 0; }
  constexpr bool IsHeapObject() const { return raw_ != 0 && (raw_ & kPointerTagMask) == 0; }
  constexpr bool IsImmediate() const { return !IsSmi() && (raw_ & kPointerTagMask) != 0; }

  constexpr int64_t ToSmi() const { return static_cast<int64_t>(raw_) >> 1; }
  HeapObject* ToObject() const { return reinterpret_cast<HeapObject*>(raw_); }
  template <typename T>
  T* As() const { return static_cast<T*>(ToObject()); }

  friend constexpr bool operator==(Value a, Value b) { return a.raw_ == b.raw_; }
  friend constexpr bool operator!=(Value a, Value b) { return a.raw_ != b.raw_; }

 private:
  constexpr explicit Value(uint64_t raw) : raw_(raw) {}
  uint64_t raw_ = 0;
};

static_assert(sizeof(Value) == 8, "Value must be one 64-bit word");

inline constexpr Value kEmptyValue{};

// Size and alignment of a heap's cage (the span 32-bit offsets can address).
inline constexpr uint64_t kCageSize = uint64_t{1} << 32;

// A 32-bit compressed tagged slot inside a heap object (see COMPRESSED SLOTS above).
class CompressedValue {
 public:
  static constexpr int64_t kSmiMax = (int64_t{1} << 30) - 1;
  static constexpr int64_t kSmiMin = -(int64_t{1} << 30);

  constexpr CompressedValue() = default;
  CompressedValue(const CompressedValue&) = delete;
  CompressedValue& operator=(const CompressedValue&) = delete;

  // The cage base for slots at `address` (the address with its low 32 bits cleared).
  static uint64_t CageBaseOf(const void* address) {
    return reinterpret_cast<uint64_t>(address) & ~(kCageSize - 1);
  }
  // True if `value` can be stored in this slot without loss.
  bool Fits(Value value) const {
    uint32_t unused;
    return Compress(value, &unused);
  }
  Value Load() const {
    const uint32_t raw = raw_;
    if (raw & Value::kSmiTag) return Value::FromSmi(static_cast<int32_t>(raw) >> 1);
    if (raw != 0 && (raw & Value::kPointerTagMask) == 0) return Value::FromRaw(CageBaseOf(this) + raw);
    return Value::FromRaw(raw);
  }
  // Stores `value` without a write barrier (tenure::Store in write-barrier.h adds it). Aborts with
  // a message if the value does not fit (never truncates).
  void Store(Value value) {
    uint32_t raw;
    if (!Compress(value, &raw)) FailStore(this, value);
    raw_ = raw;
  }
  // Stores a pointer to `object`, or the empty value if `object` is null, without a write barrier
  // (tenure::StoreObject in write-barrier.h adds it). For callers that hold a HeapObject* (or a
  // Local<T> of a heap object type) rather than an arbitrary Value: no tag is inspected and, in
  // builds without NDEBUG only, the cage is checked (aborting as Store does).
  // Contract: `object` is null or an object of the same Heap as the object holding this slot.
  // Why that cannot truncate: every object of a Heap lies in that heap's cage (COMPRESSED SLOTS),
  // and so does this slot, so the pointer's upper 32 bits are the slot's own. The contract is
  // broken only by an object of another Heap (two heaps, two cages) or a stray pointer; Store(Value)
  // stays checked in every build for values that may come from elsewhere. The release check was
  // dropped because its two branches made GCBench's recursive MakeTree too large for GCC to inline
  // a level, ~10 % of the run's instructions (docs/heap.md section 27).
  void StoreObject(const HeapObject* object) {
    const uint64_t address = reinterpret_cast<uint64_t>(object);
#ifndef NDEBUG
    if (((address ^ reinterpret_cast<uint64_t>(this)) >> 32) != 0 && address != 0) {
      FailStore(this, Value::FromRaw(address));
    }
#endif
    raw_ = static_cast<uint32_t>(address);
  }
  // Raw 32 bits (GC-internal: the collectors compare and rewrite them).
  uint32_t raw() const { return raw_; }
  void set_raw(uint32_t raw) { raw_ = raw; }
  bool IsHeapObject() const { return raw_ != 0 && (raw_ & Value::kPointerTagMask) == 0; }

 private:
  bool Compress(Value value, uint32_t* out) const {
    const uint64_t raw = value.raw();
    if (value.IsHeapObject()) {
      if ((raw & ~(kCageSize - 1)) != CageBaseOf(this)) return false;
      *out = static_cast<uint32_t>(raw);
      return true;
    }
    if (value.IsSmi()) {
      const int64_t v = value.ToSmi();
      if (v < kSmiMin || v > kSmiMax) return false;
    } else if ((raw >> 32) != 0) {  // empty (0) always fits; immediates need payload < 2^29
      return false;
    }
    *out = static_cast<uint32_t>(raw);
    return true;
  }
  [[noreturn, gnu::cold]] static void FailStore(const void* slot, Value value);

  uint32_t raw_ = 0;
};

static_assert(sizeof(CompressedValue) == 4, "CompressedValue must be 32 bits");

}  // namespace tenure

#endif  // TENURE_VALUE_H_
