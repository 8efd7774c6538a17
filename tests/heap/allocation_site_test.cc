// Copyright the tenure authors.
// allocation_site_test.cc — allocation-site pretenuring in the library alone (no runtime):
// mementos, survival feedback, decisions, old-space allocation with correct barriers, black
// allocation during incremental marking, and the way back (include/tenure/allocation-site.h).
#include <vector>

#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

// 1 MiB semispaces from the start: the nursery is at its maximum, so a site may be tenured at once.
HeapConfig SiteConfig() {
  HeapConfig config = DefaultTestConfig();
  config.initial_semi_space_size = 1 * MB;
  config.max_semi_space_size = 1 * MB;
  return config;
}

class AllocationSiteTest : public HeapTest {
 protected:
  AllocationSiteTest() : HeapTest(SiteConfig()) {}
  explicit AllocationSiteTest(const HeapConfig& config) : HeapTest(config) {}

  TreeNode* NewNodeAt(AllocationSite* site, int64_t id) {
    auto* node = static_cast<TreeNode*>(heap().AllocateAtSite(&kTreeNodeType, sizeof(TreeNode), site));
    node->id = Value::FromSmi(id);  // an immediate: no barrier needed even in old space
    return node;
  }

  // Allocates `count` nodes at `site`; keeps them alive in an old array when `keep` is set.
  // Returns the holder array (or an empty handle).
  Local<ValueArray> AllocateMany(AllocationSite* site, int count, bool keep) {
    Local<ValueArray> holder;
    if (keep) holder = Local<ValueArray>::New(heap(), NewArray(count, AllocationType::kOld));
    for (int i = 0; i < count; ++i) {
      TreeNode* node = NewNodeAt(site, i);
      if (keep) Store(holder.get(), &holder->slots()[i], Value::FromObject(node));
    }
    return holder;
  }

  // Drives `site` to kTenure: 2000 surviving allocations, then a scavenge.
  Local<ValueArray> TenureSite(AllocationSite* site) {
    [[maybe_unused]] Local<ValueArray> keep = AllocateMany(site, 2000, /*keep=*/true);
    Scavenge();
    return keep;
  }
};

TEST_F(AllocationSiteTest, SiteIsTenuredAfterEnoughSurvivorsAndAllocatesOld) {
  AllocationSite* site = heap().NewAllocationSite();
  EXPECT_EQ(site->decision(), PretenureDecision::kUndecided);
  [[maybe_unused]] Local<ValueArray> keep = AllocateMany(site, 2000, /*keep=*/true);
  EXPECT_EQ(site->memento_create_count(), 2000u);
  EXPECT_TRUE(Heap::InYoungGeneration(keep->slots()[0].ToObject()));
  Scavenge();
  EXPECT_EQ(site->decision(), PretenureDecision::kTenure);
  EXPECT_EQ(site->memento_create_count(), 0u);  // counts restart after each digest
  TreeNode* next = NewNodeAt(site, 7);
  EXPECT_FALSE(Heap::InYoungGeneration(next));
  EXPECT_EQ(site->old_allocations(), 1u);
  // The survivors were copied once and keep their contents.
  for (int i = 0; i < 2000; i += 97) {
    EXPECT_EQ(keep->slots()[i].As<TreeNode>()->id.ToSmi(), i);
  }
}

TEST_F(AllocationSiteTest, SiteWhoseObjectsDieIsNotTenuredAndStopsWritingMementos) {
  AllocationSite* site = heap().NewAllocationSite();
  AllocateMany(site, 2000, /*keep=*/false);
  Scavenge();
  EXPECT_EQ(site->decision(), PretenureDecision::kDontTenure);
  TreeNode* next = NewNodeAt(site, 1);
  EXPECT_TRUE(Heap::InYoungGeneration(next));
  EXPECT_EQ(site->memento_create_count(), 0u);
}

TEST_F(AllocationSiteTest, MixedSurvivalBelowTheRatioIsNotTenured) {
  AllocationSite* site = heap().NewAllocationSite();
  Local<ValueArray> holder = Local<ValueArray>::New(heap(), NewArray(1000, AllocationType::kOld));
  for (int i = 0; i < 1000; ++i) {
    TreeNode* node = NewNodeAt(site, i);
    if (i % 5 != 0) Store(holder.get(), &holder->slots()[i], Value::FromObject(node));  // 80% live
  }
  Scavenge();
  EXPECT_EQ(site->decision(), PretenureDecision::kDontTenure);  // 0.80 < 0.85
}

