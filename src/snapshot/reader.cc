#include "snapshot/reader.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <future>
#include <optional>

#include "snapshot/json_text.h"
#include "snapshot/mapped_file.h"
#include "snapshot/snapshot_error.h"

namespace tenure::snapshot {
namespace {

constexpr uint64_t kMaxCount = 0xFFFFFFF0u;  // node/edge/string counts must fit uint32 ordinals

// Where each needed node/edge field sits in a row, resolved from meta.*_fields.
struct Layout {
  uint32_t node_fields = 0, edge_fields = 0;
  int type = -1, name = -1, id = -1, self_size = -1, edge_count = -1, detachedness = -1;
  int edge_type = -1, edge_name = -1, edge_to = -1;
  uint64_t node_count = 0, edge_count_total = 0;
};

// A numeric array's contents: bytes [begin, end) of the input, between '[' and ']'.
struct Span {
  size_t begin = 0, end = 0;
  bool present = false;
};

const JsonValue& Member(const JsonValue& obj, std::string_view key, uint64_t offset) {
  const JsonValue* v = obj.Find(key);
  if (!v) throw SnapshotError(offset, "snapshot header lacks \"" + std::string(key) + "\"");
  return *v;
}

std::vector<std::string> StringArray(const JsonValue& v, std::string_view what, uint64_t offset) {
  if (v.kind != JsonValue::Kind::kArray) throw SnapshotError(offset, std::string(what) + " is not an array");
  std::vector<std::string> out;
  for (const JsonValue& e : v.array) {
    if (e.kind != JsonValue::Kind::kString) {
      throw SnapshotError(offset, std::string(what) + " has a non-string entry");
    }
    out.push_back(e.string);
  }
  return out;
}

int IndexOf(const std::vector<std::string>& list, std::string_view name) {
  for (size_t i = 0; i < list.size(); ++i) {
    if (list[i] == name) return static_cast<int>(i);
  }
  return -1;
}

uint64_t Count(const JsonValue& header, std::string_view key, uint64_t offset, bool required) {
  const JsonValue* v = header.Find(key);
  if (!v) {
    if (required) throw SnapshotError(offset, "snapshot header lacks \"" + std::string(key) + "\"");
    return 0;
  }
  if (v->kind != JsonValue::Kind::kNumber || !v->is_unsigned_integer) {
    throw SnapshotError(offset, "snapshot header \"" + std::string(key) + "\" is not an unsigned integer");
  }
  return v->unsigned_integer;
}

// Interprets the header object; fills the meta part of *out and returns the field layout.
Layout ReadHeader(const JsonValue& header, uint64_t offset, Snapshot* out) {
  if (header.kind != JsonValue::Kind::kObject) throw SnapshotError(offset, "\"snapshot\" is not an object");
  const JsonValue& meta = Member(header, "meta", offset);
  out->node_fields = StringArray(Member(meta, "node_fields", offset), "meta.node_fields", offset);
  std::vector<std::string> edge_fields = StringArray(Member(meta, "edge_fields", offset), "meta.edge_fields", offset);
  const JsonValue& node_types = Member(meta, "node_types", offset);
  const JsonValue& edge_types = Member(meta, "edge_types", offset);
  if (node_types.kind != JsonValue::Kind::kArray || node_types.array.empty() ||
      edge_types.kind != JsonValue::Kind::kArray || edge_types.array.empty()) {
    throw SnapshotError(offset, "meta.node_types / meta.edge_types must be non-empty arrays");
  }
  out->node_type_names = StringArray(node_types.array[0], "meta.node_types[0]", offset);
  out->edge_type_names = StringArray(edge_types.array[0], "meta.edge_types[0]", offset);
  if (out->node_type_names.size() > 255 || out->edge_type_names.size() > 255) {
    throw SnapshotError(offset, "too many node or edge types (max 255)");
  }
  Layout l;
  l.node_fields = static_cast<uint32_t>(out->node_fields.size());
  l.edge_fields = static_cast<uint32_t>(edge_fields.size());
  l.type = IndexOf(out->node_fields, "type");
  l.name = IndexOf(out->node_fields, "name");
  l.id = IndexOf(out->node_fields, "id");
  l.self_size = IndexOf(out->node_fields, "self_size");
  l.edge_count = IndexOf(out->node_fields, "edge_count");
  l.detachedness = IndexOf(out->node_fields, "detachedness");
  if (l.type < 0 || l.name < 0 || l.id < 0 || l.self_size < 0 || l.edge_count < 0 || l.node_fields > 64) {
    throw SnapshotError(offset, "meta.node_fields must name type, name, id, self_size and edge_count");
  }
  l.edge_type = IndexOf(edge_fields, "type");
  l.edge_name = IndexOf(edge_fields, "name_or_index");
  l.edge_to = IndexOf(edge_fields, "to_node");
  if (l.edge_type < 0 || l.edge_name < 0 || l.edge_to < 0 || l.edge_fields > 64) {
    throw SnapshotError(offset, "meta.edge_fields must name type, name_or_index and to_node");
  }
  l.node_count = Count(header, "node_count", offset, true);
  l.edge_count_total = Count(header, "edge_count", offset, true);
  if (l.node_count == 0 || l.node_count > kMaxCount || l.edge_count_total > kMaxCount) {
    throw SnapshotError(offset, "node_count/edge_count out of range (node_count must be >= 1)");
  }
  out->extra_native_bytes = Count(header, "extra_native_bytes", offset, false);
  uint64_t root_index = Count(header, "root_index", offset, false);
  if (root_index % l.node_fields != 0 || root_index / l.node_fields >= l.node_count) {
    throw SnapshotError(offset, "snapshot.root_index is not a valid node index");
  }
  out->root_ordinal = static_cast<uint32_t>(root_index / l.node_fields);
  return l;
}

void ResolveTypeCodes(Snapshot* s) {
  auto n = [&](const char* name) { return IndexOf(s->node_type_names, name); };
  NodeTypeCodes& t = s->node_types;
  t.hidden = n("hidden"); t.array = n("array"); t.string = n("string"); t.object = n("object");
  t.code = n("code"); t.closure = n("closure"); t.regexp = n("regexp"); t.number = n("number");
  t.native = n("native"); t.synthetic = n("synthetic"); t.concatenated_string = n("concatenated string");
  t.sliced_string = n("sliced string"); t.symbol = n("symbol"); t.bigint = n("bigint");
  t.object_shape = n("object shape");
  auto e = [&](const char* name) { return IndexOf(s->edge_type_names, name); };
  EdgeTypeCodes& et = s->edge_types;
  et.context = e("context"); et.element = e("element"); et.property = e("property");
  et.internal = e("internal"); et.hidden = e("hidden"); et.shortcut = e("shortcut"); et.weak = e("weak");
}

// Drops already-parsed pages of a file mapping so a multi-GB input never sits in our RSS at once.
// Each scanner owns one Releaser over its own byte range; only whole pages strictly inside the
// range are released, so neighbouring scanners (other threads) never lose pages they still read.
class Releaser {
 public:
  static constexpr size_t kChunk = size_t{32} << 20;
  Releaser(std::string_view text, size_t begin, bool enabled)
      : base_(text.data()), next_(RoundUp(begin)), enabled_(enabled) {}

