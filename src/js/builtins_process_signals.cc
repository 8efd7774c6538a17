// process signals and warnings, as node 20 has them: process.on('SIGINT' | 'SIGUSR2' | ...),
// process.kill(pid[, signal]), process.emitWarning(...) and the 'warning' event.
//
// Signals: the first listener for a signal name installs OnSignal with sigaction (node starts a
// uv signal watcher from process's 'newListener' hook; ours is the same hook, installed when
// process becomes an EventEmitter: InstallProcessHooks), the removal of the last one restores
// the action that was there before (SIG_DFL, or the --heapsnapshot-signal handler). OnSignal
// only sets a flag and writes a byte to a self-pipe (async-signal-safe); the event loop waits on
// that pipe instead of sleeping (WaitForTimerOrSignal) and emits the signal event on the JS
// thread (DeliverProcessSignals) in the place of node's poll phase: after a timer callback, and
// when the next timer is not yet due. A signal never keeps the loop alive, and a busy script
// sees its signals only when it returns to the loop — both as in node.
//
// Warnings: process.emitWarning is the embedded module '%process' below (node's
// lib/internal/process/warning.js); the default 'warning' listener (not with --no-warnings)
// formats the warning and prints it with internal.emitWarning (modules.cc), the one printer of
// "(node:PID) ..." lines, which the events, util and assert modules reach through
// process.emitWarning too.
//
// Invariants:
//  - g_installed[s] is true exactly while OnSignal is signal s's action; g_previous[s] holds the
//    action it replaced, and OnSignal chains to it when it is a handler function.
//  - g_pending[s] is raised only by OnSignal and cleared only by DeliverProcessSignals.
//  - The self-pipe exists once the first signal listener was added, and stays (non-blocking).
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <string>
#include <thread>
#include <utility>

#include "builtins.h"
#include "modules.h"
#include "options.h"

