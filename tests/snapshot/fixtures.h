// Hand-written snapshot fixtures for the gtests.
//
// kMinimalV8_11 is the 7-node-field (Node 20 / V8 11.3) document from
// /work/shared/reference/heapsnapshot-format.md §1.7, whose DevTools results are known:
// total 8400; Global retained 8400, distance 1; each Leaky self 4128 after the shallow-size
// transfer, retained 4128, distance 4; root distance 100000000, (GC roots) 100000001.
// MinimalNewV8() is the same graph in newer V8's layout: 6 node fields (no trace_node_id),
// 5 location fields and extra_native_bytes in the header.
#pragma once

#include <string>

namespace tenure::snapshot::testing {

inline const char* const kMinimalV8_11 =
    R"J({"snapshot":{"meta":{"node_fields":["type","name","id","self_size","edge_count","trace_node_id","detachedness"],)J"
    R"J("node_types":[["hidden","array","string","object","code","closure","regexp","number","native","synthetic","concatenated string","sliced string","symbol","bigint","object shape"],"string","number","number","number","number","number"],)J"
    R"J("edge_fields":["type","name_or_index","to_node"],"edge_types":[["context","element","property","internal","hidden","shortcut","weak"],"string_or_number","node"],)J"
    R"J("trace_function_info_fields":["function_id","name","script_name","script_id","line","column"],"trace_node_fields":["id","function_info_index","count","size","children"],)J"
    R"J("sample_fields":["timestamp_us","last_assigned_id"],"location_fields":["object_index","script_id","line","column"]},"node_count":10,"edge_count":12,"trace_function_count":0},)J"
    "\n"
    R"J("nodes":[9,1,1,0,2,0,0,9,2,3,0,1,0,0,9,3,5,0,1,0,0,3,4,7,64,1,0,0,3,5,9,32,1,0,0,1,6,11,48,2,0,0,3,11,101,32,2,0,0,1,6,201,4096,0,0,0,3,11,103,32,2,0,0,1,6,203,4096,0,0,0],)J"
    "\n"
    R"J("edges":[1,1,7,5,7,21,1,1,14,3,8,21,2,9,28,3,10,35,1,0,42,1,1,56,2,12,49,6,13,21,2,12,63,6,13,21],)J"
    "\n"
    R"J("trace_function_infos":[],"trace_tree":[],"samples":[],"locations":[],)J"
    "\n"
    R"J("strings":["<dummy>","","(GC roots)","(Global handles)","Global","Cache","(object elements)","1","1 / handle","cache","elements","Leaky","buf","weak_ref"]})J";

// Same graph, newer V8 layout: to_node values are ordinal x 6.
inline std::string MinimalNewV8() {
  return R"J({"snapshot":{"meta":{"node_fields":["type","name","id","self_size","edge_count","detachedness"],)J"
         R"J("node_types":[["hidden","array","string","object","code","closure","regexp","number","native","synthetic","concatenated string","sliced string","symbol","bigint","object shape"],"string","number","number","number","number"],)J"
         R"J("edge_fields":["type","name_or_index","to_node"],"edge_types":[["context","element","property","internal","hidden","shortcut","weak"],"string_or_number","node"],)J"
         R"J("trace_function_info_fields":["function_id","name","script_name","script_id","line","column"],"trace_node_fields":["id","function_info_index","count","size","children"],)J"
         R"J("sample_fields":["timestamp_us","last_assigned_id"],"location_fields":["object_index","script_id","script_object_index","line","column"]},"node_count":10,"edge_count":12,"trace_function_count":0,"extra_native_bytes":777},)J"
         R"J("nodes":[9,1,1,0,2,0,9,2,3,0,1,0,9,3,5,0,1,0,3,4,7,64,1,0,3,5,9,32,1,0,1,6,11,48,2,0,3,11,101,32,2,0,1,6,201,4096,0,0,3,11,103,32,2,0,1,6,203,4096,0,0],)J"
         R"J("edges":[1,1,6,5,7,18,1,1,12,3,8,18,2,9,24,3,10,30,1,0,36,1,1,48,2,12,42,6,13,18,2,12,54,6,13,18],)J"
         R"J("trace_function_infos":[],"trace_tree":[],"samples":[],"locations":[],)J"
         R"J("strings":["<dummy>","","(GC roots)","(Global handles)","Global","Cache","(object elements)","1","1 / handle","cache","elements","Leaky","buf","weak_ref"]})J";
}

}  // namespace tenure::snapshot::testing
