// Call dispatch from the interpreter loop, classes, spreading and iteration.
#include <set>
#include <string>

#include "allocation_site.h"
#include "builtins.h"
#include "runtime.h"

namespace tenure::js {

// `args` = [receiver, arg0, ...] in rooted stack slots. Returns kHole when a bytecode frame was
// pushed (the loop continues in it), the result of a native call, or empty on exception.
Value Runtime::DispatchCall(bool is_new, bool is_super, int callee_reg, int dst, Value* args, int argc) {
  Frame& f = frames_.back();
  Value* r = stack_.get() + f.base;
  Value callee = is_super ? r[kRegClosure].As<JSObject>()->proto : r[callee_reg];
  auto callee_text = [&]() -> std::string {
    auto it = f.info->callee_text.find(f.pc - 1);
    return it != f.info->callee_text.end() ? it->second : std::string("expression");
  };
  if (!IsCallable(callee)) {
    if (is_super) return ThrowTypeError("Super constructor is not a constructor");
    return ThrowTypeError(callee_text() + (is_new ? " is not a constructor" : " is not a function"));
  }
  int64_t id = callee.As<JSObject>()->internal[1].ToSmi();
  bool construct = is_new || is_super;
  if (id < 0) {
    tenure::HandleScope scope(*heap_);
    Handle new_target = Handle::New(*heap_, is_new ? callee : is_super ? r[kRegNewTarget] : kUndefined);
    if (construct) args[0] = kUndefined;
    return CallNative(static_cast<int>(-id - 1), Handle::FromSlot(args), args + 1, argc, new_target, callee);
  }
  const FunctionInfo* info = functions_[id].get();
  if (!construct && info->is_class_ctor) {
    return ThrowTypeError("Class constructor " + info->name + " cannot be invoked without 'new'");
  }
  if (construct && info->is_method && !info->is_class_ctor) {
    return ThrowTypeError(callee_text() + " is not a constructor");
  }
  size_t base = StackTop();
  size_t args_end = static_cast<size_t>(args - stack_.get()) + 1 + static_cast<size_t>(argc);
  if (args_end > base) base = args_end;
  // A plain call allocates nothing before its frame exists: no handles needed.
  if (!construct) {
    return EnterFunction(base, callee, args[0], kUndefined, args + 1, argc, dst, false, false) ? kHole : Value();
  }
  tenure::HandleScope scope(*heap_);
  Handle callee_h = Handle::New(*heap_, callee);
  Handle new_target = Handle::New(*heap_, is_new ? callee : r[kRegNewTarget]);
  Handle receiver = Handle::New(*heap_, kHole);
  if (!info->is_derived_ctor) {
    Handle proto = Handle::New(*heap_, ConstructorPrototype(new_target));
    if (proto.value().IsEmpty()) return Value();
    if (!IsJSObject(proto.value())) proto.Set(roots_[kRootObjectPrototype]);
    // `new F()` allocates at its instruction's site (the kNew / kNewSpread at f.pc - 1, operand
    // b), super() calls at none (allocation_site.h).
    tenure::AllocationSite* site =
        is_new ? ConstructSite(*this, f.info, f.info->code[f.pc - 1].b, info) : nullptr;
    receiver.Set(NewConstructedObject(*this, proto, InstanceCapacity(new_target.value()), site));
  }
  return EnterFunction(base, callee_h.value(), receiver.value(), new_target.value(), args + 1, argc,
                       dst, true, false) ? kHole : Value();
}

// `new_target.prototype` (may call a getter, may throw: empty). Fast path: an ordinary function's
// most recently added own property is normally its `prototype` data property (NewFunction
// defines it; `F.prototype = ...` rewrites the slot, not the shape), so the receiver's own shape
// node answers without a lookup. Reading the current shape every time, this needs no
// invalidation: any other shape (a property added to F later, an accessor, a native) takes
// the full lookup.
Value Runtime::ConstructorPrototype(Handle new_target) {
  Value target = new_target.value();
  if (IsKind(target, Kind::kFunction)) {
    JSObject* fn = target.As<JSObject>();
    Shape* shape = fn->shape.As<Shape>();
    if (shape->key == roots_[kRootPrototypeKey] && !(shape->flags.ToSmi() & kShapeAccessor)) {
      return ReadSlot(fn, shape->index.ToSmi());
    }
  }
  tenure::HandleScope scope(*heap_);
  Handle key = Handle::New(*heap_, roots_[kRootPrototypeKey]);
  return GetNamed(new_target, key);
}

// In-object slack for `new F()` (after V8: the parser's expected_nof_properties counts the
// distinct `this.x =` stores in F, a derived class adds its bases' counts, and in-object slack
// tracking (v8.dev/blog/slack-tracking) settles the instance size after the first few
// constructions). Here the estimate starts at the compiler's count (kDefaultInlineCapacity when
// it is 0) and only grows: LearnInstanceCapacity raises it to the property count of finished
// instances, capped at kMaxInlineCapacity. Objects already allocated keep their size; extra
// properties go to their `slots`.
int Runtime::InstanceCapacity(Value new_target) {
  if (!IsKind(new_target, Kind::kFunction)) return kDefaultInlineCapacity;
  int64_t id = new_target.As<JSObject>()->internal[1].ToSmi();
  if (id < 0) return kDefaultInlineCapacity;
  FunctionInfo* info = functions_[id].get();
  if (info->instance_capacity >= 0) return info->instance_capacity;
  int count = info->this_property_count;
  // A derived constructor's instance also holds what its base constructors store.
  Value ctor = new_target;
  for (const FunctionInfo* f = info; f->is_derived_ctor;) {
    ctor = ctor.As<JSObject>()->proto;
    if (!IsKind(ctor, Kind::kFunction) || ctor.As<JSObject>()->internal[1].ToSmi() < 0) break;
    f = functions_[ctor.As<JSObject>()->internal[1].ToSmi()].get();
    count += f->this_property_count;
  }
  if (count == 0) count = kDefaultInlineCapacity;
  info->instance_capacity = count < kMaxInlineCapacity ? count : kMaxInlineCapacity;
  return info->instance_capacity;
}

void Runtime::LearnInstanceCapacity(Value new_target, Value instance) {
  if (!IsKind(instance, Kind::kObject) || !IsKind(new_target, Kind::kFunction)) return;
  int64_t id = new_target.As<JSObject>()->internal[1].ToSmi();
  if (id < 0) return;
  FunctionInfo* info = functions_[id].get();
  int64_t count = instance.As<JSObject>()->shape.As<Shape>()->count.ToSmi();
  if (count <= info->instance_capacity) return;
  info->instance_capacity = static_cast<int>(count < kMaxInlineCapacity ? count : kMaxInlineCapacity);
}

bool Runtime::SetUpClass(Handle ctor, Value* super_slot, Value* proto_out) {
  tenure::HandleScope scope(*heap_);
  Handle key = Handle::New(*heap_, roots_[kRootPrototypeKey]);
  Value proto = GetNamed(ctor, key);
  if (proto.IsEmpty()) return false;
  *proto_out = proto;
  if (super_slot == nullptr) return true;
  Value sup = *super_slot;
  if (sup == kNull) {
    JSObject* p = proto_out->As<JSObject>();
    p->proto = kNull;
    return true;
  }
  if (!IsCallable(sup)) {
    std::string what = IsJSObject(sup) ? "[object Object]" : ToStdString(sup);
    ThrowTypeError("Class extends value " + what + " is not a constructor or null");
    return false;
  }
  Value parent_proto = GetNamed(Handle::FromSlot(super_slot), key);
  if (parent_proto.IsEmpty()) return false;
  if (!IsJSObject(parent_proto) && parent_proto != kNull) {
    ThrowTypeError("Class extends value does not have valid prototype property");
    return false;
  }
  JSObject* p = proto_out->As<JSObject>();
  tenure::Store(p, &p->proto, parent_proto);
  JSObject* c = ctor.value().As<JSObject>();
  tenure::Store(c, &c->proto, *super_slot);
  return true;
}

// Iterator records are FixedArrays [iterable, Smi position, Smi kind]; Map/Set records hold the
// collection's table (builtins_collections.cc); kIterProtocol records are [iterator, next, kind].
// Objects without a built-in fast path use the iterator protocol: obj[Symbol.iterator]() must
// return an object whose next() returns { value, done } objects. GetIterator (ECMA-262 §7.4.3)
// in two steps, so a caller that already read the method (Array.from) does not read it again.
static bool ProtocolPrepare(Runtime& rt, Value* iter_out, Handle iterable, const std::string& what) {
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), rt.root(kRootIteratorSymbol));
  Handle method = Handle::New(rt.heap(), rt.GetNamed(iterable, key));
  if (method.value().IsEmpty()) return false;
  if (!rt.IsCallable(method.value())) {
    rt.ThrowTypeError(what + " is not iterable");
    return false;
  }
  return rt.IteratorFromMethod(iter_out, iterable, method);
}

