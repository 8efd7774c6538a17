// Scope analysis: resolves every identifier of a parsed script to a register, a context slot or
// a global, and decides which scopes need a heap-allocated context.
//
// Invariants after Analyze():
//  - Every Identifier / This node that reads or writes a binding has ref.kind != kUnresolved.
//  - A Variable is `captured` iff some reference to it comes from a different function (closure)
//    than the one declaring it. Captured variables live in their scope's context (kContext, slot
//    index); all others are registers of their function (kLocal, unique per function), so a
//    closure retains exactly the variables it captures and nothing else (the seed's leak #3).
//  - Scope::needs_context is true iff the scope owns at least one captured variable. The compiler
//    pushes exactly those contexts, so Ref::depth counts needs_context scopes between the use and
//    the declaration.
//  - needs_tdz_check is false only where the read is provably after initialization: same closure,
//    textually after the declarator, and not in a switch scope.
// Errors (redeclarations) throw SyntaxError like the parser.
#pragma once

#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "arena.h"
#include "ast.h"
#include "syntax_error.h"

namespace tenure::js {

enum class VarMode : uint8_t {
  kVar,
  kLet,
  kConst,
  kFunction,      // function declaration
  kParam,
  kClass,         // class declaration (outer binding)
  kClassName,     // a class's own name inside its body (immutable)
  kCatch,         // catch parameter
  kThis,          // implicit receiver of a non-arrow function (and the module)
  kArguments,     // implicit `arguments`
  kFunctionName,  // a named function expression's own name (immutable, sloppy: writes ignored)
};

enum class ScopeKind : uint8_t { kFunction, kBlock, kCatch, kClass, kSwitch };

struct Scope;

struct Variable {
  std::string_view name;
  VarMode mode;
  Scope* scope = nullptr;
  const Node* decl = nullptr;  // declaring node (Identifier, FunctionDecl, Class...); null if implicit
  uint32_t init_end = 0;       // offset after which the binding is initialized (TDZ elision)
  bool captured = false;
  bool in_context = false;     // location: context slot (true) or register (false)
  uint32_t index = 0;          // register or context slot

  bool IsLexical() const {
    return mode == VarMode::kLet || mode == VarMode::kConst || mode == VarMode::kClass ||
           mode == VarMode::kClassName;
  }
  bool IsImmutable() const {
    return mode == VarMode::kConst || mode == VarMode::kClassName || mode == VarMode::kFunctionName;
  }
};

struct Scope {
  ScopeKind kind;
  Scope* outer = nullptr;
  Scope* closure = nullptr;  // nearest function scope (itself for function scopes)
  Node* node = nullptr;      // the node whose `scope` field points here
  std::vector<Variable*> vars;  // declaration order
  std::unordered_map<std::string_view, Variable*> by_name;
  bool needs_context = false;
  uint32_t context_slots = 0;
  // Function scopes only.
  bool is_arrow = false;
  uint32_t num_registers = 0;       // registers used by non-captured variables
  std::vector<Variable*> params;    // in order; a Rest parameter is last
  Variable* this_var = nullptr;     // null in arrows
  Variable* arguments_var = nullptr;
  Variable* function_name_var = nullptr;

  Variable* Lookup(std::string_view name) const {
    auto it = by_name.find(name);
    return it == by_name.end() ? nullptr : it->second;
  }
};

// Owns the scopes and variables of one script (the AST points into it).
class ScopeTree {
 public:
  Scope* NewScope(ScopeKind kind, Scope* outer, Node* node);
  Variable* NewVariable(Scope* scope, std::string_view name, VarMode mode, const Node* decl);
  const std::vector<std::unique_ptr<Scope>>& scopes() const { return scopes_; }

 private:
  std::vector<std::unique_ptr<Scope>> scopes_;
  std::vector<std::unique_ptr<Variable>> vars_;
};

// Runs scope analysis over `program` (a Program node), filling node->scope / node->ref.
// Throws SyntaxError on redeclarations.
void AnalyzeScopes(Node* program, ScopeTree* tree);

}  // namespace tenure::js
