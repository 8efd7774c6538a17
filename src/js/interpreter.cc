// The bytecode interpreter: frames on the runtime's value stack, one dispatch loop per native
// entry (JS-to-JS calls do not recurse in C++), try handlers, and calls into natives.
//
// GC safety: `r` points into stack_, which never moves; every value that must survive an
// allocation is in a register. Raw HeapObject* are only held between allocations.
#include <cmath>
#include <cstring>

#include "register_frame.h"
#include "runtime.h"

namespace tenure::js {

namespace {

constexpr int kMaxNativeDepth = 400;  // nested C++ -> JS entries (callbacks of builtins)

inline Value* ContextSlot(Value context, int depth, int slot) {
  for (int i = 0; i < depth; ++i) context = context.As<FixedArray>()->items()[0];
  return &context.As<FixedArray>()->items()[1 + slot];
}

inline void StoreLocation(Value* r, const VarLocation& loc, Value v) {
  if (!loc.valid) return;
  if (loc.in_context) {
    FixedArray* ctx = r[kRegContext].As<FixedArray>();
    tenure::Store(ctx, &ctx->items()[1 + loc.index], v);
  } else {
    r[loc.index] = v;
  }
}

}  // namespace

bool Runtime::EnterFunction(size_t base, Value closure, Value receiver, Value new_target,
                            const Value* args, int argc, int return_reg, bool construct,
                            bool native_entry) {
  JSObject* fn = closure.As<JSObject>();
  const FunctionInfo* info = functions_[fn->internal[1].ToSmi()].get();
  if (info->register_prologue) {
    // No context, rest, `arguments` or context-allocated parameter/this/self name (compiler.cc):
    // every location is a register and nothing allocates.
    return PushRegisterFrame(base, closure, info, receiver, new_target, args, argc, return_reg, construct,
                             native_entry);
  }
  if (base + static_cast<size_t>(info->frame_size) + 16 > stack_limit_) {
    ThrowError(ErrorType::kRangeError, "Maximum call stack size exceeded");
    return false;
  }
  if (--steps_left_ < 0) return BudgetExhausted();
  Value* r = stack_.get() + base;
  for (int i = kFixedRegs; i < info->frame_size; ++i) r[i] = kUndefined;  // r0..r3 set below
  r[kRegContext] = fn->internal[0];
  r[kRegClosure] = closure;
  r[kRegReceiver] = BindThis(info, receiver, roots_[kRootGlobal]);
  r[kRegNewTarget] = new_target;
  size_t args_index = static_cast<size_t>(args - stack_.get());
  frames_.push_back(Frame{info, base, 0, return_reg, construct, native_entry, handlers_.size(),
                          args_index, argc});
  if (info->context_slots > 0) {
    Value ctx = NewContext(Handle::FromSlot(&r[kRegContext]), info->context_slots);
    r[kRegContext] = ctx;
  }
  const Value* a = stack_.get() + args_index;
  for (size_t i = 0; i < info->params.size(); ++i) {
    StoreLocation(r, info->params[i], static_cast<int>(i) < argc ? a[i] : kUndefined);
  }
  StoreLocation(r, info->this_var, r[kRegReceiver]);
  StoreLocation(r, info->self_var, r[kRegClosure]);
  if (info->rest.valid || info->arguments_var.valid) {
    tenure::HandleScope scope(*heap_);
    if (info->rest.valid) {
      int from = static_cast<int>(info->params.size());
      Handle rest = Handle::New(*heap_, NewArray(argc > from ? argc - from : 0));
      for (int i = from; i < argc; ++i) {
        ArrayPush(rest, Handle::FromSlot(stack_.get() + args_index + i));
      }
      StoreLocation(r, info->rest, rest.value());
    }
    if (info->arguments_var.valid) {
      Handle arguments = Handle::New(*heap_, NewArray(argc));
      for (int i = 0; i < argc; ++i) ArrayPush(arguments, Handle::FromSlot(stack_.get() + args_index + i));
      StoreLocation(r, info->arguments_var, arguments.value());
    }
  }
  return true;
}

Value Runtime::Execute(Handle closure, Handle receiver, const Value* args, int argc,
                       Handle new_target, bool construct) {
  if (native_depth_ >= kMaxNativeDepth) {
    return ThrowError(ErrorType::kRangeError, "Maximum call stack size exceeded");
  }
  size_t top = StackTop();
  if (top + static_cast<size_t>(argc) + 16 > stack_limit_) {
    return ThrowError(ErrorType::kRangeError, "Maximum call stack size exceeded");
  }
  for (int i = 0; i < argc; ++i) stack_[top + i] = args[i];
  ++native_depth_;
  Value result;
  if (EnterFunction(top + argc, closure.value(), receiver.value(), new_target.value(),
                    stack_.get() + top, argc, -1, construct, true)) {
    result = RunFrames(frames_.size() - 1);
  }
  --native_depth_;
  return result;
}

Value Runtime::CallNative(int native_id, Handle receiver, const Value* args, int argc, Handle new_target,
                          Value callee) {
  if (native_depth_ >= kMaxNativeDepth) {
    return ThrowError(ErrorType::kRangeError, "Maximum call stack size exceeded");
  }
  if (steps_left_ <= 0) {  // ExecutionBudget: a spent budget (INT64_MAX steps unless a fuzzer set one)
    steps_left_ = 0;
    return ThrowError(ErrorType::kRangeError, "Execution budget exhausted");
  }
  ++native_depth_;
  tenure::HandleScope scope(*heap_);
  Handle saved = Handle::New(*heap_, current_new_target_);  // rooted across the call
  Handle saved_callee = Handle::New(*heap_, current_callee_);
  current_new_target_ = new_target.value();
  current_callee_ = callee;
  Args a{const_cast<Value*>(args), argc};
  const NativeCall record{frames_.size(), native_id, receiver.slot(), new_target.value() != kUndefined,
                          innermost_native_};
  innermost_native_ = &record;
  Value result = natives_[native_id].fn(*this, receiver, a);
  innermost_native_ = record.caller;
  current_new_target_ = saved.value();
  current_callee_ = saved_callee.value();
  --native_depth_;
  return result;
}

Value Runtime::Call(Handle fn, Handle receiver, const Value* args, int argc) {
  Value f = fn.value();
  if (!IsCallable(f)) return ThrowTypeError(ToStdString(TypeOf(f)) + " is not a function");
  int64_t id = f.As<JSObject>()->internal[1].ToSmi();
  if (id >= 0) {  // a bytecode function: no handle scope (builtins' callbacks, e.g. sort's comparator)
    if (functions_[id]->is_class_ctor) {
      return ThrowTypeError("Class constructor " + functions_[id]->name + " cannot be invoked without 'new'");
    }
    Value undefined_value = kUndefined;  // not a heap value: needs no root
    return Execute(fn, receiver, args, argc, Handle::FromSlot(&undefined_value), false);
  }
  tenure::HandleScope scope(*heap_);
  Handle undefined = Handle::New(*heap_, kUndefined);
  // Natives read their arguments in place: copy them into a reserved, rooted stack region.
  size_t top = StackTop();
  if (top + static_cast<size_t>(argc) + 16 > stack_limit_) {
    return ThrowError(ErrorType::kRangeError, "Maximum call stack size exceeded");
  }
  for (int i = 0; i < argc; ++i) stack_[top + i] = args[i];
  size_t saved = reserved_top_;
  reserved_top_ = top + argc;
  Value result = CallNative(static_cast<int>(-id - 1), receiver, stack_.get() + top, argc, undefined, fn.value());
  reserved_top_ = saved;
  return result;
}

Value Runtime::Construct(Handle fn, const Value* args, int argc, Handle new_target) {
  Value f = fn.value();
  if (!IsCallable(f)) return ThrowTypeError("value is not a constructor");
  int64_t id = f.As<JSObject>()->internal[1].ToSmi();
  tenure::HandleScope scope(*heap_);
  if (id < 0) {
    size_t top = StackTop();
    for (int i = 0; i < argc; ++i) stack_[top + i] = args[i];
    size_t saved = reserved_top_;
    reserved_top_ = top + argc;
    Handle undefined = Handle::New(*heap_, kUndefined);
    Value result = CallNative(static_cast<int>(-id - 1), undefined, stack_.get() + top, argc, new_target, fn.value());
    reserved_top_ = saved;
    return result;
  }
  const FunctionInfo* info = functions_[id].get();
  if (info->is_method && !info->is_class_ctor) return ThrowTypeError(info->name + " is not a constructor");
  Handle receiver = Handle::New(*heap_, kHole);
  if (!info->is_derived_ctor) {
    Handle key = Handle::New(*heap_, roots_[kRootPrototypeKey]);
    Handle proto = Handle::New(*heap_, GetNamed(new_target, key));
    if (proto.value().IsEmpty()) return Value();
    if (!IsJSObject(proto.value())) proto.Set(roots_[kRootObjectPrototype]);
    receiver.Set(NewObjectWithCapacity(proto, InstanceCapacity(new_target.value())));
  }
  return Execute(fn, receiver, args, argc, new_target, true);
}

void Runtime::RecordThrowSite() {
  if (throw_site_recorded_ || frames_.empty()) return;
  const Frame& f = frames_.back();
  int pc = f.pc > 0 ? f.pc - 1 : 0;
  pending_throw_info_ = f.info;
  pending_throw_offset_ = pc < static_cast<int>(f.info->positions.size()) ? f.info->positions[pc] : 0;
  throw_site_recorded_ = true;
}

}  // namespace tenure::js
