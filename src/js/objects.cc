#include "objects.h"

namespace tenure::js {

namespace {

size_t StringSize(const HeapObject* o) {
  return kStringDataOffset + static_cast<const String*>(o)->length;
}
size_t FixedArraySize(const HeapObject* o) {
  return sizeof(HeapObject) + 8 + 8 * static_cast<size_t>(static_cast<const FixedArray*>(o)->length.ToSmi());
}

constexpr TypeInfo kHeapNumberType{.class_name = "heap number", .layout = LayoutKind::kNoPointers,
                                   .size = sizeof(HeapNumber),
                                   .embedder_tag = static_cast<uint32_t>(Kind::kHeapNumber)};
constexpr TypeInfo kStringType{.class_name = "string", .layout = LayoutKind::kNoPointers,
                               .size_of = StringSize,
                               .embedder_tag = static_cast<uint32_t>(Kind::kString)};
constexpr TypeInfo kFixedArrayType{.class_name = "(array)", .layout = LayoutKind::kAllTagged,
                                   .size_of = FixedArraySize,
                                   .embedder_tag = static_cast<uint32_t>(Kind::kFixedArray)};
constexpr TypeInfo kContextType{.class_name = "system / Context", .layout = LayoutKind::kAllTagged,
                                .size_of = FixedArraySize,
                                .embedder_tag = static_cast<uint32_t>(Kind::kContext)};
constexpr TypeInfo kShapeType{.class_name = "system / Map", .layout = LayoutKind::kAllTagged,
                              .size = sizeof(Shape),
                              .embedder_tag = static_cast<uint32_t>(Kind::kShape)};

constexpr TypeInfo kSymbolType{.class_name = "symbol", .layout = LayoutKind::kAllTagged,
                               .size = sizeof(Symbol),
                               .embedder_tag = static_cast<uint32_t>(Kind::kSymbol)};

void VisitEphemerons(HeapObject* o, ObjectVisitor& visitor) {
  FixedArray* a = static_cast<FixedArray*>(o);
  visitor.VisitSlot(&a->length);
  for (int64_t i = 0; i + 1 < a->size(); i += 2) visitor.VisitEphemeron(&a->items()[i], &a->items()[i + 1]);
}
void VisitWeakItems(HeapObject* o, ObjectVisitor& visitor) {
  FixedArray* a = static_cast<FixedArray*>(o);
  visitor.VisitSlot(&a->length);
  for (int64_t i = 0; i < a->size(); ++i) visitor.VisitWeakSlot(&a->items()[i]);
}
constexpr TypeInfo kEphemeronTableType{.class_name = "system / EphemeronHashTable", .layout = LayoutKind::kCustom,
                                       .size_of = FixedArraySize, .visit = VisitEphemerons,
                                       .embedder_tag = static_cast<uint32_t>(Kind::kEphemeronTable)};
constexpr TypeInfo kWeakFixedArrayType{.class_name = "system / WeakFixedArray", .layout = LayoutKind::kCustom,
                                       .size_of = FixedArraySize, .visit = VisitWeakItems,
                                       .embedder_tag = static_cast<uint32_t>(Kind::kWeakFixedArray)};

// Full layout: every field of JSObject (objects.h, "Object layout").
#define TENURE_JS_OBJECT_TYPE(name, kind)                                                    \
  constexpr TypeInfo k##kind##Type{                                                          \
      .class_name = name, .layout = LayoutKind::kAllTagged, .size = sizeof(JSObject),        \
      .embedder_tag = ObjectLayoutTag(Kind::k##kind, kFullInlineSlots, kFullInlineWord)};
TENURE_JS_OBJECT_TYPE("Object", Object)
TENURE_JS_OBJECT_TYPE("Function", Function)
TENURE_JS_OBJECT_TYPE("Error", Error)
TENURE_JS_OBJECT_TYPE("Map", Map)
TENURE_JS_OBJECT_TYPE("Set", Set)
TENURE_JS_OBJECT_TYPE("Object", Boxed)
TENURE_JS_OBJECT_TYPE("WeakMap", WeakMap)
TENURE_JS_OBJECT_TYPE("WeakSet", WeakSet)
TENURE_JS_OBJECT_TYPE("WeakRef", WeakRef)
TENURE_JS_OBJECT_TYPE("FinalizationRegistry", FinalizationRegistry)
TENURE_JS_OBJECT_TYPE("Buffer", Buffer)
TENURE_JS_OBJECT_TYPE("Promise", Promise)
TENURE_JS_OBJECT_TYPE("Generator", Generator)
TENURE_JS_OBJECT_TYPE("ArrayBuffer", ArrayBuffer)
TENURE_JS_OBJECT_TYPE("TypedArray", TypedArray)
TENURE_JS_OBJECT_TYPE("DataView", DataView)
#undef TENURE_JS_OBJECT_TYPE

// Arrays: the fields up to `length`, no inline slots (named properties of arrays are rare and
// go to `slots`).
constexpr TypeInfo kArrayType{
    .class_name = "Array", .layout = LayoutKind::kAllTagged,
    .size = sizeof(HeapObject) + 8 * kArrayInlineWord,
    .embedder_tag = ObjectLayoutTag(Kind::kArray, 0, kArrayInlineWord)};

// Compact plain objects, one fixed-size TypeInfo per inline capacity, so the GC and the heap
// snapshot read the size from the type as for any other fixed-size object.
struct PlainObjectTypes {
  TypeInfo types[kMaxInlineCapacity + 1];
  constexpr PlainObjectTypes() : types{} {
    for (uint32_t c = 0; c <= kMaxInlineCapacity; ++c) {
      types[c].class_name = "Object";
      types[c].layout = LayoutKind::kAllTagged;
      types[c].size = static_cast<uint32_t>(sizeof(HeapObject) + 8 * (kCompactInlineWord + c));
      types[c].embedder_tag = ObjectLayoutTag(Kind::kObject, c, kCompactInlineWord);
    }
  }
};
constexpr PlainObjectTypes kPlainObjectTypes;

}  // namespace

// Declared extern in objects.h so IsCowElements compares against a link-time address.
constexpr TypeInfo kCowFixedArrayType{.class_name = "(array)", .layout = LayoutKind::kAllTagged,
                                      .size_of = FixedArraySize,
                                      .embedder_tag = static_cast<uint32_t>(Kind::kFixedArray)};

const TypeInfo* HeapNumberType() { return &kHeapNumberType; }
const TypeInfo* StringType() { return &kStringType; }
const TypeInfo* FixedArrayType() { return &kFixedArrayType; }
const TypeInfo* ContextType() { return &kContextType; }
const TypeInfo* ShapeType() { return &kShapeType; }
const TypeInfo* SymbolType() { return &kSymbolType; }
const TypeInfo* EphemeronTableType() { return &kEphemeronTableType; }
const TypeInfo* WeakFixedArrayType() { return &kWeakFixedArrayType; }

const TypeInfo* PlainObjectType(int inline_capacity) {
  int c = inline_capacity < 0 ? 0 : inline_capacity > kMaxInlineCapacity ? kMaxInlineCapacity : inline_capacity;
  return &kPlainObjectTypes.types[c];
}

const TypeInfo* ObjectType(Kind kind) {
  switch (kind) {
    case Kind::kArray: return &kArrayType;
    case Kind::kFunction: return &kFunctionType;
    case Kind::kError: return &kErrorType;
    case Kind::kMap: return &kMapType;
    case Kind::kSet: return &kSetType;
    case Kind::kBoxed: return &kBoxedType;
    case Kind::kWeakMap: return &kWeakMapType;
    case Kind::kWeakSet: return &kWeakSetType;
    case Kind::kWeakRef: return &kWeakRefType;
    case Kind::kFinalizationRegistry: return &kFinalizationRegistryType;
    case Kind::kBuffer: return &kBufferType;
    case Kind::kPromise: return &kPromiseType;
    case Kind::kGenerator: return &kGeneratorType;
    case Kind::kArrayBuffer: return &kArrayBufferType;
    case Kind::kTypedArray: return &kTypedArrayType;
    case Kind::kDataView: return &kDataViewType;
    default: return &kObjectType;
  }
}

}  // namespace tenure::js
