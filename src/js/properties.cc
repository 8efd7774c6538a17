// Shapes (hidden classes), property lookup with inline caches, array elements.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "builtins.h"
#include "builtins_typed_array.h"
#include "private_names.h"
#include "object_integrity.h"
#include "runtime.h"

namespace tenure::js {

namespace {
constexpr int64_t kMaxArrayIndex = int64_t{1} << 26;  // larger indices: RangeError (no sparse arrays)
}

int64_t Runtime::FindOwn(JSObject* object, Value key, int64_t* flags) {
  Shape* s = object->shape.As<Shape>();
  while (s->key != kUndefined) {
    if (s->key == key) {
      if (flags != nullptr) *flags = s->flags.ToSmi() & kShapePropertyMask;
      return s->index.ToSmi();
    }
    s = s->parent.As<Shape>();
  }
  return -1;
}

// The child of `shape` that adds `key` with `flags`, created (and cached in the transition
// table) on first use.
Value Runtime::ShapeTransition(Handle shape, Handle key, int64_t flags) {
  Value table = shape.value().As<Shape>()->transitions;
  int64_t used = 0;
  if (table != kUndefined) {
    FixedArray* t = table.As<FixedArray>();
    for (int64_t i = 0; i + 2 < t->size() + 1 && t->items()[i] != kUndefined; i += 3) {
      if (t->items()[i] == key.value() && t->items()[i + 1].ToSmi() == flags) return t->items()[i + 2];
      used = i + 3;
    }
  }
  Shape* child = heap_->New<Shape>(ShapeType());
  Shape* parent = shape.value().As<Shape>();
  child->parent = shape.value();
  child->key = key.value();
  child->index = parent->count;
  child->count = Value::FromSmi(parent->count.ToSmi() + 1);
  child->flags = Value::FromSmi(flags);
  child->transitions = kUndefined;
  Handle child_handle = Handle::New(*heap_, Value::FromObject(child));
  table = shape.value().As<Shape>()->transitions;
  int64_t capacity = table == kUndefined ? 0 : table.As<FixedArray>()->size();
  if (used + 3 > capacity) {
    Value grown = NewFixedArray(capacity == 0 ? 3 : capacity * 2);
    table = shape.value().As<Shape>()->transitions;
    for (int64_t i = 0; i < capacity; ++i) {
      FixedArray* g = grown.As<FixedArray>();
      tenure::Store(g, &g->items()[i], table.As<FixedArray>()->items()[i]);
    }
    Shape* s = shape.value().As<Shape>();
    tenure::Store(s, &s->transitions, grown);
    table = grown;
  }
  FixedArray* t = table.As<FixedArray>();
  tenure::Store(t, &t->items()[used], key.value());
  t->items()[used + 1] = Value::FromSmi(flags);
  tenure::Store(t, &t->items()[used + 2], child_handle.value());
  return child_handle.value();
}

// The index a canonical array-index string names ("0", "17"; not "01", "-1" or 2^32 - 1), else -1.
static int64_t IndexKeyValue(Value key) {
  if (!IsString(key)) return -1;
  std::string_view sv = key.As<String>()->view();
  if (sv.empty() || sv.size() > 10 || (sv.size() > 1 && sv[0] == '0')) return -1;
  uint64_t index = 0;
  for (char c : sv) {
    if (c < '0' || c > '9') return -1;
    index = index * 10 + static_cast<uint64_t>(c - '0');
  }
  return index < 0xFFFFFFFFull ? static_cast<int64_t>(index) : -1;
}

bool Runtime::IsIndexKey(Value key) { return IndexKeyValue(key) >= 0; }

// Adds a new own property (the caller checked it does not exist).
static bool AddProperty(Runtime& rt, Handle object, Handle key, Handle value, int64_t flags) {
  tenure::Heap& heap = rt.heap();
  if ((object.value() == rt.root(kRootObjectPrototype) || object.value() == rt.root(kRootArrayPrototype)) &&
      Runtime::IsIndexKey(key.value())) {
    rt.InvalidateNoPrototypeElements();
  }
  tenure::HandleScope scope(heap);
  Handle shape = Handle::New(heap, object.value().As<JSObject>()->shape);
  Value next = rt.ShapeTransitionForAdd(shape, key, flags);
  Handle next_shape = Handle::New(heap, next);
  int64_t index = next.As<Shape>()->index.ToSmi();
  int64_t inline_capacity = InlineCapacity(object.value().As<JSObject>());
  if (index >= inline_capacity) {
    int64_t needed = index - inline_capacity + 1;
    Value slots = object.value().As<JSObject>()->slots;
    int64_t capacity = slots == kUndefined ? 0 : slots.As<FixedArray>()->size();
    if (needed > capacity) {
      int64_t new_capacity = capacity < 4 ? 4 : capacity * 2;
      Value grown = rt.NewFixedArray(new_capacity);
      JSObject* o = object.value().As<JSObject>();
      for (int64_t i = 0; i < capacity; ++i) {
        FixedArray* g = grown.As<FixedArray>();
        tenure::Store(g, &g->items()[i], o->slots.As<FixedArray>()->items()[i]);
      }
      tenure::Store(o, &o->slots, grown);
    }
  }
  JSObject* o = object.value().As<JSObject>();
  tenure::Store(o, &o->shape, next_shape.value());
  rt.WriteSlot(o, index, value.value());
  return true;
}

// AddProperty for internal adds that may target a non-extensible object (redefinitions, private
// names): the new leaf gets the object's integrity bits back.
static bool AddKeepingIntegrity(Runtime& rt, Handle object, Handle key, Handle value, int64_t flags) {
  int64_t bits = IntegrityBits(object.value().As<JSObject>());
  if (bits != 0) rt.SetIntegrityBits(object, 0);
  AddProperty(rt, object, key, value, flags);
  if (bits != 0) rt.SetIntegrityBits(object, bits);
  return true;
}

Value Runtime::ShapeTransitionForAdd(Handle shape, Handle key, int64_t flags) {
  return ShapeTransition(shape, key, flags);
}

bool Runtime::DefineOwn(Handle object, Handle key, Handle value, int64_t flags) {
  if (IsPrivateName(key.value()) &&
      !CheckPrivateAdd(*this, object, key, (flags & kShapeHidden) != 0, value.value())) {
    return false;
  }
  JSObject* o = object.value().As<JSObject>();
  int64_t old_flags = 0;
  int64_t index = FindOwn(o, key.value(), &old_flags);
  if (index >= 0 && old_flags == flags) {
    WriteSlot(o, index, value.value());
    return true;
  }
  if (index >= 0) {
    RedefineInPlace(object, key, value, flags);
    return true;
  }
  return AddKeepingIntegrity(*this, object, key, value, flags);
}

bool Runtime::DefineAccessor(Handle object, Handle key, Handle getter, Handle setter, bool enumerable) {
  ++accessor_epoch_;  // an accessor may now intercept stores that transition caches turn into adds
  tenure::HandleScope scope(*heap_);
  JSObject* o = object.value().As<JSObject>();
  int64_t flags = 0;
  int64_t index = FindOwn(o, key.value(), &flags);
  Handle pair;
  if (index >= 0 && (flags & kShapeAccessor)) {
    pair = Handle::New(*heap_, ReadSlot(o, index));
  } else {
    pair = Handle::New(*heap_, NewFixedArray(2));
    int64_t accessor_flags = kShapeAccessor | (enumerable ? 0 : kShapeHidden);
    if (index >= 0) RedefineInPlace(object, key, pair, accessor_flags);
    else AddKeepingIntegrity(*this, object, key, pair, accessor_flags);
  }
  FixedArray* p = pair.value().As<FixedArray>();
  if (!getter.IsEmpty() && getter.value() != kUndefined) tenure::Store(p, &p->items()[0], getter.value());
  if (!setter.IsEmpty() && setter.value() != kUndefined) tenure::Store(p, &p->items()[1], setter.value());
  return true;
}

// ---------------------------------------------------------------------------------------------
// Reads

// The interpreter's keyed-load fast path calls this for every array read: the present-element
// path is the old one (17 instructions under callgrind); PrototypeElement stays out of line so
// its chain walk does not make this function save registers.
Value Runtime::ArrayGet(JSObject* array, int64_t index) const {
  if (index < 0) return kUndefined;
  if (index < array->length.ToSmi()) {
    FixedArray* e = array->elements.As<FixedArray>();
    if (index < e->size() && e->items()[index] != kHole) return e->items()[index];
  }
  Value v = PrototypeElement(array, index);
  return v == kHole ? kUndefined : v;
}

bool Runtime::ArrayHasIndex(JSObject* array, int64_t index) const {
  return HasOwnElement(array, index) || PrototypeElement(array, index) != kHole;
}

// ECMA-262 OrdinaryGet / HasProperty continuing on the prototype for an index the array does not
// have. Arrays on the chain (Array.prototype is one) keep indices as elements, other objects as
// interned index strings, so the key is looked up in the intern table without creating it.
[[gnu::noinline]] Value Runtime::PrototypeElement(JSObject* array, int64_t index) const {
  Value array_proto = roots_[kRootArrayPrototype];
  if (no_prototype_elements_ && array->proto == array_proto &&
      array_proto.As<JSObject>()->proto == roots_[kRootObjectPrototype]) {
    return kHole;
  }
  Value key = kHole;  // the interned index string, looked up on the first non-array prototype
  bool key_looked_up = false;
  for (Value p = array->proto; IsJSObject(p); p = p.As<JSObject>()->proto) {
    JSObject* o = p.As<JSObject>();
    if (KindOf(o) == Kind::kArray) {
      FixedArray* e = o->elements.As<FixedArray>();
      if (index < o->length.ToSmi() && index < e->size() && e->items()[index] != kHole) return e->items()[index];
      continue;
    }
    if (!key_looked_up) {
      auto it = interned_.find(std::to_string(index));
      if (it != interned_.end()) key = it->second;
      key_looked_up = true;
    }
    if (key == kHole) continue;
    int64_t flags = 0;
    int64_t slot = FindOwn(o, key, &flags);
    if (slot >= 0) return (flags & kShapeAccessor) ? kUndefined : ReadSlot(o, slot);
  }
  return kHole;
}

// An array on a non-array receiver's prototype chain (Object.create([1, 2])) keeps its indices as
// elements and its length virtual, while the receiver's lookup carries an interned string key:
// returns the element `key` names, or the length for "length", if `holder` is an array that has
// it, else kHole. Both are data properties (ECMA-262 10.4.2); the inline cache is not involved.
Value Runtime::ArrayPropertyForKey(JSObject* holder, Value key) const {
  if (KindOf(holder) != Kind::kArray) return kHole;
  if (key == roots_[kRootLengthKey]) return holder->length;
  const int64_t index = IndexKeyValue(key);
  if (index < 0 || !HasOwnElement(holder, index)) return kHole;
  return holder->elements.As<FixedArray>()->items()[index];
}

Value Runtime::GetNamed(Handle object, Handle key, InlineCache* ic) {
  Value o = object.value();
  if (IsJSObject(o)) {
    JSObject* jo = o.As<JSObject>();
    if (ic != nullptr && ic->shape == jo->shape && ic->index >= 0) {
      if (ic->holder.IsEmpty()) return ReadSlot(jo, ic->index);
      JSObject* holder = ic->holder.As<JSObject>();
      if (jo->proto == ic->holder && holder->shape == ic->holder_shape) return ReadSlot(holder, ic->index);
    }
    Kind kind = KindOf(jo);
    bool has_length = kind == Kind::kArray || kind == Kind::kBuffer || kind == Kind::kTypedArray;
    if (has_length && key.value() == roots_[kRootLengthKey]) return jo->length;
    if (kind == Kind::kFunction) {
      int64_t f = 0;
      if (FindOwn(jo, key.value(), &f) < 0) {
        if (key.value() == roots_[kRootNameKey]) return NewString(FunctionName(o));
        if (key.value() == roots_[kRootLengthKey]) {
          int64_t id = jo->internal[1].ToSmi();
          return Value::FromSmi(id >= 0 ? functions_[id]->formal_count : natives_[-id - 1].length);
        }
      }
    }
    return LookupInChain(object, key, o, ic);
  }
  if (IsString(o)) {
    if (key.value() == roots_[kRootLengthKey]) return Value::FromSmi(o.As<String>()->units());
    return LookupPrimitive(object, key, kRootStringPrototype);
  }
  if (IsNumber(o)) return LookupPrimitive(object, key, kRootNumberPrototype);
  if (o == kTrue || o == kFalse) return LookupPrimitive(object, key, kRootBooleanPrototype);
  if (IsKind(o, Kind::kSymbol)) return LookupPrimitive(object, key, kRootSymbolPrototype);
  std::string what = o == kNull ? "null" : "undefined";
  return ThrowTypeError("Cannot read properties of " + what + " (reading '" + ToStdString(key.value()) + "')");
}

Value Runtime::LookupPrimitive(Handle receiver, Handle key, Root proto_root) {
  return LookupInChain(receiver, key, roots_[proto_root], nullptr);
}

// Looks `key` up on `start` and its prototype chain; accessors are called with `receiver` as this.
// With an inline cache (only when `start` is the receiver object itself), an own data hit records
// the receiver's shape and slot; a data hit on the receiver's direct prototype also records that
// prototype and its shape; deeper hits record index -1 (not cached).
Value Runtime::LookupInChain(Handle receiver, Handle key, Value start, InlineCache* ic) {
  Value cur = start;
  while (IsJSObject(cur)) {
    JSObject* holder = cur.As<JSObject>();
    Value element = ArrayPropertyForKey(holder, key.value());
    if (element != kHole) return element;
    int64_t flags = 0;
    int64_t index = FindOwn(holder, key.value(), &flags);
    if (index >= 0) {
      if (flags & kShapeAccessor) {
        Value getter = ReadSlot(holder, index).As<FixedArray>()->items()[0];
        if (getter == kUndefined) return kUndefined;
        tenure::HandleScope scope(*heap_);
        Handle g = Handle::New(*heap_, getter);
        return Call(g, receiver, nullptr, 0);
      }
      if (ic != nullptr) {
        JSObject* receiver_object = start.As<JSObject>();
        // `length` and `name` are virtual on arrays, buffers and functions (GetNamed answers them
        // before the chain walk), so a prototype hit for them must not serve other receivers.
        bool virtual_key = key.value() == roots_[kRootLengthKey] || key.value() == roots_[kRootNameKey];
        bool direct_proto = cur != start && receiver_object->proto == cur && !virtual_key;
        ic->shape = receiver_object->shape;
        ic->index = cur == start || direct_proto ? static_cast<int32_t>(index) : -1;
        ic->holder = direct_proto ? cur : Value();
        ic->holder_shape = direct_proto ? holder->shape : Value();
        ic->transition = Value();
      }
      return ReadSlot(holder, index);
    }
    cur = holder->proto;
  }
  return kUndefined;
}

Value Runtime::GetProperty(Handle object, Handle key) {
  Value o = object.value();
  Value k = key.value();
  if (IsPrivateName(k)) {
    if (!IsNullish(o)) return PrivateGet(*this, object, key);
    return ThrowTypeError(std::string("Cannot read properties of ") + (o == kNull ? "null" : "undefined") +
                          " (reading '" + ToStdString(k.As<Symbol>()->description) + "')");
  }
  if (k.IsSmi() && k.ToSmi() >= 0) {
    if (IsKind(o, Kind::kArray)) return ArrayGet(o.As<JSObject>(), k.ToSmi());
    if (IsView(o)) return ViewGetIndex(*this, o, k.ToSmi());  // builtins_typed_array.h
    if (IsString(o)) {
      String* s = o.As<String>();
      int64_t i = k.ToSmi();
      if (i >= s->units()) return kUndefined;
      if (s->is_ascii()) return NewString(std::string_view(s->data() + i, 1));
      return NewString(UnitToWtf8(ToUtf16(s->view())[i]));
    }
  }
  if (IsView(o) && IsNumber(k)) return ViewGetIndex(*this, o, ViewNumericIndex(k));
  if (IsNullish(o)) {
    tenure::HandleScope scope(*heap_);
    Handle text = Handle::New(*heap_, ToString(key));
    if (text.value().IsEmpty()) return Value();
    std::string what = o == kNull ? "null" : "undefined";
    return ThrowTypeError("Cannot read properties of " + what + " (reading '" + ToStdString(text.value()) + "')");
  }
  tenure::HandleScope scope(*heap_);
  Handle interned = Handle::New(*heap_, ToPropertyKey(key));
  if (interned.value().IsEmpty()) return Value();
  o = object.value();  // ToPropertyKey may allocate (a key object's toString): re-read
  if (interned.value().IsSmi()) {
    if (IsKind(o, Kind::kArray)) return ArrayGet(o.As<JSObject>(), interned.value().ToSmi());
    if (IsView(o)) return ViewGetIndex(*this, o, interned.value().ToSmi());
    interned.Set(Intern(NumberToString(static_cast<double>(interned.value().ToSmi()))));
  }
  return GetNamed(object, interned);
}

// ---------------------------------------------------------------------------------------------
// Writes

bool Runtime::ArraySet(Handle array, int64_t index, Handle value) {
  if (index >= kMaxArrayIndex) {
    ThrowError(ErrorType::kRangeError, "Invalid array length");
    return false;
  }
  if (array.value() == roots_[kRootArrayPrototype] && value.value() != kHole) InvalidateNoPrototypeElements();
  JSObject* a = array.value().As<JSObject>();
  // A hole is not a property (SetArrayLength, unshift): storing one never needs extensibility.
  if (IntegrityBits(a) != 0 && value.value() != kHole && !ArrayIntegrityAllowsStore(*this, array, index)) {
    return !has_exception();
  }
  WritableElements(array);  // may allocate
  a = array.value().As<JSObject>();
  int64_t capacity = a->elements.As<FixedArray>()->size();
  if (index >= capacity) {
    int64_t new_capacity = capacity * 2 > index + 1 ? capacity * 2 : index + 1;
    Value grown = NewFixedArray(new_capacity, kHole);
    a = array.value().As<JSObject>();
    FixedArray* old = a->elements.As<FixedArray>();
    FixedArray* g = grown.As<FixedArray>();
    for (int64_t i = 0; i < capacity; ++i) tenure::Store(g, &g->items()[i], old->items()[i]);
    tenure::Store(a, &a->elements, grown);
  }
  FixedArray* e = a->elements.As<FixedArray>();
  tenure::Store(e, &e->items()[index], value.value());
  if (index >= a->length.ToSmi()) a->length = Value::FromSmi(index + 1);
  return true;
}

// The COW store holds only immediates (objects.h), so the copy needs no write barrier; it keeps
// the store's capacity (the literal's element count).
FixedArray* Runtime::CopyCowElements(Handle array) {
  int64_t n = array.value().As<JSObject>()->elements.As<FixedArray>()->size();
  Value copy = NewFixedArray(n, kHole);
  JSObject* a = array.value().As<JSObject>();
  FixedArray* cow = a->elements.As<FixedArray>();
  FixedArray* e = copy.As<FixedArray>();
  std::memcpy(e->items(), cow->items(), sizeof(Value) * static_cast<size_t>(n));
  tenure::Store(a, &a->elements, copy);
  return e;
}

bool Runtime::ArrayPush(Handle array, Handle value) {
  return ArraySet(array, array.value().As<JSObject>()->length.ToSmi(), value);
}

static bool SetArrayLength(Runtime& rt, Handle array, Handle value) {
  double d = 0;
  if (!rt.ToNumber(value, &d)) return false;
  if (d < 0 || d != std::floor(d) || d >= 4294967296.0) {
    rt.ThrowError(ErrorType::kRangeError, "Invalid array length");
    return false;
  }
  int64_t n = static_cast<int64_t>(d);
  JSObject* a = array.value().As<JSObject>();
  int64_t old = a->length.ToSmi();
  if (IntegrityBits(a) != 0 && !ArrayIntegrityAllowsLength(rt, array, n)) return !rt.has_exception();
  if (n > old) {
    Handle hole = Handle::New(rt.heap(), kHole);
    if (n > 0 && !rt.ArraySet(array, n - 1, hole)) return false;
    return true;
  }
  FixedArray* e = rt.WritableElements(array);
  a = array.value().As<JSObject>();
  for (int64_t i = n; i < old && i < e->size(); ++i) e->items()[i] = kHole;
  a->length = Value::FromSmi(n);
  return true;
}

bool Runtime::SetNamed(Handle object, Handle key, Handle value, InlineCache* ic) {
  Value o = object.value();
  if (!IsJSObject(o)) {
    if (IsNullish(o)) {
      std::string what = o == kNull ? "null" : "undefined";
      ThrowTypeError("Cannot set properties of " + what + " (setting '" + ToStdString(key.value()) + "')");
      return false;
    }
    return FailStore(PrimitiveStoreMessage(*this, object, key));  // ignored in sloppy code
  }
  JSObject* jo = o.As<JSObject>();
  if (ic != nullptr && ic->shape == jo->shape && ic->index >= 0) {
    if (ic->transition.IsEmpty()) {
      WriteSlot(jo, ic->index, value.value());
      return true;
    }
    if (TryTransitionStore(jo, *ic, value.value())) return true;
  }
  if (KindOf(jo) == Kind::kArray && key.value() == roots_[kRootLengthKey]) {
    tenure::HandleScope scope(*heap_);
    return SetArrayLength(*this, object, value);
  }
  int64_t flags = 0;
  int64_t index = FindOwn(jo, key.value(), &flags);
  if (index >= 0 && !(flags & kShapeAccessor)) {
    if (flags & kShapeReadOnly) return FailStore(ReadOnlyMessage(*this, object, key));  // never cached
    WriteSlot(jo, index, value.value());
    if (ic != nullptr) {
      ic->shape = jo->shape;
      ic->index = static_cast<int32_t>(index);
      ic->holder = Value();
      ic->transition = Value();
    }
    return true;
  }
  // Setters anywhere on the prototype chain (own accessors included).
  for (Value cur = o; IsJSObject(cur); cur = cur.As<JSObject>()->proto) {
    JSObject* holder = cur.As<JSObject>();
    int64_t f = 0;
    int64_t i = FindOwn(holder, key.value(), &f);
    if (i < 0) continue;
    if (!(f & kShapeAccessor)) {
      if (f & kShapeReadOnly) return FailStore(ReadOnlyMessage(*this, object, key));  // blocks the add
      break;
    }
    Value setter = ReadSlot(holder, i).As<FixedArray>()->items()[1];
    if (setter == kUndefined) return FailStore(GetterOnlyMessage(*this, object, key));
    tenure::HandleScope scope(*heap_);
    Handle s = Handle::New(*heap_, setter);
    Value arg = value.value();
    return !Call(s, object, &arg, 1).IsEmpty();
  }
  if (IntegrityBits(jo) & kShapeNonExtensible) return FailStore(NotExtensibleMessage(*this, key));
  if (ic == nullptr || KindOf(jo) != Kind::kObject || !TransitionCacheableChain(jo)) {
    return AddProperty(*this, object, key, value, 0);
  }
  tenure::HandleScope scope(*heap_);
  Handle old_shape = Handle::New(*heap_, jo->shape);
  if (!AddProperty(*this, object, key, value, 0)) return false;
  jo = object.value().As<JSObject>();
  ic->shape = old_shape.value();
  ic->index = static_cast<int32_t>(jo->shape.As<Shape>()->index.ToSmi());
  ic->holder = jo->proto;
  ic->holder_shape = Value();
  ic->transition = jo->shape;
  ic->accessor_epoch = accessor_epoch_;
  return true;
}

// receiver -> proto [-> Object.prototype] -> null: the chains a store-transition cache re-checks.
bool Runtime::TransitionCacheableChain(JSObject* object) const {
  Value proto = object->proto;
  if (!IsJSObject(proto)) return false;
  Value object_prototype = roots_[kRootObjectPrototype];
  if (object_prototype.As<JSObject>()->proto != kNull) return false;
  return proto == object_prototype || proto.As<JSObject>()->proto == object_prototype;
}

bool Runtime::TryTransitionStore(JSObject* object, const InlineCache& ic, Value value) {
  if (ic.accessor_epoch != accessor_epoch_ || object->proto != ic.holder ||
      KindOf(object) != Kind::kObject || !TransitionCacheableChain(object)) {
    return false;
  }
  int64_t index = ic.index;
  int64_t inline_capacity = InlineCapacity(object);
  if (index >= inline_capacity) {
    Value slots = object->slots;
    if (slots == kUndefined || index - inline_capacity >= slots.As<FixedArray>()->size()) return false;
  }
  tenure::Store(object, &object->shape, ic.transition);
  WriteSlot(object, index, value);
  return true;
}

bool Runtime::SetProperty(Handle object, Handle key, Handle value) {
  Value o = object.value();
  Value k = key.value();
  if (IsPrivateName(k)) {
    if (!IsNullish(o)) return PrivateSet(*this, object, key, value);
    ThrowTypeError(std::string("Cannot set properties of ") + (o == kNull ? "null" : "undefined") +
                   " (setting '" + ToStdString(k.As<Symbol>()->description) + "')");
    return false;
  }
  if (k.IsSmi() && k.ToSmi() >= 0 && IsKind(o, Kind::kArray)) return ArraySet(object, k.ToSmi(), value);
  if (IsView(o) && IsNumber(k)) return ViewSetIndex(*this, object, ViewNumericIndex(k), value);
  tenure::HandleScope scope(*heap_);
  Handle interned = Handle::New(*heap_, ToPropertyKey(key));
  if (interned.value().IsEmpty()) return false;
  if (interned.value().IsSmi()) {
    if (IsKind(object.value(), Kind::kArray)) return ArraySet(object, interned.value().ToSmi(), value);
    if (IsView(object.value())) return ViewSetIndex(*this, object, interned.value().ToSmi(), value);
    interned.Set(Intern(NumberToString(static_cast<double>(interned.value().ToSmi()))));
  }
  return SetNamed(object, interned, value);
}

// `delete object[key]`: true when the property is gone; a non-configurable own property (sealed
// and frozen objects, sealed array elements) stays: false in sloppy code, node's TypeError in
// strict code.
Value Runtime::DeleteProperty(Handle object, Handle key) {
  Value o = object.value();
  if (!IsJSObject(o)) {
    if (IsNullish(o)) return ThrowTypeError("Cannot convert undefined or null to object");
    return kTrue;
  }
  tenure::HandleScope scope(*heap_);
  Handle k = Handle::New(*heap_, ToPropertyKey(key));
  if (k.value().IsEmpty()) return Value();
  if (k.value().IsSmi()) {
    if (IsKind(o, Kind::kArray)) {
      JSObject* a = o.As<JSObject>();
      int64_t i = k.value().ToSmi();
      if (i < a->length.ToSmi() && i < a->elements.As<FixedArray>()->size()) {
        if (a->elements.As<FixedArray>()->items()[i] != kHole && (IntegrityBits(a) & kShapeSealedElements)) {
          return FailStore(DeleteFailedMessage(*this, object, k)) ? kFalse : Value();
        }
        WritableElements(object)->items()[i] = kHole;
      }
      return kTrue;
    }
    k.Set(Intern(NumberToString(static_cast<double>(k.value().ToSmi()))));
  }
  int64_t flags = 0;
  if (FindOwn(object.value().As<JSObject>(), k.value(), &flags) < 0) return kTrue;
  if (flags & kShapeNonConfigurable) {
    return FailStore(DeleteFailedMessage(*this, object, k)) ? kFalse : Value();
  }
  RebuildShape(object, k, 0, 0);
  return kTrue;
}

bool Runtime::FailStore(const std::string& message) {
  if (!InStrictCode()) return true;
  ThrowTypeError(message);
  return false;
}

namespace {
// What RebuildProperties does with one key besides re-adding the others.
struct KeyRebuild {
  Handle key;            // the key (empty: none)
  bool replace = false;  // false: leave it out; true: give it `value` and `flags` in its place
  Handle value;
  int64_t flags = 0;
};
}  // namespace

// Re-adds `object`'s own properties in order on the empty shape, treating `special` as it says
// and or-ing data_flags / accessor_flags into the other properties' attributes; keeps the
// integrity bits.
static void RebuildProperties(Runtime& rt, Handle object, const KeyRebuild& special, int64_t data_flags,
                              int64_t accessor_flags) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  int64_t bits = IntegrityBits(object.value().As<JSObject>());
  // Collect (key, flags, value) of the properties in order, then re-add them.
  int64_t n = 0;
  for (Shape* s = object.value().As<JSObject>()->shape.As<Shape>(); s->key != kUndefined; s = s->parent.As<Shape>()) ++n;
  Handle saved = Handle::New(heap, rt.NewFixedArray(3 * n));
  JSObject* jo = object.value().As<JSObject>();
  std::vector<Shape*> chain;
  for (Shape* s = jo->shape.As<Shape>(); s->key != kUndefined; s = s->parent.As<Shape>()) chain.push_back(s);
  int64_t count = 0;
  for (int64_t i = n - 1; i >= 0; --i) {
    Shape* s = chain[i];
    bool is_special = !special.key.IsEmpty() && s->key == special.key.value();
    if (s->key == kHole || (is_special && !special.replace)) continue;
    int64_t f = s->flags.ToSmi() & kShapePropertyMask;
    f |= (f & kShapeAccessor) ? accessor_flags : data_flags;
    Value v = Runtime::ReadSlot(jo, s->index.ToSmi());
    if (is_special) {
      f = special.flags;
      v = special.value.value();
    }
    FixedArray* sv = saved.value().As<FixedArray>();
    tenure::Store(sv, &sv->items()[3 * count], s->key);
    sv->items()[3 * count + 1] = Value::FromSmi(f);
    tenure::Store(sv, &sv->items()[3 * count + 2], v);
    ++count;
  }
  jo->shape = rt.root(kRootEmptyShape);
  for (int64_t i = 0; i < count; ++i) {
    FixedArray* sv = saved.value().As<FixedArray>();
    Handle pk = Handle::New(heap, sv->items()[3 * i]);
    Handle pv = Handle::New(heap, sv->items()[3 * i + 2]);
    AddProperty(rt, object, pk, pv, sv->items()[3 * i + 1].ToSmi());
  }
  if (bits != 0) rt.SetIntegrityBits(object, bits);
}

