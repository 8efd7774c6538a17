// Compact plain objects (objects.h "Object layout"): every object carries its own inline
// capacity (literal: its property count; new F(): F's this.x stores, learned upward), and the
// properties beyond it live in the out-of-object `slots` store. The behaviour must not depend on
// where a property lives: same answers for objects of one shape but different capacities,
// across growth, delete/re-add, accessors and GCs (the stress runs repeat this file).

// A 2-property literal grown far past its inline capacity; key order is insertion order.
const node = { left: 1, right: 2 };
for (let i = 0; i < 40; i++) node['p' + i] = i * 3;
let sum = 0;
for (const k of Object.keys(node)) sum += node[k];
console.log(Object.keys(node).length, Object.keys(node).slice(0, 4).join(), node.p39, sum);

// Delete an inline property and one from the out-of-object store, then re-add both.
delete node.right;
delete node.p20;
console.log(Object.keys(node).slice(0, 3).join(), node.right, node.p20, node.p21, Object.keys(node).length);
node.right = 'R';
node.p20 = 'P';
console.log(Object.keys(node).slice(-2).join(), node.right, node.p20, node.left, node.p39);

// Accessors past the inline capacity, on a literal and through defineProperty.
const acc = { a: 1, b: 2, c: 3, get d() { return this.a + this.c; }, set d(v) { this.a = v; } };
Object.defineProperty(acc, 'e', { get() { return 'E' + this.b; }, enumerable: true });
acc.d = 10;
console.log(acc.d, acc.e, Object.keys(acc).join());

// One inline-cached read site over objects of one shape with different inline capacities:
// the first Grow instance is sized by the compiler's estimate (no this.x stores: 4 slots), later
// ones by what the first needed (12).
function Grow(n) { for (let i = 0; i < n; i++) this['k' + i] = i + 100; }
const generations = [];
for (let g = 0; g < 4; g++) generations.push(new Grow(12));
const literal = {};
for (let i = 0; i < 12; i++) literal['k' + i] = i + 100;
generations.push(literal, Object.assign(Object.create(Grow.prototype), literal));
function readK(o) { return o.k0 + o.k3 + o.k4 + o.k11; }
function writeK(o, v) { o.k3 = v; o.k11 = v + 1; }
console.log(generations.map(readK).join());
generations.forEach((o, i) => writeK(o, i));
console.log(generations.map(readK).join(), generations.map(o => Object.keys(o).length).join());

// A constructor that sometimes adds more properties than its this.x stores say.
function Point(x, y, extra) {
  this.x = x;
  this.y = y;
  if (extra) { this.z = x + y; this.w = x * y; this.label = 'p' + x; }
}
const points = [];
for (let i = 0; i < 6; i++) points.push(new Point(i, i + 1, i % 2 === 0));
console.log(points.map(p => p.x + p.y + (p.z || 0) + (p.w || 0)).join(), points[4].label, points[5].label);

// Derived classes: the base's stores plus the derived class's own, then more later.
class Base { constructor(a) { this.a = a; this.b = a * 2; } }
class Derived extends Base {
  constructor(a) { super(a); this.c = a * 3; }
  grow() { this.d = this.a + this.b + this.c; return this; }
}
const ds = [];
for (let i = 1; i <= 5; i++) ds.push(new Derived(i).grow());
ds.push(new Derived(7));
console.log(ds.map(d => [d.a, d.b, d.c, d.d].join('/')).join(' '), Object.keys(ds[0]).join());

// Object.create and spreads: plain objects with the default capacity.
const created = Object.create({ inherited: 'yes' });
for (let i = 0; i < 9; i++) created['c' + i] = i;
const spread = { ...created, extra: true };
console.log(created.inherited, created.c8, Object.keys(spread).length, spread.c0, spread.extra);

// Many small trees with GC churn (the binary-trees shape): checksums must not change.
function tree(depth) { return depth === 0 ? { left: null, right: null } : { left: tree(depth - 1), right: tree(depth - 1) }; }
function check(t) { return t.left === null ? 1 : 1 + check(t.left) + check(t.right); }
let nodes = 0;
for (let i = 0; i < 30; i++) nodes += check(tree(8));
const long = tree(10);
for (let i = 0; i < 40; i++) tree(7);
console.log(nodes, check(long));

// Expected output (node 20):
// expect: 42 left,right,p0,p1 117 2343
// expect: left,p0,p1 undefined undefined 63 40
// expect: right,p20 R P 1 117
// expect: 13 E2 a,b,c,d,e
// expect: 418,418,418,418,418,418
// expect: 205,207,209,211,213,215 12,12,12,12,12,12
// expect: 2,3,16,7,38,11 p4 undefined
// expect: 1/2/3/6 2/4/6/12 3/6/9/18 4/8/12/24 5/10/15/30 7/14/21/ a,b,c,d
// expect: yes 8 10 0 true
// expect: 15330 2047
