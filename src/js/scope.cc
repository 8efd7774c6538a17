#include "scope.h"

#include <string>
#include <unordered_set>

namespace tenure::js {

Scope* ScopeTree::NewScope(ScopeKind kind, Scope* outer, Node* node) {
  scopes_.push_back(std::make_unique<Scope>());
  Scope* s = scopes_.back().get();
  s->kind = kind;
  s->outer = outer;
  s->closure = kind == ScopeKind::kFunction ? s : outer->closure;
  s->node = node;
  if (node != nullptr) node->scope = s;
  return s;
}

Variable* ScopeTree::NewVariable(Scope* scope, std::string_view name, VarMode mode, const Node* decl) {
  vars_.push_back(std::make_unique<Variable>());
  Variable* v = vars_.back().get();
  v->name = name;
  v->mode = mode;
  v->scope = scope;
  v->decl = decl;
  v->init_end = decl != nullptr ? decl->end : 0;
  scope->vars.push_back(v);
  scope->by_name[name] = v;
  return v;
}

namespace {

// The identifiers a binding target declares, in source order (ECMA-262 BoundNames).
void CollectBoundNames(Node* target, std::vector<Node*>* out) {
  if (target == nullptr) return;
  switch (target->kind) {
    case NodeKind::kIdentifier: out->push_back(target); return;
    case NodeKind::kAssign: case NodeKind::kSpread: case NodeKind::kDefaultParam: case NodeKind::kRest:
      CollectBoundNames(target->a, out);
      return;
    case NodeKind::kProperty: CollectBoundNames(target->b, out); return;
    case NodeKind::kArray: case NodeKind::kObject:
      for (Node* item : target->list) CollectBoundNames(item, out);
      return;
    default: return;  // Hole
  }
}

std::vector<Node*> BoundNames(Node* target) {
  std::vector<Node*> names;
  CollectBoundNames(target, &names);
  return names;
}

struct PendingRef {
  Node* node;
  Scope* use_scope;
};

class Analyzer {
 public:
  explicit Analyzer(ScopeTree* tree) : tree_(tree) {}

  void Run(Node* program) {
    Scope* module = tree_->NewScope(ScopeKind::kFunction, nullptr, program);
    module->this_var = tree_->NewVariable(module, "this", VarMode::kThis, nullptr);
    VisitBody(program->list, module);
    Allocate();
    ComputeRefs();
  }

 private:
  [[noreturn]] void Redeclared(const Node* at, std::string_view name) {
    throw SyntaxError{"Identifier '" + std::string(name) + "' has already been declared", at->offset,
                      at->offset + static_cast<uint32_t>(name.size())};
  }

  static bool IsVarLike(VarMode m) {
    return m == VarMode::kVar || m == VarMode::kFunction || m == VarMode::kParam;
  }

  // Declares `name` in `scope`, merging var-like redeclarations and rejecting lexical clashes.
  Variable* Declare(Scope* scope, std::string_view name, VarMode mode, const Node* at) {
    if (Variable* existing = scope->Lookup(name)) {
      bool function_scope = scope->kind == ScopeKind::kFunction;
      if (IsVarLike(mode) && IsVarLike(existing->mode) && (function_scope || mode == VarMode::kVar)) {
        if (mode == VarMode::kFunction) existing->mode = VarMode::kFunction;
        return existing;
      }
      if (existing->mode == VarMode::kFunctionName || existing->mode == VarMode::kArguments) {
        existing->mode = mode;  // user declarations shadow the implicit ones
        existing->decl = at;
        return existing;
      }
      Redeclared(at, name);
    }
    return tree_->NewVariable(scope, name, mode, at);
  }

  // Collects `var` declarators in `stmt` (not entering functions) into `out`.
  static void CollectVars(const Node* stmt, std::vector<const Node*>* out) {
    if (stmt == nullptr) return;
    switch (stmt->kind) {
      case NodeKind::kVarDecl:
        if (stmt->op == Tok::kVar) {
          for (Node* d : stmt->list) {
            for (Node* id : BoundNames(d->a)) out->push_back(id);
          }
        }
        return;
      case NodeKind::kBlock: case NodeKind::kCase:
        for (const Node* s : stmt->list) CollectVars(s, out);
        return;
      case NodeKind::kSwitch:
        for (const Node* s : stmt->list) CollectVars(s, out);
        return;
      case NodeKind::kIf: case NodeKind::kFor: case NodeKind::kForIn: case NodeKind::kForOf:
      case NodeKind::kWhile: case NodeKind::kDoWhile: case NodeKind::kLabeled: case NodeKind::kTry:
        CollectVars(stmt->kind == NodeKind::kIf || stmt->kind == NodeKind::kLabeled ||
                    stmt->kind == NodeKind::kTry ? stmt->a : stmt->d, out);
        if (stmt->kind == NodeKind::kIf) { CollectVars(stmt->b, out); CollectVars(stmt->c, out); }
        if (stmt->kind == NodeKind::kFor || stmt->kind == NodeKind::kForIn || stmt->kind == NodeKind::kForOf) {
          CollectVars(stmt->a, out);
        }
        if (stmt->kind == NodeKind::kTry) { CollectVars(stmt->c, out); CollectVars(stmt->d, out); }
        return;
      default:
        return;
    }
  }

