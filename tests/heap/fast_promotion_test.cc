// Copyright the tenure authors.
// fast_promotion_test.cc — HeapConfig::fast_promotion_survival_percent (src/heap/new-space.h):
// after a high-survival scavenge the next one promotes every survivor; weak globals, remembered
// sets, the write barrier, move events (ids), growth, tracing and determinism stay right.
#include <cstdio>
#include <string>
#include <vector>

#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

constexpr int kNodes = 12000;  // 12000 * 32 B = 384 KB: 75% of a 512 KiB semispace

HeapConfig FastPromotionConfig(int percent) {
  HeapConfig config = DefaultTestConfig();
  config.initial_semi_space_size = config.max_semi_space_size = 512 * KB;
  config.fast_promotion_survival_percent = percent;
  return config;
}

class FastPromotionTest : public HeapTest {
 protected:
  FastPromotionTest() : HeapTest(FastPromotionConfig(50)) {}

  // An old array holding kNodes young nodes (ids 0..kNodes-1): one scavenge of it survives 75%.
  Local<ValueArray> KeepManyYoungNodes() {
    Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(kNodes, AllocationType::kOld));
    for (int i = 0; i < kNodes; ++i) {
      Store(keep.get(), keep->slots() + i, Value::FromObject(NewNode(i)));
    }
    return keep;
  }
  void ExpectIdsIntact(ValueArray* keep) {
    for (int i = 0; i < kNodes; ++i) ASSERT_EQ(keep->slots()[i].As<TreeNode>()->id.ToSmi(), i);
  }
};

TEST_F(FastPromotionTest, HighSurvivalScavengePromotesEverySurvivorOfTheNext) {
  Local<ValueArray> keep = KeepManyYoungNodes();
  Scavenge();  // 75% survive: copied within new space, mode on for the next scavenge
  for (int i = 0; i < kNodes; ++i) ASSERT_TRUE(Heap::InYoungGeneration(keep->slots()[i].ToObject()));
  // Allocated above the age mark: an ordinary scavenge would keep it young.
  Local<TreeNode> fresh = NewNodeLocal(-1);
  const uint64_t promoted_before = heap().gc_statistics().total_promoted_bytes;
  Scavenge();
  EXPECT_TRUE(Heap::InOldGeneration(fresh.get()));
  EXPECT_EQ(fresh->id.ToSmi(), -1);
  for (int i = 0; i < kNodes; ++i) ASSERT_TRUE(Heap::InOldGeneration(keep->slots()[i].ToObject()));
  ExpectIdsIntact(keep.get());
  EXPECT_GE(heap().gc_statistics().total_promoted_bytes - promoted_before,
            (kNodes + 1) * sizeof(TreeNode));
  // New space is empty now: the scavenge after that survives nothing and turns the mode off.
  Scavenge();
  Local<TreeNode> later = NewNodeLocal(-2);
  Scavenge();
  EXPECT_TRUE(Heap::InYoungGeneration(later.get()));
  heap().VerifyHeapForTesting();
}

TEST(FastPromotionOffTest, SameWorkloadKeepsFreshObjectsYoung) {
  Heap heap(FastPromotionConfig(0));
  HandleScope scope(heap);
  Local<ValueArray> keep =
      Local<ValueArray>::New(heap, heap.New<ValueArray>(&kValueArrayType, 16 + 8 * kNodes,
                                                        AllocationType::kOld));
  keep->length = Value::FromSmi(kNodes);
  for (int i = 0; i < kNodes; ++i) {
    auto* node = heap.New<TreeNode>(&kTreeNodeType);
    node->id = Value::FromSmi(i);
    Store(keep.get(), keep->slots() + i, Value::FromObject(node));
  }
  heap.CollectGarbage(GCType::kScavenge);
  Local<TreeNode> fresh = Local<TreeNode>::New(heap, heap.New<TreeNode>(&kTreeNodeType));
  heap.CollectGarbage(GCType::kScavenge);
  EXPECT_TRUE(Heap::InYoungGeneration(fresh.get()));
  EXPECT_TRUE(Heap::InOldGeneration(keep->slots()[0].ToObject()));  // second survival
}

// The copying path (page moving off): dead targets are found by the fast-promotion scavenge itself.
// With page moving every object on a moved page survives until the next full GC
// (page_promotion_test.cc).
class FastPromotionCopyingTest : public HeapTest {
 protected:
  FastPromotionCopyingTest() : HeapTest(CopyingConfig()) {}
  static HeapConfig CopyingConfig() {
    HeapConfig config = FastPromotionConfig(50);
    config.fast_promotion_move_pages = false;
    return config;
  }
  Local<ValueArray> KeepManyYoungNodes() {
    Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(kNodes, AllocationType::kOld));
    for (int i = 0; i < kNodes; ++i) {
      Store(keep.get(), keep->slots() + i, Value::FromObject(NewNode(i)));
    }
    return keep;
  }
};

