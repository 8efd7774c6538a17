// Copyright the tenure authors.
// prefaulter.h — a bounded reserve of populated 2 MiB batches, refilled by a background thread.
//
// Why: a heap that grows into fresh memory first-touches every byte of it. The page pool
// (page-pool.h) maps fresh memory 2 MiB at a time and populates it with MADV_POPULATE_WRITE, on
// the thread that needs the page: message-buffer.js grows its old generation to ~700 MB and spent
// ~10 % of its profile in the kernel's clear_page_erms under that call (docs/heap.md section 19,
// "Session 8"). The Prefaulter does that work ahead of need on a second thread, so the mutator and
// the GC pauses take batches that are already resident.
//
// Deviation from V8: V8 prepares and frees pages on worker threads (its Unmapper) but does not
// populate memory ahead of need; it relies on the OS to fault pages in on first use.
//
// INVARIANTS:
//  * Bound: ready batches + the one batch the thread may be populating <= reserve_batches. The
//    reserve is resident memory that belongs to no space and is not counted in the heap's limits;
//    it is at most reserve_batches * 2 MiB.
//  * Demand-driven: the thread populates only after a TryTake() (hit or miss) since the last
//    Release(); a heap that stops growing keeps at most the reserve, a memory-reducing GC
//    (Release) unmaps it and nothing refills until the heap asks again.
//  * Every batch in the reserve is mapped read/write, kBatchBytes long and kBatchBytes-aligned,
//    populated, zero-filled (fresh anonymous memory), and not yet seen by any space.
//  * Threads: TryTake/Release/the destructor run on the heap's thread; the worker thread only
//    maps, advises and populates memory and touches the reserve under mutex_. The destructor
//    stops and joins the thread before it unmaps, so no batch outlives the heap.
#ifndef TENURE_SRC_HEAP_PREFAULTER_H_
#define TENURE_SRC_HEAP_PREFAULTER_H_

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

#include "tenure/config.h"

namespace tenure::internal {

class Cage;

inline constexpr size_t kPopulatedBatchBytes = 2 * MB;

// Maps kPopulatedBatchBytes aligned to kPopulatedBatchBytes and pre-faults it in one call
// (MADV_HUGEPAGE first when `huge_pages`). Aborts with a message if the mapping fails. Safe on any
// thread (system calls only).
char* MapPopulatedBatch(bool huge_pages, Cage* cage = nullptr);

struct PrefaulterConfig {
  size_t reserve_batches = 8;  // > 0
  bool huge_pages = true;
  Cage* cage = nullptr;  // where batches are mapped (cage.h); null = plain mappings
};

class Prefaulter {
 public:
  explicit Prefaulter(const PrefaulterConfig& config);  // starts the thread; it fills the reserve
  ~Prefaulter();  // stops and joins the thread, then unmaps the reserve
  Prefaulter(const Prefaulter&) = delete;
  Prefaulter& operator=(const Prefaulter&) = delete;

  // A populated batch, or nullptr when the reserve is empty (never waits for the thread). Either
  // way the thread is asked to refill the reserve.
  char* TryTake();
  // Unmaps the reserve; a batch being populated is unmapped when it is done. Refilling waits for
  // the next TryTake().
  void Release();

  size_t ready_batches() const;
  // Blocks until the thread has nothing left to do (reserve full, or no demand); returns the
  // number of ready batches. For tests that need a deterministic reserve.
  size_t WaitIdleForTesting();

 private:
  void Run();                 // the worker thread
  bool HasWorkLocked() const;  // mutex_ held

  const PrefaulterConfig config_;
  mutable std::mutex mutex_;
  std::condition_variable work_;  // the thread waits for demand or stop
  std::condition_variable idle_;  // WaitIdleForTesting waits for the thread
  std::vector<char*> ready_;      // guarded by mutex_
  bool demand_ = true;            // guarded: a TryTake happened since the last Release
  bool busy_ = false;             // guarded: the thread is populating a batch
  bool stop_ = false;             // guarded
  size_t epoch_ = 0;              // guarded: bumped by Release; a batch from an older epoch is dropped
  std::thread thread_;            // last: started after every field above is initialised
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_PREFAULTER_H_
