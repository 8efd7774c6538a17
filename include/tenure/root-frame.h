// Copyright the tenure authors.
// root-frame.h — RootFrame<N>: N root slots in a frame on the C++ stack (a shadow-stack frame), the
// cheap way to root C++ locals that hold heap objects across allocations.
//
// INVARIANTS:
//  * The open RootFrames of a heap form one singly linked chain, innermost first:
//    HandleScopeData::root_frames -> frame -> prev -> ... -> nullptr. Opening a frame (its
//    constructor) links it at the head; closing it (its destructor) unlinks it. Frames close in
//    exactly the reverse order they opened (LIFO): C++ gives that for frames declared as local
//    variables; a frame must not be copied, moved, heap-allocated or destroyed early. A debug build
//    (NDEBUG not defined) checks the order at every close and aborts on a violation.
//  * Every slot of an open frame is a strong root from open to close, and holds an empty Value, a
//    Smi or immediate, or a pointer to the start of a live object of this heap (the heap verifier,
//    --verify-heap / VerifyHeapForTesting, checks it for every slot of every open frame). Slots
//    start empty.
//  * The GC visits every slot of every open frame (scavenge, mark-compact, incremental marking)
//    and rewrites it when its object moves. So: reading a slot is a plain load from the stack and
//    must be repeated after anything that may allocate; a pointer read from a slot before an
//    allocation is stale after it.
//  * Returning an object from a function that allocates (the callee's frame closes on return):
//    return it raw (T* or Value). A raw result is valid only until the next allocation on this heap
//    — the contract Heap::New's own result has — so the caller stores it into one of its slots (or
//    a Local) before it allocates again. Where that is awkward, pass the destination instead:
//    `Value* out = frame.slot(i)` is stable while that frame is open. A raw value kept across an
//    allocation and then stored into a slot points to from-space or a dead object after a GC; the
//    verifier reports that slot.
//  * Frames and HandleScopes are independent root sets: either may be opened inside the other, in
//    any mix. frame.local<T>(i) is a Local viewing slot i, valid while the frame is open.
//
// Cost (docs/heap.md section 33): opening is one load of the chain head, four stores (prev, count,
// heap, head) and one store per slot; closing is one store (plus a compare in debug builds). No
// per-root bump or limit check, no block allocation.
#ifndef TENURE_ROOT_FRAME_H_
#define TENURE_ROOT_FRAME_H_

#include <cstddef>
#include <cstdint>

#include "tenure/handles.h"
#include "tenure/heap.h"
#include "tenure/object.h"
#include "tenure/value.h"

namespace tenure {

namespace internal {
// The part of a RootFrame the GC reads: the chain link and the slot count. The frame's slots
// follow this header directly in memory (RootFrame's static_assert).
struct RootFrameLink {
  RootFrameLink* prev;
  size_t count;
  Value* slots() { return reinterpret_cast<Value*>(this + 1); }
};
// Prints which frame was closed out of order and aborts.
[[noreturn]] void FatalRootFrameOrder(const RootFrameLink* closing, const RootFrameLink* head);
}  // namespace internal

template <size_t N>
class RootFrame {
  static_assert(N > 0, "a RootFrame needs at least one slot");

 public:
  explicit RootFrame(Heap& heap) : heap_(&heap) {
    internal::HandleScopeData* data = heap.handle_scope_data();
    link_.prev = data->root_frames;
    link_.count = N;
    for (Value& slot : slots_) slot = Value();
    data->root_frames = &link_;
  }
  __attribute__((always_inline)) ~RootFrame() {
    internal::HandleScopeData* data = heap_->handle_scope_data();
#ifndef NDEBUG
    if (data->root_frames != &link_) [[unlikely]] {
      internal::FatalRootFrameOrder(&link_, data->root_frames);
    }
#endif
    data->root_frames = link_.prev;
  }
  RootFrame(const RootFrame&) = delete;
  RootFrame& operator=(const RootFrame&) = delete;

  static constexpr size_t size() { return N; }
  Heap& heap() const { return *heap_; }

  // Slot i itself (i < N): stable while the frame is open; the GC rewrites it when its object moves.
  Value* slot(size_t i) { return &slots_[i]; }
  Value& operator[](size_t i) { return slots_[i]; }
  Value value(size_t i) const { return slots_[i]; }
  // The object in slot i (null if the slot is empty); a raw pointer, valid until the next allocation.
  template <typename T = HeapObject>
  T* get(size_t i) const {
    return static_cast<T*>(slots_[i].ToObject());
  }
  void set(size_t i, Value value) { slots_[i] = value; }
  void set(size_t i, const HeapObject* object) { slots_[i] = Value::FromObject(object); }
  // A Local viewing slot i: valid while this frame is open (not only while a HandleScope is).
  template <typename T = HeapObject>
  Local<T> local(size_t i) {
    return Local<T>::FromSlot(&slots_[i]);
  }

 private:
  internal::RootFrameLink link_;
  Value slots_[N];  // must follow link_ directly: the GC finds them at link_.slots()
  Heap* heap_;
  friend struct RootFrameLayoutCheck;
};

// RootFrameLink::slots() finds the slots right after the link.
struct RootFrameLayoutCheck {
  static_assert(offsetof(RootFrame<1>, slots_) == sizeof(internal::RootFrameLink));
  static_assert(offsetof(RootFrame<3>, slots_) == sizeof(internal::RootFrameLink));
};

}  // namespace tenure

#endif  // TENURE_ROOT_FRAME_H_
