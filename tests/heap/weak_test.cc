// Copyright the tenure authors.
// weak_test.cc — weak globals, weak slots, ephemerons, GC callbacks.
#include <vector>

#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

using WeakTest = HeapTest;

struct CallbackLog {
  int calls = 0;
  bool ran_inside_gc = false;
  Global<TreeNode>* handle = nullptr;
  bool handle_was_empty = false;
};

void OnWeak(const WeakCallbackInfo& info) {
  auto* log = static_cast<CallbackLog*>(info.parameter);
  ++log->calls;
  log->ran_inside_gc |= info.heap->InGC();
  log->handle_was_empty = log->handle->IsEmpty();
  // Callbacks may allocate (they run after the GC finished).
  info.heap->Allocate(&kTreeNodeType, sizeof(TreeNode));
}

TEST_F(WeakTest, WeakGlobalIsClearedAfterFullGCAndCallbackRunsAfterwards) {
  CallbackLog log;
  Global<TreeNode> weak;
  {
    HandleScope inner(heap());
    weak.Reset(heap(), Value::FromObject(NewNode(1, AllocationType::kOld)));
  }
  log.handle = &weak;
  weak.SetWeak(&log, &OnWeak);
  EXPECT_TRUE(weak.IsWeak());
  FullGC();
  EXPECT_TRUE(weak.IsEmpty());
  EXPECT_EQ(log.calls, 1);
  EXPECT_FALSE(log.ran_inside_gc);
  EXPECT_TRUE(log.handle_was_empty);
  FullGC();
  EXPECT_EQ(log.calls, 1);  // exactly once
}

TEST_F(WeakTest, WeakGlobalFollowsItsTargetWhileAlive) {
  CallbackLog log;
  Local<TreeNode> strong = NewNodeLocal(5);
  Global<TreeNode> weak(heap(), strong.get());
  log.handle = &weak;
  weak.SetWeak(&log, &OnWeak);
  Scavenge();
  EXPECT_EQ(weak.get(), strong.get());
  Scavenge();
  FullGC();
  EXPECT_EQ(weak.get(), strong.get());
  EXPECT_EQ(weak->id.ToSmi(), 5);
  EXPECT_EQ(log.calls, 0);
}

TEST_F(WeakTest, ScavengeClearsWeakGlobalsToDeadYoungObjects) {
  CallbackLog log;
  Global<TreeNode> weak;
  {
    HandleScope inner(heap());
    weak.Reset(heap(), Value::FromObject(NewNode(1)));
  }
  log.handle = &weak;
  weak.SetWeak(&log, &OnWeak);
  Scavenge();
  EXPECT_TRUE(weak.IsEmpty());
  EXPECT_EQ(log.calls, 1);
}

TEST_F(WeakTest, ResetBeforeCallbackSuppressesIt) {
  CallbackLog log;
  Global<TreeNode> weak;
  {
    HandleScope inner(heap());
    weak.Reset(heap(), Value::FromObject(NewNode(1)));
  }
  log.handle = &weak;
  weak.SetWeak(&log, &OnWeak);
  weak.ClearWeak();
  Scavenge();
  EXPECT_FALSE(weak.IsEmpty());
  EXPECT_EQ(log.calls, 0);
}

TEST_F(WeakTest, WeakSlotIsStrongForScavengesAndClearedByFullGC) {
  Local<WeakCell> cell = Local<WeakCell>::New(heap(), NewWeakCell(Value()));
  {
    HandleScope inner(heap());
    Store(cell.get(), &cell->target, Value::FromObject(NewNode(3)));
  }
  Scavenge();
  ASSERT_TRUE(cell->target.IsHeapObject());  // documented: scavenger treats weak slots strongly
  EXPECT_EQ(cell->target.As<TreeNode>()->id.ToSmi(), 3);
  FullGC();
  EXPECT_EQ(cell->target, kCleared);
}

