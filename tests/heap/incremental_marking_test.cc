// Copyright the tenure authors.
// incremental_marking_test.cc — incremental marking (src/heap/incremental-marking.h) and lazy
// sweeping (src/heap/sweeper.h): the marking barrier, black allocation, promotion during marking,
// weak slots / ephemerons recorded by steps, large objects, a full GC during marking, the
// tri-colour verifier, and lazily swept pages.
#include <cstdio>
#include <string>

#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

bool IsMarked(const HeapObject* object) {
  return (object->raw_header() & HeapObject::kMarkBit) != 0;
}

HeapConfig ManualConfig() {
  HeapConfig config = DefaultTestConfig();
  config.incremental_marking = false;  // the tests drive marking through the testing hooks
  return config;
}

class IncrementalMarkingTest : public HeapTest {
 protected:
  IncrementalMarkingTest() : HeapTest(ManualConfig()) {}

  // Marks until the worklist is empty (each step scans up to 1 MiB).
  void FinishSteps() {
    for (int i = 0; i < 100; ++i) heap().IncrementalMarkingStepForTesting(1 * MB);
  }
};

TEST_F(IncrementalMarkingTest, StepsMarkOldObjectsReachableFromRoots) {
  Local<TreeNode> root = NewNodeLocal(1, AllocationType::kOld);
  TreeNode* child = NewNode(2, AllocationType::kOld);
  Link(root.get(), &root->left, child);
  TreeNode* garbage = NewNode(3, AllocationType::kOld);
  heap().StartIncrementalMarkingForTesting();
  ASSERT_TRUE(heap().IsIncrementalMarkingForTesting());
  FinishSteps();
  EXPECT_TRUE(IsMarked(root.get()));
  EXPECT_TRUE(IsMarked(child));
  EXPECT_FALSE(IsMarked(garbage));
  FullGC();
  EXPECT_FALSE(heap().IsIncrementalMarkingForTesting());
  heap().IterateObjects([](HeapObject*) {});  // finishes lazy sweeping: mark bits cleared
  EXPECT_FALSE(IsMarked(root.get()));
  EXPECT_EQ(root->left.ToObject()->As<TreeNode>()->id.ToSmi(), 2);
}

TEST_F(IncrementalMarkingTest, BarrierGreysWhiteObjectStoredIntoBlackHost) {
  Local<TreeNode> host = NewNodeLocal(1, AllocationType::kOld);
  TreeNode* white = NewNode(2, AllocationType::kOld);  // unreachable when marking starts
  Local<TreeNode> keep_white = Local<TreeNode>::New(heap(), white);
  heap().StartIncrementalMarkingForTesting();
  FinishSteps();
  // `white` was reachable from a handle when marking started, so drop it via a fresh object.
  TreeNode* fresh_white = NewNode(3, AllocationType::kYoung);
  Scavenge();
  Scavenge();  // promoted while marking: white old object
  fresh_white = nullptr;
  ASSERT_TRUE(IsMarked(host.get()));
  (void)keep_white;
  TreeNode* w2 = NewNode(4, AllocationType::kYoung);
  Local<TreeNode> w2_handle = Local<TreeNode>::New(heap(), w2);
  Scavenge();
  Scavenge();
  ASSERT_TRUE(Heap::InOldGeneration(w2_handle.get()));
  EXPECT_FALSE(IsMarked(w2_handle.get())) << "promoted objects are white, not allocated black";
  Link(host.get(), &host->left, w2_handle.get());
  EXPECT_TRUE(IsMarked(w2_handle.get())) << "the marking barrier greys a white object stored into black";
  heap().IncrementalMarkingStepForTesting(1 * MB);  // verifier checks the invariant (verify_heap)
  FullGC();
  EXPECT_EQ(host->left.ToObject()->As<TreeNode>()->id.ToSmi(), 4);
}

TEST_F(IncrementalMarkingTest, MissingBarrierIsCaughtByTheTriColourVerifier) {
  Local<TreeNode> host = NewNodeLocal(1, AllocationType::kOld);
  TreeNode* white = NewNode(2, AllocationType::kOld);
  heap().StartIncrementalMarkingForTesting();
  FinishSteps();
  ASSERT_TRUE(IsMarked(host.get()));
  ASSERT_FALSE(IsMarked(white));
  Heap::StoreWithoutBarrierForTesting(&host->left, Value::FromObject(white));
  EXPECT_DEATH(heap().IncrementalMarkingStepForTesting(1 * MB),
               "black object points to a white object");
  host->left = Value();
}

