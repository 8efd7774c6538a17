// The fuzzers' execution budget (runtime.h, ExecutionBudget): what bounds a sandboxed run besides
// its step count. A fuzz input may allocate megabytes per step (`setInterval(() =>
// leaky.push(new Array(1e5)))`) or keep more alive than the heap allows; under the fuzzers'
// --verify-heap every incremental-marking step walks the whole heap, so such an input ran for
// minutes and then reached node's fatal OOM, which aborts the fuzzer (a false crash: node aborts
// too, by design). Here both end the budget instead: the script unwinds with the budget's
// RangeError and RunMain returns.
#include <cstdint>

#include "runtime.h"

namespace tenure::js {

namespace {

// After every GC: total_allocated_bytes is exact then (young-generation bytes are counted per GC).
void SpendBudgetAfterAllocation(tenure::Heap& heap, tenure::GCType, void* data) {
  static_cast<Runtime*>(data)->CheckAllocationBudget(heap.gc_statistics().total_allocated_bytes);
}

// Near the heap limit of a sandboxed run: spend the budget and raise the limit by the initial
// one, up to kSandboxHeapLimitFactor times it, so the allocation at hand and the unwinding that
// follows (the RangeError, its stack) succeed. Returning `current` lets the heap go on to its
// last-resort GCs and the fatal OOM.
size_t SpendBudgetNearHeapLimit(void* data, size_t current, size_t initial) {
  static_cast<Runtime*>(data)->SpendBudgetForTesting();
  if (current >= kSandboxHeapLimitFactor * initial) return current;
  return current + initial;
}

}  // namespace

void Runtime::SetExecutionBudgetForTesting(const ExecutionBudget& budget) {
  RemoveExecutionBudgetHooks();
  budget_ = budget;
  steps_left_ = budget.steps;
  budget_allocated_base_ = heap_->gc_statistics().total_allocated_bytes;
  if (budget.max_allocated_bytes != UINT64_MAX) heap_->AddGCEpilogueCallback(SpendBudgetAfterAllocation, this);
  if (budget.sandboxed) heap_->AddNearHeapLimitCallback(SpendBudgetNearHeapLimit, this);
}

void Runtime::RemoveExecutionBudgetHooks() {
  if (budget_.max_allocated_bytes != UINT64_MAX) heap_->RemoveGCEpilogueCallback(SpendBudgetAfterAllocation, this);
  if (budget_.sandboxed) heap_->RemoveNearHeapLimitCallback(SpendBudgetNearHeapLimit, 0);
}

void Runtime::CheckAllocationBudget(uint64_t total_allocated_bytes) {
  if (total_allocated_bytes - budget_allocated_base_ > budget_.max_allocated_bytes) SpendBudgetForTesting();
}

}  // namespace tenure::js
