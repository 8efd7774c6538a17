// `__proto__: value` in an object literal sets the prototype (object or null; other values are
// ignored); shorthand and computed `__proto__` keys define an own property, as in node.
const base = { hello() { return 'hi ' + this.name; } };
const o = { __proto__: base, name: 'ann' };
console.log(o.hello(), Object.getPrototypeOf(o) === base, Object.keys(o), o.hasOwnProperty('__proto__'));
const n = { __proto__: null, x: 1 };
console.log(Object.getPrototypeOf(n), 'x' in n, typeof n.toString);
const s = { '__proto__': base };
console.log(Object.getPrototypeOf(s) === base);
const ignored = { __proto__: 42, y: 2 };
console.log(Object.getPrototypeOf(ignored) === Object.prototype, ignored.y);
const __proto__ = base;
const short = { __proto__ };
console.log(Object.getPrototypeOf(short) === Object.prototype, Object.keys(short), short.__proto__ === base);
const computed = { ['__proto__']: base };
console.log(Object.getPrototypeOf(computed) === Object.prototype, Object.keys(computed));
function make(p) { return { __proto__: p, k: 1 }; }
const a = make(base), b = make({ hello() { return 'other'; } });
console.log(a.hello(), b.hello(), a.k + b.k);
// expect: hi ann true [ 'name' ] false
// expect: null true undefined
// expect: true
// expect: true 2
// expect: true [ '__proto__' ] true
// expect: true [ '__proto__' ]
// expect: hi undefined other 2
