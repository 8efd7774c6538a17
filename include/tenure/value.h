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

}  // namespace tenure

#endif  // TENURE_VALUE_H_
