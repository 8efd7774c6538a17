// The fourth performance pass (docs/runtime.md "Performance"): object-literal `name: value`
// compiles to DefineNamed with a cached add (old shape -> new shape, slot), array-literal pushes
// store in place while the pre-sized elements have room, `&`/`|`/`^` of two Smis have their own
// handler, and number results are boxed inline. Each case below is one the fast paths must
// decline or get exactly right; the stress labels run this file with a GC every few allocations
// and with compaction, so literals move while they are being filled.

// ---- object literals: warm cache, then everything that must not replay it ------------------
function point(x, y) { return {x: x, y: y, tag: 'p'}; }
let sum = 0;
for (let i = 0; i < 100; i++) { const p = point(i, i * 2); sum += p.x + p.y; }
const p0 = point(1, 2);
console.log(sum, JSON.stringify(p0), Object.keys(p0).join());  // expect: 14850 {"x":1,"y":2,"tag":"p"} x,y,tag

// A repeated key redefines in place: the value is the last one, the key keeps its first position.
function dup(v) { return {a: 1, b: 2, a: v}; }
for (let i = 0; i < 5; i++) dup(i);
console.log(JSON.stringify(dup(9)), Object.keys(dup(9)).join());  // expect: {"a":9,"b":2} a,b

// Index-like keys are elements-ordered (ascending first), named keys in insertion order.
function mixed() { return {b: 1, 2: 2, a: 3, '1': 4, '01': 5, '': 6}; }
for (let i = 0; i < 3; i++) mixed();
console.log(JSON.stringify(Object.keys(mixed())));  // expect: ["1","2","b","a","01",""]

// Defining never runs setters, before or after a setter appears on Object.prototype.
let setterCalls = 0;
function withX(v) { return {x: v, z: 0}; }
for (let i = 0; i < 5; i++) withX(i);
Object.defineProperty(Object.prototype, 'x', { set(v) { setterCalls++; }, configurable: true });
Object.defineProperty(Object.prototype, 'z', { value: 'ro', writable: false, configurable: true });
const wx = withX(7);
console.log(wx.x, wx.z, setterCalls, Object.keys(wx).join());  // expect: 7 0 0 x,z
delete Object.prototype.x;
delete Object.prototype.z;

// More than 32 properties: the rest go to the out-of-object slots, which the cache must not
// overrun (a hit needs the slot to exist; the miss grows the store).
function wide(k) {
  return {p0: k, p1: k, p2: k, p3: k, p4: k, p5: k, p6: k, p7: k, p8: k, p9: k, p10: k, p11: k,
          p12: k, p13: k, p14: k, p15: k, p16: k, p17: k, p18: k, p19: k, p20: k, p21: k, p22: k,
          p23: k, p24: k, p25: k, p26: k, p27: k, p28: k, p29: k, p30: k, p31: k, p32: k, p33: k,
          p34: k, p35: k, p36: k, p37: k, p38: k, p39: k, last: 'end' + k};
}
let wsum = 0;
for (let i = 0; i < 50; i++) { const w = wide(i); wsum += w.p0 + w.p33 + w.p39; }
const w9 = wide(9);
console.log(wsum, Object.keys(w9).length, w9.p32, w9.p39, w9.last);  // expect: 3675 41 9 9 end9

// A value expression that throws leaves a half-built literal behind; the next one is whole.
function maybe(t) { return {a: 1, b: t ? (() => { throw new Error('boom'); })() : 2, c: 3}; }
for (let i = 0; i < 3; i++) maybe(false);
try { maybe(true); } catch (e) { console.log('caught', e.message); }  // expect: caught boom
console.log(JSON.stringify(maybe(false)));  // expect: {"a":1,"b":2,"c":3}

// Objects of the literal's shape changed afterwards (delete, freeze, new keys) do not disturb
// later literals of the same site.
function rec(n) { return {n: n, next: null}; }
const r1 = rec(1);
delete r1.n;
const r2 = rec(2);
Object.freeze(r2);
const r3 = rec(3);
r3.extra = true;
const r4 = rec(4);
console.log(JSON.stringify([r1, r2, r3, r4]));  // expect: [{"next":null},{"n":2,"next":null},{"n":3,"next":null,"extra":true},{"n":4,"next":null}]

// Methods, accessors, computed keys, shorthand, spread and named anonymous functions mixed with
// cached keys: the names and home objects stay right.
function mix(k, v) {
  const base = {s: 1};
  return {k: k, [k + 'c']: v, v, ...base, f: function () {}, g: () => 0, m() { return super.toString === Object.prototype.toString; },
          get acc() { return this.k + '!'; }, after: 1};
}
for (let i = 0; i < 4; i++) mix('a', i);
const mx = mix('q', 5);
console.log(Object.keys(mx).join(), mx.qc, mx.v, mx.s, mx.f.name, mx.g.name, mx.m(), mx.acc);  // expect: k,qc,v,s,f,g,m,acc,after 5 5 1 f g true q!

