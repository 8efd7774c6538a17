// Copyright the tenure authors.
#include "scavenger.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "global-handles.h"
#include "large-object-space.h"
#include "new-space.h"
#include "old-space.h"
#include "page.h"

namespace tenure::internal {

namespace {

// Visits the slots of one host for the scavenger.
class ScavengeVisitor final : public ObjectVisitor {
 public:
  ScavengeVisitor(Scavenger* scavenger, Page* record_page)
      : scavenger_(scavenger), record_page_(record_page) {}
  void VisitSlot(Value* slot) override { scavenger_->ScavengeSlot(slot, record_page_); }
  void VisitSlots(Value* begin, Value* end) override {
    for (Value* s = begin; s < end; ++s) {
      if (s->IsHeapObject()) scavenger_->ScavengeSlot(s, record_page_);
    }
  }
  // Weak slots and ephemerons: strong in the scavenger (documented in object.h).

 private:
  Scavenger* scavenger_;
  Page* record_page_;
};

}  // namespace

Scavenger::Scavenger(Heap* heap) : heap_(heap) {}

void Scavenger::ScavengeSlot(Value* slot, Page* record_page) {
  const Value value = *slot;
  if (!value.IsHeapObject()) return;
  HeapObject* object = value.ToObject();
  Page* page = Page::FromAddress(object);
  const uintptr_t flags = page->flags();
  if ((flags & kPageYoung) == 0) return;
  if (flags & kPageFromSpace) {
    const uintptr_t header = object->raw_header();
    HeapObject* target = (header & HeapObject::kForwardedBit)
                             ? reinterpret_cast<HeapObject*>(header & ~HeapObject::kForwardedBit)
                             : Evacuate(object);
    *slot = Value::FromObject(target);
    if (record_page != nullptr && Heap::InYoungGeneration(target)) {
      record_page->slot_set().Insert(record_page->address(), slot);
    }
    return;
  }
  if (flags & kPageLarge) {
    // Young large object: survives in place, promoted with its chunk after the scavenge.
    if ((flags & kPageSurvivedScavenge) == 0) {
      page->SetFlags(kPageSurvivedScavenge);
      promoted_worklist_.push_back(object);
      result_.promoted_bytes += object->Size();
      ++result_.promoted_objects;
    }
    return;
  }
  // A to-space object: reached from a slot that was already updated (e.g. a duplicate root).
  if (record_page != nullptr) record_page->slot_set().Insert(record_page->address(), slot);
}

// Contract: `object` is in from-space and not yet forwarded. Copies it to to-space (or old space)
// and installs the forwarding pointer. Never fails: old space grows as needed.
HeapObject* Scavenger::Evacuate(HeapObject* object) {
  const size_t size = object->Size();
  uintptr_t target = 0;
  bool promoted = NewSpace::ShouldBePromoted(object);
  if (!promoted) {
    target = heap_->new_space()->AllocateForScavenge(size, &copy_lab_);
    if (target == 0) promoted = true;  // to-space full
  }
  if (promoted) target = heap_->old_space()->Allocate(size);
  memcpy(reinterpret_cast<void*>(target), object, size);
  HeapObject* copy = reinterpret_cast<HeapObject*>(target);
  object->set_raw_header(target | HeapObject::kForwardedBit);
  heap_->NotifyObjectMoved(object, copy, size);
  if (promoted) {
    promoted_worklist_.push_back(copy);
    result_.promoted_bytes += size;
    ++result_.promoted_objects;
  } else {
    result_.survived_bytes += size;
    ++result_.copied_objects;
  }
  return copy;
}

void Scavenger::ProcessRememberedSets() {
  auto process = [this](Page* page) {
    SlotSet& set = page->slot_set();
    if (set.IsEmpty()) return;
    const size_t words = set.words();
    std::unique_ptr<uint64_t[]> bits = set.Release();
    SlotSet::ForEachSlot(bits.get(), words, page->address(),
                         [this, page](Value* slot) { ScavengeSlot(slot, page); });
  };
  // Copies: promotion may add old pages while we iterate.
  const std::vector<Page*> old_pages = heap_->old_space()->pages();
  for (Page* page : old_pages) process(page);
  const std::vector<Page*> lo_pages = heap_->lo_space()->pages();
  for (Page* page : lo_pages) process(page);
}

// Cheney scan of to-space plus the promoted worklist, until both are exhausted.
void Scavenger::DrainWorklists() {
  NewSpace* new_space = heap_->new_space();
  ScavengeVisitor young_visitor(this, nullptr);
  for (;;) {
    bool progress = false;
    while (true) {
      Page* page = new_space->to_pages()[scan_page_];
      const uintptr_t end = scan_page_ == new_space->current_page_index() ? copy_lab_.top
                                                                          : page->top();
      if (scan_ < end) {
        HeapObject* object = reinterpret_cast<HeapObject*>(scan_);
        scan_ += object->Size();
        object->VisitSlots(young_visitor);
        progress = true;
      } else if (scan_page_ < new_space->current_page_index()) {
        ++scan_page_;
        scan_ = new_space->to_pages()[scan_page_]->area_start();
      } else {
        break;
      }
    }
    while (!promoted_worklist_.empty()) {
      HeapObject* object = promoted_worklist_.back();
      promoted_worklist_.pop_back();
      ScavengeVisitor old_visitor(this, Page::FromAddress(object));
      object->VisitSlots(old_visitor);
      progress = true;
    }
    if (!progress) return;
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

ScavengeResult Scavenger::Run() {
  NewSpace* new_space = heap_->new_space();
  new_space->SyncTop(heap_->new_allocation_area()->top);
  new_space->Flip();
  new_space->ResetAllocationArea(&copy_lab_);
  scan_page_ = 0;
  scan_ = new_space->to_pages()[0]->area_start();

  ScavengeVisitor root_visitor(this, nullptr);
  heap_->VisitStrongRoots(root_visitor);
  ProcessRememberedSets();
  DrainWorklists();
  ProcessWeakGlobals();
  FinalizeLargeObjects();

  new_space->SyncTop(copy_lab_.top);
  new_space->SetAgeMark(copy_lab_.top);
  new_space->ZapFromSpace();
  *heap_->new_allocation_area() = copy_lab_;
  return result_;
}

}  // namespace tenure::internal
