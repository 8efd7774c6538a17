// Promise (ECMA-262 §27.2), queueMicrotask, process.nextTick and the job queues' drain.
//
// Layout: a Promise is a full-layout JSObject of Kind::kPromise with
//   internal[0] = Smi state (kPending/kFulfilled/kRejected) | kHandledBit ([[PromiseIsHandled]])
//   internal[1] = result (value or reason once settled)
//   internal[2] = reactions while pending: undefined or an Array of reaction records.
// A reaction record is a FixedArray [derived promise or undefined, on_fulfilled, on_rejected,
// async activation or undefined]; the last one makes the job resume an `await` (generators.h)
// instead of calling a handler. Jobs are FixedArrays tagged by their first item (JobTag).
// Everything is on the managed heap; the queues are rooted by Runtime::VisitTimerRoots.
//
// Functions that need captured state (resolving functions, Promise.all elements, finally
// thunks) are clones of template natives (kRootPromiseNatives) carrying a FixedArray of data in
// internal[0]; the running clone is Runtime::current_callee().
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "builtins.h"
#include "generators.h"

namespace tenure::js {

namespace {

enum PromiseState : int64_t { kPending = 0, kFulfilled = 1, kRejected = 2 };
constexpr int64_t kStateMask = 3;
constexpr int64_t kHandledBit = 4;

enum JobTag : int64_t { kJobReaction, kJobThenable, kJobCallback };

// Template natives, in kRootPromiseNatives order.
enum Template : int {
  kTplResolve,
  kTplReject,
  kTplThenFinally,
  kTplCatchFinally,
  kTplValueThunk,
  kTplThrower,
  kTplAllResolve,
  kTplAllSettledResolve,
  kTplAllSettledReject,
  kTplAnyReject,
  kTplCount,
  kAggregateErrorPrototypeSlot = kTplCount,  // %AggregateError.prototype% after the templates
  kPromiseNativesLength
};

JSObject* Obj(Value v) { return v.As<JSObject>(); }
int64_t Bits(Value promise) { return Obj(promise)->internal[0].ToSmi(); }
int64_t State(Value promise) { return Bits(promise) & kStateMask; }
void SetBits(Value promise, int64_t bits) { Obj(promise)->internal[0] = Value::FromSmi(bits); }

Value MakeFixedArray(Runtime& rt, std::initializer_list<Handle> items) {
  Value a = rt.NewFixedArray(static_cast<int64_t>(items.size()));
  FixedArray* fa = a.As<FixedArray>();
  int i = 0;
  for (const Handle& h : items) tenure::Store(fa, &fa->items()[i++], h.value());
  return a;
}

// A clone of template `tpl` whose internal[0] is `data`.
Value NewClosure(Runtime& rt, Template tpl, Handle data) {
  tenure::HandleScope scope(rt.heap());
  Handle proto = Handle::New(rt.heap(), rt.root(kRootFunctionPrototype));
  Value fn = rt.NewObject(proto, Kind::kFunction);
  JSObject* f = Obj(fn);
  f->internal[1] = Obj(rt.root(kRootPromiseNatives).As<FixedArray>()->items()[tpl])->internal[1];
  tenure::Store(f, &f->internal[0], data.value());
  return fn;
}

FixedArray* ClosureData(Runtime& rt) { return Obj(rt.current_callee())->internal[0].As<FixedArray>(); }

Value NewPromiseWithProto(Runtime& rt, Handle proto) {
  Value p = rt.NewObject(proto, Kind::kPromise);
  JSObject* o = Obj(p);
  o->internal[0] = Value::FromSmi(kPending);
  o->internal[1] = kUndefined;
  o->internal[2] = kUndefined;
  return p;
}

void EnqueueReactionJob(Runtime& rt, Handle reaction, Handle argument, PromiseState state) {
  tenure::HandleScope scope(rt.heap());
  Handle tag = Handle::New(rt.heap(), Value::FromSmi(kJobReaction));
  Handle st = Handle::New(rt.heap(), Value::FromSmi(state));
  rt.EnqueueMicrotask(MakeFixedArray(rt, {tag, reaction, argument, st}));
}

// FulfillPromise / RejectPromise + TriggerPromiseReactions: jobs in registration order.
void Settle(Runtime& rt, Handle promise, Handle value, PromiseState state) {
  tenure::HandleScope scope(rt.heap());
  Handle reactions = Handle::New(rt.heap(), Obj(promise.value())->internal[2]);
  JSObject* p = Obj(promise.value());
  SetBits(promise.value(), (Bits(promise.value()) & ~kStateMask) | state);
  tenure::Store(p, &p->internal[1], value.value());
  p->internal[2] = kUndefined;
  if (state == kRejected && (Bits(promise.value()) & kHandledBit) == 0) {
    rt.pending_rejections().push_back(promise.value());  // HostPromiseRejectionTracker "reject"
  }
  if (!rt.IsArray(reactions.value())) return;
  for (int64_t i = 0; i < Runtime::ArrayLength(reactions.value()); ++i) {
    Handle reaction = Handle::New(rt.heap(), rt.ArrayGet(Obj(reactions.value()), i));
    EnqueueReactionJob(rt, reaction, value, state);
  }
}

void MarkHandled(Runtime& rt, Value promise) {
  int64_t bits = Bits(promise);
  if ((bits & kHandledBit) != 0) return;
  SetBits(promise, bits | kHandledBit);
  if ((bits & kStateMask) != kRejected) return;
  auto& pending = rt.pending_rejections();  // HostPromiseRejectionTracker "handle"
  for (size_t i = 0; i < pending.size(); ++i) {
    if (pending[i] == promise) {
      pending.erase(pending.begin() + static_cast<long>(i));
      break;
    }
  }
}

}  // namespace

// ---- Shared operations (builtins.h) ------------------------------------------------------------

bool IsPromise(Value v) { return IsKind(v, Kind::kPromise); }

Value NewPromise(Runtime& rt) {
  tenure::HandleScope scope(rt.heap());
  Handle proto = Handle::New(rt.heap(), rt.root(kRootPromisePrototype));
  return NewPromiseWithProto(rt, proto);
}

void RejectPromise(Runtime& rt, Handle promise, Handle reason) {
  if (State(promise.value()) != kPending) return;
  Settle(rt, promise, reason, kRejected);
}

// The body of a promise's resolve function once "already resolved" was checked (§27.2.1.3.2).
bool ResolvePromise(Runtime& rt, Handle promise, Handle resolution) {
  tenure::HandleScope scope(rt.heap());
  if (State(promise.value()) != kPending) return true;
  if (resolution.value() == promise.value()) {
    Handle error = Handle::New(rt.heap(), rt.NewError(ErrorType::kTypeError,
                                                      "Chaining cycle detected for promise #<Promise>"));
    RejectPromise(rt, promise, error);
    return true;
  }
  if (!IsJSObject(resolution.value())) {
    Settle(rt, promise, resolution, kFulfilled);
    return true;
  }
  Handle key = Handle::New(rt.heap(), rt.Intern("then"));
  Handle then = Handle::New(rt.heap(), rt.GetNamed(resolution, key));
  if (then.value().IsEmpty()) {
    Handle error = Handle::New(rt.heap(), rt.TakeException());
    RejectPromise(rt, promise, error);
    return true;
  }
  if (!rt.IsCallable(then.value())) {
    Settle(rt, promise, resolution, kFulfilled);
    return true;
  }
  Handle tag = Handle::New(rt.heap(), Value::FromSmi(kJobThenable));
  rt.EnqueueMicrotask(MakeFixedArray(rt, {tag, promise, resolution, then}));
  return true;
}

// PerformPromiseThen: `derived` (or undefined) is settled with the handler's outcome; `activation`
// (or undefined) is an async function to resume instead (handlers are then ignored).
void PerformPromiseThen(Runtime& rt, Handle promise, Handle on_fulfilled, Handle on_rejected,
                        Handle derived, Handle activation) {
  tenure::HandleScope scope(rt.heap());
  Handle undefined = Handle::New(rt.heap(), kUndefined);
  Handle f = rt.IsCallable(on_fulfilled.value()) ? on_fulfilled : undefined;
  Handle r = rt.IsCallable(on_rejected.value()) ? on_rejected : undefined;
  Handle reaction = Handle::New(rt.heap(), MakeFixedArray(rt, {derived, f, r, activation}));
  int64_t state = State(promise.value());
  if (state == kPending) {
    Handle list = Handle::New(rt.heap(), Obj(promise.value())->internal[2]);
    if (!rt.IsArray(list.value())) {
      list.Set(rt.NewArray(1));
      JSObject* p = Obj(promise.value());
      tenure::Store(p, &p->internal[2], list.value());
    }
    rt.ArrayPush(list, reaction);
  } else {
    Handle result = Handle::New(rt.heap(), Obj(promise.value())->internal[1]);
    EnqueueReactionJob(rt, reaction, result, static_cast<PromiseState>(state));
  }
  MarkHandled(rt, promise.value());
}

// PromiseResolve(%Promise%, x): x itself when it is a promise whose constructor is Promise.
Value PromiseResolve(Runtime& rt, Handle value) {
  tenure::HandleScope scope(rt.heap());
  if (IsPromise(value.value())) {
    Handle key = Handle::New(rt.heap(), rt.root(kRootConstructorKey));
    Value ctor = rt.GetNamed(value, key);
    if (ctor.IsEmpty()) return Value();
    Handle proto_key = Handle::New(rt.heap(), rt.root(kRootPrototypeKey));
    Handle ctor_h = Handle::New(rt.heap(), ctor);
    if (rt.IsCallable(ctor)) {
      Value proto = rt.GetNamed(ctor_h, proto_key);
      if (proto.IsEmpty()) return Value();
      if (proto == rt.root(kRootPromisePrototype)) return value.value();
    }
  }
  Handle promise = Handle::New(rt.heap(), NewPromise(rt));
  ResolvePromise(rt, promise, value);
  return promise.value();
}

namespace {

// [promise, already-resolved cell] shared by the pair; returns both functions through `out`.
void CreateResolvingFunctions(Runtime& rt, Handle promise, Handle resolve_out, Handle reject_out) {
  tenure::HandleScope scope(rt.heap());
  Handle cell = Handle::New(rt.heap(), rt.NewFixedArray(1, kFalse));
  Handle data = Handle::New(rt.heap(), MakeFixedArray(rt, {promise, cell}));
  resolve_out.Set(NewClosure(rt, kTplResolve, data));
  reject_out.Set(NewClosure(rt, kTplReject, data));
}

// Marks the pair's cell; false when it was already resolved.
bool ClaimResolvingFunctions(Runtime& rt) {
  FixedArray* cell = ClosureData(rt)->items()[1].As<FixedArray>();
  if (cell->items()[0] == kTrue) return false;
  cell->items()[0] = kTrue;
  return true;
}

TENURE_NATIVE(ResolveFunction) {
  if (!ClaimResolvingFunctions(rt)) return kUndefined;
  tenure::HandleScope scope(rt.heap());
  Handle promise = Handle::New(rt.heap(), ClosureData(rt)->items()[0]);
  ResolvePromise(rt, promise, args.at(0));
  return kUndefined;
}

TENURE_NATIVE(RejectFunction) {
  if (!ClaimResolvingFunctions(rt)) return kUndefined;
  tenure::HandleScope scope(rt.heap());
  Handle promise = Handle::New(rt.heap(), ClosureData(rt)->items()[0]);
  RejectPromise(rt, promise, args.at(0));
  return kUndefined;
}

// What node prints for a value in "not a function" messages of the Promise constructor.
std::string ResolverText(Runtime& rt, Handle v) {
  if (rt.IsArray(v.value())) return "[object Array]";
  if (IsJSObject(v.value())) return "#<Object>";
  Value s = rt.ToString(v);
  if (s.IsEmpty()) {
    rt.TakeException();
    return "value";
  }
  return rt.ToStdString(s);
}

TENURE_NATIVE(PromiseConstructor) {
  tenure::HandleScope scope(rt.heap());
  if (!rt.IsCallable(rt.current_new_target())) {
    return rt.ThrowTypeError("Promise constructor cannot be invoked without 'new'");
  }
  if (!rt.IsCallable(args.get(0))) {
    return rt.ThrowTypeError("Promise resolver " + ResolverText(rt, args.at(0)) + " is not a function");
  }
  Handle promise = Handle::New(rt.heap(), NewBuiltinInstance(rt, Kind::kPromise, "Promise", kRootPromisePrototype));
  if (promise.value().IsEmpty()) return Value();
  JSObject* p = Obj(promise.value());
  p->internal[0] = Value::FromSmi(kPending);
  p->internal[1] = kUndefined;
  p->internal[2] = kUndefined;
  Handle res = Handle::New(rt.heap(), kUndefined);
  Handle rej = Handle::New(rt.heap(), kUndefined);
  CreateResolvingFunctions(rt, promise, res, rej);
  Value call_args[2] = {res.value(), rej.value()};
  Handle undefined = Handle::New(rt.heap(), kUndefined);
  Value result = rt.Call(args.at(0), undefined, call_args, 2);
  if (result.IsEmpty()) {
    Handle error = Handle::New(rt.heap(), rt.TakeException());
    Value reject_args[1] = {error.value()};
    if (rt.Call(rej, undefined, reject_args, 1).IsEmpty()) return Value();
  }
  return promise.value();
}

bool CheckPromise(Runtime& rt, Handle self, const char* method) {
  if (IsPromise(self.value())) return true;
  rt.ThrowTypeError(std::string("Method Promise.prototype.") + method + " called on incompatible receiver " +
                    rt.Inspect(self));
  return false;
}

TENURE_NATIVE(PromiseThen) {
  if (!CheckPromise(rt, self, "then")) return Value();
  tenure::HandleScope scope(rt.heap());
  Handle derived = Handle::New(rt.heap(), NewPromise(rt));
  Handle undefined = Handle::New(rt.heap(), kUndefined);
  PerformPromiseThen(rt, self, args.at(0), args.at(1), derived, undefined);
  return derived.value();
}

// Invoke(promise, "then", a, b).
Value InvokeThen(Runtime& rt, Handle promise, Value a, Value b) {
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), rt.Intern("then"));
  Handle then = Handle::New(rt.heap(), rt.GetProperty(promise, key));
  if (then.value().IsEmpty()) return Value();
  Value call_args[2] = {a, b};
  return rt.Call(then, promise, call_args, 2);
}

