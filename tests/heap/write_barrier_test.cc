// Copyright the tenure authors.
// write_barrier_test.cc — the barrier and the old->new remembered set, observed through GC behavior.
#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

using WriteBarrierTest = HeapTest;

TEST_F(WriteBarrierTest, BarrierKeepsYoungTargetOfOldHostAliveAcrossScavenges) {
  Local<ValueArray> old = Local<ValueArray>::New(heap(), NewArray(100, AllocationType::kOld));
  for (int i = 0; i < 100; ++i) StoreField(old.get(), 1 + i, Value::FromObject(NewNode(i)));
  for (int s = 0; s < 3; ++s) Scavenge();
  for (int i = 0; i < 100; ++i) {
    ASSERT_EQ(old->slots()[i].As<TreeNode>()->id.ToSmi(), i);
    EXPECT_TRUE(Heap::InOldGeneration(old->slots()[i].ToObject()));
  }
}

TEST_F(WriteBarrierTest, OverwrittenSlotsDoNotKeepOldTargetsAlive) {
  Local<TreeNode> old = NewNodeLocal(0, AllocationType::kOld);
  Store(old.get(), &old->left, Value::FromObject(NewNode(1)));
  Store(old.get(), &old->left, Value::FromSmi(5));  // the recorded slot now holds a Smi
  Scavenge();
  EXPECT_EQ(old->left.ToSmi(), 5);
  EXPECT_LT(heap().GetHeapSpaceStatistics()[0].space_used_size, 64u);
}

TEST_F(WriteBarrierTest, NonPointerValuesNeedNoBarrier) {
  Local<TreeNode> old = NewNodeLocal(0, AllocationType::kOld);
  Store(old.get(), &old->left, Value::MakeImmediate(1, 2));
  Store(old.get(), &old->right, Value::FromSmi(-3));
  Scavenge();
  FullGC();
  EXPECT_EQ(old->left, Value::MakeImmediate(1, 2));
  EXPECT_EQ(old->right.ToSmi(), -3);
}

TEST_F(WriteBarrierTest, OldToOldStoresAreFine) {
  Local<TreeNode> a = NewNodeLocal(1, AllocationType::kOld);
  Store(a.get(), &a->left, Value::FromObject(NewNode(2, AllocationType::kOld)));
  Scavenge();
  FullGC();
  EXPECT_EQ(a->left.As<TreeNode>()->id.ToSmi(), 2);
}

TEST_F(WriteBarrierTest, PromotedObjectsGetTheirYoungPointersRecorded) {
  // `parent` is promoted by the second scavenge while its child is still young (allocated after
  // the first scavenge): the scavenger must record parent's slot (verifier checks after GC).
  Local<TreeNode> parent = NewNodeLocal(1);
  Scavenge();
  Store(parent.get(), &parent->left, Value::FromObject(NewNode(2)));
  Scavenge();
  ASSERT_TRUE(Heap::InOldGeneration(parent.get()));
  ASSERT_TRUE(Heap::InYoungGeneration(parent->left.ToObject()));
  Scavenge();
  EXPECT_EQ(parent->left.As<TreeNode>()->id.ToSmi(), 2);
}

}  // namespace
}  // namespace tenure::testing
