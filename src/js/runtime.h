// Runtime: one JavaScript "isolate" on one tenure::Heap — value stack, roots, strings, shapes,
// properties, conversions, calls, exceptions, builtins, timers.
//
// GC-safety rules (the heap is moving; any allocation may relocate every object):
//  - Values that must survive an allocation live in rooted slots: interpreter registers on
//    stack_ (scanned up to the top frame's end), Local handles (Handle = tenure::Local<Value>),
//    or the runtime's root tables (roots_, interned strings, function constants and ICs, timers).
//  - Functions that may allocate take Handles, never raw HeapObject*; they return a raw Value
//    that the caller must store into a rooted slot before allocating again.
//  - A returned empty Value (raw 0) means "an exception is pending" (pending_exception_).
//  - Every pointer store into a heap object goes through tenure::Store / StoreField.
#pragma once

#include <cassert>

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bytecode.h"
#include "objects.h"
#include "options.h"
#include "source.h"

namespace tenure::js {

using Handle = tenure::Local<Value>;

class Runtime;
class HeapSnapshotSupport;
struct BuiltinsState;  // per-runtime C++ state of builtins (builtins.h)

// Arguments of a native builtin: a rooted slice of the caller's registers.
struct Args {
  Value* base = nullptr;
  int count = 0;
  Handle at(int i) const;
  Value get(int i) const { return i < count ? base[i] : kUndefined; }
};

// A builtin: receives the receiver and arguments (both rooted); returns a Value or empty on throw.
using NativeFn = Value (*)(Runtime& rt, Handle receiver, Args args);

enum class ErrorType { kError, kTypeError, kRangeError, kReferenceError, kSyntaxError, kURIError, kEvalError };

// What an iteration record (Runtime::ForOfPrepare, Runtime::NewIterationRecord) walks and what
// each step yields. The record is a FixedArray [source, Smi position, Smi IterKind]; for Map and
// Set the source is the collection's table (CollectionIterationTable).
enum IterKind : int64_t {
  kIterArray,          // array values (for-of, values(), [Symbol.iterator])
  kIterString,         // code points
  kIterMap,            // Map entries [key, value]
  kIterSet,            // Set values
  kIterProtocol,       // [iterator, next method]: the iterator protocol
  kIterArrayKeys,      // Array.prototype.keys
  kIterArrayEntries,   // Array.prototype.entries: [index, value]
  kIterMapKeys,        // Map.prototype.keys
  kIterMapValues,      // Map.prototype.values
  kIterSetEntries,     // Set.prototype.entries: [value, value]
};

// Test-only execution budget (fuzzers): every backward jump and every bytecode function entry
// is a step; once `steps` are spent, each further step and every native call throws a
// RangeError, so even catch-all loops and straight-line code unwind. max_allocated_bytes: the
// budget is also spent once the heap has allocated that many bytes since it was set (checked
// after every GC), so a loop of a few steps that each allocate megabytes ends too.
// skip_timer_waits: timers fire in due order without sleeping. sandboxed: process.exit,
// process.kill of others, v8.writeHeapSnapshot and v8.setHeapSnapshotNearHeapLimit throw instead
// of ending the process or writing files, and reaching the heap limit is not fatal: the budget is
// spent and the limit raised (up to kSandboxHeapLimitFactor times the initial one) so the run can
// unwind — only a run that still exhausts the raised limit gets node's fatal OOM.
struct ExecutionBudget {
  int64_t steps = INT64_MAX;
  uint64_t max_allocated_bytes = UINT64_MAX;
  bool skip_timer_waits = false;
  bool sandboxed = false;
};
constexpr size_t kSandboxHeapLimitFactor = 4;

// Indices into Runtime::roots_.
enum Root : int {
  kRootEmptyShape,
  kRootObjectPrototype,
  kRootFunctionPrototype,
  kRootArrayPrototype,
  kRootStringPrototype,
  kRootNumberPrototype,
  kRootBooleanPrototype,
  kRootErrorPrototype,
  kRootTypeErrorPrototype,
  kRootRangeErrorPrototype,
  kRootReferenceErrorPrototype,
  kRootSyntaxErrorPrototype,
  kRootURIErrorPrototype,
  kRootEvalErrorPrototype,
  kRootMapPrototype,
  kRootSetPrototype,
  kRootRegExpPrototype,    // builtins_regexp.cc (also the brand in a RegExp's internal[2])
  kRootRegExpConstructor,  // %RegExp%: regexp literals construct through it
  kRootGlobal,
  kRootEmptyString,
  kRootModuleExports,
  kRootLengthKey,
  kRootNameKey,
  kRootPrototypeKey,
  kRootConstructorKey,
  kRootMessageKey,
  kRootSymbolPrototype,
  kRootIteratorSymbol,   // Symbol.iterator
  kRootHashSymbol,       // private: own property holding an object's identity hash (Map/Set)
  kRootIteratorPrototype,  // prototype of the native iterators (builtins_symbol.cc)
  kRootBufferPrototype,
  kRootPromisePrototype,    // builtins_promise.cc
  kRootPromiseNatives,      // FixedArray of template natives cloned with per-closure data
  kRootGeneratorPrototype,  // %GeneratorPrototype% (generators.cc)
  kRootClassIntrinsics,     // FixedArray of the class-field natives (private_names.h), lazily
  kRootDatePrototype,       // builtins_date.cc (also the brand in a Date's internal[2])
  kRootModuleState,         // FixedArray: CommonJS cache, builtin modules, wrapper args (modules.h)
  kRootToPrimitiveSymbol,   // Symbol.toPrimitive (ToPrimitive), builtins_symbol.cc
  kRootToStringTagSymbol,   // Symbol.toStringTag (Object.prototype.toString, inspect)
  kRootHasInstanceSymbol,   // Symbol.hasInstance (instanceof)
  kRootTypedArrayPrototypes,  // FixedArray: each typed array's prototype, ArrayBuffer's (builtins_typed_array.h)
  kRootTimeoutPrototype,    // what setTimeout / setInterval return (builtins_core.cc "Timers")
  kRootImmediatePrototype,  // what setImmediate returns
  kRootAsyncIteratorSymbol, // Symbol.asyncIterator (for await, builtins_symbol.cc)
  kRootAsyncIteration,      // FixedArray: async generator / async-from-sync prototypes (generators.h)
  kRootErrorConstructor,    // %Error%: its own `stackTraceLimit` bounds every captured stack
  kRootProcess,             // the original process object (builtins_process_events.cc)
  kRootCount
};

class Runtime {
 public:
  explicit Runtime(const RuntimeOptions& options);
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  // Compiles and runs a script, then the event loop. Returns the process exit code.
  int RunMain(const std::string& name, std::string text);

