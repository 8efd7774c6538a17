// Copyright the tenure authors.
// heap.h — the Heap: allocation, collection, roots, callbacks, limits, statistics.
//
// INVARIANTS (checked by the heap verifier before and after every GC):
//  * Spaces. Every object lives in exactly one of: new space (the to-space semispace pages), old
//    space (256 KiB pages), new_large_object_space or large_object_space (one object per chunk,
//    objects > kMaxRegularObjectSize). From-space holds no live object outside a scavenge.
//  * Every pointer Value in a root or in a slot of a live object points to the header of an object
//    in a live space: never into from-space, a free-list gap, a filler, or past a page's top.
//  * Pages iterate: walking objects from a page's area start by Size() reaches exactly its top
//    (new space: the allocation top; old space: the end of the area, gaps are filler objects).
//  * Free-list entries are filler objects inside old pages; they never overlap live objects.
//  * Fresh memory returned by Allocate() reads as zero apart from the header. AllocateUninitialized()
//    returns memory with arbitrary contents, which its caller initialises (contract there).
//  * No object has its mark or forwarding bit set outside a GC.
//  * Single-threaded, stop-the-world: a GC can only happen inside Allocate()/AllocateSlow(),
//    CollectGarbage(), AdjustExternalMemory() — never concurrently with the mutator. Raw
//    HeapObject* held in C++ locals across any of those calls are invalid afterwards (objects
//    move); hold them in Local<>/Global<> handles (handles.h) or registered roots instead.
//  * Weak-global callbacks and GC epilogue callbacks run after the GC has finished, never during it.
#ifndef TENURE_HEAP_H_
#define TENURE_HEAP_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "tenure/allocation-site.h"
#include "tenure/config.h"
#include "tenure/object.h"
#include "tenure/stats.h"
#include "tenure/value.h"
#include "tenure/write-barrier.h"

