// Copyright the tenure authors.
// page_pool_test — the page pool (src/heap/page-pool.h): its bound, decay and release, the zeroing
// contract of recycled chunks, and the heap's use of it (promotion reuses the pages a full GC
// released, a memory-reducing GC returns them, a shrinking heap limit lowers the bound), with the
// verifier and gc_interval stress on.
#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <vector>

#include "heap_test_fixture.h"
#include "old-space.h"
#include "page-pool.h"
#include "page.h"
#include "sweeper.h"

namespace tenure::testing {
namespace {

using internal::kPageSize;
using internal::PageContents;
using internal::PagePool;
using internal::PagePoolConfig;

bool AllBytesAre(const void* p, size_t size, unsigned char value) {
  const auto* bytes = static_cast<const unsigned char*>(p);
  return std::all_of(bytes, bytes + size, [value](unsigned char b) { return b == value; });
}

// True iff [p, p + size) is mapped (mincore fails with ENOMEM on unmapped ranges).
bool IsMapped(void* p, size_t size) {
  std::vector<unsigned char> residency(size / 4096);
  return mincore(p, size, residency.data()) == 0;
}

PagePoolConfig SmallPool(size_t chunks, bool huge_pages = false) {
  return {.initial_max_bytes = chunks * kPageSize, .huge_pages = huge_pages};
}

TEST(PagePoolTest, ReturnKeepsPooledBytesWithinTheBound) {
  PagePool pool(SmallPool(4));
  std::vector<void*> chunks;
  for (int i = 0; i < 10; ++i) chunks.push_back(pool.Take(PageContents::kZeroed));
  EXPECT_EQ(pool.stats().fresh_chunks, 10u);  // room for fewer than a batch: one chunk at a time
  for (void* chunk : chunks) {
    pool.Return(chunk);
    EXPECT_LE(pool.pooled_bytes(), pool.max_bytes());
  }
  EXPECT_EQ(pool.pooled_bytes(), 4 * kPageSize);
  EXPECT_EQ(pool.surplus_bytes(), 6 * kPageSize);
  EXPECT_EQ(pool.ReleaseSurplus(2), 2u);
  EXPECT_EQ(pool.ReleaseSurplus(100), 4u);
  EXPECT_EQ(pool.surplus_bytes(), 0u);
  EXPECT_EQ(pool.stats().unmapped_chunks, 6u);
  // The first four returned filled the pool; the other six went to the surplus and are gone now.
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(IsMapped(chunks[i], kPageSize)) << i;
  for (int i = 4; i < 10; ++i) EXPECT_FALSE(IsMapped(chunks[i], kPageSize)) << i;
}

TEST(PagePoolTest, ZeroedTakeClearsAStaleChunkAndUninitializedTakeSkipsTheMemset) {
  PagePool pool(SmallPool(4));
  void* chunk = pool.Take(PageContents::kZeroed);
  EXPECT_TRUE(AllBytesAre(chunk, kPageSize, 0));
  memset(chunk, 0xAB, kPageSize);
  pool.Return(chunk);
  void* again = pool.Take(PageContents::kZeroed);
  ASSERT_EQ(again, chunk);  // LIFO: the warmest chunk comes back
  EXPECT_TRUE(AllBytesAre(again, kPageSize, 0));
  EXPECT_EQ(pool.stats().zeroed_chunks, 1u);
  memset(again, 0xCD, kPageSize);
  pool.Return(again);
  void* stale = pool.Take(PageContents::kUninitialized);
  ASSERT_EQ(stale, chunk);
  EXPECT_EQ(pool.stats().zeroed_chunks, 1u);
  EXPECT_EQ(pool.stats().reused_chunks, 2u);
  pool.Return(stale);
}

class PagePoolBatchTest : public ::testing::TestWithParam<bool> {};

TEST_P(PagePoolBatchTest, AFreshBatchIsPooledAlignedAndZero) {
  PagePool pool(SmallPool(16, /*huge_pages=*/GetParam()));
  std::set<void*> seen;
  std::vector<void*> chunks;
  for (size_t i = 0; i < PagePool::kChunksPerBatch; ++i) {
    void* chunk = pool.Take(PageContents::kUninitialized);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(chunk) % kPageSize, 0u);
    EXPECT_TRUE(AllBytesAre(chunk, kPageSize, 0));  // fresh anonymous memory
    EXPECT_TRUE(seen.insert(chunk).second);
    chunks.push_back(chunk);
    if (i == 0) EXPECT_EQ(pool.pooled_bytes(), (PagePool::kChunksPerBatch - 1) * kPageSize);
  }
  EXPECT_EQ(pool.stats().fresh_chunks, PagePool::kChunksPerBatch);
  EXPECT_EQ(pool.stats().reused_chunks, PagePool::kChunksPerBatch - 1);
  EXPECT_EQ(pool.pooled_bytes(), 0u);
  // The batch is one contiguous block, 2 MiB-aligned when it may be backed by a huge page.
  const uintptr_t first = reinterpret_cast<uintptr_t>(*seen.begin());
  if (GetParam()) EXPECT_EQ(first % PagePool::kBatchBytes, 0u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(*seen.rbegin()) - first, PagePool::kBatchBytes - kPageSize);
  for (void* chunk : chunks) pool.Return(chunk);
}

INSTANTIATE_TEST_SUITE_P(HugePages, PagePoolBatchTest, ::testing::Bool());

TEST(PagePoolTest, LoweringTheBoundMovesTheColdestChunksToTheSurplus) {
  PagePool pool(SmallPool(8));
  std::vector<void*> chunks;
  for (int i = 0; i < 8; ++i) chunks.push_back(pool.Take(PageContents::kZeroed));
  for (void* chunk : chunks) pool.Return(chunk);
  pool.SetMaxBytes(2 * kPageSize);
  EXPECT_EQ(pool.pooled_bytes(), 2 * kPageSize);
  EXPECT_EQ(pool.surplus_bytes(), 6 * kPageSize);
  // The two kept are the last two returned; then the surplus serves before anything is mapped.
  EXPECT_EQ(pool.Take(PageContents::kZeroed), chunks[7]);
  EXPECT_EQ(pool.Take(PageContents::kZeroed), chunks[6]);
  void* from_surplus = pool.Take(PageContents::kZeroed);
  EXPECT_NE(std::find(chunks.begin(), chunks.begin() + 6, from_surplus), chunks.begin() + 6);
  EXPECT_EQ(pool.stats().fresh_chunks, 8u);
  EXPECT_EQ(pool.surplus_bytes(), 5 * kPageSize);
  pool.Return(chunks[7]);
  pool.Return(chunks[6]);
  pool.Return(from_surplus);  // over the bound: queued, not pooled
  EXPECT_EQ(pool.pooled_bytes(), 2 * kPageSize);
  EXPECT_EQ(pool.surplus_bytes(), 6 * kPageSize);
}

TEST(PagePoolTest, EachCycleReleasesHalfOfTheChunksTheLastCycleDidNotUse) {
  PagePool pool(SmallPool(8));
  std::vector<void*> chunks;
  for (int i = 0; i < 8; ++i) chunks.push_back(pool.Take(PageContents::kZeroed));
  for (void* chunk : chunks) pool.Return(chunk);
  pool.StartCycle({.max_bytes = 8 * kPageSize, .allocated_bytes = MB});  // nothing was pooled when the first cycle started
  EXPECT_EQ(pool.pooled_bytes(), 8 * kPageSize);
  pool.StartCycle({.max_bytes = 8 * kPageSize, .allocated_bytes = 0});  // no work: no evidence
  EXPECT_EQ(pool.pooled_bytes(), 8 * kPageSize);
  pool.StartCycle({.max_bytes = 8 * kPageSize, .allocated_bytes = MB});  // 8 idle for a whole cycle: 4 go
  EXPECT_EQ(pool.pooled_bytes(), 4 * kPageSize);
  EXPECT_EQ(pool.surplus_bytes(), 4 * kPageSize);
  void* used = pool.Take(PageContents::kZeroed);  // low-water 3 this cycle
  pool.Return(used);
  pool.StartCycle({.max_bytes = 8 * kPageSize, .allocated_bytes = MB});
  EXPECT_EQ(pool.pooled_bytes(), 2 * kPageSize);  // (3 + 1) / 2 = 2 released
  pool.StartCycle({.max_bytes = 8 * kPageSize, .allocated_bytes = MB});
  pool.StartCycle({.max_bytes = 8 * kPageSize, .allocated_bytes = MB});
  EXPECT_EQ(pool.pooled_bytes(), 0u);
  EXPECT_EQ(pool.ReleaseSurplus(100), 8u);
}

TEST(PagePoolTest, ReleaseAllUnmapsPooledAndSurplusChunks) {
  PagePool pool(SmallPool(2));
  std::vector<void*> chunks;
  for (int i = 0; i < 5; ++i) chunks.push_back(pool.Take(PageContents::kZeroed));
  for (void* chunk : chunks) pool.Return(chunk);
  pool.ReleaseAll();
  EXPECT_EQ(pool.pooled_bytes() + pool.surplus_bytes(), 0u);
  EXPECT_EQ(pool.stats().unmapped_chunks, 5u);
  for (void* chunk : chunks) EXPECT_FALSE(IsMapped(chunk, kPageSize));
}

// Peak room (page-pool.h): chunks that were in use at the peak of the cycle the last StartCycle
// ended stay pooled when returned, above the heap's bound, for one more cycle.
TEST(PagePoolTest, ChunksInUseAtTheLastCyclesPeakStayPooledAboveTheBound) {
  PagePool pool(SmallPool(2));
  std::vector<void*> chunks;
  for (int i = 0; i < 10; ++i) chunks.push_back(pool.Take(PageContents::kZeroed));
  EXPECT_EQ(pool.in_use_bytes(), 10 * kPageSize);
  pool.StartCycle({.max_bytes = 2 * kPageSize, .allocated_bytes = MB});  // all 10 in use: the peak
  for (void* chunk : chunks) {
    pool.Return(chunk);
    EXPECT_LE(pool.pooled_bytes(), pool.max_bytes());
  }
  EXPECT_EQ(pool.pooled_bytes(), 10 * kPageSize);  // without peak room: 2 pooled, 8 surplus
  EXPECT_EQ(pool.surplus_bytes(), 0u);
  EXPECT_EQ(pool.max_bytes(), 10 * kPageSize);
  // Growing back to the peak takes them without mapping anything.
  std::vector<void*> again;
  for (int i = 0; i < 4; ++i) again.push_back(pool.Take(PageContents::kUninitialized));
  EXPECT_EQ(pool.stats().fresh_chunks, 10u);
  EXPECT_EQ(pool.max_bytes(), 6 * kPageSize);
  EXPECT_EQ(pool.pooled_bytes(), 6 * kPageSize);
  for (void* chunk : again) pool.Return(chunk);
  // The next cycle's peak is still 10 (in use when it started), and none was idle through all of
  // it (the pool was empty when it started): all 10 stay.
  pool.StartCycle({.max_bytes = 2 * kPageSize, .allocated_bytes = MB});
  EXPECT_EQ(pool.pooled_bytes(), 10 * kPageSize);
  EXPECT_EQ(pool.surplus_bytes(), 0u);
  // A cycle that never used them: peak 0, so only decay and the heap's bound of 2 remain.
  pool.StartCycle({.max_bytes = 2 * kPageSize, .allocated_bytes = MB});
  EXPECT_EQ(pool.pooled_bytes(), 2 * kPageSize);
  EXPECT_EQ(pool.surplus_bytes(), 8 * kPageSize);
}

// SetMaxBytes (a lowered hard limit) and ReleaseAll (a memory-reducing GC) turn peak room off.
TEST(PagePoolTest, PressureTurnsThePeakRoomOffUntilTheNextCycle) {
  for (bool release_all : {false, true}) {
    PagePool pool(SmallPool(2));
    std::vector<void*> chunks;
    for (int i = 0; i < 6; ++i) chunks.push_back(pool.Take(PageContents::kZeroed));
    pool.StartCycle({.max_bytes = 2 * kPageSize, .allocated_bytes = MB});
    ASSERT_EQ(pool.max_bytes(), 2 * kPageSize);  // 6 peak - 6 in use: no room yet
    if (release_all) {
      pool.ReleaseAll();
    } else {
      pool.SetMaxBytes(2 * kPageSize);
    }
    for (void* chunk : chunks) pool.Return(chunk);
    EXPECT_EQ(pool.pooled_bytes(), 2 * kPageSize) << release_all;
    EXPECT_EQ(pool.surplus_bytes(), 4 * kPageSize) << release_all;
  }
}

// ---- Prefaulter (prefaulter.h): populated batches ahead of need on a background thread.
using internal::Prefaulter;

TEST(PrefaulterTest, FillsItsReserveUpToTheBoundAndRefillsAfterATake) {
  Prefaulter prefaulter({.reserve_batches = 3, .huge_pages = true});
  EXPECT_EQ(prefaulter.WaitIdleForTesting(), 3u);
  char* batch = prefaulter.TryTake();
  ASSERT_NE(batch, nullptr);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(batch) % PagePool::kBatchBytes, 0u);
  EXPECT_TRUE(AllBytesAre(batch, PagePool::kBatchBytes, 0));
  EXPECT_EQ(prefaulter.WaitIdleForTesting(), 3u);  // refilled, never above the bound
  internal::Unmap(batch, PagePool::kBatchBytes);
}

