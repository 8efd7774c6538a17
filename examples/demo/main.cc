// Copyright the tenure authors.
// tenure-demo: a churn workload that does not leak, then one that does (a global "cache" that
// keeps growing), with --trace-gc on and heap statistics printed along the way, so the leak's
// growth is visible in heapUsed / old_space.
#include <cstdio>
#include <cstring>
#include <string>

#include "tenure/tenure.h"

namespace {

using tenure::AllocationType;
using tenure::HeapObject;
using tenure::Value;

// A tiny "JS object" with three properties and a string payload type.
struct Record : HeapObject {
  Value key;
  Value payload;
  Value next;
};
struct Chars : HeapObject {
  uint64_t length;
  char* data() { return reinterpret_cast<char*>(this + 1); }
};
struct Array : HeapObject {
  Value length;    // Smi: used slots
  Value capacity;  // Smi
  Value* slots() { return body() + 2; }
};

size_t CharsSize(const HeapObject* o) { return 16 + static_cast<const Chars*>(o)->length; }
size_t ArraySize(const HeapObject* o) {
  return 24 + 8 * static_cast<const Array*>(o)->capacity.ToSmi();
}

constexpr tenure::TypeInfo kRecordType{
    .class_name = "Record", .layout = tenure::LayoutKind::kAllTagged, .size = sizeof(Record)};
constexpr tenure::TypeInfo kCharsType{
    .class_name = "String", .layout = tenure::LayoutKind::kNoPointers, .size_of = &CharsSize};
constexpr tenure::TypeInfo kArrayType{
    .class_name = "Array", .layout = tenure::LayoutKind::kAllTagged, .size_of = &ArraySize};

Record* NewRecord(tenure::Heap& heap, int64_t key, size_t payload_bytes) {
  tenure::HandleScope scope(heap);
  auto* chars = heap.New<Chars>(&kCharsType, 16 + payload_bytes);
  chars->length = payload_bytes;
  memset(chars->data(), 'x', payload_bytes);
  tenure::Local<Chars> payload = tenure::Local<Chars>::New(heap, chars);
  auto* record = heap.New<Record>(&kRecordType);
  record->key = Value::FromSmi(key);
  tenure::Store(record, &record->payload, payload.value());  // record is young: no barrier needed,
  return record;                                             // but Store() is always correct
}

// Appends to a growable array held in `global` (like `cache.push(x)`).
void Push(tenure::Heap& heap, tenure::Global<Array>& global, Value value) {
  tenure::HandleScope scope(heap);
  tenure::Local<Value> item = tenure::Local<Value>::New(heap, value);
  Array* array = global.get();
  const int64_t length = array->length.ToSmi();
  if (length == array->capacity.ToSmi()) {
    const int64_t capacity = length * 2;
    auto* bigger = heap.New<Array>(&kArrayType, 24 + 8 * capacity);
    bigger->capacity = Value::FromSmi(capacity);
    array = global.get();  // re-read: the allocation may have moved it
    for (int64_t i = 0; i < length; ++i) tenure::Store(bigger, bigger->slots() + i, array->slots()[i]);
    bigger->length = Value::FromSmi(length);
    global.Set(Value::FromObject(bigger));
    array = bigger;
  }
  tenure::Store(array, array->slots() + length, *item.get());
  array->length = Value::FromSmi(length + 1);
}

void PrintStats(tenure::Heap& heap, const char* label) {
  const tenure::MemoryUsage m = heap.GetMemoryUsage();
  printf("\n== %s ==\n", label);
  printf("memoryUsage: rss=%.1f MB heapTotal=%.1f MB heapUsed=%.1f MB external=%.1f MB\n",
         m.rss / 1048576.0, m.heap_total / 1048576.0, m.heap_used / 1048576.0, m.external / 1048576.0);
  for (const tenure::SpaceStatistics& s : heap.GetHeapSpaceStatistics()) {
    printf("  %-24s size=%8.1f KB used=%8.1f KB available=%8.1f KB\n", s.space_name,
           s.space_size / 1024.0, s.space_used_size / 1024.0, s.space_available_size / 1024.0);
  }
  const tenure::GCStatistics& g = heap.gc_statistics();
  printf("  GCs: %llu scavenges, %llu mark-compacts, total pause %.1f ms (max %.2f ms)\n",
         static_cast<unsigned long long>(g.scavenge_count),
         static_cast<unsigned long long>(g.mark_compact_count), g.total_pause_ms, g.max_pause_ms);
  fflush(stdout);
}

}  // namespace

int main() {
  tenure::HeapConfig config;
  config.trace_gc = true;
  config.max_old_space_size = 256 * tenure::MB;
  tenure::Heap heap(config);
  tenure::HandleScope scope(heap);
  printf("tenure-demo: heap_size_limit=%.0f MB, start-up (map + touch semispaces) %.2f ms\n",
         heap.heap_size_limit() / 1048576.0, heap.gc_statistics().startup_ms);

  // 1. Churn: short-lived records; only a sliding window of 1000 stays alive. Does not leak.
  printf("\n-- phase 1: churn (no leak) --\n");
  {
    tenure::Global<Array> window(heap, heap.New<Array>(&kArrayType, 24 + 8 * 1000));
    window->capacity = Value::FromSmi(1000);
    window->length = Value::FromSmi(1000);
    for (int64_t i = 0; i < 600000; ++i) {
      Record* r = NewRecord(heap, i, 48);
      tenure::Store(window.get(), window->slots() + (i % 1000), Value::FromObject(r));
    }
    heap.AdjustExternalMemory(8 * tenure::MB);  // e.g. a native buffer owned by the window
    PrintStats(heap, "after churn");
  }
  heap.AdjustExternalMemory(-8 * static_cast<int64_t>(tenure::MB));
  heap.CollectGarbage(tenure::GCType::kMarkCompact);
  PrintStats(heap, "after churn + full GC (window released)");

  // 2. Leak: a global cache that only grows.
  printf("\n-- phase 2: leak (global cache keeps growing) --\n");
  tenure::Global<Array> cache(heap, heap.New<Array>(&kArrayType, 24 + 8 * 16));
  cache->capacity = Value::FromSmi(16);
  for (int round = 1; round <= 3; ++round) {
    for (int64_t i = 0; i < 150000; ++i) {
      Record* r = NewRecord(heap, i, 64);
      Push(heap, cache, Value::FromObject(r));
    }
    heap.CollectGarbage(tenure::GCType::kMarkCompact);
    PrintStats(heap, ("leak round " + std::to_string(round) + " (cache length " +
                      std::to_string(cache->length.ToSmi()) + ")").c_str());
  }
  printf("\nheapUsed after each leak round keeps rising: the cache retains every record.\n");
  return 0;
}
