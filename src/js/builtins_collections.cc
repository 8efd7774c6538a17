// Map and Set. Storage: internal[0] = FixedArray of [key, value] pairs in insertion order
// (deleted entries have key = hole), internal[1] = Smi slots used, internal[2] = Smi live size.
// Lookup is a linear scan with SameValueZero (no hash index yet).
#include "builtins.h"

namespace tenure::js {

namespace {

JSObject* Coll(Handle h) { return h.value().As<JSObject>(); }

bool Check(Runtime& rt, Handle self, Kind kind, const char* method) {
  if (IsKind(self.value(), kind)) return true;
  rt.ThrowTypeError(std::string("Method ") + (kind == Kind::kMap ? "Map" : "Set") + ".prototype." +
                    method + " called on incompatible receiver " + rt.Inspect(self));
  return false;
}

int64_t Find(Runtime& rt, Handle self, Value key) {
  JSObject* c = Coll(self);
  FixedArray* e = c->internal[0].As<FixedArray>();
  int64_t used = c->internal[1].ToSmi();
  for (int64_t i = 0; i < used; ++i) {
    Value k = e->items()[2 * i];
    if (k != kHole && Runtime::SameValueZero(k, key)) return i;
  }
  return -1;
}

bool Insert(Runtime& rt, Handle self, Handle key, Handle value) {
  int64_t i = Find(rt, self, key.value());
  if (i >= 0) {
    FixedArray* e = Coll(self)->internal[0].As<FixedArray>();
    tenure::Store(e, &e->items()[2 * i + 1], value.value());
    return true;
  }
  int64_t used = Coll(self)->internal[1].ToSmi();
  int64_t capacity = Coll(self)->internal[0].As<FixedArray>()->size() / 2;
  if (used == capacity) {
    Value grown = rt.NewFixedArray(4 * (capacity < 4 ? 4 : capacity), kHole);
    FixedArray* old = Coll(self)->internal[0].As<FixedArray>();
    FixedArray* g = grown.As<FixedArray>();
    for (int64_t j = 0; j < 2 * used; ++j) tenure::Store(g, &g->items()[j], old->items()[j]);
    JSObject* c = Coll(self);
    tenure::Store(c, &c->internal[0], grown);
  }
  JSObject* c = Coll(self);
  FixedArray* e = c->internal[0].As<FixedArray>();
  Value k = key.value();
  if (IsKind(k, Kind::kHeapNumber) && NumberValue(k) == 0) k = Value::FromSmi(0);  // -0 -> +0
  tenure::Store(e, &e->items()[2 * used], k);
  tenure::Store(e, &e->items()[2 * used + 1], value.value());
  c->internal[1] = Value::FromSmi(used + 1);
  c->internal[2] = Value::FromSmi(c->internal[2].ToSmi() + 1);
  return true;
}

Value Construct(Runtime& rt, Args args, Kind kind) {
  if (!rt.IsCallable(rt.current_new_target())) {
    return rt.ThrowTypeError(std::string("Constructor ") + (kind == Kind::kMap ? "Map" : "Set") +
                             " requires 'new'");
  }
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle nt = Handle::New(heap, rt.current_new_target());
  Handle pkey = Handle::New(heap, rt.root(kRootPrototypeKey));
  Handle proto = Handle::New(heap, rt.GetNamed(nt, pkey));
  if (proto.value().IsEmpty()) return Value();
  if (!IsJSObject(proto.value())) proto.Set(rt.root(kind == Kind::kMap ? kRootMapPrototype : kRootSetPrototype));
  Handle coll = Handle::New(heap, rt.NewObject(proto, kind));
  Value table = rt.NewFixedArray(8, kHole);
  JSObject* c = Coll(coll);
  tenure::Store(c, &c->internal[0], table);
  c->internal[1] = Value::FromSmi(0);
  c->internal[2] = Value::FromSmi(0);
  if (IsNullish(args.get(0))) return coll.value();
  Handle items = Handle::New(heap, rt.NewArray());
  if (!rt.SpreadInto(items, args.at(0))) return Value();
  for (int64_t i = 0; i < Runtime::ArrayLength(items.value()); ++i) {
    Handle item = Handle::New(heap, rt.ArrayGet(items.value().As<JSObject>(), i));
    if (kind == Kind::kSet) {
      Insert(rt, coll, item, item);
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
    Insert(rt, coll, k, v);
  }
  return coll.value();
}

}  // namespace

TENURE_NATIVE(MapConstructor) { return Construct(rt, args, Kind::kMap); }
TENURE_NATIVE(SetConstructor) { return Construct(rt, args, Kind::kSet); }

TENURE_NATIVE(MapGet) {
  if (!Check(rt, self, Kind::kMap, "get")) return Value();
  int64_t i = Find(rt, self, args.get(0));
  return i < 0 ? kUndefined : Coll(self)->internal[0].As<FixedArray>()->items()[2 * i + 1];
}

TENURE_NATIVE(MapSet) {
  if (!Check(rt, self, Kind::kMap, "set")) return Value();
  Insert(rt, self, args.at(0), args.at(1));
  return self.value();
}

TENURE_NATIVE(SetAdd) {
  if (!Check(rt, self, Kind::kSet, "add")) return Value();
  Insert(rt, self, args.at(0), args.at(0));
  return self.value();
}

TENURE_NATIVE(CollectionHas) {
  if (!IsKind(self.value(), Kind::kMap) && !Check(rt, self, Kind::kSet, "has")) return Value();
  return FromBool(Find(rt, self, args.get(0)) >= 0);
}

TENURE_NATIVE(CollectionDelete) {
  if (!IsKind(self.value(), Kind::kMap) && !Check(rt, self, Kind::kSet, "delete")) return Value();
  int64_t i = Find(rt, self, args.get(0));
  if (i < 0) return kFalse;
  JSObject* c = Coll(self);
  FixedArray* e = c->internal[0].As<FixedArray>();
  e->items()[2 * i] = kHole;
  e->items()[2 * i + 1] = kHole;
  c->internal[2] = Value::FromSmi(c->internal[2].ToSmi() - 1);
  return kTrue;
}

TENURE_NATIVE(CollectionClear) {
  if (!IsKind(self.value(), Kind::kMap) && !Check(rt, self, Kind::kSet, "clear")) return Value();
  Value table = rt.NewFixedArray(8, kHole);
  JSObject* c = Coll(self);
  tenure::Store(c, &c->internal[0], table);
  c->internal[1] = Value::FromSmi(0);
  c->internal[2] = Value::FromSmi(0);
  return kUndefined;
}

TENURE_NATIVE(CollectionSize) {
  if (!IsKind(self.value(), Kind::kMap) && !Check(rt, self, Kind::kSet, "size")) return Value();
  return Coll(self)->internal[2];
}

TENURE_NATIVE(CollectionForEach) {
  if (!IsKind(self.value(), Kind::kMap) && !Check(rt, self, Kind::kSet, "forEach")) return Value();
  if (!rt.IsCallable(args.get(0))) return rt.ThrowTypeError(rt.Inspect(args.at(0)) + " is not a function");
  for (int64_t i = 0; i < Coll(self)->internal[1].ToSmi(); ++i) {
    FixedArray* e = Coll(self)->internal[0].As<FixedArray>();
    if (e->items()[2 * i] == kHole) continue;
    Value argv[3] = {e->items()[2 * i + 1], e->items()[2 * i], self.value()};
    if (rt.Call(args.at(0), args.at(1), argv, 3).IsEmpty()) return Value();
  }
  return kUndefined;
}

// keys/values/entries return arrays (iterable with for-of and spread).
static Value Listing(Runtime& rt, Handle self, int what) {
  tenure::HandleScope scope(rt.heap());
  Handle out = Handle::New(rt.heap(), rt.NewArray());
  bool is_map = IsKind(self.value(), Kind::kMap);
  if (!is_map && !IsKind(self.value(), Kind::kSet)) return rt.ThrowTypeError("incompatible receiver");
  for (int64_t i = 0; i < Coll(self)->internal[1].ToSmi(); ++i) {
    FixedArray* e = Coll(self)->internal[0].As<FixedArray>();
    if (e->items()[2 * i] == kHole) continue;
    Handle k = Handle::New(rt.heap(), e->items()[2 * i]);
    Handle v = Handle::New(rt.heap(), e->items()[2 * i + 1]);
    if (what == 2) {
      Handle pair = Handle::New(rt.heap(), rt.NewArray(2));
      rt.ArrayPush(pair, k);
      rt.ArrayPush(pair, is_map ? v : k);
      rt.ArrayPush(out, pair);
    } else {
      rt.ArrayPush(out, what == 0 ? k : v);
    }
  }
  return out.value();
}

TENURE_NATIVE(CollectionKeys) { return Listing(rt, self, 0); }
TENURE_NATIVE(CollectionValues) { return Listing(rt, self, 1); }
TENURE_NATIVE(CollectionEntries) { return Listing(rt, self, 2); }

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
    Handle getter = Handle::New(heap, rt.NewNativeFunction("size", CollectionSize, 0));
    Handle none = Handle::New(heap, kUndefined);
    Handle key = Handle::New(heap, rt.Intern("size"));
    rt.DefineAccessor(proto, key, getter, none, false);
  }
}

}  // namespace tenure::js
