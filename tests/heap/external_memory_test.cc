// Copyright the tenure authors.
// external_memory_test.cc — AdjustExternalMemory and the 64 MiB soft limit.
#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

using ExternalMemoryTest = HeapTest;

TEST_F(ExternalMemoryTest, SmallAdjustmentsDoNotCollect) {
  const uint64_t before = heap().gc_statistics().mark_compact_count;
  EXPECT_EQ(heap().AdjustExternalMemory(10 * MB), static_cast<int64_t>(10 * MB));
  EXPECT_EQ(heap().AdjustExternalMemory(50 * MB), static_cast<int64_t>(60 * MB));
  EXPECT_EQ(heap().gc_statistics().mark_compact_count, before);
  EXPECT_EQ(heap().GetMemoryUsage().external, 60 * MB);
  EXPECT_EQ(heap().GetHeapStatistics().external_memory, 60 * MB);
}

TEST_F(ExternalMemoryTest, CrossingTheSoftLimitTriggersAFullGC) {
  heap().AdjustExternalMemory(60 * MB);
  const uint64_t before = heap().gc_statistics().mark_compact_count;
  heap().AdjustExternalMemory(5 * MB);  // 65 MB > 64 MB above the baseline (0)
  EXPECT_EQ(heap().gc_statistics().mark_compact_count, before + 1);
  const auto lines = heap().RecentTraceLinesForReport();
  ASSERT_FALSE(lines.empty());
  EXPECT_NE(lines.back().find("Mark-Compact"), std::string::npos);
  EXPECT_NE(lines.back().find("external memory pressure"), std::string::npos);
  // The baseline moved to 65 MB: another 10 MB does not collect again.
  heap().AdjustExternalMemory(10 * MB);
  EXPECT_EQ(heap().gc_statistics().mark_compact_count, before + 1);
}

TEST_F(ExternalMemoryTest, ReleasingNeverCollects) {
  heap().AdjustExternalMemory(60 * MB);
  const uint64_t before = heap().gc_statistics().mark_compact_count;
  heap().AdjustExternalMemory(-100 * static_cast<int64_t>(MB));
  EXPECT_EQ(heap().gc_statistics().mark_compact_count, before);
  EXPECT_EQ(heap().external_memory(), -40 * static_cast<int64_t>(MB));
  EXPECT_EQ(heap().GetMemoryUsage().external, 0u);  // clamped for reporting
}

TEST_F(ExternalMemoryTest, ExternalGCFreesObjectsHoldingExternalMemory) {
  // An embedder frees external memory from a weak callback when its wrapper dies.
  struct State {
    Heap* heap;
    int freed = 0;
  } state{&heap()};
  std::vector<std::unique_ptr<Global<TreeNode>>> wrappers;
  for (int i = 0; i < 8; ++i) {
    HandleScope inner(heap());
    wrappers.push_back(std::make_unique<Global<TreeNode>>(heap(), NewNode(i)));
    wrappers.back()->SetWeak(&state, [](const WeakCallbackInfo& info) {
      auto* s = static_cast<State*>(info.parameter);
      s->heap->AdjustExternalMemory(-10 * static_cast<int64_t>(MB));
      ++s->freed;
    });
    heap().AdjustExternalMemory(10 * MB);
  }
  // The 7th adjustment crossed 64 MB: that GC killed wrappers 0..6 and their callbacks released
  // 70 MB, lowering the baseline (low-water mark) to 0; the 8th adds 10 MB without a GC.
  EXPECT_EQ(state.freed, 7);
  EXPECT_EQ(heap().external_memory(), 10 * static_cast<int64_t>(MB));
  const uint64_t before = heap().gc_statistics().mark_compact_count;
  heap().AdjustExternalMemory(60 * MB);  // 70 MB above the low-water mark
  EXPECT_EQ(heap().gc_statistics().mark_compact_count, before + 1);
  EXPECT_EQ(state.freed, 8);
}

}  // namespace
}  // namespace tenure::testing