void Runtime::RebuildShape(Handle object, Handle skip_key, int64_t data_flags, int64_t accessor_flags) {
  KeyRebuild skip;
  skip.key = skip_key;
  RebuildProperties(*this, object, skip, data_flags, accessor_flags);
}

void Runtime::RedefineInPlace(Handle object, Handle key, Handle value, int64_t flags) {
  KeyRebuild replace;
  replace.key = key;
  replace.replace = true;
  replace.value = value;
  replace.flags = flags;
  RebuildProperties(*this, object, replace, 0, 0);
}

// The leaf's sibling with the same key and attributes and integrity `bits`. An object without
// properties gets a child of the empty root keyed by the hole (no property has that key; shape
// walks that look at string or symbol keys skip it) with count 0.
void Runtime::SetIntegrityBits(Handle object, int64_t bits) {
  tenure::HandleScope scope(*heap_);
  Shape* leaf = object.value().As<JSObject>()->shape.As<Shape>();
  if ((leaf->flags.ToSmi() & kShapeIntegrityMask) == bits) return;
  bool keyless = leaf->key == kUndefined || leaf->key == kHole;
  Value base = leaf->key == kUndefined ? Value::FromObject(leaf) : leaf->parent;
  Handle base_shape = Handle::New(*heap_, base);
  Handle key = Handle::New(*heap_, keyless ? kHole : leaf->key);
  int64_t flags = (keyless ? 0 : leaf->flags.ToSmi() & kShapePropertyMask) | bits;
  Value next = keyless && bits == 0 ? base_shape.value() : ShapeTransition(base_shape, key, flags);
  if (keyless && bits != 0) next.As<Shape>()->count = Value::FromSmi(0);  // still no properties
  JSObject* o = object.value().As<JSObject>();
  tenure::Store(o, &o->shape, next);
}

