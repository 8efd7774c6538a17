// Error.stackTraceLimit is read when an error is made (V8): 10 by default (an enumerable data
// property of Error), 0 gives a header alone, Infinity every frame, fractions are dropped, a
// non-number gives no stack at all. The main script's top level is `Object.<anonymous>`, below it
// node's CommonJS loader frames.
const clean = (s) => s.replaceAll(__filename, 'F');
console.log(Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit'));
console.log(clean(new Error('top').stack));
function depth(n, limit) {
  if (n > 0) return depth(n - 1, limit);
  Error.stackTraceLimit = limit;
  const e = new Error('deep');
  Error.stackTraceLimit = 10;
  return e.stack;
}
console.log(depth(20, 10).split('\n').length, depth(3, 10).split('\n').length);
console.log(depth(20, Infinity).split('\n').length, depth(3, 2.9).split('\n').length);
console.log(JSON.stringify(depth(3, 0)), JSON.stringify(depth(3, -5)), JSON.stringify(depth(1, NaN)));
const none = (() => { Error.stackTraceLimit = '3'; const e = new TypeError('t'); Error.stackTraceLimit = 10; return e; })();
console.log(none.stack, Object.getOwnPropertyDescriptor(none, 'stack'));
console.log(clean(depth(4, 3)));
// Error.captureStackTrace: frames up to and including the function given are left out.
function inner() { const o = {}; Error.captureStackTrace(o, inner); return o; }
function outer() { return inner(); }
console.log(clean(outer().stack.split('\n').slice(0, 2).join(' | ')));
const target = { name: 'N', message: 'msg' };
Error.captureStackTrace(target);
console.log(clean(target.stack.split('\n').slice(0, 2).join(' | ')));
// The stack's header is rendered when the stack is first shown: a name or message set after
// construction appears in console.log and in uncaught reports.
const renamed = new Error('p');
renamed.name = 'CustomError';
console.log(String(renamed), renamed);

// expect: { value: 10, writable: true, enumerable: true, configurable: true }
// expect: Error: top
// expect:     at Object.<anonymous> (F:7:19)
// expect:     at Module._compile (node:internal/modules/cjs/loader:1521:14)
// expect:     at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)
// expect:     at Module.load (node:internal/modules/cjs/loader:1266:32)
// expect:     at Module._load (node:internal/modules/cjs/loader:1091:12)
// expect:     at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)
// expect:     at node:internal/main/run_main_module:28:49
// expect: 11 11
// expect: 29 3
// expect: "Error: deep" "Error: deep" "Error: deep"
// expect: undefined {
// expect:   value: undefined,
// expect:   writable: true,
// expect:   enumerable: false,
// expect:   configurable: true
// expect: }
// expect: Error: deep
// expect:     at depth (F:11:13)
// expect:     at depth (F:9:21)
// expect:     at depth (F:9:21)
// expect: Error |     at outer (F:23:27)
// expect: N: msg |     at Object.<anonymous> (F:26:7)
// expect: CustomError: p Error [CustomError]: p
// expect:     at Object.<anonymous> (__FILE__:30:17)
// expect:     at Module._compile (node:internal/modules/cjs/loader:1521:14)
// expect:     at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)
// expect:     at Module.load (node:internal/modules/cjs/loader:1266:32)
// expect:     at Module._load (node:internal/modules/cjs/loader:1091:12)
// expect:     at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)
// expect:     at node:internal/main/run_main_module:28:49
