// Copyright the tenure authors.
// limits_test.cc — heap limits, near-heap-limit callback, the fatal OOM report (death tests run
// in a child process).
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

HeapConfig SmallHeapConfig() {
  HeapConfig config = DefaultTestConfig();
  config.verify_heap = false;  // speed; the leak allocates ~16 MB
  config.max_old_space_size = 16 * MB;
  return config;
}

// Leaks a linked list (like node's `a.push({x: a.length})` loop) until `stop` returns true.
template <typename Stop>
void LeakUntil(Heap& heap, Stop stop) {
  HandleScope scope(heap);
  Local<TreeNode> head = Local<TreeNode>::New(heap, Value());
  for (int64_t i = 0; !stop(); ++i) {
    auto* node = heap.New<TreeNode>(&kTreeNodeType);
    node->id = Value::FromSmi(i);
    Store(node, &node->left, head.value());
    head.Set(Value::FromObject(node));
  }
}

void LeakForever() {
  Heap heap(SmallHeapConfig());
  LeakUntil(heap, [] { return false; });
}

TEST(LimitsTest, DefaultLimitFollowsPhysicalMemoryAndSemispaces) {
  HeapConfig config;
  Heap heap(config);
  EXPECT_GE(heap.max_old_space_size(), 256 * MB);
  EXPECT_LE(heap.max_old_space_size(), 4096 * MB);
  EXPECT_EQ(heap.heap_size_limit(), heap.max_old_space_size() + 3 * config.max_semi_space_size);
  EXPECT_EQ(heap.GetHeapStatistics().heap_size_limit, heap.heap_size_limit());
}

// The limits leave the heap's 4 GiB cage 256 MiB of room (heap.cc MaxOldSpaceSizeInCage), so a heap
// growing to its limit gets node's OOM report, never the cage's exhaustion abort.
TEST(LimitsTest, LimitsFitInsideTheCage) {
  HeapConfig config;
  config.max_old_space_size = 8192 * MB;
  Heap heap(config);
  EXPECT_EQ(heap.max_old_space_size(), 4096 * MB - 256 * MB - 3 * config.max_semi_space_size);
  EXPECT_EQ(heap.heap_size_limit(), 4096 * MB - 256 * MB);
  heap.SetMaxOldSpaceSizeForTesting(6000 * MB);
  EXPECT_EQ(heap.heap_size_limit(), 4096 * MB - 256 * MB);

  HeapConfig huge_young;
  huge_young.max_semi_space_size = 1024 * MB;
  huge_young.max_old_space_size = 64 * MB;
  Heap young(huge_young);
  EXPECT_EQ(young.heap_size_limit(), 64 * MB + 3 * 256 * MB);
}

// A near-heap-limit callback cannot raise the limit past the cage's room either.
size_t RaiseTo8GB(void*, size_t, size_t) { return 8192 * MB; }

TEST(LimitsTest, NearHeapLimitRaiseStopsAtTheCage) {
  HeapConfig config = SmallHeapConfig();
  config.max_old_space_size = 4000 * MB;  // already above the cap: clamped at construction
  Heap heap(config);
  const size_t cap = heap.heap_size_limit();
  EXPECT_EQ(cap, 4096 * MB - 256 * MB);
  heap.AddNearHeapLimitCallback(&RaiseTo8GB, nullptr);
  heap.SetMaxOldSpaceSizeForTesting(16 * MB);
  size_t allocated = 0;
  LeakUntil(heap, [&] { return heap.heap_size_limit() > 16 * MB + 3 * config.max_semi_space_size ||
                               (allocated += 32) > 64 * MB; });
  EXPECT_EQ(heap.heap_size_limit(), cap);
}

TEST(LimitsDeathTest, LeakDiesWithNodesOutOfMemoryReport) {
  EXPECT_EXIT(LeakForever(), ::testing::KilledBySignal(SIGABRT),
              "\n<--- Last few GCs --->\n\n\\[[0-9]+:0x[0-9a-f]+\\] +[0-9]+ ms: (Scavenge|Mark-Compact) "
              "(.|\n)*\n\n<--- JS stacktrace --->\n\n"
              "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n");
}

