// Copyright the tenure authors.
// leaky_store_main.cc — tenure_leaky_store OUT_DIR: a heap shaped like a leaking JS program,
// described the way a JS runtime would describe it, written as three snapshots:
//   global.store = [];                       // an Array whose "(object elements)" grow
//   setInterval(function onTick() { ... });  // a closure held by the "timers" runtime root,
//                                            // capturing `counter` through its context
//   A: baseline; B: after 300 `new LeakyRecord(i)` pushed to store; C: after 300 more.
// plus churn (ChurnObjects and strings dropped right away) between snapshots. Writes
// OUT_DIR/{A,B,C}.heapsnapshot and OUT_DIR/expected.json, which states what the readers must
// find, computed from the heap itself (IterateObjects), not from the written files.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tenure/heap-snapshot.h"
#include "tenure/tenure.h"

namespace {

using namespace tenure;

// ---- Object model: every object type lists its fields (edge type + name) ---------------------
struct FieldSpec {
  SnapshotEdgeType type;
  const char* name;
};
struct ShapeSpec {
  SnapshotNodeType node_type;
  const char* node_name;
  std::vector<FieldSpec> fields;  // one per Value slot after the header
};

struct Fixed : HeapObject {  // objects with named fields (layout kAllTagged, fixed size)
  Value fields[4];
};
struct Elements : HeapObject {  // V8 FixedArray: capacity + slots
  Value capacity;  // Smi
  Value* slots() { return body() + 1; }
};
struct JsString : HeapObject {
  uint64_t length;
  char* chars() { return reinterpret_cast<char*>(this + 1); }
};

size_t ElementsSize(const HeapObject* o) {
  return 16 + 8 * static_cast<const Elements*>(o)->capacity.ToSmi();
}
size_t StringSize(const HeapObject* o) { return 16 + static_cast<const JsString*>(o)->length; }

enum Tag : uint32_t { kGlobalTag = 1, kArrayTag, kRecordTag, kChurnTag, kClosureTag, kContextTag,
                      kCounterTag, kElementsTag, kStringTag, kBufferTag };

constexpr TypeInfo MakeFixed(const char* name, uint32_t words, uint32_t tag) {
  return TypeInfo{.class_name = name, .layout = LayoutKind::kTaggedPrefix,
                  .size = static_cast<uint32_t>(8 + 8 * words), .tagged_prefix_words = words,
                  .embedder_tag = tag};
}
constexpr TypeInfo kGlobal = MakeFixed("Global", 2, kGlobalTag);
constexpr TypeInfo kArray = MakeFixed("Array", 2, kArrayTag);  // elements, length(Smi)
constexpr TypeInfo kRecord = MakeFixed("LeakyRecord", 3, kRecordTag);
constexpr TypeInfo kChurn = MakeFixed("ChurnObject", 2, kChurnTag);
constexpr TypeInfo kClosure = MakeFixed("onTick", 1, kClosureTag);
constexpr TypeInfo kContext = MakeFixed("system / Context", 1, kContextTag);
constexpr TypeInfo kCounter = MakeFixed("Counter", 1, kCounterTag);
constexpr TypeInfo kElements{.class_name = "(object elements)", .layout = LayoutKind::kAllTagged,
                             .size_of = &ElementsSize, .embedder_tag = kElementsTag};
constexpr TypeInfo kString{.class_name = "String", .layout = LayoutKind::kNoPointers,
                           .size_of = &StringSize, .embedder_tag = kStringTag};
constexpr TypeInfo kBuffer{.class_name = "system / ByteArray", .layout = LayoutKind::kNoPointers,
                           .size = 512, .embedder_tag = kBufferTag};

const std::map<uint32_t, ShapeSpec>& Shapes() {
  using T = SnapshotEdgeType;
  using N = SnapshotNodeType;
  static const std::map<uint32_t, ShapeSpec> shapes = {
      {kGlobalTag, {N::kObject, "Global", {{T::kProperty, "store"}, {T::kProperty, "config"}}}},
      {kArrayTag, {N::kObject, "Array", {{T::kInternal, "elements"}, {T::kProperty, "length"}}}},
      {kRecordTag, {N::kObject, "LeakyRecord",
                    {{T::kProperty, "id"}, {T::kProperty, "label"}, {T::kProperty, "payload"}}}},
      {kChurnTag, {N::kObject, "ChurnObject", {{T::kProperty, "text"}, {T::kProperty, "next"}}}},
      {kClosureTag, {N::kClosure, "onTick", {{T::kInternal, "context"}}}},
      {kContextTag, {N::kObject, "system / Context", {{T::kContext, "counter"}}}},
      {kCounterTag, {N::kObject, "Counter", {{T::kProperty, "value"}}}},
      {kBufferTag, {N::kHidden, "system / ByteArray", {}}},
  };
  return shapes;
}

// What the JS runtime's describer would do: V8 node types and names, property/context/element
// edges. Strings are named by their contents; elements are `array` nodes with element edges.
class MiniJsDescriber final : public SnapshotDescriber {
 public:
  explicit MiniJsDescriber(const Global<>* global) : global_(global) {}

