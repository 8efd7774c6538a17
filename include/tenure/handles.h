// Copyright the tenure authors.
// handles.h — roots: HandleScope/Local (stack roots), EscapableHandleScope, Global (long-lived,
// optionally weak).
//
// INVARIANTS:
//  * Handle slots are allocated in blocks of kHandleBlockSize (1022, as V8) Values. Every slot
//    between the start of the first block and HandleScopeData::next is a strong root; slots above
//    `next` are dead and never read by the GC.
//  * HandleScopes nest strictly (stack discipline). Destroying a scope releases every Local created
//    since it was opened; using such a Local afterwards is a use-after-free.
//  * HandleScopeData::limit is null exactly while no HandleScope is open (the outermost scope opens a
//    block at once); no nesting counter is kept. A Local created, or escaped to, outside every scope
//    is a fatal error.
//  * A Local<T> is a pointer to its slot, so it stays valid when the GC moves the object: always
//    re-read through the handle after anything that may GC.
//  * A Global is a strong root until Reset() or SetWeak(). A weak Global does not keep its target
//    alive: after a GC (scavenge or full) in which the target died, the handle is emptied and its
//    callback runs once, after the GC finished (never during). If the target survives, the handle
//    is updated when the object moves.
#ifndef TENURE_HANDLES_H_
#define TENURE_HANDLES_H_

#include <cstddef>
#include <type_traits>
#include <utility>

#include "tenure/heap.h"
#include "tenure/object.h"
#include "tenure/value.h"

namespace tenure {

inline constexpr size_t kHandleBlockSize = 1024 - 2;  // V8 api.h kHandleBlockSize

template <typename T = HeapObject>
class Local {
 public:
  Local() = default;
  // Creates a handle in the innermost open HandleScope of `heap`.
  static Local New(Heap& heap, Value value) {
    internal::HandleScopeData* data = heap.handle_scope_data();
    Value* slot = data->next;
    if (slot == data->limit) [[unlikely]] slot = heap.ExtendHandleScope();
    data->next = slot + 1;
    *slot = value;
    return Local(slot);
  }
  static Local New(Heap& heap, const HeapObject* object) {
    return New(heap, Value::FromObject(object));
  }

  bool IsEmpty() const { return slot_ == nullptr || slot_->IsEmpty(); }
  Value value() const { return *slot_; }
  // The location of the root slot (stable while the scope is open).
  Value* slot() const { return slot_; }
  T* get() const {
    if constexpr (std::is_same_v<T, Value>) {
      return slot_;
    } else {
      return static_cast<T*>(slot_->ToObject());
    }
  }
  T* operator->() const { return get(); }
  T& operator*() const { return *get(); }
  // Replaces the value held in this handle's slot.
  void Set(Value value) const { *slot_ = value; }
  template <typename U>
  Local<U> As() const { return Local<U>::FromSlot(slot_); }
  static Local FromSlot(Value* slot) { return Local(slot); }

 private:
  explicit Local(Value* slot) : slot_(slot) {}
  Value* slot_ = nullptr;
};

class HandleScope {
 public:
  // Opening a scope is two loads and a test: no counter is kept. The outermost scope opens the
  // first block at once (Heap::OpenHandleBlock), so "a scope is open" is exactly
  // "limit != nullptr" and ExtendHandleScope can tell a Local created outside every scope from a
  // full block without a nesting level (docs/heap.md section 30).
  explicit HandleScope(Heap& heap)
      : heap_(heap),
        prev_next_(heap.handle_scope_data()->next),
        prev_limit_(heap.handle_scope_data()->limit) {
    if (prev_limit_ == nullptr) [[unlikely]] heap.OpenHandleBlock();
  }
  // always_inline (also Close): a compiler outlines the destructor calls of exception landing
  // pads, and an outlined destructor needs the scope object in memory, so every scope open stored
  // its three fields to the stack (built pairwise in an XMM register) — ~5 instructions and two
  // stack slots per scope on GCBench's MakeTree, with larger frames (docs/heap.md section 25).
  __attribute__((always_inline)) ~HandleScope() { Close(); }
  HandleScope(const HandleScope&) = delete;
  HandleScope& operator=(const HandleScope&) = delete;

  Heap& heap() const { return heap_; }

  // Closes this scope now and returns `value` as a Local in the enclosing scope (V8's former
  // HandleScope::Close). Unlike an EscapableHandleScope, whose escape slot is taken from the
  // enclosing scope when it opens — and stays there even if nothing escapes, e.g. one per loop
  // iteration — the enclosing scope only gains a slot here if and when a value escapes.
  // Contract: every Local created in this scope is released by the call (use none afterwards);
  // call it at most once, as the scope's last use. Locals created after the call until the
  // destructor runs belong to the enclosing scope's region above the escaped slot and are released
  // by the destructor, which otherwise does nothing more. An empty Local escapes as an empty Local.
  // Needs an enclosing scope (as V8's Escape does): escaping from the outermost one is fatal.
  template <typename T>
  Local<T> CloseAndEscape(Local<T> value) {
    if (value.IsEmpty()) {
      Close();
      return Local<T>();
    }
    const Value escaped = value.value();  // read before the slot is released
    // The escaped slot is the enclosing scope's next free one, prev_next_. Usually this scope
    // opened no block and prev_next_ is below the limit: then closing is just the store of
    // `next` below. Otherwise Close() first (frees the blocks) and, if the enclosing block is
    // full, open one. The destructor restores to after the slot, keeping it (and that block).
    internal::HandleScopeData* data = heap_.handle_scope_data();
    Value* slot = prev_next_;
    if (data->limit != prev_limit_ || slot == prev_limit_) [[unlikely]] {
      Close();
      if (slot == prev_limit_) {
        slot = heap_.ExtendHandleScope();
        prev_limit_ = data->limit;
      }
    }
    *slot = escaped;
    prev_next_ = slot + 1;
    data->next = prev_next_;
    return Local<T>::FromSlot(slot);
  }