TEST(PrefaulterTest, ReleaseEmptiesTheReserveAndNothingRefillsUntilTheNextTake) {
  Prefaulter prefaulter({.reserve_batches = 2, .huge_pages = false});
  ASSERT_EQ(prefaulter.WaitIdleForTesting(), 2u);
  prefaulter.Release();
  EXPECT_EQ(prefaulter.ready_batches(), 0u);
  EXPECT_EQ(prefaulter.WaitIdleForTesting(), 0u);  // no demand since the release
  EXPECT_EQ(prefaulter.TryTake(), nullptr);        // empty, but asks for a refill
  EXPECT_EQ(prefaulter.WaitIdleForTesting(), 2u);
}

// Teardown while the thread is (or may be) inside a populate call: the destructor joins it.
TEST(PrefaulterTest, DestroyedWhileItsThreadPopulatesJoinsCleanly) {
  for (int i = 0; i < 20; ++i) {
    Prefaulter prefaulter({.reserve_batches = 4, .huge_pages = (i % 2) == 0});
    if (i % 3 != 0) continue;
    if (char* batch = prefaulter.TryTake()) internal::Unmap(batch, PagePool::kBatchBytes);
  }
}

PagePoolConfig PrefaultingPool(size_t prefault_batches) {
  return {.initial_max_bytes = 64 * kPageSize, .huge_pages = true,
          .prefault_batches = prefault_batches, .prefault_after_batches = 2};
}