TEST_F(FastPromotionCopyingTest, WeakGlobalsFollowPromotedTargetsAndDeadOnesAreCleared) {
  Local<ValueArray> keep = KeepManyYoungNodes();
  Scavenge();
  Global<TreeNode> weak_live(heap(), keep->slots()[5].ToObject());
  weak_live.SetWeak();
  Global<TreeNode> weak_dead(heap(), NewNode(77));
  weak_dead.SetWeak();
  Scavenge();  // fast promotion
  ASSERT_FALSE(weak_live.IsEmpty());
  EXPECT_EQ(weak_live.value().ToObject(), keep->slots()[5].ToObject());
  EXPECT_TRUE(Heap::InOldGeneration(weak_live.value().ToObject()));
  EXPECT_EQ(weak_live.value().As<TreeNode>()->id.ToSmi(), 5);
  EXPECT_TRUE(weak_dead.IsEmpty());
}

// A promoted object is an old host from then on: a young object stored into it must be found
// through the remembered set by the next (ordinary) scavenge.
TEST_F(FastPromotionTest, PromotedHostsRecordOldToNewSlots) {
  Local<ValueArray> keep = KeepManyYoungNodes();
  Scavenge();
  Scavenge();  // fast promotion: every node is old now
  TreeNode* host = keep->slots()[0].As<TreeNode>();
  ASSERT_TRUE(Heap::InOldGeneration(host));
  Link(host, &host->left, NewNode(1000));  // only the host refers to it
  for (int i = 0; i < 3; ++i) {
    Scavenge();
    ASSERT_TRUE(host->left.IsHeapObject());
    ASSERT_EQ(host->left.As<TreeNode>()->id.ToSmi(), 1000);
  }
  Link(host, &host->right, NewNode(1001));  // the mode is off by now: copied, stays young
  Scavenge();
  EXPECT_TRUE(Heap::InYoungGeneration(host->right.ToObject()));
  Scavenge();
  EXPECT_EQ(host->right.As<TreeNode>()->id.ToSmi(), 1001);
  heap().VerifyHeapForTesting();
}

// Move events are what keeps heap-snapshot object ids stable: every promoted copy reports one (page
// moving moves no object, so it reports none: page_promotion_test.cc).
TEST_F(FastPromotionCopyingTest, MoveListenerSeesEveryPromotion) {
  struct Recorder : ObjectMoveListener {
    int moves = 0;
    int to_old = 0;
    void OnObjectMoved(HeapObject* from, HeapObject* to, size_t size) override {
      ++moves;
      to_old += Heap::InOldGeneration(to);
      EXPECT_EQ(size, to->Size());
      EXPECT_NE(from, to);
    }
  } recorder;
  Local<ValueArray> keep = KeepManyYoungNodes();
  Scavenge();
  heap().SetObjectMoveListener(&recorder);
  Scavenge();
  heap().SetObjectMoveListener(nullptr);
  EXPECT_EQ(recorder.moves, kNodes);
  EXPECT_EQ(recorder.to_old, kNodes);
}

// An all-live structure built by allocation alone (scavenges on allocation failure) goes to old
// space in nursery-sized steps; without fast promotion the semispaces grow to hold it.
TEST(FastPromotionGrowthTest, AllLiveAllocationDoesNotGrowNewSpaceOnlyWithFastPromotion) {
  for (int percent : {90, 0}) {
    HeapConfig config = DefaultTestConfig();
    config.initial_semi_space_size = 256 * KB;
    config.max_semi_space_size = 2 * MB;
    config.fast_promotion_survival_percent = percent;
    Heap heap(config);
    HandleScope scope(heap);
    const size_t initial = heap.semi_space_capacity();
    // A linked list of 64k nodes (2 MB), all reachable from one handle.
    Local<TreeNode> head = Local<TreeNode>::New(heap, heap.New<TreeNode>(&kTreeNodeType));
    head->id = Value::FromSmi(0);
    for (int i = 1; i < 65536; ++i) {
      auto* node = heap.New<TreeNode>(&kTreeNodeType);
      node->id = Value::FromSmi(i);
      node->left = head.value();
      head.Set(Value::FromObject(node));
    }
    int count = 0;
    for (Value v = head.value(); v.IsHeapObject(); v = v.As<TreeNode>()->left) {
      ASSERT_EQ(v.As<TreeNode>()->id.ToSmi(), 65535 - count);
      ++count;
    }
    EXPECT_EQ(count, 65536);
    ASSERT_GT(heap.gc_statistics().scavenge_count, 2u);
    if (percent > 0) {
      EXPECT_EQ(heap.semi_space_capacity(), initial) << "fast promotion";
    } else {
      EXPECT_GT(heap.semi_space_capacity(), initial) << "V8 growth";
    }
  }
}

