// Copyright the tenure authors.
// stats_trace_test.cc — statistics fields and the --trace-gc / --trace-gc-nvp formats.
#include <cstdio>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "heap_test_fixture.h"

namespace tenure::testing {
namespace {

// One regex for the V8 11.x --trace-gc line; checked against a real node 20 line below.
const std::regex kTraceLine(
    R"(\[\d+:0x[0-9a-f]+\] +\d+ ms: (Scavenge|Mark-Compact) \d+\.\d \(\d+\.\d\) -> \d+\.\d \(\d+\.\d\) MB, )"
    R"(\d+\.\d\d / \d+\.\d\d ms  \(average mu = \d\.\d{3}, current mu = \d\.\d{3}\) ([a-z ]+); ?(.*))");

std::vector<std::string> ReadLines(FILE* f) {
  fflush(f);
  rewind(f);
  std::vector<std::string> lines;
  char buffer[4096];
  while (fgets(buffer, sizeof(buffer), f)) {
    std::string line(buffer);
    if (!line.empty() && line.back() == '\n') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

class TraceTest : public HeapTest {
 protected:
  static HeapConfig Config(FILE* stream) {
    HeapConfig config = DefaultTestConfig();
    config.trace_gc = true;
    config.trace_gc_nvp = true;
    config.trace_stream = stream;
    return config;
  }
  TraceTest() : TraceTest(tmpfile()) {}
  explicit TraceTest(FILE* stream) : HeapTest(Config(stream)), stream_(stream) {}
  ~TraceTest() override { fclose(stream_); }
  FILE* stream_;
};

TEST(TraceFormatTest, RegexAcceptsRealNodeOutput) {
  // Captured from `node --trace-gc` (v20.20.2) on this machine.
  const std::string node =
      "[4619:0x26c08cb0]       49 ms: Scavenge 3.8 (4.0) -> 3.4 (5.0) MB, 4.12 / 0.00 ms  "
      "(average mu = 1.000, current mu = 1.000) allocation failure; ";
  const std::string node_mc =
      "[4619:0x26c08cb0]      175 ms: Mark-Compact 18.5 (32.1) -> 2.6 (19.7) MB, 3.85 / 0.00 ms  "
      "(average mu = 1.000, current mu = 1.000) testing; GC in old space requested";
  EXPECT_TRUE(std::regex_match(node, kTraceLine));
  EXPECT_TRUE(std::regex_match(node_mc, kTraceLine));
}

TEST_F(TraceTest, OneV8FormatLinePerGCPlusNvp) {
  Local<TreeNode> keep = NewNodeLocal(1);
  for (int i = 0; i < 1000; ++i) NewNode(i);
  Scavenge();
  EXPECT_EQ(keep->id.ToSmi(), 1);
  FullGC();
  std::vector<std::string> lines = ReadLines(stream_);
  ASSERT_EQ(lines.size(), 4u);
  std::smatch m;
  ASSERT_TRUE(std::regex_match(lines[0], m, kTraceLine)) << lines[0];
  EXPECT_EQ(m[1], "Scavenge");
  EXPECT_EQ(m[2], "testing");
  EXPECT_EQ(lines[1].find("pause="), lines[1].find("ms: ") + 4) << lines[1];
  for (const char* key : {"mutator=", "gc=s ", "reduce_memory=0", "scavenge=", "allocated=",
                          "promoted=", "new_space_survived=", "scavenge_throughput=",
                          "total_size_before=", "promotion_ratio="}) {
    EXPECT_NE(lines[1].find(key), std::string::npos) << key << " in " << lines[1];
  }
  ASSERT_TRUE(std::regex_match(lines[2], m, kTraceLine)) << lines[2];
  EXPECT_EQ(m[1], "Mark-Compact");
  EXPECT_EQ(m[3], "GC in old space requested");
  EXPECT_NE(lines[3].find("gc=mc "), std::string::npos);
  EXPECT_NE(lines[3].find("mark="), std::string::npos);
}

TEST_F(TraceTest, AllocationFailureScavengesSayWhy) {
  for (int i = 0; i < 40000; ++i) NewNode(i);
  std::vector<std::string> lines = ReadLines(stream_);
  ASSERT_FALSE(lines.empty());
  std::smatch m;
  ASSERT_TRUE(std::regex_match(lines[0], m, kTraceLine)) << lines[0];
  EXPECT_EQ(m[2], "allocation failure");
}

using StatsTest = HeapTest;

TEST_F(StatsTest, SpacesUseV8NamesInOrder) {
  auto spaces = heap().GetHeapSpaceStatistics();
  ASSERT_EQ(spaces.size(), 4u);
  EXPECT_STREQ(spaces[0].space_name, "new_space");
  EXPECT_STREQ(spaces[1].space_name, "old_space");
  EXPECT_STREQ(spaces[2].space_name, "large_object_space");
  EXPECT_STREQ(spaces[3].space_name, "new_large_object_space");
  EXPECT_EQ(spaces[0].space_size, 2 * 512 * KB);  // two semispaces
}

TEST_F(StatsTest, UsageTracksAllocationAndCollection) {
  const MemoryUsage before = heap().GetMemoryUsage();
  EXPECT_GT(before.rss, 0u);
  Local<ValueArray> keep = Local<ValueArray>::New(heap(), NewArray(10000, AllocationType::kOld));
  for (int i = 0; i < 10000; ++i) Store(keep.get(), keep->slots() + i, Value::FromObject(NewNode(i, AllocationType::kOld)));
  const MemoryUsage after = heap().GetMemoryUsage();
  EXPECT_GE(after.heap_used, before.heap_used + 10000 * 32 + 80000);
  EXPECT_GE(after.heap_total, after.heap_used);
  auto spaces = heap().GetHeapSpaceStatistics();
  size_t sum = 0;
  for (auto& s : spaces) sum += s.space_used_size;
  EXPECT_EQ(sum, after.heap_used);

  HeapStatistics hs = heap().GetHeapStatistics();
  EXPECT_EQ(hs.used_heap_size, after.heap_used);
  EXPECT_EQ(hs.total_heap_size, after.heap_total);
  EXPECT_EQ(hs.total_available_size, hs.heap_size_limit - hs.used_heap_size);

  keep.Set(Value());
  FullGC();
  EXPECT_LT(heap().GetMemoryUsage().heap_used, after.heap_used / 10);
}

TEST_F(StatsTest, GCCountersAndPauses) {
  Scavenge();
  Scavenge();
  FullGC();
  const GCStatistics& s = heap().gc_statistics();
  EXPECT_EQ(s.scavenge_count, 2u);
  EXPECT_EQ(s.mark_compact_count, 1u);
  EXPECT_GE(s.total_pause_ms, s.max_pause_ms);
  EXPECT_NEAR(s.total_pause_ms, s.scavenge_pause_ms + s.mark_compact_pause_ms, 1e-9);
  EXPECT_GT(s.startup_ms, 0.0);
}

TEST_F(StatsTest, RingKeepsRecentLinesEvenWithTracingOff) {
  for (int i = 0; i < 10; ++i) Scavenge();
  auto lines = heap().RecentTraceLinesForReport();
  ASSERT_GE(lines.size(), 2u);
  size_t total = 0;
  for (auto& l : lines) {
    EXPECT_TRUE(std::regex_match(l, kTraceLine)) << l;
    total += l.size() + 1;
  }
  EXPECT_LE(total, 512u);
}

}  // namespace
}  // namespace tenure::testing
