// Copyright the tenure authors.
#include "incremental-marking.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <unordered_set>

#include "filler.h"
#include "large-object-space.h"
#include "mark-compact.h"
#include "old-space.h"
#include "page.h"

namespace tenure::internal {

namespace {

using Clock = std::chrono::steady_clock;

bool IsMarked(const HeapObject* object) {
  return (object->raw_header() & HeapObject::kMarkBit) != 0;
}

// Scans one grey object during a step: old targets are greyed, young targets' slots recorded.
class StepVisitor final : public ObjectVisitor {
 public:
  explicit StepVisitor(IncrementalMarking* marking)
      : marking_(marking), compacting_(!marking->state().evacuation_candidates.empty()) {}
  // The object whose slots are visited next: slots into candidates are recorded unless it moves.
  void SetHost(HeapObject* host) { record_ = compacting_ && !OnEvacuationCandidate(host); }
  void VisitSlot(Value* slot) override { Visit(slot); }
  template <typename S>
  void Visit(S* slot) {
    const Value value = LoadSlot(slot);
    if (!value.IsHeapObject()) return;
    HeapObject* target = value.ToObject();
    if (Heap::InYoungGeneration(target)) {
      marking_->state().young_slots.push_back(slot);
      return;
    }
    if (!IsMarked(target)) marking_->MarkOld(target);
    RecordIfCandidate(slot);
  }
  template <typename S>
  void RecordIfCandidate(S* slot) {
    if (record_ && PointsToEvacuationCandidate(LoadSlot(slot))) {
      marking_->state().recorded_slots.push_back(slot);
    }
  }
  void VisitSlots(Value* begin, Value* end) override {
    for (Value* s = begin; s < end; ++s) {
      if (s->IsHeapObject()) VisitSlot(s);
    }
  }
  void VisitCompressedSlots(CompressedValue* begin, CompressedValue* end) override {
    for (CompressedValue* s = begin; s < end; ++s) {
      if (s->IsHeapObject()) Visit(s);
    }
  }
  void VisitWeakSlot(Value* slot) override {
    if (!slot->IsHeapObject()) return;
    marking_->state().weak_slots.push_back(slot);
    RecordIfCandidate(slot);
  }
  void VisitEphemeron(Value* key, Value* value) override {
    RecordIfCandidate(key);
    RecordIfCandidate(value);  // VisitSlot below may record it again: harmless
    if (!key->IsHeapObject() ||
        (!Heap::InYoungGeneration(key->ToObject()) && IsMarked(key->ToObject()))) {
      VisitSlot(value);
    } else {
      marking_->state().ephemerons.emplace_back(key, value);
    }
  }

 private:
  IncrementalMarking* marking_;
  const bool compacting_;
  bool record_ = false;
};

// Greys the old objects reachable from the strong roots through young objects only. Young objects
// are visited once (their mark bit is set temporarily and cleared before returning: they are not
// coloured, they move at the next scavenge); their weak slots and ephemerons count as strong here,
// which is conservative (it only adds grey objects).
class RootVisitorForMarking final : public ObjectVisitor {
 public:
  explicit RootVisitorForMarking(IncrementalMarking* marking) : marking_(marking) {}
  ~RootVisitorForMarking() override {
    for (HeapObject* object : visited_) {
      object->set_raw_header(object->raw_header() & ~HeapObject::kMarkBit);
    }
  }
  void VisitSlot(Value* slot) override { Visit(*slot); }
  void VisitCompressedSlots(CompressedValue* begin, CompressedValue* end) override {
    for (CompressedValue* s = begin; s < end; ++s) Visit(s->Load());
  }
  void Visit(Value value) {
    if (!value.IsHeapObject()) return;
    HeapObject* target = value.ToObject();
    if (IsMarked(target)) return;
    if (Heap::InYoungGeneration(target)) {
      target->set_raw_header(target->raw_header() | HeapObject::kMarkBit);
      visited_.push_back(target);
      young_worklist_.push_back(target);
    } else {
      marking_->MarkOld(target);
    }
  }
  void VisitSlots(Value* begin, Value* end) override {
    for (Value* s = begin; s < end; ++s) {
      if (s->IsHeapObject()) VisitSlot(s);
    }
  }
  void DrainYoung() {
    while (!young_worklist_.empty()) {
      HeapObject* object = young_worklist_.back();
      young_worklist_.pop_back();
      object->VisitSlots(*this);
    }
  }

