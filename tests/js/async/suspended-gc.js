// Many suspended generators and async functions hold their frames (registers, contexts, try
// handlers) in heap objects while the program allocates heavily; moving collections must keep
// every saved frame intact (run under --gc-interval/--verify-heap/--stress-compaction too).
function* walker(id) {
  const own = { id, trail: [] };
  let step = 0;
  try {
    while (true) {
      own.trail.push('s' + step);
      const extra = yield own.trail.length;
      if (extra) own.trail.push(extra);
      step++;
    }
  } finally {
    own.closed = true;
  }
}
const gens = [];
for (let i = 0; i < 60; i++) { const g = walker(i); g.next(); gens.push(g); }
let junk = [];
for (let round = 0; round < 3; round++) {
  for (let i = 0; i < 400; i++) junk.push({ round, i, s: 'junk' + i });
  for (const g of gens) g.next('r' + round);
  junk = [];
}
let total = 0;
for (const g of gens) total += g.next().value;
console.log('generators', gens.length, 'trail total', total, 'closed', gens[0].return('x').value);

async function worker(id, ticks) {
  const local = { id, seen: [] };
  for (let t = 0; t < ticks; t++) {
    const v = await new Promise((r) => setTimeout(() => r({ t, pad: new Array(16).fill(id) }), 0));
    local.seen.push(v.t + v.pad.length);
  }
  return local.seen.reduce((a, b) => a + b, 0) + id;
}
const work = [];
for (let i = 0; i < 40; i++) work.push(worker(i, 3));
let churn = [];
for (let i = 0; i < 600; i++) churn.push([i, 'c' + i]);
Promise.all(work).then((sums) => {
  console.log('async workers', sums.length, 'sum', sums.reduce((a, b) => a + b, 0), 'churn', churn.length);
});
// expect: generators 60 trail total 480 closed x
// expect: async workers 40 sum 2820 churn 600
