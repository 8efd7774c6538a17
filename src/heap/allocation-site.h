// Copyright the tenure authors.
// allocation-site.h (internal) — the heap side of allocation-site pretenuring: the memento object,
// the registry that owns the sites, and the feedback rules. The public contract and its
// invariants are in include/tenure/allocation-site.h.
//
// INVARIANTS (in addition to the public header's):
//  * A memento is a 16-byte object of type kAllocationMementoType (layout kNoPointers) whose
//    second word is the raw address of its AllocationSite (not a Value: the GC never reads it as a
//    pointer). It only ever exists in new space, directly behind the object it describes.
//  * FindMemento(object, size, page_top) only reads words below page_top, so it never reads stale
//    bytes above a page's top or past the page's area.
//  * kPageMayHoldMementos (docs/heap.md section 32): a new-space page without this flag holds no
//    memento. WriteAllocationMemento sets it on the memento's page; the scavenger clears it only on
//    its from-space pages after evacuating them (their contents are dead from then on) and on pages
//    it moves to old space. A set flag may be stale (a full GC turns mementos into fillers without
//    clearing it): it only costs the lookup. The scavenger looks for a memento only behind objects
//    on flagged pages, so a nursery whose sites have all decided reads no word behind its objects.
#ifndef TENURE_SRC_HEAP_ALLOCATION_SITE_H_
#define TENURE_SRC_HEAP_ALLOCATION_SITE_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <deque>

#include "tenure/allocation-site.h"
#include "tenure/object.h"
#include "tenure/write-barrier.h"

namespace tenure::internal {

extern const TypeInfo kAllocationMementoType;

struct AllocationMemento : HeapObject {
  uintptr_t site;  // raw AllocationSite*
};
inline constexpr size_t kAllocationMementoSize = sizeof(AllocationMemento);
static_assert(kAllocationMementoSize == 16);

inline bool IsAllocationMemento(const HeapObject* object) {
  return object->type() == &kAllocationMementoType;
}

// A page flag (the page's first word, tenure/write-barrier.h PageFlag) private to allocation sites
// and the scavenger: the page may hold a memento (INVARIANTS above). Defined here, not in the
// public PageFlag enum, because no inline code outside src/heap reads it.
inline constexpr uintptr_t kPageMayHoldMementos = uintptr_t{1} << 16;
static_assert(kPageMayHoldMementos > kPageMarking, "must not collide with a PageFlag");

// Formats the memento at `address` (fresh, zeroed memory) for `site` and flags its page.
inline void WriteAllocationMemento(uintptr_t address, AllocationSite* site) {
  AllocationMemento* memento = reinterpret_cast<AllocationMemento*>(address);
  memento->set_type(&kAllocationMementoType);
  memento->site = reinterpret_cast<uintptr_t>(site);
  ChunkOf(memento)->flags |= kPageMayHoldMementos;
}

// The site named by a memento directly behind `object` (`size` bytes, AllocationSize()d), or null.
// Contract: `object` is in a from-space page whose recorded top is `page_top`.
inline AllocationSite* FindMemento(const HeapObject* object, size_t size, uintptr_t page_top) {
  const uintptr_t address = object->address() + size;
  if (address + kAllocationMementoSize > page_top) return nullptr;
  const AllocationMemento* memento = reinterpret_cast<const AllocationMemento*>(address);
  if (memento->raw_header() != reinterpret_cast<uintptr_t>(&kAllocationMementoType)) return nullptr;
  return reinterpret_cast<AllocationSite*>(memento->site);
}

// What one round of feedback decided (tracing and tests).
struct PretenuringFeedbackResult {
  int active_sites = 0;  // sites with at least one created memento
  int tenured = 0;       // transitions to kTenure
  int dont_tenure = 0;   // transitions to kDontTenure
  int untenured = 0;     // kTenure -> kDontTenure on tenured samples
  uint64_t mementos_found = 0;
};

// What a decision round knows about the scavenge it follows.
struct ScavengeFeedbackInput {
  size_t capacity_before = 0;   // semispace capacity the scavenge ran with
  size_t max_capacity = 0;      // configured maximum semispace capacity
  bool fast_promotion = false;  // the scavenge promoted every survivor (new-space.h)
};

class AllocationSiteRegistry {
 public:
  AllocationSiteRegistry() = default;

  // `tenured`: the site starts (and, under HeapConfig::stress_pretenuring, stays) tenured.
  AllocationSite* NewSite(bool tenured);
  size_t size() const { return sites_.size(); }

  // After every scavenge (public header, "Decision").
  PretenuringFeedbackResult ProcessScavengeFeedback(const ScavengeFeedbackInput& input);
  // After every full GC (public header, "Way back"): `old_before` / `old_after` are the old
  // generation's object bytes before and after. Returns the number of sites reset.
  int EvaluateOldSpaceSurvival(size_t old_before, size_t old_after);
  // After every full GC: judges the kTenure sites on their tenured samples (public header,
  // "Tenured samples"). Returns the number of sites that became kDontTenure.
  int EvaluateTenuredSamples();

  // Sites allocated in old space since the last call (statistics).
  int tenured_sites() const;

 private:
  // Judges one kTenure site on its samples; true if it became kDontTenure.
  static bool JudgeTenuredSite(AllocationSite& site);

  std::deque<AllocationSite> sites_;  // deque: stable addresses
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_ALLOCATION_SITE_H_
