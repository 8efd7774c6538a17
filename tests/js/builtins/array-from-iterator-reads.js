// Array.from reads items[Symbol.iterator] exactly once (ECMA-262 §23.1.2.1 step 4: GetMethod,
// then GetIteratorFromMethod with that method), and a non-callable, non-nullish method is a
// TypeError rather than an array-like.
let reads = 0;
const counted = {
  length: 2,
  get [Symbol.iterator]() {
    reads++;
    return function* () { yield 'x'; yield 'y'; };
  },
};
console.log(Array.from(counted), reads);
// expect: [ 'x', 'y' ] 1

// A getter returning different methods on each read: the first read is the one iterated.
let calls = 0;
const flip = {
  get [Symbol.iterator]() {
    calls++;
    return calls === 1 ? function* () { yield 'first'; } : function* () { yield 'second'; };
  },
};
console.log(Array.from(flip, (v, i) => v + i), calls);
// expect: [ 'first0' ] 1

// null / undefined method: array-like path; anything else non-callable: TypeError.
console.log(Array.from({ length: 2, 0: 'a', [Symbol.iterator]: null }));
// expect: [ 'a', undefined ]
try {
  Array.from({ length: 1, [Symbol.iterator]: 1 });
} catch (e) {
  console.log(e instanceof TypeError, e.message);
}
// expect: true %Array%.from requires that the property of the first argument, items[Symbol.iterator], when exists, be a function

// The method's result must be an object; next is read once per iteration record.
try {
  Array.from({ [Symbol.iterator]() { return 5; } });
} catch (e) {
  console.log(e.constructor.name, e.message);
}
// expect: TypeError Result of the Symbol.iterator method is not an object
let nextReads = 0;
const it = {
  i: 0,
  get next() {
    nextReads++;
    return () => (this.i < 3 ? { value: this.i++, done: false } : { done: true });
  },
};
console.log(Array.from({ [Symbol.iterator]: () => it }), nextReads);
// expect: [ 0, 1, 2 ] 1