bool Runtime::IteratorFromMethod(Value* iter_out, Handle iterable, Handle method) {
  tenure::HandleScope scope(*heap_);
  Handle iterator = Handle::New(*heap_, Call(method, iterable, nullptr, 0));
  if (iterator.value().IsEmpty()) return false;
  if (!IsJSObject(iterator.value())) {
    ThrowTypeError("Result of the Symbol.iterator method is not an object");
    return false;
  }
  Value native = NativeIteratorRecord(iterator.value());
  if (!native.IsEmpty()) {
    *iter_out = native;
    return true;
  }
  Handle next_key = Handle::New(*heap_, Intern("next"));
  Handle next = Handle::New(*heap_, GetNamed(iterator, next_key));
  if (next.value().IsEmpty()) return false;
  Value record = NewFixedArray(3);
  FixedArray* rec = record.As<FixedArray>();
  tenure::Store(rec, &rec->items()[0], iterator.value());
  tenure::Store(rec, &rec->items()[1], next.value());
  rec->items()[2] = Value::FromSmi(kIterProtocol);
  *iter_out = record;
  return true;
}

bool Runtime::ForOfPrepare(Value* iter_out, Handle iterable) {
  Value v = iterable.value();
  IterKind kind;
  if (IsKind(v, Kind::kArray)) kind = kIterArray;
  else if (IsString(v)) kind = kIterString;
  else if (IsKind(v, Kind::kMap)) kind = kIterMap;
  else if (IsKind(v, Kind::kSet)) kind = kIterSet;
  else {
    std::string what = IsNullish(v) ? ToStdString(v) : IsJSObject(v) ? "object" : ToStdString(TypeOf(v)) + " " + ToStdString(v);
    if (IsJSObject(v)) return ProtocolPrepare(*this, iter_out, iterable, what);
    if (IsKind(v, Kind::kSymbol)) what = "symbol " + SymbolDescriptiveString(*this, v);
    ThrowTypeError(what + " is not iterable");
    return false;
  }
  *iter_out = NewIterationRecord(iterable, kind);
  return true;
}

