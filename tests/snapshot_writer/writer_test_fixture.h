// Copyright the tenure authors.
// writer_test_fixture.h — the WriterTest fixture: a heap with a HeapProfiler, a few object types
// covering every layout, and ParsedSnapshot, which parses a written snapshot with the independent
// mini_json.h and checks the format invariants every snapshot must hold:
//   Record       (kAllTagged, fixed: a, b, c)        -> `object`, internal edges "0".."2"
//   RecordArray  (kAllTagged, variable: length+slots) -> `object`, element edges
//   Text         (kNoPointers, variable, registered string type) -> `string` named by contents
//   Blob         (kNoPointers, fixed)                 -> `hidden`
//   WeakRef      (kCustom: weak target, strong next)  -> weak + internal edges
//   WeakTable    (kCustom: one ephemeron key/value)   -> V8's WeakMap edges
#ifndef TENURE_TESTS_SNAPSHOT_WRITER_WRITER_TEST_FIXTURE_H_
#define TENURE_TESTS_SNAPSHOT_WRITER_WRITER_TEST_FIXTURE_H_

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "mini_json.h"
#include "tenure/heap-snapshot.h"
#include "tenure/tenure.h"

namespace tenure::testing {

struct Record : HeapObject {
  Value a, b, c;
};
struct RecordArray : HeapObject {
  Value length;  // Smi
  Value* slots() { return body() + 1; }
};
struct Text : HeapObject {
  uint64_t length;
  char* chars() { return reinterpret_cast<char*>(this + 1); }
};
struct Blob : HeapObject {
  uint64_t bytes[3];
};
struct WeakRef : HeapObject {
  Value target;  // weak
  Value next;    // strong
};
struct WeakTable : HeapObject {
  Value key;
  Value value;
};

inline size_t RecordArraySize(const HeapObject* o) {
  return 16 + 8 * static_cast<const RecordArray*>(o)->length.ToSmi();
}
inline size_t TextSize(const HeapObject* o) { return 16 + static_cast<const Text*>(o)->length; }
inline std::string_view TextContents(const HeapObject* o) {
  auto* t = static_cast<const Text*>(o);
  return {reinterpret_cast<const char*>(t + 1), t->length};
}
inline void VisitWeakRef(HeapObject* o, ObjectVisitor& v) {
  v.VisitWeakSlot(&o->As<WeakRef>()->target);
  v.VisitSlot(&o->As<WeakRef>()->next);
}
inline void VisitWeakTable(HeapObject* o, ObjectVisitor& v) {
  v.VisitEphemeron(&o->As<WeakTable>()->key, &o->As<WeakTable>()->value);
}

inline constexpr TypeInfo kRecordType{
    .class_name = "Record", .layout = LayoutKind::kAllTagged, .size = sizeof(Record)};
inline constexpr TypeInfo kRecordArrayType{
    .class_name = "RecordArray", .layout = LayoutKind::kAllTagged, .size_of = &RecordArraySize};
inline constexpr TypeInfo kTextType{
    .class_name = "Text", .layout = LayoutKind::kNoPointers, .size_of = &TextSize};
inline constexpr TypeInfo kBlobType{
    .class_name = "Blob", .layout = LayoutKind::kNoPointers, .size = sizeof(Blob)};
inline constexpr TypeInfo kWeakRefType{.class_name = "WeakRef",
                                       .layout = LayoutKind::kCustom,
                                       .size = sizeof(WeakRef),
                                       .visit = &VisitWeakRef};
inline constexpr TypeInfo kWeakTableType{.class_name = "WeakTable",
                                         .layout = LayoutKind::kCustom,
                                         .size = sizeof(WeakTable),
                                         .visit = &VisitWeakTable};

inline constexpr Value kClearedForTest = Value::MakeImmediate(9, 2);

inline HeapConfig WriterTestConfig() {
  HeapConfig config;
  config.initial_semi_space_size = 512 * KB;
  config.max_semi_space_size = 1 * MB;
  config.max_old_space_size = 128 * MB;
  config.verify_heap = true;
  config.cleared_weak_value = kClearedForTest;
  return config;
}

inline constexpr int kNodeFields = 7;

// One parsed snapshot, with the format invariants already checked (gtest failures otherwise).
struct ParsedSnapshot {
  struct Node {
    std::string type, name;
    uint64_t id = 0, self_size = 0, edge_count = 0, detachedness = 0;
    size_t first_edge = 0;
  };
  struct Edge {
    std::string type, name;  // name: the string, or the decimal index for element/hidden
    size_t to = 0;           // ordinal
  };
  Json json;
  std::vector<Node> nodes;
  std::vector<Edge> edges;

  // Parses and checks; `text` must be a complete snapshot.
  static ParsedSnapshot From(const std::string& text) {
    ParsedSnapshot s;
    s.json = JsonParser::Parse(text);
    s.Build();
    return s;
  }
  const Node* ById(uint64_t id) const {
    for (const Node& n : nodes) {
      if (n.id == id) return &n;
    }
    return nullptr;
  }
  size_t Ordinal(const Node* n) const { return static_cast<size_t>(n - nodes.data()); }
  std::vector<Edge> EdgesOf(const Node* n) const {
    return {edges.begin() + n->first_edge, edges.begin() + n->first_edge + n->edge_count};
  }
  std::vector<const Node*> Named(std::string_view name) const {
    std::vector<const Node*> out;
    for (const Node& n : nodes) {
      if (n.name == name) out.push_back(&n);
    }
    return out;
  }
  // (edge type, edge name, target name) of every edge out of `n`.
  std::multiset<std::string> EdgeSummary(const Node* n) const {
    std::multiset<std::string> out;
    for (const Edge& e : EdgesOf(n)) out.insert(e.type + ":" + e.name + "->" + nodes[e.to].name);
    return out;
  }

