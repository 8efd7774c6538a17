// Copyright the tenure authors.
// compaction_recording_test.cc — compaction updates only roots, recorded slots and evacuated
// copies (mark-compact.h phase 6): candidates are chosen when marking starts, the marking visitors
// and the marking barrier record slots into them (incremental-marking.h, "COMPACTION SLOT
// RECORDING"), and nothing is allocated on a candidate before it is evacuated.
#include <unordered_set>

#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

constexpr uintptr_t kPageMask = ~((uintptr_t{1} << 18) - 1);  // 256 KiB pages (write-barrier.h)

uintptr_t PageOf(const void* object) { return reinterpret_cast<uintptr_t>(object) & kPageMask; }

HeapConfig ManualConfig() {
  HeapConfig config = DefaultTestConfig();  // verify_heap: a missed update is a dangling pointer
  config.incremental_marking = false;       // the tests drive marking through the testing hooks
  return config;
}

// Records every move (the scavenger and the compactor report them).
class MoveRecorder final : public ObjectMoveListener {
 public:
  void OnObjectMoved(HeapObject* from, HeapObject* /*to*/, size_t /*size*/) override {
    moved_from.insert(from);
  }
  std::unordered_set<HeapObject*> moved_from;
};

class CompactionRecordingTest : public HeapTest {
 protected:
  CompactionRecordingTest() : HeapTest(ManualConfig()) { heap().SetObjectMoveListener(&moves_); }
  ~CompactionRecordingTest() override { heap().SetObjectMoveListener(nullptr); }

  void FinishSteps() {
    for (int i = 0; i < 100; ++i) heap().IncrementalMarkingStepForTesting(1 * MB);
  }
  // Allocates old nodes until one lands on a page other than `page`; returns it.
  TreeNode* NewOldNodeOffPage(uintptr_t page, int64_t id) {
    for (;;) {
      TreeNode* node = NewNode(id, AllocationType::kOld);
      if (PageOf(node) != page) return node;
    }
  }

  MoveRecorder moves_;
};

// A slot recorded while marking (the host was scanned black) is then overwritten by the mutator:
// with a Smi, with an object that does not move, and with another object on the candidate. Only
// the last must be forwarded; the stale entries must be left alone.
TEST_F(CompactionRecordingTest, RecordedSlotsOverwrittenByTheMutator) {
  Local<TreeNode> a = NewNodeLocal(1, AllocationType::kOld);  // both on the candidate page
  Local<TreeNode> b = NewNodeLocal(2, AllocationType::kOld);
  const uintptr_t candidate = PageOf(a.get());
  ASSERT_EQ(PageOf(b.get()), candidate);
  Local<TreeNode> host = Local<TreeNode>::New(heap(), NewOldNodeOffPage(candidate, 10));
  Local<TreeNode> stay = Local<TreeNode>::New(heap(), NewOldNodeOffPage(candidate, 11));
  Local<TreeNode> host2 = Local<TreeNode>::New(heap(), NewOldNodeOffPage(candidate, 12));
  Link(host.get(), &host->left, a.get());
  Link(host.get(), &host->right, a.get());
  Link(host2.get(), &host2->left, a.get());

  heap().ForceEvacuationCandidateForTesting(a.get());
  heap().StartIncrementalMarkingForTesting();
  FinishSteps();  // host, host2: black, their slots into `a` recorded
  Store(host.get(), &host->left, Value::FromSmi(77));
  Link(host.get(), &host->right, stay.get());
  Link(host2.get(), &host2->right, b.get());  // barrier: black host, slot not recorded yet
  heap().IncrementalMarkingStepForTesting(1 * MB);  // tri-colour + recording check (verify_heap)
  HeapObject* a_before = a.get();
  HeapObject* b_before = b.get();
  FullGC();  // finalizes marking and evacuates the candidate (then collects once more)

  EXPECT_EQ(moves_.moved_from.count(a_before), 1u);
  EXPECT_EQ(moves_.moved_from.count(b_before), 1u);
  EXPECT_EQ(host->left.ToSmi(), 77);
  EXPECT_EQ(host->right.ToObject(), stay.get());
  EXPECT_EQ(host2->left.ToObject(), a.get());
  EXPECT_EQ(host2->right.ToObject(), b.get());
  EXPECT_EQ(host2->right.As<TreeNode>()->id.ToSmi(), 2);
}

// Old allocation and promotion during marking never use a candidate's free memory, so every
// object on a candidate existed when marking started.
TEST_F(CompactionRecordingTest, NothingIsAllocatedOnCandidatesWhileMarking) {
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(100, AllocationType::kOld));
  for (int i = 0; i < 10000; ++i) {
    TreeNode* node = NewNode(i, AllocationType::kOld);
    if (i % 100 == 0) Store(keep.get(), keep->slots() + i / 100, Value::FromObject(node));
  }
  FullGC();  // the pages are now mostly free-list entries
  const uintptr_t candidate = PageOf(keep->slots()[50].ToObject());
  heap().ForceEvacuationCandidateForTesting(keep->slots()[50].ToObject());
  heap().StartIncrementalMarkingForTesting();
  Local<ValueArray> young = Local<ValueArray>::New(heap(), NewArray(200));
  for (int i = 0; i < 5000; ++i) {
    TreeNode* node = NewNode(i, AllocationType::kOld);
    ASSERT_NE(PageOf(node), candidate) << "old allocation on an evacuation candidate";
    if (i < 200) Link(young.get(), young->slots() + i, NewNode(-i));
  }
  Scavenge();
  Scavenge();  // promotes the young nodes
  for (int i = 0; i < 200; ++i) {
    ASSERT_NE(PageOf(young->slots()[i].ToObject()), candidate) << "promoted onto a candidate";
  }
  FullGC();
  for (int i = 0; i < 100; ++i) ASSERT_EQ(keep->slots()[i].As<TreeNode>()->id.ToSmi(), i * 100);
}

