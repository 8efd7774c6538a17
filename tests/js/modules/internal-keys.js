// The module system's internals are invisible to scripts (they were properties named '%…'): no
// global like '%moduleWrapperArg' (seed leak #1 — listing globals to find accidental ones — showed
// it), no '%parent' on module objects, no '%module' on require; the wrapper variables, the Require
// stack of a missing module and a required file's own module object still work.
const names = Object.getOwnPropertyNames(globalThis).filter((k) => k.startsWith('%'));
console.log(names, Reflect.ownKeys(module).filter((k) => typeof k === 'string' && k.startsWith('%')));
console.log(Reflect.ownKeys(require).filter((k) => typeof k === 'string' && k.startsWith('%')));
const child = require('./fixtures/internal-keys/child.js');
console.log(child.keys.filter((k) => typeof k === 'string' && k.startsWith('%')), child.requireKeys.filter((k) => typeof k === 'string' && k.startsWith('%')));
console.log(typeof exports, typeof require, exports === module.exports, this === module.exports);
try {
  require('./fixtures/internal-keys/missing-module');
} catch (e) {
  console.log(e.code, e.requireStack.length, e.requireStack[0] === __filename);
}

// expect: [] []
// expect: []
// expect: [] []
// expect: object function true true
// expect: MODULE_NOT_FOUND 1 true
