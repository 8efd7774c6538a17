// Copyright the tenure authors.
#include "heap-object-id-map.h"

namespace tenure::internal {

void HeapObjectIdMap::OnMoved(const HeapObject* from, const HeapObject* to) {
  const uint32_t id = map_.Erase(from->address());
  if (id != 0) {
    map_.Set(to->address(), id);
  } else {
    map_.Erase(to->address());  // untracked mover: whatever was recorded at `to` is dead
  }
}

size_t HeapObjectIdMap::Rebuild(Heap& heap) {
  AddressMap live(map_.size());
  size_t kept = 0;
  heap.IterateObjects([&](HeapObject* object) {
    uint32_t id = map_.Find(object->address());
    if (id != 0) {
      ++kept;
    } else {
      id = NextId();
    }
    live.Set(object->address(), id);
  });
  const size_t pruned = map_.size() - kept;
  map_ = std::move(live);
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
