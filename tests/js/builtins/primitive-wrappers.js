// Primitive wrapper objects (ECMA-262 §20.3.1 Boolean, §21.1.1 Number, §22.1.1 String, §7.1.18
// ToObject): `new Number(1)` etc. are objects holding the primitive; their valueOf/toString
// unwrap it, a String wrapper has read-only index properties and `length`, JSON.stringify
// unwraps them, and console.log shows node's "[Number: 1]" form.
const n = new Number(1), s = new String('ab'), b = new Boolean(false);
console.log(typeof n, typeof s, typeof b, n + 1, s + 'c', b ? 'truthy' : 'falsy', b.valueOf(), b.toString());
console.log(s.length, s[0], s[1], s[2], Object.keys(s), Object.getOwnPropertyNames(s), JSON.stringify({ n, s, b }));
console.log(Object(1).constructor.name, Object('s') instanceof String, Object(true) instanceof Boolean,
            Object.prototype.toString.call(new Number(2)), Object.prototype.toString.call(Object('')));
const o = {};
console.log(Object(o) === o, new Object(o) === o, typeof Object(null), typeof Object(), n == 1, n === 1,
            s.toUpperCase(), n.toFixed(2), new Number(7) === new Number(7));
console.log(true.toString(), false.valueOf(), String(Symbol('z')), typeof Object(Symbol('q')),
            Object(Symbol('q')).description, Number(), String(), Boolean());
class N extends Number { twice() { return this * 2; } }
console.log(new N(4).twice(), new N(4) instanceof Number, String(new String('x')), `${new Number(5)}`);
for (const k in new String('hi')) console.log('key', k);
console.log([...new String('héllo')].join('|'), new String('x') == 'x', Boolean(new Boolean(false)));
s[0] = 'z';
s.extra = 1;
console.log(s[0], s.length, Object.getOwnPropertyDescriptor(s, '0'), Object.getOwnPropertyDescriptor(s, 'length'));
console.log(new Number(1), new String('ab'), new Boolean(false), Object(1), Object('s'), [new Number(-0)]);
console.log(s, Object(Symbol('q')), new N(3), { w: new Boolean(true) }, new String(''));
for (const f of [() => Boolean.prototype.toString.call(1), () => new String(Symbol()),
                 () => Number.prototype.valueOf.call('1'), () => (function () { 'use strict'; s[1] = 'q'; })()]) {
  try { f(); } catch (e) { console.log(e.constructor.name, e.message); }
}
for (const w of [new Number(1), new Boolean(true)]) {
  Object.defineProperty(w, 'x', { value: 1 });
  try { (function () { 'use strict'; w.x = 2; })(); } catch (e) { console.log(e.message); }
}

// expect: object object object 2 abc truthy false false
// expect: 2 a b undefined [ '0', '1' ] [ '0', '1', 'length' ] {"n":1,"s":"ab","b":false}
// expect: Number true true [object Number] [object String]
// expect: true true object object true false AB 1.00 false
// expect: true false Symbol(z) object q 0  false
// expect: 8 true x 5
// expect: key 0
// expect: key 1
// expect: h|é|l|l|o true true
// expect: a 2 { value: 'a', writable: false, enumerable: true, configurable: false } { value: 2, writable: false, enumerable: false, configurable: false }
// expect: [Number: 1] [String: 'ab'] [Boolean: false] [Number: 1] [String: 's'] [ [Number: -0] ]
// expect: [String: 'ab'] { extra: 1 } [Symbol: Symbol(q)] [Number (N): 3] { w: [Boolean: true] } [String: '']
// expect: TypeError Boolean.prototype.toString requires that 'this' be a Boolean
// expect: TypeError Cannot convert a Symbol value to a string
// expect: TypeError Number.prototype.valueOf requires that 'this' be a Number
// expect: TypeError Cannot assign to read only property '1' of object '[object String]'
// expect: Cannot assign to read only property 'x' of object '[object Number]'
// expect: Cannot assign to read only property 'x' of object '[object Boolean]'
