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

}  // namespace tenure::js
