// Copyright the tenure authors.
// page_promotion_test.cc — fast promotion by moving whole new-space pages into old space
// (HeapConfig::fast_promotion_move_pages, scavenger.h EvacuateYoungGeneration, docs/heap.md
// section 17): addresses stay, objects become old, the heap verifies (verify_heap is on in every
// test: before and after each GC), dead objects on moved pages are reclaimed by the next full GC,
// incremental marking, weak globals and young large objects stay right, and the copying path is
// taken when the old generation cannot take the pages or the knob is off.
#include <algorithm>
#include <cstring>
#include <vector>

#include "allocation-site.h"
#include "heap_test_fixture.h"
#include "large-object-space.h"
#include "new-space.h"
#include "old-space.h"

namespace tenure::testing {
namespace {

constexpr int kNodes = 12000;  // 12000 * 32 B = 384 KB: 75% of a 512 KiB semispace

HeapConfig PageMoveConfig(bool move_pages = true) {
  HeapConfig config = DefaultTestConfig();
  config.initial_semi_space_size = config.max_semi_space_size = 512 * KB;
  config.fast_promotion_survival_percent = 50;
  config.fast_promotion_move_pages = move_pages;
  return config;
}

class PagePromotionTest : public HeapTest {
 protected:
  explicit PagePromotionTest(const HeapConfig& config = PageMoveConfig()) : HeapTest(config) {}

  internal::NewSpace* new_space() { return heap().new_space(); }
  size_t page_moves() { return new_space()->page_move_count(); }

