// The `v8` module (require('v8') / require('node:v8')): node 20's memory-watching APIs over
// libtenure's public heap API (include/tenure/heap.h). Two halves:
// - kV8ModuleSource: the module itself, in JavaScript like node's lib/v8.js, so its exports are
//   enumerable functions and GCProfiler is a class (console.log(require('v8')) reads as node's),
//   and argument validation throws node's ERR_* errors.
// - the '%v8' binding (NewV8Binding): the natives the module calls.
// What tenure has of node's 20 exports: cachedDataVersionTag, getHeapStatistics,
// getHeapSpaceStatistics, getHeapCodeStatistics, setFlagsFromString, writeHeapSnapshot,
// queryObjects, setHeapSnapshotNearHeapLimit, GCProfiler (docs/runtime.md "Memory APIs").
//
// Invariant: GC callbacks (the GCProfiler's) only copy C++ statistics; they never allocate on the
// JS heap (heap.h: callbacks run inside a collection). The JS objects are made in stop().
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "builtins.h"
#include "bytecode.h"
#include "heap_snapshot.h"
#include "modules.h"
#include "options.h"
#include "source.h"

namespace tenure::js {

extern const char kV8ModuleSource[] = R"JS('use strict';
const binding = require('%v8');
const internal = require('%internal');
// util is loaded on first use only: compiling it is most of what require('util') costs.
function inspect(value, options) { return require('util').inspect(value, options); }

function invalidArgValue(name, value) {
  const kind = name.includes('.') ? 'property' : 'argument';
  return internal.nodeError('TypeError', 'ERR_INVALID_ARG_VALUE',
                            `The ${kind} '${name}' is invalid. Received ${inspect(value)}`);
}

function cachedDataVersionTag() { return binding.cachedDataVersionTag(); }
function getHeapStatistics() { return binding.getHeapStatistics(); }
function getHeapSpaceStatistics() { return binding.getHeapSpaceStatistics(); }
function getHeapCodeStatistics() { return binding.getHeapCodeStatistics(); }

function setFlagsFromString(flags) {
  if (typeof flags !== 'string') throw internal.invalidArgTypeError('flags', 'of type string', flags);
  binding.setFlagsFromString(flags);
}

function writeHeapSnapshot(path, options) { return binding.writeHeapSnapshot(path); }

// node validateUint32(limit, 'limit', true).
function setHeapSnapshotNearHeapLimit(limit) {
  if (typeof limit !== 'number') throw internal.invalidArgTypeError('limit', 'of type number', limit);
  if (!Number.isInteger(limit)) {
    throw internal.nodeError('RangeError', 'ERR_OUT_OF_RANGE',
                             `The value of "limit" is out of range. It must be an integer. Received ${inspect(limit)}`);
  }
  if (limit < 1 || limit > 4294967295) {
    throw internal.nodeError('RangeError', 'ERR_OUT_OF_RANGE',
                             `The value of "limit" is out of range. It must be >= 1 && <= 4294967295. Received ${inspect(limit)}`);
  }
  binding.setHeapSnapshotNearHeapLimit(limit);
}

let queryObjectsWarned = false;
const kNoOptions = {};

// The live objects (after a full GC) whose prototype chain holds ctor.prototype: their number, or
// with format 'summary' their util.inspect texts at depth 0, in heap order.
function queryObjects(ctor, options = kNoOptions) {
  if (typeof ctor !== 'function') throw internal.invalidArgTypeError('constructor', 'of type function', ctor);
  if (options !== kNoOptions && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw internal.invalidArgTypeError('options', 'of type object', options);
  }
  const format = options.format || 'count';
  if (format !== 'count' && format !== 'summary') throw invalidArgValue('options.format', format);
  if (!queryObjectsWarned) {
    queryObjectsWarned = true;
    // process.emitWarning emits on the next tick itself: 'warning' listeners and --no-warnings apply.
    process.emitWarning('v8.queryObjects() is an experimental feature and might change at any time',
                        'ExperimentalWarning');
  }
  const proto = ctor.prototype;
  if ((typeof proto !== 'object' && typeof proto !== 'function') || proto === null) return undefined;
  if (format === 'count') return binding.queryObjects(proto, false);
  return binding.queryObjects(proto, true).map((object) => inspect(object, { depth: 0 }));
}

// A profiler session is a native id (binding.gcProfilerStart) kept outside the object, so the
// object itself stays empty (node prints `GCProfiler {}`).
const sessions = new WeakMap();

class GCProfiler {
  start() {
    if (!sessions.has(this)) sessions.set(this, binding.gcProfilerStart());
  }

