// Patterns in for-of / for-in heads and catch parameters.
const map = new Map([['a', 1], ['b', 2]]);
for (const [k, v] of map) console.log(k, v);
for (let [k, v] of Object.entries({ x: 1, y: 2 })) { v *= 10; console.log(k, v); }
for (const { id, tags: [first = 'none'] = [] } of [{ id: 1, tags: ['t'] }, { id: 2 }]) console.log(id, first);
for (var [vk, vv] of [[1, 2]]) {}
console.log(vk, vv);
for (const [i, ch] of [...'ab'].map((c, i) => [i, c])) console.log(i, ch);
for (const { length } in { abc: 1, de: 2 }) console.log(length);
for (const [c0, ...cs] in { xyz: 1 }) console.log(c0, cs);
let a, b;
const o = {};
for ([a, b] of [[1, 2], [3, 4]]) console.log(a + b);
for ({ a, b = 'B' } of [{ a: 'A' }]) console.log(a, b);
for ([o.first, o.second] of [['F', 'S']]);
console.log(o);
// Per-iteration bindings captured by closures.
const fns = [];
for (const [n, { sq }] of [[1, { sq: 1 }], [2, { sq: 4 }], [3, { sq: 9 }]]) fns.push(() => n + sq);
console.log(fns.map(f => f()));
// break after destructuring.
for (const [k] of map) { console.log('first key', k); break; }
// Set entries and keys.
for (const [x, y] of new Set([1, 2]).entries()) console.log(x, y);
// catch parameters.
try { throw new Error('msg'); } catch ({ message, name }) { console.log(name, message); }
try { throw [1, [2]]; } catch ([one, [two], three = 3]) { console.log(one, two, three); }
try { throw { code: 'E1' }; } catch ({ code, ...rest }) { console.log(code, rest); }
try {
  try { throw null; } catch ({ message }) { console.log('unreachable'); }
} catch (e) { console.log(e.constructor.name + ': ' + e.message); }
// Errors in heads.
try { for (const [k] of [1]) {} } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
try { for (const { k } of [null]) {} } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
try { for (const { k } of [undefined]) {} } catch (e) { console.log(e.constructor.name + ': ' + e.message); }

// Expected output (node 20):
// expect: a 1
// expect: b 2
// expect: x 10
// expect: y 20
// expect: 1 t
// expect: 2 none
// expect: 1 2
// expect: 0 a
// expect: 1 b
// expect: 3
// expect: 2
// expect: x [ 'y', 'z' ]
// expect: 3
// expect: 7
// expect: A B
// expect: { first: 'F', second: 'S' }
// expect: [ 2, 6, 12 ]
// expect: first key a
// expect: 1 1
// expect: 2 2
// expect: Error msg
// expect: 1 2 3
// expect: E1 {}
// expect: TypeError: Cannot destructure property 'message' of '.catch' as it is null.
// expect: TypeError: .for is not iterable
// expect: TypeError: Cannot destructure property 'k' of '.for' as it is null.
// expect: TypeError: Cannot destructure property 'k' of '.for' as it is undefined.