namespace tenure {

class Heap;

namespace internal {
class NewSpace;
class OldSpace;
class LargeObjectSpace;
class GlobalHandles;
class Scavenger;
class MarkCompactCollector;
class HeapVerifier;
class GCTracer;
class HandleBlocks;
class Page;
class PagePool;
class Cage;
class IncrementalMarking;
class Sweeper;
struct GlobalNode;
struct GCEvent;
struct RootFrameLink;

// The current linear allocation area: [top, limit) is free, zeroed memory (empty if limit <= top:
// Heap::new_lab_ may have limit below top, see there).
struct LinearAllocationArea {
  uintptr_t top = 0;
  uintptr_t limit = 0;
};

// HandleScope bookkeeping (handles.h). Slots [block start, next) of the current blocks are roots.
// limit is nullptr exactly while no HandleScope is open (the outermost scope opens a block at once).
// root_frames is the innermost open RootFrame (root-frame.h), null when none is open.
struct HandleScopeData {
  Value* next = nullptr;
  Value* limit = nullptr;
  RootFrameLink* root_frames = nullptr;
};
}  // namespace internal

// Objects larger than this go to a large-object space (V8 kMaxRegularHeapObjectSize).
inline constexpr size_t kMaxRegularObjectSize = 128 * KB;
// New<T>() zeroes the body of a young T of up to this many bytes inline (Heap::AllocateSmallZeroed)
// instead of relying on the zeroed allocation area.
inline constexpr size_t kInlineZeroingMaxSize = 64;

enum class AllocationType : uint8_t { kYoung, kOld };
// Whether the body of a new object must read as zero (Allocate) or may hold stale bytes
// (AllocateUninitialized; the caller initialises it).
enum class AllocationInit : uint8_t { kZeroed, kUninitialized };
enum class GCType : uint8_t { kScavenge, kMarkCompact };

// GC reasons; strings match V8's GarbageCollectionReasonToString.
enum class GCReason : uint8_t {
  kAllocationFailure,       // "allocation failure"
  kAllocationLimit,         // "allocation limit"
  kExternalMemoryPressure,  // "external memory pressure"
  kTesting,                 // "testing"
  kRuntime,                 // "runtime"
  kLastResort,              // "last resort"
  kLowMemoryNotification,   // "low memory notification"
  kHeapProfiler,            // "heap profiler"
  kStress,                  // "stress" (gc_interval)
  kFinalizeMarking,         // "finalize incremental marking via stack guard"
};
const char* GCReasonToString(GCReason reason);

// What kind of root holds a slot (heap snapshots show it).
enum class RootKind : uint8_t {
  kStack,        // embedder stack / interpreter registers
  kHandles,      // HandleScope / Local<>
  kGlobals,      // strong Global<>
  kWeakGlobals,  // weak Global<> (reported by IterateRoots only; not strong roots)
  kRuntime,      // embedder runtime tables
  kBuiltins,     // embedder builtins / immortal objects
  kOther,
};
const char* RootKindToString(RootKind kind);

// Receives every root slot with its kind (IterateRoots). `name` is the registration name of the
// root visitor (or "handles"/"globals"/"weak globals").
class RootVisitor {
 public:
  virtual ~RootVisitor() = default;
  virtual void VisitRoot(RootKind kind, const char* name, Value* slot) = 0;
};

// Embedder root provider: report every root slot with visitor.VisitSlot(&slot). Called at every GC
// (slots may be updated when objects move) and from IterateRoots.
using RootCallback = std::function<void(ObjectVisitor& visitor)>;

using GCCallback = void (*)(Heap& heap, GCType type, void* data);

// V8 NearHeapLimitCallback semantics (§5.2): return a value > current_heap_limit to raise the
// limit (heap_size_limit units); otherwise the heap proceeds to last-resort GCs and the fatal OOM.
using NearHeapLimitCallback = size_t (*)(void* data, size_t current_heap_limit,
                                         size_t initial_heap_limit);

// Prints the embedder's stack (e.g. the JS stack) into the OOM report.
using StackTracePrinter = void (*)(FILE* out, void* data);

// Told about every object move (scavenge copy, promotion, compaction). Zero cost when unset.
class ObjectMoveListener {
 public:
  virtual ~ObjectMoveListener() = default;
  virtual void OnObjectMoved(HeapObject* from, HeapObject* to, size_t size) = 0;
};

// Called for every allocation when set (forces the slow path). Used by allocation profilers.
using AllocationObserver = std::function<void(HeapObject* object, size_t size)>;

class Heap {
 public:
  explicit Heap(const HeapConfig& config = HeapConfig());
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // The heap that owns `object`.
  static Heap* FromObject(const HeapObject* object) { return internal::ChunkOf(object)->heap; }

