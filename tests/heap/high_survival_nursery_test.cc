// Copyright the tenure authors.
// high_survival_nursery_test.cc — the survival-aware nursery (src/heap/new-space.h "High-survival
// cap", docs/heap.md section 18): while scavenges find at least HeapConfig::high_survival_percent
// of the capacity alive, new space is held at high_survival_semi_space_size (it neither grows past
// it nor stays above it), so the bytes one scavenge copies stay bounded; when survival drops the
// V8 growth rule applies again. Each test also runs the uncapped configuration as a control, so a
// cap that did nothing fails.
#include <algorithm>

#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

constexpr size_t kCap = 1 * MB;
constexpr int64_t kRingSlots = 64 * 1024;  // 512 KiB of slots: old large object

// fast_promotion_percent 0: survivors are copied, never promoted wholesale.
// `survivor_budget` 0: the fixed cap only; with a budget the initial capacity is 256 KiB so the
// budget's cap can go below 512 KiB.
HeapConfig NurseryConfig(int high_survival_percent, int fast_promotion_percent,
                         size_t survivor_budget = 0) {
  HeapConfig config = DefaultTestConfig();
  config.initial_semi_space_size = survivor_budget > 0 ? 256 * KB : 512 * KB;
  config.high_survival_survivor_budget = survivor_budget;
  config.max_semi_space_size = 4 * MB;
  config.fast_promotion_survival_percent = fast_promotion_percent;
  config.high_survival_percent = high_survival_percent;
  config.high_survival_semi_space_size = kCap;
  config.incremental_marking = false;  // only scavenges: the test is about their sizing
  // An old-generation limit whose growth ceiling ((limit - old) / 2, new-space.h "Growth ceiling")
  // is at least the 4 MiB maximum while old objects stay below 8 MB, so low survival can grow new
  // space as these tests expect; the ceiling itself is tested in semispace_growth_test.cc.
  config.initial_old_generation_limit = 16 * MB;
  return config;
}

// Records the largest semispace capacity seen after any GC.
struct CapacityProbe {
  size_t max_capacity = 0;
  static void Epilogue(Heap& heap, GCType, void* data) {
    auto* probe = static_cast<CapacityProbe*>(data);
    probe->max_capacity = std::max(probe->max_capacity, heap.semi_space_capacity());
  }
};

class NurseryTest : public HeapTest {
 protected:
  explicit NurseryTest(int percent, int fast_promotion_percent = 0, int64_t ring_slots = kRingSlots,
                       size_t survivor_budget = 0)
      : HeapTest(NurseryConfig(percent, fast_promotion_percent, survivor_budget)),
        ring_slots_(ring_slots) {
    heap().AddGCEpilogueCallback(&CapacityProbe::Epilogue, &probe_);
    ring_ = Local<ValueArray>::New(heap(), NewArray(ring_slots_, AllocationType::kOld));
  }
  // Allocates TreeNodes until `bytes` were allocated; `keep_per_10` of every 10 are stored into
  // ring_ (an old array used round-robin, so a kept node lives for kRingSlots later keeps).
  void Run(size_t bytes, int keep_per_10) {
    for (size_t allocated = 0; allocated < bytes; allocated += sizeof(TreeNode)) {
      HandleScope scope(heap());
      TreeNode* node = NewNode(static_cast<int64_t>(allocated % 1000));
      if (static_cast<int>((allocated / sizeof(TreeNode)) % 10) < keep_per_10) {
        Store(ring_.get(), ring_->slots() + next_, Value::FromObject(node));
        next_ = (next_ + 1) % ring_slots_;
      }
    }
  }
  void ResetProbe() { probe_.max_capacity = 0; }
  // The ring's slots that hold a node with an id it was given (< 1000).
  int64_t IntactKeptNodes() {
    int64_t intact = 0;
    for (int64_t i = 0; i < ring_slots_; ++i) {
      const Value v = ring_->slots()[i];
      if (v.IsHeapObject() && v.As<TreeNode>()->id.ToSmi() < 1000) ++intact;
    }
    return intact;
  }
  size_t NewSpaceCommitted() { return heap().GetHeapSpaceStatistics()[0].space_size; }

  const int64_t ring_slots_;
  CapacityProbe probe_;
  Local<ValueArray> ring_;
  int64_t next_ = 0;
};

class CappedNurseryTest : public NurseryTest {
 protected:
  CappedNurseryTest() : NurseryTest(50) {}
};
class UncappedNurseryTest : public NurseryTest {
 protected:
  UncappedNurseryTest() : NurseryTest(0) {}
};

// 60% of the allocated nodes stay alive (~75% of the capacity survives each scavenge): uncapped, V8's rule doubles new space to its 4 MiB maximum;
// capped, it never passes 1 MiB.
TEST_F(UncappedNurseryTest, HighSurvivalGrowsToTheMaximumWithoutTheCap) {
  Run(12 * MB, 6);
  EXPECT_EQ(probe_.max_capacity, heap().semi_space_capacity());
  EXPECT_GE(heap().semi_space_capacity(), 4 * MB - 16 * KB) << "control: V8's growth rule should grow";
}

TEST_F(CappedNurseryTest, HighSurvivalHoldsNewSpaceAtTheCap) {
  Run(12 * MB, 6);
  EXPECT_GT(heap().gc_statistics().scavenge_count, 10u);
  EXPECT_LE(probe_.max_capacity, kCap) << "new space grew past the high-survival cap";
  EXPECT_GE(probe_.max_capacity, kCap - 16 * KB) << "growth up to the cap is still allowed";
  EXPECT_LE(NewSpaceCommitted(), 2 * kCap + 256 * KB) << "to-space + reserve exceed 2 x cap";
  heap().VerifyHeapForTesting();
}

