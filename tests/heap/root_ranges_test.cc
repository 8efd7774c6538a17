// Copyright the tenure authors.
// root_ranges_test.cc — root visiting by ranges (Heap::VisitStrongRoots, docs/heap.md §15): handle
// blocks reach the scavenger as one VisitSlots range per block, globals without a std::function.
// Every root kind must still be visited exactly up to its live end: handles in several blocks
// (including an EscapableHandleScope's escape slot), strong globals across GlobalNode blocks, an
// embedder root visitor that uses both VisitSlot and VisitSlots, and nothing above
// HandleScopeData::next (a closed scope's slots are dead).
#include <vector>

#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

constexpr int kHandles = 2 * static_cast<int>(kHandleBlockSize) + 300;  // three handle blocks
constexpr int kGlobals = 600;                                            // three GlobalNode blocks
constexpr int kEmbedderSlots = 64;

class RootRangesTest : public HeapTest {
 protected:
  // Expects `object` to be a live TreeNode with `id` that the last scavenge moved (it is no longer
  // at `before`).
  static void ExpectMoved(const TreeNode* object, const void* before, int64_t id) {
    ASSERT_NE(static_cast<const void*>(object), before) << "id " << id << " was not copied";
    ASSERT_EQ(object->id.ToSmi(), id);
  }
};

TEST_F(RootRangesTest, ScavengeUpdatesEveryRootKind) {
  HandleScope scope(heap());
  std::vector<Local<TreeNode>> locals;
  std::vector<const void*> local_addresses;
  for (int i = 0; i < kHandles; ++i) {
    locals.push_back(NewNodeLocal(i));
    local_addresses.push_back(locals.back().get());
  }
  Local<TreeNode> escaped;
  {
    EscapableHandleScope inner(heap());
    escaped = inner.Escape(NewNodeLocal(-1));
  }
  const void* escaped_before = escaped.get();

  std::vector<Global<TreeNode>> globals;
  std::vector<const void*> global_addresses;
  for (int i = 0; i < kGlobals; ++i) {
    globals.emplace_back(heap(), NewNode(10000 + i));
    global_addresses.push_back(globals.back().get());
  }
  // Every other global is destroyed: the strong iteration must skip free nodes between live ones.
  for (int i = 0; i < kGlobals; i += 2) globals[i].Reset();

  std::vector<Value> embedder(kEmbedderSlots);
  Value single;
  for (int i = 0; i < kEmbedderSlots; ++i) embedder[i] = Value::FromObject(NewNode(20000 + i));
  single = Value::FromObject(NewNode(30000));
  const void* single_before = single.ToObject();
  std::vector<const void*> embedder_before;
  for (const Value& v : embedder) embedder_before.push_back(v.ToObject());
  const int id = heap().AddRootVisitor(RootKind::kRuntime, "test roots", [&](ObjectVisitor& v) {
    v.VisitSlots(embedder.data(), embedder.data() + embedder.size());
    v.VisitSlot(&single);
  });

  Scavenge();  // verify_heap: every root must point to a live to-space object afterwards

  for (int i = 0; i < kHandles; ++i) ExpectMoved(locals[i].get(), local_addresses[i], i);
  ExpectMoved(escaped.get(), escaped_before, -1);
  for (int i = 1; i < kGlobals; i += 2) {
    ExpectMoved(globals[i].get(), global_addresses[i], 10000 + i);
  }
  for (int i = 0; i < kEmbedderSlots; ++i) {
    ExpectMoved(embedder[i].As<TreeNode>(), embedder_before[i], 20000 + i);
  }
  ExpectMoved(single.As<TreeNode>(), single_before, 30000);
  heap().RemoveRootVisitor(id);
}

// Slots of a closed scope lie above HandleScopeData::next: they must not keep objects alive. A weak
// global observes whether the scavenge treated the stale slot as a root.
TEST_F(RootRangesTest, SlotsAboveNextAreNotRoots) {
  HandleScope scope(heap());
  Global<TreeNode> weak;
  Global<TreeNode> weak_in_last_block;
  {
    HandleScope inner(heap());
    Local<TreeNode> dead = NewNodeLocal(1);
    weak.Reset(heap(), dead.value());
    weak.SetWeak();
    // Fill past a block boundary so the closed scope also leaves a whole block behind.
    for (int i = 0; i < static_cast<int>(kHandleBlockSize); ++i) NewNodeLocal(100 + i);
    Local<TreeNode> dead_last = NewNodeLocal(2);
    weak_in_last_block.Reset(heap(), dead_last.value());
    weak_in_last_block.SetWeak();
  }
  Local<TreeNode> alive = NewNodeLocal(3);  // reuses the first dead slot
  Scavenge();
  EXPECT_TRUE(weak.IsEmpty());
  EXPECT_TRUE(weak_in_last_block.IsEmpty());
  EXPECT_EQ(alive->id.ToSmi(), 3);
}

// Heap::IterateRoots (heap snapshots) reports each live handle slot once, with kind kHandles.
TEST_F(RootRangesTest, IterateRootsReportsEveryLiveHandleSlot) {
  class Counter final : public RootVisitor {
   public:
    void VisitRoot(RootKind kind, const char*, Value* slot) override {
      if (kind == RootKind::kHandles && slot->IsHeapObject()) ++handles;
    }
    int handles = 0;
  };
  Counter before;
  heap().IterateRoots(before);
  HandleScope scope(heap());
  for (int i = 0; i < kHandles; ++i) NewNodeLocal(i);
  {
    HandleScope closed(heap());
    for (int i = 0; i < 50; ++i) NewNodeLocal(i);
  }
  Counter after;
  heap().IterateRoots(after);
  EXPECT_EQ(after.handles - before.handles, kHandles);
}

}  // namespace
}  // namespace tenure::testing
