// Copyright the tenure authors.
// scavenger_test.cc — copying, promotion on second survival, remembered-set roots, growth.
#include <cstdint>
#include <string>
#include <vector>

#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

using ScavengerTest = HeapTest;

TEST_F(ScavengerTest, RootedObjectIsCopiedWithContents) {
  Local<TreeNode> node = NewNodeLocal(7);
  ByteString* s = NewString("hello, tenure");
  Link(node.get(), &node->left, s);
  HeapObject* before = node.get();
  Scavenge();
  EXPECT_NE(node.get(), before);
  EXPECT_TRUE(Heap::InYoungGeneration(node.get()));
  EXPECT_EQ(node->id.ToSmi(), 7);
  EXPECT_EQ(node->left.As<ByteString>()->view(), "hello, tenure");
}

TEST_F(ScavengerTest, PromotedOnSecondSurvival) {
  Local<TreeNode> node = NewNodeLocal(1);
  Scavenge();
  EXPECT_TRUE(Heap::InYoungGeneration(node.get()));
  Scavenge();
  EXPECT_TRUE(Heap::InOldGeneration(node.get()));
  EXPECT_EQ(node->id.ToSmi(), 1);
}

TEST_F(ScavengerTest, ObjectsAllocatedAfterAScavengeAreNotPromotedEarly) {
  Local<TreeNode> first = NewNodeLocal(1);
  Scavenge();                                 // first survives once
  Local<TreeNode> second = NewNodeLocal(2);   // allocated above the age mark
  Scavenge();
  EXPECT_TRUE(Heap::InOldGeneration(first.get()));
  EXPECT_TRUE(Heap::InYoungGeneration(second.get()));
}

TEST_F(ScavengerTest, GarbageIsNotCopied) {
  for (int i = 0; i < 10000; ++i) NewNode(i);
  const size_t used_before = heap().SizeOfObjects();
  Scavenge();
  EXPECT_LT(heap().SizeOfObjects(), used_before / 10);
}

TEST_F(ScavengerTest, CyclesAndSharedObjectsStayShared) {
  Local<TreeNode> a = NewNodeLocal(1);
  TreeNode* b = NewNode(2);
  Link(a.get(), &a->left, b);
  Link(b, &b->left, a.get());   // cycle
  Link(a.get(), &a->right, b);  // shared
  Scavenge();
  TreeNode* nb = a->left.As<TreeNode>();
  EXPECT_EQ(a->right.As<TreeNode>(), nb);
  EXPECT_EQ(nb->left.As<TreeNode>(), a.get());
  EXPECT_EQ(nb->id.ToSmi(), 2);
}

TEST_F(ScavengerTest, OldToYoungPointerIsARootAndGetsUpdated) {
  Local<TreeNode> old = NewNodeLocal(1, AllocationType::kOld);
  TreeNode* young = NewNode(2);
  Link(old.get(), &old->left, young);
  Scavenge();
  ASSERT_TRUE(old->left.IsHeapObject());
  EXPECT_NE(old->left.ToObject(), young);
  EXPECT_EQ(old->left.As<TreeNode>()->id.ToSmi(), 2);
  Scavenge();  // promoted now; the remembered-set entry must be dropped (verifier checks)
  EXPECT_TRUE(Heap::InOldGeneration(old->left.ToObject()));
  EXPECT_EQ(old->left.As<TreeNode>()->id.ToSmi(), 2);
}

TEST_F(ScavengerTest, SemispaceGrowsWhenSurvivorsExceedCapacity) {
  const size_t initial = heap().semi_space_capacity();
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(20000));
  for (int i = 0; i < 20000; ++i) {
    TreeNode* n = NewNode(i);
    Store(keep.get(), keep->slots() + i, Value::FromObject(n));
  }
  Scavenge();
  Scavenge();
  EXPECT_GT(heap().semi_space_capacity(), initial);
  EXPECT_LE(heap().semi_space_capacity(), 1 * MB);
  for (int i = 0; i < 20000; ++i) ASSERT_EQ(keep->slots()[i].As<TreeNode>()->id.ToSmi(), i);
}