namespace tenure::js {

namespace {

// node's os.constants.signals on Linux (the names process.kill and process.on accept).
constexpr std::pair<const char*, int> kSignals[] = {
    {"SIGHUP", SIGHUP},   {"SIGINT", SIGINT},       {"SIGQUIT", SIGQUIT},     {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT},     {"SIGIOT", SIGIOT},       {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE},   {"SIGKILL", SIGKILL},     {"SIGUSR1", SIGUSR1},     {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE},     {"SIGALRM", SIGALRM},     {"SIGTERM", SIGTERM},
    {"SIGCHLD", SIGCHLD}, {"SIGCONT", SIGCONT},     {"SIGSTOP", SIGSTOP},     {"SIGTSTP", SIGTSTP},
    {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU},     {"SIGURG", SIGURG},       {"SIGXCPU", SIGXCPU},
    {"SIGXFSZ", SIGXFSZ}, {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF},     {"SIGWINCH", SIGWINCH},
    {"SIGIO", SIGIO},     {"SIGSYS", SIGSYS},
#ifdef SIGSTKFLT
    {"SIGSTKFLT", SIGSTKFLT},
#endif
#ifdef SIGPOLL
    {"SIGPOLL", SIGPOLL},
#endif
#ifdef SIGPWR
    {"SIGPWR", SIGPWR},
#endif
};

constexpr int kSignalLimit = 65;  // above every signal number in kSignals

// Signals received and not yet emitted (lock-free atomics are async-signal-safe); a count, so
// that two kill()s make two events, as in node.
std::atomic<int> g_pending[kSignalLimit];
static_assert(std::atomic<int>::is_always_lock_free);
bool g_installed[kSignalLimit];
struct sigaction g_previous[kSignalLimit];
int g_wake_pipe[2] = {-1, -1};

bool IsInt32(double d) { return d >= INT32_MIN && d <= INT32_MAX && d == std::trunc(d); }


// The handler of every signal with listeners; async-signal-safe (flag, pipe write, chaining).
void OnSignal(int signo) {
  const int saved_errno = errno;
  g_pending[signo].fetch_add(1, std::memory_order_relaxed);
  const char byte = 0;
  (void)!write(g_wake_pipe[1], &byte, 1);  // a full pipe already wakes the loop
  const struct sigaction& previous = g_previous[signo];
  if ((previous.sa_flags & SA_SIGINFO) == 0 && previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
    previous.sa_handler(signo);  // e.g. --heapsnapshot-signal's handler: both keep working
  }
  errno = saved_errno;
}

bool MakeWakePipe() {
  if (g_wake_pipe[0] >= 0) return true;
  int fds[2];
  if (pipe(fds) != 0) return false;
  for (int fd : fds) {
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    fcntl(fd, F_SETFD, FD_CLOEXEC);
  }
  g_wake_pipe[0] = fds[0];
  g_wake_pipe[1] = fds[1];
  return true;
}

// process's 'newListener' listener: the first listener of a signal name installs OnSignal (other
// names: no-op).
TENURE_NATIVE(StartListening) {
  (void)self;
  const int signo = IsString(args.get(0)) ? SignalNumber(rt.ToStdString(args.get(0))) : 0;
  if (signo == 0 || g_installed[signo] || !MakeWakePipe()) return kUndefined;
  struct sigaction action = {};
  action.sa_handler = OnSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  if (sigaction(signo, &action, &g_previous[signo]) == 0) g_installed[signo] = true;
  return kUndefined;  // SIGKILL / SIGSTOP: sigaction fails, node throws (not done, see runtime.md)
}

// process's 'removeListener' listener: once a signal has no listeners (under any of its names),
// restores the action OnSignal replaced.
TENURE_NATIVE(StopListening) {
  (void)self;
  const int signo = IsString(args.get(0)) ? SignalNumber(rt.ToStdString(args.get(0))) : 0;
  if (signo == 0 || !g_installed[signo]) return kUndefined;
  // An alias (SIGIOT/SIGABRT, SIGPOLL/SIGIO) may still have listeners.
  for (const auto& [name, number] : kSignals) {
    if (number == signo && HasProcessListener(rt, name)) return kUndefined;
  }
  sigaction(signo, &g_previous[signo], nullptr);
  g_installed[signo] = false;
  return kUndefined;
}

TENURE_NATIVE(OriginalProcess) {
  (void)self, (void)args;
  return rt.root(kRootProcess);
}

// An errno exception as node's process.kill throws it: Error 'kill ESRCH', errno -3, code, syscall.
Value NewErrnoError(Runtime& rt, int error, const char* syscall) {
  tenure::HandleScope scope(rt.heap());
  const char* code = error == ESRCH ? "ESRCH" : error == EPERM ? "EPERM" : error == EINVAL ? "EINVAL" : "EIO";
  Handle e = Handle::New(rt.heap(), NewNodeError(rt, ErrorType::kError, code, std::string(syscall) + " " + code));
  SetDataProperty(rt, e, "errno", Value::FromSmi(-error));
  SetDataProperty(rt, e, "syscall", rt.NewString(syscall));
  return e.value();
}

// process.kill(pid[, signal]): node's checks (pid == pid|0; an int32 signal is passed on as is,
// anything else must name a signal; missing/falsy means SIGTERM). True, or throws.
// True when a 'signo' listener (under any of its names) is installed, i.e. the signal is caught.
bool ListensFor(Runtime& rt, int signo) {
  for (const auto& [name, number] : kSignals) {
    if (number == signo && HasProcessListener(rt, name)) return true;
  }
  return false;
}

TENURE_NATIVE(ProcessKill) {
  (void)self;
  tenure::HandleScope scope(rt.heap());
  Handle pid_arg = Handle::New(rt.heap(), args.get(0));
  double pid = 0;
  if (!IsNumber(pid_arg.value()) && !IsString(pid_arg.value())) pid = NAN;
  else if (!rt.ToNumber(pid_arg, &pid)) return Value();
  if (!IsInt32(pid)) {
    return rt.Throw(NewNodeError(rt, ErrorType::kTypeError, "ERR_INVALID_ARG_TYPE",
                                 "The \"pid\" argument must be of type number. " + DescribeReceivedValue(rt, pid_arg)));
  }
  Handle sig = Handle::New(rt.heap(), args.get(1));
  int signo = 0;
  if (IsNumber(sig.value()) && IsInt32(NumberValue(sig.value()))) {
    signo = static_cast<int32_t>(NumberValue(sig.value()));
  } else if (!rt.ToBoolean(sig.value())) {
    signo = SIGTERM;
  } else if (!IsString(sig.value()) || (signo = SignalNumber(rt.ToStdString(sig.value()))) == 0) {
    std::string shown;
    if (IsJSObject(sig.value())) {
      shown = rt.Inspect(sig);
    } else {
      Value text = rt.ToString(sig);
      if (text.IsEmpty()) return Value();
      shown = rt.ToStdString(text);
    }
    return rt.Throw(NewNodeError(rt, ErrorType::kTypeError, "ERR_UNKNOWN_SIGNAL", "Unknown signal: " + shown));
  }
  if (rt.sandboxed() && !(static_cast<pid_t>(pid) == getpid() && (signo == 0 || ListensFor(rt, signo)))) {
    // A sandboxed run (the interpreter fuzzer) may only signal itself with a signal it has a
    // listener for: any other signal or process could end or stop the fuzzer or hit its parent.
    return rt.ThrowError(ErrorType::kError, "process.kill is disabled (sandboxed) for this pid or signal");
  }
  std::fflush(stdout);  // a signal that ends this process must not lose printed output
  if (kill(static_cast<pid_t>(pid), signo) != 0) return rt.Throw(NewErrnoError(rt, errno, "kill"));
  return kTrue;
}

// Calls '%process'.<name> (the module below, compiled on first use) with the same receiver and
// arguments.
Value CallProcessModule(Runtime& rt, const char* name, Handle self, Args args) {
  tenure::HandleScope scope(rt.heap());
  Handle exports = Handle::New(rt.heap(), LoadInternalBuiltin(rt, "%process"));
  if (exports.value().IsEmpty()) return Value();
  Handle key = Handle::New(rt.heap(), rt.Intern(name));
  Handle fn = Handle::New(rt.heap(), rt.GetNamed(exports, key));
  if (!rt.IsCallable(fn.value())) return rt.ThrowTypeError(std::string("%process.") + name + " is not a function");
  std::vector<Value> copy(args.base, args.base + args.count);  // Call copies onto the stack before any GC
  return rt.Call(fn, self, copy.data(), static_cast<int>(copy.size()));
}

TENURE_NATIVE(ProcessEmitWarning) { return CallProcessModule(rt, "emitWarning", self, args); }
TENURE_NATIVE(OnWarning) { return CallProcessModule(rt, "onWarning", self, args); }

}  // namespace

int SignalNumber(std::string_view name) {
  for (const auto& [n, number] : kSignals) if (name == n) return number;
  return 0;
}

extern const char kProcessModuleSource[] = R"JS('use strict';
const internal = require('%internal');
const proc = require('%signals').process();  // the original process (a script may replace the global)

// node's default 'warning' listener: "[CODE] Name: message" and the detail, to the one printer.
function onWarning(warning) {
  if (!(warning instanceof Error)) return;
  let text = warning.code ? '[' + warning.code + '] ' : '';
  text += typeof warning.toString === 'function' ? `${warning.toString()}` : Error.prototype.toString.call(warning);
  if (typeof warning.detail === 'string') text += '\n' + warning.detail;
  internal.emitWarning(text);
}

function createWarning(message, type, code, detail) {
  const warning = new Error(message);
  warning.name = String(type || 'Warning');
  if (code !== undefined) warning.code = code;
  if (detail !== undefined) warning.detail = detail;
  return warning;
}

// process.emitWarning(warning[, type[, code]][, ctor]) or (warning, { type, code, detail, ctor }):
// node's argument checks; the 'warning' event follows on the next tick.
function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined && typeof type !== 'string') throw internal.invalidArgTypeError('type', 'of type string', type);
  if (typeof code === 'function') {
    code = undefined;
  } else if (code !== undefined && typeof code !== 'string') {
    throw internal.invalidArgTypeError('code', 'of type string', code);
  }
  if (typeof warning === 'string') {
    warning = createWarning(warning, type, code, detail);
  } else if (!(warning instanceof Error)) {
    throw internal.invalidArgTypeError('warning', 'of type string or an instance of Error', warning);
  }
  proc.nextTick(() => proc.emit('warning', warning));
}