TEST_F(AllocationSiteTest, FewerThanMinimumMementosDecideNothing) {
  AllocationSite* site = heap().NewAllocationSite();
  [[maybe_unused]] Local<ValueArray> keep = AllocateMany(site, AllocationSite::kMinMementoCount - 1, /*keep=*/true);
  Scavenge();
  EXPECT_EQ(site->decision(), PretenureDecision::kUndecided);
}

TEST_F(AllocationSiteTest, MementosAreInvisibleToHeapWalks) {
  AllocationSite* site = heap().NewAllocationSite();
  [[maybe_unused]] Local<ValueArray> keep = AllocateMany(site, 300, /*keep=*/true);
  size_t nodes = 0;
  size_t others = 0;
  heap().IterateObjects([&](HeapObject* object) {
    if (object->type() == &kTreeNodeType) ++nodes;
    else if (object->type() != &kValueArrayType) ++others;
  });
  EXPECT_EQ(nodes, 300u);
  EXPECT_EQ(others, 0u);
  heap().VerifyHeapForTesting();  // pages with mementos still walk exactly to their tops
}

TEST_F(AllocationSiteTest, PretenuredObjectsMutatedToPointAtYoungObjectsSurvive) {
  AllocationSite* site = heap().NewAllocationSite();
  [[maybe_unused]] Local<ValueArray> warmup = TenureSite(site);
  ASSERT_TRUE(site->IsTenured());
  Local<ValueArray> roots = Local<ValueArray>::New(heap(), NewArray(200, AllocationType::kOld));
  for (int i = 0; i < 200; ++i) {
    TreeNode* parent = NewNodeAt(site, i);
    Store(roots.get(), &roots->slots()[i], Value::FromObject(parent));
    TreeNode* child = NewNode(1000 + i);  // young
    parent = roots->slots()[i].As<TreeNode>();
    // Every kTenuredSampleInterval-th object of a tenured site is a young sample.
    const bool sample = (i + 1) % AllocationSite::kTenuredSampleInterval == 0;
    ASSERT_EQ(Heap::InYoungGeneration(parent), sample) << i;
    Store(parent, &parent->left, Value::FromObject(child));  // old -> young: recorded by the barrier
  }
  heap().VerifyHeapForTesting();  // every old->young slot is in the remembered set
  Scavenge();
  Scavenge();  // the children are promoted by the second one
  heap().ForceEvacuationCandidateForTesting(roots->slots()[0].ToObject());
  FullGC();
  for (int i = 0; i < 200; ++i) {
    TreeNode* parent = roots->slots()[i].As<TreeNode>();
    EXPECT_EQ(parent->id.ToSmi(), i);
    EXPECT_EQ(parent->left.As<TreeNode>()->id.ToSmi(), 1000 + i);
  }
}

using AllocationSiteDeathTest = AllocationSiteTest;

TEST_F(AllocationSiteDeathTest, VerifierCatchesAPretenuredObjectsUnrecordedInitialisingStore) {
  AllocationSite* site = heap().NewAllocationSite();
  [[maybe_unused]] Local<ValueArray> warmup = TenureSite(site);
  ASSERT_TRUE(site->IsTenured());
  Local<TreeNode> parent = Local<TreeNode>::New(heap(), NewNodeAt(site, 1));
  TreeNode* child = NewNode(2);
  // The bug allocation sites invite: initialising a fresh object with a raw store, as if it were
  // young.
  Heap::StoreWithoutBarrierForTesting(&parent->left, Value::FromObject(child));
  EXPECT_DEATH(heap().VerifyHeapForTesting(), "missing from the remembered set");
}