 private:
  IncrementalMarking* marking_;
  std::vector<HeapObject*> visited_;
  std::vector<HeapObject*> young_worklist_;
};

// Forwards to the step visitor only the slots whose addresses lie in [begin, end): one piece of
// a large object. Ranges are clipped, so a piece of an array costs O(piece), not O(array).
class SlotWindowVisitor final : public ObjectVisitor {
 public:
  SlotWindowVisitor(StepVisitor* inner, uintptr_t begin, uintptr_t end)
      : inner_(inner), begin_(begin), end_(end) {}
  void VisitSlot(Value* slot) override {
    if (Contains(slot)) inner_->VisitSlot(slot);
  }
  void VisitSlots(Value* begin, Value* end) override {
    Clip(&begin, &end);
    if (begin < end) inner_->VisitSlots(begin, end);
  }
  void VisitCompressedSlots(CompressedValue* begin, CompressedValue* end) override {
    Clip(&begin, &end);
    if (begin < end) inner_->VisitCompressedSlots(begin, end);
  }
  void VisitWeakSlot(Value* slot) override {
    if (Contains(slot)) inner_->VisitWeakSlot(slot);
  }
  void VisitEphemeron(Value* key, Value* value) override {  // the piece holding the key owns it
    if (Contains(key)) inner_->VisitEphemeron(key, value);
  }

 private:
  bool Contains(const void* slot) const {
    const auto a = reinterpret_cast<uintptr_t>(slot);
    return a >= begin_ && a < end_;
  }
  template <typename S>
  void Clip(S** begin, S** end) const {
    *begin = std::max(*begin, reinterpret_cast<S*>(begin_));
    *end = std::min(*end, reinterpret_cast<S*>(end_));
  }

