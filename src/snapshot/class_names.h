// ClassNames: DevTools' "constructor" grouping of nodes (JSHeapSnapshot calculateObjectNames).
//
// hidden -> "(system)"; object/native -> the node name ("<div id=x>" -> "<div>",
// "Detached <div ...>" -> "Detached <div>"); code -> "(compiled code)"; closure -> "Function";
// regexp -> "RegExp"; anything else -> "(" + type name + ")" e.g. "(string)", "(array)".
// DevTools additionally splits same-named classes by allocation location and renames plain
// Objects after inferred interfaces ("{a, b}"); we do neither: one class per name.
// Embedder ("native") nodes get DevTools' propagated detachedness first (propagateDOMState):
// the file's detachedness spreads from attached natives, then from detached ones, through
// native nodes only over edges that are not hidden/invisible/weak; detached natives are named
// "Detached <name>".
// Invariant: class_of_node.size() == node_count and every entry < names.size().
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "snapshot/big_vector.h"
#include "snapshot/snapshot.h"

namespace tenure::snapshot {

struct ClassNames {
  BigVector<uint32_t> class_of_node;
  std::vector<std::string> names;
};

ClassNames ComputeClassNames(const Snapshot& snapshot);

// DevTools' class name for one node (same rules, no table); `detached` adds the prefix.
std::string ClassNameOf(const Snapshot& snapshot, uint32_t ordinal, bool detached = false);

// Per node: 1 when DevTools would show it as a detached native node (see above).
BigVector<uint8_t> DetachedNativeNodes(const Snapshot& snapshot);

}  // namespace tenure::snapshot
