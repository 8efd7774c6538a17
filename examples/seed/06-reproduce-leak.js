// Seed: "Reproduce a Memory Leak" — watch heapUsed grow tick by tick while `leaky` keeps every
// array it was given. Bounded so it ends: `tenure 06-reproduce-leak.js [ticks] [interval_ms]`
// (default 20 ticks of 1000 ms, as in the seed). Run it with --trace-gc to see each collection
// promote the arrays and free nothing; with a small heap (tenure --max-old-space-size=16
// 06-reproduce-leak.js 1000 10) it ends in node's out-of-memory report instead.
const ticks = Number(process.argv[2]) || 20;
const intervalMs = Number(process.argv[3]) || 1000;
const leaky = [];
let tick = 0;
const timer = setInterval(() => {
  leaky.push(new Array(100000).fill('x'));
  console.log('tick', ++tick, 'heapUsed (MB):', (process.memoryUsage().heapUsed / 1048576).toFixed(1));
  if (tick === ticks) clearInterval(timer);
}, intervalMs);
