// Map and Set: ordered hash tables (the layout of V8's OrderedHashTable, itself after Tyler
// Close's "deterministic hash tables").
//
// A collection holds internal[0] = its table, internal[2] = Smi live size (internal[1] unused).
// A table is a FixedArray of capacity C (a power of two):
//   items[kNextTable]      undefined, or the table that replaced this one (rehash/clear)
//   items[kRemoved]        when replaced: a FixedArray of the entry indices dropped by the rehash
//                          (ascending), or Smi -1 when the collection was cleared
//   items[kUsed]           Smi: entry slots used (live + deleted)
//   kHeader + 2i, +1       entry i: key, value (deleted: both hole), in insertion order
//   kHeader + 2C + b       bucket b: Smi index of the newest entry hashing to b, or -1
//   kHeader + 3C + i       Smi index of the next older entry in entry i's bucket chain, or -1
// Invariants: keys are compared with SameValueZero and -0 is stored as +0; numbers and strings
// hash by value, objects and symbols by identity (objects keep a lazily created hash in a hidden
// own property under the private kRootHashSymbol, so the hash survives moves); entries are never
// moved inside a table, so an iterator's position (an entry index) stays valid until the table is
// replaced, and a replaced table tells the iterator how to translate its position.
#include <cmath>
#include <cstring>

#include "builtins.h"
#include "object_names.h"