TENURE_NATIVE(PromiseCatch) { return InvokeThen(rt, self, kUndefined, args.get(0)); }

// Promise.prototype.finally (§27.2.5.3): thenFinally/catchFinally call onFinally, wait for its
// result, then pass the original value on (or rethrow the reason).
TENURE_NATIVE(PromiseFinally) {
  if (!IsJSObject(self.value())) return rt.ThrowTypeError("Promise.prototype.finally called on a non-object");
  tenure::HandleScope scope(rt.heap());
  if (!rt.IsCallable(args.get(0))) return InvokeThen(rt, self, args.get(0), args.get(0));
  Handle data = Handle::New(rt.heap(), MakeFixedArray(rt, {args.at(0)}));
  Handle then_finally = Handle::New(rt.heap(), NewClosure(rt, kTplThenFinally, data));
  Handle catch_finally = Handle::New(rt.heap(), NewClosure(rt, kTplCatchFinally, data));
  return InvokeThen(rt, self, then_finally.value(), catch_finally.value());
}

Value FinallyStep(Runtime& rt, Args args, Template thunk) {
  tenure::HandleScope scope(rt.heap());
  Handle on_finally = Handle::New(rt.heap(), ClosureData(rt)->items()[0]);
  Handle undefined = Handle::New(rt.heap(), kUndefined);
  Handle result = Handle::New(rt.heap(), rt.Call(on_finally, undefined, nullptr, 0));
  if (result.value().IsEmpty()) return Value();
  Handle promise = Handle::New(rt.heap(), PromiseResolve(rt, result));
  if (promise.value().IsEmpty()) return Value();
  Handle data = Handle::New(rt.heap(), MakeFixedArray(rt, {args.at(0)}));
  Handle fn = Handle::New(rt.heap(), NewClosure(rt, thunk, data));
  return InvokeThen(rt, promise, fn.value(), kUndefined);
}

