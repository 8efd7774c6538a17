// process.memoryUsage(), v8 heap statistics, timers and the event loop.
const mu = process.memoryUsage();
console.log(Object.keys(mu));
console.log(mu.heapUsed > 0, mu.heapTotal >= mu.heapUsed, mu.rss > 0, typeof mu.external);
const v8 = require('v8');
const hs = v8.getHeapStatistics();
console.log(hs.used_heap_size > 0, hs.heap_size_limit > hs.used_heap_size, 'total_heap_size' in hs);
console.log(v8.getHeapSpaceStatistics().map(s => s.space_name).includes('old_space'));
const order = [];
setTimeout(() => order.push('timeout 20'), 20);
setTimeout(() => order.push('timeout 0'), 0);
setImmediate(() => console.log('immediate'));
let ticks = 0;
const id = setInterval(() => {
  ticks++;
  if (ticks === 3) {
    clearInterval(id);
    setTimeout(() => console.log(order, ticks), 30);
  }
}, 5);
const cancelled = setTimeout(() => order.push('never'), 1);
clearTimeout(cancelled);
console.log('sync done');
try { require('nope'); } catch (e) { console.log(e.message, e.code); }

// Expected output (node 20):
// expect: [ 'rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers' ]
// expect: true true true number
// expect: true true true
// expect: true
// expect: sync done
// expect: Cannot find module 'nope'
// expect: Require stack:
// expect: - __FILE__ MODULE_NOT_FOUND
// expect: immediate
// expect: [ 'timeout 0', 'timeout 20' ] 3