  tenure::Heap& heap() { return *heap_; }
  Value root(Root r) const { return roots_[r]; }
  void set_root(Root r, Value v) { roots_[r] = v; }  // builtins setup
  const RuntimeOptions& options() const { return options_; }

  // ---- Allocation (all may GC) -----------------------------------------------------------
  Value NewNumber(double d);
  Value NewString(std::string_view s);
  Value Intern(std::string_view s);  // interned String (property keys)
  Value NewFixedArray(int64_t length, Value fill = kUndefined);
  // kObject: the compact layout with kDefaultInlineCapacity inline slots; other kinds: their
  // layout (objects.h, "Object layout").
  Value NewObject(Handle proto, Kind kind = Kind::kObject);
  // A plain object with room for `inline_capacity` properties in the object (clamped to
  // 0..kMaxInlineCapacity); later properties go to its `slots` FixedArray.
  Value NewObjectWithCapacity(Handle proto, int inline_capacity);
  // A plain object in the full layout, for runtime objects that keep state in `internal`.
  Value NewObjectWithInternals(Handle proto);
  Value NewPlainObject(int inline_capacity = kDefaultInlineCapacity);  // proto Object.prototype
  // The allocation site of `Array(n)` / `new Array(n)` (allocation_site.h), created on first use.
  tenure::AllocationSite* ArrayConstructorSite();
  Value NewArray(int64_t capacity = 0);
  Value NewContext(Handle parent, int slots);
  Value NewFunction(int function_id, Handle context);
  Value NewNativeFunction(std::string_view name, NativeFn fn, int length);
  // An error whose stack leaves out the innermost `skip_frames` frames (MakeError: a subclass's
  // constructor frames, like V8 skipping up to new.target).
  Value NewError(ErrorType type, std::string_view message, int skip_frames = 0);