  stop() {
    const id = sessions.get(this);
    if (id === undefined) return undefined;
    sessions.delete(this);
    return binding.gcProfilerStop(id);
  }
}

module.exports = {
  cachedDataVersionTag,
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  writeHeapSnapshot,
  queryObjects,
  setHeapSnapshotNearHeapLimit,
  GCProfiler,
};
)JS";

namespace {

double D(size_t n) { return static_cast<double>(n); }

// ---- Statistics ---------------------------------------------------------------------------------

TENURE_NATIVE(V8GetHeapStatistics) {
  tenure::HeapStatistics s = rt.heap().GetHeapStatistics();
  return MakeNumberObject(rt, {{"total_heap_size", D(s.total_heap_size)},
                               {"total_heap_size_executable", D(s.total_heap_size_executable)},
                               {"total_physical_size", D(s.total_physical_size)},
                               {"total_available_size", D(s.total_available_size)},
                               {"used_heap_size", D(s.used_heap_size)},
                               {"heap_size_limit", D(s.heap_size_limit)},
                               {"malloced_memory", D(s.malloced_memory)},
                               {"peak_malloced_memory", D(s.peak_malloced_memory)},
                               {"does_zap_garbage", D(s.does_zap_garbage)},
                               {"number_of_native_contexts", D(s.number_of_native_contexts)},
                               {"number_of_detached_contexts", D(s.number_of_detached_contexts)},
                               {"total_global_handles_size", D(s.total_global_handles_size)},
                               {"used_global_handles_size", D(s.used_global_handles_size)},
                               {"external_memory", D(s.external_memory)}});
}

// An array of space objects with node's snake_case (getHeapSpaceStatistics) or camelCase
// (GCProfiler) field names.
Value NewSpaceStatisticsArray(Runtime& rt, const std::vector<tenure::SpaceStatistics>& spaces, bool camel) {
  tenure::HandleScope scope(rt.heap());
  Handle result = Handle::New(rt.heap(), rt.NewArray());
  for (const tenure::SpaceStatistics& s : spaces) {
    Handle o = Handle::New(rt.heap(), rt.NewPlainObject());
    SetDataProperty(rt, o, camel ? "spaceName" : "space_name", rt.NewString(s.space_name));
    SetDataProperty(rt, o, camel ? "spaceSize" : "space_size", rt.NewNumber(D(s.space_size)));
    SetDataProperty(rt, o, camel ? "spaceUsedSize" : "space_used_size", rt.NewNumber(D(s.space_used_size)));
    SetDataProperty(rt, o, camel ? "spaceAvailableSize" : "space_available_size",
                    rt.NewNumber(D(s.space_available_size)));
    SetDataProperty(rt, o, camel ? "physicalSpaceSize" : "physical_space_size",
                    rt.NewNumber(D(s.physical_space_size)));
    rt.ArrayPush(result, o);
  }
  return result.value();
}

TENURE_NATIVE(V8GetHeapSpaceStatistics) {
  return NewSpaceStatisticsArray(rt, rt.heap().GetHeapSpaceStatistics(), false);
}

// node's getHeapCodeStatistics fields, honestly for an interpreter that compiles to bytecode held
// outside the GC heap (bytecode.h FunctionInfo):
//   code_and_metadata_size      0: tenure generates no machine code (its builtins are C++ in the binary)
//   bytecode_and_metadata_size  bytes of every compiled function's instructions, source positions,
//                               constant pool, inline caches and allocation-site table (capacities)
//   external_script_source_size bytes of the source texts those functions were compiled from
//   cpu_profiler_metadata_size  0: no CPU profiler
TENURE_NATIVE(V8GetHeapCodeStatistics) {
  size_t bytecode = 0, sources = 0;
  std::set<const SourceFile*> seen;
  for (const std::unique_ptr<FunctionInfo>& f : rt.functions()) {
    bytecode += sizeof(FunctionInfo) + f->name.capacity() + f->code.capacity() * sizeof(Instr) +
                f->positions.capacity() * sizeof(uint32_t) + f->constants.capacity() * sizeof(Value) +
                f->ics.capacity() * sizeof(InlineCache) + f->allocation_sites.capacity() * sizeof(void*);
    if (f->source != nullptr && seen.insert(f->source).second) sources += f->source->text().size();
  }
  return MakeNumberObject(rt, {{"code_and_metadata_size", 0},
                               {"bytecode_and_metadata_size", D(bytecode)},
                               {"external_script_source_size", D(sources)},
                               {"cpu_profiler_metadata_size", 0}});
}

// A 32-bit FNV-1a hash of the instruction set (every opcode's name and operand text): like V8's
// tag, it changes exactly when compiled code stops being interchangeable.
TENURE_NATIVE(V8CachedDataVersionTag) {
  static const char* const kOpcodeText[] = {
#define TENURE_JS_OP_TEXT(name, doc) #name doc,
      TENURE_JS_OPCODES(TENURE_JS_OP_TEXT)
#undef TENURE_JS_OP_TEXT
  };
  uint32_t hash = 2166136261u;
  for (const char* text : kOpcodeText) {
    for (const char* c = text; *c != '\0'; ++c) hash = (hash ^ static_cast<uint8_t>(*c)) * 16777619u;
    hash = (hash ^ 0xff) * 16777619u;
  }
  return rt.NewNumber(static_cast<double>(hash));
}

// ---- Flags and snapshots ------------------------------------------------------------------------

// One V8-style flag: the trace flags change the heap's tracing now; any other flag tenure's
// command line accepts is taken silently (it only has an effect at start-up); an unknown flag
// gets V8's "unrecognized flag" lines on stderr, as node prints them.
void SetOneFlag(Runtime& rt, std::string flag) {
  std::string name = flag.substr(0, flag.find('='));
  for (size_t k = 2; k < name.size(); ++k) if (name[k] == '_') name[k] = '-';
  bool on = name.rfind("--no-", 0) != 0;
  std::string base = on ? name : "--" + name.substr(5);
  tenure::Heap& heap = rt.heap();
  if (base == "--trace-gc") return heap.set_trace_gc(on);
  if (base == "--trace-gc-nvp") return heap.set_trace_gc_nvp(on);
  if (base == "--trace-gc-verbose") return heap.set_trace_gc_verbose(on);
  RuntimeOptions scratch;
  if (name.rfind("--", 0) == 0 && ParseCommandLine({flag, "x.js"}, &scratch).ok) return;
  if (!on && ParseCommandLine({base, "x.js"}, &scratch).ok) return;
  std::fflush(stdout);
  std::fprintf(stderr, "Error: unrecognized flag %s\nTry --help for options\n", flag.c_str());
}

// setFlagsFromString(flags): whitespace-separated flags (validated as a string by the module).
TENURE_NATIVE(V8SetFlagsFromString) {
  std::istringstream in(IsString(args.get(0)) ? rt.ToStdString(args.get(0)) : std::string());
  std::string flag;
  while (in >> flag) SetOneFlag(rt, flag);
  return kUndefined;
}

// writeHeapSnapshot([path]): full GC, then a .heapsnapshot (node's default file name in the
// cwd when no path is given); returns the file name. Write errors throw an Error.
TENURE_NATIVE(V8WriteHeapSnapshot) {
  if (rt.sandboxed()) return rt.ThrowError(ErrorType::kError, "writeHeapSnapshot is disabled (sandboxed)");
  std::string path;
  Value arg = args.get(0);
  if (arg != kUndefined) {
    if (!IsString(arg)) {
      return rt.ThrowTypeError("The \"path\" argument must be of type string. Received " + rt.Inspect(args.at(0)));
    }
    path = rt.ToStdString(arg);
  }
  std::string error;
  std::string file = rt.snapshot_support().Write(path, &error);
  if (file.empty()) return rt.ThrowError(ErrorType::kError, error);
  return rt.NewString(file);
}

// setHeapSnapshotNearHeapLimit(limit) (limit validated by the module): the run-time form of
// --heapsnapshot-near-heap-limit; a no-op when that is already on (flag or an earlier call).
// A sandboxed run refuses it: it writes files and would replace the sandbox's own
// near-heap-limit callback (execution_budget.cc).
TENURE_NATIVE(V8SetHeapSnapshotNearHeapLimit) {
  if (rt.sandboxed()) return rt.ThrowError(ErrorType::kError, "setHeapSnapshotNearHeapLimit is disabled (sandboxed)");
  if (!IsNumber(args.get(0))) return kUndefined;
  rt.snapshot_support().EnableNearHeapLimitSnapshots(static_cast<uint64_t>(NumberValue(args.get(0))));
  return kUndefined;
}

// ---- queryObjects ---------------------------------------------------------------------------------

// True when `prototype` is on the prototype chain of the heap object `o` (a JSObject).
bool ChainIncludes(HeapObject* o, Value prototype) {
  if (KindOf(o) < Kind::kObject) return false;
  for (Value p = static_cast<JSObject*>(o)->proto; IsJSObject(p); p = p.As<JSObject>()->proto) {
    if (p == prototype) return true;
  }
  return false;
}

// %v8.queryObjects(prototype, collect): collects all available garbage (as V8's QueryObjects
// does), then walks every object of the heap (Heap::IterateObjects). Returns the number of
// objects whose prototype chain includes `prototype`, or with `collect` an array of them in heap
// order.
TENURE_NATIVE(V8QueryObjects) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle prototype = Handle::New(heap, args.get(0));
  bool collect = args.get(1) == kTrue;
  heap.CollectAllAvailableGarbage(tenure::GCReason::kHeapProfiler);
  std::vector<HeapObject*> found;
  heap.IterateObjects([&](HeapObject* o) {
    if (ChainIncludes(o, prototype.value())) found.push_back(o);
  });
  if (!collect) return rt.NewNumber(D(found.size()));
  // Handles are malloc'd blocks (no GC): root every object before the array allocation can move them.
  std::vector<Handle> rooted;
  rooted.reserve(found.size());
  for (HeapObject* o : found) rooted.push_back(Handle::New(heap, Value::FromObject(o)));
  Handle result = Handle::New(heap, rt.NewArray());
  for (const Handle& h : rooted) rt.ArrayPush(result, h);
  return result.value();
}

