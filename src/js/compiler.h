// Compiler: AST (after scope analysis) -> register bytecode (bytecode.h), one FunctionInfo per
// function, registered with the Runtime.
//
// Contracts:
//  - Variables resolved kLocal live in frame register kFixedRegs + index; kContext variables are
//    reached by walking `depth` parent links from r0. The compiler pushes a context exactly when
//    it enters a scope with needs_context (function scopes: the interpreter's prologue does it),
//    and pops it on every exit path, including break/continue/return.
//  - Temporaries are allocated stack-like above the locals; frame_size is the high-water mark.
//  - try/finally is compiled by inlining the finally block on each exit path (normal completion,
//    break/continue/return crossing it) plus once in the exception handler, which rethrows.
//  - Every instruction records the source offset of the node being compiled (stack traces).
#pragma once

#include <string_view>
#include <vector>

#include "ast.h"
#include "bytecode.h"
#include "scope.h"

namespace tenure::js {

class Runtime;

class Compiler {
 public:
  Compiler(Runtime& runtime, const SourceFile& source) : rt_(runtime), source_(source) {}
  // Compiles the script body as a function; returns its function id.
  int CompileScript(Node* program);

 private:
  // kAsyncIteratorClose: the body of a `for await` (a PushTry whose exits call the iterator's
  // `return` and await it, AsyncIteratorClose §7.4.13).
  enum class RegionKind { kTryCatch, kFinally, kContext, kAsyncIteratorClose };
  struct Region {
    RegionKind kind;
    Node* finally_block = nullptr;
    int iter_reg = -1;  // kAsyncIteratorClose: the iterator
  };
  enum class TargetKind { kLoop, kSwitch, kLabeled };
  struct JumpTarget {
    std::vector<std::string_view> labels;
    TargetKind kind = TargetKind::kLoop;
    size_t region_height = 0;  // regions_.size() at the target
    // `continue` unwinds only to here (> region_height: a for-await keeps its iterator open).
    size_t continue_height = SIZE_MAX;
    std::vector<int> breaks;
    std::vector<int> continues;
  };
  struct FunctionState {
    FunctionInfo* info = nullptr;
    Scope* scope = nullptr;
    Node* node = nullptr;
    int next_temp = 0;
    std::vector<Region> regions;
    std::vector<JumpTarget> targets;
    std::vector<std::string_view> pending_labels;
    std::vector<int>* optional_exits = nullptr;  // JumpIfNullish sites of the current ?. chain
    int temp_high = 0;  // highest temporary used since the last script-level statement
    FunctionState* outer = nullptr;                // the enclosing function being compiled
    std::vector<std::string_view> this_stores;     // distinct names of `this.name =` stores
    // Tagged-template sites already given a constant (finally blocks are compiled once per exit).
    std::vector<std::pair<const Node*, int>> template_objects;
  };
  // Records `this.<name> = …` for the instance-size estimate of the nearest non-arrow function.
  void NoteThisStore(std::string_view name);

  int CompileFunction(Node* fn, std::string_view name, bool is_script);
  void EmitPrologue(Node* fn);
  void LoadImplicitResult(int reg);
  void EnterScope(Scope* scope, NodeList stmts, bool push_context);
  void ExitScope(Scope* scope);

  // Statements.
  void Statement(Node* n);
  void Statements(NodeList list);
  void VarDecl(Node* n);
  void Block(Node* n);
  void If(Node* n);
  void For(Node* n);
  void ForInOf(Node* n);
  void BindForTarget(Node* n, int value);
  void ForAwaitOf(Node* n);
  void AsyncIteratorClose(int iter, bool quiet);
  void WhileLoop(Node* n);
  void DoWhile(Node* n);
  void Jump(Node* n);
  void Return(Node* n);
  void Switch(Node* n);
  void Try(Node* n);
  void TryCatch(Node* n);
  void Labeled(Node* n);
  // Generators and async functions (generators.h): `return` settles an async function's
  // promise first; after a Yield/Await, mode `throw` throws and mode `return` returns.
  void EmitReturn(int reg);
  void ResumeDispatch(int sent, bool allow_return);
  void Yield(Node* n, int dst);
  void YieldStar(Node* n, int dst);
  void AsyncYieldStar(Node* n, int dst);
  void Await(Node* n, int dst);
  void AwaitInPlace(int reg);
  bool InAsyncGenerator() const { return fs_->info->is_async && fs_->info->is_generator; }
  void UnwindTo(size_t region_height);
  JumpTarget& PushTarget(TargetKind kind);
  void PopTarget(int break_pc, int continue_pc);

