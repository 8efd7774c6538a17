// Explicit-free policies: glibc malloc/free, mimalloc (mi_malloc/mi_free, linked with -lmimalloc)
// and jemalloc (malloc/free resolved to libjemalloc by linking -ljemalloc, which exports the
// unprefixed names; Version() asks mallctl so the output proves which allocator actually ran).
//
// Nodes are plain 24-byte C structs {left, right, i, j} as in the published GCBench C version.
// Trees are freed explicitly by DropTree, recursively, so reclamation cost is part of the run.
#ifndef TENURE_BENCH_CPP_MALLOC_POLICY_H_
#define TENURE_BENCH_CPP_MALLOC_POLICY_H_

#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>

#include "allocator_policy.h"

#if defined(BENCH_ALLOC_GLIBC)
#include <gnu/libc-version.h>
#elif defined(BENCH_ALLOC_MIMALLOC)
#include <mimalloc.h>
#elif defined(BENCH_ALLOC_JEMALLOC)
// jemalloc's introspection entry point (declared here to avoid depending on jemalloc's header
// layout; the symbol is exported unprefixed by Debian's libjemalloc2).
extern "C" int mallctl(const char* name, void* oldp, std::size_t* oldlenp, void* newp,
                       std::size_t newlen);
#endif

namespace bench {

struct GlibcBackend {
#if defined(BENCH_ALLOC_GLIBC)
  static constexpr const char* kName = "glibc";
  static void* Allocate(std::size_t n) { return std::malloc(n); }
  static void Free(void* p) { std::free(p); }
  static std::string Version() { return std::string("glibc ") + gnu_get_libc_version(); }
#endif
};

struct MimallocBackend {
#if defined(BENCH_ALLOC_MIMALLOC)
  static constexpr const char* kName = "mimalloc";
  static void* Allocate(std::size_t n) { return mi_malloc(n); }
  static void Free(void* p) { mi_free(p); }
  static std::string Version() {
    int v = mi_version();  // e.g. 209 for 2.0.9
    return "mimalloc " + std::to_string(v / 100) + "." + std::to_string(v / 10 % 10) + "." +
           std::to_string(v % 10);
  }
#endif
};

struct JemallocBackend {
#if defined(BENCH_ALLOC_JEMALLOC)
  static constexpr const char* kName = "jemalloc";
  static void* Allocate(std::size_t n) { return std::malloc(n); }
  static void Free(void* p) { std::free(p); }
  // Fails loudly if malloc did not resolve to jemalloc (mallctl would then be missing at link time,
  // or report an error here).
  static std::string Version() {
    const char* version = nullptr;
    std::size_t len = sizeof(version);
    if (mallctl("version", &version, &len, nullptr, 0) != 0 || version == nullptr) {
      std::fprintf(stderr, "error: mallctl(\"version\") failed; is jemalloc linked?\n");
      std::exit(2);
    }
    return std::string("jemalloc ") + version;
  }
#endif
};

template <class Backend>
struct MallocPolicy : RawPointerPolicyBase {
  // Nothing to root: memory does not move and is only reclaimed by DropTree.
  static constexpr const char* kName = Backend::kName;
  static std::string Version() { return Backend::Version(); }
  static void Init(Context&) {}

  static NodeRef NewNode(Context&, NodeRef left, NodeRef right) {
    auto* node = static_cast<Node*>(Backend::Allocate(sizeof(Node)));
    if (node == nullptr) throw std::bad_alloc();
    node->left = left;
    node->right = right;
    node->i = 0;
    node->j = 0;
    return node;
  }

  // Frees a whole tree. Recursion depth equals tree depth (≤ 22 here).
  static void DropTree(Context& ctx, NodeRef root) {
    if (root == nullptr) return;
    DropTree(ctx, root->left);
    DropTree(ctx, root->right);
    Backend::Free(root);
  }

  static ArrayRef NewDoubleArray(Context&, std::size_t n) {
    auto* array = static_cast<double*>(Backend::Allocate(n * sizeof(double)));
    if (array == nullptr) throw std::bad_alloc();
    return array;
  }
  static void DropArray(Context&, ArrayRef a) { Backend::Free(a); }
  static GcStats Stats(Context&) { return GcStats{}; }
};

}  // namespace bench

#endif  // TENURE_BENCH_CPP_MALLOC_POLICY_H_