Value Runtime::NewIterationRecord(Handle source, IterKind kind) {
  Value record = NewFixedArray(3);
  FixedArray* rec = record.As<FixedArray>();
  bool coll = IsKind(source.value(), Kind::kMap) || IsKind(source.value(), Kind::kSet);
  tenure::Store(rec, &rec->items()[0], coll ? CollectionIterationTable(source.value()) : source.value());
  rec->items()[1] = Value::FromSmi(0);
  rec->items()[2] = Value::FromSmi(kind);
  return record;
}

bool Runtime::ForInPrepare(Value* iter_out, Handle object) {
  tenure::HandleScope scope(*heap_);
  Handle keys = Handle::New(*heap_, NewArray());
  if (!IsNullish(object.value())) {
    std::set<std::string> seen;
    Handle cur = Handle::New(*heap_, object.value());
    while (IsJSObject(cur.value()) || IsString(cur.value())) {
      Handle own = Handle::New(*heap_, OwnKeys(cur));
      int64_t n = ArrayLength(own.value());
      for (int64_t i = 0; i < n; ++i) {
        Handle k = Handle::New(*heap_, ArrayGet(own.value().As<JSObject>(), i));
        if (seen.insert(ToStdString(k.value())).second) ArrayPush(keys, k);
      }
      if (!IsJSObject(cur.value())) break;
      cur.Set(cur.value().As<JSObject>()->proto);
    }
  }
  return ForOfPrepare(iter_out, keys);
}

