// binary-trees-<allocator>: runs binary-trees (binary_trees.h) with the allocator chosen at build
// time. Usage: binary-trees-<allocator> [N]  (N = max depth, default 18, accepted range 4..24).
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "binary_trees.h"
#include "policy_select.h"

namespace {

// Parses the depth argument; returns -1 (after printing why) when it is not an integer in range.
int ParseDepth(const char* text) {
  char* end = nullptr;
  errno = 0;
  long n = std::strtol(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || n < 4 || n > 24) {
    std::fprintf(stderr, "error: N must be an integer in 4..24, got '%s'\n", text);
    return -1;
  }
  return static_cast<int>(n);
}

}  // namespace

int main(int argc, char** argv) {
  using Policy = bench::SelectedPolicy;
  if (argc > 2) {
    std::fprintf(stderr, "usage: %s [N]\n", argv[0]);
    return 2;
  }
  int n = argc == 2 ? ParseDepth(argv[1]) : 18;
  if (n < 0) return 2;
  try {
    bench::RunTimes times;
    Policy::Context ctx;
    bench::Stopwatch init_watch;
    Policy::Init(ctx);
    times.init_ms = init_watch.ElapsedMs();
    bench::Stopwatch run_watch;
    bool ok = bench::BinaryTrees<Policy>(ctx, n).Run();
    times.run_ms = run_watch.ElapsedMs();
    if (!ok) return 1;
    bench::PrintResult("binary-trees", Policy::kName, Policy::Version(), times,
                       Policy::Stats(ctx));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  return 0;
}
