// Closures capture variables (not values); per-iteration let bindings; counters.
function makeCounter() {
  let count = 0;
  return { inc: () => ++count, get: () => count };
}
const c1 = makeCounter(), c2 = makeCounter();
c1.inc(); c1.inc(); c2.inc();
console.log(c1.get(), c2.get());
const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
console.log(fns.map(f => f()));
var vfns = [];
for (var j = 0; j < 3; j++) vfns.push(() => j);
console.log(vfns.map(f => f()));
function outer() {
  const a = 1;
  return function middle() {
    const b = 2;
    return function inner() { return a + b; };
  };
}
console.log(outer()()());
const adder = x => y => z => x + y + z;
console.log(adder(1)(2)(3));
(function fact(n) { console.log(n <= 1 ? 1 : n * fact(n - 1)); })(5);
let shadow = 'outer';
{ let shadow = 'inner'; console.log(shadow); }
console.log(shadow);

// Expected output (node 20):
// expect: 2 1
// expect: [ 0, 1, 2 ]
// expect: [ 3, 3, 3 ]
// expect: 3
// expect: 6
// expect: 1
// expect: NaN
// expect: NaN
// expect: NaN
// expect: NaN
// expect: inner
// expect: outer