  // An old array holding kNodes young nodes (ids 0..kNodes-1), then one copying scavenge: 75%
  // survive, so the next scavenge is in fast promotion mode.
  Local<ValueArray> EnterFastPromotionMode() {
    Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(kNodes, AllocationType::kOld));
    for (int i = 0; i < kNodes; ++i) {
      Store(keep.get(), keep->slots() + i, Value::FromObject(NewNode(i)));
    }
    Scavenge();
    EXPECT_TRUE(new_space()->fast_promotion_mode());
    EXPECT_EQ(page_moves(), 0u);
    return keep;
  }
  std::vector<HeapObject*> Addresses(ValueArray* keep) {
    std::vector<HeapObject*> out;
    for (int i = 0; i < kNodes; ++i) out.push_back(keep->slots()[i].ToObject());
    return out;
  }
  void ExpectIdsIntact(ValueArray* keep) {
    for (int i = 0; i < kNodes; ++i) ASSERT_EQ(keep->slots()[i].As<TreeNode>()->id.ToSmi(), i);
  }
};

TEST_F(PagePromotionTest, MovesPagesAddressesUnchangedObjectsOld) {
  Local<ValueArray> keep = EnterFastPromotionMode();
  const std::vector<HeapObject*> before = Addresses(keep.get());
  Local<TreeNode> fresh = NewNodeLocal(-1);  // above the age mark: would stay young when copying
  HeapObject* fresh_before = fresh.get();
  const size_t old_pages = heap().old_space()->pages().size();
  const uint64_t promoted_before = heap().gc_statistics().total_promoted_bytes;
  Scavenge();
  EXPECT_EQ(page_moves(), 1u);
  EXPECT_EQ(Addresses(keep.get()), before);
  EXPECT_EQ(fresh.get(), fresh_before);
  EXPECT_TRUE(Heap::InOldGeneration(fresh.get()));
  for (HeapObject* object : before) ASSERT_TRUE(Heap::InOldGeneration(object));
  ExpectIdsIntact(keep.get());
  EXPECT_GT(heap().old_space()->pages().size(), old_pages);
  EXPECT_GE(heap().gc_statistics().total_promoted_bytes - promoted_before,
            (kNodes + 1) * sizeof(TreeNode));
  // New space restarted empty on one page; the mutator allocates young objects again.
  EXPECT_EQ(new_space()->Size(), 0u);
  Local<TreeNode> later = NewNodeLocal(-2);
  EXPECT_TRUE(Heap::InYoungGeneration(later.get()));
  // A moved object is an old host: a young object stored into it is found by the next scavenge.
  TreeNode* host = keep->slots()[7].As<TreeNode>();
  Link(host, &host->left, NewNode(1000));
  Scavenge();
  ASSERT_TRUE(host->left.IsHeapObject());
  EXPECT_EQ(host->left.As<TreeNode>()->id.ToSmi(), 1000);
  heap().VerifyHeapForTesting();
}

TEST_F(PagePromotionTest, FullGcReclaimsDeadObjectsOnMovedPagesAndEndsTheMode) {
  Local<ValueArray> keep = EnterFastPromotionMode();
  for (int i = 0; i < 4000; ++i) NewNode(-i);  // garbage on the pages that will move
  Scavenge();
  ASSERT_EQ(page_moves(), 1u);
  ASSERT_TRUE(new_space()->fast_promotion_mode());  // moved bytes count as survivors
  const size_t old_with_garbage = heap().old_space()->size_of_objects();
  // Everything on the moved pages dies except node 0.
  for (int i = 1; i < kNodes; ++i) keep->slots()[i] = Value::FromSmi(i);
  FullGC();
  EXPECT_LE(heap().old_space()->size_of_objects() + (kNodes + 4000 - 1) * sizeof(TreeNode),
            old_with_garbage);
  EXPECT_EQ(keep->slots()[0].As<TreeNode>()->id.ToSmi(), 0);
  // The moved batch did not survive: the next scavenge copies again (and measures).
  EXPECT_FALSE(new_space()->fast_promotion_mode());
  Local<TreeNode> young = NewNodeLocal(5);
  Scavenge();
  EXPECT_EQ(page_moves(), 1u);
  EXPECT_TRUE(Heap::InYoungGeneration(young.get()));
}

TEST_F(PagePromotionTest, FullGcRightAfterALiveMoveKeepsTheMode) {
  Local<ValueArray> keep = EnterFastPromotionMode();
  Scavenge();
  ASSERT_EQ(page_moves(), 1u);
  FullGC();
  ExpectIdsIntact(keep.get());
  EXPECT_TRUE(new_space()->fast_promotion_mode());
}

// Marking runs across the move: the old array is black before the move, its nodes were young
// (recorded young slots); after the move they are white old objects that must be greyed, and
// objects reachable only through moved objects must survive the finalizing GC.
TEST_F(PagePromotionTest, IncrementalMarkingInProgressDuringTheMove) {
  Local<ValueArray> keep = EnterFastPromotionMode();
  // Each node 0..99 gets a young child reachable only through it.
  for (int i = 0; i < 100; ++i) {
    TreeNode* node = keep->slots()[i].As<TreeNode>();
    Link(node, &node->left, NewNode(100000 + i));
  }
  Local<ValueArray> extra = Local<ValueArray>::New(heap(), NewArray(10, AllocationType::kOld));
  heap().StartIncrementalMarkingForTesting();
  ASSERT_TRUE(heap().IsIncrementalMarkingForTesting());
  // Small steps (each scans at least one object): the arrays (old) become black.
  for (int i = 0; i < 3; ++i) heap().IncrementalMarkingStepForTesting(1);
  ASSERT_TRUE(heap().IsIncrementalMarkingForTesting());
  // Stores during marking into the black array: young objects, recorded as young slots.
  for (int i = 0; i < 10; ++i) Store(extra.get(), extra->slots() + i, Value::FromObject(NewNode(-i)));
  const size_t moves = page_moves();
  Scavenge();
  ASSERT_EQ(page_moves(), moves + 1);
  ASSERT_TRUE(heap().IsIncrementalMarkingForTesting());
  heap().IncrementalMarkingStepForTesting(1);
  FullGC();  // finalizes marking
  ExpectIdsIntact(keep.get());
  for (int i = 0; i < 100; ++i) {
    TreeNode* node = keep->slots()[i].As<TreeNode>();
    ASSERT_EQ(node->left.As<TreeNode>()->id.ToSmi(), 100000 + i);
  }
  for (int i = 0; i < 10; ++i) ASSERT_EQ(extra->slots()[i].As<TreeNode>()->id.ToSmi(), -i);
  heap().VerifyHeapForTesting();
}

// V8 semantics: every object on a moved page survives the move (weak globals to dead ones too);
// the next full GC clears the dead ones.
TEST_F(PagePromotionTest, WeakGlobalsToMovedObjectsSurviveUntilAFullGc) {
  Local<ValueArray> keep = EnterFastPromotionMode();
  Global<TreeNode> weak_live(heap(), keep->slots()[5].ToObject());
  weak_live.SetWeak();
  HeapObject* live_before = keep->slots()[5].ToObject();
  Global<TreeNode> weak_dead(heap(), NewNode(77));
  weak_dead.SetWeak();
  Scavenge();
  ASSERT_EQ(page_moves(), 1u);
  ASSERT_FALSE(weak_live.IsEmpty());
  EXPECT_EQ(weak_live.value().ToObject(), live_before);
  EXPECT_TRUE(Heap::InOldGeneration(weak_live.value().ToObject()));
  ASSERT_FALSE(weak_dead.IsEmpty());
  EXPECT_EQ(weak_dead.value().As<TreeNode>()->id.ToSmi(), 77);
  FullGC();
  EXPECT_TRUE(weak_dead.IsEmpty());
  ASSERT_FALSE(weak_live.IsEmpty());
  EXPECT_EQ(weak_live.value().As<TreeNode>()->id.ToSmi(), 5);
}

TEST_F(PagePromotionTest, YoungLargeObjectsArePromotedWithThePages) {
  EnterFastPromotionMode();
  Local<ValueArray> large = Local<ValueArray>::New(heap(), NewArray(20000));  // 160 KB
  ASSERT_TRUE(Heap::InYoungGeneration(large.get()));
  ASSERT_EQ(heap().new_lo_space()->pages().size(), 1u);
  Link(large.get(), large->slots() + 3, NewNode(42));
  HeapObject* large_before = large.get();
  Scavenge();
  ASSERT_EQ(page_moves(), 1u);
  EXPECT_EQ(large.get(), large_before);
  EXPECT_TRUE(Heap::InOldGeneration(large.get()));
  EXPECT_TRUE(heap().new_lo_space()->pages().empty());
  EXPECT_TRUE(Heap::InOldGeneration(large->slots()[3].ToObject()));
  EXPECT_EQ(large->slots()[3].As<TreeNode>()->id.ToSmi(), 42);
  // Its slots are old->old now; a young store is recorded and survives the next scavenge.
  Link(large.get(), large->slots() + 4, NewNode(43));
  Scavenge();
  EXPECT_EQ(large->slots()[4].As<TreeNode>()->id.ToSmi(), 43);
}

// 40-byte objects leave an 8-byte remainder on a 261 888-byte page area: the tail reserve
// (new-space.h) must keep >= 16 bytes above every page's top so the moved page ends in a filler.
TEST_F(PagePromotionTest, FortyByteObjectsFillPagesAndTheMovedPagesVerify) {
  Local<ValueArray> keep = EnterFastPromotionMode();
  constexpr int kStrings = 12000;  // 480 KB: spans both to-space pages up to their ends
  Local<ValueArray> strings =
      Local<ValueArray>::New(heap(), NewArray(kStrings, AllocationType::kOld));
  const size_t moves = page_moves();
  for (int i = 0; i < kStrings; ++i) {
    ByteString* s = NewString("abcdefghijklmnopqrstuvwx");  // 16 + 24 = 40 bytes
    Store(strings.get(), strings->slots() + i, Value::FromObject(s));
  }
  // Allocation filled new space at least once: the scavenges it triggered moved pages.
  EXPECT_GT(page_moves(), moves);
  heap().VerifyHeapForTesting();
  for (int i = 0; i < kStrings; ++i) {
    ASSERT_EQ(strings->slots()[i].As<ByteString>()->view(), "abcdefghijklmnopqrstuvwx");
  }
  FullGC();
  ExpectIdsIntact(keep.get());
}

// The old generation cannot take whole pages (V8 CanPromoteYoungAndExpandOldGeneration): the
// fast-promotion scavenge copies the survivors instead.
TEST_F(PagePromotionTest, OldGenerationLimitFallsBackToCopying) {
  Local<ValueArray> keep = EnterFastPromotionMode();
  // Keep one node in four: the copy needs ~96 KB, moving would need every used to-space page.
  for (int i = 0; i < kNodes; ++i) {
    if (i % 4 != 0) keep->slots()[i] = Value::FromSmi(i);
  }
  const size_t area = internal::kPageSize - internal::kPageHeaderSize;
  const size_t old_capacity =
      heap().old_space()->pages().size() * area + heap().lo_space()->size_of_objects();
  // Room for one more old page, not for the used to-space pages (>= 2).
  ASSERT_GE(new_space()->committed_capacity(), 2 * area);
  heap().SetMaxOldSpaceSizeForTesting(old_capacity + area + area / 2);
  HeapObject* node0 = keep->slots()[0].ToObject();
  Scavenge();
  EXPECT_EQ(page_moves(), 0u);
  EXPECT_NE(keep->slots()[0].ToObject(), node0);  // copied
  for (int i = 0; i < kNodes; i += 4) {
    ASSERT_TRUE(Heap::InOldGeneration(keep->slots()[i].ToObject()));
    ASSERT_EQ(keep->slots()[i].As<TreeNode>()->id.ToSmi(), i);
  }
}

// No object moves, so a move listener (heap-snapshot ids) hears nothing and ids stay valid.
TEST_F(PagePromotionTest, MoveListenerHearsNothing) {
  struct Recorder : ObjectMoveListener {
    int moves = 0;
    void OnObjectMoved(HeapObject*, HeapObject*, size_t) override { ++moves; }
  } recorder;
  Local<ValueArray> keep = EnterFastPromotionMode();
  heap().SetObjectMoveListener(&recorder);
  Scavenge();
  heap().SetObjectMoveListener(nullptr);
  ASSERT_EQ(page_moves(), 1u);
  EXPECT_EQ(recorder.moves, 0);
  ExpectIdsIntact(keep.get());
}

// After a page move, to-space restarts on a page nobody zeroed (new-space.h
// TakePagesForPromotion): the heap treats the moved allocation area as not zeroed, so a zeroing
// allocation right after the move still reads as zero (docs/heap.md section 23).
TEST_F(PagePromotionTest, ZeroingAllocationAfterAPageMoveReadsAsZero) {
  for (int i = 0; i < 2000; ++i) {  // ~2 MB of 0xAB garbage: the reserve pages hold stale bytes
    auto* s = heap().New<ByteString>(&kByteStringType, sizeof(ByteString) + 1000);
    s->length = 1000;
    std::memset(s->chars(), 0xAB, 1000);
  }
  Scavenge();
  Local<ValueArray> keep = EnterFastPromotionMode();
  Scavenge();  // moves the kept nodes' pages
  ASSERT_EQ(page_moves(), 1u);
  auto* probe = heap().NewUninitialized<TreeNode>(&kTreeNodeType);
  const bool stale = probe->left.raw() != 0 || probe->right.raw() != 0 || probe->id.raw() != 0;
  probe->left = probe->right = probe->id = Value();
  ValueArray* array = NewArray(300);
  for (int64_t j = 0; j < array->size(); ++j) ASSERT_TRUE(array->slots()[j].IsEmpty()) << j;
  EXPECT_TRUE(stale);  // the test did run on a page nobody zeroed
  ExpectIdsIntact(keep.get());
}

class PagePromotionOffTest : public PagePromotionTest {
 protected:
  PagePromotionOffTest() : PagePromotionTest(PageMoveConfig(/*move_pages=*/false)) {}
};

TEST_F(PagePromotionOffTest, KnobOffCopies) {
  Local<ValueArray> keep = EnterFastPromotionMode();
  const std::vector<HeapObject*> before = Addresses(keep.get());
  Scavenge();
  EXPECT_EQ(page_moves(), 0u);
  EXPECT_NE(Addresses(keep.get()), before);
  ExpectIdsIntact(keep.get());
  for (int i = 0; i < kNodes; ++i) ASSERT_TRUE(Heap::InOldGeneration(keep->slots()[i].ToObject()));
}

// allocation-site.h kPageMayHoldMementos: the scavenger looks for a memento only on pages flagged
// when one was written there, and clears the flag of the pages it evacuated (a scavenge in fast
// promotion mode moves them to old space, which clears it too). A memento written behind an object
// without the flag, on a nursery page that earlier held real mementos, is therefore not found.
TEST_F(PagePromotionOffTest, MementosAreSearchedOnlyOnPagesFlaggedWhenOneWasWritten) {
  constexpr int kCount = 200;  // >= AllocationSite::kMinMementoCount: one scavenge decides
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(2 * kCount, AllocationType::kOld));
  AllocationSite* real = heap().NewAllocationSite();
  std::vector<uintptr_t> flagged_pages;
  for (int i = 0; i < kCount; ++i) {
    HeapObject* node = heap().AllocateAtSite(&kTreeNodeType, sizeof(TreeNode), real);
    static_cast<TreeNode*>(node)->id = Value::FromSmi(i);
    ASSERT_NE(internal::ChunkFlags(node) & internal::kPageMayHoldMementos, 0u);
    flagged_pages.push_back(reinterpret_cast<uintptr_t>(internal::ChunkOf(node)));
    Store(keep.get(), keep->slots() + i, Value::FromObject(node));
  }
  Scavenge();  // 200 of 200 found
  EXPECT_EQ(real->decision(), PretenureDecision::kTenure);
  auto on_flagged_page = [&](const HeapObject* object) {
    const uintptr_t page = reinterpret_cast<uintptr_t>(internal::ChunkOf(object));
    return std::count(flagged_pages.begin(), flagged_pages.end(), page) > 0;
  };
  // Scavenge until allocation is back on a page that held the real mementos (semispace pages
  // alternate between to-space and the reserve).
  bool recycled = false;
  for (int round = 0; round < 8 && !recycled; ++round) {
    Scavenge();
    recycled = on_flagged_page(NewNode(-1));
  }
  ASSERT_TRUE(recycled);
  AllocationSite* forged = heap().NewAllocationSite();
  int on_recycled_page = 0;
  for (int i = 0; i < kCount; ++i) {
    TreeNode* node = NewNode(i);
    ByteString* tail = NewString("");  // 16 bytes, like a memento
    ASSERT_EQ(tail->address(), node->address() + sizeof(TreeNode));
    ASSERT_EQ(internal::ChunkFlags(node) & internal::kPageMayHoldMementos, 0u);
    on_recycled_page += on_flagged_page(node) ? 1 : 0;
    auto* memento = reinterpret_cast<internal::AllocationMemento*>(tail);
    memento->set_type(&internal::kAllocationMementoType);
    memento->site = reinterpret_cast<uintptr_t>(forged);
    forged->IncrementMementoCreateCount();
    Store(keep.get(), keep->slots() + kCount + i, Value::FromObject(node));
  }
  EXPECT_GE(on_recycled_page, static_cast<int>(AllocationSite::kMinMementoCount));
  Scavenge();
  EXPECT_EQ(forged->decision(), PretenureDecision::kDontTenure);  // 0 of 200 found
  for (int i = 0; i < kCount; ++i) {
    ASSERT_EQ(keep->slots()[kCount + i].As<TreeNode>()->id.ToSmi(), i);
  }
}

