// The seed's leak #3: a closure retains exactly the variables it captures. `keepsBig` captures
// `big` (heap stays high while it lives); `keepsSmall` shares a scope with a big array it does
// not capture, so the array is collectable.
// flags: --expose-gc
function heavy() {
  const big = new Array(1e6).fill('*');
  return () => big.length;
}
function light() {
  const big = new Array(1e6).fill('*');
  const small = big.length;
  return () => small;
}
const mb = () => process.memoryUsage().heapUsed / 1048576;
gc();
const base = mb();
let keepsBig = heavy();
gc();
console.log('capturing closure retains >= 7 MB:', mb() - base >= 7);
console.log('closure still works:', keepsBig());
keepsBig = null;
gc();
console.log('released after dropping the closure:', mb() - base < 2);
const keepsSmall = light();
gc();
console.log('non-capturing closure retains < 2 MB:', mb() - base < 2, keepsSmall());
// expect: capturing closure retains >= 7 MB: true
// expect: closure still works: 1000000
// expect: released after dropping the closure: true
// expect: non-capturing closure retains < 2 MB: true 1000000
