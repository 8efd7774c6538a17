// Copyright the tenure authors.
// structure_test.cc — the file format: key order, meta, counts, edge grouping, ids, synthetic
// nodes, node/edge typing by the default describer, string escaping and capping.
#include <set>

#include "writer_test_fixture.h"

namespace tenure::testing {
namespace {

using StructureTest = WriterTest;

TEST_F(StructureTest, TopLevelKeysAndMetaFollowV8) {
  NewRecordLocal();
  ParsedSnapshot s = Snapshot();
  EXPECT_EQ(s.json.Keys(), (std::vector<std::string>{"snapshot", "nodes", "edges",
                                                     "trace_function_infos", "trace_tree",
                                                     "samples", "locations", "strings"}));
  EXPECT_EQ(s.json["snapshot"].Keys(),
            (std::vector<std::string>{"meta", "node_count", "edge_count", "trace_function_count"}));
  const Json& meta = s.json["snapshot"]["meta"];
  EXPECT_EQ(meta.Keys(),
            (std::vector<std::string>{"node_fields", "node_types", "edge_fields", "edge_types",
                                      "trace_function_info_fields", "trace_node_fields",
                                      "sample_fields", "location_fields"}));
  std::vector<std::string> node_fields;
  for (const Json& f : meta["node_fields"].items) node_fields.push_back(f.text);
  EXPECT_EQ(node_fields, (std::vector<std::string>{"type", "name", "id", "self_size", "edge_count",
                                                   "trace_node_id", "detachedness"}));
  EXPECT_EQ(meta["node_types"][0].items.size(), 16u);
  EXPECT_EQ(meta["node_types"][0][9].text, "synthetic");
  EXPECT_EQ(meta["edge_types"][0].items.size(), 7u);
  EXPECT_EQ(meta["edge_types"][0][5].text, "shortcut");
  EXPECT_EQ(meta["location_fields"].items.size(), 4u);
  EXPECT_EQ(s.json["snapshot"]["trace_function_count"].u(), 0u);
  for (const char* key : {"trace_function_infos", "trace_tree", "samples", "locations"}) {
    EXPECT_TRUE(s.json[key].items.empty()) << key;
  }
  EXPECT_EQ(s.json["strings"][0].text, "<dummy>");
}

TEST_F(StructureTest, NodeRowsEndWithNewlineLikeNode20) {
  NewRecordLocal();
  const std::string text = SnapshotText();
  EXPECT_NE(text.find("\n\"nodes\":[9,1,1,0,1,0,0\n,9,"), std::string::npos) << text.substr(0, 900);
  EXPECT_NE(text.find("\n],\n\"edges\":[1,1,7\n,"), std::string::npos);
  EXPECT_NE(text.find("\"strings\":[\"<dummy>\",\n\"\",\n"), std::string::npos);
  EXPECT_EQ(text.substr(text.size() - 2), "]}");
}

TEST_F(StructureTest, SyntheticRootsComeFirst) {
  NewRecordLocal();
  ParsedSnapshot s = Snapshot();
  ASSERT_GE(s.nodes.size(), 3u);
  EXPECT_EQ(s.nodes[0].type, "synthetic");
  EXPECT_EQ(s.nodes[0].name, "");
  EXPECT_EQ(s.nodes[0].id, 1u);
  EXPECT_EQ(s.nodes[1].name, "(GC roots)");
  EXPECT_EQ(s.nodes[1].id, 3u);
  const auto root_edges = s.EdgesOf(&s.nodes[0]);
  ASSERT_EQ(root_edges.size(), 1u);  // no user global registered
  EXPECT_EQ(root_edges[0].type, "element");
  EXPECT_EQ(root_edges[0].name, "1");
  EXPECT_EQ(root_edges[0].to, 1u);
  // (GC roots) -> every sub-root, as element edges 1..n.
  const auto gc_edges = s.EdgesOf(&s.nodes[1]);
  for (size_t i = 0; i < gc_edges.size(); ++i) {
    EXPECT_EQ(gc_edges[i].type, "element");
    EXPECT_EQ(gc_edges[i].name, std::to_string(i + 1));
    EXPECT_EQ(s.nodes[gc_edges[i].to].type, "synthetic");
    EXPECT_EQ(s.nodes[gc_edges[i].to].id, 5 + 2 * i);
  }
  EXPECT_GE(gc_edges.size(), 6u);
}

TEST_F(StructureTest, IdsAreOddAndUniqueAndEveryObjectIsANode) {
  Local<RecordArray> array = Local<RecordArray>::New(heap(), NewArray(50));
  for (int i = 0; i < 50; ++i) Link(array.get(), array->slots() + i, NewRecord());
  ParsedSnapshot s = Snapshot();
  std::set<uint64_t> ids;
  for (const auto& n : s.nodes) {
    EXPECT_EQ(n.id % 2, 1u) << n.name;
    EXPECT_TRUE(ids.insert(n.id).second) << "duplicate id " << n.id;
  }
  size_t objects = 0;
  heap().IterateObjects([&](HeapObject*) { ++objects; });
  EXPECT_EQ(s.Named("Record").size(), 50u);
  EXPECT_EQ(s.nodes.size(), objects + 2 + s.EdgesOf(&s.nodes[1]).size());
  EXPECT_EQ(last_result_.node_count, s.nodes.size());
  EXPECT_EQ(last_result_.edge_count, s.edges.size());
}

TEST_F(StructureTest, DefaultDescriberTypesAndEdges) {
  Local<Record> record = NewRecordLocal();
  Link(record.get(), &record->a, NewText("hello"));
  record->b = Value::FromSmi(42);  // not an edge
  Link(record.get(), &record->c, heap().New<Blob>(&kBlobType));
  Local<RecordArray> array = Local<RecordArray>::New(heap(), NewArray(3));
  Link(array.get(), array->slots() + 2, record.get());
  ParsedSnapshot s = Snapshot();

  const auto records = s.Named("Record");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]->type, "object");
  EXPECT_EQ(records[0]->self_size, sizeof(Record));
  EXPECT_EQ(s.EdgeSummary(records[0]),
            (std::multiset<std::string>{"internal:0->hello", "internal:2->Blob"}));
  const auto hello = s.Named("hello");
  ASSERT_EQ(hello.size(), 1u);
  EXPECT_EQ(hello[0]->type, "string");
  EXPECT_EQ(hello[0]->self_size, AllocationSize(16 + 5));
  EXPECT_EQ(s.Named("Blob")[0]->type, "hidden");
  const auto arrays = s.Named("RecordArray");
  ASSERT_EQ(arrays.size(), 1u);
  // Slot 0 is the Smi length; slot 3 (index 3 after the header) holds the record.
  EXPECT_EQ(s.EdgeSummary(arrays[0]), (std::multiset<std::string>{"element:3->Record"}));
}

