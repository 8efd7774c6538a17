// gcbench-<allocator>: runs GCBench (gcbench.h) once with the allocator chosen at build time.
// Usage: gcbench-<allocator> [--quick]   (--quick: depths 14/12/4..12 and a 50000-double array,
// for smoke-testing the harness). Prints PHASE lines and one RESULT line (run_report.h).
#include <cstdio>
#include <cstring>
#include <exception>

#include "gcbench.h"
#include "policy_select.h"

int main(int argc, char** argv) {
  using Policy = bench::SelectedPolicy;
  bench::GcBenchConfig config;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) {
      config = {.stretch_depth = 14, .long_lived_depth = 12, .array_size = 50000,
                .min_depth = 4, .max_depth = 12};
    } else {
      std::fprintf(stderr, "usage: %s [--quick]\nunknown argument: %s\n", argv[0], argv[i]);
      return 2;
    }
  }
  try {
    bench::RunTimes times;
    Policy::Context ctx;
    bench::Stopwatch init_watch;
    Policy::Init(ctx);
    times.init_ms = init_watch.ElapsedMs();
    std::printf("GCBench: %s, stretch %d, long-lived %d, array %zu, depths %d..%d\n",
                Policy::Version().c_str(), config.stretch_depth, config.long_lived_depth,
                config.array_size, config.min_depth, config.max_depth);
    bench::Stopwatch run_watch;
    bool ok = bench::GcBench<Policy>(ctx, config).Run();
    times.run_ms = run_watch.ElapsedMs();
    if (!ok) return 1;
    bench::PrintResult("gcbench", Policy::kName, Policy::Version(), times, Policy::Stats(ctx));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  return 0;
}
