// An uncaught AssertionError prints like node's: the stack headed "AssertionError
// [ERR_ASSERTION]", starting at the failing call, then the error's own properties; exit 1.
const assert = require('assert');
console.log('before');
assert.deepStrictEqual({ list: [1, 2], name: 'x' }, { list: [1, 3], name: 'x' });
console.log('not reached');
// expect: before
// expect error: AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal:
// expect error: + actual - expected
// expect error:   {
// expect error:     list: [
// expect error:       1,
// expect error: +     2
// expect error: -     3
// expect error:     ],
// expect error:     name: 'x'
// expect error:   }
// expect error:     at Object.<anonymous> (__FILE__:5:8)
// expect error:     at Module._compile (node:internal/modules/cjs/loader:1521:14)
// expect error:     at node:internal/main/run_main_module:28:49 {
// expect error:   generatedMessage: true,
// expect error:   code: 'ERR_ASSERTION',
// expect error:   actual: { list: [ 1, 2 ], name: 'x' },
// expect error:   expected: { list: [ 1, 3 ], name: 'x' },
// expect error:   operator: 'deepStrictEqual'
// expect error: }
// expect exit: 1
