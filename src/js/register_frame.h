// The frame of a bytecode function with FunctionInfo::register_prologue, pushed without the
// generic prologue: by the dispatch loop's call fast paths (interpreter_loop.cc) and by
// EnterFunction (interpreter.cc) for callbacks of builtins. Inline in both, hence a header.
#ifndef TENURE_SRC_JS_REGISTER_FRAME_H_
#define TENURE_SRC_JS_REGISTER_FRAME_H_

#include "runtime.h"

namespace tenure::js {

// The receiver a function sees (ECMA-262 OrdinaryCallBindThis): a sloppy-mode function called
// with null or undefined gets the global object; arrows, class constructors and strict functions
// keep what they were given.
inline Value BindThis(const FunctionInfo* info, Value receiver, Value global) {
  return !info->is_arrow && !info->is_class_ctor && !info->is_strict && IsNullish(receiver) ? global : receiver;
}

inline bool Runtime::PushRegisterFrame(size_t base, Value closure, const FunctionInfo* info,
                                       Value receiver, Value new_target, const Value* args, int argc,
                                       int return_reg, bool construct, bool native_entry) {
  int frame_size = info->frame_size;
  if (base + static_cast<size_t>(frame_size) + 16 > stack_limit_) {
    ThrowError(ErrorType::kRangeError, "Maximum call stack size exceeded");
    return false;
  }
  if (--steps_left_ < 0) return BudgetExhausted();
  Value* r = stack_.get() + base;
  r[kRegContext] = closure.As<JSObject>()->internal[0];
  r[kRegClosure] = closure;
  r[kRegReceiver] = BindThis(info, receiver, roots_[kRootGlobal]);
  r[kRegNewTarget] = new_target;
  for (int i = kFixedRegs; i < frame_size; ++i) r[i] = kUndefined;
  int params = static_cast<int>(info->params.size());
  const VarLocation* loc = info->params.data();
  for (int i = 0; i < params && i < argc; ++i) r[loc[i].index] = args[i];
  if (info->this_var.valid) r[info->this_var.index] = r[kRegReceiver];
  if (info->self_var.valid) r[info->self_var.index] = closure;
  frames_.push_back(Frame{info, base, 0, return_reg, construct, native_entry, handlers_.size(),
                          static_cast<size_t>(args - stack_.get()), argc});
  return true;
}

}  // namespace tenure::js

#endif  // TENURE_SRC_JS_REGISTER_FRAME_H_