// ---- GCProfiler -------------------------------------------------------------------------------------

struct HeapSample {
  tenure::HeapStatistics heap;
  std::vector<tenure::SpaceStatistics> spaces;
};

struct GCRecord {
  tenure::GCType type;
  double cost_us = 0;
  HeapSample before, after;
};

// One started GCProfiler: its GC callbacks append a record per collection.
struct GCProfilerSession {
  double start_ms = 0;
  std::chrono::steady_clock::time_point gc_start;
  std::vector<GCRecord> records;
};

HeapSample SampleHeap(tenure::Heap& heap) { return {heap.GetHeapStatistics(), heap.GetHeapSpaceStatistics()}; }

void ProfilerPrologue(tenure::Heap& heap, tenure::GCType type, void* data) {
  auto* session = static_cast<GCProfilerSession*>(data);
  session->records.push_back({type, 0, SampleHeap(heap), {}});
  session->gc_start = std::chrono::steady_clock::now();
}

void ProfilerEpilogue(tenure::Heap& heap, tenure::GCType type, void* data) {
  auto* session = static_cast<GCProfilerSession*>(data);
  if (session->records.empty() || session->records.back().type != type) return;
  GCRecord& record = session->records.back();
  record.cost_us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - session->gc_start).count();
  record.after = SampleHeap(heap);
}

