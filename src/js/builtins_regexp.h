// builtins_regexp.h — RegExp objects on the managed heap and the String methods that take one.
//
// A RegExp is a full-layout plain object (Kind::kObject, NewObjectWithInternals) whose prototype
// chain starts at RegExp.prototype, so the heap snapshot names it "RegExp" (constructor name).
// internal[0] = the pattern source (String, as written), internal[1] = Smi flag bits
// (regexp::FlagsToBits), internal[2] = the brand: roots_[kRootRegExpPrototype] (no JS value can
// put it there, so IsRegExp cannot be spoofed). `lastIndex` is an ordinary own, non-enumerable
// data property. The compiled program is not on the heap: a process-wide cache maps
// (flags, source) to an immutable regexp::Program (bounded; see builtins_regexp.cc).
#pragma once

#include <string>

#include "runtime.h"

namespace tenure::js {

void InstallRegExpBuiltins(Runtime& rt, Handle global);
bool IsRegExp(Runtime& rt, Value v);
// "/source/flags" as RegExp.prototype.toString and console.log print it.
std::string RegExpToString(Runtime& rt, Value regexp);

enum class RegExpStringOp { kReplace, kReplaceAll, kSplit };
// String.prototype.replace/replaceAll/split with a RegExp first argument: returns true and sets
// *result (empty when an exception is pending) when args[0] is a RegExp, false otherwise.
bool RegExpStringMethod(Runtime& rt, RegExpStringOp op, Handle self, Args args, Value* result);

}  // namespace tenure::js