TEST(PagePoolTest, ThePrefaulterStartsAfterTheThresholdAndServesFreshBatches) {
  PagePool pool(PrefaultingPool(2));
  std::vector<void*> chunks;
  auto take = [&](size_t n) {
    for (size_t i = 0; i < n; ++i) chunks.push_back(pool.Take(PageContents::kZeroed));
  };
  take(PagePool::kChunksPerBatch);  // one batch mapped on this thread
  EXPECT_EQ(pool.prefaulter(), nullptr);
  take(PagePool::kChunksPerBatch);  // the second starts the thread
  ASSERT_NE(pool.prefaulter(), nullptr);
  EXPECT_EQ(pool.prefaulter()->WaitIdleForTesting(), 2u);
  EXPECT_EQ(pool.stats().prefaulted_chunks, 0u);
  take(PagePool::kChunksPerBatch);  // served from the reserve
  EXPECT_EQ(pool.stats().prefaulted_chunks, PagePool::kChunksPerBatch);
  EXPECT_EQ(pool.stats().fresh_chunks, 3 * PagePool::kChunksPerBatch);
  for (size_t i = 2 * PagePool::kChunksPerBatch; i < chunks.size(); ++i) {
    EXPECT_TRUE(AllBytesAre(chunks[i], kPageSize, 0)) << i;
  }
  for (void* chunk : chunks) pool.Return(chunk);
  pool.ReleaseAll();  // a memory-reducing GC also unmaps the reserve
  EXPECT_EQ(pool.prefaulter()->ready_batches(), 0u);
  EXPECT_EQ(pool.prefaulter()->WaitIdleForTesting(), 0u);
}

