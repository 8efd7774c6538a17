#include "snapshot/summary.h"

#include <algorithm>

namespace tenure::snapshot {

DominatorChildren BuildDominatorChildren(const Snapshot& s, const Analysis& a) {
  const uint32_t n = s.node_count();
  DominatorChildren t;
  t.first.assign(n + 1, 0);
  for (uint32_t k = 0; k < n; ++k) {
    if (k != s.root_ordinal) ++t.first[a.dominator[k]];
  }
  uint32_t sum = 0;
  for (uint32_t k = 0; k <= n; ++k) {
    uint32_t c = t.first[k];
    t.first[k] = sum;
    sum += c;
  }
  t.children.resize(sum);
  BigVector<uint32_t> cursor(t.first.begin(), t.first.end() - 1);
  for (uint32_t k = 0; k < n; ++k) {
    if (k != s.root_ordinal) t.children[cursor[a.dominator[k]]++] = k;
  }
  return t;
}

namespace {

// Adds DevTools' maxRet per class with one iterative walk of the dominator tree, keeping a count
// of "open" ancestors per class that have a non-zero self size.
void AddClassRetainedSizes(const Snapshot& s, const Analysis& a, const ClassNames& c,
                           std::vector<ClassStats>* stats) {
  DominatorChildren tree = BuildDominatorChildren(s, a);
  std::vector<uint32_t> open(c.names.size(), 0);
  struct Frame { uint32_t node; uint32_t next_child; bool opened; };
  std::vector<Frame> stack;
  auto enter = [&](uint32_t k) {
    uint32_t cls = c.class_of_node[k];
    bool counts = a.self_size[k] != 0 && open[cls] == 0;
    if (counts) (*stats)[cls].retained_size += a.retained_size[k];
    bool opens = a.self_size[k] != 0;
    if (opens) ++open[cls];
    stack.push_back({k, tree.first[k], opens});
  };
  enter(s.root_ordinal);
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (f.next_child < tree.first[f.node + 1]) {
      uint32_t child = tree.children[f.next_child++];
      enter(child);
      continue;
    }
    if (f.opened) --open[c.class_of_node[f.node]];
    stack.pop_back();
  }
}

}  // namespace

Summary Summarize(const Snapshot& s, const Analysis& a, const ClassNames& c, const SummaryOptions& options) {
  Summary out;
  out.total_size = a.total_size;
  std::vector<ClassStats> stats(c.names.size());
  for (size_t i = 0; i < stats.size(); ++i) {
    stats[i].name = c.names[i];
    stats[i].min_distance = INT32_MAX;
  }
  const uint32_t n = s.node_count();
  for (uint32_t k = 0; k < n; ++k) {
    if (a.self_size[k] == 0) continue;
    ClassStats& st = stats[c.class_of_node[k]];
    ++st.count;
    st.self_size += a.self_size[k];
    st.min_distance = std::min(st.min_distance, a.distance[k]);
  }
  AddClassRetainedSizes(s, a, c, &stats);
  for (ClassStats& st : stats) {
    if (st.count > 0) out.classes.push_back(std::move(st));
  }
  std::sort(out.classes.begin(), out.classes.end(), [](const ClassStats& x, const ClassStats& y) {
    return x.retained_size != y.retained_size ? x.retained_size > y.retained_size : x.name < y.name;
  });
  BigVector<uint32_t> candidates;
  for (uint32_t k = 0; k < n; ++k) {
    if (s.node_type[k] != s.node_types.synthetic && k != s.root_ordinal) candidates.push_back(k);
  }
  size_t top = std::min(options.top_objects, candidates.size());
  std::partial_sort(candidates.begin(), candidates.begin() + top, candidates.end(), [&](uint32_t x, uint32_t y) {
    return a.retained_size[x] != a.retained_size[y] ? a.retained_size[x] > a.retained_size[y] : x < y;
  });
  candidates.resize(top);
  out.top_objects.assign(candidates.begin(), candidates.end());
  return out;
}

}  // namespace tenure::snapshot
