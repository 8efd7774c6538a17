#include "snapshot/timeline.h"

#include <gtest/gtest.h>

#include "snapshot/html_report.h"
#include "snapshot/snapshot_error.h"

namespace tenure::snapshot {
namespace {

TEST(TimelineTest, ParsesSamplesAndGcMarks) {
  std::vector<TimelineSample> t = ParseTimeline(
      "{\"t_ms\":0,\"heapUsed\":10,\"heapTotal\":20,\"rss\":30,\"external\":1,\"gc\":null}\n\n"
      "{\"t_ms\":12.5,\"heapUsed\":11,\"heapTotal\":20,\"rss\":31,\"external\":1,"
      "\"gc\":{\"type\":\"scavenge\",\"pause_ms\":0.8}}\n");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].t_ms, 12.5);
  EXPECT_EQ(t[1].gc_type, "scavenge");
  EXPECT_DOUBLE_EQ(t[1].gc_pause_ms, 0.8);
  EXPECT_TRUE(t[0].gc_type.empty());
}

TEST(TimelineTest, RejectsBadLinesWithOffset) {
  const char* bad[] = {
      "{\"t_ms\":0}\n",
      "{\"t_ms\":0,\"heapUsed\":1,\"heapTotal\":1,\"rss\":1,\"external\":1,\"gc\":{\"pause_ms\":1}}\n",
      ("{\"t_ms\":5,\"heapUsed\":1,\"heapTotal\":1,\"rss\":1,\"external\":1}\n"
       "{\"t_ms\":4,\"heapUsed\":1,\"heapTotal\":1,\"rss\":1,\"external\":1}\n"),
      "not json\n",
  };
  for (const char* text : bad) {
    try {
      ParseTimeline(text);
      ADD_FAILURE() << "accepted: " << text;
    } catch (const SnapshotError& e) {
      EXPECT_NE(std::string(e.what()).find("at byte"), std::string::npos) << e.what();
    }
  }
}

TEST(HtmlReportTest, IsSelfContainedAndEscapesData) {
  HtmlReportInput in;
  in.snapshots.push_back({"baseline", "a.heapsnapshot", 10, 100});
  LeakGroup g;
  g.class_name = "</script><b>x";
  g.path = "(GC roots) → store";
  in.leaks.groups.push_back(g);
  std::string html = RenderHtmlReport(in);
  EXPECT_EQ(html.find("</script><b>"), std::string::npos);  // '<' escaped inside the data
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));  // only the SVG namespace
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(html.find("leak-table"), std::string::npos);
}

}  // namespace
}  // namespace tenure::snapshot
