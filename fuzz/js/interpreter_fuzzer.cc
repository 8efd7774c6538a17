// libFuzzer target: the whole runtime (front end, compiler, interpreter, builtins, GC, event loop)
// must run any input to completion — a result, a SyntaxError or an uncaught exception — and never
// crash, hang, or corrupt the heap. Runs are bounded by Runtime::SetExecutionBudgetForTesting
// (steps and allocated bytes; timers without sleeping; process.exit and file-writing builtins
// throw; reaching the heap limit spends the budget instead of aborting), a small
// --stack-size and a small heap with a GC every thousand allocations plus heap verification
// (so rooting bugs surface as verifier failures, not only as rare crashes).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "runtime.h"

namespace {

constexpr int64_t kSteps = 5000;
// Under verify_heap every incremental-marking step walks the whole heap, so a few steps that each
// allocate megabytes would run for minutes: the budget also ends after this many bytes.
constexpr uint64_t kAllocatedBytes = uint64_t{16} << 20;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tenure::js::RuntimeOptions options;
  options.max_old_space_mb = 256;
  options.stack_size_kb = 128;
  options.gc_interval = 1009;
  options.expose_gc = true;
  options.verify_heap = true;
  tenure::js::Runtime runtime(options);
  tenure::js::ExecutionBudget budget;
  budget.steps = kSteps;
  budget.max_allocated_bytes = kAllocatedBytes;
  budget.skip_timer_waits = true;
  budget.sandboxed = true;
  runtime.SetExecutionBudgetForTesting(budget);
  (void)runtime.RunMain("fuzz.js", std::string(reinterpret_cast<const char*>(data), size));
  std::fflush(stdout);
  return 0;
}
