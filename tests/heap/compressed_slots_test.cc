// Copyright the tenure authors.
// compressed_slots_test — 4-byte CompressedValue slots (value.h "COMPRESSED SLOTS", cage.h): the
// encoding (Smi / immediate / pointer round trips, loud rejection of what does not fit) and every
// collector on kCompressedTaggedPrefix and kCustom hosts: scavenge copy and promotion, the old->new
// remembered set (and the verifier catching a missing barrier), mark-compact with compaction,
// incremental marking, and the heap snapshot's edges.
#include <cstdint>
#include <vector>

#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

using CompressedSlotsTest = HeapTest;
using CompressedSlotsDeathTest = HeapTest;

uint64_t CageBits(const void* address) { return reinterpret_cast<uint64_t>(address) >> 32; }

TEST_F(CompressedSlotsTest, NodeIsTwentyFourBytes) {
  CompressedNode* node = NewCompressedNode(1);
  EXPECT_EQ(node->Size(), 24u);
  EXPECT_EQ(kCompressedNodeType.compressed_prefix_slots * sizeof(CompressedValue) + 8, 20u);
}

TEST_F(CompressedSlotsTest, SmiAndImmediateRoundTrip) {
  CompressedNode* node = NewCompressedNode(0);
  for (int64_t v : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{123456}, int64_t{-98765},
                    CompressedValue::kSmiMax, CompressedValue::kSmiMin}) {
    ASSERT_TRUE(node->left.Fits(Value::FromSmi(v))) << v;
    node->left.Store(Value::FromSmi(v));
    EXPECT_TRUE(node->left.Load().IsSmi());
    EXPECT_EQ(node->left.Load().ToSmi(), v);
  }
  const Value immediate = Value::MakeImmediate((uint64_t{1} << 29) - 1, 4);
  node->right.Store(immediate);
  EXPECT_EQ(node->right.Load(), immediate);
  node->right.Store(kCleared);
  EXPECT_EQ(node->right.Load(), kCleared);
  node->right.Store(Value());
  EXPECT_TRUE(node->right.Load().IsEmpty());
  EXPECT_EQ(node->right.raw(), 0u);
}

TEST_F(CompressedSlotsTest, WhatDoesNotFitIsReportedByFits) {
  CompressedNode* node = NewCompressedNode(0);
  EXPECT_FALSE(node->left.Fits(Value::FromSmi(CompressedValue::kSmiMax + 1)));
  EXPECT_FALSE(node->left.Fits(Value::FromSmi(CompressedValue::kSmiMin - 1)));
  EXPECT_FALSE(node->left.Fits(Value::FromSmi(int64_t{1} << 40)));
  EXPECT_FALSE(node->left.Fits(Value::MakeImmediate(uint64_t{1} << 29, 2)));
  // A pointer outside the slot's cage: any address whose upper 32 bits differ.
  const Value foreign = Value::FromRaw(reinterpret_cast<uint64_t>(node) ^ (uint64_t{1} << 40));
  EXPECT_FALSE(node->left.Fits(foreign));
  EXPECT_TRUE(node->left.Fits(Value::FromObject(node)));
}

TEST_F(CompressedSlotsDeathTest, OutOfRangeStoresAbortInsteadOfTruncating) {
  CompressedNode* node = NewCompressedNode(0);
  EXPECT_DEATH(node->left.Store(Value::FromSmi(CompressedValue::kSmiMax + 1)),
               "does not fit in a compressed slot");
  EXPECT_DEATH(Store(node, &node->left, Value::FromSmi(CompressedValue::kSmiMin - 1)),
               "does not fit in a compressed slot");
  EXPECT_DEATH(node->right.Store(Value::MakeImmediate(uint64_t{1} << 30, 6)),
               "does not fit in a compressed slot");
}