// Young hosts are not walked after evacuation: their slots into candidates are recorded when the
// final marking scans them. A dead young host is not updated (it becomes a filler).
TEST_F(CompactionRecordingTest, YoungHostsAreUpdatedFromRecordedSlots) {
  Local<TreeNode> target = NewNodeLocal(5, AllocationType::kOld);
  Local<ValueArray> young = Local<ValueArray>::New(heap(), NewArray(64));
  for (int i = 0; i < 64; ++i) {
    TreeNode* holder = NewNode(100 + i);
    Link(holder, &holder->left, target.get());
    Link(young.get(), young->slots() + i, holder);
    NewNode(-1)->left = Value::FromObject(target.get());  // dead young host into the candidate
  }
  heap().ForceEvacuationCandidateForTesting(target.get());
  HeapObject* before = target.get();
  FullGC();  // no incremental marking: candidates chosen at the start of this GC
  ASSERT_EQ(moves_.moved_from.count(before), 1u);
  for (int i = 0; i < 64; ++i) {
    ASSERT_EQ(young->slots()[i].As<TreeNode>()->left.ToObject(), target.get()) << i;
  }
}

// The recording invariant is checked by the tri-colour verifier: a store into a black host of an
// object on a candidate that bypasses the barrier is reported.
TEST_F(CompactionRecordingTest, MissingRecordIsCaughtByTheVerifier) {
  Local<TreeNode> on_candidate = NewNodeLocal(1, AllocationType::kOld);
  Local<TreeNode> host =
      Local<TreeNode>::New(heap(), NewOldNodeOffPage(PageOf(on_candidate.get()), 2));
  heap().ForceEvacuationCandidateForTesting(on_candidate.get());
  heap().StartIncrementalMarkingForTesting();
  FinishSteps();
  Heap::StoreWithoutBarrierForTesting(&host->left, Value::FromObject(on_candidate.get()));
  EXPECT_DEATH(heap().IncrementalMarkingStepForTesting(1 * MB),
               "into an evacuation candidate not recorded");
  host->left = Value();
}

// stress_compaction with incremental marking: every old page that exists when marking starts is
// evacuated by the finalizing GC.
class StressCompactionRecordingTest : public HeapTest {
 protected:
  static HeapConfig Config() {
    HeapConfig config = ManualConfig();
    config.stress_compaction = true;
    return config;
  }
  StressCompactionRecordingTest() : HeapTest(Config()) {}
  void FinishSteps() {
    for (int i = 0; i < 100; ++i) heap().IncrementalMarkingStepForTesting(1 * MB);
  }
};

TEST_F(StressCompactionRecordingTest, IncrementalMarkingEvacuatesEveryPageItStartedWith) {
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(500, AllocationType::kOld));
  for (int i = 0; i < 500; ++i) {
    TreeNode* node = NewNode(i, AllocationType::kOld);
    Link(node, &node->left, NewNode(-i));  // old -> young
    if (i > 0) Store(node, &node->right, keep->slots()[i - 1]);  // old -> old chain
    Store(keep.get(), keep->slots() + i, Value::FromObject(node));
  }
  MoveRecorder moves;
  heap().SetObjectMoveListener(&moves);
  HeapObject* first = keep->slots()[0].ToObject();
  HeapObject* last = keep->slots()[499].ToObject();
  heap().StartIncrementalMarkingForTesting();
  FinishSteps();
  for (int i = 0; i < 500; i += 7) {  // barrier stores into black hosts, old -> old
    TreeNode* node = keep->slots()[i].As<TreeNode>();
    Store(node, &node->right, keep->slots()[(i * 31) % 500]);
  }
  FullGC();
  heap().SetObjectMoveListener(nullptr);
  EXPECT_EQ(moves.moved_from.count(first), 1u);
  EXPECT_EQ(moves.moved_from.count(last), 1u);
  Scavenge();  // the moved nodes' old->new slots were re-recorded (verifier check 3)
  for (int i = 0; i < 500; ++i) {
    TreeNode* node = keep->slots()[i].As<TreeNode>();
    ASSERT_EQ(node->id.ToSmi(), i);
    ASSERT_EQ(node->left.As<TreeNode>()->id.ToSmi(), -i);
    const int64_t right = i % 7 == 0 ? (i * 31) % 500 : i - 1;
    ASSERT_EQ(node->right.As<TreeNode>()->id.ToSmi(), right) << i;
  }
}

}  // namespace
}  // namespace tenure::testing
