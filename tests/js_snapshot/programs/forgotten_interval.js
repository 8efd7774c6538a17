// Seed leak 2: a forgotten setInterval whose callback retains growing data. Bounded: the interval
// is cleared after the last snapshot, but all three snapshots are taken while it is live (from
// separate timeouts, so the interval's callback is not on the stack when they are written).
const v8 = require('v8');
class PollResult {
  constructor(tick) {
    this.tick = tick;
    this.payload = new Array(128).fill(tick);
  }
}
function startPolling() {
  const results = [];  // captured by the timer callback: grows every tick, never read
  return setInterval(() => { results.push(new PollResult(results.length)); }, 1);
}
const timer = startPolling();
setTimeout(() => v8.writeHeapSnapshot('A.heapsnapshot'), 20);
setTimeout(() => v8.writeHeapSnapshot('B.heapsnapshot'), 60);
setTimeout(() => {
  console.log(v8.writeHeapSnapshot('C.heapsnapshot'));
  clearInterval(timer);
}, 100);