// Low survival first (10%: V8's rule grows new space to 4 MiB), then high survival: new space
// shrinks back to the cap and gives the pages above it back (committed memory drops), and every
// kept node is intact after the shrink (the heap verifier runs at every GC: verify_heap).
TEST_F(CappedNurseryTest, ShrinksBackToTheCapWhenSurvivalTurnsHigh) {
  Run(32 * MB, 1);
  const size_t grown = heap().semi_space_capacity();
  ASSERT_GE(grown, 4 * MB - 16 * KB) << "low survival should let new space grow";
  const size_t committed_grown = NewSpaceCommitted();
  ResetProbe();
  Run(6 * MB, 6);
  EXPECT_LE(heap().semi_space_capacity(), kCap);
  EXPECT_LT(NewSpaceCommitted(), committed_grown) << "shrinking kept the pages above the cap";
  EXPECT_LE(NewSpaceCommitted(), 2 * kCap + 256 * KB);
  EXPECT_EQ(IntactKeptNodes(), kRingSlots);
}

// When survival drops below the threshold again, the growth rule applies again.
TEST_F(CappedNurseryTest, GrowsAgainWhenSurvivalDrops) {
  Run(8 * MB, 6);
  ASSERT_LE(heap().semi_space_capacity(), kCap);
  Run(32 * MB, 1);
  EXPECT_GE(heap().semi_space_capacity(), 4 * MB - 16 * KB) << "the cap outlived the high survival";
}

// Above kHighSurvivalCapMaxPercent (90% of the nodes kept: ~95% of the capacity survives) the
// nursery is nearly all live: the growth rule applies, so fast promotion can take over.
// The ring keeps 8 MiB of nodes alive, so kept nodes outlive several 4 MiB nurseries.
class NearlyAllLiveTest : public NurseryTest {
 protected:
  NearlyAllLiveTest() : NurseryTest(50, 0, 256 * 1024) {}
};

TEST_F(NearlyAllLiveTest, NearlyAllLiveNurseryStillGrows) {
  Run(8 * MB, 9);
  EXPECT_GE(heap().semi_space_capacity(), 4 * MB - 16 * KB) << "capped a nearly all-live nursery";
}

// Survivor budget (HeapConfig::high_survival_survivor_budget, docs/heap.md section 21): at ~75%
// survival a 384 KiB budget holds the cap at 512 KiB (384 KiB * 100 / 75%), below the fixed 1 MiB
// cap that HighSurvivalHoldsNewSpaceAtTheCap reaches with the same run; every scavenge then
// copies or promotes about the budget. A budget of 0 (the control) leaves the fixed cap.
class BudgetNurseryTest : public NurseryTest {
 protected:
  explicit BudgetNurseryTest(size_t budget = 384 * KB) : NurseryTest(50, 0, kRingSlots, budget) {}
  // Low survival first (V8's rule grows new space to its 4 MiB maximum), then ~75% survival.
  void GrowThenRunHighSurvival() {
    Run(32 * MB, 1);
    grown_ = heap().semi_space_capacity();
    ResetProbe();
    Run(12 * MB, 6);
  }
  size_t grown_ = 0;
};
class NoBudgetNurseryTest : public BudgetNurseryTest {
 protected:
  NoBudgetNurseryTest() : BudgetNurseryTest(0) {}  // initial 512 KiB, fixed 1 MiB cap
};

TEST_F(BudgetNurseryTest, SurvivorBudgetHoldsTheCapBelowTheFixedCap) {
  GrowThenRunHighSurvival();
  ASSERT_GE(grown_, 4 * MB - 16 * KB) << "low survival should let new space grow";
  EXPECT_LE(heap().semi_space_capacity(), 512 * KB) << "the budget did not lower the cap";
  EXPECT_LE(probe_.max_capacity, grown_);
  EXPECT_EQ(IntactKeptNodes(), kRingSlots);
  heap().VerifyHeapForTesting();
}

TEST_F(NoBudgetNurseryTest, WithoutABudgetTheFixedCapApplies) {
  GrowThenRunHighSurvival();
  EXPECT_GE(heap().semi_space_capacity(), kCap - 16 * KB) << "control: fixed cap expected";
  EXPECT_LE(heap().semi_space_capacity(), kCap);
}

// With page moving on, the scavenge that turns fast promotion mode on gives back what the cap
// took: the next scavenges move pages (O(pages)), and a capped nursery would only multiply them.
class ReleasedCapTest : public NurseryTest {
 protected:
  ReleasedCapTest() : NurseryTest(50, /*fast_promotion_percent=*/90) {}
};

TEST_F(ReleasedCapTest, FastPromotionGivesTheCappedPagesBack) {
  Run(32 * MB, 1);
  ASSERT_GE(heap().semi_space_capacity(), 4 * MB - 16 * KB) << "low survival should let new space grow";
  Run(6 * MB, 6);  // ~75% survival: capped
  ASSERT_LE(heap().semi_space_capacity(), kCap);
  Run(3 * MB, 10);  // everything survives: fast promotion mode, pages moved
  EXPECT_GE(heap().semi_space_capacity(), 4 * MB - 16 * KB) << "the cap was not released";
}

}  // namespace
}  // namespace tenure::testing
