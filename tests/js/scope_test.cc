#include <gtest/gtest.h>

#include "test_util.h"

namespace tenure::js {
namespace {

std::string Refs(const std::string& text) {
  testing::ParseResult r = testing::Parse(text, /*analyze=*/true);
  return r.ok ? r.dump : "ERROR: " + r.message;
}

TEST(ScopeTest, LocalsAreRegisters) {
  EXPECT_EQ(Refs("function f(a) { var b = a; return b; }"),
            "(Program (FunctionDecl (Function f (a@L1) (Block (VarDecl var (Declarator b@L2 a@L1)) "
            "(Return b@L2)))))");
}

TEST(ScopeTest, ClosureCapturesOnlyWhatItUses) {
  // `big` is captured (context slot 0); `other` stays a register (leak #3 of the seed).
  EXPECT_EQ(Refs("function heavy() { const big = 1; const other = 2; return () => big; }"),
            "(Program (FunctionDecl (Function heavy () (Block (VarDecl const (Declarator big@C0.0 1)) "
            "(VarDecl const (Declarator other@L1 2)) (Return (Function arrow () big@C0.0!))))))");
}

TEST(ScopeTest, UnresolvedNamesAreGlobal) {
  EXPECT_EQ(Refs("console.log(x);"), "(Program (ExprStmt (Call (Member .log console@G) x@G)))");
}

TEST(ScopeTest, TemporalDeadZone) {
  // Read before the declaration: checked. Read after it in the same function: not checked.
  EXPECT_EQ(Refs("x; let x = 1; x;"),
            "(Program (ExprStmt x@L1!) (VarDecl let (Declarator x@L1 1)) (ExprStmt x@L1))");
  // A closure may run before initialization: always checked.
  EXPECT_EQ(Refs("let y = 1; function g() { return y; }"),
            "(Program (VarDecl let (Declarator y@C0.0 1)) "
            "(FunctionDecl (Function g () (Block (Return y@C0.0!)))))");
}

TEST(ScopeTest, BlockScopesAndShadowing) {
  EXPECT_EQ(Refs("let a = 1; { let a = 2; a; } a;"),
            "(Program (VarDecl let (Declarator a@L1 1)) (Block (VarDecl let (Declarator a@L2 2)) "
            "(ExprStmt a@L2)) (ExprStmt a@L1))");
}

TEST(ScopeTest, PerIterationLoopContext) {
  // The loop variable is captured: it lives in the for-scope's context, which is the arrow's
  // current context (the arrow itself allocates none), so depth 0.
  EXPECT_EQ(Refs("for (let i = 0; i < 3; i++) { f(() => i); }"),
            "(Program (For (VarDecl let (Declarator i@C0.0 0)) (Binary < i@C0.0 3) "
            "(Update ++postfix i@C0.0) (Block (ExprStmt (Call f@G (Function arrow () i@C0.0!))))))");
}

TEST(ScopeTest, ArrowsCaptureThis) {
  EXPECT_EQ(Refs("function f() { return () => this; }"),
            "(Program (FunctionDecl (Function f () (Block (Return (Function arrow () this@C0.0))))))");
}

TEST(ScopeTest, VarHoistsOutOfBlocks) {
  EXPECT_EQ(Refs("function f() { { var v = 1; } return v; }"),
            "(Program (FunctionDecl (Function f () (Block (Block (VarDecl var (Declarator v@L1 1))) "
            "(Return v@L1)))))");
}

TEST(ScopeTest, NamedFunctionExpressionSeesItself) {
  EXPECT_EQ(Refs("(function fact(n) { return fact(n); });"),
            "(Program (ExprStmt (Function fact (n@L1) (Block (Return (Call fact@L2 n@L1))))))");
}

TEST(ScopeTest, Redeclarations) {
  EXPECT_EQ(Refs("let x = 1; let x = 2;"), "ERROR: Identifier 'x' has already been declared");
  EXPECT_EQ(Refs("let x = 1; var x = 2;"), "ERROR: Identifier 'x' has already been declared");
  EXPECT_EQ(Refs("{ let z; { var z; } }"), "ERROR: Identifier 'z' has already been declared");
  EXPECT_EQ(Refs("function f(a) { let a; }"), "ERROR: Identifier 'a' has already been declared");
  EXPECT_EQ(Refs("try {} catch (e) { let e; }"), "ERROR: Identifier 'e' has already been declared");
  EXPECT_EQ(Refs("var v; var v; function v() {}").rfind("(Program", 0), 0u);
}

TEST(ScopeTest, ContextDepthSkipsScopesWithoutContexts) {
  // Neither b nor c owns a captured variable, so neither allocates a context: c's current context
  // is a's, depth 0.
  EXPECT_EQ(Refs("function a() { let v = 1; return function b() { return function c() { return v; }; }; }"),
            "(Program (FunctionDecl (Function a () (Block (VarDecl let (Declarator v@C0.0 1)) "
            "(Return (Function b () (Block (Return (Function c () (Block (Return v@C0.0!)))))))))))");
}

}  // namespace
}  // namespace tenure::js
