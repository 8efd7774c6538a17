#include "snapshot/reader.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <future>
#include <memory>
#include <vector>
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
  static constexpr size_t kChunk = size_t{4} << 20;
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

// What one column of the nodes or edges array is stored as.
enum class Column : uint8_t { kSkip, kType, kName, kId, kSelfSize, kEdgeCount, kDetachedness, kTo };

// Where one numeric section ("nodes" or "edges") goes: a column plan per field and the
// destination arrays (null for columns the ReadScope does not keep).
struct RowTable {
  const char* section = "";  // "node" or "edge", for messages
  uint32_t fields = 0;
  uint64_t rows = 0;         // rows the header promises
  size_t capacity = 0;       // rows the destination arrays hold (<= rows, see SectionTable)
  Column column[64] = {};
  uint64_t type_count = 0;   // number of node/edge type names
  uint64_t to_limit = 0;     // node_count x node_fields (edges' to_node bound)
  uint32_t node_fields = 1;  // to_node divisor
  uint8_t* type = nullptr;
  uint32_t* name = nullptr;
  uint32_t* id = nullptr;
  uint64_t* self_size = nullptr;
  uint32_t* edge_count = nullptr;
  uint8_t* detachedness = nullptr;
  uint32_t* to = nullptr;
};

void CheckU32(uint64_t v, uint64_t offset, const char* what) {
  if (v > 0xFFFFFFFFu) throw SnapshotError(offset, std::string(what) + " does not fit 32 bits");
}

// Validates value `v` of column `c` in row `row` and stores it; `off` is its byte offset.
inline void Store(const RowTable& t, Column c, size_t row, uint64_t v, uint64_t off) {
  const bool node = t.section[0] == 'n';
  switch (c) {
    case Column::kSkip: return;
    case Column::kType:
      if (v >= t.type_count) throw SnapshotError(off, std::string(t.section) + " type out of range");
      t.type[row] = static_cast<uint8_t>(v);
      return;
    case Column::kName:
      CheckU32(v, off, node ? "node name index" : "edge name_or_index");
      t.name[row] = static_cast<uint32_t>(v);
      return;
    case Column::kId: CheckU32(v, off, "node id"); t.id[row] = static_cast<uint32_t>(v); return;
    case Column::kSelfSize: t.self_size[row] = v; return;
    case Column::kEdgeCount:
      CheckU32(v, off, "node edge_count");
      t.edge_count[row] = static_cast<uint32_t>(v);  // converted to offsets by BuildFirstEdge
      return;
    case Column::kDetachedness: t.detachedness[row] = static_cast<uint8_t>(v > 2 ? 0 : v); return;
    case Column::kTo:
      if (v >= t.to_limit || v % t.node_fields != 0) throw SnapshotError(off, "edge to_node is not a valid node index");
      t.to[row] = static_cast<uint32_t>(v / t.node_fields);
      return;
  }
}

// One piece of a numeric section: bytes [begin, end) holding `rows` whole rows from `first_row`.
// text[end] is the array's ']' or, for all but the last segment, the ',' before the next
// segment's first value; either stops the digit loop, so numbers need no bounds checks.
struct Segment {
  size_t begin = 0, end = 0;
  uint64_t first_row = 0, rows = 0;
};

// Parses a segment of unsigned decimals (digits, commas, whitespace only; at most 19 digits) into `t`,
// releasing parsed pages through `releaser`. Returns the number of values read; throws
// SnapshotError at the offending byte for junk, too many values, or a bad value.
uint64_t ScanRows(std::string_view text, Segment seg, const RowTable& t, Releaser* releaser) {
  const char* const base = text.data();
  const char* p = base + seg.begin;
  const char* const end = base + seg.end;
  const uint64_t limit = seg.rows * t.fields;  // values this segment may hold
  size_t row = static_cast<size_t>(seg.first_row);
  uint32_t field = 0;
  uint64_t values = 0;
  while (p < end && IsSpace(*p)) ++p;
  if (p == end) return 0;
  for (;;) {
    const char* start = p;
    uint64_t v = static_cast<unsigned char>(*p) - uint64_t{'0'};
    if (v > 9) throw SnapshotError(p - base, "expected an unsigned integer");
    for (uint64_t d; (d = static_cast<unsigned char>(*++p) - uint64_t{'0'}) <= 9;) v = v * 10 + d;
    if (p - start > 19) throw SnapshotError(start - base, "number too large");
    if (values == limit) {
      throw SnapshotError(start - base, std::string("more ") + t.section + " values than " + t.section +
                                            "_count x " + t.section + "_fields");
    }
    if (row >= t.capacity) throw SnapshotError(start - base, std::string(t.section) + "s array longer than its byte length allows");
    Store(t, t.column[field], row, v, start - base);
    ++values;
    if (++field == t.fields) {
      field = 0;
      if ((++row & 0x3FFF) == 0) releaser->Progress(p - base);
    }
    // Fast path: "," directly followed by the next number.
    if (p < end && *p == ',' && static_cast<unsigned char>(p[1] - '0') <= 9) {
      ++p;
      continue;
    }
    while (p < end && IsSpace(*p)) ++p;
    if (p == end) break;
    if (*p != ',') throw SnapshotError(p - base, "expected ',' or ']' in number array");
    ++p;
    while (p < end && IsSpace(*p)) ++p;
    if (p == end) throw SnapshotError(p - base, "expected an unsigned integer after ','");
  }
  return values;
}

