// Functions defined under computed keys are named by the key at run time (ECMA-262
// SetFunctionName): methods, accessors ("get "/"set " prefix), anonymous function and arrow
// values, class members (static too); a symbol key gives "[description]" (or "" without one).
const k = 'comp';
const sym = Symbol('desc');
const bare = Symbol();
const o = {
  [k]() {},
  ['a' + 1]: function () {},
  [`arrow${2}`]: () => {},
  [sym]() {},
  [bare]() {},
  get [k + 'G']() { return 1; },
  set [k + 'S'](v) {},
  [7]() {},
  named: function () {},
  [k + 'Named']: function own() {},
};
console.log(o.comp.name, o.a1.name, o.arrow2.name, o[sym].name, JSON.stringify(o[bare].name), o[7].name, o.compNamed.name);
const d = Object.getOwnPropertyDescriptor(o, 'compG');
console.log(d.get.name, Object.getOwnPropertyDescriptor(o, 'compS').set.name);
console.log(Object.getOwnPropertyDescriptor(o.comp, 'name'));
class C {
  [k]() {}
  static [k + 'Static']() {}
  [sym]() {}
  get ['x' + 'y']() { return 0; }
}
console.log(C.prototype.comp.name, C.compStatic.name, C.prototype[sym].name,
            Object.getOwnPropertyDescriptor(C.prototype, 'xy').get.name);
console.log(o.comp, C.compStatic, o[sym]);
// The key expression is converted to a property key once.
let conversions = 0;
const key = { toString() { conversions++; return 'once'; } };
const p = { [key]() {} };
console.log(p.once.name, conversions);
// Stack frames use the name.
const thrower = { [k + 'Throws']() { throw new Error('x'); } };
try { thrower.compThrows(); } catch (e) { console.log(e.stack.split('\n')[1].trim().replace(__filename, 'F')); }

// expect: comp a1 arrow2 [desc] "" 7 own
// expect: get compG set compS
// expect: {
// expect:   value: 'comp',
// expect:   writable: false,
// expect:   enumerable: false,
// expect:   configurable: true
// expect: }
// expect: comp compStatic [desc] get xy
// expect: [Function: comp] [Function: compStatic] [Function: [desc]]
// expect: once 1
// expect: at Object.compThrows (F:38:44)
