// Expression half of the Compiler (statements and scopes live in compiler.cc).
#include <algorithm>
#include <cmath>

#include "allocation_site.h"
#include "compiler.h"
#include "object_integrity.h"
#include "private_names.h"
#include "runtime.h"

namespace tenure::js {

namespace {

Op BinaryOpFor(Tok t) {
  switch (t) {
    case Tok::kAdd: return Op::kAdd;
    case Tok::kSub: return Op::kSub;
    case Tok::kMul: return Op::kMul;
    case Tok::kDiv: return Op::kDiv;
    case Tok::kMod: return Op::kMod;
    case Tok::kExp: return Op::kExp;
    case Tok::kBitAnd: return Op::kBitAnd;
    case Tok::kBitOr: return Op::kBitOr;
    case Tok::kBitXor: return Op::kBitXor;
    case Tok::kShl: return Op::kShl;
    case Tok::kSar: return Op::kSar;
    case Tok::kShr: return Op::kShr;
    case Tok::kEq: return Op::kEq;
    case Tok::kNe: return Op::kNe;
    case Tok::kStrictEq: return Op::kStrictEq;
    case Tok::kStrictNe: return Op::kStrictNe;
    case Tok::kLt: return Op::kLt;
    case Tok::kGt: return Op::kGt;
    case Tok::kLe: return Op::kLe;
    case Tok::kGe: return Op::kGe;
    case Tok::kInstanceof: return Op::kInstanceOf;
    default: return Op::kNop;
  }
}

// Evaluating a pure node has no side effects, so an earlier operand may be read in place.
bool IsPure(const Node* n) {
  switch (n->kind) {
    case NodeKind::kNumber: case NodeKind::kString: case NodeKind::kBoolean: case NodeKind::kNull:
    case NodeKind::kIdentifier: case NodeKind::kThis:
      return true;
    default:
      return false;
  }
}

// A number literal that Expr would load with LoadSmi (integral, in Smi range, not -0).
bool IsSmiLiteral(const Node* n) {
  if (n->kind != NodeKind::kNumber) return false;
  double v = n->num;
  return v == std::floor(v) && std::fabs(v) < 1073741824.0 && !(v == 0 && std::signbit(v));
}

// Whether evaluating `n` may write a register local of the function being compiled. Only this
// function's own assignments and updates can: a variable a nested function writes is
// context-allocated (scope analysis), and arguments objects are unmapped. Conservative: every
// assignment, update and class (computed keys, static blocks), and any tree of more than
// `*budget` nodes, counts as a write. Function bodies are skipped (they run later, elsewhere).
bool MayWriteLocals(const Node* n, int* budget) {
  if (n == nullptr) return false;
  if (--*budget < 0) return true;
  switch (n->kind) {
    case NodeKind::kAssign: case NodeKind::kUpdate: case NodeKind::kClass: return true;
    case NodeKind::kCall: if (n->a != nullptr && n->a->kind == NodeKind::kSuper) return true; break;  // binds `this`
    case NodeKind::kFunction: return false;
    default: break;
  }
  if (MayWriteLocals(n->a, budget) || MayWriteLocals(n->b, budget) || MayWriteLocals(n->c, budget) ||
      MayWriteLocals(n->d, budget)) {
    return true;
  }
  for (const Node* child : n->list) {
    if (MayWriteLocals(child, budget)) return true;
  }
  return false;
}

// Whether a left operand `left` may be read from its variable's register after `later` runs
// (instead of being copied to a temporary first): `left` is pure and nothing in `later` can change
// it — a register local, since only this function's own assignments write those.
bool ReadInPlaceAcross(const Node* left, const Node* later) {
  if (IsPure(later)) return true;
  if ((left->kind != NodeKind::kIdentifier && left->kind != NodeKind::kThis) || left->ref.kind != RefKind::kLocal) {
    return false;
  }
  int budget = 64;
  return !MayWriteLocals(later, &budget);
}

// The register of a register-local identifier (or `this`) read without a TDZ check, else -1.
int ExprToRegIfLocal(const Node* n) {
  if ((n->kind != NodeKind::kIdentifier && n->kind != NodeKind::kThis) || n->ref.kind != RefKind::kLocal ||
      n->ref.needs_tdz_check) {
    return -1;
  }
  return kFixedRegs + static_cast<int>(n->ref.index);
}

// `e === null` / `null === e` (or !==): the other operand, else null.
Node* NullComparand(Node* cond) {
  if (cond->kind != NodeKind::kBinary || (cond->op != Tok::kStrictEq && cond->op != Tok::kStrictNe)) {
    return nullptr;
  }
  if (cond->b->kind == NodeKind::kNull) return cond->a;
  if (cond->a->kind == NodeKind::kNull) return cond->b;
  return nullptr;
}

// The register of an identifier target that a plain `=` may write directly: a register local,
// initialized (no TDZ check), mutable and not a function expression's own name. Else -1.
int PlainLocalRegister(const Node* target) {
  if (target->kind != NodeKind::kIdentifier || target->ref.kind != RefKind::kLocal) return -1;
  const Variable* var = target->ref.var;
  if (target->ref.needs_tdz_check || var == nullptr || var->mode == VarMode::kFunctionName ||
      var->IsImmutable()) {
    return -1;
  }
  return kFixedRegs + static_cast<int>(target->ref.index);
}

// Whether Expr(n, dst) writes `dst` once, as its last step, and never before something that can
// throw — so `x = n` may compute into x's register: if n throws, x keeps its old value.
bool WritesDestinationLast(const Node* n) {
  switch (n->kind) {
    case NodeKind::kNumber: case NodeKind::kString: case NodeKind::kNull: case NodeKind::kBoolean:
    case NodeKind::kBinary:
      return true;
    case NodeKind::kIdentifier: return !n->ref.needs_tdz_check;  // CheckHole runs after the load
    case NodeKind::kMember: case NodeKind::kIndex:
      return n->a->kind != NodeKind::kSuper && !n->Has(kFlagOptional);
    case NodeKind::kCall: return n->a->kind != NodeKind::kSuper && !n->Has(kFlagOptional);
    default: return false;
  }
}

// An array-literal element whose value is an immediate (no allocation, no barrier): a Smi
// literal, true, false or null.
bool IsImmediateLiteral(const Node* n) {
  return IsSmiLiteral(n) || n->kind == NodeKind::kBoolean || n->kind == NodeKind::kNull;
}

// `'a' + x + 'b'`: both string literals around one operand (ConcatAtSite). Converting x and
// joining the three at the end is the nested `+` order, since the right literal has no effects.
bool IsLiteralSandwich(const Node* n) {
  return n->op == Tok::kAdd && n->b->kind == NodeKind::kString && n->a->kind == NodeKind::kBinary &&
         n->a->op == Tok::kAdd && n->a->a->kind == NodeKind::kString;
}

bool IsAnonymousFn(const Node* n) {
  return (n->kind == NodeKind::kFunction || n->kind == NodeKind::kClass) && n->str.empty();
}

}  // namespace

int Compiler::ExprToReg(Node* n) {
  if ((n->kind == NodeKind::kIdentifier || n->kind == NodeKind::kThis) && n->ref.kind == RefKind::kLocal &&
      !n->ref.needs_tdz_check) {
    return kFixedRegs + static_cast<int>(n->ref.index);
  }
  int t = Temp();
  Expr(n, t);
  return t;
}

bool Compiler::InitLocalInPlace(Node* id, Node* init) {
  const Ref& ref = id->ref;
  if (ref.kind != RefKind::kLocal || ref.var == nullptr || ref.var->mode == VarMode::kFunctionName ||
      !WritesDestinationLast(init)) {
    return false;
  }
  Expr(init, kFixedRegs + static_cast<int>(ref.index));
  return true;
}

void Compiler::EffectExpr(Node* n) {
  if (n->kind == NodeKind::kUpdate) {
    int mark = fs_->next_temp;
    uint32_t saved_offset = offset_;
    Update(n, -1);
    offset_ = saved_offset;
    fs_->next_temp = mark;
    return;
  }
  bool member_target = n->kind == NodeKind::kAssign &&
                       (n->a->kind == NodeKind::kMember || n->a->kind == NodeKind::kIndex);
  if (n->kind == NodeKind::kAssign && n->op == Tok::kAssign &&
      (member_target || (PlainLocalRegister(n->a) >= 0 && WritesDestinationLast(n->b)))) {
    // `x = e;` / `o.p = v;`: the value is unused, so no Move into a temporary
    int mark = fs_->next_temp;
    uint32_t saved_offset = offset_;
    offset_ = n->offset;
    Assign(n, -1);
    offset_ = saved_offset;
    fs_->next_temp = mark;
    return;
  }
  Expr(n, Temp());
}

int Compiler::JumpIfFalse(Node* cond) {
  Op fused = Op::kNop;
  if (cond->kind == NodeKind::kBinary) {
    switch (cond->op) {
      case Tok::kLt: fused = Op::kJumpIfNotLt; break;
      case Tok::kGt: fused = Op::kJumpIfNotGt; break;
      case Tok::kLe: fused = Op::kJumpIfNotLe; break;
      case Tok::kGe: fused = Op::kJumpIfNotGe; break;
      default: break;
    }
  }
  int mark = fs_->next_temp;
  int at;
  if (Node* other = NullComparand(cond)) {  // jump when the comparison is false
    int r = ExprToReg(other);
    offset_ = cond->offset;
    at = Emit(cond->op == Tok::kStrictEq ? Op::kJumpIfNotNull : Op::kJumpIfNull, r, 0);
  } else if (fused != Op::kNop) {  // operands evaluated as by Expr's kBinary case
    int a;
    if (ReadInPlaceAcross(cond->a, cond->b)) {
      a = ExprToReg(cond->a);
    } else {
      a = Temp();
      Expr(cond->a, a);
    }
    int b = ExprToReg(cond->b);
    offset_ = cond->offset;
    at = Emit(fused, a, b, 0);
  } else {
    at = Emit(Op::kJumpIfFalse, ExprToReg(cond), 0);
  }
  fs_->next_temp = mark;
  return at;
}

void Compiler::Expr(Node* n, int dst) {
  int mark = fs_->next_temp;
  uint32_t saved_offset = offset_;
  offset_ = n->offset;
  switch (n->kind) {
    case NodeKind::kNumber: {
      double v = n->num;
      if (v == std::floor(v) && std::fabs(v) < 1073741824.0 && !(v == 0 && std::signbit(v))) {
        Emit(Op::kLoadSmi, dst, static_cast<int>(v));
      } else {
        Emit(Op::kLoadConst, dst, Const(rt_.NewNumber(v)));
      }
      break;
    }
    case NodeKind::kString: Emit(Op::kLoadConst, dst, StringConst(n->str)); break;
    case NodeKind::kTemplate: Template(n, dst); break;
    case NodeKind::kTemplateObject: Emit(Op::kLoadConst, dst, TemplateObjectConst(n)); break;
    case NodeKind::kRegExp: {  // %RegExp%(pattern, flags): a new object per evaluation (ECMA-262 §13.2.7.3)
      size_t slash = n->str.rfind('/');
      int fn = Temp(), recv = Temp(), pattern = Temp(), flags = Temp();
      Emit(Op::kLoadConst, fn, Const(rt_.root(kRootRegExpConstructor)));
      Emit(Op::kLoadUndefined, recv);
      Emit(Op::kLoadConst, pattern, StringConst(n->str.substr(0, slash)));
      Emit(Op::kLoadConst, flags, StringConst(n->str.substr(slash + 1)));
      Emit(Op::kCall, dst, fn, Pack(recv, 2));
      break;
    }
    case NodeKind::kBoolean: Emit(n->Has(kFlagTrue) ? Op::kLoadTrue : Op::kLoadFalse, dst); break;
    case NodeKind::kNull: Emit(Op::kLoadNull, dst); break;
    case NodeKind::kIdentifier:
      if (n->ref.kind == RefKind::kGlobal && n->str == "undefined") {
        Emit(Op::kLoadUndefined, dst);
      } else {
        LoadVar(n, dst);
      }
      break;
    case NodeKind::kThis: LoadVar(n, dst); break;
    case NodeKind::kNewTarget: Emit(Op::kMove, dst, kRegNewTarget); break;
    case NodeKind::kFunction: Closure(n, dst, "", -1); break;
    case NodeKind::kClass: Class(n, dst, ""); break;
    case NodeKind::kClassField: ClassField(n, dst); break;
    case NodeKind::kFieldsInit: FieldsInit(n, dst); break;
    case NodeKind::kIntrinsicCall: IntrinsicCallExpr(n, dst); break;
    case NodeKind::kArray: ArrayLiteral(n, dst); break;
    case NodeKind::kObject: ObjectLiteral(n, dst); break;
    case NodeKind::kUnary: Unary(n, dst); break;
    case NodeKind::kUpdate: Update(n, dst); break;
    case NodeKind::kBinary: {
      if (IsLiteralSandwich(n)) {  // `'String for key ' + tag + ' in leaf node'`
        int first = Temp();
        int x = Temp();
        int last = Temp();
        Expr(n->a->a, first);
        Expr(n->a->b, x);
        Expr(n->b, last);
        offset_ = n->offset;
        Emit(Op::kConcatAtSite, dst, 0, NewInstructionOperand(fs_->info, first));
        break;
      }
      int a;
      if (ReadInPlaceAcross(n->a, n->b)) {
        a = ExprToReg(n->a);
      } else {
        a = Temp();
        Expr(n->a, a);
      }
      if (n->op == Tok::kBitAnd && IsSmiLiteral(n->b)) {  // `x & 0xff`: no register for the mask
        offset_ = n->offset;
        Emit(Op::kBitAndSmi, dst, a, static_cast<int>(n->b->num));
        break;
      }
      int b = ExprToReg(n->b);
      offset_ = n->offset;
      if (n->op == Tok::kAdd && (n->a->kind == NodeKind::kString || n->b->kind == NodeKind::kString)) {
        Emit(Op::kAddAtSite, dst, a, NewInstructionOperand(fs_->info, b));  // allocation_site.h
        break;
      }
      if (n->op == Tok::kIn) Emit(Op::kIn, dst, a, b);
      else Emit(BinaryOpFor(n->op), dst, a, b);
      break;
    }
    case NodeKind::kLogical: Logical(n, dst); break;
    case NodeKind::kAssign: Assign(n, dst); break;
    case NodeKind::kConditional: {
      int r = ExprToReg(n->a);
      int else_jump = Emit(Op::kJumpIfFalse, r, 0);
      Expr(n->b, dst);
      int end_jump = Emit(Op::kJump, 0);
      PatchTo(else_jump, Here());
      Expr(n->c, dst);
      PatchTo(end_jump, Here());
      break;
    }
    case NodeKind::kCall: CallExpr(n, dst); break;
    case NodeKind::kNew: NewExpr(n, dst); break;
    case NodeKind::kMember: case NodeKind::kIndex: MemberGet(n, dst, -1); break;
    case NodeKind::kOptionalChain: OptionalChain(n, dst); break;
    case NodeKind::kYield: Yield(n, dst); break;
    case NodeKind::kAwait: Await(n, dst); break;
    case NodeKind::kSequence: {
      for (size_t i = 0; i + 1 < n->list.size(); ++i) {
        int m = fs_->next_temp;
        Expr(n->list[i], Temp());
        fs_->next_temp = m;
      }
      Expr(n->list.back(), dst);
      break;
    }
    default:
      // Spread/Super/Hole outside their contexts cannot come out of the parser.
      Emit(Op::kLoadUndefined, dst);
      break;
  }
  offset_ = saved_offset;
  fs_->next_temp = mark;
}

void Compiler::Template(Node* n, int dst) {
  Emit(Op::kLoadConst, dst, StringConst(n->list[0]->str));
  for (size_t i = 1; i < n->list.size(); i += 2) {
    int t = Temp();
    Expr(n->list[i], t);
    Emit(Op::kToString, t, t);
    Emit(Op::kAddAtSite, dst, dst, NewInstructionOperand(fs_->info, t));  // allocation_site.h
    if (!n->list[i + 1]->str.empty()) {
      Emit(Op::kLoadConst, t, StringConst(n->list[i + 1]->str));
      Emit(Op::kAddAtSite, dst, dst, NewInstructionOperand(fs_->info, t));
    }
  }
}

// ECMA-262 §13.2.8.4 GetTemplateObject: a tagged template site always passes the same frozen
// strings array, whose frozen `raw` array is a non-enumerable, read-only, non-configurable
// property. The site is compiled once per FunctionInfo, so the compiler builds the array then
// and keeps it in the constant pool (rooted), where the spec builds it on first evaluation.
int Compiler::TemplateObjectConst(Node* n) {
  for (const auto& [site, index] : fs_->template_objects) {
    if (site == n) return index;
  }
  tenure::Heap& heap = rt_.heap();
  tenure::HandleScope scope(heap);
  int64_t count = static_cast<int64_t>(n->list.size() / 2);
  Handle strings = Handle::New(heap, rt_.NewArray(count));
  Handle raw = Handle::New(heap, rt_.NewArray(count));
  for (int64_t i = 0; i < count; ++i) {
    Node* cooked = n->list[2 * i];
    Handle value = Handle::New(heap, cooked->kind == NodeKind::kString ? rt_.Intern(cooked->str) : kUndefined);
    rt_.ArrayPush(strings, value);
    Handle raw_value = Handle::New(heap, rt_.Intern(n->list[2 * i + 1]->str));
    rt_.ArrayPush(raw, raw_value);
  }
  FreezeObject(rt_, raw);
  Handle raw_key = Handle::New(heap, rt_.Intern("raw"));
  rt_.DefineOwn(strings, raw_key, raw, kShapeHidden | kShapeReadOnly | kShapeNonConfigurable);
  FreezeObject(rt_, strings);
  int index = Const(strings.value());
  fs_->template_objects.emplace_back(n, index);
  return index;
}

void Compiler::Logical(Node* n, int dst) {
  Expr(n->a, dst);
  if (n->op == Tok::kNullish) {
    int to_b = Emit(Op::kJumpIfNullish, dst, 0);
    int end = Emit(Op::kJump, 0);
    PatchTo(to_b, Here());
    Expr(n->b, dst);
    PatchTo(end, Here());
    return;
  }
  int end = Emit(n->op == Tok::kAnd ? Op::kJumpIfFalse : Op::kJumpIfTrue, dst, 0);
  Expr(n->b, dst);
  PatchTo(end, Here());
}

void Compiler::Unary(Node* n, int dst) {
  Node* a = n->a;
  switch (n->op) {
    case Tok::kTypeof:
      if (a->kind == NodeKind::kIdentifier && a->ref.kind == RefKind::kGlobal) {
        Emit(Op::kTypeofGlobal, dst, StringConst(a->str));
      } else {
        Expr(a, dst);
        Emit(Op::kTypeOf, dst, dst);
      }
      return;
    case Tok::kDelete: {
      if (a->kind == NodeKind::kMember || a->kind == NodeKind::kIndex) {
        int obj = Temp();
        Expr(a->a, obj);
        int key = Temp();
        if (a->kind == NodeKind::kMember) Emit(Op::kLoadConst, key, StringConst(a->str));
        else Expr(a->b, key);
        offset_ = n->offset;
        Emit(Op::kDelete, dst, obj, key);
      } else {
        Expr(a, dst);
        Emit(Op::kLoadTrue, dst);
      }
      return;
    }
    case Tok::kVoid:
      Expr(a, dst);
      Emit(Op::kLoadUndefined, dst);
      return;
    default: break;
  }
  int r = ExprToReg(a);
  offset_ = n->offset;
  switch (n->op) {
    case Tok::kSub: Emit(Op::kNeg, dst, r); break;
    case Tok::kAdd: Emit(Op::kToNumber, dst, r); break;
    case Tok::kNot: Emit(Op::kNot, dst, r); break;
    case Tok::kBitNot: Emit(Op::kBitNot, dst, r); break;
    default: break;
  }
}

// Loads the current value of an assignment target into `cur`, leaving the object (and key) in
// registers for the store that follows.
struct TargetRegs {
  int obj = -1;
  int key = -1;
};

void Compiler::Assign(Node* n, int dst) {
  Node* target = n->a;
  if (target->kind == NodeKind::kMember && target->a->kind == NodeKind::kThis) NoteThisStore(target->str);
  TargetRegs t;
  if (target->kind == NodeKind::kMember || target->kind == NodeKind::kIndex) {
    // A register-local object (and key) is read in place when nothing evaluated after it —
    // the key, the value — can reassign it: `y.right = t` is one SetNamed.
    bool index = target->kind == NodeKind::kIndex;
    int budget = 64;
    bool value_writes = MayWriteLocals(n->b, &budget);
    if (!value_writes && ReadInPlaceAcross(target->a, index ? target->b : n->b)) {
      t.obj = ExprToReg(target->a);
    } else {
      t.obj = Temp();
      Expr(target->a, t.obj);
    }
    if (index) {
      if (!value_writes && ReadInPlaceAcross(target->b, n->b)) {
        t.key = ExprToReg(target->b);
      } else {
        t.key = Temp();
        Expr(target->b, t.key);
      }
    }
  }
  auto load_current = [&](int into) {
    if (target->kind == NodeKind::kIdentifier) LoadVar(target, into);
    else if (target->kind == NodeKind::kMember) Emit(Op::kGetNamed, into, t.obj, NameIc(target->str));
    else Emit(Op::kGetKeyed, into, t.obj, t.key);
  };
  auto store = [&](int from) {
    offset_ = n->offset;
    if (target->kind == NodeKind::kIdentifier) StoreVar(target, from, false);
    else if (target->kind == NodeKind::kMember) Emit(Op::kSetNamed, t.obj, NameIc(target->str), from);
    else Emit(Op::kSetKeyed, t.obj, t.key, from);
  };
  auto value = [&](int into) {
    if (IsAnonymousFn(n->b) && target->kind == NodeKind::kIdentifier) {
      if (n->b->kind == NodeKind::kClass) Class(n->b, into, target->str);
      else Closure(n->b, into, target->str, -1);
    } else if (IsAnonymousFn(n->b) && target->kind == NodeKind::kMember && n->b->kind == NodeKind::kFunction) {
      Closure(n->b, into, target->str, -1);
    } else {
      Expr(n->b, into);
    }
  };
  Tok op = n->op;
  if (int reg = PlainLocalRegister(target); op == Tok::kAssign && reg >= 0 && WritesDestinationLast(n->b)) {
    Expr(n->b, reg);  // `t = t.left`: straight into the variable (no temporary and Move)
    if (dst >= 0 && dst != reg) Emit(Op::kMove, dst, reg);
    return;
  }
  if (target->kind == NodeKind::kArray || target->kind == NodeKind::kObject) {
    Expr(n->b, dst);  // `[a, b] = …` evaluates to its right-hand side
    Destructure(target, dst, BindMode::kAssign, n->b);
    return;
  }
  if (op == Tok::kAssign) {
    int src = target->kind != NodeKind::kIdentifier ? ExprToRegIfLocal(n->b) : -1;
    if (src >= 0) {  // `y.right = t`: stored from t's own register
      store(src);
      if (dst >= 0 && dst != src) Emit(Op::kMove, dst, src);
      return;
    }
    if (dst < 0) dst = Temp();
    value(dst);
    store(dst);
    return;
  }
  load_current(dst);
  if (op == Tok::kLogicalAndAssign || op == Tok::kLogicalOrAssign || op == Tok::kNullishAssign) {
    int skip;
    if (op == Tok::kNullishAssign) {
      int to_assign = Emit(Op::kJumpIfNullish, dst, 0);
      skip = Emit(Op::kJump, 0);
      PatchTo(to_assign, Here());
    } else {
      skip = Emit(op == Tok::kLogicalAndAssign ? Op::kJumpIfFalse : Op::kJumpIfTrue, dst, 0);
    }
    value(dst);
    store(dst);
    PatchTo(skip, Here());
    return;
  }
  int rhs = Temp();
  Expr(n->b, rhs);
  offset_ = n->offset;
  Emit(BinaryOpFor(BinaryOpOfAssignment(op)), dst, dst, rhs);
  store(dst);
}

// `++`/`--`. `dst` < 0: the value is unused (an expression statement or a for-loop update), so
// neither the ToNumber of the old value nor the final Move is needed (Inc/Dec convert their
// operand themselves, calling valueOf once either way). A local register variable is updated in
// place: `i++;` is one `Inc i i`.
void Compiler::Update(Node* n, int dst) {
  Node* target = n->a;
  Op step = n->op == Tok::kInc ? Op::kInc : Op::kDec;
  if (target->kind == NodeKind::kIdentifier && target->ref.kind == RefKind::kLocal &&
      !target->ref.needs_tdz_check && target->ref.var != nullptr &&
      target->ref.var->mode != VarMode::kFunctionName && !target->ref.var->IsImmutable()) {
    int reg = kFixedRegs + static_cast<int>(target->ref.index);
    offset_ = n->offset;
    if (dst >= 0 && !n->Has(kFlagPrefix)) {
      int old_value = dst != reg ? dst : Temp();
      Emit(Op::kToNumber, old_value, reg);
      Emit(step, reg, old_value);
      if (old_value != dst) Emit(Op::kMove, dst, old_value);
      return;
    }
    Emit(step, reg, reg);
    if (dst >= 0 && dst != reg) Emit(Op::kMove, dst, reg);
    return;
  }
  int obj = -1, key = -1;
  if (target->kind != NodeKind::kIdentifier) {
    obj = Temp();
    Expr(target->a, obj);
    if (target->kind == NodeKind::kIndex) {
      key = Temp();
      Expr(target->b, key);
    }
  }
  int old_value = Temp();
  offset_ = n->offset;
  if (target->kind == NodeKind::kIdentifier) LoadVar(target, old_value);
  else if (target->kind == NodeKind::kMember) Emit(Op::kGetNamed, old_value, obj, NameIc(target->str));
  else Emit(Op::kGetKeyed, old_value, obj, key);
  if (dst >= 0) Emit(Op::kToNumber, old_value, old_value);
  int new_value = Temp();
  Emit(step, new_value, old_value);
  if (target->kind == NodeKind::kIdentifier) StoreVar(target, new_value, false);
  else if (target->kind == NodeKind::kMember) Emit(Op::kSetNamed, obj, NameIc(target->str), new_value);
  else Emit(Op::kSetKeyed, obj, key, new_value);
  if (dst >= 0) Emit(Op::kMove, dst, n->Has(kFlagPrefix) ? new_value : old_value);
}

// Evaluates a member/index read. `object_reg` >= 0: the object is already in that register
// (method calls keep it as the receiver).
void Compiler::MemberGet(Node* n, int dst, int object_reg) {
  bool is_super = n->a->kind == NodeKind::kSuper;
  int obj = object_reg;
  if (is_super) {
    obj = -1;
  } else if (obj < 0) {
    if (n->kind == NodeKind::kIndex && !IsPure(n->b)) {
      obj = Temp();
      Expr(n->a, obj);
    } else {
      obj = ExprToReg(n->a);
    }
  }
  if (n->Has(kFlagOptional) && fs_->optional_exits != nullptr) {
    fs_->optional_exits->push_back(Emit(Op::kJumpIfNullish, obj, 0));
  }
  int key = -1;
  if (n->kind == NodeKind::kIndex) key = ExprToReg(n->b);
  offset_ = n->kind == NodeKind::kMember ? n->end - static_cast<uint32_t>(n->str.size()) : n->offset;
  if (is_super) {
    if (key < 0) {
      key = Temp();
      Emit(Op::kLoadConst, key, StringConst(n->str));
    }
    Emit(Op::kGetSuper, dst, key);
  } else if (n->kind == NodeKind::kMember) {
    Emit(Op::kGetNamed, dst, obj, NameIc(n->str));
  } else {
    Emit(Op::kGetKeyed, dst, obj, key);
  }
}

void Compiler::OptionalChain(Node* n, int dst) {
  std::vector<int> exits;
  std::vector<int>* saved = fs_->optional_exits;
  fs_->optional_exits = &exits;
  Expr(n->a, dst);
  fs_->optional_exits = saved;
  if (exits.empty()) return;
  int end = Emit(Op::kJump, 0);
  for (int at : exits) PatchTo(at, Here());
  Emit(Op::kLoadUndefined, dst);
  PatchTo(end, Here());
}

// Lays out arguments after `receiver_reg`: returns argc, or with a spread the register of an
// arguments array placed at receiver_reg + 1 (*spread = true).
int Compiler::Arguments(NodeList args, int receiver_reg, bool* spread) {
  *spread = false;
  for (Node* a : args) *spread |= a->kind == NodeKind::kSpread;
  if (*spread) {
    int arr = Temp();
    Emit(Op::kCreateArray, arr);
    for (Node* a : args) {
      int t = Temp();
      Expr(a->kind == NodeKind::kSpread ? a->a : a, t);
      Emit(a->kind == NodeKind::kSpread ? Op::kArraySpread : Op::kArrayPush, arr, t);
      fs_->next_temp = t;
    }
    return arr;
  }
  for (Node* a : args) {
    int t = Temp();
    Expr(a, t);
  }
  return static_cast<int>(args.size());
}

// The source position a call reports in stack traces and uncaught-error carets: like V8, the
// property name of a method call (`o.f()` at `f`), otherwise the start of the callee.
uint32_t Compiler::CallPosition(const Node* call) const {
  const Node* callee = call->a;
  if (callee->kind != NodeKind::kMember || callee->end < callee->str.size()) return call->offset;
  uint32_t name_start = callee->end - static_cast<uint32_t>(callee->str.size());
  if (source_.text().substr(name_start, callee->str.size()) != callee->str) return call->offset;  // escapes
  return name_start;
}

void Compiler::CallExpr(Node* n, int dst) {
  Node* callee = n->a;
  bool spread = false;
  if (callee->kind == NodeKind::kSuper) {
    int recv = Temp();
    int argc = Arguments(n->list, recv, &spread);
    offset_ = n->offset;
    if (spread) Emit(Op::kSuperCallSpread, dst, argc);
    else Emit(Op::kSuperCall, dst, Pack(recv + 1, argc));
    // The constructed object becomes `this`.
    VarLocation t = fs_->info->this_var;
    if (t.valid) {
      int depth = 0;
      for (const Region& r : fs_->regions) depth += r.kind == RegionKind::kContext;
      if (t.in_context) Emit(Op::kStoreContext, dst, depth, t.index);
      else Emit(Op::kMove, t.index, dst);
    }
    if (n->b != nullptr) Expr(n->b, Temp());  // class fields: run the instance initializer
    return;
  }
  int fn = Temp();
  int recv = Temp();
  if ((callee->kind == NodeKind::kMember || callee->kind == NodeKind::kIndex) &&
      callee->a->kind != NodeKind::kSuper) {
    Expr(callee->a, recv);
    MemberGet(callee, fn, recv);
  } else if (callee->kind == NodeKind::kMember || callee->kind == NodeKind::kIndex) {
    MemberGet(callee, fn, -1);  // super.method(): receiver is `this`
    LoadThis(recv);
  } else {
    Expr(callee, fn);
    Emit(Op::kLoadUndefined, recv);
  }
  fs_->next_temp = recv + 1;  // a computed key's temporary is dead: arguments start at recv + 1
  if (n->Has(kFlagOptional) && fs_->optional_exits != nullptr) {
    fs_->optional_exits->push_back(Emit(Op::kJumpIfNullish, fn, 0));
  }
  int argc = Arguments(n->list, recv, &spread);
  offset_ = CallPosition(n);
  int at = spread ? Emit(Op::kCallSpread, dst, fn, argc) : Emit(Op::kCall, dst, fn, Pack(recv, argc));
  fs_->info->callee_text[at] = std::string(
      source_.text().substr(callee->offset, callee->end - callee->offset));
}

// The current function's own `this` (super.method() receivers). Arrows have none: undefined.
void Compiler::LoadThis(int dst) {
  VarLocation t = fs_->info->this_var;
  if (!t.valid) {
    Emit(Op::kLoadUndefined, dst);
    return;
  }
  int depth = 0;
  for (const Region& r : fs_->regions) depth += r.kind == RegionKind::kContext;
  if (t.in_context) Emit(Op::kLoadContext, dst, depth, t.index);
  else Emit(Op::kMove, dst, t.index);
}

void Compiler::NewExpr(Node* n, int dst) {
  int fn = Temp();
  Expr(n->a, fn);
  int recv = Temp();
  bool spread = false;
  int argc = Arguments(n->list, recv, &spread);
  offset_ = n->offset;
  int callee = NewInstructionOperand(fs_->info, fn);  // fn | site slot << 16 (allocation_site.h)
  int at = spread ? Emit(Op::kNewSpread, dst, callee, argc) : Emit(Op::kNew, dst, callee, Pack(recv, argc));
  fs_->info->callee_text[at] = std::string(
      source_.text().substr(n->a->offset, n->a->end - n->a->offset));
}

std::string Compiler::MethodName(Node* member) {
  Node* key = member->a;
  if (member->Has(kFlagComputed)) return "";
  std::string text = key->kind == NodeKind::kNumber ? Runtime::NumberToString(key->num) : std::string(key->str);
  if (member->Has(kFlagGetter)) return "get " + text;
  if (member->Has(kFlagSetter)) return "set " + text;
  return text;
}

// A closure defined under a computed key is named at run time by the key (SetFunctionName):
// `key` becomes the converted property key, so the key expression's value is converted once.
void Compiler::NameByComputedKey(Node* member, int fn, int key) {
  int mark = fs_->next_temp;
  int recv = Temp(), fn_arg = Temp(), key_arg = Temp(), prefix = Temp();
  Emit(Op::kLoadUndefined, recv);
  Emit(Op::kMove, fn_arg, fn);
  Emit(Op::kMove, key_arg, key);
  const char* text = member->Has(kFlagGetter) ? "get" : member->Has(kFlagSetter) ? "set" : "";
  Emit(Op::kLoadConst, prefix, StringConst(text));
  CallIntrinsic(kIntrinsicSetFunctionName, key, recv, 3);
  fs_->next_temp = mark;
}

int Compiler::PropertyKey(Node* prop) {
  int t = Temp();
  Node* key = prop->a;
  if (prop->Has(kFlagComputed)) {
    Expr(key, t);
  } else if (key->kind == NodeKind::kNumber) {
    Emit(Op::kLoadConst, t, StringConst(Runtime::NumberToString(key->num)));
  } else {
    Emit(Op::kLoadConst, t, StringConst(key->str));
  }
  return t;
}

// The literal gets one inline slot per property it defines (V8 sizes literal boilerplates the
// same way), `{}` and spreads the default 4 (V8's kInitialGlobalObjectUnusedPropertiesCount is
// also 4 for an empty literal); see objects.h "Object layout".
static int LiteralInlineCapacity(Node* n) {
  int count = 0;
  bool spread = false;
  for (Node* prop : n->list) {
    if (prop->op == Tok::kEllipsis) spread = true;
    else ++count;
  }
  if (spread && count < kDefaultInlineCapacity) count = kDefaultInlineCapacity;
  if (count == 0) return kDefaultInlineCapacity;
  return count < kMaxInlineCapacity ? count : kMaxInlineCapacity;
}

// A literal's `name: value` whose key is a fixed string that is not an array index (those become
// Smi keys: DefineField), with a value that is not a function needing the property's name or a
// home object, and neither accessor nor method.
static bool IsCacheableLiteralKey(Node* prop) {
  if (prop->Has(kFlagComputed) || prop->Has(kFlagGetter) || prop->Has(kFlagSetter)) return false;
  if (prop->op == Tok::kFunction || prop->a->kind == NodeKind::kNumber) return false;
  if (IsAnonymousFn(prop->b)) return false;
  std::string_view key = prop->a->str;
  bool digits = !key.empty();
  for (char c : key) digits &= c >= '0' && c <= '9';
  return !digits && !key.empty();
}

// `__proto__: value` (not computed, not shorthand, not a method) sets the new object's prototype
// instead of defining a property (ECMA-262 §13.2.5.5, PropertyDefinitionEvaluation).
static bool IsProtoSetter(Node* prop) {
  return prop->op == Tok::kColon && !prop->Has(kFlagComputed) &&
         prop->a->kind == NodeKind::kString && prop->a->str == "__proto__";
}

// A literal that CreateObjectShaped can build: 1..kMaxInlineCapacity properties, each a distinct
// cacheable `name: value` or shorthand `name` (no spread, accessor, method, computed or index key,
// no `__proto__` in any form, no named-function value).
static bool IsShapedLiteral(Node* n) {
  if (n->list.empty() || n->list.size() > static_cast<size_t>(kMaxInlineCapacity)) return false;
  for (size_t i = 0; i < n->list.size(); ++i) {
    Node* prop = n->list[i];
    bool plain = prop->op == Tok::kColon || (prop->op == Tok::kIdentifier && prop->b->kind == NodeKind::kIdentifier);
    if (!plain || !IsCacheableLiteralKey(prop) || prop->a->str == "__proto__") return false;
    for (size_t j = 0; j < i; ++j) {
      if (n->list[j]->a->str == prop->a->str) return false;  // a repeated key redefines
    }
  }
  return true;
}

// `{a: e0, b: e1, ...}` (IsShapedLiteral): the values go to consecutive temporaries in source
// order, then one CreateObjectShaped makes the object with them (no script code can observe the
// object before the last value exists: ECMA-262 §13.2.5.4 defines onto a fresh object that no
// value expression can reach). False, with nothing emitted, when the temporaries would not fit
// the operand's 16 bits.
bool Compiler::ShapedObjectLiteral(Node* n, int dst) {
  const int first = fs_->next_temp;
  const int count = static_cast<int>(n->list.size());
  if (first + count > 0xffff) return false;
  for (int i = 0; i < count; ++i) Temp();
  for (int i = 0; i < count; ++i) {
    int mark = fs_->next_temp;
    offset_ = n->list[static_cast<size_t>(i)]->offset;
    Expr(n->list[static_cast<size_t>(i)]->b, first + i);
    fs_->next_temp = mark;
  }
  offset_ = n->offset;
  Emit(Op::kCreateObjectShaped, dst, NewInstructionOperand(fs_->info, first), LiteralKeysConst(n->list));
  fs_->next_temp = first;
  return true;
}

// The constant-pool FixedArray of a shaped literal (allocation_site.h, NewShapedLiteralObject):
// [undefined (the leaf shape, cached on first use), key0, ..., keyN-1], keys interned. Old at
// birth like CowElementsConst's store: it lives as long as the function.
int Compiler::LiteralKeysConst(const NodeList& list) {
  std::vector<int> keys;
  for (Node* prop : list) keys.push_back(StringConst(prop->a->str));  // may allocate: before the array
  const size_t n = keys.size() + 1;
  FixedArray* e = static_cast<FixedArray*>(
      rt_.heap().Allocate(FixedArrayType(), sizeof(HeapObject) + 8 + 8 * n, tenure::AllocationType::kOld));
  e->length = Value::FromSmi(static_cast<int64_t>(n));
  e->items()[0] = kUndefined;
  for (size_t i = 1; i < n; ++i) tenure::Store(e, &e->items()[i], fs_->info->constants[static_cast<size_t>(keys[i - 1])]);
  return Const(Value::FromObject(e));
}

void Compiler::ObjectLiteral(Node* n, int dst) {
  if (IsShapedLiteral(n) && ShapedObjectLiteral(n, dst)) return;
  Emit(Op::kCreateObject, dst, LiteralInlineCapacity(n), ReserveAllocationSite(fs_->info));
  for (Node* prop : n->list) {
    int mark = fs_->next_temp;
    offset_ = prop->offset;
    if (prop->op == Tok::kEllipsis) {
      int v = Temp();
      Expr(prop->b, v);
      Emit(Op::kObjectSpread, dst, v);
    } else if (IsProtoSetter(prop)) {
      int v = Temp();
      Expr(prop->b, v);
      Emit(Op::kSetLiteralProto, dst, v);
    } else if (IsCacheableLiteralKey(prop)) {  // `name: value`: DefineNamed with a transition cache
      int v = Temp();
      Expr(prop->b, v);
      Emit(Op::kDefineNamed, dst, NameIc(prop->a->str), v);
    } else {
      int key = PropertyKey(prop);
      int v = Temp();
      std::string name = MethodName(prop);
      if (prop->op == Tok::kFunction) {
        Closure(prop->b, v, name, dst);
        if (prop->Has(kFlagComputed)) NameByComputedKey(prop, v, key);
      } else if (IsAnonymousFn(prop->b) && prop->b->kind == NodeKind::kFunction) {
        Closure(prop->b, v, name, -1);
        if (prop->Has(kFlagComputed)) NameByComputedKey(prop, v, key);
      } else {
        Expr(prop->b, v);
      }
      if (prop->Has(kFlagGetter)) Emit(Op::kDefineGetter, dst, key, v | (1 << 30));
      else if (prop->Has(kFlagSetter)) Emit(Op::kDefineSetter, dst, key, v | (1 << 30));
      else Emit(Op::kDefineField, dst, key, v);
    }
    fs_->next_temp = mark;
  }
}

// A constant-pool entry holding the copy-on-write elements store (objects.h) of an array literal
// of immediates: allocated old (it lives as long as the function) and shared by every array the
// literal creates; writers copy it first (Runtime::WritableElements).
int Compiler::CowElementsConst(const NodeList& list) {
  const int64_t count = static_cast<int64_t>(list.size());
  FixedArray* e = static_cast<FixedArray*>(rt_.heap().Allocate(
      &kCowFixedArrayType, sizeof(HeapObject) + 8 + 8 * static_cast<size_t>(count), tenure::AllocationType::kOld));
  e->length = Value::FromSmi(count);
  for (int64_t i = 0; i < count; ++i) {  // immediates: no write barrier
    const Node* v = list[static_cast<size_t>(i)];
    e->items()[i] = v->kind == NodeKind::kNull ? kNull
                    : v->kind == NodeKind::kBoolean ? FromBool(v->Has(kFlagTrue))
                                                    : Value::FromSmi(static_cast<int64_t>(v->num));
  }
  return Const(Value::FromObject(e));
}

void Compiler::ArrayLiteral(Node* n, int dst) {
  // Pre-sized for the literal's elements, so `[a, b, c, ...]` allocates one elements store.
  int capacity = 0;
  for (Node* e : n->list) capacity += e->kind == NodeKind::kSpread ? 0 : 1;
  if (capacity >= 2 && static_cast<size_t>(capacity) == n->list.size() &&
      std::all_of(n->list.begin(), n->list.end(), IsImmediateLiteral)) {
    Emit(Op::kCreateArrayCow, dst, CowElementsConst(n->list), ReserveAllocationSite(fs_->info));
    return;
  }
  Emit(Op::kCreateArray, dst, capacity, ReserveAllocationSite(fs_->info));
  for (Node* e : n->list) {
    int mark = fs_->next_temp;
    if (e->kind == NodeKind::kHole) {
      Emit(Op::kArrayPushHole, dst);
    } else {
      int t = Temp();
      Expr(e->kind == NodeKind::kSpread ? e->a : e, t);
      Emit(e->kind == NodeKind::kSpread ? Op::kArraySpread : Op::kArrayPush, dst, t);
    }
    fs_->next_temp = mark;
  }
}

// Compiler::Class, class fields and private names: compiler_classes.cc.

// `constructor() {}` or `constructor(...args) { super(...args); }` for classes without one.
int Compiler::CompileDefaultConstructor(std::string_view name, bool derived, Node* cls) {
  int function_id = rt_.AddFunction(std::make_unique<FunctionInfo>());
  FunctionInfo* info = rt_.functions()[function_id].get();
  info->name = std::string(name);
  info->source = &source_;
  info->offset = cls->offset;
  info->source_start = cls->offset;
  info->source_end = cls->end;
  info->is_class_ctor = true;
  info->is_strict = true;
  info->is_derived_ctor = derived;
  info->is_method = true;
  int r = kFixedRegs;
  auto emit = [&](Op op, int a = 0, int b = 0, int c = 0) {
    info->code.push_back(Instr{op, a, b, c});
    info->positions.push_back(cls->offset);
  };
  if (derived) {
    emit(Op::kCreateRest, r, 0);
    emit(Op::kSuperCallSpread, r + 1, r);
    emit(Op::kReturn, r + 1);
  } else {
    emit(Op::kLoadUndefined, r);
    emit(Op::kReturn, r);
  }
  info->frame_size = kFixedRegs + 3;
  return function_id;
}

}  // namespace tenure::js
