// Property attributes (property_attributes.cc): Object.defineProperty, defineProperties,
// getOwnPropertyDescriptor(s) with writable / enumerable / configurable and accessors. The
// attributes live in Shape flags (objects.h); the invariants are stated atop the .cc file.
#pragma once

#include "runtime.h"

namespace tenure::js {

// Installs the four Object functions (replacing the enumerability-only defineProperty).
void InstallPropertyAttributeBuiltins(Runtime& rt, Handle global);

// Object.defineProperties(object, properties) minus the result (also Object.create's second
// argument). False: exception pending.
bool DefinePropertiesFrom(Runtime& rt, Handle object, Handle properties);

// Which own keys OwnPropertyKeys lists.
struct OwnKeysFilter {
  bool strings = true;          // string keys (false: getOwnPropertySymbols)
  bool non_enumerable = false;  // also keys with enumerable: false (getOwnPropertyNames)
  bool symbols = false;         // also symbol keys, after the strings (never private ones)
};

// ECMA-262 §10.1.11.1 OrdinaryOwnPropertyKeys, filtered: array indices ascending, the other
// strings in creation order, then symbols in creation order. With `non_enumerable` the keys the
// runtime keeps outside the shape are included where node has them: an array's or String's
// `length` (after the indices) and a function's `length` and `name` (unless redefined as own
// properties). Returns an Array of keys; `object` must be a JSObject or a String.
Value OwnPropertyKeys(Runtime& rt, Handle object, OwnKeysFilter filter);

}  // namespace tenure::js