// A memory-reducing GC (CollectAllAvailableGarbage) shrinks grown semispaces back to their initial
// capacity; survivors stay intact and the heap stays consistent (new-space.h, Sizing).
TEST_F(ScavengerTest, SemispaceShrinksOnMemoryReducingGC) {
  const size_t initial = heap().semi_space_capacity();
  {
    HandleScope scope(heap());
    Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(20000));
    for (int i = 0; i < 20000; ++i) {
      TreeNode* n = NewNode(i);
      Store(keep.get(), keep->slots() + i, Value::FromObject(n));
    }
    Scavenge();
    Scavenge();
    ASSERT_GT(heap().semi_space_capacity(), initial);
  }
  Local<TreeNode> survivor = NewNodeLocal(42);
  heap().CollectAllAvailableGarbage();
  EXPECT_EQ(heap().semi_space_capacity(), initial);
  EXPECT_EQ(survivor->id.ToSmi(), 42);
  for (int i = 0; i < 100000; ++i) NewNode(i);  // allocation and scavenges go on after shrinking
  EXPECT_EQ(survivor->id.ToSmi(), 42);
  heap().VerifyHeapForTesting();
}

TEST_F(ScavengerTest, PromotesWhenToSpaceIsFull) {
  // 1.6 MB of live young objects into 512 KiB semispaces: most must be promoted.
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(50000, AllocationType::kOld));
  for (int i = 0; i < 50000; ++i) {
    Store(keep.get(), keep->slots() + i, Value::FromObject(NewNode(i)));
  }
  Scavenge();
  size_t old_count = 0;
  for (int i = 0; i < 50000; ++i) {
    TreeNode* n = keep->slots()[i].As<TreeNode>();
    ASSERT_EQ(n->id.ToSmi(), i);
    old_count += Heap::InOldGeneration(n);
  }
  EXPECT_GT(old_count, 0u);
}

TEST_F(ScavengerTest, MoveListenerSeesEveryCopy) {
  struct Recorder : ObjectMoveListener {
    std::vector<std::pair<HeapObject*, HeapObject*>> moves;
    void OnObjectMoved(HeapObject* from, HeapObject* to, size_t size) override {
      moves.emplace_back(from, to);
      EXPECT_EQ(size, to->Size());
    }
  } recorder;
  heap().SetObjectMoveListener(&recorder);
  Local<TreeNode> node = NewNodeLocal(1);
  HeapObject* before = node.get();
  Scavenge();
  heap().SetObjectMoveListener(nullptr);
  ASSERT_EQ(recorder.moves.size(), 1u);
  EXPECT_EQ(recorder.moves[0].first, before);
  EXPECT_EQ(recorder.moves[0].second, node.get());
}

TEST_F(ScavengerTest, FromSpaceMemoryIsReusedZeroed) {
  for (int round = 0; round < 20; ++round) {
    for (int i = 0; i < 5000; ++i) {
      ValueArray* a = NewArray(4);
      for (int j = 0; j < 4; ++j) ASSERT_TRUE(a->slots()[j].IsEmpty());
      a->slots()[0] = Value::FromSmi(round);  // dirty it
    }
  }
  EXPECT_GT(heap().gc_statistics().scavenge_count, 5u);
}


// Lazy zeroing (new-space.h): survivors leave the copy top in the middle of a page and the mutator
// continues there and on pages that held dirty from-space data. Every fresh object must still read
// as zero, with and without the verify_heap zap pattern.
class ZeroingTest : public HeapTest {
 protected:
  explicit ZeroingTest(bool verify_heap) : HeapTest(Config(verify_heap)) {}
  static HeapConfig Config(bool verify_heap) {
    HeapConfig config = DefaultTestConfig();
    config.verify_heap = verify_heap;  // off: no zap pattern, from-space keeps its stale bytes
    return config;
  }
  void CheckFreshMemoryStaysZero();
};