TEST_F(StructureTest, EphemeronsAreWrittenAsV8WeakMapEdges) {
  Local<Record> key = NewRecordLocal();
  Local<WeakTable> table = Local<WeakTable>::New(heap(), heap().New<WeakTable>(&kWeakTableType));
  Link(table.get(), &table->key, key.get());
  Link(table.get(), &table->value, NewText("value"));
  ParsedSnapshot s = Snapshot();
  const auto* table_node = s.Named("WeakTable").at(0);
  const auto* key_node = s.Named("Record").at(0);
  const auto* value_node = s.Named("value").at(0);
  const std::string pair = "part of key (Record @" + std::to_string(key_node->id) +
                           ") -> value (value @" + std::to_string(value_node->id) +
                           ") pair in WeakMap (table @" + std::to_string(table_node->id) + ")";
  EXPECT_EQ(s.EdgeSummary(table_node),
            (std::multiset<std::string>{"weak:0->Record", "weak:1->value",
                                        "internal:3 / " + pair + "->value"}));
  EXPECT_EQ(s.EdgeSummary(key_node), (std::multiset<std::string>{"internal:1 / " + pair + "->value"}));
}

// Compressed slots (value.h) are edges too, named by their 4-byte slot index after the header.
struct CompressedPair : HeapObject {
  CompressedValue first;
  CompressedValue second;
  CompressedValue third;
  uint32_t untagged;
};
inline constexpr TypeInfo kCompressedPairType{.class_name = "CompressedPair",
                                              .layout = LayoutKind::kCompressedTaggedPrefix,
                                              .size = sizeof(CompressedPair),
                                              .compressed_prefix_slots = 3};