TENURE_NATIVE(ThenFinally) { return FinallyStep(rt, args, kTplValueThunk); }
TENURE_NATIVE(CatchFinally) { return FinallyStep(rt, args, kTplThrower); }
TENURE_NATIVE(ValueThunk) { return ClosureData(rt)->items()[0]; }
TENURE_NATIVE(Thrower) { return rt.Throw(ClosureData(rt)->items()[0]); }

TENURE_NATIVE(PromiseResolveStatic) { return PromiseResolve(rt, args.at(0)); }

TENURE_NATIVE(PromiseRejectStatic) {
  tenure::HandleScope scope(rt.heap());
  Handle promise = Handle::New(rt.heap(), NewPromise(rt));
  RejectPromise(rt, promise, args.at(0));
  return promise.value();
}

// ---- AggregateError (ECMA-262 §20.5.7) ------------------------------------------------------------

Value AggregateErrorPrototype(Runtime& rt) {
  return rt.root(kRootPromiseNatives).As<FixedArray>()->items()[kAggregateErrorPrototypeSlot];
}

// An error object with prototype `proto`, own non-enumerable `message` (when `message` is set)
// and `errors` (the array `errors`), and a stack starting "AggregateError: message".
Value NewAggregateError(Runtime& rt, Handle proto, const std::optional<std::string>& message, Handle errors) {
  tenure::HandleScope scope(rt.heap());
  Handle error = Handle::New(rt.heap(), rt.NewError(ErrorType::kError, message.value_or("")));
  JSObject* e = error.value().As<JSObject>();
  tenure::Store(e, &e->proto, proto.value());
  if (!message) {
    Handle key = Handle::New(rt.heap(), rt.root(kRootMessageKey));
    rt.DeleteProperty(error, key);
  }
  Handle stack_key = Handle::New(rt.heap(), rt.Intern("stack"));
  Value stack = rt.GetNamed(error, stack_key);
  if (stack.IsEmpty()) return Value();
  std::string text = rt.ToStdString(stack);  // NewError wrote "Error..." then the frames
  SetHiddenProperty(rt, error, "stack", rt.NewString("Aggregate" + text));
  SetHiddenProperty(rt, error, "errors", errors.value());
  return error.value();
}

