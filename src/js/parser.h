// Parser: recursive descent for statements, precedence climbing for binary operators.
//
// Produces an arena-allocated AST (ast.h) for one script, or throws SyntaxError with node's
// message and the offending token's range. Contracts:
//  - Sloppy-mode CommonJS semantics like node's module wrapper: top-level `return` is legal.
//  - ASI follows ECMA-262 §12.10: a missing ';' is accepted before '}', at end of input, or when
//    a line terminator precedes the offending token; `return`/`break`/`continue`/`throw` and
//    postfix ++/-- are restricted productions.
//  - Arrow parameters are parsed with the cover grammar: a parenthesized expression is converted
//    to a parameter list when '=>' follows.
//  - Nesting is bounded by kMaxDepth (recursion and left-deep chains such as a.b.c… or 1+1+…),
//    so neither the parser nor any later tree walker can overflow the C++ stack.
//  - Labels, break and continue are validated here (per function), declarations in the scope
//    analyzer.
//  - Destructuring patterns (parser_patterns.cc) reuse the Array/Object literal nodes: a binding
//    or assignment pattern is parsed as a literal and then validated in place (cover grammar,
//    ECMA-262 §13.15.5 / §14.3.3). Inside a pattern an element with a default is an Assign node
//    (a=target, b=default), a rest element a Spread (arrays) or an `...` Property (objects).
//    A `{a = 1}` shorthand initializer is legal only inside a pattern: each one is recorded in
//    cover_initializers_ until a conversion claims it; any left at the end of a statement is
//    node's "Invalid shorthand property initializer".
#pragma once

#include <string_view>
#include <unordered_map>
#include <vector>

#include "arena.h"
#include "ast.h"
#include "lexer.h"
#include "source.h"

namespace tenure::js {

class Parser {
 public:
  static constexpr int kMaxDepth = 400;

  Parser(const SourceFile& source, Arena& arena);
  // Parses the whole script. Throws SyntaxError.
  Node* ParseProgram();

 private:
  struct Label {
    std::string_view name;
    bool is_loop;
  };
  // Break/continue targets of the function being parsed; saved and reset per function.
  struct JumpContext {
    std::vector<Label> labels;
    int loop_depth = 0;
    int breakable_depth = 0;  // loops + switches
  };
  // Counts one level of nesting while alive; throws SyntaxError past kMaxDepth.
  class DepthGuard {
   public:
    explicit DepthGuard(Parser* parser);
    ~DepthGuard() { --parser_->depth_; }

   private:
    Parser* parser_;
  };

  // Tokens.
  void Advance();
  const Token& PeekToken();
  // The current '/' or '/=' token sits where an expression starts: re-read it as a regexp.
  void RescanAsRegExp();
  // At `await` outside an async function: fails like V8 when an operand follows.
  void CheckAwaitOperand();
  bool At(Tok kind) const { return cur_.kind == kind; }
  bool AtIdentifier(std::string_view name) const {
    return cur_.kind == Tok::kIdentifier && cur_.value == name;
  }
  bool Eat(Tok kind);
  void Expect(Tok kind);
  void ConsumeSemicolon();
  [[noreturn]] void Unexpected(const Token& tok);
  [[noreturn]] void Fail(std::string message, uint32_t start, uint32_t end);
  [[noreturn]] void FailAt(std::string message, const Node* node);

  // Nodes.
  Node* NewNode(NodeKind kind, uint32_t offset);
  Node* Finish(Node* node);
  NodeList MakeList(const std::vector<Node*>& items) { return arena_.CopySpan(items); }
  Node* NewIdentifier(const Token& tok);

  // Statements.
  std::vector<Node*> ParseStatementList(Tok terminator);
  Node* ParseStatementListItem();
  Node* ParseStatement();
  Node* ParseBlock();
  Node* ParseVarDecl(bool in_for);
  Node* ParseBindingIdentifier(Tok decl_kind);
  Node* ParseIf();
  Node* ParseFor();
  Node* ParseForHead(Node* node, bool is_await);
  Node* ParseForInOf(Node* stmt, Node* left);
  Node* ParseWhile();
  Node* ParseDoWhile();
  Node* ParseBreakContinue();
  Node* ParseReturn();
  Node* ParseThrow();
  Node* ParseSwitch();
  Node* ParseTry();
  Node* ParseLabeled();
  Node* ParseLoopBody();

