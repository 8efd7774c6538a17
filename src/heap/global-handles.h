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

  // Visits the slots of strong (kNormal) nodes.
  void IterateStrong(const std::function<void(Value*)>& f);
  // Visits the slots of weak (kWeak) nodes.
  void IterateWeak(const std::function<void(Value*)>& f);
  // For each weak node whose target `is_dead`: empties it, moves it to kPendingCallback.
  void ProcessWeak(const std::function<bool(Value)>& is_dead);
  // Runs and clears pending callbacks (after the GC). Returns the number run.
  int RunPendingCallbacks(Heap* heap);

  size_t total_size() const { return blocks_.size() * kBlockSize * sizeof(GlobalNode); }
  size_t used_size() const { return used_ * sizeof(GlobalNode); }

 private:
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
  // Calls f(slot) for every in-use slot given the current `next`.
  void Iterate(Value* next, const std::function<void(Value*)>& f);
  size_t memory() const { return blocks_.size() * kHandleBlockSize * sizeof(Value); }

 private:
  std::vector<Value*> blocks_;
  Value* spare_ = nullptr;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_HEAP_GLOBAL_HANDLES_H_