// new AggregateError(errors, message): message is converted before the errors are iterated
// (§20.5.7.1.1 steps 3-5); works without `new`; a subclass's new.target supplies the prototype.
TENURE_NATIVE(AggregateErrorConstructor) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle proto = Handle::New(heap, AggregateErrorPrototype(rt));
  Value nt = rt.current_new_target();
  if (rt.IsCallable(nt)) {
    Handle target = Handle::New(heap, nt);
    Handle key = Handle::New(heap, rt.root(kRootPrototypeKey));
    Value p = rt.GetNamed(target, key);
    if (p.IsEmpty()) return Value();
    if (IsJSObject(p)) proto.Set(p);
  }
  std::optional<std::string> message;
  if (args.get(1) != kUndefined) {
    Value m = rt.ToString(args.at(1));
    if (m.IsEmpty()) return Value();
    message = rt.ToStdString(m);
  }
  Handle errors = Handle::New(heap, rt.NewArray());
  Handle error = Handle::New(heap, NewAggregateError(rt, proto, message, errors));
  // Steps 4-5: InstallErrorCause before the errors are iterated (into the same array).
  if (error.value().IsEmpty() || !InstallErrorCause(rt, error, args.at(2))) return Value();
  if (!rt.SpreadInto(errors, args.at(0))) return Value();
  return error.value();
}

// ---- Combinators ---------------------------------------------------------------------------------

enum class Combinator { kAll, kAllSettled, kRace, kAny };

// Element closure data: [index, values array, remaining cell, result promise, already-called cell].
enum ElementData { kElIndex, kElValues, kElRemaining, kElPromise, kElCalled };