  SnapshotNode Describe(HeapObject* object) override {
    const TypeInfo* type = object->type();
    SnapshotNode node;
    node.self_size = object->Size();
    if (type == &kString) {
      node.type = SnapshotNodeType::kString;
      auto* s = static_cast<JsString*>(object);
      node.name = std::string_view(s->chars(), s->length);
    } else if (type == &kElements) {
      node.type = SnapshotNodeType::kArray;
      node.name = "(object elements)";
    } else {
      const ShapeSpec& shape = Shapes().at(type->embedder_tag);
      node.type = shape.node_type;
      node.name = shape.node_name;
    }
    return node;
  }

  void DescribeEdges(HeapObject* object, SnapshotEdgeSink& sink) override {
    const TypeInfo* type = object->type();
    if (type == &kString || type == &kBuffer) return;
    if (type == &kElements) {
      auto* e = static_cast<Elements*>(object);
      for (int64_t i = 0; i < e->capacity.ToSmi(); ++i) {
        sink.AddIndexedEdge(SnapshotEdgeType::kElement, static_cast<uint32_t>(i), e->slots()[i]);
      }
      return;
    }
    const ShapeSpec& shape = Shapes().at(type->embedder_tag);
    for (size_t i = 0; i < shape.fields.size(); ++i) {
      sink.AddNamedEdge(shape.fields[i].type, shape.fields[i].name, object->body()[i]);
    }
  }

  HeapObject* UserGlobal() override { return global_->get(); }

 private:
  const Global<>* global_;
};

// ---- The program ------------------------------------------------------------------------------
class LeakyStore {
 public:
  LeakyStore() : heap_(Config()), scope_(heap_), profiler_(heap_), describer_(&global_) {
    global_.Reset(heap_, Value::FromObject(NewFixed(&kGlobal)));
    Local<> array = Local<>::New(heap_, NewFixed(&kArray));
    StoreField(array.get(), 1, Value::FromSmi(0));
    StoreField(global_.get(), 0, array.value());
    const Value config = Value::FromObject(NewString("config: {verbose: false}"));
    StoreField(global_.get(), 1, config);  // (allocate first: a GC moves the global)
    // setInterval(function onTick() { counter.value++ }): held by the "timers" runtime root.
    Local<> counter = Local<>::New(heap_, NewFixed(&kCounter));
    StoreField(counter.get(), 0, Value::FromSmi(0));
    Local<> context = Local<>::New(heap_, NewFixed(&kContext));
    StoreField(context.get(), 0, counter.value());
    timer_ = Value::FromObject(NewFixed(&kClosure));
    StoreField(timer_.ToObject(), 0, context.value());
    heap_.AddRootVisitor(RootKind::kRuntime, "timers", [this](ObjectVisitor& v) { v.VisitSlot(&timer_); });
  }

  void Churn(int count) {
    HandleScope scope(heap_);
    for (int i = 0; i < count; ++i) {
      Local<> o = Local<>::New(heap_, NewFixed(&kChurn));
      const Value text = Value::FromObject(NewString("churn " + std::to_string(i)));
      StoreField(o.get(), 0, text);
    }
  }

  void AddRecords(int count) {
    for (int i = 0; i < count; ++i) {
      HandleScope scope(heap_);
      Local<> record = Local<>::New(heap_, NewFixed(&kRecord));
      StoreField(record.get(), 0, Value::FromSmi(next_record_));
      const Value label = Value::FromObject(NewString("record #" + std::to_string(next_record_)));
      StoreField(record.get(), 1, label);
      const Value payload = Value::FromObject(heap_.Allocate(&kBuffer, kBuffer.size));
      StoreField(record.get(), 2, payload);
      Push(record.value());
      ++next_record_;
      if (i % 10 == 0) Churn(20);
    }
  }

