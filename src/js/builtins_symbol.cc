// Symbol, the well-known symbols (Symbol.iterator, toPrimitive, toStringTag, hasInstance) and
// the native iterator objects (arr[Symbol.iterator]() etc.).
//
// Well-known symbols live in roots (kRootIteratorSymbol, kRootToPrimitiveSymbol, ...) so C++
// finds them without a lookup: ToPrimitive and instanceof (conversions.cc), Object.prototype.
// toString (builtins_core.cc), console.log's `Class [tag] {}` prefix (inspect.cc).
//
// A symbol is a heap object (objects.h Symbol) used directly as a property key: keys compare by
// pointer, so a symbol key never collides with a string key. Enumeration (Object.keys, for-in,
// JSON) skips symbol keys; console.log shows the enumerable, non-private ones like node.
// A native iterator is a plain object whose internal[0] holds a runtime iterator record
// (Runtime::ForOfPrepare) and internal[1] the marker kNativeIteratorTag; for-of over it uses the
// record directly.
#include "builtins.h"

namespace tenure::js {

namespace {

constexpr int64_t kNativeIteratorTag = 0x17e7;

bool ThisSymbol(Runtime& rt, Handle self, const char* method, Value* out) {
  Value v = self.value();
  if (IsKind(v, Kind::kBoxed) && IsKind(v.As<JSObject>()->internal[0], Kind::kSymbol)) v = v.As<JSObject>()->internal[0];
  if (!IsKind(v, Kind::kSymbol)) {
    rt.ThrowTypeError(std::string("Symbol.prototype.") + method + " requires that 'this' be a Symbol");
    return false;
  }
  *out = v;
  return true;
}

}  // namespace

Value NewSymbol(Runtime& rt, Handle description, bool is_private) {
  BuiltinsState& state = EnsureBuiltinsState(rt);
  state.next_symbol_hash = state.next_symbol_hash * 6364136223846793005ULL + 1442695040888963407ULL;
  int64_t hash = static_cast<int64_t>(state.next_symbol_hash >> 2);
  Symbol* s = rt.heap().New<Symbol>(SymbolType());
  s->description = description.value();  // young object: no barrier needed
  s->hash = Value::FromSmi(hash);
  s->flags = Value::FromSmi(is_private ? kSymbolPrivate : 0);
  return Value::FromObject(s);
}

std::string SymbolDescriptiveString(Runtime& rt, Value symbol) {
  Value d = symbol.As<Symbol>()->description;
  return "Symbol(" + (IsString(d) ? rt.ToStdString(d) : std::string()) + ")";
}

Value NewNativeIterator(Runtime& rt, Handle record) {
  tenure::HandleScope scope(rt.heap());
  Handle proto = Handle::New(rt.heap(), rt.root(kRootIteratorPrototype));
  Value it = rt.NewObjectWithInternals(proto);
  JSObject* o = it.As<JSObject>();
  o->internal[0] = record.value();  // young object: no barrier needed
  o->internal[1] = Value::FromSmi(kNativeIteratorTag);
  return it;
}

Value NativeIteratorRecord(Value iterator) {
  if (!IsKind(iterator, Kind::kObject)) return Value();
  JSObject* o = iterator.As<JSObject>();
  if (!HasInternalFields(o)) return Value();  // compact plain objects have no internal[]
  if (o->internal[1] != Value::FromSmi(kNativeIteratorTag)) return Value();
  return o->internal[0];
}

TENURE_NATIVE(SymbolConstructor) {
  if (rt.IsCallable(rt.current_new_target())) return rt.ThrowTypeError("Symbol is not a constructor");
  tenure::HandleScope scope(rt.heap());
  Handle description = Handle::New(rt.heap(), kUndefined);
  if (args.get(0) != kUndefined) {
    description.Set(rt.ToString(args.at(0)));
    if (description.value().IsEmpty()) return Value();
  }
  return NewSymbol(rt, description, false);
}

TENURE_NATIVE(SymbolToString) {
  Value s;
  if (!ThisSymbol(rt, self, "toString", &s)) return Value();
  return rt.NewString(SymbolDescriptiveString(rt, s));
}

TENURE_NATIVE(SymbolValueOf) {
  Value s;
  if (!ThisSymbol(rt, self, "valueOf", &s)) return Value();
  return s;
}

TENURE_NATIVE(SymbolDescription) {
  Value s;
  if (!ThisSymbol(rt, self, "description", &s)) return Value();
  return s.As<Symbol>()->description;
}

// Array/String/Map/Set.prototype[Symbol.iterator] (and Map/Set entries order).
TENURE_NATIVE(MakeIterator) {
  Value v = self.value();
  if (IsString(PrimitiveWrapperValue(v))) {  // a String wrapper iterates its [[StringData]]
    tenure::HandleScope scope(rt.heap());
    Handle string = Handle::New(rt.heap(), PrimitiveWrapperValue(v));
    return MakeIterator(rt, string, args);
  }
  if (!IsKind(v, Kind::kArray) && !IsString(v) && !IsKind(v, Kind::kMap) && !IsKind(v, Kind::kSet)) {
    // Only the built-in fast paths: any other receiver would recurse into its own iterator.
    return rt.ThrowTypeError("[Symbol.iterator] called on incompatible receiver " + rt.Inspect(self));
  }
  tenure::HandleScope scope(rt.heap());
  Handle record = Handle::New(rt.heap(), kUndefined);
  if (!rt.ForOfPrepare(record.slot(), self)) return Value();
  return NewNativeIterator(rt, record);
}

TENURE_NATIVE(IteratorNext) {
  Value record = NativeIteratorRecord(self.value());
  if (record.IsEmpty()) {
    return rt.ThrowTypeError("next method called on incompatible receiver " + rt.Inspect(self));
  }
  tenure::HandleScope scope(rt.heap());
  Handle rec = Handle::New(rt.heap(), record);
  Handle value = Handle::New(rt.heap(), kUndefined);
  bool done = false;
  if (!rt.IteratorStep(rec, value.slot(), &done)) return Value();
  Handle result = Handle::New(rt.heap(), rt.NewPlainObject());
  SetDataProperty(rt, result, "value", value.value());
  SetDataProperty(rt, result, "done", FromBool(done));
  return result.value();
}

TENURE_NATIVE(ReturnThis) { return self.value(); }

// Makes the well-known symbol Symbol.<name> (description "Symbol.<name>"), stores it in `root`
// and as a non-writable, non-configurable, non-enumerable property of the Symbol constructor.
static Value InstallWellKnownSymbol(Runtime& rt, Handle ctor, const char* name, Root root) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle text = Handle::New(heap, rt.NewString(std::string("Symbol.") + name));
  Handle symbol = Handle::New(heap, NewSymbol(rt, text, false));
  rt.set_root(root, symbol.value());
  Handle key = Handle::New(heap, rt.Intern(name));
  rt.DefineOwn(ctor, key, symbol, kShapeHidden | kShapeReadOnly | kShapeNonConfigurable);
  return symbol.value();
}

