// Copyright the tenure authors.
// mark_compact_test.cc — marking, sweeping, young-generation handling in full GCs, growing.
#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

using MarkCompactTest = HeapTest;

TEST_F(MarkCompactTest, UnreachableOldObjectsAreFreed) {
  for (int i = 0; i < 50000; ++i) NewNode(i, AllocationType::kOld);
  const size_t before = heap().OldGenerationSizeOfObjects();
  EXPECT_GE(before, 50000u * 32);
  FullGC();
  EXPECT_LT(heap().OldGenerationSizeOfObjects(), before / 100);
}

TEST_F(MarkCompactTest, DeepListSurvivesWithoutRecursion) {
  constexpr int kLength = 200000;
  Local<TreeNode> head = NewNodeLocal(0, AllocationType::kOld);
  {
    HandleScope inner(heap());
    Local<TreeNode> tail = Local<TreeNode>::New(heap(), head.get());
    for (int i = 1; i < kLength; ++i) {
      TreeNode* next = NewNode(i, AllocationType::kOld);
      Link(tail.get(), &tail->left, next);
      tail.Set(Value::FromObject(next));
    }
  }
  FullGC();
  int count = 0;
  for (TreeNode* n = head.get(); n != nullptr;
       n = n->left.IsHeapObject() ? n->left.As<TreeNode>() : nullptr) {
    ASSERT_EQ(n->id.ToSmi(), count);
    ++count;
  }
  EXPECT_EQ(count, kLength);
}

TEST_F(MarkCompactTest, GarbageCyclesAreCollected) {
  {
    HandleScope inner(heap());
    for (int i = 0; i < 10000; ++i) {
      TreeNode* a = NewNode(i, AllocationType::kOld);
      TreeNode* b = NewNode(i, AllocationType::kOld);
      Link(a, &a->left, b);
      Link(b, &b->left, a);
    }
  }
  FullGC();
  EXPECT_EQ(heap().OldGenerationSizeOfObjects(), 0u);
}

TEST_F(MarkCompactTest, YoungObjectsReachableOnlyFromDeadOldObjectsDie) {
  {
    HandleScope inner(heap());
    Local<TreeNode> old = NewNodeLocal(1, AllocationType::kOld);
    Link(old.get(), &old->left, NewNode(2));
  }
  Local<TreeNode> live = NewNodeLocal(3);
  FullGC();
  int young_objects = 0;
  heap().IterateObjects([&](HeapObject* o) { young_objects += Heap::InYoungGeneration(o); });
  EXPECT_EQ(young_objects, 1);  // only `live`
  EXPECT_EQ(live->id.ToSmi(), 3);
  Scavenge();
  EXPECT_EQ(live->id.ToSmi(), 3);
}

TEST_F(MarkCompactTest, FreedMemoryIsReusedForNewOldObjects) {
  for (int i = 0; i < 30000; ++i) NewNode(i, AllocationType::kOld);
  FullGC();
  const size_t committed = heap().GetHeapSpaceStatistics()[1].space_size;
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(1000, AllocationType::kOld));
  for (int i = 0; i < 1000; ++i) {
    Store(keep.get(), keep->slots() + i, Value::FromObject(NewNode(i, AllocationType::kOld)));
  }
  EXPECT_LE(heap().GetHeapSpaceStatistics()[1].space_size, committed + 256 * KB);
  FullGC();
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(keep->slots()[i].As<TreeNode>()->id.ToSmi(), i);
}

TEST_F(MarkCompactTest, GrowingPolicySetsTheLimitAboveLiveSize) {
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(100000, AllocationType::kOld));
  for (int i = 0; i < 100000; ++i) {
    Store(keep.get(), keep->slots() + i, Value::FromObject(NewNode(i, AllocationType::kOld)));
  }
  FullGC();
  const size_t live = heap().OldGenerationSizeOfObjects();
  EXPECT_GT(heap().old_generation_allocation_limit(), live);
  EXPECT_LE(heap().old_generation_allocation_limit(), heap().max_old_space_size());
  EXPECT_GE(heap().last_growing_factor(), 1.1);
  EXPECT_LE(heap().last_growing_factor(), 4.0);
}

TEST_F(MarkCompactTest, AllocationLimitTriggersFullGCs) {
  const uint64_t before = heap().gc_statistics().mark_compact_count;
  for (int i = 0; i < 400000; ++i) NewNode(i, AllocationType::kOld);  // 12.8 MB of garbage
  EXPECT_GT(heap().gc_statistics().mark_compact_count, before);
}

}  // namespace
}  // namespace tenure::testing
