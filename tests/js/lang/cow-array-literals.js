// Session 11 (docs/runtime.md "Session 11"): an array literal of >= 2 immediates (`[0, 1, 2]`,
// booleans, null) shares one copy-on-write elements store among every array it creates. Each
// case writes one array through one write path and checks that a sibling made by the same literal
// (and the next evaluation) still reads the literal's values.
function make() { return [1, 2, 3, 4]; }
function show(a) { return JSON.stringify(a) + ' ' + a.length; }
function check(label, mutate) {
  var a = make();
  var b = make();
  var r = mutate(a);
  console.log(label + ': ' + show(a) + ' | ' + show(b) + ' | ' + show(make()) + (r === undefined ? '' : ' -> ' + r));
}

check('keyed store', function (a) { a[0] = 9; });  // expect: keyed store: [9,2,3,4] 4 | [1,2,3,4] 4 | [1,2,3,4] 4
check('store past end', function (a) { a[6] = 7; });  // expect: store past end: [1,2,3,4,null,null,7] 7 | [1,2,3,4] 4 | [1,2,3,4] 4
check('store in loop', function (a) { for (var i = 0; i < a.length; i++) a[i] = a[i] * 10; });  // expect: store in loop: [10,20,30,40] 4 | [1,2,3,4] 4 | [1,2,3,4] 4
check('string key', function (a) { a['1'] = 'x'; });  // expect: string key: [1,"x",3,4] 4 | [1,2,3,4] 4 | [1,2,3,4] 4
check('push', function (a) { return a.push(5); });  // expect: push: [1,2,3,4,5] 5 | [1,2,3,4] 4 | [1,2,3,4] 4 -> 5
check('pop', function (a) { return a.pop(); });  // expect: pop: [1,2,3] 3 | [1,2,3,4] 4 | [1,2,3,4] 4 -> 4
check('shift', function (a) { return a.shift(); });  // expect: shift: [2,3,4] 3 | [1,2,3,4] 4 | [1,2,3,4] 4 -> 1
check('unshift', function (a) { return a.unshift(0); });  // expect: unshift: [0,1,2,3,4] 5 | [1,2,3,4] 4 | [1,2,3,4] 4 -> 5
check('splice remove', function (a) { return a.splice(1, 2).join(); });  // expect: splice remove: [1,4] 2 | [1,2,3,4] 4 | [1,2,3,4] 4 -> 2,3
check('splice insert', function (a) { return a.splice(1, 0, 'y').length; });  // expect: splice insert: [1,"y",2,3,4] 5 | [1,2,3,4] 4 | [1,2,3,4] 4 -> 0
check('splice tail', function (a) { return a.splice(2).join(); });  // expect: splice tail: [1,2] 2 | [1,2,3,4] 4 | [1,2,3,4] 4 -> 3,4
check('reverse', function (a) { a.reverse(); });  // expect: reverse: [4,3,2,1] 4 | [1,2,3,4] 4 | [1,2,3,4] 4
check('fill', function (a) { a.fill(0, 1, 3); });  // expect: fill: [1,0,0,4] 4 | [1,2,3,4] 4 | [1,2,3,4] 4
check('sort', function (a) { a.sort(function (x, y) { return y - x; }); });  // expect: sort: [4,3,2,1] 4 | [1,2,3,4] 4 | [1,2,3,4] 4
check('copyWithin', function (a) { a.copyWithin(0, 2); });  // expect: copyWithin: [3,4,3,4] 4 | [1,2,3,4] 4 | [1,2,3,4] 4
check('length shrink', function (a) { a.length = 1; });  // expect: length shrink: [1] 1 | [1,2,3,4] 4 | [1,2,3,4] 4
check('length shrink, regrow', function (a) { a.length = 2; a.length = 4; return String(a[3]); });  // expect: length shrink, regrow: [1,2,null,null] 4 | [1,2,3,4] 4 | [1,2,3,4] 4 -> undefined
check('delete', function (a) { delete a[1]; return 1 in a; });  // expect: delete: [1,null,3,4] 4 | [1,2,3,4] 4 | [1,2,3,4] 4 -> false
check('Object.assign', function (a) { Object.assign(a, [7]); });  // expect: Object.assign: [7,2,3,4] 4 | [1,2,3,4] 4 | [1,2,3,4] 4
check('defineProperty', function (a) { Object.defineProperty(a, 2, {value: 'd', writable: true, enumerable: true, configurable: true}); });  // expect: defineProperty: [1,2,"d",4] 4 | [1,2,3,4] 4 | [1,2,3,4] 4
check('Reflect.set', function (a) { return Reflect.set(a, 3, 'r'); });  // expect: Reflect.set: [1,2,3,"r"] 4 | [1,2,3,4] 4 | [1,2,3,4] 4 -> true
check('destructuring target', function (a) { [a[0], a[1]] = ['p', 'q']; });  // expect: destructuring target: ["p","q",3,4] 4 | [1,2,3,4] 4 | [1,2,3,4] 4
check('compound assignment', function (a) { a[2] += 100; a[3]++; });  // expect: compound assignment: [1,2,103,5] 4 | [1,2,3,4] 4 | [1,2,3,4] 4
check('object value', function (a) { a[0] = {k: 1}; return a[0].k; });  // expect: object value: [{"k":1},2,3,4] 4 | [1,2,3,4] 4 | [1,2,3,4] 4 -> 1

