// The seed's "reproduce a memory leak": an interval keeps pushing into a global array; the heap
// grows while it runs, and the program ends only once the interval is cleared.
// flags: --expose-gc
const leaky = [];
const mb = () => process.memoryUsage().heapUsed / 1048576;
gc();
const start = mb();
let ticks = 0;
const timer = setInterval(() => {
  leaky.push(new Array(100000).fill('x'));
  if (++ticks === 5) {
    clearInterval(timer);
    gc();
    console.log('ticks', ticks, 'retained', leaky.length, 'arrays');
    console.log('heap grew by >= 3 MB:', mb() - start >= 3);
  }
}, 1);
// expect: ticks 5 retained 5 arrays
// expect: heap grew by >= 3 MB: true
