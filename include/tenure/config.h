// Copyright the tenure authors.
// config.h — HeapConfig: every knob of a Heap, fixed at construction.
#ifndef TENURE_CONFIG_H_
#define TENURE_CONFIG_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "tenure/value.h"

namespace tenure {

inline constexpr size_t KB = 1024;
inline constexpr size_t MB = 1024 * KB;

struct HeapConfig {
  // Young generation (V8 §1.2): each semispace starts at initial_semi_space_size and doubles when
  // scavenge survivors exceed its capacity, up to max_semi_space_size; a memory-reducing full GC
  // shrinks it back (src/heap/new-space.h). Both are rounded up to whole 256 KiB pages; max is at
  // least initial. The default max is V8's x64 default, 16 MiB, as node's --max-semi-space-size
  // and heap_size_limit assume; embedders short of memory set 8 MiB (on GCBench: peak RSS 60 ->
  // 44 MB at equal or lower CPU time, docs/heap.md "Young generation sizing"). Both are capped at
  // 256 MiB (1/16 of the heap's 4 GiB pointer-compression cage, src/heap/cage.h).
  size_t initial_semi_space_size = 1 * MB;
  size_t max_semi_space_size = 16 * MB;
  // Fast promotion (V8 heap.cc ComputeFastPromotionMode, flag --fast-promotion-new-space, threshold
  // kMinPromotedPercentForFastPromotionMode = 90): when the bytes surviving a scavenge are at least
  // this percentage of the semispace capacity, the next scavenge promotes every survivor straight
  // to old space (one copy instead of two), and new space does not grow for those survivors.
  // Decided from byte counts only (deterministic). 0 = off. V8 also requires new space to be at its
  // maximum capacity; tenure does not, so an all-live structure never grows the semispaces
  // (src/heap/new-space.h, docs/heap.md "Young generation sizing").
  int fast_promotion_survival_percent = 90;
  // In fast promotion mode, promote by moving whole new-space pages into old space instead of
  // copying the survivors (V8 Heap::EvacuateYoungGeneration / Page::ConvertNewToOld): the pause is
  // O(pages + roots) instead of O(survivors); dead objects on the moved pages are reclaimed by the
  // next full GC. Falls back to copying when the old generation cannot take the pages. false =
  // always copy (docs/heap.md section 17).
  bool fast_promotion_move_pages = true;
  // Survival-aware nursery (tenure addition, docs/heap.md section 18): a scavenge's pause is
  // O(survivors), so after a scavenge whose survivors were at least high_survival_percent of the
  // capacity (and below 80%: a nearly all-live nursery may grow into fast promotion), new space
  // does not grow past high_survival_semi_space_size and shrinks back to it if it is larger: at
  // 50-79% survival a 16 MiB nursery copies 8-13 MB per pause (splay.js), a 4 MiB one ~3 MB.
  // The copied bytes per allocated byte stay the same (the survivors are long-lived), so the
  // total GC time is about unchanged while each pause shrinks. 0 = off (V8's growth rule only).
  int high_survival_percent = 50;
  size_t high_survival_semi_space_size = 4 * MB;
  // Survivor budget of the high-survival cap (docs/heap.md section 21): while the cap applies,
  // its capacity is also at most high_survival_survivor_budget * 100 / the last survival percent,
  // so a scavenge expects to copy or promote about this many bytes at most (its pause is
  // O(survivors)): splay.js at ~67% survival runs at ~1.5 MiB instead of 4 MiB. Never below
  // initial_semi_space_size. 0 = the fixed cap only.
  size_t high_survival_survivor_budget = 1 * MB;

  // Fresh 256 KiB pages are mapped 2 MiB at a time (the rest waits in the heap's page pool,
  // src/heap/page-pool.h) and pre-faulted in one call; with this set the 2 MiB batch is also
  // madvise(MADV_HUGEPAGE)'d, so with THP in `madvise` mode it is one huge-page fault instead of 512
  // small ones (docs/heap.md section 14 has the measurements).
  bool huge_page_batches = true;

  // Populating ahead of need (tenure addition, docs/heap.md section 19 "Session 8"): once the page
  // pool has mapped 128 MiB of fresh batches itself (so the reserve is at most 1/8 of that), a background thread keeps up to this many
  // bytes of populated 2 MiB batches ready, so a heap that keeps growing takes already-resident
  // memory instead of first-touching it on the mutator thread or in a pause. Bounded (the reserve
  // is at most this much resident memory outside the heap's limits), refilled only after the
  // heap took from it, unmapped by a memory-reducing GC, joined when the heap is destroyed.
  // 0 = off (no thread).
  size_t prefault_reserve_bytes = 16 * MB;