// Stress: gc_interval forces scavenges at arbitrary points, fast promotion after any survivor
// (percent 1), so most scavenges move pages; the graph and weak globals must stay right.
TEST(PagePromotionStressTest, GcIntervalMovesPagesAndKeepsTheGraph) {
  HeapConfig config = DefaultTestConfig();
  config.initial_semi_space_size = config.max_semi_space_size = 256 * KB;
  config.fast_promotion_survival_percent = 1;
  config.gc_interval = 1999;  // ~64 KB between scavenges: 1 in 7 nodes kept, > 1% survive
  Heap heap(config);
  HandleScope scope(heap);
  constexpr int kKept = 3000;
  Local<ValueArray> keep = Local<ValueArray>::New(
      heap, heap.New<ValueArray>(&kValueArrayType, 16 + 8 * kKept, AllocationType::kOld));
  keep->length = Value::FromSmi(kKept);
  std::vector<std::unique_ptr<Global<TreeNode>>> weak;
  for (int i = 0; i < 40000; ++i) {
    auto* node = heap.New<TreeNode>(&kTreeNodeType);
    node->id = Value::FromSmi(i);
    if (i % 7 == 0) {
      const int slot = (i / 7) % kKept;
      Value previous = keep->slots()[slot];
      if (previous.IsHeapObject()) Store(node, &node->left, previous);
      Store(keep.get(), keep->slots() + slot, Value::FromObject(node));
    }
    if (i % 1000 == 0) {
      weak.push_back(std::make_unique<Global<TreeNode>>(heap, node));
      weak.back()->SetWeak();
    }
  }
  EXPECT_GE(heap.new_space()->page_move_count(), 5u);
  for (int s = 0; s < kKept; ++s) {
    Value v = keep->slots()[s];
    while (v.IsHeapObject()) {
      const int64_t id = v.As<TreeNode>()->id.ToSmi();
      ASSERT_EQ(id % 7, 0);
      ASSERT_EQ((id / 7) % kKept, s);
      v = v.As<TreeNode>()->left;
    }
  }
  heap.CollectGarbage(GCType::kMarkCompact);
  for (auto& g : weak) {
    if (!g->IsEmpty()) {
      ASSERT_EQ(g->value().As<TreeNode>()->id.ToSmi() % 1000, 0);
    }
  }
  heap.VerifyHeapForTesting();
}

