// Bytecode: the register-machine instruction set and the per-function compiled code.
//
// Frame layout (registers are Values on the runtime's value stack, scanned precisely by the GC):
//   r0 = current context (Context or undefined)   r1 = the running closure
//   r2 = receiver (`this` as passed)              r3 = new.target (undefined for plain calls)
//   r4.. = scope-analysis registers (locals), then compiler temporaries.
// Calling convention: the caller places [receiver, arg0, ..., argN-1] in consecutive registers
// starting at `argstart`; the callee's frame begins above the caller's frame, so the argument
// slice stays readable while the callee's prologue copies it into parameter locations.
// Every instruction is {op, a, b, c}; operand meaning per opcode is listed below.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "tenure/value.h"

namespace tenure {
class AllocationSite;
}

namespace tenure::js {

class SourceFile;

inline constexpr int kRegContext = 0;
inline constexpr int kRegClosure = 1;
inline constexpr int kRegReceiver = 2;
inline constexpr int kRegNewTarget = 3;
inline constexpr int kFixedRegs = 4;

// X(name, operands)
#define TENURE_JS_OPCODES(X)                                                                   \
  X(Nop, "")                                                                                   \
  X(LoadConst, "dst k")                                                                        \
  X(LoadSmi, "dst imm")                                                                        \
  X(LoadUndefined, "dst") X(LoadNull, "dst") X(LoadTrue, "dst") X(LoadFalse, "dst")            \
  X(LoadHole, "dst")                                                                           \
  X(Move, "dst src")                                                                           \
  X(LoadContext, "dst depth slot")                                                             \
  X(StoreContext, "src depth slot")                                                            \
  X(CheckHole, "reg name_k")         /* ReferenceError: Cannot access before initialization */ \
  X(ThrowConstAssign, "name_k")                                                                \
  X(LoadGlobal, "dst name_k ic")                                                               \
  X(TypeofGlobal, "dst name_k")      /* typeof of an undeclared global: no ReferenceError */   \
  X(StoreGlobal, "src name_k")                                                                 \
  X(GetNamed, "dst obj name_k|ic<<16")                                                         \
  X(SetNamed, "obj name_k|ic<<16 src")                                                         \
  X(GetKeyed, "dst obj key")                                                                   \
  X(SetKeyed, "obj key src")                                                                   \
  X(GetSuper, "dst key home")        /* home = register with the method's home object */      \
  X(Delete, "dst obj key")                                                                     \
  X(Add, "dst a b") X(Sub, "dst a b") X(Mul, "dst a b") X(Div, "dst a b") X(Mod, "dst a b")    \
  X(Exp, "dst a b") X(BitAnd, "dst a b") X(BitOr, "dst a b") X(BitXor, "dst a b")              \
  X(Shl, "dst a b") X(Sar, "dst a b") X(Shr, "dst a b")                                        \
  X(BitAndSmi, "dst a imm")          /* a & imm, imm a Smi literal (V8's BitwiseAndSmi) */      \
  X(AddAtSite, "dst a b|site<<16")   /* a + b; a string result is allocated at the site */     \
  X(ConcatAtSite, "dst - first|site<<16") /* 'lit' + x + 'lit' in first..first+2, at the site */ \
  X(Eq, "dst a b") X(Ne, "dst a b") X(StrictEq, "dst a b") X(StrictNe, "dst a b")              \
  X(Lt, "dst a b") X(Gt, "dst a b") X(Le, "dst a b") X(Ge, "dst a b")                          \
  X(In, "dst key obj") X(InstanceOf, "dst obj ctor")                                           \
  X(Neg, "dst src") X(ToNumber, "dst src") X(Not, "dst src") X(BitNot, "dst src")              \
  X(TypeOf, "dst src") X(Inc, "dst src") X(Dec, "dst src") X(ToString, "dst src")              \
  X(Jump, "target") X(JumpIfTrue, "reg target") X(JumpIfFalse, "reg target")                   \
  X(JumpIfNullish, "reg target") X(JumpIfNotUndefined, "reg target")                           \
  /* `x === null` / `x !== null` as a condition: no LoadNull, no StrictEq result register */   \
  X(JumpIfNull, "reg target") X(JumpIfNotNull, "reg target")                                   \
  /* compare-and-branch: jump unless `a <op> b` (conditions of if/for/while) */              \
  X(JumpIfNotLt, "a b target") X(JumpIfNotGt, "a b target")                                    \
  X(JumpIfNotLe, "a b target") X(JumpIfNotGe, "a b target")                                    \
  X(Call, "dst callee argstart|argc<<16")                                                      \
  X(CallSpread, "dst callee args_array (receiver at args_array-1)")                            \
  X(New, "dst callee|site<<16 argstart|argc<<16")                                              \
  X(NewSpread, "dst callee|site<<16 args_array")                                               \
  X(SuperCall, "dst argstart|argc<<16")                                                        \
  X(SuperCallSpread, "dst args_array")                                                         \
  X(Return, "src") X(Throw, "src rethrow")                                                     \
  X(PushTry, "catch_target exception_reg context_save_reg") X(PopTry, "")                      \
  X(CreateClosure, "dst function_id")                                                          \
  X(CreateObject, "dst capacity site") X(CreateArray, "dst capacity site")                                                 \
  X(ArrayPush, "array src") X(ArrayPushHole, "array") X(ArraySpread, "array src")              \
  X(CreateArrayCow, "dst cow_k site") /* `[0, 1, ..., 9]`: shares constants[cow_k]'s COW store */ \
  X(CreateObjectShaped, "dst first|site<<16 keys_k") /* `{a: r[first], b: r[first+1], ...}` */ \
  X(ObjectSpread, "obj src")                                                                   \
  X(SetLiteralProto, "obj src")  /* `__proto__: v` in a literal: v an object or null */        \
  X(DefineField, "obj key src")      /* own enumerable data property (literals) */            \
  X(DefineNamed, "obj name_k|ic<<16 src") /* DefineField for a static non-index key, cached */ \
  X(DefineMethod, "obj key src")     /* non-enumerable (class members) */                      \
  X(DefineGetter, "obj key fn|enumerable<<30") X(DefineSetter, "obj key fn|enumerable<<30")    \
  X(SetHomeObject, "fn home")                                                                  \
  X(CreateClass, "ctor superclass_or_-1 prototype_dst")                                        \
  X(PushContext, "slots") X(PopContext, "") X(CopyContext, "")                                 \
  X(ForInPrepare, "iter obj") X(ForInNext, "dst iter done_target")                             \
  X(ForOfPrepare, "iter obj") X(ForOfNext, "dst iter done_target")                             \
  X(CreateRest, "dst from_index")                                                              \
  X(RequireObjectCoercible, "src text_k(-1: by value, -2: nested) key_k(-1: none)")            \
  X(DestructureIterable, "iter src message_k(-1: generic)") /* ForOfPrepare, node's errors */ \
  X(IteratorClose, "iter quiet")     /* calls iterator.return() of a protocol record */        \
  X(ObjectRest, "dst src keys|count<<16") /* own enumerable props not among the keys */       \
  X(CreateArguments, "dst")                                                                    \
  X(ClearRange, "first count")       /* drop dead temporaries of the script frame (GC) */     \
  X(GeneratorStart, "gen_reg")       /* generators.h: make the generator, suspend, return it */ \
  X(AsyncStart, "gen_reg")           /* async function: activation + its promise */            \
  X(Yield, "sent src raw")           /* suspend; resumed with sent value + mode in sent+1 */   \
  X(Await, "sent src")               /* suspend until the promise of src settles */            \
  X(AsyncSettle, "dst value reject") /* settle the activation's promise; dst = promise */      \
  X(GetIterator, "dst src")          /* src[Symbol.iterator]() (yield*) */                     \
  X(YieldStarStep, "dst iter recv")  /* iter.next/throw/return(recv) by mode in recv+1 */      \
  X(GetAsyncIterator, "dst src")     /* GetIterator(src, async) (for await, async yield*) */  \
  X(IterResultCheck, "src")          /* TypeError unless src is an object (awaited results) */ \
  X(ThrowTypeError, "message_k")     /* throws a TypeError with constants[message_k] */        \
  X(Debugger, "")

enum class Op : uint8_t {
#define TENURE_JS_OP_ENUM(name, doc) k##name,
  TENURE_JS_OPCODES(TENURE_JS_OP_ENUM)
#undef TENURE_JS_OP_ENUM
};

const char* OpName(Op op);
struct FunctionInfo;
// A readable listing of one function's bytecode (debugging aid: TENURE_PRINT_BYTECODE=1).
std::string Disassemble(const FunctionInfo& info);

struct Instr {
  Op op;
  int32_t a = 0;
  int32_t b = 0;
  int32_t c = 0;
};

// Where a variable lives (resolved by the scope analyzer).
struct VarLocation {
  bool valid = false;
  bool in_context = false;
  int index = 0;  // frame register (already offset by kFixedRegs) or context slot
};

// One named-property inline cache (monomorphic). Every Value field is rooted by the runtime.
//  - own data property (loads and stores): `shape` = receiver shape, `index` = slot, the rest empty.
//  - load from the receiver's direct prototype: `holder` = that prototype, `holder_shape` = its
//    shape when cached; a hit needs receiver shape, receiver->proto == holder and holder shape.
//  - store that adds a property (`transition` non-empty): a plain object (Kind::kObject) of shape
//    `shape` whose prototype is `holder` goes to shape `transition` with the value at `index`.
//    Filled only when the full lookup found no accessor for the key on the chain, and the chain is
//    receiver -> holder [-> Object.prototype] -> null; a hit re-checks that chain and that no
//    accessor was defined anywhere since (`accessor_epoch` == Runtime::accessor_epoch_).
struct InlineCache {
  Value shape;
  int32_t index = -1;
  Value holder;
  Value holder_shape;
  Value transition;
  uint64_t accessor_epoch = 0;
};

struct FunctionInfo {
  std::string name;
  const SourceFile* source = nullptr;
  std::vector<Instr> code;
  std::vector<uint32_t> positions;  // source offset per instruction (stack traces, errors)
  std::vector<Value> constants;     // rooted
  std::vector<InlineCache> ics;     // rooted
  // Allocation sites of the object/array literals and `new` instructions (allocation_site.h):
  // operand c = index + 1 of CreateObject/CreateArray (0 = no site), b >> 16 of New/NewSpread;
  // heap-owned, created on first execution.
  std::vector<tenure::AllocationSite*> allocation_sites;
  int frame_size = kFixedRegs;
  int formal_count = 0;             // Function.prototype.length
  std::vector<VarLocation> params;  // formal parameters in order (rest excluded)
  VarLocation rest;
  VarLocation this_var;             // where the prologue stores the receiver
  VarLocation self_var;             // a named function expression's own name
  VarLocation arguments_var;
  int context_slots = 0;            // > 0: the function scope allocates a context on entry
  // The prologue only copies arguments, the receiver and the closure into registers (no context,
  // rest array, arguments object or context-allocated parameter): plain calls and `new` of such a
  // function push its frame in the loop (Runtime::PushRegisterFrame) instead of EnterFunction.
  bool register_prologue = false;
  bool is_arrow = false;
  bool is_class_ctor = false;
  bool is_strict = false;           // strict mode code: failed property stores throw (Runtime::InStrictCode)
  bool is_derived_ctor = false;
  bool is_method = false;           // methods/accessors/arrows have no `prototype`
  bool is_script = false;
  bool is_generator = false;        // generators.h
  bool is_async = false;
  int generator_reg = -1;           // register holding the generator / async activation
  // Distinct `this.name =` stores the compiler saw in the body (arrow functions inside count for
  // the enclosing function): V8's expected_nof_properties estimate for `new F()`.
  int this_property_count = 0;
  // Runtime: inline capacity given to objects that `new` with this function as new.target
  // allocates; -1 until first computed (Runtime::InstanceCapacity), raised by what instances
  // turn out to need (Runtime::LearnInstanceCapacity).
  int instance_capacity = -1;
  // Runtime: the fallback allocation site of the objects `new F()` allocates with this function as
  // callee and new.target, for `new` instructions without a site slot of their own (a caller with
  // more than kMaxNewSiteSlot sites; allocation_site.h); heap-owned, created on first use.
  tenure::AllocationSite* construct_site = nullptr;
  uint32_t offset = 0;              // source offset of the function
  // [source_start, source_end) of `source`: the text Function.prototype.toString returns
  // (ECMA-262 §20.2.3.5); a class constructor's is the whole class. source_end 0: no text.
  uint32_t source_start = 0;
  uint32_t source_end = 0;
  std::unordered_map<int, std::string> callee_text;  // pc of Call/New -> callee source text
};

}  // namespace tenure::js
