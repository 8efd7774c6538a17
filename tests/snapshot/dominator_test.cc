// The dominator tree of Analyze() against a brute-force reference on random graphs, including
// the parts DevTools hangs under the root (nodes retained only through weak edges and what they
// retain; cycles unreachable from anywhere), and AnalyzeTakingSelfSizes() against Analyze().
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "snapshot/analysis.h"
#include "snapshot/reader.h"

namespace tenure::snapshot {
namespace {

struct TestEdge {
  uint32_t from, to;
  bool weak;
};

// A snapshot of `n` nodes: node 0 is the synthetic root, the rest are objects with self size
// 10 * ordinal + 1; edges are "property" edges, or "weak" ones.
std::string GraphSnapshotText(uint32_t n, const std::vector<TestEdge>& edges) {
  std::string text =
      R"({"snapshot":{"meta":{"node_fields":["type","name","id","self_size","edge_count"],)"
      R"("node_types":[["hidden","array","string","object","code","closure","regexp","number","native","synthetic"],"string","number","number","number"],)"
      R"("edge_fields":["type","name_or_index","to_node"],"edge_types":[["context","element","property","internal","hidden","shortcut","weak"],"string_or_number","node"]},)"
      R"("node_count":)" + std::to_string(n) + R"(,"edge_count":)" + std::to_string(edges.size()) + R"(},"nodes":[)";
  std::vector<uint32_t> out(n, 0);
  for (const TestEdge& e : edges) ++out[e.from];
  for (uint32_t k = 0; k < n; ++k) {
    if (k) text += ',';
    text += k == 0 ? "9,0," : "3,1,";
    text += std::to_string(2 * k + 1);
    text += ',';
    text += std::to_string(k == 0 ? 0 : 10 * k + 1);
    text += ',';
    text += std::to_string(out[k]);
  }
  text += R"(],"edges":[)";
  std::vector<TestEdge> sorted = edges;  // the format lists each node's edges together, in node order
  std::stable_sort(sorted.begin(), sorted.end(), [](const TestEdge& x, const TestEdge& y) { return x.from < y.from; });
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i) text += ',';
    text += sorted[i].weak ? "6,2," : "2,2,";
    text += std::to_string(sorted[i].to * 5);
  }
  return text + R"J(],"strings":["(root)","Obj","p"]})J";
}

// Reachability from node 0 over `adjacency`, never entering `removed`.
std::vector<bool> Reach(const std::vector<std::vector<uint32_t>>& adjacency, uint32_t removed) {
  std::vector<bool> seen(adjacency.size(), false);
  std::vector<uint32_t> stack = {0};
  seen[0] = true;
  while (!stack.empty()) {
    uint32_t k = stack.back();
    stack.pop_back();
    for (uint32_t to : adjacency[k]) {
      if (to == removed || seen[to]) continue;
      seen[to] = true;
      stack.push_back(to);
    }
  }
  return seen;
}

// DevTools' tree by definition: d dominates v when every path from the root to v passes d, in
// the graph of non-weak, non-self edges plus root -> every node that is unreachable and has no
// such retainer. Nodes still unreachable hang under the root.
std::vector<uint32_t> ReferenceDominators(uint32_t n, const std::vector<TestEdge>& edges) {
  std::vector<std::vector<uint32_t>> adjacency(n);
  std::vector<uint32_t> retainers(n, 0);
  for (const TestEdge& e : edges) {
    if (e.weak || e.from == e.to) continue;
    adjacency[e.from].push_back(e.to);
    ++retainers[e.to];
  }
  std::vector<bool> reached = Reach(adjacency, n);
  for (uint32_t v = 1; v < n; ++v) {
    if (!reached[v] && retainers[v] == 0) adjacency[0].push_back(v);
  }
  reached = Reach(adjacency, n);
  // dominated_by[v]: the nodes other than v that dominate v.
  std::vector<std::vector<uint32_t>> dominated_by(n);
  for (uint32_t d = 0; d < n; ++d) {
    std::vector<bool> without = Reach(adjacency, d == 0 ? n : d);
    for (uint32_t v = 1; v < n; ++v) {
      if (v != d && reached[v] && (d == 0 || !without[v])) dominated_by[v].push_back(d);
    }
  }
  std::vector<uint32_t> idom(n, 0);
  for (uint32_t v = 1; v < n; ++v) {
    size_t depth = 0;
    for (uint32_t d : dominated_by[v]) {
      if (dominated_by[d].size() + 1 > depth) {  // the deepest strict dominator is the immediate one
        depth = dominated_by[d].size() + 1;
        idom[v] = d;
      }
    }
  }
  return idom;
}

std::vector<TestEdge> RandomEdges(std::mt19937* rng, uint32_t n) {
  std::uniform_int_distribution<uint32_t> node(0, n - 1), percent(0, 99);
  const uint32_t count = std::uniform_int_distribution<uint32_t>(0, 2 * n)(*rng);
  std::vector<TestEdge> edges;
  for (uint32_t i = 0; i < count; ++i) edges.push_back({node(*rng), node(*rng), percent(*rng) < 15});
  return edges;
}

