#include "snapshot/heap_command.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <future>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "snapshot/analysis.h"
#include "snapshot/class_names.h"
#include "snapshot/diff.h"
#include "snapshot/html_report.h"
#include "snapshot/json_text.h"
#include "snapshot/leaks.h"
#include "snapshot/reader.h"
#include "snapshot/retainer_path.h"
#include "snapshot/snapshot_error.h"
#include "snapshot/summary.h"
#include "snapshot/text_table.h"
#include "snapshot/timeline.h"

namespace tenure::snapshot {
namespace {

constexpr const char* kUsage = R"(usage: tenure heap <command> [options]

Reads V8 .heapsnapshot files (Node.js, Chrome, tenure) and finds leaks.

commands:
  summary FILE                 per-class count, shallow and retained size; top objects
  diff BEFORE AFTER            per-class added/removed objects, matched by node id
  leaks BASELINE TARGET FINAL  objects allocated between BASELINE and TARGET still alive in
                               FINAL, grouped by class and retainer path, largest first
  leaks BEFORE AFTER           the same for objects new in AFTER
  path FILE ID                 retainer paths from the GC roots to the node with id ID
  nodes FILE                   every node: id, class, self size, retained size, distance
  report BASELINE TARGET FINAL --html OUT.html [--timeline FILE.ndjson]
                               one self-contained HTML report

options:
  --json                 machine-readable output instead of aligned tables
  --top N                summary: number of classes / top objects shown (default 30 / 20)
  --min-retained BYTES   leaks/report: drop groups retaining less (default 0)
  --max-groups N         leaks/report: show at most N groups (default 20)
  --paths N              path: number of alternative paths (default 5)
  --full-paths           leaks/path: do not fold V8-internal hops into "…"
  --raw-sizes            no DevTools shallow-size transfer / page-owned filter
  --help                 this text

exit status: 0 ok, 2 bad usage or unreadable/malformed snapshot, 1 output error.
)";

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Args {
  std::string command;
  std::vector<std::string> files;
  bool json = false, full_paths = false, raw_sizes = false;
  size_t top = 0, max_groups = 20, paths = 5;
  uint64_t min_retained = 0;
  std::string html, timeline;
};

uint64_t ParseNumberArg(const std::string& flag, const std::string& value) {
  if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos || value.size() > 19) {
    throw UsageError(flag + " needs a non-negative integer, got '" + value + "'");
  }
  return std::strtoull(value.c_str(), nullptr, 10);
}

Args ParseArgs(int argc, char** argv) {
  Args args;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      size_t eq = a.find('=');
      if (eq != std::string::npos) return a.substr(eq + 1);
      if (i + 1 >= argc) throw UsageError(a + " needs a value");
      return argv[++i];
    };
    std::string flag = a.substr(0, a.find('='));
    if (a == "--json") args.json = true;
    else if (a == "--full-paths") args.full_paths = true;
    else if (a == "--raw-sizes") args.raw_sizes = true;
    else if (flag == "--top") args.top = ParseNumberArg(flag, value());
    else if (flag == "--min-retained") args.min_retained = ParseNumberArg(flag, value());
    else if (flag == "--max-groups") args.max_groups = ParseNumberArg(flag, value());
    else if (flag == "--paths") args.paths = ParseNumberArg(flag, value());
    else if (flag == "--html") args.html = value();
    else if (flag == "--timeline") args.timeline = value();
    else if (a.size() > 1 && a[0] == '-') throw UsageError("unknown option " + a);
    else positional.push_back(a);
  }
  if (positional.empty()) throw UsageError("missing command");
  args.command = positional[0];
  args.files.assign(positional.begin() + 1, positional.end());
  return args;
}

// Prints load phases on stderr, only when stderr is a terminal.
ReadOptions MakeReadOptions(const std::string& path, ReadScope scope) {
  ReadOptions o;
  o.scope = scope;
  if (::isatty(2)) {
    o.progress = [path](std::string_view phase) {
      std::fprintf(stderr, "\r\033[Kreading %s: %.*s…", path.c_str(), static_cast<int>(phase.size()), phase.data());
      std::fflush(stderr);
    };
  }
  return o;
}

void EndProgress() {
  if (::isatty(2)) std::fprintf(stderr, "\r\033[K");
}

