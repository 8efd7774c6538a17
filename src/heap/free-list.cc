// Copyright the tenure authors.
#include "free-list.h"

#include "filler.h"
#include "sanitizer.h"
#include "tenure/config.h"

namespace tenure::internal {

namespace {

// Lower bounds of the size categories (bytes): 16-byte steps up to 96, then growing steps.
constexpr size_t kCategoryStart[FreeList::kNumCategories] = {
    24, 32, 48, 64, 80, 96, 128, 192, 256, 512, 1 * KB, 2 * KB, 4 * KB, 8 * KB, 16 * KB,
    32 * KB, 64 * KB, 128 * KB};

HeapObject* Entry(uintptr_t entry) { return reinterpret_cast<HeapObject*>(entry); }
uintptr_t NextOf(uintptr_t entry) { return static_cast<uintptr_t>(Entry(entry)->body()[1].raw()); }
void SetNext(uintptr_t entry, uintptr_t next) { Entry(entry)->body()[1] = Value::FromRaw(next); }
size_t SizeOf(uintptr_t entry) { return static_cast<size_t>(Entry(entry)->body()[0].raw()); }

// A block can serve `bytes` if it leaves no remainder or one big enough for a filler.
bool Fits(size_t block, size_t bytes) { return block == bytes || block >= bytes + kMinObjectSize; }

}  // namespace

int FreeList::CategoryFor(size_t size) {
  int c = kNumCategories - 1;
  while (c > 0 && size < kCategoryStart[c]) --c;
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
  // First the categories whose every entry fits; then search the category of `bytes` itself.
  const int own = CategoryFor(bytes + kMinObjectSize);
  for (int c = own + 1; c < kNumCategories; ++c) {
    if (heads_[c] != 0) {
      const uintptr_t entry = heads_[c];
      heads_[c] = NextOf(entry);
      *block_size = SizeOf(entry);
      available_ -= *block_size;
      UnpoisonMemory(reinterpret_cast<void*>(entry), *block_size);
      return entry;
    }
  }
  for (int c = CategoryFor(bytes); c <= own; ++c) {
    uintptr_t prev = 0;
    for (uintptr_t entry = heads_[c]; entry != 0; prev = entry, entry = NextOf(entry)) {
      if (!Fits(SizeOf(entry), bytes)) continue;
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
  }
  return 0;
}

void FreeList::Reset() {
  for (uintptr_t& head : heads_) head = 0;
  available_ = 0;
}

void FreeList::ForEachEntry(const std::function<void(uintptr_t, size_t)>& f) const {
  for (uintptr_t head : heads_) {
    for (uintptr_t entry = head; entry != 0; entry = NextOf(entry)) f(entry, SizeOf(entry));
  }
}

}  // namespace tenure::internal
