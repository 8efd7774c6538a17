// How the runtime names objects and functions in messages and inspection: the constructor found
// on an object's prototype chain, a function's kind, and V8's text for a value that is called
// but is not callable. One definition each, shared by inspect.cc (util.inspect / console.log),
// object_integrity.cc (TypeError receivers), builtins_json.cc (the circular-structure message),
// builtins_util.cc (util.types) and the builtins that reject non-callable callbacks.
//
// Invariants:
//  - FindConstructor calls nothing and allocates nothing: it reads own `constructor` data
//    properties (never runs a getter), so it is safe while a message is being built and while
//    raw Values are held.
//  - A function's kind is fixed when its closure is compiled (FunctionInfo::is_async /
//    is_generator); natives are kNative, so FunctionKindOf never allocates either.
#pragma once

#include <string>

#include "runtime.h"

namespace tenure::js {

// Which own `constructor` properties FindConstructor accepts while walking from the object up its
// prototype chain. Accessor properties never match (they would need a call).
struct ConstructorSearch {
  // The first own `constructor` found decides: a non-function there ends the walk with no result
  // (V8's receiver text in TypeErrors, "#<Object>"). Otherwise such objects are skipped.
  bool first_found_decides = false;
  // Only a constructor that the object is an instance of counts (node's getConstructorName), so
  // a prototype object (Map.prototype) is named by the next constructor up the chain.
  bool require_instance = false;
};

// The function stored as the first matching `constructor`, or the empty Value for none.
Value FindConstructor(Runtime& rt, Value object, ConstructorSearch search);

// V8's names for a stack frame's receiver and method (call-site-info.cc GetTypeName /
// GetMethodName), used by Runtime::CaptureStackTrace. Both read own data properties and shapes
// only: they call nothing and allocate nothing.
//
// The receiver's type: "String"/"Number"/"Boolean"/"Symbol" for primitives; a class constructor
// by its name (static methods: `Foo.stat`); otherwise the first own Symbol.toStringTag string on
// the chain (`Map`, `JSON`, `Math`), or the first `constructor` function named other than "Object"
// on a prototype (not the object itself), else "Array", "Function" or "Object".
std::string StackReceiverTypeName(Runtime& rt, Value receiver);
// The property through which `fn` was reached from `receiver`: its own name (a `get `/`set `
// prefix dropped) when the chain's first property of that name holds `fn` (as value, getter or
// setter); else the one enumerable string-keyed property on the chain holding it; "" when there
// is none or more than one.
std::string StackMethodName(Runtime& rt, Value receiver, Value fn, std::string_view fn_name);

// A function's name as V8's GetDebugName reads it: its own `name` data property when that is a
// string (set by SetFunctionName for computed keys, or by defineProperty), else the name it was
// compiled or registered with. Calls nothing.
std::string FunctionDebugName(Runtime& rt, Value fn);

enum class FunctionKind { kNotCallable, kNative, kNormal, kAsync, kGenerator, kAsyncGenerator };

FunctionKind FunctionKindOf(Runtime& rt, Value v);
// node's (and the %Function% intrinsics') type name: "Function", "AsyncFunction",
// "GeneratorFunction", "AsyncGeneratorFunction" ("Function" for natives, "" for non-callables).
const char* FunctionKindTypeName(FunctionKind kind);

// V8's text for a non-callable value a builtin was given as a callback (messages.cc
// BuildDefaultCallSite): the typeof, then the value for primitives — `string "x"` (the first 100
// UTF-16 units, then "<...>"), `number 1`, `boolean true`, `object null` — and just `object`,
// `symbol`, `undefined` otherwise. Callers append " is not a function".
std::string NonCallableText(Runtime& rt, Handle value);

}  // namespace tenure::js
