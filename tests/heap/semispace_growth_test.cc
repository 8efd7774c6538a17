// Copyright the tenure authors.
// semispace_growth_test.cc — new space as pages committed on demand (src/heap/new-space.h): a
// scavenge that grows new space only raises the target capacity; to-space pages are taken when
// allocation reaches them, from the reserve of pages the last scavenge emptied or uninitialized
// pool chunks, so new space holds capacity + survivors rather than two full semispaces, and the
// zeroing contract ("fresh memory reads as zero apart from the header", heap.h) must hold on pages
// with stale bytes. Shrinking and stress GCs keep the heap verifiable.
#include <algorithm>
#include <cstring>
#include <vector>

#include "heap_test_fixture.h"
#include "new-space.h"

namespace tenure::testing {
namespace {

constexpr size_t kArea = 256 * KB - 256;  // one page's object area (kPageSize - kPageHeaderSize)
constexpr size_t kPage = 256 * KB;

HeapConfig GrowthConfig() {
  HeapConfig config = DefaultTestConfig();
  config.initial_semi_space_size = 512 * KB;
  config.max_semi_space_size = 2 * MB;
  config.fast_promotion_survival_percent = 0;  // growth from copied + promoted bytes only
  return config;
}

size_t NewSpaceCommitted(Heap& heap) { return heap.GetHeapSpaceStatistics()[0].space_size; }

class SemispaceGrowthTest : public HeapTest {
 protected:
  SemispaceGrowthTest() : HeapTest(GrowthConfig()) {}

