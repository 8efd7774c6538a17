// Copyright the tenure authors.
#include "snapshot-writer.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "address-map.h"
#include "json-stream.h"
#include "string-table.h"

namespace tenure::internal {
namespace {

constexpr uint32_t kNodeFieldCount = 7;

// Node 20.20 / V8 11.3.244 `meta`, byte for byte (heapsnapshot-format.md §1.2, verified against
// `node -e "require('v8').writeHeapSnapshot()"`).
constexpr std::string_view kMeta =
    R"("meta":{"node_fields":["type","name","id","self_size","edge_count","trace_node_id",)"
    R"("detachedness"],"node_types":[["hidden","array","string","object","code","closure",)"
    R"("regexp","number","native","synthetic","concatenated string","sliced string","symbol",)"
    R"("bigint","object shape","wasm object"],"string","number","number","number","number",)"
    R"("number"],"edge_fields":["type","name_or_index","to_node"],"edge_types":[["context",)"
    R"("element","property","internal","hidden","shortcut","weak"],"string_or_number","node"],)"
    R"("trace_function_info_fields":["function_id","name","script_name","script_id","line",)"
    R"("column"],"trace_node_fields":["id","function_info_index","count","size","children"],)"
    R"("sample_fields":["timestamp_us","last_assigned_id"],"location_fields":["object_index",)"
    R"("script_id","line","column"]})";

struct NodeRecord {
  uint64_t self_size = 0;
  uint32_t id = 0;
  uint32_t name = 0;
  uint32_t edge_count = 0;
  SnapshotNodeType type = SnapshotNodeType::kSynthetic;
  Detachedness detachedness = Detachedness::kUnknown;
};

// One root slot: an edge from sub-root `subroot` (index into subroots_) to `target`.
struct RootRef {
  uint32_t subroot;
  uint32_t target;  // ordinal
  uint32_t name;    // strings index
  bool weak;
};

// The key -> value half of an ephemeron: an extra edge of the key node.
struct KeyEdge {
  uint32_t key;
  uint32_t value;
  uint32_t table;
};

// Fixed sub-roots, one per RootKind (V8 RootVisitor::RootName spelling); named kRuntime roots get
// their own "(Strong roots: <name>)" sub-root after these.
struct FixedSubroot {
  const char* name;
  RootKind kind;
};
constexpr FixedSubroot kFixedSubroots[] = {
    {"(Stack roots)", RootKind::kStack},       {"(Handle scope)", RootKind::kHandles},
    {"(Global handles)", RootKind::kGlobals},  {"(Builtins)", RootKind::kBuiltins},
    {"(Strong roots)", RootKind::kRuntime},    {"(Unknown)", RootKind::kOther},
};
constexpr uint32_t kFixedSubrootCount = std::size(kFixedSubroots);
static_assert(kFirstSubrootId + kObjectIdStep * kFixedSubrootCount <= kFirstNamedSubrootId);

bool IsNumbered(SnapshotEdgeType type) {
  return type == SnapshotEdgeType::kElement || type == SnapshotEdgeType::kHidden;
}

class Writer {
 public:
  explicit Writer(const SnapshotWriterConfig& config)
      : config_(config), json_(config.out, config.buffer_size) {}
  HeapSnapshotResult Run();

  // Used by the edge sinks.
  // The ordinal of the node for `target`, or 0 if it is not a heap object of this snapshot.
  uint32_t Resolve(Value target) const {
    const uint32_t index1 = target.IsHeapObject() ? objects_index_.Find(target.raw()) : 0;
    return index1 == 0 ? 0 : first_object_ordinal_ + index1 - 1;
  }
  uint32_t NodeId(uint32_t ordinal) const { return nodes_[ordinal].id; }
  std::string_view NodeName(uint32_t ordinal) const { return strings_.Get(nodes_[ordinal].name); }
  StringTable& strings() { return strings_; }
  void RecordKeyEdge(const KeyEdge& edge) {
    key_edges_.push_back(edge);
    ++nodes_[edge.key].edge_count;
  }
  void WriteEdgeRow(SnapshotEdgeType type, uint32_t name_or_index, uint32_t to);

