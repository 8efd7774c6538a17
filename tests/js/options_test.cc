#include "options.h"

#include <gtest/gtest.h>

namespace tenure::js {
namespace {

TEST(OptionsTest, FlagsThenScriptThenArguments) {
  RuntimeOptions o;
  ParseOutcome r = ParseCommandLine({"--expose-gc", "--max-old-space-size=64", "--stack-size", "500",
                                     "--gc-interval=7", "app.js", "--trace-gc", "x"}, &o);
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(o.expose_gc);
  EXPECT_EQ(o.max_old_space_mb, 64u);
  EXPECT_EQ(o.stack_size_kb, 500u);
  EXPECT_EQ(o.gc_interval, 7u);
  EXPECT_EQ(o.script_path, "app.js");
  EXPECT_FALSE(o.trace_gc);  // after the script: belongs to the script
  EXPECT_EQ(o.script_args, (std::vector<std::string>{"--trace-gc", "x"}));
}

TEST(OptionsTest, UnderscoresLikeNode) {
  RuntimeOptions o;
  ASSERT_TRUE(ParseCommandLine({"--max_semi_space_size=2", "a.js"}, &o).ok);
  EXPECT_EQ(o.max_semi_space_mb, 2u);
}

TEST(OptionsTest, IncrementalMarkingFlagsLikeV8) {
  RuntimeOptions o;
  EXPECT_TRUE(o.incremental_marking);
  ASSERT_TRUE(ParseCommandLine({"--no-incremental-marking", "--stress-incremental-marking", "a.js"}, &o).ok);
  EXPECT_FALSE(o.incremental_marking);
  EXPECT_TRUE(o.stress_incremental_marking);
  EXPECT_FALSE(ParseCommandLine({"--no-incremental-marking=1", "a.js"}, &o).ok);
}

TEST(OptionsTest, FastPromotionAndVerboseTraceFlags) {
  RuntimeOptions o;
  EXPECT_TRUE(o.fast_promotion);
  EXPECT_FALSE(o.trace_gc_verbose);
  ASSERT_TRUE(ParseCommandLine({"--no-fast-promotion-new-space", "--trace-gc-verbose", "a.js"}, &o).ok);
  EXPECT_FALSE(o.fast_promotion);
  EXPECT_TRUE(o.trace_gc_verbose);
  ASSERT_TRUE(ParseCommandLine({"--fast-promotion-new-space", "a.js"}, &o).ok);
  EXPECT_TRUE(o.fast_promotion);
  EXPECT_FALSE(ParseCommandLine({"--trace-gc-verbose=1", "a.js"}, &o).ok);
}

TEST(OptionsTest, BadOptionMatchesNode) {
  RuntimeOptions o;
  ParseOutcome r = ParseCommandLine({"--xyz", "a.js"}, &o);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.exit_code, 9);
  EXPECT_EQ(r.error, "tenure: bad option: --xyz");
  r = ParseCommandLine({"-e"}, &o);
  EXPECT_EQ(r.error, "tenure: -e requires an argument");
  EXPECT_EQ(r.exit_code, 9);
  r = ParseCommandLine({"--stack-size=abc"}, &o);
  EXPECT_FALSE(r.ok);
}

TEST(OptionsTest, Eval) {
  RuntimeOptions o;
  ASSERT_TRUE(ParseCommandLine({"-e", "1+1", "arg"}, &o).ok);
  EXPECT_TRUE(o.has_eval);
  EXPECT_EQ(o.eval_source, "1+1");
  EXPECT_EQ(o.script_args, std::vector<std::string>{"arg"});
}

}  // namespace
}  // namespace tenure::js
