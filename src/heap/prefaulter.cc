// Copyright the tenure authors.
#include "prefaulter.h"

#include <sys/mman.h>

#include <cstdio>
#include <cstdlib>

#include "page.h"

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14 (include/uapi/asm-generic/mman-common.h)
#endif

namespace tenure::internal {

namespace {

// Pre-faults [address, address + size) in one system call. MADV_POPULATE_WRITE (Linux >= 5.14)
// keeps an earlier MADV_HUGEPAGE in effect, so the batch is backed by one 2 MiB page when the
// kernel has one; older kernels fall back to re-mapping in place with MAP_POPULATE.
void PopulateRange(void* address, size_t size) {
  if (madvise(address, size, MADV_POPULATE_WRITE) == 0) return;
  void* fixed = mmap(address, size, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_POPULATE, -1, 0);
  if (fixed == MAP_FAILED) {
    fprintf(stderr, "tenure: mmap(MAP_POPULATE) of %zu bytes failed\n", size);
    abort();
  }
}

}  // namespace

char* MapPopulatedBatch(bool huge_pages, Cage* cage) {
  if (!huge_pages) {
    return static_cast<char*>(MapAligned(kPopulatedBatchBytes, kPageSize, /*populate=*/true, cage));
  }
  auto* batch = static_cast<char*>(
      MapAligned(kPopulatedBatchBytes, kPopulatedBatchBytes, /*populate=*/false, cage));
  madvise(batch, kPopulatedBatchBytes, MADV_HUGEPAGE);  // advisory: failure leaves 4 KiB pages
  PopulateRange(batch, kPopulatedBatchBytes);
  return batch;
}

Prefaulter::Prefaulter(const PrefaulterConfig& config)
    : config_(config), thread_([this] { Run(); }) {}

Prefaulter::~Prefaulter() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  work_.notify_one();
  thread_.join();
  for (char* batch : ready_) Unmap(batch, kPopulatedBatchBytes, config_.cage);
}

char* Prefaulter::TryTake() {
  char* batch = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    demand_ = true;
    if (!ready_.empty()) {
      batch = ready_.back();
      ready_.pop_back();
    }
  }
  work_.notify_one();
  return batch;
}

void Prefaulter::Release() {
  std::vector<char*> batches;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    batches.swap(ready_);
    demand_ = false;
    ++epoch_;
  }
  for (char* batch : batches) Unmap(batch, kPopulatedBatchBytes, config_.cage);
}

size_t Prefaulter::ready_batches() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return ready_.size();
}

size_t Prefaulter::WaitIdleForTesting() {
  std::unique_lock<std::mutex> lock(mutex_);
  idle_.wait(lock, [this] { return !busy_ && !HasWorkLocked(); });
  return ready_.size();
}

bool Prefaulter::HasWorkLocked() const {
  return demand_ && ready_.size() < config_.reserve_batches;
}

// Populates one batch at a time outside the lock, so TryTake never waits for a system call.
void Prefaulter::Run() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    idle_.notify_all();
    work_.wait(lock, [this] { return stop_ || HasWorkLocked(); });
    if (stop_) return;
    busy_ = true;
    const size_t epoch = epoch_;
    lock.unlock();
    char* batch = MapPopulatedBatch(config_.huge_pages, config_.cage);
    lock.lock();
    busy_ = false;
    if (stop_ || epoch != epoch_ || ready_.size() >= config_.reserve_batches) {
      Unmap(batch, kPopulatedBatchBytes, config_.cage);  // released (or stopping) while it was populated
      if (stop_) return;
    } else {
      ready_.push_back(batch);
    }
  }
}

}  // namespace tenure::internal
