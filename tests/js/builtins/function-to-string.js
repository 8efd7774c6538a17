// Function.prototype.toString (ECMA-262 §20.2.3.5): user functions give their exact source
// text (declarations, expressions, arrows, async, generators, methods, accessors, classes with
// and without a constructor); builtins give "function name() { [native code] }".
function add(a, b) {
  // a comment kept in the text
  return a + b;
}
const arrow = (x) => x * 2;
const bare = x=>x;
const expr = function named( p ) { return p; };
async function later() { await 1; }
const asyncArrow = async (a) => a;
function* gen() { yield 1; }
const obj = {
  method(a) { return a; },
  get value() { return 1; },
  set value(v) {},
  async am() {},
  *gm() {},
  ['comp' + 'uted']() {},
  prop: function () {},
};
class Plain {}
class WithCtor extends Plain {
  constructor(x) { super(); this.x = x; }
  static make() { return new WithCtor(1); }
  get g() { return 2; }
  #secret() {}
  field = 1;
}
const Anonymous = class {
  m() {}
};
for (const f of [add, arrow, bare, expr, later, asyncArrow, gen, obj.method,
                 Object.getOwnPropertyDescriptor(obj, 'value').get, Object.getOwnPropertyDescriptor(obj, 'value').set,
                 obj.am, obj.gm, obj.computed, obj.prop, Plain, WithCtor, WithCtor.make,
                 Object.getOwnPropertyDescriptor(WithCtor.prototype, 'g').get, Anonymous, new Anonymous().m]) {
  console.log(String(f));
}
console.log(`${function () {}}`, (() => {}).toString(), Function.prototype.toString.call(class { }));
for (const f of [Math.max, Array.prototype.push, Object, Map, parseInt,
                 Symbol]) {
  console.log(f.toString());
}
console.log(add.bind(null).toString());
try { Function.prototype.toString.call({}); } catch (e) { console.log(e.constructor.name, e.message); }

// expect: function add(a, b) {
// expect:   // a comment kept in the text
// expect:   return a + b;
// expect: }
// expect: (x) => x * 2
// expect: x=>x
// expect: function named( p ) { return p; }
// expect: async function later() { await 1; }
// expect: async (a) => a
// expect: function* gen() { yield 1; }
// expect: method(a) { return a; }
// expect: get value() { return 1; }
// expect: set value(v) {}
// expect: async am() {}
// expect: *gm() {}
// expect: ['comp' + 'uted']() {}
// expect: function () {}
// expect: class Plain {}
// expect: class WithCtor extends Plain {
// expect:   constructor(x) { super(); this.x = x; }
// expect:   static make() { return new WithCtor(1); }
// expect:   get g() { return 2; }
// expect:   #secret() {}
// expect:   field = 1;
// expect: }
// expect: make() { return new WithCtor(1); }
// expect: get g() { return 2; }
// expect: class {
// expect:   m() {}
// expect: }
// expect: m() {}
// expect: function () {} () => {} class { }
// expect: function max() { [native code] }
// expect: function push() { [native code] }
// expect: function Object() { [native code] }
// expect: function Map() { [native code] }
// expect: function parseInt() { [native code] }
// expect: function Symbol() { [native code] }
// expect: function () { [native code] }
// expect: TypeError Function.prototype.toString requires that 'this' be a Function