  static bool HasLexical(NodeList stmts) {
    for (const Node* s : stmts) {
      if ((s->kind == NodeKind::kVarDecl && s->op != Tok::kVar) || s->kind == NodeKind::kClassDecl ||
          s->kind == NodeKind::kFunctionDecl) {
        return true;
      }
    }
    return false;
  }

  // Declares the lexical declarations (and, in function scopes, function declarations as
  // var-like) of a statement list, and checks them against vars hoisted through this scope.
  void DeclareLexical(NodeList stmts, Scope* scope) {
    bool function_scope = scope->kind == ScopeKind::kFunction;
    std::vector<const Node*> lexical_names;
    for (Node* s : stmts) {
      if (s->kind == NodeKind::kVarDecl && s->op != Tok::kVar) {
        VarMode mode = s->op == Tok::kConst ? VarMode::kConst : VarMode::kLet;
        for (Node* d : s->list) {
          for (Node* id : BoundNames(d->a)) {
            Variable* v = Declare(scope, id->str, mode, id);
            v->init_end = d->end;
            lexical_names.push_back(id);
          }
        }
      } else if (s->kind == NodeKind::kClassDecl) {
        Variable* v = Declare(scope, s->a->str, VarMode::kClass, s);
        v->init_end = s->end;
        lexical_names.push_back(s);
      } else if (s->kind == NodeKind::kFunctionDecl) {
        Declare(scope, s->a->str, VarMode::kFunction, s);  // initialized at scope entry: no TDZ
      }
    }
    if (function_scope || lexical_names.empty()) return;
    std::vector<const Node*> vars;
    for (const Node* s : stmts) CollectVars(s, &vars);
    for (const Node* v : vars) {
      Variable* existing = scope->Lookup(v->str);
      if (existing != nullptr && existing->IsLexical()) Redeclared(v, v->str);
    }
  }

  void HoistVars(NodeList stmts, Scope* fn) {
    std::vector<const Node*> vars;
    for (const Node* s : stmts) CollectVars(s, &vars);
    for (const Node* v : vars) Declare(fn, v->str, VarMode::kVar, v);
  }

  void VisitBody(NodeList stmts, Scope* fn) {
    HoistVars(stmts, fn);
    DeclareLexical(stmts, fn);
    for (Node* s : stmts) Visit(s, fn);
  }

  // A statement list in its own block scope when it declares anything lexical.
  Scope* EnterBlock(Node* node, NodeList stmts, Scope* scope, ScopeKind kind) {
    if (!HasLexical(stmts)) return scope;
    Scope* block = tree_->NewScope(kind, scope, node);
    DeclareLexical(stmts, block);
    return block;
  }

  void VisitFunction(Node* fn, Scope* outer) {
    size_t first_ref = refs_.size();
    Scope* scope = tree_->NewScope(ScopeKind::kFunction, outer, fn);
    scope->is_arrow = fn->Has(kFlagArrow);
    if (!scope->is_arrow) scope->this_var = tree_->NewVariable(scope, "this", VarMode::kThis, nullptr);
    for (Node* p : fn->list) {
      Node* target = p->kind == NodeKind::kDefaultParam || p->kind == NodeKind::kRest ? p->a : p;
      if (target->kind != NodeKind::kIdentifier) {
        DeclarePatternParam(target, scope);
        continue;
      }
      Variable* v = scope->Lookup(target->str);
      if (v == nullptr) v = tree_->NewVariable(scope, target->str, VarMode::kParam, target);
      scope->params.push_back(v);
    }
    if (fn->Has(kFlagExprBody)) {
      for (Node* p : fn->list) Visit(p, scope);
      Visit(fn->a, scope);
    } else {
      HoistVars(fn->a->list, scope);
      DeclareLexical(fn->a->list, scope);
      for (Node* p : fn->list) Visit(p, scope);
      for (Node* s : fn->a->list) Visit(s, scope);
    }
    // A named function expression sees its own name unless something shadows it.
    if (!fn->str.empty() && !is_declaration_.count(fn) && !fn->Has(kFlagClassCtor) &&
        scope->Lookup(fn->str) == nullptr) {
      scope->function_name_var = tree_->NewVariable(scope, fn->str, VarMode::kFunctionName, fn);
      fn->ref.var = scope->function_name_var;
      refs_.push_back({fn, scope});
      ResolveLate(scope->function_name_var, first_ref);
    }
  }

