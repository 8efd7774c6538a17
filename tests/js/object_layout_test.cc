// Object layout (src/js/objects.h): plain objects get only the fields they need and an inline
// capacity chosen per allocation. These tests run a script, then read the heap size of the
// objects it left on the global object.
#include <gtest/gtest.h>

#include <string>

#include "objects.h"
#include "runtime.h"

namespace tenure::js {
namespace {

class ObjectLayoutTest : public ::testing::Test {
 protected:
  // Runs `script` (must exit 0) in a fresh runtime.
  void Run(const std::string& script) {
    RuntimeOptions options;
    options.gc_interval = gc_interval_;
    runtime_ = std::make_unique<Runtime>(options);
    ASSERT_EQ(runtime_->RunMain("layout.js", script), 0);
  }
  // The global `name` (an object), checked to be a JSObject.
  JSObject* Global(const char* name) {
    tenure::HandleScope scope(runtime_->heap());
    Handle global = Handle::New(runtime_->heap(), runtime_->root(kRootGlobal));
    Handle key = Handle::New(runtime_->heap(), runtime_->Intern(name));
    Value v = runtime_->GetNamed(global, key);
    EXPECT_TRUE(IsJSObject(v)) << name;
    return IsJSObject(v) ? v.As<JSObject>() : nullptr;
  }
  size_t SizeOf(const char* name) {
    JSObject* o = Global(name);
    return o == nullptr ? 0 : o->Size();
  }

  int gc_interval_ = 0;
  std::unique_ptr<Runtime> runtime_;
};

TEST_F(ObjectLayoutTest, LiteralsAreSizedByTheirPropertyCount) {
  Run("globalThis.node = {left: null, right: null};"
      "globalThis.one = {a: 1};"
      "globalThis.empty = {};"
      "globalThis.five = {a: 1, b: 2, c: 3, d: 4, e: 5};");
  EXPECT_EQ(SizeOf("node"), 56u);   // header, shape, proto, slots, elements, 2 inline
  EXPECT_EQ(SizeOf("one"), 48u);
  EXPECT_EQ(SizeOf("empty"), 72u);  // `{}` gets 4 inline slots (V8 does the same)
  EXPECT_EQ(SizeOf("five"), 80u);
  EXPECT_EQ(InlineCapacity(Global("node")), 2);
  EXPECT_EQ(Global("node")->slots, kUndefined);  // both properties inline
}

TEST_F(ObjectLayoutTest, PropertiesBeyondTheCapacityGoToSlots) {
  Run("globalThis.node = {left: 1, right: 2}; node.third = 3; node.fourth = 4;");
  JSObject* node = Global("node");
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->Size(), 56u);  // an object never grows in place
  ASSERT_TRUE(IsKind(node->slots, Kind::kFixedArray));
  EXPECT_EQ(node->slots.As<FixedArray>()->items()[0], Value::FromSmi(3));
  EXPECT_EQ(node->slots.As<FixedArray>()->items()[1], Value::FromSmi(4));
}

TEST_F(ObjectLayoutTest, ArraysHaveNoInlineSlots) {
  Run("globalThis.list = [1, 2, 3];");
  EXPECT_EQ(SizeOf("list"), 48u);  // header, shape, proto, slots, elements, length
}

TEST_F(ObjectLayoutTest, ConstructorsAreSizedByTheirThisStores) {
  Run("function Pair(l, r) { this.left = l; this.right = r; if (l) this.left = r; }"
      "class Base { constructor() { this.a = 1; this.b = 2; } }"
      "class Derived extends Base { constructor() { super(); this.c = 3; } }"
      "function Nothing() {}"
      "globalThis.pair = new Pair(1, 2);"
      "globalThis.derived = new Derived();"
      "globalThis.nothing = new Nothing();");
  EXPECT_EQ(SizeOf("pair"), 56u);     // 2 distinct this.x stores
  EXPECT_EQ(SizeOf("derived"), 64u);  // 2 from Base + 1 from Derived
  EXPECT_EQ(SizeOf("nothing"), 72u);  // no estimate: the default 4
}

// The estimate only grows: the first instance of Grow needed 10 properties, so later instances
// get 10 inline slots while the first keeps its 4 and an out-of-object store.
TEST_F(ObjectLayoutTest, ConstructorsLearnFromFinishedInstances) {
  Run("function Grow(n) { for (let i = 0; i < n; i++) this['k' + i] = i; }"
      "globalThis.first = new Grow(10);"
      "globalThis.second = new Grow(10);"
      "globalThis.huge = new Grow(100);"
      "globalThis.after = new Grow(1);");
  EXPECT_EQ(SizeOf("first"), 72u);
  EXPECT_EQ(SizeOf("second"), 40u + 8 * 10);
  EXPECT_EQ(Global("second")->slots, kUndefined);
  EXPECT_EQ(SizeOf("after"), 40u + 8 * kMaxInlineCapacity);  // capped
  EXPECT_EQ(Global("first")->shape, Global("second")->shape);  // one shape, two capacities
}

TEST_F(ObjectLayoutTest, SizesSurviveGarbageCollections) {
  gc_interval_ = 5;
  Run("globalThis.node = {left: {left: null, right: null}, right: null};"
      "for (let i = 0; i < 2000; i++) ({a: i, b: [i]});"
      "globalThis.node.extra = 'x';");
  JSObject* node = Global("node");
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->Size(), 56u);
  EXPECT_EQ(node->Size(), node->type()->size);
  EXPECT_EQ(InlineSlots(node)[0].ToObject()->Size(), 56u);
}

}  // namespace
}  // namespace tenure::js
