// Copyright the tenure authors.
// slot_set_test — the old->new slot set's iteration (src/heap/remembered-set.h, "Prefetching"):
// the software-pipelined SlotSet::ForEachSlot calls f exactly once per set bit, in address order,
// for any number of bits (fewer, exactly, and more than its prefetch distance), whatever the
// slots hold, and f may overwrite the slot it is given.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "remembered-set.h"

namespace tenure::testing {
namespace {

using internal::SlotSet;

constexpr size_t kChunk = size_t{1} << 18;  // 256 KiB pages

class SlotSetTest : public ::testing::Test {
 protected:
  SlotSetTest() : chunk_(kChunk / 8 + 1) {
    // Align the fake chunk's start to 8 bytes (vector<uint64_t> already is).
    start_ = reinterpret_cast<uintptr_t>(chunk_.data());
    for (size_t i = 0; i < chunk_.size(); ++i) {
      // Mix what slots hold: pointers into the chunk, small integers, zero, junk addresses.
      chunk_[i] = i % 3 == 0 ? start_ + (i * 7919 % (kChunk / 8)) * 8 : (i % 3 == 1 ? i : 0);
    }
  }
  Value* Slot(size_t index) { return reinterpret_cast<Value*>(start_ + index * 8); }

  std::vector<uint64_t> chunk_;
  uintptr_t start_ = 0;
};

TEST_F(SlotSetTest, ForEachSlotVisitsEverySetBitOnceInAddressOrder) {
  std::mt19937 rng(46);
  for (size_t count : {0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 100, 5000, 32768}) {
    SlotSet set(kChunk);
    std::vector<bool> chosen(kChunk / 8, false);
    size_t chosen_count = 0;
    while (chosen_count < count) {
      const size_t index = rng() % (kChunk / 8);
      if (chosen[index]) continue;
      chosen[index] = true;
      ++chosen_count;
      set.Insert(start_, Slot(index));
    }
    std::vector<Value*> expected;
    for (size_t i = 0; i < chosen.size(); ++i) {
      if (chosen[i]) expected.push_back(Slot(i));
    }
    std::vector<Value*> visited;
    const size_t words = set.words();
    std::unique_ptr<uint64_t[]> bits = set.Release();
    if (bits) {
      SlotSet::ForEachSlot(bits.get(), words, start_, [&](Value* slot) {
        visited.push_back(slot);
        *slot = Value::FromRaw(0);  // f may overwrite its slot, as the scavenger does
      });
    }
    EXPECT_EQ(visited, expected) << count << " bits";
  }
}

TEST_F(SlotSetTest, RemoveIfClearsExactlyTheRemovedBitsAndReleasesAnEmptySet) {
  std::mt19937 rng(47);
  for (size_t count : {1, 9, 17, 100, 5000}) {
    SlotSet set(kChunk);
    std::vector<size_t> inserted;
    for (size_t i = 0; i < count; ++i) {
      const size_t index = rng() % (kChunk / 8);
      if (!set.Contains(start_, Slot(index))) inserted.push_back(index);
      set.Insert(start_, Slot(index));
    }
    // Remove every slot whose index is odd: visited in address order, each once.
    std::vector<Value*> visited;
    set.RemoveIf(start_, [&](Value* slot) {
      visited.push_back(slot);
      return ((reinterpret_cast<uintptr_t>(slot) - start_) / 8) % 2 == 1;
    });
    std::sort(inserted.begin(), inserted.end());
    ASSERT_EQ(visited.size(), inserted.size()) << count;
    size_t kept = 0;
    for (size_t k = 0; k < inserted.size(); ++k) {
      EXPECT_EQ(visited[k], Slot(inserted[k]));
      const bool odd = inserted[k] % 2 == 1;
      EXPECT_EQ(set.Contains(start_, Slot(inserted[k])), !odd) << inserted[k];
      kept += odd ? 0 : 1;
    }
    EXPECT_EQ(set.CountSlots(), kept);
    EXPECT_EQ(set.IsEmpty(), kept == 0);
    set.RemoveIf(start_, [](Value*) { return true; });
    EXPECT_TRUE(set.IsEmpty()) << count;  // the bitmap is released, not just cleared
  }
}

TEST_F(SlotSetTest, ForEachMatchesContains) {
  SlotSet set(kChunk);
  for (size_t i = 0; i < kChunk / 8; i += 37) set.Insert(start_, Slot(i));
  size_t n = 0;
  set.ForEach(start_, [&](Value* slot) {
    EXPECT_TRUE(set.Contains(start_, slot));
    EXPECT_EQ((reinterpret_cast<uintptr_t>(slot) - start_) / 8, n * 37);
    ++n;
  });
  EXPECT_EQ(n, set.CountSlots());
  EXPECT_EQ(n, (kChunk / 8 + 36) / 37);
}

}  // namespace
}  // namespace tenure::testing
