#include "allocation_site.h"

namespace tenure::js {

int ReserveAllocationSite(FunctionInfo* info) {
  info->allocation_sites.push_back(nullptr);
  return static_cast<int>(info->allocation_sites.size());
}

int NewInstructionOperand(FunctionInfo* info, int callee_reg) {
  if (info->allocation_sites.size() >= static_cast<size_t>(kMaxNewSiteSlot)) return callee_reg;
  return callee_reg | (ReserveAllocationSite(info) << 16);
}

tenure::AllocationSite* LiteralSite(Runtime& rt, const FunctionInfo* info, int c) {
  if (c <= 0) return nullptr;
  tenure::AllocationSite*& site = const_cast<FunctionInfo*>(info)->allocation_sites[c - 1];
  if (site == nullptr) site = rt.heap().NewAllocationSite();
  return site;
}

// Fills a fresh JSObject of `type` like Runtime's AllocateJSObject (runtime.cc): empty shape,
// `proto`, undefined fields, length 0 where the layout has one. The two pointer fields go through
// the write barrier because the object may be old (a tenured site). Writes every word after the
// header, so the callers allocate with AllocationInit::kUninitialized (no zero-fill when old).
constexpr tenure::AllocationInit kWritesEveryWord = tenure::AllocationInit::kUninitialized;

static void InitLiteralObject(JSObject* o, const TypeInfo* type, Value empty_shape, Value proto) {
  Value* body = o->body();
  const size_t words = (type->size - sizeof(HeapObject)) / sizeof(Value);
  for (size_t i = 2; i < words; ++i) body[i] = kUndefined;  // immediates: no barrier
  if (HasLengthField(o)) o->length = Value::FromSmi(0);
  tenure::Store(o, &o->shape, empty_shape);
  tenure::Store(o, &o->proto, proto);
}

Value NewLiteralObject(Runtime& rt, int inline_capacity, tenure::AllocationSite* site) {
  const TypeInfo* type = PlainObjectType(inline_capacity);
  JSObject* o = static_cast<JSObject*>(rt.heap().AllocateAtSite(type, type->size, site, kWritesEveryWord));
  InitLiteralObject(o, type, rt.root(kRootEmptyShape), rt.root(kRootObjectPrototype));
  return Value::FromObject(o);
}

// Whether `leaf` is the shape a fresh literal gets from defining keys[1..N] in order: key_i at
// index i, no attribute or integrity bits, parent chain ending at the empty root.
static bool IsLiteralShapeChain(Runtime& rt, Value leaf, FixedArray* keys) {
  Value s = leaf;
  for (int64_t i = keys->size() - 2; i >= 0; --i) {
    if (!IsKind(s, Kind::kShape)) return false;
    Shape* shape = s.As<Shape>();
    if (shape->key != keys->items()[i + 1] || shape->index != Value::FromSmi(i) ||
        shape->count != Value::FromSmi(i + 1) || shape->flags != Value::FromSmi(0)) {
      return false;
    }
    s = shape->parent;
  }
  return s == rt.root(kRootEmptyShape);
}

// NewShapedLiteralObject's first evaluation (and any that cannot use a cached shape).
static Value DefineLiteralProperties(Runtime& rt, Value* keys, const Value* values, tenure::AllocationSite* site) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  const int64_t count = keys->As<FixedArray>()->size() - 1;
  Handle object = Handle::New(heap, NewLiteralObject(rt, static_cast<int>(count), site));
  for (int64_t i = 0; i < count; ++i) {
    Handle key = Handle::New(heap, keys->As<FixedArray>()->items()[i + 1]);  // re-read: DefineOwn may GC
    if (!rt.DefineOwn(object, key, Handle::FromSlot(const_cast<Value*>(&values[i])), 0)) return Value();
  }
  JSObject* o = object.value().As<JSObject>();
  FixedArray* k = keys->As<FixedArray>();
  if (KindOf(o) == Kind::kObject && InlineCapacity(o) == count && IsLiteralShapeChain(rt, o->shape, k)) {
    tenure::Store(k, &k->items()[0], o->shape);
  }
  return object.value();
}

Value NewShapedLiteralObject(Runtime& rt, Value* keys, const Value* values, tenure::AllocationSite* site) {
  if (keys->As<FixedArray>()->items()[0] == kUndefined) return DefineLiteralProperties(rt, keys, values, site);
  const int64_t count = keys->As<FixedArray>()->size() - 1;
  const TypeInfo* type = PlainObjectType(static_cast<int>(count));
  JSObject* o = static_cast<JSObject*>(rt.heap().AllocateAtSite(type, type->size, site, kWritesEveryWord));
  // Read after the allocation (a GC may move the keys array or the shape).
  InitLiteralObject(o, type, keys->As<FixedArray>()->items()[0], rt.root(kRootObjectPrototype));
  Value* slots = InlineSlots(o);
  for (int64_t i = 0; i < count; ++i) tenure::Store(o, &slots[i], values[i]);
  return Value::FromObject(o);
}

Value NewConstructedObject(Runtime& rt, Handle proto, int inline_capacity, tenure::AllocationSite* site) {
  const TypeInfo* type = PlainObjectType(inline_capacity);
  JSObject* o = static_cast<JSObject*>(rt.heap().AllocateAtSite(type, type->size, site, kWritesEveryWord));
  InitLiteralObject(o, type, rt.root(kRootEmptyShape), proto.value());  // proto read after the GC
  return Value::FromObject(o);
}

tenure::AllocationSite* Runtime::ArrayConstructorSite() {
  if (array_constructor_site_ == nullptr) array_constructor_site_ = heap_->NewAllocationSite();
  return array_constructor_site_;
}

Value NewLiteralArray(Runtime& rt, int64_t capacity, tenure::AllocationSite* site) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  const int64_t length = capacity < 4 ? 4 : capacity;
  FixedArray* e = static_cast<FixedArray*>(heap.AllocateAtSite(
      FixedArrayType(), sizeof(HeapObject) + 8 + 8 * static_cast<size_t>(length), site, kWritesEveryWord));
  e->length = Value::FromSmi(length);
  for (int64_t i = 0; i < length; ++i) e->items()[i] = kHole;  // immediates: no barrier
  Handle elements = Handle::New(heap, Value::FromObject(e));
  const TypeInfo* type = ObjectType(Kind::kArray);
  JSObject* a = static_cast<JSObject*>(heap.AllocateAtSite(type, type->size, site, kWritesEveryWord));
  InitLiteralObject(a, type, rt.root(kRootEmptyShape), rt.root(kRootArrayPrototype));
  tenure::Store(a, &a->elements, elements.value());
  return Value::FromObject(a);
}

Value NewCowLiteralArray(Runtime& rt, const Value* cow_store, tenure::AllocationSite* site) {
  const TypeInfo* type = ObjectType(Kind::kArray);
  JSObject* a = static_cast<JSObject*>(rt.heap().AllocateAtSite(type, type->size, site, kWritesEveryWord));
  InitLiteralObject(a, type, rt.root(kRootEmptyShape), rt.root(kRootArrayPrototype));
  FixedArray* e = cow_store->As<FixedArray>();  // read after the allocation: a GC may move it
  a->length = e->length;
  tenure::Store(a, &a->elements, *cow_store);
  return Value::FromObject(a);
}

}  // namespace tenure::js
