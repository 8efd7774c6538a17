// Copyright the tenure authors.
#include "global-handles.h"

#include <cstdio>
#include <cstdlib>

namespace tenure::internal {

GlobalNode* GlobalHandles::Create(Value value) {
  if (free_list_ == nullptr) {
    blocks_.emplace_back(new GlobalNode[kBlockSize]);
    GlobalNode* block = blocks_.back().get();
    for (size_t i = kBlockSize; i-- > 0;) {
      block[i].next_free = free_list_;
      free_list_ = &block[i];
    }
  }
  GlobalNode* node = free_list_;
  free_list_ = node->next_free;
  node->next_free = nullptr;
  node->state = GlobalNode::State::kNormal;
  node->value = value;
  node->parameter = nullptr;
  node->callback = nullptr;
  ++used_;
  return node;
}

void GlobalHandles::Destroy(GlobalNode* node) {
  if (node->state == GlobalNode::State::kPendingCallback) {
    // The callback must not run for a handle its owner already released.
    for (GlobalNode*& p : pending_) {
      if (p == node) p = nullptr;
    }
  }
  node->state = GlobalNode::State::kFree;
  node->value = Value();
  node->callback = nullptr;
  node->next_free = free_list_;
  free_list_ = node;
  --used_;
}

void GlobalHandles::ProcessWeak(const std::function<bool(Value)>& is_dead) {
  for (auto& block : blocks_) {
    for (size_t i = 0; i < kBlockSize; ++i) {
      GlobalNode& node = block[i];
      if (node.state != GlobalNode::State::kWeak || !is_dead(node.value)) continue;
      node.value = Value();
      node.state = GlobalNode::State::kPendingCallback;
      pending_.push_back(&node);
    }
  }
}

int GlobalHandles::RunPendingCallbacks(Heap* heap) {
  std::vector<GlobalNode*> pending;
  pending.swap(pending_);
  int ran = 0;
  for (GlobalNode* node : pending) {
    if (node == nullptr || node->state != GlobalNode::State::kPendingCallback) continue;
    node->state = GlobalNode::State::kNormal;  // empty value: a strong root to nothing
    if (node->callback != nullptr) {
      WeakCallbackInfo info{heap, node->parameter};
      node->callback(info);
      ++ran;
    }
  }
  return ran;
}

void MakeGlobalWeak(GlobalNode* node, void* parameter, WeakCallback callback) {
  if (node == nullptr) {
    fprintf(stderr, "tenure: SetWeak on an empty Global\n");
    abort();
  }
  node->state = GlobalNode::State::kWeak;
  node->parameter = parameter;
  node->callback = callback;
}

void MakeGlobalStrong(GlobalNode* node) {
  if (node == nullptr) return;
  if (node->state == GlobalNode::State::kWeak) node->state = GlobalNode::State::kNormal;
  node->callback = nullptr;
  node->parameter = nullptr;
}

HandleBlocks::~HandleBlocks() {
  for (Value* b : blocks_) delete[] b;
  delete[] spare_;
}

Value* HandleBlocks::NewBlock() {
  Value* block = spare_ != nullptr ? spare_ : new Value[kHandleBlockSize];
  spare_ = nullptr;
  blocks_.push_back(block);
  return block;
}

void HandleBlocks::DeleteAbove(Value* limit) {
  while (!blocks_.empty() && blocks_.back() + kHandleBlockSize != limit) {
    Value* block = blocks_.back();
    blocks_.pop_back();
    if (spare_ == nullptr) {
      spare_ = block;  // keep one block to avoid malloc churn at scope boundaries
    } else {
      delete[] block;
    }
  }
}

}  // namespace tenure::internal