Value Runtime::HasProperty(Handle object, Handle key) {
  Value o = object.value();
  if (IsPrivateName(key.value())) return PrivateHas(*this, object, key);
  if (!IsJSObject(o)) {
    return ThrowTypeError("Cannot use 'in' operator to search for '" +
                          (IsString(key.value()) ? ToStdString(key.value()) : std::string("key")) +
                          "' in " + (IsString(o) ? ToStdString(o) : std::string("non-object")));
  }
  tenure::HandleScope scope(*heap_);
  Handle k = Handle::New(*heap_, ToPropertyKey(key));
  if (k.value().IsEmpty()) return Value();
  o = object.value();  // ToPropertyKey may allocate (a key object's toString): re-read
  if (k.value().IsSmi()) {
    if (IsKind(o, Kind::kArray)) {
      JSObject* a = o.As<JSObject>();
      return FromBool(ArrayHasIndex(a, k.value().ToSmi()));
    }
    if (IsView(o)) return FromBool(static_cast<size_t>(k.value().ToSmi()) < ViewLength(o));
    k.Set(Intern(NumberToString(static_cast<double>(k.value().ToSmi()))));
  }
  o = object.value();  // ToPropertyKey and Intern allocate: the object may have moved
  if (IsKind(o, Kind::kArray) && k.value() == roots_[kRootLengthKey]) return kTrue;
  for (Value cur = object.value(); IsJSObject(cur); cur = cur.As<JSObject>()->proto) {
    if (FindOwn(cur.As<JSObject>(), k.value()) >= 0) return kTrue;
    if (ArrayPropertyForKey(cur.As<JSObject>(), k.value()) != kHole) return kTrue;
  }
  return kFalse;
}