TEST(PagePoolTest, NoPrefaulterWhenItIsOff) {
  PagePool pool(PrefaultingPool(0));
  std::vector<void*> chunks;
  for (size_t i = 0; i < 4 * PagePool::kChunksPerBatch; ++i) {
    chunks.push_back(pool.Take(PageContents::kUninitialized));
  }
  EXPECT_EQ(pool.prefaulter(), nullptr);
  EXPECT_EQ(pool.stats().prefaulted_chunks, 0u);
  for (void* chunk : chunks) pool.Return(chunk);
}

// A whole batch comes back to the OS in one munmap (a huge page is not split first); chunks mapped
// on their own are not contiguous and take one call each.
TEST(PagePoolTest, ReleaseUnmapsEachContiguousRunWithOneCall) {
  PagePool pool(SmallPool(PagePool::kChunksPerBatch));
  std::vector<void*> batch;
  for (size_t i = 0; i < PagePool::kChunksPerBatch; ++i) batch.push_back(pool.Take(PageContents::kZeroed));
  ASSERT_EQ(pool.stats().fresh_chunks, PagePool::kChunksPerBatch);  // one batch
  for (int i : {3, 7, 1, 5, 0, 6, 2, 4}) pool.Return(batch[i]);  // not in address order
  pool.SetMaxBytes(0);  // all eight to the surplus
  pool.ReleaseAll();
  EXPECT_EQ(pool.stats().unmapped_chunks, PagePool::kChunksPerBatch);
  EXPECT_EQ(pool.stats().unmap_calls, 1u);
  for (void* chunk : batch) EXPECT_FALSE(IsMapped(chunk, kPageSize));
}

TEST(PagePoolTest, ChunksMappedOneByOneAreUnmappedOneByOne) {
  PagePool pool(SmallPool(2));  // too small a bound for a batch: single chunks
  void* a = pool.Take(PageContents::kZeroed);
  void* guard = internal::MapAligned(kPageSize, kPageSize, /*populate=*/false);  // keeps a and b apart
  void* b = pool.Take(PageContents::kZeroed);
  pool.Return(a);
  pool.Return(b);
  const bool adjacent = static_cast<char*>(b) == static_cast<char*>(a) + kPageSize ||
                        static_cast<char*>(a) == static_cast<char*>(b) + kPageSize;
  pool.ReleaseAll();
  EXPECT_EQ(pool.stats().unmapped_chunks, 2u);
  EXPECT_EQ(pool.stats().unmap_calls, adjacent ? 1u : 2u);
  EXPECT_FALSE(IsMapped(a, kPageSize));
  EXPECT_FALSE(IsMapped(b, kPageSize));
  internal::Unmap(guard, kPageSize);
}

