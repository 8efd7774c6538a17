// new.target: the constructor `new` was applied to (undefined in a plain call), the derived
// class through super(), inherited by arrow functions (also after the function returned), and
// readable from Reflect-free helpers that make a function callable with or without `new`.
function F() { return new.target === undefined ? 'call' : 'new ' + new.target.name; }
console.log(F(), new F() instanceof F, Object.keys(new F()).length);
function G() { this.seen = new.target === G; }
console.log(new G().seen, G.call({}));
function Both(x) {
  if (!new.target) return new Both(x);
  this.x = x;
}
console.log(Both(1).x, new Both(2).x, Both(3) instanceof Both);
class A { constructor() { this.kind = new.target.name; this.same = new.target === this.constructor; } }
class B extends A { constructor() { super(); this.inB = new.target.name; } }
class C extends B {}
console.log(new A(), new B(), new C());
function WithArrow() {
  const read = () => new.target;
  const nested = () => () => new.target && new.target.name;
  this.arrowSees = read() === WithArrow;
  this.later = nested;
}
const w = new WithArrow();
console.log(w.arrowSees, w.later()(), typeof new.target === 'undefined' || 'top');
function plainArrow() { return (() => new.target)(); }
console.log(plainArrow(), typeof new plainArrow());
class Abstract {
  constructor() { if (new.target === Abstract) throw new TypeError('abstract'); }
}
class Concrete extends Abstract {}
try { new Abstract(); } catch (e) { console.log(e.message); }
console.log(new Concrete() instanceof Abstract);
const o = { m() { return new.target; } };
console.log(o.m());
function Gen() { return function inner() { return new.target === inner; }; }
const inner = Gen();
console.log(inner(), typeof new inner());

// Expected output (node 20):
// expect: call true 0
// expect: true undefined
// expect: 1 2 true
// expect: A { kind: 'A', same: true } B { kind: 'B', same: true, inB: 'B' } C { kind: 'C', same: true, inB: 'C' }
// expect: true WithArrow true
// expect: undefined function
// expect: abstract
// expect: true
// expect: undefined
// expect: false object