void ZeroingTest::CheckFreshMemoryStaysZero() {
  Heap& heap = this->heap();
  Local<ValueArray> keep = Local<ValueArray>::New(heap, NewArray(60));  // one string kept per 50 allocations
  for (int round = 0; round < 40; ++round) {
    for (int i = 0; i < 3000; ++i) {
      ByteString* s = NewString(std::string(40, '\xff'));  // dirty garbage
      ValueArray* a = NewArray(5);
      for (int j = 0; j < 5; ++j) ASSERT_TRUE(a->slots()[j].IsEmpty()) << round << " " << i;
      a->slots()[0] = Value::FromSmi(-1);
      if (i % 50 == 0) Store(keep.get(), &keep->slots()[i / 50], Value::FromObject(s));
      auto* raw = heap.New<ByteString>(&kByteStringType, 16 + 48);
      for (int k = 0; k < 48; ++k) ASSERT_EQ(raw->chars()[k], 0) << round << " " << i;
      raw->length = 48;
    }
  }
  for (int j = 0; j < 60; ++j) {
    ASSERT_TRUE(keep->slots()[j].IsHeapObject());
    EXPECT_EQ(keep->slots()[j].As<ByteString>()->view(), std::string(40, '\xff'));
  }
  EXPECT_GT(heap.gc_statistics().scavenge_count, 10u);
}

class ZeroingVerifyTest : public ZeroingTest {
 protected:
  ZeroingVerifyTest() : ZeroingTest(/*verify_heap=*/true) {}
};
class ZeroingNoVerifyTest : public ZeroingTest {
 protected:
  ZeroingNoVerifyTest() : ZeroingTest(/*verify_heap=*/false) {}
};

TEST_F(ZeroingVerifyTest, FreshMemoryIsZeroAfterScavengesWithSurvivors) {
  CheckFreshMemoryStaysZero();
}

TEST_F(ZeroingNoVerifyTest, FreshMemoryIsZeroAfterScavengesWithSurvivors) {
  CheckFreshMemoryStaysZero();
  heap().VerifyHeapForTesting();
}

// A structure spanning several to-space pages, mixing every layout the scan handles (kAllTagged
// fixed and variable size, kNoPointers, kCustom), survives a copy and then a promotion intact; the
// verifier (fixture) checks the remembered sets of promoted hosts that still point into to-space.
TEST_F(ScavengerTest, MixedLayoutsSurviveCopyAndPromotion) {
  Local<ValueArray> head = Local<ValueArray>::New(heap(), NewArray(1));
  constexpr int kCount = 12000;  // ~900 KB: more than three pages
  for (int i = 0; i < kCount; ++i) {
    ValueArray* cell = NewArray(3);
    cell->slots()[0] = head->slots()[0];
    Local<ValueArray> cell_handle = Local<ValueArray>::New(heap(), cell);
    ByteString* text = NewString(std::to_string(i));
    Store(cell_handle.get(), &cell_handle->slots()[1], Value::FromObject(text));
    WeakCell* weak = NewWeakCell(Value());  // may GC: `text` may have moved by now
    Store(weak, &weak->target, cell_handle->slots()[1]);
    Store(cell_handle.get(), &cell_handle->slots()[2], Value::FromObject(weak));
    Store(head.get(), &head->slots()[0], Value::FromObject(cell_handle.get()));
    if (i == kCount / 2) Scavenge();  // first half survives once before the second half exists
  }
  Scavenge();  // first half promoted; the second half survives once
  Scavenge();  // everything promoted
  int n = kCount;
  for (Value v = head->slots()[0]; v.IsHeapObject(); v = v.As<ValueArray>()->slots()[0]) {
    ValueArray* cell = v.As<ValueArray>();
    --n;
    ASSERT_EQ(cell->slots()[1].As<ByteString>()->view(), std::to_string(n));
    WeakCell* weak = cell->slots()[2].As<WeakCell>();
    ASSERT_EQ(weak->target, cell->slots()[1]);
    EXPECT_TRUE(Heap::InOldGeneration(cell));
  }
  EXPECT_EQ(n, 0);
}