  // ---- Properties --------------------------------------------------------------------------
  // `key` may be any value; it is converted to a property key (array index or interned string).
  Value GetProperty(Handle object, Handle key);
  Value GetNamed(Handle object, Handle interned_key, InlineCache* ic = nullptr);
  bool SetProperty(Handle object, Handle key, Handle value);
  bool SetNamed(Handle object, Handle interned_key, Handle value, InlineCache* ic = nullptr);
  // Own data property without setters / prototype lookups (literals, builtins setup).
  bool DefineOwn(Handle object, Handle interned_key, Handle value, int64_t shape_flags = 0);
  bool DefineAccessor(Handle object, Handle interned_key, Handle getter, Handle setter, bool enumerable);
  // Store-transition inline caches filled before are stale (a new accessor or read-only
  // property may now intercept a store that they would turn into an add).
  void InvalidateStoreTransitionCaches() { ++accessor_epoch_; }
  Value DeleteProperty(Handle object, Handle key);
  Value HasProperty(Handle object, Handle key);  // `in`
  // Own enumerable string keys in insertion order (array indices first). Returns an Array.
  Value OwnKeys(Handle object, bool include_hidden = false);
  // Strict mode code is running: the innermost bytecode frame's function is strict.
  bool InStrictCode() const { return !frames_.empty() && frames_.back().info->is_strict; }
  // A store or delete that failed: in strict code throws a TypeError with `message` and returns
  // false; in sloppy code returns true (the failure is silent).
  bool FailStore(const std::string& message);
  // Gives `object` a leaf shape with integrity bits `bits` (objects.h kShapeIntegrityMask).
  void SetIntegrityBits(Handle object, int64_t bits);
  // Re-adds `object`'s own properties in order on the empty shape, leaving out `skip_key` (if
  // not empty) and or-ing `data_flags` / `accessor_flags` into the attributes of data properties
  // / accessors. Slots are re-assigned; the integrity bits are kept.
  void RebuildShape(Handle object, Handle skip_key, int64_t data_flags, int64_t accessor_flags);
  // Gives the existing own property `key` of `object` new attributes `flags` and value, keeping
  // its place in the key order (Object.defineProperty on an existing key; ECMA-262 keeps a
  // property's position when only its attributes change).
  void RedefineInPlace(Handle object, Handle key, Handle value, int64_t flags);
  // Finds an own property; returns the slot index or -1 and the shape flags.
  static int64_t FindOwn(JSObject* object, Value interned_key, int64_t* flags = nullptr);
  // Inline below: every inline-cache hit reads or writes a slot.
  static Value ReadSlot(JSObject* object, int64_t index);
  static void WriteSlot(JSObject* object, int64_t index, Value value);
  // array[index] (index >= 0): the element, else (hole or past the length) the prototype
  // chain's element / index-keyed property, else undefined. Never allocates or calls: an accessor
  // found on the chain reads as undefined.
  Value ArrayGet(JSObject* array, int64_t index) const;
  // A canonical array-index string ("0", "17"; not "01", "-1" or 2^32 - 1).
  static bool IsIndexKey(Value key);
  // An own element (not a hole) at `index` >= 0.
  static bool HasOwnElement(JSObject* array, int64_t index) {
    if (index >= array->length.ToSmi()) return false;
    FixedArray* e = array->elements.As<FixedArray>();
    return index < e->size() && e->items()[index] != kHole;
  }
  // HasProperty(array, index) for index >= 0: an own element, or one on the prototype chain.
  bool ArrayHasIndex(JSObject* array, int64_t index) const;
  // On an array `holder` (a non-array receiver's chain reaching an array): the element an
  // array-index string key names, or the length for "length"; else kHole.
  Value ArrayPropertyForKey(JSObject* holder, Value key) const;
  // Called when an element or index-keyed property is added to Array.prototype or
  // Object.prototype: holes can no longer read as undefined without walking the chain.
  void InvalidateNoPrototypeElements() { no_prototype_elements_ = false; }
  bool ArraySet(Handle array, int64_t index, Handle value);
  bool ArrayPush(Handle array, Handle value);
  // The elements store of `array`, made private first if it is a shared copy-on-write store
  // (objects.h): call before writing an element. May allocate (re-read raw pointers after it).
  FixedArray* WritableElements(Handle array) {
    FixedArray* e = array.value().As<JSObject>()->elements.As<FixedArray>();
    return IsCowElements(e) ? CopyCowElements(array) : e;
  }
  // The child shape of `shape` adding `key` with `flags` (cached transition).
  Value ShapeTransition(Handle shape, Handle key, int64_t flags);
  Value ShapeTransitionForAdd(Handle shape, Handle key, int64_t flags);
  static int64_t ArrayLength(Value array) {
    assert(HasLengthField(array.As<JSObject>()));
    return array.As<JSObject>()->length.ToSmi();
  }

