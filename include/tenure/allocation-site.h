// Copyright the tenure authors.
// allocation-site.h — allocation-site pretenuring (V8's AllocationSite / AllocationMemento, §1.6).
//
// An embedder creates one AllocationSite per place in its code that allocates objects (an object
// or array literal, a constructor call) with Heap::NewAllocationSite() and allocates there with
// Heap::AllocateAtSite(). The heap learns from scavenges whether that site's objects survive and,
// when nearly all of them do, allocates the site's next objects directly in old space: a
// long-lived structure is then never copied by the scavenger (once, or twice, per object) and
// never pays the promotion in a pause.
//
// INVARIANTS:
//  * Ownership: sites belong to the Heap and live until the Heap is destroyed (an embedder that
//    drops code keeps its sites; they are a few words each). A site pointer is never dangling
//    while a memento that names it may exist.
//  * Mementos: while a site is kUndecided or kMaybeTenure, AllocateAtSite() places a 16-byte
//    AllocationMemento (header + raw site pointer, no pointer slots) directly behind each young
//    object it allocates, in the same allocation (so it lies below the page's top) and counts the
//    allocation in memento_create_count. The scavenger, when it evacuates a from-space object,
//    looks at the word behind it: if that is a memento's header (and lies below the page's top)
//    the site's memento_found_count is incremented. Mementos are never copied, so an object is
//    counted at most once, at its first scavenge. Nothing points to a memento; a full GC turns
//    mementos into fillers with the other unmarked young objects. Heap walks skip them.
//  * Decision after every scavenge (V8 pretenuring-handler.cc ProcessPretenuringFeedback /
//    DigestPretenuringFeedback / MakePretenureDecision): a site with at least kMinMementoCount
//    (100) created mementos gets ratio = found / created; kUndecided or kMaybeTenure becomes
//    kTenure if ratio >= kPretenureRatio (0.85) and the semispace capacity before the scavenge was
//    at least min(max capacity, kMinNewSpaceCapacityForPretenuring = 16 MiB) (a small nursery
//    promotes objects before they had a chance to die); kMaybeTenure if the ratio is high but
//    the nursery was small; kDontTenure otherwise. Tenure deviation: a scavenge that ran in fast
//    promotion mode (every survivor promoted; the nursery does not grow in that mode, so it may
//    never reach 16 MiB) also counts as a large enough nursery. Both counts are reset after each digest.
//    kDontTenure and kTenure are not revisited by scavenges.
//  * Allocation: a kTenure site allocates in old space, zeroed, without a memento (black while
//    incremental marking runs, like every old allocation). Its objects are OLD from birth, so the
//    embedder must initialise every pointer field of them with tenure::Store() (write-barrier.h):
//    a raw store of a young pointer would miss the old->new remembered set (the verifier's
//    "every old->young slot is recorded" check) and a raw store into a black object would break
//    the tri-colour invariant. Young allocations may keep their raw initialising stores.
//  * Tenured samples (tenure addition; V8 stops all feedback once a site is tenured): every
//    kTenuredSampleInterval-th object of a kTenure site is still allocated young with a memento
//    and counted in memento_create_count. Scavenges count the found ones as usual; a full GC
//    counts a sample that is marked (its memento directly follows a live young object) and
//    drops the memento, so no sample counts twice. After every scavenge and every full GC a
//    kTenure site with at least kMinMementoCount samples whose found / created ratio is below
//    kPretenureRatio becomes kDontTenure (the rule an open site is judged by); its counts are
//    reset only when it is judged. Why: a constructor such as binary-trees' TreeNode builds one
//    large all-live tree first (tenured at 16 MiB) and then millions of short-lived ones that
//    V8's only way back, the old generation's 10% rule below, never catches while a large tree
//    stays alive. HeapConfig::stress_pretenuring takes no samples.
//  * Way back (V8 heap.cc EvaluateOldSpaceLocalPretenuring, kOldSurvivalRateLowThreshold = 10):
//    after a full GC, if less than 10% of the old generation's bytes survived, wrongly pretenured
//    sites may be the cause: every kTenure site goes back to kUndecided (counts reset) and starts
//    producing mementos again. kDontTenure sites are reset by the same rule (tenure addition:
//    V8 keeps collecting their mementos forever; here they stop, so they get a second chance only
//    when the old generation turns over).
//  * HeapConfig::allocation_site_pretenuring = false: AllocateAtSite() is a plain young
//    allocation (no mementos, no decisions).
#ifndef TENURE_ALLOCATION_SITE_H_
#define TENURE_ALLOCATION_SITE_H_

#include <cstddef>
#include <cstdint>

namespace tenure {

namespace internal {
class AllocationSiteRegistry;
}

enum class PretenureDecision : uint8_t { kUndecided, kDontTenure, kMaybeTenure, kTenure };

const char* PretenureDecisionName(PretenureDecision decision);

class AllocationSite {
 public:
  // V8 pretenuring-handler.cc: kMinMementoCount, kScavengerPretenureRatio,
  // kDefaultMinNewSpaceCapacityForPretenuring (8192 KB * pointer multiplier 2 on x64 without
  // pointer compression = 16 MiB).
  static constexpr uint32_t kMinMementoCount = 100;
  static constexpr double kPretenureRatio = 0.85;
  static constexpr size_t kMinNewSpaceCapacityForPretenuring = size_t{16} << 20;
  // V8 heap.h kOldSurvivalRateLowThreshold (percent).
  static constexpr int kOldSurvivalRateLowThreshold = 10;
  // Tenured samples (see INVARIANTS): one young object with a memento per this many allocations.
  static constexpr uint32_t kTenuredSampleInterval = 32;

  PretenureDecision decision() const { return decision_; }
  bool IsTenured() const { return decision_ == PretenureDecision::kTenure; }
  // Mementos are written while the decision is still open.
  bool IsTracking() const {
    return decision_ == PretenureDecision::kUndecided ||
           decision_ == PretenureDecision::kMaybeTenure;
  }
  uint32_t memento_create_count() const { return memento_create_count_; }
  uint32_t memento_found_count() const { return memento_found_count_; }
  // Lifetime totals (statistics and tests).
  uint64_t old_allocations() const { return old_allocations_; }
  uint32_t times_tenured() const { return times_tenured_; }
  uint32_t id() const { return id_; }

  // Called by the scavenger for each memento behind an evacuated object.
  void IncrementMementoFoundCount() { ++memento_found_count_; }
  void IncrementMementoCreateCount() { ++memento_create_count_; }
  void IncrementOldAllocations() { ++old_allocations_; }
  // Tenured sites: true for every kTenuredSampleInterval-th allocation (allocate it young, with a
  // memento).
  bool TakeTenuredSample() {
    if (--sample_countdown_ != 0) return false;
    sample_countdown_ = kTenuredSampleInterval;
    return true;
  }

 private:
  friend class internal::AllocationSiteRegistry;

  PretenureDecision decision_ = PretenureDecision::kUndecided;
  uint32_t memento_create_count_ = 0;
  uint32_t memento_found_count_ = 0;
  uint32_t times_tenured_ = 0;
  uint32_t id_ = 0;
  uint64_t old_allocations_ = 0;
  uint32_t sample_countdown_ = kTenuredSampleInterval;
};

}  // namespace tenure

#endif  // TENURE_ALLOCATION_SITE_H_
