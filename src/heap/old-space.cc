// Copyright the tenure authors.
#include "old-space.h"

#include <algorithm>
#include <cstring>

#include "filler.h"

namespace tenure::internal {

double MaxOldGenerationGrowingFactor(size_t max_old_space_size, size_t live_bytes) {
  constexpr double kHighFactor = 4.0;
  if (max_old_space_size < 2048 * MB) {
    const double t = std::clamp((static_cast<double>(max_old_space_size) - 256.0 * MB) /
                                    ((2048.0 - 256.0) * MB),
                                0.0, 1.0);
    return 1.3 + t * (2.0 - 1.3);
  }
  if (live_bytes == 0) return kHighFactor;
  const double room_factor = 1.0 + static_cast<double>(kMaxFreshRoomBytes) / live_bytes;
  return std::clamp(room_factor, kMaxLargeLiveGrowingFactor, kHighFactor);
}

OldSpace::~OldSpace() {
  for (Page* p : pages_) Page::Free(p);
}

uintptr_t OldSpace::Allocate(size_t bytes) {
  const size_t remaining = lab_.limit - lab_.top;
  if (!(remaining == bytes || remaining >= bytes + kMinObjectSize)) {
    MakeIterable();
    RefillLab(bytes);
  }
  const uintptr_t result = lab_.top;
  lab_.top += bytes;
  size_of_objects_ += bytes;
  return result;
}

uintptr_t OldSpace::AllocateZeroed(size_t bytes) {
  const uintptr_t result = Allocate(bytes);
  memset(reinterpret_cast<void*>(result), 0, bytes);
  return result;
}

// Contract: on return the LAB can hold `bytes` with a remainder of 0 or >= 16 bytes; its contents
// are unspecified. Takes a free-list block or a page from the pool (not zeroed: see old-space.h).
bool OldSpace::RefillLab(size_t bytes) {
  size_t block_size = 0;
  uintptr_t block = free_list_.Allocate(bytes, &block_size);
  if (block != 0) {
    lab_.top = block;
    lab_.limit = block + block_size;
    return true;
  }
  Page* page = Page::Allocate(heap_, kPageSize, kPageOld, /*touch=*/true,
                              PageContents::kUninitialized);
  page->set_top(page->area_end());
  pages_.push_back(page);
  lab_.top = page->area_start();
  lab_.limit = page->area_end();
  return true;
}

void OldSpace::MakeIterable() {
  if (lab_.limit > lab_.top) free_list_.Free(lab_.top, lab_.limit - lab_.top);
  lab_.top = lab_.limit = 0;
}

void OldSpace::RemovePage(Page* page) {
  pages_.erase(std::find(pages_.begin(), pages_.end(), page));
}

}  // namespace tenure::internal