  // ---- Conversions ---------------------------------------------------------------------------
  static bool ToBoolean(Value v);
  bool ToNumber(Handle v, double* out);     // false: exception pending
  Value ToString(Handle v);                 // String value or empty
  Value ToPropertyKey(Handle v);            // Smi index (>= 0) or interned String
  // ECMA-262 §7.1.1: an object's [Symbol.toPrimitive](hint) if it has one, else valueOf/toString
  // in hint order (kDefault orders like kNumber). The bool form is kString / kNumber.
  enum class PrimitiveHint { kDefault, kNumber, kString };
  Value ToPrimitive(Handle v, PrimitiveHint hint);
  Value ToPrimitive(Handle v, bool hint_string) {
    return ToPrimitive(v, hint_string ? PrimitiveHint::kString : PrimitiveHint::kNumber);
  }
  Value OrdinaryToPrimitive(Handle v, bool hint_string);
  // `value instanceof target` (§13.10.2): target[Symbol.hasInstance], else OrdinaryHasInstance.
  Value InstanceOf(Handle value, Handle target);
  static bool OrdinaryHasInstance(Value value, Value prototype);
  bool IsNative(Value fn, NativeFn native) const;  // fn is the native function made from `native`
  static std::string NumberToString(double d);
  // NumberToString's characters written to `out` (at least kNumberCharsMax bytes, no terminator);
  // returns their count. No heap (C++ or JS) allocation.
  static constexpr size_t kNumberCharsMax = 32;
  static size_t NumberToChars(double d, char* out);
  std::string ToStdString(Value string_value) const;  // requires a String
  Value TypeOf(Value v);
  bool StrictEquals(Value a, Value b) const;
  Value LooseEquals(Handle a, Handle b);
  static bool SameValueZero(Value a, Value b);
  bool IsCallable(Value v) const { return IsKind(v, Kind::kFunction); }
  bool IsArray(Value v) const { return IsKind(v, Kind::kArray); }

  // ---- Calls -------------------------------------------------------------------------------
  // Calls `fn` from C++ (re-entering the interpreter for bytecode functions).
  Value Call(Handle fn, Handle receiver, const Value* args, int argc);
  Value Construct(Handle fn, const Value* args, int argc, Handle new_target);

  // ---- Exceptions --------------------------------------------------------------------------
  Value Throw(Value exception);  // always returns empty
  Value ThrowError(ErrorType type, std::string_view message);
  Value ThrowTypeError(std::string_view message) { return ThrowError(ErrorType::kTypeError, message); }
  bool has_exception() const { return !pending_exception_.IsEmpty(); }
  Value TakeException();
  // "\n    at f (file:1:2)" lines of the current stack as V8 prints them: bytecode frames with
  // their receiver's type (`Object.method`, `Foo.inst [as alias]`, `new Foo`), builtins that are
  // running as `Array.map (<anonymous>)`, and under the main script's top level the frames node's
  // CommonJS loader adds. The innermost `skip_frames` bytecode frames (and builtins they called)
  // are left out; at most `limit` lines (Error.stackTraceLimit, see StackTraceLimit).
  std::string CaptureStackTrace(int skip_frames = 0, int limit = 10);
  // Error.stackTraceLimit as V8 reads it when an error is made: an own data property of %Error%
  // holding a number (clamped to [0, INT_MAX], fractions dropped); -1 when it is not a number
  // (then errors get no stack).
  int StackTraceLimit() const;
  // The number of innermost frames up to and including the innermost [[Construct]] frame of
  // `constructor` (a bytecode function); 0 when it is not running.
  int FramesThroughConstructor(Value constructor) const;

