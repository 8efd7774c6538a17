// Seed: "Reproduce a Memory Leak" — watch the heap grow every second. Press Ctrl-C to stop
// (like node, an uncleared setInterval keeps the program alive). Try it with a small heap to
// see the out-of-memory report: tenure --max-old-space-size=64 06-reproduce-leak.js
const leaky = [];
setInterval(() => {
  leaky.push(new Array(100000).fill('x'));
  console.log('heapUsed (MB):', (process.memoryUsage().heapUsed / 1048576).toFixed(1));
}, 1000);