TEST_F(IncrementalMarkingTest, BlackAllocationDuringMarking) {
  Local<TreeNode> root = NewNodeLocal(1, AllocationType::kOld);
  heap().StartIncrementalMarkingForTesting();
  TreeNode* old_object = NewNode(2, AllocationType::kOld);
  TreeNode* young_object = NewNode(3, AllocationType::kYoung);
  EXPECT_TRUE(IsMarked(old_object));
  EXPECT_FALSE(IsMarked(young_object));
  Link(root.get(), &root->left, old_object);
  FinishSteps();
  FullGC();
  EXPECT_EQ(root->left.ToObject()->As<TreeNode>()->id.ToSmi(), 2);
}

// A young object stored into a black host, then promoted twice over by scavenges during marking,
// with a young child of its own (written while young, without a marking barrier): both must
// survive the finalization.
TEST_F(IncrementalMarkingTest, PromotionDuringMarkingKeepsReachableObjects) {
  Local<TreeNode> host = NewNodeLocal(1, AllocationType::kOld);
  heap().StartIncrementalMarkingForTesting();
  FinishSteps();
  ASSERT_TRUE(IsMarked(host.get()));
  TreeNode* young = NewNode(2);
  Link(host.get(), &host->left, young);  // records the young slot
  TreeNode* child = NewNode(3);
  Link(young, &young->left, child);
  for (int i = 0; i < 3; ++i) Scavenge();
  TreeNode* promoted = host->left.ToObject()->As<TreeNode>();
  ASSERT_TRUE(Heap::InOldGeneration(promoted));
  EXPECT_TRUE(IsMarked(promoted)) << "greyed through the recorded slot after the scavenge";
  TreeNode* promoted_child = promoted->left.ToObject()->As<TreeNode>();
  ASSERT_TRUE(Heap::InOldGeneration(promoted_child));
  EXPECT_FALSE(IsMarked(promoted_child)) << "promoted objects are white until reached";
  heap().IncrementalMarkingStepForTesting(1 * MB);
  FullGC();
  promoted = host->left.ToObject()->As<TreeNode>();
  EXPECT_EQ(promoted->id.ToSmi(), 2);
  EXPECT_EQ(promoted->left.ToObject()->As<TreeNode>()->id.ToSmi(), 3);
}

TEST_F(IncrementalMarkingTest, WeakSlotsRecordedByStepsAreCleared) {
  Local<WeakCell> cell = Local<WeakCell>::New(heap(), NewWeakCell(Value(), AllocationType::kOld));
  TreeNode* weak_target = NewNode(2, AllocationType::kOld);
  Store(cell.get(), &cell->target, Value::FromObject(weak_target));
  Local<WeakCell> kept_cell = Local<WeakCell>::New(heap(), NewWeakCell(Value(), AllocationType::kOld));
  Local<TreeNode> kept = NewNodeLocal(3, AllocationType::kOld);
  Store(kept_cell.get(), &kept_cell->target, Value::FromObject(kept.get()));
  heap().StartIncrementalMarkingForTesting();
  FinishSteps();
  EXPECT_TRUE(IsMarked(cell.get()));
  EXPECT_FALSE(IsMarked(weak_target)) << "weak slots are not traced by steps";
  FullGC();
  EXPECT_EQ(cell->target, kCleared);
  EXPECT_EQ(kept_cell->target, Value::FromObject(kept.get()));
}

TEST_F(IncrementalMarkingTest, EphemeronsRecordedByStepsResolveAtFinalization) {
  Local<TreeNode> live_key = NewNodeLocal(1);  // young key: never marked by steps
  Local<EphemeronPair> live = Local<EphemeronPair>::New(
      heap(), NewEphemeron(Value::FromObject(live_key.get()), Value::FromObject(NewNode(2)),
                           AllocationType::kOld));
  Local<EphemeronPair> dead = Local<EphemeronPair>::New(
      heap(), NewEphemeron(Value::FromObject(NewNode(3, AllocationType::kOld)),
                           Value::FromObject(NewNode(4, AllocationType::kOld)), AllocationType::kOld));
  heap().StartIncrementalMarkingForTesting();
  FinishSteps();
  Scavenge();  // moves the young key and value while their slots are recorded
  FullGC();
  EXPECT_EQ(live->key, Value::FromObject(live_key.get()));
  EXPECT_EQ(live->value.ToObject()->As<TreeNode>()->id.ToSmi(), 2);
  EXPECT_EQ(dead->key, kCleared);
  EXPECT_EQ(dead->value, kCleared);
}

