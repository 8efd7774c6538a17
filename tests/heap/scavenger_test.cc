// Copyright the tenure authors.
// scavenger_test.cc — copying, promotion on second survival, remembered-set roots, growth.
#include <vector>

#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

using ScavengerTest = HeapTest;

TEST_F(ScavengerTest, RootedObjectIsCopiedWithContents) {
  Local<TreeNode> node = NewNodeLocal(7);
  ByteString* s = NewString("hello, tenure");
  Link(node.get(), &node->left, s);
  HeapObject* before = node.get();
  Scavenge();
  EXPECT_NE(node.get(), before);
  EXPECT_TRUE(Heap::InYoungGeneration(node.get()));
  EXPECT_EQ(node->id.ToSmi(), 7);
  EXPECT_EQ(node->left.As<ByteString>()->view(), "hello, tenure");
}

TEST_F(ScavengerTest, PromotedOnSecondSurvival) {
  Local<TreeNode> node = NewNodeLocal(1);
  Scavenge();
  EXPECT_TRUE(Heap::InYoungGeneration(node.get()));
  Scavenge();
  EXPECT_TRUE(Heap::InOldGeneration(node.get()));
  EXPECT_EQ(node->id.ToSmi(), 1);
}

TEST_F(ScavengerTest, ObjectsAllocatedAfterAScavengeAreNotPromotedEarly) {
  Local<TreeNode> first = NewNodeLocal(1);
  Scavenge();                                 // first survives once
  Local<TreeNode> second = NewNodeLocal(2);   // allocated above the age mark
  Scavenge();
  EXPECT_TRUE(Heap::InOldGeneration(first.get()));
  EXPECT_TRUE(Heap::InYoungGeneration(second.get()));
}

TEST_F(ScavengerTest, GarbageIsNotCopied) {
  for (int i = 0; i < 10000; ++i) NewNode(i);
  const size_t used_before = heap().SizeOfObjects();
  Scavenge();
  EXPECT_LT(heap().SizeOfObjects(), used_before / 10);
}

TEST_F(ScavengerTest, CyclesAndSharedObjectsStayShared) {
  Local<TreeNode> a = NewNodeLocal(1);
  TreeNode* b = NewNode(2);
  Link(a.get(), &a->left, b);
  Link(b, &b->left, a.get());   // cycle
  Link(a.get(), &a->right, b);  // shared
  Scavenge();
  TreeNode* nb = a->left.As<TreeNode>();
  EXPECT_EQ(a->right.As<TreeNode>(), nb);
  EXPECT_EQ(nb->left.As<TreeNode>(), a.get());
  EXPECT_EQ(nb->id.ToSmi(), 2);
}

TEST_F(ScavengerTest, OldToYoungPointerIsARootAndGetsUpdated) {
  Local<TreeNode> old = NewNodeLocal(1, AllocationType::kOld);
  TreeNode* young = NewNode(2);
  Link(old.get(), &old->left, young);
  Scavenge();
  ASSERT_TRUE(old->left.IsHeapObject());
  EXPECT_NE(old->left.ToObject(), young);
  EXPECT_EQ(old->left.As<TreeNode>()->id.ToSmi(), 2);
  Scavenge();  // promoted now; the remembered-set entry must be dropped (verifier checks)
  EXPECT_TRUE(Heap::InOldGeneration(old->left.ToObject()));
  EXPECT_EQ(old->left.As<TreeNode>()->id.ToSmi(), 2);
}

TEST_F(ScavengerTest, SemispaceGrowsWhenSurvivorsExceedCapacity) {
  const size_t initial = heap().semi_space_capacity();
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(20000));
  for (int i = 0; i < 20000; ++i) {
    TreeNode* n = NewNode(i);
    Store(keep.get(), keep->slots() + i, Value::FromObject(n));
  }
  Scavenge();
  Scavenge();
  EXPECT_GT(heap().semi_space_capacity(), initial);
  EXPECT_LE(heap().semi_space_capacity(), 1 * MB);
  for (int i = 0; i < 20000; ++i) ASSERT_EQ(keep->slots()[i].As<TreeNode>()->id.ToSmi(), i);
}

TEST_F(ScavengerTest, PromotesWhenToSpaceIsFull) {
  // 1.6 MB of live young objects into 512 KiB semispaces: most must be promoted.
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(50000, AllocationType::kOld));
  for (int i = 0; i < 50000; ++i) {
    Store(keep.get(), keep->slots() + i, Value::FromObject(NewNode(i)));
  }
  Scavenge();
  size_t old_count = 0;
  for (int i = 0; i < 50000; ++i) {
    TreeNode* n = keep->slots()[i].As<TreeNode>();
    ASSERT_EQ(n->id.ToSmi(), i);
    old_count += Heap::InOldGeneration(n);
  }
  EXPECT_GT(old_count, 0u);
}

TEST_F(ScavengerTest, MoveListenerSeesEveryCopy) {
  struct Recorder : ObjectMoveListener {
    std::vector<std::pair<HeapObject*, HeapObject*>> moves;
    void OnObjectMoved(HeapObject* from, HeapObject* to, size_t size) override {
      moves.emplace_back(from, to);
      EXPECT_EQ(size, to->Size());
    }
  } recorder;
  heap().SetObjectMoveListener(&recorder);
  Local<TreeNode> node = NewNodeLocal(1);
  HeapObject* before = node.get();
  Scavenge();
  heap().SetObjectMoveListener(nullptr);
  ASSERT_EQ(recorder.moves.size(), 1u);
  EXPECT_EQ(recorder.moves[0].first, before);
  EXPECT_EQ(recorder.moves[0].second, node.get());
}

TEST_F(ScavengerTest, FromSpaceMemoryIsReusedZeroed) {
  for (int round = 0; round < 20; ++round) {
    for (int i = 0; i < 5000; ++i) {
      ValueArray* a = NewArray(4);
      for (int j = 0; j < 4; ++j) ASSERT_TRUE(a->slots()[j].IsEmpty());
      a->slots()[0] = Value::FromSmi(round);  // dirty it
    }
  }
  EXPECT_GT(heap().gc_statistics().scavenge_count, 5u);
}

}  // namespace
}  // namespace tenure::testing
