// Destructuring half of the Compiler: binding and assignment patterns (ast.h "Destructuring
// patterns") lowered to loads, stores and the four pattern opcodes (bytecode.h). Semantics follow
// ECMA-262 §8.6.2 (BindingInitialization), §13.15.5 (DestructuringAssignmentEvaluation) and
// §7.4.11 (IteratorClose); error texts follow node 20.
#include <string>

#include "compiler.h"
#include "runtime.h"

namespace tenure::js {

namespace {

bool IsAnonymousFunctionNode(const Node* n) {
  return (n->kind == NodeKind::kFunction || n->kind == NodeKind::kClass) && n->str.empty();
}

// How V8's CallPrinter names the destructured value in a TypeError, for the expression shapes it
// renders verbatim (identifiers, literals, `this`, member chains, calls); "" for everything else.
std::string CallSiteText(const SourceFile& source, const Node* n) {
  switch (n->kind) {
    case NodeKind::kIdentifier: return std::string(n->str);
    case NodeKind::kThis: return "this";
    case NodeKind::kNull: return "null";
    case NodeKind::kBoolean: return n->Has(kFlagTrue) ? "true" : "false";
    case NodeKind::kNumber: return std::string(source.text().substr(n->offset, n->end - n->offset));
    case NodeKind::kMember: {
      std::string object = CallSiteText(source, n->a);
      return object.empty() ? "" : object + "." + std::string(n->str);
    }
    case NodeKind::kCall: {
      std::string callee = CallSiteText(source, n->a);
      return callee.empty() ? "" : callee + "(...)";
    }
    default: return "";
  }
}

// node's "is not iterable" text for a declaration's array pattern (V8 names identifiers,
// literals and calls; everything else gets the generic message at run time).
std::string NotIterableMessage(const SourceFile& source, const Node* n) {
  if (n->kind == NodeKind::kCall) {
    std::string callee = CallSiteText(source, n->a);
    return callee.empty() ? "" : callee + " is not a function or its return value is not iterable";
  }
  if (n->kind == NodeKind::kObject) {  // V8 prints one "(intermediate value)" per property
    std::string text = "{";
    for (size_t i = 0; i < n->list.size(); ++i) text += "(intermediate value)";
    return text + "} is not iterable";
  }
  if (n->kind == NodeKind::kMember) return "";
  std::string text = CallSiteText(source, n);
  return text.empty() ? "" : text + " is not iterable";
}

}  // namespace

void Compiler::Destructure(Node* pattern, int value, BindMode mode, const Node* source,
                           const char* source_text) {
  uint32_t saved_offset = offset_;
  offset_ = pattern->offset;
  std::string text = source_text != nullptr ? source_text
                     : source != nullptr    ? CallSiteText(source_, source)
                                            : "";
  if (pattern->kind == NodeKind::kObject) {
    ObjectPattern(pattern, value, mode, text.empty() ? -1 : StringConst(text), source);
  } else {
    std::string message = source_text != nullptr ? text + " is not iterable"
                           : source != nullptr && mode == BindMode::kInitialize
                               ? NotIterableMessage(source_, source)
                               : "";
    ArrayPattern(pattern, value, mode, message.empty() ? -1 : StringConst(message), source);
  }
  offset_ = saved_offset;
}

Compiler::PatternTarget Compiler::PrepareTarget(Node* target) {
  PatternTarget where;
  if (target->kind != NodeKind::kMember && target->kind != NodeKind::kIndex) return where;
  where.obj = Temp();
  Expr(target->a, where.obj);
  if (target->kind == NodeKind::kIndex) {
    where.key = Temp();
    Expr(target->b, where.key);
  }
  return where;
}

void Compiler::StoreTarget(Node* target, const PatternTarget& where, int value, BindMode mode) {
  switch (target->kind) {
    case NodeKind::kIdentifier: StoreVar(target, value, mode == BindMode::kInitialize); return;
    case NodeKind::kMember: Emit(Op::kSetNamed, where.obj, NameIc(target->str), value); return;
    case NodeKind::kIndex: Emit(Op::kSetKeyed, where.obj, where.key, value); return;
    case NodeKind::kObject: ObjectPattern(target, value, mode, -2, nullptr); return;
    case NodeKind::kArray: ArrayPattern(target, value, mode, -1, nullptr); return;
    default: return;  // the parser admits nothing else
  }
}

// One element or property: `target` or `target = default`. `fetch(v)` emits the load of its
// value; a member target's object and key are evaluated first (§13.15.5.6 evaluates the
// reference before the value).
template <typename Fetch>
void Compiler::PatternElement(Node* element, BindMode mode, Fetch fetch) {
  int mark = fs_->next_temp;
  Node* target = element;
  Node* initializer = nullptr;
  if (element->kind == NodeKind::kAssign) {
    target = element->a;
    initializer = element->b;
  }
  PatternTarget where = PrepareTarget(target);
  int v = Temp();
  fetch(v);
  if (initializer != nullptr) {
    int skip = Emit(Op::kJumpIfNotUndefined, v, 0);
    if (IsAnonymousFunctionNode(initializer) && target->kind == NodeKind::kIdentifier) {
      if (initializer->kind == NodeKind::kClass) Class(initializer, v, target->str);
      else Closure(initializer, v, target->str, -1);
    } else {
      Expr(initializer, v);
    }
    PatchTo(skip, Here());
  }
  offset_ = element->offset;
  StoreTarget(target, where, v, mode);
  fs_->next_temp = mark;
}

// `text_k`: constant naming the source for node's message, -1 (by value) or -2 (nested).
// node underlines the first property, or the source when there is none.
void Compiler::ObjectPattern(Node* n, int value, BindMode mode, int text_k, const Node* source) {
  int mark = fs_->next_temp;
  Node* first = n->list.empty() ? nullptr : n->list[0];
  int first_key = -1;
  if (first != nullptr && first->op != Tok::kEllipsis && !first->Has(kFlagComputed)) {
    first_key = StringConst(first->a->kind == NodeKind::kNumber ? Runtime::NumberToString(first->a->num)
                                                                : std::string(first->a->str));
  }
  offset_ = first != nullptr ? first->offset : source != nullptr ? source->offset : n->offset;
  Emit(Op::kRequireObjectCoercible, value, text_k, first_key);
  bool has_rest = !n->list.empty() && n->list.back()->op == Tok::kEllipsis;
  int keys = fs_->next_temp;  // with a rest element: one register per key, contiguous
  int named = static_cast<int>(n->list.size()) - (has_rest ? 1 : 0);
  if (has_rest) {
    for (int i = 0; i < named; ++i) Temp();
  }
  for (int i = 0; i < named; ++i) {
    int prop_mark = fs_->next_temp;
    Node* prop = n->list[i];
    bool plain_name = !prop->Has(kFlagComputed) && prop->a->kind == NodeKind::kString;
    int key = -1;
    if (!plain_name || has_rest) {
      int k = PropertyKey(prop);  // computed keys are evaluated before the value is read
      key = has_rest ? keys + i : k;
      if (key != k) Emit(Op::kMove, key, k);
    }
    PatternElement(prop->b, mode, [&](int v) {
      offset_ = prop->offset;
      if (plain_name) Emit(Op::kGetNamed, v, value, NameIc(prop->a->str));
      else Emit(Op::kGetKeyed, v, value, key);
    });
    fs_->next_temp = prop_mark;
  }
  if (has_rest) {
    Node* rest = n->list.back();
    PatternTarget where = PrepareTarget(rest->b);
    int r = Temp();
    offset_ = rest->offset;
    Emit(Op::kObjectRest, r, value, Pack(keys, named));
    StoreTarget(rest->b, where, r, mode);
  }
  fs_->next_temp = mark;
}

// Sets `dst` to the iterator's next value, or to undefined once it is done (`done` register:
// true from before each next() call until it returned, so an abrupt next() is never closed).
void Compiler::IteratorStepInto(int iter, int done, int dst) {
  int when_done = Emit(Op::kJumpIfTrue, done, 0);
  Emit(Op::kLoadTrue, done);
  int next = Emit(Op::kForOfNext, dst, iter, 0);
  Emit(Op::kLoadFalse, done);
  int have = Emit(Op::kJump, 0);
  PatchTo(next, Here());
  PatchTo(when_done, Here());
  Emit(Op::kLoadUndefined, dst);
  PatchTo(have, Here());
}

// `message_k`: constant with node's not-iterable text, or -1 (generic text at run time).
// When an element's default, nested pattern or store throws while the iterator is not done,
// the handler closes the iterator and rethrows (§8.6.2 IteratorBindingInitialization).
void Compiler::ArrayPattern(Node* n, int value, BindMode mode, int message_k, const Node* source) {
  int mark = fs_->next_temp;
  int iter = Temp();
  int done = Temp();
  offset_ = source != nullptr ? source->offset : n->offset;
  Emit(Op::kDestructureIterable, iter, value, message_k);
  Emit(Op::kLoadFalse, done);
  // Only defaults, nested patterns and stores that may throw (member targets, assignments to
  // const or TDZ bindings) need the closing handler; `const [k, v] = …` does not push one.
  bool may_throw = false;
  for (Node* e : n->list) {
    Node* target = e->kind == NodeKind::kSpread ? e->a : e;
    may_throw |= e->kind != NodeKind::kHole &&
                 (target->kind != NodeKind::kIdentifier || mode == BindMode::kAssign);
  }
  int ctx_save = may_throw ? Temp() : -1;
  int exception = may_throw ? Temp() : -1;
  int push = may_throw ? Emit(Op::kPushTry, 0, exception, ctx_save) : -1;
  bool has_rest = false;
  for (Node* e : n->list) {
    if (e->kind == NodeKind::kHole) {
      int scratch = Temp();
      IteratorStepInto(iter, done, scratch);
      fs_->next_temp = scratch;
    } else if (e->kind == NodeKind::kSpread) {
      has_rest = true;
      PatternTarget where = PrepareTarget(e->a);
      int array = Temp();
      int item = Temp();
      Emit(Op::kCreateArray, array, 0);
      int skip = Emit(Op::kJumpIfTrue, done, 0);
      Emit(Op::kLoadTrue, done);
      int loop = Here();
      int next = Emit(Op::kForOfNext, item, iter, 0);
      Emit(Op::kArrayPush, array, item);
      Emit(Op::kJump, loop);
      PatchTo(next, Here());
      PatchTo(skip, Here());
      offset_ = e->offset;
      StoreTarget(e->a, where, array, mode);
    } else {
      PatternElement(e, mode, [&](int v) { IteratorStepInto(iter, done, v); });
    }
  }
  if (may_throw) Emit(Op::kPopTry);
  offset_ = n->offset;
  if (!has_rest) {
    int skip = Emit(Op::kJumpIfTrue, done, 0);
    Emit(Op::kIteratorClose, iter, 0);
    PatchTo(skip, Here());
  }
  if (!may_throw) {
    fs_->next_temp = mark;
    return;
  }
  int end = Emit(Op::kJump, 0);
  PatchTo(push, Here());  // abrupt completion inside the pattern
  int rethrow = Emit(Op::kJumpIfTrue, done, 0);
  Emit(Op::kIteratorClose, iter, 1);
  PatchTo(rethrow, Here());
  Emit(Op::kThrow, exception, /*rethrow=*/1);
  PatchTo(end, Here());
  fs_->next_temp = mark;
}

}  // namespace tenure::js
