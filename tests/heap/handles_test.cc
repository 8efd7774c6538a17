// Copyright the tenure authors.
// handles_test.cc — HandleScope/Local, EscapableHandleScope, Global, root visitors.
#include <map>
#include <vector>

#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

using HandlesTest = HeapTest;

int CountObjects(Heap& heap) {
  int n = 0;
  heap.IterateObjects([&](HeapObject*) { ++n; });
  return n;
}

TEST_F(HandlesTest, ClosingAScopeReleasesItsLocals) {
  {
    HandleScope inner(heap());
    for (int i = 0; i < 10; ++i) NewNodeLocal(i, AllocationType::kOld);
    FullGC();
    EXPECT_EQ(CountObjects(heap()), 10);
  }
  FullGC();
  EXPECT_EQ(CountObjects(heap()), 0);
}

TEST_F(HandlesTest, ManyHandlesSpanSeveralBlocks) {
  std::vector<Local<TreeNode>> locals;
  for (int i = 0; i < 5000; ++i) locals.push_back(NewNodeLocal(i));  // > 4 blocks of 1022
  Scavenge();
  FullGC();
  Scavenge();
  for (int i = 0; i < 5000; ++i) ASSERT_EQ(locals[i]->id.ToSmi(), i);
  {
    HandleScope inner(heap());
    for (int i = 0; i < 3000; ++i) NewNodeLocal(i);
  }
  for (int i = 0; i < 5000; ++i) ASSERT_EQ(locals[i]->id.ToSmi(), i);
}

TEST_F(HandlesTest, EscapableScopeHandsOneLocalOut) {
  Local<TreeNode> escaped;
  {
    EscapableHandleScope inner(heap());
    Local<TreeNode> keep = NewNodeLocal(5, AllocationType::kOld);
    NewNodeLocal(6, AllocationType::kOld);
    escaped = inner.Escape(keep);
  }
  FullGC();
  EXPECT_EQ(escaped->id.ToSmi(), 5);
  EXPECT_EQ(CountObjects(heap()), 1);
}

// Close() stores the limit only when the scope opened blocks (handles.h): a scope that spans
// blocks restores both next and limit, one that does not leaves the limit as it was, and the
// enclosing scope keeps filling its own block afterwards.
TEST_F(HandlesTest, ClosingAScopeThatOpenedBlocksRestoresNextAndLimit) {
  internal::HandleScopeData* data = heap().handle_scope_data();
  Local<Value>::New(heap(), Value());  // so the current block exists before `next_before`
  Value* const next_before = data->next;
  Value* const limit_before = data->limit;
  {
    HandleScope spanning(heap());
    for (int i = 0; i < 2500; ++i) NewNodeLocal(i);
    ASSERT_NE(data->limit, limit_before);
  }
  EXPECT_EQ(data->next, next_before);
  EXPECT_EQ(data->limit, limit_before);
  {
    HandleScope small(heap());
    NewNodeLocal(1);
  }
  EXPECT_EQ(data->next, next_before);
  EXPECT_EQ(data->limit, limit_before);
  Local<TreeNode> node = NewNodeLocal(7);
  EXPECT_EQ(node.slot(), next_before);
  Scavenge();
  EXPECT_EQ(node->id.ToSmi(), 7);
}

// HandleScope::CloseAndEscape: the escaped value survives moving GCs in the enclosing scope, the
// closed scope's other Locals are released, and the enclosing scope grows by exactly one slot.
TEST_F(HandlesTest, CloseAndEscapeHandsOneLocalToTheEnclosingScope) {
  internal::HandleScopeData* data = heap().handle_scope_data();
  Local<Value>::New(heap(), Value());  // so the current block exists before `next_before`
  Value* const next_before = data->next;
  Local<TreeNode> escaped;
  {
    HandleScope inner(heap());
    Local<TreeNode> keep = NewNodeLocal(5);
    for (int i = 0; i < 2500; ++i) NewNodeLocal(100 + i);  // spans blocks: the escape crosses back
    escaped = inner.CloseAndEscape(keep);
    EXPECT_EQ(data->next, next_before + 1);
    EXPECT_EQ(escaped.slot(), next_before);
    Scavenge();  // before the destructor: the escaped slot is a root, the 2 500 are not
    EXPECT_EQ(escaped->id.ToSmi(), 5);
  }
  EXPECT_EQ(data->next, next_before + 1);
  Scavenge();
  FullGC();
  EXPECT_EQ(escaped->id.ToSmi(), 5);
  EXPECT_EQ(CountObjects(heap()), 1);
}

