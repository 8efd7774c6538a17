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

// Fills a->bfs_parent_edge too when it is not empty.
void Bfs(const Snapshot& s, BigVector<uint32_t>* queue, size_t head, DistanceFilter* filter, Analysis* a) {
  const bool parent_edges = !a->bfs_parent_edge.empty();
  while (head < queue->size()) {
    uint32_t k = (*queue)[head++];
    int32_t d = a->distance[k] + 1;
    for (uint32_t e = s.first_edge[k]; e < s.first_edge[k + 1]; ++e) {
      if (s.edge_type[e] == s.edge_types.weak) continue;
      uint32_t to = s.edge_to[e];
      if (a->distance[to] != kNoDistance) continue;
      if (!filter->Allows(k, e)) continue;
      a->distance[to] = d;
      if (parent_edges) a->bfs_parent_edge[to] = e;
      queue->push_back(to);
    }
  }
}

void ComputeDistances(const Snapshot& s, WeakMapNames* names, bool parent_edges, Analysis* a) {
  const uint32_t n = s.node_count(), root = s.root_ordinal;
  a->distance.assign(n, kNoDistance);
  if (parent_edges) a->bfs_parent_edge.assign(n, kNoParent);
  DistanceFilter filter(s, names);
  BigVector<uint32_t> queue;
  queue.reserve(n);
  for (uint32_t e = s.first_edge[root]; e < s.first_edge[root + 1]; ++e) {
    uint32_t to = s.edge_to[e];
    if (!IsUserRoot(s, to)) continue;
    a->distance[to] = 1;  // DevTools sets it even if two root edges reach the same node
    if (parent_edges) a->bfs_parent_edge[to] = e;
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

// Lengauer–Tarjan, "simple" version (simple eval/link, as in the 1979 paper and DevTools'
// calculateDominatorsAndRetainedSizes), with DevTools' DFS and retainers, so the same tree,
// including the nodes DevTools hangs under the root. (A semi-NCA finish, which needs no buckets,
// was tried: it is quadratic when many nodes whose DFS parent is deep in the dominator tree are
// dominated far above it — DeepChainThenFanOutReferencedFromTheRoot in dominator_test.cc.)
//
// Numbering: node v is ordinal+1 (0 = none); everything except pre_, vertex_ and first_retainer_
// is indexed by DFS preorder number 1..n (the root is 1) and holds preorder numbers. Six
// node-sized arrays besides the retainers (DevTools' version needs nine): ancestor_ doubles as the
// DFS edge cursor, pre_ becomes the bucket heads once the retainers are renumbered to preorder,
// a vertex's parent entry becomes its bucket link and then its dominator, and the results are
// written into label_ and vertex_ in place.
class DominatorBuilder {
 public:
  // Takes the essential-edge flags; they are freed as soon as the DFS no longer needs them.
  DominatorBuilder(const Snapshot& s, BigVector<uint8_t>&& essential)
      : s_(s), essential_(std::move(essential)), size_(s.node_count() + 1),
        pre_(size_, 0), vertex_(size_), parent_(size_), ancestor_(size_) {
    BuildEssentialRetainers(s_, essential_, &first_retainer_, &retainer_node_);
  }

  // Fills out->dominator and out->dfs_order; returns the number of nodes the first DFS (from the
  // root over essential edges) did not reach.
  uint32_t Run(Analysis* out) {
    NumberNodes();
    const uint32_t unreachable = s_.node_count() - reached_from_root_;
    BigVector<uint8_t>().swap(essential_);
    for (uint32_t& u : retainer_node_) u = pre_[u + 1];  // node ordinals -> preorder numbers
    bucket_.swap(pre_);
    std::fill(bucket_.begin(), bucket_.end(), 0);
    semi_.resize(size_);
    label_.resize(size_);
    for (uint32_t i = 0; i <= n_; ++i) semi_[i] = label_[i] = i;
    std::fill(ancestor_.begin(), ancestor_.end(), 0);  // was the DFS edge cursor
    ComputeSemidominators();
    BigVector<uint32_t>().swap(first_retainer_);
    BigVector<uint32_t>().swap(retainer_node_);
    BigVector<uint32_t>().swap(bucket_);
    ComputeImmediateDominators();
    WriteResults(out);
    return unreachable;
  }

 private:
  // DFS numbering as DevTools does it: the root's DFS; then, in node order, a DFS from every
  // unvisited node without essential retainers, hung under the root; then every node still
  // unvisited (cycles unreachable from anywhere else) numbered as a child of the root, no DFS.
  void NumberNodes() {
    const uint32_t node_count = s_.node_count();
    Dfs(s_.root_ordinal + 1, 0);
    reached_from_root_ = n_;
    if (n_ < node_count) {
      for (uint32_t v = 1; v <= node_count; ++v) {
        if (pre_[v] == 0 && HasNoEssentialRetainers(v - 1)) Dfs(v, 1);
      }
    }
    if (n_ < node_count) {
      for (uint32_t v = 1; v <= node_count; ++v) {
        if (pre_[v] == 0) Visit(v, 1);
      }
    }
  }

  bool HasNoEssentialRetainers(uint32_t ordinal) const {
    return first_retainer_[ordinal] == first_retainer_[ordinal + 1];
  }

  // Numbers node v with the next preorder number, as a DFS child of preorder `parent`.
  uint32_t Visit(uint32_t v, uint32_t parent) {
    const uint32_t i = ++n_;
    pre_[v] = i;
    vertex_[i] = v;
    parent_[i] = parent;
    ancestor_[i] = s_.first_edge[v - 1];  // edge cursor until the DFS is done
    return i;
  }

  // Iterative DFS over essential edges from unvisited node `root`, a child of preorder `parent`;
  // the per-node edge cursors make backtracking a walk up parent_.
  void Dfs(uint32_t root, uint32_t parent) {
    uint32_t i = Visit(root, parent);
    while (i != parent) {
      uint32_t next = parent_[i];
      const uint32_t end = s_.first_edge[vertex_[i]];  // first_edge[(v-1)+1]
      for (uint32_t& e = ancestor_[i]; e < end; ++e) {
        if (!essential_[e]) continue;
        const uint32_t w = s_.edge_to[e] + 1;
        if (pre_[w] == 0) {
          ++e;
          next = Visit(w, i);
          break;
        }
      }
      i = next;
    }
  }

  void Compress(uint32_t i) {
    stack_.clear();
    while (ancestor_[ancestor_[i]] != 0) {
      stack_.push_back(i);
      i = ancestor_[i];
    }
    while (!stack_.empty()) {
      const uint32_t j = stack_.back();
      stack_.pop_back();
      if (semi_[label_[ancestor_[j]]] < semi_[label_[j]]) label_[j] = label_[ancestor_[j]];
      ancestor_[j] = ancestor_[ancestor_[j]];
    }
  }

  uint32_t Eval(uint32_t i) {
    if (ancestor_[i] == 0) return i;
    Compress(i);
    return label_[i];
  }

  // Lengauer–Tarjan steps 2 and 3 in reverse preorder; a node without essential retainers (a DFS
  // root hung under the root) gets the root as semidominator. dom_[v] is v's bucket link until
  // v's bucket is processed, then the relative dominator; 0 for vertices of buckets never
  // processed (DevTools' leftover cycles: their semidominator is no DFS ancestor).
  void ComputeSemidominators() {
    for (uint32_t i = n_; i >= 2; --i) {
      const uint32_t ordinal = vertex_[i] - 1;
      const uint32_t begin = first_retainer_[ordinal], end = first_retainer_[ordinal + 1];
      uint32_t semi = begin == end ? 1 : semi_[i];
      for (uint32_t ri = begin; ri < end; ++ri) {
        semi = std::min(semi, semi_[Eval(retainer_node_[ri])]);
      }
      semi_[i] = semi;
      const uint32_t p = parent_[i];
      ancestor_[i] = p;  // link(p, i)
      dom_[i] = bucket_[semi];  // parent_[i] is dead from here on
      bucket_[semi] = i;
      for (uint32_t v = bucket_[p], next; v != 0; v = next) {
        next = dom_[v];
        const uint32_t u = Eval(v);
        dom_[v] = semi_[u] < semi_[v] ? u : p;
      }
      bucket_[p] = 0;
    }
    for (uint32_t b = 1; b <= n_; ++b) {
      for (uint32_t v = bucket_[b], next; v != 0; v = next) {
        next = dom_[v];
        dom_[v] = 0;
      }
    }
  }

  // Lengauer–Tarjan step 4 in preorder; unset dominators (0) become the root, as in DevTools.
  void ComputeImmediateDominators() {
    dom_[0] = dom_[1] = 1;
    for (uint32_t i = 2; i <= n_; ++i) {
      if (dom_[i] != semi_[i]) dom_[i] = dom_[dom_[i]];
    }
  }

  // dominator[ordinal] and dfs_order (0-based ordinals), built in label_ and vertex_ in place.
  void WriteResults(Analysis* out) {
    const uint32_t node_count = s_.node_count();
    for (uint32_t i = 1; i <= node_count; ++i) label_[vertex_[i] - 1] = vertex_[dom_[i]] - 1;
    for (uint32_t i = 1; i <= node_count; ++i) vertex_[i - 1] = vertex_[i] - 1;
    label_.resize(node_count);
    vertex_.resize(node_count);
    out->dominator = std::move(label_);
    out->dfs_order = std::move(vertex_);
  }

  const Snapshot& s_;
  BigVector<uint8_t> essential_;
  const size_t size_;
  // Essential retainers (CSR by node ordinal); retainer_node_ holds node ordinals until the DFS
  // is done, preorder numbers after.
  BigVector<uint32_t> first_retainer_, retainer_node_;
  BigVector<uint32_t> pre_;                        // node -> preorder number (0: not visited yet)
  BigVector<uint32_t> vertex_;                     // preorder number -> node
  BigVector<uint32_t> parent_, semi_, label_, ancestor_, bucket_, stack_;  // by preorder number
  // Vertex i's DFS parent until i is processed in ComputeSemidominators, then its bucket link,
  // then its (relative, finally immediate) dominator: the same array as parent_.
  BigVector<uint32_t>& dom_ = parent_;
  uint32_t n_ = 0;
  uint32_t reached_from_root_ = 0;
};

}  // namespace

namespace {

// Analyze() with `self_size` (the snapshot's raw self sizes, moved or copied in by the caller).
Analysis AnalyzeWithSizes(const Snapshot& s, BigVector<uint64_t> self_size, const AnalysisOptions& options) {
  Analysis a;
  const uint32_t n = s.node_count();
  a.self_size = std::move(self_size);
  // Two independent chains that write disjoint members of `a`: sizes + distances, and the
  // dominator tree. Each has its own WeakMapNames cache (not shared across threads).
  auto sizes_and_distances = [&] {
    if (options.devtools_adjustments && HasUserRoots(s)) TransferShallowSizes(s, &a);
    WeakMapNames names(s);
    ComputeDistances(s, &names, options.parent_edges, &a);
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

}  // namespace

Analysis Analyze(const Snapshot& s, const AnalysisOptions& options) {
  return AnalyzeWithSizes(s, s.self_size, options);
}

Analysis AnalyzeTakingSelfSizes(Snapshot* s, const AnalysisOptions& options) {
  BigVector<uint64_t> self_size = std::move(s->self_size);
  s->self_size = {};
  return AnalyzeWithSizes(*s, std::move(self_size), options);
}

std::vector<uint32_t> RetainingEdgesOf(const Snapshot& s, uint32_t node) {
  std::vector<uint32_t> edges;
  for (uint32_t e = 0; e < s.edge_count(); ++e) {
    if (s.edge_to[e] == node) edges.push_back(e);
  }
  return edges;
}

}  // namespace tenure::snapshot
