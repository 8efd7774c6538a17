#include "snapshot/leaks.h"

#include <algorithm>
#include <unordered_map>

#include "snapshot/retainer_path.h"

namespace tenure::snapshot {

namespace {

bool IsHeadKind(const Snapshot& s, uint32_t k) {
  const int t = s.node_type[k];
  const NodeTypeCodes& c = s.node_types;
  return !(t == c.hidden || t == c.array || t == c.code || t == c.object_shape || t == c.number ||
           t == c.synthetic);
}

// The "holds" chain of LeakGroup (see leaks.h).
std::string HoldsChain(const Snapshot& s, const Analysis& a, uint32_t head) {
  RetainerPath chain;
  chain.nodes.push_back(head);
  uint32_t cur = head;
  for (int depth = 0; depth < 6; ++depth) {
    uint32_t best = kNoParent, best_edge = 0;
    for (uint32_t e = s.first_edge[cur]; e < s.first_edge[cur + 1]; ++e) {
      uint32_t to = s.edge_to[e];
      if (s.edge_type[e] == s.edge_types.weak || to == cur || a.dominator[to] != cur) continue;
      if (best == kNoParent || a.retained_size[to] > a.retained_size[best]) {
        best = to;
        best_edge = e;
      }
    }
    if (best == kNoParent || a.retained_size[best] * 2 < a.retained_size[head]) break;
    chain.nodes.push_back(best);
    chain.edges.push_back(best_edge);
    cur = best;
  }
  if (chain.edges.empty()) return "";
  std::string text = FormatRetainerPath(s, chain, {PathStyle::kCompact, false, false});
  // FormatRetainerPath starts at "(GC roots)"; here the chain starts at the head itself.
  const std::string prefix = "(GC roots) → ";
  return text.rfind(prefix, 0) == 0 ? text.substr(prefix.size()) : text;
}

}  // namespace

LeakReport FindLeaks(const Snapshot& s, const Analysis& a, const ClassNames& classes,
                     std::span<const uint32_t> baseline_ids, std::span<const uint32_t> target_ids,
                     const LeakOptions& options) {
  return FindLeaks(s, a, classes, IdSet(baseline_ids), IdSet(target_ids), options);
}

LeakReport FindLeaks(const Snapshot& s, const Analysis& a, const ClassNames& classes, const IdSet& baseline,
                     const IdSet& target, const LeakOptions& options) {
  LeakReport report;
  const uint32_t n = s.node_count();
  BigVector<uint8_t> head(n, 0);
  for (uint32_t k = 0; k < n; ++k) {
    if (k == s.root_ordinal || a.distance[k] == kNoDistance) continue;
    const uint32_t id = s.node_id[k];
    if (baseline.Contains(id)) continue;
    if (!target.empty() && !target.Contains(id)) continue;
    ++report.new_objects;
    head[k] = IsHeadKind(s, k) ? 1 : 0;
  }
  // covered[k]: some dominator-tree ancestor of k is a head. dfs_order lists dominators first.
  BigVector<uint8_t> covered(n, 0);
  for (uint32_t k : a.dfs_order) {
    if (k == s.root_ordinal) continue;
    uint32_t d = a.dominator[k];
    covered[k] = covered[d] || (head[d] && d != k);
  }
  std::unordered_map<std::string, size_t> group_index;
  std::vector<LeakGroup> groups;
  std::vector<int32_t> best_distance;
  PathFormat signature_format{PathStyle::kCompact, false, true};
  PathFormat display_format{PathStyle::kCompact, false, false};
  for (uint32_t k = 0; k < n; ++k) {
    if (!head[k] || covered[k]) continue;
    ++report.leak_heads;
    report.new_retained_size += a.retained_size[k];
    RetainerPath path = ShortestRetainerPath(s, a, k);
    const std::string& cls = classes.names[classes.class_of_node[k]];
    std::string key = cls + '\n' + FormatRetainerPath(s, path, signature_format);
    auto [it, inserted] = group_index.emplace(key, groups.size());
    if (inserted) {
      groups.emplace_back();
      groups.back().class_name = cls;
      best_distance.push_back(INT32_MAX);
    }
    LeakGroup& g = groups[it->second];
    ++g.count;
    g.retained_size += a.retained_size[k];
    g.self_size += a.self_size[k];
    if (g.sample_ids.size() < 5) g.sample_ids.push_back(s.node_id[k]);
    if (a.distance[k] < best_distance[it->second]) {
      best_distance[it->second] = a.distance[k];
      g.path = FormatRetainerPath(s, path, display_format);
      g.holds = HoldsChain(s, a, k);
    }
  }
  std::sort(groups.begin(), groups.end(), [](const LeakGroup& x, const LeakGroup& y) {
    return x.retained_size != y.retained_size ? x.retained_size > y.retained_size : x.count > y.count;
  });
  for (LeakGroup& g : groups) {
    if (g.retained_size < options.min_retained_bytes || report.groups.size() >= options.max_groups) {
      ++report.dropped_groups;
      continue;
    }
    report.groups.push_back(std::move(g));
  }
  return report;
}

}  // namespace tenure::snapshot
