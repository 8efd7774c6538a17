// Map/Set with 200 000 entries: inserts, lookups, deletes. With the seed's linear-scan Map this
// took minutes (quadratic); the hash tables finish in about a second. Asserts correctness only;
// run by js.perf (not in the stress configurations, where a GC every few allocations makes it slow).
const N = 200000;
const big = new Map();
for (let i = 0; i < N; i++) big.set('k' + i, i);
let ok = 0;
for (let i = 0; i < N; i++) if (big.get('k' + i) === i) ok++;
for (let i = 0; i < N; i += 2) big.delete('k' + i);
let odd = 0;
for (let i = 0; i < N; i++) if (big.has('k' + i)) odd++;
console.log(ok, big.size, odd);  // expect: 200000 100000 100000
const nums = new Set();
for (let i = 0; i < N; i++) nums.add(i * 7 % N);
console.log(nums.size, nums.has(N - 1), nums.has(N));  // expect: 200000 true false