 private:
  void Build() {
    const Json& meta = json["snapshot"]["meta"];
    const Json& node_types = meta["node_types"][0];
    const Json& edge_types = meta["edge_types"][0];
    const Json& strings = json["strings"];
    const Json& n = json["nodes"];
    const Json& e = json["edges"];
    EXPECT_EQ(meta["node_fields"].items.size(), static_cast<size_t>(kNodeFields));
    ASSERT_EQ(n.items.size() % kNodeFields, 0u);
    ASSERT_EQ(e.items.size() % 3, 0u);
    ASSERT_EQ(n.items.size() / kNodeFields, json["snapshot"]["node_count"].u());
    ASSERT_EQ(e.items.size() / 3, json["snapshot"]["edge_count"].u());
    size_t edge_cursor = 0;
    for (size_t i = 0; i < n.items.size(); i += kNodeFields) {
      Node node;
      node.type = node_types[n[i].u()].text;
      node.name = strings[n[i + 1].u()].text;
      node.id = n[i + 2].u();
      node.self_size = n[i + 3].u();
      node.edge_count = n[i + 4].u();
      EXPECT_EQ(n[i + 5].u(), 0u) << "trace_node_id";
      node.detachedness = n[i + 6].u();
      node.first_edge = edge_cursor;
      edge_cursor += node.edge_count;
      nodes.push_back(node);
    }
    ASSERT_EQ(edge_cursor, e.items.size() / 3) << "edge_count fields must sum to edge_count";
    for (size_t i = 0; i < e.items.size(); i += 3) {
      Edge edge;
      edge.type = edge_types[e[i].u()].text;
      const uint64_t name_or_index = e[i + 1].u();
      if (edge.type == "element" || edge.type == "hidden") {
        edge.name = std::to_string(name_or_index);
      } else {
        ASSERT_LT(name_or_index, strings.items.size());
        edge.name = strings[name_or_index].text;
      }
      const uint64_t to_node = e[i + 2].u();
      ASSERT_EQ(to_node % kNodeFields, 0u) << "to_node must be a multiple of the node field count";
      ASSERT_LT(to_node / kNodeFields, nodes.size());
      edge.to = to_node / kNodeFields;
      edges.push_back(edge);
    }
  }
};

class WriterTest : public ::testing::Test {
 protected:
  explicit WriterTest(const HeapConfig& config = WriterTestConfig())
      : heap_(std::make_unique<Heap>(config)), scope_(*heap_), profiler_(*heap_) {
    describer_.RegisterStringType(&kTextType, &TextContents);
  }

  Heap& heap() { return *heap_; }
  HeapProfiler& profiler() { return profiler_; }

  Record* NewRecord(AllocationType where = AllocationType::kYoung) {
    return heap().New<Record>(&kRecordType, sizeof(Record), where);
  }
  Local<Record> NewRecordLocal(AllocationType where = AllocationType::kYoung) {
    return Local<Record>::New(heap(), NewRecord(where));
  }
  RecordArray* NewArray(int64_t length, AllocationType where = AllocationType::kYoung) {
    auto* a = heap().New<RecordArray>(&kRecordArrayType, 16 + 8 * length, where);
    a->length = Value::FromSmi(length);
    return a;
  }
  Text* NewText(std::string_view text) {
    auto* t = heap().New<Text>(&kTextType, 16 + text.size());
    t->length = text.size();
    memcpy(t->chars(), text.data(), text.size());
    return t;
  }
  void Link(HeapObject* host, Value* slot, const HeapObject* target) {
    Store(host, slot, Value::FromObject(target));
  }

  // Writes a snapshot into memory (through a tmpfile) and returns its text.
  std::string SnapshotText(HeapSnapshotOptions options = {}) {
    if (options.describer == nullptr) options.describer = &describer_;
    FILE* f = tmpfile();
    last_result_ = profiler().WriteSnapshot(f, options);
    EXPECT_TRUE(last_result_.ok()) << last_result_.error;
    std::string text;
    fseek(f, 0, SEEK_END);
    text.resize(static_cast<size_t>(ftell(f)));
    fseek(f, 0, SEEK_SET);
    EXPECT_EQ(fread(text.data(), 1, text.size(), f), text.size());
    fclose(f);
    return text;
  }
  ParsedSnapshot Snapshot(HeapSnapshotOptions options = {}) {
    return ParsedSnapshot::From(SnapshotText(options));
  }

  std::unique_ptr<Heap> heap_;
  HandleScope scope_;
  HeapProfiler profiler_;
  DefaultSnapshotDescriber describer_;
  HeapSnapshotResult last_result_;
};

}  // namespace tenure::testing

#endif  // TENURE_TESTS_SNAPSHOT_WRITER_WRITER_TEST_FIXTURE_H_
