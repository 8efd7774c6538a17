// Destructuring parameters: functions, arrows, methods, defaults on the whole parameter and per
// element, rest elements, `length`, arguments, closures over parameters.
function area({ w, h = w }) { return w * h; }
console.log(area({ w: 3 }), area({ w: 2, h: 5 }));
function opts({ verbose = false, level = 1 } = {}, ...extra) { return [verbose, level, extra]; }
console.log(opts(), opts({ level: 3 }, 'a', 'b'));
const pair = ([a, b]) => a + b;
console.log(pair([1, 2]), pair('xy'));
const nested = ({ a: { b: [c, d = 'D'] } }) => c + d;
console.log(nested({ a: { b: ['C'] } }));
function restPattern(first, ...[second, third]) { return [first, second, third]; }
console.log(restPattern(1, 2, 3, 4));
function defaultsSeePrevious(a, { b = a } = {}, [c = b] = []) { return [a, b, c]; }
console.log(defaultsSeePrevious(1), defaultsSeePrevious(1, { b: 2 }), defaultsSeePrevious(1, {}, [3]));
console.log(area.length, opts.length, pair.length, restPattern.length, defaultsSeePrevious.length);
function withArguments({ a }, b) { return arguments.length + ':' + a + ':' + b; }
console.log(withArguments({ a: 1 }, 2, 3));
const obj = {
  method({ x, y }) { return x + y; },
  get g() { return 'getter'; },
};
console.log(obj.method({ x: 'x', y: 'y' }));
class Point {
  constructor({ x = 0, y = 0 } = {}) { this.x = x; this.y = y; }
  plus([dx, dy]) { return new Point({ x: this.x + dx, y: this.y + dy }); }
  static of(...[x, y]) { return new Point({ x, y }); }
}
console.log(new Point(), new Point({ x: 1 }).plus([2, 3]), Point.of(7, 8));
// Closures over destructured parameters live in contexts.
function makeGetters({ a, b }) { return [() => a, () => b, (v) => { a = v; }]; }
const [getA, getB, setA] = makeGetters({ a: 1, b: 2 });
setA(42);
console.log(getA(), getB());
const curry = ({ x }) => ({ y }) => ({ z }) => x + y + z;
console.log(curry({ x: 1 })({ y: 2 })({ z: 3 }));
// Callbacks with destructuring, as in node code.
const entries = Object.entries({ one: 1, two: 2 }).map(([k, v]) => `${k}=${v}`);
console.log(entries.join('&'));
const people = [{ name: 'ann', age: 30 }, { name: 'bob', age: 25 }];
console.log(people.filter(({ age }) => age > 26).map(({ name }) => name));
console.log(people.map(({ name: n, ...rest }) => [n, rest]));
const { heapUsed } = process.memoryUsage();
console.log(typeof heapUsed);
// The parameter default is evaluated per call, lazily.
let made = 0;
function fresh({ list } = { list: [made++] }) { return list; }
console.log(fresh(), fresh(), fresh({ list: 'given' }), made);
// Errors from parameters.
try { area(); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
try { area(null); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
try { pair(5); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
try { pair(); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
try { pair({}); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
try { (function ({}) {})(null); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }

// Expected output (node 20):
// expect: 9 10
// expect: [ false, 1, [] ] [ false, 3, [ 'a', 'b' ] ]
// expect: 3 xy
// expect: CD
// expect: [ 1, 2, 3 ]
// expect: [ 1, 1, 1 ] [ 1, 2, 2 ] [ 1, 1, 3 ]
// expect: 1 0 1 1 1
// expect: 3:1:2
// expect: xy
// expect: Point { x: 0, y: 0 } Point { x: 3, y: 3 } Point { x: 7, y: 8 }
// expect: 42 2
// expect: 6
// expect: one=1&two=2
// expect: [ 'ann' ]
// expect: [ [ 'ann', { age: 30 } ], [ 'bob', { age: 25 } ] ]
// expect: number
// expect: [ 0 ] [ 1 ] given 2
// expect: TypeError: Cannot destructure property 'w' of 'undefined' as it is undefined.
// expect: TypeError: Cannot destructure property 'w' of 'object null' as it is null.
// expect: TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: Cannot destructure 'object null' as it is null.
