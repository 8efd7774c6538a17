// Copyright the tenure authors.
// heap.cc — Heap: the one allocation slow path, GC orchestration, roots, callbacks, limits.
#include "tenure/heap.h"
#include "tenure/root-frame.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "allocation-site.h"
#include "filler.h"
#include "gc-tracer.h"
#include "global-handles.h"
#include "incremental-marking.h"
#include "large-object-space.h"
#include "mark-compact.h"
#include "new-space.h"
#include "old-space.h"
#include "page-pool.h"
#include "page.h"
#include "scavenger.h"
#include "sweeper.h"
#include "verifier.h"

namespace tenure {

using internal::GlobalNode;
using internal::Page;
using internal::RootFrameLink;

struct Heap::RootEntry {
  int id;
  RootKind kind;
  const char* name;
  RootCallback callback;
};

const char* GCReasonToString(GCReason reason) {
  switch (reason) {
    case GCReason::kAllocationFailure: return "allocation failure";
    case GCReason::kAllocationLimit: return "allocation limit";
    case GCReason::kExternalMemoryPressure: return "external memory pressure";
    case GCReason::kTesting: return "testing";
    case GCReason::kRuntime: return "runtime";
    case GCReason::kLastResort: return "last resort";
    case GCReason::kLowMemoryNotification: return "low memory notification";
    case GCReason::kHeapProfiler: return "heap profiler";
    case GCReason::kStress: return "stress";
    case GCReason::kFinalizeMarking: return "finalize incremental marking via stack guard";
  }
  return "unknown";
}

const char* RootKindToString(RootKind kind) {
  switch (kind) {
    case RootKind::kStack: return "Stack";
    case RootKind::kHandles: return "Handles";
    case RootKind::kGlobals: return "Globals";
    case RootKind::kWeakGlobals: return "WeakGlobals";
    case RootKind::kRuntime: return "Runtime";
    case RootKind::kBuiltins: return "Builtins";
    case RootKind::kOther: return "Other";
  }
  return "Other";
}

namespace {
size_t RoundUpToPages(size_t bytes) {
  return std::max(internal::kPageSize,
                  (bytes + internal::kPageSize - 1) & ~internal::kPageAlignmentMask);
}

// The page pool's bound (page-pool.h): the old-space pages the heap may still add before the next
// full GC (allocation limit minus the committed old and large-object chunks), never more than the
// room left under the hard limit, and otherwise at least the 8 MiB the fixed pool used to keep
// (semispace growth draws on it too).
size_t PagePoolBound(size_t allocation_limit, size_t max_old_space_size, size_t committed) {
  constexpr size_t kMinPagePoolBytes = 8 * MB;
  const size_t room = allocation_limit > committed ? allocation_limit - committed : 0;
  const size_t hard_room = max_old_space_size > committed ? max_old_space_size - committed : 0;
  return std::min(std::max(kMinPagePoolBytes, room), hard_room);
}

// Every page of a heap lies in its 4 GiB cage (cage.h), so the limits must leave the cage room:
// semispaces at most 1/16 of it, and the old generation at most what is left after three
// semispaces (heap_size_limit's young share) and kCageSlack for what the limits do not count (the
// page pool's prefault reserve, large-object page rounding, fragmentation of the cage's runs).
// Then a growing heap reaches its own limit — node's "Reached heap limit" report — before the
// cage runs out. V8 bounds its heap by the pointer-compression cage the same way (its
// kPtrComprCageReservationSize; v8-memory.md).
constexpr size_t kCageSlack = 256 * MB;
constexpr size_t kMaxSemiSpaceSizeInCage = kCageSize / 16;
// The one clamp every path that sets max_old_space_size_ goes through (construction, the
// near-heap-limit raise, RemoveNearHeapLimitCallback, SetMaxOldSpaceSizeForTesting).
size_t ClampOldSpaceSizeToCage(size_t requested, const HeapConfig& config) {
  return std::min(requested, kCageSize - kCageSlack - 3 * config.max_semi_space_size);
}
}  // namespace

// V8 HeapSizeFromPhysicalMemory (§5.1), simplified: old = physical / 2, clamped to
// [256 MiB, 2048 MiB], or up to 4096 MiB on 64-bit hosts with >= 15 GiB. cgroup limits are not read.
size_t Heap::ComputeDefaultMaxOldSpaceSize() const {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGE_SIZE);
  const size_t physical = pages > 0 && page_size > 0 ? static_cast<size_t>(pages) * page_size
                                                     : 4096 * MB;
  const size_t max = physical >= 15 * 1024 * MB ? 4096 * MB : 2048 * MB;
  return std::clamp(physical / 2, 256 * MB, max);
}

