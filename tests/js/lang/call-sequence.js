// The third performance pass (docs/runtime.md "Performance"): `++`/`--` whose value is unused
// compile to one Inc/Dec (a local register is updated in place), and calls / `new` of functions
// with a register-only prologue push their frame in the loop. Each case below is one the fast
// paths must decline or get exactly right; the stress labels run this file with a GC every few
// allocations and with compaction, so receivers and prototypes move during `new`.

// ---- update expressions used as statements -------------------------------------------------
let n = 5;
n++;
n--;
n++;
console.log(n);  // expect: 6
let s = '41';
s++;  // ToNumber of the old value, even when the value is unused
console.log(s, typeof s);  // expect: 42 number
let u;
u++;
console.log(u);  // expect: NaN
let calls = 0;
let o = { valueOf() { calls++; return 10; } };
o++;
console.log(o, calls);  // expect: 11 1
let big = 1073741823;  // the largest Smi: the increment becomes a heap number
big++;
console.log(big, big - 1);  // expect: 1073741824 1073741823
let neg = -1073741824;
neg--;
console.log(neg);  // expect: -1073741825

// The value is used: postfix gives the old (numeric) value, prefix the new one.
let a = '7';
const old = a++;
console.log(old, typeof old, a);  // expect: 7 number 8
let b = 3;
const pre = ++b;
console.log(pre, b);  // expect: 4 4
let c = 1;
c = c++;  // the assignment wins with the old value
console.log(c);  // expect: 1
let d = 1;
d = ++d + d++;  // 2 + 2, then d = 4
console.log(d);  // expect: 4

// Targets that are not plain registers keep the general sequence.
const k = 1;
try { k++; } catch (e) { console.log(e.constructor.name, e.message); }  // expect: TypeError Assignment to constant variable.
console.log(k);  // expect: 1
try { t++; let t = 0; } catch (e) { console.log(e.constructor.name, e.message); }  // expect: ReferenceError Cannot access 't' before initialization
let captured = 0;
const read = () => captured;
captured++;
captured++;
console.log(read());  // expect: 2
globalThis.counter = 10;
counter++;
counter--;
counter--;
console.log(globalThis.counter);  // expect: 9
const box = { v: 1, items: [5, 6] };
box.v++;
box.items[1]--;
box['v']++;
console.log(box.v, box.items.join());  // expect: 3 5,5
const named = function self() { self++; return typeof self; };  // a named function expression's name is read-only
console.log(named());  // expect: function

// for-loop updates and a loop over a counter that is also captured per iteration.
let total = 0;
for (let i = 0; i < 10; i++) total += i;
for (let i = 10; i > 0; i--) total += i;
console.log(total);  // expect: 100
const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
console.log(fns.map((f) => f()).join());  // expect: 0,1,2

// ---- calls with a register-only prologue --------------------------------------------------
function three(x, y, z) { return [x, y, z].join('|'); }
console.log(three(1), three(1, 2, 3, 4));  // expect: 1|| 1|2|3
function sloppyThis() { return this === globalThis; }
console.log(sloppyThis(), sloppyThis.call(null), sloppyThis.call(undefined));  // expect: true true true
const holder = { v: 9, get() { return this.v; } };
console.log(holder.get());  // expect: 9
function withArguments(x) { return arguments.length + ':' + x; }  // generic prologue
function withRest(x, ...more) { return more.length; }
function withDefault(x, y = x + 1) { return y; }
function withPattern({ p }, [q]) { return p + q; }
function capturesParam(x) { return () => x * 2; }  // parameter in a context
console.log(withArguments(1, 2, 3), withRest(1, 2, 3), withDefault(4), withPattern({ p: 1 }, [2]), capturesParam(21)());  // expect: 3:1 2 5 3 42
const fact = function f(m) { return m <= 1 ? 1 : m * f(m - 1); };  // self name in a register
console.log(fact(10));  // expect: 3628800
class K { constructor() { this.k = 1; } }
try { K(); } catch (e) { console.log(e.message); }  // expect: Class constructor K cannot be invoked without 'new'
let notFn = 3;
try { notFn(); } catch (e) { console.log(e.message); }  // expect: notFn is not a function
function deep(m) { return deep(m + 1) + 1; }
try { deep(0); } catch (e) { console.log(e.constructor.name, e.message); }  // expect: RangeError Maximum call stack size exceeded
function sum(x, y) { return x + y; }
let acc = 0;
for (let i = 0; i < 1000; i++) acc = sum(acc, i);  // the caller frame is reused across many pushes
console.log(acc);  // expect: 499500

