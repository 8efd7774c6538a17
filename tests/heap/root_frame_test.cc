// Copyright the tenure authors.
// root_frame_test.cc — RootFrame<N> (include/tenure/root-frame.h): slots are roots that the GC
// updates when objects move, frames nest LIFO, and they mix with HandleScope/Local.
#include <optional>
#include <random>
#include <vector>

#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

using RootFrameTest = HeapTest;

int CountObjects(Heap& heap) {
  int n = 0;
  heap.IterateObjects([&](HeapObject*) { ++n; });
  return n;
}

TEST_F(RootFrameTest, SlotsStartEmptyAndTheFrameIsTheChainHeadWhileOpen) {
  internal::HandleScopeData* data = heap().handle_scope_data();
  ASSERT_EQ(data->root_frames, nullptr);
  {
    RootFrame<3> outer(heap());
    for (size_t i = 0; i < outer.size(); ++i) EXPECT_TRUE(outer.value(i).IsEmpty());
    internal::RootFrameLink* const outer_link = data->root_frames;
    ASSERT_NE(outer_link, nullptr);
    EXPECT_EQ(outer_link->count, 3u);
    EXPECT_EQ(outer_link->slots(), outer.slot(0));
    {
      RootFrame<1> inner(heap());
      EXPECT_EQ(data->root_frames->prev, outer_link);
      EXPECT_EQ(data->root_frames->slots(), inner.slot(0));
    }
    EXPECT_EQ(data->root_frames, outer_link);
  }
  EXPECT_EQ(data->root_frames, nullptr);
}

// Young objects move in a scavenge, old ones on an evacuation candidate in a full GC: every slot
// must then hold the object's new address.
TEST_F(RootFrameTest, SlotsAreUpdatedWhenScavengesAndCompactionMoveTheirObjects) {
  RootFrame<3> frame(heap());
  frame.set(0, NewNode(10));
  frame.set(1, NewNode(11));
  frame[2] = Value::FromSmi(12);
  HeapObject* const young0 = frame.get(0);
  Scavenge();
  EXPECT_NE(frame.get(0), young0);
  Scavenge();  // promoted to old space
  HeapObject* const old0 = frame.get(0);
  heap().ForceEvacuationCandidateForTesting(old0);
  FullGC();
  EXPECT_NE(frame.get(0), old0);
  EXPECT_EQ(frame.get<TreeNode>(0)->id.ToSmi(), 10);
  EXPECT_EQ(frame.get<TreeNode>(1)->id.ToSmi(), 11);
  EXPECT_EQ(frame.value(2).ToSmi(), 12);
  EXPECT_EQ(CountObjects(heap()), 2);
}

TEST_F(RootFrameTest, ClosingAFrameReleasesItsObjects) {
  {
    RootFrame<2> frame(heap());
    frame.set(0, NewNode(1, AllocationType::kOld));
    frame.set(1, NewNode(2));
    FullGC();
    EXPECT_EQ(CountObjects(heap()), 2);
  }
  FullGC();
  EXPECT_EQ(CountObjects(heap()), 0);
}

// Builds a tree bottom-up as GCBench's MakeTree does: each level keeps its subtrees in a frame and
// returns the new node raw (valid until the next allocation); a GC runs every 7 nodes.
TreeNode* MakeTree(Heap& heap, int depth, int& counter) {
  auto make_node = [&heap, &counter]() {
    if (++counter % 7 == 0) {
      heap.CollectGarbage(counter % 21 == 0 ? GCType::kMarkCompact : GCType::kScavenge);
    }
    auto* node = heap.New<TreeNode>(&kTreeNodeType, sizeof(TreeNode));
    node->id = Value::FromSmi(counter);
    return node;
  };
  if (depth == 0) return make_node();
  RootFrame<2> frame(heap);
  frame.set(0, MakeTree(heap, depth - 1, counter));
  frame.set(1, MakeTree(heap, depth - 1, counter));
  TreeNode* node = make_node();
  node->left = frame.value(0);  // fresh young object: no barrier needed (write-barrier.h)
  node->right = frame.value(1);
  return node;
}

int CheckTree(TreeNode* node, std::vector<bool>& seen) {
  if (node == nullptr) return 0;
  const int64_t id = node->id.ToSmi();
  if (id <= 0 || id >= static_cast<int64_t>(seen.size()) || seen[id]) return -100000;
  seen[id] = true;
  return 1 + CheckTree(node->left.As<TreeNode>(), seen) + CheckTree(node->right.As<TreeNode>(), seen);
}

TEST_F(RootFrameTest, RawReturnsStoredIntoFramesKeepABottomUpTreeAcrossGCs) {
  int counter = 0;
  RootFrame<1> frame(heap());
  frame.set(0, MakeTree(heap(), 8, counter));
  ASSERT_EQ(counter, 511);
  Scavenge();
  FullGC();
  std::vector<bool> seen(512);
  EXPECT_EQ(CheckTree(frame.get<TreeNode>(0), seen), 511);
  EXPECT_EQ(CountObjects(heap()), 511);
}

