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
//  - A JSObject's property values live at Shape-assigned indices: index < InlineCapacity(o) in
//    InlineSlots(o), otherwise in `slots` (a FixedArray) at index - InlineCapacity(o). The inline
//    capacity is a property of the object (its TypeInfo), not of its shape: two objects of one
//    shape may split their properties differently, so every slot access goes through
//    Runtime::ReadSlot/WriteSlot, which compute the split from the object.
//  - JSObject layouts (see "Object layout" below and docs/runtime.md): every JSObject starts with
//    shape, proto, slots, elements. Plain objects (Kind::kObject made by NewObject) stop there and
//    carry 0..kMaxInlineCapacity inline slots; arrays add `length` and no inline slots; every
//    other kind (and kObject made by NewObjectWithInternals) has the full struct below. Reading
//    `length` or `internal` of an object whose layout lacks them reads past its end: check
//    HasLengthField/HasInternalFields (or the kind) first.
//  - TypeInfo::embedder_tag = Kind | inline capacity << 8 | first inline word << 16; KindOf masks.
//  - Shapes are immutable once published except for their transition table; property keys are
//    interned Strings, so key comparison is pointer equality.
//  - All stores of heap pointers into heap objects go through tenure::Store (write barrier).
//  - A copy-on-write elements store (IsCowElements: a FixedArray of CowFixedArrayType) is shared by
//    every array an immediate-only literal (`[0, 1, ..., 9]`) created, and by the function's
//    constant pool; it holds only immediates (Smis, booleans, null) and is never written. Every
//    path that writes an array's elements (Runtime::WritableElements' callers: ArraySet, length
//    truncation, delete, the Array.prototype mutators, the keyed-store fast path) first gives the
//    array a private copy. Readers need no check.
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
  kBuffer,      // Uint8 view (builtins_typed_array.h): internal[0] Smi data address, [1] ArrayBuffer
  kPromise,     // internal[0]: Smi state|handled, [1]: result, [2]: reactions (builtins_promise.cc)
  kGenerator,   // generator / async function activation (generators.h)
  kArrayBuffer,  // internal[0]: Smi backing-store address (malloc), length: byte count
  kTypedArray,   // internal[0]: Smi data address, [1]: ArrayBuffer, [2]: Smi type | offset << 4
  kDataView,     // as kTypedArray with type kUint8 (length: byte length), no indexed elements
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
inline constexpr int64_t kShapeReadOnly = 4;  // data property not writable (property_attributes.cc)
inline constexpr int64_t kShapeNonConfigurable = 8;  // not configurable (reported, redefinition checked)
inline constexpr int64_t kShapePropertyMask = 15;    // the bits above: attributes of one key
// Integrity state of the whole object (object_integrity.h), kept only in the flags of its
// leaf shape (the last node of its chain; an object without properties gets a key-less child of
// the empty root). Objects of one leaf shape therefore agree on it, and an inline cache keyed on
// an extensible shape never sees a non-extensible object. FindOwn masks these bits out.
inline constexpr int64_t kShapeNonExtensible = 16;   // no property or element may be added
inline constexpr int64_t kShapeSealedElements = 32;  // array: every element non-configurable
inline constexpr int64_t kShapeFrozenElements = 64;  // array: every element also read-only
inline constexpr int64_t kShapeIntegrityMask = kShapeNonExtensible | kShapeSealedElements | kShapeFrozenElements;

// A Symbol: identity is the object; `hash` is fixed at creation (Map/Set keys); `flags` has
// kSymbolPrivate for runtime-internal keys that no enumeration or inspection ever shows.
struct Symbol : HeapObject {
  Value description;  // String or undefined
  Value hash;         // Smi
  Value flags;        // Smi
};
inline constexpr int64_t kSymbolPrivate = 1;
// A class private name (`#x`, private_names.h): also kSymbolPrivate; property access with it
// follows the private-name rules (own properties only, node's TypeErrors).
inline constexpr int64_t kSymbolPrivateName = 2;

// ---- Object layout --------------------------------------------------------------------------
// Words after the header (each a Value):
//   compact (plain objects)  shape proto slots elements inline[0..capacity)         40 + 8c bytes
//   array                    shape proto slots elements length                      48 bytes
//   full (all other kinds)   shape proto slots elements length internal[3] inline[4]  104 bytes
// A `{left, right}` literal is therefore 56 bytes (V8: 40 with its 4-byte compressed pointers).
inline constexpr int kFullInlineSlots = 4;     // inline capacity of the full layout
inline constexpr int kMaxInlineCapacity = 32;  // compact layouts exist for 0..32 inline slots
inline constexpr int kDefaultInlineCapacity = 4;  // `{}`, Object.create, new F() with no estimate
inline constexpr uint32_t kCompactInlineWord = 4;  // word index of inline[0], per layout
inline constexpr uint32_t kArrayInlineWord = 5;
inline constexpr uint32_t kFullInlineWord = 8;

struct JSObject : HeapObject {
  Value shape;
  Value proto;     // JSObject or null
  Value slots;     // FixedArray (properties beyond the inline capacity) or undefined
  Value elements;  // FixedArray (arrays, arguments) or undefined
  // ---- not in the compact layout:
  Value length;    // Smi: array length
  // ---- not in the compact or array layouts:
  Value internal[3];  // function: context, Smi function id, home object; boxed: value; map/set: table
  Value inline_slots[kFullInlineSlots];  // use InlineSlots(o): compact objects keep them earlier
};
static_assert(sizeof(JSObject) == sizeof(HeapObject) + 8 * (kFullInlineWord + kFullInlineSlots));

inline constexpr uint32_t kKindMask = 0xff;
constexpr uint32_t ObjectLayoutTag(Kind kind, uint32_t inline_capacity, uint32_t inline_word) {
  return static_cast<uint32_t>(kind) | inline_capacity << 8 | inline_word << 16;
}

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
// The copy-on-write elements store: FixedArray layout and Kind::kFixedArray (every reader treats it
// as a FixedArray), a type of its own so writers can tell (V8's fixed_cow_array_map; invariant above).
extern const TypeInfo kCowFixedArrayType;
inline bool IsCowElements(const HeapObject* elements) { return elements->type() == &kCowFixedArrayType; }
// The layout of `kind` (array layout for kArray, full layout otherwise, kObject included).
const TypeInfo* ObjectType(Kind kind);
// The compact plain-object layout with `inline_capacity` (clamped to 0..kMaxInlineCapacity) slots.
const TypeInfo* PlainObjectType(int inline_capacity);

inline Kind KindOf(const HeapObject* o) { return static_cast<Kind>(o->type()->embedder_tag & kKindMask); }

// Number of inline property slots of `o` (a JSObject).
inline int64_t InlineCapacity(const JSObject* o) { return (o->type()->embedder_tag >> 8) & 0xff; }
inline Value* InlineSlots(JSObject* o) { return o->body() + (o->type()->embedder_tag >> 16); }
inline bool HasLengthField(const JSObject* o) { return (o->type()->embedder_tag >> 16) >= kArrayInlineWord; }
inline bool HasInternalFields(const JSObject* o) { return (o->type()->embedder_tag >> 16) >= kFullInlineWord; }
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
// kShapeNonExtensible | kShapeSealedElements | kShapeFrozenElements of `o` (0: ordinary).
inline int64_t IntegrityBits(const JSObject* o) {
  return o->shape.As<Shape>()->flags.ToSmi() & kShapeIntegrityMask;
}

}  // namespace tenure::js