  // ---- Allocation ----------------------------------------------------------------------------
  // Allocates AllocationSize(size_in_bytes) bytes, writes `type` into the header; the body reads as
  // zero. May run a GC first. Never returns null: on heap exhaustion it reports OOM and aborts.
  inline HeapObject* Allocate(const TypeInfo* type, size_t size_in_bytes,
                              AllocationType where = AllocationType::kYoung);
  // A young T of at most kInlineZeroingMaxSize bytes allocated with its own size zeroes its body
  // with a few inline stores (AllocateSmallZeroed) instead of relying on the zeroed area ahead of
  // top; any other New() is Allocate().
  template <typename T>
  T* New(const TypeInfo* type, size_t size_in_bytes = sizeof(T),
         AllocationType where = AllocationType::kYoung) {
    if constexpr (AllocationSize(sizeof(T)) <= kInlineZeroingMaxSize) {
      if (size_in_bytes == sizeof(T) && where == AllocationType::kYoung) {
        return static_cast<T*>(AllocateSmallZeroed<AllocationSize(sizeof(T))>(type));
      }
    }
    return static_cast<T*>(Allocate(type, size_in_bytes, where));
  }
  // Allocate() of a young kBytes-byte object (an AllocationSize <= kInlineZeroingMaxSize) that
  // zeroes its own body: the bump is bounded by the raw limit, like AllocateUninitialized, so it
  // neither needs nor consumes the zeroed area ahead of top, and its slow path asks for
  // uninitialised memory (a page advance zeroes nothing). A 256 KiB memset ahead of the objects
  // cost more per object than these stores (docs/heap.md section 24).
  template <size_t kBytes>
  inline HeapObject* AllocateSmallZeroed(const TypeInfo* type);
  // Allocates a young object whose body is NOT zeroed (V8's allocating code likewise writes every
  // field of a new object; its new space is never zeroed). Contract: before the next allocation
  // or anything else that may GC (heap.h invariants), the caller writes every tagged slot the
  // object's TypeInfo exposes to the GC with a valid Value (Value() for "none") and every field
  // its size_of reads; untagged fields the GC never reads may stay stale. Saves the zeroing: the
  // heap zeroes a new-space page only before the first Allocate() on it (new-space.h "Zeroing"),
  // so a mutator that allocates only through here never zeroes. Objects that do not fit the
  // young fast path (large, or while an allocation observer is set) are zeroed as by Allocate().
  inline HeapObject* AllocateUninitialized(const TypeInfo* type, size_t size_in_bytes);
  template <typename T>
  T* NewUninitialized(const TypeInfo* type, size_t size_in_bytes = sizeof(T)) {
    return static_cast<T*>(AllocateUninitialized(type, size_in_bytes));
  }
  // ---- Allocation sites (pretenuring; allocation-site.h) -----------------------------------
  // A new site owned by the heap (valid until the heap is destroyed).
  AllocationSite* NewAllocationSite();
  // Allocates like Allocate() for the place in the embedder's code that `site` stands for: young
  // with a trailing memento while the site is being observed, old space once it is tenured
  // (then every pointer field must be initialised with tenure::Store()). Check the result's
  // generation with InYoungGeneration() if the initialisation differs. kUninitialized: the caller
  // writes every word of the object before its next allocation, so an old-space object is not
  // zero-filled first (a young one still reads as zero; under verify_heap the old one is zapped,
  // so a word left unwritten fails verification).
  inline HeapObject* AllocateAtSite(const TypeInfo* type, size_t size_in_bytes, AllocationSite* site,
                                    AllocationInit init = AllocationInit::kZeroed);
  size_t allocation_site_count() const;

  // The one slow path (counts bytes, triggers GCs, stress/observer hooks, old/large allocation).
  // `bytes` is already AllocationSize()d.
  HeapObject* AllocateSlow(const TypeInfo* type, size_t bytes, AllocationType where,
                           AllocationInit init = AllocationInit::kZeroed);

  // ---- Collection ----------------------------------------------------------------------------
  void CollectGarbage(GCType type, GCReason reason = GCReason::kTesting);
  // Full GCs until the object count stops shrinking (at most 7), like V8's kLastResort sequence.
  void CollectAllAvailableGarbage(GCReason reason = GCReason::kLowMemoryNotification);
  bool InGC() const { return in_gc_; }

  // ---- Roots ---------------------------------------------------------------------------------
  // Returns an id for RemoveRootVisitor.
  int AddRootVisitor(RootKind kind, const char* name, RootCallback callback);
  void RemoveRootVisitor(int id);
  // Every root slot with its kind: handles, strong globals, weak globals (kWeakGlobals), and the
  // registered root visitors.
  void IterateRoots(RootVisitor& visitor);
  // Every object in every space (after a full GC these are exactly the live objects; between GCs
  // unreachable objects not yet collected are included). Fillers are skipped. Must not allocate.
  void IterateObjects(const std::function<void(HeapObject*)>& callback);

