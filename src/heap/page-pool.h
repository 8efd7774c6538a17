// Copyright the tenure authors.
// page-pool.h — resident 256 KiB chunks kept for reuse between the heap's spaces.
//
// Why: on the reference VM a first-touch 4 KiB fault costs ~16 us of CPU and, under load, up to
// ~120 us of wall time; even a MAP_POPULATE'd 256 KiB chunk took 0.5-0.7 ms (docs/heap.md section
// 14). A scavenge promoting 16 MB into fresh old pages spent most of its 49 ms pause in the kernel.
// The pool keeps the pages a full GC releases so the next cycle's promotions reuse them (V8's
// MemoryAllocator pools pages in its Unmapper; newer V8 prints "pooled: N MB" in --trace-gc,
// v8-memory.md). Fresh chunks are mapped kBatchBytes at a time, 2 MiB-aligned and (optionally)
// MADV_HUGEPAGE'd, then populated in one call: THP is in `madvise` mode on the reference VM.
//
// INVARIANTS:
//  * Every chunk the pool holds (pooled or surplus) is mapped read/write, kPageSize-aligned,
//    exactly kPageSize long, belongs to no space and has been populated. Its bytes are unspecified
//    (stale contents of a released page, or zero for a fresh batch). Under ASan it is poisoned.
//  * Take(kZeroed) returns zero-filled memory; Take(kUninitialized) returns the chunk as it is:
//    callers that write every byte before anything reads it (old-space LABs, which are filled by
//    copies or zeroed per object by OldSpace::AllocateZeroed) skip a 256 KiB memset.
//  * Bound: pooled_bytes() <= max_bytes() at all times, where max_bytes() is the larger of the
//    heap's bound and the *peak room*: the peak number of chunks in use (taken and not returned)
//    during the cycle that the last StartCycle ended, minus the chunks in use now. So pages a full
//    GC releases stay pooled as long as the spaces together stay below the size they just had
//    (V8 keeps "pooled" pages the same way): GCBench's new space grows back into the 16 MB of
//    stretch-tree pages instead of re-faulting them (docs/heap.md section 25). Pooled chunks were
//    in use at that peak, so the pool keeps the pool's share of RSS at or below that peak: it
//    cannot raise it, only hold it longer. Peak room starts at 0 (before the first StartCycle),
//    and SetMaxBytes (a lowered hard limit, a memory-reducing GC) turns it off until the next
//    StartCycle; decay still applies to the chunks it keeps.
//    Return() moves a chunk that does not fit to the surplus queue.
//    Lowering the bound (SetMaxBytes, StartCycle's decay) moves the excess to the surplus queue
//    instead of unmapping in the caller's GC pause (munmap costs ~0.2-0.5 ms per chunk under load);
//    the heap drains it with ReleaseSurplus() in allocation steps. Take() prefers pooled chunks,
//    then surplus ones; when both are empty it first runs the reclaim hook (the heap's: pages its
//    sweeper still has queued for release come back through Return()), and maps a fresh batch
//    only if that returned nothing.
//  * Decay: StartCycle (called at the end of every full GC) moves half of the chunks that stayed
//    in the pool since the previous StartCycle (the low-water mark) to the surplus, when the cycle
//    did real work (the heap allocated at least kMinCycleAllocation; back-to-back full GCs, e.g. a
//    finalization followed by an explicit GC, are no evidence): memory a whole GC cycle did not
//    need goes back to the OS over a few cycles. ReleaseAll (memory-reducing GC) unmaps everything.
//  * Unmapping is coalesced: ReleaseSurplus/ReleaseAll sort the chunks they give back and unmap
//    each run of address-contiguous chunks with one munmap, so a whole 2 MiB batch (one huge
//    page) is freed without the kernel splitting it into 4 KiB pages first.
//  * Fresh batches come from the Prefaulter's reserve when it has one (prefaulter.h: populated
//    ahead of need on a background thread), else they are mapped and populated by the caller.
//    The Prefaulter is created only after the pool has mapped config.prefault_after_batches
//    batches itself (a heap that has grown by that much is likely to keep growing), so small
//    heaps and start-up never run a second thread. ReleaseAll also releases its reserve.
//  * Runs (large-object chunks, docs/heap.md section 28): TakeRun(n) serves a chunk of n * kPageSize
//    bytes from n address-contiguous pooled or surplus chunks when it finds them (fresh batches
//    are carved from the cage first fit, so chunks of consecutive batches are usually adjacent),
//    else after the reclaim hook, else it maps a fresh run. ReturnRun(run, n) splits a run into
//    chunks that are pooled as far as the bound allows; the rest is unmapped at once in one call
//    (as large chunks always were). Runs count as in use like single chunks, so the peak room
//    covers large objects too. A dead tree's pooled pages can so hold the next large array
//    instead of a fresh mapping next to them (GCBench: RSS 19.8 -> 23.9 MB at the array before).
//  * Single-threaded: the pool belongs to one Heap and is used only on its thread (the
//    Prefaulter's thread never touches the pool's fields).
#ifndef TENURE_SRC_HEAP_PAGE_POOL_H_
#define TENURE_SRC_HEAP_PAGE_POOL_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "tenure/config.h"
#include "prefaulter.h"
#include "tenure/write-barrier.h"