// AllocationInit::kUninitialized (heap.h AllocateAtSite): a tenured site's object is not
// zero-filled; under verify_heap (the fixture's config) it is zapped instead, so a word the
// caller forgets to write is not a silent zero.
TEST_F(AllocationSiteTest, UninitializedPretenuredObjectIsZappedNotZeroedUnderVerifyHeap) {
  AllocationSite* site = heap().NewAllocationSite();
  [[maybe_unused]] Local<ValueArray> warmup = TenureSite(site);
  ASSERT_TRUE(site->IsTenured());
  constexpr uint64_t kZap = 0xdbdbdbdbdbdbdbd8ull;  // heap.cc kUninitializedOldZap
  int old_objects = 0;
  for (int i = 0; i < 8; ++i) {  // one of kTenuredSampleInterval is a young sample: skip it
    auto* node = static_cast<TreeNode*>(
        heap().AllocateAtSite(&kTreeNodeType, sizeof(TreeNode), site, AllocationInit::kUninitialized));
    if (Heap::InYoungGeneration(node)) continue;
    ++old_objects;
    for (Value* v : {&node->left, &node->right, &node->id}) EXPECT_EQ(v->raw(), kZap);
    node->left = node->right = Value::FromSmi(0);
    node->id = Value::FromSmi(i);
    auto* zeroed = static_cast<TreeNode*>(heap().AllocateAtSite(&kTreeNodeType, sizeof(TreeNode), site));
    if (Heap::InYoungGeneration(zeroed)) continue;
    for (Value* v : {&zeroed->left, &zeroed->right, &zeroed->id}) EXPECT_EQ(v->raw(), 0u);
  }
  EXPECT_GE(old_objects, 7);
  heap().VerifyHeapForTesting();
}

TEST_F(AllocationSiteDeathTest, VerifierCatchesAWordAnUninitializedAllocationLeftUnwritten) {
  AllocationSite* site = heap().NewAllocationSite();
  [[maybe_unused]] Local<ValueArray> warmup = TenureSite(site);
  ASSERT_TRUE(site->IsTenured());
  auto* node = static_cast<TreeNode*>(
      heap().AllocateAtSite(&kTreeNodeType, sizeof(TreeNode), site, AllocationInit::kUninitialized));
  if (Heap::InYoungGeneration(node)) {  // the site's young sample: take the next one
    node = static_cast<TreeNode*>(
        heap().AllocateAtSite(&kTreeNodeType, sizeof(TreeNode), site, AllocationInit::kUninitialized));
  }
  ASSERT_FALSE(Heap::InYoungGeneration(node));
  node->right = Value::FromSmi(0);  // `left` is left unwritten
  node->id = Value::FromSmi(1);
  EXPECT_DEATH(heap().VerifyHeapForTesting(), "no object start");
}

TEST_F(AllocationSiteTest, SiteIsUntenuredWhenTheOldGenerationTurnsOver) {
  AllocationSite* site = heap().NewAllocationSite();
  {
    HandleScope inner(heap());
    [[maybe_unused]] Local<ValueArray> warmup = TenureSite(site);
    ASSERT_TRUE(site->IsTenured());
    for (int i = 0; i < 100000; ++i) NewNodeAt(site, i);  // 3.2 MB of old garbage
  }
  FullGC();  // far less than 10% of the old generation survives
  EXPECT_EQ(site->decision(), PretenureDecision::kUndecided);
  EXPECT_EQ(site->times_tenured(), 1u);
  TreeNode* next = NewNodeAt(site, 1);
  EXPECT_TRUE(Heap::InYoungGeneration(next));
  EXPECT_EQ(site->memento_create_count(), 1u);
}

// Tenured samples (allocation-site.h): a tenured site keeps allocating one object in
// kTenuredSampleInterval young, with a memento, and is judged on those samples.
TEST_F(AllocationSiteTest, TenuredSiteAllocatesEveryNthObjectYoungWithAMemento) {
  AllocationSite* site = heap().NewAllocationSite();
  [[maybe_unused]] Local<ValueArray> warmup = TenureSite(site);
  ASSERT_TRUE(site->IsTenured());
  const int n = 4 * static_cast<int>(AllocationSite::kTenuredSampleInterval);
  int young = 0;
  for (int i = 0; i < n; ++i) young += Heap::InYoungGeneration(NewNodeAt(site, i)) ? 1 : 0;
  EXPECT_EQ(young, 4);
  EXPECT_EQ(site->memento_create_count(), 4u);
  EXPECT_EQ(site->old_allocations(), static_cast<uint64_t>(n - 4));
  heap().VerifyHeapForTesting();
}

