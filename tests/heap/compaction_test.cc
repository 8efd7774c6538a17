// Copyright the tenure authors.
// compaction_test.cc — evacuation candidates and pointer updating after compaction.
#include <vector>

#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

using CompactionTest = HeapTest;

TEST_F(CompactionTest, ForcedCandidateMovesAndEveryPointerIsUpdated) {
  Local<TreeNode> target = NewNodeLocal(42, AllocationType::kOld);
  Local<TreeNode> old_holder = NewNodeLocal(1, AllocationType::kOld);
  Link(old_holder.get(), &old_holder->left, target.get());
  Local<TreeNode> young_holder = NewNodeLocal(2);
  Link(young_holder.get(), &young_holder->left, target.get());
  Global<TreeNode> global(heap(), target.get());
  Global<TreeNode> weak(heap(), target.get());
  weak.SetWeak();
  WeakCell* cell = NewWeakCell(target.value());
  Local<WeakCell> cell_handle = Local<WeakCell>::New(heap(), cell);

  HeapObject* before = target.get();
  heap().ForceEvacuationCandidateForTesting(before);
  FullGC();
  EXPECT_NE(target.get(), before);
  EXPECT_EQ(target->id.ToSmi(), 42);
  EXPECT_EQ(old_holder->left.ToObject(), target.get());
  EXPECT_EQ(young_holder->left.ToObject(), target.get());
  EXPECT_EQ(global.get(), target.get());
  EXPECT_EQ(weak.get(), target.get());
  EXPECT_EQ(cell_handle->target.ToObject(), target.get());
  EXPECT_GE(heap().gc_statistics().evacuated_pages, 1u);
}

TEST_F(CompactionTest, RememberedSetIsRebuiltForMovedOldObjects) {
  Local<TreeNode> old = NewNodeLocal(1, AllocationType::kOld);
  Link(old.get(), &old->left, NewNode(2));  // old -> young
  heap().ForceEvacuationCandidateForTesting(old.get());
  FullGC();  // `old` moves; its slot must be re-recorded (verifier checks before next GC)
  Scavenge();
  EXPECT_EQ(old->left.As<TreeNode>()->id.ToSmi(), 2);
}

TEST_F(CompactionTest, FragmentedPagesAreCompactedAndReleased) {
  constexpr int kCount = 80000;  // ~2.5 MB = about 10 pages
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(kCount / 50, AllocationType::kOld));
  {
    HandleScope inner(heap());
    for (int i = 0; i < kCount; ++i) {
      TreeNode* n = NewNode(i, AllocationType::kOld);
      if (i % 50 == 0) Store(keep.get(), keep->slots() + i / 50, Value::FromObject(n));
    }
  }
  const size_t committed_before = heap().GetHeapSpaceStatistics()[1].space_size;
  // Candidates are chosen when marking starts, from the pages' allocated bytes: the first GC finds
  // the garbage (its sweep leaves the pages 98% free), the second compacts them.
  FullGC();
  EXPECT_EQ(heap().gc_statistics().evacuated_pages, 0u);
  FullGC();
  EXPECT_GT(heap().gc_statistics().evacuated_pages, 0u);
  EXPECT_LT(heap().GetHeapSpaceStatistics()[1].space_size, committed_before / 2);
  for (int i = 0; i < kCount / 50; ++i) ASSERT_EQ(keep->slots()[i].As<TreeNode>()->id.ToSmi(), i * 50);
}

class StressCompactionTest : public HeapTest {
 protected:
  static HeapConfig Config() {
    HeapConfig config = DefaultTestConfig();
    config.stress_compaction = true;
    return config;
  }
  StressCompactionTest() : HeapTest(Config()) {}
};

TEST_F(StressCompactionTest, EveryFullGCMovesEveryOldObject) {
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(1000, AllocationType::kOld));
  for (int i = 0; i < 1000; ++i) {
    TreeNode* n = NewNode(i, AllocationType::kOld);
    Link(n, &n->right, NewString("s" + std::to_string(i)));
    Store(keep.get(), keep->slots() + i, Value::FromObject(n));
  }
  for (int gc = 0; gc < 3; ++gc) {
    HeapObject* before = keep.get();
    FullGC();
    EXPECT_NE(keep.get(), before);
  }
  for (int i = 0; i < 1000; ++i) {
    TreeNode* n = keep->slots()[i].As<TreeNode>();
    ASSERT_EQ(n->id.ToSmi(), i);
    ASSERT_EQ(n->right.As<ByteString>()->view(), "s" + std::to_string(i));
  }
}

TEST_F(StressCompactionTest, MoveListenerReportsCompactionMoves) {
  struct Counter : ObjectMoveListener {
    int moves = 0;
    void OnObjectMoved(HeapObject*, HeapObject* to, size_t) override {
      moves += Heap::InOldGeneration(to);
    }
  } counter;
  Local<TreeNode> node = NewNodeLocal(1, AllocationType::kOld);
  heap().SetObjectMoveListener(&counter);
  FullGC();
  heap().SetObjectMoveListener(nullptr);
  EXPECT_GE(counter.moves, 1);
  EXPECT_EQ(node->id.ToSmi(), 1);
}

}  // namespace
}  // namespace tenure::testing
