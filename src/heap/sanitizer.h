// Copyright the tenure authors.
// sanitizer.h — ASan manual poisoning of memory the mutator must not touch (from-space, free-list
// gaps). No-ops in normal builds.
#ifndef TENURE_SRC_HEAP_SANITIZER_H_
#define TENURE_SRC_HEAP_SANITIZER_H_

#include <cstddef>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TENURE_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define TENURE_ASAN 1
#endif

#ifdef TENURE_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace tenure::internal {

inline void PoisonMemory(const void* address, size_t size) {
#ifdef TENURE_ASAN
  ASAN_POISON_MEMORY_REGION(address, size);
#else
  (void)address;
  (void)size;
#endif
}

inline void UnpoisonMemory(const void* address, size_t size) {
#ifdef TENURE_ASAN
  ASAN_UNPOISON_MEMORY_REGION(address, size);
#else
  (void)address;
  (void)size;
#endif
}

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_SANITIZER_H_