  // ---- Builtins and printing -------------------------------------------------------------------
  // util.inspect options the formatter honours (inspect.cc); the defaults are console.log's.
  struct InspectOptions {
    int depth = 2;                   // levels shown below the top; a huge value means unlimited
    int compact = 3;                 // node's `compact` number; 0 is `compact: false` (one entry per line)
    bool sorted = false;             // node's `sorted: true`: entries in code-unit order
    int64_t max_array_length = 100;  // entries shown per array, Set, Map or iterator
    bool custom_inspect = true;      // node's `customInspect`: call [util.inspect.custom] functions
    Handle user_options;             // util.inspect's options object, passed on to custom inspect functions
  };
  // util.inspect-like formatting used by console.log.
  std::string Inspect(Handle value, int depth = 2);
  std::string Inspect(Handle value, const InspectOptions& options);
  std::string DisplayString(Handle value);  // console.log's top-level string conversion
  // Registers `fn` as property `name` of `holder` (non-enumerable like builtins).
  void DefineNative(Handle holder, std::string_view name, NativeFn fn, int length);
  std::string FunctionName(Value fn);
  std::vector<std::string>& script_args() { return script_args_; }
  const std::string& main_script() const { return main_script_; }
  // Keeps `source` alive for the runtime's lifetime (compiled functions point into it).
  const SourceFile& AddSource(std::unique_ptr<SourceFile> source) {
    sources_.push_back(std::move(source));
    return *sources_.back();
  }

  // ---- Timers (event loop) --------------------------------------------------------------------
  int64_t AddTimer(Handle callback, double delay_ms, bool repeat, Args extra);
  // node's Timeout / Immediate objects: `object` is the callback's `this`. A timer that is not
  // ref'd (timeout.unref()) runs only while a ref'd timer keeps the event loop alive. The setters
  // return false when the timer has already run or been cleared.
  bool SetTimerObject(int64_t id, Value object);
  bool SetTimerRef(int64_t id, bool ref);
  bool RefreshTimer(int64_t id);  // the countdown starts again from now
  // ---- Promise jobs (builtins_promise.cc) -------------------------------------------------------
  // Jobs are heap FixedArrays, rooted by the timer visitor. Drain order is node 20's
  // processTicksAndRejections: every nextTick callback, then every microtask, repeated until both
  // queues are empty, then unhandled rejections. False: an exception is pending (uncaught) or an
  // unhandled rejection was reported (exit code 1).
  void EnqueueMicrotask(Value job) { microtasks_.push_back(job); }
  void EnqueueTick(Value job) { ticks_.push_back(job); }
  std::vector<Value>& pending_rejections() { return pending_rejections_; }
  bool RunMicrotasks();
  // ---- Generators and async functions (generators.h) -------------------------------------------
  Value NewActivation(Handle closure, bool async);
  bool SuspendFrame(Handle activation, int64_t state);
  Value ResumeGenerator(Handle activation, int64_t mode, Handle value);
  Value GetIteratorForYieldStar(Handle iterable);
  Value YieldStarStep(Handle iter, Handle received, int64_t mode);
  // Heap snapshots, --heapsnapshot-* flags and --heap-timeline (heap_snapshot.h).
  HeapSnapshotSupport& snapshot_support() { return *snapshot_support_; }
  void ClearTimer(int64_t id);

  // Internal, used by the interpreter and the compiler.
  struct Frame;
  struct TryHandler {
    size_t frame_index;
    int catch_pc;
    int exception_reg;
    int context_save_reg;
  };
  std::vector<std::unique_ptr<FunctionInfo>>& functions() { return functions_; }
  int AddFunction(std::unique_ptr<FunctionInfo> info);

