#include "snapshot/analysis.h"

#include <algorithm>
#include <future>
#include <regex>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace tenure::snapshot {
namespace {

// Parsed form of V8's WeakMap ephemeron edge name
// "<n> / part of key (<k> @<id>) -> value (<v> @<id>) pair in WeakMap (table @<id>)".
// The pattern is DevTools' ephemeronNameRegex (JSHeapSnapshot / HeapSnapshot.ts).
struct WeakMapEdgeName {
  std::string duplicated_part;
  uint32_t table_id = 0;
};

class WeakMapNames {
 public:
  explicit WeakMapNames(const Snapshot& s) : s_(s), state_(s.string_count(), 0) {}

  // Returns the parsed name if string `index` is an ephemeron edge name, else nullptr.
  const WeakMapEdgeName* Lookup(uint32_t index) {
    if (state_[index] == 1) return nullptr;
    if (state_[index] == 2) return &parsed_[index];
    std::string_view name = s_.String(index);
    static const std::regex kPattern(
        R"(^\d+( / part of key \(.*? @\d+\) -> value \(.*? @\d+\) pair in WeakMap \(table @(\d+)\))$)");
    std::match_results<std::string_view::const_iterator> m;
    if (name.find("pair in WeakMap (table @") == std::string_view::npos ||
        !std::regex_match(name.begin(), name.end(), m, kPattern)) {
      state_[index] = 1;
      return nullptr;
    }
    WeakMapEdgeName& out = parsed_[index];
    out.duplicated_part = m[1].str();
    out.table_id = static_cast<uint32_t>(std::stoull(m[2].str()));
    state_[index] = 2;
    return &out;
  }

