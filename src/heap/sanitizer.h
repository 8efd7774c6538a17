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
#include <sanitizer/lsan_interface.h>
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

// Heap memory is mmapped, so LeakSanitizer does not look inside it for pointers; but page headers
// hold malloc'd side tables (remembered-set slot sets). A process that ends without destroying its
// heap (process.exit, node's exit 7/134 paths) would report those as leaked. Registered mappings
// are scanned like globals. The cage registers its whole reservation once (LSan scans only the
// mapped parts) and unregisters it before unmapping; LSan needs the exact registered range back.
inline void RegisterRootRegion(const void* address, size_t size) {
#ifdef TENURE_ASAN
  __lsan_register_root_region(address, size);
#else
  (void)address;
  (void)size;
#endif
}

inline void UnregisterRootRegion(const void* address, size_t size) {
#ifdef TENURE_ASAN
  __lsan_unregister_root_region(address, size);
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
