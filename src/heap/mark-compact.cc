// Copyright the tenure authors.
#include "mark-compact.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "allocation-site.h"
#include "filler.h"
#include "global-handles.h"
#include "incremental-marking.h"
#include "large-object-space.h"
#include "new-space.h"
#include "old-space.h"
#include "page.h"
#include "slot-access.h"
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
  // The object whose slots are visited next (null for roots). While compacting, slots of hosts
  // that do not move and that point into evacuation candidates are recorded.
  void SetHost(HeapObject* host) {
    record_ = host != nullptr && collector_->compacting() && !OnEvacuationCandidate(host);
  }
  void VisitSlot(Value* slot) override {
    collector_->MarkValue(*slot);
    if (record_ && PointsToEvacuationCandidate(*slot)) collector_->RecordSlot(slot);
  }
  void VisitSlots(Value* begin, Value* end) override {
    for (Value* s = begin; s < end; ++s) VisitSlot(s);
  }
  void VisitCompressedSlots(CompressedValue* begin, CompressedValue* end) override {
    for (CompressedValue* s = begin; s < end; ++s) {
      if (!s->IsHeapObject()) continue;
      const Value value = s->Load();
      collector_->MarkValue(value);
      if (record_ && PointsToEvacuationCandidate(value)) collector_->RecordSlot(s);
    }
  }
  void VisitWeakSlot(Value* slot) override {
    if (!slot->IsHeapObject()) return;
    collector_->RecordWeakSlot(slot);
    if (record_ && PointsToEvacuationCandidate(*slot)) collector_->RecordSlot(slot);
  }
  void VisitEphemeron(Value* key, Value* value) override {
    if (record_) {
      if (PointsToEvacuationCandidate(*key)) collector_->RecordSlot(key);
      if (PointsToEvacuationCandidate(*value)) collector_->RecordSlot(value);
    }
    if (!key->IsHeapObject() || MarkCompactCollector::IsMarked(key->ToObject())) {
      collector_->MarkValue(*value);
    } else {
      collector_->RecordEphemeron(key, value);
    }
  }

 private:
  MarkCompactCollector* collector_;
  bool record_ = false;
};

