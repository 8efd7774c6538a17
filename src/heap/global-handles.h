// Copyright the tenure authors.
// global-handles.h — storage for Global<> handles and the handle-scope blocks.
//
// INVARIANTS:
//  * GlobalNodes live in blocks of kBlockSize (256, as V8) that are never freed or moved while the
//    heap lives; free nodes are chained through next_free and hold the empty Value.
//  * State machine (V8's, simplified): kFree -> kNormal <-> kWeak -> (target died in a GC)
//    kPendingCallback -> (callback ran after the GC) kNormal with an empty value. Only kNormal
//    nodes are strong roots; kWeak nodes are updated when their target moves and cleared when it
//    dies.
//  * Handle-scope blocks: blocks_[0..n-1] each hold kHandleBlockSize slots; all slots of every
//    block but the last are in use; the last is in use up to HandleScopeData::next.
#ifndef TENURE_SRC_HEAP_GLOBAL_HANDLES_H_
#define TENURE_SRC_HEAP_GLOBAL_HANDLES_H_

#include <functional>
#include <memory>
#include <vector>

#include "tenure/handles.h"
#include "tenure/heap.h"

namespace tenure::internal {

class GlobalHandles {
 public:
  static constexpr size_t kBlockSize = 256;

  GlobalNode* Create(Value value);
  void Destroy(GlobalNode* node);

  // Calls f(Value* slot) for the slot of every strong (kNormal) node. A template, not a
  // std::function: it runs once per global in every scavenge's root visiting (docs/heap.md §15).
  template <typename F>
  void IterateStrong(F&& f) {
    IterateState(GlobalNode::State::kNormal, f);
  }
  // Calls f(Value* slot) for the slot of every weak (kWeak) node.
  template <typename F>
  void IterateWeak(F&& f) {
    IterateState(GlobalNode::State::kWeak, f);
  }
  // For each weak node whose target `is_dead`: empties it, moves it to kPendingCallback.
  void ProcessWeak(const std::function<bool(Value)>& is_dead);
  // Runs and clears pending callbacks (after the GC). Returns the number run.
  int RunPendingCallbacks(Heap* heap);

  size_t total_size() const { return blocks_.size() * kBlockSize * sizeof(GlobalNode); }
  size_t used_size() const { return used_ * sizeof(GlobalNode); }

 private:
  template <typename F>
  void IterateState(GlobalNode::State state, F& f) {
    for (auto& block : blocks_) {
      GlobalNode* const end = block.get() + kBlockSize;
      for (GlobalNode* node = block.get(); node < end; ++node) {
        if (node->state == state) f(&node->value);
      }
    }
  }

  std::vector<std::unique_ptr<GlobalNode[]>> blocks_;
  GlobalNode* free_list_ = nullptr;
  std::vector<GlobalNode*> pending_;
  size_t used_ = 0;
};

class HandleBlocks {
 public:
  ~HandleBlocks();
  Value* NewBlock();
  // Frees every block after the one that ends at `limit` (all blocks if limit is null).
  void DeleteAbove(Value* limit);
  // Calls f(Value* begin, Value* end) once per block for its in-use slots [begin, end) given the
  // current `next` (HandleScopeData::next): root visiting is one VisitSlots call per block of
  // kHandleBlockSize slots instead of a call per slot (docs/heap.md §15).
  template <typename F>
  void IterateRanges(Value* next, F&& f) const {
    for (size_t b = 0; b < blocks_.size(); ++b) {
      Value* const end = (b + 1 == blocks_.size()) ? next : blocks_[b] + kHandleBlockSize;
      if (blocks_[b] < end) f(blocks_[b], end);
    }
  }
  size_t memory() const { return blocks_.size() * kHandleBlockSize * sizeof(Value); }

 private:
  std::vector<Value*> blocks_;
  Value* spare_ = nullptr;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_GLOBAL_HANDLES_H_