Value Runtime::OwnKeys(Handle object, bool include_hidden) {
  tenure::HandleScope scope(*heap_);
  Handle result = Handle::New(*heap_, NewArray());
  Value o = object.value();
  if (IsString(o)) {
    for (uint32_t i = 0; i < o.As<String>()->units(); ++i) {
      Handle k = Handle::New(*heap_, NewString(std::to_string(i)));
      ArrayPush(result, k);
    }
    return result.value();
  }
  if (!IsJSObject(o)) return result.value();
  if (IsView(o)) {  // integer-indexed: every index below the length is an own key
    for (size_t i = 0; i < ViewLength(object.value()); ++i) {
      Handle k = Handle::New(*heap_, NewString(std::to_string(i)));
      ArrayPush(result, k);
    }
  }
  o = object.value();  // the loop above may have moved it
  if (IsKind(o, Kind::kArray)) {
    int64_t len = o.As<JSObject>()->length.ToSmi();
    for (int64_t i = 0; i < len; ++i) {
      JSObject* a = object.value().As<JSObject>();
      if (i >= a->elements.As<FixedArray>()->size() || a->elements.As<FixedArray>()->items()[i] == kHole) continue;
      Handle k = Handle::New(*heap_, NewString(std::to_string(i)));
      ArrayPush(result, k);
    }
  }
  std::vector<Shape*> chain;
  for (Shape* s = object.value().As<JSObject>()->shape.As<Shape>(); s->key != kUndefined; s = s->parent.As<Shape>()) {
    chain.push_back(s);
  }
  // Collect keys first (no allocation), then push (allocation may move shapes but not the keys'
  // handles).
  std::vector<Handle> keys;
  for (size_t i = chain.size(); i > 0; --i) {
    if (!include_hidden && (chain[i - 1]->flags.ToSmi() & kShapeHidden)) continue;
    if (!IsString(chain[i - 1]->key)) continue;  // symbol keys are not enumerated
    keys.push_back(Handle::New(*heap_, chain[i - 1]->key));
  }
  // Integer-like keys come first in ascending order (ECMA-262 OrdinaryOwnPropertyKeys).
  std::vector<std::pair<int64_t, Handle>> numeric;
  std::vector<Handle> named;
  for (Handle k : keys) {
    std::string_view sv = k.value().As<String>()->view();
    bool is_index = !sv.empty() && sv.size() < 10 && (sv == "0" || sv[0] != '0');
    for (char c : sv) is_index &= c >= '0' && c <= '9';
    if (is_index) numeric.push_back({std::stoll(std::string(sv)), k});
    else named.push_back(k);
  }
  std::sort(numeric.begin(), numeric.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& [i, k] : numeric) ArrayPush(result, k);
  for (Handle k : named) ArrayPush(result, k);
  return result.value();
}

}  // namespace tenure::js
