// Picks the allocator Policy for this executable from the BENCH_ALLOC_* macro set by
// bench/CMakeLists.txt (exactly one per executable).
#ifndef TENURE_BENCH_CPP_POLICY_SELECT_H_
#define TENURE_BENCH_CPP_POLICY_SELECT_H_

#if defined(BENCH_ALLOC_GLIBC)
#include "malloc_policy.h"
namespace bench { using SelectedPolicy = MallocPolicy<GlibcBackend>; }
#elif defined(BENCH_ALLOC_MIMALLOC)
#include "malloc_policy.h"
namespace bench { using SelectedPolicy = MallocPolicy<MimallocBackend>; }
#elif defined(BENCH_ALLOC_JEMALLOC)
#include "malloc_policy.h"
namespace bench { using SelectedPolicy = MallocPolicy<JemallocBackend>; }
#elif defined(BENCH_ALLOC_BOEHM)
#include "boehm_policy.h"
namespace bench { using SelectedPolicy = BoehmPolicy; }
#elif defined(BENCH_ALLOC_TENURE)
#include "tenure_policy.h"
namespace bench { using SelectedPolicy = TenurePolicy; }
#else
#error "define one of BENCH_ALLOC_{GLIBC,MIMALLOC,JEMALLOC,BOEHM,TENURE}"
#endif

#endif  // TENURE_BENCH_CPP_POLICY_SELECT_H_