module.exports = { emitWarning, onWarning };
)JS";

Value NewProcessSignalsBinding(Runtime& rt) {
  tenure::HandleScope scope(rt.heap());
  Handle binding = Handle::New(rt.heap(), rt.NewPlainObject());
  rt.DefineNative(binding, "process", OriginalProcess, 0);
  return binding.value();
}

void InstallProcessSignals(Runtime& rt, Handle process) {
  rt.DefineNative(process, "kill", ProcessKill, 2);
  rt.DefineNative(process, "emitWarning", ProcessEmitWarning, 4);
}

// Natives, so that loading 'events' does not compile '%process' (only a warning does).
bool InstallProcessHooks(Runtime& rt) {
  tenure::HandleScope scope(rt.heap());
  Handle process = Handle::New(rt.heap(), rt.root(kRootProcess));
  Handle on_key = Handle::New(rt.heap(), rt.Intern("on"));
  Handle on = Handle::New(rt.heap(), rt.GetNamed(process, on_key));
  if (on.value().IsEmpty()) return false;
  if (!rt.IsCallable(on.value())) return true;
  struct Hook {
    const char* event;
    const char* name;  // node's names for these listeners
    NativeFn fn;
  };
  const Hook hooks[] = {{"newListener", "startListeningIfSignal", StartListening},
                        {"removeListener", "stopListeningIfSignal", StopListening},
                        {"warning", "onWarning", OnWarning}};
  for (const Hook& hook : hooks) {
    if (hook.fn == OnWarning && rt.options().no_warnings) continue;  // --no-warnings: node adds none
    Handle event = Handle::New(rt.heap(), rt.Intern(hook.event));
    Handle listener = Handle::New(rt.heap(), rt.NewNativeFunction(hook.name, hook.fn, 1));
    Value call_args[] = {event.value(), listener.value()};
    if (rt.Call(on, process, call_args, 2).IsEmpty()) return false;
  }
  return true;
}

