// Copyright the tenure authors.
#include "mark-compact.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "filler.h"
#include "global-handles.h"
#include "incremental-marking.h"
#include "large-object-space.h"
#include "new-space.h"
#include "old-space.h"
#include "page.h"
#include "sweeper.h"

namespace tenure::internal {

namespace {

using Clock = std::chrono::steady_clock;
double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

class MarkingVisitor final : public ObjectVisitor {
 public:
  explicit MarkingVisitor(MarkCompactCollector* collector) : collector_(collector) {}
  void VisitSlot(Value* slot) override { collector_->MarkValue(*slot); }
  void VisitSlots(Value* begin, Value* end) override {
    for (Value* s = begin; s < end; ++s) collector_->MarkValue(*s);
  }
  void VisitWeakSlot(Value* slot) override {
    if (slot->IsHeapObject()) collector_->RecordWeakSlot(slot);
  }
  void VisitEphemeron(Value* key, Value* value) override {
    if (!key->IsHeapObject() || MarkCompactCollector::IsMarked(key->ToObject())) {
      collector_->MarkValue(*value);
    } else {
      collector_->RecordEphemeron(key, value);
    }
  }

 private:
  MarkCompactCollector* collector_;
};

// Rewrites slots that point into evacuation candidates and re-records old->new slots.
class UpdatingVisitor final : public ObjectVisitor {
 public:
  explicit UpdatingVisitor(Page* record_page) : record_page_(record_page) {}
  void VisitSlot(Value* slot) override {
    if (!slot->IsHeapObject()) return;
    HeapObject* object = slot->ToObject();
    const uintptr_t flags = Page::FromAddress(object)->flags();
    if (flags & kPageEvacuationCandidate) {
      const uintptr_t header = object->raw_header();
      if ((header & HeapObject::kForwardedBit) == 0) {
        fprintf(stderr, "tenure: pointer %p to a dead object on an evacuated page\n",
                static_cast<void*>(object));
        abort();
      }
      *slot = Value::FromObject(reinterpret_cast<HeapObject*>(header & ~HeapObject::kForwardedBit));
    } else if ((flags & kPageYoung) && record_page_ != nullptr) {
      record_page_->slot_set().Insert(record_page_->address(), slot);
    }
  }

