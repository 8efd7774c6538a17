// WeakMap, WeakSet, WeakRef, FinalizationRegistry, and the per-runtime builtins state.
//
// Layouts (objects.h):
//  - WeakMap/WeakSet: internal[0] = EphemeronTable of capacity C (a power of two; 2C items,
//    [key, value]* pairs), open addressing with linear probing from the key's identity hash;
//    internal[1] = Smi slots in use (live + deleted + GC-cleared). Empty: key is the hole; deleted
//    or cleared by a full GC (the heap writes `undefined` into both slots of a pair whose key died):
//    key is undefined. The GC keeps a value alive only while its key is alive (ephemerons), so a
//    WeakMap never keeps its keys, nor values reachable only through entries of dead keys.
//  - WeakRef: internal[0] = WeakFixedArray [target]. deref() and the constructor add the target to
//    BuiltinsState::kept_alive (ECMA-262 AddToKeptObjects), emptied at every job boundary, so a
//    target stays alive for the rest of the current job.
//  - FinalizationRegistry: internal[0] = cleanup callback; internal[1] = WeakFixedArray [target,
//    token]* ; internal[2] = FixedArray [held]* ; length = Smi cells used. A cell whose held value
//    is the hole is free (unregistered or already reported). After a full GC, at the next job
//    boundary, every cell whose target was cleared is reported: cleanup(held) runs as its own task
//    on the event loop, never inside the GC.
#include "builtins.h"

