// Allocation sites of the JavaScript runtime: object literals `{...}`, array literals `[...]`,
// the receivers of `new F(...)` and the arrays of `Array(n)` / `new Array(n)` allocate at a
// tenure::AllocationSite (include/tenure/allocation-site.h), so the heap can allocate the objects
// of a site whose results survive scavenges directly in old space (V8 tracks literal boilerplates
// and Array constructor calls with AllocationSites; v8-memory.md §1.6).
//
// Which sites:
//  * Literals: every CreateObject / CreateArray emitted for a literal gets a slot in its
//    FunctionInfo::allocation_sites (operand c = slot + 1; c = 0 means "no site", e.g. the arrays
//    the destructuring code creates).
//  * `new F(...)`: one site per `new` instruction (V8 keeps its feedback per allocating bytecode in
//    the feedback vector): NewExpr reserves a slot in the enclosing FunctionInfo's
//    allocation_sites and packs slot + 1 into the high 16 bits of operand b (the callee register
//    is the low 16 bits; kNew and kNewSpread). One constructor called from a short-lived and a
//    long-lived place (splay.js's `header` and tree nodes) gets two decisions. The site is used
//    when F is both the callee and new.target (the `new` bytecode's own allocation); the receivers
//    that a base constructor allocates for a derived class (`super()`), Reflect.construct and
//    natives have none. A function with more than kMaxNewSiteSlot sites falls back, for the
//    later `new`s, to one site per constructor (FunctionInfo::construct_site of F, the analogue
//    of V8's initial map, which already owns the instance size: instance_capacity).
//  * String concatenation: a `+` with a string literal operand (`'key ' + k`, `s + '\n'`) and
//    every `+` of an untagged template literal compile to AddAtSite, whose operand c packs the
//    right operand's register with slot + 1 (NewInstructionOperand): a string result is allocated
//    at that site, so concatenations whose strings outlive scavenges (splay.js's leaf payloads)
//    are pretenured. `'lit' + x + 'lit'` (a left-nested pair of such `+`) compiles to one
//    ConcatAtSite instead, one site for the joined string (operand b packs the first of the three
//    registers with slot + 1 << 16). V8 has no such site (its strings are tenured by age), so
//    this is a tenure deviation at V8's per-bytecode feedback granularity. Other `+`, `+=`,
//    String(x), and the non-ASCII join path (Runtime::NewString) allocate young without a site.
//  * `Array(n)` / `new Array(n)`: one site per runtime (Runtime::ArrayConstructorSite) for the
//    array and its elements store; other Array builtins (Array.of/from, concat, map, ...) and
//    arrays grown by push have no site.
//
// INVARIANTS:
//  * A site is created on the first execution of its instruction and owned by the heap; the
//    FunctionInfo keeps the pointer (FunctionInfo is never freed before the heap).
//  * The literal and its elements store (arrays) are allocated at the same site, except an array
//    literal of immediates, whose elements are a shared copy-on-write store (objects.h). A tenured site's
//    objects are old at birth: every pointer field (shape, prototype, elements) is initialised with
//    tenure::Store(), so the old->new remembered set and the incremental-marking barrier see them.
//    Later property stores go through the runtime's ordinary (barriered) paths. The same holds
//    for a constructed receiver (shape, prototype) and for `Array(n)`'s array and elements.
//  * A `new` site belongs to the FunctionInfo that contains the instruction (created on its first
//    execution); the fallback construct site to the constructor's FunctionInfo.
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
// `[]` with room for `capacity` elements (at least 4) and Array.prototype, allocated at `site`
// (also `Array(n)`: the caller sets the length).
Value NewLiteralArray(Runtime& rt, int64_t capacity, tenure::AllocationSite* site);
// `[0, 1, ..., 9]` (CreateArrayCow): an array at `site` whose elements are the copy-on-write store
// in the constant-pool slot `cow_store` (objects.h), length = its size. Allocates only the array.
Value NewCowLiteralArray(Runtime& rt, const Value* cow_store, tenure::AllocationSite* site);

// `{a: v0, b: v1, ...}` (CreateObjectShaped; the compiler's IsShapedLiteral: distinct fixed
// non-index names, at most kMaxInlineCapacity). `keys` is the literal's constant-pool slot of a
// FixedArray [leaf shape or undefined, key0, ..., keyN-1]; `values` are the N evaluated values
// (registers). The first evaluation defines the properties one by one on an empty object
// (DefineOwn, ECMA-262 §13.2.5.5) and caches the resulting leaf shape in keys[0] when its chain
// is exactly key_i at index i without attributes from the empty root; later evaluations allocate
// the object at `site` with that shape and fill its N inline slots (V8 starts from the
// boilerplate's final map the same way). Shapes are immutable, so the cached one stays valid.
// Returns empty on exception.
Value NewShapedLiteralObject(Runtime& rt, Value* keys, const Value* values, tenure::AllocationSite* site);

// The largest slot + 1 a `new` instruction can carry in operand b's high 16 bits (int32 b).
inline constexpr int kMaxNewSiteSlot = 0x7fff;

// Compiler: operand b of kNew / kNewSpread for callee register `callee_reg` (also operand c of
// kAddAtSite for its right operand's register): the register in the low 16 bits, a freshly
// reserved site slot + 1 in the high ones (0 once the function has more than kMaxNewSiteSlot
// sites).
int NewInstructionOperand(FunctionInfo* info, int callee_reg);
// Interpreter: the register of a kNew / kNewSpread operand b or a kAddAtSite operand c.
inline int NewCalleeRegister(int b) { return b & 0xffff; }

// `new F(...)`'s site: the instruction's own site (operand b of kNew / kNewSpread in `caller`),
// else F's FunctionInfo::construct_site (F = `callee`); created on first use.
inline tenure::AllocationSite* ConstructSite(Runtime& rt, const FunctionInfo* caller, int b,
                                             const FunctionInfo* callee) {
  if (int slot = b >> 16; slot > 0) return LiteralSite(rt, caller, slot);
  tenure::AllocationSite*& site = const_cast<FunctionInfo*>(callee)->construct_site;
  if (site == nullptr) site = rt.heap().NewAllocationSite();
  return site;
}

// The receiver of `new F(...)`: a plain object with `inline_capacity` slots (clamped like
// Runtime::NewObjectWithCapacity) and prototype `proto`, allocated at `site` (may be null).
Value NewConstructedObject(Runtime& rt, Handle proto, int inline_capacity, tenure::AllocationSite* site);

}  // namespace tenure::js