// Moved bytes of unknown liveness (new-space.h; docs/heap.md section 15.1): once fast
// promotion mode has ended, pages moved since the last full GC that are >= 4 MiB and >= a quarter
// of the old generation start incremental marking, so a moved structure that died (GCBench's
// stretch tree) is reclaimed by the finalizing full GC instead of staying until the old
// generation's limit. The list is ~4.6 MB: below the regular start point (3/4 of the 8 MiB
// initial limit), so only the new rule can start marking here.
class MovedBytesMarkingTest : public PagePromotionTest {
 protected:
  MovedBytesMarkingTest() = default;
  explicit MovedBytesMarkingTest(const HeapConfig& config) : PagePromotionTest(config) {}
  // A singly linked list of `count` young nodes (ids first_id.., node i -> node i-1, the previous
  // `head`) held by `head`: all live while built, so nurseries are moved page by page.
  void BuildList(int count, Local<TreeNode> head, int first_id = 0) {
    for (int i = first_id; i < first_id + count; ++i) {
      TreeNode* node = NewNode(i);
      node->left = head.value();  // fresh young object: no barrier needed (write-barrier.h)
      head.Set(Value::FromObject(node));
    }
  }
  // Two explicit scavenges of a (nearly) empty nursery: the second finds no survivors, so fast
  // promotion mode ends (the moved-bytes rule only applies outside the mode).
  void EndFastPromotionMode() {
    Scavenge();
    Scavenge();
    ASSERT_FALSE(new_space()->fast_promotion_mode());
  }
  // Allocates up to `bytes` of garbage nodes; returns true as soon as a full GC ran. Sets
  // `saw_marking` if incremental marking was in progress at some allocation.
  bool AllocateGarbageUntilFullGC(size_t bytes, bool* saw_marking) {
    const uint64_t full_gcs = heap().gc_statistics().mark_compact_count;
    for (size_t done = 0; done < bytes; done += sizeof(TreeNode)) {
      HandleScope scope(heap());
      NewNode(-2);
      if (heap().IsIncrementalMarkingForTesting()) *saw_marking = true;
      if (heap().gc_statistics().mark_compact_count != full_gcs) return true;
    }
    return false;
  }
};

