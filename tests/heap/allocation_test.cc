// Copyright the tenure authors.
// allocation_test.cc — the allocation fast path, zeroed memory, sizes and Value tagging.
#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

using AllocationTest = HeapTest;

TEST(ValueTest, TaggingFollowsTheLowBits) {
  EXPECT_TRUE(Value().IsEmpty());
  EXPECT_FALSE(Value().IsHeapObject());
  Value smi = Value::FromSmi(-42);
  EXPECT_TRUE(smi.IsSmi());
  EXPECT_EQ(smi.ToSmi(), -42);
  EXPECT_EQ(Value::FromSmi(Value::kSmiMax).ToSmi(), Value::kSmiMax);
  EXPECT_EQ(Value::FromSmi(Value::kSmiMin).ToSmi(), Value::kSmiMin);
  Value immediate = Value::MakeImmediate(3, 2);
  EXPECT_TRUE(immediate.IsImmediate());
  EXPECT_FALSE(immediate.IsHeapObject());
  EXPECT_FALSE(immediate.IsSmi());
  EXPECT_EQ(immediate.raw() & 7, 2u);
}

TEST_F(AllocationTest, FreshObjectsAreZeroedAndAligned) {
  for (int i = 0; i < 1000; ++i) {
    ValueArray* array = NewArray(i % 17);
    EXPECT_EQ(array->address() % 8, 0u);
    for (int64_t j = 0; j < array->size(); ++j) EXPECT_TRUE(array->slots()[j].IsEmpty());
  }
}

TEST_F(AllocationTest, MinimumSizeIsSixteenBytes) {
  static constexpr TypeInfo kTiny{.class_name = "Tiny", .size = 8};
  HeapObject* a = heap().Allocate(&kTiny, 8);
  HeapObject* b = heap().Allocate(&kTiny, 8);
  EXPECT_EQ(a->Size(), 16u);
  EXPECT_EQ(b->address() - a->address(), 16u);
}

TEST_F(AllocationTest, YoungAndOldPlacement) {
  TreeNode* young = NewNode(1);
  EXPECT_TRUE(Heap::InYoungGeneration(young));
  TreeNode* old = NewNode(2, AllocationType::kOld);
  EXPECT_TRUE(Heap::InOldGeneration(old));
  EXPECT_TRUE(old->left.IsEmpty());
  EXPECT_EQ(Heap::FromObject(old), &heap());
}

TEST_F(AllocationTest, AllocatingPastSemispaceTriggersScavenges) {
  const uint64_t before = heap().gc_statistics().scavenge_count;
  for (int i = 0; i < 100000; ++i) NewNode(i);  // 3.2 MB of garbage
  EXPECT_GT(heap().gc_statistics().scavenge_count, before);
}

TEST_F(AllocationTest, OldAllocationsReuseSweptMemory) {
  for (int round = 0; round < 5; ++round) {
    for (int i = 0; i < 20000; ++i) NewNode(i, AllocationType::kOld);
    FullGC();
  }
  // Everything died; old space should not have grown beyond a page or two.
  auto spaces = heap().GetHeapSpaceStatistics();
  EXPECT_LE(spaces[1].space_size, 2 * 256 * KB);
}

}  // namespace
}  // namespace tenure::testing
