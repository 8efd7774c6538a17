// Deep recursion is a catchable RangeError, not a crash; moderate recursion works.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
console.log(fib(20));
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log(depth(5000));
function forever() { return forever() + 1; }
try {
  forever();
} catch (e) {
  console.log(e instanceof RangeError, e.message);
}
const viaNative = n => [n].map(x => (x > 0 ? viaNative(x - 1) : 'bottom'))[0];
try { console.log(viaNative(100)); viaNative(1e6); } catch (e) { console.log(e.name, e.message); }

// Expected output (node 20):
// expect: 6765
// expect: 5000
// expect: true Maximum call stack size exceeded
// expect: bottom
// expect: RangeError Maximum call stack size exceeded
