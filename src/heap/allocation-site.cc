// Copyright the tenure authors.
#include "allocation-site.h"

#include <cstring>
#include <memory>

#include "incremental-marking.h"
#include "new-space.h"
#include "old-space.h"
#include "sweeper.h"
#include "tenure/heap.h"

namespace tenure {

const char* PretenureDecisionName(PretenureDecision decision) {
  switch (decision) {
    case PretenureDecision::kUndecided: return "undecided";
    case PretenureDecision::kDontTenure: return "don't tenure";
    case PretenureDecision::kMaybeTenure: return "maybe tenure";
    case PretenureDecision::kTenure: return "tenure";
  }
  return "?";
}

namespace internal {

const TypeInfo kAllocationMementoType{
    .class_name = "(allocation memento)",
    .layout = LayoutKind::kNoPointers,
    .size = kAllocationMementoSize,
};

AllocationSite* AllocationSiteRegistry::NewSite(bool tenured) {
  AllocationSite& site = sites_.emplace_back();
  site.id_ = static_cast<uint32_t>(sites_.size());
  if (tenured) site.decision_ = PretenureDecision::kTenure;
  return &site;
}

// V8 MakePretenureDecision + DigestPretenuringFeedback (cited in the public header): only open
// sites with enough mementos are decided; the counts of every open site restart each round.
// Tenure deviation: a fast-promotion scavenge counts as "the nursery is large enough" (public
// header, "Decision"), because in that mode the nursery no longer grows and every survivor is
// promoted at its first scavenge anyway.
PretenuringFeedbackResult AllocationSiteRegistry::ProcessScavengeFeedback(
    const ScavengeFeedbackInput& input) {
  PretenuringFeedbackResult result;
  const size_t min_capacity =
      input.max_capacity < AllocationSite::kMinNewSpaceCapacityForPretenuring
          ? input.max_capacity
          : AllocationSite::kMinNewSpaceCapacityForPretenuring;
  const bool nursery_large_enough = input.capacity_before >= min_capacity || input.fast_promotion;
  for (AllocationSite& site : sites_) {
    if (site.IsTenured()) {
      result.untenured += JudgeTenuredSite(site) ? 1 : 0;
      continue;
    }
    if (!site.IsTracking() || site.memento_create_count_ == 0) continue;
    ++result.active_sites;
    result.mementos_found += site.memento_found_count_;
    if (site.memento_create_count_ >= AllocationSite::kMinMementoCount) {
      const double ratio =
          static_cast<double>(site.memento_found_count_) / site.memento_create_count_;
      if (ratio >= AllocationSite::kPretenureRatio) {
        if (nursery_large_enough) {
          site.decision_ = PretenureDecision::kTenure;
          ++site.times_tenured_;
          ++result.tenured;
        } else {
          site.decision_ = PretenureDecision::kMaybeTenure;
        }
      } else {
        site.decision_ = PretenureDecision::kDontTenure;
        ++result.dont_tenure;
      }
    }
    site.memento_create_count_ = 0;
    site.memento_found_count_ = 0;
  }
  return result;
}

// Contract: `site` is kTenure. Counts restart only when the site is judged, so a site that
// allocates slowly still gathers kMinMementoCount samples over several GCs.
bool AllocationSiteRegistry::JudgeTenuredSite(AllocationSite& site) {
  if (site.memento_create_count_ < AllocationSite::kMinMementoCount) return false;
  const double ratio = static_cast<double>(site.memento_found_count_) / site.memento_create_count_;
  site.memento_create_count_ = 0;
  site.memento_found_count_ = 0;
  if (ratio >= AllocationSite::kPretenureRatio) return false;
  site.decision_ = PretenureDecision::kDontTenure;
  return true;
}

int AllocationSiteRegistry::EvaluateTenuredSamples() {
  int untenured = 0;
  for (AllocationSite& site : sites_) {
    if (site.IsTenured()) untenured += JudgeTenuredSite(site) ? 1 : 0;
  }
  return untenured;
}

int AllocationSiteRegistry::EvaluateOldSpaceSurvival(size_t old_before, size_t old_after) {
  if (old_before == 0) return 0;
  const double survival_percent = static_cast<double>(old_after) * 100.0 / old_before;
  if (survival_percent >= AllocationSite::kOldSurvivalRateLowThreshold) return 0;
  int reset = 0;
  for (AllocationSite& site : sites_) {
    if (site.decision_ != PretenureDecision::kTenure &&
        site.decision_ != PretenureDecision::kDontTenure) {
      continue;
    }
    site.decision_ = PretenureDecision::kUndecided;
    site.memento_create_count_ = 0;
    site.memento_found_count_ = 0;
    ++reset;
  }
  return reset;
}

int AllocationSiteRegistry::tenured_sites() const {
  int n = 0;
  for (const AllocationSite& site : sites_) n += site.IsTenured() ? 1 : 0;
  return n;
}

}  // namespace internal
}  // namespace tenure

