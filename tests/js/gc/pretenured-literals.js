// flags: --max-semi-space-size=1 --expose-gc
// Allocation-site pretenuring (docs/runtime.md "Allocation sites"): the literals below survive
// their first scavenge, so their sites become tenured and later objects are allocated in old space
// (with 1 MiB semispaces the nursery is at its maximum from the start). The pretenured objects
// are then mutated to point at young objects, which must survive scavenges and full GCs
// (remembered-set entries written by the initialising and later stores) with their contents.
function makeLeaf(i) {
  return { array: [i, i + 1, i + 2], string: 'leaf ' + i };
}
function makeTree(depth, i) {
  if (depth === 0) return makeLeaf(i);
  return { left: makeTree(depth - 1, 2 * i), right: makeTree(depth - 1, 2 * i + 1) };
}
const keep = [];
for (let round = 0; round < 12; round++) keep.push(makeTree(8, round));  // ~6k literals, all live
// Objects from now on come from tenured sites: point them at fresh (young) objects.
const late = [];
for (let i = 0; i < 2000; i++) {
  const t = makeTree(2, i);
  t.left.left.array.push({ young: i });
  t.right.extra = [i, 'x' + i];
  late.push(t);
}
let garbage = 0;
for (let i = 0; i < 30000; i++) garbage += [i, i].length;  // scavenges
gc();
for (let i = 0; i < 30000; i++) garbage += { a: i }.a & 1;
gc();
let sum = 0;
for (let i = 0; i < late.length; i++) {
  const t = late[i];
  sum += t.left.left.array[3].young + t.right.extra[0];
  if (t.right.extra[1] !== 'x' + i || t.left.left.string !== 'leaf ' + 4 * i) throw new Error('bad ' + i);
}
let leaves = 0;
function count(t) { if (t.array) { leaves += t.array.length === 3 ? 1 : 0; return; } count(t.left); count(t.right); }
keep.forEach(count);
console.log(sum, leaves, garbage);
// expect: 3998000 3072 75000
