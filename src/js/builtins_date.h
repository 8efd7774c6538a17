// Date objects (builtins_date.cc): layout, brand and the string forms other builtins use.
// A Date is a full-layout plain object: internal[0] = time value (Number, NaN when invalid),
// internal[2] = kRootDatePrototype (the brand IsDate checks).
#pragma once

#include <string>

#include "runtime.h"

namespace tenure::js {

void InstallDateBuiltins(Runtime& rt, Handle global);
bool IsDate(Runtime& rt, Value v);
// Date.prototype.toString / toISOString of a time value (toISOString requires a finite one).
std::string DateToString(double t);
std::string DateToIsoString(double t);
// console.log's form: the ISO string, or "Invalid Date".
std::string InspectDate(Runtime& rt, Value date);

}  // namespace tenure::js
