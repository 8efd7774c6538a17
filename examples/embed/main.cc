// Copyright the tenure authors.
// The smallest useful embedder: one object type, handles, a GC, and a check that the object
// survived and moved. Exits 0 on success, 1 with a message otherwise.
#include <cstdio>

#include <tenure/tenure.h>

struct Pair : tenure::HeapObject {
  tenure::Value first;
  tenure::Value second;
};

constexpr tenure::TypeInfo kPairType{
    .class_name = "Pair", .layout = tenure::LayoutKind::kAllTagged, .size = sizeof(Pair)};

int main() {
  tenure::Heap heap;
  tenure::HandleScope scope(heap);
  auto pair = tenure::Local<Pair>::New(heap, heap.New<Pair>(&kPairType));
  pair->first = tenure::Value::FromSmi(1);
  auto* second = heap.New<Pair>(&kPairType);
  second->first = tenure::Value::FromSmi(2);
  tenure::Store(pair.get(), &pair->second, tenure::Value::FromObject(second));

  const tenure::HeapObject* before = pair.get();
  heap.CollectGarbage(tenure::GCType::kScavenge);
  heap.CollectGarbage(tenure::GCType::kMarkCompact);
  const bool ok = pair.get() != before && pair->first.ToSmi() == 1 &&
                  pair->second.As<Pair>()->first.ToSmi() == 2;
  printf("tenure-embed: %s (heapUsed %zu bytes)\n", ok ? "ok" : "FAILED",
         heap.GetMemoryUsage().heap_used);
  return ok ? 0 : 1;
}