 private:
  const Snapshot& s_;
  BigVector<uint8_t> state_;  // 0 unknown, 1 not an ephemeron name, 2 parsed
  std::unordered_map<uint32_t, WeakMapEdgeName> parsed_;
};

bool IsUserRoot(const Snapshot& s, uint32_t node) {
  if (s.node_type[node] != s.node_types.synthetic) return true;
  return s.NodeName(node) == "(Document DOM trees)";
}

// CSR of essential retainers: for each node, the source nodes of its essential incoming edges,
// in ascending order. Filled back to front so the offsets double as insertion cursors.
void BuildEssentialRetainers(const Snapshot& s, const BigVector<uint8_t>& essential,
                             BigVector<uint32_t>* first_retainer, BigVector<uint32_t>* retainer_node) {
  const uint32_t n = s.node_count();
  first_retainer->assign(n + 1, 0);
  for (uint32_t e = 0; e < s.edge_count(); ++e) {
    if (essential[e]) ++(*first_retainer)[s.edge_to[e]];
  }
  uint32_t sum = 0;  // (*first_retainer)[k] becomes the end of k's run
  for (uint32_t k = 0; k <= n; ++k) {
    sum += (*first_retainer)[k];
    (*first_retainer)[k] = sum;
  }
  retainer_node->resize(sum);
  for (uint32_t k = n; k-- > 0;) {
    for (uint32_t e = s.first_edge[k + 1]; e-- > s.first_edge[k];) {
      if (essential[e]) (*retainer_node)[--(*first_retainer)[s.edge_to[e]]] = k;
    }
  }
}

// DevTools markPageOwnedNodes: everything reachable over non-weak edges from the root's shortcut
// children and "(Document DOM trees)" element children.
BigVector<uint8_t> MarkPageOwned(const Snapshot& s) {
  BigVector<uint8_t> owned(s.node_count(), 0);
  BigVector<uint32_t> stack;
  const uint32_t root = s.root_ordinal;
  for (uint32_t e = s.first_edge[root]; e < s.first_edge[root + 1]; ++e) {
    uint32_t to = s.edge_to[e];
    int t = s.edge_type[e];
    if (t == s.edge_types.element) {
      if (!(s.node_type[to] == s.node_types.synthetic && s.NodeName(to) == "(Document DOM trees)")) continue;
    } else if (t != s.edge_types.shortcut) {
      continue;
    }
    owned[to] = 1;
    stack.push_back(to);
  }
  while (!stack.empty()) {
    uint32_t k = stack.back();
    stack.pop_back();
    for (uint32_t e = s.first_edge[k]; e < s.first_edge[k + 1]; ++e) {
      uint32_t to = s.edge_to[e];
      if (owned[to] || s.edge_type[e] == s.edge_types.weak) continue;
      owned[to] = 1;
      stack.push_back(to);
    }
  }
  return owned;
}

bool HasUserRoots(const Snapshot& s) {
  const uint32_t root = s.root_ordinal;
  for (uint32_t e = s.first_edge[root]; e < s.first_edge[root + 1]; ++e) {
    if (IsUserRoot(s, s.edge_to[e])) return true;
  }
  return false;
}

// DevTools JSHeapSnapshot.calculateShallowSizes (see header comment). DevTools seeds a stack with
// every non-owned-kind node in ascending order and pops until empty; pushing node i (from the
// highest down) and draining the stack before pushing i-1 visits nodes in the same order without
// a node-sized seed list. A non-owned-kind node's owner is itself and never changes.
void TransferShallowSizes(const Snapshot& s, Analysis* a) {
  constexpr uint32_t kUnvisited = 0xFFFFFFFFu, kMultiple = 0xFFFFFFFEu;
  const uint32_t n = s.node_count();
  BigVector<uint32_t> owners(n);
  for (uint32_t i = 0; i < n; ++i) {
    int t = s.node_type[i];
    bool owned_kind = t == s.node_types.hidden || t == s.node_types.array ||
                      (t == s.node_types.native && s.NodeName(i) == "system / ExternalStringData");
    owners[i] = owned_kind ? kUnvisited : i;
  }
  BigVector<uint32_t> worklist;
  for (uint32_t seed = n; seed-- > 0;) {
    if (owners[seed] != seed) continue;
    worklist.push_back(seed);
    while (!worklist.empty()) {
      uint32_t id = worklist.back();
      worklist.pop_back();
      uint32_t owner = owners[id];
      for (uint32_t e = s.first_edge[id]; e < s.first_edge[id + 1]; ++e) {
        if (s.edge_type[e] == s.edge_types.weak) continue;
        uint32_t target = s.edge_to[e];
        uint32_t current = owners[target];
        if (current == kUnvisited) {
          owners[target] = owner;
          worklist.push_back(target);
        } else if (current != target && current != owner && current != kMultiple) {
          owners[target] = kMultiple;
          worklist.push_back(target);
        }
      }
    }
  }
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t owner = owners[i];
    if (owner == kUnvisited || owner == kMultiple || owner == i) continue;
    if (s.node_type[owner] == s.node_types.synthetic || owner == s.root_ordinal) continue;
    a->self_size[owner] += a->self_size[i];
    a->self_size[i] = 0;
  }
}

// JavaScript's parseInt(name, 10) for the "(map descriptors)" rule; nullopt for NaN.
bool ParseLeadingInt(std::string_view name, long long* out) {
  size_t i = 0;
  while (i < name.size() && (name[i] == ' ' || name[i] == '\t' || name[i] == '\n')) ++i;
  bool negative = false;
  if (i < name.size() && (name[i] == '-' || name[i] == '+')) negative = name[i++] == '-';
  size_t start = i;
  long long v = 0;
  while (i < name.size() && name[i] >= '0' && name[i] <= '9' && i - start < 17) v = v * 10 + (name[i++] - '0');
  if (i == start) return false;
  *out = negative ? -v : v;
  return true;
}

// The DevTools distance filter (JSHeapSnapshot.calculateDistances); may consume an ephemeron edge.
class DistanceFilter {
 public:
  DistanceFilter(const Snapshot& s, WeakMapNames* names) : s_(s), names_(names) {}