constexpr int kListNodes = 150000;  // 150000 * 32 B = 4.6 MB, >= kMinPageMoveBytesForMarking

TEST_F(MovedBytesMarkingTest, DeadMovedStructureIsReclaimedWithoutExplicitFullGC) {
  {
    HandleScope scope(heap());
    Local<TreeNode> head = Local<TreeNode>::New(heap(), Value());
    BuildList(kListNodes, head);
    EXPECT_GE(page_moves(), 5u);
    EXPECT_TRUE(new_space()->fast_promotion_mode());
    EXPECT_GE(new_space()->moved_bytes_since_full_gc(), internal::NewSpace::kMinPageMoveBytesForMarking);
    // While the mode is on the structure is still being built: no marking yet.
    EXPECT_FALSE(heap().IsIncrementalMarkingForTesting());
    EXPECT_EQ(heap().gc_statistics().mark_compact_count, 0u);
  }  // the list dies
  EndFastPromotionMode();
  EXPECT_TRUE(new_space()->PageMovesNeedMarking(heap().old_space()->size_of_objects()));
  bool saw_marking = false;
  // Nothing is live, so the marking started by a page advance finishes within that first step
  // and finalizes at once (the live case below sees the marking in progress).
  ASSERT_TRUE(AllocateGarbageUntilFullGC(4 * MB, &saw_marking));
  EXPECT_EQ(new_space()->moved_bytes_since_full_gc(), 0u);
  EXPECT_FALSE(new_space()->PageMovesNeedMarking(heap().old_space()->size_of_objects()));
  // The dead list's bytes left the old generation; its empty pages are released.
  EXPECT_LT(heap().old_space()->size_of_objects(), 512 * KB);
  EXPECT_LT(heap().old_space()->pages().size(), 4u);
}