TEST_F(StructureTest, CompressedSlotsAreEdges) {
  Local<Record> record = NewRecordLocal();
  Local<Text> text = Local<Text>::New(heap(), NewText("second"));
  auto* pair = heap().New<CompressedPair>(&kCompressedPairType);
  Store(pair, &pair->first, Value::FromSmi(5));  // not an edge
  Store(pair, &pair->second, Value::FromObject(text.get()));
  Store(pair, &pair->third, Value::FromObject(record.get()));
  Local<CompressedPair> local = Local<CompressedPair>::New(heap(), pair);
  ParsedSnapshot s = Snapshot();
  EXPECT_EQ(s.EdgeSummary(s.Named("CompressedPair").at(0)),
            (std::multiset<std::string>{"internal:1->second", "internal:2->Record"}));
}

TEST_F(StructureTest, WeakSlotsAreWeakEdges) {
  Local<Record> target = NewRecordLocal();
  Local<WeakRef> ref = Local<WeakRef>::New(heap(), heap().New<WeakRef>(&kWeakRefType));
  Link(ref.get(), &ref->target, target.get());
  Link(ref.get(), &ref->next, NewText("next"));
  ParsedSnapshot s = Snapshot();
  EXPECT_EQ(s.EdgeSummary(s.Named("WeakRef").at(0)),
            (std::multiset<std::string>{"weak:0->Record", "internal:1->next"}));
}

TEST_F(StructureTest, StringsAreEscapedAndDeduplicated) {
  const std::string tricky = "q\"b\\s/\n\t\x01\x7f é € 😀 \xff bad";
  Local<RecordArray> array = Local<RecordArray>::New(heap(), NewArray(3));
  Link(array.get(), array->slots(), NewText(tricky));
  Link(array.get(), array->slots() + 1, NewText(tricky));
  Link(array.get(), array->slots() + 2, NewText("Record"));  // same text as a class name
  NewRecordLocal();
  const std::string text = SnapshotText();
  ParsedSnapshot s = ParsedSnapshot::From(text);
  // Invalid UTF-8 (\xff) becomes U+FFFD; everything else round-trips.
  const std::string expected = "q\"b\\s/\n\t\x01\x7f é € 😀 \xef\xbf\xbd bad";
  EXPECT_EQ(s.Named(expected).size(), 2u);
  EXPECT_EQ(s.Named("Record").size(), 2u);  // the string node and the Record object
  std::multiset<std::string> strings;
  for (const Json& j : s.json["strings"].items) strings.insert(j.text);
  EXPECT_EQ(strings.count(expected), 1u);
  EXPECT_EQ(strings.count("Record"), 1u);
  // Non-ASCII is written as \u escapes (astral as a surrogate pair), as V8 does.
  EXPECT_NE(text.find("\\u00e9 \\u20ac \\ud83d\\ude00 \\ufffd"), std::string::npos);
  EXPECT_NE(text.find("\\u0001"), std::string::npos);
}

TEST_F(StructureTest, NamesAreCappedAt1024Characters) {
  std::string long_text;
  for (int i = 0; i < 1500; ++i) long_text += "é";  // 2 bytes each: the cap counts characters
  Local<Text>::New(heap(), NewText(long_text));
  ParsedSnapshot s = Snapshot();
  const auto& strings = s.json["strings"].items;
  size_t longest = 0;
  for (const Json& j : strings) longest = std::max(longest, j.text.size());
  EXPECT_EQ(longest, 1024u * 2);
  EXPECT_EQ(s.Named(long_text.substr(0, 2048)).size(), 1u);
}

TEST_F(StructureTest, EdgesAreGroupedBySourceInNodeOrder) {
  // Build a chain; each Record's only edge must be the row right after its predecessor's.
  Local<Record> head = NewRecordLocal();
  Record* cur = head.get();
  for (int i = 0; i < 20; ++i) {
    Record* next = NewRecord();
    Link(cur, &cur->a, next);
    cur = next;
  }
  ParsedSnapshot s = Snapshot();
  size_t expected_first = 0;
  for (const auto& n : s.nodes) {
    EXPECT_EQ(n.first_edge, expected_first);
    expected_first += n.edge_count;
  }
  size_t chain_edges = 0;
  for (const auto& n : s.nodes) {
    if (n.name != "Record") continue;
    for (const auto& e : s.EdgesOf(&n)) chain_edges += s.nodes[e.to].name == "Record";
  }
  EXPECT_EQ(chain_edges, 20u);
}

}  // namespace
}  // namespace tenure::testing