int DeliverProcessSignals(Runtime& rt) {
  if (g_wake_pipe[0] < 0) return 0;
  char drain[64];
  while (read(g_wake_pipe[0], drain, sizeof drain) > 0) {
  }
  tenure::HandleScope scope(rt.heap());
  for (int signo = 1; signo < kSignalLimit; ++signo) {
    while (g_pending[signo].load() > 0) {
      g_pending[signo].fetch_sub(1);
      int delivered = 0;
      for (const auto& [name, number] : kSignals) {  // both names of an alias get the event
        if (number != signo || !HasProcessListener(rt, name)) continue;
        ++delivered;
        if (!EmitProcessEvent(rt, name, {Handle::New(rt.heap(), rt.Intern(name)),
                                         Handle::New(rt.heap(), Value::FromSmi(signo))})) {
          return -1;
        }
      }
      if (delivered > 0) return delivered;
    }
  }
  return 0;
}

bool WaitForTimerOrSignal(double ms) {
  if (g_wake_pipe[0] < 0) {
    std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(ms));
    return false;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double, std::milli>(ms);
  for (;;) {
    const double left = std::chrono::duration<double, std::milli>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) return false;
    struct pollfd fd = {g_wake_pipe[0], POLLIN, 0};
    const int ready = poll(&fd, 1, static_cast<int>(std::ceil(left)));
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) {
      std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(left));
      return false;
    }
  }
}

}  // namespace tenure::js