TEST_F(IncrementalMarkingTest, LargeObjectsAreMarkedAndBarriered) {
  Local<TreeNode> host = NewNodeLocal(1, AllocationType::kOld);
  ValueArray* large = NewArray(40000, AllocationType::kOld);  // > kMaxRegularObjectSize
  ASSERT_TRUE(Heap::InLargeObjectSpace(large));
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), large);
  heap().StartIncrementalMarkingForTesting();
  FinishSteps();
  EXPECT_TRUE(IsMarked(keep.get()));
  TreeNode* white = NewNode(5);
  for (int i = 0; i < 2; ++i) Scavenge();
  (void)white;
  Local<TreeNode> promoted = NewNodeLocal(6);
  for (int i = 0; i < 2; ++i) Scavenge();
  ASSERT_TRUE(Heap::InOldGeneration(promoted.get()));
  Store(keep.get(), keep->slots() + 7, Value::FromObject(promoted.get()));
  EXPECT_TRUE(IsMarked(promoted.get()));
  heap().IncrementalMarkingStepForTesting(1 * MB);
  FullGC();
  EXPECT_EQ(keep->slots()[7].ToObject()->As<TreeNode>()->id.ToSmi(), 6);
}

// A step scans a large array one kScanChunkBytes piece at a time (incremental-marking.h, LARGE
// OBJECTS IN PIECES): message-buffer.js's 1e6-slot array made one step of 46 ms. The array stays
// grey between pieces, so the verifier (verify_heap, run after every step) accepts it, and stores
// into its scanned and unscanned parts are both kept by the barrier.
TEST_F(IncrementalMarkingTest, LargeArraysAreScannedInPiecesAcrossSteps) {
  constexpr int kSlots = 40000;  // 320 KB: a large object, ten pieces
  Local<ValueArray> array = Local<ValueArray>::New(heap(), NewArray(kSlots, AllocationType::kOld));
  ASSERT_TRUE(Heap::InLargeObjectSpace(array.get()));
  for (int i = 0; i < kSlots; ++i) {
    Store(array.get(), array->slots() + i, Value::FromObject(NewNode(i, AllocationType::kOld)));
  }
  auto marked_nodes = [&] {
    int marked = 0;
    for (int i = 0; i < kSlots; ++i) marked += IsMarked(array->slots()[i].ToObject()) ? 1 : 0;
    return marked;
  };
  heap().StartIncrementalMarkingForTesting();
  heap().IncrementalMarkingStepForTesting(1);  // the array is the only grey object: one piece
  const int after_one_step = marked_nodes();
  EXPECT_GT(after_one_step, 0);
  EXPECT_LE(after_one_step, kSlots / 4);  // one 32 KB piece: 4094 slots
  TreeNode* into_scanned = NewNode(-1, AllocationType::kOld);
  Store(array.get(), array->slots() + 0, Value::FromObject(into_scanned));
  TreeNode* into_unscanned = NewNode(-2, AllocationType::kOld);
  Store(array.get(), array->slots() + kSlots - 1, Value::FromObject(into_unscanned));
  FinishSteps();
  EXPECT_EQ(marked_nodes(), kSlots);
  FullGC();
  EXPECT_EQ(array->slots()[0].ToObject()->As<TreeNode>()->id.ToSmi(), -1);
  EXPECT_EQ(array->slots()[kSlots - 1].ToObject()->As<TreeNode>()->id.ToSmi(), -2);
  EXPECT_EQ(array->slots()[kSlots / 2].ToObject()->As<TreeNode>()->id.ToSmi(), kSlots / 2);
}