// The copy (scavenger.cc CopyObject) moves objects of up to 64 bytes by two or four overlapping
// 16-byte moves and larger ones by memcpy, and the copy loop is instantiated with and without
// per-object bookkeeping (a move listener selects the second). Every size from 16 to 104 bytes,
// pointer-free (strings) and tagged (arrays whose slots hold Smis and a pointer), survives both
// loops word for word.
TEST_F(ScavengerTest, EverySmallSizeIsCopiedWordForWordWithAndWithoutBookkeeping) {
  struct CountingListener : ObjectMoveListener {
    size_t moves = 0;
    void OnObjectMoved(HeapObject*, HeapObject*, size_t) override { ++moves; }
  } listener;
  for (bool with_listener : {false, true}) {
    SCOPED_TRACE(with_listener ? "with move listener" : "without");
    HandleScope scope(heap());
    std::vector<Local<ByteString>> strings;
    std::vector<Local<ValueArray>> arrays;
    for (int n = 0; n <= 10; ++n) {
      // ByteString: 16 + n*8 + 5 bytes -> 24 + n*8 allocated; ValueArray: 16 + n*8 bytes.
      std::string text(n * 8 + 5, 'a');
      for (size_t i = 0; i < text.size(); ++i) text[i] = static_cast<char>('a' + (i * 7 + n) % 26);
      strings.push_back(Local<ByteString>::New(heap(), NewString(text)));
      ValueArray* array = NewArray(n);
      for (int i = 0; i < n; ++i) array->slots()[i] = Value::FromSmi(1000 * n + i);
      arrays.push_back(Local<ValueArray>::New(heap(), array));
      if (n > 0) {
        Store(arrays.back().get(), &arrays.back()->slots()[0],
              Value::FromObject(strings.back().get()));
      }
    }
    std::vector<HeapObject*> before;
    for (auto& a : arrays) before.push_back(a.get());
    heap().SetObjectMoveListener(with_listener ? &listener : nullptr);
    listener.moves = 0;
    Scavenge();
    heap().SetObjectMoveListener(nullptr);
    EXPECT_EQ(listener.moves, with_listener ? 22u : 0u);
    for (int n = 0; n <= 10; ++n) {
      EXPECT_NE(static_cast<HeapObject*>(arrays[n].get()), before[n]);
      ASSERT_EQ(arrays[n]->size(), n);
      EXPECT_EQ(arrays[n]->Size(), AllocationSize(16 + 8 * n));
      if (n > 0) {
        EXPECT_EQ(arrays[n]->slots()[0].As<ByteString>(), strings[n].get());
      }
      for (int i = 1; i < n; ++i) EXPECT_EQ(arrays[n]->slots()[i], Value::FromSmi(1000 * n + i));
      std::string_view text = strings[n]->view();
      ASSERT_EQ(text.size(), static_cast<size_t>(n * 8 + 5));
      for (size_t i = 0; i < text.size(); ++i) {
        ASSERT_EQ(text[i], static_cast<char>('a' + (i * 7 + n) % 26)) << "size " << n << " at " << i;
      }
    }
  }
}

// Fixed-size kTaggedPrefix types: header, one `next` slot, then `words` untagged payload words.
constexpr TypeInfo FixedNodeType(uint32_t words) {
  return TypeInfo{.class_name = "FixedNode",
                  .layout = LayoutKind::kTaggedPrefix,
                  .size = 16 + 8 * words,
                  .tagged_prefix_words = 1};
}
constexpr uint32_t kFixedWords[] = {0, 1, 3, 6, 7};  // 16, 24, 40, 64 and 72 bytes
constexpr TypeInfo kFixedNodeTypes[] = {FixedNodeType(0), FixedNodeType(1), FixedNodeType(3),
                                        FixedNodeType(6), FixedNodeType(7)};