// Runs (page-pool.h "Runs"): a large chunk is carved from adjacent pooled chunks, zeroed, and goes
// back into the pool chunk by chunk; without a run in the pool it is mapped fresh.
TEST(PagePoolTest, ARunIsCarvedFromAdjacentPooledChunksAndReturnedChunkByChunk) {
  PagePool pool(SmallPool(PagePool::kChunksPerBatch));
  std::vector<void*> batch;
  for (size_t i = 0; i < PagePool::kChunksPerBatch; ++i) {
    batch.push_back(pool.Take(PageContents::kZeroed));
    memset(batch.back(), 0xAB, kPageSize);
  }
  ASSERT_EQ(pool.stats().fresh_chunks, PagePool::kChunksPerBatch);  // one contiguous batch
  for (void* chunk : batch) pool.Return(chunk);
  const char* lowest = static_cast<char*>(*std::min_element(batch.begin(), batch.end()));
  char* run = static_cast<char*>(pool.TakeRun(5, PageContents::kZeroed));
  EXPECT_EQ(pool.stats().fresh_chunks, PagePool::kChunksPerBatch);  // nothing mapped
  EXPECT_EQ(pool.stats().reused_runs, 1u);
  EXPECT_EQ(run, lowest);
  EXPECT_TRUE(AllBytesAre(run, 5 * kPageSize, 0));
  EXPECT_EQ(pool.pooled_bytes(), 3 * kPageSize);
  EXPECT_EQ(pool.in_use_bytes(), 5 * kPageSize);
  pool.ReturnRun(run, 5);
  EXPECT_EQ(pool.pooled_bytes(), 8 * kPageSize);
  EXPECT_EQ(pool.in_use_bytes(), 0u);
  // Nine adjacent chunks are not pooled: a fresh run; returned against a bound of 8 chunks with 8
  // pooled, all nine are unmapped at once.
  char* fresh = static_cast<char*>(pool.TakeRun(9, PageContents::kZeroed));
  EXPECT_EQ(pool.stats().fresh_runs, 1u);
  EXPECT_TRUE(AllBytesAre(fresh, 9 * kPageSize, 0));
  const size_t calls = pool.stats().unmap_calls;
  pool.ReturnRun(fresh, 9);
  EXPECT_EQ(pool.stats().unmap_calls, calls + 1);
  EXPECT_FALSE(IsMapped(fresh, 9 * kPageSize));
  EXPECT_EQ(pool.pooled_bytes(), 8 * kPageSize);
}

// ---- The heap's use of the pool ------------------------------------------------------------------

constexpr size_t kStringBytes = 4000;

class HeapPagePoolTest : public HeapTest {
 protected:
  PagePool& pool() { return *heap().page_pool(); }

  // Fills about `bytes` of old space with unreachable strings whose bytes are 0xAB, then runs
  // full GCs until the pages they occupied are back in the pool (the second GC's sweeper
  // completion frees the pages the first one released).
  void ReleaseDirtyOldPages(size_t bytes) {
    {
      HandleScope scope(heap());
      for (size_t done = 0; done < bytes; done += kStringBytes) {
        auto* s = heap().New<ByteString>(&kByteStringType, 16 + kStringBytes, AllocationType::kOld);
        s->length = kStringBytes;
        memset(s->chars(), 0xAB, kStringBytes);
      }
    }
    FullGC();
    FullGC();
  }

  // A young tree of 2^depth - 1 nodes, ids in preorder from `id`.
  TreeNode* NewTree(int depth, int64_t* id) {
    Local<TreeNode> node = NewNodeLocal((*id)++);
    if (depth > 1) {
      TreeNode* left = NewTree(depth - 1, id);
      Link(node.get(), &node->left, left);
      TreeNode* right = NewTree(depth - 1, id);
      Link(node.get(), &node->right, right);
    }
    return node.get();
  }
  static int64_t Checksum(TreeNode* node) {
    if (node == nullptr) return 0;
    int64_t sum = node->id.ToSmi();
    if (node->left.IsHeapObject()) sum += Checksum(static_cast<TreeNode*>(node->left.ToObject()));
    if (node->right.IsHeapObject()) sum += Checksum(static_cast<TreeNode*>(node->right.ToObject()));
    return sum;
  }
};

TEST_F(HeapPagePoolTest, PromotionReusesThePagesAFullGCReleased) {
  ReleaseDirtyOldPages(6 * MB);
  ASSERT_GE(pool().pooled_bytes(), 4 * MB);
  EXPECT_LE(pool().pooled_bytes(), pool().max_bytes());
  const size_t fresh_before = pool().stats().fresh_chunks;
  const size_t reused_before = pool().stats().reused_chunks;
  int64_t id = 1;
  Local<TreeNode> tree = Local<TreeNode>::New(heap(), NewTree(14, &id));  // 16383 nodes, 512 KiB
  const int64_t expected = (id - 1) * id / 2;
  Scavenge();
  Scavenge();  // second survival: promoted onto recycled (dirty) pages
  ASSERT_TRUE(Heap::InOldGeneration(tree.get()));
  EXPECT_GT(pool().stats().reused_chunks, reused_before);
  EXPECT_EQ(pool().stats().fresh_chunks, fresh_before);
  EXPECT_EQ(Checksum(tree.get()), expected);
  heap().VerifyHeapForTesting();
}

