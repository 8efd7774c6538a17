// RenderHtmlReport: one self-contained HTML page (inline CSS, JS and SVG; no network access)
// showing heap growth across the three snapshots, the leak groups with their retainer paths and,
// when a timeline is given, heapUsed/heapTotal/rss/external over time with GC pauses marked.
// The data is embedded as one JSON object; the page's script renders the charts (SVG) and the
// leak table, so a browser test can tell that the script ran (element ids: growth-chart,
// timeline-chart, leak-table; <body data-rendered="yes"> once done).
#pragma once

#include <string>
#include <vector>

#include "snapshot/leaks.h"
#include "snapshot/timeline.h"

namespace tenure::snapshot {

struct SnapshotTotals {
  std::string label;   // "baseline", "target", "final"
  std::string file;
  uint64_t node_count = 0;
  uint64_t total_self_size = 0;  // sum of raw self sizes
};

struct HtmlReportInput {
  std::vector<SnapshotTotals> snapshots;
  LeakReport leaks;
  std::vector<TimelineSample> timeline;  // empty: no timeline section
};

std::string RenderHtmlReport(const HtmlReportInput& input);

}  // namespace tenure::snapshot
