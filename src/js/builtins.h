// Builtin installation helpers shared by the builtins_*.cc files.
//
// Every builtin is a NativeFn: it receives the receiver and a rooted argument slice, returns a
// Value (stored by the caller into a rooted slot) or empty when it threw. Builtins follow the
// runtime's GC rules: anything held across an allocation is in a Handle.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <random>
#include <unordered_set>
#include <vector>

#include "runtime.h"

namespace tenure::js {

#define TENURE_NATIVE(name) static Value name(Runtime& rt, Handle self, Args args)

// Makes a constructor function `name` whose `prototype` is the object in roots_[proto_root].
Value InstallConstructor(Runtime& rt, Handle global, std::string_view name, NativeFn fn, int length,
                         Handle prototype);
void SetDataProperty(Runtime& rt, Handle object, std::string_view key, Value value);
// A plain object with one number property per field, in order (memoryUsage, heap statistics, ...).
Value MakeNumberObject(Runtime& rt, std::initializer_list<std::pair<const char*, double>> fields);
void SetHiddenProperty(Runtime& rt, Handle object, std::string_view key, Value value);
// Argument i converted with ToNumber / ToString / as integer (NaN -> 0).
bool ArgNumber(Runtime& rt, Args args, int i, double* out);
bool ArgInteger(Runtime& rt, Args args, int i, double* out);
Value ArgString(Runtime& rt, Args args, int i);
// A new Array of the given strings, in order.
Value NewStringArray(Runtime& rt, const std::vector<std::string>& items);
// How node's ERR_INVALID_ARG_TYPE messages name a received value: "Received null", "Received
// function f", "Received an instance of Map", "Received type number (5)".
std::string DescribeReceivedValue(Runtime& rt, Handle value);
// Number::exponentiate (ECMA-262 §6.1.6.1.3): C's pow except NaN for a NaN exponent and for
// (±1) ** ±Infinity (builtins_number.cc).
double JsPow(double base, double exponent);

// util.format's text for `args` (console.log prints it): printf-style directives (%s %d %i %f %o
// %O %j %%) in a string first argument, the rest inspected and joined by spaces. False: threw.
bool FormatLogArguments(Runtime& rt, Args args, std::string* line);

// ---- process events (builtins_process_events.cc) ---------------------------------------------
// Makes `process` an EventEmitter lazily (stubs that load 'events' on first call) and remembers
// it as the object the runtime emits 'beforeExit' / 'exit' on.
void InstallProcessEvents(Runtime& rt, Handle process);
// internal.makeProcessEmitter(EventEmitter.prototype), called by the events module.
Value MakeProcessEmitter(Runtime& rt, Handle self, Args args);
// process.emit(event, ...args) if process has a listener for `event`. False: a listener threw.
bool EmitProcessEvent(Runtime& rt, std::string_view event, std::initializer_list<Handle> args);
bool EmitProcessEvent(Runtime& rt, std::string_view event, Value smi_arg);
bool HasProcessListener(Runtime& rt, std::string_view event);
enum class UncaughtHandling { kNoListener, kHandled, kListenerThrew };
// With 'uncaughtException' listeners: takes the pending exception and emits
// ('uncaughtException', error, origin); kListenerThrew leaves the listener's error pending
// (node then exits with 7 and no 'exit' event). kNoListener: the exception stays pending.
UncaughtHandling HandleUncaughtException(Runtime& rt, std::string_view origin);
// process.exitCode as an integer, or `fallback` when it is not a number.
int ProcessExitCode(Runtime& rt, int fallback);
struct FinishOptions {
  int code = 0;                // the status when process.exitCode is unset
  bool set_exit_code = false;  // store `code` in process.exitCode first (errors, process.exit(n))
};
// The program ends: emits 'exit' (once per run; process._exiting) and puts the exit status in
// *status (process.exitCode after the listeners, else options.code). False: an 'exit' listener
// threw (exception pending, *status is 1).
bool FinishProcess(Runtime& rt, const FinishOptions& options, int* status);

// ---- process signals and warnings (builtins_process_signals.cc) ------------------------------
// process.kill and process.emitWarning.
void InstallProcessSignals(Runtime& rt, Handle process);
// Once process is an EventEmitter: node's own listeners ('newListener'/'removeListener' start and
// stop signal handlers; the 'warning' printer unless --no-warnings). False: exception pending.
bool InstallProcessHooks(Runtime& rt);
// Emits the event of one signal that arrived since the last call (node's poll phase; the caller
// runs microtasks and calls again until it returns 0). The number of events emitted (1, or 2 for
// an alias with listeners on both names), 0 when nothing is pending, or -1 when a listener
// threw (exception pending).
int DeliverProcessSignals(Runtime& rt);
// Sleeps `ms`, or less when a signal arrives first (then true).
bool WaitForTimerOrSignal(double ms);

void InstallCoreBuiltins(Runtime& rt, Handle global);
void InstallArrayBuiltins(Runtime& rt, Handle global);
void InstallStringBuiltins(Runtime& rt, Handle global);
void InstallJsonBuiltins(Runtime& rt, Handle global);  // builtins_json.cc
void InstallNumberBuiltins(Runtime& rt, Handle global);
void InstallUriBuiltins(Runtime& rt, Handle global);
void InstallCollectionBuiltins(Runtime& rt, Handle global);
void InstallSymbolBuiltins(Runtime& rt, Handle global);
void InstallWeakBuiltins(Runtime& rt, Handle global);
void InstallBufferBuiltins(Runtime& rt, Handle global);
void InstallPromiseBuiltins(Runtime& rt, Handle global);
void InstallWebBuiltins(Runtime& rt, Handle global);  // structuredClone, atob, btoa, DOMException,
                                                      // TextEncoder, TextDecoder
void InstallWrapperBuiltins(Runtime& rt, Handle global);  // Boolean.prototype.toString/valueOf

// ---- Primitive wrappers (builtins_wrappers.cc) -----------------------------------------------------
// A Kind::kBoxed wrapper of `primitive` (string, number, boolean or symbol) whose prototype is
// `prototype`, or the primitive's %X.prototype% when that is not an object. May allocate.
Value NewPrimitiveWrapper(Runtime& rt, Handle primitive, Handle prototype);
// `new Number(x)`, `new String(x)`, `new Boolean(x)`: the wrapper with new.target's `prototype`.
// Empty when reading it threw.
Value ConstructPrimitiveWrapper(Runtime& rt, Handle primitive);
// ToObject (ECMA-262 §7.1.18): objects as they are, primitives wrapped, TypeError (empty) for
// null and undefined.
Value ToObjectValue(Runtime& rt, Handle value);
// The primitive a wrapper holds, or empty for any other value. No allocation.
Value PrimitiveWrapperValue(Value v);

// InstallErrorCause (ECMA-262 §20.5.8.1): when `options` is an object with a `cause` property,
// defines the error's own non-enumerable `cause` from it. False: a getter or proxy trap threw.
// (builtins_core.cc)
bool InstallErrorCause(Runtime& rt, Handle error, Handle options);
// node's internal errors (lib/internal/errors.js NodeError): a `type` error with an own `code`
// whose stack is headed "TypeError [ERR_X]: message" (node shows the code in the name while the
// stack is captured; `name` stays "TypeError").
Value NewNodeError(Runtime& rt, ErrorType type, std::string_view code, std::string_view message);

// Error.prototype.toString (ECMA-262 §20.5.3.4) of `error`: "name: message" from its own or
// inherited name (default "Error") and message; empty when reading them throws.
Value ErrorToString(Runtime& rt, Handle error);

// ---- os module (builtins_os.cc) -----------------------------------------------------------------------
// The exports of require('os') / require('node:os'), made on first require (modules.cc).
Value NewOsModule(Runtime& rt);

// The receiver a builtin constructor (Map, Set, WeakMap, WeakSet, WeakRef, FinalizationRegistry)
// allocates: an object of `kind` whose prototype is new.target's `prototype`, or roots_[fallback]
// when that is not an object. Throws "Constructor <name> requires 'new'" without new.target;
// empty when it threw. (builtins_collections.cc)
Value NewBuiltinInstance(Runtime& rt, Kind kind, const char* name, Root fallback_proto);

// ---- Symbols and iteration (builtins_symbol.cc) --------------------------------------------------
// Function.prototype[Symbol.hasInstance](value): OrdinaryHasInstance(this, value).
Value FunctionPrototypeHasInstance(Runtime& rt, Handle self, Args args);
// Symbol.toStringTag on Math, JSON and the collection/Promise/Symbol/Generator prototypes; called
// after every other builtin is installed.
void InstallToStringTags(Runtime& rt, Handle global);
// Date.prototype[Symbol.toPrimitive] (builtins_date.cc), once Symbol.toPrimitive exists.
void InstallDateToPrimitive(Runtime& rt);
Value NewSymbol(Runtime& rt, Handle description, bool is_private);
// Symbol.for(key): the registry's symbol for `key`, made on first use (builtins_reflect.cc).
Value RegisteredSymbol(Runtime& rt, std::string_view key);
// "Symbol(desc)" (Symbol.prototype.toString, console.log).
std::string SymbolDescriptiveString(Runtime& rt, Value symbol);
// A native iterator object ({ next() } with [Symbol.iterator]() returning itself) over the
// runtime's iterator record `record` (Runtime::ForOfPrepare).
Value NewNativeIterator(Runtime& rt, Handle record);
// The record of a native iterator object, or empty for any other value.
Value NativeIteratorRecord(Value iterator);

// ---- Map/Set hash tables (builtins_collections.cc) -------------------------------------------------
// The identity hash of any value hashed by identity (objects, symbols): objects get a lazily
// created hidden property, so the hash survives moves. May allocate.
bool IdentityHash(Runtime& rt, Handle object, int64_t* hash);
// Iteration over a Map/Set: the record holds the collection's table; steps follow the table to
// its successor when the collection was rehashed or cleared during the iteration.
Value CollectionIterationTable(Value collection);
// What one step yields: the key, the value, a [key, value] array, or [key, key] (a Set's entries).
enum class EntryView { kKey, kValue, kEntry, kKeyTwice };
bool CollectionIteratorStep(Runtime& rt, Handle record, EntryView view, Value* out, bool* done);
// Entry slots of a Map/Set in insertion order; false for a deleted slot (console.log).
int64_t CollectionSlotCount(Value collection);
bool CollectionEntry(Value collection, int64_t slot, Value* key, Value* value);

// ---- Weak references and finalization (builtins_weak.cc) ----------------------------------------
// Runs at every job boundary (after the main script, after each timer task): empties the WeakRef
// keep-alive set and calls FinalizationRegistry cleanup callbacks for targets that a GC found dead.
// False: a callback threw (exception pending).
bool RunJobBoundaryTasks(Runtime& rt);

// ---- Promises (builtins_promise.cc) ----------------------------------------------------------------
bool IsPromise(Value v);
Value NewPromise(Runtime& rt);  // pending, prototype Promise.prototype
// The promise's resolve function body (§27.2.1.3.2): adopts thenables through a job.
bool ResolvePromise(Runtime& rt, Handle promise, Handle resolution);
void RejectPromise(Runtime& rt, Handle promise, Handle reason);
// PromiseResolve(%Promise%, value): `value` itself when it is a plain Promise. Empty on throw.
Value PromiseResolve(Runtime& rt, Handle value);
// PerformPromiseThen; `derived` (or undefined) receives the handler's outcome; `activation` (or
// undefined) is a suspended async function resumed with the outcome instead of the handlers.
void PerformPromiseThen(Runtime& rt, Handle promise, Handle on_fulfilled, Handle on_rejected,
                        Handle derived, Handle activation);

// ---- Buffer (builtins_buffer.cc) --------------------------------------------------------------------
std::string InspectBuffer(Value buffer);
// Bytes held by live Buffers' backing stores (process.memoryUsage().arrayBuffers).
size_t BufferBytesInUse(Runtime& rt);
// Frees every backing store (runtime teardown).
void ReleaseBackingStores(BuiltinsState& state);

// Per-runtime C++ state of the builtins above. Owned by the Runtime, destroyed before its heap.
struct BackingStore;
struct BuiltinsState {
  explicit BuiltinsState(Runtime& rt);
  ~BuiltinsState();
  Runtime& runtime;
  // WeakRef targets kept alive until the end of the current job (ECMA-262 AddToKeptObjects); a root.
  std::vector<Value> kept_alive;
  // Every FinalizationRegistry, weakly; and whether a full GC ran since their cells were checked.
  std::vector<tenure::Global<>> registries;
  bool full_gc_since_check = false;
  // Live Buffer backing stores (malloc) and their total size.
  std::unordered_set<BackingStore*> stores;
  size_t store_bytes = 0;
  int root_visitor_id = 0;
  uint64_t next_symbol_hash = 0x9e3779b9;
  tenure::Global<> symbol_registry;  // Symbol.for's key -> symbol object (builtins_reflect.cc)
  std::mt19937_64 random;  // Math.random
  std::shared_ptr<void> v8_state;  // the v8 module's GCProfiler sessions (builtins_v8.cc)
};
BuiltinsState& EnsureBuiltinsState(Runtime& rt);

}  // namespace tenure::js
