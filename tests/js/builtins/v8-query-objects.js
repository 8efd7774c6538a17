// v8.queryObjects(ctor[, { format }]): after a full GC, the live objects whose prototype chain
// holds ctor.prototype (B.prototype counts for A when B extends A), as a count or as inspected
// summaries at depth 0. Heap order varies with GC timing, so multi-object summaries are sorted.
const { queryObjects } = require('v8');
class A { constructor(x) { this.x = x; } }
class B extends A {}
class Unused {}
function F(n) { this.n = n; this.nested = { deep: { deeper: 1 } }; }
let keep = [new A(1), new A(2), new B(3), new F(1)];
for (let i = 0; i < 100; i++) new A(i);  // garbage: a full GC runs first
console.log(queryObjects(A), queryObjects(A, { format: 'count' }), queryObjects(B), queryObjects(Unused));
console.log(queryObjects(A, { format: 'summary' }).sort());
console.log(queryObjects(B, { format: 'summary' }));
console.log(queryObjects(F, { format: 'summary' }));
console.log(queryObjects(Unused, { format: 'summary' }));
keep.length = 1;
console.log(queryObjects(A), queryObjects(F));
keep = null;
console.log(queryObjects(A), queryObjects(B));

const many = [];
for (let i = 0; i < 500; i++) many.push(new F(i));
console.log(queryObjects(F), queryObjects(F, {}));

for (const args of [[{}], [null], [A, 1], [A, null], [A, { format: 'x' }], [A, { format: 1 }]]) {
  try { queryObjects(...args); } catch (e) { console.log(e.name, e.code, e.message); }
}

// Expected output (node 20):
// expect: 4 4 1 0
// expect: [ 'A { x: 1 }', 'A { x: 2 }', 'A {}', 'B { x: 3 }' ]
// expect: [ 'B { x: 3 }' ]
// expect: [ 'F { n: 1, nested: [Object] }' ]
// expect: []
// expect: 2 0
// expect: 1 0
// expect: 500 500
// expect: TypeError ERR_INVALID_ARG_TYPE The "constructor" argument must be of type function. Received an instance of Object
// expect: TypeError ERR_INVALID_ARG_TYPE The "constructor" argument must be of type function. Received null
// expect: TypeError ERR_INVALID_ARG_TYPE The "options" argument must be of type object. Received type number (1)
// expect: TypeError ERR_INVALID_ARG_TYPE The "options" argument must be of type object. Received null
// expect: TypeError ERR_INVALID_ARG_VALUE The property 'options.format' is invalid. Received 'x'
// expect: TypeError ERR_INVALID_ARG_VALUE The property 'options.format' is invalid. Received 1