// Decrements the remaining count; at zero settles the result promise with the values array
// (kAny: rejects with an AggregateError).
void FinishElement(Runtime& rt, Handle values, Handle remaining, Handle promise, bool any) {
  FixedArray* cell = remaining.value().As<FixedArray>();
  int64_t left = cell->items()[0].ToSmi() - 1;
  cell->items()[0] = Value::FromSmi(left);
  if (left != 0) return;
  tenure::HandleScope scope(rt.heap());
  if (!any) {
    ResolvePromise(rt, promise, values);
    return;
  }
  Handle proto = Handle::New(rt.heap(), AggregateErrorPrototype(rt));
  Handle error = Handle::New(rt.heap(), NewAggregateError(rt, proto, "All promises were rejected", values));
  RejectPromise(rt, promise, error);
}

// Stores `value` at the element's index once; returns false when already called.
Value ElementStep(Runtime& rt, Handle value, bool any) {
  tenure::HandleScope scope(rt.heap());
  Handle data = Handle::New(rt.heap(), Value::FromObject(ClosureData(rt)));
  FixedArray* d = data.value().As<FixedArray>();
  FixedArray* called = d->items()[kElCalled].As<FixedArray>();
  if (called->items()[0] == kTrue) return kUndefined;
  called->items()[0] = kTrue;
  Handle values = Handle::New(rt.heap(), d->items()[kElValues]);
  Handle remaining = Handle::New(rt.heap(), d->items()[kElRemaining]);
  Handle promise = Handle::New(rt.heap(), d->items()[kElPromise]);
  if (!rt.ArraySet(values, d->items()[kElIndex].ToSmi(), value)) return Value();
  FinishElement(rt, values, remaining, promise, any);
  return kUndefined;
}

Value SettledRecord(Runtime& rt, bool fulfilled, Handle value) {
  tenure::HandleScope scope(rt.heap());
  Handle record = Handle::New(rt.heap(), rt.NewPlainObject(2));
  SetDataProperty(rt, record, "status", rt.NewString(fulfilled ? "fulfilled" : "rejected"));
  SetDataProperty(rt, record, fulfilled ? "value" : "reason", value.value());
  return record.value();
}

TENURE_NATIVE(AllResolveElement) { return ElementStep(rt, args.at(0), false); }
TENURE_NATIVE(AnyRejectElement) { return ElementStep(rt, args.at(0), true); }
TENURE_NATIVE(AllSettledResolveElement) {
  tenure::HandleScope scope(rt.heap());
  Handle record = Handle::New(rt.heap(), SettledRecord(rt, true, args.at(0)));
  return ElementStep(rt, record, false);
}
TENURE_NATIVE(AllSettledRejectElement) {
  tenure::HandleScope scope(rt.heap());
  Handle record = Handle::New(rt.heap(), SettledRecord(rt, false, args.at(0)));
  return ElementStep(rt, record, false);
}

// One element of a combinator: next = Promise.resolve(item); next.then(on_fulfilled, on_rejected)
// with the element closures the combinator needs.
bool CombineElement(Runtime& rt, Combinator kind, Handle item, int64_t index, Handle values,
                    Handle remaining, Handle promise, Handle resolve, Handle reject) {
  tenure::HandleScope scope(rt.heap());
  Handle next = Handle::New(rt.heap(), PromiseResolve(rt, item));
  if (next.value().IsEmpty()) return false;
  if (kind == Combinator::kRace) return !InvokeThen(rt, next, resolve.value(), reject.value()).IsEmpty();
  Handle idx = Handle::New(rt.heap(), Value::FromSmi(index));
  Handle called = Handle::New(rt.heap(), rt.NewFixedArray(1, kFalse));
  Handle data = Handle::New(rt.heap(), MakeFixedArray(rt, {idx, values, remaining, promise, called}));
  Handle on_f = Handle::New(rt.heap(), resolve.value());
  Handle on_r = Handle::New(rt.heap(), reject.value());
  if (kind == Combinator::kAll) on_f.Set(NewClosure(rt, kTplAllResolve, data));
  if (kind == Combinator::kAny) on_r.Set(NewClosure(rt, kTplAnyReject, data));
  if (kind == Combinator::kAllSettled) {
    on_f.Set(NewClosure(rt, kTplAllSettledResolve, data));
    on_r.Set(NewClosure(rt, kTplAllSettledReject, data));
  }
  FixedArray* cell = remaining.value().As<FixedArray>();
  cell->items()[0] = Value::FromSmi(cell->items()[0].ToSmi() + 1);
  if (!rt.ArraySet(values, index, Handle::New(rt.heap(), kUndefined))) return false;
  return !InvokeThen(rt, next, on_f.value(), on_r.value()).IsEmpty();
}

// Promise.all/allSettled/race/any over `iterable` (collected first, like the Map constructor).
// Abrupt completions reject the result promise instead of throwing (IfAbruptRejectPromise).
Value Combine(Runtime& rt, Handle iterable, Combinator kind) {
  tenure::HandleScope scope(rt.heap());
  Handle promise = Handle::New(rt.heap(), NewPromise(rt));
  Handle resolve = Handle::New(rt.heap(), kUndefined);
  Handle reject = Handle::New(rt.heap(), kUndefined);
  CreateResolvingFunctions(rt, promise, resolve, reject);
  Handle items = Handle::New(rt.heap(), rt.NewArray());
  Handle values = Handle::New(rt.heap(), rt.NewArray());
  Handle remaining = Handle::New(rt.heap(), rt.NewFixedArray(1, Value::FromSmi(1)));
  bool ok = rt.SpreadInto(items, iterable);
  for (int64_t i = 0; ok && i < Runtime::ArrayLength(items.value()); ++i) {
    Handle item = Handle::New(rt.heap(), rt.ArrayGet(Obj(items.value()), i));
    ok = CombineElement(rt, kind, item, i, values, remaining, promise, resolve, reject);
  }
  if (!ok) {
    Handle error = Handle::New(rt.heap(), rt.TakeException());
    RejectPromise(rt, promise, error);
    return promise.value();
  }
  if (kind != Combinator::kRace) FinishElement(rt, values, remaining, promise, kind == Combinator::kAny);
  return promise.value();
}

