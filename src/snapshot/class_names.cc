#include "snapshot/class_names.h"

#include <unordered_map>

namespace tenure::snapshot {

BigVector<uint8_t> DetachedNativeNodes(const Snapshot& s) {
  const uint32_t n = s.node_count();
  BigVector<uint8_t> state(n, 0), visited(n, 0);
  if (s.detachedness.empty()) return state;
  std::vector<uint32_t> attached, detached;
  auto process = [&](uint32_t k, uint8_t new_state) {
    if (visited[k]) return;
    visited[k] = 1;
    if (s.node_type[k] != s.node_types.native) return;
    state[k] = new_state;
    if (new_state == 1) attached.push_back(k);
    else if (new_state == 2) detached.push_back(k);
  };
  auto propagate = [&](uint32_t k, uint8_t new_state) {
    if (s.first_edge.empty()) return;  // read without edges (ReadScope::kNodesAndStrings)
    for (uint32_t e = s.first_edge[k]; e < s.first_edge[k + 1]; ++e) {
      int t = s.edge_type[e];
      if (t == s.edge_types.hidden || t == s.edge_types.weak) continue;
      if (t >= 0 && s.edge_type_names[t] == "invisible") continue;
      process(s.edge_to[e], new_state);
    }
  };
  for (uint32_t k = 0; k < n; ++k) {
    if (s.detachedness[k] != 0) process(k, s.detachedness[k]);
  }
  while (!attached.empty()) {
    uint32_t k = attached.back();
    attached.pop_back();
    propagate(k, 1);
  }
  while (!detached.empty()) {
    uint32_t k = detached.back();
    detached.pop_back();
    if (state[k] == 1) continue;
    propagate(k, 2);
  }
  for (uint8_t& v : state) v = v == 2 ? 1 : 0;
  return state;
}

std::string ClassNameOf(const Snapshot& s, uint32_t k, bool detached) {
  const int t = s.node_type[k];
  const NodeTypeCodes& c = s.node_types;
  if (t == c.hidden) return "(system)";
  if (t == c.object || t == c.native) {
    std::string name = (detached ? "Detached " : "") + std::string(s.NodeName(k));
    if (name.rfind("<", 0) == 0) {
      size_t space = name.find(' ');
      if (space != std::string::npos) name = name.substr(0, space) + ">";
    } else if (name.rfind("Detached <", 0) == 0) {
      size_t space = name.find(' ', 10);
      if (space != std::string::npos) name = name.substr(0, space) + ">";
    }
    return name;
  }
  if (t == c.code) return "(compiled code)";
  if (t == c.closure) return "Function";
  if (t == c.regexp) return "RegExp";
  return "(" + std::string(s.NodeTypeName(k)) + ")";
}

ClassNames ComputeClassNames(const Snapshot& s) {
  ClassNames out;
  const uint32_t n = s.node_count();
  out.class_of_node.resize(n);
  std::unordered_map<std::string, uint32_t> by_name;
  // Object names are shared strings: cache class ids per (type, name index) to avoid rebuilding
  // the same std::string millions of times.
  std::unordered_map<uint64_t, uint32_t> by_type_and_name;
  BigVector<uint8_t> detached = DetachedNativeNodes(s);
  for (uint32_t k = 0; k < n; ++k) {
    uint64_t key = (uint64_t{detached[k]} << 40) | (uint64_t{s.node_type[k]} << 32) | s.node_name[k];
    auto cached = by_type_and_name.find(key);
    if (cached != by_type_and_name.end()) {
      out.class_of_node[k] = cached->second;
      continue;
    }
    std::string name = ClassNameOf(s, k, detached[k] != 0);
    auto [it, inserted] = by_name.emplace(name, static_cast<uint32_t>(out.names.size()));
    if (inserted) out.names.push_back(std::move(name));
    by_type_and_name.emplace(key, it->second);
    out.class_of_node[k] = it->second;
  }
  return out;
}

}  // namespace tenure::snapshot