 private:
  friend class Interpreter;
  struct NativeEntry {
    std::string name;
    NativeFn fn;
    int length;
  };
  struct Timer {
    int64_t id;
    Value callback;
    std::vector<Value> args;
    double due;
    double interval;  // < 0: one-shot
    double delay;     // as given (refresh restarts it)
    uint64_t seq;
    Value object = kUndefined;  // the Timeout / Immediate (the callback's this)
    bool ref = true;            // keeps the event loop alive
  };
  Timer* FindTimer(int64_t id);

  void SetUpRoots();
  void SetUpBuiltins();
  // Root visitors, registered separately so heap snapshots show each kind as its own sub-root.
  void VisitStackRoots(tenure::ObjectVisitor& visitor);
  void VisitRuntimeRoots(tenure::ObjectVisitor& visitor);
  void VisitCodeRoots(tenure::ObjectVisitor& visitor);
  void VisitTimerRoots(tenure::ObjectVisitor& visitor);
  Value LookupPrimitive(Handle receiver, Handle key, Root proto_root);
  Value LookupInChain(Handle receiver, Handle key, Value start, InlineCache* ic);
  // The store-transition inline cache hit (see InlineCache); false: not applicable, nothing done.
  bool TryTransitionStore(JSObject* object, const InlineCache& ic, Value value);
  bool TransitionCacheableChain(JSObject* object) const;
  Value Execute(Handle closure, Handle receiver, const Value* args, int argc, Handle new_target,
                bool construct);
  // Pushes a frame for the bytecode function `closure` at stack index `base` and runs its
  // prologue. `args` points into stack_ below `base`. False: exception pending.
  bool EnterFunction(size_t base, Value closure, Value receiver, Value new_target, const Value* args,
                     int argc, int return_reg, bool construct, bool native_entry);
  Value RunFrames(size_t entry_index);
  size_t StackTop() const {
    size_t top = frames_.empty() ? 0 : frames_.back().base + frames_.back().info->frame_size;
    return top > reserved_top_ ? top : reserved_top_;
  }
  void RecordThrowSite();
  Value DispatchCall(bool is_new, bool is_super, int callee_reg, int dst, Value* args, int argc);
  // EnterFunction for a bytecode function with FunctionInfo::register_prologue: the same frame
  // (registers, receiver, Frame record) without the generic prologue. `args` = the first of
  // `argc` arguments, below `base`. Allocates nothing; false (exception pending) on stack
  // overflow or an exhausted execution budget. Defined in register_frame.h.
  bool PushRegisterFrame(size_t base, Value closure, const FunctionInfo* info, Value receiver,
                         Value new_target, const Value* args, int argc, int return_reg, bool construct,
                         bool native_entry = false);
  bool SetUpClass(Handle ctor, Value* super_slot, Value* proto_out);
  // `new_target.prototype` for the receiver `new` allocates (calls.cc); empty on exception.
  Value ConstructorPrototype(Handle new_target);
  // Inline capacity for the receiver that `new` allocates for `new_target` (calls.cc).
  int InstanceCapacity(Value new_target);
  // After a constructor returned `instance`: raises new_target's estimate to what it needed.
  void LearnInstanceCapacity(Value new_target, Value instance);
 public:
  // Re-renders the header of `error`'s stack from its current name and message when the stack is
  // still the one NewError rendered (see runtime.cc); returns `error` (re-read: may allocate).
  // Called when a [[Construct]] returns an error and before util.inspect prints one.
  Value RefreshErrorStackHeader(Value error);
  // Iteration (calls.cc): a record for for-of/spread over `iterable` (built-in fast paths or the
  // iterator protocol), and one step of it.
  bool ForOfPrepare(Value* iter_out, Handle iterable);
  // A built-in iteration record over `source` (an array, string, Map or Set matching `kind`;
  // not kIterProtocol), as Array.prototype.keys() and Map.prototype.entries() need.
  Value NewIterationRecord(Handle source, IterKind kind);
  // The rest of ForOfPrepare for an object whose callable @@iterator `method` the caller has
  // already read (Array.from reads it once): calls it and builds the protocol record.
  bool IteratorFromMethod(Value* iter_out, Handle iterable, Handle method);
  bool ForInPrepare(Value* iter_out, Handle object);
  bool IteratorStep(Handle iter, Value* out, bool* done);
  // IteratorClose (ECMA-262 §7.4.11) for a record of ForOfPrepare: calls the protocol
  // iterator's `return()` if it has one (built-in fast paths need nothing). `quiet`: closing
  // during an exception, whose own errors are dropped (the pending exception stays).
  bool IteratorClose(Handle iter, bool quiet);
  bool SpreadInto(Handle array, Handle iterable);
  bool CopyDataProperties(Handle target, Handle source);

