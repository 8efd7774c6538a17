#include "snapshot/analysis.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "snapshot/class_names.h"
#include "snapshot/diff.h"
#include "snapshot/leaks.h"
#include "snapshot/reader.h"
#include "snapshot/retainer_path.h"
#include "snapshot/summary.h"
#include "fixtures.h"

namespace tenure::snapshot {
namespace {

using testing::kMinimalV8_11;
using testing::MinimalNewV8;

// Expected values are DevTools' (heapsnapshot-format.md §1.7, verified with heap-snapshot-toolkit).
void ExpectDevToolsNumbers(const Snapshot& s) {
  Analysis a = Analyze(s);
  EXPECT_EQ(a.total_size, 8400u);
  EXPECT_EQ(a.retained_size[3], 8400u);  // Global
  EXPECT_EQ(a.distance[3], 1);
  for (uint32_t leaky : {6u, 8u}) {
    EXPECT_EQ(a.self_size[leaky], 4128u);
    EXPECT_EQ(a.retained_size[leaky], 4128u);
    EXPECT_EQ(a.distance[leaky], 4);
  }
  EXPECT_EQ(a.self_size[7], 0u);  // transferred to its owner
  EXPECT_EQ(a.distance[0], kBaseSystemDistance);
  EXPECT_EQ(a.distance[1], kBaseSystemDistance + 1);
  EXPECT_EQ(a.dominator[0], 0u);
  EXPECT_EQ(a.dominator[6], 5u);
  EXPECT_EQ(a.unreachable_count, 0u);
}

TEST(AnalysisTest, MatchesDevToolsOnNode20Layout) { ExpectDevToolsNumbers(ReadSnapshotText(kMinimalV8_11)); }
TEST(AnalysisTest, MatchesDevToolsOnNewerLayout) { ExpectDevToolsNumbers(ReadSnapshotText(MinimalNewV8())); }

TEST(AnalysisTest, RawSizesSkipTransfer) {
  AnalysisOptions o;
  o.devtools_adjustments = false;
  Analysis a = Analyze(ReadSnapshotText(kMinimalV8_11), o);
  EXPECT_EQ(a.self_size[6], 32u);
  EXPECT_EQ(a.retained_size[6], 4128u);
}

TEST(AnalysisTest, WithoutParentEdgesOnlyThoseAreMissing) {
  Snapshot s = ReadSnapshotText(kMinimalV8_11);
  AnalysisOptions o;
  o.parent_edges = false;
  Analysis without = Analyze(s, o), with = Analyze(s);
  EXPECT_TRUE(without.bfs_parent_edge.empty());
  ASSERT_EQ(with.bfs_parent_edge.size(), s.node_count());
  EXPECT_EQ(with.bfs_parent_edge[6], 6u);  // Leaky @101 and @103: elements [0] and [1]
  EXPECT_EQ(with.bfs_parent_edge[8], 7u);
  EXPECT_EQ(without.distance, with.distance);
  EXPECT_EQ(without.retained_size, with.retained_size);
  EXPECT_EQ(without.dominator, with.dominator);
  ExpectDevToolsNumbers(s);
}

TEST(AnalysisTest, SummaryGroupsByDevToolsClassNames) {
  Snapshot s = ReadSnapshotText(kMinimalV8_11);
  Analysis a = Analyze(s);
  ClassNames c = ComputeClassNames(s);
  Summary sum = Summarize(s, a, c);
  const ClassStats* leaky = nullptr;
  for (const ClassStats& cs : sum.classes) {
    if (cs.name == "Leaky") leaky = &cs;
    EXPECT_NE(cs.name, "(synthetic)");  // synthetic nodes have self size 0 here: not counted
  }
  ASSERT_NE(leaky, nullptr);
  EXPECT_EQ(leaky->count, 2u);
  EXPECT_EQ(leaky->self_size, 8256u);
  EXPECT_EQ(leaky->retained_size, 8256u);
  EXPECT_EQ(sum.classes.front().name, "Global");
  EXPECT_EQ(sum.top_objects.front(), 3u);
}

TEST(AnalysisTest, ShortestPathNamesTheProperty) {
  Snapshot s = ReadSnapshotText(kMinimalV8_11);
  Analysis a = Analyze(s);
  RetainerPath p = ShortestRetainerPath(s, a, 8);
  ASSERT_EQ(p.nodes.size(), 5u);
  EXPECT_EQ(FormatRetainerPath(s, p, {PathStyle::kFull, false, false}),
            "(GC roots) → Global → cache: Cache → (elements): (object elements) → [1]: Leaky");
  EXPECT_EQ(FormatRetainerPath(s, p, {PathStyle::kCompact, true, true}),
            "(GC roots) → Global @7 → cache: Cache @9 → … → []: Leaky @103");
  std::vector<RetainerPath> all = AlternativeRetainerPaths(s, a, 8, 5);
  EXPECT_EQ(all.size(), 1u);  // the weak edge to Global is not a retainer path
}

// Regression (found by fuzz/snapshot): paths to the root itself, whose shortest path has no edges.
TEST(AnalysisTest, PathsToTheRootAreEmptyNotCrashing) {
  Snapshot s = ReadSnapshotText(kMinimalV8_11);
  Analysis a = Analyze(s);
  std::vector<RetainerPath> paths = AlternativeRetainerPaths(s, a, s.root_ordinal, 5);
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_TRUE(paths[0].edges.empty());
  EXPECT_EQ(FormatRetainerPath(s, paths[0], PathFormat{}), "(GC roots)");
}

TEST(AnalysisTest, IdSetDenseAndSparseAgree) {
  // Dense odd ids (V8's numbering) take the bitmap; a few huge ids take the sorted array.
  std::vector<uint32_t> dense = {9, 1, 3, 3, 7, 5, 201};
  std::vector<uint32_t> sparse = {4000000000u, 1, 77, 4000000000u};
  IdSet d(dense), sp(sparse), none;
  EXPECT_TRUE(d.UsesBitmapForTesting());
  EXPECT_EQ(d.SortedCountForTesting(), 1u);   // 201 is above 16 bits per id
  EXPECT_EQ(sp.SortedCountForTesting(), 2u);  // 77 and 4000000000 (once)
  for (uint32_t id : {0u, 1u, 2u, 3u, 5u, 7u, 8u, 9u, 11u, 200u, 201u, 202u, 1001u, 4000000000u, 0xFFFFFFFFu}) {
    const bool in_dense = std::find(dense.begin(), dense.end(), id) != dense.end();
    const bool in_sparse = std::find(sparse.begin(), sparse.end(), id) != sparse.end();
    EXPECT_EQ(d.Contains(id), in_dense) << id;
    EXPECT_EQ(sp.Contains(id), in_sparse) << id;
    EXPECT_FALSE(none.Contains(id));
  }
  EXPECT_TRUE(none.empty());
  EXPECT_FALSE(d.empty());
}

// Node 20 writes a few embedder nodes with ids near 2^32 among millions of dense odd ids: the
// dense ones stay in the bitmap, only the outliers are sorted.
TEST(AnalysisTest, IdSetKeepsOutliersOutOfTheBitmap) {
  std::vector<uint32_t> ids;
  for (uint32_t id = 1; id < 200000; id += 2) ids.push_back(id);
  ids.insert(ids.end(), {3490659552u, 1685159584u, 1203813216u, 3490659552u});
  IdSet set(ids);
  EXPECT_TRUE(set.UsesBitmapForTesting());
  EXPECT_EQ(set.SortedCountForTesting(), 3u);
  for (uint32_t id : {1u, 3u, 199999u, 3490659552u, 1685159584u, 1203813216u}) EXPECT_TRUE(set.Contains(id)) << id;
  for (uint32_t id : {0u, 2u, 200001u, 3490659551u, 0xFFFFFFFFu, 1203813217u}) EXPECT_FALSE(set.Contains(id)) << id;
}

TEST(AnalysisTest, LeaksAreNewIdsAliveInFinal) {
  Snapshot s = ReadSnapshotText(kMinimalV8_11);
  Analysis a = Analyze(s);
  ClassNames c = ComputeClassNames(s);
  // Baseline knew everything except Leaky @103 and its elements @203.
  std::vector<uint32_t> baseline = {1, 3, 5, 7, 9, 11, 101, 201};
  LeakReport r = FindLeaks(s, a, c, baseline, {}, LeakOptions{});
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].class_name, "Leaky");
  EXPECT_EQ(r.groups[0].count, 1u);
  EXPECT_EQ(r.groups[0].retained_size, 4128u);
  EXPECT_EQ(r.groups[0].sample_ids, std::vector<uint32_t>{103});
  EXPECT_NE(r.groups[0].path.find("cache: Cache"), std::string::npos) << r.groups[0].path;
  // A threshold above the group's size drops it; a target without @103 finds nothing.
  LeakOptions big;
  big.min_retained_bytes = 5000;
  EXPECT_TRUE(FindLeaks(s, a, c, baseline, {}, big).groups.empty());
  std::vector<uint32_t> target = {1, 3, 203};
  EXPECT_TRUE(FindLeaks(s, a, c, baseline, target, LeakOptions{}).groups.empty());
}

TEST(AnalysisTest, DiffMatchesById) {
  Snapshot after = ReadSnapshotText(kMinimalV8_11);
  std::string before_text = kMinimalV8_11;
  // "before": Leaky @103 had id 105 (so 103 is new and 105 was removed).
  before_text.replace(before_text.find("3,11,103"), 8, "3,11,105");
  Snapshot before = ReadSnapshotText(before_text);
  std::vector<ClassDiff> d = DiffSnapshots(before, after);
  ASSERT_FALSE(d.empty());
  bool found = false;
  for (const ClassDiff& cd : d) {
    if (cd.name != "Leaky") continue;
    found = true;
    EXPECT_EQ(cd.added_count, 1u);
    EXPECT_EQ(cd.removed_count, 1u);
    EXPECT_EQ(cd.count_delta(), 0);
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace tenure::snapshot
