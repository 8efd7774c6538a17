// Session 10 (docs/runtime.md "Session 10: splay"): the compiler reads register locals in place,
// writes `x = e` / `var x = e` straight into x's register when e writes its destination last,
// stores `o.p = v` from v's own register, fuses `=== null` / `!== null` conditions into
// JumpIfNull / JumpIfNotNull and drops the test of `while (true)`. Each case below is one where
// reading or writing in place would be wrong if the compiler's checks were missing.

// ---- a left operand reassigned by its right operand keeps its old value -----------------------
function leftOperand() {
  var x = 1;
  var r1 = x + (x = 10);
  var y = 2;
  var r2 = y * y++;
  var z = 3;
  var r3 = z < (z = 0);
  var w = 4;
  var r4 = w - [w = 100][0];
  var v = 5;
  var r5 = v + ((v = 1) && v);
  return [r1, x, r2, y, r3, z, r4, w, r5, v].join(' ');
}
console.log(leftOperand());  // expect: 11 10 4 3 false 0 -96 100 6 1

// A closure that writes an outer variable makes it a context variable: read before the call.
function capturedLeft() {
  var x = 1;
  function bump() { x = 50; return 1; }
  var r = x + bump();
  return r + ' ' + x;
}
console.log(capturedLeft());  // expect: 2 50

// ---- compare-and-branch with an assignment on the right ----------------------------------
function branch(x) {
  if (x < (x = 0)) return 'less ' + x;
  return 'not less ' + x;
}
console.log(branch(-1), '|', branch(5));  // expect: less 0 | not less 0

// ---- member stores: the object (and key) are those evaluated first ------------------------
function memberTargets() {
  var a = {name: 'a'};
  var b = {name: 'b'};
  var o = a;
  o.p = (o = b, 5);
  var arr = ['x', 'y', 'z'];
  var i = 0;
  arr[i] = (i = 2, 'first');
  var j = 1;
  arr[j++] = j;
  var t = {};
  t.self = t;
  var q = {};
  q.v = q = {fresh: true};
  return [a.p, b.p, arr.join(','), i, j, t.self === t, q.fresh, Object.keys(q).join()].join(' ');
}
console.log(memberTargets());  // expect: 5  first,2,z 2 2 true true fresh

function assignmentValues() {
  var o = {};
  var v = 7;
  var r = (o.p = v);
  var s;
  var u = (s = o.p);
  var w = [];
  w[0] = w[1] = v;
  return [r, u, s, w.join(',')].join(' ');
}
console.log(assignmentValues());  // expect: 7 7 7 7,7

// ---- a throwing right-hand side leaves the variable unchanged ------------------------------
function throwingRhs() {
  var x = 'old';
  var thrower = { get p() { throw new Error('getter'); } };
  var out = [];
  try { x = thrower.p; } catch (e) { out.push(e.message, x); }
  try { x = missingGlobal; } catch (e) { out.push(e.name, x); }
  function fail() { throw new TypeError('call'); }
  try { x = fail(); } catch (e) { out.push(e.message, x); }
  try { x = x.a.b; } catch (e) { out.push(e.name, x); }
  try { x = later; } catch (e) { out.push(e.name, x); }
  let later = 1;
  try { x = Symbol() + 1; } catch (e) { out.push(e.name, x); }
  return out.join(' ');
}
console.log(throwingRhs());  // expect: getter old ReferenceError old call old TypeError old ReferenceError old TypeError old

function throwingInit() {
  var out = [];
  var x = 'before';
  try { var x = null.p; } catch (e) { out.push(e.name, x); }
  const c = {k: 3}.k;
  try { c = 4; } catch (e) { out.push(e.name, c); }
  let d = c + c;
  out.push(d);
  return out.join(' ');
}
console.log(throwingInit());  // expect: TypeError before TypeError 3 6

// ---- walking a list in place ---------------------------------------------------------------
function walk() {
  var head = null;
  for (var i = 0; i < 5; i++) head = {value: i, next: head};
  var n = head;
  var seen = [];
  while (n !== null) {
    seen.push(n.value);
    n = n.next;
  }
  var m = head;
  var count = 0;
  while (true) {
    if (m.next === null) break;
    m = m.next;
    count++;
  }
  return seen.join('') + ' ' + count + ' ' + m.value;
}
console.log(walk());  // expect: 43210 4 0

// ---- `=== null` conditions only match null --------------------------------------------------
function nullTests(values) {
  var out = [];
  for (var k = 0; k < values.length; k++) {
    var v = values[k];
    var a = '', b = '';
    if (v === null) a = 'eq'; else a = 'ne';
    if (null !== v) b = 'ne'; else b = 'eq';
    out.push(a + '/' + b);
  }
  return out.join(' ');
}
console.log(nullTests([null, undefined, 0, '', false, NaN, {}, 'null']));
// expect: eq/eq ne/ne ne/ne ne/ne ne/ne ne/ne ne/ne ne/ne