 private:
  void CollectObjects();
  void CollectRoots();
  uint32_t SubrootFor(RootKind kind, const char* name);
  void DescribeObjects();
  void WriteHeader();
  void WriteNodes();
  void WriteEdges();
  void WriteObjectEdges();
  void WriteStrings();
  void Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }

  SnapshotWriterConfig config_;
  JsonStream json_;
  StringTable strings_;
  std::vector<NodeRecord> nodes_;  // by ordinal
  std::vector<HeapObject*> objects_;
  uint32_t first_object_ordinal_ = 0;
  AddressMap objects_index_;  // address -> index in objects_ + 1
  std::vector<std::string> subroot_names_;
  std::vector<uint32_t> subroot_ids_;
  std::vector<uint32_t> subroot_edge_counters_;
  std::vector<RootRef> roots_;
  std::vector<KeyEdge> key_edges_;
  uint32_t user_global_ = 0;  // ordinal, 0 = none
  uint64_t edge_count_ = 0;
  bool first_edge_row_ = true;
  std::string error_;

};

// Resolves targets and splits ephemerons into V8's edges; subclasses count or write.
class EdgeSinkBase : public SnapshotEdgeSink {
 public:
  EdgeSinkBase(Writer* writer, uint32_t source) : writer_(writer), source_(source) {}

  void AddNamedEdge(SnapshotEdgeType type, std::string_view name, Value target) override {
    if (type == SnapshotEdgeType::kElement) type = SnapshotEdgeType::kProperty;
    if (type == SnapshotEdgeType::kHidden) type = SnapshotEdgeType::kInternal;
    if (const uint32_t to = writer_->Resolve(target); to != 0) EmitNamed(type, name, to);
  }
  void AddIndexedEdge(SnapshotEdgeType type, uint32_t index, Value target) override {
    const uint32_t to = writer_->Resolve(target);
    if (to == 0) return;
    if (IsNumbered(type)) {
      EmitNumbered(type, index, to);
    } else {
      EmitNamed(type, std::to_string(index), to);
    }
  }
  void AddEphemeron(uint32_t key_index, Value key, uint32_t value_index, Value value) override {
    AddIndexedEdge(SnapshotEdgeType::kWeak, key_index, key);
    AddIndexedEdge(SnapshotEdgeType::kWeak, value_index, value);
    const uint32_t k = writer_->Resolve(key);
    const uint32_t v = writer_->Resolve(value);
    if (k != 0 && v != 0) EmitEphemeron(k, v);
  }
  uint32_t emitted() const { return emitted_; }

 protected:
  virtual void EmitNamed(SnapshotEdgeType type, std::string_view name, uint32_t to) = 0;
  virtual void EmitNumbered(SnapshotEdgeType type, uint32_t index, uint32_t to) = 0;
  virtual void EmitEphemeron(uint32_t key, uint32_t value) = 0;

  Writer* writer_;
  uint32_t source_;
  uint32_t emitted_ = 0;
};

// Pass 1: counts edges and records the key halves of ephemerons.
class CountingSink final : public EdgeSinkBase {
 public:
  using EdgeSinkBase::EdgeSinkBase;

 private:
  void EmitNamed(SnapshotEdgeType, std::string_view, uint32_t) override { ++emitted_; }
  void EmitNumbered(SnapshotEdgeType, uint32_t, uint32_t) override { ++emitted_; }
  void EmitEphemeron(uint32_t key, uint32_t value) override {
    ++emitted_;
    writer_->RecordKeyEdge(KeyEdge{key, value, source_});
  }
};

// "N / part of key (K @k) -> value (V @v) pair in WeakMap (table @t)": V8's
// ExtractEphemeronHashTableReferences name, which DevTools' and memlab's WeakMap rules match.
std::string EphemeronEdgeName(Writer& w, uint32_t auto_index, const KeyEdge& e) {
  std::string name = std::to_string(auto_index) + " / part of key (";
  name.append(w.NodeName(e.key)).append(" @").append(std::to_string(w.NodeId(e.key)));
  name.append(") -> value (").append(w.NodeName(e.value)).append(" @");
  name.append(std::to_string(w.NodeId(e.value))).append(") pair in WeakMap (table @");
  name.append(std::to_string(w.NodeId(e.table))).append(")");
  return name;
}

// Pass 2: writes edge rows, at most `expected` of them (the pass-1 count without key edges).
class WritingSink final : public EdgeSinkBase {
 public:
  WritingSink(Writer* writer, uint32_t source, uint32_t expected)
      : EdgeSinkBase(writer, source), expected_(expected) {}
  bool overflowed() const { return overflowed_; }