// ECMA-262 §20.2.3.6 Function.prototype[@@hasInstance](V): OrdinaryHasInstance(this, V), which
// for a callable `this` reads its `prototype` (a non-object one gives false here, see InstanceOf).
Value FunctionPrototypeHasInstance(Runtime& rt, Handle self, Args args) {
  if (!rt.IsCallable(self.value())) return kFalse;
  Handle key = Handle::New(rt.heap(), rt.root(kRootPrototypeKey));
  Value prototype = rt.GetNamed(self, key);
  if (prototype.IsEmpty()) return Value();
  return FromBool(Runtime::OrdinaryHasInstance(args.get(0), prototype));
}

// [Symbol.toStringTag] of the built-in objects that have one in node (§20.4.3.6 Symbol, §21.3.1.1
// Math, §25.5.3 JSON, Map/Set/WeakMap/WeakSet/WeakRef/FinalizationRegistry/Promise prototypes,
// %GeneratorPrototype%): {writable: false, enumerable: false, configurable: true}. Runs after
// every builtin is installed.
void InstallToStringTags(Runtime& rt, Handle global) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle tag_key = Handle::New(heap, rt.root(kRootToStringTagSymbol));
  Handle prototype_key = Handle::New(heap, rt.root(kRootPrototypeKey));
  struct { const char* global_name; bool on_prototype; } holders[] = {
      {"Symbol", true}, {"Map", true}, {"Set", true}, {"WeakMap", true}, {"WeakSet", true},
      {"WeakRef", true}, {"FinalizationRegistry", true}, {"Promise", true}, {"Math", false}, {"JSON", false},
  };
  for (const auto& h : holders) {
    Handle name = Handle::New(heap, rt.Intern(h.global_name));
    Handle holder = Handle::New(heap, rt.GetNamed(global, name));
    if (h.on_prototype && IsJSObject(holder.value())) holder.Set(rt.GetNamed(holder, prototype_key));
    if (!IsJSObject(holder.value())) continue;  // not built into this runtime
    Handle tag = Handle::New(heap, rt.NewString(h.global_name));
    rt.DefineOwn(holder, tag_key, tag, kShapeHidden | kShapeReadOnly);
  }
  Handle generator_proto = Handle::New(heap, rt.root(kRootGeneratorPrototype));
  if (!IsJSObject(generator_proto.value())) return;
  Handle tag = Handle::New(heap, rt.NewString("Generator"));
  rt.DefineOwn(generator_proto, tag_key, tag, kShapeHidden | kShapeReadOnly);
}

