// Destructuring patterns in the Parser: binding targets, and the cover-grammar conversion of
// array/object literals into binding or assignment patterns (ECMA-262 §13.15.5 destructuring
// assignment, §14.3.3 binding patterns). Error texts and underlined ranges follow V8 as printed
// by node 20 (checked with `node file.js`).
#include <algorithm>

#include "parser.h"

namespace tenure::js {

// An identifier, or `[…]` / `{…}` parsed as a literal and validated as a binding pattern.
Node* Parser::ParseBindingTarget(Tok decl_kind) {
  if (!At(Tok::kLBrack) && !At(Tok::kLBrace)) return ParseBindingIdentifier(decl_kind);
  DepthGuard guard(this);
  Node* pattern = At(Tok::kLBrack) ? ParseArrayLiteral() : ParseObjectLiteral();
  ToPattern(pattern, PatternKind::kBinding);
  return pattern;
}

// `{a = 1}`: the shorthand's default, legal only if the literal becomes a pattern.
Node* Parser::ParseCoverInitializer(Node* id) {
  Node* assign = NewNode(NodeKind::kAssign, id->offset);
  assign->op = Tok::kAssign;
  Advance();
  assign->a = id;
  assign->b = ParseAssignment(true);
  Finish(assign);
  cover_initializers_.push_back(assign);
  return assign;
}

void Parser::CheckCoverInitializers(size_t mark) {
  if (cover_initializers_.size() > mark) {
    FailAt("Invalid shorthand property initializer", cover_initializers_[mark]);
  }
}

// A single target: identifier, member expression (assignment patterns only) or nested pattern.
void Parser::ToPatternTarget(Node* t, PatternKind kind) {
  if (IsPattern(t)) {
    ToPattern(t, kind);
    return;
  }
  if (t->kind == NodeKind::kIdentifier) return;
  if (t->kind == NodeKind::kMember || t->kind == NodeKind::kIndex) {
    if (kind == PatternKind::kAssignment) return;
    FailAt("Illegal property in declaration context", t);
  }
  FailAt("Invalid destructuring assignment target", t);
}

// An element or property value: a target, or `target = default`.
void Parser::ToPatternElement(Node* e, PatternKind kind) {
  if (e->kind == NodeKind::kAssign && e->op == Tok::kAssign && !e->Has(kFlagParenthesized)) {
    auto it = std::find(cover_initializers_.begin(), cover_initializers_.end(), e);
    if (it != cover_initializers_.end()) cover_initializers_.erase(it);
    ToPatternTarget(e->a, kind);
    return;
  }
  ToPatternTarget(e, kind);
}

void Parser::ToPattern(Node* n, PatternKind kind) {
  DepthGuard guard(this);
  size_t count = n->list.size();
  if (n->kind == NodeKind::kArray) {
    for (size_t i = 0; i < count; ++i) {
      Node* e = n->list[i];
      if (e->kind == NodeKind::kHole) continue;
      if (e->kind != NodeKind::kSpread) {
        ToPatternElement(e, kind);
        continue;
      }
      if (i + 1 != count || n->Has(kFlagTrailingComma)) FailAt("Rest element must be last element", e);
      if (e->a->kind == NodeKind::kAssign) FailAt("Invalid destructuring assignment target", e);
      ToPatternTarget(e->a, kind);
    }
    return;
  }
  for (size_t i = 0; i < count; ++i) {
    Node* prop = n->list[i];
    switch (prop->op) {
      case Tok::kEllipsis:
        if (i + 1 != count) FailAt("Rest element must be last element", n->list[i + 1]);
        if (prop->b->kind == NodeKind::kArray || prop->b->kind == NodeKind::kObject) {
          FailAt(kind == PatternKind::kAssignment
                     ? "`...` must be followed by an assignable reference in assignment contexts"
                     : "`...` must be followed by an identifier in declaration contexts",
                 prop->b);
        }
        ToPatternTarget(prop->b, kind);
        break;
      case Tok::kColon:
      case Tok::kIdentifier:  // shorthand `{a}` / `{a = 1}`
        ToPatternElement(prop->b, kind);
        break;
      default:  // methods, getters, setters
        FailAt("Invalid destructuring assignment target", prop->a);
    }
  }
}

namespace {

// BoundNames (ECMA-262 §8.2.1) of a parameter or pattern, in source order.
void CollectParamNames(const Node* n, std::vector<const Node*>* out) {
  switch (n->kind) {
    case NodeKind::kIdentifier: out->push_back(n); return;
    case NodeKind::kAssign: case NodeKind::kSpread: case NodeKind::kDefaultParam: case NodeKind::kRest:
      CollectParamNames(n->a, out);
      return;
    case NodeKind::kProperty: CollectParamNames(n->b, out); return;
    case NodeKind::kArray: case NodeKind::kObject:
      for (const Node* item : n->list) CollectParamNames(item, out);
      return;
    default: return;  // holes
  }
}

}  // namespace

void Parser::CheckDuplicateParams(const Node* fn) {
  bool strict_list = fn->Has(kFlagArrow) || fn->Has(kFlagMethod) || fn->Has(kFlagClassCtor);
  std::vector<const Node*> names;
  for (const Node* p : fn->list) {
    if (p->kind != NodeKind::kIdentifier) strict_list = true;
    CollectParamNames(p, &names);
  }
  if (!strict_list) return;
  for (size_t i = 1; i < names.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (names[j]->str == names[i]->str) FailAt("Duplicate parameter name not allowed in this context", names[i]);
    }
  }
}

}  // namespace tenure::js
