// Heap layouts of the runtime's values, all allocated in libtenure.
//
// Value encoding (tenure/value.h): Smi = small integer (the runtime stores integral numbers in the
// int32 range, never -0, as Smis); heap pointer = HeapNumber (other doubles), String, JSObject
// (every object, array, function, error, Map/Set), FixedArray, Shape, Context; embedder immediates
// with tag 2 = undefined, null, true, false and the hole (TDZ marker / array hole).
//
// Invariants:
//  - Every type below has a TypeInfo whose layout reports exactly its Value fields; Strings and
//    HeapNumbers contain no pointers.
//  - A JSObject's property values live at Shape-assigned indices: index < kInlineSlots in
//    inline_slots, otherwise in `slots` (a FixedArray) at index - kInlineSlots.
//  - Shapes are immutable once published except for their transition table; property keys are
//    interned Strings, so key comparison is pointer equality.
//  - All stores of heap pointers into heap objects go through tenure::Store (write barrier).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "string_utf16.h"
#include "tenure/tenure.h"

namespace tenure::js {

using tenure::HeapObject;
using tenure::Value;

// Embedder immediates (tag 2): payload << 3 | 2.
inline constexpr Value kUndefined = Value::MakeImmediate(1, 2);
inline constexpr Value kNull = Value::MakeImmediate(2, 2);
inline constexpr Value kTrue = Value::MakeImmediate(3, 2);
inline constexpr Value kFalse = Value::MakeImmediate(4, 2);
inline constexpr Value kHole = Value::MakeImmediate(5, 2);

inline Value FromBool(bool b) { return b ? kTrue : kFalse; }

// Instance kinds, stored in TypeInfo::embedder_tag.
enum class Kind : uint32_t {
  kHeapNumber = 1,
  kString,
  kFixedArray,
  kShape,
  kContext,
  kSymbol,            // Symbol (builtins_symbol.cc)
  kEphemeronTable,    // WeakMap/WeakSet storage: [key, value]* ephemeron pairs (builtins_weak.cc)
  kWeakFixedArray,    // every item is a weak slot (WeakRef target, FinalizationRegistry cells)
  kObject,      // plain object and everything below is a JSObject layout
  kArray,
  kFunction,
  kError,
  kMap,
  kSet,
  kBoxed,       // Number/String/Boolean wrapper, arguments object
  kWeakMap,     // internal[0]: EphemeronTable (builtins_weak.cc)
  kWeakSet,
  kWeakRef,     // internal[0]: WeakFixedArray [target]
  kFinalizationRegistry,
  kBuffer,      // internal[0]: Smi backing-store address (malloc), length: byte count
};

struct HeapNumber : HeapObject {
  double value;
};

// Canonical WTF-8 bytes; `length` counts bytes (it sizes the object). JS sees UTF-16 code units:
// `info` caches ASCII-ness and the UTF-16 length at creation (bit layout in string_utf16.h).
struct String : HeapObject {
  uint32_t length;
  uint32_t info;  // kStringInterned | kStringNonAscii | units << kStringUnitsShift; bytes follow

  char* data() { return reinterpret_cast<char*>(this + 1); }
  const char* data() const { return reinterpret_cast<const char*>(this + 1); }
  std::string_view view() const { return {data(), length}; }
  bool interned() const { return (info & kStringInterned) != 0; }
  bool is_ascii() const { return (info & kStringNonAscii) == 0; }
  uint32_t units() const { return is_ascii() ? length : info >> kStringUnitsShift; }  // JS `length`
};
inline constexpr size_t kStringDataOffset = sizeof(HeapObject) + 8;  // header, length, info
static_assert(sizeof(String) == kStringDataOffset, "String bytes follow the fixed fields");

struct FixedArray : HeapObject {
  Value length;  // Smi; `length` Value slots follow

  Value* items() { return reinterpret_cast<Value*>(this + 1); }
  int64_t size() const { return length.ToSmi(); }
};
static_assert(sizeof(FixedArray) == 16, "FixedArray items follow the length word");

// A node of the shape tree: adds `key` at `index` to `parent`'s properties.
struct Shape : HeapObject {
  Value parent;       // Shape or undefined (root)
  Value key;          // String (undefined in the root)
  Value index;        // Smi: slot index of `key`
  Value count;        // Smi: number of properties of objects with this shape
  Value flags;        // Smi: kShapeAccessor | kShapeHidden for `key`
  Value transitions;  // FixedArray [key, flags, shape]* or undefined
};
inline constexpr int64_t kShapeAccessor = 1;  // slot holds a FixedArray [getter, setter]
inline constexpr int64_t kShapeHidden = 2;    // non-enumerable (class methods, builtins)

// A Symbol: identity is the object; `hash` is fixed at creation (Map/Set keys); `flags` has
// kSymbolPrivate for runtime-internal keys that no enumeration or inspection ever shows.
struct Symbol : HeapObject {
  Value description;  // String or undefined
  Value hash;         // Smi
  Value flags;        // Smi
};
inline constexpr int64_t kSymbolPrivate = 1;

inline constexpr int kInlineSlots = 4;

struct JSObject : HeapObject {
  Value shape;
  Value proto;     // JSObject or null
  Value slots;     // FixedArray (properties beyond kInlineSlots) or undefined
  Value elements;  // FixedArray (arrays, arguments) or undefined
  Value length;    // Smi: array length
  Value internal[3];  // function: context, Smi function id, home object; boxed: value; map/set: table
  Value inline_slots[kInlineSlots];
};

const TypeInfo* HeapNumberType();
const TypeInfo* StringType();
const TypeInfo* FixedArrayType();
const TypeInfo* ContextType();
const TypeInfo* ShapeType();
const TypeInfo* SymbolType();
// FixedArray layouts (length word + items) whose items the GC visits as ephemeron pairs
// ([key, value]*: value live iff key live) or as weak slots; cleared slots read `undefined`.
const TypeInfo* EphemeronTableType();
const TypeInfo* WeakFixedArrayType();
const TypeInfo* ObjectType(Kind kind);

inline Kind KindOf(const HeapObject* o) { return static_cast<Kind>(o->type()->embedder_tag); }
inline bool IsKind(Value v, Kind k) { return v.IsHeapObject() && KindOf(v.ToObject()) == k; }
inline bool IsJSObject(Value v) {
  return v.IsHeapObject() && KindOf(v.ToObject()) >= Kind::kObject;
}
inline bool IsString(Value v) { return IsKind(v, Kind::kString); }
inline bool IsNumber(Value v) { return v.IsSmi() || IsKind(v, Kind::kHeapNumber); }
inline double NumberValue(Value v) {
  return v.IsSmi() ? static_cast<double>(v.ToSmi()) : v.As<HeapNumber>()->value;
}
inline bool IsNullish(Value v) { return v == kUndefined || v == kNull; }

}  // namespace tenure::js
