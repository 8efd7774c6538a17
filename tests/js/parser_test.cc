#include <gtest/gtest.h>

#include "test_util.h"

namespace tenure::js {
namespace {

using testing::Error;
using testing::Parse;
using testing::Stmt;

TEST(ParserTest, PrecedenceAndAssociativity) {
  EXPECT_EQ(Stmt("a + b * c - d;"), "(ExprStmt (Binary - (Binary + a (Binary * b c)) d))");
  EXPECT_EQ(Stmt("a ** b ** c;"), "(ExprStmt (Binary ** a (Binary ** b c)))");
  EXPECT_EQ(Stmt("a || b && c ?? d;"),
            "(ExprStmt (Logical ?? (Logical || a (Logical && b c)) d))");
  EXPECT_EQ(Stmt("x = y += z;"), "(ExprStmt (Assign = x (Assign += y z)))");
  EXPECT_EQ(Stmt("a ? b : c ? d : e;"), "(ExprStmt (Conditional a b (Conditional c d e)))");
  EXPECT_EQ(Stmt("-a ** 2;").rfind("ERROR: Unary operator used immediately", 0), 0u);
  EXPECT_EQ(Stmt("typeof a === 'x';"), "(ExprStmt (Binary === (Unary typeof a) \"x\"))");
  EXPECT_EQ(Stmt("a < b == c instanceof d;"),
            "(ExprStmt (Binary == (Binary < a b) (Binary instanceof c d)))");
}

TEST(ParserTest, UpdateAndUnary) {
  EXPECT_EQ(Stmt("++a.b;"), "(ExprStmt (Update ++prefix (Member .b a)))");
  EXPECT_EQ(Stmt("a--;"), "(ExprStmt (Update --postfix a))");
  EXPECT_EQ(Stmt("delete a[0];"), "(ExprStmt (Unary delete (Index a 0)))");
}

TEST(ParserTest, CallsMembersOptionalChains) {
  EXPECT_EQ(Stmt("a.b(c, ...d)[e];"), "(ExprStmt (Index (Call (Member .b a) c (Spread d)) e))");
  EXPECT_EQ(Stmt("a?.b.c();"), "(ExprStmt (OptionalChain (Call (Member .c (Member ?.b a)))))");
  EXPECT_EQ(Stmt("a?.[0]?.(1);"), "(ExprStmt (OptionalChain (Call ?. (Index ?. a 0) 1)))");
  EXPECT_EQ(Stmt("new A.B(1).c;"), "(ExprStmt (Member .c (New (Member .B A) 1)))");
  EXPECT_EQ(Stmt("new A;"), "(ExprStmt (New A))");
  EXPECT_EQ(Stmt("a.if.class;"), "(ExprStmt (Member .class (Member .if a)))");
}

TEST(ParserTest, Literals) {
  EXPECT_EQ(Stmt("[1, , ...a, 'x'];"), "(ExprStmt (Array 1 (Hole) (Spread a) \"x\"))");
  EXPECT_EQ(Stmt("({a: 1, b, [c]: 2, 'd': 3, 4: 5, ...e});"),
            "(ExprStmt (Object (Property \"a\" 1) (Property shorthand \"b\" b) "
            "(Property computed c 2) (Property \"d\" 3) (Property 4 5) (Property spread e)))");
  EXPECT_EQ(Stmt("({get x() { return 1; }, set x(v) {}, m() {}});"),
            "(ExprStmt (Object (Property get method \"x\" (Function () (Block (Return 1)))) "
            "(Property set method \"x\" (Function (v) (Block))) "
            "(Property method \"m\" (Function () (Block)))))");
  EXPECT_EQ(Stmt("`a${b}c${d + 1}`;"), "(ExprStmt (Template \"a\" b \"c\" (Binary + d 1) \"\"))");
  EXPECT_EQ(Stmt("[true, false, null, 1.5e3, 0x10];"),
            "(ExprStmt (Array true false null 1500 16))");
}

TEST(ParserTest, Functions) {
  EXPECT_EQ(Stmt("function f(a, b = 2, ...c) { return a; }"),
            "(FunctionDecl (Function f (a (DefaultParam b 2) (Rest c)) (Block (Return a))))");
  EXPECT_EQ(Stmt("x => x * 2;"), "(ExprStmt (Function arrow (x) (Binary * x 2)))");
  EXPECT_EQ(Stmt("(a, b = 1, ...c) => { a; };"),
            "(ExprStmt (Function arrow (a (DefaultParam b 1) (Rest c)) (Block (ExprStmt a))))");
  EXPECT_EQ(Stmt("() => ({});"), "(ExprStmt (Function arrow () (Object)))");
  EXPECT_EQ(Stmt("(a, b);"), "(ExprStmt (Sequence a b))");
  EXPECT_EQ(Stmt("(function g() {});"), "(ExprStmt (Function g () (Block)))");
}

TEST(ParserTest, Classes) {
  EXPECT_EQ(Stmt("class A extends B { constructor(x) { super(x); } m() {} static s() {} "
                 "get g() { return 1; } }"),
            "(ClassDecl (Class A B (Function ctor A (x) (Block (ExprStmt (Call (Super) x)))) "
            "(Property method \"m\" (Function () (Block))) "
            "(Property static method \"s\" (Function () (Block))) "
            "(Property get method \"g\" (Function () (Block (Return 1))))))");
  EXPECT_EQ(Stmt("class C {}"), "(ClassDecl (Class C _ _))");
}

TEST(ParserTest, Statements) {
  EXPECT_EQ(Stmt("for (let i = 0; i < n; i++) {}"),
            "(For (VarDecl let (Declarator i 0)) (Binary < i n) (Update ++postfix i) (Block))");
  EXPECT_EQ(Stmt("for (;;) break;"), "(For _ _ _ (Break))");
  EXPECT_EQ(Stmt("if (a) b;"), "(If a (ExprStmt b) _)");
  EXPECT_EQ(Stmt("for (const k in o) ;"), "(ForIn (VarDecl const (Declarator k)) o (Empty))");
  EXPECT_EQ(Stmt("for (x of [1]) ;"), "(ForOf x (Array 1) (Empty))");
  EXPECT_EQ(Stmt("for (var i = 0 in o) ;").rfind("ERROR: for-in loop variable declaration", 0), 0u);
  EXPECT_EQ(Stmt("if (a) b; else c;"), "(If a (ExprStmt b) (ExprStmt c))");
  EXPECT_EQ(Stmt("switch (x) { case 1: a; break; default: b; }"),
            "(Switch x (Case 1 (ExprStmt a) (Break)) (Case (ExprStmt b)))");
  EXPECT_EQ(Stmt("try { a; } catch (e) { b; } finally { c; }"),
            "(Try (Block (ExprStmt a)) e (Block (ExprStmt b)) (Block (ExprStmt c)))");
  EXPECT_EQ(Stmt("try {} catch {}"), "(Try (Block) _ (Block) _)");
  EXPECT_EQ(Stmt("outer: for (;;) { continue outer; }"),
            "(Labeled outer (For _ _ _ (Block (Continue outer))))");
  EXPECT_EQ(Stmt("do x++; while (x < 3)"), "(DoWhile (Binary < x 3) (ExprStmt (Update ++postfix x)))");
}

TEST(ParserTest, AutomaticSemicolonInsertion) {
  EXPECT_EQ(Parse("a\nb").dump, "(Program (ExprStmt a) (ExprStmt b))");
  // Restricted production: `return` followed by a newline returns undefined.
  EXPECT_EQ(Parse("function f() { return\n1 }").dump,
            "(Program (FunctionDecl (Function f () (Block (Return) (ExprStmt 1)))))");
  // Postfix ++ may not follow a newline: it becomes prefix on the next line.
  EXPECT_EQ(Parse("a\n++b").dump, "(Program (ExprStmt a) (ExprStmt (Update ++prefix b)))");
  // No ASI inside an expression continued on the next line.
  EXPECT_EQ(Parse("a = b\n(c)").dump, "(Program (ExprStmt (Assign = a (Call b c))))");
  EXPECT_EQ(Parse("let x = 1\nlet y = 2\n").dump,
            "(Program (VarDecl let (Declarator x 1)) (VarDecl let (Declarator y 2)))");
  EXPECT_FALSE(Parse("a b").ok);
}

TEST(ParserTest, SourcePositions) {
  SourceFile source("t.js", "let a = 1;\n  foo(a);\n");
  Arena arena;
  Node* program = ParseScript(source, arena);
  Node* call = program->list[1]->a;
  EXPECT_EQ(call->kind, NodeKind::kCall);
  EXPECT_EQ(call->line, 2u);
  EXPECT_EQ(call->column, 3u);
  EXPECT_EQ(call->list[0]->line, 2u);
  EXPECT_EQ(call->list[0]->column, 7u);
  EXPECT_EQ(source.text().substr(call->offset, call->end - call->offset), "foo(a)");
}

TEST(ParserTest, NodeCompatibleErrors) {
  EXPECT_EQ(Error("let x = ;"), "Unexpected token ';'");
  EXPECT_EQ(Error("let x = 1 +"), "Unexpected end of input");
  EXPECT_EQ(Error("foo bar"), "Unexpected identifier 'bar'");
  EXPECT_EQ(Error("const x;"), "Missing initializer in const declaration");
  EXPECT_EQ(Error("x = 1 2"), "Unexpected number");
  EXPECT_EQ(Error("x = 'a' 'b'"), "Unexpected string");
  EXPECT_EQ(Error("f(1, 2"), "missing ) after argument list");
  EXPECT_EQ(Error("a + 1 = 3"), "Invalid left-hand side in assignment");
  EXPECT_EQ(Error("++a++"), "Invalid left-hand side expression in prefix operation");
  EXPECT_EQ(Error("break;"), "Illegal break statement");
  EXPECT_EQ(Error("continue;"), "Illegal continue statement: no surrounding iteration statement");
  EXPECT_EQ(Error("while (1) { continue foo; }"), "Undefined label 'foo'");
  EXPECT_EQ(Error("throw\n1"), "Illegal newline after throw");
  EXPECT_EQ(Error("var if = 3"), "Unexpected token 'if'");
  EXPECT_EQ(Error("let let = 1"), "let is disallowed as a lexically bound name");
  EXPECT_EQ(Error("function(){}"), "Function statements require a function name");
  EXPECT_EQ(Error("try {}"), "Missing catch or finally after try");
  EXPECT_EQ(Error("`abc"), "Unexpected end of input");
  EXPECT_EQ(Error("return 1;"), "OK");  // CommonJS wrapper: top-level return is legal
}

TEST(ParserTest, ErrorRangeCoversToken) {
  testing::ParseResult r = Parse("foo bar");
  EXPECT_EQ(r.error_start, 4u);
  EXPECT_EQ(r.error_end, 7u);
}

TEST(ParserTest, DeepNestingIsASyntaxErrorNotACrash) {
  for (const char* open : {"(", "[", "({a:", "-", "!", "f(", "a?b:"}) {
    std::string text;
    for (int i = 0; i < 100000; ++i) text += open;
    EXPECT_EQ(Error(text), "Maximum nesting depth exceeded") << open;
  }
  std::string blocks(100000, '{');
  EXPECT_EQ(Error(blocks), "Maximum nesting depth exceeded");
  std::string chain = "a";
  for (int i = 0; i < 100000; ++i) chain += ".b";
  EXPECT_EQ(Error(chain), "Maximum nesting depth exceeded");
  std::string sum = "1";
  for (int i = 0; i < 100000; ++i) sum += "+1";
  EXPECT_EQ(Error(sum), "Maximum nesting depth exceeded");
  // Moderate nesting is fine.
  std::string ok;
  for (int i = 0; i < 100; ++i) ok += "(";
  ok += "1";
  for (int i = 0; i < 100; ++i) ok += ")";
  EXPECT_EQ(Error(ok), "OK");
}

// Duplicate names across parameter patterns (node 20: the caret is on the second occurrence).
TEST(ParserTest, DuplicateParametersMatchNode) {
  const char* kText = "Duplicate parameter name not allowed in this context";
  struct Case { const char* source; uint32_t at; } cases[] = {
      {"function f(a, {a}) {}", 15},     {"(a, [a]) => 0", 5},
      {"function f(a, a = 1) {}", 14},   {"function f(a, {b}, a) {}", 19},
      {"function f({a}, a) {}", 16},     {"(a, a) => 0", 4},
      {"function f(...[a, a]) {}", 18},  {"function f(a, {b: a}) {}", 18},
      {"function f({a, a}) {}", 15},     {"var o = {m(a, a) {}}", 14},
      {"async function f(a, [a]) {}", 21}, {"async (a, {a}) => 0", 11},
      {"class C { m(x, x) {} }", 15},    {"function* g([a], a) {}", 17},
  };
  for (const Case& c : cases) {
    testing::ParseResult r = Parse(c.source);
    EXPECT_EQ(r.message, kText) << c.source;
    EXPECT_EQ(r.error_start, c.at) << c.source;
  }
  // Sloppy functions with simple lists may repeat names; distinct names are fine everywhere.
  EXPECT_EQ(Error("function f(a, a) {}"), "OK");
  EXPECT_EQ(Error("function f(a, {b}, [c], ...d) {}"), "OK");
  EXPECT_EQ(Error("(a, {b: [c]}) => 0"), "OK");
}

}  // namespace
}  // namespace tenure::js