  // Writes OUT_DIR/<name>.heapsnapshot and returns its expectations as a JSON object.
  std::string Snapshot(const std::string& dir, const std::string& name) {
    const std::string path = dir + "/" + name + ".heapsnapshot";
    HeapSnapshotOptions options;
    options.describer = &describer_;
    const HeapSnapshotResult result = profiler_.WriteSnapshot(path, options);
    if (!result.ok()) {
      fprintf(stderr, "tenure_leaky_store: %s\n", result.error.c_str());
      exit(1);
    }
    // Expectations from the heap (no allocation since the snapshot's GC, so the same objects).
    std::map<std::string, size_t> counts;
    size_t objects = 0;
    uint64_t total_self = 0;
    uint32_t max_id = 0;
    heap_.IterateObjects([&](HeapObject* o) {
      const SnapshotNode node = describer_.Describe(o);
      ++objects;
      total_self += node.self_size;
      max_id = std::max(max_id, profiler_.GetObjectId(o));
      // DevTools' class names (HeapSnapshot.ts calculateObjectNames): `object` nodes by name,
      // every closure as "Function". hidden/array nodes are left out: DevTools moves their self
      // size into their owner (calculateShallowSizes) and skips zero-size nodes in aggregates.
      if (node.type == SnapshotNodeType::kObject) ++counts[std::string(node.name)];
      if (node.type == SnapshotNodeType::kClosure) ++counts["Function"];
    });
    constexpr size_t kSyntheticNodes = 2 + 6 + 1;  // root, (GC roots), 6 fixed sub-roots, timers
    std::string json = "{\"file\":\"" + path + "\",\"node_count\":" + std::to_string(objects + kSyntheticNodes) +
                       ",\"total_self_size\":" + std::to_string(total_self) +
                       ",\"leaky_records\":" + std::to_string(next_record_) +
                       ",\"max_id\":" + std::to_string(max_id) + ",\"classes\":{";
    bool first = true;
    for (const auto& [cls, n] : counts) {
      json += (first ? "\"" : ",\"") + cls + "\":" + std::to_string(n);
      first = false;
    }
    return json + "}}";
  }

 private:
  static HeapConfig Config() {
    HeapConfig config;
    config.initial_semi_space_size = 256 * KB;
    config.max_semi_space_size = 512 * KB;  // small: the churn causes scavenges and promotion
    config.max_old_space_size = 64 * MB;
    return config;
  }
  HeapObject* NewFixed(const TypeInfo* type) { return heap_.Allocate(type, type->size); }
  HeapObject* NewString(const std::string& text) {
    auto* s = static_cast<JsString*>(heap_.Allocate(&kString, 16 + text.size()));
    s->length = text.size();
    memcpy(s->chars(), text.data(), text.size());
    return s;
  }
  // store.push(value): grows the elements by doubling (the old elements become garbage).
  void Push(Value value) {
    HandleScope scope(heap_);
    Local<> v = Local<>::New(heap_, value);
    HeapObject* array = global_.get()->body()[0].ToObject();
    const int64_t length = array->body()[1].ToSmi();
    Value elements = array->body()[0];
    const int64_t capacity = elements.IsHeapObject() ? elements.As<Elements>()->capacity.ToSmi() : 0;
    if (length == capacity) {
      const int64_t grown = capacity == 0 ? 16 : capacity * 2;
      auto* fresh = static_cast<Elements*>(heap_.Allocate(&kElements, 16 + 8 * grown));
      fresh->capacity = Value::FromSmi(grown);
      array = global_.get()->body()[0].ToObject();  // the allocation may have moved it
      elements = array->body()[0];
      for (int64_t i = 0; i < length; ++i) Store(fresh, fresh->slots() + i, elements.As<Elements>()->slots()[i]);
      StoreField(array, 0, Value::FromObject(fresh));
    }
    auto* e = array->body()[0].As<Elements>();
    Store(e, e->slots() + length, v.value());
    StoreField(array, 1, Value::FromSmi(length + 1));
  }

  Heap heap_;
  HandleScope scope_;
  HeapProfiler profiler_;
  Global<> global_;
  MiniJsDescriber describer_;
  Value timer_;
  int64_t next_record_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: tenure_leaky_store OUT_DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  LeakyStore program;
  program.Churn(3000);
  const std::string a = program.Snapshot(dir, "A");
  program.AddRecords(300);
  const std::string b = program.Snapshot(dir, "B");
  program.AddRecords(300);
  program.Churn(3000);
  const std::string c = program.Snapshot(dir, "C");
  const std::string expected_path = dir + "/expected.json";
  FILE* out = fopen(expected_path.c_str(), "w");
  if (out == nullptr || fprintf(out, "{\"snapshots\":[%s,\n%s,\n%s]}\n", a.c_str(), b.c_str(), c.c_str()) < 0 ||
      fclose(out) != 0) {
    fprintf(stderr, "tenure_leaky_store: cannot write %s\n", expected_path.c_str());
    return 1;
  }
  return 0;
}
