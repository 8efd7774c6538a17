// The dispatch loop of the interpreter (entry points and frames live in interpreter.cc).
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <string>

#include "allocation_site.h"
#include "destructuring.h"
#include "builtins.h"
#include "builtins_date.h"
#include "generators.h"
#include "object_integrity.h"
#include "register_frame.h"
#include "runtime.h"

namespace tenure::js {

namespace {

int32_t ToInt32(double d) {
  if (std::isnan(d) || std::isinf(d)) return 0;
  double m = std::fmod(std::trunc(d), 4294967296.0);
  if (m < 0) m += 4294967296.0;
  return static_cast<int32_t>(static_cast<uint32_t>(m));
}

inline Value* ContextSlot(Value context, int depth, int slot) {
  for (int i = 0; i < depth; ++i) context = context.As<FixedArray>()->items()[0];
  return &context.As<FixedArray>()->items()[1 + slot];
}

// StrictEquals without the call when the answer is decided by identity (everything but
// HeapNumber/String pairs, where the slow path compares contents).
inline bool ComparedByIdentity(Value v) {  // not a number or a string
  if (v.IsSmi()) return false;
  if (!v.IsHeapObject()) return true;
  Kind k = KindOf(v.ToObject());
  return k != Kind::kHeapNumber && k != Kind::kString;
}
inline bool StrictEqualsFast(Runtime& rt, Value a, Value b) {
  if (a == b) return !IsKind(a, Kind::kHeapNumber) || !std::isnan(a.As<HeapNumber>()->value);
  if (a.IsSmi() && b.IsSmi()) return false;
  if (ComparedByIdentity(a) || ComparedByIdentity(b)) return false;
  return rt.StrictEquals(a, b);
}

// ToBoolean with the boolean and Smi cases inline.
inline bool Truthy(Value v) {
  if (v == kTrue) return true;
  if (v == kFalse) return false;
  if (v.IsSmi()) return v.ToSmi() != 0;
  return Runtime::ToBoolean(v);
}

// Runtime::NewNumber inline for the loop's arithmetic results: a Smi when `d` is integral, in
// Smi range and not -0 (the range test is false for NaN, so the cast is defined), else a fresh
// HeapNumber from the inline bump allocator.
inline Value BoxDouble(Runtime& rt, double d) {
  if (d >= -1073741824.0 && d <= 1073741823.0) {
    int32_t i = static_cast<int32_t>(d);
    if (i == d && (i != 0 || !std::signbit(d))) return Value::FromSmi(i);
  }
  HeapNumber* n = rt.heap().New<HeapNumber>(HeapNumberType());
  n->value = d;
  return Value::FromObject(n);
}

// tenure::Store for the loop's hot element stores: g++ does not inline WriteBarrier into the
// (very large) RunFrames, so the Smi/primitive test that makes the barrier a no-op is done here
// and only heap values pay for the call (message-buffer's 128 Smi stores per message).
[[gnu::always_inline]] inline void StoreValue(HeapObject* host, Value* slot, Value value) {
  *slot = value;
  if (value.IsHeapObject()) tenure::WriteBarrier(host, slot, value);
}

// Runtime::WriteSlot with StoreValue (own-property store hits of SetNamed).
[[gnu::always_inline]] inline void WriteSlotValue(JSObject* o, int64_t index, Value value) {
  int64_t capacity = InlineCapacity(o);
  if (index < capacity) {
    StoreValue(o, &InlineSlots(o)[index], value);
  } else {
    FixedArray* slots = o->slots.As<FixedArray>();
    StoreValue(slots, &slots->items()[index - capacity], value);
  }
}

// Runtime::ReadSlot forced inline: g++ kept an out-of-line copy for RunFrames' load-IC hits
// (splay's `t.key`, `t.left`: 24 M instructions of calls on the quick size).
[[gnu::always_inline]] inline Value ReadSlotValue(JSObject* o, int64_t index) {
  int64_t capacity = InlineCapacity(o);
  if (index < capacity) return InlineSlots(o)[index];
  return o->slots.As<FixedArray>()->items()[index - capacity];
}

// Runtime::TryTransitionStore's hit inline, for the case that dominates constructors (`this.x =`
// on a fresh instance): a plain object whose new slot is inline. The checks are
// TryTransitionStore's: the accessor epoch, the cached prototype, and the chain receiver -> holder
// [-> Object.prototype] -> null. A young host (most instances) needs no write barrier
// (WriteBarrierForObject returns on a host without kPageOld); an old one (a pretenured instance)
// takes both barriers. Returns false when this case does not apply; the caller then takes
// TryTransitionStore.
[[gnu::always_inline]] inline bool InlineTransitionStore(JSObject* o, const InlineCache& ic, Value value,
                                                         uint64_t accessor_epoch, Value object_prototype) {
  if (ic.accessor_epoch != accessor_epoch || o->proto != ic.holder) return false;
  const uint32_t tag = o->type()->embedder_tag;
  if (static_cast<Kind>(tag & kKindMask) != Kind::kObject || ic.index >= static_cast<int32_t>((tag >> 8) & 0xff)) {
    return false;
  }
  Value proto = o->proto;
  if (!IsJSObject(proto) || object_prototype.As<JSObject>()->proto != kNull) return false;
  if (proto != object_prototype && proto.As<JSObject>()->proto != object_prototype) return false;
  Value* slot = &o->body()[(tag >> 16) + static_cast<uint32_t>(ic.index)];
  o->shape = ic.transition;
  *slot = value;
  if (tenure::internal::ChunkFlags(o) & tenure::internal::kPageOld) [[unlikely]] {
    tenure::WriteBarrier(o, &o->shape, ic.transition);
    tenure::WriteBarrier(o, slot, value);
  }
  return true;
}

inline FixedArray* ContextAt(Value context, int depth) {
  for (int i = 0; i < depth; ++i) context = context.As<FixedArray>()->items()[0];
  return context.As<FixedArray>();
}

}  // namespace

// Whether slot `index` of plain object `o` exists without growing: inline, or inside `slots`.
static inline bool HasSlotRoom(JSObject* o, int64_t index) {
  int64_t inline_capacity = InlineCapacity(o);
  if (index < inline_capacity) return true;
  Value slots = o->slots;
  return slots != kUndefined && index - inline_capacity < slots.As<FixedArray>()->size();
}

// DefineNamed's miss: DefineOwn, then cache the step when it was a plain add to a plain object —
// the new leaf shape is a child of the old one for exactly `key` with no attribute or integrity
// bits — so a hit (same old shape, slot room) is the same add. Redefinitions (a repeated key)
// and anything else are never cached. Returns false on exception.
static bool DefineNamedSlow(Runtime& rt, Handle object, Handle key, Handle value, InlineCache* ic) {
  tenure::HandleScope scope(rt.heap());
  Handle old_shape = Handle::New(rt.heap(), object.value().As<JSObject>()->shape);
  if (!rt.DefineOwn(object, key, value, 0)) return false;
  JSObject* o = object.value().As<JSObject>();
  Shape* leaf = o->shape.As<Shape>();
  if (KindOf(o) == Kind::kObject && leaf->parent == old_shape.value() && leaf->key == key.value() &&
      leaf->flags == Value::FromSmi(0)) {
    ic->shape = old_shape.value();
    ic->index = static_cast<int32_t>(leaf->index.ToSmi());
    ic->transition = o->shape;
  }
  return true;
}

// Arithmetic and comparison slow paths shared by the loop. Each returns empty on exception.
static Value Arithmetic(Runtime& rt, Op op, Handle a, Handle b) {
  double x, y;
  if (!rt.ToNumber(a, &x) || !rt.ToNumber(b, &y)) return Value();
  switch (op) {
    case Op::kSub: return rt.NewNumber(x - y);
    case Op::kMul: return rt.NewNumber(x * y);
    case Op::kDiv: return rt.NewNumber(x / y);
    case Op::kMod: return rt.NewNumber(std::fmod(x, y));
    case Op::kExp: return rt.NewNumber(JsPow(x, y));  // Number::exponentiate (builtins.h)
    case Op::kBitAnd: return Value::FromSmi(ToInt32(x) & ToInt32(y));
    case Op::kBitOr: return Value::FromSmi(ToInt32(x) | ToInt32(y));
    case Op::kBitXor: return Value::FromSmi(ToInt32(x) ^ ToInt32(y));
    case Op::kShl: return rt.NewNumber(static_cast<double>(static_cast<int32_t>(
                       static_cast<uint32_t>(ToInt32(x)) << (static_cast<uint32_t>(ToInt32(y)) & 31))));
    case Op::kSar: return Value::FromSmi(ToInt32(x) >> (static_cast<uint32_t>(ToInt32(y)) & 31));
    case Op::kShr: return rt.NewNumber(static_cast<double>(
                       static_cast<uint32_t>(ToInt32(x)) >> (static_cast<uint32_t>(ToInt32(y)) & 31)));
    default: return kUndefined;
  }
}

// Allocates a String of `length` bytes and `info` at `site` and fills it with the parts' bytes in
// order; the caller has checked that the joined bytes are canonical WTF-8 and that `length` is
// their sum. The parts are re-read after the allocation, which may move them.
static Value JoinStringParts(Runtime& rt, std::initializer_list<Handle> parts, size_t length,
                             uint32_t info, tenure::AllocationSite* site) {
  const size_t size = kStringDataOffset + length;
  String* s = static_cast<String*>(
      rt.heap().AllocateAtSite(StringType(), size, site, tenure::AllocationInit::kUninitialized));
  // Every word is written: the last (padding past the bytes) is zeroed first, then the fields and
  // the bytes overwrite the rest.
  reinterpret_cast<uint64_t*>(reinterpret_cast<char*>(s) + tenure::AllocationSize(size))[-1] = 0;
  s->length = static_cast<uint32_t>(length);
  s->info = info;
  char* out = s->data();
  for (const Handle& part : parts) {
    String* p = part.value().As<String>();
    std::memcpy(out, p->data(), p->length);
    out += p->length;
  }
  return Value::FromObject(s);
}

// `a + b` for two Strings. When either side is ASCII the joined bytes are already canonical
// WTF-8 (a lead surrogate followed by a trail one needs both sides non-ASCII: string_utf16.h), so
// the result is allocated once and filled by two copies, its info word computed from the parts;
// otherwise the general path joins and normalizes. The once-allocated result is allocated at
// `site` (AddAtSite's; null for a plain Add: allocation_site.h).
static Value ConcatStrings(Runtime& rt, Handle a, Handle b, tenure::AllocationSite* site = nullptr) {
  String* x = a.value().As<String>();
  String* y = b.value().As<String>();
  if (y->length == 0) return a.value();
  if (x->length == 0) return b.value();
  size_t length = static_cast<size_t>(x->length) + y->length;
  if (length > (1u << 30) || (!x->is_ascii() && !y->is_ascii())) {
    std::string joined;
    joined.reserve(length);
    joined.append(x->view());
    joined.append(y->view());
    return rt.NewString(joined);
  }
  uint32_t info = 0;
  if (!x->is_ascii() || !y->is_ascii()) info = kStringNonAscii | (x->units() + y->units()) << kStringUnitsShift;
  return JoinStringParts(rt, {a, b}, length, info, site);
}

// ConcatStrings of three strings (`'lit' + s + 'lit'`) in one allocation: no intermediate
// `'lit' + s` string. All-ASCII parts only (their bytes join as they are); otherwise two
// ConcatStrings steps, which normalize surrogate pairs across the joins.
static Value ConcatStrings3(Runtime& rt, Handle a, Handle b, Handle c, tenure::AllocationSite* site) {
  String* x = a.value().As<String>();
  String* y = b.value().As<String>();
  String* z = c.value().As<String>();
  size_t length = static_cast<size_t>(x->length) + y->length + z->length;
  if (length > (1u << 30) || !x->is_ascii() || !y->is_ascii() || !z->is_ascii()) {
    tenure::HandleScope scope(rt.heap());
    Handle xy = Handle::New(rt.heap(), ConcatStrings(rt, a, b));
    return ConcatStrings(rt, xy, c, site);
  }
  return JoinStringParts(rt, {a, b, c}, length, 0, site);
}

static Value AddSlow(Runtime& rt, Handle a, Handle b, tenure::AllocationSite* site = nullptr) {
  tenure::HandleScope scope(rt.heap());
  // Hint "default": Dates convert as strings (Date.prototype[@@toPrimitive]).
  Handle pa = Handle::New(rt.heap(), rt.ToPrimitive(a, Runtime::PrimitiveHint::kDefault));
  if (pa.value().IsEmpty()) return Value();
  Handle pb = Handle::New(rt.heap(), rt.ToPrimitive(b, Runtime::PrimitiveHint::kDefault));
  if (pb.value().IsEmpty()) return Value();
  if (IsString(pa.value()) || IsString(pb.value())) {
    Handle sa = Handle::New(rt.heap(), rt.ToString(pa));
    if (sa.value().IsEmpty()) return Value();
    Handle sb = Handle::New(rt.heap(), rt.ToString(pb));
    if (sb.value().IsEmpty()) return Value();
    return ConcatStrings(rt, sa, sb, site);
  }
  double x, y;
  if (!rt.ToNumber(pa, &x) || !rt.ToNumber(pb, &y)) return Value();
  return rt.NewNumber(x + y);
}

// Abstract relational comparison; returns kTrue/kFalse (NaN -> false) or empty.
static Value Compare(Runtime& rt, Op op, Handle a, Handle b) {
  tenure::HandleScope scope(rt.heap());
  Handle pa = Handle::New(rt.heap(), rt.ToPrimitive(a, false));
  if (pa.value().IsEmpty()) return Value();
  Handle pb = Handle::New(rt.heap(), rt.ToPrimitive(b, false));
  if (pb.value().IsEmpty()) return Value();
  if (IsString(pa.value()) && IsString(pb.value())) {
    int c = CompareUnits(pa.value().As<String>()->view(), pb.value().As<String>()->view());
    switch (op) {
      case Op::kLt: return FromBool(c < 0);
      case Op::kGt: return FromBool(c > 0);
      case Op::kLe: return FromBool(c <= 0);
      default: return FromBool(c >= 0);
    }
  }
  double x, y;
  if (!rt.ToNumber(pa, &x) || !rt.ToNumber(pb, &y)) return Value();
  switch (op) {
    case Op::kLt: return FromBool(x < y);
    case Op::kGt: return FromBool(x > y);
    case Op::kLe: return FromBool(x <= y);
    default: return FromBool(x >= y);
  }
}

Value Runtime::RunFrames(size_t entry_index) {
  // `ip` points at the next instruction; the frame's `pc` (an index) is written back only where
  // something may read it (SAVE_PC: calls, throws, suspension). With `ip` in a register the
  // dispatch is a load and an indirect jump, small enough for the compiler to copy into every
  // handler.
  Frame* f;
  const Instr* code;
  Value* r;
  const Instr* ip;
  Value result;
  // The operands of the one inline PushRegisterFrame site (`push_frame:`), shared by kCall and
  // kNew's fast paths so the compiler inlines a single copy of it.
  struct {
    Value callee, receiver, new_target;
    const FunctionInfo* info;
    const Value* args;
    int argc;
    bool construct;
  } push;

#define RELOAD()                          \
  do {                                    \
    f = &frames_.back();                  \
    code = f->info->code.data();          \
    r = stack_.get() + f->base;           \
    ip = code + f->pc;                    \
  } while (0)
#define REG(i) Handle::FromSlot(&r[i])
#define CHECK(expr)                       \
  do {                                    \
    if ((expr).IsEmpty()) goto exception; \
  } while (0)
#define CHECK_BOOL(expr)                  \
  do {                                    \
    if (!(expr)) goto exception;          \
  } while (0)
#define SAVE_PC() f->pc = static_cast<int>(ip - code)
  // Where a callee's frame starts: above this frame, the reserved area and the arguments.
  auto CalleeBase = [this](const Frame* caller, const Value* args_end) {
    size_t base = caller->base + static_cast<size_t>(caller->info->frame_size);
    if (base < reserved_top_) base = reserved_top_;
    size_t end = static_cast<size_t>(args_end - stack_.get());
    return end > base ? end : base;
  };

  // Threaded dispatch (GNU labels-as-values, g++ and clang): one indirect jump per instruction
  // through this table instead of the switch's bounds check and shared jump; the switch below is
  // the same code reached through its case labels.
#define TENURE_JS_OP_LABEL(name, doc) &&L_##name,
  static void* const kDispatch[] = {TENURE_JS_OPCODES(TENURE_JS_OP_LABEL)};
#undef TENURE_JS_OP_LABEL

  RELOAD();
  for (;;) {
    const Instr& in = *ip++;
    goto* kDispatch[static_cast<uint8_t>(in.op)];
    switch (in.op) {
      case Op::kNop: L_Nop:
      case Op::kDebugger: L_Debugger:
        break;
      case Op::kLoadConst: L_LoadConst: r[in.a] = f->info->constants[in.b]; break;
      case Op::kLoadSmi: L_LoadSmi: r[in.a] = Value::FromSmi(in.b); break;
      case Op::kLoadUndefined: L_LoadUndefined: r[in.a] = kUndefined; break;
      case Op::kLoadNull: L_LoadNull: r[in.a] = kNull; break;
      case Op::kLoadTrue: L_LoadTrue: r[in.a] = kTrue; break;
      case Op::kLoadFalse: L_LoadFalse: r[in.a] = kFalse; break;
      case Op::kLoadHole: L_LoadHole: r[in.a] = kHole; break;
      case Op::kMove: L_Move: r[in.a] = r[in.b]; break;
      case Op::kLoadContext: L_LoadContext: r[in.a] = *ContextSlot(r[kRegContext], in.b, in.c); break;
      case Op::kStoreContext: L_StoreContext: {
        FixedArray* ctx = ContextAt(r[kRegContext], in.b);
        StoreValue(ctx, &ctx->items()[1 + in.c], r[in.a]);
        break;
      }
      case Op::kCheckHole: L_CheckHole:
        if (r[in.a] == kHole) {
          SAVE_PC();
          ThrowError(ErrorType::kReferenceError,
                     "Cannot access '" + ToStdString(f->info->constants[in.b]) + "' before initialization");
          goto exception;
        }
        break;
      case Op::kThrowConstAssign: L_ThrowConstAssign:
        SAVE_PC();
        ThrowTypeError("Assignment to constant variable.");
        goto exception;
      case Op::kLoadGlobal: L_LoadGlobal: {
        JSObject* global = roots_[kRootGlobal].As<JSObject>();
        InlineCache* ic = &const_cast<FunctionInfo*>(f->info)->ics[in.b >> 16];
        if (global->shape == ic->shape && ic->index >= 0) {  // a hit reads a slot: no pc needed
          r[in.a] = ReadSlotValue(global, ic->index);
          break;
        }
        SAVE_PC();
        Value key = f->info->constants[in.b & 0xffff];
        int64_t flags = 0;
        int64_t index = FindOwn(global, key, &flags);
        if (index >= 0 && !(flags & kShapeAccessor)) {
          ic->shape = global->shape;  // an own data property: cached by the global's shape
          ic->index = static_cast<int32_t>(index);
          r[in.a] = ReadSlot(global, index);
          break;
        }
        Handle k = Handle::FromSlot(&const_cast<FunctionInfo*>(f->info)->constants[in.b & 0xffff]);
        Value found = HasProperty(Handle::FromSlot(&roots_[kRootGlobal]), k);
        CHECK(found);
        if (found == kFalse) {
          ThrowError(ErrorType::kReferenceError, ToStdString(key) + " is not defined");
          goto exception;
        }
        Value v = GetNamed(Handle::FromSlot(&roots_[kRootGlobal]), k);
        CHECK(v);
        r[in.a] = v;
        break;
      }
      case Op::kTypeofGlobal: L_TypeofGlobal: {
        SAVE_PC();
        Handle k = Handle::FromSlot(&const_cast<FunctionInfo*>(f->info)->constants[in.b]);
        Value v = GetNamed(Handle::FromSlot(&roots_[kRootGlobal]), k);
        CHECK(v);
        r[in.a] = TypeOf(v);
        break;
      }
      case Op::kStoreGlobal: L_StoreGlobal: {
        SAVE_PC();
        Handle k = Handle::FromSlot(&const_cast<FunctionInfo*>(f->info)->constants[in.b]);
        CHECK_BOOL(SetNamed(Handle::FromSlot(&roots_[kRootGlobal]), k, REG(in.a)));
        break;
      }
      case Op::kGetNamed: L_GetNamed: {
        Value o = r[in.b];
        InlineCache* ic = &const_cast<FunctionInfo*>(f->info)->ics[in.c >> 16];
        if (o.IsHeapObject() && ic->index >= 0 && IsJSObject(o)) {
          JSObject* jo = o.As<JSObject>();
          if (jo->shape == ic->shape) {
            if (ic->holder.IsEmpty()) {
              r[in.a] = ReadSlotValue(jo, ic->index);
              break;
            }
            if (jo->proto == ic->holder && ic->holder.As<JSObject>()->shape == ic->holder_shape) {
              r[in.a] = ReadSlotValue(ic->holder.As<JSObject>(), ic->index);
              break;
            }
          }
        }
        SAVE_PC();
        Handle k = Handle::FromSlot(&const_cast<FunctionInfo*>(f->info)->constants[in.c & 0xffff]);
        Value v = GetNamed(REG(in.b), k, ic);
        CHECK(v);
        r[in.a] = v;
        break;
      }
      case Op::kSetNamed: L_SetNamed: {
        InlineCache* ic = &const_cast<FunctionInfo*>(f->info)->ics[in.b >> 16];
        Value o = r[in.a];
        if (o.IsHeapObject() && ic->index >= 0 && IsJSObject(o) && o.As<JSObject>()->shape == ic->shape) {
          if (ic->transition.IsEmpty()) {
            WriteSlotValue(o.As<JSObject>(), ic->index, r[in.c]);
            break;
          }
          if (InlineTransitionStore(o.As<JSObject>(), *ic, r[in.c], accessor_epoch_,
                                    roots_[kRootObjectPrototype])) {
            break;
          }
          if (TryTransitionStore(o.As<JSObject>(), *ic, r[in.c])) break;  // cached add (no GC)
        }
        SAVE_PC();
        Handle k = Handle::FromSlot(&const_cast<FunctionInfo*>(f->info)->constants[in.b & 0xffff]);
        CHECK_BOOL(SetNamed(REG(in.a), k, REG(in.c), ic));
        break;
      }
      case Op::kGetKeyed: L_GetKeyed: {
        Value o = r[in.b], k = r[in.c];
        // A negative key is the string property "-1" etc., not an element (GetProperty finds it).
        if (k.IsSmi() && k.ToSmi() >= 0 && IsKind(o, Kind::kArray)) {
          r[in.a] = ArrayGet(o.As<JSObject>(), k.ToSmi());
          break;
        }
        SAVE_PC();
        Value v = GetProperty(REG(in.b), REG(in.c));
        CHECK(v);
        r[in.a] = v;
        break;
      }
      case Op::kSetKeyed: L_SetKeyed: {
        Value o = r[in.a], k = r[in.b];
        if (k.IsSmi() && k.ToSmi() >= 0 && IsKind(o, Kind::kArray)) {
          JSObject* a = o.As<JSObject>();
          FixedArray* e = a->elements.As<FixedArray>();
          int64_t i = k.ToSmi();
          // frozen/sealed/non-extensible or a shared copy-on-write store: ArraySet
          if (i < e->size() && IntegrityBits(a) == 0 && !IsCowElements(e)) {
            StoreValue(e, &e->items()[i], r[in.c]);
            if (i >= a->length.ToSmi()) a->length = Value::FromSmi(i + 1);
            break;
          }
        }
        SAVE_PC();
        CHECK_BOOL(SetProperty(REG(in.a), REG(in.b), REG(in.c)));
        break;
      }
      case Op::kGetSuper: L_GetSuper: {
        SAVE_PC();
        Value closure = r[kRegClosure];
        Value home = IsKind(closure, Kind::kFunction) ? closure.As<JSObject>()->internal[2] : kUndefined;
        if (!IsJSObject(home)) {
          r[in.a] = kUndefined;
          break;
        }
        r[in.a] = home.As<JSObject>()->proto;
        Value v = GetProperty(REG(in.a), REG(in.b));
        CHECK(v);
        r[in.a] = v;
        break;
      }
      case Op::kDelete: L_Delete: {
        SAVE_PC();
        Value v = DeleteProperty(REG(in.b), REG(in.c));
        CHECK(v);
        r[in.a] = v;
        break;
      }
      case Op::kAdd: L_Add: {
        Value a = r[in.b], b = r[in.c];
        if (a.IsSmi() && b.IsSmi()) {
          int64_t s = a.ToSmi() + b.ToSmi();
          r[in.a] = (s >= -1073741824 && s <= 1073741823) ? Value::FromSmi(s) : BoxDouble(*this, static_cast<double>(s));
          break;
        }
        SAVE_PC();
        Value v;
        if (IsNumber(a) && IsNumber(b)) v = BoxDouble(*this, NumberValue(a) + NumberValue(b));
        else if (IsString(a) && IsString(b)) v = ConcatStrings(*this, REG(in.b), REG(in.c));
        else v = AddSlow(*this, REG(in.b), REG(in.c));
        CHECK(v);
        r[in.a] = v;
        break;
      }
      case Op::kAddAtSite: L_AddAtSite: {
        // `+` with a string literal operand: Add's semantics (AddSlow converts), a string result
        // allocated at the instruction's site (operand c = right register | slot + 1 << 16).
        const int rc = NewCalleeRegister(in.c);
        SAVE_PC();
        tenure::AllocationSite* site = LiteralSite(*this, f->info, in.c >> 16);
        Value v = IsString(r[in.b]) && IsString(r[rc]) ? ConcatStrings(*this, REG(in.b), REG(rc), site)
                                                       : AddSlow(*this, REG(in.b), REG(rc), site);
        CHECK(v);
        r[in.a] = v;
        break;
      }
      case Op::kConcatAtSite: L_ConcatAtSite: {
        // `'lit' + x + 'lit'`: registers first..first+2 hold the left literal, x and the right
        // literal. A string x joins all three at once; anything else takes the two `+` steps
        // (AddSlow converts x, with hint default, before the right literal is appended — the
        // same order, as a literal has no side effects).
        const int first = NewCalleeRegister(in.c);
        SAVE_PC();
        tenure::AllocationSite* site = LiteralSite(*this, f->info, in.c >> 16);
        Value v;
        if (IsString(r[first + 1])) {
          v = ConcatStrings3(*this, REG(first), REG(first + 1), REG(first + 2), site);
        } else {
          v = AddSlow(*this, REG(first), REG(first + 1));
          CHECK(v);
          r[first + 1] = v;  // a temporary of this instruction: roots the left part
          v = ConcatStrings(*this, REG(first + 1), REG(first + 2), site);
        }
        CHECK(v);
        r[in.a] = v;
        break;
      }
      case Op::kBitAnd: L_BitAnd: case Op::kBitOr: L_BitOr: case Op::kBitXor: L_BitXor: {
        // Two Smis (int32 payloads): the operation itself, without the shared handler's switch.
        Value a = r[in.b], b = r[in.c];
        if (a.IsSmi() && b.IsSmi()) {
          int32_t x = static_cast<int32_t>(a.ToSmi()), y = static_cast<int32_t>(b.ToSmi());
          r[in.a] = Value::FromSmi(in.op == Op::kBitAnd ? (x & y) : in.op == Op::kBitOr ? (x | y) : (x ^ y));
          break;
        }
        goto arithmetic_general;
      }
      case Op::kBitAndSmi: L_BitAndSmi: {
        // `a & imm` with a Smi literal mask; anything but a Smi `a` takes Arithmetic (ToNumber,
        // valueOf, exceptions) with the mask as its second operand.
        Value a = r[in.b];
        if (a.IsSmi()) {
          r[in.a] = Value::FromSmi(static_cast<int32_t>(a.ToSmi()) & in.c);
          break;
        }
        SAVE_PC();
        Value mask = Value::FromSmi(in.c);  // not a heap value: needs no root
        Value v = Arithmetic(*this, Op::kBitAnd, REG(in.b), Handle::FromSlot(&mask));
        CHECK(v);
        r[in.a] = v;
        break;
      }
      case Op::kSub: L_Sub: case Op::kMul: L_Mul: {
        Value a = r[in.b], b = r[in.c];
        if (a.IsSmi() && b.IsSmi()) {
          int64_t x = a.ToSmi(), y = b.ToSmi();
          int64_t s = in.op == Op::kSub ? x - y : x * y;
          if (s >= -1073741824 && s <= 1073741823 && !(in.op == Op::kMul && s == 0 && (x < 0 || y < 0))) {
            r[in.a] = Value::FromSmi(s);
            break;
          }
        }
        [[fallthrough]];
      }
      case Op::kDiv: L_Div: case Op::kMod: L_Mod: case Op::kExp: L_Exp:
      case Op::kShl: L_Shl: case Op::kSar: L_Sar: case Op::kShr: L_Shr:
      arithmetic_general: {
        Value a = r[in.b], b = r[in.c];
        if (a.IsSmi() && b.IsSmi()) {
          int64_t x = a.ToSmi(), y = b.ToSmi();
          switch (in.op) {
            case Op::kBitAnd: r[in.a] = Value::FromSmi(static_cast<int32_t>(x) & static_cast<int32_t>(y)); continue;
            case Op::kBitOr: r[in.a] = Value::FromSmi(static_cast<int32_t>(x) | static_cast<int32_t>(y)); continue;
            case Op::kBitXor: r[in.a] = Value::FromSmi(static_cast<int32_t>(x) ^ static_cast<int32_t>(y)); continue;
            case Op::kMod:
              if (y > 0 && x >= 0) { r[in.a] = Value::FromSmi(x % y); continue; }
              break;
            default: break;
          }
        }
        if ((in.op == Op::kSub || in.op == Op::kMul || in.op == Op::kDiv) && IsNumber(a) && IsNumber(b)) {
          double x = NumberValue(a), y = NumberValue(b);  // doubles: no conversion, no handles
          r[in.a] = BoxDouble(*this, in.op == Op::kSub ? x - y : in.op == Op::kMul ? x * y : x / y);
          break;
        }
        SAVE_PC();
        Value v = Arithmetic(*this, in.op, REG(in.b), REG(in.c));
        CHECK(v);
        r[in.a] = v;
        break;
      }
      case Op::kEq: L_Eq: case Op::kNe: L_Ne: {
        SAVE_PC();
        Value v = LooseEquals(REG(in.b), REG(in.c));
        CHECK(v);
        r[in.a] = in.op == Op::kEq ? v : FromBool(v == kFalse);
        break;
      }
      case Op::kStrictEq: L_StrictEq: r[in.a] = FromBool(StrictEqualsFast(*this, r[in.b], r[in.c])); break;
      case Op::kStrictNe: L_StrictNe: r[in.a] = FromBool(!StrictEqualsFast(*this, r[in.b], r[in.c])); break;
      case Op::kLt: L_Lt: case Op::kGt: L_Gt: case Op::kLe: L_Le: case Op::kGe: L_Ge: {
        Value a = r[in.b], b = r[in.c];
        if (IsNumber(a) && IsNumber(b)) {
          double x = NumberValue(a), y = NumberValue(b);
          bool res = in.op == Op::kLt ? x < y : in.op == Op::kGt ? x > y : in.op == Op::kLe ? x <= y : x >= y;
          r[in.a] = FromBool(res);
          break;
        }
        SAVE_PC();
        Value v = Compare(*this, in.op, REG(in.b), REG(in.c));
        CHECK(v);
        r[in.a] = v;
        break;
      }
      case Op::kIn: L_In: {
        SAVE_PC();
        Value v = HasProperty(REG(in.c), REG(in.b));
        CHECK(v);
        r[in.a] = v;
        break;
      }
      case Op::kInstanceOf: L_InstanceOf: {
        SAVE_PC();
        Value found = InstanceOf(REG(in.b), REG(in.c));  // conversions.cc
        CHECK(found);
        r[in.a] = found;
        break;
      }
      case Op::kNeg: L_Neg: {
        Value a = r[in.b];
        if (a.IsSmi() && a.ToSmi() != 0) {
          r[in.a] = Value::FromSmi(-a.ToSmi());
          break;
        }
        SAVE_PC();
        double d;
        CHECK_BOOL(ToNumber(REG(in.b), &d));
        r[in.a] = NewNumber(-d);
        break;
      }
      case Op::kToNumber: L_ToNumber: {
        if (IsNumber(r[in.b])) { r[in.a] = r[in.b]; break; }
        SAVE_PC();
        double d;
        CHECK_BOOL(ToNumber(REG(in.b), &d));
        r[in.a] = NewNumber(d);
        break;
      }
      case Op::kNot: L_Not: r[in.a] = FromBool(!Truthy(r[in.b])); break;
      case Op::kBitNot: L_BitNot: {
        SAVE_PC();
        double d;
        CHECK_BOOL(ToNumber(REG(in.b), &d));
        r[in.a] = Value::FromSmi(~ToInt32(d));
        break;
      }
      case Op::kTypeOf: L_TypeOf: r[in.a] = TypeOf(r[in.b]); break;
      case Op::kInc: L_Inc: case Op::kDec: L_Dec: {
        Value a = r[in.b];
        int64_t delta = in.op == Op::kInc ? 1 : -1;
        if (a.IsSmi()) {
          int64_t s = a.ToSmi() + delta;
          r[in.a] = (s >= -1073741824 && s <= 1073741823) ? Value::FromSmi(s) : BoxDouble(*this, static_cast<double>(s));
          break;
        }
        SAVE_PC();
        double d;
        CHECK_BOOL(ToNumber(REG(in.b), &d));
        r[in.a] = NewNumber(d + static_cast<double>(delta));
        break;
      }
      case Op::kToString: L_ToString: {
        SAVE_PC();
        Value v = ToString(REG(in.b));
        CHECK(v);
        r[in.a] = v;
        break;
      }
      case Op::kJump: L_Jump:
        if (code + in.a < ip && --steps_left_ < 0) { SAVE_PC(); CHECK_BOOL(BudgetExhausted()); }
        ip = code + in.a;
        break;
      case Op::kJumpIfTrue: L_JumpIfTrue:
        if (Truthy(r[in.a])) {
          if (code + in.b < ip && --steps_left_ < 0) { SAVE_PC(); CHECK_BOOL(BudgetExhausted()); }
          ip = code + in.b;
        }
        break;
      case Op::kJumpIfFalse: L_JumpIfFalse: if (!Truthy(r[in.a])) ip = code + in.b; break;
      case Op::kJumpIfNullish: L_JumpIfNullish: if (IsNullish(r[in.a])) ip = code + in.b; break;
      case Op::kJumpIfNotUndefined: L_JumpIfNotUndefined: if (r[in.a] != kUndefined) ip = code + in.b; break;
      case Op::kJumpIfNull: L_JumpIfNull: if (r[in.a] == kNull) ip = code + in.b; break;
      case Op::kJumpIfNotNull: L_JumpIfNotNull: if (r[in.a] != kNull) ip = code + in.b; break;
      // Compare-and-branch: Smi and double operands inline, everything else through Compare
      // (ToPrimitive, strings; may throw). NaN makes every relation false, so the jump is taken.
#define TENURE_JS_JUMP_UNLESS(name, rel, op)                              \
      case Op::k##name: L_##name: {                                      \
        Value a = r[in.a], b = r[in.b];                                  \
        bool holds;                                                      \
        if (a.IsSmi() && b.IsSmi()) {                                    \
          holds = a.ToSmi() rel b.ToSmi();                               \
        } else if (IsNumber(a) && IsNumber(b)) {                         \
          holds = NumberValue(a) rel NumberValue(b);                     \
        } else {                                                         \
          SAVE_PC();                                                     \
          Value v = Compare(*this, op, REG(in.a), REG(in.b));            \
          CHECK(v);                                                      \
          holds = v == kTrue;                                            \
        }                                                                \
        if (!holds) ip = code + in.c;                                    \
        break;                                                           \
      }
      TENURE_JS_JUMP_UNLESS(JumpIfNotLt, <, Op::kLt)
      TENURE_JS_JUMP_UNLESS(JumpIfNotGt, >, Op::kGt)
      TENURE_JS_JUMP_UNLESS(JumpIfNotLe, <=, Op::kLe)
      TENURE_JS_JUMP_UNLESS(JumpIfNotGe, >=, Op::kGe)
#undef TENURE_JS_JUMP_UNLESS

      case Op::kCall: L_Call: {
        // A bytecode function with a register-only prologue: push its frame here. Everything
        // else (natives, class constructors, other prologues, errors) takes DispatchCall.
        Value callee = r[in.b];
        if (!IsKind(callee, Kind::kFunction)) goto generic_call;
        int64_t id = callee.As<JSObject>()->internal[1].ToSmi();
        if (id < 0) goto generic_call;
        const FunctionInfo* info = functions_[id].get();
        if (!info->register_prologue || info->is_class_ctor) goto generic_call;
        SAVE_PC();
        const Value* args = &r[(in.c & 0xffff) + 1];
        push = {callee, args[-1], kUndefined, info, args, in.c >> 16, false};
        goto push_frame;
      }
      case Op::kNew: L_New: {
        // `new F(...)` of an ordinary function or base-class constructor whose newest own
        // property is its `prototype` data property (ConstructorPrototype's fast case) and whose
        // prologue is register-only.
        const int callee_reg = NewCalleeRegister(in.b);
        Value callee = r[callee_reg];
        int recv = in.c & 0xffff;
        if (!IsKind(callee, Kind::kFunction) || recv == callee_reg) goto generic_call;
        JSObject* fn = callee.As<JSObject>();
        int64_t id = fn->internal[1].ToSmi();
        Shape* shape = fn->shape.As<Shape>();
        if (id < 0 || shape->key != roots_[kRootPrototypeKey] || (shape->flags.ToSmi() & kShapeAccessor)) {
          goto generic_call;
        }
        const FunctionInfo* info = functions_[id].get();
        if (!info->register_prologue || info->is_derived_ctor || (info->is_method && !info->is_class_ctor)) {
          goto generic_call;
        }
        SAVE_PC();
        Value proto = ReadSlotValue(fn, shape->index.ToSmi());
        // The argument list's receiver slot is unused by `new`: it roots the prototype during
        // the instance allocation, the only allocation before the frame exists.
        r[recv] = IsJSObject(proto) ? proto : roots_[kRootObjectPrototype];
        int capacity = info->instance_capacity >= 0 ? info->instance_capacity : InstanceCapacity(callee);
        Value receiver =
            NewConstructedObject(*this, REG(recv), capacity, ConstructSite(*this, f->info, in.b, info));
        callee = r[callee_reg];  // the allocation may have moved it
        r[recv] = receiver;
        push = {callee, receiver, callee, info, &r[recv + 1], in.c >> 16, true};
        goto push_frame;
      }
      push_frame:
        CHECK_BOOL(PushRegisterFrame(CalleeBase(f, push.args + push.argc), push.callee, push.info,
                                     push.receiver, push.new_target, push.args, push.argc, in.a,
                                     push.construct));
        RELOAD();
        break;
      case Op::kCallSpread: L_CallSpread: case Op::kNewSpread: L_NewSpread:
      case Op::kSuperCall: L_SuperCall: case Op::kSuperCallSpread: L_SuperCallSpread:
      generic_call: {
        SAVE_PC();
        bool is_new = in.op == Op::kNew || in.op == Op::kNewSpread;
        bool is_super = in.op == Op::kSuperCall || in.op == Op::kSuperCallSpread;
        bool spread = in.op == Op::kCallSpread || in.op == Op::kNewSpread || in.op == Op::kSuperCallSpread;
        int dst = in.a;
        int callee_reg;
        int argstart;
        int argc;
        if (is_super) {
          // The parent constructor is the running constructor's [[Prototype]].
          callee_reg = -1;
          if (spread) { argstart = in.b; argc = -1; }
          else { argstart = in.b & 0xffff; argc = in.b >> 16; }
        } else {
          callee_reg = is_new ? NewCalleeRegister(in.b) : in.b;
          if (spread) { argstart = in.c; argc = -1; }
          else { argstart = (in.c & 0xffff) + 1; argc = in.c >> 16; }
        }
        if (spread) {
          // Flatten the arguments array into registers above this frame's temporaries.
          Value arr = r[argstart];
          int64_t n = arr.As<JSObject>()->length.ToSmi();
          size_t top = f->base + f->info->frame_size;
          if (top + n + 16 > stack_limit_) {
            ThrowError(ErrorType::kRangeError, "Maximum call stack size exceeded");
            goto exception;
          }
          // Reserve the area so allocations below cannot drop it from the root set.
          size_t saved_reserved = reserved_top_;
          reserved_top_ = top + 1 + n;
          stack_[top] = is_super ? kUndefined : r[argstart - 1];
          for (int64_t i = 0; i < n; ++i) stack_[top + 1 + i] = ArrayGet(arr.As<JSObject>(), i);
          argc = static_cast<int>(n);
          result = DispatchCall(is_new, is_super, callee_reg, dst, stack_.get() + top, argc);
          reserved_top_ = saved_reserved;
        } else {
          result = DispatchCall(is_new, is_super, callee_reg, dst, &r[argstart - 1], argc);
        }
        if (result.IsEmpty()) goto exception;
        if (result == kHole) {  // a bytecode frame was pushed: run it in this loop
          RELOAD();
          break;
        }
        r[dst] = result;
        break;
      }
      case Op::kReturn: L_Return: {
        result = r[in.a];
        Frame done = frames_.back();
        if (done.construct) {
          if (!IsJSObject(result)) result = r[kRegReceiver];
          // LearnInstanceCapacity only when it can change something: skipped inline when the
          // constructor is its own new.target and the instance fits its current estimate.
          if (r[kRegNewTarget] != r[kRegClosure] || !IsKind(result, Kind::kObject) ||
              result.As<JSObject>()->shape.As<Shape>()->count.ToSmi() > done.info->instance_capacity) {
            LearnInstanceCapacity(r[kRegNewTarget], result);
          }
          if (IsKind(result, Kind::kError)) [[unlikely]] result = RefreshErrorStackHeader(result);
        }
        handlers_.resize(done.handler_base);
        frames_.pop_back();
        if (done.native_entry) return result;
        RELOAD();
        r[done.return_reg] = result;
        break;
      }
      case Op::kThrow: L_Throw:
        SAVE_PC();
        throw_site_recorded_ = in.b != 0;  // rethrow: the uncaught report keeps the first site
        Throw(r[in.a]);
        goto exception;
      case Op::kPushTry: L_PushTry:
        handlers_.push_back({frames_.size() - 1, in.a, in.b, in.c});
        r[in.c] = r[kRegContext];
        break;
      case Op::kPopTry: L_PopTry: handlers_.pop_back(); break;
      case Op::kCreateClosure: L_CreateClosure: {
        Value fn = NewFunction(in.b, REG(kRegContext));
        if (functions_[in.b]->is_arrow && IsKind(r[kRegClosure], Kind::kFunction)) {
          JSObject* arrow = fn.As<JSObject>();
          tenure::Store(arrow, &arrow->internal[2], r[kRegClosure].As<JSObject>()->internal[2]);
        }
        r[in.a] = fn;
        break;
      }
      case Op::kCreateObject: L_CreateObject:
        r[in.a] = NewLiteralObject(*this, in.b, LiteralSite(*this, f->info, in.c));
        break;
      case Op::kCreateArray: L_CreateArray:
        r[in.a] = NewLiteralArray(*this, in.b, LiteralSite(*this, f->info, in.c));
        break;
      case Op::kArrayPush: L_ArrayPush: {
        // Array literals are created with room for their elements (CreateArray's capacity): the
        // push is a store and a length bump. Anything else (a spread filled it) -> ArrayPush. The
        // array is one the compiler's code is still building, so no script can have frozen it.
        if (IsKind(r[in.a], Kind::kArray)) {
          JSObject* a = r[in.a].As<JSObject>();
          FixedArray* e = a->elements.As<FixedArray>();
          int64_t n = a->length.ToSmi();
          if (n < e->size()) {
            StoreValue(e, &e->items()[n], r[in.b]);
            a->length = Value::FromSmi(n + 1);
            break;
          }
        }
        SAVE_PC();
        CHECK_BOOL(ArrayPush(REG(in.a), REG(in.b)));
        break;
      }
      case Op::kCreateArrayCow: L_CreateArrayCow:  // `[0, 1, ..., 9]`: shares the literal's COW store
        r[in.a] = NewCowLiteralArray(*this, &f->info->constants[in.b], LiteralSite(*this, f->info, in.c));
        break;
      case Op::kCreateObjectShaped: L_CreateObjectShaped: {  // `{a: x, b: y}` from its cached shape
        Value* keys = &const_cast<FunctionInfo*>(f->info)->constants[in.c];
        tenure::AllocationSite* site = LiteralSite(*this, f->info, in.b >> 16);
        SAVE_PC();
        Value o = NewShapedLiteralObject(*this, keys, &r[in.b & 0xffff], site);
        CHECK(o);
        r[in.a] = o;
        break;
      }
      case Op::kArrayPushHole: L_ArrayPushHole: {
        Value hole = kHole;  // an immediate: safe outside the root set
        CHECK_BOOL(ArraySet(REG(in.a), r[in.a].As<JSObject>()->length.ToSmi(), Handle::FromSlot(&hole)));
        break;
      }
      case Op::kArraySpread: L_ArraySpread: {
        SAVE_PC();
        CHECK_BOOL(SpreadInto(REG(in.a), REG(in.b)));
        break;
      }
      case Op::kObjectSpread: L_ObjectSpread: {
        SAVE_PC();
        CHECK_BOOL(CopyDataProperties(REG(in.a), REG(in.b)));
        break;
      }
      case Op::kSetLiteralProto: L_SetLiteralProto: {
        // A fresh, extensible literal: neither a cycle nor a non-extensible object is possible.
        if (r[in.b] == kNull || IsJSObject(r[in.b])) SetPrototypeChecked(REG(in.a), REG(in.b));
        break;
      }
      case Op::kDefineField: L_DefineField: case Op::kDefineMethod: L_DefineMethod: {
        SAVE_PC();
        Value key = ToPropertyKey(REG(in.b));
        CHECK(key);
        if (key.IsSmi()) key = Intern(std::to_string(key.ToSmi()));
        r[in.b] = key;
        CHECK_BOOL(DefineOwn(REG(in.a), REG(in.b), REG(in.c), in.op == Op::kDefineMethod ? kShapeHidden : 0));
        break;
      }
      case Op::kDefineNamed: L_DefineNamed: {
        // `name: value` in an object literal. A hit replays the cached add: the literal (a plain
        // object) has the shape the cache was filled from and room for the slot.
        InlineCache* ic = &const_cast<FunctionInfo*>(f->info)->ics[in.b >> 16];
        JSObject* o = r[in.a].As<JSObject>();
        if (o->shape == ic->shape && ic->index >= 0 && KindOf(o) == Kind::kObject && HasSlotRoom(o, ic->index)) {
          tenure::Store(o, &o->shape, ic->transition);
          WriteSlot(o, ic->index, r[in.c]);
          break;
        }
        SAVE_PC();
        Handle k = Handle::FromSlot(&const_cast<FunctionInfo*>(f->info)->constants[in.b & 0xffff]);
        CHECK_BOOL(DefineNamedSlow(*this, REG(in.a), k, REG(in.c), ic));
        break;
      }
      case Op::kDefineGetter: L_DefineGetter: case Op::kDefineSetter: L_DefineSetter: {
        SAVE_PC();
        Value key = ToPropertyKey(REG(in.b));
        CHECK(key);
        if (key.IsSmi()) key = Intern(std::to_string(key.ToSmi()));
        r[in.b] = key;
        int fn = in.c & ((1 << 30) - 1);
        bool enumerable = (in.c >> 30) != 0;
        Value none = kUndefined;
        Handle empty = Handle::FromSlot(&none);
        if (in.op == Op::kDefineGetter) DefineAccessor(REG(in.a), REG(in.b), REG(fn), empty, enumerable);
        else DefineAccessor(REG(in.a), REG(in.b), empty, REG(fn), enumerable);
        break;
      }
      case Op::kSetHomeObject: L_SetHomeObject: {
        JSObject* fn = r[in.a].As<JSObject>();
        tenure::Store(fn, &fn->internal[2], r[in.b]);
        break;
      }
      case Op::kCreateClass: L_CreateClass: {
        SAVE_PC();
        CHECK_BOOL(SetUpClass(REG(in.a), in.b >= 0 ? &r[in.b] : nullptr, &r[in.c]));
        break;
      }
      case Op::kPushContext: L_PushContext: r[kRegContext] = NewContext(REG(kRegContext), in.a); break;
      case Op::kPopContext: L_PopContext: r[kRegContext] = r[kRegContext].As<FixedArray>()->items()[0]; break;
      case Op::kCopyContext: L_CopyContext: {
        FixedArray* old = r[kRegContext].As<FixedArray>();
        int slots = static_cast<int>(old->size()) - 1;
        tenure::HandleScope scope(*heap_);
        Handle parent = Handle::New(*heap_, old->items()[0]);
        Value fresh = NewContext(parent, slots);
        old = r[kRegContext].As<FixedArray>();
        FixedArray* c = fresh.As<FixedArray>();
        for (int i = 1; i <= slots; ++i) c->items()[i] = old->items()[i];  // young target: no barrier
        r[kRegContext] = fresh;
        break;
      }
      case Op::kForInPrepare: L_ForInPrepare: {
        SAVE_PC();
        CHECK_BOOL(ForInPrepare(&r[in.a], REG(in.b)));
        break;
      }
      case Op::kForOfPrepare: L_ForOfPrepare: {
        SAVE_PC();
        CHECK_BOOL(ForOfPrepare(&r[in.a], REG(in.b)));
        break;
      }
      case Op::kForInNext: L_ForInNext: case Op::kForOfNext: L_ForOfNext: {
        SAVE_PC();
        bool done = false;
        CHECK_BOOL(IteratorStep(REG(in.b), &r[in.a], &done));
        if (done) ip = code + in.c;
        break;
      }
      case Op::kCreateRest: L_CreateRest: {
        tenure::HandleScope scope(*heap_);
        int argc = f->argc;
        Handle rest = Handle::New(*heap_, NewArray(argc));
        for (int i = in.b; i < argc; ++i) {
          ArrayPush(rest, Handle::FromSlot(stack_.get() + f->args_index + i));
        }
        r[in.a] = rest.value();
        break;
      }
      case Op::kRequireObjectCoercible: L_RequireObjectCoercible: {
        if (!IsNullish(r[in.a])) break;
        SAVE_PC();
        Value text = in.b >= 0 ? f->info->constants[in.b] : Value::FromSmi(in.b);
        ThrowNotDestructurable(*this, r[in.a], text, in.c >= 0 ? f->info->constants[in.c] : kUndefined);
        goto exception;
      }
      case Op::kDestructureIterable: L_DestructureIterable: {
        SAVE_PC();
        Value message = in.c >= 0 ? f->info->constants[in.c] : kUndefined;
        CHECK_BOOL(DestructureIterable(*this, &r[in.a], REG(in.b), message));
        break;
      }
      case Op::kIteratorClose: L_IteratorClose: {
        SAVE_PC();
        CHECK_BOOL(IteratorClose(REG(in.a), /*quiet=*/in.b != 0));
        break;
      }
      case Op::kObjectRest: L_ObjectRest: {
        SAVE_PC();
        CHECK_BOOL(ObjectRest(*this, &r[in.a], REG(in.b), &r[in.c & 0xffff], in.c >> 16));
        break;
      }
      case Op::kCreateArguments: L_CreateArguments: break;  // created by the prologue
      // Generators and async functions (generators.h).
      case Op::kGeneratorStart: L_GeneratorStart: {
        SAVE_PC();
        Value gen = NewActivation(REG(kRegClosure), false);
        CHECK(gen);
        r[in.a] = gen;
        if (f->info->is_async) InitAsyncGenerator(*this, REG(in.a));
        CHECK_BOOL(SuspendFrame(REG(in.a), kSuspendedStart));
        result = r[in.a];
        goto suspend_return;
      }
      case Op::kAsyncStart: L_AsyncStart: {
        SAVE_PC();
        Value activation = NewActivation(REG(kRegClosure), true);
        CHECK(activation);
        r[in.a] = activation;
        break;
      }
      case Op::kYield: L_Yield: {
        SAVE_PC();
        if (in.c == 0) {
          Value res = CreateIterResult(*this, REG(in.b), false);
          CHECK(res);
          r[in.a] = res;
        } else {
          r[in.a] = r[in.b];
        }
        CHECK_BOOL(SuspendFrame(REG(f->info->generator_reg), kSuspendedYield));
        result = r[in.a];
        goto suspend_return;
      }
      case Op::kAwait: L_Await: {
        SAVE_PC();
        Value promise = PromiseResolve(*this, REG(in.b));
        CHECK(promise);
        r[in.a] = promise;
        {
          tenure::HandleScope scope(*heap_);
          Handle undefined = Handle::New(*heap_, kUndefined);
          PerformPromiseThen(*this, REG(in.a), undefined, undefined, undefined, REG(f->info->generator_reg));
        }
        CHECK_BOOL(SuspendFrame(REG(f->info->generator_reg), kAwaiting));
        result = r[f->info->generator_reg].As<JSObject>()->internal[2];
        goto suspend_return;
      }
      case Op::kAsyncSettle: L_AsyncSettle: {
        SAVE_PC();
        tenure::HandleScope scope(*heap_);
        Handle promise = Handle::New(*heap_, r[f->info->generator_reg].As<JSObject>()->internal[2]);
        if (in.c != 0) RejectPromise(*this, promise, REG(in.b));
        else ResolvePromise(*this, promise, REG(in.b));
        r[in.a] = promise.value();
        break;
      }
      case Op::kGetIterator: L_GetIterator: {
        SAVE_PC();
        Value iter = GetIteratorForYieldStar(REG(in.b));
        CHECK(iter);
        r[in.a] = iter;
        break;
      }
      case Op::kYieldStarStep: L_YieldStarStep: {
        SAVE_PC();
        Value res = YieldStarStep(REG(in.b), REG(in.c), r[in.c + 1].ToSmi());
        CHECK(res);
        r[in.a] = res;
        break;
      }
      case Op::kGetAsyncIterator: L_GetAsyncIterator: {
        SAVE_PC();
        auto text = f->info->callee_text.find(static_cast<int>(f->pc) - 1);  // node names the source
        Value iter = GetAsyncIterator(*this, REG(in.b), text == f->info->callee_text.end() ? "" : text->second);
        CHECK(iter);
        r[in.a] = iter;
        break;
      }
      case Op::kIterResultCheck: L_IterResultCheck: {
        if (IsJSObject(r[in.a])) break;
        SAVE_PC();
        ThrowTypeError("Iterator result " + Inspect(REG(in.a)) + " is not an object");
        goto exception;
      }
      case Op::kThrowTypeError: L_ThrowTypeError: {
        SAVE_PC();
        ThrowTypeError(ToStdString(f->info->constants[in.a]));
        goto exception;
      }
      case Op::kClearRange: L_ClearRange:
        for (int i = 0; i < in.b; ++i) r[in.a + i] = kUndefined;
        break;
    }
    continue;

  suspend_return: {
    // GeneratorStart/Yield/Await saved the frame into its activation: pop it and hand `result`
    // to the caller like a return.
    Frame done = frames_.back();
    handlers_.resize(done.handler_base);
    frames_.pop_back();
    if (done.native_entry) return result;
    RELOAD();
    r[done.return_reg] = result;
    continue;
  }

  exception:
    // The pending exception unwinds to the nearest handler of this native entry.
    RecordThrowSite();
    for (;;) {
      Frame& top = frames_.back();
      if (handlers_.size() > top.handler_base) {
        TryHandler h = handlers_.back();
        handlers_.pop_back();
        RELOAD();
        ip = code + h.catch_pc;
        r[h.exception_reg] = TakeException();
        throw_site_recorded_ = false;
        r[kRegContext] = r[h.context_save_reg];
        break;
      }
      bool entry = top.native_entry;
      frames_.pop_back();
      if (entry) return Value();
    }
  }
#undef RELOAD
#undef REG
#undef CHECK
#undef CHECK_BOOL
#undef SAVE_PC
}

}  // namespace tenure::js
