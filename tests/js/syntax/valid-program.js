// A program using every statement form of the subset parses cleanly.
const a = [1, 2, ...[3]], o = { a, ['b' + 1]: 2, get g() { return 1; }, m() {} };
let s = `sum ${a[0] + a[1]}`;
class A { constructor(x) { this.x = x; } static make() { return new A(1); } get v() { return this.x; } }
class B extends A { constructor() { super(2); } m() { return super.v; } }
function f(p = 1, ...rest) { return p ?? rest?.[0]; }
outer: for (let i = 0; i < 3; i++) { for (const k in o) { if (k) continue outer; else break; } }
for (const v of a) { switch (v) { case 1: break; default: v; } }
try { throw new Error('x'); } catch (e) { typeof e; } finally { delete o.a; }
do { a.length--; } while (a.length > 5)
let n = 0
n++
n += 2 ** 3 >>> 1 | 4 & 5 ^ 6
console.log(n, 'k' in o, o instanceof Object, void 0, !n, ~n, -n, +n)
