// Snapshot: an in-memory V8 .heapsnapshot graph in compact structure-of-arrays form.
//
// Invariants (established by ReadSnapshot, relied on everywhere else):
//  * Nodes are numbered by ordinal 0..node_count()-1 in file order; edges 0..edge_count()-1.
//  * Node k owns edges [first_edge[k], first_edge[k+1]); first_edge has node_count()+1 entries
//    and first_edge.back() == edge_count() (the implicit ownership rule of the format).
//  * edge_to[e] < node_count() (the file's to_node divided by the node field count).
//  * node_type[k] < node_type_names.size(), edge_type[e] < edge_type_names.size().
//  * node_name[k] < string_count(); edge_name[e] < string_count() unless the edge is an
//    element or hidden edge, whose name is an integer index.
//  * root_ordinal is 0 (V8 writes the synthetic root first).
// With ReadScope::kNodesAndStrings the edge arrays are empty and first_edge is not built; with
// kNodeIdsOnly only node_id (and node_type) are filled.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "snapshot/big_vector.h"

namespace tenure::snapshot {

// Type codes resolved from meta.node_types[0] / meta.edge_types[0]; -1 when the file lacks one.
struct NodeTypeCodes {
  int hidden = -1, array = -1, string = -1, object = -1, code = -1, closure = -1, regexp = -1,
      number = -1, native = -1, synthetic = -1, concatenated_string = -1, sliced_string = -1,
      symbol = -1, bigint = -1, object_shape = -1;
};
struct EdgeTypeCodes {
  int context = -1, element = -1, property = -1, internal = -1, hidden = -1, shortcut = -1, weak = -1;
};

struct Snapshot {
  // meta
  std::vector<std::string> node_fields;
  std::vector<std::string> node_type_names;
  std::vector<std::string> edge_type_names;
  NodeTypeCodes node_types;
  EdgeTypeCodes edge_types;
  uint64_t extra_native_bytes = 0;
  uint32_t root_ordinal = 0;

  // nodes
  BigVector<uint8_t> node_type;
  BigVector<uint32_t> node_name;
  BigVector<uint32_t> node_id;
  BigVector<uint64_t> self_size;
  BigVector<uint32_t> first_edge;
  BigVector<uint8_t> detachedness;  // empty when the file has no detachedness field

  // edges
  BigVector<uint8_t> edge_type;
  BigVector<uint32_t> edge_name;
  BigVector<uint32_t> edge_to;

  // strings, decoded to UTF-8 into one arena
  std::string string_arena;
  BigVector<uint64_t> string_begin;  // string_count()+1 offsets into string_arena

  uint32_t node_count() const { return static_cast<uint32_t>(node_id.size()); }
  uint32_t edge_count() const { return static_cast<uint32_t>(edge_to.size()); }
  uint32_t string_count() const {
    return string_begin.empty() ? 0 : static_cast<uint32_t>(string_begin.size() - 1);
  }
  std::string_view String(uint32_t index) const {
    return std::string_view(string_arena).substr(string_begin[index],
                                                 string_begin[index + 1] - string_begin[index]);
  }
  std::string_view NodeName(uint32_t ordinal) const { return String(node_name[ordinal]); }
  std::string_view NodeTypeName(uint32_t ordinal) const { return node_type_names[node_type[ordinal]]; }
  // Edge name as text: the string for named edges, the decimal index for element/hidden edges.
  std::string EdgeNameText(uint32_t edge) const;
  bool EdgeHasStringName(uint32_t edge) const {
    int t = edge_type[edge];
    return t != edge_types.element && t != edge_types.hidden;
  }
  // Source node of edge `e` (binary search over first_edge; O(log n)).
  uint32_t EdgeSource(uint32_t edge) const;
};

}  // namespace tenure::snapshot