  // ---- Callbacks -----------------------------------------------------------------------------
  void AddGCPrologueCallback(GCCallback callback, void* data);
  void AddGCEpilogueCallback(GCCallback callback, void* data);
  void RemoveGCPrologueCallback(GCCallback callback, void* data);
  void RemoveGCEpilogueCallback(GCCallback callback, void* data);
  void SetObjectMoveListener(ObjectMoveListener* listener) { move_listener_ = listener; }
  ObjectMoveListener* object_move_listener() const { return move_listener_; }
  void SetAllocationObserver(AllocationObserver observer);
  // Only the latest callback is used (V8). Remove restores `heap_limit` if non-zero.
  void AddNearHeapLimitCallback(NearHeapLimitCallback callback, void* data);
  void RemoveNearHeapLimitCallback(NearHeapLimitCallback callback, size_t heap_limit);
  void SetStackTracePrinter(StackTracePrinter printer, void* data);

  // ---- External memory (V8 §4) -----------------------------------------------------------------
  // Adds delta to the external-memory counter and returns the new value. Growing it more than
  // config.external_memory_soft_limit above the value after the last full GC triggers a full GC
  // (reason "external memory pressure").
  int64_t AdjustExternalMemory(int64_t delta);
  int64_t external_memory() const { return external_memory_; }

  // ---- Statistics ------------------------------------------------------------------------------
  MemoryUsage GetMemoryUsage();
  HeapStatistics GetHeapStatistics();
  // new_space, old_space, large_object_space, new_large_object_space (in that order).
  std::vector<SpaceStatistics> GetHeapSpaceStatistics();
  const GCStatistics& gc_statistics() const { return gc_stats_; }
  size_t SizeOfObjects();         // heapUsed
  size_t CommittedMemory();       // heapTotal
  size_t OldGenerationSizeOfObjects();
  size_t heap_size_limit() const;
  size_t max_old_space_size() const { return max_old_space_size_; }
  size_t old_generation_allocation_limit() const { return old_generation_allocation_limit_; }
  size_t semi_space_capacity() const;
  // The growing factor chosen by the last full GC (V8 heap controller, §2.5).
  double last_growing_factor() const { return last_growing_factor_; }

  // ---- Queries -------------------------------------------------------------------------------
  static bool InYoungGeneration(const HeapObject* object) {
    return (internal::ChunkFlags(object) & internal::kPageYoung) != 0;
  }
  static bool InOldGeneration(const HeapObject* object) {
    return (internal::ChunkFlags(object) & internal::kPageOld) != 0;
  }
  static bool InLargeObjectSpace(const HeapObject* object) {
    return (internal::ChunkFlags(object) & internal::kPageLarge) != 0;
  }
  // True iff `object` is an object start in a live space of this heap (slow: walks the page).
  bool IsValidObjectForTesting(const HeapObject* object);
  const HeapConfig& config() const { return config_; }
  Value cleared_weak_value() const { return config_.cleared_weak_value; }
  FILE* trace_stream() const { return config_.trace_stream ? config_.trace_stream : stdout; }
  // The trace flags at run time (node's v8.setFlagsFromString('--trace-gc')): from the next GC on.
  void set_trace_gc(bool on) { config_.trace_gc = on; }
  void set_trace_gc_nvp(bool on) { config_.trace_gc_nvp = on; }
  void set_trace_gc_verbose(bool on) { config_.trace_gc_verbose = on; }

  // ---- Tracing -------------------------------------------------------------------------------
  // The ring of recent trace-gc lines (what the OOM report prints), oldest first.
  std::vector<std::string> RecentTraceLinesForReport() const;
  // Milliseconds since the heap was created (the trace-gc timestamp).
  double MillisecondsSinceInit() const;

