// Destructuring assignment: swaps, member targets, nested patterns, defaults, rest, the value of
// the assignment expression, evaluation order.
let a = 1, b = 2;
[a, b] = [b, a];
console.log(a, b);
let x, y, rest;
({ x, y = 'dy' } = { x: 'X' });
console.log(x, y);
const o = { arr: [] };
let i = 0;
[o.p, o.arr[i++], o['q']] = ['P', 'A0', 'Q'];
console.log(o, i);
({ a: o.fromA, b: o.arr[1], ...o.rest } = { a: 1, b: 2, c: 3, d: 4 });
console.log(o);
[x, ...rest] = 'hello';
console.log(x, rest);
[, , x = 'def'] = [1, 2];
console.log(x);
({ x: [y, { z: x } = { z: 'zz' }] } = { x: [10] });
console.log(x, y);
// The assignment evaluates to its right-hand side.
const rhs = { m: 1 };
let m;
const result = ({ m } = rhs);
console.log(result === rhs, m);
let c, d;
console.log([c, d] = [3, 4], c, d);
// Chained.
let e, f;
[e] = [f] = ['chained'];
console.log(e, f);
// Order: target reference before the value, value before the default.
const order = [];
const tgt = { set v(val) { order.push('set ' + val); } };
function t() { order.push('target'); return tgt; }
function src() { order.push('source'); return { get v() { order.push('get'); return undefined; } }; }
({ v: t().v = (order.push('default'), 'D') } = src());
console.log(order.join(', '));
// In loops.
let sum = 0, k, v;
for (const entry of [[1, 2], [3, 4]]) {
  [k, v] = entry;
  sum += k * v;
}
console.log(sum);
// Swapping through object properties and array slots.
const arr = [1, 2, 3];
[arr[0], arr[2]] = [arr[2], arr[0]];
console.log(arr);
// Assigning to const throws at the store.
const fixed = 1;
try { [fixed] = [2]; } catch (err) { console.log(err.constructor.name + ': ' + err.message); }
// TDZ in assignment targets.
try { [late] = [1]; let late; } catch (err) { console.log(err.constructor.name + ': ' + err.message); }
// Errors.
try { ({ x } = null); } catch (err) { console.log(err.constructor.name + ': ' + err.message); }
try { ({ x } = undefined); } catch (err) { console.log(err.constructor.name + ': ' + err.message); }
try { [x] = 5; } catch (err) { console.log(err.constructor.name + ': ' + err.message); }
try { [x] = null; } catch (err) { console.log(err.constructor.name + ': ' + err.message); }
try { [x] = {}; } catch (err) { console.log(err.constructor.name + ': ' + err.message); }
try { [x] = true; } catch (err) { console.log(err.constructor.name + ': ' + err.message); }
// Setter errors close the iterator.
const closed = [];
const it = { [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }), return() { closed.push('closed'); return {}; } }; } };
const bad = { set p(v) { throw new Error('setter ' + v); } };
try { [bad.p] = it; } catch (err) { console.log(err.message, closed); }

// Expected output (node 20):
// expect: 2 1
// expect: X dy
// expect: { arr: [ 'A0' ], p: 'P', q: 'Q' } 1
// expect: { arr: [ 'A0', 2 ], p: 'P', q: 'Q', fromA: 1, rest: { c: 3, d: 4 } }
// expect: h [ 'e', 'l', 'l', 'o' ]
// expect: def
// expect: zz 10
// expect: true 1
// expect: [ 3, 4 ] 3 4
// expect: chained chained
// expect: source, target, get, default, set D
// expect: 14
// expect: [ 3, 2, 1 ]
// expect: TypeError: Assignment to constant variable.
// expect: ReferenceError: Cannot access 'late' before initialization
// expect: TypeError: Cannot destructure property 'x' of 'null' as it is null.
// expect: TypeError: Cannot destructure property 'x' of 'undefined' as it is undefined.
// expect: TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: boolean true is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: setter 1 [ 'closed' ]