 private:
  Value CallNative(int native_id, Handle receiver, const Value* args, int argc, Handle new_target,
                   Value callee);
  void RunEventLoop();
  // Text of one stack line before " (file:l:c)": V8's CallSiteInfo rendering (runtime.cc).
  // `method`: the property the function was reached through when the caller knows it (the event
  // loop's `_onTimeout`); otherwise looked up (StackMethodName).
  std::string MethodCallText(Value receiver, Value fn, const std::string& name, std::string_view method = {});
  std::string FrameFunctionText(const Frame& frame, std::string_view method = {});
  // node's frames below the outermost one (its loader, timers, microtask queue): appended by add.
  template <typename Add>
  void AddHostFrames(const Frame& outermost, Add& add);
  struct NativeCall;
  std::string NativeFrameText(const NativeCall& native_call);
  void ReportUncaught(Handle exception);
  void ReportUnhandledRejection(Handle reason);  // builtins_promise.cc
  bool CompileScript(const SourceFile& source, int* function_id);

  RuntimeOptions options_;
  std::unique_ptr<tenure::Heap> heap_;
  std::vector<int> root_visitor_ids_;
  std::unique_ptr<HeapSnapshotSupport> snapshot_support_;  // destroyed before heap_
  Value roots_[kRootCount];
  tenure::AllocationSite* array_constructor_site_ = nullptr;  // heap-owned
  Value pending_exception_;
  uint32_t pending_throw_offset_ = 0;  // source offset of the throw site (uncaught report)
  const FunctionInfo* pending_throw_info_ = nullptr;
  bool throw_site_recorded_ = false;

  std::unordered_map<std::string, Value> interned_;
  std::vector<std::unique_ptr<FunctionInfo>> functions_;
  std::vector<NativeEntry> natives_;
  std::vector<std::unique_ptr<SourceFile>> sources_;
  std::vector<std::string> script_args_;
  std::string main_script_;

  // Value stack and frames. The stack is an untouched anonymous mapping (zero = empty Values):
  // pages are faulted in as frames reach them, not at start-up.
  struct ValueStackDeleter {
    size_t bytes;
    void operator()(Value* stack) const;
  };
  std::unique_ptr<Value[], ValueStackDeleter> stack_{nullptr, ValueStackDeleter{0}};
  size_t stack_capacity_ = 0;
  size_t stack_limit_ = 0;
  std::vector<Frame> frames_;
  std::vector<TryHandler> handlers_;
  int native_depth_ = 0;
 public:
  // What the event loop is running (stack traces end with node's frames for it); kNone outside.
  enum class HostEntry { kNone, kTimer, kNextTick, kPromiseJob };
  void set_host_entry(HostEntry entry) { host_entry_ = entry; }

 private:
  HostEntry host_entry_ = HostEntry::kNone;
  // The builtins running on the C++ stack, for stack traces: a list through CallNative's locals,
  // innermost first (no allocation per call). Each sits above the first `frame_count` entries of
  // frames_; `receiver` is CallNative's rooted receiver slot.
  struct NativeCall {
    size_t frame_count;
    int native_id;
    const Value* receiver;
    bool construct;
    const NativeCall* caller;
  };
  const NativeCall* innermost_native_ = nullptr;
  size_t reserved_top_ = 0;  // stack slots held by native-call arguments
  int exit_code_ = 0;
  Value current_new_target_ = kUndefined;  // for native constructors (a root)
  Value current_callee_ = kUndefined;      // the running native function object (a root)

