// Retainer paths: how an object is reached from the GC roots.
//
// The shortest path is read off the BFS tree that Analysis builds while computing distances (user
// roots first, then the rest from the root, weak edges never followed), so its length equals the
// node's DevTools distance. Text form: hops joined by " → ", starting at "(GC roots)"; each hop is
// "<edge>: <node>" where the edge is a property name, "[i]" for elements, "var x" for a
// closure-context variable, and the node is its class (closures as "name()", V8-internal nodes by
// their raw name). PathStyle::kCompact folds runs of V8-internal hops (internal/hidden edges into
// internal node types) into "…" but always keeps named properties, context variables and the
// target, so the hop that identifies the responsible variable, closure or timer stays visible.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "snapshot/analysis.h"
#include "snapshot/snapshot.h"

namespace tenure::snapshot {

struct RetainerPath {
  std::vector<uint32_t> nodes;  // nodes.front() is the root, nodes.back() the target
  std::vector<uint32_t> edges;  // edges[i] leads from nodes[i] to nodes[i+1]
};

enum class PathStyle { kFull, kCompact };

struct PathFormat {
  PathStyle style = PathStyle::kCompact;
  bool with_ids = false;        // append "@id" to node labels
  bool generic_indexes = false; // "[]" instead of "[12]" (used to group similar paths)
};

// Empty path when the node is unreachable from the root.
RetainerPath ShortestRetainerPath(const Snapshot& s, const Analysis& a, uint32_t node);

// Up to `max_paths` paths to `node`, one per distinct reachable retainer, shortest first.
std::vector<RetainerPath> AlternativeRetainerPaths(const Snapshot& s, const Analysis& a, uint32_t node,
                                                   size_t max_paths);

std::string FormatRetainerPath(const Snapshot& s, const RetainerPath& path, const PathFormat& format);

// Label of one node as used in paths ("LeakyRecord", "handler()", "system / Context", ...).
std::string NodeLabel(const Snapshot& s, uint32_t node, bool with_id);

}  // namespace tenure::snapshot