  // A destructuring parameter: an unnamed parameter variable receives the argument (the
  // pattern node's ref points at it) and the pattern's names are parameters of the function.
  void DeclarePatternParam(Node* pattern, Scope* scope) {
    Variable* hidden = tree_->NewVariable(scope, "", VarMode::kParam, pattern);
    scope->params.push_back(hidden);
    pattern->ref.var = hidden;
    refs_.push_back({pattern, scope});
    for (Node* id : BoundNames(pattern)) {
      if (scope->Lookup(id->str) == nullptr) tree_->NewVariable(scope, id->str, VarMode::kParam, id);
    }
  }

  void VisitClass(Node* cls, Scope* outer) {
    Scope* scope = tree_->NewScope(ScopeKind::kClass, outer, cls);
    if (!cls->str.empty()) {
      Variable* v = tree_->NewVariable(scope, cls->str, VarMode::kClassName, cls);
      v->init_end = cls->end;
    }
    // Hidden bindings of class fields (parser_classes.cc): private names, computed field keys,
    // private method closures and the instance initializer `.init`.
    for (Node* member : cls->list) {
      if (member->kind == NodeKind::kClassMember) tree_->NewVariable(scope, member->str, VarMode::kVar, member);
    }
    if (cls->c != nullptr) tree_->NewVariable(scope, ".init", VarMode::kVar, cls->c);
    Visit(cls->a, scope);
    if (cls->b != nullptr) VisitFunction(cls->b, scope);
    for (Node* member : cls->list) Visit(member, scope);
    Visit(cls->c, scope);
    Visit(cls->d, scope);
  }

  void VisitFor(Node* node, Scope* scope) {
    Node* init = node->a;
    Scope* inner = scope;
    if (init != nullptr && init->kind == NodeKind::kVarDecl && init->op != Tok::kVar) {
      inner = tree_->NewScope(ScopeKind::kBlock, scope, node);
      VarMode mode = init->op == Tok::kConst ? VarMode::kConst : VarMode::kLet;
      for (Node* d : init->list) {
        for (Node* id : BoundNames(d->a)) {
          Variable* v = Declare(inner, id->str, mode, id);
          v->init_end = node->kind == NodeKind::kFor ? d->end : d->a->end;
        }
      }
    }
    // for-in/of: the iterated object is evaluated outside the loop's own bindings.
    Visit(node->b, node->kind == NodeKind::kFor ? inner : scope);
    Visit(init, inner);
    Visit(node->c, inner);
    Visit(node->d, inner);
  }

  void Visit(Node* n, Scope* scope) {
    if (n == nullptr) return;
    switch (n->kind) {
      case NodeKind::kIdentifier:
        Resolve(n, n->str, scope);
        return;
      case NodeKind::kThis:
        Resolve(n, "this", scope);
        return;
      case NodeKind::kFunction:
        VisitFunction(n, scope);
        return;
      case NodeKind::kFunctionDecl:
        is_declaration_.insert(n->a);
        Resolve(n, n->a->str, scope);
        VisitFunction(n->a, scope);
        return;
      case NodeKind::kClass:
        VisitClass(n, scope);
        return;
      case NodeKind::kClassDecl:
        Resolve(n, n->a->str, scope);
        VisitClass(n->a, scope);
        return;
      case NodeKind::kBlock: {
        Scope* inner = EnterBlock(n, n->list, scope, ScopeKind::kBlock);
        for (Node* s : n->list) Visit(s, inner);
        return;
      }
      case NodeKind::kSwitch: {
        Visit(n->a, scope);
        std::vector<Node*> all;
        for (Node* c : n->list) all.insert(all.end(), c->list.begin(), c->list.end());
        Scope* inner = EnterBlock(n, NodeList(all.data(), all.size()), scope, ScopeKind::kSwitch);
        for (Node* c : n->list) {
          Visit(c->a, inner);
          for (Node* s : c->list) Visit(s, inner);
        }
        return;
      }
      case NodeKind::kTry:
        Visit(n->a, scope);
        if (n->c != nullptr) VisitCatch(n, scope);
        Visit(n->d, scope);
        return;
      case NodeKind::kFor: case NodeKind::kForIn: case NodeKind::kForOf:
        VisitFor(n, scope);
        return;
      case NodeKind::kMember:
        Visit(n->a, scope);
        return;
      case NodeKind::kProperty:
        if (n->Has(kFlagComputed)) Visit(n->a, scope);
        Visit(n->b, scope);
        return;
      default:
        for (Node* child : {n->a, n->b, n->c, n->d}) Visit(child, scope);
        for (Node* item : n->list) Visit(item, scope);
        return;
    }
  }