  // Expressions.
  Node* ParseExpression(bool allow_in);
  Node* ParseAssignment(bool allow_in);
  Node* ParseConditional(bool allow_in);
  Node* ParseBinary(int min_precedence, bool allow_in);
  Node* ParseUnary();
  Node* ParsePostfix();
  Node* ParseLeftHandSide();
  Node* ParseCallTail(Node* expr, bool allow_call);
  Node* ParseNew();
  Node* ParsePrimary();
  Node* ParseParenOrArrow(uint32_t arrow_flags = 0);
  Node* ParseArrowBody(Node* fn);
  Node* ParseArrayLiteral();
  Node* ParseObjectLiteral();
  Node* ParsePropertyKey(Node* prop);
  Node* ParseTemplate();
  Node* ParseTaggedTemplate(Node* tag);
  void ParseTemplateParts(std::vector<Node*>* parts, std::vector<Node*>* strings, bool tagged);
  std::vector<Node*> ParseArguments();
  Node* ParseFunction(bool is_declaration, uint32_t flags);
  void ParseParams(Node* fn);
  Node* ParseFunctionBody(Node* fn);
  bool AtUseStrictDirective() const;
  Node* NewTargetDeclaration(uint32_t offset);
  Node* ParseMethod(uint32_t offset, uint32_t flags);
  Node* ParseClass(bool is_declaration);
  // Class bodies (parser_classes.cc; the desugaring of fields is described there).
  struct ClassBody {
    std::vector<Node*> name_decls;        // ClassMember kPrivateName, one per private name
    std::vector<Node*> members;           // methods (Property), computed keys, private methods
    std::vector<Node*> instance_methods;  // ClassField statements installing private methods
    std::vector<Node*> instance_fields;   // ClassField statements, source order
    std::vector<Node*> static_methods;
    std::vector<Node*> static_elements;   // static fields and static blocks, source order
    std::vector<Node*> super_calls;       // super(...) calls in the constructor (arrows included)
    std::unordered_map<std::string_view, int> private_names;  // name -> PrivateKind bits | static
    std::vector<Node*> references;        // `#x` uses to check against the declared names
    int hidden_count = 0;
  };
  void ParseClassElement(Node* cls, ClassBody& body);
  void ParseFieldRest(Node* prop, Node* key, Node* private_key, ClassBody& body);
  void ParsePrivateElement(Node* prop, const Token& first, uint32_t kind_flags, ClassBody& body);
  Node* ParseFieldInitializer();
  Node* ParseStaticBlock();
  void FinishClassBody(Node* cls, ClassBody& body);
  Node* NewPrivateReference(const Token& tok);
  void DeclarePrivateName(const Token& tok, int kind, bool is_static);
  void ResolvePrivateReferences(ClassBody& body);
  Node* NewHiddenIdentifier(std::string_view name, uint32_t offset);
  Node* NewInitializerFunction(const std::vector<Node*>& statements, uint32_t offset);
  Node* NewFieldsInit(uint32_t offset);
  Node* NewFieldStatement(Node* field);
  Node* SynthesizeConstructor(Node* cls, std::vector<Node*>* super_calls);
  void CheckAssignmentTarget(Node* target, const char* message);

  // Patterns (parser_patterns.cc).
  enum class PatternKind { kBinding, kAssignment };
  // Early error of ECMA-262 §15.1.1 / §15.3.1 / §15.4.1: a parameter list that is not simple
  // (patterns, defaults, rest) or belongs to an arrow or a method may not bind a name twice.
  // Fails at the second occurrence with V8's text. (Strict-mode functions with simple lists are
  // not checked: the parser does not track "use strict".)
  void CheckDuplicateParams(const Node* fn);
  // An identifier, or an array/object binding pattern, at the current token.
  Node* ParseBindingTarget(Tok decl_kind);
  // Validates the literal `n` as a pattern of `kind` (throws node's SyntaxError otherwise).
  void ToPattern(Node* n, PatternKind kind);
  void ToPatternTarget(Node* n, PatternKind kind);
  void ToPatternElement(Node* n, PatternKind kind);
  Node* ParseCoverInitializer(Node* id);
  static bool IsPattern(const Node* n) {
    return (n->kind == NodeKind::kArray || n->kind == NodeKind::kObject) &&
           !n->Has(kFlagParenthesized);
  }
  // Fails on a `{a = 1}` recorded since `mark` that no pattern claimed.
  void CheckCoverInitializers(size_t mark);

  const SourceFile& source_;
  Arena& arena_;
  Lexer lexer_;
  Token cur_;
  Token next_;
  bool has_next_ = false;
  uint32_t prev_start_ = 0;
  uint32_t prev_end_ = 0;
  int depth_ = 0;
  JumpContext jumps_;
  // Whether `yield` / `await` are operators here (the innermost function is a generator /
  // async); arrows reset `yield` and take `await` from their own async flag.
  bool in_generator_ = false;
  bool in_async_ = false;
  bool strict_ = false;  // inside strict code: a "use strict" directive or a class body
  // new.target: set while parsing a non-arrow function body (null outside any: SyntaxError);
  // an arrow's `new.target` sets *new_target_capture_ (see ParseFunctionBody).
  bool* new_target_capture_ = nullptr;
  bool in_arrow_ = false;
  Node* ParseYield();
  Node* ParseAsyncArrowOrCall();
  std::vector<Node*> cover_initializers_;  // `a = 1` shorthand Assign nodes not yet in a pattern
  std::vector<ClassBody*> class_bodies_;   // enclosing class bodies, innermost last
  std::vector<Node*>* super_calls_ = nullptr;  // set while parsing a class constructor
};

// Convenience: parses `source` into `arena`. Throws SyntaxError.
Node* ParseScript(const SourceFile& source, Arena& arena);

}  // namespace tenure::js
