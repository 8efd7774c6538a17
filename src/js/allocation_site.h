// Allocation sites of the JavaScript runtime: object literals `{...}` and array literals `[...]`
// allocate at a per-literal tenure::AllocationSite (include/tenure/allocation-site.h), so the heap
// can allocate the objects of a literal whose results survive scavenges directly in old space
// (V8 tracks literal boilerplates with AllocationSites the same way; v8-memory.md §1.6).
//
// Which sites: every CreateObject / CreateArray emitted for a literal gets a slot in its
// FunctionInfo::allocation_sites (operand c = slot + 1; c = 0 means "no site", e.g. the arrays the
// destructuring code creates). Constructor calls (`new F()`) have no site yet: their instances
// are allocated in the call sequence (calls.cc), and in the benchmarks the literals dominate the
// surviving bytes (Splay: one SplayNode per payload tree of 63 object literals, 32 array literals).
//
// INVARIANTS:
//  * A site is created on the first execution of its instruction and owned by the heap; the
//    FunctionInfo keeps the pointer (FunctionInfo is never freed before the heap).
//  * The literal and its elements store (arrays) are allocated at the same site. A tenured site's
//    objects are old at birth: every pointer field (shape, prototype, elements) is initialised with
//    tenure::Store(), so the old->new remembered set and the incremental-marking barrier see them.
//    Later property stores go through the runtime's ordinary (barriered) paths.
#pragma once

#include <cstdint>

#include "runtime.h"

namespace tenure::js {

// Compiler: reserves a site slot in `info` and returns the operand value to emit (slot + 1).
int ReserveAllocationSite(FunctionInfo* info);

// Interpreter: the site for operand `c` of `info` (null for c == 0), created on first use.
tenure::AllocationSite* LiteralSite(Runtime& rt, const FunctionInfo* info, int c);

// `{}` with `inline_capacity` slots and Object.prototype, allocated at `site` (may be null).
Value NewLiteralObject(Runtime& rt, int inline_capacity, tenure::AllocationSite* site);
// `[]` with room for `capacity` elements (at least 4) and Array.prototype, allocated at `site`.
Value NewLiteralArray(Runtime& rt, int64_t capacity, tenure::AllocationSite* site);

}  // namespace tenure::js
