// Generators and async functions: one suspension mechanism for both.
//
// An activation is a full-layout JSObject of Kind::kGenerator:
//   internal[0] = Smi GeneratorState
//   internal[1] = the saved frame while suspended (FixedArray, below), else undefined
//   internal[2] = async functions: the promise the call returned; generators: undefined;
//                 async generators: the request queue (a JSArray of [mode, value, promise]
//                 triples, ECMA-262 §27.6.3.1 AsyncGeneratorRequest)
// Saved frame: [pc, handler count, (catch_pc, exception_reg, context_save_reg) per handler,
// registers r0 .. r(frame_size-1)]. Suspending (GeneratorStart, Yield, Await) copies the top
// frame's register window, pc and its try handlers into that array and pops the frame; resuming
// (Runtime::ResumeGenerator) pushes a frame at the stack top, copies them back, writes the sent
// value and the resume mode into the two registers the suspending instruction named, and runs the
// frame in a new RunFrames entry (the same C++ entry any builtin callback uses; JS-to-JS calls
// inside still do not recurse). Nothing points into the value stack, so a moving GC only has to
// update the array's slots.
//
// Invariants: a suspended activation's frame is in internal[1] and nowhere on the stack; an
// executing one has internal[1] == undefined; resumed frames are native entries, so Yield and
// Await in them return from RunFrames. An async function's first activation runs inside the
// caller's call (not a native entry): its first Await pops the frame and hands the promise to the
// caller like a return.
//
// Async generators (§27.6): every run after GeneratorStart is a native entry made by
// AsyncGeneratorRun, which settles the queued requests' promises when the frame yields (state
// kSuspendedYield), awaits (kAwaiting: requests only queue up, as while kExecuting) or completes.
// `yield v` compiles to Await(v) then a raw Yield; a resumption with mode return awaits its value
// before unwinding (AsyncGeneratorUnwrapYieldResumption). return() on a suspended-at-start or
// completed generator awaits the value in state kAwaitingReturn; that await's reaction comes back
// through ResumeAsync like any other.
#pragma once

#include "runtime.h"

namespace tenure::js {

enum GeneratorState : int64_t {
  kSuspendedStart = 0, kSuspendedYield = 1, kExecuting = 2, kCompleted = 3,
  kAwaiting = 4,        // suspended at an `await` (async functions and async generators)
  kAwaitingReturn = 5,  // async generator: return(v) is awaiting v (§27.6.3.9)
};
enum ResumeMode : int64_t { kResumeNext = 0, kResumeThrow = 1, kResumeReturn = 2 };

// { value, done } (CreateIterResultObject).
Value CreateIterResult(Runtime& rt, Handle value, bool done);
// Resumes a suspended async function or async generator with a settled await operand.
// False: exception pending.
bool ResumeAsync(Runtime& rt, Handle activation, bool is_throw, Handle value);
// Gives a fresh activation of an async generator its (empty) request queue.
void InitAsyncGenerator(Runtime& rt, Handle activation);
// %AsyncGeneratorPrototype% (the [[Prototype]] of every async generator function's `prototype`).
Value AsyncGeneratorPrototype(Runtime& rt);
// GetIterator(obj, async) (§7.4.3): obj[Symbol.asyncIterator](), else the sync iterator wrapped
// by CreateAsyncFromSyncIterator (§27.1.4.1). Empty on throw; `source` (the operand's source
// text, or "") names the value in node's "x is not async iterable".
Value GetAsyncIterator(Runtime& rt, Handle iterable, const std::string& source);
// %GeneratorPrototype% (next/return/throw) into kRootGeneratorPrototype; %AsyncIteratorPrototype%,
// %AsyncGeneratorPrototype% and %AsyncFromSyncIteratorPrototype% into kRootAsyncIteration.
void InstallGeneratorBuiltins(Runtime& rt, Handle global);

}  // namespace tenure::js