Heap::Heap(const HeapConfig& config) : config_(config) {
  const auto start = std::chrono::steady_clock::now();
  config_.initial_semi_space_size = RoundUpToPages(config_.initial_semi_space_size);
  config_.max_semi_space_size =
      std::max(config_.initial_semi_space_size, RoundUpToPages(config_.max_semi_space_size));
  config_.max_semi_space_size = std::min(config_.max_semi_space_size, kMaxSemiSpaceSizeInCage);
  config_.initial_semi_space_size = std::min(config_.initial_semi_space_size, config_.max_semi_space_size);
  max_old_space_size_ = ClampOldSpaceSizeToCage(
      config_.max_old_space_size != 0 ? config_.max_old_space_size : ComputeDefaultMaxOldSpaceSize(),
      config_);
  initial_max_old_space_size_ = max_old_space_size_;
  old_generation_allocation_limit_ =
      config_.initial_old_generation_limit != 0 ? config_.initial_old_generation_limit : 8 * MB;
  old_generation_allocation_limit_ = std::min(old_generation_allocation_limit_, max_old_space_size_);

  cage_ = std::make_unique<internal::Cage>();
  page_pool_ = std::make_unique<internal::PagePool>(
      internal::PagePoolConfig{
          .huge_pages = config_.huge_page_batches,
          .prefault_batches = config_.prefault_reserve_bytes / internal::PagePool::kBatchBytes,
          .cage = cage_.get()});
  tracer_ = std::make_unique<internal::GCTracer>(this);
  new_space_ = std::make_unique<internal::NewSpace>(this, config_.initial_semi_space_size,
                                                    config_.max_semi_space_size);
  old_space_ = std::make_unique<internal::OldSpace>(this);
  lo_space_ = std::make_unique<internal::LargeObjectSpace>(this, /*young=*/false);
  new_lo_space_ = std::make_unique<internal::LargeObjectSpace>(this, /*young=*/true);
  global_handles_ = std::make_unique<internal::GlobalHandles>();
  incremental_marking_ = std::make_unique<internal::IncrementalMarking>(this);
  sweeper_ = std::make_unique<internal::Sweeper>(this);
  // Reuse before mapping: queued released pages go to the pool before it maps fresh memory.
  page_pool_->SetReclaimHook([this] { sweeper_->ReleaseQueuedPages(); });
  handle_blocks_ = std::make_unique<internal::HandleBlocks>();
  new_space_->ResetAllocationArea(&new_lab_);
  new_lab_real_limit_ = new_lab_zeroed_limit_ = new_lab_.limit;
  gc_interval_ = config_.gc_interval;
  allocations_until_stress_gc_ = gc_interval_;
  RefreshAllocationLimit();
  gc_stats_.startup_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// The page pool outlives the sweeper (members are destroyed in reverse order): drop the hook that
// reaches into the sweeper before anything is torn down.
Heap::~Heap() { page_pool_->SetReclaimHook(nullptr); }

size_t Heap::heap_size_limit() const { return max_old_space_size_ + 3 * config_.max_semi_space_size; }
size_t Heap::semi_space_capacity() const { return new_space_->capacity(); }

// The fast path falls through on every allocation while stress GCs or an allocation observer are
// active (V8 allocation observers work the same way).
void Heap::RefreshAllocationLimit() {
  const bool slow = gc_interval_ > 0 || allocation_observer_ != nullptr ||
                    (config_.incremental_marking && config_.stress_incremental_marking);
  const uintptr_t top = new_lab_.top;
  new_lab_raw_limit_ = slow ? top : new_lab_real_limit_;
  new_lab_.limit = slow ? top : std::clamp(new_lab_zeroed_limit_, top, new_lab_real_limit_);
}

// ---- Allocation ----------------------------------------------------------------------------------

HeapObject* Heap::AllocateSlow(const TypeInfo* type, size_t bytes, AllocationType where,
                               AllocationInit init) {
  if (in_gc_) {
    fprintf(stderr, "tenure: allocation during a garbage collection\n");
    abort();
  }
  if (gc_interval_ > 0 && --allocations_until_stress_gc_ <= 0) {
    allocations_until_stress_gc_ = gc_interval_;
    ++stress_gc_count_;
    PerformGC(stress_gc_count_ % 4 == 0 ? GCType::kMarkCompact : GCType::kScavenge,
              GCReason::kStress, "");
    stress_marking_due_ = true;
  }
  if (StressIncrementalMarking()) AllocationStep(bytes);
  HeapObject* object;
  if (bytes > kMaxRegularObjectSize) {
    object = AllocateLarge(bytes, where);
  } else if (where == AllocationType::kOld) {
    // An observer may read the object (e.g. its size) before the caller initialises it.
    object = AllocateOld(bytes, allocation_observer_ ? AllocationInit::kZeroed : init);
  } else {
    object = AllocateYoungSlow(bytes, allocation_observer_ ? AllocationInit::kZeroed : init);
  }
  object->set_type(type);
  if (incremental_marking_->IsMarking() && !InYoungGeneration(object)) {
    incremental_marking_->BlackAllocate(object, bytes);
  }
  if (allocation_observer_) allocation_observer_(object, bytes);
  return object;
}

HeapObject* Heap::AllocateYoungSlow(size_t bytes, AllocationInit init) {
  new_lab_.limit = new_lab_real_limit_;
  // Only GCs run by this loop count as attempts: a page advance whose marking step finalizes
  // marking (a full GC that closes the allocation area) is progress, not a failed attempt — under
  // gc_interval with a tiny heap that happens on every advance.
  for (int attempt = 0;;) {
    // The real limit: a GC inside the step below may have lowered new_lab_.limit again.
    if (new_lab_real_limit_ - new_lab_.top >= bytes) break;
    if (new_space_->AdvancePage(&new_lab_)) {
      new_lab_real_limit_ = new_lab_.limit;  // a GC inside the step restores the limit from here
      new_lab_zeroed_limit_ = new_lab_.top;  // the page is not zeroed (new-space.h "Zeroing")
      AllocationStep(internal::kPageSize);
      continue;
    }
    if (attempt++ > 4) FatalOutOfMemory("Scavenger: semi-space copy");
    // A full GC first if promoting all of new space might not fit (V8 SelectGarbageCollector);
    // a full GC does not empty new space, so the following attempt always scavenges.
    GCType type = GCType::kScavenge;
    const char* collector_reason = "";
    if (attempt == 1 && !CanExpandOldGeneration(new_space_->Size())) {
      type = GCType::kMarkCompact;
      collector_reason = "scavenge might not succeed";
    }
    PerformGC(type, GCReason::kAllocationFailure, collector_reason);
    new_lab_.limit = new_lab_real_limit_;
  }
  const uintptr_t top = new_lab_.top;
  if (init == AllocationInit::kZeroed && new_lab_zeroed_limit_ < top + bytes) {
    // First zeroing allocation since the area's page was taken (or since uninitialised
    // allocations passed the zeroed part): zero the rest of the area, as a page advance did.
    const uintptr_t from = std::max(top, new_lab_zeroed_limit_);
    memset(reinterpret_cast<void*>(from), 0, new_lab_real_limit_ - from);
    new_lab_zeroed_limit_ = new_lab_real_limit_;
  }
  HeapObject* object = reinterpret_cast<HeapObject*>(top);
  new_lab_.top = top + bytes;
  RefreshAllocationLimit();
  return object;
}

HeapObject* Heap::AllocateOld(size_t bytes, AllocationInit init) {
  AllocationStep(bytes);
  if (OldGenerationSizeOfObjects() + bytes > old_generation_allocation_limit_) {
    PerformGC(GCType::kMarkCompact, GCReason::kAllocationLimit, "GC in old space requested");
  }
  sweeper_->SweepForAllocation(bytes);  // allocation takes swept memory before mapping pages
  CheckHeapLimit(bytes);
  gc_stats_.total_allocated_bytes += bytes;
  return reinterpret_cast<HeapObject*>(AllocateOldArea(bytes, init));
}

// kUninitialized under verify_heap fills the area with a pointer-tagged value that is no object
// start, so a word the caller leaves unwritten fails verification ("dangling") instead of reading
// as a valid Smi (NewSpace::kZapValue has the Smi tag).
void Heap::ZapUninitializedOld(uintptr_t area, size_t bytes) {
  constexpr uintptr_t kUninitializedOldZap = 0xdbdbdbdbdbdbdbd8;
  for (size_t i = 0; i < bytes; i += sizeof(uintptr_t)) {
    *reinterpret_cast<uintptr_t*>(area + i) = kUninitializedOldZap;
  }
}

uintptr_t Heap::AllocateOldArea(size_t bytes, AllocationInit init) {
  if (init == AllocationInit::kZeroed) return old_space_->AllocateZeroed(bytes);
  const uintptr_t area = old_space_->Allocate(bytes);
  if (config_.verify_heap) ZapUninitializedOld(area, bytes);
  return area;
}

HeapObject* Heap::AllocateLarge(size_t bytes, AllocationType where) {
  if (where == AllocationType::kYoung &&
      new_lo_space_->size_of_objects() + bytes > new_space_->capacity()) {
    PerformGC(GCType::kScavenge, GCReason::kAllocationFailure, "");
  }
  AllocationStep(bytes);
  if (OldGenerationSizeOfObjects() + bytes > old_generation_allocation_limit_) {
    PerformGC(GCType::kMarkCompact, GCReason::kAllocationLimit, "GC in old space requested");
  }
  CheckHeapLimit(bytes);
  gc_stats_.total_allocated_bytes += bytes;
  internal::LargeObjectSpace* space =
      where == AllocationType::kYoung ? new_lo_space_.get() : lo_space_.get();
  return reinterpret_cast<HeapObject*>(space->Allocate(bytes));
}

// ---- Collection ----------------------------------------------------------------------------------

// Lazy sweeping: every allocated byte pays for sweeping kSweepBytesPerAllocatedByte bytes of pending
// pages. Incremental marking: every allocated byte pays for scanning kMarkBytesPerAllocatedByte
// bytes, and marking must finish before the old generation reaches its limit; once the worklist is
// empty the finalizing full GC runs right away (V8 finalizes via a stack-guard interrupt).
void Heap::AllocationStep(size_t bytes) {
  if (in_gc_) return;
  page_pool_->ReleaseSurplus(2);  // munmap of chunks above the pool's bound, out of the pause
  constexpr size_t kSweepBytesPerAllocatedByte = 4;
  constexpr size_t kMarkBytesPerAllocatedByte = 4;
  if (sweeper_->sweeping_in_progress()) {
    const size_t area = internal::kPageSize - internal::kPageHeaderSize;
    sweeper_->SweepPages(std::max<size_t>(1, bytes * kSweepBytesPerAllocatedByte / area));
  }
  if (!config_.incremental_marking) return;
  if (!incremental_marking_->IsMarking()) {
    if (!ShouldStartIncrementalMarking()) return;
    sweeper_->EnsureCompleted();
    incremental_marking_->Start(forced_evacuation_candidates_);
    stress_marking_due_ = false;
  }
  incremental_marking_->Step(StressIncrementalMarking()
                                 ? 256
                                 : std::max<size_t>(bytes * kMarkBytesPerAllocatedByte, 64 * KB));
  if (incremental_marking_->IsComplete()) {
    PerformGC(GCType::kMarkCompact, GCReason::kFinalizeMarking, "Incremental marking needs finalization");
  }
}

// V8 starts at the "soft limit"; here: 3/4 of the way from the size after the last full GC to the
// limit (starting at 1/2 finished marking so early that full GCs doubled on GCBench)
// (stress: immediately), and never below 4 MiB of old generation in the regular mode.
bool Heap::ShouldStartIncrementalMarking() {
  const size_t size = OldGenerationSizeOfObjects();
  // gc_interval stress starts marking after each stress GC (regular step sizes), so every stress
  // mode of an embedder (e.g. the JS runtime's --gc-interval) runs the marking barrier, steps and
  // finalization. Not right after every full GC: on a small heap one 64 KB step finishes marking,
  // so each old-space allocation ended in a finalizing full GC (335 of them in the JS runtime's
  // start-up, ~0.3 s per start under ASan + verify_heap).
  if (StressIncrementalMarking() || (gc_interval_ > 0 && stress_marking_due_)) return true;
  // Pages moved by fast promotion whose liveness no full GC has checked (new-space.h).
  if (size >= 4 * MB && new_space_->PageMovesNeedMarking(size, live_after_last_mark_compact_)) return true;
  const size_t base = std::min(live_after_last_mark_compact_, old_generation_allocation_limit_);
  const size_t start = base + (old_generation_allocation_limit_ - base) * 3 / 4;
  return size >= std::max(start, 4 * MB);
}

void Heap::StartIncrementalMarkingForTesting() {
  if (incremental_marking_->IsMarking()) return;
  MakeHeapIterable();
  sweeper_->EnsureCompleted();
  incremental_marking_->Start(forced_evacuation_candidates_);
}

void Heap::IncrementalMarkingStepForTesting(size_t bytes) { incremental_marking_->Step(bytes); }
bool Heap::IsIncrementalMarkingForTesting() const { return incremental_marking_->IsMarking(); }
size_t Heap::PendingSweepPagesForTesting() const { return sweeper_->pending_pages(); }

// An explicit full GC while incremental marking runs finishes that marking (one GC that keeps its
// floating garbage: objects that died after they were marked), then collects again from scratch,
// so callers still get "after CollectGarbage(kMarkCompact) only reachable objects remain".
void Heap::CollectGarbage(GCType type, GCReason reason) {
  if (type == GCType::kMarkCompact && incremental_marking_->IsMarking()) {
    PerformGC(type, reason, "Incremental marking needs finalization");
  }
  PerformGC(type, reason, type == GCType::kMarkCompact ? "GC in old space requested" : "");
}

void Heap::CollectAllAvailableGarbage(GCReason reason) {
  size_t previous = SIZE_MAX;
  for (int i = 0; i < 7; ++i) {
    PerformGC(GCType::kMarkCompact, reason, "GC in old space requested");
    const size_t now = SizeOfObjects();
    if (now >= previous) break;
    previous = now;
  }
  // Memory-reducing GC: drop semispace pages above the initial capacity (the allocation area's
  // page is kept, so new_lab_ stays valid).
  new_space_->ShrinkToInitialCapacity();
  // ... and give every pooled page back to the OS; until the next full GC sets a new bound, pages
  // released by the spaces are unmapped (in allocation steps) instead of pooled.
  sweeper_->EnsureCompleted();
  page_pool_->ReleaseAll();
  page_pool_->SetMaxBytes(0);
}

void Heap::MakeHeapIterable() {
  new_space_->SyncTop(new_lab_.top);
  old_space_->MakeIterable();
}

void Heap::PerformGC(GCType type, GCReason reason, const char* collector_reason) {
  if (in_gc_) {
    fprintf(stderr, "tenure: recursive garbage collection\n");
    abort();
  }
  InvokeCallbacks(prologue_callbacks_, type);
  in_gc_ = true;
  new_lab_.limit = new_lab_real_limit_;
  const internal::LinearAllocationArea lab_before = new_lab_;
  MakeHeapIterable();
  if (config_.verify_heap) internal::HeapVerifier::Verify(this, "before GC");

  internal::GCEvent event;
  event.type = type;
  event.reason = reason;
  event.collector_reason = collector_reason;
  event.start_ms = tracer_->ElapsedMs();
  event.used_before = SizeOfObjects();
  event.committed_before = CommittedMemory();
  const size_t young_size = new_space_->Size();
  event.allocated = young_size > new_space_size_after_last_gc_ ? young_size - new_space_size_after_last_gc_ : 0;
  gc_stats_.total_allocated_bytes += event.allocated;

  if (type == GCType::kScavenge) {
    RunScavenge(&event);
  } else {
    RunMarkCompact(&event);
  }

  new_lab_real_limit_ = new_lab_.limit;
  // A collector that moves the allocation area hands over one whose memory above top is not
  // known to be zero (the scavenger leaves the rest of its last page as it was, new-space.h
  // "Zeroing"): the first zeroing allocation there zeroes it (AllocateYoungSlow), so a mutator
  // that allocates only uninitialised never pays for it. One that keeps the area leaves the
  // memory above top untouched, so the zeroed limit stays.
  if (new_lab_.top != lab_before.top || new_lab_.limit != lab_before.limit) {
    new_lab_zeroed_limit_ = new_lab_.top;
  }
  MakeHeapIterable();
  new_space_size_after_last_gc_ = new_space_->Size();
  if (config_.verify_heap) internal::HeapVerifier::Verify(this, "after GC");
  event.end_ms = tracer_->ElapsedMs();
  event.used_after = SizeOfObjects();
  event.committed_after = CommittedMemory();
  event.new_space_capacity = new_space_->capacity();
  RecordPause(type, event.end_ms - event.start_ms);
  tracer_->Record(event, config_.trace_gc, config_.trace_gc_nvp, trace_stream());
  if (type == GCType::kScavenge && config_.trace_gc_verbose) {
    // V8 Heap::ComputeFastPromotionMode's line, with the --trace-gc prefix (gc-tracer.cc).
    fprintf(trace_stream(), "[%d:%p] %8.0f ms: Fast promotion mode: %s survival rate: %zu%%\n",
            static_cast<int>(getpid()), static_cast<const void*>(this), tracer_->ElapsedMs(),
            new_space_->fast_promotion_mode() ? "true" : "false",
            new_space_->last_survival_percent());
  }
  RefreshAllocationLimit();
  in_gc_ = false;

  InvokeCallbacks(epilogue_callbacks_, type);
  global_handles_->RunPendingCallbacks(this);
  if (type == GCType::kMarkCompact) {
    // Last-resort GCs inside the heap-limit handling are not evidence of ineffectiveness.
    if (!handling_heap_limit_) CheckIneffectiveMarkCompact(tracer_->current_mu());
    CheckHeapLimit(0);
  } else if (OldGenerationSizeOfObjects() > old_generation_allocation_limit_) {
    PerformGC(GCType::kMarkCompact, GCReason::kAllocationLimit, "");
  }
}

void Heap::RunScavenge(internal::GCEvent* event) {
  const bool fast_promotion = new_space_->fast_promotion_mode();
  const size_t capacity_before = new_space_->capacity();
  const bool count_mementos = allocation_sites_ != nullptr && config_.allocation_site_pretenuring;
  const internal::ScavengeOptions options{.promote_all = fast_promotion,
                                          .count_mementos = count_mementos};
  // Fast promotion moves whole pages when the old generation can take them (V8
  // CanPromoteYoungAndExpandOldGeneration), else copies (docs/heap.md section 17).
  const bool move_pages =
      fast_promotion && config_.fast_promotion_move_pages &&
      CanExpandOldGeneration(new_space_->committed_capacity() + new_lo_space_->size_of_objects());
  const double move_start_ms = move_pages ? tracer_->ElapsedMs() : 0;
  const internal::ScavengeResult r = move_pages
                                         ? internal::EvacuateYoungGeneration(this, options)
                                         : internal::Scavenger(this, options).Run();
  if (move_pages) {
    event->fast_promote_ms = tracer_->ElapsedMs() - move_start_ms;
  } else {
    new_space_->ForgetPageMove();
  }
  if (count_mementos) ProcessPretenuringFeedback(capacity_before);
  incremental_marking_->ProcessYoungSlotsAfterScavenge();
  event->promoted = r.promoted_bytes;
  event->new_space_survived = r.survived_bytes;
  event->copied_objects = r.copied_objects;
  event->promoted_objects = r.promoted_objects;
  gc_stats_.total_promoted_bytes += r.promoted_bytes;
  ++gc_stats_.scavenge_count;
  // Young generation policy (new-space.h): the fast promotion decision for the next scavenge
  // (semispace survivors only: young large objects never occupy the semispaces), then V8 §1.3
  // growth, which a fast-promotion scavenge does not feed (its survivors left new space), held
  // at the high-survival cap while survival stays high (docs/heap.md section 18).
  const size_t survived = r.survived_bytes + r.promoted_bytes;
  new_space_->UpdateFastPromotionMode(survived - r.promoted_large_bytes,
                                      config_.fast_promotion_survival_percent);
  const internal::NewSpace::HighSurvivalCap cap{.survival_percent = config_.high_survival_percent,
                                                .capacity = config_.high_survival_semi_space_size,
                                                .release_in_fast_promotion =
                                                    config_.fast_promotion_move_pages,
                                                .survivor_budget =
                                                    config_.high_survival_survivor_budget};
  new_space_->set_growth_ceiling(internal::NewSpace::GrowthCeiling(
      {.floor = config_.high_survival_semi_space_size,
       .old_generation_limit = old_generation_allocation_limit_,
       .old_generation_size = OldGenerationSizeOfObjects(),
       .survived = survived}));
  if (!fast_promotion && new_space_->ResizeAfterScavenge(survived, cap)) {
    new_space_->ResetAllocationArea(&new_lab_);
  }
}

void Heap::RunMarkCompact(internal::GCEvent* event) {
  sweeper_->EnsureCompleted();  // pending pages' mark bits would read as "marked"
  internal::IncrementalMarkingState incremental;
  const bool finalizing = incremental_marking_->IsMarking();
  if (finalizing) {
    incremental = incremental_marking_->TakeState();
    event->incremental_steps = incremental.steps;
    event->incremental_ms = incremental.steps_ms;
    event->incremental_longest_step_ms = incremental.longest_step_ms;
    event->incremental_start_ms = incremental.start_ms;
  }
  internal::MarkCompactCollector collector(this);
  const size_t old_before = OldGenerationSizeOfObjects();
  const internal::MarkCompactResult r =
      collector.Run(&forced_evacuation_candidates_, finalizing ? &incremental : nullptr);
  if (allocation_sites_ != nullptr) EvaluatePretenuringAfterMarkCompact(old_before);
  // Young generation policy (new-space.h): did the last batch of moved pages really survive?
  new_space_->CheckPageMoveAfterFullGC(old_space_->pages(), config_.fast_promotion_survival_percent);
  event->mark_ms = r.mark_ms;
  event->clear_ms = r.clear_ms;
  event->sweep_ms = r.sweep_ms;
  event->evacuate_ms = r.evacuate_ms;
  event->marked_bytes = r.marked_bytes;
  event->evacuated_bytes = r.evacuated_bytes;
  ++gc_stats_.mark_compact_count;
  gc_stats_.total_compacted_bytes += r.evacuated_bytes;
  gc_stats_.evacuated_pages += r.evacuated_pages;
  external_memory_at_last_mark_compact_ = external_memory_;
  // The controller's GC speed counts the cycle's work, not only the pause: incremental marking
  // steps and lazy sweeping (V8 combines incremental and atomic marking speeds). Counting only
  // the now short pause made GC look ~10x faster and the limit shrink to live + 8 MiB.
  const double cycle_ms = r.mark_ms + r.sweep_ms + r.evacuate_ms + incremental.steps_ms +
                          sweeper_->TakeSweepingMsSinceLastCall();
  const uint64_t cycle_allocated =
      gc_stats_.total_allocated_bytes - allocated_at_last_mark_compact_;
  UpdateOldGenerationLimit(OldGenerationSizeOfObjects(), cycle_ms, r.marked_bytes);
  const size_t old_committed = old_space_->committed() + lo_space_->committed();
  page_pool_->StartCycle({.max_bytes = PagePoolBound(old_generation_allocation_limit_,
                                                     max_old_space_size_, old_committed),
                          .allocated_bytes = static_cast<size_t>(cycle_allocated)});
}

void Heap::RecordPause(GCType type, double ms) {
  gc_stats_.total_pause_ms += ms;
  gc_stats_.max_pause_ms = std::max(gc_stats_.max_pause_ms, ms);
  (type == GCType::kScavenge ? gc_stats_.scavenge_pause_ms : gc_stats_.mark_compact_pause_ms) += ms;
}

// Heap growing (V8 heap-controller §2.5, simplified): factor F from the ratio of GC speed to
// mutator allocation speed at target mutator utilization 0.97, clamped to [1.1, max], where max is
// MaxOldGenerationGrowingFactor (old-space.h: V8's 4.0 for heaps >= 2 GiB, lowered for live old
// generations above 128 MiB, and 1.3..2.0 below 2 GiB); limit = max(live*F, live + 8 MiB), at
// most halfway from live to max_old_space_size, at least the initial limit.
void Heap::UpdateOldGenerationLimit(size_t live, double gc_ms, size_t marked_bytes) {
  constexpr double kMinFactor = 1.1;
  constexpr double kTargetMU = 0.97;
  const double max_factor = internal::MaxOldGenerationGrowingFactor(max_old_space_size_, live);
  const double now = tracer_->ElapsedMs();
  const double mutator_ms = std::max(1e-3, now - last_mark_compact_end_ms_ - gc_ms);
  const double mutator_speed = (gc_stats_.total_allocated_bytes - allocated_at_last_mark_compact_) / mutator_ms;
  const double gc_speed = gc_ms > 0 ? marked_bytes / gc_ms : 0;
  double factor = max_factor;
  if (gc_speed > 0 && mutator_speed > 0) {
    const double r = gc_speed / mutator_speed;
    const double a = r * (1 - kTargetMU);
    const double f = a / (a - kTargetMU);
    if (f > 0 && f < max_factor) factor = std::max(kMinFactor, f);
  }
  last_mark_compact_end_ms_ = now;
  allocated_at_last_mark_compact_ = gc_stats_.total_allocated_bytes;
  const size_t initial = config_.initial_old_generation_limit != 0 ? config_.initial_old_generation_limit
                                                                   : 8 * MB;
  size_t limit = std::max(static_cast<size_t>(live * factor), live + 8 * MB);
  limit = std::min(limit, (live + max_old_space_size_) / 2);
  limit = std::max(limit, std::min(initial, max_old_space_size_));
  old_generation_allocation_limit_ = std::min(limit, max_old_space_size_);
  last_growing_factor_ = factor;
}

// After four consecutive full GCs that leave the old generation >= 80% of its maximum with a
// mutator utilization below 0.4, the heap is "ineffective" (V8 CheckIneffectiveMarkCompact).
// Deviation from V8: a full GC after which the live old generation still grew by more than 1% of
// the maximum does not count. V8's mark-compact pause is mostly incremental, so a plain leak (old
// generation growing steadily) reaches "Reached heap limit" there; our stop-the-world marking
// would otherwise report a growing leak as "ineffective" first.
void Heap::CheckIneffectiveMarkCompact(double mutator_utilization) {
  const size_t live = OldGenerationSizeOfObjects();
  const bool growing = live > live_after_last_mark_compact_ + max_old_space_size_ / 100;
  live_after_last_mark_compact_ = live;
  if (!config_.detect_ineffective_gcs_near_heap_limit) return;
  if (live < 0.8 * max_old_space_size_ || mutator_utilization >= 0.4 || growing) {
    consecutive_ineffective_mark_compacts_ = 0;
    return;
  }
  if (++consecutive_ineffective_mark_compacts_ < 4) return;
  consecutive_ineffective_mark_compacts_ = 0;
  if (InvokeNearHeapLimitCallback()) return;
  FatalOutOfMemory("Ineffective mark-compacts near heap limit");
}

bool Heap::InvokeNearHeapLimitCallback() {
  if (near_heap_limit_callback_ == nullptr) return false;
  const size_t current = heap_size_limit();
  const size_t initial = initial_max_old_space_size_ + 3 * config_.max_semi_space_size;
  const size_t requested = near_heap_limit_callback_(near_heap_limit_data_, current, initial);
  if (requested <= current) return false;
  const size_t raised = ClampOldSpaceSizeToCage(max_old_space_size_ + (requested - current), config_);
  if (raised <= max_old_space_size_) return false;
  max_old_space_size_ = raised;
  return true;
}

// Contract: returns only if old generation + `pending` fits under max_old_space_size (possibly
// after the near-heap-limit callback raised it, or after last-resort GCs); otherwise reports the
// fatal OOM ("Reached heap limit") and aborts.
void Heap::CheckHeapLimit(size_t pending) {
  if (handling_heap_limit_ || CanExpandOldGeneration(pending)) return;
  handling_heap_limit_ = true;
  InvokeNearHeapLimitCallback();
  for (int i = 0; i < config_.max_last_resort_gcs && !CanExpandOldGeneration(pending); ++i) {
    PerformGC(GCType::kMarkCompact, GCReason::kLastResort, "");
  }
  handling_heap_limit_ = false;
  if (!CanExpandOldGeneration(pending)) FatalOutOfMemory("Reached heap limit");
}

// V8 CanExpandOldGeneration: the old generation's capacity (committed pages, not just object
// bytes) plus `size` must stay within max_old_space_size.
bool Heap::CanExpandOldGeneration(size_t size) {
  return OldGenerationCapacity() + size <= max_old_space_size_;
}

size_t Heap::OldGenerationCapacity() {
  const size_t area = internal::kPageSize - internal::kPageHeaderSize;
  return old_space_->pages().size() * area + lo_space_->size_of_objects();
}

// Node's OOMErrorHandler output (v8-memory.md §5.3), then abort() -> SIGABRT, exit status 134.
void Heap::FatalOutOfMemory(const char* location) {
  FILE* out = stderr;
  fprintf(out, "\n<--- Last few GCs --->\n\n%s\n", tracer_->RingBufferContents().c_str());
  fprintf(out, "\n<--- JS stacktrace --->\n\n");
  if (stack_trace_printer_ != nullptr) stack_trace_printer_(out, stack_trace_printer_data_);
  fprintf(out, "FATAL ERROR: %s Allocation failed - JavaScript heap out of memory\n", location);
  fflush(out);
  abort();
}

void Heap::InvokeCallbacks(const std::vector<CallbackEntry>& list, GCType type) {
  const std::vector<CallbackEntry> copy = list;  // callbacks may add/remove callbacks
  for (const CallbackEntry& e : copy) e.callback(*this, type, e.data);
}

// ---- Roots ---------------------------------------------------------------------------------------

int Heap::AddRootVisitor(RootKind kind, const char* name, RootCallback callback) {
  auto entry = std::make_unique<RootEntry>(RootEntry{next_root_id_++, kind, name, std::move(callback)});
  root_entries_.push_back(std::move(entry));
  return root_entries_.back()->id;
}

void Heap::RemoveRootVisitor(int id) {
  std::erase_if(root_entries_, [id](const std::unique_ptr<RootEntry>& e) { return e->id == id; });
}

// Handle blocks and root frames go to the visitor as ranges (one VisitSlots per block or frame; the
// scavenger's override is a plain loop), globals one slot at a time without a std::function
// (docs/heap.md §15, §33).
void Heap::VisitStrongRoots(ObjectVisitor& visitor) {
  handle_blocks_->IterateRanges(handle_scope_data_.next,
                                [&visitor](Value* begin, Value* end) { visitor.VisitSlots(begin, end); });
  for (RootFrameLink* f = handle_scope_data_.root_frames; f != nullptr; f = f->prev) {
    visitor.VisitSlots(f->slots(), f->slots() + f->count);
  }
  global_handles_->IterateStrong([&visitor](Value* slot) { visitor.VisitSlot(slot); });
  for (const auto& entry : root_entries_) entry->callback(visitor);
}

namespace {
class RootKindAdapter final : public ObjectVisitor {
 public:
  RootKindAdapter(RootVisitor* visitor, RootKind kind, const char* name)
      : visitor_(visitor), kind_(kind), name_(name) {}
  void VisitSlot(Value* slot) override { visitor_->VisitRoot(kind_, name_, slot); }

 private:
  RootVisitor* visitor_;
  RootKind kind_;
  const char* name_;
};
}  // namespace

void Heap::IterateRoots(RootVisitor& visitor) {
  handle_blocks_->IterateRanges(handle_scope_data_.next, [&visitor](Value* begin, Value* end) {
    for (Value* slot = begin; slot < end; ++slot) visitor.VisitRoot(RootKind::kHandles, "handles", slot);
  });
  for (RootFrameLink* f = handle_scope_data_.root_frames; f != nullptr; f = f->prev) {
    for (size_t i = 0; i < f->count; ++i) visitor.VisitRoot(RootKind::kHandles, "root frames", &f->slots()[i]);
  }
  global_handles_->IterateStrong(
      [&visitor](Value* slot) { visitor.VisitRoot(RootKind::kGlobals, "globals", slot); });
  global_handles_->IterateWeak(
      [&visitor](Value* slot) { visitor.VisitRoot(RootKind::kWeakGlobals, "weak globals", slot); });
  for (const auto& entry : root_entries_) {
    RootKindAdapter adapter(&visitor, entry->kind, entry->name);
    entry->callback(adapter);
  }
}

void Heap::IterateObjects(const std::function<void(HeapObject*)>& callback) {
  sweeper_->EnsureCompleted();  // dead objects of pending pages must not be visited
  MakeHeapIterable();
  auto visit = [&callback](HeapObject* object) {
    if (!internal::IsFiller(object) && !internal::IsAllocationMemento(object)) callback(object);
  };
  new_space_->ForEachObject(visit);
  old_space_->ForEachObject(visit);
  lo_space_->ForEachObject(visit);
  new_lo_space_->ForEachObject(visit);
}

// ---- Callbacks -----------------------------------------------------------------------------------

void Heap::AddGCPrologueCallback(GCCallback callback, void* data) {
  prologue_callbacks_.push_back({callback, data});
}
void Heap::AddGCEpilogueCallback(GCCallback callback, void* data) {
  epilogue_callbacks_.push_back({callback, data});
}
void Heap::RemoveGCPrologueCallback(GCCallback callback, void* data) {
  std::erase_if(prologue_callbacks_,
                [&](const CallbackEntry& e) { return e.callback == callback && e.data == data; });
}
void Heap::RemoveGCEpilogueCallback(GCCallback callback, void* data) {
  std::erase_if(epilogue_callbacks_,
                [&](const CallbackEntry& e) { return e.callback == callback && e.data == data; });
}
void Heap::SetAllocationObserver(AllocationObserver observer) {
  new_lab_.limit = new_lab_real_limit_;
  allocation_observer_ = std::move(observer);
  RefreshAllocationLimit();
}
void Heap::AddNearHeapLimitCallback(NearHeapLimitCallback callback, void* data) {
  near_heap_limit_callback_ = callback;
  near_heap_limit_data_ = data;
}
void Heap::RemoveNearHeapLimitCallback(NearHeapLimitCallback callback, size_t heap_limit) {
  if (near_heap_limit_callback_ != callback) return;
  near_heap_limit_callback_ = nullptr;
  near_heap_limit_data_ = nullptr;
  if (heap_limit != 0 && heap_limit > 3 * config_.max_semi_space_size) {
    max_old_space_size_ = ClampOldSpaceSizeToCage(heap_limit - 3 * config_.max_semi_space_size, config_);
    const size_t committed = old_space_->committed() + lo_space_->committed();
    page_pool_->SetMaxBytes(std::min(
        page_pool_->max_bytes(),
        PagePoolBound(old_generation_allocation_limit_, max_old_space_size_, committed)));
  }
}
void Heap::SetStackTracePrinter(StackTracePrinter printer, void* data) {
  stack_trace_printer_ = printer;
  stack_trace_printer_data_ = data;
}

// ---- External memory -----------------------------------------------------------------------------

// V8 keeps the low-water mark since the last mark-compact as the baseline (§4), so memory released
// by weak callbacks after a GC lowers it.
int64_t Heap::AdjustExternalMemory(int64_t delta) {
  external_memory_ += delta;
  if (delta < 0) {
    external_memory_at_last_mark_compact_ =
        std::min(external_memory_at_last_mark_compact_, external_memory_);
  }
  if (delta > 0 && !in_gc_ &&
      external_memory_ - external_memory_at_last_mark_compact_ > config_.external_memory_soft_limit) {
    PerformGC(GCType::kMarkCompact, GCReason::kExternalMemoryPressure, "");
  }
  return external_memory_;
}

// ---- Handles -------------------------------------------------------------------------------------

// Called when next == limit. No open scope leaves limit null (HandleScopeData), so a null limit
// here is a Local created outside every scope, and a non-null one a full block.
Value* Heap::ExtendHandleScope() {
  if (handle_scope_data_.limit == nullptr) {
    fprintf(stderr, "tenure: Local created without an open HandleScope\n");
    abort();
  }
  OpenHandleBlock();
  return handle_scope_data_.next;
}

void Heap::OpenHandleBlock() {
  Value* block = handle_blocks_->NewBlock();
  handle_scope_data_.next = block;
  handle_scope_data_.limit = block + kHandleBlockSize;
}

void Heap::DeleteHandleBlocksAbove(Value* limit) { handle_blocks_->DeleteAbove(limit); }

void internal::FatalRootFrameOrder(const RootFrameLink* closing, const RootFrameLink* head) {
  fprintf(stderr,
          "tenure: RootFrame %p closed out of order (innermost open frame is %p): frames must close "
          "in reverse order of opening\n",
          static_cast<const void*>(closing), static_cast<const void*>(head));
  abort();
}

GlobalNode* Heap::CreateGlobal(Value value) { return global_handles_->Create(value); }
void Heap::DestroyGlobal(GlobalNode* node) { global_handles_->Destroy(node); }

// ---- Statistics ----------------------------------------------------------------------------------

size_t Heap::OldGenerationSizeOfObjects() {
  return old_space_->size_of_objects() + lo_space_->size_of_objects();
}

size_t Heap::SizeOfObjects() {
  new_space_->SyncTop(new_lab_.top);
  return new_space_->Size() + OldGenerationSizeOfObjects() + new_lo_space_->size_of_objects();
}

size_t Heap::CommittedMemory() {
  return new_space_->committed() + old_space_->committed() + lo_space_->committed() +
         new_lo_space_->committed();
}

std::vector<SpaceStatistics> Heap::GetHeapSpaceStatistics() {
  new_space_->SyncTop(new_lab_.top);
  std::vector<SpaceStatistics> spaces(kNumberOfSpaces);
  spaces[0] = {"new_space", new_space_->committed(), new_space_->Size(), new_space_->Available(),
               new_space_->committed()};
  spaces[1] = {"old_space", old_space_->committed(), old_space_->size_of_objects(),
               old_space_->Available(), old_space_->committed()};
  spaces[2] = {"large_object_space", lo_space_->committed(), lo_space_->size_of_objects(), 0,
               lo_space_->committed()};
  spaces[3] = {"new_large_object_space", new_lo_space_->committed(),
               new_lo_space_->size_of_objects(),
               new_space_->capacity() > new_lo_space_->size_of_objects()
                   ? new_space_->capacity() - new_lo_space_->size_of_objects()
                   : 0,
               new_lo_space_->committed()};
  return spaces;
}

HeapStatistics Heap::GetHeapStatistics() {
  HeapStatistics s;
  s.total_heap_size = CommittedMemory();
  s.total_physical_size = s.total_heap_size;
  s.used_heap_size = SizeOfObjects();
  s.heap_size_limit = heap_size_limit();
  s.total_available_size = s.heap_size_limit > s.used_heap_size ? s.heap_size_limit - s.used_heap_size : 0;
  s.malloced_memory = handle_blocks_->memory() + global_handles_->total_size();
  s.peak_malloced_memory = s.malloced_memory;
  s.total_global_handles_size = global_handles_->total_size();
  s.used_global_handles_size = global_handles_->used_size();
  s.external_memory = external_memory_ > 0 ? static_cast<size_t>(external_memory_) : 0;
  return s;
}

MemoryUsage Heap::GetMemoryUsage() {
  MemoryUsage m;
  long resident_pages = 0;
  if (FILE* f = fopen("/proc/self/statm", "r")) {
    long size_pages = 0;
    if (fscanf(f, "%ld %ld", &size_pages, &resident_pages) != 2) resident_pages = 0;
    fclose(f);
  }
  m.rss = static_cast<size_t>(resident_pages) * static_cast<size_t>(sysconf(_SC_PAGE_SIZE));
  m.heap_total = CommittedMemory();
  m.heap_used = SizeOfObjects();
  m.external = external_memory_ > 0 ? static_cast<size_t>(external_memory_) : 0;
  return m;
}

std::vector<std::string> Heap::RecentTraceLinesForReport() const { return tracer_->RecentLines(); }
double Heap::MillisecondsSinceInit() const { return tracer_->ElapsedMs(); }

// ---- Testing -------------------------------------------------------------------------------------

void Heap::VerifyHeapForTesting() {
  MakeHeapIterable();
  internal::HeapVerifier::Verify(this, "on request");
}

void Heap::ForceEvacuationCandidateForTesting(HeapObject* object) {
  Page* page = Page::FromAddress(object);
  if (page->IsFlagSet(internal::kPageOld) && !page->IsFlagSet(internal::kPageLarge)) {
    forced_evacuation_candidates_.insert(page);
  }
}

void Heap::SetGCIntervalForTesting(int interval) {
  new_lab_.limit = new_lab_real_limit_;
  gc_interval_ = interval;
  allocations_until_stress_gc_ = interval;
  RefreshAllocationLimit();
}

void Heap::SetMaxOldSpaceSizeForTesting(size_t bytes) {
  bytes = ClampOldSpaceSizeToCage(bytes, config_);
  max_old_space_size_ = bytes;
  initial_max_old_space_size_ = bytes;
  old_generation_allocation_limit_ = std::min(old_generation_allocation_limit_, bytes);
  const size_t committed = old_space_->committed() + lo_space_->committed();
  page_pool_->SetMaxBytes(std::min(
      page_pool_->max_bytes(), PagePoolBound(old_generation_allocation_limit_, bytes, committed)));
}

bool Heap::IsValidObjectForTesting(const HeapObject* object) {
  MakeHeapIterable();
  bool found = false;
  IterateObjects([&](HeapObject* o) { found |= o == object; });
  return found;
}

}  // namespace tenure