bool Runtime::IteratorStep(Handle iter, Value* out, bool* done) {
  FixedArray* rec = iter.value().As<FixedArray>();
  Value source = rec->items()[0];
  int64_t pos = rec->items()[1].ToSmi();
  switch (static_cast<IterKind>(rec->items()[2].ToSmi())) {
    case kIterArray:
    case kIterArrayKeys:
    case kIterArrayEntries: {
      // The length is read at every step: elements pushed during the iteration are visited.
      if (pos >= source.As<JSObject>()->length.ToSmi()) { *done = true; return true; }
      IterKind kind = static_cast<IterKind>(rec->items()[2].ToSmi());
      rec->items()[1] = Value::FromSmi(pos + 1);
      if (kind == kIterArrayKeys) { *out = Value::FromSmi(pos); return true; }
      *out = ArrayGet(source.As<JSObject>(), pos);
      if (kind == kIterArray) return true;
      tenure::HandleScope scope(*heap_);
      Handle value = Handle::New(*heap_, *out);
      Handle index = Handle::New(*heap_, Value::FromSmi(pos));
      Handle pair = Handle::New(*heap_, NewArray(2));
      ArrayPush(pair, index);
      ArrayPush(pair, value);
      *out = pair.value();
      return true;
    }
    case kIterString: {
      String* s = source.As<String>();
      if (pos >= s->length) { *done = true; return true; }
      unsigned char c = static_cast<unsigned char>(s->data()[pos]);
      int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      if (pos + len > s->length) len = static_cast<int>(s->length - pos);
      std::string ch(s->data() + pos, len);
      rec->items()[1] = Value::FromSmi(pos + len);
      *out = NewString(ch);
      return true;
    }
    case kIterMap:
      return CollectionIteratorStep(*this, iter, EntryView::kEntry, out, done);
    case kIterSetEntries:
      return CollectionIteratorStep(*this, iter, EntryView::kKeyTwice, out, done);
    case kIterSet:
    case kIterMapKeys:
      return CollectionIteratorStep(*this, iter, EntryView::kKey, out, done);
    case kIterMapValues:
      return CollectionIteratorStep(*this, iter, EntryView::kValue, out, done);
    case kIterProtocol: {
      tenure::HandleScope scope(*heap_);
      Handle iterator = Handle::New(*heap_, source);
      Handle next = Handle::New(*heap_, rec->items()[1]);
      Handle result = Handle::New(*heap_, Call(next, iterator, nullptr, 0));
      if (result.value().IsEmpty()) return false;
      if (!IsJSObject(result.value())) {
        ThrowTypeError("Iterator result " + Inspect(result) + " is not an object");
        return false;
      }
      Handle done_key = Handle::New(*heap_, Intern("done"));
      Value d = GetNamed(result, done_key);
      if (d.IsEmpty()) return false;
      if (ToBoolean(d)) { *done = true; return true; }
      Handle value_key = Handle::New(*heap_, Intern("value"));
      Value value = GetNamed(result, value_key);
      if (value.IsEmpty()) return false;
      *out = value;
      return true;
    }
  }
  *done = true;
  return true;
}

bool Runtime::IteratorClose(Handle iter, bool quiet) {
  FixedArray* rec = iter.value().As<FixedArray>();
  if (rec->items()[2].ToSmi() != kIterProtocol) return true;
  tenure::HandleScope scope(*heap_);
  Handle iterator = Handle::New(*heap_, rec->items()[0]);
  Handle return_key = Handle::New(*heap_, Intern("return"));
  Handle method = Handle::New(*heap_, GetNamed(iterator, return_key));
  Value result = method.value();
  if (!result.IsEmpty() && !IsNullish(result)) {
    if (!IsCallable(result)) {
      ThrowTypeError(Inspect(method) + " is not a function");
      result = Value();
    } else {
      result = Call(method, iterator, nullptr, 0);
      if (!result.IsEmpty() && !IsJSObject(result) && !quiet) {
        Handle shown = Handle::New(*heap_, result);
        ThrowTypeError("Iterator result " + Inspect(shown) + " is not an object");
        result = Value();
      }
    }
  }
  if (result.IsEmpty() && quiet) TakeException();  // the original exception wins
  return !result.IsEmpty() || quiet;
}

bool Runtime::SpreadInto(Handle array, Handle iterable) {
  tenure::HandleScope scope(*heap_);
  Handle iter = Handle::New(*heap_, kUndefined);
  if (!ForOfPrepare(iter.slot(), iterable)) return false;
  Handle item = Handle::New(*heap_, kUndefined);
  for (;;) {
    bool done = false;
    if (!IteratorStep(iter, item.slot(), &done)) return false;
    if (done) return true;
    if (!ArrayPush(array, item)) return false;
  }
}

bool Runtime::CopyDataProperties(Handle target, Handle source) {
  if (IsNullish(source.value())) return true;
  tenure::HandleScope scope(*heap_);
  Handle keys = Handle::New(*heap_, OwnKeys(source));
  int64_t n = ArrayLength(keys.value());
  for (int64_t i = 0; i < n; ++i) {
    Handle k = Handle::New(*heap_, ArrayGet(keys.value().As<JSObject>(), i));
    Handle v = Handle::New(*heap_, GetProperty(source, k));
    if (v.value().IsEmpty()) return false;
    if (!SetProperty(target, k, v)) return false;
  }
  return true;
}

}  // namespace tenure::js
