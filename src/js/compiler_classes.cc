// Classes: the class evaluation (constructor, prototype, methods, accessors) and the pieces the
// parser's field desugaring adds (parser_classes.cc): private names, computed field keys,
// private method closures, the instance initializer `.init` and the static initializer.
//
// Order of a class evaluation (ECMA-262 §15.7.14 ClassDefinitionEvaluation): the class scope's
// private names get fresh private symbols; the heritage is evaluated; the constructor and the
// prototype are created; element keys and methods in source order; the instance initializer is
// stored in `.init`; the inner class binding is initialized; then the static initializer runs
// with the constructor as `this` (static private methods, then static fields and blocks).
#include "compiler.h"
#include "private_names.h"
#include "runtime.h"

namespace tenure::js {

namespace {

bool IsAnonymousClassOrFunction(const Node* n) {
  return (n->kind == NodeKind::kFunction || n->kind == NodeKind::kClass) && n->str.empty();
}

}  // namespace

void Compiler::Class(Node* n, int dst, std::string_view name_hint) {
  Scope* scope = n->scope;
  std::string_view name = n->str.empty() ? name_hint : n->str;
  if (scope != nullptr) EnterScope(scope, NodeList(), true);
  for (Node* member : n->list) {
    if (member->kind != NodeKind::kClassMember || member->op != Tok::kPrivateName) continue;
    int mark = fs_->next_temp;
    int recv = Temp(), description = Temp(), symbol = Temp();
    Emit(Op::kLoadUndefined, recv);
    Emit(Op::kLoadConst, description, StringConst(member->str));
    CallIntrinsic(kIntrinsicNewPrivateName, symbol, recv, 1);
    StoreHidden(scope, member->str, symbol);
    fs_->next_temp = mark;
  }
  int super_reg = -1;
  if (n->a != nullptr) {
    super_reg = Temp();
    Expr(n->a, super_reg);
  }
  if (n->b != nullptr) {
    Closure(n->b, dst, name, -1);
    const Instr& made = fs_->info->code.back();  // Closure's kCreateClosure (no home object)
    if (made.op == Op::kCreateClosure) {  // toString of a class is the class text
      rt_.functions()[made.b]->source_start = n->offset;
      rt_.functions()[made.b]->source_end = n->end;
    }
  } else {
    Emit(Op::kCreateClosure, dst, CompileDefaultConstructor(name, n->a != nullptr, n));
  }
  int proto = Temp();
  offset_ = n->offset;
  Emit(Op::kCreateClass, dst, super_reg, proto);
  Emit(Op::kSetHomeObject, dst, proto);
  for (Node* member : n->list) {
    int mark = fs_->next_temp;
    if (member->kind == NodeKind::kClassMember) {
      ClassMemberSetUp(member, scope, dst, proto);
      fs_->next_temp = mark;
      continue;
    }
    int holder = member->Has(kFlagStatic) ? dst : proto;
    int key = PropertyKey(member);
    int fn = Temp();
    Closure(member->b, fn, MethodName(member), holder);
    if (member->Has(kFlagComputed)) NameByComputedKey(member, fn, key);
    if (member->Has(kFlagGetter)) Emit(Op::kDefineGetter, holder, key, fn);
    else if (member->Has(kFlagSetter)) Emit(Op::kDefineSetter, holder, key, fn);
    else Emit(Op::kDefineMethod, holder, key, fn);
    fs_->next_temp = mark;
  }
  if (n->c != nullptr) {
    int mark = fs_->next_temp;
    int init = Temp();
    Closure(n->c, init, "<instance_members_initializer>", proto);
    StoreHidden(scope, ".init", init);
    fs_->next_temp = mark;
  }
  if (scope != nullptr) {
    for (Variable* v : scope->vars) {
      if (v->mode != VarMode::kClassName) continue;
      Ref ref;
      ref.kind = v->in_context ? RefKind::kContext : RefKind::kLocal;
      ref.index = v->index;
      StoreVarLocation(ref, v, dst);
    }
  }
  if (n->d != nullptr) {
    int mark = fs_->next_temp;
    int fn = Temp(), recv = Temp(), result = Temp();
    Closure(n->d, fn, "<static_initializer>", dst);
    Emit(Op::kMove, recv, dst);
    offset_ = n->offset;
    Emit(Op::kCall, result, fn, Pack(recv, 0));
    fs_->next_temp = mark;
  }
  ExitScope(scope);
}

// One class-evaluation step the parser added: a computed field key (evaluated and converted to
// a property key once) or a private method/accessor closure (home object: prototype or class).
void Compiler::ClassMemberSetUp(Node* member, Scope* scope, int ctor, int proto) {
  if (member->op == Tok::kLBrack) {
    int recv = Temp(), key = Temp(), converted = Temp();
    Emit(Op::kLoadUndefined, recv);
    Expr(member->a, key);
    offset_ = member->offset;
    CallIntrinsic(kIntrinsicToPropertyKey, converted, recv, 1);
    StoreHidden(scope, member->str, converted);
  } else if (member->op == Tok::kFunction) {
    int fn = Temp();
    Closure(member->b, fn, MethodName(member), member->Has(kFlagStatic) ? ctor : proto);
    StoreHidden(scope, member->str, fn);
  }
}

void Compiler::StoreHidden(Scope* scope, std::string_view name, int src) {
  Variable* v = scope->Lookup(name);
  Ref ref;
  ref.kind = v->in_context ? RefKind::kContext : RefKind::kLocal;
  ref.index = v->index;
  StoreVarLocation(ref, v, src);
}

// `this.<key> = value` as [[DefineOwnProperty]] (public fields: enumerable data properties;
// private names: the property code checks double initialization), or a private method /
// accessor installed from its hidden closure variable.
void Compiler::ClassField(Node* n, int dst) {
  int obj = Temp(), key = Temp(), value = Temp();
  Expr(n->c, obj);
  Node* k = n->a;
  if (k->kind == NodeKind::kNumber) Emit(Op::kLoadConst, key, StringConst(Runtime::NumberToString(k->num)));
  else if (k->kind == NodeKind::kString) Emit(Op::kLoadConst, key, StringConst(k->str));
  else LoadVar(k, key);
  bool named = k->kind == NodeKind::kString || (k->kind == NodeKind::kIdentifier && k->str[0] == '#');
  if (n->op == Tok::kFunction) {
    LoadVar(n->b, value);
  } else if (n->b == nullptr) {
    Emit(Op::kLoadUndefined, value);
  } else if (named && IsAnonymousClassOrFunction(n->b)) {
    if (n->b->kind == NodeKind::kClass) Class(n->b, value, k->str);
    else Closure(n->b, value, k->str, -1);
  } else {
    Expr(n->b, value);
  }
  offset_ = n->offset;
  if (n->op != Tok::kFunction) Emit(Op::kDefineField, obj, key, value);
  else if (n->Has(kFlagGetter)) Emit(Op::kDefineGetter, obj, key, value);
  else if (n->Has(kFlagSetter)) Emit(Op::kDefineSetter, obj, key, value);
  else Emit(Op::kDefineMethod, obj, key, value);
  if (dst >= 0) Emit(Op::kLoadUndefined, dst);
}

// `.init.call(this)` without a property lookup: the instance initializer of the class.
void Compiler::FieldsInit(Node* n, int dst) {
  int fn = Temp(), recv = Temp();
  LoadVar(n->a, fn);
  Expr(n->b, recv);
  offset_ = n->offset;
  Emit(Op::kCall, dst, fn, Pack(recv, 0));
}

// A synthetic IntrinsicCall node: the intrinsic `n->num` called with undefined as the receiver
// and the argument expressions in consecutive registers after it.
void Compiler::IntrinsicCallExpr(Node* n, int dst) {
  int mark = fs_->next_temp;
  int recv = Temp();
  std::vector<int> args;
  for (size_t i = 0; i < n->list.size(); ++i) args.push_back(Temp());
  Emit(Op::kLoadUndefined, recv);
  for (size_t i = 0; i < n->list.size(); ++i) Expr(n->list[i], args[i]);
  CallIntrinsic(static_cast<int>(n->num), dst, recv, static_cast<int>(n->list.size()));
  fs_->next_temp = mark;
}

void Compiler::CallIntrinsic(int which, int dst, int recv, int argc) {
  int fn = Temp();
  Emit(Op::kLoadConst, fn, Const(ClassIntrinsicFunction(rt_, which)));
  Emit(Op::kCall, dst, fn, Pack(recv, argc));
}

}  // namespace tenure::js
