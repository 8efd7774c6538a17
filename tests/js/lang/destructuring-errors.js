// node's TypeErrors and ReferenceErrors for destructuring, caught and printed.
function show(f) {
  try { f(); console.log('no error'); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
}
show(() => { const { a } = null; });
show(() => { const { a } = undefined; });
show(() => { const {} = null; });
show(() => { const { ...r } = null; });
show(() => { const { [1 + 1]: a } = null; });
show(() => { const { 'a b': c } = null; });
show(() => { const { 1: c } = null; });
show(() => { const o = {}; const { a } = o.x; });
show(() => { const o = {}; const { a } = o.x.y; });
show(() => { function f() { return null; } const { a } = f(); });
show(() => { const { a } = this.missing; });
show(() => { const { a: { b } } = {}; });
show(() => { const { a: { b } } = { a: null }; });
show(() => { const [{ a }] = [null]; });
show(() => { const [x] = 5; });
show(() => { const [x] = null; });
show(() => { const [x] = undefined; });
show(() => { const o = {}; const [x] = o; });
show(() => { const x = 5, [y] = x; });
show(() => { const [x] = {}; });
show(() => { const o = { p: 5 }; const [x] = o.p; });
show(() => { function f() { return 3; } const [x] = f(); });
show(() => { const [[a]] = [5]; });
show(() => { const [x] = { [Symbol.iterator]: 1 }; });
show(() => { const { a = b, b } = {}; });
show(() => { let [a = a] = []; });
show(() => { const [a, b = a] = [1]; console.log(a, b); });
show(() => { const { a } = 1; console.log(a); });
show(() => { const [a] = 'str'; console.log(a); });
show(() => { const { a: { b } } = { a: 0 }; console.log(b); });
// Iterator protocol errors.
show(() => { const [a] = { [Symbol.iterator]() { return 1; } }; });
show(() => { const [a] = { [Symbol.iterator]() { return { next() { return 1; } }; } }; });
show(() => { const [a] = { [Symbol.iterator]() { return { next() { throw new Error('next threw'); }, return() { console.log('not called'); } }; } }; });
show(() => {
  const it = { [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }), return: () => 5 }; } };
  const [a] = it;
});
show(() => {
  const it = { [Symbol.iterator]() { return { next: () => ({ value: undefined, done: false }), return() { throw new Error('return threw'); } }; } };
  const [a = (() => { throw new Error('default threw'); })()] = it;
});

// Expected output (node 20):
// expect: TypeError: Cannot destructure property 'a' of 'null' as it is null.
// expect: TypeError: Cannot destructure property 'a' of 'undefined' as it is undefined.
// expect: TypeError: Cannot destructure 'null' as it is null.
// expect: TypeError: Cannot destructure 'null' as it is null.
// expect: TypeError: Cannot destructure 'null' as it is null.
// expect: TypeError: Cannot destructure property 'a b' of 'null' as it is null.
// expect: TypeError: Cannot destructure property '1' of 'null' as it is null.
// expect: TypeError: Cannot destructure property 'a' of 'o.x' as it is undefined.
// expect: TypeError: Cannot read properties of undefined (reading 'y')
// expect: TypeError: Cannot destructure property 'a' of 'f(...)' as it is null.
// expect: TypeError: Cannot destructure property 'a' of 'this.missing' as it is undefined.
// expect: TypeError: Cannot read properties of undefined (reading 'b')
// expect: TypeError: Cannot read properties of null (reading 'b')
// expect: TypeError: Cannot read properties of null (reading 'a')
// expect: TypeError: 5 is not iterable
// expect: TypeError: null is not iterable
// expect: TypeError: undefined is not iterable
// expect: TypeError: o is not iterable
// expect: TypeError: x is not iterable
// expect: TypeError: {} is not iterable
// expect: TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: f is not a function or its return value is not iterable
// expect: TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: {(intermediate value)} is not iterable
// expect: ReferenceError: Cannot access 'b' before initialization
// expect: ReferenceError: Cannot access 'a' before initialization
// expect: 1 1
// expect: no error
// expect: undefined
// expect: no error
// expect: s
// expect: no error
// expect: undefined
// expect: no error
// expect: TypeError: Result of the Symbol.iterator method is not an object
// expect: TypeError: Iterator result 1 is not an object
// expect: Error: next threw
// expect: TypeError: Iterator result 5 is not an object
// expect: Error: default threw