 private:
  // Releases every slot above prev_next_ (and the blocks opened since). The limit is only stored when a block was opened: unconditional next+limit stores were combined
  // into one 16-byte store whose pair had to be built at every scope open.
  __attribute__((always_inline)) void Close() {
    internal::HandleScopeData* data = heap_.handle_scope_data();
    if (data->limit != prev_limit_) [[unlikely]] {
      heap_.DeleteHandleBlocksAbove(prev_limit_);
      data->limit = prev_limit_;
    }
    data->next = prev_next_;
  }

  Heap& heap_;
  Value* prev_next_;
  Value* prev_limit_;
};

// A scope that can hand one Local to its parent scope.
class EscapableHandleScope {
 public:
  explicit EscapableHandleScope(Heap& heap)
      : escape_slot_(Local<Value>::New(heap, Value()).slot()), inner_(heap) {}

  template <typename T>
  Local<T> Escape(Local<T> value) {
    *escape_slot_ = value.value();
    return Local<T>::FromSlot(escape_slot_);
  }

 private:
  Value* escape_slot_;  // allocated in the enclosing scope before inner_ opens
  HandleScope inner_;
};

struct WeakCallbackInfo {
  Heap* heap;
  void* parameter;
};
using WeakCallback = void (*)(const WeakCallbackInfo& info);

namespace internal {
// One global handle. Nodes live in blocks of 256 owned by GlobalHandles (src/heap/global-handles.h)
// and never move, so a Global can point at its node.
struct GlobalNode {
  enum class State : uint8_t { kFree, kNormal, kWeak, kPendingCallback };
  Value value;
  State state = State::kFree;
  void* parameter = nullptr;
  WeakCallback callback = nullptr;
  GlobalNode* next_free = nullptr;
};
void MakeGlobalWeak(GlobalNode* node, void* parameter, WeakCallback callback);
void MakeGlobalStrong(GlobalNode* node);
}  // namespace internal

// A move-only strong (or weak) root.
template <typename T = HeapObject>
class Global {
 public:
  Global() = default;
  Global(Heap& heap, Value value) : heap_(&heap), node_(heap.CreateGlobal(value)) {}
  Global(Heap& heap, const HeapObject* object) : Global(heap, Value::FromObject(object)) {}
  template <typename U>
  Global(Heap& heap, Local<U> local) : Global(heap, local.value()) {}
  ~Global() { Reset(); }
  Global(Global&& other) noexcept : heap_(other.heap_), node_(other.node_) {
    other.heap_ = nullptr;
    other.node_ = nullptr;
  }
  Global& operator=(Global&& other) noexcept {
    if (this != &other) {
      Reset();
      heap_ = std::exchange(other.heap_, nullptr);
      node_ = std::exchange(other.node_, nullptr);
    }
    return *this;
  }
  Global(const Global&) = delete;
  Global& operator=(const Global&) = delete;

  // Releases the handle (no callback runs).
  void Reset() {
    if (node_ != nullptr) heap_->DestroyGlobal(node_);
    node_ = nullptr;
    heap_ = nullptr;
  }
  void Reset(Heap& heap, Value value) {
    Reset();
    heap_ = &heap;
    node_ = heap.CreateGlobal(value);
  }
  // True if never set, Reset, or cleared because its weak target died.
  bool IsEmpty() const { return node_ == nullptr || node_->value.IsEmpty(); }
  Value value() const { return node_ == nullptr ? Value() : node_->value; }
  T* get() const { return static_cast<T*>(value().ToObject()); }
  T* operator->() const { return get(); }
  Local<T> ToLocal(Heap& heap) const { return Local<T>::New(heap, value()); }
  void Set(Value value) { node_->value = value; }

  // Makes the handle weak: see the header comment. `callback` may be null.
  void SetWeak(void* parameter, WeakCallback callback) {
    internal::MakeGlobalWeak(node_, parameter, callback);
  }
  void SetWeak() { internal::MakeGlobalWeak(node_, nullptr, nullptr); }
  void ClearWeak() { internal::MakeGlobalStrong(node_); }
  bool IsWeak() const {
    return node_ != nullptr && node_->state == internal::GlobalNode::State::kWeak;
  }

 private:
  Heap* heap_ = nullptr;
  internal::GlobalNode* node_ = nullptr;
};

}  // namespace tenure

#endif  // TENURE_HANDLES_H_
