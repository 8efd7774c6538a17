// ReadSnapshot: the .heapsnapshot reader.
//
// Not a generic JSON parser: the top-level object is walked key by key; the small "snapshot"
// header goes through JsonValue, "nodes" and "edges" through one digit scanner (ScanRows) that
// writes straight into the Snapshot's arrays, "strings" are decoded into one arena, and every
// other section is skipped. With ReadOptions::parallel two worker threads parse the numbers (the
// nodes plus the head of the edges, and the rest of the edges, split at a row boundary) while the
// calling thread decodes the strings. Passes that only look for a byte (the end of an array,
// commas before a split) read the file with pread instead of faulting the mapping in. Field positions come from meta (V8 11.3's
// 7 node fields and newer V8's 6 both work). Any malformed, truncated or inconsistent input throws
// SnapshotError naming the byte offset; the reader never reads outside the input.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "snapshot/snapshot.h"

namespace tenure::snapshot {

enum class ReadScope {
  kFull,             // everything (summary, leaks' final snapshot, path)
  kNodesAndStrings,  // no edges (diff)
  kNodeIdsOnly,      // node ids and types only (leaks' baseline/target); rest is still validated
};

struct ReadOptions {
  ReadScope scope = ReadScope::kFull;
  bool parallel = true;  // parse nodes and edges in worker threads
  // With `parallel`, edges sections of at least this many bytes are split between the two worker
  // threads so that each parses about half of the numeric text.
  size_t min_split_bytes = size_t{4} << 20;
  // >= 0: always split the edges at this fraction of their bytes (even when not parallel).
  double edge_split_fraction_for_testing = -1;
  // Called with a short phase description ("nodes", "edges", "strings"); may be empty.
  std::function<void(std::string_view phase)> progress;
};

Snapshot ReadSnapshotText(std::string_view text, const ReadOptions& options = {});
Snapshot ReadSnapshotFile(const std::string& path, const ReadOptions& options = {});

}  // namespace tenure::snapshot
