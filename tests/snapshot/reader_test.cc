#include "snapshot/reader.h"

#include <gtest/gtest.h>

#include <string>

#include "snapshot/snapshot_error.h"
#include "fixtures.h"

namespace tenure::snapshot {
namespace {

using testing::kMinimalV8_11;
using testing::MinimalNewV8;

void ExpectMinimalGraph(const Snapshot& s) {
  ASSERT_EQ(s.node_count(), 10u);
  ASSERT_EQ(s.edge_count(), 12u);
  EXPECT_EQ(s.string_count(), 14u);
  EXPECT_EQ(s.node_id[3], 7u);
  EXPECT_EQ(s.NodeName(3), "Global");
  EXPECT_EQ(s.NodeTypeName(3), "object");
  EXPECT_EQ(s.self_size[6], 32u);
  EXPECT_EQ(s.first_edge.front(), 0u);
  EXPECT_EQ(s.first_edge.back(), 12u);
  // Edge 1 is root --shortcut "1"--> Global (ordinal 3).
  EXPECT_EQ(s.edge_to[1], 3u);
  EXPECT_EQ(s.edge_type[1], s.edge_types.shortcut);
  EXPECT_EQ(s.EdgeNameText(1), "1");
  // Element edges keep their integer index as the name.
  EXPECT_EQ(s.edge_type[7], s.edge_types.element);
  EXPECT_EQ(s.EdgeNameText(7), "1");
  EXPECT_EQ(s.EdgeSource(7), 5u);
  EXPECT_EQ(s.edge_to[9], 3u);  // Leaky --weak weak_ref--> Global
}

TEST(ReaderTest, ReadsNode20Layout) {
  Snapshot s = ReadSnapshotText(kMinimalV8_11);
  ExpectMinimalGraph(s);
  EXPECT_EQ(s.node_fields.size(), 7u);
  EXPECT_EQ(s.extra_native_bytes, 0u);
  EXPECT_EQ(s.detachedness.size(), 10u);
}

TEST(ReaderTest, ReadsNewerV8LayoutWithSixNodeFields) {
  Snapshot s = ReadSnapshotText(MinimalNewV8());
  ExpectMinimalGraph(s);
  EXPECT_EQ(s.node_fields.size(), 6u);
  EXPECT_EQ(s.extra_native_bytes, 777u);
}

TEST(ReaderTest, SequentialAndParallelAgree) {
  ReadOptions seq;
  seq.parallel = false;
  Snapshot a = ReadSnapshotText(kMinimalV8_11, seq);
  Snapshot b = ReadSnapshotText(kMinimalV8_11);
  EXPECT_EQ(a.edge_to, b.edge_to);
  EXPECT_EQ(a.node_id, b.node_id);
  EXPECT_EQ(a.string_arena, b.string_arena);
}

// Two parser threads may split the edges at any row boundary; the graph must not change,
// including with V8's newline-separated rows (whitespace around the cut).
TEST(ReaderTest, SplitEdgesAgreeWithOnePass) {
  std::string spaced = kMinimalV8_11;
  const size_t edges = spaced.find("\"edges\":[");
  for (size_t p = spaced.find(',', edges); p < spaced.find(']', edges); p = spaced.find(',', p + 3)) {
    spaced.replace(p, 1, ",\n ");
  }
  for (const std::string& text : {std::string(kMinimalV8_11), spaced}) {
    ReadOptions whole;
    whole.parallel = false;
    Snapshot a = ReadSnapshotText(text, whole);
    ExpectMinimalGraph(a);
    for (int percent = 0; percent < 100; percent += 3) {
      for (bool parallel : {false, true}) {
        SCOPED_TRACE(std::to_string(percent) + "% parallel=" + std::to_string(parallel));
        ReadOptions o;
        o.parallel = parallel;
        o.edge_split_fraction_for_testing = percent / 100.0;
        Snapshot b = ReadSnapshotText(text, o);
        EXPECT_EQ(a.edge_to, b.edge_to);
        EXPECT_EQ(a.edge_type, b.edge_type);
        EXPECT_EQ(a.edge_name, b.edge_name);
        EXPECT_EQ(a.first_edge, b.first_edge);
        EXPECT_EQ(a.node_id, b.node_id);
      }
    }
  }
}

TEST(ReaderTest, IdsOnlyScopeSkipsEdgesAndStrings) {
  ReadOptions o;
  o.scope = ReadScope::kNodeIdsOnly;
  Snapshot s = ReadSnapshotText(kMinimalV8_11, o);
  EXPECT_EQ(s.node_id.size(), 10u);
  EXPECT_TRUE(s.edge_to.empty());
  EXPECT_EQ(s.string_count(), 0u);
}

TEST(ReaderTest, DecodesEscapesAndSurrogates) {
  std::string text = kMinimalV8_11;
  size_t pos = text.find("\"weak_ref\"");
  // "\u00e9\ud83d\ude00 \n\"x\\" and a lone surrogate.
  text.replace(pos, 10, R"("\u00e9\ud83d\ude00\n\"x\\\ud800")");
  Snapshot s = ReadSnapshotText(text);
  EXPECT_EQ(s.String(13), "\xC3\xA9\xF0\x9F\x98\x80\n\"x\\\xEF\xBF\xBD");
}

}  // namespace
}  // namespace tenure::snapshot
