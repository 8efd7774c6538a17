// Object integrity levels (object_integrity.cc): Object.preventExtensions / seal / freeze, their
// predicates, and node's TypeError texts for stores and deletes they forbid.
//
// Invariants:
//  - The state is the leaf shape's kShapeNonExtensible / kShapeSealedElements /
//    kShapeFrozenElements bits (objects.h); seal and freeze also set the per-key attributes
//    (kShapeNonConfigurable, kShapeReadOnly) of every own property, so a sealed or frozen object
//    is exactly "non-extensible + those attributes" and the predicates read them back.
//  - Element bits are only set on arrays (other objects have no element attributes); seal and
//    freeze imply kShapeNonExtensible, so `IntegrityBits(a) == 0` is the element fast-path test.
//  - No property is ever added to a non-extensible object by a JS store: SetNamed checks the bit
//    before adding, and store-transition caches are never filled from (and never match) a
//    non-extensible shape. Internal adds (redefinition, private names) keep the bits.
//  - Messages are V8's (node 20); whether a failure throws is Runtime::FailStore's decision
//    (strict code), except in array methods, which always throw like V8's builtins.
#pragma once

#include <string>

#include "runtime.h"

namespace tenure::js {

// "Cannot assign to read only property 'x' of object '#<Foo>'".
std::string ReadOnlyMessage(Runtime& rt, Handle object, Handle key);
// "Cannot add property x, object is not extensible".
std::string NotExtensibleMessage(Runtime& rt, Handle key);
// "Cannot delete property 'x' of #<Foo>".
std::string DeleteFailedMessage(Runtime& rt, Handle object, Handle key);
// How V8 names an object in such messages: "#<Foo>", "[object Array]", "[object Object]".
std::string ReceiverTextForErrors(Runtime& rt, Handle object);
// "Cannot set property x of #<Foo> which has only a getter".
std::string GetterOnlyMessage(Runtime& rt, Handle object, Handle key);
// "Cannot create property 'x' on string 'abc'" (a store to a primitive).
std::string PrimitiveStoreMessage(Runtime& rt, Handle primitive, Handle key);

// ArraySet on an array with integrity bits: true = store `index` normally; false = do not store
// (exception pending in strict code, silently ignored otherwise).
bool ArrayIntegrityAllowsStore(Runtime& rt, Handle array, int64_t index);
// The same for `array.length = new_length`.
bool ArrayIntegrityAllowsLength(Runtime& rt, Handle array, int64_t new_length);

// What an Array.prototype method is about to do to `array`: write index `first_write` (-1: no
// write to an existing index), grow by `added` and shrink by `removed` elements. Throws node's
// TypeError (returns false) when the array's integrity level forbids the first such step.
struct ArrayEdit {
  int64_t first_write = -1;
  int64_t added = 0;
  int64_t removed = 0;
};
bool ArrayEditAllowed(Runtime& rt, Handle array, const ArrayEdit& edit);

// Object.freeze(object) for a JSObject (tagged templates freeze their strings arrays).
void FreezeObject(Runtime& rt, Handle object);

// Object.preventExtensions / seal / freeze / isExtensible / isSealed / isFrozen.
void InstallObjectIntegrityBuiltins(Runtime& rt, Handle object_ctor);

// For Reflect and Object.defineProperty: is `object` (a JSObject) extensible; make it not.
bool IsExtensibleObject(Value object);
void PreventExtensionsOf(Runtime& rt, Handle object);

// OrdinarySetPrototypeOf (§10.1.2.1) for a JSObject and an object-or-null `proto`: a
// non-extensible object keeps its prototype, and no prototype chain may become a cycle.
enum class SetPrototypeResult { kDone, kNotExtensible, kCycle };
SetPrototypeResult SetPrototypeChecked(Handle object, Handle proto);

}  // namespace tenure::js