namespace tenure::js {

namespace {

constexpr int64_t kInitialWeakCapacity = 8;

Value NewWeakArray(Runtime& rt, const TypeInfo* type, int64_t length, Value fill) {
  Value v = rt.NewFixedArray(length, fill);
  v.ToObject()->set_type(type);  // same FixedArray layout, weak/ephemeron visiting
  return v;
}

bool CheckReceiver(Runtime& rt, Handle self, Kind kind, const char* what) {
  if (IsKind(self.value(), kind)) return true;
  rt.ThrowTypeError(std::string("Method ") + what + " called on incompatible receiver " + rt.Inspect(self));
  return false;
}

// ---- Ephemeron tables ------------------------------------------------------------------------------

FixedArray* TableOf(Handle self) { return self.value().As<JSObject>()->internal[0].As<FixedArray>(); }

// The pair index holding `key`, or -1. Keys without an identity hash are in no table.
int64_t Lookup(Runtime& rt, Handle self, Value key) {
  if (!IsJSObject(key)) return -1;
  int64_t index = Runtime::FindOwn(key.As<JSObject>(), rt.root(kRootHashSymbol));
  if (index < 0) return -1;
  uint64_t hash = static_cast<uint64_t>(Runtime::ReadSlot(key.As<JSObject>(), index).ToSmi());
  FixedArray* t = TableOf(self);
  int64_t capacity = t->size() / 2;
  for (int64_t n = 0, i = hash & (capacity - 1); n < capacity; ++n, i = (i + 1) & (capacity - 1)) {
    Value k = t->items()[2 * i];
    if (k == kHole) return -1;
    if (k == key) return i;
  }
  return -1;
}

// Inserts without growing (the table has a free slot).
void Place(FixedArray* t, Value key, Value value, uint64_t hash) {
  int64_t capacity = t->size() / 2;
  int64_t i = hash & (capacity - 1);
  while (t->items()[2 * i] != kHole) i = (i + 1) & (capacity - 1);
  tenure::Store(t, &t->items()[2 * i], key);
  tenure::Store(t, &t->items()[2 * i + 1], value);
}

uint64_t HashOf(Runtime& rt, Value key) {
  int64_t index = Runtime::FindOwn(key.As<JSObject>(), rt.root(kRootHashSymbol));
  return static_cast<uint64_t>(Runtime::ReadSlot(key.As<JSObject>(), index).ToSmi());
}

// Rebuilds the table with room for one more entry, dropping deleted and cleared pairs.
void Grow(Runtime& rt, Handle self) {
  int64_t live = 0;
  FixedArray* t = TableOf(self);
  for (int64_t i = 0; i < t->size() / 2; ++i) live += t->items()[2 * i] != kHole && t->items()[2 * i] != kUndefined;
  int64_t capacity = kInitialWeakCapacity;
  while (capacity * 3 < (live + 1) * 4 + capacity) capacity *= 2;  // load after growth <= 1/2 (+1)
  Value fresh = NewWeakArray(rt, EphemeronTableType(), 2 * capacity, kHole);
  t = TableOf(self);  // the allocation may have moved (and a GC may have cleared) entries
  FixedArray* f = fresh.As<FixedArray>();
  int64_t used = 0;
  for (int64_t i = 0; i < t->size() / 2; ++i) {
    Value k = t->items()[2 * i];
    if (k == kHole || k == kUndefined) continue;
    Place(f, k, t->items()[2 * i + 1], HashOf(rt, k));
    ++used;
  }
  JSObject* o = self.value().As<JSObject>();
  tenure::Store(o, &o->internal[0], fresh);
  o->internal[1] = Value::FromSmi(used);
}

bool WeakInsert(Runtime& rt, Handle self, Handle key, Handle value) {
  int64_t hash = 0;
  if (!IdentityHash(rt, key, &hash)) return false;
  int64_t i = Lookup(rt, self, key.value());
  if (i >= 0) {
    FixedArray* t = TableOf(self);
    tenure::Store(t, &t->items()[2 * i + 1], value.value());
    return true;
  }
  JSObject* o = self.value().As<JSObject>();
  if ((o->internal[1].ToSmi() + 1) * 4 > TableOf(self)->size() / 2 * 3) Grow(rt, self);
  Place(TableOf(self), key.value(), value.value(), static_cast<uint64_t>(hash));
  o = self.value().As<JSObject>();
  o->internal[1] = Value::FromSmi(o->internal[1].ToSmi() + 1);
  return true;
}

Value WeakConstruct(Runtime& rt, Args args, Kind kind) {
  bool is_map = kind == Kind::kWeakMap;
  tenure::HandleScope scope(rt.heap());
  Handle self = Handle::New(rt.heap(), NewBuiltinInstance(rt, kind, is_map ? "WeakMap" : "WeakSet", kRootObjectPrototype));
  if (self.value().IsEmpty()) return Value();
  Value table = NewWeakArray(rt, EphemeronTableType(), 2 * kInitialWeakCapacity, kHole);
  JSObject* o = self.value().As<JSObject>();
  tenure::Store(o, &o->internal[0], table);
  o->internal[1] = Value::FromSmi(0);
  if (IsNullish(args.get(0))) return self.value();
  Handle items = Handle::New(rt.heap(), rt.NewArray());
  if (!rt.SpreadInto(items, args.at(0))) return Value();
  for (int64_t i = 0; i < Runtime::ArrayLength(items.value()); ++i) {
    Handle item = Handle::New(rt.heap(), rt.ArrayGet(items.value().As<JSObject>(), i));
    Handle k = Handle::New(rt.heap(), item.value());
    Handle v = Handle::New(rt.heap(), kTrue);
    if (is_map) {
      if (!IsJSObject(item.value())) {
        return rt.ThrowTypeError("Iterator value " + rt.Inspect(item) + " is not an entry object");
      }
      Handle zero = Handle::New(rt.heap(), Value::FromSmi(0));
      Handle one = Handle::New(rt.heap(), Value::FromSmi(1));
      k.Set(rt.GetProperty(item, zero));
      if (k.value().IsEmpty()) return Value();
      v.Set(rt.GetProperty(item, one));
      if (v.value().IsEmpty()) return Value();
    }
    if (!IsJSObject(k.value())) {
      return rt.ThrowTypeError(is_map ? "Invalid value used as weak map key" : "Invalid value used in weak set");
    }
    if (!WeakInsert(rt, self, k, v)) return Value();
  }
  return self.value();
}

void KeepDuringJob(Runtime& rt, Value target) { EnsureBuiltinsState(rt).kept_alive.push_back(target); }

}  // namespace

TENURE_NATIVE(WeakMapConstructor) { return WeakConstruct(rt, args, Kind::kWeakMap); }
TENURE_NATIVE(WeakSetConstructor) { return WeakConstruct(rt, args, Kind::kWeakSet); }

TENURE_NATIVE(WeakMapGet) {
  if (!CheckReceiver(rt, self, Kind::kWeakMap, "WeakMap.prototype.get")) return Value();
  int64_t i = Lookup(rt, self, args.get(0));
  return i < 0 ? kUndefined : TableOf(self)->items()[2 * i + 1];
}

TENURE_NATIVE(WeakMapSet) {
  if (!CheckReceiver(rt, self, Kind::kWeakMap, "WeakMap.prototype.set")) return Value();
  if (!IsJSObject(args.get(0))) return rt.ThrowTypeError("Invalid value used as weak map key");
  if (!WeakInsert(rt, self, args.at(0), args.at(1))) return Value();
  return self.value();
}

TENURE_NATIVE(WeakSetAdd) {
  if (!CheckReceiver(rt, self, Kind::kWeakSet, "WeakSet.prototype.add")) return Value();
  if (!IsJSObject(args.get(0))) return rt.ThrowTypeError("Invalid value used in weak set");
  Handle present = Handle::New(rt.heap(), kTrue);
  if (!WeakInsert(rt, self, args.at(0), present)) return Value();
  return self.value();
}

TENURE_NATIVE(WeakHas) {
  if (!IsKind(self.value(), Kind::kWeakMap) && !CheckReceiver(rt, self, Kind::kWeakSet, "WeakSet.prototype.has")) {
    return Value();
  }
  return FromBool(Lookup(rt, self, args.get(0)) >= 0);
}

TENURE_NATIVE(WeakDelete) {
  if (!IsKind(self.value(), Kind::kWeakMap) &&
      !CheckReceiver(rt, self, Kind::kWeakSet, "WeakSet.prototype.delete")) {
    return Value();
  }
  int64_t i = Lookup(rt, self, args.get(0));
  if (i < 0) return kFalse;
  FixedArray* t = TableOf(self);
  t->items()[2 * i] = t->items()[2 * i + 1] = kUndefined;  // tombstone: probing continues past it
  return kTrue;
}

// ---- WeakRef ------------------------------------------------------------------------------------------

TENURE_NATIVE(WeakRefConstructor) {
  tenure::HandleScope scope(rt.heap());
  Handle obj = Handle::New(rt.heap(), NewBuiltinInstance(rt, Kind::kWeakRef, "WeakRef", kRootObjectPrototype));
  if (obj.value().IsEmpty()) return Value();
  if (!IsJSObject(args.get(0))) return rt.ThrowTypeError("WeakRef: invalid target");
  Value cell = NewWeakArray(rt, WeakFixedArrayType(), 1, kUndefined);
  tenure::Store(cell.As<FixedArray>(), &cell.As<FixedArray>()->items()[0], args.get(0));
  tenure::Store(obj.value().As<JSObject>(), &obj.value().As<JSObject>()->internal[0], cell);
  KeepDuringJob(rt, args.get(0));
  return obj.value();
}

TENURE_NATIVE(WeakRefDeref) {
  if (!CheckReceiver(rt, self, Kind::kWeakRef, "WeakRef.prototype.deref")) return Value();
  Value target = self.value().As<JSObject>()->internal[0].As<FixedArray>()->items()[0];
  if (target != kUndefined) KeepDuringJob(rt, target);
  return target;
}

// ---- FinalizationRegistry ---------------------------------------------------------------------------

namespace {

int64_t CellsUsed(Value registry) { return registry.As<JSObject>()->length.ToSmi(); }
FixedArray* Targets(Value registry) { return registry.As<JSObject>()->internal[1].As<FixedArray>(); }
FixedArray* Helds(Value registry) { return registry.As<JSObject>()->internal[2].As<FixedArray>(); }

// Makes room for one more cell: compacts free cells away, doubling the arrays when still full.
void GrowCells(Runtime& rt, Handle self) {
  int64_t live = 0;
  for (int64_t i = 0; i < CellsUsed(self.value()); ++i) live += Helds(self.value())->items()[i] != kHole;
  int64_t capacity = Helds(self.value())->size();
  if (live + 1 > capacity / 2) capacity *= 2;
  tenure::HandleScope scope(rt.heap());
  Handle targets = Handle::New(rt.heap(), NewWeakArray(rt, WeakFixedArrayType(), 2 * capacity, kUndefined));
  Handle helds = Handle::New(rt.heap(), rt.NewFixedArray(capacity, kHole));
  int64_t n = 0;
  for (int64_t i = 0; i < CellsUsed(self.value()); ++i) {
    Value held = Helds(self.value())->items()[i];
    if (held == kHole) continue;
    FixedArray* t = targets.value().As<FixedArray>();
    tenure::Store(t, &t->items()[2 * n], Targets(self.value())->items()[2 * i]);
    tenure::Store(t, &t->items()[2 * n + 1], Targets(self.value())->items()[2 * i + 1]);
    tenure::Store(helds.value().As<FixedArray>(), &helds.value().As<FixedArray>()->items()[n], held);
    ++n;
  }
  JSObject* o = self.value().As<JSObject>();
  tenure::Store(o, &o->internal[1], targets.value());
  tenure::Store(o, &o->internal[2], helds.value());
  o->length = Value::FromSmi(n);
}

}  // namespace

TENURE_NATIVE(FinalizationRegistryConstructor) {
  tenure::HandleScope scope(rt.heap());
  Handle obj = Handle::New(rt.heap(), NewBuiltinInstance(rt, Kind::kFinalizationRegistry, "FinalizationRegistry", kRootObjectPrototype));
  if (obj.value().IsEmpty()) return Value();
  if (!rt.IsCallable(args.get(0))) return rt.ThrowTypeError("FinalizationRegistry: cleanup must be callable");
  Handle targets = Handle::New(rt.heap(), NewWeakArray(rt, WeakFixedArrayType(), 2 * 4, kUndefined));
  Handle helds = Handle::New(rt.heap(), rt.NewFixedArray(4, kHole));
  JSObject* o = obj.value().As<JSObject>();
  tenure::Store(o, &o->internal[0], args.get(0));
  tenure::Store(o, &o->internal[1], targets.value());
  tenure::Store(o, &o->internal[2], helds.value());
  o->length = Value::FromSmi(0);
  BuiltinsState& state = EnsureBuiltinsState(rt);
  state.registries.emplace_back(rt.heap(), obj.value());
  state.registries.back().SetWeak();
  return obj.value();
}

TENURE_NATIVE(FinalizationRegistryRegister) {
  const char* method = "FinalizationRegistry.prototype.register";
  if (!CheckReceiver(rt, self, Kind::kFinalizationRegistry, method)) return Value();
  if (!IsJSObject(args.get(0))) return rt.ThrowTypeError(std::string(method) + ": invalid target");
  if (args.get(0) == args.get(1)) {
    return rt.ThrowTypeError(std::string(method) + ": target and holdings must not be same");
  }
  if (!IsJSObject(args.get(2)) && args.get(2) != kUndefined) {
    return rt.ThrowTypeError("Invalid unregisterToken ('" + rt.ToStdString(args.get(2)) + "')");
  }
  if (CellsUsed(self.value()) == Helds(self.value())->size()) GrowCells(rt, self);
  int64_t i = CellsUsed(self.value());
  FixedArray* t = Targets(self.value());
  tenure::Store(t, &t->items()[2 * i], args.get(0));
  tenure::Store(t, &t->items()[2 * i + 1], args.get(2));
  tenure::Store(Helds(self.value()), &Helds(self.value())->items()[i], args.get(1));
  self.value().As<JSObject>()->length = Value::FromSmi(i + 1);
  return kUndefined;
}

TENURE_NATIVE(FinalizationRegistryUnregister) {
  const char* method = "FinalizationRegistry.prototype.unregister";
  if (!CheckReceiver(rt, self, Kind::kFinalizationRegistry, method)) return Value();
  Value token = args.get(0);
  if (!IsJSObject(token)) return rt.ThrowTypeError("Invalid unregisterToken ('" + rt.ToStdString(token) + "')");
  bool removed = false;
  for (int64_t i = 0; i < CellsUsed(self.value()); ++i) {
    if (Helds(self.value())->items()[i] == kHole || Targets(self.value())->items()[2 * i + 1] != token) continue;
    Helds(self.value())->items()[i] = kHole;
    Targets(self.value())->items()[2 * i] = Targets(self.value())->items()[2 * i + 1] = kUndefined;
    removed = true;
  }
  return FromBool(removed);
}

namespace {

// Reports the dead cells of one registry: each cleanup(held) call is a task of its own.
bool CleanUpRegistry(Runtime& rt, Handle registry) {
  tenure::HandleScope scope(rt.heap());
  Handle dead = Handle::New(rt.heap(), rt.NewArray());
  for (int64_t i = 0; i < CellsUsed(registry.value()); ++i) {
    Value held = Helds(registry.value())->items()[i];
    if (held == kHole || Targets(registry.value())->items()[2 * i] != kUndefined) continue;
    Handle h = Handle::New(rt.heap(), held);
    Helds(registry.value())->items()[i] = kHole;
    rt.ArrayPush(dead, h);
  }
  Handle callback = Handle::New(rt.heap(), registry.value().As<JSObject>()->internal[0]);
  Handle undefined = Handle::New(rt.heap(), kUndefined);
  for (int64_t i = 0; i < Runtime::ArrayLength(dead.value()); ++i) {
    Value held = rt.ArrayGet(dead.value().As<JSObject>(), i);
    if (rt.Call(callback, undefined, &held, 1).IsEmpty()) return false;
    EnsureBuiltinsState(rt).kept_alive.clear();  // each callback is a job
  }
  return true;
}

}  // namespace

bool RunJobBoundaryTasks(Runtime& rt) {
  BuiltinsState& state = EnsureBuiltinsState(rt);
  state.kept_alive.clear();
  if (!state.full_gc_since_check) return true;
  state.full_gc_since_check = false;
  tenure::HandleScope scope(rt.heap());
  std::vector<Handle> live;
  for (size_t i = 0; i < state.registries.size();) {
    if (state.registries[i].IsEmpty()) {  // the registry itself died: no callbacks
      state.registries.erase(state.registries.begin() + static_cast<std::ptrdiff_t>(i));
      continue;
    }
    live.push_back(Handle::New(rt.heap(), state.registries[i].value()));
    ++i;
  }
  for (Handle registry : live) {
    if (!CleanUpRegistry(rt, registry)) return false;
  }
  return true;
}

// ---- State ------------------------------------------------------------------------------------------

static void OnGcEpilogue(tenure::Heap&, tenure::GCType type, void* data) {
  if (type == tenure::GCType::kMarkCompact) static_cast<BuiltinsState*>(data)->full_gc_since_check = true;
}

BuiltinsState::BuiltinsState(Runtime& rt) : runtime(rt) {
  uint64_t seed = rt.options().random_seed;
  random.seed(seed != 0 ? seed : (static_cast<uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}());
  root_visitor_id = rt.heap().AddRootVisitor(tenure::RootKind::kRuntime, "js weak refs kept alive",
                                             [this](tenure::ObjectVisitor& v) {
                                               for (Value& target : kept_alive) v.VisitSlot(&target);
                                             });
  rt.heap().AddGCEpilogueCallback(OnGcEpilogue, this);
}

BuiltinsState::~BuiltinsState() {
  runtime.heap().RemoveRootVisitor(root_visitor_id);
  runtime.heap().RemoveGCEpilogueCallback(OnGcEpilogue, this);
  ReleaseBackingStores(*this);  // the heap is going away with the runtime
}

BuiltinsState& EnsureBuiltinsState(Runtime& rt) {
  if (rt.builtins_state() == nullptr) rt.set_builtins_state(std::make_shared<BuiltinsState>(rt));
  return *rt.builtins_state();
}

void InstallWeakBuiltins(Runtime& rt, Handle global) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  EnsureBuiltinsState(rt);
  Handle map_proto = Handle::New(heap, rt.NewPlainObject());
  InstallConstructor(rt, global, "WeakMap", WeakMapConstructor, 0, map_proto);
  rt.DefineNative(map_proto, "get", WeakMapGet, 1);
  rt.DefineNative(map_proto, "set", WeakMapSet, 2);
  rt.DefineNative(map_proto, "has", WeakHas, 1);
  rt.DefineNative(map_proto, "delete", WeakDelete, 1);
  Handle set_proto = Handle::New(heap, rt.NewPlainObject());
  InstallConstructor(rt, global, "WeakSet", WeakSetConstructor, 0, set_proto);
  rt.DefineNative(set_proto, "add", WeakSetAdd, 1);
  rt.DefineNative(set_proto, "has", WeakHas, 1);
  rt.DefineNative(set_proto, "delete", WeakDelete, 1);
  Handle ref_proto = Handle::New(heap, rt.NewPlainObject());
  InstallConstructor(rt, global, "WeakRef", WeakRefConstructor, 1, ref_proto);
  rt.DefineNative(ref_proto, "deref", WeakRefDeref, 0);
  Handle reg_proto = Handle::New(heap, rt.NewPlainObject());
  InstallConstructor(rt, global, "FinalizationRegistry", FinalizationRegistryConstructor, 1, reg_proto);
  rt.DefineNative(reg_proto, "register", FinalizationRegistryRegister, 2);
  rt.DefineNative(reg_proto, "unregister", FinalizationRegistryUnregister, 1);
}

}  // namespace tenure::js