  bool Allows(uint32_t from, uint32_t edge) {
    int nt = s_.node_type[from];
    if (nt == s_.node_types.hidden && s_.EdgeHasStringName(edge) &&
        s_.String(s_.edge_name[edge]) == "sloppy_function_map" && s_.NodeName(from) == "system / NativeContext") {
      return false;
    }
    if (nt == s_.node_types.array && s_.NodeName(from) == "(map descriptors)") {
      long long index;
      bool ok = s_.EdgeHasStringName(edge) ? ParseLeadingInt(s_.String(s_.edge_name[edge]), &index)
                                           : (index = s_.edge_name[edge], true);
      if (!ok) return true;  // parseInt gave NaN: both comparisons are false in JS
      return index < 2 || (index % 3) != 1;
    }
    if (s_.edge_type[edge] == s_.edge_types.internal) {
      if (const WeakMapEdgeName* m = names_->Lookup(s_.edge_name[edge])) {
        if (pending_.erase(m->duplicated_part) == 0) {
          pending_.insert(m->duplicated_part);
          return false;
        }
      }
    }
    return true;
  }

 private:
  const Snapshot& s_;
  WeakMapNames* names_;
  std::unordered_set<std::string> pending_;
};

void Bfs(const Snapshot& s, BigVector<uint32_t>* queue, size_t head, DistanceFilter* filter, Analysis* a) {
  while (head < queue->size()) {
    uint32_t k = (*queue)[head++];
    int32_t d = a->distance[k] + 1;
    for (uint32_t e = s.first_edge[k]; e < s.first_edge[k + 1]; ++e) {
      if (s.edge_type[e] == s.edge_types.weak) continue;
      uint32_t to = s.edge_to[e];
      if (a->distance[to] != kNoDistance) continue;
      if (!filter->Allows(k, e)) continue;
      a->distance[to] = d;
      a->bfs_parent_edge[to] = e;
      queue->push_back(to);
    }
  }
}

void ComputeDistances(const Snapshot& s, WeakMapNames* names, Analysis* a) {
  const uint32_t n = s.node_count(), root = s.root_ordinal;
  a->distance.assign(n, kNoDistance);
  a->bfs_parent_edge.assign(n, kNoParent);
  DistanceFilter filter(s, names);
  BigVector<uint32_t> queue;
  queue.reserve(n);
  for (uint32_t e = s.first_edge[root]; e < s.first_edge[root + 1]; ++e) {
    uint32_t to = s.edge_to[e];
    if (!IsUserRoot(s, to)) continue;
    a->distance[to] = 1;  // DevTools sets it even if two root edges reach the same node
    a->bfs_parent_edge[to] = e;
    queue.push_back(to);
  }
  bool had_user_roots = !queue.empty();
  Bfs(s, &queue, 0, &filter, a);
  a->distance[root] = had_user_roots ? kBaseSystemDistance : 0;
  size_t head = queue.size();
  queue.push_back(root);
  Bfs(s, &queue, head, &filter, a);
}

BigVector<uint8_t> EssentialEdges(const Snapshot& s, const BigVector<uint8_t>* page_owned, WeakMapNames* names) {
  BigVector<uint8_t> essential(s.edge_count(), 0);
  const uint32_t n = s.node_count();
  for (uint32_t k = 0; k < n; ++k) {
    for (uint32_t e = s.first_edge[k]; e < s.first_edge[k + 1]; ++e) {
      int t = s.edge_type[e];
      if (t == s.edge_types.internal) {
        const WeakMapEdgeName* m = names->Lookup(s.edge_name[e]);
        if (m && m->table_id == s.node_id[k]) continue;
      }
      if (t == s.edge_types.weak) continue;
      uint32_t to = s.edge_to[e];
      if (to == k) continue;
      if (k != s.root_ordinal) {
        if (t == s.edge_types.shortcut) continue;
        if (page_owned && (*page_owned)[to] && !(*page_owned)[k]) continue;
      }
      essential[e] = 1;
    }
  }
  return essential;
}

}  // namespace

