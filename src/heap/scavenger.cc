// Copyright the tenure authors.
#include "scavenger.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "allocation-site.h"
#include "filler.h"
#include "global-handles.h"
#include "large-object-space.h"
#include "new-space.h"
#include "old-space.h"
#include "page.h"
#include "slot-access.h"

namespace tenure::internal {

namespace {

using Bookkeeping = Scavenger::Bookkeeping;

// Visits the slots of roots and of kCustom hosts for the scavenger (the virtual-call path).
template <Bookkeeping kMode>
class ScavengeVisitor final : public ObjectVisitor {
 public:
  ScavengeVisitor(Scavenger* scavenger, Page* record_page)
      : scavenger_(scavenger), record_page_(record_page) {}
  void VisitSlot(Value* slot) override { scavenger_->ScavengeSlot<kMode>(slot, record_page_); }
  // Handle blocks arrive here as whole ranges (Heap::VisitStrongRoots): one virtual call per block.
  void VisitSlots(Value* begin, Value* end) override {
    scavenger_->ScavengeSlots<kMode>(begin, end, record_page_);
  }
  void VisitCompressedSlots(CompressedValue* begin, CompressedValue* end) override {
    scavenger_->ScavengeSlots<kMode>(begin, end, record_page_);
  }
  // Weak slots and ephemerons: strong in the scavenger (documented in object.h).

