// Builtin installation helpers shared by the builtins_*.cc files.
//
// Every builtin is a NativeFn: it receives the receiver and a rooted argument slice, returns a
// Value (stored by the caller into a rooted slot) or empty when it threw. Builtins follow the
// runtime's GC rules: anything held across an allocation is in a Handle.
#pragma once

#include "runtime.h"

namespace tenure::js {

#define TENURE_NATIVE(name) static Value name(Runtime& rt, Handle self, Args args)

// Makes a constructor function `name` whose `prototype` is the object in roots_[proto_root].
Value InstallConstructor(Runtime& rt, Handle global, std::string_view name, NativeFn fn, int length,
                         Handle prototype);
void SetDataProperty(Runtime& rt, Handle object, std::string_view key, Value value);
void SetHiddenProperty(Runtime& rt, Handle object, std::string_view key, Value value);
// Argument i converted with ToNumber / ToString / as integer (NaN -> 0).
bool ArgNumber(Runtime& rt, Args args, int i, double* out);
bool ArgInteger(Runtime& rt, Args args, int i, double* out);
Value ArgString(Runtime& rt, Args args, int i);

void InstallCoreBuiltins(Runtime& rt, Handle global);
void InstallArrayBuiltins(Runtime& rt, Handle global);
void InstallStringBuiltins(Runtime& rt, Handle global);
void InstallCollectionBuiltins(Runtime& rt, Handle global);

}  // namespace tenure::js
