#include "heap_snapshot.h"

#include <csignal>
#include <cstdio>
#include <map>
#include <utility>

#include "arena.h"
#include "heap_timeline.h"
#include "parser.h"
#include "runtime.h"
#include "scope.h"
#include "syntax_error.h"

namespace tenure::js {

namespace {

using tenure::SnapshotEdgeType;
using tenure::SnapshotNodeType;

// Set by the --heapsnapshot-signal handler, consumed at the next safe point (async-signal-safe).
volatile std::sig_atomic_t g_snapshot_signal_pending = 0;

void OnSnapshotSignal(int) { g_snapshot_signal_pending = 1; }

bool IsContext(Value v) { return IsKind(v, Kind::kContext); }

// Slot names of the context a scope allocates (index = context slot).
std::vector<std::string> ContextSlotNames(const Scope* scope) {
  std::vector<std::string> names(scope->context_slots);
  for (const Variable* v : scope->vars) {
    if (v->in_context && v->index < names.size()) names[v->index] = std::string(v->name);
  }
  return names;
}

// The nearest scope strictly outside `scope` that allocates a context (compiler invariant in
// scope.h: exactly the needs_context scopes push contexts), or null.
const Scope* OuterContextScope(const Scope* scope) {
  for (const Scope* s = scope->outer; s != nullptr; s = s->outer) {
    if (s->needs_context) return s;
  }
  return nullptr;
}

}  // namespace

// ---- Side tables ---------------------------------------------------------------------------------

// Names every context reachable from a closure (and the contexts of live frames) by re-running
// scope analysis on each source: closure F with function scope S captures the context of the
// nearest needs_context scope outside S, whose parent is the next one out, and so on. Also finds
// FixedArrays that back exactly one object's properties/elements. Allocates only malloc memory.
void JsSnapshotDescriber::BuildSideTables() {
  tables_built_ = true;
  struct Parsed {
    Arena arena;
    ScopeTree scopes;
    std::map<uint32_t, const Scope*> functions;  // function node offset -> function scope
  };
  std::map<const SourceFile*, std::unique_ptr<Parsed>> parsed;
  auto function_scope = [&](const FunctionInfo* info) -> const Scope* {
    if (info == nullptr || info->source == nullptr) return nullptr;
    auto& p = parsed[info->source];
    if (!p) {
      p = std::make_unique<Parsed>();
      try {
        Node* program = ParseScript(*info->source, p->arena);
        AnalyzeScopes(program, &p->scopes);
      } catch (const SyntaxError&) {
        return nullptr;  // cannot happen for compiled code; names fall back to slot numbers
      }
      for (const auto& s : p->scopes.scopes()) {
        if (s->kind == ScopeKind::kFunction && s->node != nullptr) p->functions.emplace(s->node->offset, s.get());
      }
    }
    auto it = p->functions.find(info->offset);
    return it == p->functions.end() ? nullptr : it->second;
  };
  auto name_chain = [&](Value context, const Scope* scope) {
    for (; IsContext(context) && scope != nullptr; scope = OuterContextScope(scope)) {
      HeapObject* c = context.ToObject();
      if (context_names_.count(c) != 0) return;
      name_lists_.push_back(std::make_unique<std::vector<std::string>>(ContextSlotNames(scope)));
      context_names_.emplace(c, name_lists_.back().get());
      context = static_cast<FixedArray*>(c)->items()[0];
    }
  };
  auto& functions = runtime_.functions();
  std::unordered_map<const HeapObject*, int> owners;
  runtime_.heap().IterateObjects([&](HeapObject* o) {
    if (KindOf(o) < Kind::kObject) return;
    JSObject* object = static_cast<JSObject*>(o);
    for (Value store : {object->slots, object->elements}) {
      if (IsKind(store, Kind::kFixedArray)) ++owners[store.ToObject()];
    }
    if (KindOf(o) != Kind::kFunction || !object->internal[1].IsSmi()) return;
    const int64_t id = object->internal[1].ToSmi();
    if (id < 0 || id >= static_cast<int64_t>(functions.size())) return;
    if (const Scope* s = function_scope(functions[id].get())) name_chain(object->internal[0], OuterContextScope(s));
  });
  // Live frames: the function's own context (when the frame's current context has its size).
  for (const Runtime::Frame& f : runtime_.frames()) {
    const Scope* s = function_scope(f.info);
    Value context = runtime_.stack()[f.base + kRegContext];
    if (s == nullptr || !IsContext(context)) continue;
    FixedArray* c = context.As<FixedArray>();
    if (s->needs_context && c->size() == static_cast<int64_t>(s->context_slots) + 1) name_chain(context, s);
  }
  for (const auto& [store, count] : owners) {
    if (count == 1) backing_stores_.insert(store);
  }
}

// ---- Nodes ---------------------------------------------------------------------------------------

// `proto.constructor.name`, as V8's GetConstructorName; the layout's class name if there is none.
std::string JsSnapshotDescriber::ConstructorName(HeapObject* object) const {
  const Value proto = static_cast<JSObject*>(object)->proto;
  if (IsJSObject(proto)) {
    int64_t flags = 0;
    const int64_t index = Runtime::FindOwn(proto.As<JSObject>(), runtime_.root(kRootConstructorKey), &flags);
    if (index >= 0 && (flags & kShapeAccessor) == 0) {
      const Value ctor = Runtime::ReadSlot(proto.As<JSObject>(), index);
      if (IsKind(ctor, Kind::kFunction)) {
        std::string name = runtime_.FunctionName(ctor);
        if (!name.empty()) return name;
      }
    }
  }
  return object->type()->class_name;
}

tenure::SnapshotNode JsSnapshotDescriber::Describe(HeapObject* object) {
  if (!tables_built_) BuildSideTables();
  tenure::SnapshotNode node;
  node.self_size = object->Size();
  switch (KindOf(object)) {
    case Kind::kHeapNumber:
      node.type = SnapshotNodeType::kNumber;
      name_ = "heap number";
      break;
    case Kind::kString:
      node.type = SnapshotNodeType::kString;
      name_ = static_cast<String*>(object)->view();
      break;
    case Kind::kFixedArray:
      node.type = SnapshotNodeType::kArray;
      name_ = backing_stores_.count(object) != 0 ? "(object elements)" : "(array)";
      break;
    case Kind::kShape:
      node.type = SnapshotNodeType::kObjectShape;
      name_ = "system / Map";
      break;
    case Kind::kContext:
      node.type = SnapshotNodeType::kObject;
      name_ = "system / Context";
      break;
    case Kind::kSymbol:
      node.type = SnapshotNodeType::kSymbol;
      name_ = "symbol";
      break;
    case Kind::kEphemeronTable:
    case Kind::kWeakFixedArray:
      node.type = SnapshotNodeType::kArray;
      name_ = object->type()->class_name;
      break;
    case Kind::kFunction:
      node.type = SnapshotNodeType::kClosure;
      name_ = runtime_.FunctionName(Value::FromObject(object));
      break;
    default:
      node.type = SnapshotNodeType::kObject;
      // Node 20 names the user global "global" (root -shortcut-> global object).
      name_ = object == UserGlobal() ? "global" : ConstructorName(object);
      break;
  }
  node.name = name_;
  return node;
}

HeapObject* JsSnapshotDescriber::UserGlobal() {
  const Value global = runtime_.root(kRootGlobal);
  return global.IsHeapObject() ? global.ToObject() : nullptr;
}

// ---- Edges ---------------------------------------------------------------------------------------

void JsSnapshotDescriber::DescribeEdges(HeapObject* object, tenure::SnapshotEdgeSink& sink) {
  if (!tables_built_) BuildSideTables();
  switch (KindOf(object)) {
    case Kind::kHeapNumber:
    case Kind::kString:
      return;
    case Kind::kFixedArray: {
      if (backing_stores_.count(object) != 0) return;  // the owner reports the contents
      FixedArray* a = static_cast<FixedArray*>(object);
      for (int64_t i = 0; i < a->size(); ++i) {
        sink.AddIndexedEdge(SnapshotEdgeType::kElement, static_cast<uint32_t>(i), a->items()[i]);
      }
      return;
    }
    case Kind::kShape: {
      const Shape* s = static_cast<Shape*>(object);
      sink.AddNamedEdge(SnapshotEdgeType::kInternal, "back_pointer", s->parent);
      sink.AddNamedEdge(SnapshotEdgeType::kInternal, "key", s->key);
      sink.AddNamedEdge(SnapshotEdgeType::kInternal, "transitions", s->transitions);
      return;
    }
    case Kind::kContext:
      DescribeContextEdges(object, sink);
      return;
    case Kind::kSymbol:
      sink.AddNamedEdge(SnapshotEdgeType::kInternal, "name", static_cast<Symbol*>(object)->description);
      return;
    case Kind::kEphemeronTable:
    case Kind::kWeakFixedArray: {  // weak: these edges do not retain (ephemeron values neither)
      FixedArray* a = static_cast<FixedArray*>(object);
      for (int64_t i = 0; i < a->size(); ++i) {
        sink.AddNamedEdge(SnapshotEdgeType::kWeak, std::to_string(i), a->items()[i]);
      }
      return;
    }
    default:
      DescribeObjectEdges(object, sink);
      return;
  }
}

// `context` edges named by variable (slot number when the scope is unknown), `previous` = parent.
void JsSnapshotDescriber::DescribeContextEdges(HeapObject* object, tenure::SnapshotEdgeSink& sink) {
  FixedArray* c = static_cast<FixedArray*>(object);
  sink.AddNamedEdge(SnapshotEdgeType::kInternal, "previous", c->items()[0]);
  auto it = context_names_.find(object);
  const std::vector<std::string>* names = it == context_names_.end() ? nullptr : it->second;
  for (int64_t i = 1; i < c->size(); ++i) {
    const size_t slot = static_cast<size_t>(i - 1);
    if (names != nullptr && slot < names->size() && !(*names)[slot].empty()) {
      sink.AddNamedEdge(SnapshotEdgeType::kContext, (*names)[slot], c->items()[i]);
    } else {
      sink.AddNamedEdge(SnapshotEdgeType::kContext, "slot " + std::to_string(slot), c->items()[i]);
    }
  }
}

// Properties (shape chain), elements, prototype, shape, backing stores and kind-specific internals.
void JsSnapshotDescriber::DescribeObjectEdges(HeapObject* object, tenure::SnapshotEdgeSink& sink) {
  JSObject* o = static_cast<JSObject*>(object);
  for (Value s = o->shape; IsKind(s, Kind::kShape); s = s.As<Shape>()->parent) {
    const Shape* shape = s.As<Shape>();
    if (!IsString(shape->key) || !shape->index.IsSmi()) continue;
    sink.AddNamedEdge(SnapshotEdgeType::kProperty, shape->key.As<String>()->view(),
                      Runtime::ReadSlot(o, shape->index.ToSmi()));
  }
  if (IsKind(o->elements, Kind::kFixedArray)) {
    FixedArray* e = o->elements.As<FixedArray>();
    int64_t n = e->size();
    if (HasLengthField(o) && o->length.IsSmi() && o->length.ToSmi() < n) n = o->length.ToSmi();
    for (int64_t i = 0; i < n; ++i) {
      if (e->items()[i] != kHole) sink.AddIndexedEdge(SnapshotEdgeType::kElement, static_cast<uint32_t>(i), e->items()[i]);
    }
  }
  sink.AddNamedEdge(SnapshotEdgeType::kProperty, "__proto__", o->proto);
  sink.AddNamedEdge(SnapshotEdgeType::kInternal, "map", o->shape);
  sink.AddNamedEdge(SnapshotEdgeType::kInternal, "properties", o->slots);
  sink.AddNamedEdge(SnapshotEdgeType::kInternal, "elements", o->elements);
  switch (KindOf(object)) {
    case Kind::kFunction:
      sink.AddNamedEdge(SnapshotEdgeType::kInternal, "context", o->internal[0]);
      sink.AddNamedEdge(SnapshotEdgeType::kInternal, "home_object", o->internal[2]);
      break;
    case Kind::kMap:
    case Kind::kSet:
      sink.AddNamedEdge(SnapshotEdgeType::kInternal, "table", o->internal[0]);
      break;
    case Kind::kTypedArray:  // V8's JSArrayBufferView -buffer-> JSArrayBuffer (builtins_typed_array.h)
    case Kind::kBuffer:
    case Kind::kDataView:
      sink.AddNamedEdge(SnapshotEdgeType::kInternal, "buffer", o->internal[1]);
      break;
    case Kind::kArrayBuffer:  // internal[0] is the store's address; the store is no heap object
      break;
    case Kind::kBoxed:  // a primitive wrapper (builtins_wrappers.cc): V8's JSPrimitiveWrapper -value->
      sink.AddNamedEdge(SnapshotEdgeType::kInternal, "value", o->internal[0]);
      break;
    default:
      if (!HasInternalFields(o)) break;  // compact plain objects and arrays (objects.h)
      for (uint32_t i = 0; i < 3; ++i) sink.AddIndexedEdge(SnapshotEdgeType::kHidden, i, o->internal[i]);
      break;
  }
}

// ---- HeapSnapshotSupport -------------------------------------------------------------------------

HeapSnapshotSupport::HeapSnapshotSupport(Runtime& runtime) : runtime_(runtime) {
  const RuntimeOptions& o = runtime.options();
  if (o.heapsnapshot_signal != 0) {
    struct sigaction action = {};
    action.sa_handler = OnSnapshotSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(o.heapsnapshot_signal, &action, nullptr);
  }
  if (o.heapsnapshot_near_heap_limit > 0) EnableNearHeapLimitSnapshots(o.heapsnapshot_near_heap_limit);
  if (!o.heap_timeline.empty()) timeline_ = std::make_unique<HeapTimeline>(runtime.heap(), o.heap_timeline);
}

HeapSnapshotSupport::~HeapSnapshotSupport() {
  if (near_limit_enabled_) runtime_.heap().RemoveNearHeapLimitCallback(NearHeapLimit, 0);
  if (runtime_.options().heapsnapshot_signal != 0) std::signal(runtime_.options().heapsnapshot_signal, SIG_DFL);
}

void HeapSnapshotSupport::EnableNearHeapLimitSnapshots(uint64_t limit) {
  if (near_limit_enabled_ || limit == 0) return;
  near_limit_enabled_ = true;
  near_limit_snapshots_left_ = limit;
  runtime_.heap().AddNearHeapLimitCallback(NearHeapLimit, this);
}

std::string HeapSnapshotSupport::Write(const std::string& path, std::string* error) {
  if (!profiler_) profiler_ = std::make_unique<tenure::HeapProfiler>(runtime_.heap());
  const std::string file = path.empty() ? tenure::DefaultHeapSnapshotFileName() : path;
  JsSnapshotDescriber describer(runtime_);
  tenure::HeapSnapshotOptions options;
  options.describer = &describer;
  const tenure::HeapSnapshotResult result = profiler_->WriteSnapshot(file, options);
  if (!result.ok()) {
    *error = result.error;
    return "";
  }
  ++snapshots_written_;
  return file;
}

// Writes a default-named snapshot; near the heap limit reports it on stderr as node does
// ("Wrote snapshot to <file>"), silently for a signal.
void HeapSnapshotSupport::WriteAndReport(const char* why) {
  std::string error;
  const std::string file = Write("", &error);
  if (file.empty()) {
    std::fprintf(stderr, "tenure: %s heap snapshot failed: %s\n", why, error.c_str());
  } else if (std::string_view(why) != "signal") {  // node is silent for --heapsnapshot-signal
    std::fprintf(stderr, "Wrote snapshot to %s\n", file.c_str());
  }
}

void HeapSnapshotSupport::AtSafePoint() {
  if (g_snapshot_signal_pending != 0) {
    g_snapshot_signal_pending = 0;
    WriteAndReport("signal");
  }
  if (near_limit_pending_) {
    near_limit_pending_ = false;
    WriteAndReport("near-heap-limit");
  }
  if (timeline_) timeline_->MaybeSample();
}

// Like node's --heapsnapshot-near-heap-limit: write a snapshot (now, or at the next safe point
// when called inside a GC) and raise the limit so the program and the snapshot can proceed; after
// N snapshots, leave the limit alone so the heap reaches its usual OOM. Node raises by the young
// generation size; the writer here needs no managed memory, so a quarter of the limit is ample.
size_t HeapSnapshotSupport::NearHeapLimit(void* data, size_t current_limit, size_t initial_limit) {
  auto* self = static_cast<HeapSnapshotSupport*>(data);
  if (self->near_limit_snapshots_left_ == 0) return current_limit;
  --self->near_limit_snapshots_left_;
  if (self->runtime_.heap().InGC()) {
    self->near_limit_pending_ = true;
  } else {
    self->WriteAndReport("near-heap-limit");
  }
  return current_limit + initial_limit / 4;
}

}  // namespace tenure::js
