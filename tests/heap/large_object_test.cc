// Copyright the tenure authors.
// large_object_test.cc — young and old large-object spaces.
#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

using LargeObjectTest = HeapTest;
constexpr int64_t kLargeLength = 40000;  // 320 KB > 128 KB

TEST_F(LargeObjectTest, LargeYoungObjectIsPromotedWithoutCopying) {
  Local<ValueArray> array = Local<ValueArray>::New(heap(), NewArray(kLargeLength));
  EXPECT_TRUE(Heap::InLargeObjectSpace(array.get()));
  EXPECT_TRUE(Heap::InYoungGeneration(array.get()));
  HeapObject* before = array.get();
  Scavenge();
  EXPECT_EQ(array.get(), before);
  EXPECT_TRUE(Heap::InOldGeneration(array.get()));
  EXPECT_EQ(array->size(), kLargeLength);
}

TEST_F(LargeObjectTest, DeadLargeObjectsAreFreed) {
  {
    HandleScope inner(heap());
    NewArray(kLargeLength);
    NewArray(kLargeLength, AllocationType::kOld);
  }
  EXPECT_GT(heap().GetHeapSpaceStatistics()[3].space_used_size, 0u);
  EXPECT_GT(heap().GetHeapSpaceStatistics()[2].space_used_size, 0u);
  Scavenge();
  EXPECT_EQ(heap().GetHeapSpaceStatistics()[3].space_used_size, 0u);
  FullGC();
  EXPECT_EQ(heap().GetHeapSpaceStatistics()[2].space_used_size, 0u);
  EXPECT_EQ(heap().GetHeapSpaceStatistics()[2].space_size, 0u);
}

TEST_F(LargeObjectTest, LargeObjectSlotsAreTracedAndUpdated) {
  Local<ValueArray> array = Local<ValueArray>::New(heap(), NewArray(kLargeLength));
  for (int64_t i = 0; i < kLargeLength; i += 1000) {
    Store(array.get(), array->slots() + i, Value::FromObject(NewNode(i)));
  }
  Scavenge();  // array promoted; its young children copied; slots re-recorded
  Scavenge();  // children promoted via the large object's remembered set
  FullGC();
  for (int64_t i = 0; i < kLargeLength; i += 1000) {
    ASSERT_EQ(array->slots()[i].As<TreeNode>()->id.ToSmi(), i);
  }
}

TEST_F(LargeObjectTest, OldLargeObjectToYoungPointerNeedsTheBarrierOnlyOnce) {
  Local<ValueArray> array = Local<ValueArray>::New(heap(), NewArray(kLargeLength, AllocationType::kOld));
  // A slot far beyond the first 256 KiB of the chunk.
  Value* far = array->slots() + kLargeLength - 1;
  Store(array.get(), far, Value::FromObject(NewNode(99)));
  Scavenge();
  EXPECT_EQ(far->As<TreeNode>()->id.ToSmi(), 99);
}

TEST_F(LargeObjectTest, LargeStringsHaveNoPointers) {
  std::string text(200 * 1024, 'x');
  Local<ByteString> s = Local<ByteString>::New(heap(), NewString(text));
  Scavenge();
  FullGC();
  EXPECT_EQ(s->view(), text);
}

}  // namespace
}  // namespace tenure::testing
