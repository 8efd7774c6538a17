// Reflect, Symbol.for / Symbol.keyFor and Object.getOwnPropertySymbols (builtins_reflect.cc).
#pragma once

#include "runtime.h"

namespace tenure::js {

// Installs globalThis.Reflect and the Symbol / Object functions above (after Symbol and Object).
void InstallReflectBuiltins(Runtime& rt, Handle global);

}  // namespace tenure::js
