// Copyright the tenure authors.
// verifier.h — --verify-heap: an independent re-check of the invariants written at the top of
// heap.h, object.h, write-barrier.h, page.h, new-space.h, old-space.h, free-list.h and
// remembered-set.h. It uses its own visitor and shares no code with the collectors beyond page
// iteration. On the first violation it prints
//   "tenure: heap verification failed (<phase>): <what>"
// to stderr and aborts.
//
// Checks:
//  1. Every page of every space walks by object size from area_start exactly to its top (old pages:
//     area_end); headers hold a non-null, 8-aligned TypeInfo with no mark/forwarding bit; sizes are
//     >= 16, 8-aligned and stay inside the page. Semispace pages carry the right flags; from-space
//     pages are empty.
//  2. Every pointer in a root or in a slot of any non-filler object points to the start of a
//     non-filler object in new space (to-space), old space or a large-object space.
//  3. Every old->young pointer slot is recorded in its page's remembered set.
//  4. Every free-list entry is a filler object start inside an old page, with a matching size.
//  5. Every remembered-set bit lies in the body of a non-filler object; in a dead object (only on a
//     page pending sweep) its slot points to a live young object (remembered-set.h).
#ifndef TENURE_SRC_HEAP_VERIFIER_H_
#define TENURE_SRC_HEAP_VERIFIER_H_

#include "tenure/heap.h"

namespace tenure::internal {

class HeapVerifier {
 public:
  // Precondition: the heap is iterable (Heap::MakeHeapIterable was called).
  static void Verify(Heap* heap, const char* phase);
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_VERIFIER_H_