  // Old generation hard limit (objects in old space + large objects). 0 = derive from physical
  // memory like V8 (§5.1): physical/2, clamped to [256 MiB, 2048 MiB] (4096 MiB on hosts with
  // >= 15 GiB). heap_size_limit = max_old_space_size + 3 * max_semi_space_size. Capped (as is a
  // raise by the near-heap-limit callback) so heap_size_limit stays 256 MiB inside the heap's 4 GiB
  // cage: 4096 - 256 - 3 * 16 = 3792 MiB with the default semispaces (V8 with pointer compression
  // is bounded by its cage too; node 20, built without it, is not: a larger
  // --max-old-space-size is accepted by both but tenure reports the OOM at its cap).
  size_t max_old_space_size = 0;
  // Old-generation size that triggers the first full GC; afterwards the growing policy decides.
  // 0 = min(max_old_space_size, 8 MiB)... never larger than max_old_space_size.
  size_t initial_old_generation_limit = 0;

  // Stress: a GC after every gc_interval allocations (0 = off). Every stress GC is a scavenge,
  // except every 4th which is a full GC (so both collectors get exercised).
  int gc_interval = 0;
  // Every full GC compacts, and every old page is an evacuation candidate.
  bool stress_compaction = false;
  // Run the heap verifier (src/heap/verifier.h) before and after every GC; violations abort. With
  // incremental marking the tri-colour invariant is also checked after every marking step.
  bool verify_heap = false;

  // Incremental marking (src/heap/incremental-marking.h): once the old generation has used 3/4 of
  // the way from its size after the last full GC to the next full-GC limit, mark in steps on the
  // allocation slow path; the full GC then only finalizes.
  bool incremental_marking = true;
  // Testing: start incremental marking as soon as possible after every full GC and step in tiny
  // increments (every allocation slow path), so steps, barriers and promotion interleave often.
  // (gc_interval > 0 also starts marking, with regular step sizes, at the first allocation step
  // after each stress GC: at most one marking cycle per gc_interval allocations.)
  bool stress_incremental_marking = false;
  // Lazy sweeping (src/heap/sweeper.h): old pages are swept after the full GC's pause, on demand
  // and in allocation steps, instead of inside the pause.
  bool lazy_sweeping = true;

  // Allocation-site pretenuring (V8 --allocation-site-pretenuring, default on;
  // include/tenure/allocation-site.h): Heap::AllocateAtSite() leaves mementos behind young
  // objects, scavenges count the survivors per site, and a site whose objects survive allocates
  // in old space. Off: AllocateAtSite() is a plain young allocation.
  bool allocation_site_pretenuring = true;
  // --trace-pretenuring: one line per site decision after each scavenge, and the resets after
  // full GCs (V8 --trace-pretenuring-statistics-like), on trace_stream.
  bool trace_pretenuring = false;
  // Testing: every allocation site is born tenured and stays tenured, so every object allocated
  // at a site is old from birth (exercises the embedder's initialising stores under verify_heap).
  bool stress_pretenuring = false;

  // --trace-gc: one V8-format line per GC on trace_stream (stdout when null).
  bool trace_gc = false;
  // --trace-gc-nvp: one name=value line per GC (node-compatible keys).
  bool trace_gc_nvp = false;
  // --trace-gc-verbose (the part tenure implements): after every scavenge, V8's line
  // "Fast promotion mode: true|false survival rate: N%" with the --trace-gc prefix.
  bool trace_gc_verbose = false;
  FILE* trace_stream = nullptr;

  // What a full GC writes into weak slots / ephemeron entries whose target died.
  Value cleared_weak_value = Value();

  // V8's "Ineffective mark-compacts near heap limit" detection (§5.2).
  bool detect_ineffective_gcs_near_heap_limit = true;
  // Last-resort full GCs before the fatal OOM (V8: 2–7).
  int max_last_resort_gcs = 2;
  // Soft external-memory limit above the post-GC baseline (V8 kExternalAllocationSoftLimit).
  int64_t external_memory_soft_limit = 64 * static_cast<int64_t>(MB);
};

}  // namespace tenure

#endif  // TENURE_CONFIG_H_