// The per-runtime sessions (BuiltinsState::v8_state); unregisters their callbacks before the heap
// goes away.
struct V8State {
  explicit V8State(tenure::Heap& h) : heap(h) {}
  ~V8State() {
    for (auto& [id, session] : sessions) Unregister(session.get());
  }
  void Unregister(GCProfilerSession* session) {
    heap.RemoveGCPrologueCallback(ProfilerPrologue, session);
    heap.RemoveGCEpilogueCallback(ProfilerEpilogue, session);
  }
  tenure::Heap& heap;
  int next_id = 1;
  std::map<int, std::unique_ptr<GCProfilerSession>> sessions;
};

V8State& EnsureV8State(Runtime& rt) {
  BuiltinsState& state = EnsureBuiltinsState(rt);
  if (!state.v8_state) state.v8_state = std::make_shared<V8State>(rt.heap());
  return *static_cast<V8State*>(state.v8_state.get());
}

double NowEpochMs() {
  using namespace std::chrono;
  return static_cast<double>(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

TENURE_NATIVE(V8GCProfilerStart) {
  V8State& state = EnsureV8State(rt);
  auto session = std::make_unique<GCProfilerSession>();
  session->start_ms = NowEpochMs();
  rt.heap().AddGCPrologueCallback(ProfilerPrologue, session.get());
  rt.heap().AddGCEpilogueCallback(ProfilerEpilogue, session.get());
  int id = state.next_id++;
  state.sessions[id] = std::move(session);
  return Value::FromSmi(id);
}

// node's GCProfiler field names and order (src/node_v8.cc): a heap sample as
// { heapStatistics: {...}, heapSpaceStatistics: [...] }.
Value NewHeapSampleObject(Runtime& rt, const HeapSample& sample) {
  tenure::HandleScope scope(rt.heap());
  const tenure::HeapStatistics& s = sample.heap;
  Handle heap = Handle::New(rt.heap(), MakeNumberObject(rt, {{"totalHeapSize", D(s.total_heap_size)},
      {"totalHeapSizeExecutable", D(s.total_heap_size_executable)}, {"totalPhysicalSize", D(s.total_physical_size)},
      {"totalAvailableSize", D(s.total_available_size)}, {"totalGlobalHandlesSize", D(s.total_global_handles_size)},
      {"usedGlobalHandlesSize", D(s.used_global_handles_size)}, {"usedHeapSize", D(s.used_heap_size)},
      {"heapSizeLimit", D(s.heap_size_limit)}, {"mallocedMemory", D(s.malloced_memory)},
      {"externalMemory", D(s.external_memory)}, {"peakMallocedMemory", D(s.peak_malloced_memory)}}));
  Handle o = Handle::New(rt.heap(), rt.NewPlainObject());
  SetDataProperty(rt, o, "heapStatistics", heap.value());
  SetDataProperty(rt, o, "heapSpaceStatistics", NewSpaceStatisticsArray(rt, sample.spaces, true));
  return o.value();
}

Value NewGCRecordObject(Runtime& rt, const GCRecord& record) {
  tenure::HandleScope scope(rt.heap());
  Handle o = Handle::New(rt.heap(), rt.NewPlainObject());
  const char* type = record.type == tenure::GCType::kScavenge ? "Scavenge" : "MarkSweepCompact";
  SetDataProperty(rt, o, "gcType", rt.NewString(type));
  SetDataProperty(rt, o, "beforeGC", NewHeapSampleObject(rt, record.before));
  SetDataProperty(rt, o, "cost", rt.NewNumber(record.cost_us));
  SetDataProperty(rt, o, "afterGC", NewHeapSampleObject(rt, record.after));
  return o.value();
}

// %v8.gcProfilerStop(id): ends the session and returns node's
// { version: 1, startTime, statistics: [...], endTime }; undefined for an unknown id.
TENURE_NATIVE(V8GCProfilerStop) {
  V8State& state = EnsureV8State(rt);
  auto it = args.get(0).IsSmi() ? state.sessions.find(static_cast<int>(args.get(0).ToSmi())) : state.sessions.end();
  if (it == state.sessions.end()) return kUndefined;
  std::unique_ptr<GCProfilerSession> session = std::move(it->second);
  state.sessions.erase(it);
  state.Unregister(session.get());
  tenure::HandleScope scope(rt.heap());
  Handle result = Handle::New(rt.heap(), rt.NewPlainObject());
  SetDataProperty(rt, result, "version", Value::FromSmi(1));
  SetDataProperty(rt, result, "startTime", rt.NewNumber(session->start_ms));
  Handle statistics = Handle::New(rt.heap(), rt.NewArray());
  for (const GCRecord& record : session->records) {
    Handle item = Handle::New(rt.heap(), NewGCRecordObject(rt, record));
    rt.ArrayPush(statistics, item);
  }
  SetDataProperty(rt, result, "statistics", statistics.value());
  SetDataProperty(rt, result, "endTime", rt.NewNumber(NowEpochMs()));
  return result.value();
}

}  // namespace

Value NewV8Binding(Runtime& rt) {
  tenure::HandleScope scope(rt.heap());
  Handle b = Handle::New(rt.heap(), rt.NewPlainObject());
  rt.DefineNative(b, "getHeapStatistics", V8GetHeapStatistics, 0);
  rt.DefineNative(b, "getHeapSpaceStatistics", V8GetHeapSpaceStatistics, 0);
  rt.DefineNative(b, "getHeapCodeStatistics", V8GetHeapCodeStatistics, 0);
  rt.DefineNative(b, "cachedDataVersionTag", V8CachedDataVersionTag, 0);
  rt.DefineNative(b, "setFlagsFromString", V8SetFlagsFromString, 1);
  rt.DefineNative(b, "writeHeapSnapshot", V8WriteHeapSnapshot, 1);
  rt.DefineNative(b, "setHeapSnapshotNearHeapLimit", V8SetHeapSnapshotNearHeapLimit, 1);
  rt.DefineNative(b, "queryObjects", V8QueryObjects, 2);
  rt.DefineNative(b, "gcProfilerStart", V8GCProfilerStart, 0);
  rt.DefineNative(b, "gcProfilerStop", V8GCProfilerStop, 1);
  return b.value();
}

}  // namespace tenure::js