 private:
  Scavenger* scavenger_;
  Page* record_page_;
};

// Size of `object` given its already-loaded type (HeapObject::Size without the second load).
inline size_t SizeOfType(const HeapObject* object, const TypeInfo* type) {
  return AllocationSize(type->size_of != nullptr ? type->size_of(object) : type->size);
}

// Copies an object. Most objects are a few words, where a libc memcpy call (size dispatch) costs
// more than the copy. Up to 64 bytes are copied by two or four 16-byte moves that may overlap
// (first and last 16 bytes, plus first and last 32 for 33..64 bytes): no jump table, one size
// test (docs/heap.md section 29; a per-word switch before, a word loop before section 20); larger
// ones by memcpy. `size` is an AllocationSize (a multiple of 8, at least 16).
inline void Copy16(uintptr_t target, uintptr_t source) {
  uint64_t lo;
  uint64_t hi;
  memcpy(&lo, reinterpret_cast<const void*>(source), 8);
  memcpy(&hi, reinterpret_cast<const void*>(source + 8), 8);
  memcpy(reinterpret_cast<void*>(target), &lo, 8);
  memcpy(reinterpret_cast<void*>(target + 8), &hi, 8);
}

inline void CopyObject(uintptr_t target, const HeapObject* object, size_t size) {
  const uintptr_t from = reinterpret_cast<uintptr_t>(object);
  if (size <= 32) [[likely]] {
    Copy16(target, from);
    Copy16(target + size - 16, from + size - 16);
  } else if (size <= 64) {
    Copy16(target, from);
    Copy16(target + 16, from + 16);
    Copy16(target + size - 32, from + size - 32);
    Copy16(target + size - 16, from + size - 16);
  } else {
    memcpy(reinterpret_cast<void*>(target), object, size);
  }
}

}  // namespace

namespace {

// Counts `page`'s objects into `result` (fillers and mementos excluded) and, as allocation-site
// feedback, every memento on it as found (scavenger.h: its object was promoted).
void CountMovedObjects(Page* page, ScavengeResult* result) {
  page->ForEachObject([result](HeapObject* object) {
    if (IsAllocationMemento(object)) {
      reinterpret_cast<AllocationSite*>(static_cast<AllocationMemento*>(object)->site)
          ->IncrementMementoFoundCount();
    } else if (!IsFiller(object)) {
      ++result->promoted_objects;
    }
  });
}

// Turns a used to-space page into an iterable old-space page (scavenger.h, "Page moving").
void ConvertNewToOld(Page* page, OldSpace* old_space) {
  const uintptr_t top = page->top();
  page->ClearFlags(kPageYoung | kPageToSpace | kPageFromSpace | kPageSurvivedScavenge |
                  kPageMayHoldMementos);
  page->SetFlags(kPageOld);
  page->set_live_bytes(0);
  page->set_age_mark(page->area_start());
  page->set_top(page->area_end());
  old_space->AddPromotedPage(page, top - page->area_start());
  old_space->free_list().Free(top, page->area_end() - top);  // >= 16 bytes (new-space.h)
}

}  // namespace

ScavengeResult EvacuateYoungGeneration(Heap* heap, const ScavengeOptions& options) {
  ScavengeResult result;
  NewSpace* new_space = heap->new_space();
  new_space->SyncTop(heap->new_allocation_area()->top);
  const std::vector<Page*> pages = new_space->TakePagesForPromotion();
  new_space->ResetAllocationArea(heap->new_allocation_area());
  OldSpace* old_space = heap->old_space();
  size_t moved_bytes = 0;
  for (Page* page : pages) {
    if (options.count_mementos) CountMovedObjects(page, &result);
    moved_bytes += page->top() - page->area_start();
    ConvertNewToOld(page, old_space);
  }
  result.promoted_bytes = moved_bytes;
  // V8 promotes every young large object with the pages (LargeObjectSpace::PromoteNewLargeObject).
  LargeObjectSpace* young_lo = heap->new_lo_space();
  const std::vector<Page*> large = young_lo->pages();
  for (Page* page : large) {
    const size_t size = page->FirstObject()->Size();
    result.promoted_bytes += size;
    result.promoted_large_bytes += size;
    ++result.promoted_objects;
    young_lo->TransferPage(page, heap->lo_space());
  }
  // Nothing young is left: every old->new slot now points to an old object.
  for (Page* page : old_space->pages()) page->slot_set().Clear();
  for (Page* page : old_space->pages()) page->compressed_slot_set().Clear();
  for (Page* page : heap->lo_space()->pages()) page->slot_set().Clear();
  for (Page* page : heap->lo_space()->pages()) page->compressed_slot_set().Clear();
  new_space->RecordPageMove(pages, moved_bytes);
  return result;
}

inline size_t Scavenger::SizeCache::SizeOf(const HeapObject* object, const TypeInfo* type) {
  if (type == type_) [[likely]] return size_;
  const size_t size = SizeOfType(object, type);
  if (type->size_of == nullptr) {
    type_ = type;
    size_ = size;
  }
  return size;
}

Scavenger::Scavenger(Heap* heap, const ScavengeOptions& options)
    : heap_(heap), options_(options), move_listener_(heap->object_move_listener()) {}

// Copies `object` (`size` bytes) to `target` and installs the forwarding pointer.
template <Bookkeeping kMode>
inline HeapObject* Scavenger::FinishCopy(HeapObject* object, uintptr_t target, size_t size) {
  CopyObject(target, object, size);
  HeapObject* copy = reinterpret_cast<HeapObject*>(target);
  object->set_raw_header(target | HeapObject::kForwardedBit);
  if constexpr (kMode == Bookkeeping::kFull) {
    if (move_listener_ != nullptr) move_listener_->OnObjectMoved(object, copy, size);
  }
  return copy;
}

// Contract: `object` is in from-space and not yet forwarded. Copies it to to-space, or to old
// space when `promote` is set or to-space is full, and installs the forwarding pointer. Never
// fails: old space grows as needed (limits are checked by the heap after the scavenge). The
// common case, a bump in the current to-space page, is inlined into the slot loops (perf: the
// out-of-line call was ~20% of a scavenge of an all-live tree). Copies into to-space are counted
// (survived_bytes, copied_objects) by ScanToSpace, which visits each of them exactly once, in
// registers; promotions are counted here.
template <Bookkeeping kMode>
inline HeapObject* Scavenger::Evacuate(HeapObject* object, uintptr_t header, bool promote) {
  const size_t size = evacuate_sizes_.SizeOf(
      object, reinterpret_cast<const TypeInfo*>(header & ~HeapObject::kHeaderTagMask));
  if constexpr (kMode == Bookkeeping::kFull) {
    if (options_.count_mementos) CountMemento(object, size);
  }
  const uintptr_t top = copy_lab_.top;
  if (!promote && copy_lab_.limit - top >= size) {
    copy_lab_.top = top + size;
    return FinishCopy<kMode>(object, top, size);
  }
  return EvacuateSlow<kMode>(object, size, promote);
}

// Allocation-site feedback (allocation-site.h): a memento directly behind a from-space object
// counts the object as a survivor of its site. Mementos are not copied, so each object counts once.
// Only pages flagged kPageMayHoldMementos are searched: the word behind an object is often on a
// cache line nothing else of the scavenge needs yet, and most pages hold no memento once the busy
// sites have decided (docs/heap.md section 32). The page header is hot: UpdateSlot just read it.
inline void Scavenger::CountMemento(const HeapObject* object, size_t size) {
  const Page* page = Page::FromAddress(object);
  if ((page->flags() & kPageMayHoldMementos) == 0) [[likely]] return;
  AllocationSite* site = FindMemento(object, size, page->top());
  if (site != nullptr) site->IncrementMementoFoundCount();
}

template <Bookkeeping kMode>
HeapObject* Scavenger::EvacuateSlow(HeapObject* object, size_t size, bool promote) {
  uintptr_t target = promote ? 0 : heap_->new_space()->AllocateForScavenge(size, &copy_lab_);
  if (target == 0) {
    target = heap_->old_space()->Allocate(size);
    promoted_worklist_.push_back(reinterpret_cast<HeapObject*>(target));
    result_.promoted_bytes += size;
    ++result_.promoted_objects;
  }
  return FinishCopy<kMode>(object, target, size);
}

void Scavenger::MarkYoungLargeObjectLive(HeapObject* object, Page* page) {
  if (page->IsFlagSet(kPageSurvivedScavenge)) return;
  page->SetFlags(kPageSurvivedScavenge);
  promoted_worklist_.push_back(object);
  const size_t size = object->Size();
  result_.promoted_bytes += size;
  result_.promoted_large_bytes += size;
  ++result_.promoted_objects;
}

// The per-slot fast path. A young large object survives in place and is promoted with its chunk
// after the scavenge, so a slot pointing to it needs no old->new record (returns false).
template <Bookkeeping kMode, typename S>
inline bool Scavenger::UpdateSlot(S* slot) {
  const Value value = LoadSlot(slot);
  if (!value.IsHeapObject()) return false;
  HeapObject* object = value.ToObject();
  Page* page = Page::FromAddress(object);
  const uintptr_t flags = page->flags();
  // From-space first: the common case of a scavenge is one test (from-space pages are young).
  if (flags & kPageFromSpace) {
    const uintptr_t header = object->raw_header();
    HeapObject* target =
        (header & HeapObject::kForwardedBit)
            ? reinterpret_cast<HeapObject*>(header & ~HeapObject::kForwardedBit)
            : Evacuate<kMode>(object, header, object->address() < page->age_mark());
    SetSlotObject(slot, target);
    return Heap::InYoungGeneration(target);
  }
  if ((flags & kPageYoung) == 0) return false;
  if (flags & kPageLarge) {
    MarkYoungLargeObjectLive(object, page);
    return false;
  }
  return true;  // already in to-space (a slot reached twice, e.g. a duplicate root)
}

template <Bookkeeping kMode, typename S>
void Scavenger::ScavengeSlot(S* slot, Page* record_page) {
  if (UpdateSlot<kMode>(slot) && record_page != nullptr) {
    record_page->slot_set_for<S>().Insert(record_page->address(), slot);
  }
}

template <Bookkeeping kMode, typename S>
void Scavenger::ScavengeSlots(S* begin, S* end, Page* record_page) {
  if (record_page == nullptr) {
    for (S* s = begin; s < end; ++s) UpdateSlot<kMode>(s);
    return;
  }
  for (S* s = begin; s < end; ++s) {
    if (UpdateSlot<kMode>(s)) record_page->slot_set_for<S>().Insert(record_page->address(), s);
  }
}

template <Bookkeeping kMode>
inline void Scavenger::VisitObjectSlots(HeapObject* object, const TypeInfo* type, size_t size,
                                        Page* record_page) {
  Value* begin = object->body();
  if (type->layout == LayoutKind::kTaggedPrefix) [[likely]] {  // one test for the common layout
    ScavengeSlots<kMode>(begin, begin + type->tagged_prefix_words, record_page);
    return;
  }
  Value* end;
  switch (type->layout) {
    case LayoutKind::kNoPointers:
      return;
    case LayoutKind::kAllTagged:
      end = reinterpret_cast<Value*>(object->address() + size);
      break;
    case LayoutKind::kTaggedPrefix:
      end = begin + type->tagged_prefix_words;
      break;
    case LayoutKind::kCustom: {
      ScavengeVisitor<kMode> visitor(this, record_page);
      type->visit(object, visitor);
      return;
    }
    case LayoutKind::kCompressedTaggedPrefix: {
      CompressedValue* first = object->compressed_body();
      ScavengeSlots<kMode>(first, first + type->compressed_prefix_slots, record_page);
      return;
    }
    default:
      return;
  }
  ScavengeSlots<kMode>(begin, end, record_page);
}

template <Bookkeeping kMode, typename S>
void Scavenger::ProcessRememberedSet(Page* page) {
  BasicSlotSet<S>& set = page->slot_set_for<S>();
  if (set.IsEmpty()) return;
  const size_t words = set.words();
  std::unique_ptr<uint64_t[]> bits = set.Release();
  BasicSlotSet<S>::ForEachSlot(bits.get(), words, page->address(), [this, page](S* slot) {
    if (UpdateSlot<kMode>(slot)) page->slot_set_for<S>().Insert(page->address(), slot);
  });
}

template <Bookkeeping kMode>
void Scavenger::ProcessRememberedSets() {
  auto process = [this](Page* page) {
    ProcessRememberedSet<kMode, Value>(page);
    ProcessRememberedSet<kMode, CompressedValue>(page);
  };
  // Copies: promotion may add old pages while we iterate.
  const std::vector<Page*> old_pages = heap_->old_space()->pages();
  for (Page* page : old_pages) process(page);
  const std::vector<Page*> lo_pages = heap_->lo_space()->pages();
  for (Page* page : lo_pages) process(page);
}

// GCC 12 at -O2 drops __builtin_prefetch inside this scan loop (measured: no prefetch
// instruction in the object code), so x86-64 uses the instruction directly.
inline void PrefetchForWrite(const void* address) {
#if defined(__x86_64__)
  asm volatile("prefetcht0 %0" : : "m"(*static_cast<const char*>(address)));
#else
  __builtin_prefetch(address, /*rw=*/1, /*locality=*/3);
#endif
}

// Prefetches a from-space object whose size is not known yet (its header is what is being
// fetched): its header line, and the next line too if an object of `size_guess` bytes (the host's
// size: a slot mostly points to an object like its host, e.g. a tree node to a node) would reach
// into it. The scan reads the header (forwarding test) and then copies the object, so a copy that
// straddles a line boundary waited on the second line: gcbench.js's d16 scavenges (101 697 JS
// objects of 72 bytes) took 3.8 ms of CPU with only the header prefetched, 2.7 ms with this and
// CountMemento's page flag. Prefetching the next line always cost BM_TenureScavengeTree (32-byte
// nodes, most within one line) ~10 % (docs/heap.md section 32). A prefetch never faults, so the
// line may lie past the page.
inline void PrefetchObject(const void* object, size_t size_guess) {
  constexpr uintptr_t kCacheLineSize = 64;
  const uintptr_t address = reinterpret_cast<uintptr_t>(object);
  PrefetchForWrite(object);
  if ((address & (kCacheLineSize - 1)) + size_guess > kCacheLineSize) {
    PrefetchForWrite(reinterpret_cast<const void*>(address + kCacheLineSize));
  }
}

// Issues prefetches for the from-space targets of `object`'s tagged slots (plain layouts only).
// The scan reads and then overwrites each target's header; in a tree built depth-first and copied
// breadth-first those headers are scattered over from-space, and the load miss dominated the scan
// (perf: ~70% of ScanToSpace samples on one instruction before prefetching).
inline void PrefetchTargets(const HeapObject* object, const TypeInfo* type, size_t size) {
  const Value* begin = object->body();
  const Value* end;
  if (type->layout == LayoutKind::kTaggedPrefix) {
    end = begin + type->tagged_prefix_words;
  } else if (type->layout == LayoutKind::kAllTagged) {
    end = reinterpret_cast<const Value*>(object->address() + size);
  } else if (type->layout == LayoutKind::kCompressedTaggedPrefix) {
    const CompressedValue* first = reinterpret_cast<const CompressedValue*>(object + 1);
    for (const CompressedValue* s = first; s < first + type->compressed_prefix_slots; ++s) {
      // Header only: compressed-slot objects are small (CompressedNode 24 bytes, GCBench's nodes).
      if (s->IsHeapObject()) PrefetchForWrite(reinterpret_cast<const void*>(s->Load().raw()));
    }
    return;
  } else {
    return;
  }
  for (const Value* s = begin; s < end; ++s) {
    if (s->IsHeapObject()) PrefetchObject(s->ToObject(), size);
  }
}

// Cheney scan: objects in to-space from the scan pointer up to the copy top, in allocation order.
// Copying moves the top ahead (possibly onto the next page, which ends the current page at its
// recorded top), so the end is re-read after every object. A prefetch cursor runs up to
// kPrefetchDistance bytes ahead of the scan pointer over already-copied (not yet scanned)
// objects of the same page and prefetches what their slots point to. Every to-space copy is
// counted here (survived_bytes, copied_objects), once.
template <Bookkeeping kMode>
bool Scavenger::ScanToSpace() {
  constexpr uintptr_t kPrefetchDistance = 1024;
  NewSpace* new_space = heap_->new_space();
  bool scanned = false;
  for (;;) {
    Page* page = new_space->to_pages()[scan_page_];
    uintptr_t scan = scan_;
    uintptr_t ahead = scan;
    size_t objects = 0;
    for (;;) {
      const uintptr_t end =
          scan_page_ == new_space->current_page_index() ? copy_lab_.top : page->top();
      if (scan >= end) break;
      const uintptr_t prefetch_end = std::min(end, scan + kPrefetchDistance);
      while (ahead < prefetch_end) {
        const HeapObject* next = reinterpret_cast<const HeapObject*>(ahead);
        const TypeInfo* next_type = next->type();
        const size_t next_size = ahead_sizes_.SizeOf(next, next_type);
        PrefetchTargets(next, next_type, next_size);
        ahead += next_size;
      }
      HeapObject* object = reinterpret_cast<HeapObject*>(scan);
      const TypeInfo* type = object->type();
      const size_t size = scan_sizes_.SizeOf(object, type);
      scan += size;
      if (ahead < scan) ahead = scan;
      ++objects;
      VisitObjectSlots<kMode>(object, type, size, nullptr);
    }
    result_.survived_bytes += scan - scan_;
    result_.copied_objects += objects;
    scanned |= objects != 0;
    scan_ = scan;
    if (scan_page_ >= new_space->current_page_index()) return scanned;
    ++scan_page_;
    scan_ = new_space->to_pages()[scan_page_]->area_start();
  }
}

// Alternates the to-space scan and the promoted worklist until both are exhausted.
template <Bookkeeping kMode>
void Scavenger::DrainWorklists() {
  for (;;) {
    const bool scanned = ScanToSpace<kMode>();
    if (promoted_worklist_.empty()) {
      if (!scanned) return;
      continue;
    }
    while (!promoted_worklist_.empty()) {
      HeapObject* object = promoted_worklist_.back();
      promoted_worklist_.pop_back();
      const TypeInfo* type = object->type();
      VisitObjectSlots<kMode>(object, type, SizeOfType(object, type), Page::FromAddress(object));
    }
  }
}

void Scavenger::ProcessWeakGlobals() {
  // Update survivors first, then clear the dead.
  heap_->global_handles()->IterateWeak([](Value* slot) {
    if (!slot->IsHeapObject()) return;
    HeapObject* object = slot->ToObject();
    if (!(Page::FromAddress(object)->flags() & kPageFromSpace)) return;
    const uintptr_t header = object->raw_header();
    if (header & HeapObject::kForwardedBit) {
      *slot = Value::FromObject(reinterpret_cast<HeapObject*>(header & ~HeapObject::kForwardedBit));
    }
  });
  heap_->global_handles()->ProcessWeak([](Value v) {
    if (!v.IsHeapObject()) return false;
    const uintptr_t flags = Page::FromAddress(v.ToObject())->flags();
    if (flags & kPageFromSpace) return true;  // not forwarded above: dead
    if ((flags & kPageLarge) && (flags & kPageYoung)) return (flags & kPageSurvivedScavenge) == 0;
    return false;
  });
}

void Scavenger::FinalizeLargeObjects() {
  LargeObjectSpace* young = heap_->new_lo_space();
  std::vector<Page*> pages = young->pages();
  for (Page* page : pages) {
    if (page->IsFlagSet(kPageSurvivedScavenge)) {
      young->TransferPage(page, heap_->lo_space());
    } else {
      young->FreePage(page);
    }
  }
}

template <Bookkeeping kMode>
void Scavenger::ScavengeAll() {
  ScavengeVisitor<kMode> root_visitor(this, nullptr);
  heap_->VisitStrongRoots(root_visitor);
  ProcessRememberedSets<kMode>();
  DrainWorklists<kMode>();
}

ScavengeResult Scavenger::Run() {
  NewSpace* new_space = heap_->new_space();
  new_space->SyncTop(heap_->new_allocation_area()->top);
  if (options_.promote_all) new_space->AgeAllObjects();
  new_space->Flip();
  new_space->ResetAllocationArea(&copy_lab_);
  scan_page_ = 0;
  scan_ = new_space->to_pages()[0]->area_start();

  if (options_.count_mementos || move_listener_ != nullptr) {
    ScavengeAll<Bookkeeping::kFull>();
  } else {
    ScavengeAll<Bookkeeping::kNone>();
  }
  ProcessWeakGlobals();
  FinalizeLargeObjects();

  new_space->SyncTop(copy_lab_.top);
  new_space->SetAgeMark(copy_lab_.top);
  // From-space is dead now, mementos included (allocation-site.h, kPageMayHoldMementos).
  for (Page* page : new_space->from_pages()) page->ClearFlags(kPageMayHoldMementos);
  new_space->ZapFromSpace();
  *heap_->new_allocation_area() = copy_lab_;
  return result_;
}

}  // namespace tenure::internal