TENURE_NATIVE(PromiseAll) { return Combine(rt, args.at(0), Combinator::kAll); }
TENURE_NATIVE(PromiseAllSettled) { return Combine(rt, args.at(0), Combinator::kAllSettled); }
TENURE_NATIVE(PromiseRace) { return Combine(rt, args.at(0), Combinator::kRace); }
TENURE_NATIVE(PromiseAny) { return Combine(rt, args.at(0), Combinator::kAny); }

// ---- queueMicrotask / process.nextTick ---------------------------------------------------------------

Value InvalidCallback(Runtime& rt, Handle v) {
  std::string received = v.value() == kUndefined ? "undefined" : v.value() == kNull ? "null" : "";
  if (received.empty()) {
    received = "type " + rt.ToStdString(rt.TypeOf(v.value())) + " (" + rt.Inspect(v) + ")";
  }
  return rt.ThrowTypeError("The \"callback\" argument must be of type function. Received " + received);
}

TENURE_NATIVE(QueueMicrotask) {
  if (!rt.IsCallable(args.get(0))) return InvalidCallback(rt, args.at(0));
  tenure::HandleScope scope(rt.heap());
  Handle tag = Handle::New(rt.heap(), Value::FromSmi(kJobCallback));
  rt.EnqueueMicrotask(MakeFixedArray(rt, {tag, args.at(0)}));
  return kUndefined;
}

// A tick is a FixedArray [callback, args...].
TENURE_NATIVE(NextTick) {
  if (!rt.IsCallable(args.get(0))) return InvalidCallback(rt, args.at(0));
  Value tick = rt.NewFixedArray(args.count);
  FixedArray* t = tick.As<FixedArray>();
  for (int i = 0; i < args.count; ++i) tenure::Store(t, &t->items()[i], args.get(i));
  rt.EnqueueTick(tick);
  return kUndefined;
}

// ---- Jobs ------------------------------------------------------------------------------------------

// PromiseReactionJob (§27.2.2.1). False: an uncaught exception is pending.
bool RunReactionJob(Runtime& rt, Handle job) {
  tenure::HandleScope scope(rt.heap());
  FixedArray* j = job.value().As<FixedArray>();
  Handle reaction = Handle::New(rt.heap(), j->items()[1]);
  Handle argument = Handle::New(rt.heap(), j->items()[2]);
  bool fulfilled = j->items()[3].ToSmi() == kFulfilled;
  FixedArray* r = reaction.value().As<FixedArray>();
  if (r->items()[3] != kUndefined) {  // an `await`: resume the async function
    Handle activation = Handle::New(rt.heap(), r->items()[3]);
    return ResumeAsync(rt, activation, !fulfilled, argument);
  }
  Handle derived = Handle::New(rt.heap(), r->items()[0]);
  Handle handler = Handle::New(rt.heap(), r->items()[fulfilled ? 1 : 2]);
  Handle outcome = Handle::New(rt.heap(), argument.value());
  bool normal = fulfilled;
  if (handler.value() != kUndefined) {
    Handle undefined = Handle::New(rt.heap(), kUndefined);
    Value arg = argument.value();
    outcome.Set(rt.Call(handler, undefined, &arg, 1));
    normal = !outcome.value().IsEmpty();
    if (!normal) outcome.Set(rt.TakeException());
  }
  if (derived.value() == kUndefined) return true;
  if (normal) ResolvePromise(rt, derived, outcome);
  else RejectPromise(rt, derived, outcome);
  return true;
}

// PromiseResolveThenableJob (§27.2.2.2).
bool RunThenableJob(Runtime& rt, Handle job) {
  tenure::HandleScope scope(rt.heap());
  FixedArray* j = job.value().As<FixedArray>();
  Handle promise = Handle::New(rt.heap(), j->items()[1]);
  Handle thenable = Handle::New(rt.heap(), j->items()[2]);
  Handle then = Handle::New(rt.heap(), j->items()[3]);
  Handle resolve = Handle::New(rt.heap(), kUndefined);
  Handle reject = Handle::New(rt.heap(), kUndefined);
  CreateResolvingFunctions(rt, promise, resolve, reject);
  Value call_args[2] = {resolve.value(), reject.value()};
  if (!rt.Call(then, thenable, call_args, 2).IsEmpty()) return true;
  Handle error = Handle::New(rt.heap(), rt.TakeException());
  Handle undefined = Handle::New(rt.heap(), kUndefined);
  Value reject_args[1] = {error.value()};
  return !rt.Call(reject, undefined, reject_args, 1).IsEmpty();
}

