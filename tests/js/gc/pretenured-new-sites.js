// flags: --max-semi-space-size=1 --expose-gc
// Allocation sites are per `new` instruction (docs/runtime.md "Allocation sites"): one
// constructor called from a short-lived place (like splay.js's `header` node, four per
// iteration) and from a long-lived one (the kept entries) gets two decisions, so the kept site is
// tenured although only one Entry in five survives (js.pretenuring-new-sites checks the trace).
// The tenured entries are then pointed at young strings (later barriered stores; the strings come
// from String.prototype.concat, which has no site — a `'p' + i` would be an AddAtSite concatenation
// site of its own, allocation_site.h — so the Entry sites are the only ones decided) across
// scavenges and full GCs.
function Entry(key, next) {
  this.key = key;
  this.next = next;
  this.payload = null;
}
const kept = [];
// The two `new Entry` instructions of this test.
function keepEntry(key) {
  const e = new Entry(key, kept.length > 0 ? kept[kept.length - 1] : null);
  kept.push(e);
  return e;
}
function scratchKey(j) { return new Entry(j, null).key; }  // dies at once
let scratch = 0;
for (let i = 0; i < 12000; i++) {
  for (let j = 0; j < 4; j++) scratch += scratchKey(j);
  keepEntry(i);
}
// Entries kept from here on come from the (by now tenured) long-lived site.
for (let i = 0; i < 3000; i++) {
  keepEntry(-i).payload = 'p'.concat(i);
  for (let j = 0; j < 4; j++) scratch += scratchKey(j);
}
gc();
for (let i = 0; i < 20000; i++) scratch += scratchKey(1);
let sum = 0;
for (let i = 12000; i < kept.length; i++) {
  const e = kept[i];
  const k = i - 12000;
  if (e.key !== -k || e.payload !== 'p' + k || e.next !== kept[i - 1]) throw new Error('bad entry ' + i);
  sum += e.payload.length;
}
let chain = 0;
for (let e = kept[kept.length - 1]; e !== null; e = e.next) chain++;
console.log(sum, chain, scratch);
// expect: 13890 15000 110000
