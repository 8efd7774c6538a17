// require('assert'): node 20's AssertionError (properties, stack start, messages including the
// "+ actual - expected" line diff), deep equality in loose and strict mode, throws/rejects with
// every kind of expectation, match, ifError, fail, assert/strict; and assert(value)'s message
// quoting the failing call from this file's source.
const assert = require('assert');
const strict = require('assert/strict');
const { AssertionError } = assert;

function show(f) {
  try {
    f();
    console.log('ok');
  } catch (e) {
    console.log(e.name + ' ' + e.code + ' ' + e.operator + ' ' + e.generatedMessage + ' ' + JSON.stringify(e.message));
  }
}

// ok / assert: the message quotes the call
show(() => assert(1 > 2));
show(() => {
  const x = 0;
  assert.ok(x,
    undefined);
});
show(() => assert());
show(() => assert(0, 'zero'));
show(() => assert(false, new TypeError('own')));
show(() => assert(1));

// equal family
show(() => assert.equal(1, 2));
show(() => assert.equal(1, '1'));
show(() => assert.equal(NaN, NaN));
show(() => assert.notEqual(1, '1'));
show(() => assert.strictEqual(1, 2));
show(() => assert.strictEqual(1, '1'));
show(() => assert.strictEqual('a\nb', 'a\nc'));
show(() => assert.strictEqual(1, 2, 'custom'));
show(() => assert.strictEqual('aaaaaaaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaaaaaab'));
show(() => assert.strictEqual([1], [1]));
show(() => assert.strictEqual({ a: 1 }, { b: 1 }));
show(() => assert.strictEqual(NaN, NaN));
show(() => assert.notStrictEqual(1, 1));
show(() => assert.notStrictEqual({}, {}));
show(() => assert.strictEqual(1));

// deep equality: messages
show(() => assert.deepStrictEqual({ a: 1 }, { a: 2 }));
show(() => assert.deepStrictEqual({ a: 1 }, { a: 2 }, 'msg'));
show(() => assert.deepStrictEqual([1, 2, 3], [1, 2, 4]));
show(() => assert.deepStrictEqual([1, 2], [1, 2, 3]));
show(() => assert.deepStrictEqual({}, []));
show(() => assert.deepStrictEqual(-0, 0));
show(() => assert.deepStrictEqual(new Set([1, 2]), new Set([1, 3])));
show(() => assert.deepStrictEqual({ a: [1, 2, { b: new Map([[1, 2]]) }], c: 'x' },
                                  { a: [1, 2, { b: new Map([[1, 3]]) }], c: 'x' }));
show(() => assert.deepStrictEqual(Array.from({ length: 30 }, (_, i) => i),
                                  Array.from({ length: 30 }, (_, i) => (i === 15 ? -1 : i))));
show(() => assert.deepStrictEqual(new Error('a'), new Error('b')));
show(() => assert.deepStrictEqual({ z: 1, a: { y: 2, b: 3 } }, { a: { b: 3, y: 2 }, z: 2 }));
show(() => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }));
show(() => assert.notDeepEqual([1], ['1']));
show(() => assert.deepEqual({ a: 1, b: { c: [1, 2, 3] } }, { a: 1, b: { c: [1, 2, 4] } }));
show(() => assert.deepEqual(new Date(0), new Date(1)));

// deep equality: the rules, loose vs strict
const same = (a, b) => console.log(JSON.stringify([isLoose(a, b), isStrict(a, b)]));
const isLoose = (a, b) => { try { assert.deepEqual(a, b); return true; } catch { return false; } };
const isStrict = (a, b) => { try { assert.deepStrictEqual(a, b); return true; } catch { return false; } };
same({ a: 1 }, { a: '1' });
same([1, 2], ['1', 2]);
same(NaN, NaN);
same(0, -0);
same({ a: 1, b: 2 }, { b: 2, a: 1 });
same(Object.create(null), {});
same(new Map([[1, { x: 1 }]]), new Map([[1, { x: 1 }]]));
same(new Map([[{ k: 1 }, 'v']]), new Map([[{ k: 1 }, 'v']]));
same(new Set([{ a: 1 }, { b: 2 }]), new Set([{ b: 2 }, { a: 1 }]));
same(new Set([1, 2]), new Set([2, 1]));
same([1, , 3], [1, undefined, 3]);
same(/a/g, /a/g);
same(/a/g, /a/i);
same(new Date(5), new Date(5));
same(new Number(1), new Number(1));
same(new Number(1), new Number(2));
same(new Error('x'), new Error('x'));
same(new TypeError('x'), new Error('x'));
same({ [Symbol.for('s')]: 1 }, {});
same([1, 2], { 0: 1, 1: 2, length: 2 });
const cyc1 = { n: 1 }; cyc1.self = cyc1;
const cyc2 = { n: 1 }; cyc2.self = cyc2;
same(cyc1, cyc2);
same(new Uint8Array([1, 2]), new Uint8Array([1, 2]));
same(new Uint8Array([1, 2]), new Uint8Array([1, 3]));
class P { constructor() { this.a = 1; } }
same(new P(), { a: 1 });
const util = require('util');
console.log(util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), util.isDeepStrictEqual([1], ['1']));

