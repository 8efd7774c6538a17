#include "runtime.h"

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
  std::string stack = std::string(name) + (message.empty() ? "" : ": ") + std::string(message) +
                      CaptureStackTrace(skip_frames);
  Handle stack_value = Handle::New(*heap_, NewString(stack));
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

// node's format: "\n    at f (/abs/file.js:3:9)" per frame, innermost first; the script body
// is "Object.<anonymous>", anonymous functions print the location alone.
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

std::string Runtime::CaptureStackTrace(int skip_frames) {
  std::string out;
  int shown = 0;
  for (size_t i = frames_.size(); i > 0 && shown < 10; --i) {
    if (skip_frames > 0) {
      --skip_frames;
      continue;
    }
    const Frame& f = frames_[i - 1];
    const FunctionInfo* info = f.info;
    int pc = f.pc > 0 ? f.pc - 1 : 0;
    uint32_t offset = pc < static_cast<int>(info->positions.size()) ? info->positions[pc] : info->offset;
    LineColumn at = info->source->Locate(offset);
    std::string where = info->source->name() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
    std::string name = info->is_script ? "Object.<anonymous>" : info->name;
    if (f.construct && !name.empty()) name = "new " + name;
    out += "\n    at " + (name.empty() ? where : name + " (" + where + ")");
    ++shown;
  }
  return out;
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
    // process.argv = [execPath, script, ...args]
    tenure::HandleScope scope(*heap_);
    Handle global = Handle::New(*heap_, roots_[kRootGlobal]);
    Handle pk = Handle::New(*heap_, Intern("process"));
    Handle process = Handle::New(*heap_, GetNamed(global, pk));
    Handle ak = Handle::New(*heap_, Intern("argv"));
    Handle argv = Handle::New(*heap_, GetNamed(process, ak));
    Handle script = Handle::New(*heap_, NewString(name));
    ArrayPush(argv, script);
    for (const std::string& a : script_args_) {
      Handle arg = Handle::New(*heap_, NewString(a));
      ArrayPush(argv, arg);
    }
  }
  // The main script runs as a CommonJS module (modules.h).
  Value result;
  if (!RunMainModule(*this, name, std::move(text), &result)) return 1;
  tenure::HandleScope scope(*heap_);
  if (result.IsEmpty()) {
    Handle exception = Handle::New(*heap_, TakeException());
    ReportUncaught(exception);
    return 1;
  }
  RunEventLoop();
  if (has_exception()) {
    Handle exception = Handle::New(*heap_, TakeException());
    ReportUncaught(exception);
    return 1;
  }
  std::fflush(stdout);
  return exit_code_;
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