// Literals whose keys are global-ish names or prototype names are still own properties.
const odd = {constructor: 1, toString: 2, hasOwnProperty: 3, length: 4, prototype: 5};
console.log(JSON.stringify(odd), odd.hasOwnProperty === 3);  // expect: {"constructor":1,"toString":2,"hasOwnProperty":3,"length":4,"prototype":5} true

// ---- array literals -------------------------------------------------------------------------
function arr(n) { return [n, n + 1, , n + 3]; }
for (let i = 0; i < 5; i++) arr(i);
const a9 = arr(9);
console.log(a9.length, 2 in a9, JSON.stringify(a9));  // expect: 4 false [9,10,null,12]
// A spread before the fixed elements fills the pre-sized store: the pushes after it grow it.
const src = [1, 2, 3, 4, 5, 6, 7];
function spreadThen() { return [...src, 8, 9]; }
for (let i = 0; i < 3; i++) spreadThen();
console.log(JSON.stringify(spreadThen()));  // expect: [1,2,3,4,5,6,7,8,9]
console.log(JSON.stringify([0, ...[], 1]), [,].length, [1, ,].length);  // expect: [0,1] 1 2

// ---- bitwise operators: Smi pairs inline, everything else converts ---------------------------
function bits(x, y) { return [x & y, x | y, x ^ y]; }
console.log(JSON.stringify(bits(12, 10)), JSON.stringify(bits(-1, 255)), JSON.stringify(bits(-1073741824, -1)));  // expect: [8,14,6] [255,-1,-256] [-1073741824,-1,1073741823]
console.log(JSON.stringify(bits(4294967301, 255)), JSON.stringify(bits(2147483648, 0)), JSON.stringify(bits(1.9, 3.7)));  // expect: [5,255,250] [0,-2147483648,-2147483648] [1,3,2]
console.log(JSON.stringify(bits('12', 7)), JSON.stringify(bits(NaN, 1)), JSON.stringify(bits(-0, 0)), 1 / (-0 | 0));  // expect: [4,15,11] [0,1,1] [0,0,0] Infinity
let vcalls = [];
const vx = { valueOf() { vcalls.push('x'); return 6; } };
const vy = { valueOf() { vcalls.push('y'); return 3; } };
console.log(vx & vy, vx | vy, vx ^ vy, vcalls.join(''));  // expect: 2 7 5 xyxyxy
try { const bad = { valueOf() { throw new TypeError('no number'); } }; console.log(bad & 1); } catch (e) { console.log(e.message); }  // expect: no number
let acc = 0;
for (let i = 0; i < 1000; i++) acc = (acc + i) & 0xff ^ (i | 3);
console.log(acc);  // expect: 892

// ---- number results: Smi when integral and in range, -0 and fractions boxed ------------------
function arith(x, y) { return [x + y, x - y, x * y, x / y]; }
console.log(JSON.stringify(arith(0.1, 0.2)), JSON.stringify(arith(1073741823, 1)));  // expect: [0.30000000000000004,-0.1,0.020000000000000004,0.5] [1073741824,1073741822,1073741823,1073741823]
const negz = arith(-0, 0);
console.log(1 / negz[0], 1 / negz[1], 1 / negz[2], negz[3]);  // expect: Infinity -Infinity -Infinity NaN
const negz2 = arith(-0.5, 0.5);
console.log(negz2[0], 1 / negz2[0], negz2[1], negz2[2], negz2[3]);  // expect: 0 Infinity -1 -0.25 -1
console.log(JSON.stringify(arith(1e308, 1e308)), JSON.stringify(arith(-1073741824.5, -0.5)));  // expect: [null,0,null,1] [-1073741825,-1073741824,536870912.25,2147483649]
console.log(2.5 + 0.5 === 3, 1 / ((-1.5) + 1.5) === Infinity, (3 * 0.5) - 1.5 === 0, 7 / 2);  // expect: true true true 3.5
let doubles = 0;
for (let i = 0; i < 2000; i++) doubles += i * 0.5;
console.log(doubles);  // expect: 999500

// ---- globals: the cached load, and a miss that throws with the right position ---------------
globalThis.gv = 1;  // a global object property (node runs files as modules: no `var`)
function readG() { return gv + 1; }
for (let i = 0; i < 3; i++) readG();
globalThis.gv = 41;
console.log(readG());  // expect: 42
function readMissing() { return notDefinedAnywhere; }
try { readMissing(); } catch (e) { console.log(e.name, e.message); }  // expect: ReferenceError notDefinedAnywhere is not defined
