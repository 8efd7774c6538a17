// Copyright the tenure authors.
#include "free-list.h"

#include <algorithm>

#include "filler.h"
#include "sanitizer.h"
#include "tenure/config.h"

namespace tenure::internal {

namespace {

HeapObject* Entry(uintptr_t entry) { return reinterpret_cast<HeapObject*>(entry); }
uintptr_t NextOf(uintptr_t entry) { return static_cast<uintptr_t>(Entry(entry)->body()[1].raw()); }
void SetNext(uintptr_t entry, uintptr_t next) { Entry(entry)->body()[1] = Value::FromRaw(next); }
size_t SizeOf(uintptr_t entry) { return static_cast<size_t>(Entry(entry)->body()[0].raw()); }

// A block can serve `bytes` if it leaves no remainder or one big enough for a filler.
bool Fits(size_t block, size_t bytes) { return block == bytes || block >= bytes + kMinObjectSize; }

}  // namespace

size_t FreeList::CategoryStart(int c) {
  if (c < kNumExactCategories) return kMinBlockSize + static_cast<size_t>(c) * kTaggedSize;
  return kExactLimit << (c - kNumExactCategories);
}

int FreeList::CategoryFor(size_t size) {
  if (size < kExactLimit) return static_cast<int>((size - kMinBlockSize) / kTaggedSize);
  int c = kNumExactCategories;
  while (c < kNumCategories - 1 && size >= CategoryStart(c + 1)) ++c;
  return c;
}

size_t FreeList::Free(uintptr_t start, size_t size) {
  CreateFiller(start, size);
  if (size < kMinBlockSize) {
    PoisonMemory(reinterpret_cast<void*>(start + 2 * kTaggedSize), size - 2 * kTaggedSize);
    return 0;
  }
  const int c = CategoryFor(size);
  SetNext(start, heads_[c]);
  heads_[c] = start;
  available_ += size;
  PoisonMemory(reinterpret_cast<void*>(start + kMinBlockSize), size - kMinBlockSize);
  return size;
}

uintptr_t FreeList::Allocate(size_t bytes, size_t* block_size) {
  // Fast path (V8's FreeListManyCachedFastPath::Allocate, free-list.cc): a block of >= 2 KiB
  // first, so a LAB refill gets room for many objects while such blocks last.
  const int own = CategoryFor(std::max(bytes, kMinBlockSize));  // a 16-byte object: from 24
  if (const uintptr_t entry =
          TakeFromCategories(std::max(own, CategoryFor(kFastPathStart)), bytes, block_size)) {
    return entry;
  }
  return TakeFromCategories(own, bytes, block_size);
}

uintptr_t FreeList::TakeFromCategories(int first, size_t bytes, size_t* block_size) {
  for (int c = first; c < kNumCategories; ++c) {
    if (heads_[c] == 0) continue;
    if (const uintptr_t entry = TakeFrom(c, bytes, block_size)) return entry;
  }
  return 0;
}

// An exact category's entries all have CategoryStart(c) bytes: its head decides for all of them.
// A wide category whose start leaves >= kMinObjectSize fits with every entry; otherwise (only the
// category of `bytes` itself, or the one just above it) up to kMaxSearchSteps entries are tried.
uintptr_t FreeList::TakeFrom(int c, size_t bytes, size_t* block_size) {
  const bool exact = c < kNumExactCategories;
  const bool all_fit = CategoryStart(c) >= bytes + kMinObjectSize;
  uintptr_t prev = 0;
  uintptr_t entry = heads_[c];
  for (int step = 0; entry != 0 && step < kMaxSearchSteps; ++step) {
    ++entries_examined_;
    if (all_fit || Fits(SizeOf(entry), bytes)) {
      if (prev == 0) {
        heads_[c] = NextOf(entry);
      } else {
        SetNext(prev, NextOf(entry));
      }
      *block_size = SizeOf(entry);
      available_ -= *block_size;
      UnpoisonMemory(reinterpret_cast<void*>(entry), *block_size);
      return entry;
    }
    if (exact) return 0;
    prev = entry;
    entry = NextOf(entry);
  }
  return 0;
}

void FreeList::Reset() {
  for (uintptr_t& head : heads_) head = 0;
  available_ = 0;
}

const char* FreeList::CheckCategories() const {
  size_t sum = 0;
  for (int c = 0; c < kNumCategories; ++c) {
    for (uintptr_t entry = heads_[c]; entry != 0; entry = NextOf(entry)) {
      if (CategoryFor(SizeOf(entry)) != c) return "a free-list entry is not in its size's category";
      sum += SizeOf(entry);
    }
  }
  return sum == available_ ? nullptr : "free-list available() is not the sum of its entries";
}

void FreeList::ForEachEntry(const std::function<void(uintptr_t, size_t)>& f) const {
  for (uintptr_t head : heads_) {
    for (uintptr_t entry = head; entry != 0; entry = NextOf(entry)) f(entry, SizeOf(entry));
  }
}

}  // namespace tenure::internal