 private:
  Page* record_page_;
};


}  // namespace

void MarkCompactCollector::MarkValue(Value value) {
  if (!value.IsHeapObject()) return;
  HeapObject* object = value.ToObject();
  const uintptr_t header = object->raw_header();
  if (header & HeapObject::kMarkBit) return;
  object->set_raw_header(header | HeapObject::kMarkBit);
  const size_t size = object->Size();
  Page::FromAddress(object)->IncrementLiveBytes(size);
  result_.marked_bytes += size;
  ++result_.marked_objects;
  worklist_.push_back(object);
}

void MarkCompactCollector::DrainMarkingWorklist() {
  MarkingVisitor visitor(this);
  while (!worklist_.empty()) {
    HeapObject* object = worklist_.back();
    worklist_.pop_back();
    object->VisitSlots(visitor);
  }
}

// One pass over the deferred ephemerons; returns true if it marked any value.
bool MarkCompactCollector::ProcessEphemerons() {
  bool marked_any = false;
  std::vector<std::pair<Value*, Value*>> still_unknown;
  for (auto& [key, value] : ephemerons_) {
    if (IsMarked(key->ToObject())) {
      MarkValue(*value);
      marked_any = true;
    } else {
      still_unknown.emplace_back(key, value);
    }
  }
  ephemerons_.swap(still_unknown);
  return marked_any;
}

void MarkCompactCollector::MarkLiveObjects(IncrementalMarkingState* incremental) {
  for (Page* p : heap_->new_space()->to_pages()) p->set_live_bytes(0);
  for (Page* p : heap_->new_lo_space()->pages()) p->set_live_bytes(0);
  if (incremental == nullptr) {
    for (Page* p : heap_->old_space()->pages()) p->set_live_bytes(0);
    for (Page* p : heap_->lo_space()->pages()) p->set_live_bytes(0);
  } else {
    // Finalization: continue from what the steps marked (old live bytes already counted).
    worklist_ = std::move(incremental->worklist);
    weak_slots_ = std::move(incremental->weak_slots);
    ephemerons_ = std::move(incremental->ephemerons);
    result_.marked_bytes = incremental->marked_bytes;
    result_.marked_objects = incremental->marked_objects;
    for (Value* slot : incremental->young_slots) MarkValue(*slot);
  }
  MarkingVisitor visitor(this);
  heap_->VisitStrongRoots(visitor);
  DrainMarkingWorklist();
  while (ProcessEphemerons()) DrainMarkingWorklist();  // fixpoint
}

void MarkCompactCollector::ClearNonLiveReferences() {
  const Value cleared = heap_->cleared_weak_value();
  for (Value* slot : weak_slots_) {
    if (slot->IsHeapObject() && !IsMarked(slot->ToObject())) *slot = cleared;
  }
  for (auto& [key, value] : ephemerons_) {  // keys still unmarked after the fixpoint: dead
    *key = cleared;
    *value = cleared;
  }
  heap_->global_handles()->ProcessWeak(
      [](Value v) { return v.IsHeapObject() && !IsMarked(v.ToObject()); });
}

void MarkCompactCollector::SweepYoungGeneration() {
  NewSpace* new_space = heap_->new_space();
  for (size_t i = 0; i <= new_space->current_page_index(); ++i) {
    Page* page = new_space->to_pages()[i];
    size_t live = 0;
    SweepRange(page->area_start(), page->top(), &live,
               [](uintptr_t start, uintptr_t end) { CreateFiller(start, end - start); });
  }
}

void MarkCompactCollector::SweepLargeObjects() {
  for (LargeObjectSpace* space : {heap_->lo_space(), heap_->new_lo_space()}) {
    const std::vector<Page*> pages = space->pages();
    for (Page* page : pages) {
      HeapObject* object = page->FirstObject();
      if (IsMarked(object)) {
        object->set_raw_header(object->raw_header() & ~HeapObject::kMarkBit);
      } else {
        space->FreePage(page);
        ++result_.released_pages;
      }
    }
  }
}

std::vector<Page*> MarkCompactCollector::SelectEvacuationCandidates(
    const std::unordered_set<Page*>& forced) {
  constexpr double kTargetFragmentation = 0.70;      // V8 regular mode without speed samples
  constexpr size_t kMaxEvacuatedBytes = 4 * MB;
  std::vector<Page*> candidates;
  std::vector<Page*> fragmented;
  const bool stress = heap_->config().stress_compaction;
  for (Page* page : heap_->old_space()->pages()) {
    if (page->live_bytes() == 0) continue;  // the sweeper releases it without copying
    const size_t free_bytes = page->area_size() - page->live_bytes();
    if (stress || forced.count(page) != 0) {
      candidates.push_back(page);
    } else if (free_bytes >= kTargetFragmentation * page->area_size()) {
      fragmented.push_back(page);
    }
  }
  std::sort(fragmented.begin(), fragmented.end(),
            [](Page* a, Page* b) { return a->live_bytes() < b->live_bytes(); });
  std::vector<Page*> chosen;
  size_t live = 0;
  for (Page* page : fragmented) {
    if (live + page->live_bytes() > kMaxEvacuatedBytes) break;
    live += page->live_bytes();
    chosen.push_back(page);
  }
  // Only compact if it frees at least one page ("avoid compact->expand cycles").
  const size_t area = kPageSize - kPageHeaderSize;
  if (chosen.size() > (live + area - 1) / area) {
    candidates.insert(candidates.end(), chosen.begin(), chosen.end());
  }
  for (Page* page : candidates) page->SetFlags(kPageEvacuationCandidate);
  return candidates;
}

// Contract: empty pages are released and pages with old->new slots are swept now (a scavenge must
// never read a slot of a dead object); the others too unless lazy sweeping is on, then they become
// pending (sweeper.h).
void MarkCompactCollector::SweepOldSpace(const std::vector<Page*>& candidates) {
  OldSpace* old_space = heap_->old_space();
  Sweeper* sweeper = heap_->sweeper();
  old_space->ResetFreeList();
  size_t total_live = 0;
  const bool lazy = heap_->config().lazy_sweeping;
  const std::vector<Page*> pages = old_space->pages();
  for (Page* page : pages) {
    if (page->IsFlagSet(kPageEvacuationCandidate)) continue;
    total_live += page->live_bytes();
    // Empty pages are released now (cheap: no walk), so space sizes drop right after the GC.
    if (lazy && page->live_bytes() != 0 && page->slot_set().IsEmpty()) {
      sweeper->AddPendingPage(page);
      ++result_.pending_sweep_pages;
    } else if (sweeper->SweepPageNow(page) == 0) {
      ++result_.released_pages;
    }
  }
  old_space->set_size_of_objects(total_live);
}

void MarkCompactCollector::EvacuateCandidates(const std::vector<Page*>& candidates) {
  OldSpace* old_space = heap_->old_space();
  for (Page* page : candidates) old_space->RemovePage(page);
  for (Page* page : candidates) {
    page->ForEachObject([this, old_space](HeapObject* object) {
      const uintptr_t header = object->raw_header();
      if ((header & HeapObject::kMarkBit) == 0) return;
      const size_t size = object->Size();
      const uintptr_t target = old_space->Allocate(size);
      memcpy(reinterpret_cast<void*>(target), object, size);
      HeapObject* copy = reinterpret_cast<HeapObject*>(target);
      copy->set_raw_header(header & ~HeapObject::kMarkBit);
      object->set_raw_header(target | HeapObject::kForwardedBit);
      heap_->NotifyObjectMoved(object, copy, size);
      result_.evacuated_bytes += size;
    });
    ++result_.evacuated_pages;
  }
}

void MarkCompactCollector::UpdatePointersAndRebuildRememberedSets() {
  heap_->old_space()->MakeIterable();  // evacuation left a LAB
  UpdatingVisitor root_visitor(nullptr);
  heap_->VisitStrongRoots(root_visitor);
  heap_->global_handles()->IterateWeak([&root_visitor](Value* slot) { root_visitor.VisitSlot(slot); });
  UpdatingVisitor young_visitor(nullptr);
  heap_->new_space()->ForEachObject([&young_visitor](HeapObject* object) {
    if (!IsFiller(object)) object->VisitSlots(young_visitor);
  });
  heap_->new_lo_space()->ForEachObject(
      [&young_visitor](HeapObject* object) { object->VisitSlots(young_visitor); });
  for (Page* page : heap_->old_space()->pages()) {
    page->slot_set().Clear();
    UpdatingVisitor visitor(page);
    if (page->IsFlagSet(kPageSweepPending)) {  // dead objects there may point anywhere
      page->ForEachObject([&visitor](HeapObject* object) {
        if (IsMarked(object)) object->VisitSlots(visitor);
      });
      continue;
    }
    page->ForEachObject([&visitor](HeapObject* object) {
      if (!IsFiller(object)) object->VisitSlots(visitor);
    });
  }
  for (Page* page : heap_->lo_space()->pages()) {
    page->slot_set().Clear();
    UpdatingVisitor visitor(page);
    page->FirstObject()->VisitSlots(visitor);
  }
}

MarkCompactResult MarkCompactCollector::Run(const std::unordered_set<Page*>& forced_candidates,
                                             IncrementalMarkingState* incremental) {
  const auto t0 = Clock::now();
  MarkLiveObjects(incremental);
  const auto t1 = Clock::now();
  ClearNonLiveReferences();
  const auto t2 = Clock::now();
  SweepYoungGeneration();
  SweepLargeObjects();
  const std::vector<Page*> candidates = SelectEvacuationCandidates(forced_candidates);
  SweepOldSpace(candidates);
  const auto t3 = Clock::now();
  if (!candidates.empty()) {
    EvacuateCandidates(candidates);
    UpdatePointersAndRebuildRememberedSets();
    for (Page* page : candidates) Page::Free(page);
  }
  const auto t4 = Clock::now();
  result_.mark_ms = Ms(t0, t1);
  result_.clear_ms = Ms(t1, t2);
  result_.sweep_ms = Ms(t2, t3);
  result_.evacuate_ms = Ms(t3, t4);
  return result_;
}

}  // namespace tenure::internal