TEST_F(MovedBytesMarkingTest, LiveMovedStructureSurvivesTheMarking) {
  Local<TreeNode> head = Local<TreeNode>::New(heap(), Value());
  BuildList(kListNodes, head);
  EndFastPromotionMode();
  bool saw_marking = false;
  ASSERT_TRUE(AllocateGarbageUntilFullGC(4 * MB, &saw_marking));
  EXPECT_TRUE(saw_marking);
  // Every node is still there, in order, and old.
  int n = 0;
  for (Value v = head.value(); v.IsHeapObject(); v = v.As<TreeNode>()->left, ++n) {
    ASSERT_EQ(v.As<TreeNode>()->id.ToSmi(), kListNodes - 1 - n);
    ASSERT_TRUE(Heap::InOldGeneration(v.ToObject()));
  }
  EXPECT_EQ(n, kListNodes);
  EXPECT_GE(heap().old_space()->size_of_objects(), kListNodes * sizeof(TreeNode));
  // The question was answered: no further marking is requested for these pages.
  EXPECT_FALSE(new_space()->PageMovesNeedMarking(heap().old_space()->size_of_objects()));
  saw_marking = false;
  EXPECT_FALSE(AllocateGarbageUntilFullGC(2 * MB, &saw_marking));
  EXPECT_FALSE(saw_marking);
}