TEST_F(AllocationSiteTest, TenuredSiteWhoseSamplesDieIsJudgedDontTenureAtAScavenge) {
  AllocationSite* site = heap().NewAllocationSite();
  [[maybe_unused]] Local<ValueArray> warmup = TenureSite(site);
  ASSERT_TRUE(site->IsTenured());
  {
    HandleScope inner(heap());
    // 150 samples, all garbage (the old objects die too, but only a full GC would see that).
    AllocateMany(site, 150 * static_cast<int>(AllocationSite::kTenuredSampleInterval), /*keep=*/false);
  }
  EXPECT_EQ(site->memento_create_count(), 150u);
  Scavenge();
  EXPECT_EQ(site->decision(), PretenureDecision::kDontTenure);
  EXPECT_TRUE(Heap::InYoungGeneration(NewNodeAt(site, 1)));
}

TEST_F(AllocationSiteTest, TenuredSiteWhoseSamplesSurviveStaysTenured) {
  AllocationSite* site = heap().NewAllocationSite();
  [[maybe_unused]] Local<ValueArray> warmup = TenureSite(site);
  ASSERT_TRUE(site->IsTenured());
  [[maybe_unused]] Local<ValueArray> keep =
      AllocateMany(site, 150 * static_cast<int>(AllocationSite::kTenuredSampleInterval), /*keep=*/true);
  Scavenge();
  EXPECT_EQ(site->decision(), PretenureDecision::kTenure);
  EXPECT_EQ(site->memento_create_count(), 0u);  // judged: counts restart
  FullGC();
  EXPECT_EQ(site->decision(), PretenureDecision::kTenure);
  EXPECT_EQ(keep->slots()[31].As<TreeNode>()->id.ToSmi(), 31);  // a sample, promoted
}

// A full GC counts the marked samples and drops their mementos; with a large live old generation
// the 10% rule does not fire, so only the samples can take the site back.
TEST_F(AllocationSiteTest, TenuredSiteWhoseSamplesDieIsJudgedDontTenureAtAFullGC) {
  AllocationSite* site = heap().NewAllocationSite();
  [[maybe_unused]] Local<ValueArray> warmup = TenureSite(site);
  ASSERT_TRUE(site->IsTenured());
  Local<ValueArray> live_old = Local<ValueArray>::New(heap(), NewArray(20000, AllocationType::kOld));
  for (int i = 0; i < 20000; ++i) {
    TreeNode* node = NewNodeLocal(i, AllocationType::kOld).get();
    Store(live_old.get(), &live_old->slots()[i], Value::FromObject(node));
  }
  {
    HandleScope inner(heap());
    AllocateMany(site, 120 * static_cast<int>(AllocationSite::kTenuredSampleInterval), /*keep=*/false);
  }
  ASSERT_EQ(site->memento_create_count(), 120u);  // no scavenge ran in between
  FullGC();
  EXPECT_EQ(site->decision(), PretenureDecision::kDontTenure);
  heap().VerifyHeapForTesting();  // the dropped mementos left fillers that walk to the tops
}

TEST_F(AllocationSiteTest, PretenuredAllocationDuringIncrementalMarkingIsBlack) {
  AllocationSite* site = heap().NewAllocationSite();
  [[maybe_unused]] Local<ValueArray> warmup = TenureSite(site);
  ASSERT_TRUE(site->IsTenured());
  Local<ValueArray> box = Local<ValueArray>::New(heap(), NewArray(1, AllocationType::kOld));
  {
    HandleScope inner(heap());
    Local<TreeNode> white = NewNodeLocal(5, AllocationType::kOld);  // old, unmarked
    heap().StartIncrementalMarkingForTesting();
    ASSERT_TRUE(heap().IsIncrementalMarkingForTesting());
    TreeNode* born = NewNodeAt(site, 9);
    EXPECT_NE(born->raw_header() & HeapObject::kMarkBit, 0u);  // black allocation
    Store(box.get(), &box->slots()[0], Value::FromObject(born));
    // Initialising stores into the black object: a white old object (greyed by the barrier) and a
    // young one (recorded slot).
    Store(born, &born->left, Value::FromObject(white.get()));
    Store(born, &born->right, Value::FromObject(NewNode(6)));
  }  // from here only the black object keeps the white one alive
  heap().IncrementalMarkingStepForTesting(64 * KB);
  Scavenge();
  FullGC();
  TreeNode* born = box->slots()[0].As<TreeNode>();
  EXPECT_EQ(born->id.ToSmi(), 9);
  EXPECT_EQ(born->left.As<TreeNode>()->id.ToSmi(), 5);
  EXPECT_EQ(born->right.As<TreeNode>()->id.ToSmi(), 6);
}

