// Copyright the tenure authors.
// default-describer.cc — DefaultSnapshotDescriber: a snapshot from TypeInfo alone (rules in
// include/tenure/heap-snapshot.h).
#include <string_view>

#include "tenure/heap-snapshot.h"

namespace tenure {
namespace {

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Reports an object's slots to the sink, named by their word index after the header (compressed
// slots: their 4-byte index).
class SlotEdgeVisitor final : public ObjectVisitor {
 public:
  SlotEdgeVisitor(HeapObject* object, SnapshotEdgeSink& sink)
      : base_(object->body()),
        sink_(sink),
        strong_type_(EndsWith(object->type()->class_name, "Array") ? SnapshotEdgeType::kElement
                                                                   : SnapshotEdgeType::kInternal) {}

  void VisitSlot(Value* slot) override { sink_.AddIndexedEdge(strong_type_, Index(slot), *slot); }
  void VisitWeakSlot(Value* slot) override {
    sink_.AddIndexedEdge(SnapshotEdgeType::kWeak, Index(slot), *slot);
  }
  void VisitEphemeron(Value* key, Value* value) override {
    sink_.AddEphemeron(Index(key), *key, Index(value), *value);
  }
  // Compressed slots (value.h) are named by their 4-byte slot index after the header.
  void VisitCompressedSlots(CompressedValue* begin, CompressedValue* end) override {
    const auto* first = reinterpret_cast<const CompressedValue*>(base_);
    for (CompressedValue* s = begin; s < end; ++s) {
      sink_.AddIndexedEdge(strong_type_, static_cast<uint32_t>(s - first), s->Load());
    }
  }

 private:
  uint32_t Index(const Value* slot) const { return static_cast<uint32_t>(slot - base_); }

  const Value* base_;
  SnapshotEdgeSink& sink_;
  SnapshotEdgeType strong_type_;
};

}  // namespace

void DefaultSnapshotDescriber::RegisterStringType(const TypeInfo* type, StringContents contents) {
  string_types_[type] = contents;
}

SnapshotNode DefaultSnapshotDescriber::Describe(HeapObject* object) {
  const TypeInfo* type = object->type();
  SnapshotNode node;
  node.self_size = object->Size();
  node.name = type->class_name != nullptr ? type->class_name : "";
  if (auto it = string_types_.find(type); it != string_types_.end()) {
    node.type = SnapshotNodeType::kString;
    node.name = it->second(object);
  } else if (type->layout == LayoutKind::kNoPointers) {
    node.type = SnapshotNodeType::kHidden;
  } else {
    node.type = SnapshotNodeType::kObject;
  }
  return node;
}

void DefaultSnapshotDescriber::DescribeEdges(HeapObject* object, SnapshotEdgeSink& sink) {
  SlotEdgeVisitor visitor(object, sink);
  object->VisitSlots(visitor);
}

HeapObject* DefaultSnapshotDescriber::UserGlobal() {
  if (user_global_ == nullptr || user_global_->IsEmpty()) return nullptr;
  const Value value = user_global_->value();
  return value.IsHeapObject() ? value.ToObject() : nullptr;
}

}  // namespace tenure
