#include "snapshot/timeline.h"

#include "snapshot/json_text.h"
#include "snapshot/mapped_file.h"
#include "snapshot/snapshot_error.h"

namespace tenure::snapshot {
namespace {

double RequiredNumber(const JsonValue& obj, std::string_view key, uint64_t offset, size_t line) {
  const JsonValue* v = obj.Find(key);
  if (!v || v->kind != JsonValue::Kind::kNumber) {
    throw SnapshotError(offset, "timeline line " + std::to_string(line) + ": \"" + std::string(key) +
                                    "\" missing or not a number");
  }
  return v->number;
}

}  // namespace

std::vector<TimelineSample> ParseTimeline(std::string_view text) {
  std::vector<TimelineSample> out;
  size_t pos = 0, line_no = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    ++line_no;
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      JsonValue v = ParseJson(line, pos);
      if (v.kind != JsonValue::Kind::kObject) {
        throw SnapshotError(pos, "timeline line " + std::to_string(line_no) + " is not a JSON object");
      }
      TimelineSample s;
      s.t_ms = RequiredNumber(v, "t_ms", pos, line_no);
      s.heap_used = RequiredNumber(v, "heapUsed", pos, line_no);
      s.heap_total = RequiredNumber(v, "heapTotal", pos, line_no);
      s.rss = RequiredNumber(v, "rss", pos, line_no);
      s.external = RequiredNumber(v, "external", pos, line_no);
      if (const JsonValue* gc = v.Find("gc"); gc && gc->kind == JsonValue::Kind::kObject) {
        const JsonValue* type = gc->Find("type");
        if (!type || type->kind != JsonValue::Kind::kString) {
          throw SnapshotError(pos, "timeline line " + std::to_string(line_no) + ": gc.type missing");
        }
        s.gc_type = type->string;
        s.gc_pause_ms = RequiredNumber(*gc, "pause_ms", pos, line_no);
      } else if (gc && gc->kind != JsonValue::Kind::kNull) {
        throw SnapshotError(pos, "timeline line " + std::to_string(line_no) + ": gc must be null or an object");
      }
      if (!out.empty() && s.t_ms < out.back().t_ms) {
        throw SnapshotError(pos, "timeline line " + std::to_string(line_no) + ": t_ms goes backwards");
      }
      out.push_back(std::move(s));
    }
    pos = nl + 1;
  }
  return out;
}

std::vector<TimelineSample> ReadTimelineFile(const std::string& path) {
  MappedFile file(path);
  try {
    return ParseTimeline(file.view());
  } catch (const SnapshotError& e) {
    throw SnapshotError(SnapshotError::kNoOffset, path + ": " + e.what());
  }
}

}  // namespace tenure::snapshot