// Byte offset of element `index` of a numeric array that already parsed cleanly (error path).
uint64_t OffsetOfElement(std::string_view text, Span span, uint64_t index) {
  size_t p = span.begin;
  for (uint64_t i = 0; i < index; ++i) {
    const void* comma = std::memchr(text.data() + p, ',', span.end - p);
    if (!comma) return span.begin;
    p = static_cast<const char*>(comma) - text.data() + 1;
  }
  while (p < span.end && IsSpace(text[p])) ++p;
  return p;
}

// The shape of a section: `rows` rows of `fields` values, at most as many as `span` can hold.
RowTable SectionTable(const char* section, uint32_t fields, uint64_t rows, Span span, size_t type_count) {
  RowTable t;
  t.section = section;
  t.fields = fields;
  t.rows = rows;
  // Never trust the header's counts for allocation: each value takes at least two bytes ("0,").
  t.capacity = static_cast<size_t>(std::min<uint64_t>(rows, (span.end - span.begin) / (2 * fields) + 1));
  t.type_count = type_count;
  return t;
}

// Sizes `array` to the table's capacity and routes field `field` of each row into it as `kind`.
template <typename T>
T* Route(RowTable* t, int field, Column kind, BigVector<T>* array) {
  array->resize(t->capacity);
  t->column[field] = kind;
  return array->data();
}

// Sizes the node arrays of *s for `span` and describes where each node field goes.
RowTable NodeTable(const Layout& l, Span span, ReadScope scope, Snapshot* s) {
  RowTable t = SectionTable("node", l.node_fields, l.node_count, span, s->node_type_names.size());
  t.type = Route(&t, l.type, Column::kType, &s->node_type);
  t.id = Route(&t, l.id, Column::kId, &s->node_id);
  if (scope == ReadScope::kNodeIdsOnly) return t;
  t.name = Route(&t, l.name, Column::kName, &s->node_name);
  t.self_size = Route(&t, l.self_size, Column::kSelfSize, &s->self_size);
  s->first_edge.reserve(t.capacity + 1);  // BuildFirstEdge appends the end offset
  t.edge_count = Route(&t, l.edge_count, Column::kEdgeCount, &s->first_edge);
  if (l.detachedness >= 0) t.detachedness = Route(&t, l.detachedness, Column::kDetachedness, &s->detachedness);
  return t;
}

// Sizes the edge arrays of *s for `span` and describes where each edge field goes.
RowTable EdgeTable(const Layout& l, Span span, Snapshot* s) {
  RowTable t = SectionTable("edge", l.edge_fields, l.edge_count_total, span, s->edge_type_names.size());
  t.to_limit = l.node_count * l.node_fields;
  t.node_fields = l.node_fields;
  t.type = Route(&t, l.edge_type, Column::kType, &s->edge_type);
  t.name = Route(&t, l.edge_name, Column::kName, &s->edge_name);
  t.to = Route(&t, l.edge_to, Column::kTo, &s->edge_to);
  return t;
}

// Parses `seg` of a section and checks that it held exactly seg.rows rows.
void ParseSegment(std::string_view text, Segment seg, const RowTable& t, bool release) {
  Releaser releaser(text, seg.begin, release);
  const uint64_t values = ScanRows(text, seg, t, &releaser);
  const uint64_t expected = seg.rows * t.fields;
  if (values != expected) {
    throw SnapshotError(seg.end, std::string(t.section) + "s array has " + std::to_string(values + seg.first_row * t.fields) +
                                     " values, expected " + std::to_string(t.rows * t.fields) + " (" + t.section +
                                     "_count x " + t.section + "_fields)");
  }
}