// ---- Heap members behind Heap::AllocateAtSite (tenure/heap.h) ----------------------------------
namespace tenure {

namespace {
// Allocation steps (lazy sweeping, incremental marking, pool trimming) for pretenured objects run
// once per this many bytes instead of once per object: AllocateOld's per-call step is sized for
// rare old allocations (at least 64 KiB of marking per call) and would dominate a site that
// allocates millions of small objects. Same pacing per byte (4 bytes marked per byte allocated).
constexpr size_t kPretenuredStepBytes = 64 * KB;
}  // namespace

AllocationSite* Heap::NewAllocationSite() {
  if (allocation_sites_ == nullptr) {
    allocation_sites_ = std::make_unique<internal::AllocationSiteRegistry>();
  }
  return allocation_sites_->NewSite(config_.stress_pretenuring);
}

size_t Heap::allocation_site_count() const {
  return allocation_sites_ == nullptr ? 0 : allocation_sites_->size();
}

// Contract: `bytes` is AllocationSize()d and regular-sized; `site` is tenured. The old-space twin
// of the young fast path: the limit check, then a bump in old space's LAB; free-list refills and
// the heap-limit check only when the LAB is exhausted. Stress modes and allocation observers take
// the ordinary slow path so they see every allocation.
HeapObject* Heap::AllocatePretenured(const TypeInfo* type, size_t bytes, AllocationSite* site,
                                     AllocationInit init) {
  if (!config_.stress_pretenuring && site->TakeTenuredSample()) {
    return AllocateWithMemento(type, bytes, site);  // tenured sample: young, with a memento
  }
  site->IncrementOldAllocations();
  if (gc_interval_ > 0 || StressIncrementalMarking() || allocation_observer_) {
    return AllocateSlow(type, bytes, AllocationType::kOld, init);
  }
  pretenured_bytes_since_step_ += bytes;
  if (pretenured_bytes_since_step_ >= kPretenuredStepBytes) {
    const size_t step = pretenured_bytes_since_step_;
    pretenured_bytes_since_step_ = 0;
    AllocationStep(step);  // may start marking or run the finalizing full GC
  }
  if (OldGenerationSizeOfObjects() + bytes > old_generation_allocation_limit_) {
    PerformGC(GCType::kMarkCompact, GCReason::kAllocationLimit, "GC in old space requested");
  }
  uintptr_t area;
  if (old_space_->LabCanHold(bytes)) [[likely]] {
    area = old_space_->AllocateInLab(bytes);
  } else {
    sweeper_->SweepForAllocation(bytes);
    CheckHeapLimit(bytes);
    area = old_space_->Allocate(bytes);
  }
  gc_stats_.total_allocated_bytes += bytes;
  if (init == AllocationInit::kZeroed) {
    memset(reinterpret_cast<void*>(area), 0, bytes);
  } else if (config_.verify_heap) [[unlikely]] {
    ZapUninitializedOld(area, bytes);
  }
  HeapObject* object = reinterpret_cast<HeapObject*>(area);
  object->set_type(type);
  if (incremental_marking_->IsMarking()) incremental_marking_->BlackAllocate(object, bytes);
  return object;
}

// Contract: `bytes` is AllocationSize()d; `site` is tracking. One young allocation holds the object
// and its memento, so the memento lies below the page's top (FindMemento's precondition).
HeapObject* Heap::AllocateWithMemento(const TypeInfo* type, size_t bytes, AllocationSite* site) {
  // An allocation observer (heap profilers) sees every allocation with its exact size: no memento.
  if (bytes + internal::kAllocationMementoSize > kMaxRegularObjectSize || allocation_observer_) {
    return Allocate(type, bytes);
  }
  HeapObject* object = Allocate(type, bytes + internal::kAllocationMementoSize);
  internal::WriteAllocationMemento(object->address() + bytes, site);
  site->IncrementMementoCreateCount();
  return object;
}

void Heap::ProcessPretenuringFeedback(size_t capacity_before) {
  const internal::PretenuringFeedbackResult r =
      allocation_sites_->ProcessScavengeFeedback({.capacity_before = capacity_before,
                                                  .max_capacity = new_space_->max_capacity(),
                                                  // still the mode the scavenge ran in (heap.cc)
                                                  .fast_promotion = new_space_->fast_promotion_mode()});
  if (config_.trace_pretenuring && (r.active_sites > 0 || r.untenured > 0)) {
    FILE* out = config_.trace_stream != nullptr ? config_.trace_stream : stdout;
    fprintf(out,
            "pretenuring: capacity=%zu KB active_sites=%d mementos_found=%llu tenured=%d "
            "not_tenured=%d tenured_sites=%d untenured=%d\n",
            capacity_before / KB, r.active_sites, static_cast<unsigned long long>(r.mementos_found),
            r.tenured, r.dont_tenure, allocation_sites_->tenured_sites(), r.untenured);
  }
}

void Heap::EvaluatePretenuringAfterMarkCompact(size_t old_before) {
  if (config_.stress_pretenuring || !config_.allocation_site_pretenuring) return;
  const int untenured = allocation_sites_->EvaluateTenuredSamples();
  if (config_.trace_pretenuring && untenured > 0) {
    FILE* out = config_.trace_stream != nullptr ? config_.trace_stream : stdout;
    fprintf(out, "pretenuring: full GC: %d tenured sites judged don't tenure on their samples\n", untenured);
  }
  const int reset = allocation_sites_->EvaluateOldSpaceSurvival(old_before, OldGenerationSizeOfObjects());
  if (config_.trace_pretenuring && reset > 0) {
    FILE* out = config_.trace_stream != nullptr ? config_.trace_stream : stdout;
    fprintf(out, "pretenuring: old generation survival below %d%%: %d sites reset\n",
            AllocationSite::kOldSurvivalRateLowThreshold, reset);
  }
}

}  // namespace tenure
