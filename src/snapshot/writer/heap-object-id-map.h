// Copyright the tenure authors.
// heap-object-id-map.h — V8's HeapObjectsMap for libtenure: stable snapshot ids for heap objects.
//
// INVARIANTS:
//  * Ids are odd, handed out in increasing order and never reused. Fixed synthetic ids (root 1,
//    (GC roots) 3, sub-roots 5..kFirstDynamicId-2) are never given to objects.
//  * While tracking, every allocation (OnAllocated) and every move (OnMoved) updates the map, so
//    the entry for an address that holds a live object is that object's id. Entries of objects
//    that died are stale until pruned; a stale entry is overwritten when its address is reused by
//    an allocation (new id) or a move (the mover's id).
//  * Two tables: `young_` for regular (non-large) new-space objects, `old_` for everything else;
//    Find consults only the table for the object's current space. A scavenge moves EVERY live
//    regular young object (Cheney copy or promotion; the scavenger's contract), so the young
//    table is swapped out at scavenge start (OnScavengeStart), movers are taken from it, and what
//    is left at the end (OnScavengeEnd) is dead and dropped: churn between snapshots costs no
//    memory. Dead old objects are pruned at the next snapshot (Rebuild).
//  * Named sub-roots ("(Strong roots: timers)") get an id on first use and keep it for the life of
//    the map: from the reserved range [kFirstNamedSubrootId, kFirstDynamicId), then (more than 30
//    names) from the object counter.
#ifndef TENURE_SRC_SNAPSHOT_WRITER_HEAP_OBJECT_ID_MAP_H_
#define TENURE_SRC_SNAPSHOT_WRITER_HEAP_OBJECT_ID_MAP_H_

#include <cstdint>
#include <map>
#include <string>

#include "address-map.h"
#include "tenure/heap.h"

namespace tenure::internal {

inline constexpr uint32_t kRootNodeId = 1;     // V8 kInternalRootObjectId
inline constexpr uint32_t kGcRootsNodeId = 3;  // V8 kGcRootsObjectId
inline constexpr uint32_t kFirstSubrootId = 5;        // fixed sub-roots: 5, 7, ... < 41
inline constexpr uint32_t kFirstNamedSubrootId = 41;  // named sub-roots: 41 ... 99, then dynamic
inline constexpr uint32_t kObjectIdStep = 2;   // V8 kObjectIdStep
inline constexpr uint32_t kFirstDynamicId = 101;

class HeapObjectIdMap {
 public:
  uint32_t Find(const HeapObject* object) const { return TableFor(object).Find(object->address()); }
  // A new object at `object` (possibly where a dead one lived): always a fresh id.
  void OnAllocated(const HeapObject* object) { TableFor(object).Set(object->address(), NextId()); }
  // `from` moved to `to`: the id follows; a stale entry at `to` is dropped.
  void OnMoved(const HeapObject* from, const HeapObject* to);
  void OnScavengeStart();
  void OnScavengeEnd();
  // Replaces the map by the objects `heap` iterates now (call right after a full GC): keeps known
  // ids, gives the others new ids in iteration order, drops everything else. Returns the number
  // of entries pruned.
  size_t Rebuild(Heap& heap);
  uint32_t IdForNamedSubroot(const std::string& name);
  uint32_t last_assigned_id() const { return next_id_ - kObjectIdStep; }
  size_t size() const { return young_.size() + old_.size() + from_young_.size(); }

 private:
  static bool IsRegularYoung(const HeapObject* object) {
    return Heap::InYoungGeneration(object) && !Heap::InLargeObjectSpace(object);
  }
  AddressMap& TableFor(const HeapObject* object) { return IsRegularYoung(object) ? young_ : old_; }
  const AddressMap& TableFor(const HeapObject* object) const {
    return IsRegularYoung(object) ? young_ : old_;
  }
  uint32_t NextId() {
    const uint32_t id = next_id_;
    next_id_ += kObjectIdStep;
    return id;
  }

  AddressMap young_;
  AddressMap from_young_;  // the young table during a scavenge
  AddressMap old_;
  bool scavenging_ = false;
  std::map<std::string, uint32_t> named_subroots_;
  uint32_t next_id_ = kFirstDynamicId;
  uint32_t next_named_subroot_id_ = kFirstNamedSubrootId;
};

}  // namespace tenure::internal

#endif  // TENURE_SRC_SNAPSHOT_WRITER_HEAP_OBJECT_ID_MAP_H_
