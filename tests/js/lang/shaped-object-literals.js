// Session 12 (docs/runtime.md "Session 12"): an object literal of distinct fixed names
// (`{a: x, b: y}`, shorthand `{a, b}`) evaluates its values first and then makes the object in one
// step, from the final shape cached on the literal's first evaluation. These cases check that the
// objects it makes are ordinary (key order, later adds/deletes/freeze on one object do not leak
// into the next evaluation), that evaluation order and exceptions are unchanged, and that the
// literals it must not take (duplicate keys, __proto__, accessors, computed and index keys,
// named functions, spread) keep their semantics.
function show(o) { return JSON.stringify(o) + ' ' + Object.keys(o).join(','); }

function pair(x, y) { return {x: x, y: y}; }
var p1 = pair(1, 2);
var p2 = pair('a', null);
console.log(show(p1), show(p2));  // expect: {"x":1,"y":2} x,y {"x":"a","y":null} x,y
p1.z = 3;
delete p2.x;
console.log(show(p1), show(p2), show(pair(4, 5)));  // expect: {"x":1,"y":2,"z":3} x,y,z {"y":null} y {"x":4,"y":5} x,y
var frozen = Object.freeze(pair(6, 7));
var next = pair(8, 9);
next.x = 10;
console.log(Object.isFrozen(frozen), Object.isFrozen(next), show(next));  // expect: true false {"x":10,"y":9} x,y
console.log(Object.getPrototypeOf(pair(0, 0)) === Object.prototype, p1.hasOwnProperty('y'));  // expect: true true

// Shorthand, string keys, keys that look like numbers but are not array indices.
function shorthand(a, b) { return {a, b, 'c d': a + b, '-1': 1, '1.5': 2, '01': 3}; }
for (var i = 0; i < 3; i++) console.log(show(shorthand(i, 'b')));
// expect: {"a":0,"b":"b","c d":"0b","-1":1,"1.5":2,"01":3} a,b,c d,-1,1.5,01
// expect: {"a":1,"b":"b","c d":"1b","-1":1,"1.5":2,"01":3} a,b,c d,-1,1.5,01
// expect: {"a":2,"b":"b","c d":"2b","-1":1,"1.5":2,"01":3} a,b,c d,-1,1.5,01

// Values evaluate left to right, before the object exists; a throwing value leaves the target
// variable unchanged and makes no object.
var order = [];
function v(name) { order.push(name); return name; }
function ordered() { return {p: v('p'), q: v('q'), r: v('r')}; }
ordered(); ordered();
console.log(order.join(''));  // expect: pqrpqr
var target = 'before';
function boom() { throw new Error('boom'); }
for (i = 0; i < 2; i++) {
  try { target = {a: 1, b: boom(), c: 3}; } catch (e) { console.log(e.message, target); }
}
// expect: boom before
// expect: boom before
var self = {k: 1};
self = {k: self.k + 1, old: self};
console.log(self.k, self.old.k);  // expect: 2 1

// Nested literals and values that are objects, functions (anonymous ones are named by the key).
function nested(t) { return {left: {leaf: t}, right: {leaf: t + 1}, fn: function () { return t; }}; }
var n1 = nested(1);
var n2 = nested(2);
console.log(n1.left.leaf, n1.right.leaf, n2.left.leaf, n2.fn(), n2.fn.name);  // expect: 1 2 2 2 fn

// Literals the generic path keeps.
function dup(x) { return {a: 1, b: x, a: 3}; }
console.log(show(dup(2)), show(dup(4)));  // expect: {"a":3,"b":2} a,b {"a":3,"b":4} a,b
var proto = {inherited: true};
function withProto() { return {__proto__: proto, own: 1}; }
console.log(withProto().inherited, Object.keys(withProto()).join(), withProto().hasOwnProperty('__proto__'));  // expect: true own false
var __proto__ = 5;
function shorthandProto() { return {__proto__, z: 1}; }
console.log(Object.keys(shorthandProto()).join(), shorthandProto().__proto__ === 5 ? 'own' : 'proto');  // expect: __proto__,z own
function accessors(x) { return {a: x, get b() { return this.a * 2; }}; }
console.log(accessors(3).b, accessors(5).b);  // expect: 6 10
var key = 'dyn';
function computed(x) { return {[key]: x, plain: x}; }
console.log(show(computed(1)));  // expect: {"dyn":1,"plain":1} dyn,plain
function indexKeys(x) { return {b: x, 1: 'one', 0: 'zero'}; }
console.log(show(indexKeys(7)));  // expect: {"0":"zero","1":"one","b":7} 0,1,b
function spread(o) { return {a: 1, ...o}; }
console.log(show(spread({b: 2})), show(spread({a: 3})));  // expect: {"a":1,"b":2} a,b {"a":3} a
function method() { return {m() { return 1; }, v: 2}; }
console.log(method().m(), Object.keys(method()).join());  // expect: 1 m,v

// A setter on Object.prototype does not intercept a literal's property (a definition, not a set).
Object.defineProperty(Object.prototype, 'trap', {set: function (v) { console.log('setter ran'); }, configurable: true});
function trapped(x) { return {trap: x, other: x}; }
console.log(trapped(1).trap, trapped(2).trap);  // expect: 1 2
delete Object.prototype.trap;

// A 32-property literal (all inline) and a 33-property one (past the inline limit).
function wide(x) {
  return {p0: x, p1: x, p2: x, p3: x, p4: x, p5: x, p6: x, p7: x, p8: x, p9: x, p10: x, p11: x, p12: x, p13: x,
          p14: x, p15: x, p16: x, p17: x, p18: x, p19: x, p20: x, p21: x, p22: x, p23: x, p24: x, p25: x, p26: x,
          p27: x, p28: x, p29: x, p30: x, p31: x};
}
function wider(x) {
  return {p0: x, p1: x, p2: x, p3: x, p4: x, p5: x, p6: x, p7: x, p8: x, p9: x, p10: x, p11: x, p12: x, p13: x,
          p14: x, p15: x, p16: x, p17: x, p18: x, p19: x, p20: x, p21: x, p22: x, p23: x, p24: x, p25: x, p26: x,
          p27: x, p28: x, p29: x, p30: x, p31: x, p32: x};
}
var w = wide(1); wide(2); w.p31 = 9;
console.log(Object.keys(wide(3)).length, wide(3).p31, w.p31, Object.keys(wider(4)).length, wider(4).p32);  // expect: 32 3 9 33 4

// Many literals kept across collections: every object keeps its own values.
var kept = [];
for (i = 0; i < 3000; i++) kept.push({id: i, name: 'n' + i, inner: {twice: i * 2}});
var bad = 0;
for (i = 0; i < kept.length; i++) {
  if (kept[i].id !== i || kept[i].name !== 'n' + i || kept[i].inner.twice !== i * 2) bad++;
}
console.log(kept.length, bad, show(kept[2999]));  // expect: 3000 0 {"id":2999,"name":"n2999","inner":{"twice":5998}} id,name,inner

// Values that suspend (yield, await) or read `this` of a class field: the temporaries survive
// the suspension.
function* gen() { var o = {a: yield 1, b: yield 2}; return o; }
var it = gen(); it.next(); it.next('x');
console.log(JSON.stringify(it.next('y').value));  // expect: {"a":"x","b":"y"}
class WithField { field = {m: 1, n: this}; }
var wf = new WithField();
console.log(wf.field.n === wf, wf.field.m);  // expect: true 1
async function later() { return {p: await Promise.resolve(3), q: 4}; }
later().then(function (o) { console.log(JSON.stringify(o)); });  // expect: {"p":3,"q":4}
