// Seed leak #4: growing arrays / maps. A request store that is never trimmed grows forever.
// Run: tenure --trace-gc 05-growing-store.js
const store = [];
function handle(req) { store.push(req); }
for (let i = 0; i < 20000; i++) handle({ id: i, headers: { 'user-agent': 'seed' }, body: 'x'.repeat(100) });
console.log('stored requests:', store.length);
console.log('heapUsed (MB):', (process.memoryUsage().heapUsed / 1048576).toFixed(1));