// StoreObject (value.h): a HeapObject* or null, stored without inspecting a tag.
TEST_F(CompressedSlotsTest, StoreObjectStoresPointersAndNull) {
  CompressedNode* node = NewCompressedNode(0);
  CompressedNode* other = NewCompressedNode(5, AllocationType::kOld);
  node->left.StoreObject(node);
  node->right.StoreObject(other);
  EXPECT_EQ(node->left.Load(), Value::FromObject(node));
  EXPECT_EQ(node->right.Load(), Value::FromObject(other));
  EXPECT_EQ(node->right.raw(), static_cast<uint32_t>(reinterpret_cast<uint64_t>(other)));
  node->right.StoreObject(nullptr);
  EXPECT_TRUE(node->right.Load().IsEmpty());
  EXPECT_EQ(node->right.raw(), 0u);
  // The barriered form accepts null too (and records nothing for it).
  StoreObject(other, &other->left, nullptr);
  EXPECT_TRUE(other->left.Load().IsEmpty());
}

// tenure::StoreObject's barrier: an old host's compressed slot stored with it keeps a young target
// alive through scavenges (remembered) and is updated when the target moves; the verifier (on in
// the test config) checks the remembered set before and after every GC.
TEST_F(CompressedSlotsTest, StoreObjectBarrierRemembersOldToYoung) {
  Local<CompressedNode> old = Local<CompressedNode>::New(heap(), NewCompressedNode(1, AllocationType::kOld));
  CompressedNode* young = NewCompressedNode(2);
  StoreObject(old.get(), &old->left, young);
  heap().VerifyHeapForTesting();
  Scavenge();  // young survives only through old->left
  CompressedNode* moved = old->left.Load().As<CompressedNode>();
  EXPECT_NE(moved, young);
  EXPECT_TRUE(Heap::InYoungGeneration(moved));
  EXPECT_EQ(moved->payload, 2);
  Scavenge();
  EXPECT_FALSE(Heap::InYoungGeneration(old->left.Load().As<CompressedNode>()));
  EXPECT_EQ(old->left.Load().As<CompressedNode>()->id.Load().ToSmi(), 2);
}

#ifndef NDEBUG
// StoreObject's contract (an object of the slot's own heap) is checked only in builds without
// NDEBUG (value.h); Store(Value) rejects the same pointer in every build (EverySpaceIsInsideOneCage).
TEST_F(CompressedSlotsDeathTest, StoreObjectOfAnotherHeapAbortsInDebugBuilds) {
  CompressedNode* node = NewCompressedNode(0);
  EXPECT_DEATH(
      {
        Heap other(DefaultTestConfig());
        HandleScope scope(other);
        node->left.StoreObject(other.Allocate(&kCompressedNodeType, sizeof(CompressedNode)));
      },
      "does not fit in a compressed slot");
}
#endif

TEST_F(CompressedSlotsTest, EverySpaceIsInsideOneCage) {
  CompressedNode* young = NewCompressedNode(1);
  CompressedNode* old = NewCompressedNode(2, AllocationType::kOld);
  ByteString* large = NewString(std::string(200 * 1024, 'x'));
  ByteString* old_large = NewString(std::string(300 * 1024, 'y'), AllocationType::kOld);
  EXPECT_EQ(CageBits(young), CageBits(old));
  EXPECT_EQ(CageBits(young), CageBits(large));
  EXPECT_EQ(CageBits(young), CageBits(old_large));
  // A second heap has a cage of its own.
  Heap other(DefaultTestConfig());
  HandleScope scope(other);
  HeapObject* elsewhere = other.Allocate(&kCompressedNodeType, sizeof(CompressedNode));
  EXPECT_NE(CageBits(elsewhere), CageBits(young));
  EXPECT_FALSE(young->left.Fits(Value::FromObject(elsewhere)));
}