function nullCalls() {
  var calls = 0;
  function get(x) { calls++; return x; }
  var r = [];
  if (get(null) === null) r.push('a');
  if (get(1) !== null) r.push('b');
  if (null === get(undefined)) r.push('c');
  while (get(null) !== null) r.push('never');
  return r.join('') + ' ' + calls;
}
console.log(nullCalls());  // expect: ab 4

// ---- `while (true)` exits --------------------------------------------------------------------
function loops() {
  var i = 0, out = [];
  while (true) {
    i++;
    if (i % 2 === 0) continue;
    if (i > 7) break;
    out.push(i);
  }
  outer: while (true) {
    while (true) {
      i++;
      if (i > 12) break outer;
    }
  }
  var f = function () { var n = 0; while (true) { if (++n === 3) return n; } };
  return out.join(',') + ' ' + i + ' ' + f();
}
console.log(loops());  // expect: 1,3,5,7 13 3

// ---- `this` read in place ---------------------------------------------------------------------
function Point(x) {
  this.x = x;
  this.self = this;
}
var pt = new Point(4);
console.log(pt.x, pt.self === pt);  // expect: 4 true
class Base { constructor() { this.base = 1; } }
class Derived extends Base {
  constructor() {
    super();
    this.v = this.base + 1;
    this.me = this;
  }
}
var dv = new Derived();
console.log(dv.v, dv.me === dv);  // expect: 2 true

// ---- generators resume with their registers -------------------------------------------------
function* gen() {
  var x = 1;
  var r = x + (yield x);
  x = yield r;
  return x * 2;
}
var g = gen();
console.log(g.next().value, g.next(10).value, g.next(21).value);  // expect: 1 11 42

// ---- array literals of immediate constants are filled in one step, fresh every time -----------
function literals() {
  var made = [];
  for (var i = 0; i < 3; i++) {
    var a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    a[i] = 'x' + i;
    a.push(i);
    made.push(a);
  }
  var mixed = [true, false, null, -5, 1073741823];
  var notSmi = [-0, 1.5, 1073741824, 2];
  var holes = [1, , 3];
  var single = [7];
  return [made[0].join(''), made[2].join(''), made[1].length, mixed.join(','), mixed.length,
          Object.is(notSmi[0], -0), notSmi.join(','), 1 in holes, holes.length, single.length,
          Array.isArray(mixed), JSON.stringify([null, true, 0])].join(' ');
}
console.log(literals());
// expect: x01234567890 01x234567892 11 true,false,,-5,1073741823 5 true 0,1.5,1073741824,2 false 3 1 true [null,true,0]

// ---- branches ending a loop body jump straight back -------------------------------------------
function branchesAtLoopEnd(n) {
  var evens = 0, odds = 0, i = 0, skipped = 0;
  while (i < n) {
    i++;
    if (i % 3 === 0) { skipped++; continue; }
    if (i % 2 === 0) evens++;
    else odds++;
  }
  var j = 0, k = 0;
  do {
    if (j & 1) k += j; else k -= j;
    j++;
  } while (j < 10);
  return evens + ' ' + odds + ' ' + skipped + ' ' + k;
}
console.log(branchesAtLoopEnd(20));  // expect: 7 7 6 5

// ---- 'literal' + x + 'literal' joins once (ConcatAtSite); x converts with hint default ------
function sandwich(x) { return 'String for key ' + x + ' in leaf node'; }
var order = [];
var both = { valueOf() { order.push('valueOf'); return 42; }, toString() { order.push('toString'); return 'ts'; } };
console.log(sandwich('0.5'), '|', sandwich(0.25), '|', sandwich(both), order.join());
// expect: String for key 0.5 in leaf node | String for key 0.25 in leaf node | String for key 42 in leaf node valueOf
console.log(sandwich(null), sandwich(undefined), sandwich(true), sandwich(-0), sandwich(1e21));
// expect: String for key null in leaf node String for key undefined in leaf node String for key true in leaf node String for key 0 in leaf node String for key 1e+21 in leaf node
console.log(sandwich(new Date(0)).startsWith('String for key Thu Jan 01 1970'), sandwich([1, [2, 3]]));
// expect: true String for key 1,2,3 in leaf node
try { sandwich(Symbol('s')); } catch (e) { console.log(e.name); }  // expect: TypeError
try { sandwich({ valueOf() { throw new RangeError('inner'); } }); } catch (e) { console.log(e.message); }
// expect: inner
var pair = '\uD83D' + '' + '\uDE00';
function around(s) { return '\uD83D' + s + '\uDE00'; }
console.log(around('').length, around('').codePointAt(0), around('é').length, around('é').charCodeAt(1));
// expect: 2 128512 3 233
console.log('é' + 'x' + 'ü', ('' + '' + '').length, 'a' + 1 + 2, 1 + 2 + 'a', 'a' + (1 + 2) + 'b');
// expect: éxü 0 a12 3a a3b
var kept = [];
for (var q = 0; q < 3000; q++) kept.push('k' + q + 'v');
console.log(kept.length, kept[0], kept[2999], kept.join('').length);  // expect: 3000 k0v k2999v 16890
