// Copyright the tenure authors.
#include "heap-object-id-map.h"

#include <utility>

namespace tenure::internal {

void HeapObjectIdMap::OnMoved(const HeapObject* from, const HeapObject* to) {
  AddressMap& source = !IsRegularYoung(from) ? old_ : (scavenging_ ? from_young_ : young_);
  const uint32_t id = source.Erase(from->address());
  if (id != 0) {
    TableFor(to).Set(to->address(), id);
  } else {
    TableFor(to).Erase(to->address());  // untracked mover: whatever was recorded at `to` is dead
  }
}

// The two young tables trade places at each scavenge and keep their capacity, so a steady
// allocation rate does not map and unmap table memory every cycle.
void HeapObjectIdMap::OnScavengeStart() {
  std::swap(young_, from_young_);
  young_.Clear();  // (already empty: cleared at the end of the last scavenge)
  scavenging_ = true;
}

void HeapObjectIdMap::OnScavengeEnd() {
  from_young_.Clear();  // every survivor was moved out; the rest died
  scavenging_ = false;
}

size_t HeapObjectIdMap::Rebuild(Heap& heap) {
  AddressMap young;
  AddressMap old(old_.size());
  size_t kept = 0;
  heap.IterateObjects([&](HeapObject* object) {
    uint32_t id = Find(object);
    if (id != 0) {
      ++kept;
    } else {
      id = NextId();
    }
    (IsRegularYoung(object) ? young : old).Set(object->address(), id);
  });
  const size_t pruned = size() - kept;
  young_ = std::move(young);
  old_ = std::move(old);
  from_young_ = AddressMap();
  return pruned;
}

uint32_t HeapObjectIdMap::IdForNamedSubroot(const std::string& name) {
  auto [it, inserted] = named_subroots_.try_emplace(name, 0);
  if (inserted) {
    if (next_named_subroot_id_ < kFirstDynamicId) {
      it->second = next_named_subroot_id_;
      next_named_subroot_id_ += kObjectIdStep;
    } else {
      it->second = NextId();
    }
  }
  return it->second;
}

}  // namespace tenure::internal