// throws / doesNotThrow
show(() => assert.throws(() => {}));
show(() => assert.throws(() => {}, TypeError, 'should throw'));
show(() => assert.throws(() => { throw new Error('x'); }, /y/));
show(() => assert.throws(() => { throw new Error('x'); }, /x/));
show(() => assert.throws(() => { throw new TypeError('bad'); }, RangeError));
show(() => assert.throws(() => { throw new TypeError('bad'); }, TypeError));
show(() => assert.throws(() => { throw new TypeError('bad'); }, Error));
show(() => assert.throws(() => { throw new TypeError('bad'); }, { message: 'good', name: 'TypeError' }));
show(() => assert.throws(() => { throw new TypeError('bad'); }, { message: /ba/, name: 'TypeError' }));
show(() => assert.throws(() => { throw new TypeError('bad'); }, (e) => false));
show(() => assert.throws(() => { throw new TypeError('bad'); }, function check(e) { return e instanceof TypeError; }));
show(() => assert.throws(() => { throw 'str'; }, TypeError));
show(() => assert.throws(() => { throw new Error('m'); }, 'm'));
show(() => assert.throws(() => { throw new Error('m'); }, {}));
show(() => assert.throws('not a function'));
show(() => assert.doesNotThrow(() => { throw new TypeError('x'); }));
show(() => assert.doesNotThrow(() => { throw new TypeError('x'); }, 'nope'));
show(() => assert.doesNotThrow(() => { throw new TypeError('x'); }, RangeError));
show(() => assert.doesNotThrow(() => 1));

// match, ifError, fail
show(() => assert.match('abc', /x/));
show(() => assert.match('abc', /b/));
show(() => assert.match(123, /b/));
show(() => assert.doesNotMatch('abc', /b/));
show(() => assert.match('abc', 'b'));
show(() => assert.ifError(null));
show(() => assert.ifError(undefined));
show(() => assert.ifError('boom'));
show(() => assert.ifError(new RangeError('e')));
show(() => assert.fail());
show(() => assert.fail('boom'));
show(() => assert.fail(new TypeError('thrown as is')));

// AssertionError itself
const err = new AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
console.log(err instanceof Error, err.name, err.code, Object.keys(err).join(), String(err).split('\n')[0]);
console.log(err.stack.split('\n')[0]);
show(() => new AssertionError('x'));
try {
  assert.strictEqual(2, 3);
} catch (e) {
  console.log(e.stack.split('\n')[0], e.stack.split('\n').length > 1, /assert\.js:\d+:\d+/.test(e.stack.split('\n')[3]));
}

// assert/strict and assert.strict
console.log(strict === assert.strict, strict.strict === strict, strict.equal === assert.strictEqual);
show(() => strict.equal(1, '1'));
show(() => strict.deepEqual({ a: 1 }, { a: '1' }));
show(() => strict(0));

// rejects / doesNotReject
(async () => {
  await assert.rejects(Promise.reject(new Error('r')), /r/);
  console.log('rejects matched');
  try {
    await assert.rejects(Promise.resolve(1));
  } catch (e) {
    console.log(e.message, e.operator);
  }
  try {
    await assert.rejects(async () => { throw new TypeError('t'); }, RangeError);
  } catch (e) {
    console.log(JSON.stringify(e.message));
  }
  try {
    await assert.doesNotReject(Promise.reject(new Error('no')));
  } catch (e) {
    console.log(JSON.stringify(e.message), e.operator);
  }
  try {
    await assert.rejects(() => 5);
  } catch (e) {
    console.log(e.code, e.message);
  }
})();

