#include "compiler.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "runtime.h"

namespace tenure::js {

namespace {

VarLocation LocationOf(const Variable* v) {
  VarLocation loc;
  if (v == nullptr) return loc;
  loc.valid = true;
  loc.in_context = v->in_context;
  loc.index = v->in_context ? static_cast<int>(v->index) : kFixedRegs + static_cast<int>(v->index);
  return loc;
}

bool IsAnonymousFunction(const Node* n) {
  return (n->kind == NodeKind::kFunction || n->kind == NodeKind::kClass) && n->str.empty();
}

// The operand of a jump instruction that holds its target, or null for other instructions.
int* JumpTargetOperand(Instr& in) {
  switch (in.op) {
    case Op::kJump: return &in.a;
    case Op::kJumpIfTrue: case Op::kJumpIfFalse: case Op::kJumpIfNullish: case Op::kJumpIfNotUndefined:
    case Op::kJumpIfNull: case Op::kJumpIfNotNull:
      return &in.b;
    case Op::kJumpIfNotLt: case Op::kJumpIfNotGt: case Op::kJumpIfNotLe: case Op::kJumpIfNotGe:
      return &in.c;
    default: return nullptr;
  }
}

// Jump threading: a jump whose target is an unconditional Jump goes to that Jump's target
// (`if … else …` at the end of a loop body: the branch's exit jump lands on the loop's back
// jump). Only Jump checks the step budget on backward jumps, so a conditional jump is threaded
// only to a later instruction. Instruction indices do not change.
void ThreadJumps(std::vector<Instr>* code) {
  for (size_t i = 0; i < code->size(); ++i) {
    int* target = JumpTargetOperand((*code)[i]);
    if (target == nullptr) continue;
    bool conditional = (*code)[i].op != Op::kJump;
    for (int hops = 0; hops < 4; ++hops) {
      if (*target < 0 || static_cast<size_t>(*target) >= code->size()) break;
      const Instr& next = (*code)[static_cast<size_t>(*target)];
      if (next.op != Op::kJump || next.a == *target) break;
      if (conditional && next.a <= static_cast<int>(i)) break;
      *target = next.a;
    }
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Emission helpers

int Compiler::Emit(Op op, int a, int b, int c) {
  fs_->info->code.push_back(Instr{op, a, b, c});
  fs_->info->positions.push_back(offset_);
  return static_cast<int>(fs_->info->code.size()) - 1;
}

int Compiler::Here() const { return static_cast<int>(fs_->info->code.size()); }

void Compiler::PatchTo(int at, int target) {
  Instr& in = fs_->info->code[at];
  switch (in.op) {
    case Op::kJump: in.a = target; break;
    case Op::kJumpIfTrue: case Op::kJumpIfFalse: case Op::kJumpIfNullish:
    case Op::kJumpIfNotUndefined: case Op::kJumpIfNull: case Op::kJumpIfNotNull: in.b = target; break;
    case Op::kForInNext: case Op::kForOfNext: in.c = target; break;
    case Op::kJumpIfNotLt: case Op::kJumpIfNotGt: case Op::kJumpIfNotLe: case Op::kJumpIfNotGe:
      in.c = target;
      break;
    case Op::kPushTry: in.a = target; break;
    default: break;
  }
}

int Compiler::Temp() {
  int r = fs_->next_temp++;
  if (fs_->next_temp > fs_->temp_high) fs_->temp_high = fs_->next_temp;
  if (fs_->next_temp > fs_->info->frame_size) fs_->info->frame_size = fs_->next_temp;
  return r;
}

int Compiler::Const(Value v) {
  fs_->info->constants.push_back(v);
  return static_cast<int>(fs_->info->constants.size()) - 1;
}

int Compiler::StringConst(std::string_view s) {
  Value key = rt_.Intern(s);
  auto& consts = fs_->info->constants;
  for (size_t i = 0; i < consts.size(); ++i) {
    if (consts[i] == key) return static_cast<int>(i);
  }
  return Const(key);
}

int Compiler::NameIc(std::string_view name) {
  int k = StringConst(name);
  fs_->info->ics.emplace_back();
  return Pack(k, static_cast<int>(fs_->info->ics.size()) - 1);
}

// ---------------------------------------------------------------------------------------------
// Functions and scopes

int Compiler::CompileScript(Node* program) { return CompileFunction(program, "", true); }

int Compiler::CompileFunction(Node* fn, std::string_view name, bool is_script) {
  // Registered before compiling: constants allocated during compilation may trigger a GC, which
  // must see (and update) this function's constant pool.
  int function_id = rt_.AddFunction(std::make_unique<FunctionInfo>());
  FunctionInfo* info = rt_.functions()[function_id].get();
  Scope* scope = fn->scope;
  info->name = std::string(name);
  info->source = &source_;
  info->is_script = is_script;
  info->offset = fn->offset;
  info->source_start = fn->offset;
  info->source_end = fn->end;
  info->is_arrow = fn->Has(kFlagArrow);
  info->is_class_ctor = fn->Has(kFlagClassCtor);
  info->is_strict = fn->Has(kFlagStrict);
  info->is_derived_ctor = fn->Has(kFlagDerivedCtor);
  info->is_method = fn->Has(kFlagMethod) || info->is_arrow;
  info->is_generator = fn->Has(kFlagGenerator);
  info->is_async = fn->Has(kFlagAsync);
  if (info->is_generator || info->is_async) info->is_method = true;  // not constructors
  for (Variable* p : scope->params) {
    info->params.push_back(LocationOf(p));
  }
  if (!fn->list.empty() && fn->list.back()->kind == NodeKind::kRest) {
    info->rest = info->params.back();
    info->params.pop_back();
  }
  for (Node* p : fn->list) {
    if (p->kind == NodeKind::kDefaultParam || p->kind == NodeKind::kRest) break;
    info->formal_count++;
  }
  info->this_var = LocationOf(scope->this_var);
  info->self_var = LocationOf(scope->function_name_var);
  info->arguments_var = LocationOf(scope->arguments_var);
  info->context_slots = scope->needs_context ? static_cast<int>(scope->context_slots) : 0;
  info->register_prologue = info->context_slots == 0 && !info->rest.valid &&
                           !info->arguments_var.valid && !info->this_var.in_context &&
                           !info->self_var.in_context;
  for (const VarLocation& p : info->params) info->register_prologue &= !p.in_context;
  info->frame_size = kFixedRegs + static_cast<int>(scope->num_registers);

  FunctionState state;
  state.info = info;
  state.scope = scope;
  state.node = fn;
  state.next_temp = info->frame_size;
  FunctionState* saved = fs_;
  state.outer = saved;
  uint32_t saved_offset = offset_;
  fs_ = &state;
  offset_ = fn->offset;

  if (is_script) {
    EnterScope(scope, fn->list, false);
    // The script frame lives as long as the program: clear the temporaries of each top-level
    // statement so dead values (e.g. a dropped closure) are not kept alive by stale registers.
    for (Node* s : fn->list) {
      int mark = state.next_temp;
      state.temp_high = mark;
      Statement(s);
      if (state.temp_high > mark) Emit(Op::kClearRange, mark, state.temp_high - mark);
    }
    int r = Temp();
    Emit(Op::kLoadUndefined, r);
    Emit(Op::kReturn, r);
  } else {
    EmitPrologue(fn);
  }
  ThreadJumps(&info->code);
  info->frame_size += 1;
  info->this_property_count = static_cast<int>(state.this_stores.size());
  fs_ = saved;
  offset_ = saved_offset;
  return function_id;
}

void Compiler::NoteThisStore(std::string_view name) {
  FunctionState* fs = fs_;
  while (fs != nullptr && fs->info->is_arrow) fs = fs->outer;
  if (fs == nullptr || fs->info->is_script) return;
  for (std::string_view seen : fs->this_stores) {
    if (seen == name) return;
  }
  fs->this_stores.push_back(name);
}

// Hoisting, default parameters, body, implicit return.
void Compiler::EmitPrologue(Node* fn) {
  bool expr_body = fn->Has(kFlagExprBody);
  FunctionInfo* info = fs_->info;
  int async_catch = -1;
  int async_exc = -1;
  if (info->is_generator || info->is_async) info->generator_reg = Temp();
  bool async_function = info->is_async && !info->is_generator;
  if (async_function) {
    // The whole body runs inside a handler that rejects the function's promise.
    Emit(Op::kAsyncStart, info->generator_reg);
    int ctx_save = Temp();
    async_exc = Temp();
    async_catch = Emit(Op::kPushTry, 0, async_exc, ctx_save);
    fs_->regions.push_back({RegionKind::kTryCatch});
  }
  EnterScope(fs_->scope, expr_body ? NodeList() : fn->a->list, false);
  for (Node* p : fn->list) {
    // A destructuring parameter's pattern node resolves to the hidden parameter variable.
    Node* target = p->kind == NodeKind::kDefaultParam || p->kind == NodeKind::kRest ? p->a : p;
    bool pattern = target->kind != NodeKind::kIdentifier;
    if (p->kind != NodeKind::kDefaultParam && !pattern) continue;
    offset_ = p->offset;
    int r = Temp();
    LoadVar(target, r);
    if (p->kind == NodeKind::kDefaultParam) {
      int skip = Emit(Op::kJumpIfNotUndefined, r, 0);
      Expr(p->b, r);
      StoreVar(target, r, true);
      PatchTo(skip, Here());
    }
    if (pattern) Destructure(target, r, BindMode::kInitialize, nullptr);
  }
  if (info->is_generator) Emit(Op::kGeneratorStart, info->generator_reg);
  int r = Temp();
  if (expr_body) {
    Expr(fn->a, r);
  } else {
    Statements(fn->a->list);
    offset_ = fn->end > 0 ? fn->end - 1 : fn->offset;
    LoadImplicitResult(r);
  }
  if (!async_function) {
    Emit(Op::kReturn, r);
    return;
  }
  fs_->regions.pop_back();
  Emit(Op::kPopTry);
  EmitReturn(r);
  PatchTo(async_catch, Here());
  Emit(Op::kAsyncSettle, r, async_exc, 1);
  Emit(Op::kReturn, r);
}

void Compiler::EmitReturn(int reg) {
  // An async generator's completion is settled by AsyncGeneratorRun (generators.h).
  if (fs_->info->is_async && !fs_->info->is_generator) Emit(Op::kAsyncSettle, reg, reg, 0);
  Emit(Op::kReturn, reg);
}

// After Yield/Await: r[sent + 1] is the resume mode (0 next, 1 throw, 2 return).
void Compiler::ResumeDispatch(int sent, bool allow_return) {
  int t = Temp();
  Emit(Op::kLoadSmi, t, 1);
  Emit(Op::kStrictEq, t, sent + 1, t);
  int not_throw = Emit(Op::kJumpIfFalse, t, 0);
  Emit(Op::kThrow, sent);
  PatchTo(not_throw, Here());
  if (!allow_return) return;
  Emit(Op::kLoadSmi, t, 2);
  Emit(Op::kStrictEq, t, sent + 1, t);
  int not_return = Emit(Op::kJumpIfFalse, t, 0);
  int r = Temp();
  Emit(Op::kMove, r, sent);
  if (InAsyncGenerator()) AwaitInPlace(r);  // AsyncGeneratorUnwrapYieldResumption (§27.6.3.7)
  UnwindTo(0);
  EmitReturn(r);
  PatchTo(not_return, Here());
}

void Compiler::Yield(Node* n, int dst) {
  if (n->Has(kFlagDelegate)) {
    YieldStar(n, dst);
    return;
  }
  int v = Temp();
  if (n->a != nullptr) Expr(n->a, v);
  else Emit(Op::kLoadUndefined, v);
  offset_ = n->offset;
  // §15.5.5: an async generator awaits the operand, then yields it raw (AsyncGeneratorYield).
  bool async = InAsyncGenerator();
  if (async) AwaitInPlace(v);
  int sent = Temp();
  Temp();  // sent + 1: mode
  Emit(Op::kYield, sent, v, async ? 1 : 0);
  ResumeDispatch(sent, true);
  Emit(Op::kMove, dst, sent);
}

// yield* (§15.5.5): the inner iterator's results are passed through unchanged; next/throw/return
// reach it by the resume mode (YieldStarStep), and a `done` result ends the loop.
void Compiler::YieldStar(Node* n, int dst) {
  if (InAsyncGenerator()) {
    AsyncYieldStar(n, dst);
    return;
  }
  int v = Temp();
  Expr(n->a, v);
  offset_ = n->offset;
  int iter = Temp();
  Emit(Op::kGetIterator, iter, v);
  int recv = Temp();
  int mode = Temp();
  Emit(Op::kLoadUndefined, recv);
  Emit(Op::kLoadSmi, mode, 0);
  int res = Temp();
  int done = Temp();
  int loop = Here();
  Emit(Op::kYieldStarStep, res, iter, recv);
  Emit(Op::kGetNamed, done, res, NameIc("done"));
  int exit = Emit(Op::kJumpIfTrue, done, 0);
  Emit(Op::kYield, recv, res, 1);
  Emit(Op::kJump, loop);
  PatchTo(exit, Here());
  int value = Temp();
  Emit(Op::kGetNamed, value, res, NameIc("value"));
  int t = Temp();
  Emit(Op::kLoadSmi, t, 2);
  Emit(Op::kStrictEq, t, mode, t);
  int not_return = Emit(Op::kJumpIfFalse, t, 0);
  UnwindTo(0);
  EmitReturn(value);
  PatchTo(not_return, Here());
  Emit(Op::kMove, dst, value);
}

// yield* in an async generator (§15.5.5, generatorKind async): the inner iterator comes from
// GetIterator(async); each inner result is awaited and checked, its value yielded raw; a resumption
// with mode return awaits the sent value first (a rejection turns it into mode throw).
// A missing inner `throw` closes the iterator (awaiting its `return`) and throws node's TypeError.
void Compiler::AsyncYieldStar(Node* n, int dst) {
  int v = Temp();
  Expr(n->a, v);
  offset_ = n->offset;
  int iter = Temp();
  int at = Emit(Op::kGetAsyncIterator, iter, v);
  fs_->info->callee_text[at] = std::string(source_.text().substr(n->a->offset, n->a->end - n->a->offset));
  int recv = Temp();
  int mode = Temp();
  Emit(Op::kLoadUndefined, recv);
  Emit(Op::kLoadSmi, mode, 0);
  int res = Temp();
  int value = Temp();
  int t = Temp();
  int sent = Temp();
  Temp();  // sent + 1
  int loop = Here();
  Emit(Op::kLoadSmi, t, 1);
  Emit(Op::kStrictEq, t, mode, t);
  int step = Emit(Op::kJumpIfFalse, t, 0);
  Emit(Op::kGetNamed, t, iter, NameIc("throw"));
  int missing_throw = Emit(Op::kJumpIfNullish, t, 0);
  PatchTo(step, Here());
  Emit(Op::kYieldStarStep, res, iter, recv);
  AwaitInPlace(res);
  Emit(Op::kIterResultCheck, res);
  Emit(Op::kGetNamed, t, res, NameIc("done"));
  int exit = Emit(Op::kJumpIfTrue, t, 0);
  Emit(Op::kGetNamed, value, res, NameIc("value"));
  Emit(Op::kYield, recv, value, 1);
  Emit(Op::kLoadSmi, t, 2);
  Emit(Op::kStrictEq, t, mode, t);
  Emit(Op::kJumpIfFalse, t, loop);
  Emit(Op::kAwait, sent, recv);
  Emit(Op::kMove, recv, sent);
  Emit(Op::kLoadSmi, t, 1);
  Emit(Op::kStrictEq, t, sent + 1, t);
  Emit(Op::kJumpIfFalse, t, loop);
  Emit(Op::kLoadSmi, mode, 1);
  Emit(Op::kJump, loop);
  PatchTo(missing_throw, Here());  // §15.5.5 step 7.b.iii
  AsyncIteratorClose(iter, false);
  Emit(Op::kThrowTypeError, StringConst("The iterator does not provide a 'throw' method."));
  PatchTo(exit, Here());
  Emit(Op::kGetNamed, value, res, NameIc("value"));
  Emit(Op::kLoadSmi, t, 2);
  Emit(Op::kStrictEq, t, mode, t);
  int not_return = Emit(Op::kJumpIfFalse, t, 0);
  UnwindTo(0);
  EmitReturn(value);
  PatchTo(not_return, Here());
  Emit(Op::kMove, dst, value);
}

void Compiler::Await(Node* n, int dst) {
  int v = Temp();
  Expr(n->a, v);
  offset_ = n->offset;
  AwaitInPlace(v);
  Emit(Op::kMove, dst, v);
}

// reg = await reg: a rejection throws at this point.
void Compiler::AwaitInPlace(int reg) {
  int sent = Temp();
  Temp();  // sent + 1: mode
  Emit(Op::kAwait, sent, reg);
  ResumeDispatch(sent, false);
  Emit(Op::kMove, reg, sent);
}

// undefined, or `this` in a derived constructor. Requires the function's own context to be the
// current one (all block contexts popped).
void Compiler::LoadImplicitResult(int r) {
  VarLocation t = fs_->info->this_var;
  if (!fs_->info->is_derived_ctor || !t.valid) {
    Emit(Op::kLoadUndefined, r);
  } else if (t.in_context) {
    Emit(Op::kLoadContext, r, 0, t.index);
  } else {
    Emit(Op::kMove, r, t.index);
  }
}

// Initializes a scope's bindings: lexical ones to the hole (TDZ), function declarations to
// fresh closures. `push_context` creates the scope's context first (block scopes).
void Compiler::EnterScope(Scope* scope, NodeList stmts, bool push_context) {
  if (push_context && scope->needs_context) {
    Emit(Op::kPushContext, static_cast<int>(scope->context_slots));
    fs_->regions.push_back({RegionKind::kContext});
  }
  int r = -1;
  for (Variable* v : scope->vars) {
    if (!v->IsLexical() || v->mode == VarMode::kClassName) continue;
    if (r < 0) r = Temp();
    Emit(Op::kLoadHole, r);
    Ref ref;
    ref.kind = v->in_context ? RefKind::kContext : RefKind::kLocal;
    ref.index = v->index;
    StoreVarLocation(ref, v, r);
  }
  for (Node* s : stmts) {
    if (s->kind != NodeKind::kFunctionDecl) continue;
    int t = Temp();
    Closure(s->a, t, s->a->str, -1);
    Ref ref = s->ref;
    ref.depth = 0;  // declared in this very scope
    StoreVarLocation(ref, ref.var, t);
  }
}

void Compiler::ExitScope(Scope* scope) {
  if (scope != nullptr && scope->needs_context && scope->kind != ScopeKind::kFunction) {
    Emit(Op::kPopContext);
    fs_->regions.pop_back();
  }
}

void Compiler::Closure(Node* fn, int dst, std::string_view name, int home_reg) {
  std::string_view fn_name = fn->str.empty() ? name : fn->str;
  int id = CompileFunction(fn, fn_name, false);
  Emit(Op::kCreateClosure, dst, id);
  if (home_reg >= 0) Emit(Op::kSetHomeObject, dst, home_reg);
}

// ---------------------------------------------------------------------------------------------
// Variables

void Compiler::LoadVar(Node* id, int dst) {
  const Ref& ref = id->ref;
  switch (ref.kind) {
    case RefKind::kLocal: {
      int reg = kFixedRegs + static_cast<int>(ref.index);
      if (reg != dst) Emit(Op::kMove, dst, reg);
      break;
    }
    case RefKind::kContext:
      Emit(Op::kLoadContext, dst, ref.depth, static_cast<int>(ref.index));
      break;
    case RefKind::kGlobal:
    case RefKind::kUnresolved:
      Emit(Op::kLoadGlobal, dst, NameIc(id->kind == NodeKind::kThis ? "this" : id->str));
      return;
  }
  if (ref.needs_tdz_check) {
    Emit(Op::kCheckHole, dst, StringConst(ref.var != nullptr ? ref.var->name : id->str));
  }
}

void Compiler::StoreVarLocation(const Ref& ref, Variable* var, int src) {
  if (ref.kind == RefKind::kLocal) {
    int reg = kFixedRegs + static_cast<int>(ref.index);
    if (reg != src) Emit(Op::kMove, reg, src);
  } else if (ref.kind == RefKind::kContext) {
    Emit(Op::kStoreContext, src, ref.depth, static_cast<int>(ref.index));
  }
}

// `initialize`: the declaration itself (no TDZ check, const allowed).
void Compiler::StoreVar(Node* id, int src, bool initialize) {
  const Ref& ref = id->ref;
  if (ref.kind == RefKind::kGlobal || ref.kind == RefKind::kUnresolved) {
    Emit(Op::kStoreGlobal, src, StringConst(id->str));
    return;
  }
  Variable* var = ref.var;
  if (!initialize) {
    if (ref.needs_tdz_check) {
      int t = Temp();
      LoadVar(id, t);  // throws in the TDZ
    }
    if (var->mode == VarMode::kFunctionName) return;  // sloppy mode: silently ignored
    if (var->IsImmutable()) {
      Emit(Op::kThrowConstAssign, StringConst(var->name));
      return;
    }
  }
  StoreVarLocation(ref, var, src);
}

// ---------------------------------------------------------------------------------------------
// Statements

void Compiler::Statements(NodeList list) {
  for (Node* s : list) Statement(s);
}

void Compiler::Statement(Node* n) {
  offset_ = n->offset;
  int mark = fs_->next_temp;
  switch (n->kind) {
    case NodeKind::kVarDecl: VarDecl(n); break;
    case NodeKind::kFunctionDecl: break;  // hoisted by EnterScope
    case NodeKind::kClassDecl: {
      int r = Temp();
      Class(n->a, r, n->a->str);
      Ref ref = n->ref;
      StoreVarLocation(ref, ref.var, r);
      break;
    }
    case NodeKind::kExprStmt: EffectExpr(n->a); break;
    case NodeKind::kReturn: Return(n); break;
    case NodeKind::kIf: If(n); break;
    case NodeKind::kBlock: Block(n); break;
    case NodeKind::kFor: For(n); break;
    case NodeKind::kForIn: case NodeKind::kForOf: ForInOf(n); break;
    case NodeKind::kWhile: WhileLoop(n); break;
    case NodeKind::kDoWhile: DoWhile(n); break;
    case NodeKind::kBreak: case NodeKind::kContinue: Jump(n); break;
    case NodeKind::kSwitch: Switch(n); break;
    case NodeKind::kTry: Try(n); break;
    case NodeKind::kThrow: {
      int r = Temp();
      Expr(n->a, r);
      offset_ = n->offset;
      Emit(Op::kThrow, r);
      break;
    }
    case NodeKind::kLabeled: Labeled(n); break;
    case NodeKind::kEmpty: break;
    case NodeKind::kDebugger: Emit(Op::kDebugger); break;
    default: Expr(n, Temp()); break;
  }
  fs_->next_temp = mark;
}

void Compiler::VarDecl(Node* n) {
  for (Node* d : n->list) {
    offset_ = d->offset;
    int mark = fs_->next_temp;
    if (d->a->kind != NodeKind::kIdentifier) {  // destructuring: the parser requires an initializer
      int r = Temp();
      Expr(d->b, r);
      Destructure(d->a, r, BindMode::kInitialize, d->b);
    } else if (d->b != nullptr) {
      int r = Temp();
      if (IsAnonymousFunction(d->b)) {
        if (d->b->kind == NodeKind::kClass) Class(d->b, r, d->a->str);
        else Closure(d->b, r, d->a->str, -1);
      } else if (InitLocalInPlace(d->a, d->b)) {
        fs_->next_temp = mark;
        continue;
      } else {
        Expr(d->b, r);
      }
      StoreVar(d->a, r, true);
    } else if (n->op != Tok::kVar) {
      int r = Temp();
      Emit(Op::kLoadUndefined, r);
      StoreVar(d->a, r, true);
    }
    fs_->next_temp = mark;
  }
}

void Compiler::Block(Node* n) {
  bool labeled = !fs_->pending_labels.empty();
  if (labeled) PushTarget(TargetKind::kLabeled);
  if (n->scope != nullptr) EnterScope(n->scope, n->list, true);
  // Function declarations in a scope-less block are still hoisted to the block start.
  if (n->scope == nullptr) {
    for (Node* s : n->list) {
      if (s->kind == NodeKind::kFunctionDecl) {
        int t = Temp();
        Closure(s->a, t, s->a->str, -1);
        StoreVar(s, t, true);
      }
    }
  }
  Statements(n->list);
  ExitScope(n->scope);
  if (labeled) PopTarget(Here(), -1);
}

void Compiler::If(Node* n) {
  int else_jump = JumpIfFalse(n->a);
  Statement(n->b);
  if (n->c != nullptr) {
    int end_jump = Emit(Op::kJump, 0);
    PatchTo(else_jump, Here());
    Statement(n->c);
    PatchTo(end_jump, Here());
  } else {
    PatchTo(else_jump, Here());
  }
}

Compiler::JumpTarget& Compiler::PushTarget(TargetKind kind) {
  JumpTarget t;
  t.labels = std::move(fs_->pending_labels);
  fs_->pending_labels.clear();
  t.kind = kind;
  t.region_height = fs_->regions.size();
  fs_->targets.push_back(std::move(t));
  return fs_->targets.back();
}

void Compiler::PopTarget(int break_pc, int continue_pc) {
  JumpTarget t = std::move(fs_->targets.back());
  fs_->targets.pop_back();
  for (int at : t.breaks) PatchTo(at, break_pc);
  for (int at : t.continues) PatchTo(at, continue_pc);
}

void Compiler::For(Node* n) {
  Scope* scope = n->scope;
  bool per_iteration = scope != nullptr && scope->needs_context;
  if (scope != nullptr) EnterScope(scope, NodeList(), true);
  if (n->a != nullptr) Statement(n->a);
  PushTarget(TargetKind::kLoop);
  int top = Here();
  int exit_jump = -1;
  if (n->b != nullptr) {
    exit_jump = JumpIfFalse(n->b);
  }
  Statement(n->d);
  int continue_pc = Here();
  if (per_iteration) Emit(Op::kCopyContext);  // each iteration gets fresh bindings
  if (n->c != nullptr) {
    int mark = fs_->next_temp;
    EffectExpr(n->c);
    fs_->next_temp = mark;
  }
  Emit(Op::kJump, top);
  int end = Here();
  if (exit_jump >= 0) PatchTo(exit_jump, end);
  PopTarget(end, continue_pc);
  ExitScope(scope);
}

void Compiler::ForInOf(Node* n) {
  if (n->Has(kFlagAwait) && n->kind == NodeKind::kForOf) {
    ForAwaitOf(n);
    return;
  }
  bool is_of = n->kind == NodeKind::kForOf;
  int obj = Temp();
  Expr(n->b, obj);
  int iter = Temp();
  Emit(is_of ? Op::kForOfPrepare : Op::kForInPrepare, iter, obj);
  PushTarget(TargetKind::kLoop);
  int top = Here();
  int value = Temp();
  int next = Emit(is_of ? Op::kForOfNext : Op::kForInNext, value, iter, 0);
  BindForTarget(n, value);
  Statement(n->d);
  ExitScope(n->scope);
  int continue_pc = Here();  // `continue` already popped the per-iteration context (UnwindTo)
  Emit(Op::kJump, top);
  int end = Here();
  PatchTo(next, end);
  PopTarget(end, continue_pc);
}

// Enters the loop's per-iteration scope (if any) and assigns `value` to the for-in/of head.
void Compiler::BindForTarget(Node* n, int value) {
  Scope* scope = n->scope;
  if (scope != nullptr) EnterScope(scope, NodeList(), true);
  Node* target = n->a;
  if (target->kind == NodeKind::kVarDecl && target->list[0]->a->kind != NodeKind::kIdentifier) {
    Destructure(target->list[0]->a, value, BindMode::kInitialize, nullptr, ".for");
  } else if (target->kind == NodeKind::kArray || target->kind == NodeKind::kObject) {
    Destructure(target, value, BindMode::kAssign, nullptr, ".for");
  } else if (target->kind == NodeKind::kVarDecl) {
    StoreVar(target->list[0]->a, value, true);
  } else if (target->kind == NodeKind::kIdentifier) {
    StoreVar(target, value, false);
  } else {
    int o = ExprToReg(target->a);
    if (target->kind == NodeKind::kMember) {
      Emit(Op::kSetNamed, o, NameIc(target->str), value);
    } else {
      int k = ExprToReg(target->b);
      Emit(Op::kSetKeyed, o, k, value);
    }
  }
}

// for await (x of y) (§14.7.5.6-7, iterationKind async): each next() result is awaited and must
// be an object. The body runs in a kAsyncIteratorClose region: break, return and jumps to outer
// loops close the iterator (awaiting return()), a throw closes it quietly and rethrows;
// `continue` only pops the body's handler.
void Compiler::ForAwaitOf(Node* n) {
  int obj = Temp();
  Expr(n->b, obj);
  offset_ = n->offset;
  int iter = Temp();
  int at = Emit(Op::kGetAsyncIterator, iter, obj);
  fs_->info->callee_text[at] = std::string(source_.text().substr(n->b->offset, n->b->end - n->b->offset));
  int next = Temp();
  Emit(Op::kGetNamed, next, iter, NameIc("next"));
  JumpTarget& target = PushTarget(TargetKind::kLoop);
  int top = Here();
  int receiver = Temp();
  Emit(Op::kMove, receiver, iter);
  int res = Temp();
  Emit(Op::kCall, res, next, receiver);
  AwaitInPlace(res);
  Emit(Op::kIterResultCheck, res);
  int value = Temp();
  Emit(Op::kGetNamed, value, res, NameIc("done"));
  int exit = Emit(Op::kJumpIfTrue, value, 0);
  Emit(Op::kGetNamed, value, res, NameIc("value"));
  int ctx_save = Temp();
  int exc = Temp();
  int push = Emit(Op::kPushTry, 0, exc, ctx_save);
  fs_->regions.push_back({RegionKind::kAsyncIteratorClose, nullptr, iter});
  target.continue_height = fs_->regions.size();
  BindForTarget(n, value);
  Statement(n->d);
  ExitScope(n->scope);
  fs_->regions.pop_back();
  int continue_pc = Here();
  Emit(Op::kPopTry);
  Emit(Op::kJump, top);
  PatchTo(push, Here());
  AsyncIteratorClose(iter, true);
  Emit(Op::kThrow, exc);
  int end = Here();
  PatchTo(exit, end);
  PopTarget(end, continue_pc);
}

// AsyncIteratorClose (§7.4.13): calls iter.return() if present and awaits it; the result must be
// an object. `quiet` (the loop body threw): errors from the call or the await are ignored.
void Compiler::AsyncIteratorClose(int iter, bool quiet) {
  int mark = fs_->next_temp;
  int push = -1;
  if (quiet) {
    int ctx_save = Temp();
    int exc = Temp();
    push = Emit(Op::kPushTry, 0, exc, ctx_save);
  }
  int method = Temp();
  Emit(Op::kGetNamed, method, iter, NameIc("return"));
  int skip = Emit(Op::kJumpIfNullish, method, 0);
  int receiver = Temp();
  Emit(Op::kMove, receiver, iter);
  int res = Temp();
  Emit(Op::kCall, res, method, receiver);
  if (quiet) {
    int sent = Temp();
    Temp();  // sent + 1: mode, ignored
    Emit(Op::kAwait, sent, res);
  } else {
    AwaitInPlace(res);
    Emit(Op::kIterResultCheck, res);
  }
  PatchTo(skip, Here());
  if (quiet) {
    Emit(Op::kPopTry);
    PatchTo(push, Here());
  }
  fs_->next_temp = mark;
}

void Compiler::WhileLoop(Node* n) {
  PushTarget(TargetKind::kLoop);
  int top = Here();
  // `while (true)`: the literal condition is not tested (splay's search loop).
  bool always = n->a->kind == NodeKind::kBoolean && n->a->Has(kFlagTrue);
  int exit_jump = always ? -1 : JumpIfFalse(n->a);
  Statement(n->d);
  Emit(Op::kJump, top);
  if (exit_jump >= 0) PatchTo(exit_jump, Here());
  PopTarget(Here(), top);
}

void Compiler::DoWhile(Node* n) {
  PushTarget(TargetKind::kLoop);
  int top = Here();
  Statement(n->d);
  int continue_pc = Here();
  int r = ExprToReg(n->a);
  Emit(Op::kJumpIfTrue, r, top);
  PopTarget(Here(), continue_pc);
}

void Compiler::Labeled(Node* n) {
  fs_->pending_labels.push_back(n->str);
  Node* body = n->a;
  // Loops, blocks and nested labels consume the pending labels themselves.
  bool consumes = body->kind == NodeKind::kFor || body->kind == NodeKind::kForIn ||
                  body->kind == NodeKind::kForOf || body->kind == NodeKind::kWhile ||
                  body->kind == NodeKind::kDoWhile || body->kind == NodeKind::kLabeled ||
                  body->kind == NodeKind::kBlock;
  if (consumes) {
    Statement(body);
    return;
  }
  PushTarget(TargetKind::kLabeled);
  Statement(body);
  PopTarget(Here(), -1);
}

// Emits the exits of every region above `height`: PopTry, inlined finally blocks, PopContext.
void Compiler::UnwindTo(size_t height) {
  std::vector<Region> saved = fs_->regions;
  for (size_t i = saved.size(); i > height; --i) {
    const Region& region = saved[i - 1];
    fs_->regions.resize(i - 1);
    switch (region.kind) {
      case RegionKind::kTryCatch: Emit(Op::kPopTry); break;
      case RegionKind::kContext: Emit(Op::kPopContext); break;
      case RegionKind::kAsyncIteratorClose:
        Emit(Op::kPopTry);
        AsyncIteratorClose(region.iter_reg, false);
        break;
      case RegionKind::kFinally: {
        Emit(Op::kPopTry);
        int mark = fs_->next_temp;
        Statement(region.finally_block);
        fs_->next_temp = mark;
        break;
      }
    }
  }
  fs_->regions = std::move(saved);
}

void Compiler::Jump(Node* n) {
  bool is_break = n->kind == NodeKind::kBreak;
  for (size_t i = fs_->targets.size(); i > 0; --i) {
    JumpTarget& t = fs_->targets[i - 1];
    bool match;
    if (!n->str.empty()) {
      match = std::find(t.labels.begin(), t.labels.end(), n->str) != t.labels.end();
    } else {
      match = t.kind == TargetKind::kLoop || (is_break && t.kind == TargetKind::kSwitch);
    }
    if (!match) continue;
    UnwindTo(is_break || t.continue_height == SIZE_MAX ? t.region_height : t.continue_height);
    int at = Emit(Op::kJump, 0);
    (is_break ? t.breaks : t.continues).push_back(at);
    return;
  }
}

void Compiler::Return(Node* n) {
  int r = Temp();
  if (n->a != nullptr) Expr(n->a, r);
  if (n->a != nullptr && InAsyncGenerator()) AwaitInPlace(r);  // §14.10.1: Await(exprValue)
  UnwindTo(0);
  if (n->a == nullptr) LoadImplicitResult(r);
  EmitReturn(r);
}

void Compiler::Switch(Node* n) {
  int disc = Temp();
  Expr(n->a, disc);
  if (n->scope != nullptr) EnterScope(n->scope, NodeList(), true);
  PushTarget(TargetKind::kSwitch);
  std::vector<int> case_jumps(n->list.size(), -1);
  int t = Temp();
  int default_index = -1;
  for (size_t i = 0; i < n->list.size(); ++i) {
    Node* c = n->list[i];
    if (c->a == nullptr) {
      default_index = static_cast<int>(i);
      continue;
    }
    Expr(c->a, t);
    Emit(Op::kStrictEq, t, disc, t);
    case_jumps[i] = Emit(Op::kJumpIfTrue, t, 0);
  }
  int no_match = Emit(Op::kJump, 0);
  for (size_t i = 0; i < n->list.size(); ++i) {
    if (case_jumps[i] >= 0) PatchTo(case_jumps[i], Here());
    if (static_cast<int>(i) == default_index) PatchTo(no_match, Here());
    for (Node* s : n->list[i]->list) {
      if (s->kind == NodeKind::kFunctionDecl) {
        int f = Temp();
        Closure(s->a, f, s->a->str, -1);
        StoreVar(s, f, true);
      }
    }
    Statements(n->list[i]->list);
  }
  if (default_index < 0) PatchTo(no_match, Here());
  PopTarget(Here(), -1);
  ExitScope(n->scope);
}

void Compiler::TryCatch(Node* n) {
  int ctx_save = Temp();
  int exc = Temp();
  int push = Emit(Op::kPushTry, 0, exc, ctx_save);
  fs_->regions.push_back({RegionKind::kTryCatch});
  Block(n->a);
  fs_->regions.pop_back();
  Emit(Op::kPopTry);
  int end_jump = Emit(Op::kJump, 0);
  PatchTo(push, Here());
  Scope* scope = n->scope;
  if (scope != nullptr) {
    EnterScope(scope, n->c->list, true);
  }
  if (n->b != nullptr && n->b->kind != NodeKind::kIdentifier) {
    Destructure(n->b, exc, BindMode::kInitialize, nullptr, ".catch");
  } else if (n->b != nullptr) {
    StoreVar(n->b, exc, true);
  }
  if (scope == nullptr) {
    Block(n->c);
  } else {
    Statements(n->c->list);
    ExitScope(scope);
  }
  PatchTo(end_jump, Here());
}

void Compiler::Try(Node* n) {
  if (n->d == nullptr) {
    TryCatch(n);
    return;
  }
  int ctx_save = Temp();
  int exc = Temp();
  int push = Emit(Op::kPushTry, 0, exc, ctx_save);
  fs_->regions.push_back({RegionKind::kFinally, n->d});
  if (n->c != nullptr) TryCatch(n);
  else Block(n->a);
  fs_->regions.pop_back();
  Emit(Op::kPopTry);
  Statement(n->d);
  int end_jump = Emit(Op::kJump, 0);
  PatchTo(push, Here());
  Statement(n->d);
  Emit(Op::kThrow, exc);
  PatchTo(end_jump, Here());
}

}  // namespace tenure::js