namespace tenure::internal {

// What a caller needs in a chunk it takes.
enum class PageContents : uint8_t {
  kZeroed,         // every byte reads as zero
  kUninitialized,  // stale bytes allowed: the caller writes every byte before reading it
};

struct PagePoolConfig {
  // Bound on pooled bytes until the heap sets one (the previous fixed pool held 32 pages).
  size_t initial_max_bytes = 8 * MB;
  // madvise(MADV_HUGEPAGE) on each fresh 2 MiB batch (HeapConfig::huge_page_batches).
  bool huge_pages = true;
  // Batches the Prefaulter keeps populated ahead of need (HeapConfig::prefault_reserve_bytes);
  // 0 = no background thread.
  size_t prefault_batches = 0;
  // The Prefaulter starts once the pool has mapped this many fresh batches on its own thread:
  // 64 batches = 128 MiB, so the default 16 MiB reserve is at most 1/8 of the fresh memory the heap
  // has already grown into. (16 batches let C++ GCBench, whose heap peaks near 30 MB, start it and
  // carry a 16 MiB reserve: peak RSS 33 -> 45-49 MB, docs/heap.md section 19.1.)
  size_t prefault_after_batches = 64;
  // Where fresh chunks are mapped (the heap's cage, cage.h); null = plain mappings (tests).
  Cage* cage = nullptr;
};

// What the heap tells the pool at the end of a full GC.
struct PagePoolCycle {
  size_t max_bytes = 0;        // the new bound
  size_t allocated_bytes = 0;  // bytes the heap allocated since the previous full GC
};

struct PagePoolStats {
  size_t reused_chunks = 0;    // Take() served from the pool or the surplus queue
  size_t fresh_chunks = 0;     // chunks mapped by Take() (whole batches)
  size_t unmapped_chunks = 0;  // chunks given back to the OS
  size_t zeroed_chunks = 0;    // reused chunks memset for Take(kZeroed)
  size_t unmap_calls = 0;      // munmap calls (one per run of contiguous chunks)
  size_t prefaulted_chunks = 0;  // fresh chunks whose batch came from the Prefaulter's reserve
  size_t reused_runs = 0;        // TakeRun() served from pooled/surplus chunks
  size_t fresh_runs = 0;         // TakeRun() mapped a fresh run
};

class PagePool {
 public:
  static constexpr size_t kBatchBytes = kPopulatedBatchBytes;
  static constexpr size_t kChunksPerBatch = kBatchBytes / kPageSize;
  static constexpr size_t kMinCycleAllocation = 1 * MB;

  explicit PagePool(const PagePoolConfig& config);
  ~PagePool();  // unmaps every chunk it holds
  PagePool(const PagePool&) = delete;
  PagePool& operator=(const PagePool&) = delete;

  // A resident kPageSize chunk with `contents`. Never null (aborts with a message if mmap fails).
  void* Take(PageContents contents);
  // Takes back a chunk that left its space. Pooled if the bound allows, otherwise unmapped.
  void Return(void* chunk);
  // A resident run of `chunks` (>= 1) contiguous kPageSize chunks with `contents`, aligned to
  // kPageSize, from pooled/surplus chunks when they hold such a run, else freshly mapped and
  // populated (see INVARIANTS "Runs"). Never null.
  void* TakeRun(size_t chunks, PageContents contents);
  // Takes back a run from TakeRun: its chunks are pooled while the bound allows, the rest of the
  // run is unmapped now (one call).
  void ReturnRun(void* run, size_t chunks);