 private:
  bool Admit() {
    if (emitted_ == expected_) {
      overflowed_ = true;
      return false;
    }
    ++emitted_;
    return true;
  }
  void EmitNamed(SnapshotEdgeType type, std::string_view name, uint32_t to) override {
    if (Admit()) writer_->WriteEdgeRow(type, writer_->strings().Intern(name), to);
  }
  void EmitNumbered(SnapshotEdgeType type, uint32_t index, uint32_t to) override {
    if (Admit()) writer_->WriteEdgeRow(type, index, to);
  }
  void EmitEphemeron(uint32_t key, uint32_t value) override {
    if (!Admit()) return;
    const std::string name = EphemeronEdgeName(*writer_, emitted_, KeyEdge{key, value, source_});
    writer_->WriteEdgeRow(SnapshotEdgeType::kInternal, writer_->strings().Intern(name), value);
  }

  uint32_t expected_;
  bool overflowed_ = false;
};

// ---- Collection --------------------------------------------------------------------------------

void Writer::CollectObjects() {
  config_.heap->IterateObjects([this](HeapObject* object) { objects_.push_back(object); });
  objects_index_ = AddressMap(objects_.size());
  for (size_t i = 0; i < objects_.size(); ++i) {
    objects_index_.Set(objects_[i]->address(), static_cast<uint32_t>(i + 1));
  }
}

uint32_t Writer::SubrootFor(RootKind kind, const char* name) {
  if (kind == RootKind::kWeakGlobals) kind = RootKind::kGlobals;
  if (kind == RootKind::kRuntime && name != nullptr && name[0] != '\0') {
    const std::string subroot = std::string("(Strong roots: ") + name + ")";
    for (uint32_t i = kFixedSubrootCount; i < subroot_names_.size(); ++i) {
      if (subroot_names_[i] == subroot) return i;
    }
    subroot_names_.push_back(subroot);
    subroot_ids_.push_back(config_.ids->IdForNamedSubroot(subroot));
    subroot_edge_counters_.push_back(0);
    return static_cast<uint32_t>(subroot_names_.size() - 1);
  }
  for (uint32_t i = 0; i < kFixedSubrootCount; ++i) {
    if (kFixedSubroots[i].kind == kind) return i;
  }
  return kFixedSubrootCount - 1;  // (Unknown)
}

// Every root slot that holds a heap object becomes an edge "<n> / <registration name>" (V8
// SetGcSubrootReference naming) from its sub-root; weak globals become weak edges.
void Writer::CollectRoots() {
  for (uint32_t i = 0; i < kFixedSubrootCount; ++i) {
    subroot_names_.push_back(kFixedSubroots[i].name);
    subroot_ids_.push_back(kFirstSubrootId + kObjectIdStep * i);
    subroot_edge_counters_.push_back(0);
  }
  class Collector final : public RootVisitor {
   public:
    explicit Collector(Writer* w) : w_(w) {}
    void VisitRoot(RootKind kind, const char* name, Value* slot) override {
      if (!slot->IsHeapObject()) return;
      const uint32_t index1 = w_->objects_index_.Find(slot->raw());
      if (index1 == 0) return;
      const uint32_t subroot = w_->SubrootFor(kind, name);
      const uint32_t n = ++w_->subroot_edge_counters_[subroot];
      const std::string edge_name =
          std::to_string(n) + " / " + (name != nullptr ? name : RootKindToString(kind));
      // Target stored as an object index here; CollectRoots' caller turns it into an ordinal.
      w_->roots_.push_back(RootRef{subroot, index1 - 1, w_->strings_.Intern(edge_name),
                                   kind == RootKind::kWeakGlobals});
    }

   private:
    Writer* w_;
  } collector(this);
  config_.heap->IterateRoots(collector);
  std::stable_sort(roots_.begin(), roots_.end(),
                   [](const RootRef& a, const RootRef& b) { return a.subroot < b.subroot; });
}

// Pass 1: node records and edge counts for every heap object.
void Writer::DescribeObjects() {
  SnapshotDescriber& describer = *config_.describer;
  for (size_t i = 0; i < objects_.size(); ++i) {
    const uint32_t ordinal = first_object_ordinal_ + static_cast<uint32_t>(i);
    HeapObject* object = objects_[i];
    const SnapshotNode node = describer.Describe(object);
    NodeRecord& record = nodes_[ordinal];
    record.type = node.type;
    record.name = strings_.Intern(node.name);
    record.self_size = node.self_size;
    record.detachedness = node.detachedness;
    record.id = config_.ids->Find(object);
    if (record.id == 0) Fail("internal error: a heap object has no snapshot id");
  }
  for (size_t i = 0; i < objects_.size(); ++i) {
    const uint32_t ordinal = first_object_ordinal_ + static_cast<uint32_t>(i);
    CountingSink sink(this, ordinal);
    describer.DescribeEdges(objects_[i], sink);
    nodes_[ordinal].edge_count += sink.emitted();
  }
  std::stable_sort(key_edges_.begin(), key_edges_.end(),
                   [](const KeyEdge& a, const KeyEdge& b) { return a.key < b.key; });
}

// ---- Output ------------------------------------------------------------------------------------

void Writer::WriteHeader() {
  json_.Raw(R"({"snapshot":{)");
  json_.Raw(kMeta);
  json_.Raw(R"(,"node_count":)");
  json_.Uint(nodes_.size());
  json_.Raw(R"(,"edge_count":)");
  json_.Uint(edge_count_);
  json_.Raw(R"(,"trace_function_count":0},)"
            "\n\"nodes\":[");
}

void Writer::WriteNodes() {
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const NodeRecord& n = nodes_[i];
    if (i != 0) json_.Char(',');
    json_.Uint(static_cast<uint32_t>(n.type));
    json_.Char(',');
    json_.Uint(n.name);
    json_.Char(',');
    json_.Uint(n.id);
    json_.Char(',');
    json_.Uint(n.self_size);
    json_.Char(',');
    json_.Uint(n.edge_count);
    json_.Raw(",0,");  // trace_node_id: no allocation tracking
    json_.Uint(static_cast<uint32_t>(n.detachedness));
    json_.Char('\n');
  }
  json_.Raw("],\n\"edges\":[");
}