namespace tenure::js {
namespace {

// Destructuring patterns reuse the literal nodes (ast.h "Destructuring patterns").
TEST(ParserTest, DestructuringPatterns) {
  std::string object = testing::Stmt("const {a, b: [c, , d = 1], ...e} = o;");
  EXPECT_NE(object.find("(Array c (Hole) (Assign = d 1))"), std::string::npos) << object;
  EXPECT_NE(object.find("(Property spread e)"), std::string::npos) << object;
  std::string decl = testing::Stmt("let [x, {y = 2}, ...z] = w;");
  EXPECT_EQ(decl.rfind("(VarDecl", 0), 0u) << decl;
  EXPECT_NE(decl.find("(Spread z)"), std::string::npos) << decl;
  EXPECT_NE(decl.find("(Assign = y 2)"), std::string::npos) << decl;
  std::string assign = testing::Stmt("[a.b, c[0]] = [1, 2];");
  EXPECT_NE(assign.find("(Assign = (Array (Member .b a) (Index c 0))"), std::string::npos) << assign;
  std::string params = testing::Stmt("function f({a}, [b] = [], ...[c]) {}");
  EXPECT_NE(params.find("(DefaultParam (Array b) (Array))"), std::string::npos) << params;
  EXPECT_NE(params.find("(Rest (Array c))"), std::string::npos) << params;
  std::string arrow = testing::Stmt("({a = 1}, [b]) => a;");
  EXPECT_EQ(arrow.rfind("(ExprStmt (Function arrow", 0), 0u) << arrow;
  EXPECT_EQ(testing::Error("for (const [k, v] of m) {}"), "OK");
  EXPECT_EQ(testing::Error("for ({a, b} of m) {}"), "OK");
  EXPECT_EQ(testing::Error("try {} catch ({message}) {}"), "OK");
  EXPECT_EQ(testing::Error("for (let [a] = [1]; a; ) {}"), "OK");
}

TEST(ParserTest, DestructuringErrorsMatchNode) {
  using testing::Error;
  EXPECT_EQ(Error("[a + 1] = x"), "Invalid destructuring assignment target");
  EXPECT_EQ(Error("({a: 1} = o)"), "Invalid destructuring assignment target");
  EXPECT_EQ(Error("x = {a = 1}"), "Invalid shorthand property initializer");
  EXPECT_EQ(Error("f({a = 1})"), "Invalid shorthand property initializer");
  EXPECT_EQ(Error("const x = ({a = 1}, 2)"), "Invalid shorthand property initializer");
  EXPECT_EQ(Error("let [...a, b] = c"), "Rest element must be last element");
  EXPECT_EQ(Error("[...a,] = b"), "Rest element must be last element");
  EXPECT_EQ(Error("let {...a, b} = c"), "Rest element must be last element");
  EXPECT_EQ(Error("({...{a}} = c)"),
            "`...` must be followed by an assignable reference in assignment contexts");
  EXPECT_EQ(Error("[...a = 1] = b"), "Invalid destructuring assignment target");
  EXPECT_EQ(Error("const {a}"), "Missing initializer in destructuring declaration");
  EXPECT_EQ(Error("for (let [a]; ;) {}"), "Missing initializer in destructuring declaration");
  EXPECT_EQ(Error("for (const {a} = 1 of b) {}"),
            "for-of loop variable declaration may not have an initializer.");
  EXPECT_EQ(Error("({a}) = 1"), "Invalid left-hand side in assignment");
  EXPECT_EQ(Error("[a] += 1"), "Invalid left-hand side in assignment");
  EXPECT_EQ(Error("const {f(){}} = o"), "Invalid destructuring assignment target");
  EXPECT_EQ(Error("let {a: b.c} = o"), "Illegal property in declaration context");
  EXPECT_EQ(Error("let [a, a] = []"), "Identifier 'a' has already been declared");
  EXPECT_EQ(Error("try {} catch ([e, e]) {}"), "Identifier 'e' has already been declared");
  EXPECT_EQ(Error("({a = 1}) => a"), "OK");
  EXPECT_EQ(Error("([a.b]) => a"), "Illegal property in declaration context");
  EXPECT_EQ(Error("[(a), o.p] = [1, 2]"), "OK");
}

}  // namespace
}  // namespace tenure::js
