// Copyright the tenure authors.
// allocation_test.cc — the allocation fast path, zeroed memory, sizes and Value tagging.
#include <cstring>

#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

using AllocationTest = HeapTest;

TEST(ValueTest, TaggingFollowsTheLowBits) {
  EXPECT_TRUE(Value().IsEmpty());
  EXPECT_FALSE(Value().IsHeapObject());
  Value smi = Value::FromSmi(-42);
  EXPECT_TRUE(smi.IsSmi());
  EXPECT_EQ(smi.ToSmi(), -42);
  EXPECT_EQ(Value::FromSmi(Value::kSmiMax).ToSmi(), Value::kSmiMax);
  EXPECT_EQ(Value::FromSmi(Value::kSmiMin).ToSmi(), Value::kSmiMin);
  Value immediate = Value::MakeImmediate(3, 2);
  EXPECT_TRUE(immediate.IsImmediate());
  EXPECT_FALSE(immediate.IsHeapObject());
  EXPECT_FALSE(immediate.IsSmi());
  EXPECT_EQ(immediate.raw() & 7, 2u);
}

TEST_F(AllocationTest, FreshObjectsAreZeroedAndAligned) {
  for (int i = 0; i < 1000; ++i) {
    ValueArray* array = NewArray(i % 17);
    EXPECT_EQ(array->address() % 8, 0u);
    for (int64_t j = 0; j < array->size(); ++j) EXPECT_TRUE(array->slots()[j].IsEmpty());
  }
}

TEST_F(AllocationTest, MinimumSizeIsSixteenBytes) {
  static constexpr TypeInfo kTiny{.class_name = "Tiny", .size = 8};
  HeapObject* a = heap().Allocate(&kTiny, 8);
  HeapObject* b = heap().Allocate(&kTiny, 8);
  EXPECT_EQ(a->Size(), 16u);
  EXPECT_EQ(b->address() - a->address(), 16u);
}

TEST_F(AllocationTest, YoungAndOldPlacement) {
  TreeNode* young = NewNode(1);
  EXPECT_TRUE(Heap::InYoungGeneration(young));
  TreeNode* old = NewNode(2, AllocationType::kOld);
  EXPECT_TRUE(Heap::InOldGeneration(old));
  EXPECT_TRUE(old->left.IsEmpty());
  EXPECT_EQ(Heap::FromObject(old), &heap());
}

TEST_F(AllocationTest, AllocatingPastSemispaceTriggersScavenges) {
  const uint64_t before = heap().gc_statistics().scavenge_count;
  for (int i = 0; i < 100000; ++i) NewNode(i);  // 3.2 MB of garbage
  EXPECT_GT(heap().gc_statistics().scavenge_count, before);
}

TEST_F(AllocationTest, OldAllocationsReuseSweptMemory) {
  for (int round = 0; round < 5; ++round) {
    for (int i = 0; i < 20000; ++i) NewNode(i, AllocationType::kOld);
    FullGC();
  }
  // Everything died; old space should not have grown beyond a page or two.
  auto spaces = heap().GetHeapSpaceStatistics();
  EXPECT_LE(spaces[1].space_size, 2 * 256 * KB);
}

// ---- AllocateUninitialized (heap.h contract; docs/heap.md section 15.2) ------------------------

// Fills new space with garbage strings of 0xAB bytes and scavenges them away, so the pages the
// allocation area moves onto next hold stale non-zero bytes.
void DirtyNewSpace(Heap& heap) {
  for (int i = 0; i < 4000; ++i) {
    const size_t n = 1000;
    auto* s = heap.New<ByteString>(&kByteStringType, sizeof(ByteString) + n);
    s->length = n;
    memset(s->chars(), 0xAB, n);
  }
  heap.CollectGarbage(GCType::kScavenge);
}

// Raw words of a fresh object's body, read before the caller writes them (stale memory).
bool BodyHasStaleBytes(TreeNode* node) {
  return node->left.raw() != 0 || node->right.raw() != 0 || node->id.raw() != 0;
}

// The contract's sequence: allocate without zeroing, write every tagged slot, then a GC right
// away (verify_heap checks every slot before and after it). Each round first allocates 288 KB of
// initialised garbage nodes, so the allocation area is on a page nobody zeroed (the scavenger
// hands over a zeroed rest of page); a chain of the rounds' nodes survives scavenges and full GCs.
TEST_F(AllocationTest, GcRightAfterAnInitialisedUninitialisedAllocation) {
  DirtyNewSpace(heap());
  Local<TreeNode> head;
  int stale = 0;
  for (int round = 0; round < 24; ++round) {
    for (int i = 0; i < 9000; ++i) {
      auto* garbage = heap().NewUninitialized<TreeNode>(&kTreeNodeType);
      garbage->left = garbage->right = garbage->id = Value();
    }
    auto* node = heap().NewUninitialized<TreeNode>(&kTreeNodeType);
    stale += BodyHasStaleBytes(node);
    node->left = head.IsEmpty() ? Value() : head.value();
    node->right = Value();
    node->id = Value::FromSmi(round);
    head = Local<TreeNode>::New(heap(), node);
    if (round % 4 == 3) {
      FullGC();
    } else {
      Scavenge();
    }
  }
  EXPECT_GT(stale, 0);  // the test did run on stale memory
  Scavenge();
  FullGC();
  int64_t expected = 23;
  for (TreeNode* n = head.get(); n != nullptr;
       n = n->left.IsEmpty() ? nullptr : n->left.As<TreeNode>()) {
    ASSERT_EQ(n->id.ToSmi(), expected--);
  }
  EXPECT_EQ(expected, -1);
}

