// Copyright the tenure authors.
#include "verifier.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "filler.h"
#include "global-handles.h"
#include "incremental-marking.h"
#include "large-object-space.h"
#include "new-space.h"
#include "old-space.h"
#include "page.h"
#include "slot-access.h"

namespace tenure::internal {

namespace {

// The object starts a verification found, as one bit per kObjectAlignment bytes of each 256 KiB
// region that holds objects (a large chunk's object starts in its first region). Membership
// tests and inserts do not allocate: a hash set of addresses did, and under ASan its node
// allocations were most of a verification's time (the fuzzers and stress runs verify at every GC).
class ObjectStartIndex {
 public:
  void Insert(uintptr_t address) {
    std::vector<uint64_t>& bits = RegionOf(address);
    const size_t bit = (address & (kPageSize - 1)) / kObjectAlignment;
    bits[bit / 64] |= uint64_t{1} << (bit % 64);
    starts_.push_back(address);
  }

  bool Contains(uintptr_t address) const {
    if (address % kObjectAlignment != 0) return false;
    const auto it = regions_.find(address & ~(kPageSize - 1));
    if (it == regions_.end()) return false;
    const size_t bit = (address & (kPageSize - 1)) / kObjectAlignment;
    return (it->second[bit / 64] >> (bit % 64)) & 1;
  }

  // Every inserted address, in insertion order.
  const std::vector<uintptr_t>& starts() const { return starts_; }

 private:
  static constexpr size_t kWordsPerRegion = kPageSize / kObjectAlignment / 64;

  std::vector<uint64_t>& RegionOf(uintptr_t address) {
    std::vector<uint64_t>& bits = regions_[address & ~(kPageSize - 1)];
    if (bits.empty()) bits.resize(kWordsPerRegion);
    return bits;
  }

  std::unordered_map<uintptr_t, std::vector<uint64_t>> regions_;
  std::vector<uintptr_t> starts_;
};

class Verification {
 public:
  Verification(Heap* heap, const char* phase) : heap_(heap), phase_(phase) {}

  [[noreturn]] void Fail(const char* format, ...) __attribute__((format(printf, 2, 3))) {
    char message[512];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof(message), format, args);
    va_end(args);
    fprintf(stderr, "tenure: heap verification failed (%s): %s\n", phase_, message);
    fflush(stderr);
    abort();
  }

  // Check 1: walks one page, recording object starts.
  void WalkPage(Page* page, uintptr_t expected_end, const char* space) {
    if (!heap_->cage()->Contains(page->address())) {  // value.h "COMPRESSED SLOTS"
      Fail("%s page %p lies outside the heap's cage", space, (void*)page);
    }
    uintptr_t a = page->area_start();
    if (page->top() != expected_end) {
      Fail("%s page %p: top %p != expected end %p", space, (void*)page, (void*)page->top(),
           (void*)expected_end);
    }
    // Mark bits are legal on pages pending sweep (sweeper.h: unmarked objects there are dead and
    // are not checked) and on old chunks while incremental marking runs.
    const bool pending = page->IsFlagSet(kPageSweepPending);
    const bool marking = heap_->incremental_marking()->IsMarking() && page->IsFlagSet(kPageOld);
    const uintptr_t allowed = pending || marking ? HeapObject::kMarkBit : 0;
    while (a < page->top()) {
      HeapObject* object = reinterpret_cast<HeapObject*>(a);
      const uintptr_t header = object->raw_header();
      if (header == 0) Fail("%s object %p has an empty header", space, (void*)object);
      if (pending && (header & HeapObject::kMarkBit) == 0) {
        a += object->Size();  // dead, swept later
        continue;
      }
      if (header & HeapObject::kHeaderTagMask & ~allowed) {
        Fail("%s object %p has a stale mark/forwarding bit (header %#lx)", space, (void*)object,
             (unsigned long)header);
      }
      const size_t size = object->Size();
      if (size < kMinObjectSize || size % kObjectAlignment != 0 || a + size > page->top()) {
        Fail("%s object %p (%s) has bad size %zu", space, (void*)object,
             object->type()->class_name, size);
      }
      (IsFiller(object) ? fillers_ : objects_).Insert(a);
      a += size;
    }
    if (a != page->top()) Fail("%s page %p: walk overshoots top", space, (void*)page);
  }

