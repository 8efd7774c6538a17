// process as an EventEmitter, and how the program ends: 'beforeExit', 'exit', process.exitCode.
//
// node's process inherits from EventEmitter.prototype through a prototype object of its own.
// Requiring `events` at start-up would compile the events and util modules for every script, so
// that prototype object starts as a plain object holding stubs of the EventEmitter methods. The
// first call of a stub requires 'events'; the module's last statement calls
// internal.makeProcessEmitter(EventEmitter.prototype) (AdoptEmitterPrototype), which deletes the
// stubs and makes EventEmitter.prototype the prototype object's [[Prototype]]. A plain
// `require('events')` upgrades process the same way, so `process instanceof EventEmitter` holds
// whenever a script can name EventEmitter.
//
// Invariants:
//  - The original process object is roots_[kRootProcess] (a script may replace the global
//    `process`; the runtime keeps emitting on the original, as node does).
//  - Until the upgrade nobody can have added a listener, so the end-of-program paths look for
//    listeners without loading anything (HasProcessListener reads process._events).
//  - 'exit' is emitted at most once: process._exiting turns true before the emit (node's flag).
#include <initializer_list>
#include <utility>
#include <vector>

#include "builtins.h"
#include "modules.h"

namespace tenure::js {

namespace {

constexpr const char* kEmitterMethods[] = {
    "on",        "addListener",   "once",      "prependListener", "prependOnceListener",
    "off",       "removeListener", "removeAllListeners", "emit",  "listeners",
    "rawListeners", "listenerCount", "eventNames", "setMaxListeners", "getMaxListeners"};

Value OriginalProcess(Runtime& rt) { return rt.root(kRootProcess); }

// The stub for kEmitterMethods[I]: loads 'events' (which replaces every stub), then calls the
// real method on the receiver with the same arguments.
template <size_t I>
Value EmitterStub(Runtime& rt, Handle self, Args args) {
  tenure::HandleScope scope(rt.heap());
  Handle events = Handle::New(rt.heap(), LoadInternalBuiltin(rt, "events"));
  if (events.value().IsEmpty()) return Value();
  Handle key = Handle::New(rt.heap(), rt.Intern("prototype"));
  Handle proto = Handle::New(rt.heap(), rt.GetNamed(events, key));
  if (!IsJSObject(proto.value())) return rt.ThrowTypeError("events: EventEmitter.prototype is not an object");
  Handle name = Handle::New(rt.heap(), rt.Intern(kEmitterMethods[I]));
  Handle method = Handle::New(rt.heap(), rt.GetNamed(proto, name));
  if (!rt.IsCallable(method.value())) return rt.ThrowTypeError(std::string("process.") + kEmitterMethods[I] + " is not a function");
  std::vector<Value> copy(args.base, args.base + args.count);  // Call copies onto the stack before any GC
  return rt.Call(method, self, copy.data(), static_cast<int>(copy.size()));
}

template <size_t... I>
void DefineEmitterStubs(Runtime& rt, Handle holder, std::index_sequence<I...>) {
  (rt.DefineNative(holder, kEmitterMethods[I], EmitterStub<I>, 2), ...);
}

}  // namespace

// internal.makeProcessEmitter(proto): called once by the events module with
// EventEmitter.prototype. Idempotent; leaves a process whose prototype a script replaced alone.
Value MakeProcessEmitter(Runtime& rt, Handle self, Args args) {
  (void)self;
  tenure::HandleScope scope(rt.heap());
  Handle process = Handle::New(rt.heap(), OriginalProcess(rt));
  if (!IsJSObject(process.value()) || !IsJSObject(args.get(0))) return kUndefined;
  Handle holder = Handle::New(rt.heap(), process.value().As<JSObject>()->proto);
  if (!IsJSObject(holder.value()) || holder.value().As<JSObject>()->proto != rt.root(kRootObjectPrototype)) {
    return kUndefined;  // already upgraded, or a script gave process another prototype
  }
  for (const char* name : kEmitterMethods) {
    Handle key = Handle::New(rt.heap(), rt.Intern(name));
    rt.DeleteProperty(holder, key);
  }
  JSObject* object = holder.value().As<JSObject>();
  tenure::Store(object, &object->proto, args.get(0));
  return InstallProcessHooks(rt) ? kUndefined : Value();  // builtins_process_signals.cc
}

namespace {

// True when process has at least one listener for `event` (no module is loaded to find out).
bool HasProcessListener(Runtime& rt, Handle process, std::string_view event) {
  tenure::HandleScope scope(rt.heap());
  Handle events_key = Handle::New(rt.heap(), rt.Intern("_events"));
  Handle events = Handle::New(rt.heap(), rt.GetNamed(process, events_key));
  if (!IsJSObject(events.value())) return false;
  Handle key = Handle::New(rt.heap(), rt.Intern(event));
  Value listeners = rt.GetNamed(events, key);
  return !listeners.IsEmpty() && listeners != kUndefined;
}

void SetProcessProperty(Runtime& rt, Handle process, std::string_view name, Value value) {
  tenure::HandleScope scope(rt.heap());
  Handle v = Handle::New(rt.heap(), value);
  Handle key = Handle::New(rt.heap(), rt.Intern(name));
  rt.SetNamed(process, key, v);
}

// process.exitCode as an exit status: its integer value, or `fallback` when it is not a number.
int ExitCodeOf(Runtime& rt, Handle process, int fallback) {
  tenure::HandleScope scope(rt.heap());
  Handle key = Handle::New(rt.heap(), rt.Intern("exitCode"));
  Value code = rt.GetNamed(process, key);
  if (code.IsEmpty() || !IsNumber(code)) return fallback;
  double d = NumberValue(code);
  return d == d ? static_cast<int>(static_cast<int64_t>(d)) : fallback;
}

}  // namespace

void InstallProcessEvents(Runtime& rt, Handle process) {
  tenure::HandleScope scope(rt.heap());
  Handle holder = Handle::New(rt.heap(), rt.NewPlainObject());
  DefineEmitterStubs(rt, holder, std::make_index_sequence<std::size(kEmitterMethods)>());
  JSObject* object = process.value().As<JSObject>();
  tenure::Store(object, &object->proto, holder.value());
  SetDataProperty(rt, process, "_exiting", kFalse);
  InstallProcessSignals(rt, process);  // kill, emitWarning
  rt.set_root(kRootProcess, process.value());
}

bool EmitProcessEvent(Runtime& rt, std::string_view event, std::initializer_list<Handle> args) {
  tenure::HandleScope scope(rt.heap());
  Handle process = Handle::New(rt.heap(), OriginalProcess(rt));
  if (!IsJSObject(process.value()) || !HasProcessListener(rt, process, event)) return true;
  Handle emit_key = Handle::New(rt.heap(), rt.Intern("emit"));
  Handle emit = Handle::New(rt.heap(), rt.GetNamed(process, emit_key));
  if (emit.value().IsEmpty()) return false;
  if (!rt.IsCallable(emit.value())) return true;
  Handle name = Handle::New(rt.heap(), rt.Intern(event));
  std::vector<Value> call_args{name.value()};  // no allocation until Call copies them
  for (Handle arg : args) call_args.push_back(arg.value());
  return !rt.Call(emit, process, call_args.data(), static_cast<int>(call_args.size())).IsEmpty();
}

bool EmitProcessEvent(Runtime& rt, std::string_view event, Value smi_arg) {
  tenure::HandleScope scope(rt.heap());
  Handle arg = Handle::New(rt.heap(), smi_arg);
  return EmitProcessEvent(rt, event, {arg});
}

bool HasProcessListener(Runtime& rt, std::string_view event) {
  tenure::HandleScope scope(rt.heap());
  Handle process = Handle::New(rt.heap(), OriginalProcess(rt));
  return IsJSObject(process.value()) && HasProcessListener(rt, process, event);
}

UncaughtHandling HandleUncaughtException(Runtime& rt, std::string_view origin) {
  if (!rt.has_exception() || !HasProcessListener(rt, "uncaughtException")) return UncaughtHandling::kNoListener;
  tenure::HandleScope scope(rt.heap());
  Handle error = Handle::New(rt.heap(), rt.TakeException());
  Handle origin_string = Handle::New(rt.heap(), rt.Intern(origin));
  if (!EmitProcessEvent(rt, "uncaughtException", {error, origin_string})) return UncaughtHandling::kListenerThrew;
  return UncaughtHandling::kHandled;
}

int ProcessExitCode(Runtime& rt, int fallback) {
  tenure::HandleScope scope(rt.heap());
  Handle process = Handle::New(rt.heap(), OriginalProcess(rt));
  return IsJSObject(process.value()) ? ExitCodeOf(rt, process, fallback) : fallback;
}

bool FinishProcess(Runtime& rt, const FinishOptions& options, int* status) {
  tenure::HandleScope scope(rt.heap());
  *status = options.code;
  Handle process = Handle::New(rt.heap(), OriginalProcess(rt));
  if (!IsJSObject(process.value())) return true;
  if (options.set_exit_code) SetProcessProperty(rt, process, "exitCode", Value::FromSmi(options.code));
  *status = ExitCodeOf(rt, process, options.code);
  Handle exiting_key = Handle::New(rt.heap(), rt.Intern("_exiting"));
  if (rt.GetNamed(process, exiting_key) == kTrue) return true;
  SetProcessProperty(rt, process, "_exiting", kTrue);
  if (!EmitProcessEvent(rt, "exit", Value::FromSmi(*status))) return (*status = 1, false);
  *status = ExitCodeOf(rt, process, *status);
  return true;
}

}  // namespace tenure::js
