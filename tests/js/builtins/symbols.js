// Symbols, symbol-keyed properties and the iterator protocol.
const a = Symbol('a');
const b = Symbol('a');
const anon = Symbol();
console.log(typeof a, a === b, a === a, a == a, a == b);  // expect: symbol false true true false
console.log(a.toString(), a.description, anon.description, anon.toString());  // expect: Symbol(a) a undefined Symbol()
console.log(a, [a, anon]);  // expect: Symbol(a) [ Symbol(a), Symbol() ]
console.log(Symbol.iterator, typeof Symbol.iterator);  // expect: Symbol(Symbol.iterator) symbol
const o = { x: 1 };
o[a] = 'sym-a';
o[b] = 'sym-b';
console.log(o[a], o[b], o['Symbol(a)'], a in o);  // expect: sym-a sym-b undefined true
console.log(Object.keys(o), JSON.stringify(o));  // expect: [ 'x' ] {"x":1}
console.log(o);  // expect: { x: 1, [Symbol(a)]: 'sym-a', [Symbol(a)]: 'sym-b' }
const lit = { [anon]: 2, y: 3 };
console.log(lit, lit[anon]);  // expect: { y: 3, [Symbol()]: 2 } 2
for (const k in o) console.log('key', k);  // expect: key x
try {
  console.log('' + a);
} catch (e) {
  console.log(e instanceof TypeError, e.message);  // expect: true Cannot convert a Symbol value to a string
}
try {
  console.log(a * 2);
} catch (e) {
  console.log(e.message);  // expect: Cannot convert a Symbol value to a number
}
try {
  new Symbol();
} catch (e) {
  console.log(e.message);  // expect: Symbol is not a constructor
}

// A user iterable: for-of, spread, Array.from-style consumers.
function range(n) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return { next() { return i < n ? { value: i++, done: false } : { value: undefined, done: true }; } };
    },
  };
}
console.log([...range(4)]);  // expect: [ 0, 1, 2, 3 ]
let total = 0;
for (const x of range(5)) total += x;
console.log(total);  // expect: 10
console.log(new Set(range(3)).size, new Map([...range(2)].map((x) => [x, x * 2])).get(1));  // expect: 3 2
class Countdown {
  constructor(n) { this.n = n; }
  [Symbol.iterator]() {
    let n = this.n;
    return { next: () => (n > 0 ? { value: n--, done: false } : { done: true }) };
  }
}
console.log([...new Countdown(3)]);  // expect: [ 3, 2, 1 ]
for (const x of new Countdown(2)) {
  if (x === 1) break;
  console.log('count', x);  // expect: count 2
}

// Built-in iterators.
const it = [10, 20][Symbol.iterator]();
console.log(it.next(), it.next(), it.next());  // expect: { value: 10, done: false } { value: 20, done: false } { value: undefined, done: true }
console.log([...'ab'[Symbol.iterator]()]);  // expect: [ 'a', 'b' ]
const mi = new Map([[1, 'one']])[Symbol.iterator]();
console.log(mi.next().value);  // expect: [ 1, 'one' ]
const si = new Set(['s'])[Symbol.iterator]();
console.log([...si], typeof si[Symbol.iterator]);  // expect: [ 's' ] function

// Errors.
try {
  for (const x of {}) console.log(x);
} catch (e) {
  console.log(e instanceof TypeError);  // expect: true
}
try {
  [...{ [Symbol.iterator]() { return 1; } }];
} catch (e) {
  console.log(e.message);  // expect: Result of the Symbol.iterator method is not an object
}
try {
  for (const x of { [Symbol.iterator]() { return { next() { return 1; } }; } }) console.log(x);
} catch (e) {
  console.log(e.message);  // expect: Iterator result 1 is not an object
}