  // Expressions: evaluate `n` into register `dst`.
  void Expr(Node* n, int dst);
  int ExprToReg(Node* n);  // a register holding the value (a local's own register if possible)
  void EffectExpr(Node* n);  // evaluate `n` for its effects only (statements, for-loop updates)
  // `var x = init` / `let x = init`: computes `init` straight into x's register when x is a
  // register local and `init` writes its destination last; false (nothing emitted) otherwise.
  bool InitLocalInPlace(Node* id, Node* init);
  // Evaluates the condition `cond` and emits a jump taken when it is falsy (target patched
  // later); `a < b` and the other relations fuse into one compare-and-branch.
  int JumpIfFalse(Node* cond);
  void Assign(Node* n, int dst);
  void Update(Node* n, int dst);
  void Unary(Node* n, int dst);
  void Logical(Node* n, int dst);
  void CallExpr(Node* n, int dst);
  uint32_t CallPosition(const Node* call) const;
  void NewExpr(Node* n, int dst);
  int Arguments(NodeList args, int receiver_reg, bool* spread);  // returns argc or array reg
  void MemberGet(Node* n, int dst, int object_reg);
  void ObjectLiteral(Node* n, int dst);
  bool ShapedObjectLiteral(Node* n, int dst);  // compiler_expressions.cc
  void ArrayLiteral(Node* n, int dst);
  void Template(Node* n, int dst);
  void Class(Node* n, int dst, std::string_view name);
  // Class fields (compiler_classes.cc): define one field/private method on `this`; call the
  // instance initializer; call a runtime intrinsic (private_names.h) with `argc` arguments.
  void ClassField(Node* n, int dst);
  void FieldsInit(Node* n, int dst);
  void IntrinsicCallExpr(Node* n, int dst);
  void ClassMemberSetUp(Node* member, Scope* scope, int ctor, int proto);
  void StoreHidden(Scope* scope, std::string_view name, int src);
  void CallIntrinsic(int which, int dst, int first_arg, int argc);
  void Closure(Node* fn, int dst, std::string_view name, int home_reg);
  // The `name` a method or accessor closure gets (ECMA-262 §10.2.9 SetFunctionName with prefix
  // "get"/"set" for accessors): the key's text ("1" for a number key), "get k" / "set k" for a
  // getter / setter; "" for a computed key (NameByComputedKey names the closure at run time).
  static std::string MethodName(Node* member);
  void NameByComputedKey(Node* member, int fn, int key);
  int CompileDefaultConstructor(std::string_view name, bool derived, Node* cls);
  void LoadThis(int dst);
  void OptionalChain(Node* n, int dst);
  int PropertyKey(Node* prop);  // register holding the (possibly computed) key

  // Destructuring (compiler_patterns.cc). A pattern compiles to plain loads and stores: object
  // patterns to a coercibility check plus GetNamed/GetKeyed per property (and ObjectRest),
  // array patterns to the for-of iterator record (DestructureIterable, ForOfNext per element,
  // IteratorClose when the pattern stops before the iterator is done). Defaults are a
  // JumpIfNotUndefined around the default's code, so they run lazily, left to right.
  enum class BindMode { kInitialize, kAssign };  // declaration/parameter vs assignment
  struct PatternTarget {  // a member target's object/key, evaluated before its value is fetched
    int obj = -1;
    int key = -1;
  };
  // Destructures the value in `value` into `pattern`. `source` names the value in node's
  // TypeErrors: the right-hand side expression, or null (parameters: named by value);
  // `source_text` overrides it (".for" in for-in/of heads, like V8).
  void Destructure(Node* pattern, int value, BindMode mode, const Node* source,
                   const char* source_text = nullptr);
  // `source`: the destructured expression (error positions), null for nested patterns/params.
  void ObjectPattern(Node* n, int value, BindMode mode, int text_k, const Node* source);
  void ArrayPattern(Node* n, int value, BindMode mode, int message_k, const Node* source);
  template <typename Fetch>
  void PatternElement(Node* element, BindMode mode, Fetch fetch);
  void IteratorStepInto(int iter, int done, int dst);
  PatternTarget PrepareTarget(Node* target);
  void StoreTarget(Node* target, const PatternTarget& where, int value, BindMode mode);

  // Variables.
  void LoadVar(Node* id, int dst);
  void StoreVar(Node* id, int src, bool initialize);
  void StoreVarLocation(const Ref& ref, Variable* var, int src);

  // Emission.
  int Emit(Op op, int a = 0, int b = 0, int c = 0);
  int Here() const;
  void PatchTo(int at, int target);  // sets the jump target operand of instruction `at`
  int Temp();
  int Const(Value v);
  int StringConst(std::string_view s);
  int TemplateObjectConst(Node* n);
  int CowElementsConst(const NodeList& list);  // compiler_expressions.cc
  int LiteralKeysConst(const NodeList& list);  // compiler_expressions.cc
  int NameIc(std::string_view name);  // name_k | ic << 16
  static int Pack(int lo, int hi) { return lo | (hi << 16); }

  Runtime& rt_;
  const SourceFile& source_;
  FunctionState* fs_ = nullptr;
  uint32_t offset_ = 0;  // source offset recorded for emitted instructions
};

}  // namespace tenure::js