TEST_F(IncrementalMarkingTest, ExplicitFullGCDuringMarkingFinishesMarking) {
  FILE* trace = tmpfile();
  HeapConfig config = ManualConfig();
  config.trace_gc = true;
  config.trace_stream = trace;
  Heap heap(config);
  HandleScope scope(heap);
  auto* root = heap.New<TreeNode>(&kTreeNodeType, sizeof(TreeNode), AllocationType::kOld);
  Local<TreeNode> root_handle = Local<TreeNode>::New(heap, root);
  TreeNode* previous = root;
  for (int i = 0; i < 5000; ++i) {  // a chain: one small step cannot finish it
    auto* next = heap.New<TreeNode>(&kTreeNodeType, sizeof(TreeNode), AllocationType::kOld);
    next->id = Value::FromSmi(i);
    Store(previous, &previous->left, Value::FromObject(next));
    previous = next;
  }
  heap.StartIncrementalMarkingForTesting();
  heap.IncrementalMarkingStepForTesting(1024);
  ASSERT_TRUE(heap.IsIncrementalMarkingForTesting());
  TreeNode* floating = heap.New<TreeNode>(&kTreeNodeType, sizeof(TreeNode), AllocationType::kOld);
  ASSERT_TRUE((floating->raw_header() & HeapObject::kMarkBit) != 0);  // black, yet unreachable
  size_t before = 0;
  heap.IterateObjects([&before](HeapObject*) { ++before; });
  heap.CollectGarbage(GCType::kMarkCompact);
  EXPECT_FALSE(heap.IsIncrementalMarkingForTesting());
  size_t after = 0;
  heap.IterateObjects([&after](HeapObject*) { ++after; });
  EXPECT_EQ(after, before - 1u) << "an explicit full GC leaves no floating garbage";
  EXPECT_EQ(heap.gc_statistics().mark_compact_count, 2u) << "finalization, then a fresh GC";
  int length = 0;
  for (Value v = root_handle->left; v.IsHeapObject(); v = v.ToObject()->As<TreeNode>()->left) {
    ++length;
  }
  EXPECT_EQ(length, 5000);
  fflush(trace);
  rewind(trace);
  char line[1024] = {};
  ASSERT_NE(fgets(line, sizeof(line), trace), nullptr);
  EXPECT_NE(std::string(line).find("ms  (+ "), std::string::npos) << line;
  EXPECT_NE(std::string(line).find(" steps since start of marking, biggest step "),
            std::string::npos)
      << line;
  fclose(trace);
}

TEST_F(IncrementalMarkingTest, AllocationDrivenMarkingFinalizesByItself) {
  FILE* trace = tmpfile();
  HeapConfig config = DefaultTestConfig();
  config.incremental_marking = true;
  config.initial_old_generation_limit = 8 * MB;
  config.trace_gc = true;
  config.trace_stream = trace;
  Heap heap(config);
  HandleScope scope(heap);
  Value roots[2];  // head, tail
  const int root_id = heap.AddRootVisitor(RootKind::kOther, "test", [&roots](ObjectVisitor& v) {
    v.VisitSlots(roots, roots + 2);
  });
  roots[0] = roots[1] = Value::FromObject(
      heap.New<TreeNode>(&kTreeNodeType, sizeof(TreeNode), AllocationType::kOld));
  bool saw_marking = false;
  constexpr int kNodes = 300000;  // ~9.6 MB live: crosses the start threshold and the limit
  for (int i = 0; i < kNodes; ++i) {
    auto* node = heap.New<TreeNode>(&kTreeNodeType, sizeof(TreeNode), AllocationType::kOld);
    node->id = Value::FromSmi(i);
    auto* tail = roots[1].ToObject()->As<TreeNode>();
    Store(tail, &tail->left, Value::FromObject(node));
    roots[1] = Value::FromObject(node);
    saw_marking |= heap.IsIncrementalMarkingForTesting();
  }
  EXPECT_TRUE(saw_marking);
  int length = 0;
  for (Value v = roots[0].ToObject()->As<TreeNode>()->left; v.IsHeapObject();
       v = v.ToObject()->As<TreeNode>()->left) {
    ASSERT_EQ(v.ToObject()->As<TreeNode>()->id.ToSmi(), length);
    ++length;
  }
  EXPECT_EQ(length, kNodes);
  fflush(trace);
  rewind(trace);
  char line[1024];
  int finalizations = 0;
  while (fgets(line, sizeof(line), trace)) {
    if (std::string(line).find("Incremental marking needs finalization") != std::string::npos) {
      ++finalizations;
    }
  }
  EXPECT_GE(finalizations, 1);
  fclose(trace);
  heap.RemoveRootVisitor(root_id);
}