bool RunJob(Runtime& rt, Handle job) {
  FixedArray* j = job.value().As<FixedArray>();
  switch (j->items()[0].ToSmi()) {
    case kJobReaction: return RunReactionJob(rt, job);
    case kJobThenable: return RunThenableJob(rt, job);
    default: {
      tenure::HandleScope scope(rt.heap());
      Handle fn = Handle::New(rt.heap(), j->items()[1]);
      Handle undefined = Handle::New(rt.heap(), kUndefined);
      return !rt.Call(fn, undefined, nullptr, 0).IsEmpty();
    }
  }
}

bool RunTick(Runtime& rt, Handle tick) {
  tenure::HandleScope scope(rt.heap());
  FixedArray* t = tick.value().As<FixedArray>();
  Handle fn = Handle::New(rt.heap(), t->items()[0]);
  std::vector<Value> call_args(t->items() + 1, t->items() + t->size());  // copied before any GC
  Handle undefined = Handle::New(rt.heap(), kUndefined);
  return !rt.Call(fn, undefined, call_args.data(), static_cast<int>(call_args.size())).IsEmpty();
}

}  // namespace

bool Runtime::RunMicrotasks() {
  do {
    while (!ticks_.empty()) {
      tenure::HandleScope scope(*heap_);
      Handle tick = Handle::New(*heap_, ticks_.front());
      ticks_.pop_front();
      host_entry_ = HostEntry::kNextTick;  // stack traces end with node's queue frame
      if (!RunTick(*this, tick)) return (host_entry_ = HostEntry::kNone, false);
    }
    while (!microtasks_.empty()) {
      tenure::HandleScope scope(*heap_);
      Handle job = Handle::New(*heap_, microtasks_.front());
      microtasks_.pop_front();
      host_entry_ = HostEntry::kPromiseJob;
      if (!RunJob(*this, job)) return (host_entry_ = HostEntry::kNone, false);
    }
  } while (!ticks_.empty());
  host_entry_ = HostEntry::kNone;
  while (!pending_rejections_.empty()) {
    // node: with 'unhandledRejection' listeners each unhandled rejection is an event, else with
    // 'uncaughtException' listeners an uncaught exception (origin 'unhandledRejection').
    bool as_rejection = HasProcessListener(*this, "unhandledRejection");
    if (!as_rejection && !HasProcessListener(*this, "uncaughtException")) break;
    tenure::HandleScope scope(*heap_);
    Handle promise = Handle::New(*heap_, pending_rejections_.front());
    Handle reason = Handle::New(*heap_, Obj(promise.value())->internal[1]);
    pending_rejections_.erase(pending_rejections_.begin());
    if (as_rejection) {
      if (!EmitProcessEvent(*this, "unhandledRejection", {reason, promise})) return false;
      continue;
    }
    Throw(reason.value());
    if (HandleUncaughtException(*this, "unhandledRejection") == UncaughtHandling::kListenerThrew) {
      // A sandboxed run (fuzzers) cannot end the process: the listener's error stays pending and
      // RunMain's uncaught-exception handling ends the run instead.
      if (sandboxed()) return false;
      Handle error = Handle::New(*heap_, TakeException());  // node: exit 7, no 'exit' event
      ReportUncaught(error);
      std::fflush(stdout);
      std::exit(7);
    }
  }
  if (!pending_rejections_.empty()) {
    // node 20's default --unhandled-rejections=throw: the first one ends the process.
    tenure::HandleScope scope(*heap_);
    Handle reason = Handle::New(*heap_, Obj(pending_rejections_.front())->internal[1]);
    pending_rejections_.clear();
    ReportUnhandledRejection(reason);
    exit_code_ = 1;
    return false;
  }
  return true;
}

namespace {

// "    at f (file:L:C)" or "    at file:L:C" -> file, L, C of the first frame of `stack`.
bool FirstFrameLocation(const std::string& stack, std::string* file, int* line, int* column) {
  size_t at = stack.find("\n    at ");
  if (at == std::string::npos) return false;
  size_t end = stack.find('\n', at + 1);
  std::string frame = stack.substr(at + 8, end == std::string::npos ? std::string::npos : end - at - 8);
  if (!frame.empty() && frame.back() == ')') {
    size_t open = frame.rfind('(');
    if (open == std::string::npos) return false;
    frame = frame.substr(open + 1, frame.size() - open - 2);
  }
  size_t c = frame.rfind(':');
  if (c == std::string::npos) return false;
  size_t l = frame.rfind(':', c - 1);
  if (l == std::string::npos) return false;
  *file = frame.substr(0, l);
  *line = std::atoi(frame.c_str() + l + 1);
  *column = std::atoi(frame.c_str() + c + 1);
  return *line > 0 && *column > 0;
}

}  // namespace

