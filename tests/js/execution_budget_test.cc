// The fuzzers' execution budget (runtime.h ExecutionBudget, execution_budget.cc): every way a
// sandboxed run can go on too long or run out of heap must end in the budget's RangeError, with
// RunMain returning, never in a hang or node's fatal OOM abort.
#include <gtest/gtest.h>

#include <string>

#include "runtime.h"

namespace tenure::js {
namespace {

struct Outcome {
  int exit_code;
  std::string out;
  std::string err;
};

// Runs `script` in a fresh runtime with `budget` (and a `max_old_space_mb` heap).
Outcome RunWithBudget(const std::string& script, const ExecutionBudget& budget, int max_old_space_mb = 0) {
  RuntimeOptions options;
  if (max_old_space_mb > 0) options.max_old_space_mb = max_old_space_mb;
  Runtime runtime(options);
  runtime.SetExecutionBudgetForTesting(budget);
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  const int code = runtime.RunMain("budget.js", script);
  std::fflush(stdout);
  Outcome outcome{code, ::testing::internal::GetCapturedStdout(), ::testing::internal::GetCapturedStderr()};
  return outcome;
}

constexpr const char* kBudgetError = "RangeError: Execution budget exhausted";

TEST(ExecutionBudgetTest, StepsEndAnEndlessLoop) {
  ExecutionBudget budget;
  budget.steps = 10000;
  Outcome o = RunWithBudget("let i = 0; for (;;) i++;", budget);
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_NE(o.err.find(kBudgetError), std::string::npos) << o.err;
}

// Once spent, a catch-all loop cannot swallow the budget, and straight-line native calls throw too.
TEST(ExecutionBudgetTest, SpentBudgetMakesNativeCallsThrow) {
  ExecutionBudget budget;
  budget.steps = 1000;
  Outcome o = RunWithBudget("try { for (;;) {} } catch (e) { console.log('caught', e.message); }\n"
                            "console.log('after');",
                            budget);
  EXPECT_EQ(o.out, "") << "console.log ran with a spent budget";
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_NE(o.err.find(kBudgetError), std::string::npos) << o.err;
}

// A few steps that each allocate a megabyte: the allocation budget ends the run (it is checked
// after every GC), where the step budget alone would let it allocate 5 GB.
TEST(ExecutionBudgetTest, AllocatedBytesEndTheRun) {
  const std::string script =
      "const keep = [];\n"
      "for (let i = 0; i < 5000; i++) { keep.push(new Array(131072)); if (keep.length > 4) keep.shift(); }\n"
      "console.log('done');";
  ExecutionBudget budget;
  budget.steps = 100000;
  budget.max_allocated_bytes = 32u << 20;
  Outcome o = RunWithBudget(script, budget);
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_EQ(o.out, "");
  EXPECT_NE(o.err.find(kBudgetError), std::string::npos) << o.err;

  ExecutionBudget steps_only;
  steps_only.steps = 100000;
  Outcome unbounded = RunWithBudget("for (let i = 0; i < 40; i++) new Array(131072);\nconsole.log('done');", steps_only);
  EXPECT_EQ(unbounded.out, "done\n") << unbounded.err;
}

// Keeping more alive than the heap allows: a sandboxed run spends its budget and unwinds instead
// of printing node's fatal OOM and aborting the process (this test would die with SIGABRT).
TEST(ExecutionBudgetTest, SandboxedHeapLimitSpendsTheBudget) {
  ExecutionBudget budget;
  budget.sandboxed = true;
  Outcome o = RunWithBudget("const keep = []; for (;;) keep.push(new Array(65536));", budget, /*max_old_space_mb=*/16);
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_NE(o.err.find(kBudgetError), std::string::npos) << o.err;
  EXPECT_EQ(o.err.find("FATAL ERROR"), std::string::npos) << o.err;
}

// The sandbox's near-heap-limit callback is its own: the v8 module may not replace it.
TEST(ExecutionBudgetTest, SandboxRefusesHeapSnapshotsNearTheLimit) {
  ExecutionBudget budget;
  budget.sandboxed = true;
  Outcome o = RunWithBudget("try { require('v8').setHeapSnapshotNearHeapLimit(1); } catch (e) { console.log(e.message); }",
                            budget);
  EXPECT_EQ(o.out, "setHeapSnapshotNearHeapLimit is disabled (sandboxed)\n") << o.err;
}

}  // namespace
}  // namespace tenure::js