// snapshot.self_size is moved into analysis.self_size (raw sizes: only raw_self_total remains).
struct Loaded {
  Snapshot snapshot;
  Analysis analysis;
  ClassNames classes;
  uint64_t raw_self_total = 0;  // sum of the file's self sizes, before the shallow-size transfer
};

uint64_t TotalSelf(const Snapshot& s) {
  uint64_t sum = 0;
  for (uint64_t v : s.self_size) sum += v;
  return sum;
}

// Analyzes l->snapshot, read from `path`.
void AnalyzeLoaded(const std::string& path, const Args& args, Loaded* l) {
  if (::isatty(2)) std::fprintf(stderr, "\r\033[Kanalyzing %s: dominators…", path.c_str());
  AnalysisOptions ao;
  ao.devtools_adjustments = !args.raw_sizes;
  ao.parent_edges = args.command != "summary" && args.command != "nodes";  // they print no paths
  l->raw_self_total = TotalSelf(l->snapshot);
  l->analysis = AnalyzeTakingSelfSizes(&l->snapshot, ao);
  l->classes = ComputeClassNames(l->snapshot);
  EndProgress();
}

Loaded LoadAndAnalyze(const std::string& path, const Args& args) {
  Loaded l;
  l.snapshot = ReadSnapshotFile(path, MakeReadOptions(path, ReadScope::kFull));
  AnalyzeLoaded(path, args, &l);
  return l;
}

void RequireFiles(const Args& args, size_t min, size_t max, const char* shape) {
  if (args.files.size() < min || args.files.size() > max) {
    throw UsageError("'" + args.command + "' takes " + shape);
  }
}

