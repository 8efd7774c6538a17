#include "options.h"

#include <charconv>
#include <utility>
#include <string_view>

namespace tenure::js {

namespace {

constexpr int kBadOptionExit = 9;  // node's exit code for invalid command-line options

bool ParseNumber(std::string_view text, uint64_t* out) {
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

ParseOutcome Bad(std::string message) { return {false, kBadOptionExit, std::move(message)}; }

}  // namespace

std::string UsageText() {
  return "Usage: tenure [options] [ script.js ] [arguments]\n"
         "\n"
         "Options:\n"
         "  -c, --check                 syntax check script without executing\n"
         "  -e, --eval script           evaluate script\n"
         "  -h, --help                  print tenure command line options\n"
         "  -v, --version               print tenure version\n"
         "  --expose-gc                 expose gc() on the global object\n"
         "  --max-old-space-size=MB     old generation size limit\n"
         "  --max-semi-space-size=MB    semispace size of the young generation\n"
         "  --stack-size=KB             JavaScript call-stack budget\n"
         "  --trace-gc                  print one line per garbage collection\n"
         "  --trace-gc-nvp              print name=value statistics per garbage collection\n"
         "  --trace-gc-verbose          also print the fast-promotion decision after each scavenge\n"
         "  --gc-interval=N             collect garbage every N allocations (testing)\n"
         "  --random-seed=N             seed Math.random (0 = random; deterministic otherwise)\n"
         "  --verify-heap               verify heap invariants around every collection (testing)\n"
         "  --stress-compaction         compact on every full collection (testing)\n"
         "  --no-incremental-marking    mark the old generation in one stop-the-world pause\n"
         "  --stress-incremental-marking  start marking right after every full GC, tiny steps (testing)\n"
         "  --no-fast-promotion-new-space  always copy scavenge survivors within new space first\n"
         "  --no-allocation-site-pretenuring  never allocate literals in old space from survival feedback\n"
         "  --trace-pretenuring         print allocation-site decisions after each scavenge\n"
         "  --stress-pretenuring        allocate every object/array literal in old space (testing)\n"
         "  --no-warnings               silence all process warnings\n"
         "  --heapsnapshot-signal=SIG   write a heap snapshot when SIG (e.g. SIGUSR2) arrives\n"
         "  --heapsnapshot-near-heap-limit=N  write up to N heap snapshots near the heap limit\n"
         "  --heap-timeline=FILE        sample heap statistics (NDJSON) at every GC and every 10 ms\n"
         "  --print-ast[=refs]          print the parsed syntax tree and exit (debugging)\n"
         "\n"
         "Heap snapshots: tenure heap summary|diff|leaks|path|nodes|report ... (tenure heap --help)\n";
}

// Accepts both `--flag=value` and `--flag value` for valued flags, like node.
ParseOutcome ParseCommandLine(const std::vector<std::string>& args, RuntimeOptions* o) {
  struct Sized {
    std::string_view name;
    uint64_t* target;
  };
  const Sized sized[] = {{"--max-old-space-size", &o->max_old_space_mb},
                         {"--max-semi-space-size", &o->max_semi_space_mb},
                         {"--stack-size", &o->stack_size_kb},
                         {"--gc-interval", &o->gc_interval},
                         {"--random-seed", &o->random_seed},
                         {"--heapsnapshot-near-heap-limit", &o->heapsnapshot_near_heap_limit}};
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (arg.empty() || arg[0] != '-' || arg == "-") {
      o->script_path = std::string(arg);
      o->script_args.assign(args.begin() + static_cast<long>(i) + 1, args.end());
      return {};
    }
    if (arg == "--") {
      if (i + 1 < args.size()) {
        o->script_path = args[i + 1];
        o->script_args.assign(args.begin() + static_cast<long>(i) + 2, args.end());
      }
      return {};
    }
    std::string_view name = arg.substr(0, arg.find('='));
    bool has_value = name.size() != arg.size();
    std::string_view value = has_value ? arg.substr(name.size() + 1) : std::string_view();
    // node accepts underscores in flag names (--max_old_space_size).
    std::string normalized(name);
    for (size_t k = 2; k < normalized.size(); ++k) if (normalized[k] == '_') normalized[k] = '-';
    name = normalized;
    if (name == "-e" || name == "--eval") {
      if (i + 1 >= args.size()) return Bad("tenure: " + std::string(arg) + " requires an argument");
      o->has_eval = true;
      o->eval_source = args[++i];
      o->script_args.assign(args.begin() + static_cast<long>(i) + 1, args.end());
      return {};
    }
    if (name == "--heapsnapshot-signal" || name == "--heap-timeline") {
      if (!has_value) {
        if (i + 1 >= args.size()) return Bad("tenure: " + std::string(arg) + " requires an argument");
        value = args[++i];
      }
      if (name == "--heap-timeline") {
        o->heap_timeline = std::string(value);
      } else if ((o->heapsnapshot_signal = SignalNumber(value)) == 0) {
        return Bad("tenure: --heapsnapshot-signal: unknown signal " + std::string(value));
      }
      continue;
    }
    bool matched = true;
    if (name == "-c" || name == "--check") o->check_only = true;
    else if (name == "-h" || name == "--help") o->show_help = true;
    else if (name == "-v" || name == "--version") o->show_version = true;
    else if (name == "--expose-gc") o->expose_gc = true;
    else if (name == "--no-warnings") o->no_warnings = true;
    else if (name == "--trace-gc") o->trace_gc = true;
    else if (name == "--trace-gc-nvp") o->trace_gc_nvp = true;
    else if (name == "--trace-gc-verbose") o->trace_gc_verbose = true;
    // V8's historical flag name for its fast promotion mode (HeapConfig::fast_promotion_survival_percent).
    else if (name == "--fast-promotion-new-space") o->fast_promotion = true;
    else if (name == "--no-fast-promotion-new-space") o->fast_promotion = false;
    else if (name == "--verify-heap") o->verify_heap = true;
    else if (name == "--stress-compaction") o->stress_compaction = true;
    else if (name == "--allocation-site-pretenuring") o->allocation_site_pretenuring = true;
    else if (name == "--no-allocation-site-pretenuring") o->allocation_site_pretenuring = false;
    else if (name == "--trace-pretenuring") o->trace_pretenuring = true;
    else if (name == "--stress-pretenuring") o->stress_pretenuring = true;
    else if (name == "--no-incremental-marking") o->incremental_marking = false;
    else if (name == "--incremental-marking") o->incremental_marking = true;
    else if (name == "--stress-incremental-marking") o->stress_incremental_marking = true;
    else if (name == "--print-ast") { o->print_ast = true; o->print_scopes = value == "refs"; has_value = false; }
    else matched = false;
    if (matched) {
      if (has_value) return Bad("tenure: bad option: " + std::string(arg));
      continue;
    }
    const Sized* flag = nullptr;
    for (const Sized& s : sized) if (s.name == name) flag = &s;
    if (flag == nullptr) return Bad("tenure: bad option: " + std::string(arg));
    if (!has_value) {
      if (i + 1 >= args.size()) return Bad("tenure: " + std::string(arg) + " requires an argument");
      value = args[++i];
    }
    if (!ParseNumber(value, flag->target)) {
      return Bad("tenure: illegal value for flag " + std::string(name) + ": " + std::string(value));
    }
  }
  return {};
}

}  // namespace tenure::js
