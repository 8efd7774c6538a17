// Many async generators suspended at yields, at awaits and with queued requests hold their frames
// and request queues in heap objects while the program allocates; moving collections must keep
// them intact (CI runs this under every stress label: --gc-interval, --verify-heap, compaction).
async function* stream(id) {
  const own = { id, seen: [] };
  try {
    for (let step = 0; ; step++) {
      const junk = [];
      for (let i = 0; i < 8; i++) junk.push({ id, step, i, s: 'j' + i });
      const extra = yield own.seen.length + junk.length;
      if (extra) own.seen.push(extra);
      own.seen.push(await Promise.resolve('a' + step));
    }
  } finally {
    own.closed = true;
  }
}

async function main() {
  const gens = [];
  for (let i = 0; i < 20; i++) gens.push(stream(i));
  let total = 0;
  for (let round = 0; round < 3; round++) {
    // Three requests per generator before any settles: the later ones wait in the queue.
    const pending = [];
    for (const g of gens) pending.push(g.next('r' + round), g.next(), g.next());
    let junk = [];
    for (let i = 0; i < 100; i++) junk.push({ round, i, text: 'junk' + i });
    for (const r of await Promise.all(pending)) total += r.value;
    junk = null;
  }
  const closed = await Promise.all(gens.map((g) => g.return('bye')));
  console.log('async generators', gens.length, 'total', total, 'closed', closed[0].value, closed[19].done);
  let sum = 0;
  for await (const v of (async function* () { for (let i = 0; i < 60; i++) yield { i, pad: 'p' + i }; })()) sum += v.i;
  console.log('for await sum', sum);
}
main();
// expect: async generators 20 total 2340 closed bye true
// expect: for await sum 1770
