#include "arena.h"

#include <cstdint>

namespace tenure::js {

void* Arena::Allocate(size_t size, size_t align) {
  uintptr_t p = (reinterpret_cast<uintptr_t>(cursor_) + align - 1) & ~(uintptr_t{align} - 1);
  if (cursor_ == nullptr || p + size > reinterpret_cast<uintptr_t>(limit_)) {
    size_t chunk = size + align > kChunkSize ? size + align : kChunkSize;
    // Not zeroed: every byte handed out is written by its user first (New constructs, the copies
    // memcpy), and zeroing a 64 KiB chunk touched all its pages even for `tenure -e 0`.
    chunks_.push_back(std::make_unique_for_overwrite<char[]>(chunk));
    cursor_ = chunks_.back().get();
    limit_ = cursor_ + chunk;
    p = (reinterpret_cast<uintptr_t>(cursor_) + align - 1) & ~(uintptr_t{align} - 1);
  }
  cursor_ = reinterpret_cast<char*>(p + size);
  bytes_allocated_ += size;
  return reinterpret_cast<void*>(p);
}

std::string_view Arena::CopyString(std::string_view s) {
  if (s.empty()) return {};
  char* data = static_cast<char*>(Allocate(s.size(), 1));
  std::memcpy(data, s.data(), s.size());
  return {data, s.size()};
}

}  // namespace tenure::js
