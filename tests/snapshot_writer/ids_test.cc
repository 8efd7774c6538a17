// Copyright the tenure authors.
// ids_test.cc — snapshot ids: stable through scavenges, promotion and compaction; new ids for new
// objects (also at a reused address); allocation order; pruning of dead objects.
#include <set>
#include <vector>

#include "writer_test_fixture.h"

namespace tenure::testing {
namespace {

using IdsTest = WriterTest;

TEST_F(IdsTest, NoIdsBeforeTheFirstSnapshotAndNoHooksInstalled) {
  Local<Record> r = NewRecordLocal();
  EXPECT_FALSE(profiler().is_tracking());
  EXPECT_EQ(profiler().GetObjectId(r.get()), 0u);
  EXPECT_EQ(heap().object_move_listener(), nullptr);
  Snapshot();
  EXPECT_TRUE(profiler().is_tracking());
  EXPECT_NE(heap().object_move_listener(), nullptr);
  EXPECT_NE(profiler().GetObjectId(r.get()), 0u);
}

TEST_F(IdsTest, StableAcrossScavengeAndPromotion) {
  Local<RecordArray> keep = Local<RecordArray>::New(heap(), NewArray(100));
  for (int i = 0; i < 100; ++i) Link(keep.get(), keep->slots() + i, NewRecord());
  ParsedSnapshot first = Snapshot();  // full GC: survivors are now old or still young
  Local<RecordArray> young = Local<RecordArray>::New(heap(), NewArray(100));
  for (int i = 0; i < 100; ++i) Link(young.get(), young->slots() + i, NewRecord());
  std::vector<uint32_t> young_ids;
  for (int i = 0; i < 100; ++i) {
    young_ids.push_back(profiler().GetObjectId(young->slots()[i].ToObject()));
    ASSERT_NE(young_ids.back(), 0u) << "allocation after the first snapshot gets an id at once";
  }
  std::vector<uint32_t> keep_ids;
  for (int i = 0; i < 100; ++i) keep_ids.push_back(profiler().GetObjectId(keep->slots()[i].ToObject()));
  HeapObject* before = young->slots()[0].ToObject();
  heap().CollectGarbage(GCType::kScavenge);  // copies within new space
  heap().CollectGarbage(GCType::kScavenge);  // promotes survivors to old space
  EXPECT_NE(young->slots()[0].ToObject(), before) << "the test needs the objects to move";
  EXPECT_TRUE(Heap::InOldGeneration(young->slots()[0].ToObject()));
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(profiler().GetObjectId(young->slots()[i].ToObject()), young_ids[i]) << i;
    EXPECT_EQ(profiler().GetObjectId(keep->slots()[i].ToObject()), keep_ids[i]) << i;
  }
  // And the written ids agree with the profiler's.
  ParsedSnapshot second = Snapshot();
  for (int i = 0; i < 100; ++i) {
    const auto* node = second.ById(young_ids[i]);
    ASSERT_NE(node, nullptr);
    EXPECT_EQ(node->name, "Record");
  }
  for (uint32_t id : keep_ids) EXPECT_NE(first.ById(id), nullptr);
}

TEST_F(IdsTest, StableAcrossCompaction) {
  Local<RecordArray> keep = Local<RecordArray>::New(heap(), NewArray(64, AllocationType::kOld));
  for (int i = 0; i < 64; ++i) Link(keep.get(), keep->slots() + i, NewRecord(AllocationType::kOld));
  ParsedSnapshot first = Snapshot();
  std::vector<uint64_t> ids;
  for (int i = 0; i < 64; ++i) ids.push_back(profiler().GetObjectId(keep->slots()[i].ToObject()));
  HeapObject* before = keep->slots()[0].ToObject();
  heap().ForceEvacuationCandidateForTesting(before);
  heap().CollectGarbage(GCType::kMarkCompact);
  ASSERT_NE(keep->slots()[0].ToObject(), before) << "forced evacuation must move the object";
  ParsedSnapshot second = Snapshot();
  for (int i = 0; i < 64; ++i) {
    EXPECT_EQ(profiler().GetObjectId(keep->slots()[i].ToObject()), ids[i]);
    ASSERT_NE(second.ById(ids[i]), nullptr);
    EXPECT_EQ(second.ById(ids[i])->name, "Record");
  }
  EXPECT_EQ(first.Named("Record").size(), second.Named("Record").size());
}

// A young object dies; after scavenges the semispace is reused from its start, so a later
// allocation lands on the dead object's address while the map still holds the stale entry.
TEST_F(IdsTest, NewObjectAtReusedAddressGetsNewId) {
  ParsedSnapshot baseline = Snapshot();
  uintptr_t dead_address;
  uint32_t dead_id;
  {
    HandleScope inner(heap());
    Local<Record> r = NewRecordLocal();
    dead_address = r->address();
    dead_id = profiler().GetObjectId(r.get());
    ASSERT_NE(dead_id, 0u);
  }
  heap().CollectGarbage(GCType::kScavenge);
  heap().CollectGarbage(GCType::kScavenge);
  Local<Record> reused;
  for (int i = 0; i < 200000 && reused.IsEmpty(); ++i) {
    Record* r = NewRecord();  // garbage unless it is the one we look for
    if (r->address() == dead_address) reused = Local<Record>::New(heap(), r);
  }
  ASSERT_FALSE(reused.IsEmpty()) << "the semispace was never reused; test premise broken";
  const uint32_t new_id = profiler().GetObjectId(reused.get());
  EXPECT_NE(new_id, dead_id);
  EXPECT_GT(new_id, dead_id);
  ParsedSnapshot after = Snapshot();
  EXPECT_EQ(after.ById(dead_id), nullptr);
  ASSERT_NE(after.ById(new_id), nullptr);
  EXPECT_EQ(after.ById(new_id)->name, "Record");
  EXPECT_EQ(profiler().GetObjectId(reused.get()), new_id) << "id survives the snapshot's GC move";
}

TEST_F(IdsTest, IdsIncreaseInAllocationOrder) {
  Snapshot();
  Local<RecordArray> keep = Local<RecordArray>::New(heap(), NewArray(200));
  std::vector<uint32_t> ids;
  for (int i = 0; i < 200; ++i) {
    Record* r = NewRecord(i % 3 == 0 ? AllocationType::kOld : AllocationType::kYoung);
    Link(keep.get(), keep->slots() + i, r);
    ids.push_back(profiler().GetObjectId(r));
  }
  for (size_t i = 1; i < ids.size(); ++i) EXPECT_GT(ids[i], ids[i - 1]);
  EXPECT_EQ(profiler().last_assigned_id(), ids.back());
  // The objects that existed before tracking got lower ids (at the first snapshot).
  EXPECT_LT(profiler().GetObjectId(keep.get()), ids.front());
}

TEST_F(IdsTest, DeadObjectsArePrunedAtSnapshot) {
  Snapshot();
  {
    HandleScope inner(heap());
    for (int i = 0; i < 1000; ++i) NewRecord();
  }
  EXPECT_GE(profiler().tracked_object_count(), 1000u);
  ParsedSnapshot s = Snapshot();
  size_t objects = 0;
  heap().IterateObjects([&](HeapObject*) { ++objects; });
  EXPECT_EQ(profiler().tracked_object_count(), objects);
  EXPECT_EQ(s.Named("Record").size(), 0u);
}

// Young garbage is dropped from the id tables at each scavenge, so tracking memory does not grow
// with churn between snapshots (only live objects and the current young generation are tracked).
TEST_F(IdsTest, YoungChurnDoesNotGrowTheIdTables) {
  Snapshot();
  const uint64_t scavenges = heap().gc_statistics().scavenge_count;
  for (int i = 0; i < 200000; ++i) NewRecord();  // 6.4 MB of garbage through a 1 MB semispace
  EXPECT_GT(heap().gc_statistics().scavenge_count, scavenges + 4);
  // At most one semispace worth of 32-byte objects (1 MB / 32 = 32768) plus the old objects.
  EXPECT_LT(profiler().tracked_object_count(), 40000u);
  Local<Record> survivor = NewRecordLocal();
  const uint32_t id = profiler().GetObjectId(survivor.get());
  heap().CollectGarbage(GCType::kScavenge);
  EXPECT_EQ(profiler().GetObjectId(survivor.get()), id);
}

// Every GC path under stress: a GC every few allocations (scavenges and full GCs), every full GC
// compacting every page. The ids of a long-lived set must never change.
class IdsStressTest : public WriterTest {
 protected:
  static HeapConfig StressConfig() {
    HeapConfig config = WriterTestConfig();
    config.gc_interval = 7;
    config.stress_compaction = true;
    return config;
  }
  IdsStressTest() : WriterTest(StressConfig()) {}
};

TEST_F(IdsStressTest, StableUnderStressGCsAndCompaction) {
  Local<RecordArray> keep = Local<RecordArray>::New(heap(), NewArray(300));
  for (int i = 0; i < 300; ++i) Link(keep.get(), keep->slots() + i, NewRecord());
  ParsedSnapshot first = Snapshot();
  std::vector<uint32_t> ids;
  std::vector<uintptr_t> addresses;
  for (int i = 0; i < 300; ++i) {
    ids.push_back(profiler().GetObjectId(keep->slots()[i].ToObject()));
    addresses.push_back(keep->slots()[i].ToObject()->address());
  }
  const uint64_t gcs_before = heap().gc_statistics().scavenge_count + heap().gc_statistics().mark_compact_count;
  // Churn: many short-lived objects, some young survivors linked into a second array.
  Local<RecordArray> survivors = Local<RecordArray>::New(heap(), NewArray(300));
  for (int i = 0; i < 3000; ++i) {
    Record* r = NewRecord();
    if (i % 10 == 0) Link(survivors.get(), survivors->slots() + i / 10, r);
  }
  std::vector<uint32_t> survivor_ids;
  for (int i = 0; i < 300; ++i) survivor_ids.push_back(profiler().GetObjectId(survivors->slots()[i].ToObject()));
  for (int i = 0; i < 500; ++i) NewRecord();  // more GCs after the survivors were recorded
  EXPECT_GT(heap().gc_statistics().scavenge_count + heap().gc_statistics().mark_compact_count,
            gcs_before + 100);
  size_t moved = 0;
  for (int i = 0; i < 300; ++i) moved += keep->slots()[i].ToObject()->address() != addresses[i];
  EXPECT_GT(moved, 0u) << "stress compaction should have moved the long-lived objects";
  ParsedSnapshot second = Snapshot();
  for (int i = 0; i < 300; ++i) {
    EXPECT_EQ(profiler().GetObjectId(keep->slots()[i].ToObject()), ids[i]);
    EXPECT_EQ(profiler().GetObjectId(survivors->slots()[i].ToObject()), survivor_ids[i]);
    EXPECT_NE(second.ById(ids[i]), nullptr);
    EXPECT_NE(second.ById(survivor_ids[i]), nullptr);
  }
  std::set<uint32_t> distinct(survivor_ids.begin(), survivor_ids.end());
  EXPECT_EQ(distinct.size(), 300u);
}

}  // namespace
}  // namespace tenure::testing
