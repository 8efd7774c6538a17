// Fast paths of the call sequence, `new`, double arithmetic, string concatenation and the sort
// comparator (docs/runtime.md "Performance"): each must give the generic path's answer when
// what it assumed changes under a warm site. The stress labels run this file with a GC every few
// allocations and with compaction, so cached objects move between iterations.

// `new F()` reads F.prototype from F's newest shape node: reassigning F.prototype (the slot
// changes, not the shape) must reach the next instance.
function Point(x, y) { this.x = x; this.y = y; }
const made = [];
for (let i = 0; i < 6; i++) {
  if (i === 3) Point.prototype = { kind: 'second', sum() { return this.x + this.y; } };
  made.push(new Point(i, i * 2));
}
console.log(made.map((p) => p.kind === undefined ? 'first' : p.kind).join(','));  // expect: first,first,first,second,second,second
console.log(made[4].sum(), made[1].sum === undefined);  // expect: 12 true
console.log(Object.getPrototypeOf(made[5]) === Point.prototype, made[0] instanceof Point);  // expect: true false

// A property added to the function after `prototype` changes its newest shape node: the full
// lookup must still find the prototype.
function Tagged() { this.v = 1; }
Tagged.prototype.tag = 'p';
const warm = [];
for (let i = 0; i < 3; i++) warm.push(new Tagged());
Tagged.extra = 42;
const later = new Tagged();
console.log(later.tag, Object.getPrototypeOf(later) === Tagged.prototype, Tagged.extra);  // expect: p true 42

// A non-object prototype gives instances Object.prototype.
function Bare() { this.z = 3; }
Bare.prototype = 7;
const bare = new Bare();
console.log(Object.getPrototypeOf(bare) === Object.prototype, bare.z);  // expect: true 3

// A constructor that returns an object replaces the receiver; one returning a primitive does not.
function Boxed(v) { this.v = v; return { boxed: v }; }
function Plain(v) { this.v = v; return 5; }
console.log(JSON.stringify(new Boxed(1)), JSON.stringify(new Plain(2)));  // expect: {"boxed":1} {"v":2}

// Store-transition caches hit from the loop: a setter defined later on the prototype must run,
// and a prototype swapped under a warm site must see its own setter.
function Rec(a) { this.a = a; }
const recs = [];
for (let i = 0; i < 4; i++) recs.push(new Rec(i));
let setterCalls = 0;
Object.defineProperty(Rec.prototype, 'a', { set(v) { setterCalls++; }, get() { return 'via-getter'; } });
const afterSetter = new Rec(9);
console.log(setterCalls, afterSetter.a, Object.keys(afterSetter).length);  // expect: 1 via-getter 0
function Slot() { this.b = 1; }
for (let i = 0; i < 4; i++) new Slot();
const swapped = Object.create({ set b(v) { this.seen = v * 10; } });
Slot.call(swapped);
console.log(swapped.seen, Object.keys(swapped).join());  // expect: 10 seen

// Shapes changing under one cached call site (two receiver layouts, then a third).
function readX(o) { return o.x; }
const shapes = [{ x: 1 }, { y: 0, x: 2 }, { x: 3 }, Object.create({ x: 4 }), { x: 5, z: 0 }];
let total = 0;
for (let round = 0; round < 3; round++) for (const o of shapes) total += readX(o);
console.log(total);  // expect: 45

// Calls: missing arguments are undefined, extra ones are dropped, `this` is the receiver.
function three(a, b, c) { return [a, b, c === undefined ? 'u' : c].join('|'); }
console.log(three(1, 2), three(1, 2, 3, 4));  // expect: 1|2|u 1|2|3
const holder = { n: 'h', who() { return this.n; } };
console.log(holder.who(), [1, 2].map(function (v) { return v * 2; }).join());  // expect: h 2,4
function deep(n) { return n === 0 ? 0 : 1 + deep(n - 1); }
console.log(deep(2000));  // expect: 2000

// Double arithmetic: results that are integral become small integers again; -0, NaN, Infinity.
let acc = 0.5;
for (let i = 0; i < 1000; i++) acc = acc * 0.75 - acc / 8 + 0.1;
console.log(acc.toFixed(6));  // expect: 0.266667
console.log(2.5 * 2 === 5, 7.5 - 0.5, 1.5 / 0.5, 1 / (-2.5 * 0) === -Infinity, 0.5 / 0, (0.5 - 0.5) / 0);  // expect: true 7 3 true Infinity NaN
console.log(0.1 + 0.2, 3.25 - 1.125, -0.5 * 4);  // expect: 0.30000000000000004 2.125 -2

// String concatenation: ASCII with non-ASCII, lone surrogates joining into a pair, numbers.
const lead = '\uD83D', trail = '\uDE00';
const pair = lead + trail;
console.log(pair === '😀', pair.length, (lead + 'x').length, ('é' + 'ü').length);  // expect: true 2 2 2
console.log('a' + 'é' + 'b', 'key ' + 1.5 + ' in leaf', '' + 'x' + '', 'n' + -0 + 2.25);  // expect: aéb key 1.5 in leaf x n02.25
let s = '';
for (let i = 0; i < 200; i++) s += i % 10 === 0 ? 'é' : 'a';
console.log(s.length, s.indexOf('é', 1), s.charCodeAt(10));  // expect: 200 10 233

// Sort comparators: numeric results take the fast path; others are converted.
const nums = [3.5, -1, 2, 10, 2.25, 0];
console.log(nums.slice().sort((a, b) => a - b).join());  // expect: -1,0,2,2.25,3.5,10
console.log(nums.slice().sort((a, b) => (a < b ? '1' : a > b ? '-1' : '0')).join());  // expect: 10,3.5,2.25,2,0,-1
console.log(nums.slice().sort((a, b) => NaN).join(), [2, 1].sort(() => true).join());  // expect: 3.5,-1,2,10,2.25,0 2,1

// Number to string (shortest round-trip digits, JS's fixed/exponent thresholds).
console.log(String(0.1), 1e21, 1e20, 1.5e-7, 0.000001, -1e-7, 5e-324);  // expect: 0.1 1e+21 100000000000000000000 1.5e-7 0.000001 -1e-7 5e-324
console.log(1.7976931348623157e308, 123456789.125, 0.7654321098765432, 2 / 3, 1 / 3 * 3);  // expect: 1.7976931348623157e+308 123456789.125 0.7654321098765432 0.6666666666666666 1
console.log('key ' + 9007199254740993, (0.1 * 3) + '', 4.35 * 100, -123e-20);  // expect: key 9007199254740992 0.30000000000000004 434.99999999999994 -1.23e-18