class SmallNurserySiteTest : public AllocationSiteTest {
 protected:
  SmallNurserySiteTest() : AllocationSiteTest([] {
    HeapConfig config = DefaultTestConfig();  // 512 KiB growing to 1 MiB
    return config;
  }()) {}
};

TEST_F(SmallNurserySiteTest, HighSurvivalInASmallNurseryOnlyMaybeTenures) {
  AllocationSite* site = heap().NewAllocationSite();
  [[maybe_unused]] Local<ValueArray> keep = AllocateMany(site, 2000, /*keep=*/true);
  Scavenge();  // ran with 512 KiB semispaces, below min(max 1 MiB, 16 MiB)
  EXPECT_EQ(site->decision(), PretenureDecision::kMaybeTenure);
  EXPECT_TRUE(site->IsTracking());
}

// Mementos are not copied with their objects: a survivor is counted at its first scavenge only.
TEST_F(SmallNurserySiteTest, ObjectsAreCountedOnlyAtTheirFirstScavenge) {
  AllocationSite* site = heap().NewAllocationSite();
  Local<ValueArray> young = Local<ValueArray>::New(heap(), NewArray(200));
  for (int i = 0; i < 200; ++i) {
    TreeNode* node = NewNodeAt(site, i);
    Store(young.get(), &young->slots()[i], Value::FromObject(node));
  }
  Scavenge();  // copies the 200 nodes within new space; their mementos stay in from-space
  EXPECT_EQ(site->decision(), PretenureDecision::kMaybeTenure);
  ASSERT_TRUE(Heap::InYoungGeneration(young->slots()[0].ToObject()));
  Scavenge();  // promotes them: no memento is found behind the copies
  EXPECT_EQ(site->memento_found_count(), 0u);
  EXPECT_EQ(young->slots()[199].As<TreeNode>()->id.ToSmi(), 199);
}

class PretenuringOffTest : public AllocationSiteTest {
 protected:
  PretenuringOffTest() : AllocationSiteTest([] {
    HeapConfig config = SiteConfig();
    config.allocation_site_pretenuring = false;
    return config;
  }()) {}
};

TEST_F(PretenuringOffTest, SitesAreIgnored) {
  AllocationSite* site = heap().NewAllocationSite();
  [[maybe_unused]] Local<ValueArray> keep = AllocateMany(site, 2000, /*keep=*/true);
  EXPECT_EQ(site->memento_create_count(), 0u);
  Scavenge();
  EXPECT_EQ(site->decision(), PretenureDecision::kUndecided);
  EXPECT_TRUE(Heap::InYoungGeneration(NewNodeAt(site, 1)));
}

class StressPretenuringTest : public AllocationSiteTest {
 protected:
  StressPretenuringTest() : AllocationSiteTest([] {
    HeapConfig config = SiteConfig();
    config.stress_pretenuring = true;
    config.gc_interval = 3;
    return config;
  }()) {}
};

// Every allocation at a site is old; GCs every third allocation (the slow path) interleave with
// the initialising stores; the structure survives with its contents under the verifier.
TEST_F(StressPretenuringTest, ListBuiltFromPretenuredNodesSurvivesStressGCs) {
  AllocationSite* site = heap().NewAllocationSite();
  EXPECT_TRUE(site->IsTenured());
  Local<TreeNode> head = Local<TreeNode>::New(heap(), NewNodeAt(site, 0));
  for (int i = 1; i < 500; ++i) {
    Local<TreeNode> young = NewNodeLocal(-i);
    TreeNode* node = NewNodeAt(site, i);
    EXPECT_FALSE(Heap::InYoungGeneration(node));
    Store(node, &node->right, Value::FromObject(young.get()));
    Store(node, &node->left, Value::FromObject(head.get()));
    head = Local<TreeNode>::New(heap(), node);
  }
  FullGC();
  int expected = 499;
  for (TreeNode* n = head.get(); n != nullptr;
       n = n->left.IsHeapObject() ? n->left.As<TreeNode>() : nullptr) {
    EXPECT_EQ(n->id.ToSmi(), expected);
    if (expected > 0) {
      EXPECT_EQ(n->right.As<TreeNode>()->id.ToSmi(), -expected);
    }
    --expected;
  }
  EXPECT_EQ(expected, -1);
  EXPECT_EQ(site->decision(), PretenureDecision::kTenure);  // stress sites are never reset
}

}  // namespace
}  // namespace tenure::testing