namespace {

// Lengauer–Tarjan, "simple" version, on vertices numbered 1..n (0 = none), as in the 1979 paper
// and DevTools' calculateDominatorsAndRetainedSizes. Fills a->dominator and a->dfs_order.
class DominatorBuilder {
 public:
  // Takes the essential-edge flags; they are freed as soon as the DFS no longer needs them.
  DominatorBuilder(const Snapshot& s, BigVector<uint8_t>&& essential)
      : s_(s), essential_(std::move(essential)), size_(s.node_count() + 1),
        parent_(size_, 0), ancestor_(size_, 0), vertex_(size_), label_(size_), semi_(size_, 0),
        next_edge_(size_), dom_(size_, 0) {
    BuildEssentialRetainers(s_, essential_, &first_retainer_, &retainer_node_);
  }

  uint32_t Run(Analysis* out) {
    const uint32_t node_count = s_.node_count();
    const uint32_t r = s_.root_ordinal + 1;
    Dfs(r);
    uint32_t unreachable = node_count - n_;
    if (n_ < node_count) {
      for (uint32_t v = 1; v <= node_count; ++v) {
        if (semi_[v] == 0 && HasOnlyWeakRetainers(v - 1)) {
          parent_[v] = r;
          Dfs(v);
        }
      }
    }
    if (n_ < node_count) {
      for (uint32_t v = 1; v <= node_count; ++v) {
        if (semi_[v] != 0) continue;
        parent_[v] = r;
        semi_[v] = ++n_;
        vertex_[n_] = label_[v] = v;
      }
    }
    // The DFS is done: its edge cursors become the bucket heads, the edge flags are dropped.
    BigVector<uint8_t>().swap(essential_);
    bucket_head_.swap(next_edge_);
    std::fill(bucket_head_.begin(), bucket_head_.end(), 0);
    bucket_next_.resize(size_);
    ComputeSemidominators(r);
    BigVector<uint32_t>().swap(first_retainer_);
    BigVector<uint32_t>().swap(retainer_node_);
    dom_[0] = dom_[r] = r;
    for (uint32_t i = 2; i <= n_; ++i) {
      uint32_t w = vertex_[i];
      if (dom_[w] != vertex_[semi_[w]]) dom_[w] = dom_[dom_[w]];
    }
    // Reuse the 1-based arrays as the 0-based results (drop slot 0, subtract 1).
    out->dominator = std::move(dom_);
    out->dominator.erase(out->dominator.begin());
    for (uint32_t& d : out->dominator) --d;
    out->dfs_order = std::move(vertex_);
    out->dfs_order.erase(out->dfs_order.begin());
    for (uint32_t& v : out->dfs_order) --v;
    return unreachable;
  }

 private:
  bool HasOnlyWeakRetainers(uint32_t ordinal) const {
    return first_retainer_[ordinal] == first_retainer_[ordinal + 1];  // retainers are essential ones
  }

  // Iterative DFS over essential edges with a per-node edge cursor.
  void Dfs(uint32_t root) {
    next_edge_[root] = s_.first_edge[root - 1];
    uint32_t v = root;
    while (v != 0) {
      if (semi_[v] == 0) {
        semi_[v] = ++n_;
        vertex_[n_] = label_[v] = v;
      }
      uint32_t v_next = parent_[v];
      const uint32_t end = s_.first_edge[v];  // first_edge[(v-1)+1]
      for (; next_edge_[v] < end; ++next_edge_[v]) {
        uint32_t e = next_edge_[v];
        if (!essential_[e]) continue;
        uint32_t w = s_.edge_to[e] + 1;
        if (semi_[w] == 0) {
          parent_[w] = v;
          next_edge_[w] = s_.first_edge[w - 1];
          v_next = w;
          break;
        }
      }
      v = v_next;
    }
  }

