// Object.fromEntries: entries from arrays, Maps and user iterables; node's errors; IteratorClose.
console.log(Object.fromEntries([['a', 1], [2, 'b'], [Symbol.iterator, 3], ['a', 'again']]));
console.log(Object.fromEntries(new Map([['x', [1]], ['y', { z: 2 }]])));
console.log(Object.fromEntries(Object.entries({ p: 1, q: 2 }).map(([k, v]) => [k, v * 10])));
try { Object.fromEntries([1]); } catch (e) { console.log(e.message); }
try { Object.fromEntries(['ab']); } catch (e) { console.log(e.message); }
try { Object.fromEntries(); } catch (e) { console.log(e.message); }
const closed = [];
const it = { [Symbol.iterator]() { return { next: () => ({ value: 5, done: false }), return() { closed.push('r'); return {}; } }; } };
try { Object.fromEntries(it); } catch (e) { console.log(e.message, closed); }
console.log(Object.fromEntries.length, Object.fromEntries([]));

// Expected output (node 20):
// expect: { '2': 'b', a: 'again', [Symbol(Symbol.iterator)]: 3 }
// expect: { x: [ 1 ], y: { z: 2 } }
// expect: { p: 10, q: 20 }
// expect: Iterator value 1 is not an entry object
// expect: Iterator value ab is not an entry object
// expect: undefined is not iterable
// expect: Iterator value 5 is not an entry object [ 'r' ]
// expect: 1 {}
