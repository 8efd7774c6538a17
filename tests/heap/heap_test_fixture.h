// Copyright the tenure authors.
// heap_test_fixture.h — the shared HeapTest fixture and its small set of test types:
//   TreeNode   (kAllTagged, fixed: left, right, id)
//   ValueArray (kAllTagged, variable: Smi length + slots)
//   ByteString (kNoPointers, variable: raw length + bytes)
//   WeakCell   (kCustom: one weak slot + one strong slot)
//   EphemeronPair (kCustom: key/value ephemeron)
//   CompressedNode (kCompressedTaggedPrefix: left, right, id as 4-byte CompressedValue slots; 24 B)
//   MixedNode  (kCustom: one Value slot `id` + four CompressedValue slots)
#ifndef TENURE_TESTS_HEAP_HEAP_TEST_FIXTURE_H_
#define TENURE_TESTS_HEAP_HEAP_TEST_FIXTURE_H_

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "tenure/tenure.h"

namespace tenure::testing {

struct TreeNode : HeapObject {
  Value left;
  Value right;
  Value id;  // Smi
};

struct ValueArray : HeapObject {
  Value length;  // Smi
  Value* slots() { return body() + 1; }
  int64_t size() const { return length.ToSmi(); }
};

struct ByteString : HeapObject {
  uint64_t length;
  char* chars() { return reinterpret_cast<char*>(this + 1); }
  std::string_view view() { return {chars(), length}; }
};

struct WeakCell : HeapObject {
  Value target;  // weak
  Value strong;  // strong
};

struct EphemeronPair : HeapObject {
  Value key;
  Value value;
};

struct CompressedNode : HeapObject {
  CompressedValue left;
  CompressedValue right;
  CompressedValue id;  // Smi
  int32_t payload;     // untagged
};
static_assert(sizeof(CompressedNode) == 24);

struct MixedNode : HeapObject {
  Value id;  // Smi
  CompressedValue children[4];
};

inline void VisitMixedNode(HeapObject* o, ObjectVisitor& v) {
  auto* node = static_cast<MixedNode*>(o);
  v.VisitSlot(&node->id);
  v.VisitCompressedSlots(node->children, node->children + 4);
}

inline size_t ValueArraySize(const HeapObject* o) {
  return sizeof(HeapObject) + 8 + 8 * static_cast<const ValueArray*>(o)->size();
}
inline size_t ByteStringSize(const HeapObject* o) {
  return sizeof(HeapObject) + 8 + static_cast<const ByteString*>(o)->length;
}
inline void VisitWeakCell(HeapObject* o, ObjectVisitor& v) {
  auto* cell = static_cast<WeakCell*>(o);
  v.VisitWeakSlot(&cell->target);
  v.VisitSlot(&cell->strong);
}
inline void VisitEphemeronPair(HeapObject* o, ObjectVisitor& v) {
  auto* pair = static_cast<EphemeronPair*>(o);
  v.VisitEphemeron(&pair->key, &pair->value);
}

inline constexpr TypeInfo kTreeNodeType{
    .class_name = "TreeNode", .layout = LayoutKind::kAllTagged, .size = sizeof(TreeNode)};
inline constexpr TypeInfo kValueArrayType{
    .class_name = "ValueArray", .layout = LayoutKind::kAllTagged, .size_of = &ValueArraySize};
inline constexpr TypeInfo kByteStringType{
    .class_name = "ByteString", .layout = LayoutKind::kNoPointers, .size_of = &ByteStringSize};
inline constexpr TypeInfo kWeakCellType{.class_name = "WeakCell",
                                        .layout = LayoutKind::kCustom,
                                        .size = sizeof(WeakCell),
                                        .visit = &VisitWeakCell};
inline constexpr TypeInfo kCompressedNodeType{.class_name = "CompressedNode",
                                              .layout = LayoutKind::kCompressedTaggedPrefix,
                                              .size = sizeof(CompressedNode),
                                              .compressed_prefix_slots = 3};
inline constexpr TypeInfo kMixedNodeType{.class_name = "MixedNode",
                                         .layout = LayoutKind::kCustom,
                                         .size = sizeof(MixedNode),
                                         .visit = &VisitMixedNode};
inline constexpr TypeInfo kEphemeronPairType{.class_name = "EphemeronPair",
                                             .layout = LayoutKind::kCustom,
                                             .size = sizeof(EphemeronPair),
                                             .visit = &VisitEphemeronPair};

// The "cleared" value tests configure for dead weak slots: an embedder immediate.
inline constexpr Value kCleared = Value::MakeImmediate(7, 2);

inline HeapConfig DefaultTestConfig() {
  HeapConfig config;
  config.initial_semi_space_size = 512 * KB;
  config.max_semi_space_size = 1 * MB;
  config.max_old_space_size = 256 * MB;
  config.verify_heap = true;
  config.cleared_weak_value = kCleared;
  return config;
}

class HeapTest : public ::testing::Test {
 protected:
  HeapTest() : heap_(std::make_unique<Heap>(DefaultTestConfig())), scope_(*heap_) {}
  explicit HeapTest(const HeapConfig& config)
      : heap_(std::make_unique<Heap>(config)), scope_(*heap_) {}