// Forwards a slot that points into an evacuated candidate; optionally records old->new slots of
// `record_page` (used for the evacuated copies, whose remembered sets are rebuilt).
class UpdatingVisitor final : public ObjectVisitor {
 public:
  explicit UpdatingVisitor(Page* record_page) : record_page_(record_page) {}
  void VisitSlot(Value* slot) override { Update(slot); }
  void VisitCompressedSlots(CompressedValue* begin, CompressedValue* end) override {
    for (CompressedValue* s = begin; s < end; ++s) Update(s);
  }
  template <typename S>
  void Update(S* slot) {
    const Value value = LoadSlot(slot);
    if (!value.IsHeapObject()) return;
    HeapObject* object = value.ToObject();
    const uintptr_t flags = Page::FromAddress(object)->flags();
    if (flags & kPageEvacuationCandidate) {
      const uintptr_t header = object->raw_header();
      if ((header & HeapObject::kForwardedBit) == 0) {
        fprintf(stderr, "tenure: pointer %p to a dead object on an evacuated page\n",
                static_cast<void*>(object));
        abort();
      }
      SetSlotObject(slot, reinterpret_cast<HeapObject*>(header & ~HeapObject::kForwardedBit));
    } else if ((flags & kPageYoung) && record_page_ != nullptr) {
      record_page_->slot_set_for<S>().Insert(record_page_->address(), slot);
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
    visitor.SetHost(object);
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
    recorded_slots_ = std::move(incremental->recorded_slots);
    incremental->young_slots.ForEach([this](auto* slot) { MarkValue(LoadSlot(slot)); });
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

// Contract: runs after ClearNonLiveReferences and before anything is freed or young mark bits are
// cleared. Keeps a remembered-set bit only if its slot holds a pointer to a marked young object
// (remembered-set.h, "Where a bit may lie"), so pages with old->new slots can be swept lazily: a
// bit left in a dead host points to a live young object. Reading the slots is safe: every bit lies
// in an object that was live at or after the previous full GC (pages it left pending have all been
// swept since), so every value read points into memory that is still mapped.
void MarkCompactCollector::FilterOldToNewSlots() {
  auto not_live_young = [](auto* slot) {
    const Value value = LoadSlot(slot);
    if (!value.IsHeapObject()) return true;
    HeapObject* target = value.ToObject();
    return !Heap::InYoungGeneration(target) || !IsMarked(target);
  };
  for (Page* page : heap_->old_space()->pages()) {
    page->slot_set().RemoveIf(page->address(), not_live_young);
    page->compressed_slot_set().RemoveIf(page->address(), not_live_young);
  }
  for (Page* page : heap_->lo_space()->pages()) {
    page->slot_set().RemoveIf(page->address(), not_live_young);
    page->compressed_slot_set().RemoveIf(page->address(), not_live_young);
  }
}

// Like SweepRange, except that an allocation memento directly behind a live object stays (it is
// never marked): the next scavenge still counts that object for its allocation site
// (allocation-site.h). Without this, every full GC erased the feedback of the young objects that
// had not been scavenged yet, and on splay.js the sites were judged "don't tenure" on the
// mementos that were left. A tenured site's sample (allocation-site.h, "Tenured samples") is
// counted here instead: found if its object is live, and its memento is dropped either way.
void MarkCompactCollector::SweepYoungGeneration() {
  NewSpace* new_space = heap_->new_space();
  const uintptr_t memento_header = reinterpret_cast<uintptr_t>(&kAllocationMementoType);
  for (size_t i = 0; i <= new_space->current_page_index(); ++i) {
    Page* page = new_space->to_pages()[i];
    uintptr_t run = 0;
    bool previous_live = false;
    for (uintptr_t a = page->area_start(); a < page->top();) {
      HeapObject* object = reinterpret_cast<HeapObject*>(a);
      const size_t size = object->Size();
      const uintptr_t header = object->raw_header();
      const bool live = (header & HeapObject::kMarkBit) != 0;
      bool keep_memento = previous_live && header == memento_header;
      if (keep_memento) {
        AllocationSite* site = reinterpret_cast<AllocationSite*>(static_cast<AllocationMemento*>(object)->site);
        if (site->IsTenured()) {
          site->IncrementMementoFoundCount();
          keep_memento = false;
        }
      }
      if (live || keep_memento) {
        if (run != 0) CreateFiller(run, a - run);
        run = 0;
        if (live) object->set_raw_header(header & ~HeapObject::kMarkBit);
      } else if (run == 0) {
        run = a;
      }
      previous_live = live;
      a += size;
    }
    if (run != 0) CreateFiller(run, page->top() - run);
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
    Heap* heap, const std::unordered_set<Page*>& forced) {
  constexpr double kTargetFragmentation = 0.70;      // V8 regular mode without speed samples
  constexpr size_t kMaxEvacuatedBytes = 4 * MB;
  OldSpace* old_space = heap->old_space();
  old_space->MakeIterable();  // the LAB's rest becomes a free-list entry
  std::unordered_map<Page*, size_t> free_bytes;
  auto page_of = [](uintptr_t address) { return Page::FromAddress(reinterpret_cast<void*>(address)); };
  old_space->free_list().ForEachEntry(
      [&](uintptr_t start, size_t size) { free_bytes[page_of(start)] += size; });
  auto allocated = [&free_bytes](Page* page) { return page->area_size() - free_bytes[page]; };
  std::vector<Page*> candidates;
  std::vector<Page*> fragmented;
  const bool stress = heap->config().stress_compaction;
  for (Page* page : old_space->pages()) {
    if (allocated(page) == 0) continue;
    if (stress || forced.count(page) != 0) {
      candidates.push_back(page);
    } else if (page->area_size() - allocated(page) >= kTargetFragmentation * page->area_size()) {
      fragmented.push_back(page);
    }
  }
  std::sort(fragmented.begin(), fragmented.end(),
            [&allocated](Page* a, Page* b) { return allocated(a) < allocated(b); });
  std::vector<Page*> chosen;
  size_t bytes = 0;
  for (Page* page : fragmented) {
    if (bytes + allocated(page) > kMaxEvacuatedBytes) break;
    bytes += allocated(page);
    chosen.push_back(page);
  }
  // Only compact if it frees at least one page ("avoid compact->expand cycles").
  const size_t area = kPageSize - kPageHeaderSize;
  if (chosen.size() > (bytes + area - 1) / area) {
    candidates.insert(candidates.end(), chosen.begin(), chosen.end());
  }
  if (candidates.empty()) return candidates;
  for (Page* page : candidates) page->SetFlags(kPageEvacuationCandidate);
  // Evict the candidates' free-list entries (V8 EvictFreeListItems): rebuild the list without them.
  std::vector<std::pair<uintptr_t, size_t>> kept;
  old_space->free_list().ForEachEntry([&](uintptr_t start, size_t size) {
    if (!page_of(start)->IsFlagSet(kPageEvacuationCandidate)) kept.emplace_back(start, size);
  });
  old_space->ResetFreeList();
  for (const auto& [start, size] : kept) old_space->free_list().Free(start, size);
  return candidates;
}

// Contract: empty pages are released now; the others are swept now unless lazy sweeping is on, then
// they become pending (sweeper.h). Pages with old->new slots may become pending too: their sets
// were filtered (FilterOldToNewSlots), so a scavenge reads no slot of a dead object that does not
// point to a live young object.
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
    if (lazy && page->live_bytes() != 0) {
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
      evacuated_.push_back(copy);
      result_.evacuated_bytes += size;
    });
    ++result_.evacuated_pages;
  }
}

// Contract: every pointer into an evacuated candidate is in a root, in a recorded slot (of a live
// host that did not move: recorded by the marking visitors and by the marking barrier, see
// incremental-marking.h), or in an evacuated copy. Only those are visited (V8 §2.3), not the heap.
// Recorded slots whose host lay on a candidate are stale (the copy is visited instead) and are
// skipped; a recorded slot that no longer points into a candidate is left alone. The copies'
// old->new slots are recorded on their new pages.
void MarkCompactCollector::UpdatePointersAfterEvacuation(const std::vector<Page*>& candidates) {
  heap_->old_space()->MakeIterable();  // evacuation left a LAB
  UpdatingVisitor root_visitor(nullptr);
  heap_->VisitStrongRoots(root_visitor);
  heap_->global_handles()->IterateWeak([&root_visitor](Value* slot) { root_visitor.VisitSlot(slot); });
  std::unordered_set<uintptr_t> candidate_pages;
  for (Page* page : candidates) candidate_pages.insert(page->address());
  UpdatingVisitor slot_visitor(nullptr);
  recorded_slots_.ForEach([&](auto* slot) {
    // A slot deep inside a large object masks to no page start, so this never misreads it.
    if (candidate_pages.count(reinterpret_cast<uintptr_t>(slot) & ~kPageAlignmentMask)) return;
    slot_visitor.Update(slot);
  });
  for (HeapObject* copy : evacuated_) {
    UpdatingVisitor visitor(Page::FromAddress(copy));
    copy->VisitSlots(visitor);
  }
}

MarkCompactResult MarkCompactCollector::Run(std::unordered_set<Page*>* forced_candidates,
                                             IncrementalMarkingState* incremental) {
  const auto t0 = Clock::now();
  if (incremental != nullptr) {
    candidates_ = std::move(incremental->evacuation_candidates);
    for (Page* page : candidates_) forced_candidates->erase(page);
  } else {
    candidates_ = SelectEvacuationCandidates(heap_, *forced_candidates);
    forced_candidates->clear();
  }
  compacting_ = !candidates_.empty();
  MarkLiveObjects(incremental);
  const auto t1 = Clock::now();
  ClearNonLiveReferences();
  const auto t2 = Clock::now();
  FilterOldToNewSlots();
  SweepYoungGeneration();
  SweepLargeObjects();
  // A candidate without live objects is released by the sweeper instead of being evacuated.
  std::vector<Page*> candidates;
  for (Page* page : candidates_) {
    if (page->live_bytes() != 0) {
      candidates.push_back(page);
    } else {
      page->ClearFlags(kPageEvacuationCandidate);
    }
  }
  SweepOldSpace(candidates);
  const auto t3 = Clock::now();
  if (!candidates.empty()) {
    EvacuateCandidates(candidates);
    UpdatePointersAfterEvacuation(candidates);
    for (Page* page : candidates) heap_->sweeper()->ReleasePageLater(page);
  }
  const auto t4 = Clock::now();
  result_.mark_ms = Ms(t0, t1);
  result_.clear_ms = Ms(t1, t2);
  result_.sweep_ms = Ms(t2, t3);
  result_.evacuate_ms = Ms(t3, t4);
  return result_;
}

}  // namespace tenure::internal
