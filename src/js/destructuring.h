// Run-time half of destructuring patterns: the checks and copies behind the pattern opcodes
// (RequireObjectCoercible, DestructureIterable, ObjectRest; bytecode.h), with node 20's error
// texts. The compiler (compiler_patterns.cc) lowers everything else to ordinary loads/stores.
// GC: every function takes rooted slots (Handles, registers) and returns false / throws with an
// exception pending, like the rest of the Runtime.
#pragma once

#include "runtime.h"

namespace tenure::js {

// Throws node's TypeError for destructuring the nullish `value`. `text` is the source text
// naming the value (a String), or Smi -1 (name it by value: parameters) or Smi -2 (a nested
// pattern: V8 reports the failed property read). `key` is the first property name or undefined.
void ThrowNotDestructurable(Runtime& rt, Value value, Value text, Value key);

// ForOfPrepare for an array pattern, after checking that `value` is iterable. `message` (a String
// or undefined) is node's text naming the source ("x is not iterable"); undefined: the generic
// "<type> is not iterable (cannot read property Symbol(Symbol.iterator))".
bool DestructureIterable(Runtime& rt, Value* iter_out, Handle value, Value message);

// `{a, [k]: b, ...rest} = source`: *out = a new plain object with the own enumerable string-keyed
// properties of `source` (in OwnKeys order) except the `count` keys at `excluded` (registers,
// converted with ToPropertyKey).
bool ObjectRest(Runtime& rt, Value* out, Handle source, Value* excluded, int count);

}  // namespace tenure::js
