// flags: --verify-heap
// Array.prototype.reverse on an old elements store (promoted here; allocated in old space when its
// literal's site is tenured) moves young values to other slots: each moved slot needs its
// remembered-set entry, or the next scavenge leaves it pointing into from-space. Before the fix
// the verifier reported "old->new slot ... is missing from the remembered set".
const keep = [];
for (let i = 0; i < 50; i++) keep.push([1, 2, 3, 4]);
let junk = 0;
for (let i = 0; i < 60000; i++) junk += [i].length;  // the arrays are promoted
for (let i = 0; i < 50; i++) {
  keep[i][0] = 'x' + i;  // a young string in an old elements store
  keep[i].reverse();      // ... moved from slot 0 to slot 3
}
for (let i = 0; i < 60000; i++) junk += [i].length;  // scavenges
let ok = 0;
for (let i = 0; i < 50; i++) if (keep[i][3] === 'x' + i && keep[i][0] === 4) ok++;
console.log(ok, junk);
// expect: 50 120000