TEST(FastPromotionTraceTest, TraceGcVerbosePrintsV8sFastPromotionLine) {
  FILE* out = tmpfile();
  ASSERT_NE(out, nullptr);
  HeapConfig config = FastPromotionConfig(50);
  config.trace_gc_verbose = true;
  config.trace_stream = out;
  Heap heap(config);
  {
    HandleScope scope(heap);
    Local<ValueArray> keep =
        Local<ValueArray>::New(heap, heap.New<ValueArray>(&kValueArrayType, 16 + 8 * kNodes,
                                                          AllocationType::kOld));
    keep->length = Value::FromSmi(kNodes);
    for (int i = 0; i < kNodes; ++i) {
      Store(keep.get(), keep->slots() + i, Value::FromObject(heap.New<TreeNode>(&kTreeNodeType)));
    }
    heap.CollectGarbage(GCType::kScavenge);  // ~75% survive
    heap.CollectGarbage(GCType::kScavenge);  // all promoted (75% of the capacity): stays on
    heap.CollectGarbage(GCType::kScavenge);  // new space was empty: 0%, off
  }
  rewind(out);
  std::string text;
  char buffer[512];
  while (fgets(buffer, sizeof buffer, out) != nullptr) text += buffer;
  fclose(out);
  const size_t on = text.find("ms: Fast promotion mode: true survival rate: 7");
  const size_t off = text.find("ms: Fast promotion mode: false survival rate: 0%\n");
  ASSERT_NE(on, std::string::npos) << text;
  ASSERT_NE(off, std::string::npos) << text;
  EXPECT_LT(on, off);
  EXPECT_EQ(text.rfind("[", on), text.rfind("\n", on) + 1) << "V8 prefix [pid:isolate]";
}

// The mode is decided from byte counts only: the same program gives the same GC history.
TEST(FastPromotionDeterminismTest, SameProgramSameScavengesAndPromotion) {
  auto run = []() {
    HeapConfig config = DefaultTestConfig();
    config.verify_heap = false;
    Heap heap(config);
    HandleScope scope(heap);
    Local<ValueArray> keep =
        Local<ValueArray>::New(heap, heap.New<ValueArray>(&kValueArrayType, 16 + 8 * 4096,
                                                          AllocationType::kOld));
    keep->length = Value::FromSmi(4096);
    for (int i = 0; i < 400000; ++i) {
      auto* node = heap.New<TreeNode>(&kTreeNodeType);
      if (i % 3 != 0) Store(keep.get(), keep->slots() + (i % 4096), Value::FromObject(node));
    }
    const GCStatistics& stats = heap.gc_statistics();
    return std::vector<uint64_t>{stats.scavenge_count, stats.total_promoted_bytes,
                                 heap.semi_space_capacity()};
  };
  EXPECT_EQ(run(), run());
}

// gc_interval stress with every scavenge after a surviving one in fast promotion mode, plus weak
// globals and old->new stores; verify_heap checks remembered sets and ages around every GC.
class FastPromotionStressTest : public ::testing::TestWithParam<int> {};

TEST_P(FastPromotionStressTest, GcIntervalKeepsTheGraphAndWeakGlobals) {
  HeapConfig config = DefaultTestConfig();
  config.gc_interval = 13;
  config.fast_promotion_survival_percent = GetParam();
  Heap heap(config);
  HandleScope scope(heap);
  constexpr int kCount = 3000;
  Local<ValueArray> keep =
      Local<ValueArray>::New(heap, heap.New<ValueArray>(&kValueArrayType, 16 + 8 * kCount,
                                                        AllocationType::kOld));
  keep->length = Value::FromSmi(kCount);
  std::vector<Global<TreeNode>> weak;
  for (int i = 0; i < kCount; ++i) {
    auto* node = heap.New<TreeNode>(&kTreeNodeType);
    node->id = Value::FromSmi(i);
    if (i > 0) Store(node, &node->left, keep->slots()[i - 1]);
    Store(keep.get(), keep->slots() + i, Value::FromObject(node));
    if (i % 10 == 0) {
      weak.emplace_back(heap, Value::FromObject(heap.New<TreeNode>(&kTreeNodeType)));  // dies
      weak.back().SetWeak();
      weak.emplace_back(heap, keep->slots()[i]);  // stays alive (`node` may have moved)
      weak.back().SetWeak();
    }
  }
  heap.CollectGarbage(GCType::kScavenge);
  heap.CollectGarbage(GCType::kMarkCompact);
  for (int i = 0; i < kCount; ++i) {
    TreeNode* node = keep->slots()[i].As<TreeNode>();
    ASSERT_EQ(node->id.ToSmi(), i);
    if (i > 0) ASSERT_EQ(node->left.ToObject(), keep->slots()[i - 1].ToObject());
  }
  for (size_t k = 0; k < weak.size(); k += 2) {
    EXPECT_TRUE(weak[k].IsEmpty()) << k;
    ASSERT_FALSE(weak[k + 1].IsEmpty()) << k;
    EXPECT_EQ(weak[k + 1].value().ToObject(), keep->slots()[(k / 2) * 10].ToObject());
  }
  heap.VerifyHeapForTesting();
}

// 1: every scavenge after one with any survivor promotes everything; 0: fast promotion off (the
// ordinary scavenger under the same stress, for comparison).
INSTANTIATE_TEST_SUITE_P(Percent, FastPromotionStressTest, ::testing::Values(1, 0));

}  // namespace
}  // namespace tenure::testing