  int64_t steps_left_ = INT64_MAX;  // ExecutionBudget
  uint64_t budget_allocated_base_ = 0;  // total_allocated_bytes when the budget was set
  ExecutionBudget budget_;
  // Bumped by every DefineAccessor: store-transition inline caches filled before are stale.
  uint64_t accessor_epoch_ = 1;
  // V8's NoElementsProtector: neither Array.prototype nor Object.prototype has an element or an
  // index-keyed property, so a hole in an array whose prototype is Array.prototype (itself
  // inheriting from Object.prototype) reads as undefined without a chain walk. Only ever cleared.
  bool no_prototype_elements_ = true;
  // WritableElements' copy: a fresh FixedArray with the COW store's items, installed in `array`.
  FixedArray* CopyCowElements(Handle array);
  // The slow half of ArrayGet / ArrayHasIndex: the first prototype holding `index`, or kHole.
  Value PrototypeElement(JSObject* array, int64_t index) const;
  std::vector<Timer> timers_;
  std::deque<Value> microtasks_;           // promise jobs (builtins_promise.cc)
  std::deque<Value> ticks_;                // process.nextTick callbacks
  std::vector<Value> pending_rejections_;  // rejected promises without a handler yet
  int64_t next_timer_id_ = 1;
  uint64_t timer_seq_ = 0;
  double clock_origin_ms_ = 0;
  // Created by the builtins that need C++ state (weak refs, buffers); destroyed before heap_.
  std::shared_ptr<BuiltinsState> builtins_state_;

 public:
  BuiltinsState* builtins_state() { return builtins_state_.get(); }
  void set_builtins_state(std::shared_ptr<BuiltinsState> state) { builtins_state_ = std::move(state); }
  struct Frame {
    const FunctionInfo* info;
    size_t base;         // index of r0 in stack_
    int pc;
    int return_reg;      // caller register receiving the result (-1: native caller)
    bool construct;      // [[Construct]]: non-object results are replaced by the receiver
    bool native_entry;   // returning from this frame returns to C++
    size_t handler_base; // handlers_.size() when the frame was pushed
    size_t args_index;   // stack index of the first argument
    int argc;
  };
  double NowMs() const;
  // Test-only (fuzzers): see ExecutionBudget.
  void SetExecutionBudgetForTesting(const ExecutionBudget& budget);  // execution_budget.cc
  void RemoveExecutionBudgetHooks();
  void CheckAllocationBudget(uint64_t total_allocated_bytes);
  // Ends the budget without throwing (from GC callbacks): the next step or native call throws.
  void SpendBudgetForTesting() { steps_left_ = 0; }
  bool skip_timer_waits() const { return budget_.skip_timer_waits; }
  bool sandboxed() const { return budget_.sandboxed; }
  bool BudgetExhausted() {  // always false: throws the budget RangeError
    steps_left_ = 0;
    ThrowError(ErrorType::kRangeError, "Execution budget exhausted");
    return false;
  }
  void set_exit_code(int code) { exit_code_ = code; }
  double clock_origin_ms() const { return clock_origin_ms_; }
  Value current_new_target() const { return current_new_target_; }
  Value current_callee() const { return current_callee_; }
  Value* stack() { return stack_.get(); }
  std::vector<Frame>& frames() { return frames_; }
};

// The split between inline slots and `slots` comes from the object (objects.h invariants).
inline Value Runtime::ReadSlot(JSObject* o, int64_t index) {
  int64_t capacity = InlineCapacity(o);
  if (index < capacity) return InlineSlots(o)[index];
  return o->slots.As<FixedArray>()->items()[index - capacity];
}

inline void Runtime::WriteSlot(JSObject* o, int64_t index, Value value) {
  int64_t capacity = InlineCapacity(o);
  if (index < capacity) {
    tenure::Store(o, &InlineSlots(o)[index], value);
  } else {
    FixedArray* slots = o->slots.As<FixedArray>();
    tenure::Store(slots, &slots->items()[index - capacity], value);
  }
}

}  // namespace tenure::js