// ---- `new` with the prototype rooted in the argument list ------------------------------------
function Node2(left, right) { this.left = left; this.right = right; }
function build(depth) { return depth === 0 ? new Node2(null, null) : new Node2(build(depth - 1), build(depth - 1)); }
function count(t) { return t.left === null ? 1 : 1 + count(t.left) + count(t.right); }
const tree = build(10);
console.log(count(tree), Object.getPrototypeOf(tree) === Node2.prototype, tree instanceof Node2);  // expect: 2047 true true
Node2.prototype = { marked: true };
const second = new Node2(1, 2);
console.log(second.marked, second.left, tree.marked);  // expect: true 1 undefined
Node2.prototype = null;
const third = new Node2(3);
console.log(Object.getPrototypeOf(third) === Object.prototype, third.left, third.right);  // expect: true 3 undefined
class Base { constructor(v) { this.v = v; } twice() { return this.v * 2; } }
class Derived extends Base { constructor(v) { super(v + 1); this.w = v; } }
console.log(new Base(4).twice(), new Derived(4).twice(), new Derived(4).w);  // expect: 8 10 4
const arrow = () => 1;
try { new arrow(); } catch (e) { console.log(e.message); }  // expect: arrow is not a constructor
try { new holder.get(); } catch (e) { console.log(e.message); }  // expect: holder.get is not a constructor
function Returns(v) { this.v = v; return v > 0 ? { replaced: v } : v; }
console.log(JSON.stringify(new Returns(1)), JSON.stringify(new Returns(-1)));  // expect: {"replaced":1} {"v":-1}
function Recur(m) { this.m = m; this.next = new Recur(m + 1); }
try { new Recur(0); } catch (e) { console.log(e.constructor.name); }  // expect: RangeError
function WithArgs() { this.n = arguments.length; }  // generic prologue under `new`
console.log(new WithArgs(1, 2).n);  // expect: 2
function Many() { this.a = 1; this.b = 2; this.c = 3; this.d = 4; this.e = 5; this.f = 6; }
const manies = [];
for (let i = 0; i < 50; i++) manies.push(new Many());
console.log(manies.every((m) => m.a + m.b + m.c + m.d + m.e + m.f === 21));  // expect: true

// ---- compare-and-branch in if/for/while conditions ------------------------------------------
const rel = [];
for (const [x, y] of [[1, 2], [2, 1], [2, 2], [1.5, 2.5], [NaN, 1], [1, NaN], ['a', 'b'], ['10', '9'], ['10', 9], [undefined, 0], [null, 0], [-0, 0], [1073741823, 1073741824]]) {
  let out = '';
  if (x < y) out += '<'; else out += '.';
  if (x > y) out += '>'; else out += '.';
  if (x <= y) out += 'l'; else out += '.';
  if (x >= y) out += 'g'; else out += '.';
  rel.push(out);
}
console.log(rel.join(' '));  // expect: <.l. .>.g ..lg <.l. .... .... <.l. <.l. .>.g .... ..lg ..lg <.l.
const order = [];
const lhs = { valueOf() { order.push('lhs'); return 1; } };
const rhs = { valueOf() { order.push('rhs'); return 2; } };
if (lhs < rhs) order.push('then');
while (rhs <= lhs) order.push('never');
console.log(order.join());  // expect: lhs,rhs,then,rhs,lhs
const thrower = { valueOf() { throw new Error('no number'); } };
try { for (let i = 0; i < thrower; i++) {} } catch (e) { console.log(e.message); }  // expect: no number
let w = 0;
while (w < 5) w++;
let dw = 10;
for (; dw >= 3;) dw -= 3;
console.log(w, dw);  // expect: 5 1
