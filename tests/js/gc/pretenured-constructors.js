// flags: --max-semi-space-size=1 --expose-gc
// Allocation sites of `new F()` and `Array(n)` / `new Array(n)` (docs/runtime.md "Allocation
// sites"): the instances below survive their first scavenge, so the sites become tenured and
// later instances are allocated in old space (1 MiB semispaces: the nursery is at its maximum
// from the start). Their initialising stores (shape, prototype, elements) and later stores of
// young objects into them must keep the remembered set; a phase of short-lived instances must
// not break anything either (the tenured samples take the site back). Sites are per `new`
// instruction, so every phase allocates through the same `new` in makeNode / makePoint.
function Node(key, left, right) {
  this.key = key;
  this.left = left;
  this.right = right;
}
Node.prototype.sum = function () {
  return this.key + (this.left ? this.left.sum() : 0) + (this.right ? this.right.sum() : 0);
};
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  norm1() { return Math.abs(this.x) + Math.abs(this.y); }
}
function makeNode(key, left, right) { return new Node(key, left, right); }
function makePoint(x, y) { return new Point(x, y); }
function build(depth, key) {
  if (depth === 0) return makeNode(key, null, null);
  return makeNode(key, build(depth - 1, 2 * key), build(depth - 1, 2 * key + 1));
}
const keep = [];
for (let round = 0; round < 8; round++) keep.push(build(8, round));  // ~4k nodes, all live
const points = [];
const messages = [];
for (let i = 0; i < 4000; i++) {
  points.push(makePoint(i, -i));
  const m = new Array(16);
  for (let j = 0; j < 16; j++) m[j] = i + j;
  messages.push(m);
}
// From now on the sites are tenured: point fresh (old) instances at young objects.
const late = [];
for (let i = 0; i < 3000; i++) {
  const n = makeNode(i, null, null);
  n.left = makeNode(-1, null, null);  // not the constructor's own store: a later barriered store
  n.extra = { young: i };
  const a = Array(3);
  a[0] = { v: i };
  a[1] = 'm' + i;
  a.push(n);
  const p = makePoint(i, { boxed: i });
  late.push([n, a, p]);
}
// A phase of garbage instances (like binary-trees' short-lived trees) and scavenges.
let garbage = 0;
for (let i = 0; i < 6000; i++) garbage += makeNode(i & 7, null, null).key + new Array(4).length;
gc();
for (let i = 0; i < 3000; i++) garbage += makePoint(1, 2).norm1();
gc();
let sum = 0;
for (let i = 0; i < late.length; i++) {
  const [n, a, p] = late[i];
  if (n.left.key !== -1 || n.extra.young !== i || a[0].v !== i || a[1] !== 'm' + i || a[2] !== undefined || a[3] !== n ||
      p.y.boxed !== i || !(p instanceof Point) || !(n instanceof Node) || !Array.isArray(a)) {
    throw new Error('bad ' + i);
  }
  sum += n.key + a.length + p.x;
}
let nodes = 0;
for (const t of keep) nodes += t.sum() >= 0 ? 1 : 0;
let pointSum = 0;
for (const p of points) pointSum += p.norm1();
let messageSum = 0;
for (const m of messages) messageSum += m[15] - m[0];
console.log(sum, nodes, keep[3].sum(), pointSum, messageSum, garbage);
// expect: 9009000 8 305578 15996000 60000 54000