// The scavenger sizes objects through one-entry caches of the last fixed-size type (scavenger.h
// "Size caches": the prefetch cursor, the scan and Evacuate each keep one). A chain of fixed-size
// types of 16, 24, 40, 64 and 72 bytes interleaved with variable-size arrays, in runs of one to
// three objects of a type, survives a copy and a promotion with every type, size, link and payload
// word intact: a cache that answered for another type, or cached a variable-size type, mis-sizes
// a copy (and the scan then parses garbage).
TEST_F(ScavengerTest, InterleavedFixedAndVariableSizesAreSizedPerType) {
  constexpr int kCount = 6000;  // ~260 KB: more than one 256 KiB page, less than the semispace
  constexpr int kArrayKind = 5;
  Local<ValueArray> head = Local<ValueArray>::New(heap(), NewArray(1));
  auto kind_of = [](int i) { return (i / (1 + i % 3)) % 6; };
  auto word = [](int i, uint32_t w) { return static_cast<uint64_t>(i) * 131 + w; };
  // `next` is the first slot of every kind (a ValueArray's slots()[0]).
  auto next_of = [&](HeapObject* object, int i) {
    return kind_of(i) == kArrayKind ? static_cast<ValueArray*>(object)->slots() : object->body();
  };
  auto payload_of = [](HeapObject* object) {
    return reinterpret_cast<uint64_t*>(object->body() + 1);
  };
  for (int i = 0; i < kCount; ++i) {
    const int kind = kind_of(i);
    HeapObject* object;
    if (kind == kArrayKind) {
      ValueArray* array = NewArray(1 + i % 5);
      for (int k = 1; k < array->size(); ++k) array->slots()[k] = Value::FromSmi(i + k);
      object = array;
    } else {
      object = heap().New<HeapObject>(&kFixedNodeTypes[kind], kFixedNodeTypes[kind].size);
      for (uint32_t w = 0; w < kFixedWords[kind]; ++w) payload_of(object)[w] = word(i, w);
    }
    *next_of(object, i) = head->slots()[0];  // young host: no barrier needed
    head->slots()[0] = Value::FromObject(object);
  }
  auto check = [&](bool promoted) {
    int i = kCount;
    for (Value v = head->slots()[0]; v.IsHeapObject(); v = *next_of(v.ToObject(), i)) {
      HeapObject* object = v.ToObject();
      --i;
      ASSERT_GE(i, 0);
      EXPECT_EQ(Heap::InOldGeneration(object), promoted);
      const int kind = kind_of(i);
      if (kind == kArrayKind) {
        ASSERT_EQ(object->type(), &kValueArrayType) << i;
        auto* array = static_cast<ValueArray*>(object);
        ASSERT_EQ(array->size(), 1 + i % 5) << i;
        for (int k = 1; k < array->size(); ++k) ASSERT_EQ(array->slots()[k], Value::FromSmi(i + k));
        continue;
      }
      ASSERT_EQ(object->type(), &kFixedNodeTypes[kind]) << i;
      EXPECT_EQ(object->Size(), 16 + 8 * kFixedWords[kind]) << i;
      for (uint32_t w = 0; w < kFixedWords[kind]; ++w) {
        ASSERT_EQ(payload_of(object)[w], word(i, w)) << "object " << i << " word " << w;
      }
    }
    EXPECT_EQ(i, 0);
  };
  Scavenge();  // copied within new space
  check(false);
  Scavenge();  // promoted
  check(true);
  heap().VerifyHeapForTesting();
}

}  // namespace
}  // namespace tenure::testing