// A scope that closes without escaping leaves the enclosing scope as it was (an
// EscapableHandleScope leaves its escape slot behind), also when the enclosing block is full so
// that the escaped slot opens a new block.
TEST_F(HandlesTest, CloseAndEscapeTakesAnEnclosingSlotOnlyWhenSomethingEscapes) {
  internal::HandleScopeData* data = heap().handle_scope_data();
  Local<Value>::New(heap(), Value());  // so the current block exists before `next_before`
  Value* const next_before = data->next;
  for (int i = 0; i < 3000; ++i) {
    HandleScope loop(heap());
    NewNodeLocal(i);
  }
  EXPECT_EQ(data->next, next_before);
  HandleScope outer(heap());
  while (data->next != data->limit) NewNodeLocal(0);  // fill the current block
  Value* const full_limit = data->limit;
  std::vector<Local<TreeNode>> escaped;
  for (int i = 0; i < 3; ++i) {
    HandleScope inner(heap());
    escaped.push_back(inner.CloseAndEscape(NewNodeLocal(40 + i)));
  }
  EXPECT_NE(data->limit, full_limit);  // the first escape opened a block, the scopes kept it
  Local<TreeNode> empty;
  {
    HandleScope inner(heap());
    EXPECT_TRUE(inner.CloseAndEscape(empty).IsEmpty());
  }
  Scavenge();
  FullGC();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(escaped[i]->id.ToSmi(), 40 + i);
}

// Bottom-up tree built like GCBench's MakeTree: every level opens a scope, allocates, and escapes
// its node with CloseAndEscape (the path that writes the escaped slot in place when the scope
// opened no block). A scavenge or full GC every few nodes moves the subtrees held only by the
// escaped handles; the tree must come out whole, and each level must leave the enclosing scope
// exactly one slot fuller.
Local<TreeNode> MakeTreeWithEscapes(Heap& heap, int depth, int& counter) {
  HandleScope scope(heap);
  Local<TreeNode> left, right;
  if (depth > 0) {
    Value* const before = heap.handle_scope_data()->next;
    left = MakeTreeWithEscapes(heap, depth - 1, counter);
    EXPECT_EQ(heap.handle_scope_data()->next, before + 1);
    EXPECT_EQ(left.slot(), before);
    right = MakeTreeWithEscapes(heap, depth - 1, counter);
  }
  if (++counter % 7 == 0) {
    heap.CollectGarbage(counter % 21 == 0 ? GCType::kMarkCompact : GCType::kScavenge);
  }
  auto* node = heap.New<TreeNode>(&kTreeNodeType);
  node->id = Value::FromSmi(depth);
  node->left = left.IsEmpty() ? Value() : left.value();
  node->right = right.IsEmpty() ? Value() : right.value();
  return scope.CloseAndEscape(Local<TreeNode>::New(heap, node));
}

int64_t CheckTree(const TreeNode* node, int64_t depth) {
  if (node->id.ToSmi() != depth) return -1;
  if (depth == 0) return node->left.IsEmpty() && node->right.IsEmpty() ? 1 : -1;
  const int64_t l = CheckTree(node->left.As<TreeNode>(), depth - 1);
  const int64_t r = CheckTree(node->right.As<TreeNode>(), depth - 1);
  return l < 0 || r < 0 ? -1 : 1 + l + r;
}

TEST_F(HandlesTest, RecursiveCloseAndEscapeKeepsABottomUpTreeAcrossGCs) {
  internal::HandleScopeData* data = heap().handle_scope_data();
  Local<Value>::New(heap(), Value());  // so the current block exists before `next_before`
  Value* const next_before = data->next;
  int counter = 0;
  Local<TreeNode> tree = MakeTreeWithEscapes(heap(), 8, counter);
  EXPECT_EQ(data->next, next_before + 1);
  EXPECT_EQ(tree.slot(), next_before);
  Scavenge();
  FullGC();
  EXPECT_EQ(CheckTree(tree.get(), 8), 511);
  EXPECT_EQ(CountObjects(heap()), 511);
}