// A young list linked through compressed slots survives a copying scavenge and then promotion;
// every slot is rewritten to the copies.
TEST_F(CompressedSlotsTest, ScavengeCopiesAndPromotesThroughCompressedSlots) {
  constexpr int kLength = 2000;
  Local<CompressedNode> head = Local<CompressedNode>::New(heap(), NewCompressedNode(0));
  {
    Local<CompressedNode> tail = head;
    for (int i = 1; i < kLength; ++i) {
      CompressedNode* next = NewCompressedNode(i);
      Store(tail.get(), &tail->left, Value::FromObject(next));
      tail = Local<CompressedNode>::New(heap(), next);
      if (i % 3 == 0) NewCompressedNode(-i);  // garbage in between
    }
  }
  auto check = [&](bool expect_old) {
    CompressedNode* n = head.get();
    for (int i = 0; i < kLength; ++i) {
      ASSERT_NE(n, nullptr) << i;
      ASSERT_EQ(n->type(), &kCompressedNodeType);
      ASSERT_EQ(n->id.Load().ToSmi(), i);
      ASSERT_EQ(n->payload, i);
      ASSERT_EQ(Heap::InYoungGeneration(n), !expect_old) << i;
      const Value next = n->left.Load();
      n = next.IsHeapObject() ? next.As<CompressedNode>() : nullptr;
    }
    EXPECT_EQ(n, nullptr);
  };
  const HeapObject* before = head.get();
  Scavenge();
  EXPECT_NE(static_cast<const HeapObject*>(head.get()), before);
  check(/*expect_old=*/false);
  Scavenge();  // second survival: promoted
  check(/*expect_old=*/true);
  EXPECT_GE(heap().gc_statistics().total_promoted_bytes, kLength * 24u);
}

// An old host's compressed slot pointing to a young object is a root for the scavenge (via the
// compressed slot set) and is kept up to date while the target stays young.
TEST_F(CompressedSlotsTest, OldToYoungCompressedSlotIsRemembered) {
  Local<CompressedNode> old = Local<CompressedNode>::New(heap(), NewCompressedNode(1, AllocationType::kOld));
  CompressedNode* young = NewCompressedNode(2);
  Store(old.get(), &old->right, Value::FromObject(young));
  Store(old.get(), &old->left, Value::FromSmi(-7));
  heap().VerifyHeapForTesting();
  Scavenge();  // young survives only through the old host's compressed slot
  CompressedNode* moved = old->right.Load().As<CompressedNode>();
  EXPECT_NE(moved, young);
  EXPECT_TRUE(Heap::InYoungGeneration(moved));
  EXPECT_EQ(moved->id.Load().ToSmi(), 2);
  EXPECT_EQ(old->left.Load().ToSmi(), -7);
  Scavenge();  // promoted now
  moved = old->right.Load().As<CompressedNode>();
  EXPECT_FALSE(Heap::InYoungGeneration(moved));
  EXPECT_EQ(moved->payload, 2);
  FullGC();
  EXPECT_EQ(old->right.Load().As<CompressedNode>()->id.Load().ToSmi(), 2);
}

TEST_F(CompressedSlotsDeathTest, VerifierCatchesACompressedStoreWithoutBarrier) {
  Local<CompressedNode> old = Local<CompressedNode>::New(heap(), NewCompressedNode(1, AllocationType::kOld));
  CompressedNode* young = NewCompressedNode(2);
  old->left.Store(Value::FromObject(young));  // CompressedValue::Store has no barrier
  EXPECT_DEATH(heap().VerifyHeapForTesting(),
               "old->new compressed slot .* missing from the remembered set");
}

class CompressedCompactionTest : public HeapTest {
 protected:
  static HeapConfig Config() {
    HeapConfig config = DefaultTestConfig();
    config.stress_compaction = true;  // every old page with objects is an evacuation candidate
    return config;
  }
  CompressedCompactionTest() : HeapTest(Config()) {}
};