void InstallSymbolBuiltins(Runtime& rt, Handle global) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle proto = Handle::New(heap, rt.NewPlainObject());
  rt.set_root(kRootSymbolPrototype, proto.value());
  Handle ctor = Handle::New(heap, InstallConstructor(rt, global, "Symbol", SymbolConstructor, 0, proto));
  rt.DefineNative(proto, "toString", SymbolToString, 0);
  rt.DefineNative(proto, "valueOf", SymbolValueOf, 0);
  Handle getter = Handle::New(heap, rt.NewNativeFunction("description", SymbolDescription, 0));
  Handle none = Handle::New(heap, kUndefined);
  Handle description_key = Handle::New(heap, rt.Intern("description"));
  rt.DefineAccessor(proto, description_key, getter, none, false);

  Handle text = Handle::New(heap, rt.NewString("Symbol.iterator"));
  Handle iterator_symbol = Handle::New(heap, NewSymbol(rt, text, false));
  rt.set_root(kRootIteratorSymbol, iterator_symbol.value());
  SetHiddenProperty(rt, ctor, "iterator", iterator_symbol.value());
  InstallWellKnownSymbol(rt, ctor, "asyncIterator", kRootAsyncIteratorSymbol);
  InstallWellKnownSymbol(rt, ctor, "hasInstance", kRootHasInstanceSymbol);
  InstallWellKnownSymbol(rt, ctor, "toPrimitive", kRootToPrimitiveSymbol);
  InstallWellKnownSymbol(rt, ctor, "toStringTag", kRootToStringTagSymbol);
  Handle has_instance_key = Handle::New(heap, rt.root(kRootHasInstanceSymbol));
  Handle has_instance = Handle::New(heap, rt.NewNativeFunction("[Symbol.hasInstance]", FunctionPrototypeHasInstance, 1));
  Handle function_proto = Handle::New(heap, rt.root(kRootFunctionPrototype));
  rt.DefineOwn(function_proto, has_instance_key, has_instance, kShapeHidden | kShapeReadOnly | kShapeNonConfigurable);
  InstallDateToPrimitive(rt);
  text.Set(rt.NewString("identity hash"));
  rt.set_root(kRootHashSymbol, NewSymbol(rt, text, true));

  // Native iterators: next(), and [Symbol.iterator]() returning the iterator itself.
  Handle iterator_proto = Handle::New(heap, rt.NewPlainObject());
  rt.set_root(kRootIteratorPrototype, iterator_proto.value());
  rt.DefineNative(iterator_proto, "next", IteratorNext, 0);
  Handle self_fn = Handle::New(heap, rt.NewNativeFunction("[Symbol.iterator]", ReturnThis, 0));
  rt.DefineOwn(iterator_proto, iterator_symbol, self_fn, kShapeHidden);
  Handle make = Handle::New(heap, rt.NewNativeFunction("[Symbol.iterator]", MakeIterator, 0));
  for (Root r : {kRootArrayPrototype, kRootStringPrototype, kRootMapPrototype, kRootSetPrototype}) {
    Handle holder = Handle::New(heap, rt.root(r));
    rt.DefineOwn(holder, iterator_symbol, make, kShapeHidden);
  }
}

}  // namespace tenure::js
