// builtins_array_generic.h — Array.prototype methods for receivers that are not arrays
// (ECMA-262 §23.1.3's generic algorithms; see builtins_array_generic.cc). builtins_array.cc calls
// these when `this` is not an Array.
#pragma once

#include <string>

#include "runtime.h"

namespace tenure::js {

// V8's TypeError text for a callback that is not callable: "x is not a function", "5 …", "#<Map> …",
// "[object Array] …", "Symbol(s) …" (Object::NoSideEffectsToString).
std::string NotAFunctionMessage(Runtime& rt, Handle value);

// Array/TypedArray join's separator: "," for undefined, else ToString(args[0]). False: it threw.
bool JoinSeparator(Runtime& rt, Args args, std::string* separator);

Value GenericArrayPush(Runtime& rt, Handle self, Args args);
Value GenericArrayPop(Runtime& rt, Handle self, Args args);
Value GenericArrayShift(Runtime& rt, Handle self, Args args);
Value GenericArrayUnshift(Runtime& rt, Handle self, Args args);
Value GenericArraySlice(Runtime& rt, Handle self, Args args);
Value GenericArraySplice(Runtime& rt, Handle self, Args args);
Value GenericArrayConcat(Runtime& rt, Handle self, Args args);
Value GenericArrayJoin(Runtime& rt, Handle self, Args args);
Value GenericArrayToString(Runtime& rt, Handle self, Args args);
Value GenericArrayIndexOf(Runtime& rt, Handle self, Args args);
Value GenericArrayLastIndexOf(Runtime& rt, Handle self, Args args);
Value GenericArrayIncludes(Runtime& rt, Handle self, Args args);
Value GenericArrayForEach(Runtime& rt, Handle self, Args args);
Value GenericArrayMap(Runtime& rt, Handle self, Args args);
Value GenericArrayFilter(Runtime& rt, Handle self, Args args);
Value GenericArraySome(Runtime& rt, Handle self, Args args);
Value GenericArrayEvery(Runtime& rt, Handle self, Args args);
Value GenericArrayFind(Runtime& rt, Handle self, Args args);
Value GenericArrayFindIndex(Runtime& rt, Handle self, Args args);
Value GenericArrayFindLast(Runtime& rt, Handle self, Args args);
Value GenericArrayFindLastIndex(Runtime& rt, Handle self, Args args);
Value GenericArrayReduce(Runtime& rt, Handle self, Args args);
Value GenericArrayReduceRight(Runtime& rt, Handle self, Args args);
Value GenericArrayReverse(Runtime& rt, Handle self, Args args);
Value GenericArrayFill(Runtime& rt, Handle self, Args args);
Value GenericArrayCopyWithin(Runtime& rt, Handle self, Args args);
Value GenericArraySort(Runtime& rt, Handle self, Args args);
Value GenericArrayAt(Runtime& rt, Handle self, Args args);
Value GenericArrayFlat(Runtime& rt, Handle self, Args args);
Value GenericArrayFlatMap(Runtime& rt, Handle self, Args args);
// keys / values / entries (`kind`: kIterArrayKeys, kIterArray, kIterArrayEntries).
Value GenericArrayIterator(Runtime& rt, Handle self, const char* method, IterKind kind);
// Every index of the receiver read with Get into a new Array (toReversed, toSorted, toSpliced, with).
Value GenericArrayCopy(Runtime& rt, Handle self, const char* method);

}  // namespace tenure::js
