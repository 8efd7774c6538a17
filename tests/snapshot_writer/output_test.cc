// Copyright the tenure authors.
// output_test.cc — streaming through small buffers, paths, I/O errors, describer contract
// violations, one profiler per heap, node's default file name.
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "writer_test_fixture.h"

namespace tenure::testing {
namespace {

using OutputTest = WriterTest;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_F(OutputTest, TinyBuffersWriteTheSameBytes) {
  Local<RecordArray> array = Local<RecordArray>::New(heap(), NewArray(100));
  for (int i = 0; i < 100; ++i) Link(array.get(), array->slots() + i, NewText("text " + std::to_string(i % 7) + " é😀"));
  const std::string reference = SnapshotText();
  for (size_t size : {1, 2, 3, 7, 64, 1000}) {
    HeapSnapshotOptions options;
    options.buffer_size = size;
    EXPECT_EQ(SnapshotText(options), reference) << "buffer size " << size;
    EXPECT_EQ(last_result_.bytes_written, reference.size());
  }
  ParsedSnapshot::From(reference);
}

TEST_F(OutputTest, WritesToAPath) {
  NewRecordLocal();
  const std::string path = ::testing::TempDir() + "/tenure_writer_path_test.heapsnapshot";
  HeapSnapshotResult r = profiler().WriteSnapshot(path, {.describer = &describer_});
  ASSERT_TRUE(r.ok()) << r.error;
  const std::string text = ReadFile(path);
  EXPECT_EQ(text.size(), r.bytes_written);
  ParsedSnapshot s = ParsedSnapshot::From(text);
  EXPECT_EQ(s.nodes.size(), r.node_count);
  EXPECT_EQ(s.json["strings"].items.size(), r.string_count);
  unlink(path.c_str());
}

TEST_F(OutputTest, UnwritablePathIsAnError) {
  NewRecordLocal();
  HeapSnapshotResult r = profiler().WriteSnapshot("/nonexistent-dir/x/y.heapsnapshot");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("cannot open '/nonexistent-dir/x/y.heapsnapshot'"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("No such file or directory"), std::string::npos) << r.error;
  // A directory is not writable as a file either.
  r = profiler().WriteSnapshot(::testing::TempDir());
  EXPECT_FALSE(r.ok());
}

TEST_F(OutputTest, DiskFullIsAnError) {
  NewRecordLocal();
  FILE* full = fopen("/dev/full", "w");
  ASSERT_NE(full, nullptr);
  HeapSnapshotOptions options;
  options.buffer_size = 512;
  HeapSnapshotResult r = profiler().WriteSnapshot(full, options);
  fclose(full);
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("No space left on device"), std::string::npos) << r.error;
  // The profiler still works afterwards.
  ParsedSnapshot s = Snapshot();
  EXPECT_GE(s.Named("Record").size(), 1u);
}

TEST_F(OutputTest, FailedPathWriteLeavesNoPartialFile) {
  // A describer that breaks its contract (more edges on the second pass) fails the write after
  // part of the file was written; the path must not be left holding a truncated snapshot.
  class Flaky final : public DefaultSnapshotDescriber {
   public:
    void DescribeEdges(HeapObject* object, SnapshotEdgeSink& sink) override {
      DefaultSnapshotDescriber::DescribeEdges(object, sink);
      if (++calls_ > 2000) sink.AddNamedEdge(SnapshotEdgeType::kProperty, "extra", Value::FromObject(object));
    }
    int calls_ = 0;
  } flaky;
  Local<RecordArray> array = Local<RecordArray>::New(heap(), NewArray(1500));
  for (int i = 0; i < 1500; ++i) Link(array.get(), array->slots() + i, NewRecord());
  const std::string path = ::testing::TempDir() + "/tenure_writer_flaky.heapsnapshot";
  HeapSnapshotResult r = profiler().WriteSnapshot(path, {.describer = &flaky});
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("deterministic"), std::string::npos) << r.error;
  struct stat st;
  EXPECT_NE(stat(path.c_str(), &st), 0) << "the partial file must be removed";
}

TEST_F(OutputTest, OneProfilerPerHeap) {
  Snapshot();
  HeapProfiler second(heap());
  FILE* out = tmpfile();
  HeapSnapshotResult r = second.WriteSnapshot(out);
  fclose(out);
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("one HeapProfiler per heap"), std::string::npos) << r.error;
  // The first profiler's hooks are untouched.
  Local<Record> r2 = NewRecordLocal();
  EXPECT_NE(profiler().GetObjectId(r2.get()), 0u);
}

TEST_F(OutputTest, NullStreamIsAnError) {
  EXPECT_FALSE(profiler().WriteSnapshot(static_cast<FILE*>(nullptr)).ok());
}

// Once tracking runs, every managed allocation gets an id from the observer; a snapshot that
// allocated on the managed heap would therefore raise last_assigned_id.
TEST_F(OutputTest, WriterNeverAllocatesOnTheManagedHeap) {
  Local<RecordArray> array = Local<RecordArray>::New(heap(), NewArray(500));
  for (int i = 0; i < 500; ++i) Link(array.get(), array->slots() + i, NewText("t" + std::to_string(i)));
  Snapshot();
  const uint32_t before = profiler().last_assigned_id();
  const uint64_t gcs = heap().gc_statistics().mark_compact_count;
  Snapshot();
  EXPECT_EQ(profiler().last_assigned_id(), before);
  EXPECT_EQ(heap().gc_statistics().mark_compact_count, gcs + 1) << "exactly the snapshot's own GC";
}

// Old generation filled to 75% of a small hard limit (6.8 of 8 MiB already hits the heap OOM) with live data: the snapshot (full GC +
// malloc'd tables only) must still succeed, without reaching the heap's OOM path.
TEST_F(OutputTest, WorksNearTheHeapLimit) {
  heap().SetMaxOldSpaceSizeForTesting(8 * MB);
  Local<RecordArray> holder = Local<RecordArray>::New(heap(), NewArray(512, AllocationType::kOld));
  int arrays = 0;
  while (heap().OldGenerationSizeOfObjects() < 6 * MB && arrays < 512) {  // 32 KiB each
    RecordArray* chunk = NewArray(4 * 1024 - 2, AllocationType::kOld);
    Link(holder.get(), holder->slots() + arrays++, chunk);
  }
  const size_t used = heap().OldGenerationSizeOfObjects();
  EXPECT_GE(used, 6 * MB);
  EXPECT_LT(used, heap().max_old_space_size());
  ParsedSnapshot s = Snapshot();
  EXPECT_EQ(s.Named("RecordArray").size(), static_cast<size_t>(arrays) + 1);
  EXPECT_EQ(heap().OldGenerationSizeOfObjects(), used);
}

TEST(DefaultFileNameTest, MatchesNodesPattern) {
  const std::string a = DefaultHeapSnapshotFileName();
  const std::string b = DefaultHeapSnapshotFileName(3);
  const std::regex pattern(R"(Heap\.\d{8}\.\d{6}\.(\d+)\.(\d+)\.(\d{3,})\.heapsnapshot)");
  std::smatch ma, mb;
  ASSERT_TRUE(std::regex_match(a, ma, pattern)) << a;
  ASSERT_TRUE(std::regex_match(b, mb, pattern)) << b;
  EXPECT_EQ(ma[1].str(), std::to_string(getpid()));
  EXPECT_EQ(ma[2].str(), "0");
  EXPECT_EQ(mb[2].str(), "3");
  EXPECT_EQ(std::stoi(mb[3].str()), std::stoi(ma[3].str()) + 1);
}

}  // namespace
}  // namespace tenure::testing
