// ArrayBuffer and the typed arrays (ECMA-262 §25.1 ArrayBuffer, §23.2 TypedArray objects).
//
// Invariants:
//  - An ArrayBuffer (Kind::kArrayBuffer) owns a malloc'd, zero-filled backing store outside the
//    heap: `length` = Smi byte length, internal[0] = Smi address (a Smi, so the GC never follows
//    it). The store is freed by the weak-Global callback of builtins_buffer.cc (the one Buffer
//    used before) after a GC found the ArrayBuffer dead, and is counted in
//    process.memoryUsage().external / .arrayBuffers until then. Stores never move or resize
//    (no transfer/resize/detach), so views may cache addresses.
//  - A view (Kind::kTypedArray, or Kind::kBuffer = a Uint8 view whose prototype chain is
//    Buffer.prototype -> Uint8Array.prototype) has `length` = Smi element count, internal[0] =
//    Smi address of its first element (store address + byte offset), internal[1] = its
//    ArrayBuffer (a strong pointer: a live view keeps the store alive), internal[2] = Smi
//    ElementType | byte offset << kViewOffsetShift. byte offset + length * element size never
//    exceeds the buffer's byte length, and the byte offset is a multiple of the element size.
//  - A DataView (Kind::kDataView) has a view's layout with type kUint8 and `length` = its byte
//    length, but is not integer-indexed (IsView is false for it; ViewData/ViewLength apply).
//  - Every field is a Value (Smi or heap pointer), so the full JSObject layout's kAllTagged
//    visiting is exact for both kinds.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime.h"

namespace tenure::js {

enum class ElementType : int64_t {
  kInt8, kUint8, kUint8Clamped, kInt16, kUint16, kInt32, kUint32, kFloat32, kFloat64, kCount
};
inline constexpr int kViewOffsetShift = 4;
// Slots of the FixedArray in roots_[kRootTypedArrayPrototypes].
inline constexpr int kArrayBufferProtoSlot = static_cast<int>(ElementType::kCount);
inline constexpr int kTypedArrayProtoSlot = kArrayBufferProtoSlot + 1;  // %TypedArray%.prototype

inline bool IsView(Value v) { return IsKind(v, Kind::kTypedArray) || IsKind(v, Kind::kBuffer); }
inline uint8_t* ViewData(Value view) {
  return reinterpret_cast<uint8_t*>(static_cast<uintptr_t>(view.As<JSObject>()->internal[0].ToSmi()));
}
inline size_t ViewLength(Value view) { return static_cast<size_t>(view.As<JSObject>()->length.ToSmi()); }
inline ElementType ViewType(Value view) {
  return static_cast<ElementType>(view.As<JSObject>()->internal[2].ToSmi() & ((1 << kViewOffsetShift) - 1));
}
inline size_t ViewByteOffset(Value view) {
  return static_cast<size_t>(view.As<JSObject>()->internal[2].ToSmi() >> kViewOffsetShift);
}
size_t ElementSize(ElementType type);
inline uint8_t* ArrayBufferData(Value ab) {
  return reinterpret_cast<uint8_t*>(static_cast<uintptr_t>(ab.As<JSObject>()->internal[0].ToSmi()));
}
inline size_t ArrayBufferLength(Value ab) { return static_cast<size_t>(ab.As<JSObject>()->length.ToSmi()); }

// A new zero-filled ArrayBuffer of `size` bytes, accounted as external memory (builtins_buffer.cc).
// Empty (RangeError pending) when too large or out of memory. May GC.
Value NewArrayBuffer(Runtime& rt, size_t size);
// A view of `length` elements of `type` over `buffer` from `byte_offset` (checked by the caller),
// of `kind` (kTypedArray or kBuffer) with prototype `proto`. May GC.
Value NewView(Runtime& rt, Kind kind, Handle proto, Handle buffer, ElementType type, size_t byte_offset,
              size_t length);
// The prototype of `type`'s constructor (Uint8Array.prototype, ...).
Value TypedArrayPrototype(Runtime& rt, ElementType type);

// Integer-indexed exotic [[Get]] / [[Set]] (§10.4.5): indices past the end read undefined and
// writes to them are ignored; the value is converted first (ToNumber may call user code).
Value ViewGetIndex(Runtime& rt, Value view, int64_t index);  // may allocate a HeapNumber
bool ViewSetIndex(Runtime& rt, Handle view, int64_t index, Handle value);  // false: exception
// A Number key on a view is always integer-indexed, never an ordinary property (§10.4.5,
// CanonicalNumericIndexString): the element index, or -1 (reads undefined, writes ignored) for
// negative, fractional, NaN or huge keys; -0 is index 0.
inline int64_t ViewNumericIndex(Value key) {
  double d = NumberValue(key);
  if (!(d >= 0 && d < 9007199254740992.0) || d != std::trunc(d)) return -1;  // NaN fails the first test
  return static_cast<int64_t>(d);
}
// %TypedArray%.prototype.subarray(begin, end) (also node's Buffer.prototype.slice): a view of the
// same kind, type and buffer.
Value TypedArraySubarray(Runtime& rt, Handle self, Args args);
// Element conversions: ToInt8 .. ToUint32 (modulo), Uint8Clamp (round half to even), float32
// rounding; the raw bytes are little-endian host order.
double ReadElement(const uint8_t* p, ElementType type);
void WriteElement(uint8_t* p, ElementType type, double value);
// Copies `size` bytes, reversed when `reverse` (big-endian access on this little-endian host).
inline void CopyBytesOrdered(uint8_t* to, const uint8_t* from, size_t size, bool reverse) {
  for (size_t k = 0; k < size; ++k) to[k] = from[reverse ? size - 1 - k : k];
}

// Hex bytes as util.inspect shows them: "01 02", then "... N more bytes" past `limit` (a Buffer
// shows 50 = buffer.INSPECT_MAX_BYTES, an ArrayBuffer's [Uint8Contents] maxArrayLength = 100).
std::string InspectBytes(const uint8_t* data, size_t n, size_t limit);

void InstallTypedArrayBuiltins(Runtime& rt, Handle global);

}  // namespace tenure::js