// Old objects linked through compressed slots (and a kCustom host mixing both slot kinds) are
// evacuated by a compacting full GC; every compressed pointer is updated to the new copies.
TEST_F(CompressedCompactionTest, CompactionUpdatesCompressedPointers) {
  constexpr int kCount = 3000;
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(kCount, AllocationType::kOld));
  std::vector<uintptr_t> before(kCount);
  for (int i = 0; i < kCount; ++i) {
    CompressedNode* node = NewCompressedNode(i, AllocationType::kOld);
    if (i > 0) Store(node, &node->left, keep->slots()[i - 1]);
    if (i % 2 == 0) NewCompressedNode(-1, AllocationType::kOld);  // dead: fragments the pages
    Store(keep.get(), keep->slots() + i, Value::FromObject(node));
    before[i] = reinterpret_cast<uintptr_t>(node);
  }
  auto* mixed = heap().New<MixedNode>(&kMixedNodeType, sizeof(MixedNode), AllocationType::kOld);
  mixed->id = Value::FromSmi(77);
  for (int c = 0; c < 4; ++c) Store(mixed, &mixed->children[c], keep->slots()[c * 100]);
  Local<MixedNode> mixed_handle = Local<MixedNode>::New(heap(), mixed);
  FullGC();
  size_t moved = 0;
  for (int i = 0; i < kCount; ++i) {
    auto* node = keep->slots()[i].As<CompressedNode>();
    ASSERT_EQ(node->id.Load().ToSmi(), i);
    if (reinterpret_cast<uintptr_t>(node) != before[i]) ++moved;
    if (i > 0) {
      ASSERT_EQ(node->left.Load(), keep->slots()[i - 1]) << i;
    }
  }
  EXPECT_GT(moved, kCount / 2u);  // stress compaction moved them
  EXPECT_EQ(mixed_handle->id.ToSmi(), 77);
  for (int c = 0; c < 4; ++c) {
    EXPECT_EQ(mixed_handle->children[c].Load(), keep->slots()[c * 100]);
  }
}

// A black old host's compressed slot stored during incremental marking keeps its target alive: a
// white old target is greyed by the marking barrier (Store(Value) and StoreObject's
// WriteBarrierForObject), a young target's slot is recorded.
TEST_F(CompressedSlotsTest, IncrementalMarkingSeesCompressedStores) {
  Local<CompressedNode> host = Local<CompressedNode>::New(heap(), NewCompressedNode(1, AllocationType::kOld));
  HeapObject* old_target;
  HeapObject* old_target_by_object;
  {
    HandleScope inner(heap());
    old_target = NewCompressedNode(2, AllocationType::kOld);  // white: unreachable when marking starts
    old_target_by_object = NewCompressedNode(4, AllocationType::kOld);  // white as well
  }
  heap().StartIncrementalMarkingForTesting();
  ASSERT_TRUE(heap().IsIncrementalMarkingForTesting());
  heap().IncrementalMarkingStepForTesting(1 << 20);
  ASSERT_TRUE(heap().IsIncrementalMarkingForTesting());
  ASSERT_NE(host->raw_header() & HeapObject::kMarkBit, 0u) << "host must be black";
  ASSERT_EQ(old_target->raw_header() & HeapObject::kMarkBit, 0u) << "target must be white";
  ASSERT_EQ(old_target_by_object->raw_header() & HeapObject::kMarkBit, 0u) << "target must be white";
  {
    HandleScope inner(heap());
    CompressedNode* young_target = NewCompressedNode(3);
    Store(host.get(), &host->left, Value::FromObject(old_target));
    Store(host.get(), &host->right, Value::FromObject(young_target));
    StoreObject(host.get(), &host->id, old_target_by_object);
  }
  heap().IncrementalMarkingStepForTesting(1 << 20);  // verify_heap: checks the tri-colour invariant
  FullGC();  // finalizes marking
  EXPECT_EQ(host->left.Load().As<CompressedNode>()->payload, 2);
  EXPECT_EQ(host->right.Load().As<CompressedNode>()->payload, 3);
  EXPECT_EQ(host->id.Load().As<CompressedNode>()->payload, 4);
}

}  // namespace
}  // namespace tenure::testing
