// Seed leak #3: a closure holding a reference. `big` stays reachable through the returned arrow
// function for as long as the function itself is reachable.
// Run: tenure --expose-gc 04-closure.js
function heavy() {
  const big = new Array(1e6).fill('*');
  return () => big.length;
}
const mb = () => (process.memoryUsage().heapUsed / 1048576).toFixed(1);
gc();
console.log('before:', mb(), 'MB');
let f = heavy();
gc();
console.log('closure alive:', mb(), 'MB, big.length =', f());
f = null;
gc();
console.log('closure dropped:', mb(), 'MB');
