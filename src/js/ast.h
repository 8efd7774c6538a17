// AST: arena-allocated syntax tree of one script.
//
// One uniform Node struct (kind + up to four children + a list + scalar payloads) keeps the
// parser, the scope analyzer, the dump and the compiler free of downcasts. Field use per kind is
// documented in TENURE_JS_NODES below. Invariants: every node has a source position (offset,
// line, column) of its first token; children never form cycles; nodes are trivially destructible
// and owned by the Arena that created them. The scope analyzer fills `scope` (scope-introducing
// nodes) and `ref` (identifiers); nothing else writes a node after parsing.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "token.h"

namespace tenure::js {

// X(kind, fields) — the second column is documentation only.
#define TENURE_JS_NODES(X)                                                                     \
  X(Program, "list=statements scope")                                                          \
  X(VarDecl, "op=var/let/const list=Declarator")                                               \
  X(Declarator, "a=Identifier|pattern b=init?")                                                \
  X(FunctionDecl, "a=Function")                                                                \
  X(ClassDecl, "a=Class")                                                                      \
  X(Return, "a=value?")                                                                        \
  X(If, "a=test b=then c=else?")                                                               \
  X(For, "a=init? b=test? c=update? d=body scope")                                             \
  X(ForIn, "a=VarDecl|target b=object d=body scope")                                           \
  X(ForOf, "a=VarDecl|target b=iterable d=body scope")                                         \
  X(While, "a=test d=body")                                                                    \
  X(DoWhile, "a=test d=body")                                                                  \
  X(Break, "str=label?")                                                                       \
  X(Continue, "str=label?")                                                                    \
  X(Switch, "a=discriminant list=Case scope")                                                  \
  X(Case, "a=test?(null=default) list=statements")                                             \
  X(Try, "a=Block b=catch param(Identifier|pattern)? c=catch Block? d=finally Block? scope")   \
  X(Throw, "a=value")                                                                          \
  X(Block, "list=statements scope")                                                            \
  X(Empty, "")                                                                                 \
  X(ExprStmt, "a=expression")                                                                  \
  X(Labeled, "str=label a=body")                                                               \
  X(Debugger, "")                                                                              \
  X(Identifier, "str=name ref")                                                                \
  X(Number, "num")                                                                             \
  X(String, "str=cooked value")                                                                \
  X(Template, "list=String,expr,String,...,String (odd indices are substitutions)")            \
  X(TemplateObject, "list=cooked(String|Hole=undefined),raw String,... (tag`...`'s first argument)") \
  X(RegExp, "str=pattern/flags (source text after the opening slash)")                        \
  X(Boolean, "flags=1 for true")                                                               \
  X(Null, "")                                                                                  \
  X(This, "ref (resolved like a variable; arrows capture it)")                                 \
  X(NewTarget, "(the frame's new.target register; arrows read the hidden var .newtarget)")     \
  X(Super, "")                                                                                 \
  X(Array, "list=elements (Hole, Spread or expr)")                                             \
  X(Object, "list=Property")                                                                   \
  X(Property, "op=PropKind a=key b=value flags=computed|static")                               \
  X(Function, "str=name list=params(Identifier|pattern|DefaultParam|Rest) a=body flags scope") \
  X(Class, "str=name a=superclass? b=constructor Function? list=Property|ClassMember c=instance initializer Function? d=static initializer Function? scope") \
  X(ClassMember, "op=Tok::kLBrack (computed key)|kPrivateName|kFunction (private method) str=hidden variable a=key? b=Function? flags=static|getter|setter") \
  X(ClassField, "op=kAssign (field)|kFunction (private method) a=key b=value? c=This flags=getter|setter") \
  X(FieldsInit, "a=Identifier(.init) b=This: calls the instance initializer (class fields)") \
  X(IntrinsicCall, "num=ClassIntrinsic list=args: calls a runtime intrinsic (synthetic: modules.cc)") \
  X(Unary, "op a")                                                                             \
  X(Update, "op=++/-- a=target flags=prefix")                                                  \
  X(Binary, "op a b")                                                                          \
  X(Logical, "op=&&,||,?? a b")                                                                \
  X(Assign, "op a=target b=value")                                                             \
  X(Conditional, "a=test b=then c=else")                                                       \
  X(Call, "a=callee list=args flags=optional")                                                 \
  X(New, "a=callee list=args")                                                                 \
  X(Member, "a=object str=name flags=optional")                                                \
  X(Index, "a=object b=key flags=optional")                                                    \
  X(OptionalChain, "a=chain (short-circuit boundary of ?.)")                                   \
  X(Sequence, "list=expressions")                                                              \
  X(Spread, "a=argument")                                                                      \
  X(Hole, "")                                                                                  \
  X(DefaultParam, "a=Identifier|pattern b=default")                                            \
  X(Rest, "a=Identifier|pattern")                                                              \
  X(Yield, "a=argument? flags=kFlagDelegate for yield*")                                      \
  X(Await, "a=argument")

// Destructuring patterns are Array/Object nodes in target position (Declarator.a, params,
// DefaultParam.a, Rest.a, catch param, Assign.a, ForIn/ForOf.a). Inside a pattern: Hole = elision,
// Assign(op `=`, a=target, b=default) = element with a default, Spread(a=target) = array rest,
// Property op=kColon (b=target|Assign), kIdentifier (shorthand: b=Identifier|Assign) or kEllipsis
// (object rest, b=target). A function parameter pattern's `ref` names the hidden parameter
// variable holding the argument.
enum class NodeKind : uint8_t {
#define TENURE_JS_NODE_ENUM(kind, doc) k##kind,
  TENURE_JS_NODES(TENURE_JS_NODE_ENUM)
#undef TENURE_JS_NODE_ENUM
};

std::string_view NodeKindName(NodeKind kind);

// Property.op reuses Tok values: kColon = `key: value`, kIdentifier = shorthand `{a}`,
// kFunction = method, kEllipsis = spread; getters/setters use these two sentinels.
enum PropKindFlag : uint32_t {
  kPropGetter = 1u << 8,
  kPropSetter = 1u << 9,
};

// Node.flags bits.
enum NodeFlag : uint32_t {
  kFlagTrue = 1u << 0,          // Boolean
  kFlagPrefix = 1u << 0,        // Update
  kFlagOptional = 1u << 0,      // Call, Member, Index: this link is `?.`
  kFlagComputed = 1u << 1,      // Property: `[key]`
  kFlagStatic = 1u << 2,        // Property in a class body
  kFlagArrow = 1u << 3,         // Function
  kFlagExprBody = 1u << 4,      // Function: arrow with an expression body (a = expression)
  kFlagMethod = 1u << 5,        // Function: object/class method (has a home object, no prototype)
  kFlagClassCtor = 1u << 6,     // Function: a class constructor
  kFlagDerivedCtor = 1u << 7,   // Function: constructor of a class with `extends`
  kFlagGetter = kPropGetter,    // Property
  kFlagSetter = kPropSetter,    // Property
  kFlagUsesArguments = 1u << 10,  // Function: body references `arguments`
  kFlagParenthesized = 1u << 11,  // expression was wrapped in parentheses
  kFlagTrailingComma = 1u << 20,  // Array: a comma follows the last element (`[...a,]`)
  kFlagDelegate = 1u << 0,        // Yield: `yield*`
  kFlagAwait = 1u << 0,           // ForOf: `for await (... of ...)` (ECMA-262 §14.7.5)
  kFlagGenerator = 1u << 22,      // Function: `function*` / `*method` (generators.h)
  kFlagAsync = 1u << 23,          // Function: `async` function, arrow or method
  kFlagStrict = 1u << 24,         // Function, Program: strict mode code (directive, class, enclosing)
};

struct Node;
struct Scope;
struct Variable;
using NodeList = std::span<Node*>;

// Where a resolved identifier lives at run time (filled by the scope analyzer).
enum class RefKind : uint8_t { kUnresolved, kLocal, kContext, kGlobal };
struct Ref {
  RefKind kind = RefKind::kUnresolved;
  bool needs_tdz_check = false;  // let/const/class read that may precede initialization
  uint16_t depth = 0;            // kContext: contexts to walk outward from the current one
  uint32_t index = 0;            // kLocal: register; kContext: slot
  Variable* var = nullptr;       // null for kGlobal
};

struct Node {
  NodeKind kind;
  Tok op = Tok::kEof;
  uint32_t flags = 0;
  uint32_t offset = 0;  // byte offset of the first token
  uint32_t end = 0;     // byte offset one past the last token
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based
  Node* a = nullptr;
  Node* b = nullptr;
  Node* c = nullptr;
  Node* d = nullptr;
  NodeList list;
  std::string_view str;
  double num = 0;
  Scope* scope = nullptr;
  Ref ref;

  bool Has(uint32_t flag) const { return (flags & flag) != 0; }
};

}  // namespace tenure::js
