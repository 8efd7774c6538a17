// Class bodies: methods, accessors, public and private fields, private methods/accessors,
// static fields and static initialization blocks (ECMA-262 §15.7).
//
// Fields are desugared here, so the scope analyzer and the compiler see ordinary functions:
//  - instance fields and private methods become the body of a synthesized method (Class.c, run
//    with the new object as `this`): `ClassField` expression statements, private methods and
//    accessors first, then the fields in source order (ECMA-262 InitializeInstanceElements);
//  - static ones become a second method (Class.d) that the class evaluation calls with the
//    constructor as `this` once the class binding is initialized;
//  - the instance initializer is held in the class scope's hidden variable `.init`; a base
//    constructor calls it first thing (a `FieldsInit` statement), a derived one after each
//    `super(...)` returns (Call.b of every super call in the constructor, arrows included). A
//    class with fields but no constructor gets `constructor() {}` or
//    `constructor(...args) { super(...args); }` synthesized;
//  - a private name `#x` is a hidden class-scope variable named `#x` holding a fresh private
//    symbol per class evaluation; `o.#x` is `o[#x]` (an Index node keyed by that variable), and
//    the property code gives private-symbol keys their semantics (own only, TypeErrors);
//  - computed field keys are evaluated once, at class definition, into hidden variables `.kN`;
//    private method closures are created once into `.mN`.
// Hidden names start with '.' or '#', which no identifier can, so they never clash with user code.
#include <string>

#include "parser.h"