void Writer::WriteEdgeRow(SnapshotEdgeType type, uint32_t name_or_index, uint32_t to) {
  if (!first_edge_row_) json_.Char(',');
  first_edge_row_ = false;
  json_.Uint(static_cast<uint32_t>(type));
  json_.Char(',');
  json_.Uint(name_or_index);
  json_.Char(',');
  json_.Uint(static_cast<uint64_t>(to) * kNodeFieldCount);
  json_.Char('\n');
}

void Writer::WriteEdges() {
  // Root: element 1 -> (GC roots); shortcut "2" -> the user global (V8 SetUserGlobalReference).
  WriteEdgeRow(SnapshotEdgeType::kElement, 1, 1);
  if (user_global_ != 0) WriteEdgeRow(SnapshotEdgeType::kShortcut, strings_.Intern("2"), user_global_);
  for (uint32_t i = 0; i < subroot_names_.size(); ++i) {
    WriteEdgeRow(SnapshotEdgeType::kElement, i + 1, 2 + i);
  }
  for (const RootRef& r : roots_) {
    WriteEdgeRow(r.weak ? SnapshotEdgeType::kWeak : SnapshotEdgeType::kInternal, r.name, r.target);
  }
  WriteObjectEdges();
  json_.Raw("],\n");
}

// Pass 2: each object's own edges, then the key halves of ephemerons whose key it is.
void Writer::WriteObjectEdges() {
  size_t next_key_edge = 0;
  for (size_t i = 0; i < objects_.size() && error_.empty(); ++i) {
    const uint32_t ordinal = first_object_ordinal_ + static_cast<uint32_t>(i);
    size_t key_end = next_key_edge;
    while (key_end < key_edges_.size() && key_edges_[key_end].key == ordinal) ++key_end;
    const uint32_t key_count = static_cast<uint32_t>(key_end - next_key_edge);
    const uint32_t own = nodes_[ordinal].edge_count - key_count;
    WritingSink sink(this, ordinal, own);
    config_.describer->DescribeEdges(objects_[i], sink);
    if (sink.overflowed() || sink.emitted() != own) {
      Fail("describer reported different edges on its second pass (must be deterministic)");
    }
    for (uint32_t j = 0; next_key_edge < key_end; ++next_key_edge, ++j) {
      const KeyEdge& e = key_edges_[next_key_edge];
      const std::string name = EphemeronEdgeName(*this, own + j + 1, e);
      WriteEdgeRow(SnapshotEdgeType::kInternal, strings_.Intern(name), e.value);
    }
  }
}

