#include "snapshot/retainer_path.h"

#include <algorithm>

#include "snapshot/class_names.h"

namespace tenure::snapshot {

RetainerPath ShortestRetainerPath(const Snapshot& s, const Analysis& a, uint32_t node) {
  RetainerPath path;
  if (node != s.root_ordinal && a.bfs_parent_edge[node] == kNoParent) return path;
  uint32_t k = node;
  while (k != s.root_ordinal) {
    path.nodes.push_back(k);
    path.edges.push_back(a.bfs_parent_edge[k]);
    k = s.EdgeSource(a.bfs_parent_edge[k]);
    if (path.nodes.size() > s.node_count()) return {};  // defensive: the BFS tree is acyclic
  }
  path.nodes.push_back(s.root_ordinal);
  std::reverse(path.nodes.begin(), path.nodes.end());
  std::reverse(path.edges.begin(), path.edges.end());
  return path;
}

std::vector<RetainerPath> AlternativeRetainerPaths(const Snapshot& s, const Analysis& a, uint32_t node,
                                                   size_t max_paths) {
  struct Candidate { int32_t distance; uint32_t retainer; uint32_t edge; };
  std::vector<Candidate> candidates;
  std::vector<uint32_t> seen;
  for (uint32_t e : RetainingEdgesOf(s, node)) {
    uint32_t r = s.EdgeSource(e);
    if (s.edge_type[e] == s.edge_types.weak || r == node) continue;
    if (r != s.root_ordinal && a.bfs_parent_edge[r] == kNoParent) continue;
    if (std::find(seen.begin(), seen.end(), r) != seen.end()) continue;
    seen.push_back(r);
    candidates.push_back({r == s.root_ordinal ? 0 : a.distance[r], r, e});
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& x, const Candidate& y) { return x.distance < y.distance; });
  std::vector<RetainerPath> out;
  RetainerPath shortest = ShortestRetainerPath(s, a, node);
  if (!shortest.nodes.empty()) out.push_back(shortest);
  for (const Candidate& c : candidates) {
    if (out.size() >= max_paths) break;
    RetainerPath p = ShortestRetainerPath(s, a, c.retainer);
    if (p.nodes.empty()) continue;
    // Skip the retainer the shortest path already goes through, and paths that loop via node.
    if (!shortest.edges.empty() && shortest.edges.back() == c.edge) continue;
    if (std::find(p.nodes.begin(), p.nodes.end(), node) != p.nodes.end()) continue;
    p.nodes.push_back(node);
    p.edges.push_back(c.edge);
    out.push_back(std::move(p));
  }
  return out;
}

std::string NodeLabel(const Snapshot& s, uint32_t k, bool with_id) {
  std::string label;
  const int t = s.node_type[k];
  if (t == s.node_types.closure) {
    std::string_view name = s.NodeName(k);
    label = (name.empty() ? std::string("(anonymous)") : std::string(name)) + "()";
  } else if (t == s.node_types.hidden || t == s.node_types.synthetic ||
             (t == s.node_types.array && !s.NodeName(k).empty())) {
    label = std::string(s.NodeName(k));
  } else {
    label = ClassNameOf(s, k);
  }
  if (label.size() > 80) label = label.substr(0, 77) + "...";
  if (with_id) label += " @" + std::to_string(s.node_id[k]);
  return label;
}

namespace {

bool IsInternalNode(const Snapshot& s, uint32_t k) {
  const int t = s.node_type[k];
  const NodeTypeCodes& c = s.node_types;
  return t == c.hidden || t == c.array || t == c.code || t == c.object_shape;
}

std::string EdgeLabel(const Snapshot& s, uint32_t e, bool generic_indexes) {
  const int t = s.edge_type[e];
  const EdgeTypeCodes& c = s.edge_types;
  if (t == c.element) return generic_indexes ? "[]" : "[" + std::to_string(s.edge_name[e]) + "]";
  if (t == c.hidden) return generic_indexes ? "(hidden)" : "(hidden " + std::to_string(s.edge_name[e]) + ")";
  std::string name(s.String(s.edge_name[e]));
  if (name.size() > 60) name = name.substr(0, 57) + "...";
  if (t == c.context) return "var " + name;
  if (t == c.internal) return "(" + name + ")";
  if (t == c.shortcut) return name;
  return name;
}

}  // namespace

std::string FormatRetainerPath(const Snapshot& s, const RetainerPath& path, const PathFormat& format) {
  if (path.nodes.empty()) return "(unreachable)";
  std::vector<std::string> hops;
  bool folded = false;
  for (size_t i = 0; i < path.edges.size(); ++i) {
    const uint32_t e = path.edges[i], to = path.nodes[i + 1];
    const bool last = i + 1 == path.edges.size();
    const int et = s.edge_type[e];
    if (!last && s.node_type[to] == s.node_types.synthetic) {
      // Root and (GC roots) categories: print the category name only, e.g. "(Global handles)".
      if (s.NodeName(to) != "(GC roots)") hops.push_back(NodeLabel(s, to, false));
      continue;
    }
    const bool internal_hop = (et == s.edge_types.internal || et == s.edge_types.hidden ||
                               et == s.edge_types.element) && IsInternalNode(s, to);
    if (format.style == PathStyle::kCompact && internal_hop && !last) {
      if (!folded) hops.push_back("…");
      folded = true;
      continue;
    }
    folded = false;
    if (et == s.edge_types.shortcut) {
      hops.push_back(NodeLabel(s, to, format.with_ids));  // the root's user-global link
    } else {
      hops.push_back(EdgeLabel(s, e, format.generic_indexes) + ": " + NodeLabel(s, to, format.with_ids));
    }
  }
  // Runs of identical hops (linked lists: "_idleNext: Timeout" ×N) print once with a count; in
  // the generic form the count is dropped so list positions group together.
  std::string out = "(GC roots)";
  for (size_t i = 0; i < hops.size();) {
    size_t j = i + 1;
    while (j < hops.size() && hops[j] == hops[i] && !(j + 1 == hops.size() && format.with_ids)) ++j;
    out += " → " + hops[i];
    if (j - i > 1 && !format.generic_indexes) out += " ×" + std::to_string(j - i);
    i = j;
  }
  return out;
}

}  // namespace tenure::snapshot