  void Compress(uint32_t v) {
    stack_.clear();
    while (ancestor_[ancestor_[v]] != 0) {
      stack_.push_back(v);
      v = ancestor_[v];
    }
    while (!stack_.empty()) {
      uint32_t w = stack_.back();
      stack_.pop_back();
      if (semi_[label_[ancestor_[w]]] < semi_[label_[w]]) label_[w] = label_[ancestor_[w]];
      ancestor_[w] = ancestor_[ancestor_[w]];
    }
  }

  uint32_t Eval(uint32_t v) {
    if (ancestor_[v] == 0) return v;
    Compress(v);
    return label_[v];
  }

  void ComputeSemidominators(uint32_t r) {
    for (uint32_t i = n_; i >= 2; --i) {
      const uint32_t w = vertex_[i];
      const uint32_t w_ordinal = w - 1;
      bool orphan = true;
      for (uint32_t ri = first_retainer_[w_ordinal]; ri < first_retainer_[w_ordinal + 1]; ++ri) {
        orphan = false;
        uint32_t u = Eval(retainer_node_[ri] + 1);
        if (semi_[u] < semi_[w]) semi_[w] = semi_[u];
      }
      if (orphan) semi_[w] = semi_[r];
      uint32_t b = vertex_[semi_[w]];
      bucket_next_[w] = bucket_head_[b];
      bucket_head_[b] = w;
      ancestor_[w] = parent_[w];  // link(parent[w], w)
      const uint32_t p = parent_[w];
      for (uint32_t v = bucket_head_[p]; v != 0; v = bucket_next_[v]) {
        uint32_t u = Eval(v);
        dom_[v] = semi_[u] < semi_[v] ? u : p;
      }
      bucket_head_[p] = 0;
    }
  }

  const Snapshot& s_;
  BigVector<uint8_t> essential_;
  const size_t size_;
  BigVector<uint32_t> first_retainer_, retainer_node_;  // essential retainers (CSR)
  BigVector<uint32_t> parent_, ancestor_, vertex_, label_, semi_, bucket_head_, bucket_next_,
      next_edge_, dom_, stack_;
  uint32_t n_ = 0;
};

}  // namespace

Analysis Analyze(const Snapshot& s, const AnalysisOptions& options) {
  Analysis a;
  const uint32_t n = s.node_count();
  a.self_size = s.self_size;
  // Two independent chains that write disjoint members of `a`: sizes + distances, and the
  // dominator tree. Each has its own WeakMapNames cache (not shared across threads).
  auto sizes_and_distances = [&] {
    if (options.devtools_adjustments && HasUserRoots(s)) TransferShallowSizes(s, &a);
    WeakMapNames names(s);
    ComputeDistances(s, &names, &a);
  };
  std::future<void> first = std::async(options.parallel ? std::launch::async : std::launch::deferred,
                                       sizes_and_distances);
  {
    BigVector<uint8_t> page_owned;
    if (options.devtools_adjustments) page_owned = MarkPageOwned(s);
    WeakMapNames names(s);
    BigVector<uint8_t> essential = EssentialEdges(s, options.devtools_adjustments ? &page_owned : nullptr, &names);
    BigVector<uint8_t>().swap(page_owned);
    DominatorBuilder builder(s, std::move(essential));
    a.unreachable_count = builder.Run(&a);
  }
  first.get();
  a.retained_size = a.self_size;
  for (uint32_t i = n; i > 1; --i) {
    uint32_t k = a.dfs_order[i - 1];
    a.retained_size[a.dominator[k]] += a.retained_size[k];
  }
  a.total_size = a.retained_size[s.root_ordinal];
  return a;
}

std::vector<uint32_t> RetainingEdgesOf(const Snapshot& s, uint32_t node) {
  std::vector<uint32_t> edges;
  for (uint32_t e = 0; e < s.edge_count(); ++e) {
    if (s.edge_to[e] == node) edges.push_back(e);
  }
  return edges;
}

}  // namespace tenure::snapshot