// A scavenge promotes and takes to-space pages without allocation steps, so the pages the last full
// GC released can still be queued in the sweeper when it needs a page: the pool's reclaim hook
// takes them back before anything fresh is mapped.
TEST_F(HeapPagePoolTest, PromotionTakesPagesStillQueuedForReleaseBeforeFreshMemory) {
  int64_t id = 1;
  Local<TreeNode> tree = Local<TreeNode>::New(heap(), NewTree(14, &id));  // young, 512 KiB
  const int64_t expected = (id - 1) * id / 2;
  Scavenge();  // first survival: still young
  {
    HandleScope scope(heap());
    for (size_t done = 0; done < 4 * MB; done += kStringBytes) {
      auto* s = heap().New<ByteString>(&kByteStringType, 16 + kStringBytes, AllocationType::kOld);
      s->length = kStringBytes;  // the object's size follows its length
    }
  }
  FullGC();  // the strings' pages are released: queued in the sweeper, not yet in the pool
  ASSERT_GT(heap().sweeper()->pages_to_release(), 2u);
  pool().ReleaseAll();  // nothing pooled: only the queued pages can serve the promotion
  const size_t fresh_before = pool().stats().fresh_chunks;
  Scavenge();  // second survival: the tree is promoted
  ASSERT_TRUE(Heap::InOldGeneration(tree.get()));
  EXPECT_EQ(pool().stats().fresh_chunks, fresh_before);
  EXPECT_EQ(heap().sweeper()->pages_to_release(), 0u);
  EXPECT_EQ(Checksum(tree.get()), expected);
  heap().VerifyHeapForTesting();
}

// GCBench's pattern (docs/heap.md section 25): a full GC releases more pages than the heap's bound
// (8 MiB at this size); the heap then grows back to its earlier size and must find them pooled.
TEST_F(HeapPagePoolTest, PagesReleasedBelowTheRecentPeakArePooledAndReused) {
  constexpr size_t kLiveBytes = 14 * MB;
  {
    HandleScope scope(heap());  // all live at once: the heap's peak
    for (size_t done = 0; done < kLiveBytes; done += kStringBytes) {
      auto* s = heap().New<ByteString>(&kByteStringType, 16 + kStringBytes, AllocationType::kOld);
      s->length = kStringBytes;
      Local<ByteString>::New(heap(), s);
    }
  }
  FullGC();
  FullGC();  // the first GC's released pages are back in the pool
  EXPECT_GE(pool().pooled_bytes(), 12 * MB);  // without peak room: at most the 8 MiB bound
  EXPECT_LE(pool().pooled_bytes(), pool().max_bytes());
  const size_t fresh_before = pool().stats().fresh_chunks;
  HandleScope scope(heap());
  for (size_t done = 0; done < 10 * MB; done += kStringBytes) {  // below the pooled 12 MB
    auto* s = heap().New<ByteString>(&kByteStringType, 16 + kStringBytes, AllocationType::kOld);
    s->length = kStringBytes;
    Local<ByteString>::New(heap(), s);
  }
  EXPECT_EQ(pool().stats().fresh_chunks, fresh_before);
  heap().VerifyHeapForTesting();
}

// A large object after a full GC released a dead structure's pages takes a run of them instead
// of a fresh mapping (GCBench's 4 MB array after the stretch tree, docs/heap.md section 28), and
// reads as zero although the pages held 0xAB.
TEST_F(HeapPagePoolTest, ALargeObjectTakesPagesAFullGCPooled) {
  ReleaseDirtyOldPages(8 * MB);
  ASSERT_GE(pool().pooled_bytes() + pool().surplus_bytes(), 4 * MB);
  const size_t fresh_before = pool().stats().fresh_chunks;
  const size_t runs_before = pool().stats().reused_runs;
  constexpr size_t kLength = 3 * MB;
  HandleScope scope(heap());
  auto* s = heap().New<ByteString>(&kByteStringType, 16 + kLength, AllocationType::kOld);
  EXPECT_EQ(s->length, 0u);
  EXPECT_TRUE(AllBytesAre(s->chars(), kLength, 0));
  s->length = kLength;
  Local<ByteString>::New(heap(), s);  // keeps it alive for the verifier
  EXPECT_EQ(pool().stats().fresh_chunks, fresh_before);
  EXPECT_EQ(pool().stats().reused_runs, runs_before + 1);
  heap().VerifyHeapForTesting();
}

TEST_F(HeapPagePoolTest, OldAllocationsOnRecycledPagesReadAsZero) {
  ReleaseDirtyOldPages(4 * MB);
  const size_t reused_before = pool().stats().reused_chunks;
  HandleScope scope(heap());
  for (size_t done = 0; done < 3 * MB; done += kStringBytes) {
    auto* s = heap().New<ByteString>(&kByteStringType, 16 + kStringBytes, AllocationType::kOld);
    ASSERT_EQ(s->length, 0u);
    ASSERT_TRUE(AllBytesAre(s->chars(), kStringBytes, 0)) << "at " << done;
    s->length = kStringBytes;
  }
  EXPECT_GT(pool().stats().reused_chunks, reused_before);  // the test did run on recycled pages
}

TEST_F(HeapPagePoolTest, AMemoryReducingGCReturnsEveryPooledPage) {
  ReleaseDirtyOldPages(6 * MB);
  ASSERT_GT(pool().pooled_bytes(), 0u);
  const size_t unmapped_before = pool().stats().unmapped_chunks;
  heap().CollectAllAvailableGarbage();
  EXPECT_EQ(pool().pooled_bytes(), 0u);
  EXPECT_EQ(pool().surplus_bytes(), 0u);
  EXPECT_GT(pool().stats().unmapped_chunks, unmapped_before);
  // Until the next regular full GC sets a bound again, released pages are not pooled.
  ReleaseDirtyOldPages(2 * MB);  // its full GCs set a new bound
  EXPECT_LE(pool().pooled_bytes(), pool().max_bytes());
  EXPECT_GT(pool().max_bytes(), 0u);
}