  StepVisitor* inner_;
  const uintptr_t begin_;
  const uintptr_t end_;
};

// Scans grey `object` whole, or its next kScanChunkBytes when it is a large object bigger than
// that (header: LARGE OBJECTS IN PIECES); an unfinished object goes back on the worklist. Returns
// the bytes scanned.
size_t ScanGreyObject(IncrementalMarkingState* state, HeapObject* object, StepVisitor* visitor) {
  constexpr size_t kChunk = IncrementalMarking::kScanChunkBytes;
  visitor->SetHost(object);
  const size_t size = object->Size();
  if (size <= kChunk || object->type()->layout == LayoutKind::kNoPointers ||
      !Page::FromAddress(object)->IsFlagSet(kPageLarge)) {
    object->VisitSlots(*visitor);
    return size;
  }
  size_t& done = state->scan_progress[object];
  const size_t piece = std::min(kChunk, size - done);
  const uintptr_t begin = reinterpret_cast<uintptr_t>(object) + done;
  SlotWindowVisitor window(visitor, begin, begin + piece);
  object->VisitSlots(window);
  done += piece;
  if (done < size) {
    state->worklist.push_back(object);
  } else {
    state->scan_progress.erase(object);
  }
  return piece;
}

}  // namespace

void MarkingBarrierSlow(HeapObject* host, Value* slot, Value value) {
  Heap::FromObject(host)->incremental_marking()->RecordWrite(host, slot, value);
}
void MarkingBarrierSlow(HeapObject* host, CompressedValue* slot, Value value) {
  Heap::FromObject(host)->incremental_marking()->RecordWrite(host, slot, value);
}

void IncrementalMarking::MarkOld(HeapObject* object) {
  object->set_raw_header(object->raw_header() | HeapObject::kMarkBit);
  const size_t size = object->Size();
  Page* page = Page::FromAddress(object);
  page->IncrementLiveBytes(size);
  page->SetFlags(kPageMarking);
  state_.marked_bytes += size;
  ++state_.marked_objects;
  state_.worklist.push_back(object);
}

void IncrementalMarking::Start(const std::unordered_set<Page*>& forced) {
  state_ = IncrementalMarkingState();
  state_.evacuation_candidates = MarkCompactCollector::SelectEvacuationCandidates(heap_, forced);
  for (Page* p : heap_->old_space()->pages()) p->set_live_bytes(0);
  for (Page* p : heap_->lo_space()->pages()) p->set_live_bytes(0);
  state_.start_ms = heap_->MillisecondsSinceInit();
  marking_ = true;
  GreyFromRoots();
}

void IncrementalMarking::GreyFromRoots() {
  RootVisitorForMarking visitor(this);
  heap_->VisitStrongRoots(visitor);
  // Young objects hanging off black objects (the recorded young slots) lead to old objects too.
  // Without this, an old structure reachable only through a young object was marked entirely in
  // the finalization pause: with pretenured payloads, splay.js's tree is reached from the old
  // SplayTree through its young root node, and "marking complete" came after one empty step
  // (152 ms finalization pause, docs/heap.md section 16). Marking more here is safe: the
  // finalization re-traverses the young generation anyway.
  state_.young_slots.ForEach([&visitor](auto* slot) { visitor.Visit(LoadSlot(slot)); });
  visitor.DrainYoung();
}

// Contract: scans grey objects until `bytes_to_scan` is used up; when the worklist runs dry the
// roots are re-scanned once (they change between steps), so IsComplete() means "no grey object
// left after a root re-scan".
void IncrementalMarking::Step(size_t bytes_to_scan) {
  if (!marking_) return;
  const auto start = Clock::now();
  StepVisitor visitor(this);
  size_t scanned = 0;
  bool rescanned_roots = false;
  while (scanned < bytes_to_scan) {
    if (state_.worklist.empty()) {
      if (rescanned_roots) break;
      GreyFromRoots();
      rescanned_roots = true;
      continue;
    }
    HeapObject* object = state_.worklist.back();
    state_.worklist.pop_back();
    scanned += ScanGreyObject(&state_, object, &visitor);
  }
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  ++state_.steps;
  state_.steps_ms += ms;
  if (ms > state_.longest_step_ms) state_.longest_step_ms = ms;
  if (heap_->config().verify_heap) VerifyForTesting();
}

void IncrementalMarking::BlackAllocate(HeapObject* object, size_t bytes) {
  object->set_raw_header(object->raw_header() | HeapObject::kMarkBit);
  Page* page = Page::FromAddress(object);
  page->IncrementLiveBytes(bytes);
  page->SetFlags(kPageMarking);
  state_.marked_bytes += bytes;
  ++state_.marked_objects;
}

template <typename S>
void IncrementalMarking::RecordWrite(HeapObject* host, S* slot, Value value) {
  if (!marking_ || !IsMarked(host)) return;
  HeapObject* target = value.ToObject();
  if (Heap::InYoungGeneration(target)) {
    state_.young_slots.push_back(slot);
    return;
  }
  if (!IsMarked(target)) MarkOld(target);
  if (PointsToEvacuationCandidate(value) && !OnEvacuationCandidate(host)) {
    state_.recorded_slots.push_back(slot);
  }
}

template void IncrementalMarking::RecordWrite(HeapObject*, Value*, Value);
template void IncrementalMarking::RecordWrite(HeapObject*, CompressedValue*, Value);

template <typename S>
void IncrementalMarking::KeepYoungSlots(std::vector<S*>* slots) {
  size_t kept = 0;
  for (S* slot : *slots) {
    const Value value = LoadSlot(slot);
    if (!value.IsHeapObject()) continue;
    HeapObject* target = value.ToObject();
    if (Heap::InYoungGeneration(target)) {
      (*slots)[kept++] = slot;
    } else if (!IsMarked(target)) {
      MarkOld(target);  // promoted: grey, scanned by a later step or the finalization
    }
  }
  slots->resize(kept);
}

void IncrementalMarking::ProcessYoungSlotsAfterScavenge() {
  if (!marking_) return;
  KeepYoungSlots(&state_.young_slots.full);
  KeepYoungSlots(&state_.young_slots.compressed);
}

void IncrementalMarking::ClearMarkingFlags() {
  for (Page* p : heap_->old_space()->pages()) p->ClearFlags(kPageMarking);
  for (Page* p : heap_->lo_space()->pages()) p->ClearFlags(kPageMarking);
}

IncrementalMarkingState IncrementalMarking::TakeState() {
  ClearMarkingFlags();
  marking_ = false;
  IncrementalMarkingState taken = std::move(state_);
  state_ = IncrementalMarkingState();
  return taken;
}

// Walks every old chunk; for each black object (marked and not on the worklist) checks the
// invariant of the header comment.
void IncrementalMarking::VerifyForTesting() {
  if (!marking_) return;
  heap_->old_space()->MakeIterable();
  const std::unordered_set<HeapObject*> grey(state_.worklist.begin(), state_.worklist.end());
  std::unordered_set<const void*> young;
  state_.young_slots.ForEach([&young](const void* slot) { young.insert(slot); });
  auto fail = [](const char* what, HeapObject* host, const void* slot) {
    fprintf(stderr,
            "tenure: heap verification failed (incremental marking): %s (host %p %s, slot %p)\n",
            what, static_cast<void*>(host), host->type()->class_name, slot);
    abort();
  };
  std::unordered_set<const void*> recorded;
  state_.recorded_slots.ForEach([&recorded](const void* slot) { recorded.insert(slot); });
  class Checker final : public ObjectVisitor {
   public:
    Checker(HeapObject* host, const std::unordered_set<const void*>* young,
            const std::unordered_set<const void*>* recorded, decltype(fail)* f)
        : host_(host), young_(young), recorded_(recorded), fail_(f),
          moves_(OnEvacuationCandidate(host)) {}
    void VisitSlot(Value* slot) override { Check(slot, *slot); }
    void VisitCompressedSlots(CompressedValue* begin, CompressedValue* end) override {
      for (CompressedValue* s = begin; s < end; ++s) Check(s, s->Load());
    }
    // `slot` is a Value* or a CompressedValue* (they never share an address) holding `value`.
    void Check(const void* slot, Value value) {
      if (!value.IsHeapObject()) return;
      HeapObject* target = value.ToObject();
      if (Heap::InYoungGeneration(target)) {
        if (young_->count(slot) == 0) (*fail_)("young slot of a black object not recorded", host_, slot);
        return;
      }
      if (!IsMarked(target)) (*fail_)("black object points to a white object", host_, slot);
      CheckRecorded(slot, value);
    }
    void VisitWeakSlot(Value* slot) override { CheckRecorded(slot, *slot); }  // recorded, not traced
    void VisitEphemeron(Value* key, Value* value) override {  // resolved at finalization
      CheckRecorded(key, *key);
      CheckRecorded(value, *value);
    }

   private:
    void CheckRecorded(const void* slot, Value value) {
      if (moves_ || !PointsToEvacuationCandidate(value) || recorded_->count(slot) != 0) return;
      (*fail_)("slot of a black object into an evacuation candidate not recorded", host_, slot);
    }

    HeapObject* host_;
    const std::unordered_set<const void*>* young_;
    const std::unordered_set<const void*>* recorded_;
    decltype(fail)* fail_;
    const bool moves_;
  };
  auto check = [&](HeapObject* object) {
    if (IsFiller(object) || !IsMarked(object)) return;
    if (!Page::FromAddress(object)->IsFlagSet(kPageMarking)) {
      fail("marked object on a chunk without kPageMarking", object, nullptr);
    }
    if (grey.count(object) != 0) return;
    Checker checker(object, &young, &recorded, &fail);
    object->VisitSlots(checker);
  };
  heap_->old_space()->ForEachObject(check);
  heap_->lo_space()->ForEachObject(check);
}

}  // namespace tenure::internal
