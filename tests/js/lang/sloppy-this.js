// `this` in functions called without a receiver: globalThis in sloppy functions, undefined in
// strict ones (a 'use strict' directive, strict enclosing code, class bodies); arrows take it
// from where they are written; a CommonJS module's top level has this === module.exports.
function sloppy() { return this; }
function strict() { 'use strict'; return this; }
console.log(sloppy() === globalThis, strict(), this === module.exports, this === exports, typeof this);
const alias = sloppy;
console.log(alias() === globalThis, (0, sloppy)() === globalThis, sloppy.call(null) === globalThis);
console.log(strict.call(undefined), strict.call(null), strict.apply(7), strict.bind('s')());
console.log([1].map(function () { return this === globalThis; })[0], [1].map(function () { 'use strict'; return this; })[0]);
console.log([1].map(function () { return this; }, 'thisArg')[0] == 'thisArg', [1].map(strict, 5)[0]);
(function () {
  'use strict';
  const inner = function () { return this; };
  console.log(this, inner(), (() => this)());
})();
class K {
  method() { return this; }
  static staticMethod() { return this; }
}
const { method } = K.prototype;
const { staticMethod } = K;
console.log(method(), staticMethod(), new K().method() instanceof K, K.staticMethod() === K);
const obj = { sloppy, strict, arrow: () => this };
console.log(obj.sloppy() === obj, obj.strict() === obj, obj.arrow() === module.exports);
function outer() { return (() => this)(); }
console.log(outer() === globalThis, outer.call(obj) === obj);
function sloppyStrictInner() { return (function () { 'use strict'; return this; })(); }
console.log(sloppyStrictInner());
globalThis.viaGlobal = 'global value';
function readGlobal() { return this.viaGlobal; }
console.log(readGlobal());
exports.viaExports = 'exports value';
console.log(this.viaExports, module.exports.viaExports);
function Ctor() { this.made = true; }
console.log(new Ctor().made, typeof globalThis.made);

// Expected output (node 20):
// expect: true undefined true true object
// expect: true true true
// expect: undefined null 7 s
// expect: true undefined
// expect: true 5
// expect: undefined undefined undefined
// expect: undefined undefined true true
// expect: true true true
// expect: true true
// expect: undefined
// expect: global value
// expect: exports value exports value
// expect: true undefined
