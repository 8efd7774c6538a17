// Control flow: loops, labels, switch, try/catch/finally, for-in/of.
let out = [];
outer: for (let i = 0; i < 4; i++) {
  for (let j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    out.push(`${i}${j}`);
  }
}
console.log(out.join(','));
let k = 0;
while (true) { if (++k > 5) break; }
do { k--; } while (k > 2);
console.log(k);
function sw(x) {
  switch (x) {
    case 1: return 'one';
    case 'two': return 'two';
    case 3:
    case 4: { let y = x * 2; return 'three-four ' + y; }
    default: return 'other';
  }
}
console.log(sw(1), sw('two'), sw(4), sw(9));
function fin() {
  const log = [];
  for (let i = 0; i < 3; i++) {
    try {
      if (i === 1) continue;
      if (i === 2) return log;
      log.push('try' + i);
    } finally {
      log.push('finally' + i);
    }
  }
  return log;
}
console.log(fin());
try { try { throw new Error('inner'); } finally { console.log('cleanup'); } } catch (e) { console.log('caught', e.message); }
const obj = { a: 1, b: 2, c: 3 };
for (const key in obj) console.log(key, obj[key]);
for (const ch of 'héllo') process.stdout === undefined ? 0 : 0, out = ch;

let sum = 0;
for (const v of [1, 2, 3]) sum += v;
for (const v of new Set([4, 5])) sum += v;
for (const e of new Map([['k', 6]])) sum += e[1];
console.log(sum);
label: { console.log('in block'); break label; }
console.log(typeof undefinedThing, typeof null, typeof 1, typeof 'a', typeof {}, typeof [], typeof (() => 1));

// Expected output (node 20):
// expect: 00,01,10,11,20,21
// expect: 2
// expect: one two three-four 8 other
// expect: [ 'try0', 'finally0', 'finally1', 'finally2' ]
// expect: cleanup
// expect: caught inner
// expect: a 1
// expect: b 2
// expect: c 3
// expect: 21
// expect: in block
// expect: undefined object number string object object function
