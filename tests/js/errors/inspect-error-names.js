// console.log of an error whose name differs from its constructor's (node's improveStack), with
// the name set after construction (the header is rendered when first shown), by a subclass, or
// inherited: `Error [CustomError]`, `V [ValidationError]`, `MyError: a`; a name not ending in
// "Error" is shown as set. One frame per stack keeps the expectations short.
Error.stackTraceLimit = 1;
class MyError extends Error {}
console.log(new MyError('a'));
const e = new Error('b');
e.name = 'CustomError';
console.log(e);
const t = new TypeError('c');
t.name = 'Foo';
console.log(t);
class V extends Error { constructor(m) { super(m); this.name = 'ValidationError'; } }
console.log(new V('d'));
const r = new RangeError('x');
r.name = 'RangeErrorX';
console.log([r]);
const m = new Error('before');
m.message = 'after';
console.log(m);
console.log(m.stack.split('\n')[0]);
const read = new Error('read first');
read.stack;
read.name = 'LateError';
console.log(read.stack.split('\n')[0]);
// expect: MyError: a
// expect:     at Object.<anonymous> (__FILE__:7:13)
// expect: Error [CustomError]: b
// expect:     at Object.<anonymous> (__FILE__:8:11)
// expect: Foo: c
// expect:     at Object.<anonymous> (__FILE__:11:11)
// expect: V [ValidationError]: d
// expect:     at Object.<anonymous> (__FILE__:15:13)
// expect: [
// expect:   RangeErrorX: x
// expect:       at Object.<anonymous> (__FILE__:16:11)
// expect: ]
// expect: Error: after
// expect:     at Object.<anonymous> (__FILE__:19:11)
// expect: Error: after
// expect: Error: read first