// Walks a JSON array at the cursor (which is at '['): calls element() with the cursor at each
// element's first non-blank byte; element() consumes the element. Leaves the cursor after ']'.
template <typename Element>
void ForEachArrayElement(JsonCursor* c, Element&& element) {
  c->Expect('[');
  c->SkipWhitespace();
  if (c->Peek() == ']') {
    c->set_pos(c->pos() + 1);
    return;
  }
  for (;;) {
    c->SkipWhitespace();
    element();
    c->SkipWhitespace();
    if (c->Peek() != ',') break;
    c->set_pos(c->pos() + 1);
  }
  c->Expect(']');
}

// Parses the strings array at the cursor (which is at '[') into the arena.
void ParseStrings(JsonCursor* c, std::string_view text, bool release, Snapshot* s) {
  const size_t remaining_bytes = text.size() - c->pos();
  Releaser releaser(text, c->pos(), release);
  s->string_arena.reserve(remaining_bytes);
  s->string_begin.push_back(0);
  ForEachArrayElement(c, [&] {
    c->ParseStringInto(&s->string_arena);
    s->string_begin.push_back(s->string_arena.size());
    releaser.Progress(c->pos());
    if (s->string_begin.size() > kMaxCount) c->Fail("too many strings");
  });
}

// Skips the strings array at the cursor without decoding (ReadScope::kNodeIdsOnly). Checks the
// structure (quotes, escapes, separators) but not escape contents.
void SkipStrings(JsonCursor* c, std::string_view text, bool release) {
  Releaser releaser(text, c->pos(), release);
  const char* base = text.data();
  ForEachArrayElement(c, [&] {
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
  });
}

// Passes over byte ranges of the input without touching the file mapping: through
// MappedFile::ReadAt into a small reused buffer for a mapped file, straight from the text
// otherwise (see MappedFile for why).
class ChunkReader {
 public:
  static constexpr size_t kChunk = size_t{256} << 10;
  ChunkReader(std::string_view text, const MappedFile* file) : text_(text), file_(file) {}

  // Calls fn(data, length, offset) for consecutive chunks covering [begin, end) until fn
  // returns false.
  template <typename Fn>
  void ForEach(size_t begin, size_t end, Fn&& fn) {
    if (begin >= end) return;
    if (!file_ || !file_->mapped()) {
      fn(text_.data() + begin, end - begin, begin);
      return;
    }
    if (!buffer_) buffer_ = std::make_unique<char[]>(kChunk);
    for (size_t offset = begin; offset < end;) {
      size_t len = file_->ReadAt(offset, buffer_.get(), std::min(kChunk, end - offset));
      if (len == 0 || !fn(static_cast<const char*>(buffer_.get()), len, offset)) return;
      offset += len;
    }
  }

 private:
  std::string_view text_;
  const MappedFile* file_;
  std::unique_ptr<char[]> buffer_;
};

// Finds a flat numeric array at the cursor ('[' ... ']') without parsing it.
Span LocateNumberArray(JsonCursor* c, std::string_view text, const char* name, ChunkReader* reader) {
  c->SkipWhitespace();
  if (c->Peek() != '[') c->Fail(std::string("\"") + name + "\" is not an array");
  const size_t open = c->pos();
  size_t close = std::string_view::npos;
  reader->ForEach(open + 1, text.size(), [&](const char* data, size_t len, size_t offset) {
    const void* hit = std::memchr(data, ']', len);
    if (hit) close = offset + static_cast<size_t>(static_cast<const char*>(hit) - data);
    return hit == nullptr;
  });
  if (close == std::string_view::npos) c->Fail(std::string("unterminated \"") + name + "\" array");
  Span span;
  span.begin = open + 1;
  span.end = close;
  span.present = true;
  c->set_pos(span.end + 1);
  return span;
}

