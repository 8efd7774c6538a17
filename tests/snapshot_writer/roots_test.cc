// Copyright the tenure authors.
// roots_test.cc — sub-roots by RootKind, named runtime sub-roots, weak globals, the user global.
#include <string>

#include "writer_test_fixture.h"

namespace tenure::testing {
namespace {

using RootsTest = WriterTest;

// The sub-root node called `name`, and the names of the objects it points at (with edge types).
std::multiset<std::string> SubrootTargets(const ParsedSnapshot& s, const std::string& name) {
  const auto found = s.Named(name);
  EXPECT_EQ(found.size(), 1u) << name;
  if (found.size() != 1) return {};
  EXPECT_EQ(found[0]->type, "synthetic");
  std::multiset<std::string> out;
  for (const auto& e : s.EdgesOf(found[0])) out.insert(e.type + "->" + s.nodes[e.to].name);
  return out;
}

bool ReachableFromGcRoots(const ParsedSnapshot& s, const std::string& subroot) {
  for (const auto& e : s.EdgesOf(&s.nodes[1])) {
    if (s.nodes[e.to].name == subroot) return true;
  }
  return false;
}

TEST_F(RootsTest, EveryRootKindHasItsSubroot) {
  Local<Text>::New(heap(), NewText("in a handle"));
  Global<> strong(heap(), NewText("strong global"));
  Global<> weak(heap(), NewText("weak global"));
  weak.SetWeak();
  Global<> keep_weak_alive(heap(), weak.value());  // so the weak target survives the GC
  Value stack_slot = Value::FromObject(NewText("on the stack"));
  Value timer_slot = Value::FromObject(NewText("a timer"));
  Value module_slot = Value::FromObject(NewText("a module"));
  Value builtin_slot = Value::FromObject(NewText("a builtin"));
  const int ids[] = {
      heap().AddRootVisitor(RootKind::kStack, "interpreter registers",
                            [&](ObjectVisitor& v) { v.VisitSlot(&stack_slot); }),
      heap().AddRootVisitor(RootKind::kRuntime, "timers", [&](ObjectVisitor& v) { v.VisitSlot(&timer_slot); }),
      heap().AddRootVisitor(RootKind::kRuntime, "module cache",
                            [&](ObjectVisitor& v) { v.VisitSlot(&module_slot); }),
      heap().AddRootVisitor(RootKind::kBuiltins, "builtins",
                            [&](ObjectVisitor& v) { v.VisitSlot(&builtin_slot); }),
  };
  ParsedSnapshot s = Snapshot();
  EXPECT_EQ(SubrootTargets(s, "(Stack roots)"), (std::multiset<std::string>{"internal->on the stack"}));
  EXPECT_EQ(SubrootTargets(s, "(Strong roots: timers)"), (std::multiset<std::string>{"internal->a timer"}));
  EXPECT_EQ(SubrootTargets(s, "(Strong roots: module cache)"),
            (std::multiset<std::string>{"internal->a module"}));
  EXPECT_EQ(SubrootTargets(s, "(Builtins)"), (std::multiset<std::string>{"internal->a builtin"}));
  EXPECT_EQ(SubrootTargets(s, "(Global handles)"),
            (std::multiset<std::string>{"internal->strong global", "internal->weak global",
                                        "weak->weak global"}));
  EXPECT_EQ(SubrootTargets(s, "(Handle scope)").count("internal->in a handle"), 1u);
  for (const char* name : {"(Stack roots)", "(Strong roots: timers)", "(Strong roots: module cache)",
                           "(Builtins)", "(Global handles)", "(Handle scope)"}) {
    EXPECT_TRUE(ReachableFromGcRoots(s, name)) << name;
  }
  // Edge names say which root holds the object ("<n> / <registration name>", V8's naming).
  const auto timers = s.Named("(Strong roots: timers)").at(0);
  EXPECT_EQ(s.EdgesOf(timers).at(0).name, "1 / timers");
  const auto stack = s.Named("(Stack roots)").at(0);
  EXPECT_EQ(s.EdgesOf(stack).at(0).name, "1 / interpreter registers");
  for (int id : ids) heap().RemoveRootVisitor(id);
}

TEST_F(RootsTest, NamedSubrootIdsAreStableAcrossSnapshots) {
  Value slot = Value::FromObject(NewText("t"));
  const int id = heap().AddRootVisitor(RootKind::kRuntime, "timers", [&](ObjectVisitor& v) { v.VisitSlot(&slot); });
  ParsedSnapshot first = Snapshot();
  for (int i = 0; i < 100; ++i) NewRecord();
  ParsedSnapshot second = Snapshot();
  ASSERT_EQ(first.Named("(Strong roots: timers)").size(), 1u);
  EXPECT_EQ(first.Named("(Strong roots: timers)")[0]->id, second.Named("(Strong roots: timers)")[0]->id);
  // Named sub-roots take reserved ids below every object id, so "objects allocated between
  // snapshots" (DevTools' id-range filter) never includes them.
  EXPECT_GE(first.Named("(Strong roots: timers)")[0]->id, 41u);
  EXPECT_LT(first.Named("(Strong roots: timers)")[0]->id, 101u);
  EXPECT_EQ(first.Named("(Handle scope)")[0]->id, second.Named("(Handle scope)")[0]->id);
  heap().RemoveRootVisitor(id);
}

TEST_F(RootsTest, UserGlobalGetsAShortcutFromTheRoot) {
  Global<> global(heap(), NewRecord(AllocationType::kOld));
  describer_.set_user_global(&global);
  ParsedSnapshot s = Snapshot();
  const auto root_edges = s.EdgesOf(&s.nodes[0]);
  ASSERT_EQ(root_edges.size(), 2u);
  EXPECT_EQ(root_edges[0].type, "element");
  EXPECT_EQ(root_edges[1].type, "shortcut");
  EXPECT_EQ(root_edges[1].name, "2");
  EXPECT_EQ(s.nodes[root_edges[1].to].name, "Record");
  EXPECT_EQ(s.nodes[root_edges[1].to].id, profiler().GetObjectId(global.get()));
  describer_.set_user_global(nullptr);
}

}  // namespace
}  // namespace tenure::testing
