// CommonJS modules: node's module system for the main script, `-e` code and every required file.
//
// How a module runs (node's wrapper semantics without a textual wrapper):
//  - The file is parsed as a script (top-level `return` is legal, top-level declarations are
//    locals of the script scope, `this` is the receiver) and its Program gets a synthetic first
//    statement `var exports = %m(0), require = %m(1), module = %m(2), __filename = %m(3),
//    __dirname = %m(4);` (InjectWrapperBindings). `%m` is a hidden global native that reads the
//    wrapper arguments the loader stored just before calling the script, so the five names are
//    module-local like node's wrapper parameters (`let require` is "already declared", nested
//    functions capture them), and the script keeps its script-frame behaviour (stack frames
//    print `Object.<anonymous>`, each top-level statement's temporaries are cleared). A
//    top-level `function require() {}` is left alone (node: it replaces the parameter).
//  - The script is called with `this` = module.exports. Source positions are the file's own.
//
// Invariants:
//  - All module state lives on the heap in roots_[kRootModuleState], a FixedArray
//    (ModuleStateSlot): the cache object (`require.cache`, keyed by absolute filename), the
//    builtin modules created so far (by name; each builtin is created once), the pending
//    wrapper arguments, and the main module. A module object is in the cache from before its
//    code runs (cycles see the partial `exports`) until it threw (then it is removed, like node).
//  - A `require` function finds its module through a hidden own property (`%module`) of the
//    function object itself, read via Runtime::current_callee().
//  - Every heap value held across an allocation is in a Handle (runtime.h GC rules).
#pragma once

#include <string>
#include <string_view>

#include "runtime.h"

namespace tenure::js {

// Creates the module state and the hidden `%m` native. Called once while installing builtins.
void InstallModuleSystem(Runtime& rt, Handle global);

// Runs the main module: `filename` is absolute, or "[eval]" for `-e` (resolving against the
// working directory). Returns false when the file did not compile (node's SyntaxError report
// is printed); otherwise *result is the script's completion (empty: an exception is pending).
bool RunMainModule(Runtime& rt, const std::string& filename, std::string text, Value* result);

// For Runtime::ReportUncaught: the "file:line / source / caret" header an error carries for
// the uncaught report (a SyntaxError thrown by require), or "" to use its throw site.
std::string UncaughtArrowHeader(Runtime& rt, Handle exception);


// Embedded JavaScript sources of the builtin modules written in JS (compiled on first require).
extern const char kPathModuleSource[];    // builtins_path.cc
extern const char kEventsModuleSource[];  // builtins_events.cc
extern const char kFsModuleSource[];      // builtins_fs.cc
extern const char kWebModuleSource[];     // builtins_web.cc (structuredClone, atob, btoa, DOMException)
extern const char kEventTargetModuleSource[];  // builtins_event_target.cc (Event, EventTarget, AbortController, ...)
extern const char kUrlModuleSource[];     // builtins_url.cc (URL, URLSearchParams, fileURLToPath, ...)
extern const char kUtilModuleSource[];    // builtins_util.cc
extern const char kAssertModuleSource[];       // builtins_assert.cc
extern const char kComparisonsModuleSource[];  // builtins_assert.cc (deep equality, '%comparisons')
// Small node modules written in JS over the globals (builtins_node_modules.cc).
extern const char kBufferModuleSource[];
extern const char kTimersModuleSource[];
extern const char kTimersPromisesModuleSource[];
extern const char kPerfHooksModuleSource[];
// The v8 module (builtins_v8.cc): JavaScript over its native binding '%v8'.
extern const char kV8ModuleSource[];
Value NewV8Binding(Runtime& rt);
// process.emitWarning and node's own process listeners (builtins_process_signals.cc).
extern const char kProcessModuleSource[];
// The native half of '%process' (builtins_process_signals.cc): signal listening.
Value NewProcessSignalsBinding(Runtime& rt);
// The native half of `assert` (builtins_assert.cc): inspect with the assertion-message options.
Value NewAssertBinding(Runtime& rt);
// The native half of `util` (builtins_util.cc): inspect, format and brand checks.
Value NewUtilBinding(Runtime& rt);
// The exports of the internal builtin `name` ("%web", "%internal", ...), created on first use;
// empty when it threw.
Value LoadInternalBuiltin(Runtime& rt, const std::string& name);
// The native behind the kIntrinsicModuleWrapperArg intrinsic (private_names.h): wrapper argument
// `index` (0 exports, 1 require, 2 module, 3 __filename, 4 __dirname) of the module being started.
Value ModuleWrapperArg(Runtime& rt, Handle receiver, Args args);
// The native half of `fs` (builtins_fs.cc): an object of sync primitives the JS half wraps.
Value NewFsBinding(Runtime& rt);
// An object of small helpers the embedded JS modules need (modules.cc): pid, emitWarning.
Value NewInternalBinding(Runtime& rt);

}  // namespace tenure::js
