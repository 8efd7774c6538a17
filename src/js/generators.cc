// Generators and async functions (generators.h): activations, frame save/restore, the
// generator prototype, and the interpreter's slow paths for yield* (GetIterator, YieldStarStep).
#include "generators.h"

#include "builtins.h"

namespace tenure::js {

namespace {

JSObject* Obj(Value v) { return v.As<JSObject>(); }
int64_t StateOf(Value activation) { return Obj(activation)->internal[0].ToSmi(); }
void SetState(Value activation, int64_t s) { Obj(activation)->internal[0] = Value::FromSmi(s); }

constexpr int kSavedPc = 0;
constexpr int kSavedHandlerCount = 1;
constexpr int kSavedHeader = 2;

}  // namespace

Value CreateIterResult(Runtime& rt, Handle value, bool done) {
  tenure::HandleScope scope(rt.heap());
  Handle result = Handle::New(rt.heap(), rt.NewPlainObject(2));
  SetDataProperty(rt, result, "value", value.value());
  SetDataProperty(rt, result, "done", FromBool(done));
  return result.value();
}

// A generator's prototype is its function's `prototype` (an object inheriting from
// %GeneratorPrototype%); async activations are internal and use Object.prototype.
Value Runtime::NewActivation(Handle closure, bool async) {
  tenure::HandleScope scope(*heap_);
  Handle proto = Handle::New(*heap_, roots_[kRootObjectPrototype]);
  if (!async) {
    Handle key = Handle::New(*heap_, roots_[kRootPrototypeKey]);
    Value p = GetNamed(closure, key);
    if (p.IsEmpty()) return Value();
    proto.Set(IsJSObject(p) ? p : roots_[kRootGeneratorPrototype]);
  }
  Handle activation = Handle::New(*heap_, NewObject(proto, Kind::kGenerator));
  JSObject* a = Obj(activation.value());
  a->internal[0] = Value::FromSmi(async ? kExecuting : kSuspendedStart);
  a->internal[1] = kUndefined;
  a->internal[2] = kUndefined;
  if (async) {
    Value promise = NewPromise(*this);
    a = Obj(activation.value());
    tenure::Store(a, &a->internal[2], promise);
  }
  return activation.value();
}

// Copies the top frame (pc = the instruction after the suspending one) and its handlers into a
// new saved-frame array of `activation`. The caller pops the frame.
bool Runtime::SuspendFrame(Handle activation, int64_t state) {
  const Frame& f = frames_.back();
  int handlers = static_cast<int>(handlers_.size() - f.handler_base);
  int64_t size = kSavedHeader + 3 * handlers + f.info->frame_size;
  Value saved = NewFixedArray(size);  // may GC: the frame's registers are roots until copied
  const Frame& top = frames_.back();
  FixedArray* s = saved.As<FixedArray>();
  s->items()[kSavedPc] = Value::FromSmi(top.pc);
  s->items()[kSavedHandlerCount] = Value::FromSmi(handlers);
  for (int i = 0; i < handlers; ++i) {
    const TryHandler& h = handlers_[top.handler_base + i];
    s->items()[kSavedHeader + 3 * i] = Value::FromSmi(h.catch_pc);
    s->items()[kSavedHeader + 3 * i + 1] = Value::FromSmi(h.exception_reg);
    s->items()[kSavedHeader + 3 * i + 2] = Value::FromSmi(h.context_save_reg);
  }
  Value* r = stack_.get() + top.base;
  Value* regs = s->items() + kSavedHeader + 3 * handlers;
  for (int i = 0; i < top.info->frame_size; ++i) tenure::Store(s, &regs[i], r[i]);
  JSObject* a = Obj(activation.value());
  tenure::Store(a, &a->internal[1], saved);
  a->internal[0] = Value::FromSmi(state);
  return true;
}

// Restores the saved frame as a native-entry frame at the stack top and runs it. Returns what the
// frame produced: a Yield's result object, an Await's promise, or the completion value (wrapped
// as { value, done: true } for generators); empty when an exception escaped.
Value Runtime::ResumeGenerator(Handle activation, int64_t mode, Handle value) {
  int64_t state = StateOf(activation.value());
  bool async = Obj(activation.value())->internal[2] != kUndefined;
  if (state == kExecuting) return ThrowTypeError("Generator is already running");
  if (state == kSuspendedStart && mode != kResumeNext) {
    SetState(activation.value(), kCompleted);
    Obj(activation.value())->internal[1] = kUndefined;
    state = kCompleted;
  }
  if (state == kCompleted) {
    if (mode == kResumeThrow) return Throw(value.value());
    Value v = mode == kResumeReturn ? value.value() : kUndefined;
    return CreateIterResult(*this, Handle::New(*heap_, v), true);
  }
  if (native_depth_ >= 400) return ThrowError(ErrorType::kRangeError, "Maximum call stack size exceeded");
  FixedArray* s = Obj(activation.value())->internal[1].As<FixedArray>();
  int handlers = static_cast<int>(s->items()[kSavedHandlerCount].ToSmi());
  Value* regs = s->items() + kSavedHeader + 3 * handlers;
  const FunctionInfo* info = functions_[Obj(regs[kRegClosure])->internal[1].ToSmi()].get();
  size_t base = StackTop();
  if (base + static_cast<size_t>(info->frame_size) + 16 > stack_limit_) {
    return ThrowError(ErrorType::kRangeError, "Maximum call stack size exceeded");
  }
  int pc = static_cast<int>(s->items()[kSavedPc].ToSmi());
  Value* r = stack_.get() + base;
  for (int i = 0; i < info->frame_size; ++i) r[i] = regs[i];
  frames_.push_back(Frame{info, base, pc, -1, false, true, handlers_.size(), base, 0});
  for (int i = 0; i < handlers; ++i) {
    handlers_.push_back({frames_.size() - 1, static_cast<int>(s->items()[kSavedHeader + 3 * i].ToSmi()),
                         static_cast<int>(s->items()[kSavedHeader + 3 * i + 1].ToSmi()),
                         static_cast<int>(s->items()[kSavedHeader + 3 * i + 2].ToSmi())});
  }
  const Instr& suspended_at = info->code[pc - 1];
  if (suspended_at.op == Op::kYield || suspended_at.op == Op::kAwait) {
    r[suspended_at.a] = value.value();
    r[suspended_at.a + 1] = Value::FromSmi(mode);
  }
  SetState(activation.value(), kExecuting);
  Obj(activation.value())->internal[1] = kUndefined;
  ++native_depth_;
  Value result = RunFrames(frames_.size() - 1);
  --native_depth_;
  if (result.IsEmpty()) {
    SetState(activation.value(), kCompleted);
    return Value();
  }
  if (StateOf(activation.value()) != kExecuting) return result;  // suspended again
  SetState(activation.value(), kCompleted);
  if (async) return result;
  Handle done_value = Handle::New(*heap_, result);
  return CreateIterResult(*this, done_value, true);
}

// ---- Async generators (§27.6) -------------------------------------------------------------------

namespace {

enum AsyncIterationSlot : int {
  kAsyncIteratorPrototypeSlot,
  kAsyncGeneratorPrototypeSlot,
  kAsyncFromSyncPrototypeSlot,
  kUnwrapNotDoneSlot,  // v => { value: v, done: false } (§27.1.4.4 step 8)
  kUnwrapDoneSlot,     // v => { value: v, done: true }
  kAsyncIterationLength
};
constexpr int kRequestSize = 3;  // queue entry: [Smi mode, value, promise]

Value AsyncIterationItem(Runtime& rt, int slot) { return rt.root(kRootAsyncIteration).As<FixedArray>()->items()[slot]; }
bool IsAsyncGenerator(Value v) { return IsKind(v, Kind::kGenerator) && IsKind(Obj(v)->internal[2], Kind::kArray); }
Value QueueOf(Value gen) { return Obj(gen)->internal[2]; }
bool QueueEmpty(Value gen) { return Runtime::ArrayLength(QueueOf(gen)) == 0; }

// AsyncGeneratorEnqueue (§27.6.3.3).
void Enqueue(Runtime& rt, Handle gen, int64_t mode, Handle value, Handle promise) {
  tenure::HandleScope scope(rt.heap());
  Handle queue = Handle::New(rt.heap(), QueueOf(gen.value()));
  Handle m = Handle::New(rt.heap(), Value::FromSmi(mode));
  rt.ArrayPush(queue, m);
  rt.ArrayPush(queue, value);
  rt.ArrayPush(queue, promise);
}

// Removes the first request (the queue is short: a copy is simpler than a ring) and returns its
// promise.
Value Dequeue(Runtime& rt, Handle gen) {
  tenure::HandleScope scope(rt.heap());
  Handle old = Handle::New(rt.heap(), QueueOf(gen.value()));
  Handle promise = Handle::New(rt.heap(), rt.ArrayGet(Obj(old.value()), 2));
  Handle fresh = Handle::New(rt.heap(), rt.NewArray());
  for (int64_t i = kRequestSize; i < Runtime::ArrayLength(old.value()); ++i) {
    Handle item = Handle::New(rt.heap(), rt.ArrayGet(Obj(old.value()), i));
    rt.ArrayPush(fresh, item);
  }
  JSObject* g = Obj(gen.value());
  tenure::Store(g, &g->internal[2], fresh.value());
  return promise.value();
}

// AsyncGeneratorCompleteStep (§27.6.3.4): settles the first request's promise.
void CompleteStep(Runtime& rt, Handle gen, bool is_throw, Handle value, bool done) {
  tenure::HandleScope scope(rt.heap());
  Handle promise = Handle::New(rt.heap(), Dequeue(rt, gen));
  if (is_throw) {
    RejectPromise(rt, promise, value);
    return;
  }
  Handle result = Handle::New(rt.heap(), CreateIterResult(rt, value, done));
  ResolvePromise(rt, promise, result);
}

void DrainQueue(Runtime& rt, Handle gen);

// AsyncGeneratorAwaitReturn (§27.6.3.9): awaits the first request's value; the reaction comes
// back through ResumeAsync in state kAwaitingReturn.
void AwaitReturn(Runtime& rt, Handle gen) {
  tenure::HandleScope scope(rt.heap());
  Handle value = Handle::New(rt.heap(), rt.ArrayGet(Obj(QueueOf(gen.value())), 1));
  Value promise = PromiseResolve(rt, value);
  if (promise.IsEmpty()) {
    Handle error = Handle::New(rt.heap(), rt.TakeException());
    SetState(gen.value(), kCompleted);
    CompleteStep(rt, gen, true, error, true);
    DrainQueue(rt, gen);
    return;
  }
  Handle p = Handle::New(rt.heap(), promise);
  Handle undefined = Handle::New(rt.heap(), kUndefined);
  PerformPromiseThen(rt, p, undefined, undefined, undefined, gen);
}

// AsyncGeneratorDrainQueue (§27.6.3.10): a completed generator answers what is still queued.
void DrainQueue(Runtime& rt, Handle gen) {
  tenure::HandleScope scope(rt.heap());
  Handle value = Handle::New(rt.heap(), kUndefined);
  while (!QueueEmpty(gen.value())) {
    int64_t mode = rt.ArrayGet(Obj(QueueOf(gen.value())), 0).ToSmi();
    if (mode == kResumeReturn) {
      SetState(gen.value(), kAwaitingReturn);
      AwaitReturn(rt, gen);
      return;
    }
    value.Set(mode == kResumeThrow ? rt.ArrayGet(Obj(QueueOf(gen.value())), 1) : kUndefined);
    CompleteStep(rt, gen, mode == kResumeThrow, value, true);
  }
}

// AsyncGeneratorResume (§27.6.3.6) and what follows it: runs the frame until it awaits, yields or
// completes. A yield settles the first request and, if more are queued, continues with the next
// one without suspending (§27.6.3.8 step 10); completion settles it and drains the queue.
void AsyncGeneratorRun(Runtime& rt, Handle gen, int64_t mode, Handle value) {
  tenure::HandleScope scope(rt.heap());
  Handle sent = Handle::New(rt.heap(), value.value());
  Handle result = Handle::New(rt.heap(), kUndefined);
  for (;;) {
    Value r = rt.ResumeGenerator(gen, mode, sent);
    if (r.IsEmpty()) {
      result.Set(rt.TakeException());
      CompleteStep(rt, gen, true, result, true);
      DrainQueue(rt, gen);
      return;
    }
    result.Set(r);
    int64_t state = StateOf(gen.value());
    if (state == kAwaiting) return;
    if (state != kSuspendedYield) {
      CompleteStep(rt, gen, false, result, true);
      DrainQueue(rt, gen);
      return;
    }
    CompleteStep(rt, gen, false, result, false);
    if (QueueEmpty(gen.value())) return;
    JSObject* queue = Obj(QueueOf(gen.value()));
    mode = rt.ArrayGet(queue, 0).ToSmi();
    sent.Set(rt.ArrayGet(queue, 1));
  }
}

}  // namespace

bool ResumeAsync(Runtime& rt, Handle activation, bool is_throw, Handle value) {
  tenure::HandleScope scope(rt.heap());
  if (!IsAsyncGenerator(activation.value())) {
    return !rt.ResumeGenerator(activation, is_throw ? kResumeThrow : kResumeNext, value).IsEmpty();
  }
  if (StateOf(activation.value()) == kAwaitingReturn) {  // §27.6.3.9 steps 10-13
    SetState(activation.value(), kCompleted);
    CompleteStep(rt, activation, is_throw, value, true);
    DrainQueue(rt, activation);
    return true;
  }
  AsyncGeneratorRun(rt, activation, is_throw ? kResumeThrow : kResumeNext, value);
  return true;
}

void InitAsyncGenerator(Runtime& rt, Handle activation) {
  Value queue = rt.NewArray();
  JSObject* a = Obj(activation.value());
  tenure::Store(a, &a->internal[2], queue);
}

Value AsyncGeneratorPrototype(Runtime& rt) { return AsyncIterationItem(rt, kAsyncGeneratorPrototypeSlot); }

namespace {

Value GeneratorResume(Runtime& rt, Handle self, Args args, int64_t mode, const char* method) {
  if (!IsKind(self.value(), Kind::kGenerator) || Obj(self.value())->internal[2] != kUndefined) {
    return rt.ThrowTypeError(std::string(method) + " method called on incompatible receiver " + rt.Inspect(self));
  }
  tenure::HandleScope scope(rt.heap());
  return rt.ResumeGenerator(self, mode, args.at(0));
}

// AsyncGenerator.prototype.next/return/throw (§27.6.1.2-4): a promise for the request's result.
// A bad receiver rejects it; requests made while the generator runs or awaits are queued.
Value AsyncGeneratorRequest(Runtime& rt, Handle self, Handle value, int64_t mode, const char* method) {
  tenure::HandleScope scope(rt.heap());
  Handle promise = Handle::New(rt.heap(), NewPromise(rt));
  if (!IsAsyncGenerator(self.value())) {
    rt.ThrowTypeError(std::string(method) + " method called on incompatible receiver " + rt.Inspect(self));
    Handle error = Handle::New(rt.heap(), rt.TakeException());
    RejectPromise(rt, promise, error);
    return promise.value();
  }
  int64_t state = StateOf(self.value());
  if (mode == kResumeThrow && state == kSuspendedStart) state = kCompleted;
  if (state == kCompleted && mode != kResumeReturn) {
    SetState(self.value(), kCompleted);
    Obj(self.value())->internal[1] = kUndefined;
    if (mode == kResumeThrow) {
      RejectPromise(rt, promise, value);
    } else {
      Handle undefined = Handle::New(rt.heap(), kUndefined);
      Handle result = Handle::New(rt.heap(), CreateIterResult(rt, undefined, true));
      ResolvePromise(rt, promise, result);
    }
    return promise.value();
  }
  Enqueue(rt, self, mode, value, promise);
  if (mode == kResumeReturn && (state == kSuspendedStart || state == kCompleted)) {
    SetState(self.value(), kAwaitingReturn);
    Obj(self.value())->internal[1] = kUndefined;
    AwaitReturn(rt, self);
  } else if (state == kSuspendedStart || state == kSuspendedYield) {
    AsyncGeneratorRun(rt, self, mode, value);
  }
  return promise.value();
}

TENURE_NATIVE(AsyncGeneratorNext) { return AsyncGeneratorRequest(rt, self, args.at(0), kResumeNext, "next"); }
TENURE_NATIVE(AsyncGeneratorReturn) { return AsyncGeneratorRequest(rt, self, args.at(0), kResumeReturn, "return"); }
TENURE_NATIVE(AsyncGeneratorThrow) { return AsyncGeneratorRequest(rt, self, args.at(0), kResumeThrow, "throw"); }

// ---- %AsyncFromSyncIteratorPrototype% (§27.1.4): internal[0] the sync iterator, [1] its next.

bool IsAsyncFromSync(Runtime& rt, Value v) {
  return IsJSObject(v) && Obj(v)->proto == AsyncIterationItem(rt, kAsyncFromSyncPrototypeSlot) &&
         IsJSObject(Obj(v)->internal[0]);
}

TENURE_NATIVE(UnwrapNotDone) { return CreateIterResult(rt, args.at(0), false); }
TENURE_NATIVE(UnwrapDone) { return CreateIterResult(rt, args.at(0), true); }

// AsyncFromSyncIteratorContinuation (§27.1.4.4): `promise` follows PromiseResolve(result.value)
// and fulfills with { value, done } read from the sync result. False: an exception is pending.
bool AsyncFromSyncContinuation(Runtime& rt, Handle result, Handle promise) {
  tenure::HandleScope scope(rt.heap());
  if (!IsJSObject(result.value())) {
    rt.ThrowTypeError("Iterator result " + rt.Inspect(result) + " is not an object");
    return false;
  }
  Handle done_key = Handle::New(rt.heap(), rt.Intern("done"));
  Value done = rt.GetNamed(result, done_key);
  if (done.IsEmpty()) return false;
  bool is_done = Runtime::ToBoolean(done);
  Handle value_key = Handle::New(rt.heap(), rt.Intern("value"));
  Handle value = Handle::New(rt.heap(), rt.GetNamed(result, value_key));
  if (value.value().IsEmpty()) return false;
  Value wrapper = PromiseResolve(rt, value);
  if (wrapper.IsEmpty()) return false;
  Handle w = Handle::New(rt.heap(), wrapper);
  Handle unwrap = Handle::New(rt.heap(), AsyncIterationItem(rt, is_done ? kUnwrapDoneSlot : kUnwrapNotDoneSlot));
  Handle undefined = Handle::New(rt.heap(), kUndefined);
  PerformPromiseThen(rt, w, unwrap, undefined, promise, undefined);
  return true;
}

// next/return/throw of an async-from-sync iterator: calls the sync method, then continues as
// above. A missing `return` fulfills { value, done: true }; a missing `throw` rejects with the
// value (node 20; ES2025 closes the sync iterator and throws a TypeError instead).
Value AsyncFromSyncStep(Runtime& rt, Handle self, Args args, int64_t mode) {
  tenure::HandleScope scope(rt.heap());
  Handle promise = Handle::New(rt.heap(), NewPromise(rt));
  Handle value = Handle::New(rt.heap(), args.get(0));
  bool ok = IsAsyncFromSync(rt, self.value());
  if (!ok) rt.ThrowTypeError("not an async-from-sync iterator");
  Handle sync = Handle::New(rt.heap(), ok ? Obj(self.value())->internal[0] : kUndefined);
  Handle method = Handle::New(rt.heap(), ok ? Obj(self.value())->internal[1] : kUndefined);
  if (ok && mode != kResumeNext) {
    Handle key = Handle::New(rt.heap(), rt.Intern(mode == kResumeReturn ? "return" : "throw"));
    method.Set(rt.GetNamed(sync, key));
    ok = !method.value().IsEmpty();
    if (ok && IsNullish(method.value())) {
      if (mode == kResumeThrow) {
        RejectPromise(rt, promise, value);
      } else {
        Handle result = Handle::New(rt.heap(), CreateIterResult(rt, value, true));
        ResolvePromise(rt, promise, result);
      }
      return promise.value();
    }
  }
  if (ok) {
    Value arg = value.value();
    Handle result = Handle::New(rt.heap(), rt.Call(method, sync, &arg, args.count > 0 ? 1 : 0));
    ok = !result.value().IsEmpty() && AsyncFromSyncContinuation(rt, result, promise);
  }
  if (!ok) {
    Handle error = Handle::New(rt.heap(), rt.TakeException());
    RejectPromise(rt, promise, error);
  }
  return promise.value();
}

TENURE_NATIVE(AsyncFromSyncNext) { return AsyncFromSyncStep(rt, self, args, kResumeNext); }
TENURE_NATIVE(AsyncFromSyncReturn) { return AsyncFromSyncStep(rt, self, args, kResumeReturn); }
TENURE_NATIVE(AsyncFromSyncThrow) { return AsyncFromSyncStep(rt, self, args, kResumeThrow); }

TENURE_NATIVE(ReturnThisAsync) { return self.value(); }

TENURE_NATIVE(GeneratorNext) { return GeneratorResume(rt, self, args, kResumeNext, "next"); }
TENURE_NATIVE(GeneratorReturn) { return GeneratorResume(rt, self, args, kResumeReturn, "return"); }
TENURE_NATIVE(GeneratorThrow) { return GeneratorResume(rt, self, args, kResumeThrow, "throw"); }

}  // namespace

Value GetAsyncIterator(Runtime& rt, Handle iterable, const std::string& source) {
  tenure::HandleScope scope(rt.heap());
  std::string what = source.empty() ? rt.Inspect(iterable) : source;
  Handle key = Handle::New(rt.heap(), rt.root(kRootAsyncIteratorSymbol));
  Handle method = Handle::New(rt.heap(), rt.GetProperty(iterable, key));
  if (method.value().IsEmpty()) return Value();
  if (!IsNullish(method.value())) {
    if (!rt.IsCallable(method.value())) return rt.ThrowTypeError(what + " is not async iterable");
    Value iter = rt.Call(method, iterable, nullptr, 0);
    if (iter.IsEmpty()) return Value();
    if (!IsJSObject(iter)) return rt.ThrowTypeError("Result of the Symbol.asyncIterator method is not an object");
    return iter;
  }
  key.Set(rt.root(kRootIteratorSymbol));
  method.Set(rt.GetProperty(iterable, key));
  if (method.value().IsEmpty()) return Value();
  if (!rt.IsCallable(method.value())) return rt.ThrowTypeError(what + " is not async iterable");
  Handle sync = Handle::New(rt.heap(), rt.Call(method, iterable, nullptr, 0));
  if (sync.value().IsEmpty()) return Value();
  if (!IsJSObject(sync.value())) return rt.ThrowTypeError("Result of the Symbol.iterator method is not an object");
  Handle next_key = Handle::New(rt.heap(), rt.Intern("next"));
  Handle next = Handle::New(rt.heap(), rt.GetNamed(sync, next_key));
  if (next.value().IsEmpty()) return Value();
  Handle proto = Handle::New(rt.heap(), AsyncIterationItem(rt, kAsyncFromSyncPrototypeSlot));
  Handle wrapper = Handle::New(rt.heap(), rt.NewObjectWithInternals(proto));
  JSObject* w = Obj(wrapper.value());
  tenure::Store(w, &w->internal[0], sync.value());
  tenure::Store(w, &w->internal[1], next.value());
  return wrapper.value();
}

// GetIterator(obj, sync) for yield*: obj[Symbol.iterator]() must return an object.
Value Runtime::GetIteratorForYieldStar(Handle iterable) {
  tenure::HandleScope scope(*heap_);
  Handle key = Handle::New(*heap_, roots_[kRootIteratorSymbol]);
  Handle method = Handle::New(*heap_, GetProperty(iterable, key));
  if (method.value().IsEmpty()) return Value();
  if (!IsCallable(method.value())) return ThrowTypeError(Inspect(iterable) + " is not iterable");
  Value iter = Call(method, iterable, nullptr, 0);
  if (iter.IsEmpty()) return Value();
  if (!IsJSObject(iter)) return ThrowTypeError("Result of the Symbol.iterator method is not an object");
  return iter;
}

// One step of yield* (§15.5.5): calls iter.next/throw/return(received) by `mode`; returns the
// inner result object (checked to be an object). A missing `return` completes with
// { value: received, done: true }; a missing `throw` closes the iterator and throws a TypeError.
Value Runtime::YieldStarStep(Handle iter, Handle received, int64_t mode) {
  tenure::HandleScope scope(*heap_);
  const char* name = mode == kResumeNext ? "next" : mode == kResumeThrow ? "throw" : "return";
  Handle key = Handle::New(*heap_, Intern(name));
  Handle method = Handle::New(*heap_, GetProperty(iter, key));
  if (method.value().IsEmpty()) return Value();
  if (IsNullish(method.value()) && mode == kResumeReturn) return CreateIterResult(*this, received, true);
  if (IsNullish(method.value()) && mode == kResumeThrow) {
    Handle return_key = Handle::New(*heap_, Intern("return"));
    Handle close = Handle::New(*heap_, GetProperty(iter, return_key));
    if (close.value().IsEmpty()) return Value();
    if (IsCallable(close.value()) && Call(close, iter, nullptr, 0).IsEmpty()) return Value();
    return ThrowTypeError("The iterator does not provide a 'throw' method");
  }
  Value arg = received.value();
  Value result = Call(method, iter, &arg, 1);
  if (result.IsEmpty()) return Value();
  if (!IsJSObject(result)) {
    Handle r = Handle::New(*heap_, result);
    return ThrowTypeError("Iterator result " + Inspect(r) + " is not an object");
  }
  return result;
}

namespace {

// %AsyncIteratorPrototype% (§27.1.3: [Symbol.asyncIterator]() returns this), %AsyncGeneratorPrototype%
// (§27.6.1, toStringTag "AsyncGenerator") and %AsyncFromSyncIteratorPrototype% (§27.1.4.2).
void InstallAsyncIterationBuiltins(Runtime& rt) {
  tenure::HandleScope scope(rt.heap());
  Handle items = Handle::New(rt.heap(), rt.NewFixedArray(kAsyncIterationLength));
  rt.set_root(kRootAsyncIteration, items.value());
  Handle object_proto = Handle::New(rt.heap(), rt.root(kRootObjectPrototype));
  Handle async_iterator = Handle::New(rt.heap(), rt.NewObject(object_proto));
  Handle key = Handle::New(rt.heap(), rt.root(kRootAsyncIteratorSymbol));
  Handle self_fn = Handle::New(rt.heap(), rt.NewNativeFunction("[Symbol.asyncIterator]", ReturnThisAsync, 0));
  rt.DefineOwn(async_iterator, key, self_fn, kShapeHidden);
  Handle generator = Handle::New(rt.heap(), rt.NewObject(async_iterator));
  rt.DefineNative(generator, "next", AsyncGeneratorNext, 1);
  rt.DefineNative(generator, "return", AsyncGeneratorReturn, 1);
  rt.DefineNative(generator, "throw", AsyncGeneratorThrow, 1);
  Handle tag_key = Handle::New(rt.heap(), rt.root(kRootToStringTagSymbol));
  Handle tag = Handle::New(rt.heap(), rt.NewString("AsyncGenerator"));
  rt.DefineOwn(generator, tag_key, tag, kShapeHidden | kShapeReadOnly);
  Handle from_sync = Handle::New(rt.heap(), rt.NewObject(async_iterator));
  rt.DefineNative(from_sync, "next", AsyncFromSyncNext, 1);
  rt.DefineNative(from_sync, "return", AsyncFromSyncReturn, 1);
  rt.DefineNative(from_sync, "throw", AsyncFromSyncThrow, 1);
  Handle unwrap_not_done = Handle::New(rt.heap(), rt.NewNativeFunction("", UnwrapNotDone, 1));
  Handle unwrap_done = Handle::New(rt.heap(), rt.NewNativeFunction("", UnwrapDone, 1));
  FixedArray* a = items.value().As<FixedArray>();
  tenure::Store(a, &a->items()[kUnwrapNotDoneSlot], unwrap_not_done.value());
  tenure::Store(a, &a->items()[kUnwrapDoneSlot], unwrap_done.value());
  tenure::Store(a, &a->items()[kAsyncIteratorPrototypeSlot], async_iterator.value());
  tenure::Store(a, &a->items()[kAsyncGeneratorPrototypeSlot], generator.value());
  tenure::Store(a, &a->items()[kAsyncFromSyncPrototypeSlot], from_sync.value());
}

}  // namespace

void InstallGeneratorBuiltins(Runtime& rt, Handle global) {
  (void)global;
  tenure::HandleScope scope(rt.heap());
  Handle iterator_proto = Handle::New(rt.heap(), rt.root(kRootIteratorPrototype));
  Handle proto = Handle::New(rt.heap(), rt.NewObject(iterator_proto));
  rt.set_root(kRootGeneratorPrototype, proto.value());
  rt.DefineNative(proto, "next", GeneratorNext, 1);
  rt.DefineNative(proto, "return", GeneratorReturn, 1);
  rt.DefineNative(proto, "throw", GeneratorThrow, 1);
  InstallAsyncIterationBuiltins(rt);
}

}  // namespace tenure::js