std::string Js(std::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

int RunSummary(const Args& args) {
  RequireFiles(args, 1, 1, "FILE");
  Loaded l = LoadAndAnalyze(args.files[0], args);
  SummaryOptions so;
  so.top_objects = args.top ? args.top : 20;
  Summary sum = Summarize(l.snapshot, l.analysis, l.classes, so);
  const Snapshot& s = l.snapshot;
  const Analysis& a = l.analysis;
  if (args.json) {
    std::string out = "{\"file\":" + Js(args.files[0]) + ",\"node_count\":" + std::to_string(s.node_count()) +
                      ",\"edge_count\":" + std::to_string(s.edge_count()) + ",\"total_size\":" +
                      std::to_string(sum.total_size) + ",\"classes\":[";
    for (size_t i = 0; i < sum.classes.size(); ++i) {
      const ClassStats& c = sum.classes[i];
      out += (i ? "," : "") + std::string("{\"name\":") + Js(c.name) + ",\"count\":" + std::to_string(c.count) +
             ",\"self_size\":" + std::to_string(c.self_size) + ",\"retained_size\":" +
             std::to_string(c.retained_size) + ",\"distance\":" + std::to_string(c.min_distance) + "}";
    }
    out += "],\"top_objects\":[";
    for (size_t i = 0; i < sum.top_objects.size(); ++i) {
      uint32_t k = sum.top_objects[i];
      out += (i ? "," : "") + std::string("{\"id\":") + std::to_string(s.node_id[k]) + ",\"class\":" +
             Js(l.classes.names[l.classes.class_of_node[k]]) + ",\"name\":" + Js(s.NodeName(k)) +
             ",\"self_size\":" + std::to_string(a.self_size[k]) + ",\"retained_size\":" +
             std::to_string(a.retained_size[k]) + ",\"distance\":" + std::to_string(a.distance[k]) + "}";
    }
    std::cout << out << "]}\n";
    return 0;
  }
  std::cout << args.files[0] << ": " << s.node_count() << " nodes, " << s.edge_count() << " edges, total "
            << HumanBytes(sum.total_size) << " (" << sum.total_size << " bytes)\n\n";
  TextTable classes({"class", "count", "shallow", "retained", "retained bytes"}, {false, true, true, true, true});
  size_t limit = args.top ? args.top : 30;
  for (size_t i = 0; i < sum.classes.size() && i < limit; ++i) {
    const ClassStats& c = sum.classes[i];
    classes.AddRow({c.name, std::to_string(c.count), HumanBytes(c.self_size), HumanBytes(c.retained_size),
                    std::to_string(c.retained_size)});
  }
  std::cout << classes.Render();
  if (sum.classes.size() > limit) std::cout << "(" << sum.classes.size() - limit << " more classes; --top N)\n";
  std::cout << "\ntop objects by retained size\n";
  TextTable top({"id", "class", "name", "shallow", "retained", "distance"}, {true, false, false, true, true, true});
  for (uint32_t k : sum.top_objects) {
    std::string name(s.NodeName(k));
    if (name.size() > 40) name = name.substr(0, 37) + "...";
    for (char& ch : name) if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    top.AddRow({"@" + std::to_string(s.node_id[k]), l.classes.names[l.classes.class_of_node[k]], name,
                HumanBytes(a.self_size[k]), HumanBytes(a.retained_size[k]), std::to_string(a.distance[k])});
  }
  std::cout << top.Render();
  return 0;
}

int RunNodes(const Args& args) {
  RequireFiles(args, 1, 1, "FILE");
  Loaded l = LoadAndAnalyze(args.files[0], args);
  const Snapshot& s = l.snapshot;
  const Analysis& a = l.analysis;
  std::string out;
  if (args.json) out = "{\"total_size\":" + std::to_string(a.total_size) + ",\"nodes\":[";
  else out = "id\tclass\tself_size\tretained_size\tdistance\n";
  for (uint32_t k = 0; k < s.node_count(); ++k) {
    const std::string& cls = l.classes.names[l.classes.class_of_node[k]];
    if (args.json) {
      out += (k ? ",[" : "[") + std::to_string(s.node_id[k]) + "," + Js(cls) + "," + std::to_string(a.self_size[k]) +
             "," + std::to_string(a.retained_size[k]) + "," + std::to_string(a.distance[k]) + "]";
    } else {
      out += std::to_string(s.node_id[k]) + "\t" + cls + "\t" + std::to_string(a.self_size[k]) + "\t" +
             std::to_string(a.retained_size[k]) + "\t" + std::to_string(a.distance[k]) + "\n";
    }
    if (out.size() > (1 << 20)) {
      std::cout << out;
      out.clear();
    }
  }
  if (args.json) out += "]}\n";
  std::cout << out;
  return 0;
}

int RunDiff(const Args& args) {
  RequireFiles(args, 2, 2, "BEFORE AFTER");
  Snapshot before = ReadSnapshotFile(args.files[0], MakeReadOptions(args.files[0], ReadScope::kNodesAndStrings));
  Snapshot after = ReadSnapshotFile(args.files[1], MakeReadOptions(args.files[1], ReadScope::kNodesAndStrings));
  EndProgress();
  std::vector<ClassDiff> diff = DiffSnapshots(before, after);
  size_t limit = args.top ? args.top : 40;
  if (args.json) {
    std::string out = "{\"classes\":[";
    for (size_t i = 0; i < diff.size(); ++i) {
      const ClassDiff& d = diff[i];
      out += (i ? "," : "") + std::string("{\"name\":") + Js(d.name) + ",\"added_count\":" +
             std::to_string(d.added_count) + ",\"removed_count\":" + std::to_string(d.removed_count) +
             ",\"count_delta\":" + std::to_string(d.count_delta()) + ",\"added_size\":" +
             std::to_string(d.added_size) + ",\"removed_size\":" + std::to_string(d.removed_size) +
             ",\"size_delta\":" + std::to_string(d.size_delta()) + "}";
    }
    std::cout << out << "]}\n";
    return 0;
  }
  TextTable t({"class", "# new", "# deleted", "# delta", "alloc size", "freed size", "size delta"},
              {false, true, true, true, true, true, true});
  for (size_t i = 0; i < diff.size() && i < limit; ++i) {
    const ClassDiff& d = diff[i];
    t.AddRow({d.name, std::to_string(d.added_count), std::to_string(d.removed_count), Signed(d.count_delta()),
              std::to_string(d.added_size), std::to_string(d.removed_size), Signed(d.size_delta())});
  }
  std::cout << t.Render();
  if (diff.size() > limit) std::cout << "(" << diff.size() - limit << " more classes; --top N)\n";
  return 0;
}

// Loads BASELINE/TARGET ids (in helper threads) while FINAL is read; FINAL is analyzed only once
// they are done, so their parse buffers are freed before the analysis' peak memory.
LeakReport ComputeLeaks(const Args& args, Loaded* final_out) {
  const bool three = args.files.size() == 3;
  auto ids_of = [](const std::string& path) {
    ReadOptions o;
    o.scope = ReadScope::kNodeIdsOnly;
    return IdSet(ReadSnapshotFile(path, o).node_id);
  };
  std::future<IdSet> baseline = std::async(std::launch::async, ids_of, args.files[0]);
  std::future<IdSet> target;
  if (three) target = std::async(std::launch::async, ids_of, args.files[1]);
  final_out->snapshot = ReadSnapshotFile(args.files.back(), MakeReadOptions(args.files.back(), ReadScope::kFull));
  IdSet baseline_ids = baseline.get();
  IdSet target_ids = three ? target.get() : IdSet{};
  AnalyzeLoaded(args.files.back(), args, final_out);
  LeakOptions lo;
  lo.min_retained_bytes = args.min_retained;
  lo.max_groups = args.max_groups;
  return FindLeaks(final_out->snapshot, final_out->analysis, final_out->classes, baseline_ids, target_ids, lo);
}

std::string LeakGroupsJson(const LeakReport& r) {
  std::string out = "{\"new_objects\":" + std::to_string(r.new_objects) + ",\"leak_heads\":" +
                    std::to_string(r.leak_heads) + ",\"new_retained_size\":" + std::to_string(r.new_retained_size) +
                    ",\"dropped_groups\":" + std::to_string(r.dropped_groups) + ",\"groups\":[";
  for (size_t i = 0; i < r.groups.size(); ++i) {
    const LeakGroup& g = r.groups[i];
    out += (i ? "," : "") + std::string("{\"class\":") + Js(g.class_name) + ",\"count\":" + std::to_string(g.count) +
           ",\"retained_size\":" + std::to_string(g.retained_size) + ",\"self_size\":" + std::to_string(g.self_size) +
           ",\"path\":" + Js(g.path) + ",\"holds\":" + Js(g.holds) + ",\"sample_ids\":[";
    for (size_t j = 0; j < g.sample_ids.size(); ++j) out += (j ? "," : "") + std::to_string(g.sample_ids[j]);
    out += "]}";
  }
  return out + "]}";
}

int RunLeaks(const Args& args) {
  RequireFiles(args, 2, 3, "BASELINE TARGET FINAL (or BEFORE AFTER)");
  Loaded fin;
  LeakReport r = ComputeLeaks(args, &fin);
  if (args.json) {
    std::cout << LeakGroupsJson(r) << "\n";
    return 0;
  }
  std::cout << r.new_objects << " new objects alive in " << args.files.back() << "; " << r.leak_heads
            << " leak roots retaining " << HumanBytes(r.new_retained_size) << " in " << r.groups.size() + r.dropped_groups
            << " groups\n";
  if (r.groups.empty()) {
    std::cout << "no leak groups";
    if (args.min_retained) std::cout << " retaining >= " << args.min_retained << " bytes";
    std::cout << "\n";
    return 0;
  }
  std::cout << "\n";
  TextTable t({"#", "class", "count", "retained", "retained bytes", "sample ids"}, {true, false, true, true, true, false});
  for (size_t i = 0; i < r.groups.size(); ++i) {
    const LeakGroup& g = r.groups[i];
    std::string ids;
    for (size_t j = 0; j < g.sample_ids.size() && j < 3; ++j) ids += (j ? " @" : "@") + std::to_string(g.sample_ids[j]);
    t.AddRow({std::to_string(i + 1), g.class_name, std::to_string(g.count), HumanBytes(g.retained_size),
              std::to_string(g.retained_size), ids});
  }
  std::cout << t.Render() << "\nretainer paths (shortest, from the GC roots):\n";
  for (size_t i = 0; i < r.groups.size(); ++i) {
    std::cout << "  " << i + 1 << ". " << r.groups[i].path << "\n";
    if (!r.groups[i].holds.empty()) std::cout << "     holds: " << r.groups[i].holds << "\n";
  }
  if (r.dropped_groups) std::cout << "(" << r.dropped_groups << " smaller groups not shown)\n";
  return 0;
}

int RunPath(const Args& args) {
  RequireFiles(args, 2, 2, "FILE ID");
  uint64_t id = ParseNumberArg("ID", args.files[1][0] == '@' ? args.files[1].substr(1) : args.files[1]);
  Loaded l = LoadAndAnalyze(args.files[0], args);
  const Snapshot& s = l.snapshot;
  uint32_t node = kNoParent;
  for (uint32_t k = 0; k < s.node_count(); ++k) {
    if (s.node_id[k] == id) { node = k; break; }
  }
  if (node == kNoParent) {
    std::cerr << "tenure heap path: no node with id " << id << " in " << args.files[0] << "\n";
    return 2;
  }
  std::vector<RetainerPath> paths = AlternativeRetainerPaths(s, l.analysis, node, args.paths ? args.paths : 5);
  PathFormat f{args.full_paths ? PathStyle::kFull : PathStyle::kCompact, true, false};
  if (args.json) {
    std::string out = "{\"id\":" + std::to_string(id) + ",\"class\":" + Js(l.classes.names[l.classes.class_of_node[node]]) +
                      ",\"retained_size\":" + std::to_string(l.analysis.retained_size[node]) + ",\"paths\":[";
    for (size_t i = 0; i < paths.size(); ++i) out += (i ? "," : "") + Js(FormatRetainerPath(s, paths[i], f));
    std::cout << out << "]}\n";
    return 0;
  }
  std::cout << NodeLabel(s, node, true) << " (" << l.classes.names[l.classes.class_of_node[node]] << "), retained "
            << HumanBytes(l.analysis.retained_size[node]) << ", distance " << l.analysis.distance[node] << "\n";
  if (paths.empty()) std::cout << "not reachable from the GC roots\n";
  for (size_t i = 0; i < paths.size(); ++i) {
    std::cout << "  " << i + 1 << ". [" << paths[i].edges.size() << " hops] " << FormatRetainerPath(s, paths[i], f) << "\n";
  }
  return 0;
}

int RunReport(const Args& args) {
  RequireFiles(args, 3, 3, "BASELINE TARGET FINAL --html OUT.html");
  if (args.html.empty()) throw UsageError("'report' needs --html OUT.html");
  HtmlReportInput in;
  if (!args.timeline.empty()) in.timeline = ReadTimelineFile(args.timeline);
  const char* labels[] = {"baseline", "target", "final"};
  for (int i = 0; i < 2; ++i) {
    Snapshot s = ReadSnapshotFile(args.files[i], MakeReadOptions(args.files[i], ReadScope::kNodesAndStrings));
    in.snapshots.push_back({labels[i], args.files[i], s.node_count(), TotalSelf(s)});
  }
  Loaded fin;
  in.leaks = ComputeLeaks(args, &fin);
  in.snapshots.push_back({labels[2], args.files[2], fin.snapshot.node_count(), fin.raw_self_total});
  std::ofstream out(args.html, std::ios::binary);
  out << RenderHtmlReport(in);
  out.close();
  if (!out) {
    std::cerr << "tenure heap report: cannot write " << args.html << "\n";
    return 1;
  }
  std::cout << "wrote " << args.html << " (" << in.leaks.groups.size() << " leak groups";
  if (!in.timeline.empty()) std::cout << ", " << in.timeline.size() << " timeline samples";
  std::cout << ")\n";
  return 0;
}

}  // namespace

int HeapCommandMain(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h" || a == "help") {
      std::cout << kUsage;
      return 0;
    }
  }
  try {
    Args args = ParseArgs(argc, argv);
    if (args.command == "summary") return RunSummary(args);
    if (args.command == "diff") return RunDiff(args);
    if (args.command == "leaks") return RunLeaks(args);
    if (args.command == "path") return RunPath(args);
    if (args.command == "nodes") return RunNodes(args);
    if (args.command == "report") return RunReport(args);
    throw UsageError("unknown command '" + args.command + "'");
  } catch (const UsageError& e) {
    std::cerr << "tenure heap: " << e.what() << "\n(see tenure heap --help)\n";
    return 2;
  } catch (const SnapshotError& e) {
    EndProgress();
    std::cerr << "tenure heap: " << e.what() << "\n";
    return 2;
  } catch (const std::bad_alloc&) {
    EndProgress();
    std::cerr << "tenure heap: out of memory\n";
    return 2;
  }
}

}  // namespace tenure::snapshot