TEST_F(MovedBytesMarkingTest, BelowTheThresholdNoMarkingStarts) {
  {
    HandleScope scope(heap());
    Local<TreeNode> head = Local<TreeNode>::New(heap(), Value());
    BuildList(kListNodes / 3, head);  // ~1.5 MB moved: below 4 MiB
    EXPECT_GE(page_moves(), 1u);
  }
  EndFastPromotionMode();
  EXPECT_LT(new_space()->moved_bytes_since_full_gc(), internal::NewSpace::kMinPageMoveBytesForMarking);
  EXPECT_FALSE(new_space()->PageMovesNeedMarking(heap().old_space()->size_of_objects()));
  bool saw_marking = false;
  EXPECT_FALSE(AllocateGarbageUntilFullGC(4 * MB, &saw_marking));
  EXPECT_FALSE(saw_marking);
}

TEST_F(MovedBytesMarkingTest, ExplicitFullGCResetsTheMovedBytes) {
  {
    HandleScope scope(heap());
    Local<TreeNode> head = Local<TreeNode>::New(heap(), Value());
    BuildList(kListNodes, head);
  }
  EXPECT_GE(new_space()->moved_bytes_since_full_gc(), internal::NewSpace::kMinPageMoveBytesForMarking);
  FullGC();
  EXPECT_EQ(new_space()->moved_bytes_since_full_gc(), 0u);
  EndFastPromotionMode();
  EXPECT_FALSE(new_space()->PageMovesNeedMarking(heap().old_space()->size_of_objects()));
}