  // ---- Testing hooks ---------------------------------------------------------------------------
  // Stores without the write barrier (to plant a missing-barrier bug for verifier death tests).
  static void StoreWithoutBarrierForTesting(Value* slot, Value value) { *slot = value; }
  // Runs the heap verifier now; aborts with a message on the first violation.
  void VerifyHeapForTesting();
  // Forces the next full GC to evacuate the page holding `object` (if old, not large).
  void ForceEvacuationCandidateForTesting(HeapObject* object);
  // Overrides gc_interval at run time (0 = off).
  void SetGCIntervalForTesting(int interval);
  // Sets the old-generation hard limit directly (bytes); heap_size_limit follows.
  void SetMaxOldSpaceSizeForTesting(size_t bytes);
  // Incremental marking / lazy sweeping hooks: start marking now (finishing sweeping first), run
  // one marking step over about `bytes` bytes, query state.
  void StartIncrementalMarkingForTesting();
  void IncrementalMarkingStepForTesting(size_t bytes);
  bool IsIncrementalMarkingForTesting() const;
  size_t PendingSweepPagesForTesting() const;

  // ---- Internal (used by handles.h and the collectors) ----------------------------------------
  internal::HandleScopeData* handle_scope_data() { return &handle_scope_data_; }
  Value* ExtendHandleScope();  // allocates a new 1022-slot block; returns its first slot
  void OpenHandleBlock();  // makes a new block current (next = its start, limit = its end)
  void DeleteHandleBlocksAbove(Value* limit);
  internal::GlobalNode* CreateGlobal(Value value);
  void DestroyGlobal(internal::GlobalNode* node);
  internal::NewSpace* new_space() { return new_space_.get(); }
  internal::OldSpace* old_space() { return old_space_.get(); }
  internal::LargeObjectSpace* lo_space() { return lo_space_.get(); }
  internal::LargeObjectSpace* new_lo_space() { return new_lo_space_.get(); }
  internal::GlobalHandles* global_handles() { return global_handles_.get(); }
  internal::IncrementalMarking* incremental_marking() { return incremental_marking_.get(); }
  internal::Sweeper* sweeper() { return sweeper_.get(); }
  internal::PagePool* page_pool() { return page_pool_.get(); }
  // The 4 GiB reservation every page of this heap lies in (src/heap/cage.h, value.h).
  internal::Cage* cage() { return cage_.get(); }
  internal::LinearAllocationArea* new_allocation_area() { return &new_lab_; }
  // Visits the strong roots (handles, strong globals, root visitors) with `visitor`.
  void VisitStrongRoots(ObjectVisitor& visitor);
  void NotifyObjectMoved(HeapObject* from, HeapObject* to, size_t size) {
    if (move_listener_ != nullptr) move_listener_->OnObjectMoved(from, to, size);
  }
  [[noreturn]] void FatalOutOfMemory(const char* location);

 private:
  struct RootEntry;
  struct CallbackEntry {
    GCCallback callback;
    void* data;
  };

  void RefreshAllocationLimit();
  void MakeHeapIterable();
  HeapObject* AllocateYoungSlow(size_t bytes, AllocationInit init);
  HeapObject* AllocateOld(size_t bytes, AllocationInit init);
  // Old-space bytes for a mutator object: zero-filled, or (kUninitialized) zapped under verify_heap.
  uintptr_t AllocateOldArea(size_t bytes, AllocationInit init);
  void ZapUninitializedOld(uintptr_t area, size_t bytes);
  HeapObject* AllocateLarge(size_t bytes, AllocationType where);
  // AllocateAtSite's out-of-line paths (allocation-site.cc): a tenured site's old-space object
  // (allocation steps amortised over kPretenuredStepBytes), a young object plus its memento.
  HeapObject* AllocatePretenured(const TypeInfo* type, size_t bytes, AllocationSite* site,
                                 AllocationInit init);
  HeapObject* AllocateWithMemento(const TypeInfo* type, size_t bytes, AllocationSite* site);
  void ProcessPretenuringFeedback(size_t capacity_before);
  void EvaluatePretenuringAfterMarkCompact(size_t old_before);
  // Incremental GC work on the allocation slow path: lazy sweeping and marking steps for `bytes`
  // just allocated; may start marking or run the finalizing full GC. Never inside a GC.
  void AllocationStep(size_t bytes);
  bool ShouldStartIncrementalMarking();
  bool StressIncrementalMarking() const { return config_.stress_incremental_marking; }
  void PerformGC(GCType type, GCReason reason, const char* collector_reason);
  void RunScavenge(internal::GCEvent* event);
  void RunMarkCompact(internal::GCEvent* event);
  void RecordPause(GCType type, double ms);
  void CheckHeapLimit(size_t pending_bytes);
  bool CanExpandOldGeneration(size_t size);
  size_t OldGenerationCapacity();
  bool InvokeNearHeapLimitCallback();
  void CheckIneffectiveMarkCompact(double mutator_utilization);
  void UpdateOldGenerationLimit(size_t live_old_bytes, double gc_ms, size_t marked_bytes);
  void InvokeCallbacks(const std::vector<CallbackEntry>& list, GCType type);
  size_t ComputeDefaultMaxOldSpaceSize() const;