  // The catch parameter and the catch block's lexical declarations share one scope.
  void VisitCatch(Node* n, Scope* scope) {
    Node* body = n->c;
    if (n->b == nullptr && !HasLexical(body->list)) {
      for (Node* s : body->list) Visit(s, scope);
      return;
    }
    Scope* inner = tree_->NewScope(ScopeKind::kCatch, scope, n);
    for (Node* id : BoundNames(n->b)) {
      if (inner->Lookup(id->str) != nullptr) Redeclared(id, id->str);
      tree_->NewVariable(inner, id->str, VarMode::kCatch, id);
    }
    DeclareLexical(body->list, inner);
    Visit(n->b, inner);
    for (Node* s : body->list) Visit(s, inner);
  }

  // Finds the binding for `name` from `scope` outward; creates `arguments` on demand; unresolved
  // names become globals. The ref's location is filled in ComputeRefs once allocation is known.
  void Resolve(Node* n, std::string_view name, Scope* scope) {
    Variable* var = nullptr;
    for (Scope* s = scope; s != nullptr; s = s->outer) {
      if ((var = s->Lookup(name)) != nullptr) break;
      if (name == "arguments" && s->kind == ScopeKind::kFunction && !s->is_arrow && s->outer != nullptr) {
        var = s->arguments_var = tree_->NewVariable(s, "arguments", VarMode::kArguments, nullptr);
        s->node->flags |= kFlagUsesArguments;
        break;
      }
    }
    n->ref.var = var;
    if (var != nullptr && var->scope->closure != scope->closure) var->captured = true;
    refs_.push_back({n, scope});
  }

  // A named function expression's self-binding is declared after its body was visited; bind
  // the references inside the body that fell through to an outer scope or the global.
  void ResolveLate(Variable* var, size_t first_ref) {
    Scope* fn = var->scope;
    for (size_t i = first_ref; i < refs_.size(); ++i) {
      PendingRef& r = refs_[i];
      if (r.node->kind != NodeKind::kIdentifier || r.node->str != var->name) continue;
      Scope* s = r.use_scope;
      bool inside = false;
      for (; s != nullptr; s = s->outer) {
        if (s == fn) { inside = true; break; }
        if (s->Lookup(var->name) != nullptr) break;
      }
      if (!inside) continue;
      r.node->ref.var = var;
      if (r.use_scope->closure != fn) var->captured = true;
    }
  }

  void Allocate() {
    for (const auto& scope : tree_->scopes()) {
      for (Variable* v : scope->vars) {
        if (v->captured) {
          v->in_context = true;
          v->index = scope->context_slots++;
          scope->needs_context = true;
        } else {
          v->index = scope->closure->num_registers++;
        }
      }
    }
  }

  void ComputeRefs() {
    for (const PendingRef& r : refs_) {
      Ref& ref = r.node->ref;
      Variable* var = ref.var;
      if (var == nullptr) {
        ref.kind = RefKind::kGlobal;
        continue;
      }
      if (var->in_context) {
        uint16_t depth = 0;
        for (Scope* s = r.use_scope; s != var->scope; s = s->outer) depth += s->needs_context;
        ref.kind = RefKind::kContext;
        ref.depth = depth;
      } else {
        ref.kind = RefKind::kLocal;
      }
      ref.index = var->index;
      bool declaring = var->decl == r.node;
      ref.needs_tdz_check = var->IsLexical() && !declaring &&
                            !(r.use_scope->closure == var->scope->closure &&
                              r.node->offset >= var->init_end && var->scope->kind != ScopeKind::kSwitch);
    }
  }

  ScopeTree* tree_;
  std::vector<PendingRef> refs_;
  std::unordered_set<const Node*> is_declaration_;
};

}  // namespace

void AnalyzeScopes(Node* program, ScopeTree* tree) {
  Analyzer analyzer(tree);
  analyzer.Run(program);
}

}  // namespace tenure::js
