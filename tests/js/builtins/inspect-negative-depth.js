// util.inspect with a negative depth shows even the top object abbreviated (node 20); null and
// Infinity mean no limit.
const { inspect } = require('util');
const nested = { a: { b: { c: {} } } };
console.log(inspect({ a: 1 }, { depth: -1 }), inspect([1], { depth: -1 }), inspect(nested, { depth: -Infinity }));
console.log(inspect({ a: { b: 1 } }, { depth: 0 }), inspect(nested, { depth: null }), inspect(nested, { depth: Infinity }));
console.log(inspect(nested, { depth: 1 }));
// expect: [Object] [Array] [Object]
// expect: { a: [Object] } { a: { b: { c: {} } } } { a: { b: { c: {} } } }
// expect: { a: { b: [Object] } }