  // Fast-path state first (keep on one cache line).
  // new_lab_: [top, limit) is free and reads as zero (Allocate's fast path); limit may lie *below*
  // top after AllocateUninitialized passed it (its fast path does not touch limit, saving a
  // compare and a store per object), so Allocate's fast-path test is signed and a negative
  // limit - top sends it to the slow path. [top, raw_limit) is free (AllocateUninitialized's fast
  // path; raw_limit <= real limit). [top, zeroed) reads as zero (nothing if zeroed <= top): pages
  // are taken unzeroed, AllocateYoungSlow zeroes the rest of the area before the first zeroing
  // allocation there. AllocateSmallZeroed (New<T> of a small T) bumps against raw_limit and
  // zeroes its own body, so it may pass limit like AllocateUninitialized. Code outside the fast
  // paths sets limit back to >= top before using it (RefreshAllocationLimit, AllocateYoungSlow,
  // PerformGC).
  internal::LinearAllocationArea new_lab_;
  uintptr_t new_lab_raw_limit_ = 0;
  uintptr_t new_lab_real_limit_ = 0;  // differs from new_lab_.limit when stress/observers are on
  uintptr_t new_lab_zeroed_limit_ = 0;
  internal::HandleScopeData handle_scope_data_;

  HeapConfig config_;
  std::unique_ptr<internal::Cage> cage_;  // destroyed after everything mapped inside it
  std::unique_ptr<internal::PagePool> page_pool_;  // destroyed last (declared before the spaces)
  std::unique_ptr<internal::NewSpace> new_space_;
  std::unique_ptr<internal::OldSpace> old_space_;
  std::unique_ptr<internal::LargeObjectSpace> lo_space_;
  std::unique_ptr<internal::LargeObjectSpace> new_lo_space_;
  std::unique_ptr<internal::GlobalHandles> global_handles_;
  std::unique_ptr<internal::HandleBlocks> handle_blocks_;
  std::unique_ptr<internal::GCTracer> tracer_;
  std::unique_ptr<internal::IncrementalMarking> incremental_marking_;
  std::unique_ptr<internal::Sweeper> sweeper_;
  std::unique_ptr<internal::AllocationSiteRegistry> allocation_sites_;
  size_t pretenured_bytes_since_step_ = 0;
  std::vector<std::unique_ptr<RootEntry>> root_entries_;
  int next_root_id_ = 1;
  std::vector<CallbackEntry> prologue_callbacks_;
  std::vector<CallbackEntry> epilogue_callbacks_;
  ObjectMoveListener* move_listener_ = nullptr;
  AllocationObserver allocation_observer_;
  NearHeapLimitCallback near_heap_limit_callback_ = nullptr;
  void* near_heap_limit_data_ = nullptr;
  StackTracePrinter stack_trace_printer_ = nullptr;
  void* stack_trace_printer_data_ = nullptr;