  void WalkAllPages() {
    NewSpace* ns = heap_->new_space();
    for (size_t i = 0; i < ns->to_pages().size(); ++i) {
      Page* p = ns->to_pages()[i];
      if (!p->IsFlagSet(kPageToSpace) || !p->IsFlagSet(kPageYoung) || p->IsFlagSet(kPageFromSpace)) {
        Fail("to-space page %p has wrong flags %#lx", (void*)p, (unsigned long)p->flags());
      }
      // new-space.h "Page tail reserve": a page moved to old space can always end in a filler.
      if (p->area_end() - p->top() < NewSpace::kPageTailReserve) {
        Fail("to-space page %p has %zu bytes above its top (< the %zu-byte tail reserve)", (void*)p,
             static_cast<size_t>(p->area_end() - p->top()), NewSpace::kPageTailReserve);
      }
      if (i > ns->current_page_index() && p->top() != p->area_start()) {
        Fail("to-space page %p after the current page is not empty", (void*)p);
      }
      WalkPage(p, p->top(), "new_space");
    }
    for (Page* p : ns->from_pages()) {
      if (!p->IsFlagSet(kPageFromSpace)) Fail("from-space page %p lacks its flag", (void*)p);
      if (p->top() != p->area_start()) Fail("from-space page %p is not empty", (void*)p);
    }
    for (Page* p : ns->reserve_pages()) {
      if (p->IsFlagSet(kPageToSpace | kPageFromSpace) || p->top() != p->area_start()) {
        Fail("new-space reserve page %p is in use (flags %#lx)", (void*)p, (unsigned long)p->flags());
      }
    }
    // Evacuation candidates exist from the start of marking to the end of the full GC.
    const bool marking = heap_->incremental_marking()->IsMarking();
    const uintptr_t candidate = marking ? uintptr_t{0} : uintptr_t{kPageEvacuationCandidate};
    for (Page* p : heap_->old_space()->pages()) {
      // Pages moved by a fast-promotion scavenge must have lost every semispace bit.
      if (!p->IsFlagSet(kPageOld) ||
          p->IsFlagSet(kPageYoung | kPageToSpace | kPageFromSpace | candidate)) {
        Fail("old page %p has wrong flags %#lx", (void*)p, (unsigned long)p->flags());
      }
      WalkPage(p, p->area_end(), "old_space");
    }
    for (Page* p : heap_->lo_space()->pages()) {
      if (!p->IsFlagSet(kPageOld | kPageLarge)) Fail("large page %p has wrong flags", (void*)p);
      WalkPage(p, p->area_start() + p->FirstObject()->Size(), "large_object_space");
    }
    for (Page* p : heap_->new_lo_space()->pages()) {
      if (!p->IsFlagSet(kPageYoung) || !p->IsFlagSet(kPageLarge)) {
        Fail("young large page %p has wrong flags", (void*)p);
      }
      WalkPage(p, p->area_start() + p->FirstObject()->Size(), "new_large_object_space");
    }
  }

  // Check 2 for one slot; `where` describes the holder for the message.
  template <typename S>
  void CheckPointer(const S* slot, const char* where, const HeapObject* host) {
    const Value value = LoadSlot(slot);
    if (!value.IsHeapObject()) return;
    const uintptr_t target = value.raw();
    if (objects_.Contains(target)) return;
    const char* what = fillers_.Contains(target)  ? "a filler / free-list gap"
                       : IsInFromSpace(target)     ? "from-space"
                                                   : "no object start (dangling)";
    Fail("%s slot %p (host %p %s) points to %p: %s", where, (void*)slot, (void*)host,
         host ? host->type()->class_name : "-", (void*)target, what);
  }

  // From-space, or the new-space reserve (where from-space pages go after a scavenge).
  bool IsInFromSpace(uintptr_t address) {
    for (Page* p : heap_->new_space()->from_pages()) {
      if (p->ContainsAddress(address)) return true;
    }
    for (Page* p : heap_->new_space()->reserve_pages()) {
      if (p->ContainsAddress(address)) return true;
    }
    return false;
  }

  // Checks 2 and 3 for every slot of every object (SlotChecker below).
  void CheckObjects();

  void CheckRoots() {
    class RootChecker final : public RootVisitor {
     public:
      explicit RootChecker(Verification* v) : v_(v) {}
      void VisitRoot(RootKind kind, const char* name, Value* slot) override {
        v_->CheckPointer(slot, RootKindToString(kind), nullptr);
      }

     private:
      Verification* v_;
    };
    RootChecker checker(this);
    heap_->IterateRoots(checker);
  }

  // Check 5 (remembered-set.h, "Where a bit may lie"): every set bit of an old chunk lies in the
  // body of a non-filler object; in a dead object (only on a page pending sweep) its slot must hold
  // a pointer to a live young object. Needs WalkAllPages() first (objects_ = the live objects).
  void CheckRememberedSets() {
    for (Page* p : heap_->old_space()->pages()) {
      CheckSlotSetOf<Value>(p, p->area_end());
      CheckSlotSetOf<CompressedValue>(p, p->area_end());
    }
    for (Page* p : heap_->lo_space()->pages()) {
      CheckSlotSetOf<Value>(p, p->area_start() + p->FirstObject()->Size());
      CheckSlotSetOf<CompressedValue>(p, p->area_start() + p->FirstObject()->Size());
    }
  }