  Heap& heap() { return *heap_; }

  TreeNode* NewNode(int64_t id, AllocationType where = AllocationType::kYoung) {
    auto* node = heap().New<TreeNode>(&kTreeNodeType, sizeof(TreeNode), where);
    node->id = Value::FromSmi(id);
    return node;
  }
  Local<TreeNode> NewNodeLocal(int64_t id, AllocationType where = AllocationType::kYoung) {
    return Local<TreeNode>::New(heap(), NewNode(id, where));
  }
  ValueArray* NewArray(int64_t length, AllocationType where = AllocationType::kYoung) {
    auto* array = heap().New<ValueArray>(&kValueArrayType, 16 + 8 * length, where);
    array->length = Value::FromSmi(length);
    return array;
  }
  ByteString* NewString(std::string_view text, AllocationType where = AllocationType::kYoung) {
    auto* s = heap().New<ByteString>(&kByteStringType, 16 + text.size(), where);
    s->length = text.size();
    memcpy(s->chars(), text.data(), text.size());
    return s;
  }
  WeakCell* NewWeakCell(Value target, AllocationType where = AllocationType::kYoung) {
    auto* cell = heap().New<WeakCell>(&kWeakCellType, sizeof(WeakCell), where);
    Store(cell, &cell->target, target);
    return cell;
  }
  EphemeronPair* NewEphemeron(Value key, Value value,
                              AllocationType where = AllocationType::kYoung) {
    auto* pair = heap().New<EphemeronPair>(&kEphemeronPairType, sizeof(EphemeronPair), where);
    Store(pair, &pair->key, key);
    Store(pair, &pair->value, value);
    return pair;
  }
  void Link(HeapObject* host, Value* slot, HeapObject* target) {
    Store(host, slot, Value::FromObject(target));
  }

  CompressedNode* NewCompressedNode(int64_t id, AllocationType where = AllocationType::kYoung) {
    auto* node = heap().New<CompressedNode>(&kCompressedNodeType, sizeof(CompressedNode), where);
    node->id.Store(Value::FromSmi(id));  // a Smi: no barrier needed
    node->payload = static_cast<int32_t>(id);
    return node;
  }

  void Scavenge() { heap().CollectGarbage(GCType::kScavenge); }
  void FullGC() { heap().CollectGarbage(GCType::kMarkCompact); }

  std::unique_ptr<Heap> heap_;
  HandleScope scope_;
};

}  // namespace tenure::testing

#endif  // TENURE_TESTS_HEAP_HEAP_TEST_FIXTURE_H_
