// The seed's leak #1 and #4: data reachable from the global object (global.cache) or a growing
// Map survives collection; once removed it is reclaimed.
// flags: --expose-gc
const mb = () => process.memoryUsage().heapUsed / 1048576;
gc();
const start = mb();
global.cache = [];
const store = new Map();
for (let i = 0; i < 200; i++) {
  global.cache.push(new Array(5000).fill(i));
  store.set('req' + i, { id: i, body: 'payload'.repeat(50) });
}
gc();
console.log('retained while referenced:', mb() - start > 5, cache.length, store.size);
global.cache = null;
store.clear();
gc();
console.log('reclaimed after release:', mb() - start < 2);
// expect: retained while referenced: true 200 200
// expect: reclaimed after release: true
