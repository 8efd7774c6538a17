// Reference ceilings for the tenure micro-benchmarks, written from first principles (no heap
// library): an inline bump allocator and a single-threaded Cheney copy. They show what the
// hardware allows on this VM, so the tenure numbers can be read as "fraction of the ceiling".
//
// Both work in pre-touched memory (first-touch page faults cost ~20 µs per 4 KiB page on this VM,
// see /work/shared/reference/benchmarks.md §5.1) so they measure the algorithm, not the hypervisor.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace {

constexpr std::size_t kObjectBytes = 32;
constexpr std::size_t kSpaceBytes = std::size_t{32} << 20;
constexpr int kBatch = 256;

// A 32-byte object: header word (size, or forwarding address | 1 once copied), two pointer fields
// and one payload word. Same shape as the nodes tenure's micro-benchmarks allocate.
struct Object {
  std::uintptr_t header;
  Object* left;
  Object* right;
  std::uintptr_t payload;
};
static_assert(sizeof(Object) == kObjectBytes);

// A pre-touched, 4 KiB-aligned region.
struct Space {
  Space() : bytes(static_cast<char*>(std::aligned_alloc(4096, kSpaceBytes))) {
    std::memset(bytes, 0, kSpaceBytes);
  }
  ~Space() { std::free(bytes); }
  char* begin() const { return bytes; }
  char* end() const { return bytes + kSpaceBytes; }
  char* bytes;
};

// Allocation: bump `top` towards `limit`, reset when full (amortised over 1M objects), and
// initialise the header and fields, which is what a real allocation must do too.
void BM_RawBumpAlloc32(benchmark::State& state) {
  Space space;
  char* top = space.begin();
  char* limit = space.end();
  for (auto _ : state) {
    for (int i = 0; i < kBatch; ++i) {
      if (static_cast<std::size_t>(limit - top) < kObjectBytes) [[unlikely]] top = space.begin();
      auto* object = reinterpret_cast<Object*>(top);
      top += kObjectBytes;
      object->header = kObjectBytes;
      object->left = nullptr;
      object->right = nullptr;
      object->payload = static_cast<std::uintptr_t>(i);
      benchmark::DoNotOptimize(object);
    }
  }
  state.counters["ns_per_object"] = benchmark::Counter(
      kBatch, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_RawBumpAlloc32)->UseRealTime();

// Builds a complete tree of `depth` levels in `space` bottom-up; returns its root.
Object* BuildTree(char*& top, int depth) {
  Object* left = depth > 0 ? BuildTree(top, depth - 1) : nullptr;
  Object* right = depth > 0 ? BuildTree(top, depth - 1) : nullptr;
  auto* node = reinterpret_cast<Object*>(top);
  top += kObjectBytes;
  *node = Object{kObjectBytes, left, right, 0};
  return node;
}

// Copies `object` to `top` unless it was already copied; returns its new address.
Object* Forward(Object* object, char*& top) {
  if (object == nullptr) return nullptr;
  if (object->header & 1) return reinterpret_cast<Object*>(object->header & ~std::uintptr_t{1});
  auto* copy = reinterpret_cast<Object*>(top);
  std::memcpy(copy, object, kObjectBytes);
  top += kObjectBytes;
  object->header = reinterpret_cast<std::uintptr_t>(copy) | 1;
  return copy;
}

// Cheney copy of everything reachable from *root into `to`; returns the bytes copied.
std::size_t CheneyCopy(Object** root, char* to) {
  char* top = to;
  *root = Forward(*root, top);
  for (char* scan = to; scan < top; scan += kObjectBytes) {
    auto* object = reinterpret_cast<Object*>(scan);
    object->left = Forward(object->left, top);
    object->right = Forward(object->right, top);
  }
  return static_cast<std::size_t>(top - to);
}

// Throughput of copying an all-live tree of 32-byte nodes (depth 18: 524287 nodes, 16.8 MB),
// ping-ponging between two pre-touched spaces. Reported as bytes_per_second of surviving bytes.
void BM_RawCheneyCopyTree(benchmark::State& state) {
  Space a, b;
  char* top = a.begin();
  Object* root = BuildTree(top, static_cast<int>(state.range(0)));
  char* to = b.begin();
  char* from = a.begin();
  std::size_t copied = 0;
  for (auto _ : state) {
    copied += CheneyCopy(&root, to);
    std::swap(to, from);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(copied));
  state.counters["objects"] = static_cast<double>(copied / kObjectBytes / state.iterations());
}
BENCHMARK(BM_RawCheneyCopyTree)->Arg(18)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same copy of a tree freshly built depth-first before every timed copy (untimed), which is
// what BM_TenureScavengeTree scavenges. BM_RawCheneyCopyTree copies a tree that its previous
// iteration left in breadth-first (copy) order, so its from-space reads are nearly sequential;
// here, as in a real first scavenge of a depth-first-built tree, they are scattered.
void BM_RawCheneyCopyFreshTree(benchmark::State& state) {
  Space a, b;
  const int depth = static_cast<int>(state.range(0));
  std::size_t copied = 0;
  for (auto _ : state) {
    state.PauseTiming();
    char* top = a.begin();
    Object* root = BuildTree(top, depth);
    state.ResumeTiming();
    copied += CheneyCopy(&root, b.begin());
    benchmark::DoNotOptimize(root);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(copied));
}
BENCHMARK(BM_RawCheneyCopyFreshTree)->Arg(18)->Unit(benchmark::kMillisecond)->Iterations(10)->UseRealTime();

}  // namespace
