// flags: --gc-interval=1009
// Regression (found by fuzz.js_interpreter on examples/seed/05-growing-store.js): with gc_interval
// restarting incremental marking after every full GC and a tiny heap, each new-space page advance
// finalized marking with a full GC, and the young allocation loop counted those as failed attempts
// and reported "Scavenger: semi-space copy" out of memory at 0.8 MB.
const store = [];
function handle(req) { store.push(req); }
for (let i = 0; i < 6000; i++) handle({ id: i, headers: { 'user-agent': 'seed' }, body: 'x'.repeat(100) });
console.log('stored requests:', store.length, store[5999].id, store[0].body.length);
// expect: stored requests: 6000 5999 100