TEST(DominatorTest, MatchesBruteForceOnRandomGraphs) {
  std::mt19937 rng(20261125);
  for (int round = 0; round < 400; ++round) {
    const uint32_t n = std::uniform_int_distribution<uint32_t>(1, 30)(rng);
    const std::vector<TestEdge> edges = RandomEdges(&rng, n);
    const Snapshot s = ReadSnapshotText(GraphSnapshotText(n, edges));
    const Analysis a = Analyze(s);
    const std::vector<uint32_t> expected = ReferenceDominators(n, edges);
    ASSERT_EQ(a.dominator.size(), n);
    for (uint32_t v = 0; v < n; ++v) ASSERT_EQ(a.dominator[v], expected[v]) << "round " << round << " node " << v;
    // Retained size = own size + the dominated nodes' sizes; dfs_order puts dominators first.
    std::vector<uint64_t> retained(n);
    for (uint32_t v = 0; v < n; ++v) retained[v] = s.self_size[v];
    std::vector<uint32_t> position(n, n);
    ASSERT_EQ(a.dfs_order.size(), n);
    for (uint32_t i = 0; i < n; ++i) position[a.dfs_order[i]] = i;
    EXPECT_EQ(a.dfs_order[0], 0u);
    for (uint32_t v = 1; v < n; ++v) {
      ASSERT_LT(position[expected[v]], position[v]) << "round " << round << " node " << v;
      for (uint32_t d = expected[v];; d = expected[d]) {
        retained[d] += s.self_size[v];
        if (d == 0) break;
      }
    }
    for (uint32_t v = 0; v < n; ++v) EXPECT_EQ(a.retained_size[v], retained[v]) << "round " << round << " node " << v;
  }
}

// A long chain (deep DFS and path compression) closed into a cycle by a back edge to its head.
TEST(DominatorTest, LongChainWithBackEdge) {
  const uint32_t n = 20000;
  std::vector<TestEdge> edges = {{0, 1, false}};
  for (uint32_t k = 1; k + 1 < n; ++k) edges.push_back({k, k + 1, false});
  edges.push_back({n - 1, 1, false});
  const Analysis a = Analyze(ReadSnapshotText(GraphSnapshotText(n, edges)));
  for (uint32_t k = 2; k < n; ++k) ASSERT_EQ(a.dominator[k], k - 1);
  EXPECT_EQ(a.dominator[1], 0u);
  EXPECT_EQ(a.unreachable_count, 0u);
}

// A chain of `chain` nodes (each dominating the next) ending in an array of `fan` objects that a
// second root-level array also references, after the DFS took the chain: every object's DFS parent
// is deep in the dominator tree while its dominator is the root. Quadratic for a plain semi-NCA
// walk up the dominator tree; LT's buckets stay near-linear.
TEST(DominatorTest, DeepChainThenFanOutReferencedFromTheRoot) {
  const uint32_t chain = 30000, fan = 30000;
  const uint32_t first_link = 1, tail_array = chain + 1, root_array = chain + 2, first_object = chain + 3;
  const uint32_t n = first_object + fan;
  std::vector<TestEdge> edges = {{0, first_link, false}, {0, root_array, false}};
  for (uint32_t k = first_link; k + 1 <= chain; ++k) edges.push_back({k, k + 1, false});
  edges.push_back({chain, tail_array, false});
  for (uint32_t j = 0; j < fan; ++j) edges.push_back({tail_array, first_object + j, false});
  for (uint32_t j = 0; j < fan; ++j) edges.push_back({root_array, first_object + j, false});
  const Analysis a = Analyze(ReadSnapshotText(GraphSnapshotText(n, edges)));
  for (uint32_t j = 0; j < fan; ++j) ASSERT_EQ(a.dominator[first_object + j], 0u) << j;
  EXPECT_EQ(a.dominator[tail_array], chain);
  EXPECT_EQ(a.dominator[chain], chain - 1);
  EXPECT_EQ(a.dominator[root_array], 0u);
}

TEST(DominatorTest, TakingSelfSizesMatchesAnalyze) {
  std::mt19937 rng(7);
  for (int round = 0; round < 50; ++round) {
    const uint32_t n = std::uniform_int_distribution<uint32_t>(1, 30)(rng);
    Snapshot s = ReadSnapshotText(GraphSnapshotText(n, RandomEdges(&rng, n)));
    const Analysis copied = Analyze(s);
    const Analysis taken = AnalyzeTakingSelfSizes(&s);
    EXPECT_TRUE(s.self_size.empty());
    EXPECT_EQ(taken.self_size, copied.self_size);
    EXPECT_EQ(taken.retained_size, copied.retained_size);
    EXPECT_EQ(taken.dominator, copied.dominator);
    EXPECT_EQ(taken.distance, copied.distance);
    EXPECT_EQ(taken.total_size, copied.total_size);
  }
}

}  // namespace
}  // namespace tenure::snapshot