// No counter tells whether a scope is open: the outermost scope opens a block at once, and the
// limit is null exactly while no scope is open (heap.h HandleScopeData).
TEST(HandlesScopeStateTest, TheLimitIsNullExactlyWhileNoScopeIsOpen) {
  Heap heap(DefaultTestConfig());
  internal::HandleScopeData* data = heap.handle_scope_data();
  EXPECT_EQ(data->limit, nullptr);
  for (int round = 0; round < 3; ++round) {
    {
      HandleScope outer(heap);
      ASSERT_NE(data->limit, nullptr);
      Value* const first = data->next;
      EXPECT_EQ(data->limit, first + kHandleBlockSize);
      {
        HandleScope inner(heap);  // an inner scope opens nothing
        EXPECT_EQ(data->next, first);
        for (int i = 0; i < 1500; ++i) Local<Value>::New(heap, Value::FromSmi(i));
      }
      EXPECT_EQ(data->next, first);
      EXPECT_EQ(data->limit, first + kHandleBlockSize);
    }
    EXPECT_EQ(data->limit, nullptr);
    EXPECT_EQ(data->next, nullptr);
  }
}

TEST(HandlesDeathTest, LocalAfterTheOutermostScopeClosedIsFatal) {
  Heap heap(DefaultTestConfig());
  { HandleScope scope(heap); }
  EXPECT_DEATH(Local<HeapObject>::New(heap, Value::FromSmi(1)), "without an open HandleScope");
}

TEST(HandlesDeathTest, EscapingFromTheOutermostScopeIsFatal) {
  Heap heap(DefaultTestConfig());
  EXPECT_DEATH(
      {
        HandleScope scope(heap);
        scope.CloseAndEscape(Local<Value>::New(heap, Value::FromSmi(1)));
      },
      "without an open HandleScope");
}

TEST_F(HandlesTest, GlobalKeepsAliveUntilReset) {
  Global<TreeNode> global;
  {
    HandleScope inner(heap());
    global.Reset(heap(), Value::FromObject(NewNode(9)));
  }
  Scavenge();
  Scavenge();
  FullGC();
  EXPECT_EQ(global->id.ToSmi(), 9);
  Global<TreeNode> moved = std::move(global);
  EXPECT_TRUE(global.IsEmpty());
  EXPECT_EQ(moved->id.ToSmi(), 9);
  moved.Reset();
  FullGC();
  EXPECT_EQ(CountObjects(heap()), 0);
  EXPECT_EQ(heap().GetHeapStatistics().used_global_handles_size, 0u);
}

TEST_F(HandlesTest, RegisteredRootVisitorsAreRootsAndReportTheirKind) {
  Value runtime_slot;
  const int id = heap().AddRootVisitor(RootKind::kRuntime, "runtime table",
                                       [&runtime_slot](ObjectVisitor& v) { v.VisitSlot(&runtime_slot); });
  runtime_slot = Value::FromObject(NewNode(77));
  Local<TreeNode> local = NewNodeLocal(1);
  Global<TreeNode> global(heap(), NewNode(2));
  Global<TreeNode> weak(heap(), local.get());  // alive: reported as a weak root
  weak.SetWeak();
  Scavenge();
  EXPECT_EQ(runtime_slot.As<TreeNode>()->id.ToSmi(), 77);

  struct Collect : RootVisitor {
    std::map<RootKind, int> kinds;
    std::vector<std::string> names;
    void VisitRoot(RootKind kind, const char* name, Value* slot) override {
      if (slot->IsHeapObject()) ++kinds[kind];
      names.push_back(name);
    }
  } collect;
  heap().IterateRoots(collect);
  EXPECT_EQ(collect.kinds[RootKind::kRuntime], 1);
  EXPECT_GE(collect.kinds[RootKind::kHandles], 1);
  EXPECT_EQ(collect.kinds[RootKind::kGlobals], 1);
  EXPECT_EQ(collect.kinds[RootKind::kWeakGlobals], 1);
  EXPECT_NE(std::find(collect.names.begin(), collect.names.end(), "runtime table"), collect.names.end());

  heap().RemoveRootVisitor(id);
  FullGC();
  // runtime_slot is no longer a root: its object died (the slot now dangles; don't read it).
  int with_id_77 = 0;
  heap().IterateObjects([&](HeapObject* o) {
    if (o->type() == &kTreeNodeType && o->As<TreeNode>()->id.ToSmi() == 77) ++with_id_77;
  });
  EXPECT_EQ(with_id_77, 0);
  runtime_slot = Value();
  EXPECT_EQ(local->id.ToSmi(), 1);
}

TEST(HandlesDeathTest, LocalWithoutAScopeIsFatal) {
  Heap heap(DefaultTestConfig());
  EXPECT_DEATH(Local<HeapObject>::New(heap, Value::FromSmi(1)), "without an open HandleScope");
}

}  // namespace
}  // namespace tenure::testing