TEST_F(WeakTest, WeakSlotKeepsLiveTarget) {
  Local<TreeNode> target = NewNodeLocal(4, AllocationType::kOld);
  Local<WeakCell> cell = Local<WeakCell>::New(heap(), NewWeakCell(target.value(), AllocationType::kOld));
  Store(cell.get(), &cell->strong, Value::FromObject(NewNode(8)));
  FullGC();
  EXPECT_EQ(cell->target.ToObject(), target.get());
  EXPECT_EQ(cell->strong.As<TreeNode>()->id.ToSmi(), 8);
}

TEST_F(WeakTest, EphemeronValueLivesIffKeyLives) {
  Local<TreeNode> live_key = NewNodeLocal(1, AllocationType::kOld);
  Local<ValueArray> table = Local<ValueArray>::New(heap(), NewArray(2, AllocationType::kOld));
  {
    HandleScope inner(heap());
    EphemeronPair* alive = NewEphemeron(live_key.value(), Value::FromObject(NewNode(10)));
    EphemeronPair* dead = NewEphemeron(Value::FromObject(NewNode(2)), Value::FromObject(NewNode(20)));
    Store(table.get(), table->slots() + 0, Value::FromObject(alive));
    Store(table.get(), table->slots() + 1, Value::FromObject(dead));
  }
  FullGC();
  auto* alive = table->slots()[0].As<EphemeronPair>();
  auto* dead = table->slots()[1].As<EphemeronPair>();
  EXPECT_EQ(alive->key.ToObject(), live_key.get());
  EXPECT_EQ(alive->value.As<TreeNode>()->id.ToSmi(), 10);
  EXPECT_EQ(dead->key, kCleared);
  EXPECT_EQ(dead->value, kCleared);
}

TEST_F(WeakTest, EphemeronChainsReachAFixpoint) {
  // e1: k1 -> k2 ; e2: k2 -> v.   Only k1 is rooted; the table lists e2 before e1 so one pass
  // is not enough.
  Local<TreeNode> k1 = NewNodeLocal(1, AllocationType::kOld);
  Local<ValueArray> table = Local<ValueArray>::New(heap(), NewArray(2, AllocationType::kOld));
  {
    HandleScope inner(heap());
    TreeNode* k2 = NewNode(2, AllocationType::kOld);
    EphemeronPair* e2 = NewEphemeron(Value::FromObject(k2), Value::FromObject(NewNode(3)));
    EphemeronPair* e1 = NewEphemeron(k1.value(), Value::FromObject(k2));
    Store(table.get(), table->slots() + 0, Value::FromObject(e2));
    Store(table.get(), table->slots() + 1, Value::FromObject(e1));
  }
  FullGC();
  auto* e2 = table->slots()[0].As<EphemeronPair>();
  ASSERT_TRUE(e2->value.IsHeapObject());
  EXPECT_EQ(e2->value.As<TreeNode>()->id.ToSmi(), 3);
  EXPECT_EQ(e2->key.As<TreeNode>()->id.ToSmi(), 2);
}

struct CallbackCounter {
  int prologue = 0;
  int epilogue = 0;
  GCType last_type = GCType::kScavenge;
};

TEST_F(WeakTest, PrologueAndEpilogueCallbacksBracketEveryGC) {
  CallbackCounter counter;
  auto prologue = [](Heap& heap, GCType type, void* data) {
    EXPECT_FALSE(heap.InGC());
    static_cast<CallbackCounter*>(data)->prologue++;
  };
  auto epilogue = [](Heap& heap, GCType type, void* data) {
    EXPECT_FALSE(heap.InGC());
    auto* c = static_cast<CallbackCounter*>(data);
    c->epilogue++;
    c->last_type = type;
  };
  heap().AddGCPrologueCallback(prologue, &counter);
  heap().AddGCEpilogueCallback(epilogue, &counter);
  Scavenge();
  FullGC();
  EXPECT_EQ(counter.prologue, 2);
  EXPECT_EQ(counter.epilogue, 2);
  EXPECT_EQ(counter.last_type, GCType::kMarkCompact);
  heap().RemoveGCPrologueCallback(prologue, &counter);
  heap().RemoveGCEpilogueCallback(epilogue, &counter);
  Scavenge();
  EXPECT_EQ(counter.epilogue, 2);
}

}  // namespace
}  // namespace tenure::testing
