// Copyright the tenure authors.
// verifier_test.cc — the heap verifier catches planted bugs (death tests).
#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

using VerifierTest = HeapTest;
using VerifierDeathTest = HeapTest;

TEST_F(VerifierTest, HealthyHeapVerifies) {
  Local<TreeNode> a = NewNodeLocal(1, AllocationType::kOld);
  Store(a.get(), &a->left, Value::FromObject(NewNode(2)));
  heap().VerifyHeapForTesting();
  Scavenge();
  FullGC();
  heap().VerifyHeapForTesting();
  SUCCEED();
}

TEST_F(VerifierDeathTest, CatchesAMissingWriteBarrier) {
  Local<TreeNode> old = NewNodeLocal(1, AllocationType::kOld);
  TreeNode* young = NewNode(2);
  Heap::StoreWithoutBarrierForTesting(&old->left, Value::FromObject(young));
  EXPECT_DEATH(heap().VerifyHeapForTesting(), "missing from the remembered set");
  // The same planted bug is caught by --verify-heap before the next GC.
  EXPECT_DEATH(Scavenge(), "heap verification failed \\(before GC\\).*remembered set");
}

TEST_F(VerifierDeathTest, CatchesADanglingPointer) {
  Local<TreeNode> holder = NewNodeLocal(1, AllocationType::kOld);
  TreeNode* doomed;
  {
    HandleScope inner(heap());
    doomed = NewNode(2, AllocationType::kOld);
  }
  FullGC();  // `doomed` is swept: its memory is now a filler / free-list entry
  Heap::StoreWithoutBarrierForTesting(&holder->left, Value::FromObject(doomed));
  EXPECT_DEATH(heap().VerifyHeapForTesting(), "points to .*(filler|dangling)");
}

TEST_F(VerifierDeathTest, CatchesAPointerIntoFromSpace) {
  Local<TreeNode> holder = NewNodeLocal(1);
  TreeNode* stale = holder.get();  // a raw pointer held across a GC: the classic moving-GC bug
  Scavenge();
  Local<TreeNode> bad = Local<TreeNode>::New(heap(), stale);
  (void)bad;
  EXPECT_DEATH(heap().VerifyHeapForTesting(), "points to .*from-space");
}

TEST_F(VerifierDeathTest, CatchesAStaleMarkBit) {
  Local<TreeNode> a = NewNodeLocal(1, AllocationType::kOld);
  a->set_raw_header(a->raw_header() | HeapObject::kMarkBit);
  EXPECT_DEATH(heap().VerifyHeapForTesting(), "stale mark");
}

}  // namespace
}  // namespace tenure::testing
