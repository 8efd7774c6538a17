// Class private names (`#x`) at run time, and the natives the class compiler calls.
//
// A private name is a Symbol with kSymbolPrivate | kSymbolPrivateName whose description is the
// source name ("#x"); each evaluation of a class body creates fresh ones (compiler_classes.cc).
// Private elements are ordinary own properties keyed by that symbol, so they move with their
// object through scavenges and compaction like any property; no enumeration, JSON, spread or
// inspection ever shows a kSymbolPrivate key. The property code (properties.cc) routes every
// access with a private-name key here, which gives them ECMA-262's semantics (PrivateGet,
// PrivateSet, PrivateFieldAdd, PrivateMethodOrAccessorAdd, `#x in o`) and node 20's TypeError texts:
//  - reads and writes look at the object's own properties only, never the prototype chain;
//  - a private method is an own property with kShapeHidden (written by DefineMethod): not writable;
//  - a private accessor is an own accessor pair: a missing half throws.
#pragma once

#include "runtime.h"

namespace tenure::js {

enum ClassIntrinsic : int {
  kIntrinsicNewPrivateName,  // (description) -> a fresh private-name symbol
  kIntrinsicToPropertyKey,   // (value) -> property key (computed field keys, once per class)
  // (fn, key, prefix) -> key as a property key; names `fn` by it (ECMA-262 SetFunctionName):
  // `{ [k]() {} }`, `{ [k]: function () {} }`, `get [k]() {}` ("get " prefix), symbols `[desc]`.
  kIntrinsicSetFunctionName,
  // (index) -> the running module's wrapper argument (exports, require, module, __filename,
  // __dirname): the `var exports = …` declarations modules.cc puts before a module's code.
  kIntrinsicModuleWrapperArg,
  kIntrinsicCount
};

// The native function for `which`, created on first use and kept in kRootClassIntrinsics (the
// compiler embeds it in a constant pool). May allocate.
Value ClassIntrinsicFunction(Runtime& rt, int which);

inline bool IsPrivateName(Value key) {
  return IsKind(key, Kind::kSymbol) && (key.As<Symbol>()->flags.ToSmi() & kSymbolPrivateName) != 0;
}

// `object.#x` (empty Value: exception pending), `object.#x = value`, `#x in object`.
Value PrivateGet(Runtime& rt, Handle object, Handle key);
bool PrivateSet(Runtime& rt, Handle object, Handle key, Handle value);
Value PrivateHas(Runtime& rt, Handle object, Handle key);
// Before a field / method with a private-name key is added to `object`: throws node's
// "Cannot initialize #x twice on the same object" (or the private-methods variant naming the
// class of `method`) if it is already there. False: exception pending.
bool CheckPrivateAdd(Runtime& rt, Handle object, Handle key, bool is_method, Value method);

}  // namespace tenure::js