TEST(LimitsDeathTest, ExitStatusIsSigabrtLikeNode) {
  // node exits with 134 = 128 + SIGABRT; check the raw wait status of a forked child.
  fflush(nullptr);
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    freopen("/dev/null", "w", stderr);
    LeakForever();
    _exit(0);  // not reached
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGABRT);
  EXPECT_EQ(128 + WTERMSIG(status), 134);
}

void PrintFakeJsStack(FILE* out, void*) { fprintf(out, "    at leak (app.js:3:7)\n\n"); }

void LeakWithStackPrinter() {
  Heap heap(SmallHeapConfig());
  heap.SetStackTracePrinter(&PrintFakeJsStack, nullptr);
  LeakUntil(heap, [] { return false; });
}

TEST(LimitsDeathTest, EmbedderPrintsItsStackIntoTheReport) {
  EXPECT_EXIT(LeakWithStackPrinter(), ::testing::KilledBySignal(SIGABRT),
              "<--- JS stacktrace --->\n\n    at leak \\(app.js:3:7\\)\n\nFATAL ERROR: Reached heap limit");
}

struct RaiseOnce {
  int calls = 0;
  size_t seen_current = 0;
  size_t seen_initial = 0;
};

size_t RaiseBy16MB(void* data, size_t current, size_t initial) {
  auto* r = static_cast<RaiseOnce*>(data);
  ++r->calls;
  r->seen_current = current;
  r->seen_initial = initial;
  return r->calls == 1 ? current + 16 * MB : current;
}

TEST(LimitsTest, NearHeapLimitCallbackCanRaiseTheLimit) {
  Heap heap(SmallHeapConfig());
  RaiseOnce raise;
  const size_t initial_limit = heap.heap_size_limit();
  heap.AddNearHeapLimitCallback(&RaiseBy16MB, &raise);
  size_t allocated = 0;
  LeakUntil(heap, [&] { return raise.calls > 0 && (allocated += 32) > 4 * MB; });
  EXPECT_EQ(raise.calls, 1);
  EXPECT_EQ(raise.seen_current, initial_limit);
  EXPECT_EQ(raise.seen_initial, initial_limit);
  EXPECT_EQ(heap.heap_size_limit(), initial_limit + 16 * MB);
  EXPECT_GT(heap.OldGenerationSizeOfObjects(), 16 * MB);
  heap.RemoveNearHeapLimitCallback(&RaiseBy16MB, initial_limit);
  EXPECT_EQ(heap.heap_size_limit(), initial_limit);
}

// ~13.5 MB of small live objects (>= 80% of 16 MB, expensive to mark), then churn large old-space
// garbage: each full GC re-marks 420K objects to free ~1 MB, so mutator utilization collapses.
// Bounded: if detection never fires the child exits 0 and the death test fails (never hangs).
void IneffectiveMarkCompacts() {
  HeapConfig config = SmallHeapConfig();
  Heap heap(config);
  HandleScope scope(heap);
  Local<TreeNode> head = Local<TreeNode>::New(heap, Value());
  for (int i = 0; i < 420000; ++i) {
    auto* node = heap.New<TreeNode>(&kTreeNodeType, sizeof(TreeNode), AllocationType::kOld);
    Store(node, &node->left, head.value());
    head.Set(Value::FromObject(node));
  }
  for (int i = 0; i < 20000; ++i) {
    auto* garbage = heap.New<ByteString>(&kByteStringType, 64 * KB, AllocationType::kOld);
    garbage->length = 64 * KB - 16;  // size_of must match the allocation size
  }
  _exit(0);
}

TEST(LimitsDeathTest, IneffectiveMarkCompactsNearTheLimitAreFatal) {
  EXPECT_EXIT(IneffectiveMarkCompacts(), ::testing::KilledBySignal(SIGABRT),
              "FATAL ERROR: Ineffective mark-compacts near heap limit "
              "Allocation failed - JavaScript heap out of memory");
}

TEST(LimitsDeathTest, OldAllocationBeyondTheLimitIsFatalNotASegfault) {
  auto oversize = [] {
    Heap heap(SmallHeapConfig());
    heap.Allocate(&kByteStringType, 32 * MB, AllocationType::kOld);
  };
  EXPECT_EXIT(oversize(), ::testing::KilledBySignal(SIGABRT), "FATAL ERROR: Reached heap limit");
}

}  // namespace
}  // namespace tenure::testing