// node 20 (lib/internal/process/promises.js, throw mode): an Error reason is reported like an
// uncaught exception at the place its stack names; other reasons become an
// UnhandledPromiseRejection error with code ERR_UNHANDLED_REJECTION.
void Runtime::ReportUnhandledRejection(Handle reason) {
  std::fflush(stdout);
  std::string out;
  if (IsKind(reason.value(), Kind::kError)) {
    tenure::HandleScope scope(*heap_);
    Handle key = Handle::New(*heap_, Intern("stack"));
    Value stack = GetNamed(reason, key);
    std::string text = !stack.IsEmpty() && IsString(stack) ? ToStdString(stack) : Inspect(reason);
    if (stack.IsEmpty()) TakeException();
    std::string file;
    int line = 0, column = 0;
    if (FirstFrameLocation(text, &file, &line, &column)) {
      for (const auto& src : sources_) {
        if (src->name() != file) continue;
        out += file + ":" + std::to_string(line) + "\n" + std::string(src->LineText(line)) + "\n" +
               std::string(column - 1, ' ') + "^\n";
      }
    }
    out += "\n" + Inspect(reason) + "\n";  // like an uncaught error: the stack, then own properties
  } else {
    std::string what;
    Value r = reason.value();
    if (IsJSObject(r)) {
      what = IsArray(r) ? "[object Array]" : "#<" + std::string(IsKind(r, Kind::kPromise) ? "Promise" : "Object") + ">";
    } else if (IsKind(r, Kind::kSymbol)) {
      what = SymbolDescriptiveString(*this, r);
    } else {
      Value s = ToString(reason);
      what = s.IsEmpty() ? "" : ToStdString(s);
      if (s.IsEmpty()) TakeException();
    }
    out += "node:internal/process/promises:389\n      new UnhandledPromiseRejection(reason);\n      ^\n\n";
    out += "UnhandledPromiseRejection: This error originated either by throwing inside of an async "
           "function without a catch block, or by rejecting a promise which was not handled with "
           ".catch(). The promise rejected with the reason \"" + what + "\".\n";
    out += "    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)\n"
           "    at processPromiseRejections (node:internal/process/promises:470:17)\n"
           "    at process.processTicksAndRejections (node:internal/process/task_queues:96:32) {\n"
           "  code: 'ERR_UNHANDLED_REJECTION'\n}\n";
  }
  out += "\nNode.js v20.20.2\n";
  std::fputs(out.c_str(), stderr);
}

void InstallPromiseBuiltins(Runtime& rt, Handle global) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle object_proto = Handle::New(heap, rt.root(kRootObjectPrototype));
  Handle proto = Handle::New(heap, rt.NewObject(object_proto));
  rt.set_root(kRootPromisePrototype, proto.value());
  Handle ctor = Handle::New(heap, InstallConstructor(rt, global, "Promise", PromiseConstructor, 1, proto));
  rt.DefineNative(proto, "then", PromiseThen, 2);
  rt.DefineNative(proto, "catch", PromiseCatch, 1);
  rt.DefineNative(proto, "finally", PromiseFinally, 1);
  rt.DefineNative(ctor, "resolve", PromiseResolveStatic, 1);
  rt.DefineNative(ctor, "reject", PromiseRejectStatic, 1);
  rt.DefineNative(ctor, "all", PromiseAll, 1);
  rt.DefineNative(ctor, "allSettled", PromiseAllSettled, 1);
  rt.DefineNative(ctor, "race", PromiseRace, 1);
  rt.DefineNative(ctor, "any", PromiseAny, 1);
  rt.DefineNative(global, "queueMicrotask", QueueMicrotask, 1);
  Handle process_key = Handle::New(heap, rt.Intern("process"));
  Handle process = Handle::New(heap, rt.GetNamed(global, process_key));
  if (IsJSObject(process.value())) rt.DefineNative(process, "nextTick", NextTick, 1);

  static constexpr struct { const char* name; NativeFn fn; int length; } kTemplates[kTplCount] = {
      {"", ResolveFunction, 1},        {"", RejectFunction, 1},
      {"", ThenFinally, 1},            {"", CatchFinally, 1},
      {"", ValueThunk, 0},             {"", Thrower, 0},
      {"", AllResolveElement, 1},      {"", AllSettledResolveElement, 1},
      {"", AllSettledRejectElement, 1}, {"", AnyRejectElement, 1},
  };
  Handle natives = Handle::New(heap, rt.NewFixedArray(kPromiseNativesLength));
  rt.set_root(kRootPromiseNatives, natives.value());
  for (int i = 0; i < kTplCount; ++i) {
    Value fn = rt.NewNativeFunction(kTemplates[i].name, kTemplates[i].fn, kTemplates[i].length);
    FixedArray* n = rt.root(kRootPromiseNatives).As<FixedArray>();
    tenure::Store(n, &n->items()[i], fn);
  }
  // AggregateError: its prototype inherits from Error.prototype; Promise.any rejects with one.
  Handle error_proto = Handle::New(heap, rt.root(kRootErrorPrototype));
  Handle aggregate_proto = Handle::New(heap, rt.NewObject(error_proto));
  FixedArray* n = rt.root(kRootPromiseNatives).As<FixedArray>();
  tenure::Store(n, &n->items()[kAggregateErrorPrototypeSlot], aggregate_proto.value());
  SetHiddenProperty(rt, aggregate_proto, "name", rt.Intern("AggregateError"));
  SetHiddenProperty(rt, aggregate_proto, "message", rt.Intern(""));
  InstallConstructor(rt, global, "AggregateError", AggregateErrorConstructor, 2, aggregate_proto);
}

}  // namespace tenure::js