TEST_F(HeapPagePoolTest, AShrinkingHeapLimitLowersTheBoundAndAllocationDrainsTheSurplus) {
  ReleaseDirtyOldPages(8 * MB);
  ASSERT_GT(pool().pooled_bytes(), 2 * MB);
  heap().SetMaxOldSpaceSizeForTesting(heap().old_space()->committed() + 1 * MB);
  EXPECT_EQ(pool().max_bytes(), 1 * MB);  // the room left under the new hard limit
  EXPECT_LE(pool().pooled_bytes(), pool().max_bytes());
  EXPECT_GT(pool().surplus_bytes(), 0u);
  // Young allocation: every new-space page is an allocation step that unmaps surplus chunks.
  for (int i = 0; i < 200000 && pool().surplus_bytes() > 0; ++i) NewNode(i);
  EXPECT_EQ(pool().surplus_bytes(), 0u);
}

// Churn under the verifier with a GC every 40 allocations: promotions and evacuations land on
// recycled uninitialized pages, old allocations on zeroed ones, and the live tree stays intact.
TEST(HeapPagePoolStressTest, VerifierAndGcIntervalWithRecycledPages) {
  HeapConfig config = DefaultTestConfig();
  config.gc_interval = 40;
  config.stress_compaction = true;
  Heap heap(config);
  HandleScope scope(heap);
  auto keep = Local<ValueArray>::New(heap, heap.New<ValueArray>(&kValueArrayType, 16 + 8 * 64));
  keep->length = Value::FromSmi(64);
  int64_t expected = 0;
  for (int round = 0; round < 3000; ++round) {
    HandleScope inner(heap);
    auto* node = heap.New<TreeNode>(&kTreeNodeType, sizeof(TreeNode),
                                    round % 3 == 0 ? AllocationType::kOld : AllocationType::kYoung);
    EXPECT_TRUE(node->left.IsEmpty() && node->right.IsEmpty());
    node->id = Value::FromSmi(round);
    const int slot = round % 64;
    Value old = keep->slots()[slot];
    if (old.IsHeapObject()) expected -= static_cast<TreeNode*>(old.ToObject())->id.ToSmi();
    Store(keep.get(), &keep->slots()[slot], Value::FromObject(node));
    expected += round;
    auto* garbage = heap.New<ByteString>(&kByteStringType, 16 + 2000, AllocationType::kOld);
    garbage->length = 2000;
    memset(garbage->chars(), 0x5A, 2000);
  }
  int64_t sum = 0;
  for (int i = 0; i < 64; ++i) {
    Value v = keep->slots()[i];
    if (v.IsHeapObject()) sum += static_cast<TreeNode*>(v.ToObject())->id.ToSmi();
  }
  EXPECT_EQ(sum, expected);
  EXPECT_GT(heap.page_pool()->stats().reused_chunks, 0u);
  EXPECT_LE(heap.page_pool()->pooled_bytes(), heap.page_pool()->max_bytes());
}

// Many heaps, one after another and two at a time: each pool unmaps its chunks at teardown (ASan
// would report a poisoned reuse of an address a previous heap pooled).
TEST(HeapPagePoolLifecycleTest, ManyHeapsCreateChurnAndTearDown) {
  for (int i = 0; i < 12; ++i) {
    HeapConfig config = DefaultTestConfig();
    config.verify_heap = false;
    config.huge_page_batches = i % 2 == 0;
    Heap a(config);
    Heap b(config);
    for (Heap* heap : {&a, &b}) {
      HandleScope scope(*heap);
      for (int j = 0; j < 2000; ++j) {
        auto* s = heap->New<ByteString>(&kByteStringType, 16 + 1000, AllocationType::kOld);
        s->length = 1000;
      }
      heap->CollectGarbage(GCType::kMarkCompact);
      heap->CollectGarbage(GCType::kMarkCompact);
      EXPECT_LE(heap->page_pool()->pooled_bytes(), heap->page_pool()->max_bytes());
    }
  }
}

// ---- Old-generation growth: how much fresh memory a cycle may add (docs/heap.md section 19) ------

HeapConfig GrowingConfig(size_t max_old_space_size) {
  HeapConfig config = DefaultTestConfig();
  config.max_old_space_size = max_old_space_size;  // address space only: nothing is reserved
  config.verify_heap = false;
  return config;
}

using internal::kMaxFreshRoomBytes;
using internal::kMaxLargeLiveGrowingFactor;
using internal::MaxOldGenerationGrowingFactor;

