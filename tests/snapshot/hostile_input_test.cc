// Hostile and malformed input: every case must throw SnapshotError naming a byte offset, never
// crash or read out of bounds (the ASan build runs these too).
#include <gtest/gtest.h>

#include <string>

#include "snapshot/reader.h"
#include "snapshot/snapshot_error.h"
#include "fixtures.h"

namespace tenure::snapshot {
namespace {

using testing::kMinimalV8_11;

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

// Expects a SnapshotError whose message contains `needle` and a byte offset.
void ExpectRejected(const std::string& text, const std::string& needle, const ReadOptions& options = {}) {
  try {
    ReadSnapshotText(text, options);
    ADD_FAILURE() << "accepted input; expected error containing '" << needle << "'";
  } catch (const SnapshotError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find(needle), std::string::npos) << what;
    EXPECT_NE(what.find("at byte"), std::string::npos) << what;
    EXPECT_LE(e.offset(), text.size()) << what;
  }
}

TEST(HostileInputTest, EveryTruncationIsRejected) {
  const std::string full = kMinimalV8_11;
  for (size_t len = 0; len < full.size(); ++len) {
    try {
      ReadSnapshotText(full.substr(0, len));
      ADD_FAILURE() << "truncated to " << len << " bytes was accepted";
    } catch (const SnapshotError& e) {
      EXPECT_NE(std::string(e.what()).find("at byte"), std::string::npos) << e.what();
      EXPECT_LE(e.offset(), len);
    }
  }
}

// The edges split between two parser threads (ReadOptions::edge_split_fraction_for_testing) must
// reject the same inputs, wherever the cut falls relative to the damage.
TEST(HostileInputTest, SplitEdgesRejectTheSameInputs) {
  const std::string full = kMinimalV8_11;
  const std::pair<std::string, std::string> edits[] = {
      {"\"edges\":[1,1,7", "\"edges\":[1,x,7"},        // junk at the start
      {"2,9,28", "2,9,,28"},                            // empty value in the middle
      {"2,9,28", "2,9 28"},                             // missing comma in the middle
      {"6,13,21],", "6,13,21,5],"},                     // one value too many at the end
      {"6,13,21],", "6,13],"},                          // one value too few
      {"\"edges\":[1,1,7", "\"edges\":[1,1,700"},      // bad to_node in the first row
      {"2,9,28", "2,9,29"},                             // to_node not a multiple of node_fields
      {"2,9,28", "2,9,99999999999999999999999"},        // number too large
  };
  for (int tenth = 0; tenth < 10; ++tenth) {
    for (bool parallel : {false, true}) {
      ReadOptions o;
      o.parallel = parallel;
      o.edge_split_fraction_for_testing = tenth / 10.0;
      for (const auto& [from, to] : edits) {
        SCOPED_TRACE(to + " split at " + std::to_string(tenth) + "/10");
        ExpectRejected(Replace(full, from, to), "", o);
      }
      for (size_t len = full.find("\"edges\""); len < full.find("\"strings\""); ++len) {
        SCOPED_TRACE(len);
        ExpectRejected(full.substr(0, len), "", o);
      }
    }
  }
}

TEST(HostileInputTest, MalformedJson) {
  ExpectRejected(Replace(kMinimalV8_11, "\"edges\":[", "\"edges\" ["), "expected ':'");
  ExpectRejected(Replace(kMinimalV8_11, "\"<dummy>\",", "\"<dummy>\" "), "expected ']'");
  ExpectRejected(std::string(kMinimalV8_11) + "}", "trailing characters");
  ExpectRejected(Replace(kMinimalV8_11, "\"trace_tree\":[]", "\"trace_tree\":[[1,2]"), "expected");
  ExpectRejected(Replace(kMinimalV8_11, "\"buf\"", "\"b\\qf\""), "bad escape");
  ExpectRejected(Replace(kMinimalV8_11, "\"buf\"", "\"b\\u12G4\""), "bad hex digit");
  ExpectRejected("[]", "expected '{'");
  ExpectRejected("", "unexpected end of input");
}

TEST(HostileInputTest, NonDigitJunkInArrays) {
  ExpectRejected(Replace(kMinimalV8_11, "\"nodes\":[9,1,1", "\"nodes\":[9,x,1"), "expected an unsigned integer");
  ExpectRejected(Replace(kMinimalV8_11, "\"nodes\":[9,1,1", "\"nodes\":[9,-1,1"), "expected an unsigned integer");
  ExpectRejected(Replace(kMinimalV8_11, "\"edges\":[1,1,7", "\"edges\":[1,1.5,7"), "expected ',' or ']'");
  ExpectRejected(Replace(kMinimalV8_11, "\"edges\":[1,1,7", "\"edges\":[1,,1,7"), "expected an unsigned integer");
  ExpectRejected(Replace(kMinimalV8_11, "\"edges\":[1,1,7", "\"edges\":[1,1,\"7\""), "expected an unsigned integer");
}

TEST(HostileInputTest, InconsistentCounts) {
  ExpectRejected(Replace(kMinimalV8_11, "\"node_count\":10", "\"node_count\":11"), "nodes array has 70 values");
  ExpectRejected(Replace(kMinimalV8_11, "\"node_count\":10", "\"node_count\":9"), "more node values");
  ExpectRejected(Replace(kMinimalV8_11, "\"edge_count\":12", "\"edge_count\":13"), "edges array has 36 values");
  // A node claiming one more edge than it owns.
  ExpectRejected(Replace(kMinimalV8_11, "\"nodes\":[9,1,1,0,2", "\"nodes\":[9,1,1,0,3"), "edge counts exceed");
  ExpectRejected(Replace(kMinimalV8_11, "\"node_count\":10", "\"node_count\":0"), "node_count");
  ExpectRejected(Replace(kMinimalV8_11, "\"node_count\":10", "\"node_count\":4294967296000"), "node_count");
}

TEST(HostileInputTest, OutOfRangeIndexes) {
  // Node name index 99 with 14 strings.
  ExpectRejected(Replace(kMinimalV8_11, "\"nodes\":[9,1,1", "\"nodes\":[9,99,1"), "node name index 99 out of range");
  // Edge to_node past the last node, and not a multiple of the field count.
  ExpectRejected(Replace(kMinimalV8_11, "\"edges\":[1,1,7", "\"edges\":[1,1,700"), "to_node");
  ExpectRejected(Replace(kMinimalV8_11, "\"edges\":[1,1,7", "\"edges\":[1,1,8"), "to_node");
  // Property edge naming string 50.
  ExpectRejected(Replace(kMinimalV8_11, "2,9,28", "2,50,28"), "edge name index 50 out of range");
  ExpectRejected(Replace(kMinimalV8_11, "\"nodes\":[9,1,1", "\"nodes\":[77,1,1"), "node type out of range");
  ExpectRejected(Replace(kMinimalV8_11, "\"edges\":[1,1,7", "\"edges\":[9,1,7"), "edge type out of range");
}

TEST(HostileInputTest, HugeNumbers) {
  ExpectRejected(Replace(kMinimalV8_11, "\"nodes\":[9,1,1", "\"nodes\":[9,1,99999999999999999999999"), "number too large");
  ExpectRejected(Replace(kMinimalV8_11, "\"nodes\":[9,1,1", "\"nodes\":[9,1,4294967296"), "node id does not fit");
}

TEST(HostileInputTest, BadHeader) {
  ExpectRejected(Replace(kMinimalV8_11, "\"node_fields\":[\"type\",", "\"node_fields\":["), "meta.node_fields");
  ExpectRejected(Replace(kMinimalV8_11, "\"edge_count\":12", "\"edge_count\":-12"), "edge_count");
  ExpectRejected(Replace(kMinimalV8_11, "{\"snapshot\":", "{\"nodes\":[],\"snapshot\":"), "before the \"snapshot\" header");
  ExpectRejected(Replace(kMinimalV8_11, "\"strings\":[", "\"strings\":[],\"strings\":["), "duplicate");
  std::string deep = std::string(10000, '[') + std::string(10000, ']');
  // Deep nesting in a skipped section is walked iteratively: accepted, no stack overflow.
  EXPECT_NO_THROW(ReadSnapshotText(Replace(kMinimalV8_11, "\"trace_tree\":[]", "\"trace_tree\":" + deep)));
  // ...and rejected cleanly inside the parsed header.
  ExpectRejected(Replace(kMinimalV8_11, "\"trace_function_count\":0", "\"x\":" + deep), "nested too deeply");
}

}  // namespace
}  // namespace tenure::snapshot