void Writer::WriteStrings() {
  json_.Raw("\"trace_function_infos\":[],\n\"trace_tree\":[],\n\"samples\":[],\n"
            "\"locations\":[],\n\"strings\":[");
  for (uint32_t i = 0; i < strings_.size(); ++i) {
    if (i != 0) json_.Raw(",\n");
    json_.String(strings_.Get(i));
  }
  json_.Raw("]}");
}

HeapSnapshotResult Writer::Run() {
  // Ordinals: root, (GC roots), sub-roots, objects. The sub-root count is known only after the
  // root walk, so objects are keyed by index until then (Resolve adds the offset).
  CollectObjects();
  CollectRoots();
  first_object_ordinal_ = 2 + static_cast<uint32_t>(subroot_names_.size());
  for (RootRef& r : roots_) r.target += first_object_ordinal_;
  if (HeapObject* global = config_.describer->UserGlobal(); global != nullptr) {
    user_global_ = Resolve(Value::FromObject(global));
  }

  nodes_.resize(first_object_ordinal_ + objects_.size());
  nodes_[0] = NodeRecord{.id = kRootNodeId, .name = strings_.Intern(""),
                         .edge_count = 1u + (user_global_ != 0 ? 1u : 0u)};
  nodes_[1] = NodeRecord{.id = kGcRootsNodeId, .name = strings_.Intern("(GC roots)"),
                         .edge_count = static_cast<uint32_t>(subroot_names_.size())};
  for (uint32_t i = 0; i < subroot_names_.size(); ++i) {
    nodes_[2 + i] = NodeRecord{.id = subroot_ids_[i], .name = strings_.Intern(subroot_names_[i]),
                               .edge_count = subroot_edge_counters_[i]};
  }
  DescribeObjects();
  for (const NodeRecord& n : nodes_) edge_count_ += n.edge_count;
  if (nodes_.size() >= 0xFFFFFFFEu / kNodeFieldCount || edge_count_ >= 0xFFFFFFFEu) {
    Fail("heap too large for the .heapsnapshot format (uint32 node/edge indexes)");
  }
  if (!error_.empty()) return {.error = error_};

  WriteHeader();
  WriteNodes();
  WriteEdges();
  WriteStrings();
  const bool io_ok = json_.Finish();
  HeapSnapshotResult result;
  result.error = !error_.empty() ? error_ : (io_ok ? "" : json_.error());
  result.node_count = static_cast<uint32_t>(nodes_.size());
  result.edge_count = static_cast<uint32_t>(edge_count_);
  result.string_count = strings_.size();
  result.bytes_written = json_.bytes_written();
  return result;
}

}  // namespace

HeapSnapshotResult WriteHeapSnapshotJson(const SnapshotWriterConfig& config) {
  Writer writer(config);
  return writer.Run();
}

}  // namespace tenure::internal