namespace tenure::js {

namespace {

// Private-name declaration kinds: a getter and a setter of one name (same staticness) pair up.
enum PrivateKind : int { kPrivateField = 1, kPrivateMethod = 2, kPrivateGetter = 4, kPrivateSetter = 8 };

}  // namespace

// `#x` in an expression: an Identifier naming the private name's hidden variable. Whether some
// enclosing class declares it is checked when the innermost class body ends.
Node* Parser::NewPrivateReference(const Token& tok) {
  if (class_bodies_.empty()) {
    Fail("Private field '" + std::string(tok.value) + "' must be declared in an enclosing class", tok.start, tok.end);
  }
  Node* id = NewIdentifier(tok);
  class_bodies_.back()->references.push_back(id);
  return id;
}

void Parser::DeclarePrivateName(const Token& tok, int kind, bool is_static) {
  ClassBody& body = *class_bodies_.back();
  auto it = body.private_names.find(tok.value);
  if (it == body.private_names.end()) {
    body.private_names[tok.value] = kind | (is_static ? 16 : 0);
    return;
  }
  int old = it->second;
  bool pair = (old & 16) == (is_static ? 16 : 0) &&
              (((old & 15) == kPrivateGetter && kind == kPrivateSetter) ||
               ((old & 15) == kPrivateSetter && kind == kPrivateGetter));
  if (!pair) Fail("Identifier '" + std::string(tok.value) + "' has already been declared", tok.start, tok.end);
  it->second = old | kind;
}

// Moves references to names this class does not declare to the enclosing class body, or fails.
void Parser::ResolvePrivateReferences(ClassBody& body) {
  for (Node* ref : body.references) {
    if (body.private_names.count(ref->str) != 0) continue;
    if (class_bodies_.size() < 2) {
      FailAt("Private field '" + std::string(ref->str) + "' must be declared in an enclosing class", ref);
    }
    class_bodies_[class_bodies_.size() - 2]->references.push_back(ref);
  }
}

Node* Parser::NewHiddenIdentifier(std::string_view name, uint32_t offset) {
  Node* id = NewNode(NodeKind::kIdentifier, offset);
  id->str = arena_.CopyString(name);
  return id;
}

// A method (kFlagMethod) named `name` whose body is `statements` (the field initializers).
Node* Parser::NewInitializerFunction(const std::vector<Node*>& statements, uint32_t offset) {
  Node* fn = NewNode(NodeKind::kFunction, offset);
  fn->flags = kFlagMethod | kFlagStrict;
  Node* body = NewNode(NodeKind::kBlock, offset);
  body->list = MakeList(statements);
  fn->a = body;
  return fn;
}

Node* Parser::NewFieldsInit(uint32_t offset) {
  Node* init = NewNode(NodeKind::kFieldsInit, offset);
  init->a = NewHiddenIdentifier(".init", offset);
  init->b = NewNode(NodeKind::kThis, offset);
  return init;
}

// `constructor() {}` / `constructor(...args) { super(...args); }` for a class with instance
// fields but no constructor (the compiler's default constructor cannot run the initializer).
Node* Parser::SynthesizeConstructor(Node* cls, std::vector<Node*>* super_calls) {
  uint32_t at = cls->offset;
  Node* fn = NewNode(NodeKind::kFunction, at);
  fn->flags = kFlagClassCtor | kFlagStrict | (cls->a != nullptr ? kFlagDerivedCtor : 0u);
  fn->str = cls->str;
  Node* body = NewNode(NodeKind::kBlock, at);
  fn->a = body;
  if (cls->a == nullptr) return fn;
  Node* rest = NewNode(NodeKind::kRest, at);
  rest->a = NewHiddenIdentifier(".args", at);
  fn->list = MakeList({rest});
  Node* call = NewNode(NodeKind::kCall, at);
  call->a = NewNode(NodeKind::kSuper, at);
  Node* spread = NewNode(NodeKind::kSpread, at);
  spread->a = NewHiddenIdentifier(".args", at);
  call->list = MakeList({spread});
  super_calls->push_back(call);
  Node* stmt = NewNode(NodeKind::kExprStmt, at);
  stmt->a = call;
  body->list = MakeList({stmt});
  return fn;
}

// `static { … }`: a block with its own break/continue context, no yield/await.
Node* Parser::ParseStaticBlock() {
  bool saved_generator = in_generator_, saved_async = in_async_;
  in_generator_ = in_async_ = false;
  JumpContext saved = std::move(jumps_);
  jumps_ = JumpContext();
  Node* block = ParseBlock();
  jumps_ = std::move(saved);
  in_generator_ = saved_generator;
  in_async_ = saved_async;
  return block;
}

// A field initializer: an AssignmentExpression parsed as if in a method (no yield/await).
Node* Parser::ParseFieldInitializer() {
  bool saved_generator = in_generator_, saved_async = in_async_;
  std::vector<Node*>* saved_super = super_calls_;
  in_generator_ = in_async_ = false;
  super_calls_ = nullptr;
  Node* value = ParseAssignment(true);
  in_generator_ = saved_generator;
  in_async_ = saved_async;
  super_calls_ = saved_super;
  return value;
}

Node* Parser::ParseClass(bool is_declaration) {
  DepthGuard guard(this);
  Node* cls = NewNode(NodeKind::kClass, cur_.start);
  Expect(Tok::kClass);
  if (At(Tok::kIdentifier)) {
    cls->str = ParseBindingIdentifier(Tok::kConst)->str;
  } else if (is_declaration) {
    Unexpected(cur_);
  }
  bool saved_strict = strict_;
  strict_ = true;  // all parts of a class are strict mode code (ECMA-262 §11.2.2)
  if (Eat(Tok::kExtends)) cls->a = ParseLeftHandSide();
  ClassBody body;
  class_bodies_.push_back(&body);
  std::vector<Node*>* saved_super = super_calls_;
  super_calls_ = nullptr;
  Expect(Tok::kLBrace);
  while (!Eat(Tok::kRBrace)) {
    if (Eat(Tok::kSemicolon)) continue;
    ParseClassElement(cls, body);
  }
  super_calls_ = saved_super;
  ResolvePrivateReferences(body);
  class_bodies_.pop_back();
  FinishClassBody(cls, body);
  strict_ = saved_strict;
  return Finish(cls);
}

// Builds the member list and the two initializer functions from what ParseClassElement
// collected; wires the instance initializer into the constructor.
void Parser::FinishClassBody(Node* cls, ClassBody& body) {
  std::vector<Node*> members = std::move(body.name_decls);
  members.insert(members.end(), body.members.begin(), body.members.end());
  cls->list = MakeList(members);
  std::vector<Node*> instance = std::move(body.instance_methods);
  instance.insert(instance.end(), body.instance_fields.begin(), body.instance_fields.end());
  std::vector<Node*> statics = std::move(body.static_methods);
  statics.insert(statics.end(), body.static_elements.begin(), body.static_elements.end());
  if (!statics.empty()) cls->d = NewInitializerFunction(statics, cls->offset);
  if (instance.empty()) return;
  cls->c = NewInitializerFunction(instance, cls->offset);
  if (cls->b == nullptr) cls->b = SynthesizeConstructor(cls, &body.super_calls);
  if (cls->a != nullptr) {
    for (Node* call : body.super_calls) call->b = NewFieldsInit(call->offset);
    return;
  }
  Node* ctor_body = cls->b->a;
  std::vector<Node*> stmts;
  Node* stmt = NewNode(NodeKind::kExprStmt, ctor_body->offset);
  stmt->a = NewFieldsInit(ctor_body->offset);
  stmts.push_back(stmt);
  stmts.insert(stmts.end(), ctor_body->list.begin(), ctor_body->list.end());
  ctor_body->list = MakeList(stmts);
}

// `expr;` statement wrapping a ClassField (the initializer functions' bodies).
Node* Parser::NewFieldStatement(Node* field) {
  Node* stmt = NewNode(NodeKind::kExprStmt, field->offset);
  stmt->a = field;
  stmt->end = field->end;
  return stmt;
}

void Parser::ParseClassElement(Node* cls, ClassBody& body) {
  Node* prop = NewNode(NodeKind::kProperty, cur_.start);
  prop->op = Tok::kFunction;
  Token first = cur_;
  if (AtIdentifier("static")) {
    Tok next = PeekToken().kind;
    if (next == Tok::kLBrace) {  // static initialization block: runs with `this` = the class
      Advance();
      body.static_elements.push_back(ParseStaticBlock());
      return;
    }
    if (next != Tok::kLParen && next != Tok::kAssign && next != Tok::kSemicolon && next != Tok::kRBrace) {
      prop->flags |= kFlagStatic;
      Advance();
      first = cur_;
    }
  }
  Tok after = PeekToken().kind;
  uint32_t kind_flags = 0;  // `async m() {}`, `*m() {}`
  auto modifier_ends = [&](Tok t) {
    return t != Tok::kLParen && t != Tok::kAssign && t != Tok::kSemicolon && t != Tok::kRBrace;
  };
  if ((AtIdentifier("get") || AtIdentifier("set")) && modifier_ends(after) && !PeekToken().newline_before) {
    prop->flags |= first.value == "get" ? uint32_t{kFlagGetter} : uint32_t{kFlagSetter};
    Advance();
  } else {
    if (AtIdentifier("async") && modifier_ends(after) && !PeekToken().newline_before) {
      Advance();
      kind_flags |= kFlagAsync;
    }
    if (Eat(Tok::kMul)) kind_flags |= kFlagGenerator;
  }
  bool accessor = prop->Has(kFlagGetter | kFlagSetter);
  if (At(Tok::kPrivateName)) {
    ParsePrivateElement(prop, first, kind_flags, body);
    return;
  }
  Node* key = ParsePropertyKey(prop);
  if (!At(Tok::kLParen) && !accessor && kind_flags == 0) {
    ParseFieldRest(prop, key, nullptr, body);
    return;
  }
  bool is_ctor = !prop->Has(kFlagStatic | kFlagComputed | kFlagGetter | kFlagSetter) &&
                 key->kind == NodeKind::kString && key->str == "constructor";
  uint32_t fn_flags = kFlagMethod | kind_flags;
  if (is_ctor) {
    if (kind_flags != 0) FailAt("Class constructor may not be a" + std::string(kind_flags & kFlagAsync ? "n async method" : " generator"), key);
    fn_flags = uint32_t{kFlagClassCtor} | (cls->a != nullptr ? uint32_t{kFlagDerivedCtor} : 0u);
    super_calls_ = &body.super_calls;
  }
  prop->b = ParseMethod(first.start, fn_flags);
  super_calls_ = nullptr;
  Finish(prop);
  if (is_ctor) {
    if (cls->b != nullptr) FailAt("A class may only have one constructor", key);
    prop->b->str = cls->str;
    cls->b = prop->b;
  } else {
    body.members.push_back(prop);
  }
}

// After a field's key: `= initializer`? then `;` (or ASI). `private_key` is the `#x` reference
// for private fields, null for public ones.
void Parser::ParseFieldRest(Node* prop, Node* key, Node* private_key, ClassBody& body) {
  bool is_static = prop->Has(kFlagStatic);
  if (private_key == nullptr && !prop->Has(kFlagComputed) && key->kind == NodeKind::kString &&
      (key->str == "constructor" || (is_static && key->str == "prototype"))) {
    FailAt("Classes may not have a " + std::string(is_static && key->str == "prototype" ? "static property named 'prototype'" : "field named 'constructor'"), key);
  }
  Node* field = NewNode(NodeKind::kClassField, prop->offset);
  field->op = Tok::kAssign;
  field->c = NewNode(NodeKind::kThis, prop->offset);
  if (private_key != nullptr) {
    field->a = private_key;
  } else if (prop->Has(kFlagComputed)) {
    Node* member = NewNode(NodeKind::kClassMember, key->offset);
    member->op = Tok::kLBrack;
    member->a = key;
    member->str = arena_.CopyString(".k" + std::to_string(body.hidden_count++));
    member->end = key->end;
    body.members.push_back(member);
    field->a = NewHiddenIdentifier(member->str, key->offset);
  } else {
    field->a = key;
  }
  if (Eat(Tok::kAssign)) field->b = ParseFieldInitializer();
  Finish(field);
  ConsumeSemicolon();
  (is_static ? body.static_elements : body.instance_fields).push_back(NewFieldStatement(field));
}

// `#x = v;`, `#m() {}`, `get #x() {}`, `static #y;` …
void Parser::ParsePrivateElement(Node* prop, const Token& first, uint32_t kind_flags, ClassBody& body) {
  Token name = cur_;
  bool is_static = prop->Has(kFlagStatic);
  bool accessor = prop->Has(kFlagGetter | kFlagSetter);
  if (name.value == "#constructor") Fail("Classes may not have a private field named '#constructor'", name.start, name.end);
  Advance();
  bool is_method = accessor || kind_flags != 0 || At(Tok::kLParen);
  int kind = !is_method ? kPrivateField : prop->Has(kFlagGetter) ? kPrivateGetter
           : prop->Has(kFlagSetter) ? kPrivateSetter : kPrivateMethod;
  bool first_declaration = body.private_names.count(name.value) == 0;
  DeclarePrivateName(name, kind, is_static);
  if (first_declaration) {
    Node* decl = NewNode(NodeKind::kClassMember, name.start);
    decl->op = Tok::kPrivateName;
    decl->str = name.value;
    decl->end = name.end;
    body.name_decls.push_back(decl);
  }
  if (!is_method) {
    Node* key = NewIdentifier(name);
    ParseFieldRest(prop, key, key, body);
    return;
  }
  Node* member = NewNode(NodeKind::kClassMember, first.start);
  member->op = Tok::kFunction;
  member->flags = prop->flags;
  member->str = arena_.CopyString(".m" + std::to_string(body.hidden_count++));
  member->a = NewNode(NodeKind::kString, name.start);  // the closure's name
  member->a->str = name.value;
  member->b = ParseMethod(first.start, kFlagMethod | kind_flags);
  Finish(member);
  body.members.push_back(member);
  Node* field = NewNode(NodeKind::kClassField, first.start);
  field->op = Tok::kFunction;
  field->flags = prop->flags & (kFlagGetter | kFlagSetter);
  field->a = NewIdentifier(name);
  field->b = NewHiddenIdentifier(member->str, first.start);
  field->c = NewNode(NodeKind::kThis, first.start);
  field->end = member->end;
  (is_static ? body.static_methods : body.instance_methods).push_back(NewFieldStatement(field));
}

}  // namespace tenure::js