// Splits a section at the first row boundary at or after byte span.begin + head_bytes, so two
// threads can parse the halves; returns one segment when there is no such boundary. The row of
// the cut comes from counting commas before it, which is exact for a well-formed array and
// otherwise caught by ParseSegment (junk or a wrong value count in the head).
std::vector<Segment> SplitSection(std::string_view text, Span span, uint64_t rows, uint32_t fields,
                                  size_t head_bytes, ChunkReader* reader) {
  std::vector<Segment> whole{{span.begin, span.end, 0, rows}};
  if (head_bytes == 0 || head_bytes >= span.end - span.begin) return whole;
  const char* base = text.data();
  const void* hit = std::memchr(base + span.begin + head_bytes, ',', span.end - span.begin - head_bytes);
  if (!hit) return whole;
  size_t cut = static_cast<const char*>(hit) - base;
  uint64_t values = 1;  // the value before the first comma
  reader->ForEach(span.begin, cut, [&](const char* data, size_t len, size_t) {
    values += static_cast<uint64_t>(std::count(data, data + len, ','));
    return true;
  });
  while (values % fields != 0) {
    hit = std::memchr(base + cut + 1, ',', span.end - cut - 1);
    if (!hit) return whole;
    cut = static_cast<const char*>(hit) - base;
    ++values;
  }
  const uint64_t head_rows = values / fields;
  if (head_rows >= rows) return whole;
  return {{span.begin, cut, 0, head_rows}, {cut + 1, span.end, head_rows, rows - head_rows}};
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

// How many bytes of the edges the nodes job should also parse so both jobs get about half of
// the numeric text (0: do not split).
size_t EdgeHeadBytes(Span nodes, Span edges, const ReadOptions& options) {
  const size_t node_bytes = nodes.end - nodes.begin, edge_bytes = edges.end - edges.begin;
  if (options.edge_split_fraction_for_testing >= 0) {
    return static_cast<size_t>(static_cast<double>(edge_bytes) * options.edge_split_fraction_for_testing);
  }
  if (!options.parallel || edge_bytes < options.min_split_bytes) return 0;
  const size_t half = (node_bytes + edge_bytes) / 2;
  return half > node_bytes ? half - node_bytes : 0;
}

}  // namespace

namespace {

// `release`: the text is a private file mapping whose parsed pages may be dropped.
Snapshot ReadSnapshotImpl(std::string_view text, const ReadOptions& options, const MappedFile* file) {
  Snapshot s;
  JsonCursor c(text, 0);
  ChunkReader reader(text, file);
  const bool release = file && file->mapped();
  auto progress = [&](std::string_view phase) { if (options.progress) options.progress(phase); };
  std::optional<Layout> layout;
  uint64_t header_offset = 0;
  Span nodes, edges;
  bool have_strings = false;
  const bool want_edges = options.scope == ReadScope::kFull;
  const bool want_strings = options.scope != ReadScope::kNodeIdsOnly;
  RowTable node_table, edge_table;
  std::vector<Segment> edge_segments;
  // Declared after what the jobs reference: on an exception their destructors wait for them.
  std::future<void> first_job, second_job;
  const auto policy = options.parallel ? std::launch::async : std::launch::deferred;
  std::string scratch;
  auto launch = [&]() {
    if (!layout || !nodes.present || !edges.present || first_job.valid()) return;
    progress("nodes and edges");
    node_table = NodeTable(*layout, nodes, options.scope, &s);
    if (want_edges) {
      edge_table = EdgeTable(*layout, edges, &s);
      edge_segments = SplitSection(text, edges, layout->edge_count_total, layout->edge_fields,
                                   EdgeHeadBytes(nodes, edges, options), &reader);
    }
    // Job 1: nodes, then the head of the edges when they were split; job 2: the rest of the edges.
    first_job = std::async(policy, [&] {
      ParseSegment(text, {nodes.begin, nodes.end, 0, layout->node_count}, node_table, release);
      if (edge_segments.size() == 2) ParseSegment(text, edge_segments[0], edge_table, release);
    });
    if (want_edges) second_job = std::async(policy, [&] { ParseSegment(text, edge_segments.back(), edge_table, release); });
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
      nodes = LocateNumberArray(&c, text, "nodes", &reader);
    } else if (scratch == "edges") {
      if (!layout) throw SnapshotError(key_offset, "\"edges\" before the \"snapshot\" header");
      edges = LocateNumberArray(&c, text, "edges", &reader);
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
  if (first_job.valid()) first_job.get();
  if (second_job.valid()) second_job.get();
  if (options.scope == ReadScope::kNodeIdsOnly) return s;
  if (want_edges) BuildFirstEdge(text, nodes, *layout, &s);
  else s.first_edge.clear();
  CheckStringIndexes(text, nodes, edges, *layout, &s);
  return s;
}

}  // namespace

Snapshot ReadSnapshotText(std::string_view text, const ReadOptions& options) {
  return ReadSnapshotImpl(text, options, nullptr);
}

Snapshot ReadSnapshotFile(const std::string& path, const ReadOptions& options) {
  MappedFile file(path);
  try {
    return ReadSnapshotImpl(file.view(), options, &file);
  } catch (const SnapshotError& e) {
    throw SnapshotError(SnapshotError::kNoOffset, path + ": " + e.what());
  }
}

}  // namespace tenure::snapshot