  template <typename S>
  void CheckSlotSetOf(Page* page, uintptr_t end) {
    const BasicSlotSet<S>& set = page->slot_set_for<S>();
    if (set.IsEmpty()) return;
    std::vector<uintptr_t> starts;  // every object start of the page, dead ones included
    for (uintptr_t a = page->area_start(); a < end; a += reinterpret_cast<HeapObject*>(a)->Size()) {
      starts.push_back(a);
    }
    const bool pending = page->IsFlagSet(kPageSweepPending);
    set.ForEach(page->address(), [&](S* slot) {
      const uintptr_t address = reinterpret_cast<uintptr_t>(slot);
      if (address < page->area_start() || address >= end) {
        Fail("remembered-set bit %p of page %p lies outside its objects", (void*)slot, (void*)page);
      }
      const auto next = std::upper_bound(starts.begin(), starts.end(), address);
      HeapObject* host = reinterpret_cast<HeapObject*>(*(next - 1));
      if (IsFiller(host)) {
        Fail("remembered-set bit %p lies in a filler / free-list gap %p", (void*)slot, (void*)host);
      }
      if (address == host->address()) {
        Fail("remembered-set bit %p lies on the header of %p", (void*)slot, (void*)host);
      }
      if (!pending || (host->raw_header() & HeapObject::kMarkBit) != 0) return;  // live host
      const Value value = LoadSlot(slot);
      const bool live_young = value.IsHeapObject() && Heap::InYoungGeneration(value.ToObject()) &&
                              objects_.Contains(value.raw());
      if (!live_young) {
        Fail("remembered-set bit %p in dead %p (%s) on a page pending sweep does not point to a "
             "live young object (value %#lx)",
             (void*)slot, (void*)host, host->type()->class_name, (unsigned long)value.raw());
      }
    });
  }

  // Check 4.
  void CheckFreeList() {
    heap_->old_space()->free_list().ForEachEntry([this](uintptr_t start, size_t size) {
      if (!fillers_.Contains(start)) Fail("free-list entry %p is not a filler object start", (void*)start);
      const HeapObject* entry = reinterpret_cast<const HeapObject*>(start);
      if (entry->Size() != size) Fail("free-list entry %p size mismatch", (void*)start);
      Page* page = Page::FromAddress(entry);
      if (!page->IsFlagSet(kPageOld) || page->IsFlagSet(kPageLarge)) {
        Fail("free-list entry %p is not in an old page", (void*)start);
      }
    });
    if (const char* error = heap_->old_space()->free_list().CheckCategories()) Fail("%s", error);
  }

 private:
  Heap* heap_;
  const char* phase_;
  ObjectStartIndex objects_;  // live (non-filler) object starts
  ObjectStartIndex fillers_;
};

// Checks 2 and 3 for the slots of one object (Verification::CheckObjects).
class SlotChecker final : public ObjectVisitor {
 public:
  SlotChecker(Verification* v, HeapObject* host) : v_(v), host_(host) {}
  void VisitSlot(Value* slot) override { Check(slot); }
  void VisitCompressedSlots(CompressedValue* begin, CompressedValue* end) override {
    const uintptr_t host_end = host_->address() + host_->Size();
    if (reinterpret_cast<uintptr_t>(begin) < host_->address() + sizeof(HeapObject) ||
        reinterpret_cast<uintptr_t>(end) > host_end) {
      v_->Fail("compressed slots [%p, %p) of %p (%s) lie outside the object", (void*)begin,
               (void*)end, (void*)host_, host_->type()->class_name);
    }
    for (CompressedValue* s = begin; s < end; ++s) Check(s);
  }

 private:
  // A compressed old->new slot must be in the page's compressed slot set.
  template <typename S>
  void Check(S* slot) {
    v_->CheckPointer(slot, "object", host_);
    const Value value = LoadSlot(slot);
    if (!value.IsHeapObject() || !Heap::InOldGeneration(host_)) return;
    if (!Heap::InYoungGeneration(value.ToObject())) return;
    Page* page = Page::FromAddress(host_);
    if (!page->slot_set_for<S>().Contains(page->address(), slot)) {
      v_->Fail("old->new %sslot %p in %p (%s) -> %p is missing from the remembered set "
               "(missing write barrier?)",
               sizeof(S) == 4 ? "compressed " : "", (void*)slot, (void*)host_,
               host_->type()->class_name, (void*)value.raw());
    }
  }

  Verification* v_;
  HeapObject* host_;
};

void Verification::CheckObjects() {
  for (uintptr_t a : objects_.starts()) {
    HeapObject* object = reinterpret_cast<HeapObject*>(a);
    SlotChecker checker(this, object);
    object->VisitSlots(checker);
  }
}

}  // namespace

void HeapVerifier::Verify(Heap* heap, const char* phase) {
  Verification v(heap, phase);
  v.WalkAllPages();
  v.CheckRoots();
  v.CheckObjects();
  v.CheckFreeList();
  v.CheckRememberedSets();
}

}  // namespace tenure::internal