  // Releases the pages wholly before `offset` once at least kChunk bytes are pending.
  void Progress(size_t offset) {
    if (!enabled_ || offset < next_ + kChunk) return;
    size_t end = offset & ~(kPage - 1);
    ::madvise(const_cast<char*>(base_ + next_), end - next_, MADV_DONTNEED);
    next_ = end;
  }

 private:
  static constexpr size_t kPage = 4096;
  size_t RoundUp(size_t v) const {
    // Align relative to the mapping address, which is page aligned.
    return (v + kPage - 1) & ~(kPage - 1);
  }
  const char* base_;
  size_t next_;
  bool enabled_;
};

inline bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Scans the unsigned decimal array in `span`, calling on_value(index, value, byte_offset) for each
// element. Rejects anything but digits, commas and whitespace, and numbers >= 10^19.
template <typename OnValue>
uint64_t ScanUnsignedArray(std::string_view text, Span span, OnValue&& on_value, Releaser* releaser = nullptr) {
  const char* base = text.data();
  const char* p = base + span.begin;
  const char* end = base + span.end;
  while (p < end && IsSpace(*p)) ++p;
  uint64_t index = 0;
  if (p == end) return 0;
  for (;;) {
    if (releaser && (index & 0xFFFF) == 0) releaser->Progress(p - base);
    const char* start = p;
    if (!IsDigit(*p)) throw SnapshotError(p - base, "expected an unsigned integer");
    uint64_t v = 0;
    while (p < end && IsDigit(*p)) {
      if (p - start >= 19) throw SnapshotError(start - base, "number too large");
      v = v * 10 + static_cast<uint64_t>(*p - '0');
      ++p;
    }
    on_value(index, v, static_cast<uint64_t>(start - base));
    ++index;
    while (p < end && IsSpace(*p)) ++p;
    if (p == end) return index;
    if (*p != ',') throw SnapshotError(p - base, "expected ',' or ']' in number array");
    ++p;
    while (p < end && IsSpace(*p)) ++p;
    if (p == end) throw SnapshotError(p - base, "expected an unsigned integer after ','");
  }
}

// Byte offset of element `index` of a numeric array (error path only; rescans the span).
uint64_t OffsetOfElement(std::string_view text, Span span, uint64_t index) {
  uint64_t found = span.begin;
  ScanUnsignedArray(text, span, [&](uint64_t i, uint64_t, uint64_t off) {
    if (i == index) found = off;
  });
  return found;
}

void CheckU32(uint64_t v, uint64_t offset, const char* what) {
  if (v > 0xFFFFFFFFu) throw SnapshotError(offset, std::string(what) + " does not fit 32 bits");
}

void ParseNodes(std::string_view text, Span span, const Layout& l, ReadScope scope, bool release, Snapshot* s) {
  Releaser releaser(text, span.begin, release);
  const uint64_t expected = l.node_count * l.node_fields;
  // Never trust node_count for allocation: each value takes at least two bytes ("0,").
  const size_t n = static_cast<size_t>(std::min<uint64_t>(l.node_count, (span.end - span.begin) / (2 * l.node_fields) + 1));
  const bool ids_only = scope == ReadScope::kNodeIdsOnly;
  s->node_id.resize(n);
  s->node_type.resize(n);
  if (!ids_only) {
    s->node_name.resize(n);
    s->self_size.resize(n);
    s->first_edge.reserve(n + 1);
    s->first_edge.resize(n);
    if (l.detachedness >= 0) s->detachedness.resize(n);
  }
  // Rows are written by index; `row` only grows while row < n because index < expected and
  // n >= node_count whenever the span is long enough to hold node_count rows (else the scan
  // runs out of values first and the count check below fails). The bound check keeps it safe.
  size_t row = 0;
  const uint64_t type_count = s->node_type_names.size();
  uint32_t field = 0;
  uint64_t values = ScanUnsignedArray(text, span, [&](uint64_t index, uint64_t v, uint64_t off) {
    if (index >= expected) throw SnapshotError(off, "more node values than node_count x node_fields");
    if (row >= n) throw SnapshotError(off, "nodes array longer than its byte length allows");
    const int f = static_cast<int>(field);
    if (f == l.type) {
      if (v >= type_count) throw SnapshotError(off, "node type out of range");
      s->node_type[row] = static_cast<uint8_t>(v);
    } else if (f == l.id) {
      CheckU32(v, off, "node id");
      s->node_id[row] = static_cast<uint32_t>(v);
    } else if (!ids_only) {
      if (f == l.name) {
        CheckU32(v, off, "node name index");
        s->node_name[row] = static_cast<uint32_t>(v);
      } else if (f == l.self_size) {
        s->self_size[row] = v;
      } else if (f == l.edge_count) {
        CheckU32(v, off, "node edge_count");
        s->first_edge[row] = static_cast<uint32_t>(v);  // converted to offsets later
      } else if (f == l.detachedness) {
        s->detachedness[row] = static_cast<uint8_t>(v > 2 ? 0 : v);
      }
    }
    if (++field == l.node_fields) {
      field = 0;
      ++row;
    }
  }, &releaser);
  if (values != expected) {
    throw SnapshotError(span.end, "nodes array has " + std::to_string(values) + " values, expected " +
                                      std::to_string(expected) + " (node_count x node_fields)");
  }
}

void ParseEdges(std::string_view text, Span span, const Layout& l, bool release, Snapshot* s) {
  Releaser releaser(text, span.begin, release);
  const uint64_t expected = l.edge_count_total * l.edge_fields;
  const size_t m = static_cast<size_t>(std::min<uint64_t>(l.edge_count_total, (span.end - span.begin) / (2 * l.edge_fields) + 1));
  s->edge_type.resize(m);
  s->edge_name.resize(m);
  s->edge_to.resize(m);
  size_t row = 0;
  const uint64_t type_count = s->edge_type_names.size();
  const uint64_t to_limit = l.node_count * l.node_fields;
  uint32_t field = 0;
  uint64_t values = ScanUnsignedArray(text, span, [&](uint64_t index, uint64_t v, uint64_t off) {
    if (index >= expected) throw SnapshotError(off, "more edge values than edge_count x edge_fields");
    if (row >= m) throw SnapshotError(off, "edges array longer than its byte length allows");
    const int f = static_cast<int>(field);
    if (f == l.edge_type) {
      if (v >= type_count) throw SnapshotError(off, "edge type out of range");
      s->edge_type[row] = static_cast<uint8_t>(v);
    } else if (f == l.edge_name) {
      CheckU32(v, off, "edge name_or_index");
      s->edge_name[row] = static_cast<uint32_t>(v);
    } else if (f == l.edge_to) {
      if (v >= to_limit || v % l.node_fields != 0) throw SnapshotError(off, "edge to_node is not a valid node index");
      s->edge_to[row] = static_cast<uint32_t>(v / l.node_fields);
    }
    if (++field == l.edge_fields) {
      field = 0;
      ++row;
    }
  }, &releaser);
  if (values != expected) {
    throw SnapshotError(span.end, "edges array has " + std::to_string(values) + " values, expected " +
                                      std::to_string(expected) + " (edge_count x edge_fields)");
  }
}

// Parses the strings array at the cursor (which is at '[') into the arena.
void ParseStrings(JsonCursor* c, std::string_view text, bool release, Snapshot* s) {
  const size_t remaining_bytes = text.size() - c->pos();
  Releaser releaser(text, c->pos(), release);
  c->Expect('[');
  s->string_arena.reserve(remaining_bytes);
  s->string_begin.push_back(0);
  c->SkipWhitespace();
  if (c->Peek() == ']') {
    c->set_pos(c->pos() + 1);
    return;
  }
  for (;;) {
    c->ParseStringInto(&s->string_arena);
    s->string_begin.push_back(s->string_arena.size());
    releaser.Progress(c->pos());
    if (s->string_begin.size() > kMaxCount) c->Fail("too many strings");
    c->SkipWhitespace();
    if (c->Peek() == ',') {
      c->set_pos(c->pos() + 1);
      continue;
    }
    c->Expect(']');
    return;
  }
}

// Skips the strings array at the cursor without decoding (ReadScope::kNodeIdsOnly). Checks the
// structure (quotes, escapes, separators) but not escape contents.
void SkipStrings(JsonCursor* c, std::string_view text, bool release) {
  Releaser releaser(text, c->pos(), release);
  c->Expect('[');
  c->SkipWhitespace();
  if (c->Peek() == ']') {
    c->set_pos(c->pos() + 1);
    return;
  }
  const char* base = text.data();
  for (;;) {
    c->SkipWhitespace();
    if (c->Peek() != '"') c->Fail("expected a string");
    size_t p = c->pos() + 1;
    for (;;) {
      if (p >= text.size()) { c->set_pos(p); c->Fail("unterminated string"); }
      unsigned char ch = static_cast<unsigned char>(base[p]);
      if (ch == '"') break;
      if (ch < 0x20) { c->set_pos(p); c->Fail("raw control character in string"); }
      p += ch == '\\' ? 2 : 1;
    }
    c->set_pos(p + 1);
    releaser.Progress(p);
    c->SkipWhitespace();
    if (c->Peek() == ',') {
      c->set_pos(c->pos() + 1);
      continue;
    }
    c->Expect(']');
    return;
  }
}

// Finds a flat numeric array at the cursor ('[' ... ']') without parsing it.
Span LocateNumberArray(JsonCursor* c, std::string_view text, const char* name, bool release) {
  c->SkipWhitespace();
  if (c->Peek() != '[') c->Fail(std::string("\"") + name + "\" is not an array");
  size_t open = c->pos();
  // memchr in chunks, dropping scanned pages (the parser re-reads them from the page cache).
  Releaser releaser(text, open, release);
  const void* close = nullptr;
  for (size_t from = open + 1; from < text.size() && !close;) {
    size_t len = std::min(Releaser::kChunk, text.size() - from);
    close = std::memchr(text.data() + from, ']', len);
    from += len;
    if (!close) releaser.Progress(from);
  }
  if (!close) c->Fail(std::string("unterminated \"") + name + "\" array");
  Span span;
  span.begin = open + 1;
  span.end = static_cast<const char*>(close) - text.data();
  span.present = true;
  c->set_pos(span.end + 1);
  return span;
}

// Converts per-node edge counts into CSR offsets and checks they add up to edge_count.
void BuildFirstEdge(std::string_view text, Span nodes, const Layout& l, Snapshot* s) {
  uint64_t sum = 0;
  const size_t n = s->first_edge.size();
  for (size_t k = 0; k < n; ++k) {
    uint64_t c = s->first_edge[k];
    s->first_edge[k] = static_cast<uint32_t>(sum > 0xFFFFFFFFu ? 0xFFFFFFFFu : sum);
    sum += c;
    if (sum > l.edge_count_total) {
      throw SnapshotError(OffsetOfElement(text, nodes, k * l.node_fields + l.edge_count),
                          "node edge counts exceed edge_count " + std::to_string(l.edge_count_total));
    }
  }
  if (sum != l.edge_count_total) {
    throw SnapshotError(nodes.end, "node edge counts sum to " + std::to_string(sum) + ", but edge_count is " +
                                       std::to_string(l.edge_count_total));
  }
  s->first_edge.push_back(static_cast<uint32_t>(sum));
}

// Checks every string index in nodes and edges against the number of strings.
void CheckStringIndexes(std::string_view text, Span nodes, Span edges, const Layout& l, Snapshot* s) {
  const uint32_t strings = s->string_count();
  for (size_t k = 0; k < s->node_name.size(); ++k) {
    if (s->node_name[k] >= strings) {
      throw SnapshotError(OffsetOfElement(text, nodes, k * l.node_fields + l.name),
                          "node name index " + std::to_string(s->node_name[k]) + " out of range (" +
                              std::to_string(strings) + " strings)");
    }
  }
  for (size_t e = 0; e < s->edge_name.size(); ++e) {
    if (s->EdgeHasStringName(static_cast<uint32_t>(e)) && s->edge_name[e] >= strings) {
      throw SnapshotError(OffsetOfElement(text, edges, e * l.edge_fields + l.edge_name),
                          "edge name index " + std::to_string(s->edge_name[e]) + " out of range (" +
                              std::to_string(strings) + " strings)");
    }
  }
}

}  // namespace

namespace {

// `release`: the text is a private file mapping whose parsed pages may be dropped.
Snapshot ReadSnapshotImpl(std::string_view text, const ReadOptions& options, bool release) {
  Snapshot s;
  JsonCursor c(text, 0);
  auto progress = [&](std::string_view phase) { if (options.progress) options.progress(phase); };
  std::optional<Layout> layout;
  uint64_t header_offset = 0;
  Span nodes, edges;
  bool have_strings = false;
  std::future<void> nodes_job, edges_job;
  const auto policy = options.parallel ? std::launch::async : std::launch::deferred;
  const bool want_edges = options.scope == ReadScope::kFull;
  const bool want_strings = options.scope != ReadScope::kNodeIdsOnly;
  std::string scratch;
  auto launch = [&]() {
    if (!layout || !nodes.present || !edges.present || nodes_job.valid()) return;
    progress("nodes and edges");
    nodes_job = std::async(policy, [&] { ParseNodes(text, nodes, *layout, options.scope, release, &s); });
    if (want_edges) edges_job = std::async(policy, [&] { ParseEdges(text, edges, *layout, release, &s); });
  };

  c.Expect('{');
  for (;;) {
    scratch.clear();
    size_t key_offset = (c.SkipWhitespace(), c.pos());
    c.ParseStringInto(&scratch);
    c.Expect(':');
    c.SkipWhitespace();
    if (scratch == "snapshot" || scratch == "nodes" || scratch == "edges" || scratch == "strings") {
      bool dup = (scratch == "snapshot" && layout) || (scratch == "nodes" && nodes.present) ||
                 (scratch == "edges" && edges.present) || (scratch == "strings" && have_strings);
      if (dup) throw SnapshotError(key_offset, "duplicate \"" + scratch + "\" section");
    }
    if (scratch == "snapshot") {
      header_offset = c.pos();
      JsonValue header = c.ParseValue();
      layout = ReadHeader(header, header_offset, &s);
      ResolveTypeCodes(&s);
    } else if (scratch == "nodes") {
      if (!layout) throw SnapshotError(key_offset, "\"nodes\" before the \"snapshot\" header");
      nodes = LocateNumberArray(&c, text, "nodes", release);
    } else if (scratch == "edges") {
      if (!layout) throw SnapshotError(key_offset, "\"edges\" before the \"snapshot\" header");
      edges = LocateNumberArray(&c, text, "edges", release);
    } else if (scratch == "strings") {
      launch();
      have_strings = true;
      if (want_strings) {
        progress("strings");
        ParseStrings(&c, text, release, &s);
      } else {
        SkipStrings(&c, text, release);
      }
    } else {
      c.SkipValue();
    }
    launch();
    c.SkipWhitespace();
    if (c.Peek() == ',') {
      c.set_pos(c.pos() + 1);
      continue;
    }
    c.Expect('}');
    break;
  }
  c.SkipWhitespace();
  if (!c.AtEnd()) c.Fail("trailing characters after the snapshot object");
  if (!layout) throw SnapshotError(c.offset(), "missing \"snapshot\" header");
  if (!nodes.present || !edges.present) throw SnapshotError(c.offset(), "missing \"nodes\" or \"edges\" array");
  if (!have_strings) throw SnapshotError(c.offset(), "missing \"strings\" array");
  if (nodes_job.valid()) nodes_job.get();
  if (edges_job.valid()) edges_job.get();
  if (options.scope == ReadScope::kNodeIdsOnly) return s;
  if (want_edges) BuildFirstEdge(text, nodes, *layout, &s);
  else s.first_edge.clear();
  CheckStringIndexes(text, nodes, edges, *layout, &s);
  return s;
}

}  // namespace

Snapshot ReadSnapshotText(std::string_view text, const ReadOptions& options) {
  return ReadSnapshotImpl(text, options, false);
}

Snapshot ReadSnapshotFile(const std::string& path, const ReadOptions& options) {
  MappedFile file(path);
  try {
    return ReadSnapshotImpl(file.view(), options, file.mapped());
  } catch (const SnapshotError& e) {
    throw SnapshotError(SnapshotError::kNoOffset, path + ": " + e.what());
  }
}

}  // namespace tenure::snapshot
