#include "runtime.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <sys/mman.h>

#include "builtins.h"
#include "compiler.h"
#include "generators.h"
#include "heap_snapshot.h"
#include "modules.h"
#include "object_names.h"
#include "parser.h"
#include "scope.h"
#include "syntax_error.h"

namespace tenure::js {

namespace {

tenure::HeapConfig MakeHeapConfig(const RuntimeOptions& o) {
  tenure::HeapConfig config;
  if (o.max_old_space_mb > 0) config.max_old_space_size = o.max_old_space_mb * tenure::MB;
  if (o.max_semi_space_mb > 0) {
    config.max_semi_space_size = o.max_semi_space_mb * tenure::MB;
    if (config.initial_semi_space_size > config.max_semi_space_size) {
      config.initial_semi_space_size = config.max_semi_space_size;
    }
  }
  config.gc_interval = static_cast<int>(o.gc_interval);
  config.stress_compaction = o.stress_compaction;
  config.allocation_site_pretenuring = o.allocation_site_pretenuring;
  config.trace_pretenuring = o.trace_pretenuring;
  config.stress_pretenuring = o.stress_pretenuring;
  config.incremental_marking = o.incremental_marking;
  config.stress_incremental_marking = o.stress_incremental_marking;
  config.verify_heap = o.verify_heap;
  config.trace_gc = o.trace_gc;
  config.trace_gc_nvp = o.trace_gc_nvp;
  config.trace_gc_verbose = o.trace_gc_verbose;
  if (!o.fast_promotion) config.fast_promotion_survival_percent = 0;
  config.cleared_weak_value = kUndefined;
  return config;
}

}  // namespace

Handle Args::at(int i) const {
  static Value undefined_slot = kUndefined;  // immediate: never moved, never written
  undefined_slot = kUndefined;
  return i < count ? Handle::FromSlot(base + i) : Handle::FromSlot(&undefined_slot);
}

Runtime::Runtime(const RuntimeOptions& options)
    : options_(options), heap_(std::make_unique<tenure::Heap>(MakeHeapConfig(options))) {
  for (Value& v : roots_) v = kUndefined;
  // Each KB of --stack-size buys 128 register slots (1 KB of Values); node's default 984 KB gives
  // roughly 10k frames of a small function, close to node's own limit.
  stack_limit_ = static_cast<size_t>(options.stack_size_kb) * 128 + 1024;
  stack_capacity_ = stack_limit_ + 4096;
  // Zero-filled on first touch; only slots below StackTop() are ever read or scanned, and every
  // frame initialises its registers on entry (EnterFunction).
  size_t stack_bytes = stack_capacity_ * sizeof(Value);
  void* mapping = mmap(nullptr, stack_bytes, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mapping == MAP_FAILED) {
    std::fprintf(stderr, "tenure: cannot map the %zu KB JS value stack\n", stack_bytes / 1024);
    std::exit(134);
  }
  stack_ = std::unique_ptr<Value[], ValueStackDeleter>(static_cast<Value*>(mapping),
                                                       ValueStackDeleter{stack_bytes});
  // Every frame uses more than kFixedRegs slots, so this bounds the frame count: frames_ never
  // reallocates and Frame pointers held by the interpreter stay valid across calls.
  frames_.reserve(stack_limit_ / kFixedRegs + 64);
  clock_origin_ms_ = NowMs();
  root_visitor_ids_ = {
      heap_->AddRootVisitor(tenure::RootKind::kStack, "js stack",
                            [this](tenure::ObjectVisitor& v) { VisitStackRoots(v); }),
      heap_->AddRootVisitor(tenure::RootKind::kRuntime, "js runtime",
                            [this](tenure::ObjectVisitor& v) { VisitRuntimeRoots(v); }),
      heap_->AddRootVisitor(tenure::RootKind::kRuntime, "js compiled code",
                            [this](tenure::ObjectVisitor& v) { VisitCodeRoots(v); }),
      heap_->AddRootVisitor(tenure::RootKind::kRuntime, "js timers",
                            [this](tenure::ObjectVisitor& v) { VisitTimerRoots(v); })};
  SetUpRoots();
  SetUpBuiltins();
  // The heap's out-of-memory report prints the JS stack (node's "<--- JS stacktrace --->").
  heap_->SetStackTracePrinter(
      [](FILE* out, void* data) {
        std::string trace = static_cast<Runtime*>(data)->CaptureStackTrace();
        if (!trace.empty()) std::fputs((trace.substr(1) + "\n\n").c_str(), out);
      },
      this);
  snapshot_support_ = std::make_unique<HeapSnapshotSupport>(*this);
}

void Runtime::ValueStackDeleter::operator()(Value* stack) const {
  if (stack != nullptr) munmap(stack, bytes);
}

Runtime::~Runtime() {
  RemoveExecutionBudgetHooks();
  snapshot_support_.reset();
  for (int id : root_visitor_ids_) heap_->RemoveRootVisitor(id);
}

double Runtime::NowMs() const {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// Every root the runtime owns, in four visitors (stack, runtime tables, compiled code, timers).
// Slots are updated in place when objects move.
void Runtime::VisitStackRoots(tenure::ObjectVisitor& v) {
  v.VisitSlot(&pending_exception_);
  v.VisitSlot(&current_new_target_);
  v.VisitSlot(&current_callee_);
  size_t top = StackTop();
  v.VisitSlots(stack_.get(), stack_.get() + top);
}

void Runtime::VisitRuntimeRoots(tenure::ObjectVisitor& v) {
  v.VisitSlots(roots_, roots_ + kRootCount);
  for (auto& entry : interned_) v.VisitSlot(&entry.second);
}

void Runtime::VisitCodeRoots(tenure::ObjectVisitor& v) {
  for (auto& fn : functions_) {
    for (Value& c : fn->constants) v.VisitSlot(&c);
    for (InlineCache& ic : fn->ics) {
      v.VisitSlot(&ic.shape);
      v.VisitSlot(&ic.holder);
      v.VisitSlot(&ic.holder_shape);
      v.VisitSlot(&ic.transition);
    }
  }
}

void Runtime::VisitTimerRoots(tenure::ObjectVisitor& v) {
  for (Timer& t : timers_) {
    v.VisitSlot(&t.callback);
    v.VisitSlot(&t.object);
    for (Value& a : t.args) v.VisitSlot(&a);
  }
  for (Value& job : microtasks_) v.VisitSlot(&job);
  for (Value& job : ticks_) v.VisitSlot(&job);
  for (Value& p : pending_rejections_) v.VisitSlot(&p);
}

int Runtime::AddFunction(std::unique_ptr<FunctionInfo> info) {
  functions_.push_back(std::move(info));
  return static_cast<int>(functions_.size()) - 1;
}

// ---------------------------------------------------------------------------------------------
// Allocation

Value Runtime::NewNumber(double d) {
  if (d == std::floor(d) && d >= -1073741824.0 && d <= 1073741823.0 && !(d == 0 && std::signbit(d))) {
    return Value::FromSmi(static_cast<int64_t>(d));
  }
  HeapNumber* n = heap_->New<HeapNumber>(HeapNumberType());
  n->value = d;
  return Value::FromObject(n);
}

// `text` may point into a heap String, which the allocation below can move: copy it first.
Value Runtime::NewString(std::string_view text) {
  if (text.size() > (1u << 30)) return ThrowError(ErrorType::kRangeError, "Invalid string length");
  std::string copy(text);
  NormalizeWtf8(&copy);  // canonical WTF-8 (string_utf16.h): byte equality is JS equality
  std::string_view s = copy;
  String* str = static_cast<String*>(heap_->Allocate(StringType(), kStringDataOffset + s.size()));
  str->length = static_cast<uint32_t>(s.size());
  str->info = StringInfoFor(s, /*interned=*/false);
  std::memcpy(str->data(), s.data(), s.size());
  return Value::FromObject(str);
}

Value Runtime::Intern(std::string_view text) {
  std::string copy(text);  // `text` may point into a heap String that the allocation moves
  NormalizeWtf8(&copy);
  auto it = interned_.find(copy);
  if (it != interned_.end()) return it->second;
  std::string_view s = copy;
  String* str = static_cast<String*>(heap_->Allocate(StringType(), kStringDataOffset + s.size(),
                                                     tenure::AllocationType::kOld));
  str->length = static_cast<uint32_t>(s.size());
  str->info = StringInfoFor(s, /*interned=*/true);
  std::memcpy(str->data(), s.data(), s.size());
  Value v = Value::FromObject(str);
  interned_.emplace(std::string(s), v);
  return v;
}

Value Runtime::NewFixedArray(int64_t length, Value fill) {
  FixedArray* a = static_cast<FixedArray*>(
      heap_->Allocate(FixedArrayType(), sizeof(HeapObject) + 8 + 8 * static_cast<size_t>(length)));
  a->length = Value::FromSmi(length);
  for (int64_t i = 0; i < length; ++i) a->items()[i] = fill;  // immediates: no barrier needed
  return Value::FromObject(a);
}

// Allocates a JSObject of `type` (one of the layouts in objects.h): the empty shape (read from
// its root after the allocation, which may move it), `proto`, every other field undefined,
// `length` (where the layout has it) Smi 0.
static Value AllocateJSObject(tenure::Heap& heap, const TypeInfo* type, const Value& empty_shape_root,
                              Handle proto) {
  JSObject* o = heap.New<JSObject>(type, type->size);
  o->shape = empty_shape_root;
  o->proto = proto.value();
  Value* body = o->body();
  const size_t words = (type->size - sizeof(HeapObject)) / sizeof(Value);
  for (size_t i = 2; i < words; ++i) body[i] = kUndefined;
  if (HasLengthField(o)) o->length = Value::FromSmi(0);
  return Value::FromObject(o);  // young object: stores above need no barrier
}

Value Runtime::NewObject(Handle proto, Kind kind) {
  const TypeInfo* type = kind == Kind::kObject ? PlainObjectType(kDefaultInlineCapacity) : ObjectType(kind);
  return AllocateJSObject(*heap_, type, roots_[kRootEmptyShape], proto);
}

Value Runtime::NewObjectWithCapacity(Handle proto, int inline_capacity) {
  return AllocateJSObject(*heap_, PlainObjectType(inline_capacity), roots_[kRootEmptyShape], proto);
}

Value Runtime::NewObjectWithInternals(Handle proto) {
  return AllocateJSObject(*heap_, ObjectType(Kind::kObject), roots_[kRootEmptyShape], proto);
}

Value Runtime::NewPlainObject(int inline_capacity) {
  tenure::HandleScope scope(*heap_);
  Handle proto = Handle::New(*heap_, roots_[kRootObjectPrototype]);
  return NewObjectWithCapacity(proto, inline_capacity);
}

Value Runtime::NewArray(int64_t capacity) {
  tenure::HandleScope scope(*heap_);
  Handle elements = Handle::New(*heap_, NewFixedArray(capacity < 4 ? 4 : capacity, kHole));
  Handle proto = Handle::New(*heap_, roots_[kRootArrayPrototype]);
  Value array = NewObject(proto, Kind::kArray);
  array.As<JSObject>()->elements = elements.value();
  return array;
}

Value Runtime::NewContext(Handle parent, int slots) {
  FixedArray* c = static_cast<FixedArray*>(
      heap_->Allocate(ContextType(), sizeof(HeapObject) + 8 + 8 * static_cast<size_t>(slots + 1)));
  c->length = Value::FromSmi(slots + 1);
  c->items()[0] = parent.value();
  for (int i = 1; i <= slots; ++i) c->items()[i] = kUndefined;
  return Value::FromObject(c);
}

Value Runtime::NewFunction(int function_id, Handle context) {
  tenure::HandleScope scope(*heap_);
  Handle proto = Handle::New(*heap_, roots_[kRootFunctionPrototype]);
  Handle fn = Handle::New(*heap_, NewObject(proto, Kind::kFunction));
  JSObject* f = fn.value().As<JSObject>();
  f->internal[0] = context.value();
  f->internal[1] = Value::FromSmi(function_id);
  const FunctionInfo* info = functions_[function_id].get();
  if (info->is_generator) {
    // A generator function's `prototype` inherits from %GeneratorPrototype% (no constructor), an
    // async generator's from %AsyncGeneratorPrototype% (generators.h).
    Handle gen_proto = Handle::New(*heap_, info->is_async ? AsyncGeneratorPrototype(*this)
                                                          : roots_[kRootGeneratorPrototype]);
    Handle prototype = Handle::New(*heap_, NewObject(gen_proto));
    Handle pkey = Handle::New(*heap_, Intern("prototype"));
    DefineOwn(fn, pkey, prototype, kShapeHidden);
  } else if (!info->is_method || info->is_class_ctor) {
    // Ordinary functions get a fresh prototype object whose `constructor` points back.
    Handle prototype = Handle::New(*heap_, NewPlainObject());
    Handle key = Handle::New(*heap_, Intern("constructor"));
    DefineOwn(prototype, key, fn, kShapeHidden);
    Handle pkey = Handle::New(*heap_, Intern("prototype"));
    DefineOwn(fn, pkey, prototype, kShapeHidden);
  }
  return fn.value();
}

Value Runtime::NewNativeFunction(std::string_view name, NativeFn fn, int length) {
  natives_.push_back({std::string(name), fn, length});
  tenure::HandleScope scope(*heap_);
  Handle proto = Handle::New(*heap_, roots_[kRootFunctionPrototype]);
  Value f = NewObject(proto, Kind::kFunction);
  f.As<JSObject>()->internal[1] = Value::FromSmi(-static_cast<int64_t>(natives_.size()));
  return f;
}

void Runtime::DefineNative(Handle holder, std::string_view name, NativeFn fn, int length) {
  tenure::HandleScope scope(*heap_);
  Handle f = Handle::New(*heap_, NewNativeFunction(name, fn, length));
  Handle key = Handle::New(*heap_, Intern(name));
  DefineOwn(holder, key, f, kShapeHidden);
}

std::string Runtime::FunctionName(Value fn) {
  if (!IsKind(fn, Kind::kFunction)) return "";
  int64_t id = fn.As<JSObject>()->internal[1].ToSmi();
  if (id >= 0) return functions_[id]->name;
  return natives_[-id - 1].name;
}

// ---------------------------------------------------------------------------------------------
// Exceptions

Value Runtime::Throw(Value exception) {
  pending_exception_ = exception;
  return Value();
}

Value Runtime::TakeException() {
  Value e = pending_exception_;
  pending_exception_ = Value();
  return e;
}

Value Runtime::NewError(ErrorType type, std::string_view message, int skip_frames) {
  Root proto_root = kRootErrorPrototype;
  const char* name = "Error";
  switch (type) {
    case ErrorType::kError: break;
    case ErrorType::kTypeError: proto_root = kRootTypeErrorPrototype; name = "TypeError"; break;
    case ErrorType::kRangeError: proto_root = kRootRangeErrorPrototype; name = "RangeError"; break;
    case ErrorType::kReferenceError: proto_root = kRootReferenceErrorPrototype; name = "ReferenceError"; break;
    case ErrorType::kSyntaxError: proto_root = kRootSyntaxErrorPrototype; name = "SyntaxError"; break;
    case ErrorType::kURIError: proto_root = kRootURIErrorPrototype; name = "URIError"; break;
    case ErrorType::kEvalError: proto_root = kRootEvalErrorPrototype; name = "EvalError"; break;
  }
  tenure::HandleScope scope(*heap_);
  Handle proto = Handle::New(*heap_, roots_[proto_root]);
  Handle error = Handle::New(*heap_, NewObject(proto, Kind::kError));
  Handle msg = Handle::New(*heap_, NewString(message));
  Handle key = Handle::New(*heap_, Intern("message"));
  DefineOwn(error, key, msg, kShapeHidden);
  int limit = StackTraceLimit();
  Handle stack_value = Handle::New(*heap_, kUndefined);  // V8: no stack when the limit is not a number
  if (limit >= 0) {
    std::string stack = std::string(name) + (message.empty() ? "" : ": ") + std::string(message) +
                        CaptureStackTrace(skip_frames, limit);
    stack_value = Handle::New(*heap_, NewString(stack));
  }
  Handle stack_key = Handle::New(*heap_, Intern("stack"));
  DefineOwn(error, stack_key, stack_value, kShapeHidden);
  // For RefreshErrorStackHeader: the rendered stack and the length of its header.
  JSObject* e = error.value().As<JSObject>();
  tenure::Store(e, &e->internal[0], stack_value.value());
  size_t header = std::strlen(name) + (message.empty() ? 0 : 2 + message.size());
  e->internal[1] = Value::FromSmi(static_cast<int64_t>(header));
  return error.value();
}

// V8 renders an error's stack when it is first read, so its header shows a `name` or `message`
// that a subclass constructor set after super() (`this.name = 'ValidationError'`). tenure renders
// the stack in NewError; when a [[Construct]] returns an error (interpreter kReturn), the header
// is rendered again from the current name and message (Error.prototype.toString) — unless the
// program has replaced the stack or reading name/message throws.
Value Runtime::RefreshErrorStackHeader(Value error) {
  JSObject* e = error.As<JSObject>();
  if (!IsString(e->internal[0]) || !e->internal[1].IsSmi()) return error;
  tenure::HandleScope scope(*heap_);
  Handle object = Handle::New(*heap_, error);
  Handle stack_key = Handle::New(*heap_, Intern("stack"));
  int64_t flags = 0;
  int64_t index = FindOwn(e, stack_key.value(), &flags);
  if (index < 0 || (flags & kShapeAccessor) || ReadSlot(e, index) != e->internal[0]) return error;
  Value header = ErrorToString(*this, object);
  if (header.IsEmpty()) {
    TakeException();
    return object.value();
  }
  std::string text = ToStdString(header);
  e = object.value().As<JSObject>();
  std::string_view old = e->internal[0].As<String>()->view();
  size_t old_header = static_cast<size_t>(e->internal[1].ToSmi());
  if (old_header > old.size() || old.substr(0, old_header) == text) return object.value();
  Handle stack = Handle::New(*heap_, NewString(text + std::string(old.substr(old_header))));
  e = object.value().As<JSObject>();
  WriteSlot(e, index, stack.value());
  tenure::Store(e, &e->internal[0], stack.value());
  e->internal[1] = Value::FromSmi(static_cast<int64_t>(text.size()));
  return object.value();
}

Value Runtime::ThrowError(ErrorType type, std::string_view message) {
  Value e = NewError(type, message);
  return Throw(e);
}

int Runtime::FramesThroughConstructor(Value constructor) const {
  if (!IsKind(constructor, Kind::kFunction)) return 0;
  Value id = constructor.As<JSObject>()->internal[1];
  if (!id.IsSmi() || id.ToSmi() < 0 || id.ToSmi() >= static_cast<int64_t>(functions_.size())) return 0;
  const FunctionInfo* info = functions_[static_cast<size_t>(id.ToSmi())].get();
  for (size_t i = frames_.size(); i > 0; --i) {
    if (frames_[i - 1].construct && frames_[i - 1].info == info) return static_cast<int>(frames_.size() - i + 1);
  }
  return 0;
}

int Runtime::StackTraceLimit() const {
  if (!IsJSObject(roots_[kRootErrorConstructor])) return 10;  // errors made while builtins are set up
  JSObject* error = roots_[kRootErrorConstructor].As<JSObject>();
  auto it = interned_.find("stackTraceLimit");
  int64_t flags = 0;
  int64_t index = it == interned_.end() ? -1 : FindOwn(error, it->second, &flags);
  if (index < 0 || (flags & kShapeAccessor)) return -1;
  Value v = ReadSlot(error, index);
  if (!IsNumber(v)) return -1;
  double d = v.IsSmi() ? static_cast<double>(v.ToSmi()) : v.As<HeapNumber>()->value;
  if (!(d > 0)) return 0;  // NaN and negatives: no frames
  return d >= 2147483647.0 ? 2147483647 : static_cast<int>(d);
}

namespace {

// V8 puts the receiver's type before a function name only when the name is made of identifier
// characters (node 20: `Object.f`, but `get g [as g]`, `a.b`, `[desc]`, `x y` stand alone).
bool IsIdentifierLike(std::string_view s) {
  for (unsigned char c : s) {
    if (!(std::isalnum(c) || c == '_' || c == '$' || c >= 0x80)) return false;
  }
  return !s.empty();
}

// V8's StringEndsWithMethodName: no ` [as m]` when the name is `m` or ends in `.m`.
bool EndsWithMethodName(std::string_view name, std::string_view method) {
  if (name == method) return true;
  return name.size() > method.size() && name.ends_with(method) &&
         name[name.size() - method.size() - 1] == '.';
}

// What node's CommonJS loader puts below a module's top-level frame (node 20.20.2). The main
// script ends with kMainModuleTail; a required module's frames continue with its requirer.
constexpr const char* kModuleLoadFrames[] = {
    "Module._compile (node:internal/modules/cjs/loader:1521:14)",
    "Module._extensions..js (node:internal/modules/cjs/loader:1623:10)",
    "Module.load (node:internal/modules/cjs/loader:1266:32)",
    "Module._load (node:internal/modules/cjs/loader:1091:12)",
};
constexpr const char* kMainModuleTail[] = {
    "Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)",
    "node:internal/main/run_main_module:28:49",
};
constexpr const char* kRequireFrames[] = {
    "Module.require (node:internal/modules/cjs/loader:1289:19)",
    "require (node:internal/modules/helpers:182:18)",
};
constexpr const char* kEvalTail[] = {
    "runScriptInThisContext (node:internal/vm:209:10)",
    "node:internal/process/execution:118:14",
    "[eval]-wrapper:6:24",
    "runScript (node:internal/process/execution:101:62)",
    "evalScript (node:internal/process/execution:133:3)",
    "node:internal/main/eval_string:51:3",
};

// Builtins V8 runs without a frame of their own: the Error constructors (the stack starts at their
// caller), Function.prototype.call/apply, Reflect.apply, bound functions, the Array constructor;
// and the compiler's intrinsics, which are no builtins in V8.
bool HiddenInStackTraces(std::string_view name) {
  static constexpr std::string_view kHidden[] = {
      "Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError", "URIError", "EvalError",
      "AggregateError", "captureStackTrace", "call", "apply", "Array",
      // the class compiler's intrinsics (private_names.h)
      "NewPrivateName", "ToPropertyKey", "SetFunctionName"};
  for (std::string_view h : kHidden) {
    if (name == h) return true;
  }
  return name.starts_with("bound ");
}

}  // namespace

// V8's AppendMethodCall: `Type.name`, `name [as method]` when reached through another property,
// `Type.method` or `Type.<anonymous>` for an unnamed function.
std::string Runtime::MethodCallText(Value receiver, Value fn, const std::string& name, std::string_view known) {
  std::string type = StackReceiverTypeName(*this, receiver);
  std::string method = !known.empty() ? std::string(known) : fn.IsEmpty() ? "" : StackMethodName(*this, receiver, fn, name);
  if (name.empty()) return (type.empty() ? "" : type + ".") + (method.empty() ? "<anonymous>" : method);
  bool prefix = !type.empty() && IsIdentifierLike(name) && !name.starts_with(type);
  std::string out = prefix ? type + "." + name : name;
  if (!method.empty() && !EndsWithMethodName(name, method)) out += " [as " + method + "]";
  return out;
}

// A bytecode frame: `new F`, `Object.<anonymous>` (a module's top level), the bare name for a call
// without a receiver (or with the global object), else the method-call text, with the function's
// FunctionDebugName.
std::string Runtime::FrameFunctionText(const Frame& f, std::string_view method) {
  const FunctionInfo* info = f.info;
  if (info->is_script) return info->source->name() == "[eval]" ? "" : "Object.<anonymous>";
  Value closure = stack_[f.base + kRegClosure];
  std::string name = IsKind(closure, Kind::kFunction) ? FunctionDebugName(*this, closure) : info->name;
  if (f.construct) return "new " + (name.empty() ? std::string("<anonymous>") : name);
  Value receiver = stack_[f.base + kRegReceiver];
  if (IsNullish(receiver) || receiver == roots_[kRootGlobal] || receiver.IsEmpty()) return name;
  return MethodCallText(receiver, closure, name, method);
}

std::string Runtime::NativeFrameText(const NativeCall& n) {
  const std::string& name = natives_[n.native_id].name;
  if (n.construct) return "new " + name;
  Value receiver = *n.receiver;
  if (IsNullish(receiver) || receiver == roots_[kRootGlobal] || receiver.IsEmpty()) return name;
  return MethodCallText(receiver, Value(), name);
}

std::string Runtime::CaptureStackTrace(int skip_frames, int limit) {
  std::string out;
  int shown = 0;
  auto add = [&](const std::string& text) {
    if (shown++ < limit) out += "\n    at " + text;
  };
  size_t skip = std::min(static_cast<size_t>(std::max(skip_frames, 0)), frames_.size());
  size_t i = frames_.size() - skip;  // frames_[0, i) are shown
  const NativeCall* n = innermost_native_;
  while (n != nullptr && n->frame_count > i) n = n->caller;  // called by a skipped frame
  for (; shown < limit; --i) {
    for (; n != nullptr && n->frame_count == i; n = n->caller) {
      const std::string& name = natives_[n->native_id].name;
      if (name == "require") {
        for (const char* line : kModuleLoadFrames) add(line);
        for (const char* line : kRequireFrames) add(line);
      } else if (!HiddenInStackTraces(name)) {
        add(NativeFrameText(*n) + " (<anonymous>)");
      }
    }
    if (i == 0) break;
    const Frame& f = frames_[i - 1];
    const FunctionInfo* info = f.info;
    int pc = f.pc > 0 ? f.pc - 1 : 0;
    uint32_t offset = pc < static_cast<int>(info->positions.size()) ? info->positions[pc] : info->offset;
    LineColumn at = info->source->Locate(offset);
    std::string where = info->source->name() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
    // node calls a timer's callback as timeout._onTimeout(), an immediate's as _onImmediate().
    Value receiver = stack_[f.base + kRegReceiver];
    bool timer = i == 1 && n == nullptr && host_entry_ == HostEntry::kTimer && IsJSObject(receiver);
    std::string_view method;
    if (timer) {
      Value proto = receiver.As<JSObject>()->proto;
      method = proto == roots_[kRootTimeoutPrototype] ? "_onTimeout"
               : proto == roots_[kRootImmediatePrototype] ? "_onImmediate" : "";
    }
    std::string name = FrameFunctionText(f, method);
    add(name.empty() ? where : name + " (" + where + ")");
    if (i == 1 && n == nullptr) AddHostFrames(f, add);
  }
  return out;
}

// Below the entry script: node's CommonJS loader (or its -e runner). Below a callback of the
// event loop: node's timer or microtask-queue frames. Not added for queueMicrotask callbacks,
// FinalizationRegistry cleanups or process events, whose node frames differ.
template <typename Add>
void Runtime::AddHostFrames(const Frame& outermost, Add& add) {
  const FunctionInfo* info = outermost.info;
  if (info->is_script) {
    if (info->source->name() == "[eval]") {
      for (const char* line : kEvalTail) add(line);
    } else {
      for (const char* line : kModuleLoadFrames) add(line);
      for (const char* line : kMainModuleTail) add(line);
    }
    return;
  }
  Value receiver = stack_[outermost.base + kRegReceiver];
  Value proto = IsJSObject(receiver) ? receiver.As<JSObject>()->proto : Value();
  switch (host_entry_) {
    case HostEntry::kTimer:
      if (proto == roots_[kRootTimeoutPrototype]) {
        add("listOnTimeout (node:internal/timers:581:17)");
        add("process.processTimers (node:internal/timers:519:7)");
      } else if (proto == roots_[kRootImmediatePrototype]) {
        add("process.processImmediate (node:internal/timers:483:21)");
      }
      break;
    case HostEntry::kNextTick: add("process.processTicksAndRejections (node:internal/process/task_queues:77:11)"); break;
    case HostEntry::kPromiseJob: add("process.processTicksAndRejections (node:internal/process/task_queues:95:5)"); break;
    case HostEntry::kNone: break;
  }
}

// ---------------------------------------------------------------------------------------------
// Main entry

bool Runtime::CompileScript(const SourceFile& source, int* function_id) {
  Arena arena;
  ScopeTree scopes;
  try {
    Node* program = ParseScript(source, arena);
    AnalyzeScopes(program, &scopes);
    Compiler compiler(*this, source);
    *function_id = compiler.CompileScript(program);
    return true;
  } catch (const SyntaxError& error) {
    std::cerr << FormatSyntaxError(source, error);
    return false;
  }
}

int Runtime::RunMain(const std::string& name, std::string text) {
  main_script_ = name;
  {
    // process.argv = [execPath, script, ...args]; node's -e has no script entry
    tenure::HandleScope scope(*heap_);
    Handle global = Handle::New(*heap_, roots_[kRootGlobal]);
    Handle pk = Handle::New(*heap_, Intern("process"));
    Handle process = Handle::New(*heap_, GetNamed(global, pk));
    Handle ak = Handle::New(*heap_, Intern("argv"));
    Handle argv = Handle::New(*heap_, GetNamed(process, ak));
    if (name != "[eval]") {
      Handle script = Handle::New(*heap_, NewString(name));
      ArrayPush(argv, script);
    }
    for (const std::string& a : script_args_) {
      Handle arg = Handle::New(*heap_, NewString(a));
      ArrayPush(argv, arg);
    }
  }
  // The main script runs as a CommonJS module (modules.h).
  Value result;
  if (!RunMainModule(*this, name, std::move(text), &result)) return 1;
  tenure::HandleScope scope(*heap_);
  // With 'uncaughtException' listeners an uncaught error goes to them and the loop goes on.
  UncaughtHandling handling = UncaughtHandling::kHandled;
  if (result.IsEmpty()) handling = HandleUncaughtException(*this, "uncaughtException");
  while (handling == UncaughtHandling::kHandled) {
    RunEventLoop();
    handling = has_exception() ? HandleUncaughtException(*this, "uncaughtException") : UncaughtHandling::kNoListener;
  }
  // However the program ends, 'exit' listeners run once (builtins_process_events.cc); an
  // uncaught error makes the status 1.
  auto report = [this] {
    Handle exception = Handle::New(*heap_, TakeException());
    ReportUncaught(exception);
  };
  bool uncaught = has_exception();
  if (uncaught) report();
  if (handling == UncaughtHandling::kListenerThrew) return 7;  // node: no 'exit' event
  int status = 0;
  FinishOptions finish{.code = uncaught ? 1 : exit_code_, .set_exit_code = uncaught || exit_code_ != 0};
  if (!FinishProcess(*this, finish, &status)) report();  // an 'exit' listener threw: status 1
  std::fflush(stdout);
  return status;
}

// node: "<file>:<line>\n<source line>\n<caret>\n\n<stack or inspected value>\n\nNode.js vX".
void Runtime::ReportUncaught(Handle exception) {
  std::fflush(stdout);
  std::string out = UncaughtArrowHeader(*this, exception);
  if (!out.empty()) {
    // a SyntaxError thrown by require: the header names the file that did not compile
  } else if (pending_throw_info_ != nullptr) {
    const SourceFile* src = pending_throw_info_->source;
    LineColumn at = src->Locate(pending_throw_offset_);
    out += src->name() + ":" + std::to_string(at.line) + "\n";
    out += std::string(src->LineText(at.line)) + "\n";
    out += std::string(at.column - 1, ' ') + "^\n";
  }
  if (IsKind(exception.value(), Kind::kError)) {
    // node prints util.inspect(error): the stack (bracketed when it has no frames), then the
    // error's own enumerable properties ({ code: 'ERR_X', ... }).
    out += "\n" + Inspect(exception) + "\n";
  } else {
    out = "\n" + out + Inspect(exception) +
          "\n(Use `node --trace-uncaught ...` to show where the exception was thrown)\n";
  }
  out += "\nNode.js v20.20.2\n";
  std::fputs(out.c_str(), stderr);
}

}  // namespace tenure::js
