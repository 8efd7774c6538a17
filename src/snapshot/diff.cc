#include "snapshot/diff.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "snapshot/class_names.h"

namespace tenure::snapshot {
namespace {

struct IdEntry {
  uint32_t id;
  uint32_t ordinal;
};

std::vector<IdEntry> SortedEntries(const Snapshot& s) {
  std::vector<IdEntry> v;
  v.reserve(s.node_count());
  for (uint32_t k = 0; k < s.node_count(); ++k) {
    if (s.self_size[k] != 0) v.push_back({s.node_id[k], k});
  }
  std::sort(v.begin(), v.end(), [](const IdEntry& x, const IdEntry& y) { return x.id < y.id; });
  return v;
}

}  // namespace

std::vector<ClassDiff> DiffSnapshots(const Snapshot& before, const Snapshot& after) {
  ClassNames bc = ComputeClassNames(before), ac = ComputeClassNames(after);
  std::vector<IdEntry> b = SortedEntries(before), a = SortedEntries(after);
  std::map<std::string, ClassDiff> by_name;
  auto removed = [&](const IdEntry& e) {
    ClassDiff& d = by_name[bc.names[bc.class_of_node[e.ordinal]]];
    ++d.removed_count;
    d.removed_size += before.self_size[e.ordinal];
  };
  auto added = [&](const IdEntry& e) {
    ClassDiff& d = by_name[ac.names[ac.class_of_node[e.ordinal]]];
    ++d.added_count;
    d.added_size += after.self_size[e.ordinal];
  };
  size_t i = 0, j = 0;
  while (i < b.size() || j < a.size()) {
    if (j == a.size() || (i < b.size() && b[i].id < a[j].id)) {
      removed(b[i++]);
    } else if (i == b.size() || a[j].id < b[i].id) {
      added(a[j++]);
    } else {
      ++i;
      ++j;
    }
  }
  std::vector<ClassDiff> out;
  for (auto& [name, d] : by_name) {
    d.name = name;
    out.push_back(d);
  }
  std::sort(out.begin(), out.end(), [](const ClassDiff& x, const ClassDiff& y) {
    int64_t ax = std::llabs(x.size_delta()), ay = std::llabs(y.size_delta());
    return ax != ay ? ax > ay : x.name < y.name;
  });
  return out;
}

}  // namespace tenure::snapshot