// gc_interval stress starts a marking cycle after each stress GC, not after every full GC: on a
// small heap one regular step finishes marking, so restarting at once made every old-space
// allocation end in a finalizing full GC (include/tenure/config.h gc_interval).
TEST_F(IncrementalMarkingTest, GcIntervalStressStartsMarkingOncePerStressGC) {
  HeapConfig config = DefaultTestConfig();
  config.incremental_marking = true;
  config.gc_interval = 1000;
  Heap heap(config);
  HandleScope scope(heap);
  auto allocate_old = [&heap](int count) {
    bool saw_marking = false;
    for (int i = 0; i < count; ++i) {
      heap.New<TreeNode>(&kTreeNodeType, sizeof(TreeNode), AllocationType::kOld);
      saw_marking |= heap.IsIncrementalMarkingForTesting();
    }
    return saw_marking;
  };
  // Before the first stress GC: no marking, no full GC, however many old allocations step.
  EXPECT_FALSE(allocate_old(900));
  EXPECT_EQ(heap.gc_statistics().mark_compact_count, 0u);
  // The 1000th allocation runs a stress scavenge; the next allocation step starts marking, which
  // the tiny heap finishes at once: one finalizing full GC for this stress interval.
  allocate_old(900);
  EXPECT_EQ(heap.gc_statistics().scavenge_count, 1u);
  EXPECT_EQ(heap.gc_statistics().mark_compact_count, 1u);
}

// ---- Lazy sweeping ----------------------------------------------------------------------------

class LazySweepingTest : public HeapTest {
 protected:
  LazySweepingTest() : HeapTest(ManualConfig()) {}
};

TEST_F(LazySweepingTest, PagesWithLiveAndDeadObjectsAreSweptAfterThePause) {
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(20000, AllocationType::kOld));
  for (int i = 0; i < 40000; ++i) {
    TreeNode* node = NewNode(i, AllocationType::kOld);
    if (i % 2 == 0) Store(keep.get(), keep->slots() + (i / 2), Value::FromObject(node));
  }
  FullGC();
  const size_t pending = heap().PendingSweepPagesForTesting();
  EXPECT_GT(pending, 2u);
  const size_t old_size = heap().GetHeapSpaceStatistics()[1].space_size;
  for (int i = 0; i < 10000; ++i) NewNode(i, AllocationType::kOld);  // fits in the swept holes
  EXPECT_LT(heap().PendingSweepPagesForTesting(), pending);
  EXPECT_LE(heap().GetHeapSpaceStatistics()[1].space_size, old_size)
      << "allocation must reuse lazily swept memory before mapping pages";
  size_t objects = 0;
  heap().IterateObjects([&objects](HeapObject*) { ++objects; });  // finishes sweeping first
  EXPECT_EQ(heap().PendingSweepPagesForTesting(), 0u);
  EXPECT_GE(objects, 20001u);
  for (int i = 0; i < 20000; ++i) {
    ASSERT_EQ(keep->slots()[i].ToObject()->As<TreeNode>()->id.ToSmi(), i * 2);
  }
}

TEST_F(LazySweepingTest, CompactionWithPendingPagesUpdatesOnlyLiveObjects) {
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(20000, AllocationType::kOld));
  for (int i = 0; i < 40000; ++i) {
    TreeNode* node = NewNode(i, AllocationType::kOld);
    if (i % 2 == 0) Store(keep.get(), keep->slots() + (i / 2), Value::FromObject(node));
  }
  FullGC();
  ASSERT_GT(heap().PendingSweepPagesForTesting(), 0u);
  heap().ForceEvacuationCandidateForTesting(keep->slots()[0].ToObject());
  FullGC();  // sweeps first, then compacts; dead objects of new pending pages are skipped
  for (int i = 0; i < 20000; ++i) {
    ASSERT_EQ(keep->slots()[i].ToObject()->As<TreeNode>()->id.ToSmi(), i * 2);
  }
}

TEST_F(LazySweepingTest, PagesWithOldToNewSlotsAreSafeForScavengesAfterThePause) {
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(100, AllocationType::kOld));
  for (int i = 0; i < 100; ++i) Store(keep.get(), keep->slots() + i, Value::FromObject(NewNode(i)));
  for (int i = 0; i < 20000; ++i) NewNode(i, AllocationType::kOld);
  FullGC();
  // The page of `keep` holds old->new slots: it stays pending with filtered bits
  // (remembered_set_filter_test.cc). A scavenge right after must be safe.
  Scavenge();
  Scavenge();
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(keep->slots()[i].ToObject()->As<TreeNode>()->id.ToSmi(), i);
  }
}

}  // namespace
}  // namespace tenure::testing