TEST(GrowingFactorTest, LargeHardLimitKeepsV8sFactorUpTo128MiBLiveThenCapsTheFreshRoom) {
  constexpr size_t kLarge = 4096 * MB;
  EXPECT_DOUBLE_EQ(MaxOldGenerationGrowingFactor(kLarge, 0), 4.0);
  EXPECT_DOUBLE_EQ(MaxOldGenerationGrowingFactor(kLarge, 8 * MB), 4.0);
  EXPECT_DOUBLE_EQ(MaxOldGenerationGrowingFactor(kLarge, 128 * MB), 4.0);
  EXPECT_DOUBLE_EQ(MaxOldGenerationGrowingFactor(kLarge, 192 * MB), 3.0);  // 192 + 384 MiB room
  EXPECT_DOUBLE_EQ(MaxOldGenerationGrowingFactor(kLarge, 256 * MB), kMaxLargeLiveGrowingFactor);
  EXPECT_DOUBLE_EQ(MaxOldGenerationGrowingFactor(kLarge, 280 * MB), kMaxLargeLiveGrowingFactor);
  EXPECT_DOUBLE_EQ(MaxOldGenerationGrowingFactor(kLarge, 2048 * MB), kMaxLargeLiveGrowingFactor);
  EXPECT_DOUBLE_EQ(MaxOldGenerationGrowingFactor(2048 * MB, 1024 * MB), kMaxLargeLiveGrowingFactor);
  // The fresh room one cycle may add never drops below kMaxFreshRoomBytes, nor below 1.5 x live.
  for (size_t live = 16 * MB; live <= 1024 * MB; live += 16 * MB) {
    const double room = (MaxOldGenerationGrowingFactor(kLarge, live) - 1.0) * live;
    EXPECT_GE(room + 1.0, std::min(3.0 * live, static_cast<double>(kMaxFreshRoomBytes)))
        << "live " << live;
    EXPECT_GE(room + 1.0, 1.5 * live) << "live " << live;
  }
}

TEST(GrowingFactorTest, SmallHardLimitsKeepV8sInterpolation) {
  for (size_t live : {size_t{0}, 8 * MB, 300 * MB}) {
    EXPECT_DOUBLE_EQ(MaxOldGenerationGrowingFactor(256 * MB, live), 1.3);
    EXPECT_DOUBLE_EQ(MaxOldGenerationGrowingFactor(1152 * MB, live), 1.65);  // halfway
    EXPECT_DOUBLE_EQ(MaxOldGenerationGrowingFactor(128 * MB, live), 1.3);
  }
}

class GrowingTest : public HeapTest {
 protected:
  explicit GrowingTest(size_t max_old_space_size) : HeapTest(GrowingConfig(max_old_space_size)) {}

  // Keeps ~8 MB of old nodes alive, then allocates old garbage as fast as it can: the GC is slow
  // relative to the mutator (R(1 - MU) < MU), so V8's formula asks for its maximum factor.
  // Returns (old generation size, limit) at the first allocation after each full GC.
  std::vector<std::pair<size_t, size_t>> RunFastOldAllocation() {
    Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(200000, AllocationType::kOld));
    for (int i = 0; i < 200000; ++i) {
      Store(keep.get(), keep->slots() + i, Value::FromObject(NewNode(i, AllocationType::kOld)));
    }
    std::vector<std::pair<size_t, size_t>> cycles;
    uint64_t full_gcs = heap().gc_statistics().mark_compact_count;
    for (int i = 0; i < 2000000; ++i) {
      NewNode(i, AllocationType::kOld);
      if (heap().gc_statistics().mark_compact_count == full_gcs) continue;
      full_gcs = heap().gc_statistics().mark_compact_count;
      cycles.emplace_back(heap().OldGenerationSizeOfObjects(), heap().old_generation_allocation_limit());
    }
    return cycles;
  }
};

class LargeHeapGrowingTest : public GrowingTest {
 protected:
  LargeHeapGrowingTest() : GrowingTest(4096 * MB) {}
};

// The heap takes its maximum factor from MaxOldGenerationGrowingFactor: with ~8 MB live and a
// 4 GiB hard limit that is V8's 4.0, and the limit follows it.
TEST_F(LargeHeapGrowingTest, FastAllocationWithASmallLiveSetGrowsByV8sFactor) {
  const std::vector<std::pair<size_t, size_t>> cycles = RunFastOldAllocation();
  ASSERT_GE(cycles.size(), 2u);
  EXPECT_DOUBLE_EQ(heap().last_growing_factor(), 4.0);
  for (const auto& [live, limit] : cycles) {
    // live is sampled at the first allocation after the GC (+ at most one node).
    EXPECT_LE(limit, live * 4 + 8 * MB) << "live " << live;
    EXPECT_GE(limit + KB, live * 4) << "live " << live;
  }
}

class SmallHeapGrowingTest : public GrowingTest {
 protected:
  SmallHeapGrowingTest() : GrowingTest(256 * MB) {}
};

TEST_F(SmallHeapGrowingTest, ASmallHardLimitKeepsV8sConservativeFactor) {
  const std::vector<std::pair<size_t, size_t>> cycles = RunFastOldAllocation();
  ASSERT_GE(cycles.size(), 3u);
  EXPECT_DOUBLE_EQ(heap().last_growing_factor(), 1.3);  // V8: 1.3 at a 256 MB maximum
}

}  // namespace
}  // namespace tenure::testing
