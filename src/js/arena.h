// Arena: bump allocator for compile-time data (tokens' cooked strings, AST nodes, scopes).
//
// Invariants: everything allocated here is trivially destructible or has its destructor run by
// nobody — the arena frees whole chunks at once, so only POD-like types may live in it. Pointers
// into the arena stay valid until the arena is destroyed (chunks never move). Nothing here lives
// in the GC heap; the interpreter never sees arena memory after compilation except through
// std::string_view names it copies into heap strings.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace tenure::js {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  void* Allocate(size_t size, size_t align = alignof(std::max_align_t));

  template <typename T, typename... Args>
  T* New(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    return new (Allocate(sizeof(T), alignof(T))) T(std::forward<Args>(args)...);
  }

  // Copies `items` into the arena and returns a stable span over the copy.
  template <typename T>
  std::span<T> CopySpan(const std::vector<T>& items) {
    if (items.empty()) return {};
    T* data = static_cast<T*>(Allocate(sizeof(T) * items.size(), alignof(T)));
    std::memcpy(static_cast<void*>(data), items.data(), sizeof(T) * items.size());
    return {data, items.size()};
  }

  std::string_view CopyString(std::string_view s);
  size_t bytes_allocated() const { return bytes_allocated_; }

 private:
  static constexpr size_t kChunkSize = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* cursor_ = nullptr;
  char* limit_ = nullptr;
  size_t bytes_allocated_ = 0;
};

}  // namespace tenure::js