// Reads of a shared store: every reader sees the literal's values.
var r = make();
console.log(r.indexOf(3), r.includes(4), r.slice(1, 3).join(), r.concat([5]).join(), r.map(function (x) { return x * 2; }).join());  // expect: 2 true 2,3 1,2,3,4,5 2,4,6,8
console.log(r.join('-'), String(r), Array.isArray(r), r.reduce(function (s, x) { return s + x; }, 0), [...r].length);  // expect: 1-2-3-4 1,2,3,4 true 10 4
var [d0, , d2] = make();
console.log(d0, d2, Math.max.apply(null, make()), Object.keys(make()).join());  // expect: 1 3 4 0,1,2,3

// Integrity levels on a shared-store array: freeze blocks writes (sloppy: ignored), the sibling stays.
var frozen = Object.freeze(make());
frozen[0] = 'no';
console.log(show(frozen), Object.isFrozen(frozen), show(make()));  // expect: [1,2,3,4] 4 true [1,2,3,4] 4
var sealed = Object.seal(make());
sealed[1] = 'yes';
console.log(show(sealed), show(make()));  // expect: [1,"yes",3,4] 4 [1,2,3,4] 4
(function () {
  'use strict';
  try { Object.freeze(make()).pop(); } catch (e) { console.log(e.constructor.name); }  // expect: TypeError
  console.log(show(make()));  // expect: [1,2,3,4] 4
})();

// Booleans and null, -0 (not an immediate: the ordinary path), nested literals, a single element.
function mixed() { return [true, false, null, 0, -5]; }
var m = mixed();
m[1] = true;
m[2] = 'n';
console.log(JSON.stringify(m), JSON.stringify(mixed()));  // expect: [true,true,"n",0,-5] [true,false,null,0,-5]
function negZero() { return [-0, 1]; }
var z = negZero();
console.log(Object.is(z[0], -0), Object.is(negZero()[0], -0));  // expect: true true
function nested() { return [[1, 2], [1, 2]]; }
var n = nested();
n[0][0] = 'a';
console.log(JSON.stringify(n), JSON.stringify(nested()));  // expect: [["a",2],[1,2]] [[1,2],[1,2]]

// An array used as another array's prototype keeps the literal's elements visible through the
// chain, and a write to the child does not reach the shared store.
var proto = make();
var child = [];
Object.setPrototypeOf(child, proto);
child[0] = 'c';
console.log(child[0], child[1], child.length, 1 in child, proto[0], make()[0]);  // expect: c 2 1 true 1 1

// Many arrays from one literal, written in turn, kept alive across collections.
var kept = [];
for (var i = 0; i < 3000; i++) {
  var a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  a[i % 10] = -i;
  if (i % 7 === 0) a.push(i);
  kept.push(a);
}
var bad = 0;
for (var j = 0; j < kept.length; j++) {
  var k = kept[j];
  for (var p = 0; p < 10; p++) {
    var want = p === j % 10 ? -j : p;
    if (k[p] !== want) bad++;
  }
  if (k.length !== (j % 7 === 0 ? 11 : 10)) bad++;
}
console.log(bad, JSON.stringify([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));  // expect: 0 [0,1,2,3,4,5,6,7,8,9]
