// util.inspect.custom (Symbol.for('nodejs.util.inspect.custom')): console.log and util.inspect call
// an object's custom inspect function with (depth left, options, inspect) and show what it returns —
// a string as it is (later lines indented to the nesting level), another value formatted in its
// place, the object itself as usual; a throw propagates out of console.log; customInspect: false
// turns it off. util.inspect honours depth, compact, sorted and maxArrayLength.
const util = require('util');
class A {
  [util.inspect.custom](depth, o, insp) {
    return 'A(' + depth + ' ' + JSON.stringify(o) + ' ' + typeof o.stylize + ' ' + (insp === util.inspect) + ' ' +
        o.stylize('x', 'special') + ')';
  }
}
console.log(new A());
console.log({ a: { b: new A() } });
console.log(util.inspect(new A(), { depth: null }));
console.log(util.inspect(new A(), { depth: 0, foo: 1 }));
class B { [util.inspect.custom]() { return 'line1\nline2'; } }
console.log({ k: new B(), arr: [new B()] });
class C { [util.inspect.custom]() { return { replaced: true, n: [1, 2] }; } }
console.log([new C()]);
class D { constructor() { this.z = 1; } [util.inspect.custom]() { return this; } }
console.log(new D(), D.prototype);
class E { [util.inspect.custom]() { throw new Error('boom'); } }
try { console.log(new E()); } catch (e) { console.log('threw', e.message); }
try { util.inspect({ deep: [new E()] }); } catch (e) { console.log('inspect threw', e.message); }
console.log(util.inspect(new A(), { customInspect: false }));
const o = { [util.inspect.custom]: (d, opts) => opts.depth };
console.log(o, [o], util.inspect(o, { depth: 5 }));
class Money {
  constructor(n) { this.cents = n; }
  [util.inspect.custom](depth, options, inspect) { return `Money<${inspect(this.cents / 100, options)}>`; }
}
console.log({ price: new Money(1999), list: [new Money(5), new Money(250)] }, `${util.format('%s|%O', new Money(1), new Money(2))}`);
console.log(util.inspect({ a: { b: { c: { d: {} } } } }, { depth: 0 }));
console.log(util.inspect({ a: [1, 2, 3] }, { compact: false }));
console.log(util.inspect({ b: 1, a: 2 }, { sorted: true }), util.inspect([1, 2, 3, 4], { maxArrayLength: 2 }));
console.log(util.inspect('str'), util.inspect(new Map([[1, { x: new Money(3) }]])));

// expect: A(2 {"showHidden":false,"depth":2,"colors":false,"customInspect":true,"showProxy":false,"maxArrayLength":100,"maxStringLength":10000,"breakLength":80,"compact":3,"sorted":false,"getters":false,"numericSeparator":false} function true x)
// expect: {
// expect:   a: {
// expect:     b: A(0 {"showHidden":false,"depth":2,"colors":false,"customInspect":true,"showProxy":false,"maxArrayLength":100,"maxStringLength":10000,"breakLength":80,"compact":3,"sorted":false,"getters":false,"numericSeparator":false} function true x)
// expect:   }
// expect: }
// expect: A(null {"showHidden":false,"depth":null,"colors":false,"customInspect":true,"showProxy":false,"maxArrayLength":100,"maxStringLength":10000,"breakLength":80,"compact":3,"sorted":false,"getters":false,"numericSeparator":false} function true x)
// expect: A(0 {"showHidden":false,"depth":0,"colors":false,"customInspect":true,"showProxy":false,"maxArrayLength":100,"maxStringLength":10000,"breakLength":80,"compact":3,"sorted":false,"getters":false,"numericSeparator":false,"foo":1} function true x)
// expect: {
// expect:   k: line1
// expect:   line2,
// expect:   arr: [
// expect:     line1
// expect:     line2
// expect:   ]
// expect: }
// expect: [ { replaced: true, n: [ 1, 2 ] } ]
// expect: D { z: 1 } {}
// expect: threw boom
// expect: inspect threw boom
// expect: A {}
// expect: 2 [ 2 ] 5
// expect: { price: Money<19.99>, list: [ Money<0.05>, Money<2.5> ] } Money<0.01>|Money<0.02>
// expect: { a: [Object] }
// expect: {
// expect:   a: [
// expect:     1,
// expect:     2,
// expect:     3
// expect:   ]
// expect: }
// expect: { a: 2, b: 1 } [ 1, 2, ... 2 more items ]
// expect: 'str' Map(1) { 1 => { x: Money<0.03> } }
