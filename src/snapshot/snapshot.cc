#include "snapshot/snapshot.h"

#include <algorithm>

namespace tenure::snapshot {

std::string Snapshot::EdgeNameText(uint32_t edge) const {
  if (EdgeHasStringName(edge)) return std::string(String(edge_name[edge]));
  return std::to_string(edge_name[edge]);
}

uint32_t Snapshot::EdgeSource(uint32_t edge) const {
  // first_edge is non-decreasing; the owner is the last node whose range starts at or before edge
  // and is non-empty.
  auto it = std::upper_bound(first_edge.begin(), first_edge.end(), edge);
  return static_cast<uint32_t>((it - first_edge.begin()) - 1);
}

}  // namespace tenure::snapshot
