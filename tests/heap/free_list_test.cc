// Copyright the tenure authors.
// free_list_test — old space's free list (src/heap/free-list.h): which entry Allocate() takes
// (a >= 2 KiB block first, then the smallest category with a fitting entry, never an 8-byte
// remainder), its search bound (it never walks a list of entries that cannot fit: the splay.js
// promotion cost of docs/heap.md section 22), and available() bookkeeping under random use.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <map>
#include <random>
#include <vector>

#include "free-list.h"
#include "sanitizer.h"
#include "tenure/config.h"

namespace tenure::testing {
namespace {

using internal::FreeList;

// A word-aligned arena the free list formats as fillers; unpoisoned before it is freed. Sizes
// carved from it must be multiples of 8, as every heap size is.
class Arena {
 public:
  explicit Arena(size_t bytes) : words_(bytes / 8) {}
  ~Arena() { internal::UnpoisonMemory(words_.data(), words_.size() * 8); }
  // The next `size` bytes of the arena.
  uintptr_t Carve(size_t size) {
    if (used_ + size > words_.size() * 8) std::abort();  // a test sized its arena too small
    const uintptr_t start = reinterpret_cast<uintptr_t>(words_.data()) + used_;
    used_ += size;
    return start;
  }

 private:
  std::vector<uint64_t> words_;
  size_t used_ = 0;
};

bool Fits(size_t block, size_t bytes) { return block == bytes || block >= bytes + kMinObjectSize; }

TEST(FreeListTest, ItNeverWalksSmallEntriesThatCannotFit) {
  Arena arena(64 * KB);
  FreeList list;
  const uintptr_t fitting = arena.Carve(40);
  list.Free(fitting, 40);  // the tail of its list: pushed first
  for (int i = 0; i < 1000; ++i) list.Free(arena.Carve(32), 32);
  size_t block = 0;
  EXPECT_EQ(list.Allocate(40, &block), fitting);
  EXPECT_EQ(block, 40u);
  // A 32-byte entry can never hold 40 bytes (8-byte remainder): none of the 1000 is looked at.
  EXPECT_LE(list.entries_examined(), 1u);
  EXPECT_EQ(list.Allocate(40, &block), 0u);  // and none is handed out
  EXPECT_LE(list.entries_examined(), 1u);
  EXPECT_EQ(list.available(), 1000u * 32);
}

TEST(FreeListTest, ALargeBlockComesFirstThenTheSmallestFittingOne) {
  Arena arena(64 * KB);
  FreeList list;
  const uintptr_t exact = arena.Carve(48);
  const uintptr_t larger = arena.Carve(64);
  const uintptr_t large = arena.Carve(4 * KB);
  list.Free(exact, 48);
  list.Free(larger, 64);
  list.Free(large, 4 * KB);
  size_t block = 0;
  EXPECT_EQ(list.Allocate(48, &block), large);  // room for many objects in one LAB
  EXPECT_EQ(list.Allocate(48, &block), exact);
  EXPECT_EQ(list.Allocate(48, &block), larger);
  EXPECT_EQ(block, 64u);
  EXPECT_EQ(list.available(), 0u);
}

TEST(FreeListTest, NoEightByteRemainder) {
  Arena arena(4 * KB);
  size_t block = 0;
  FreeList smallest;
  smallest.Free(arena.Carve(24), 24);
  EXPECT_EQ(smallest.Allocate(16, &block), 0u);  // 24 would leave 8 bytes
  FreeList list;
  const uintptr_t entry = arena.Carve(48);
  list.Free(entry, 48);
  EXPECT_EQ(list.Allocate(40, &block), 0u);      // 48 would leave 8 bytes
  EXPECT_EQ(list.Allocate(32, &block), entry);  // 48 leaves 16: room for a filler
  EXPECT_EQ(block, 48u);
}

TEST(FreeListTest, AWideCategoryIsSearchedOnlyUpToTheBound) {
  Arena arena(256 * KB);
  FreeList list;
  // [256, 512) mixes sizes: for a 248-byte request a 256-byte entry leaves 8 bytes.
  const uintptr_t deep = arena.Carve(304);
  list.Free(deep, 304);
  for (int i = 0; i < 200; ++i) list.Free(arena.Carve(256), 256);
  size_t block = 0;
  EXPECT_EQ(list.Allocate(248, &block), 0u);  // the fit lies 200 entries deep: a fresh page instead
  EXPECT_LE(list.entries_examined(), static_cast<size_t>(FreeList::kMaxSearchSteps));
  // Within the bound a mixed list is searched: the lists are LIFO, so `near` is the last entry
  // the bound lets Allocate() look at.
  const uintptr_t near = arena.Carve(320);
  FreeList second;
  second.Free(near, 320);
  for (int i = 0; i < FreeList::kMaxSearchSteps - 1; ++i) second.Free(arena.Carve(256), 256);
  EXPECT_EQ(second.Allocate(248, &block), near);
  EXPECT_EQ(block, 320u);
}

// The verifier's check (free-list.h, CheckCategories): an entry whose size no longer matches its
// category, or available() off by a byte, is reported.
TEST(FreeListTest, CheckCategoriesReportsAnEntryOutsideItsCategory) {
  Arena arena(4 * KB);
  FreeList list;
  const uintptr_t a = arena.Carve(40);
  const uintptr_t b = arena.Carve(48);
  list.Free(a, 40);
  list.Free(b, 48);
  list.Free(arena.Carve(512), 512);
  EXPECT_EQ(list.CheckCategories(), nullptr);
  // Word 1 of a filler is its size (filler.h). Swapping the two sizes keeps available() right,
  // so only the category check can see it.
  internal::UnpoisonMemory(reinterpret_cast<void*>(a), 40);
  internal::UnpoisonMemory(reinterpret_cast<void*>(b), 48);
  reinterpret_cast<uint64_t*>(a)[1] = 48;
  reinterpret_cast<uint64_t*>(b)[1] = 40;
  EXPECT_NE(list.CheckCategories(), nullptr);
  reinterpret_cast<uint64_t*>(a)[1] = 40;
  reinterpret_cast<uint64_t*>(b)[1] = 48;
  EXPECT_EQ(list.CheckCategories(), nullptr);
  internal::PoisonMemory(reinterpret_cast<void*>(a + 24), 16);  // as Free() left it
  internal::PoisonMemory(reinterpret_cast<void*>(b + 24), 24);
}

// Random frees and allocations of old-space sizes: every block handed out fits its request, is
// one that was freed and not handed out since, and available() is the sum of the entries.
TEST(FreeListTest, RandomUseKeepsEntriesAndAvailableConsistent) {
  Arena arena(16 * MB);
  FreeList list;
  std::mt19937 rng(46);
  std::map<uintptr_t, size_t> free_blocks;
  for (int i = 0; i < 20000; ++i) {
    const size_t size = 8 * (2 + rng() % (rng() % 8 == 0 ? 600 : 40));
    if (rng() % 2 == 0) {
      const uintptr_t start = arena.Carve(size);
      if (list.Free(start, size) > 0) free_blocks[start] = size;
    } else {
      size_t block = 0;
      const uintptr_t got = list.Allocate(size, &block);
      if (got == 0) continue;
      ASSERT_EQ(free_blocks.count(got), 1u);
      ASSERT_EQ(free_blocks[got], block);
      ASSERT_TRUE(Fits(block, size)) << block << " for " << size;
      free_blocks.erase(got);
    }
  }
  size_t sum = 0;
  size_t entries = 0;
  list.ForEachEntry([&](uintptr_t start, size_t size) {
    EXPECT_EQ(free_blocks.count(start), 1u);
    sum += size;
    ++entries;
  });
  EXPECT_EQ(entries, free_blocks.size());
  EXPECT_EQ(sum, list.available());
  EXPECT_EQ(list.CheckCategories(), nullptr);
  // Per call at most two passes over the categories, each bounded (free-list.h).
  EXPECT_LE(list.entries_examined(),
            20000u * 2 * FreeList::kNumCategories * FreeList::kMaxSearchSteps);
}

}  // namespace
}  // namespace tenure::testing