  // An old array holding `count` young nodes (ids 0..count-1).
  Local<ValueArray> KeepYoungNodes(int count) {
    Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(count, AllocationType::kOld));
    for (int i = 0; i < count; ++i) Store(keep.get(), keep->slots() + i, Value::FromObject(NewNode(i)));
    return keep;
  }
  // Allocates a TreeNode and checks that its body reads as zero before anything is written.
  void AllocateAndExpectZero() {
    auto* node = heap().New<TreeNode>(&kTreeNodeType);
    ASSERT_EQ(node->left.raw(), 0u);
    ASSERT_EQ(node->right.raw(), 0u);
    ASSERT_EQ(node->id.raw(), 0u);
  }
};

TEST_F(SemispaceGrowthTest, GrowthCommitsPagesWhenAllocationReachesThem) {
  const size_t capacity = heap().semi_space_capacity();
  Local<ValueArray> keep = KeepYoungNodes(12000);  // 384 KB: 75% of the semispace
  Scavenge();  // copied 384 KB
  const size_t committed = NewSpaceCommitted(heap());
  Scavenge();  // promoted them: 768 KB survived since the last resize > capacity -> grow
  ASSERT_EQ(heap().semi_space_capacity(), 2 * capacity);
  EXPECT_EQ(NewSpaceCommitted(heap()), committed) << "growth touched pages inside the pause";

  // Allocation runs past the old capacity without a GC, committing page pairs as it goes.
  const uint64_t scavenges = heap().gc_statistics().scavenge_count;
  size_t allocated = 0;
  while (heap().gc_statistics().scavenge_count == scavenges) {
    AllocateAndExpectZero();
    allocated += sizeof(TreeNode);
  }
  EXPECT_GT(allocated, capacity) << "the grown capacity was not available to the mutator";
  // Capacity (4 pages, refilled from the reserve) + the last scavenge's to-space page, not 2 x 4.
  EXPECT_GE(NewSpaceCommitted(heap()), 4 * kPage);
  EXPECT_LE(NewSpaceCommitted(heap()), 5 * kPage);
  EXPECT_LT(NewSpaceCommitted(heap()), 2 * heap().semi_space_capacity());
  for (int i = 0; i < 12000; ++i) ASSERT_EQ(keep->slots()[i].As<TreeNode>()->id.ToSmi(), i);
}

// From-space is zapped with 0xdb under verify_heap and semispace pages are taken from the pool
// uninitialized; pooled chunks also carry stale old-space bytes. Every allocation on a page the
// mutator moves onto must still read as zero, including after growth and after a shrink.
TEST_F(SemispaceGrowthTest, FreshNurseryMemoryReadsZeroOnReusedAndStalePages) {
  {
    HandleScope garbage(heap());
    for (int i = 0; i < 40; ++i) {  // ~1.2 MB of 0xab bytes in old pages, then dead
      ByteString* s = NewString(std::string(30000, '\xab'), AllocationType::kOld);
      ASSERT_EQ(s->chars()[0], '\xab');
    }
  }
  FullGC();
  FullGC();  // the dead pages are released to the page pool (stale contents)
  Local<ValueArray> keep = KeepYoungNodes(12000);
  for (int round = 0; round < 6; ++round) {
    for (size_t bytes = 0; bytes < 3 * heap().semi_space_capacity(); bytes += sizeof(TreeNode)) {
      AllocateAndExpectZero();
    }
    if (round == 3) heap().CollectAllAvailableGarbage(GCReason::kTesting);  // shrink to initial
  }
  auto* s = heap().New<ByteString>(&kByteStringType, 16 + 4000);
  s->length = 4000;
  for (size_t i = 0; i < s->length; ++i) ASSERT_EQ(s->chars()[i], 0) << "byte " << i;
  for (int i = 0; i < 12000; ++i) ASSERT_EQ(keep->slots()[i].As<TreeNode>()->id.ToSmi(), i);
}

TEST_F(SemispaceGrowthTest, ShrinkBelowCommittedDropsThePagesAndKeepsObjects) {
  Local<ValueArray> keep = KeepYoungNodes(12000);
  Scavenge();
  Scavenge();
  ASSERT_GT(heap().semi_space_capacity(), 512 * KB);
  for (size_t bytes = 0; bytes < heap().semi_space_capacity(); bytes += sizeof(TreeNode)) {
    AllocateAndExpectZero();
  }
  Scavenge();  // empties new space (the kept nodes are old), so every page above the first is idle
  heap().CollectAllAvailableGarbage(GCReason::kTesting);
  EXPECT_EQ(heap().semi_space_capacity(), 2 * kArea);  // initial: two pages
  EXPECT_EQ(NewSpaceCommitted(heap()), kPage);  // the current page; the reserve went back
  for (size_t bytes = 0; bytes < 4 * kArea; bytes += sizeof(TreeNode)) AllocateAndExpectZero();
  for (int i = 0; i < 12000; ++i) ASSERT_EQ(keep->slots()[i].As<TreeNode>()->id.ToSmi(), i);
  heap().VerifyHeapForTesting();
}

// Growth ceiling (new-space.h, docs/heap.md sections 28, 31): the growth rule doubles the target
// only up to max(initial, high_survival_semi_space_size, (old-generation allocation limit - old
// objects) / 2, 2 x the last scavenge's survivors), so a small heap keeps a small nursery and a heap
// with room under its old-generation limit grows as before.
HeapConfig CeilingConfig(size_t old_generation_limit) {
  HeapConfig config = GrowthConfig();
  config.max_semi_space_size = 8 * MB;
  config.high_survival_percent = 0;  // growth rule only
  config.high_survival_semi_space_size = 1 * MB;
  config.initial_old_generation_limit = old_generation_limit;
  return config;
}

// Rounds of 256 KB of young nodes (and their 64 KB array) that survive one scavenge and are
// promoted by the next: each round feeds the growth rule ~640 KB. Returns the largest capacity.
size_t GrowWithSurvivors(Heap& heap, int rounds) {
  size_t largest = heap.semi_space_capacity();
  for (int round = 0; round < rounds; ++round) {
    HandleScope scope(heap);
    Local<ValueArray> keep =
        Local<ValueArray>::New(heap, heap.New<ValueArray>(&kValueArrayType, 16 + 8 * 8000));
    keep->length = Value::FromSmi(8000);
    for (int i = 0; i < 8000; ++i) {
      auto* node = heap.New<TreeNode>(&kTreeNodeType);
      node->id = Value::FromSmi(i);
      Store(keep.get(), keep->slots() + i, Value::FromObject(node));
    }
    heap.CollectGarbage(GCType::kScavenge);
    heap.CollectGarbage(GCType::kScavenge);
    for (int i = 0; i < 8000; i += 997) EXPECT_EQ(keep->slots()[i].As<TreeNode>()->id.ToSmi(), i);
    largest = std::max(largest, heap.semi_space_capacity());
  }
  return largest;
}

TEST(SemispaceGrowthCeilingTest, ASmallOldGenerationLimitKeepsTheNurseryAtTheCeiling) {
  Heap heap(CeilingConfig(4 * MB));  // ceiling max(1 MiB, (4 MiB - old) / 2, 2 x ~320 KB) <= 2 MiB
  HandleScope scope(heap);
  const size_t largest = GrowWithSurvivors(heap, 8);
  EXPECT_GT(largest, 512 * KB - 2 * 256);  // it did grow from the initial 512 KiB ...
  EXPECT_LE(largest, 2 * MB);              // ... but not past the ceiling (8 MiB without it)
  heap.VerifyHeapForTesting();
}

// The ceiling from the old generation's headroom, with the two heaps of docs/heap.md section 31:
// C++ binary-trees (12.3 MB of old objects under a 48 MiB limit) may grow to the 16 MiB maximum, so
// its 12.6 MB trees die young (section 28's limit / 4 gave 12 MiB); GCBench (7 MB under 12 MiB)
// stays at the 4 MiB floor.
TEST(SemispaceGrowthCeilingTest, TheCeilingIsHalfTheOldGenerationsHeadroom) {
  using internal::NewSpace;
  const size_t binary_trees = NewSpace::GrowthCeiling(
      {.floor = 4 * MB, .old_generation_limit = 48 * MB, .old_generation_size = 12600 * KB});
  EXPECT_EQ(binary_trees, (48 * MB - 12600 * KB) / 2);
  EXPECT_GE(binary_trees, 16 * MB);
  EXPECT_EQ(NewSpace::GrowthCeiling(
                {.floor = 4 * MB, .old_generation_limit = 12 * MB, .old_generation_size = 7 * MB}),
            4 * MB);
  // At or above the limit there is no headroom: the floor, or twice the survivors if larger.
  EXPECT_EQ(NewSpace::GrowthCeiling(
                {.floor = 1 * MB, .old_generation_limit = 8 * MB, .old_generation_size = 9 * MB}),
            1 * MB);
  EXPECT_EQ(NewSpace::GrowthCeiling({.floor = 1 * MB,
                                     .old_generation_limit = 8 * MB,
                                     .old_generation_size = 8 * MB,
                                     .survived = 3 * MB}),
            6 * MB);
}

TEST(SemispaceGrowthCeilingTest, ALargeOldGenerationLimitLiftsTheCeiling) {
  Heap heap(CeilingConfig(64 * MB));  // ceiling (64 MiB - old) / 2 >= 8 MiB: the maximum
  HandleScope scope(heap);
  EXPECT_GE(GrowWithSurvivors(heap, 8), 2 * MB - 8 * 256);
  heap.VerifyHeapForTesting();
}

// Stress: a GC every 37 allocations (every 4th a full GC), verify_heap before and after each, a
// tree whose survival grows and shrinks new space repeatedly.
TEST(SemispaceGrowthStressTest, GrowAndShrinkUnderGcIntervalAndVerifyHeap) {
  HeapConfig config = GrowthConfig();
  config.initial_semi_space_size = 256 * KB;
  config.gc_interval = 37;
  Heap heap(config);
  HandleScope scope(heap);
  for (int round = 0; round < 3; ++round) {
    HandleScope inner(heap);
    Local<ValueArray> keep =
        Local<ValueArray>::New(heap, heap.New<ValueArray>(&kValueArrayType, 16 + 8 * 3000));
    keep->length = Value::FromSmi(3000);
    for (int i = 0; i < 3000; ++i) {
      auto* node = heap.New<TreeNode>(&kTreeNodeType);
      ASSERT_EQ(node->left.raw(), 0u);
      node->id = Value::FromSmi(i);
      Store(keep.get(), keep->slots() + i, Value::FromObject(node));
    }
    for (int i = 0; i < 3000; ++i) ASSERT_EQ(keep->slots()[i].As<TreeNode>()->id.ToSmi(), i);
    heap.CollectAllAvailableGarbage(GCReason::kTesting);
  }
  heap.VerifyHeapForTesting();
}

}  // namespace
}  // namespace tenure::testing
