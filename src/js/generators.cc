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

bool ResumeAsync(Runtime& rt, Handle activation, bool is_throw, Handle value) {
  tenure::HandleScope scope(rt.heap());
  return !rt.ResumeGenerator(activation, is_throw ? kResumeThrow : kResumeNext, value).IsEmpty();
}

namespace {

Value GeneratorResume(Runtime& rt, Handle self, Args args, int64_t mode, const char* method) {
  if (!IsKind(self.value(), Kind::kGenerator) || Obj(self.value())->internal[2] != kUndefined) {
    return rt.ThrowTypeError(std::string(method) + " method called on incompatible receiver " + rt.Inspect(self));
  }
  tenure::HandleScope scope(rt.heap());
  return rt.ResumeGenerator(self, mode, args.at(0));
}

TENURE_NATIVE(GeneratorNext) { return GeneratorResume(rt, self, args, kResumeNext, "next"); }
TENURE_NATIVE(GeneratorReturn) { return GeneratorResume(rt, self, args, kResumeReturn, "return"); }
TENURE_NATIVE(GeneratorThrow) { return GeneratorResume(rt, self, args, kResumeThrow, "throw"); }

}  // namespace

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

void InstallGeneratorBuiltins(Runtime& rt, Handle global) {
  (void)global;
  tenure::HandleScope scope(rt.heap());
  Handle iterator_proto = Handle::New(rt.heap(), rt.root(kRootIteratorPrototype));
  Handle proto = Handle::New(rt.heap(), rt.NewObject(iterator_proto));
  rt.set_root(kRootGeneratorPrototype, proto.value());
  rt.DefineNative(proto, "next", GeneratorNext, 1);
  rt.DefineNative(proto, "return", GeneratorReturn, 1);
  rt.DefineNative(proto, "throw", GeneratorThrow, 1);
}

}  // namespace tenure::js