// Garbage moved while fast promotion mode stays on (new-space.h "Moved bytes of unknown
// liveness", docs/heap.md section 17.1). The initial old-generation limit is raised to 64 MB so
// the ordinary limit cannot be what starts a full GC here.
HeapConfig InModeMarkingConfig() {
  HeapConfig config = PageMoveConfig();
  config.initial_old_generation_limit = 64 * MB;
  return config;
}

class MovedBytesInModeTest : public MovedBytesMarkingTest {
 protected:
  MovedBytesInModeTest() : MovedBytesMarkingTest(InModeMarkingConfig()) {}
  uint64_t full_gcs() { return heap().gc_statistics().mark_compact_count; }
  // BuildList, noting whether incremental marking ran while the mode was on and the largest old
  // space seen (sampled every 1000 nodes).
  void BuildListWatching(int count, Local<TreeNode> head, bool* marked_in_mode, size_t* max_old) {
    for (int done = 0; done < count; done += 1000) {
      BuildList(std::min(1000, count - done), head, done);
      if (heap().IsIncrementalMarkingForTesting() && new_space()->fast_promotion_mode()) *marked_in_mode = true;
      *max_old = std::max(*max_old, heap().old_space()->size_of_objects());
    }
  }
};

TEST_F(MovedBytesInModeTest, GarbageMovedWhileTheModeStaysOnIsMarked) {
  bool marked_in_mode = false;
  size_t max_old = 0;
  for (int round = 0; round < 5; ++round) {  // 5 lists of 4.6 MB, each dropped when done
    HandleScope scope(heap());
    Local<TreeNode> head = Local<TreeNode>::New(heap(), Value());
    BuildListWatching(kListNodes, head, &marked_in_mode, &max_old);
  }
  EXPECT_GE(page_moves(), 25u);  // every nursery was moved, the dropped lists' pages included
  EXPECT_TRUE(marked_in_mode);
  EXPECT_GE(full_gcs(), 1u);
  // Without the rule all 23 MB stay in old space until the 64 MB limit.
  EXPECT_LT(max_old, 16 * MB);
}

TEST_F(MovedBytesInModeTest, LiveStructureBuiltInTheModeIsMarkedGeometrically) {
  Local<TreeNode> head = Local<TreeNode>::New(heap(), Value());
  bool marked_in_mode = false;
  size_t max_old = 0;
  BuildListWatching(4 * kListNodes, head, &marked_in_mode, &max_old);  // 18.4 MB, all live
  // The first marking after 8 MiB moved, the next only after the live size again: at most two.
  EXPECT_GE(full_gcs(), 1u);
  EXPECT_LE(full_gcs(), 2u);
  EXPECT_TRUE(new_space()->fast_promotion_mode());  // the live batches kept the mode on
  int n = 0;
  for (Value v = head.value(); v.IsHeapObject(); v = v.As<TreeNode>()->left, ++n) {
    ASSERT_EQ(v.As<TreeNode>()->id.ToSmi(), 4 * kListNodes - 1 - n);
  }
  EXPECT_EQ(n, 4 * kListNodes);
}

}  // namespace
}  // namespace tenure::testing
