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
  // ClassNameOf depends on the type alone, except for objects and natives, where it depends on
  // (detached, name index): cache class ids in flat arrays indexed by those.
  constexpr uint32_t kUnknown = 0xFFFFFFFFu;
  std::vector<uint32_t> by_type(s.node_type_names.size(), kUnknown);
  BigVector<uint32_t> by_object_name[2] = {BigVector<uint32_t>(s.string_count(), kUnknown),
                                           BigVector<uint32_t>(s.string_count(), kUnknown)};
  BigVector<uint8_t> detached = DetachedNativeNodes(s);
  for (uint32_t k = 0; k < n; ++k) {
    const int t = s.node_type[k];
    uint32_t& slot = (t == s.node_types.object || t == s.node_types.native)
                         ? by_object_name[detached[k] != 0][s.node_name[k]]
                         : by_type[t];
    if (slot == kUnknown) {
      std::string name = ClassNameOf(s, k, detached[k] != 0);
      auto [it, inserted] = by_name.emplace(name, static_cast<uint32_t>(out.names.size()));
      if (inserted) out.names.push_back(std::move(name));
      slot = it->second;
    }
    out.class_of_node[k] = slot;
  }
  return out;
}

}  // namespace tenure::snapshot
