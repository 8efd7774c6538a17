// Strictness is tracked per function: a "use strict" directive at the start of a script or
// function body, class bodies (methods, constructors, field initializers, static blocks) and
// everything nested in strict code are strict; other code is sloppy. Only the effect on failed
// stores is checked here (strict throws, sloppy ignores).
const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } };
const frozen = Object.freeze({ x: 1 });
function sloppy() { frozen.x = 2; return 'sloppy ok'; }
function strict() { 'use strict'; frozen.x = 2; return 'unreachable'; }
function strictDouble() { "use strict"; frozen.x = 2; }
function notDirective() { const s = 'use strict'; frozen.x = 2; return 'not a directive: ' + s; }
function escaped() { 'use\x20strict'; frozen.x = 2; return 'escaped directive is sloppy'; }
function outer() { 'use strict'; return function inner() { frozen.x = 3; }; }
function outerArrow() { 'use strict'; return () => { frozen.x = 3; }; }
function sloppyOuter() { return function () { 'use strict'; frozen.x = 4; }; }
function afterStrictNested() { sloppyOuter(); frozen.x = 5; return 'still sloppy'; }
t(sloppy); t(strict); t(strictDouble); t(notDirective); t(escaped); t(outer()); t(outerArrow()); t(sloppyOuter()); t(afterStrictNested);

class K {
  field = (() => { try { frozen.x = 6; } catch (e) { return e.message; } return 'no throw'; })();
  static s;
  static { try { frozen.y = 1; } catch (e) { K.s = e.message; } }
  constructor() { this.made = true; }
  method() { frozen.x = 7; }
  get getter() { delete frozen.x; return 1; }
  static stat() { return () => { frozen.z = 1; }; }
}
const k = new K();
console.log(k.field, K.s, k.made);
t(() => k.method()); t(() => k.getter); t(K.stat());
class D extends K { constructor() { super(); Object.freeze(this); } m() { this.q = 1; } }
t(() => new D().m());
const objLit = { m() { frozen.x = 8; return 'object literal methods stay sloppy'; } };
t(() => objLit.m());
const viaClassExpr = class { static run() { frozen.x = 9; } };
t(() => viaClassExpr.run());
function sloppyAgain() { delete frozen.x; 'use strict'; return 'directive not first: sloppy'; }
t(sloppyAgain);

// Expected output (node 20):
// expect: sloppy ok
// expect: TypeError: Cannot assign to read only property 'x' of object '#<Object>'
// expect: TypeError: Cannot assign to read only property 'x' of object '#<Object>'
// expect: not a directive: use strict
// expect: escaped directive is sloppy
// expect: TypeError: Cannot assign to read only property 'x' of object '#<Object>'
// expect: TypeError: Cannot assign to read only property 'x' of object '#<Object>'
// expect: TypeError: Cannot assign to read only property 'x' of object '#<Object>'
// expect: still sloppy
// expect: Cannot assign to read only property 'x' of object '#<Object>' Cannot add property y, object is not extensible true
// expect: TypeError: Cannot assign to read only property 'x' of object '#<Object>'
// expect: TypeError: Cannot delete property 'x' of #<Object>
// expect: TypeError: Cannot add property z, object is not extensible
// expect: TypeError: Cannot add property q, object is not extensible
// expect: object literal methods stay sloppy
// expect: TypeError: Cannot assign to read only property 'x' of object '#<Object>'
// expect: directive not first: sloppy