  // Take() runs `hook` before it would map fresh memory; the hook may Return() chunks (never
  // Take()). The heap's hook frees the pages its sweeper has queued for release: a scavenge
  // promotes and refills new space without allocation steps, so those pages may still be queued.
  void SetReclaimHook(std::function<void()> hook) { reclaim_hook_ = std::move(hook); }

  // Sets the heap's bound and turns the peak room off until the next StartCycle (the heap calls
  // it under pressure: a lowered hard limit, a memory-reducing GC); pooled chunks above the new
  // max_bytes() move to the surplus queue.
  void SetMaxBytes(size_t bytes);
  // End of a full GC: decay (see above), then the heap's bound becomes cycle.max_bytes and the
  // peak room is measured from the peak of the cycle that ends here; starts a new low-water mark
  // and a new peak.
  void StartCycle(const PagePoolCycle& cycle);
  // Unmaps up to `max_chunks` surplus chunks; returns how many it unmapped.
  size_t ReleaseSurplus(size_t max_chunks);
  // Unmaps every pooled and surplus chunk (memory-reducing GC).
  void ReleaseAll();

  // True if Take() can be served without mapping fresh memory.
  bool HasChunks() const { return !chunks_.empty() || !surplus_.empty(); }
  size_t pooled_bytes() const { return chunks_.size() * kPageSize; }
  size_t surplus_bytes() const { return surplus_.size() * kPageSize; }
  // The bound in force now: max(the heap's bound, peak room); see INVARIANTS.
  size_t max_bytes() const { return std::max(bound_bytes_, PeakRoomChunks() * kPageSize); }
  size_t in_use_bytes() const { return in_use_chunks_ * kPageSize; }  // taken, not returned
  const PagePoolStats& stats() const { return stats_; }
  // Null until the pool has mapped config.prefault_after_batches batches (or when off).
  Prefaulter* prefaulter() { return prefaulter_.get(); }

 private:
  size_t max_chunks() const { return max_bytes() / kPageSize; }
  size_t PeakRoomChunks() const {
    return retained_peak_chunks_ > in_use_chunks_ ? retained_peak_chunks_ - in_use_chunks_ : 0;
  }
  // Moves the coldest pooled chunks above max_chunks() to the surplus queue.
  void MoveExcessToSurplus();
  // Maps and populates a batch; returns one chunk, pools the others (as many as the bound allows).
  void* MapFreshChunk();
  // A populated batch: from the Prefaulter's reserve if it has one, else mapped here (which may
  // start the Prefaulter).
  char* TakeFreshBatch();
  // Removes `count` contiguous chunks from the pool and the surplus queue and returns the first,
  // or null if neither holds such a run.
  char* TakePooledRun(size_t count);
  // Unmaps and erases (*chunks)[first..end), one munmap per run of contiguous chunks.
  void UnmapChunks(std::vector<void*>* chunks, size_t first);

  PagePoolConfig config_;
  size_t bound_bytes_;  // the heap's bound (initial, StartCycle, SetMaxBytes)
  size_t in_use_chunks_ = 0;         // Take()n and not yet Return()ed
  size_t cycle_peak_chunks_ = 0;     // max in_use_chunks_ since the last StartCycle
  size_t retained_peak_chunks_ = 0;  // the ended cycle's peak (0: peak room off)
  std::vector<void*> chunks_;   // pooled, LIFO (the most recently released page is the warmest)
  std::vector<void*> surplus_;  // above the bound, waiting for ReleaseSurplus
  size_t low_water_chunks_ = 0;  // min chunks_.size() since the last StartCycle
  std::function<void()> reclaim_hook_;
  PagePoolStats stats_;
  size_t batches_mapped_here_ = 0;  // fresh batches populated on the caller's thread
  std::unique_ptr<Prefaulter> prefaulter_;  // last: its thread is joined before the rest goes
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_PAGE_POOL_H_
