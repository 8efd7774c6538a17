// Well-known symbols: Symbol.toPrimitive (ToPrimitive in +, ==, <, template literals, String(),
// Number(), property keys, new Date(x)), Symbol.toStringTag (Object.prototype.toString and
// console.log's `Class [tag] {}` prefix), Symbol.hasInstance (instanceof).
const hints = [];
const money = {
  [Symbol.toPrimitive](hint) {
    hints.push(hint);
    return hint === 'number' ? 42 : hint === 'string' ? 'forty-two' : 'default!';
  },
};
console.log(money + '', `${money}`, String(money), +money, money * 2, money == 'default!', money < 50);
console.log(Number(money), [money] + '', ({ [money]: 1 }).hasOwnProperty('forty-two'), hints.join(' '));
console.log(typeof Symbol.toPrimitive, String(Symbol.toPrimitive), Symbol.toPrimitive.description);
console.log('toPrimitive' in Symbol, Object.keys(Symbol).length, Symbol.toPrimitive === Symbol.toPrimitive);
const d = Object.getOwnPropertyDescriptor(Symbol, 'hasInstance');
console.log(d.writable, d.enumerable, d.configurable, typeof d.value);
// Precedence over valueOf/toString; null/undefined fall back to them.
const both = { [Symbol.toPrimitive]: () => 1, valueOf: () => 2, toString: () => 'three' };
console.log(both + 1, `${both}`);
const fallback = { [Symbol.toPrimitive]: undefined, valueOf: () => 5 };
const fallbackNull = { [Symbol.toPrimitive]: null, toString: () => 'ts' };
console.log(fallback + 1, `${fallbackNull}`);
class Temperature {
  constructor(c) { this.c = c; }
  [Symbol.toPrimitive](hint) { return hint === 'string' ? `${this.c}°C` : this.c; }
}
const t = new Temperature(21);
console.log(`${t}`, t + 1, t > 20, t * 2, String(t), [t, t].join());
for (const bad of [1, {}, 'str', true]) {
  try { ({ [Symbol.toPrimitive]: bad }) + ''; } catch (e) { console.log(e.constructor.name, e.message); }
}
try { ({ [Symbol.toPrimitive]() { return {}; } }) + ''; } catch (e) { console.log(e.constructor.name, e.message); }
try { `${{ [Symbol.toPrimitive]() { throw new RangeError('from hook'); } }}`; } catch (e) { console.log(e.constructor.name, e.message); }
// Date's own [Symbol.toPrimitive]: default is string.
const date = new Date(0);
const dtp = Date.prototype[Symbol.toPrimitive];
console.log(dtp.name, dtp.length, typeof (date + 1), date - 0, date == date.toString());
console.log(dtp.call({ valueOf() { return 5; } }, 'number'), dtp.call({ toString() { return 't'; } }, 'default'));
for (const bad of [['x'], [undefined]]) {
  try { dtp.call(date, ...bad); } catch (e) { console.log(e.constructor.name, e.message); }
}
try { dtp.call(1, 'number'); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(new Date({ [Symbol.toPrimitive]: () => 86400000 }).toISOString());

// Symbol.toStringTag.
class Tagged { get [Symbol.toStringTag]() { return 'Custom'; } }
class Plain {}
console.log(Object.prototype.toString.call(new Tagged()), String(new Tagged()), `${new Plain()}`);
console.log(new Tagged(), [new Tagged()], { nested: { deeper: { tagged: new Tagged() } } });
class TaggedField { constructor() { this.x = 1; } get [Symbol.toStringTag]() { return 'TF'; } }
console.log(new TaggedField(), { a: { b: { c: new TaggedField() } } }, { a: { b: { c: Object.assign(Object.create(null), { y: 1 }) } } });
console.log({ [Symbol.toStringTag]: 'Own', a: 1 }, Object.defineProperty(Object.create(null), Symbol.toStringTag, { value: 'Q' }));
const hidden = {};
Object.defineProperty(hidden, Symbol.toStringTag, { value: 'Hidden' });
console.log(hidden, Object.prototype.toString.call(hidden));
class SameName { get [Symbol.toStringTag]() { return 'SameName'; } }
console.log(new SameName(), Object.prototype.toString.call(new SameName()));
class NotString { get [Symbol.toStringTag]() { return 7; } }
console.log(new NotString(), Object.prototype.toString.call(new NotString()));
const ts = (v) => Object.prototype.toString.call(v);
console.log([new Map(), new Set(), new WeakMap(), new WeakSet(), Promise.resolve(), Symbol('s'), Math, JSON].map(ts).join(' '));
console.log([1, 'a', true, null, undefined, [], () => 1, new Error('e'), new Date(0), /r/, {}].map(ts).join(' '));
console.log([new Number(1), new String('s'), new Boolean(false)].map(ts).join(' '));
console.log(Map.prototype[Symbol.toStringTag], Math[Symbol.toStringTag], JSON[Symbol.toStringTag]);
const md = Object.getOwnPropertyDescriptor(Map.prototype, Symbol.toStringTag);
console.log(md.writable, md.enumerable, md.configurable);
console.log(Math.max(1, 2), Symbol.prototype, Map.prototype, [Math, JSON]);
function* gen() {}
console.log(ts(gen()));

// Symbol.hasInstance.
class Even { static [Symbol.hasInstance](n) { return n % 2 === 0; } }
console.log(2 instanceof Even, 3 instanceof Even, [] instanceof Array, {} instanceof Array);
const duck = { [Symbol.hasInstance]: (v) => v !== null && typeof v === 'object' && 'quack' in v };
console.log({ quack: 1 } instanceof duck, {} instanceof duck);
const truthy = { [Symbol.hasInstance]: () => 'yes' };
console.log(1 instanceof truthy);
const fhi = Function.prototype[Symbol.hasInstance];
console.log(fhi.name, fhi.length, fhi.call(Array, []), fhi.call(Object, 1), fhi.call({}, {}));
const hd = Object.getOwnPropertyDescriptor(Function.prototype, Symbol.hasInstance);
console.log(hd.writable, hd.enumerable, hd.configurable);
class Base {}
class Derived extends Base {}
console.log(new Derived() instanceof Base, new Base() instanceof Derived, Object.create(null) instanceof Object);
for (const rhs of [5, {}, { [Symbol.hasInstance]: 1 }]) {
  try { console.log(1 instanceof rhs); } catch (e) { console.log(e.constructor.name, e.message); }
}
try { ({}) instanceof { [Symbol.hasInstance]() { throw new Error('hook'); } }; } catch (e) { console.log(e.message); }

// Expected output (node 20):
// expect: default! forty-two forty-two 42 84 true true
// expect: 42 forty-two true default string string number number default number number string string
// expect: symbol Symbol(Symbol.toPrimitive) Symbol.toPrimitive
// expect: true 0 true
// expect: false false false symbol
// expect: 2 1
// expect: 6 ts
// expect: 21°C 22 true 42 21°C 21°C,21°C
// expect: TypeError number 1 is not a function
// expect: TypeError object is not a function
// expect: TypeError string "str" is not a function
// expect: TypeError boolean true is not a function
// expect: TypeError Cannot convert object to primitive value
// expect: RangeError from hook
// expect: [Symbol.toPrimitive] 1 string 0 true
// expect: 5 t
// expect: TypeError Invalid hint: x
// expect: TypeError Invalid hint: undefined
// expect: TypeError Method Date.prototype [ @@toPrimitive ] called on incompatible receiver 1
// expect: 1970-01-02T00:00:00.000Z
// expect: [object Custom] [object Custom] [object Object]
// expect: Tagged [Custom] {} [ Tagged [Custom] {} ] { nested: { deeper: { tagged: Tagged [Custom] {} } } }
// expect: TaggedField [TF] { x: 1 } { a: { b: { c: [TaggedField [TF]] } } } { a: { b: { c: [Object: null prototype] } } }
// expect: { a: 1, [Symbol(Symbol.toStringTag)]: 'Own' } [Object: null prototype] [Q] {}
// expect: Object [Hidden] {} [object Hidden]
// expect: SameName {} [object SameName]
// expect: NotString {} [object Object]
// expect: [object Map] [object Set] [object WeakMap] [object WeakSet] [object Promise] [object Symbol] [object Math] [object JSON]
// expect: [object Number] [object String] [object Boolean] [object Null] [object Undefined] [object Array] [object Function] [object Error] [object Date] [object RegExp] [object Object]
// expect: [object Number] [object String] [object Boolean]
// expect: Map Math JSON
// expect: false false true
// expect: 2 Object [Symbol] {} Object [Map] {} [ Object [Math] {}, Object [JSON] {} ]
// expect: [object Generator]
// expect: true false true false
// expect: true false
// expect: true
// expect: [Symbol.hasInstance] 1 true false false
// expect: false false false
// expect: true false false
// expect: TypeError Right-hand side of 'instanceof' is not an object
// expect: TypeError Right-hand side of 'instanceof' is not callable
// expect: TypeError number 1 is not a function
// expect: hook