// expect: AssertionError ERR_ASSERTION == true "The expression evaluated to a falsy value:\n\n  assert(1 > 2)\n"
// expect: AssertionError ERR_ASSERTION == true "The expression evaluated to a falsy value:\n\n  assert.ok(x,\n    undefined)\n"
// expect: AssertionError ERR_ASSERTION == true "No value argument passed to `assert.ok()`"
// expect: AssertionError ERR_ASSERTION == false "zero"
// expect: TypeError undefined undefined undefined "own"
// expect: ok
// expect: AssertionError ERR_ASSERTION == true "1 == 2"
// expect: ok
// expect: ok
// expect: AssertionError ERR_ASSERTION != true "1 != '1'"
// expect: AssertionError ERR_ASSERTION strictEqual true "Expected values to be strictly equal:\n\n1 !== 2\n"
// expect: AssertionError ERR_ASSERTION strictEqual true "Expected values to be strictly equal:\n\n1 !== '1'\n"
// expect: AssertionError ERR_ASSERTION strictEqual true "Expected values to be strictly equal:\n\n'a\\nb' !== 'a\\nc'\n"
// expect: AssertionError ERR_ASSERTION strictEqual false "custom\n\n1 !== 2\n"
// expect: AssertionError ERR_ASSERTION strictEqual true "Expected values to be strictly equal:\n+ actual - expected\n\n+ 'aaaaaaaaaaaaaaaaaaaa'\n- 'aaaaaaaaaaaaaaaaaaab'\n                      ^"
// expect: AssertionError ERR_ASSERTION strictEqual true "Values have same structure but are not reference-equal:\n\n[\n  1\n]\n"
// expect: AssertionError ERR_ASSERTION strictEqual true "Expected \"actual\" to be reference-equal to \"expected\":\n+ actual - expected\n\n  {\n+   a: 1\n-   b: 1\n  }"
// expect: ok
// expect: AssertionError ERR_ASSERTION notStrictEqual true "Expected \"actual\" to be strictly unequal to: 1"
// expect: ok
// expect: TypeError ERR_MISSING_ARGS undefined undefined "The \"actual\" and \"expected\" arguments must be specified"
// expect: AssertionError ERR_ASSERTION deepStrictEqual true "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  {\n+   a: 1\n-   a: 2\n  }"
// expect: AssertionError ERR_ASSERTION deepStrictEqual false "msg\n+ actual - expected\n\n  {\n+   a: 1\n-   a: 2\n  }"
// expect: AssertionError ERR_ASSERTION deepStrictEqual true "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  [\n    1,\n    2,\n+   3\n-   4\n  ]"
// expect: AssertionError ERR_ASSERTION deepStrictEqual true "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  [\n    1,\n    2,\n-   3\n  ]"
// expect: AssertionError ERR_ASSERTION deepStrictEqual true "Expected values to be strictly deep-equal:\n+ actual - expected\n\n+ {}\n- []"
// expect: AssertionError ERR_ASSERTION deepStrictEqual true "Expected values to be strictly deep-equal:\n+ actual - expected\n\n+ -0\n- 0"
// expect: AssertionError ERR_ASSERTION deepStrictEqual true "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  Set(2) {\n    1,\n+   2\n-   3\n  }"
// expect: AssertionError ERR_ASSERTION deepStrictEqual true "Expected values to be strictly deep-equal:\n+ actual - expected ... Lines skipped\n\n  {\n    a: [\n...\n      {\n        b: Map(1) {\n+         1 => 2\n-         1 => 3\n        }\n...\n    ],\n    c: 'x'\n  }"
// expect: AssertionError ERR_ASSERTION deepStrictEqual true "Expected values to be strictly deep-equal:\n+ actual - expected ... Lines skipped\n\n  [\n    0,\n...\n    13,\n    14,\n+   15,\n-   -1,\n    16,\n...\n    28,\n    29\n  ]"
// expect: AssertionError ERR_ASSERTION deepStrictEqual true "Expected values to be strictly deep-equal:\n+ actual - expected\n\n+ [Error: a]\n- [Error: b]\n          ^"
// expect: AssertionError ERR_ASSERTION deepStrictEqual true "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  {\n    a: {\n      b: 3,\n      y: 2\n    },\n+   z: 1\n-   z: 2\n  }"
// expect: AssertionError ERR_ASSERTION notDeepStrictEqual true "Expected \"actual\" not to be strictly deep-equal to:\n\n{\n  a: 1\n}\n"
// expect: AssertionError ERR_ASSERTION notDeepEqual true "Expected values not to be loosely deep-equal:\n\n[\n  1\n]\n\nshould not loosely deep-equal\n\n[\n  '1'\n]"
// expect: AssertionError ERR_ASSERTION deepEqual true "Expected values to be loosely deep-equal:\n\n{\n  a: 1,\n  b: {\n    c: [\n      1,\n      2,\n      3\n    ]\n  }\n}\n\nshould loosely deep-equal\n\n{\n  a: 1,\n  b: {\n    c: [\n      1,\n      2,\n      4\n    ]\n  }\n}"
// expect: AssertionError ERR_ASSERTION deepEqual true "Expected values to be loosely deep-equal:\n\n1970-01-01T00:00:00.000Z\n\nshould loosely deep-equal\n\n1970-01-01T00:00:00.001Z"
// expect: [true,false]
// expect: [true,false]
// expect: [true,true]
// expect: [true,false]
// expect: [true,true]
// expect: [true,false]
// expect: [true,true]
// expect: [true,true]
// expect: [true,true]
// expect: [true,true]
// expect: [false,false]
// expect: [true,true]
// expect: [false,false]
// expect: [true,true]
// expect: [true,true]
// expect: [false,false]
// expect: [true,true]
// expect: [false,false]
// expect: [true,false]
// expect: [false,false]
// expect: [true,true]
// expect: [true,true]
// expect: [false,false]
// expect: [true,false]
// expect: true false
// expect: AssertionError ERR_ASSERTION throws false "Missing expected exception."
// expect: AssertionError ERR_ASSERTION throws false "Missing expected exception (TypeError): should throw"
// expect: AssertionError ERR_ASSERTION throws true "The input did not match the regular expression /y/. Input:\n\n'Error: x'\n"
// expect: ok
// expect: AssertionError ERR_ASSERTION throws true "The error is expected to be an instance of \"RangeError\". Received \"TypeError\"\n\nError message:\n\nbad"
// expect: ok
// expect: ok
// expect: AssertionError ERR_ASSERTION throws true "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  Comparison {\n+   message: 'bad',\n-   message: 'good',\n    name: 'TypeError'\n  }"
// expect: ok
// expect: AssertionError ERR_ASSERTION throws true "The validation function is expected to return \"true\". Received false\n\nCaught error:\n\nTypeError: bad"
// expect: ok
// expect: AssertionError ERR_ASSERTION throws true "The error is expected to be an instance of \"TypeError\". Received \"'str'\""
// expect: TypeError ERR_AMBIGUOUS_ARGUMENT undefined undefined "The \"error/message\" argument is ambiguous. The error message \"m\" is identical to the message."
// expect: TypeError ERR_INVALID_ARG_VALUE undefined undefined "The argument 'error' may not be an empty object. Received {}"
// expect: TypeError ERR_INVALID_ARG_TYPE undefined undefined "The \"fn\" argument must be of type function. Received type string ('not a function')"
// expect: AssertionError ERR_ASSERTION doesNotThrow false "Got unwanted exception.\nActual message: \"x\""
// expect: AssertionError ERR_ASSERTION doesNotThrow false "Got unwanted exception: nope\nActual message: \"x\""
// expect: TypeError undefined undefined undefined "x"
// expect: ok
// expect: AssertionError ERR_ASSERTION match true "The input did not match the regular expression /x/. Input:\n\n'abc'\n"
// expect: ok
// expect: AssertionError ERR_ASSERTION match true "The \"string\" argument must be of type string. Received type number (123)"
// expect: AssertionError ERR_ASSERTION doesNotMatch true "The input was expected to not match the regular expression /b/. Input:\n\n'abc'\n"
// expect: TypeError ERR_INVALID_ARG_TYPE undefined undefined "The \"regexp\" argument must be an instance of RegExp. Received type string ('b')"
// expect: ok
// expect: ok
// expect: AssertionError ERR_ASSERTION ifError false "ifError got unwanted exception: 'boom'"
// expect: AssertionError ERR_ASSERTION ifError false "ifError got unwanted exception: e"
// expect: AssertionError ERR_ASSERTION fail true "Failed"
// expect: AssertionError ERR_ASSERTION fail false "boom"
// expect: TypeError undefined undefined undefined "thrown as is"
// expect: true AssertionError ERR_ASSERTION generatedMessage,code,actual,expected,operator AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:
// expect: AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:
// expect: TypeError ERR_INVALID_ARG_TYPE undefined undefined "The \"options\" argument must be of type object. Received type string ('x')"
// expect: AssertionError [ERR_ASSERTION]: Expected values to be strictly equal: true false
// expect: true true true
// expect: AssertionError ERR_ASSERTION strictEqual true "Expected values to be strictly equal:\n\n1 !== '1'\n"
// expect: AssertionError ERR_ASSERTION deepStrictEqual true "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  {\n+   a: 1\n-   a: '1'\n  }"
// expect: AssertionError ERR_ASSERTION == true "The expression evaluated to a falsy value:\n\n  strict(0)\n"
// expect: rejects matched
// expect: Missing expected rejection. rejects
// expect: "The error is expected to be an instance of \"RangeError\". Received \"TypeError\"\n\nError message:\n\nt"
// expect: "Got unwanted rejection.\nActual message: \"no\"" doesNotReject
// expect: ERR_INVALID_RETURN_VALUE Expected instance of Promise to be returned from the "promiseFn" function but got type number (5).