// Uninitialised allocations move the allocation area onto pages nobody zeroed; a zeroing
// allocation after them (same page or the next) still reads as zero.
TEST_F(AllocationTest, ZeroingAllocationsAfterUninitialisedOnesReadAsZero) {
  DirtyNewSpace(heap());
  int stale = 0;
  for (int i = 0; i < 40000; ++i) {  // 1.25 MB of nodes: several page advances and scavenges
    auto* node = heap().NewUninitialized<TreeNode>(&kTreeNodeType);
    stale += BodyHasStaleBytes(node);
    node->left = node->right = Value();
    node->id = Value::FromSmi(i);
    if (i % 97 == 0) {
      ValueArray* array = NewArray(1 + i % 300);
      for (int64_t j = 0; j < array->size(); ++j) ASSERT_TRUE(array->slots()[j].IsEmpty()) << i;
      TreeNode* zeroed = NewNode(i);
      ASSERT_TRUE(zeroed->left.IsEmpty() && zeroed->right.IsEmpty());
    }
  }
  EXPECT_GT(stale, 0);
}

// Under gc_interval stress every allocation takes the slow path (and every third runs a GC
// before it): uninitialised allocations stay correct there too.
TEST_F(AllocationTest, UninitialisedAllocationsUnderGcInterval) {
  DirtyNewSpace(heap());
  heap().SetGCIntervalForTesting(3);
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(64));
  for (int i = 0; i < 640; ++i) {
    auto* node = heap().NewUninitialized<TreeNode>(&kTreeNodeType);
    node->left = node->right = Value();
    node->id = Value::FromSmi(i);
    Store(keep.get(), &keep->slots()[i % 64], Value::FromObject(node));
  }
  heap().SetGCIntervalForTesting(0);
  FullGC();
  for (int i = 0; i < 64; ++i) EXPECT_EQ(keep->slots()[i].As<TreeNode>()->id.ToSmi(), 576 + i);
}

// The scavenger leaves the rest of its last to-space page as it was (docs/heap.md section 23):
// the first zeroing allocation after a scavenge still reads as zero, on the very page the
// survivors were copied onto (a reserve page full of DirtyNewSpace's 0xAB strings).
TEST_F(AllocationTest, ZeroingAllocationRightAfterAScavengeReadsAsZero) {
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(8));
  int stale = 0;
  for (int round = 0; round < 12; ++round) {
    DirtyNewSpace(heap());
    for (int i = 0; i < 8; ++i) {
      Store(keep.get(), &keep->slots()[i], Value::FromObject(NewNode(round * 8 + i)));
    }
    Scavenge();  // copies the 8 nodes (and keep, until it is promoted) onto a stale page
    if (round % 2 == 0) {
      auto* probe = heap().NewUninitialized<TreeNode>(&kTreeNodeType);
      stale += BodyHasStaleBytes(probe);  // the bytes above the copy top were left as they were
      probe->left = probe->right = probe->id = Value();
    }
    ValueArray* array = NewArray(200);
    for (int64_t j = 0; j < array->size(); ++j) ASSERT_TRUE(array->slots()[j].IsEmpty()) << round;
    TreeNode* zeroed = NewNode(round);
    ASSERT_TRUE(zeroed->left.IsEmpty() && zeroed->right.IsEmpty()) << round;
  }
  EXPECT_GT(stale, 0);  // the test did run on stale memory
  for (int i = 0; i < 8; ++i) EXPECT_EQ(keep->slots()[i].As<TreeNode>()->id.ToSmi(), 88 + i);
}

// New<T> of a small T zeroes its own body (heap.h AllocateSmallZeroed, docs/heap.md section 24):
// right after a scavenge and across page advances onto stale pages its objects read as empty, and
// it leaves the memory ahead of top unzeroed — an uninitialised probe after a run of them still
// sees DirtyNewSpace's bytes, so no zeroing of the area ran ahead of them (with New() taking the
// zeroed-area path instead, the page advances would zero whole pages and the probe reads zero).
TEST_F(AllocationTest, SmallNewZeroesItsOwnBodyOnStaleMemory) {
  static_assert(AllocationSize(sizeof(TreeNode)) <= kInlineZeroingMaxSize);
  int stale = 0;
  for (int round = 0; round < 6; ++round) {
    DirtyNewSpace(heap());  // ends with a scavenge: the area lies on a page full of 0xAB bytes
    for (int i = 0; i < 20000; ++i) {  // 640 KB: several page advances
      TreeNode* node = heap().New<TreeNode>(&kTreeNodeType);
      ASSERT_EQ(node->type(), &kTreeNodeType);
      ASSERT_TRUE(node->left.raw() == 0 && node->right.raw() == 0 && node->id.raw() == 0)
          << "round " << round << " node " << i;
    }
    auto* probe = heap().NewUninitialized<TreeNode>(&kTreeNodeType);
    stale += BodyHasStaleBytes(probe);
    probe->left = probe->right = probe->id = Value();
  }
  EXPECT_GT(stale, 0);
}

}  // namespace
}  // namespace tenure::testing