// Both kinds of root in one program, nested either way; a Local can view a frame slot.
TEST_F(RootFrameTest, FramesAndHandleScopesNestEitherWay) {
  RootFrame<1> frame(heap());
  frame.set(0, NewNode(1));
  Local<TreeNode> local_in_frame_scope;
  {
    HandleScope scope(heap());
    Local<TreeNode> handle = NewNodeLocal(2);
    {
      RootFrame<2> inner(heap());
      inner.set(0, NewNode(3));
      inner.set(1, handle.get());  // the same object rooted twice
      Local<TreeNode> view = inner.local<TreeNode>(0);
      Scavenge();
      FullGC();
      EXPECT_EQ(view->id.ToSmi(), 3);
      EXPECT_EQ(inner.get(1), handle.get());
      EXPECT_EQ(CountObjects(heap()), 3);
    }
    FullGC();
    EXPECT_EQ(CountObjects(heap()), 2);  // node 3 went with the inner frame
    EXPECT_EQ(handle->id.ToSmi(), 2);
  }
  local_in_frame_scope = frame.local<TreeNode>(0);  // outlives the HandleScope: it views the frame
  FullGC();
  EXPECT_EQ(CountObjects(heap()), 1);
  EXPECT_EQ(local_in_frame_scope->id.ToSmi(), 1);
}

// Model check: random nested frames of random size hold random nodes, Smis or nothing, with
// scavenges and full GCs at random points; every slot of every open frame must read back what the
// model says (the node's id), and closed frames must release their nodes.
class RandomFrames {
 public:
  RandomFrames(Heap& heap, uint32_t seed) : heap_(heap), rng_(seed) {}

  void Run(int depth) {
    RootFrame<4> frame(heap_);
    std::vector<int64_t> expect(4, 0);  // 0 = empty, > 0 node id, < 0 Smi
    levels_.push_back({&frame, &expect});
    for (int step = 0; step < 12; ++step) {
      const size_t i = rng_() % 4;
      switch (rng_() % 6) {
        case 0: case 1: {
          auto* node = heap_.New<TreeNode>(&kTreeNodeType, sizeof(TreeNode));
          node->id = Value::FromSmi(++next_id_);
          frame.set(i, node);
          expect[i] = next_id_;
          break;
        }
        case 2:
          expect[i] = -static_cast<int64_t>(i) - 1;
          frame[i] = Value::FromSmi(expect[i]);
          break;
        case 3: frame[i] = Value(); expect[i] = 0; break;
        case 4: heap_.CollectGarbage(rng_() % 3 == 0 ? GCType::kMarkCompact : GCType::kScavenge); break;
        case 5: if (depth > 0) Run(depth - 1); break;
      }
      CheckAll();
    }
    levels_.pop_back();
  }
  int checked() const { return checked_; }

 private:
  struct Level {
    RootFrame<4>* frame;
    std::vector<int64_t>* expect;
  };
  void CheckAll() {
    for (const Level& level : levels_) {
      for (size_t i = 0; i < 4; ++i) {
        const int64_t want = (*level.expect)[i];
        const Value got = level.frame->value(i);
        if (want == 0) {
          ASSERT_TRUE(got.IsEmpty());
        } else if (want < 0) {
          ASSERT_EQ(got.ToSmi(), want);
        } else {
          ASSERT_TRUE(got.IsHeapObject());
          ASSERT_EQ(got.As<TreeNode>()->id.ToSmi(), want);
        }
        ++checked_;
      }
    }
  }

  Heap& heap_;
  std::mt19937 rng_;
  std::vector<Level> levels_;
  int64_t next_id_ = 0;
  int checked_ = 0;
};

TEST_F(RootFrameTest, RandomNestedFramesMatchTheModelAcrossGCs) {
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    RandomFrames model(heap(), seed);
    model.Run(4);
    EXPECT_GT(model.checked(), 100);
    FullGC();
    EXPECT_EQ(CountObjects(heap()), 0);  // every frame closed
  }
}

// The verifier checks what root-frame.h promises: a raw pointer kept across a GC and then stored
// into a slot (breaking the return contract) is reported.
TEST(RootFrameDeathTest, AStaleRawPointerInASlotIsReportedByTheVerifier) {
  Heap heap(DefaultTestConfig());
  EXPECT_DEATH(
      {
        RootFrame<2> frame(heap);
        frame.set(0, heap.New<TreeNode>(&kTreeNodeType, sizeof(TreeNode)));
        HeapObject* raw = frame.get(0);
        heap.CollectGarbage(GCType::kScavenge);  // moves the node; `raw` is stale
        frame.set(1, raw);
        heap.VerifyHeapForTesting();
      },
      "Handles slot .* from-space");
}

// Frames must close in reverse order of opening; a debug build aborts on the first that does not.
TEST(RootFrameDeathTest, ClosingAFrameOutOfOrderIsFatalInDebugBuilds) {
#ifdef NDEBUG
  GTEST_SKIP() << "the LIFO check is compiled in debug builds only";
#else
  Heap heap(DefaultTestConfig());
  EXPECT_DEATH(
      {
        std::optional<RootFrame<1>> first;
        std::optional<RootFrame<1>> second;
        first.emplace(heap);
        second.emplace(heap);
        first.reset();  // `second` is still open
      },
      "closed out of order");
#endif
}

}  // namespace
}  // namespace tenure::testing
