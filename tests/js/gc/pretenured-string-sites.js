// flags: --max-semi-space-size=1 --expose-gc
// String concatenation sites (src/js/allocation_site.h): a `+` with a string literal operand and
// the `+`s of an untagged template literal allocate their string result at the instruction's own
// site, so strings that outlive scavenges (splay.js's leaf payloads) are pretenured. The kept
// strings here are the only survivors that come from sites (js.pretenuring-string-sites checks
// that a site was tenured); the rest checks that AddAtSite keeps `+`'s semantics.

// 1. Long-lived concatenations next to short-lived ones from the same expression shape.
const kept = [];
let scratch = 0;
for (let i = 0; i < 2500; i++) {
  kept.push('key ' + (i * 0.5) + ' in a leaf node, long enough to fill the nursery');    // the outer `+` result survives
  scratch += ('tmp ' + i).length;                // dies at once (its own site)
  if (i % 3 === 0) kept.push(`t${i}:${i % 7}!`); // template literal parts
}
gc();
for (let i = 0; i < 1000; i++) scratch += ('x' + i).length;
let bad = 0, chars = 0;
for (let i = 0, k = 0; i < 2500; i++) {
  if (kept[k++] !== 'key ' + String(i * 0.5) + ' in a leaf node, long enough to fill the nursery') bad++;
  if (i % 3 === 0 && kept[k++] !== 't' + i + ':' + (i % 7) + '!') bad++;
}
for (const s of kept) chars += s.length;
console.log(kept.length, bad, chars, scratch);
// expect: 3334 0 146580 22780

// 2. ToPrimitive with hint "default", in operand order, once each.
const log = [];
const a = { valueOf() { log.push('a.valueOf'); return 1; }, toString() { log.push('a.toString'); return 'A'; } };
const b = { toString() { log.push('b.toString'); return 'B'; } };
console.log('x' + a, b + 'y', 'x' + a + b + 'z', log.join(','));
// expect: x1 By x1Bz a.valueOf,b.toString,a.valueOf,b.toString
console.log('d:' + new Date(0).getTime(), typeof ('' + new Date(0)), ('' + new Date(0)) === String(new Date(0)));
// expect: d:0 string true
console.log('n' + -0, 'n' + 1e21, 'n' + 5e-324, 'n' + null + undefined + true, 1 + 2 + '3', '1' + 2 + 3);
// expect: n0 n1e+21 n5e-324 nnullundefinedtrue 33 123
console.log('' + [1, [2, 3]], 'o' + {}, 'f' + 10, `${[]}|${null}|${1 / 3}`);
// expect: 1,2,3 o[object Object] f10 |null|0.3333333333333333
try { 's' + Symbol('q'); } catch (e) { console.log(e.constructor.name, e.message); }
// expect: TypeError Cannot convert a Symbol value to a string
try { 's' + { valueOf() { throw new Error('boom'); } }; } catch (e) { console.log('caught', e.message); }
// expect: caught boom
try { `${Symbol('t')}`; } catch (e) { console.log(e.constructor.name); }
// expect: TypeError

// 3. Non-ASCII parts and lone surrogates joining into a pair across a literal.
const hi = '\uD83D', lo = '\uDE00';
const pair = hi + '' + lo;
console.log(pair === '\u{1F600}', pair.length, (hi + lo + 'é').length, ('é' + 'ü') === 'éü', ('é' + 'ü').length);
// expect: true 2 3 true 2
const parts = [];
for (let i = 0; i < 500; i++) parts.push('ü' + i + '\uD800' + '\uDC00');
gc();
console.log(parts[499], parts[499].length, parts.every((s, i) => s === 'ü' + String(i) + '\u{10000}'));
// expect: ü499𐀀 6 true

// 4. Numbers stay numbers when no side is a string at run time (same instruction as a string).
function plus(x) { return x + 'u'; }
function plusNum(x) { return 1 + x; }
console.log(plus(1), plus('s'), plusNum(2), plusNum('2'), typeof plusNum(2.5), plusNum(1073741823));
// expect: 1u su 3 12 number 1073741824
