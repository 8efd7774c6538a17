// RuntimeOptions: the command line of `tenure`, parsed like node's.
//
// Contract of ParseCommandLine: flags come before the script; the first non-flag argument is the
// script and everything after it goes to the script (process.argv). Errors produce node's texts
// ("tenure: bad option: --x", "tenure: -e requires an argument") and exit code 9.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tenure::js {

struct RuntimeOptions {
  std::string script_path;           // empty with -e or when no script is given
  std::string eval_source;           // -e / --eval
  bool has_eval = false;
  std::vector<std::string> script_args;
  bool check_only = false;           // -c / --check: syntax check only
  bool print_ast = false;            // --print-ast (tenure debugging aid)
  bool print_scopes = false;         // --print-ast=refs: with resolved identifier locations
  bool show_version = false;
  bool show_help = false;
  // Heap and GC flags (consumed by the runtime once it runs on libtenure).
  uint64_t max_old_space_mb = 0;     // 0 = default
  uint64_t max_semi_space_mb = 0;
  bool trace_gc = false;
  bool trace_gc_nvp = false;
  bool trace_gc_verbose = false;     // --trace-gc-verbose (V8 flag): fast-promotion line per scavenge
  bool fast_promotion = true;        // --no-fast-promotion-new-space turns HeapConfig's mode off
  bool expose_gc = false;
  bool no_warnings = false;          // --no-warnings: no default 'warning' printer
  uint64_t stack_size_kb = 984;      // node's default --stack-size
  uint64_t gc_interval = 0;          // 0 = off
  uint64_t random_seed = 0;          // --random-seed (V8): Math.random's seed; 0 = random
  bool verify_heap = false;
  bool stress_compaction = false;
  bool allocation_site_pretenuring = true;  // --no-allocation-site-pretenuring (V8 flag)
  bool trace_pretenuring = false;           // --trace-pretenuring (V8 flag name)
  bool stress_pretenuring = false;          // --stress-pretenuring: every literal site tenured (testing)
  bool incremental_marking = true;         // --no-incremental-marking turns it off (V8 flag)
  bool stress_incremental_marking = false;  // --stress-incremental-marking (V8 flag; testing)
  // Heap snapshots and timeline (src/js/heap_snapshot.h, heap_timeline.h).
  int heapsnapshot_signal = 0;                 // --heapsnapshot-signal=SIGUSR2; 0 = off
  uint64_t heapsnapshot_near_heap_limit = 0;  // max snapshots near the heap limit; 0 = off
  std::string heap_timeline;                  // --heap-timeline=FILE; empty = off
};

struct ParseOutcome {
  bool ok = true;
  int exit_code = 0;
  std::string error;  // already formatted, without trailing newline
};

ParseOutcome ParseCommandLine(const std::vector<std::string>& args, RuntimeOptions* options);
std::string UsageText();
// A signal's number from node's name for it (os.constants.signals: "SIGUSR2"), 0 when unknown;
// --heapsnapshot-signal takes these names. Defined in builtins_process_signals.cc.
int SignalNumber(std::string_view name);

}  // namespace tenure::js
