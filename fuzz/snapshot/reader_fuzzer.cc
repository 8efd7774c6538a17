// libFuzzer target for the .heapsnapshot reader. Inputs that parse are also run through the graph
// analysis, class naming, summary, leak grouping and path formatting, so structurally valid but
// hostile graphs (self loops, unreachable cliques, odd types) exercise those too.
// A leak search with a dense id set (IdSet's bitmap) runs on every parsed input as well.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "snapshot/analysis.h"
#include "snapshot/class_names.h"
#include "snapshot/leaks.h"
#include "snapshot/reader.h"
#include "snapshot/retainer_path.h"
#include "snapshot/snapshot_error.h"
#include "snapshot/summary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tenure::snapshot;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ReadOptions options;
  options.parallel = false;
  // Three inputs in four also split the edges section as the two parser threads do (at a
  // quarter, half or three quarters of its bytes), so the cut-and-count path meets hostile input.
  options.edge_split_fraction_for_testing = static_cast<double>(size % 4) / 4.0;
  Snapshot s;
  try {
    s = ReadSnapshotText(text, options);
  } catch (const SnapshotError&) {
    return 0;
  }
  AnalysisOptions analysis_options;
  analysis_options.parallel = false;  // one thread per input would dominate the run time
  Analysis a = Analyze(s, analysis_options);
  ClassNames c = ComputeClassNames(s);
  Summarize(s, a, c);
  std::vector<uint32_t> none;
  LeakReport r = FindLeaks(s, a, c, none, none, LeakOptions{});
  std::vector<uint32_t> some_ids(s.node_id.begin(), s.node_id.begin() + s.node_count() / 2);
  FindLeaks(s, a, c, some_ids, none, LeakOptions{});
  for (uint32_t k = 0; k < s.node_count() && k < 64; ++k) {
    for (const RetainerPath& p : AlternativeRetainerPaths(s, a, k, 3)) {
      FormatRetainerPath(s, p, PathFormat{});
    }
  }
  return 0;
}