namespace tenure::js {

namespace {

constexpr int64_t kNextTable = 0;
constexpr int64_t kRemoved = 1;
constexpr int64_t kUsed = 2;
constexpr int64_t kHeader = 3;
constexpr int64_t kInitialCapacity = 4;

JSObject* Coll(Handle h) { return h.value().As<JSObject>(); }
FixedArray* TableOf(Handle h) { return Coll(h)->internal[0].As<FixedArray>(); }
int64_t Capacity(FixedArray* t) { return (t->size() - kHeader) / 4; }
Value& KeyAt(FixedArray* t, int64_t i) { return t->items()[kHeader + 2 * i]; }
Value& ValueAt(FixedArray* t, int64_t i) { return t->items()[kHeader + 2 * i + 1]; }
Value& Bucket(FixedArray* t, int64_t b) { return t->items()[kHeader + 2 * Capacity(t) + b]; }
Value& Chain(FixedArray* t, int64_t i) { return t->items()[kHeader + 3 * Capacity(t) + i]; }
int64_t Used(FixedArray* t) { return t->items()[kUsed].ToSmi(); }

uint64_t Mix(uint64_t x) {  // splitmix64 finalizer
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Hash of a value hashed by content, or by an existing identity hash. False: `key` is an object
// without an identity hash yet (so it is in no table).
bool ExistingHash(Runtime& rt, Value key, int64_t* hash) {
  uint64_t h;
  if (IsNumber(key)) {
    double d = NumberValue(key);
    if (d == 0) d = 0;  // -0 and +0 are one key
    if (std::isnan(d)) d = NAN;
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    h = Mix(bits);
  } else if (IsString(key)) {
    h = 1469598103934665603ULL;  // FNV-1a
    for (char c : key.As<String>()->view()) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  } else if (IsKind(key, Kind::kSymbol)) {
    h = static_cast<uint64_t>(key.As<Symbol>()->hash.ToSmi());
  } else if (IsJSObject(key)) {
    int64_t index = Runtime::FindOwn(key.As<JSObject>(), rt.root(kRootHashSymbol));
    if (index < 0) return false;
    h = static_cast<uint64_t>(Runtime::ReadSlot(key.As<JSObject>(), index).ToSmi());
  } else {
    h = Mix(key.raw());
  }
  *hash = static_cast<int64_t>(h & 0x3fffffffffffffffULL);
  return true;
}

Value NewTable(Runtime& rt, int64_t capacity) {
  Value table = rt.NewFixedArray(kHeader + 4 * capacity, kHole);
  FixedArray* t = table.As<FixedArray>();
  t->items()[kNextTable] = kUndefined;
  t->items()[kRemoved] = kUndefined;
  t->items()[kUsed] = Value::FromSmi(0);
  for (int64_t i = 0; i < 2 * capacity; ++i) t->items()[kHeader + 2 * capacity + i] = Value::FromSmi(-1);
  return table;
}

int64_t FindInTable(FixedArray* t, Value key, int64_t hash) {
  for (int64_t i = Bucket(t, hash & (Capacity(t) - 1)).ToSmi(); i >= 0; i = Chain(t, i).ToSmi()) {
    Value k = KeyAt(t, i);
    if (k != kHole && Runtime::SameValueZero(k, key)) return i;
  }
  return -1;
}

int64_t Find(Runtime& rt, Handle self, Value key) {
  int64_t hash;
  if (!ExistingHash(rt, key, &hash)) return -1;
  return FindInTable(TableOf(self), key, hash);
}

// Appends an entry (no allocation; the table has a free slot).
void Append(Runtime& rt, FixedArray* t, Value key, Value value, int64_t hash) {
  int64_t i = Used(t);
  int64_t b = hash & (Capacity(t) - 1);
  tenure::Store(t, &KeyAt(t, i), key);
  tenure::Store(t, &ValueAt(t, i), value);
  Chain(t, i) = Bucket(t, b);
  Bucket(t, b) = Value::FromSmi(i);
  t->items()[kUsed] = Value::FromSmi(i + 1);
}

// Marks `old_table` replaced by `next` (`removed`: dropped indices, or Smi -1 for clear) and drops
// its entries so that iterators still holding it retain nothing.
void Retire(FixedArray* old_table, Value next, Value removed) {
  tenure::Store(old_table, &old_table->items()[kNextTable], next);
  tenure::Store(old_table, &old_table->items()[kRemoved], removed);
  for (int64_t i = 0; i < Used(old_table); ++i) KeyAt(old_table, i) = ValueAt(old_table, i) = kHole;
}

// Replaces the full table by one with room for at least one more entry, dropping deleted entries.
void Rehash(Runtime& rt, Handle self) {
  tenure::HandleScope scope(rt.heap());
  int64_t live = Coll(self)->internal[2].ToSmi();
  int64_t capacity = Capacity(TableOf(self));
  int64_t new_capacity = live + 1 > capacity / 2 ? 2 * capacity : capacity;
  Handle removed = Handle::New(rt.heap(), rt.NewFixedArray(Used(TableOf(self)) - live));
  Handle next = Handle::New(rt.heap(), NewTable(rt, new_capacity));
  FixedArray* old_table = TableOf(self);
  FixedArray* t = next.value().As<FixedArray>();
  FixedArray* r = removed.value().As<FixedArray>();
  int64_t dropped = 0;
  for (int64_t i = 0; i < Used(old_table); ++i) {
    Value k = KeyAt(old_table, i);
    if (k == kHole) {
      r->items()[dropped++] = Value::FromSmi(i);
      continue;
    }
    int64_t hash = 0;
    ExistingHash(rt, k, &hash);  // every stored key has a hash
    Append(rt, t, k, ValueAt(old_table, i), hash);
  }
  Retire(old_table, next.value(), removed.value());
  tenure::Store(Coll(self), &Coll(self)->internal[0], next.value());
}

bool Insert(Runtime& rt, Handle self, Handle key, Handle value) {
  int64_t hash;
  if (IsJSObject(key.value())) {
    if (!IdentityHash(rt, key, &hash)) return false;
  } else {
    ExistingHash(rt, key.value(), &hash);
  }
  int64_t i = FindInTable(TableOf(self), key.value(), hash);
  if (i >= 0) {
    FixedArray* t = TableOf(self);
    tenure::Store(t, &ValueAt(t, i), value.value());
    return true;
  }
  if (Used(TableOf(self)) == Capacity(TableOf(self))) Rehash(rt, self);
  Value k = key.value();
  if (IsKind(k, Kind::kHeapNumber) && NumberValue(k) == 0) k = Value::FromSmi(0);  // -0 -> +0
  Append(rt, TableOf(self), k, value.value(), hash);
  JSObject* c = Coll(self);
  c->internal[2] = Value::FromSmi(c->internal[2].ToSmi() + 1);
  return true;
}

void Reset(Runtime& rt, Handle self, bool retire_old) {
  Value table = NewTable(rt, kInitialCapacity);
  JSObject* c = Coll(self);
  if (retire_old) Retire(c->internal[0].As<FixedArray>(), table, Value::FromSmi(-1));
  tenure::Store(c, &c->internal[0], table);
  c->internal[1] = Value::FromSmi(0);
  c->internal[2] = Value::FromSmi(0);
}

bool Check(Runtime& rt, Handle self, Kind kind, const char* method) {
  if (IsKind(self.value(), kind)) return true;
  rt.ThrowTypeError(std::string("Method ") + (kind == Kind::kMap ? "Map" : "Set") + ".prototype." +
                    method + " called on incompatible receiver " + rt.Inspect(self));
  return false;
}

bool CheckEither(Runtime& rt, Handle self, const char* method) {
  return IsKind(self.value(), Kind::kMap) || Check(rt, self, Kind::kSet, method);
}

Value Construct(Runtime& rt, Args args, Kind kind) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  const bool is_map = kind == Kind::kMap;
  Handle coll = Handle::New(heap, NewBuiltinInstance(rt, kind, is_map ? "Map" : "Set",
                                                     is_map ? kRootMapPrototype : kRootSetPrototype));
  if (coll.value().IsEmpty()) return Value();
  Reset(rt, coll, false);
  if (IsNullish(args.get(0))) return coll.value();
  Handle items = Handle::New(heap, rt.NewArray());
  if (!rt.SpreadInto(items, args.at(0))) return Value();
  for (int64_t i = 0; i < Runtime::ArrayLength(items.value()); ++i) {
    Handle item = Handle::New(heap, rt.ArrayGet(items.value().As<JSObject>(), i));
    if (kind == Kind::kSet) {
      if (!Insert(rt, coll, item, item)) return Value();
      continue;
    }
    if (!IsJSObject(item.value())) {
      return rt.ThrowTypeError("Iterator value " + rt.Inspect(item) + " is not an entry object");
    }
    Handle zero = Handle::New(heap, Value::FromSmi(0));
    Handle one = Handle::New(heap, Value::FromSmi(1));
    Handle k = Handle::New(heap, rt.GetProperty(item, zero));
    Handle v = Handle::New(heap, rt.GetProperty(item, one));
    if (k.value().IsEmpty() || v.value().IsEmpty()) return Value();
    if (!Insert(rt, coll, k, v)) return Value();
  }
  return coll.value();
}

}  // namespace

Value NewBuiltinInstance(Runtime& rt, Kind kind, const char* name, Root fallback_proto) {
  if (!rt.IsCallable(rt.current_new_target())) {
    return rt.ThrowTypeError(std::string("Constructor ") + name + " requires 'new'");
  }
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle nt = Handle::New(heap, rt.current_new_target());
  Handle pkey = Handle::New(heap, rt.root(kRootPrototypeKey));
  Handle proto = Handle::New(heap, rt.GetNamed(nt, pkey));
  if (proto.value().IsEmpty()) return Value();
  if (!IsJSObject(proto.value())) proto.Set(rt.root(fallback_proto));
  return rt.NewObject(proto, kind);
}

bool IdentityHash(Runtime& rt, Handle object, int64_t* hash) {
  if (ExistingHash(rt, object.value(), hash)) return true;
  tenure::HandleScope scope(rt.heap());
  BuiltinsState& state = EnsureBuiltinsState(rt);
  state.next_symbol_hash = Mix(state.next_symbol_hash + 0x9e3779b97f4a7c15ULL);
  *hash = static_cast<int64_t>(state.next_symbol_hash & 0x3fffffffffffffffULL);
  Handle key = Handle::New(rt.heap(), rt.root(kRootHashSymbol));
  Handle value = Handle::New(rt.heap(), Value::FromSmi(*hash));
  return rt.DefineOwn(object, key, value, kShapeHidden);
}

int64_t CollectionSlotCount(Value collection) {
  return Used(collection.As<JSObject>()->internal[0].As<FixedArray>());
}

bool CollectionEntry(Value collection, int64_t slot, Value* key, Value* value) {
  FixedArray* t = collection.As<JSObject>()->internal[0].As<FixedArray>();
  if (KeyAt(t, slot) == kHole) return false;
  *key = KeyAt(t, slot);
  *value = ValueAt(t, slot);
  return true;
}

Value CollectionIterationTable(Value collection) { return collection.As<JSObject>()->internal[0]; }

// `record` = [table, Smi entry index, kind] (Runtime::ForOfPrepare).
bool CollectionIteratorStep(Runtime& rt, Handle record, EntryView view, Value* out, bool* done) {
  FixedArray* rec = record.value().As<FixedArray>();
  FixedArray* t = rec->items()[0].As<FixedArray>();
  int64_t pos = rec->items()[1].ToSmi();
  while (t->items()[kNextTable] != kUndefined) {
    Value removed = t->items()[kRemoved];
    if (removed.IsSmi()) {
      pos = 0;  // cleared: continue with what is added afterwards
    } else {
      int64_t shift = 0;
      FixedArray* r = removed.As<FixedArray>();
      while (shift < r->size() && r->items()[shift].ToSmi() < pos) ++shift;
      pos -= shift;
    }
    t = t->items()[kNextTable].As<FixedArray>();
  }
  tenure::Store(rec, &rec->items()[0], Value::FromObject(t));
  while (pos < Used(t) && KeyAt(t, pos) == kHole) ++pos;
  rec->items()[1] = Value::FromSmi(pos + 1);
  if (pos >= Used(t)) {
    rec->items()[1] = Value::FromSmi(pos);
    *done = true;
    return true;
  }
  if (view == EntryView::kKey || view == EntryView::kValue) {
    *out = view == EntryView::kKey ? KeyAt(t, pos) : ValueAt(t, pos);
    return true;
  }
  tenure::HandleScope scope(rt.heap());
  Handle pair = Handle::New(rt.heap(), rt.NewArray(2));
  t = record.value().As<FixedArray>()->items()[0].As<FixedArray>();
  Handle k = Handle::New(rt.heap(), KeyAt(t, pos));
  Handle v = Handle::New(rt.heap(), view == EntryView::kEntry ? ValueAt(t, pos) : KeyAt(t, pos));
  rt.ArrayPush(pair, k);
  rt.ArrayPush(pair, v);
  *out = pair.value();
  return true;
}

TENURE_NATIVE(MapConstructor) { return Construct(rt, args, Kind::kMap); }
TENURE_NATIVE(SetConstructor) { return Construct(rt, args, Kind::kSet); }

TENURE_NATIVE(MapGet) {
  if (!Check(rt, self, Kind::kMap, "get")) return Value();
  int64_t i = Find(rt, self, args.get(0));
  return i < 0 ? kUndefined : ValueAt(TableOf(self), i);
}

TENURE_NATIVE(MapSet) {
  if (!Check(rt, self, Kind::kMap, "set")) return Value();
  if (!Insert(rt, self, args.at(0), args.at(1))) return Value();
  return self.value();
}

TENURE_NATIVE(SetAdd) {
  if (!Check(rt, self, Kind::kSet, "add")) return Value();
  if (!Insert(rt, self, args.at(0), args.at(0))) return Value();
  return self.value();
}

TENURE_NATIVE(CollectionHas) {
  if (!CheckEither(rt, self, "has")) return Value();
  return FromBool(Find(rt, self, args.get(0)) >= 0);
}

TENURE_NATIVE(CollectionDelete) {
  if (!CheckEither(rt, self, "delete")) return Value();
  int64_t i = Find(rt, self, args.get(0));
  if (i < 0) return kFalse;
  FixedArray* t = TableOf(self);
  KeyAt(t, i) = ValueAt(t, i) = kHole;  // stays in its bucket chain; skipped by lookups
  JSObject* c = Coll(self);
  c->internal[2] = Value::FromSmi(c->internal[2].ToSmi() - 1);
  return kTrue;
}

TENURE_NATIVE(CollectionClear) {
  if (!CheckEither(rt, self, "clear")) return Value();
  Reset(rt, self, true);
  return kUndefined;
}

TENURE_NATIVE(CollectionSize) {
  if (!CheckEither(rt, self, "size")) return Value();
  return Coll(self)->internal[2];
}

// Visits entries like an iterator: entries added during the walk are visited, deleted ones not.
TENURE_NATIVE(CollectionForEach) {
  if (!CheckEither(rt, self, "forEach")) return Value();
  if (!rt.IsCallable(args.get(0))) return rt.ThrowTypeError(NonCallableText(rt, args.at(0)) + " is not a function");
  tenure::HandleScope scope(rt.heap());
  Handle record = Handle::New(rt.heap(), rt.NewFixedArray(3));
  FixedArray* rec = record.value().As<FixedArray>();
  tenure::Store(rec, &rec->items()[0], Coll(self)->internal[0]);
  rec->items()[1] = Value::FromSmi(0);
  Handle key = Handle::New(rt.heap(), kUndefined);
  for (;;) {
    bool done = false;
    CollectionIteratorStep(rt, record, EntryView::kKey, key.slot(), &done);
    if (done) return kUndefined;
    FixedArray* t = record.value().As<FixedArray>()->items()[0].As<FixedArray>();
    int64_t pos = record.value().As<FixedArray>()->items()[1].ToSmi() - 1;
    Value argv[3] = {ValueAt(t, pos), key.value(), self.value()};
    if (rt.Call(args.at(0), args.at(1), argv, 3).IsEmpty()) return Value();
  }
}

// keys/values/entries return live iterator objects (a %MapIteratorPrototype%-like native iterator):
// entries added during the iteration are visited, deleted ones are not, like for-of.
static Value CollectionIterator(Runtime& rt, Handle self, const char* method, IterKind map_kind,
                                IterKind set_kind) {
  if (!CheckEither(rt, self, method)) return Value();
  tenure::HandleScope scope(rt.heap());
  bool is_map = IsKind(self.value(), Kind::kMap);
  Handle record = Handle::New(rt.heap(), rt.NewIterationRecord(self, is_map ? map_kind : set_kind));
  return NewNativeIterator(rt, record);
}

TENURE_NATIVE(CollectionKeys) { return CollectionIterator(rt, self, "keys", kIterMapKeys, kIterSet); }
TENURE_NATIVE(CollectionValues) { return CollectionIterator(rt, self, "values", kIterMapValues, kIterSet); }
TENURE_NATIVE(CollectionEntries) { return CollectionIterator(rt, self, "entries", kIterMap, kIterSetEntries); }

void InstallCollectionBuiltins(Runtime& rt, Handle global) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  for (Kind kind : {Kind::kMap, Kind::kSet}) {
    bool is_map = kind == Kind::kMap;
    Handle proto = Handle::New(heap, rt.root(is_map ? kRootMapPrototype : kRootSetPrototype));
    InstallConstructor(rt, global, is_map ? "Map" : "Set", is_map ? MapConstructor : SetConstructor, 0, proto);
    if (is_map) {
      rt.DefineNative(proto, "get", MapGet, 1);
      rt.DefineNative(proto, "set", MapSet, 2);
    } else {
      rt.DefineNative(proto, "add", SetAdd, 1);
    }
    rt.DefineNative(proto, "has", CollectionHas, 1);
    rt.DefineNative(proto, "delete", CollectionDelete, 1);
    rt.DefineNative(proto, "clear", CollectionClear, 0);
    rt.DefineNative(proto, "forEach", CollectionForEach, 1);
    rt.DefineNative(proto, "keys", CollectionKeys, 0);
    rt.DefineNative(proto, "values", CollectionValues, 0);
    rt.DefineNative(proto, "entries", CollectionEntries, 0);
    Handle getter = Handle::New(heap, rt.NewNativeFunction("get size", CollectionSize, 0));
    Handle none = Handle::New(heap, kUndefined);
    Handle key = Handle::New(heap, rt.Intern("size"));
    rt.DefineAccessor(proto, key, getter, none, false);
  }
}

}  // namespace tenure::js
