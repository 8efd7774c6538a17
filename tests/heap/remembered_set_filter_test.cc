// Copyright the tenure authors.
// remembered_set_filter_test.cc — the full GC filters the old->new remembered sets instead of
// sweeping pages with old->new slots in the pause (remembered-set.h, "Where a bit may lie"): every
// old page becomes pending, a scavenge reads bits of dead hosts only if they point to live young
// objects, and the verifier (check 5) enforces exactly that.
#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

constexpr uintptr_t kPageMask = ~((uintptr_t{1} << 18) - 1);  // 256 KiB pages (write-barrier.h)
constexpr size_t kPage = size_t{1} << 18;

HeapConfig LazyConfig() {
  HeapConfig config = DefaultTestConfig();  // verify_heap: checks 1-5 before and after every GC
  config.incremental_marking = false;
  config.lazy_sweeping = true;
  return config;
}

class RememberedSetFilterTest : public HeapTest {
 protected:
  RememberedSetFilterTest() : HeapTest(LazyConfig()) {}

  // 20000 old nodes, each pointing to a young node: even ones to a node of `young_live` (kept
  // alive by the caller), odd ones to a fresh young node that dies with its host. Nodes i with
  // i % 100 < 2 are kept in `keep` (400 slots, index i / 100 * 2 + i % 100), so most nodes are dead
  // hosts with recorded old->new slots.
  void BuildDeadHostsWithYoungSlots(ValueArray* keep, ValueArray* young_live) {
    HandleScope inner(heap());
    Local<ValueArray> keep_handle = Local<ValueArray>::New(heap(), keep);
    Local<ValueArray> live_handle = Local<ValueArray>::New(heap(), young_live);
    for (int i = 0; i < 20000; ++i) {
      TreeNode* host = NewNode(i, AllocationType::kOld);
      if (i % 2 == 0) {
        Store(host, &host->left, live_handle->slots()[(i / 2) % live_handle->size()]);
      } else {
        Link(host, &host->left, NewNode(-i));  // may scavenge: `host` is old, it does not move
      }
      if (i % 100 < 2) {
        Value* slot = keep_handle->slots() + i / 100 * 2 + i % 100;
        Store(keep_handle.get(), slot, Value::FromObject(host));
      }
    }
  }

  // Returns a young array of 50 young nodes (ids 1000..1049), handled in the caller's scope.
  ValueArray* NewYoungNodes() {
    Local<ValueArray> array = Local<ValueArray>::New(heap(), NewArray(50));
    for (int i = 0; i < 50; ++i) {
      TreeNode* node = NewNode(1000 + i);  // may scavenge: `array` is re-read from its handle
      Link(array.get(), array->slots() + i, node);
    }
    return array.get();
  }

  size_t CountNodesWithIdsFrom1000() {
    size_t n = 0;
    heap().IterateObjects([&n](HeapObject* object) {
      if (object->type() == &kTreeNodeType && object->As<TreeNode>()->id.ToSmi() >= 1000) ++n;
    });
    return n;
  }
};

TEST_F(RememberedSetFilterTest, PagesWithOldToNewSlotsBecomePendingAndScavengesStaySafe) {
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(400, AllocationType::kOld));
  Local<ValueArray> young_live = Local<ValueArray>::New(heap(), NewYoungNodes());
  BuildDeadHostsWithYoungSlots(keep.get(), young_live.get());
  ASSERT_TRUE(Heap::InYoungGeneration(young_live.get())) << "the test needs young targets";

  FullGC();  // verify "after GC": no bit of a dead host points to a dead young object
  const size_t old_committed = heap().GetHeapSpaceStatistics()[1].space_size;
  EXPECT_EQ(heap().PendingSweepPagesForTesting() * kPage, old_committed)
      << "every old page with live objects stays pending, those with old->new slots included";

  Scavenge();  // reads the bits left in dead hosts (they point to live young objects)
  Scavenge();  // verify before/after: those slots were updated to the copies or dropped
  for (int k = 0; k < 400; ++k) {
    const int i = k / 2 * 100 + k % 2;
    TreeNode* host = keep->slots()[k].As<TreeNode>();
    ASSERT_EQ(host->id.ToSmi(), i);
    const int64_t young_id = host->left.As<TreeNode>()->id.ToSmi();
    ASSERT_EQ(young_id, i % 2 == 0 ? 1000 + (i / 2) % 50 : -i) << i;
  }
  heap().IterateObjects([](HeapObject*) {});  // finishes sweeping: the dead hosts' bits go away
  EXPECT_EQ(heap().PendingSweepPagesForTesting(), 0u);
  Scavenge();
  FullGC();
  EXPECT_EQ(keep->slots()[1].As<TreeNode>()->left.As<TreeNode>()->id.ToSmi(), -1);
}

// A young object referenced only by dead old hosts is a floating root until the host's page is
// swept (the scavenge right after the full GC keeps it), and is collected by the next full GC.
TEST_F(RememberedSetFilterTest, YoungObjectsKeptOnlyByDeadHostsDieAtTheNextFullGC) {
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(400, AllocationType::kOld));
  {
    HandleScope inner(heap());
    Local<ValueArray> young_live = Local<ValueArray>::New(heap(), NewYoungNodes());
    BuildDeadHostsWithYoungSlots(keep.get(), young_live.get());
    for (int k = 0; k < 400; ++k) Store(keep.get(), keep->slots() + k, Value::FromSmi(k));
    FullGC();  // every host is dead; the 50 young nodes are live (young_live)
  }
  Scavenge();  // nothing but the dead hosts' bits refers to them now
  EXPECT_EQ(CountNodesWithIdsFrom1000(), 50u) << "floating garbage until the next full GC";
  FullGC();
  EXPECT_EQ(CountNodesWithIdsFrom1000(), 0u);
}

// The verifier enforces the rule: a bit in a dead object of a pending page must point to a live
// young object. Overwrite such a slot behind the heap's back and the check fires.
TEST_F(RememberedSetFilterTest, VerifierRejectsABitInADeadObjectThatDoesNotPointToYoung) {
  Local<TreeNode> young = NewNodeLocal(7);
  TreeNode* dead_host = NewNode(1, AllocationType::kOld);
  Link(dead_host, &dead_host->left, young.get());
  Local<TreeNode> neighbour = NewNodeLocal(2, AllocationType::kOld);  // keeps the page pending
  FullGC();
  ASSERT_GT(heap().PendingSweepPagesForTesting(), 0u);
  ASSERT_EQ(reinterpret_cast<uintptr_t>(dead_host) & kPageMask,
            reinterpret_cast<uintptr_t>(neighbour.get()) & kPageMask);
  heap().VerifyHeapForTesting();  // the dead host's bit points to a live young object: fine
  Heap::StoreWithoutBarrierForTesting(&dead_host->left, Value::FromSmi(3));
  EXPECT_DEATH(heap().VerifyHeapForTesting(), "does not point to a live young object");
}

}  // namespace
}  // namespace tenure::testing