  size_t max_old_space_size_ = 0;
  size_t initial_max_old_space_size_ = 0;
  size_t old_generation_allocation_limit_ = 0;
  int64_t external_memory_ = 0;
  int64_t external_memory_at_last_mark_compact_ = 0;
  int gc_interval_ = 0;
  int allocations_until_stress_gc_ = 0;
  uint64_t stress_gc_count_ = 0;
  // gc_interval stress: a stress GC ran and no marking cycle has started since (heap.cc
  // ShouldStartIncrementalMarking).
  bool stress_marking_due_ = false;
  int consecutive_ineffective_mark_compacts_ = 0;
  size_t live_after_last_mark_compact_ = 0;
  bool in_gc_ = false;
  bool handling_heap_limit_ = false;
  size_t new_space_size_after_last_gc_ = 0;
  double last_mark_compact_end_ms_ = 0;
  uint64_t allocated_at_last_mark_compact_ = 0;
  double last_growing_factor_ = 0;
  std::unordered_set<internal::Page*> forced_evacuation_candidates_;
  GCStatistics gc_stats_;
};

// ---- Inline fast path ------------------------------------------------------------------------
inline HeapObject* Heap::Allocate(const TypeInfo* type, size_t size_in_bytes,
                                  AllocationType where) {
  const size_t bytes = AllocationSize(size_in_bytes);
  if (where == AllocationType::kYoung && bytes <= kMaxRegularObjectSize) {
    const uintptr_t top = new_lab_.top;
    // Signed: uninitialised allocations may have left limit below top (new_lab_ comment).
    if (static_cast<intptr_t>(new_lab_.limit - top) >= static_cast<intptr_t>(bytes)) [[likely]] {
      new_lab_.top = top + bytes;
      HeapObject* object = reinterpret_cast<HeapObject*>(top);
      object->set_type(type);
      return object;
    }
  }
  return AllocateSlow(type, bytes, where);
}

template <size_t kBytes>
inline HeapObject* Heap::AllocateSmallZeroed(const TypeInfo* type) {
  static_assert(kBytes == AllocationSize(kBytes) && kBytes <= kInlineZeroingMaxSize);
  const uintptr_t top = new_lab_.top;
  HeapObject* object;
  if (new_lab_raw_limit_ - top >= kBytes) [[likely]] {
    new_lab_.top = top + kBytes;  // may pass new_lab_.limit: see the new_lab_ comment
    object = reinterpret_cast<HeapObject*>(top);
    object->set_type(type);
  } else {
    object = AllocateSlow(type, kBytes, AllocationType::kYoung, AllocationInit::kUninitialized);
  }
  __builtin_memset(reinterpret_cast<char*>(object) + sizeof(HeapObject), 0,
                   kBytes - sizeof(HeapObject));
  return object;
}

inline HeapObject* Heap::AllocateUninitialized(const TypeInfo* type, size_t size_in_bytes) {
  const size_t bytes = AllocationSize(size_in_bytes);
  if (bytes <= kMaxRegularObjectSize) {
    const uintptr_t top = new_lab_.top;
    if (new_lab_raw_limit_ - top >= bytes) [[likely]] {
      new_lab_.top = top + bytes;  // may pass new_lab_.limit: see the new_lab_ comment
      HeapObject* object = reinterpret_cast<HeapObject*>(top);
      object->set_type(type);
      return object;
    }
  }
  return AllocateSlow(type, bytes, AllocationType::kYoung, AllocationInit::kUninitialized);
}

inline HeapObject* Heap::AllocateAtSite(const TypeInfo* type, size_t size_in_bytes,
                                        AllocationSite* site, AllocationInit init) {
  const size_t bytes = AllocationSize(size_in_bytes);
  if (site == nullptr || !config_.allocation_site_pretenuring || bytes > kMaxRegularObjectSize) {
    return Allocate(type, size_in_bytes);
  }
  if (site->IsTenured()) return AllocatePretenured(type, bytes, site, init);
  if (site->IsTracking()) return AllocateWithMemento(type, bytes, site);
  return Allocate(type, size_in_bytes);
}

}  // namespace tenure

#endif  // TENURE_HEAP_H_
