// Class fields: public/static/private fields, private methods and accessors, static blocks,
// initializer order around super(), `this` in initializers, brand checks with node's errors.
const log = [];
const t = (f) => { try { f(); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } };

class Point {
  x = 1;
  y;
  ['z' + 1] = 3;
  42 = 'num';
  'quoted key' = true;
  sum = this.x + 10;
  static origin = new Point();
  static count = 0;
  constructor() { Point.count = (Point.count || 0) + 1; }
}
const p = new Point();
console.log(p);
console.log(Object.keys(p), JSON.stringify(p), p.y === undefined, 'y' in p);
console.log(Point.origin instanceof Point, Point.count);

// Initializer order: base fields before the base constructor body; derived fields right after
// super() returns; computed keys evaluated once, at class definition, in order.
let keyEvaluations = 0;
class Base {
  a = (log.push('Base.a'), 1);
  constructor() { log.push('Base ctor sees a=' + this.a + ' b=' + this.b); }
}
class Derived extends Base {
  b = (log.push('Derived.b'), this.a + 1);
  [(keyEvaluations++, 'c')] = 3;
  constructor() {
    log.push('before super');
    super();
    log.push('after super b=' + this.b);
  }
}
new Derived();
new Derived();
console.log(log.join(' | '));
console.log(keyEvaluations, JSON.stringify(new Derived()));

// Derived class without a constructor passes its arguments through.
class Named extends Base { label = 'n:' + this.a; }
class WithArgs { constructor(a, b) { this.args = [a, b]; } }
class PassThrough extends WithArgs { extra = this.args.join('+'); }
console.log(new Named().label, new PassThrough(1, 2).extra);

// Arrow functions in initializers capture the instance; names of anonymous functions.
class Counter {
  count = 0;
  inc = () => ++this.count;
  named = function () {};
  static fn = () => this.name;
}
const c = new Counter();
const inc = c.inc;
inc(); inc();
console.log(c.count, c.inc.name, c.named.name, Counter.fn(), Counter.fn.name);

// Private fields, methods, accessors, static privates, `#x in obj`.
class Account {
  #balance = 0;
  static #instances = 0;
  #log = [];
  constructor(owner) { this.owner = owner; Account.#instances++; }
  #record(kind, n) { this.#log.push(kind + n); }
  deposit(n) { this.#balance += n; this.#record('+', n); return this; }
  get balance() { return this.#balance; }
  get #secret() { return 'secret of ' + this.owner; }
  set #limit(v) { this.#balance = Math.min(this.#balance, v); }
  cap(v) { this.#limit = v; return this.#secret; }
  history() { return this.#log.join(','); }
  static count() { return Account.#instances; }
  static isAccount(o) { return #balance in o; }
  static #helper() { return 'static private method'; }
  static callHelper() { return this.#helper(); }
  static peek(o) { return o.#balance; }
  static poke(o) { o.#balance = 1; }
  static callRecord(o) { return o.#record; }
  static writeMethod(o) { o.#record = 1; }
  static writeGetter(o) { o.#secret = 1; }
  static readSetter(o) { return o.#limit; }
}
const acct = new Account('ann').deposit(5).deposit(7);
console.log(acct.balance, acct.history(), acct.cap(10), acct.balance, Account.count());
console.log(acct, Object.keys(acct), JSON.stringify(acct));
console.log(Account.isAccount(acct), Account.isAccount({}), Account.callHelper());
console.log({ ...acct }, Object.assign({}, acct));
const inspectKeys = [];
for (const k in acct) inspectKeys.push(k);
console.log(inspectKeys);
t(() => Account.peek({}));
t(() => Account.poke({}));

t(() => Account.writeMethod(acct));
t(() => Account.writeGetter(acct));
t(() => Account.readSetter(acct));
t(() => Account.isAccount(1));
t(() => Account.peek(undefined));
t(() => Account.poke(null));
console.log(typeof Account.callRecord(acct));

// Private names are per class evaluation: two evaluations of one class body are different.
function makeClass() { return class { #v = 1; static read(o) { return o.#v; } }; }
const K1 = makeClass(), K2 = makeClass();
console.log(K1.read(new K1()));
t(() => K1.read(new K2()));

// A returned-override base lets a derived class stamp fields on a foreign object: twice fails.
class ReturnsArg { constructor(o) { return o; } }
class Stamp extends ReturnsArg { #mark = 1; static has(o) { return #mark in o; } }
class Stamp2 extends ReturnsArg { #m() {} }
const target = {};
new Stamp(target);
console.log(Stamp.has(target), Object.keys(target));
t(() => new Stamp(target));
const target2 = {};
new Stamp2(target2);
t(() => new Stamp2(target2));

// Static blocks run in order with static fields, `this` is the class.
class Config {
  static a = 1;
  static { this.b = this.a + 1; log.length = 0; log.push('block1'); }
  static c = this.b * 10;
  static #hidden = 'h';
  static { log.push('block2 ' + Config.#hidden + ' ' + this.c); }
}
console.log(Config.a, Config.b, Config.c, log.join(','));

// Fields shadow accessors of the prototype chain (define, not set); super in initializers.
class Proto { set v(x) { log.push('setter called'); } get greeting() { return 'hi'; } }
class Shadow extends Proto { v = 5; g = super.greeting + '!'; }
log.length = 0;
const s = new Shadow();
console.log(s.v, s.g, log.length, Object.keys(s));

// Nested classes see the outer class's private names.
class Outer {
  #secret = 'outer';
  static inner() { return class { read(o) { return o.#secret; } }; }
}
const Inner = Outer.inner();
console.log(new Inner().read(new Outer()));
t(() => new Inner().read(new Inner()));

// Private fields on many instances survive GCs (objects move: keys stay attached).
class Node2 { #next; #value; constructor(v, n) { this.#value = v; this.#next = n; }
  sum() { let s = 0; for (let n = this; n; n = n.#next) s += n.#value; return s; } }
let list = null;
for (let i = 1; i <= 2000; i++) { list = new Node2(i, list); if (i % 500 === 0) { const junk = []; for (let j = 0; j < 2000; j++) junk.push({ j }); } }
console.log(list.sum());
class Getters { #a = 1; get a() { return this.#a; } set a(v) { this.#a = v; } }
const gs = [];
for (let i = 0; i < 300; i++) { const g = new Getters(); g.a = i; gs.push(g); }
console.log(gs.reduce((s, g) => s + g.a, 0));
console.log(new Getters(), [new Getters()]);
// expect: Point {
// expect:   '42': 'num',
// expect:   x: 1,
// expect:   y: undefined,
// expect:   z1: 3,
// expect:   'quoted key': true,
// expect:   sum: 11
// expect: }
// expect: [ '42', 'x', 'y', 'z1', 'quoted key', 'sum' ] {"42":"num","x":1,"z1":3,"quoted key":true,"sum":11} true true
// expect: true 1
// expect: before super | Base.a | Base ctor sees a=1 b=undefined | Derived.b | after super b=2 | before super | Base.a | Base ctor sees a=1 b=undefined | Derived.b | after super b=2
// expect: 1 {"a":1,"b":2,"c":3}
// expect: n:1 1+2
// expect: 2 inc named Counter fn
// expect: 12 +5,+7 secret of ann 10 1
// expect: Account { owner: 'ann' } [ 'owner' ] {"owner":"ann"}
// expect: true false static private method
// expect: { owner: 'ann' } { owner: 'ann' }
// expect: [ 'owner' ]
// expect: TypeError: Cannot read private member #balance from an object whose class did not declare it
// expect: TypeError: Cannot write private member #balance to an object whose class did not declare it
// expect: TypeError: Private method '#record' is not writable
// expect: TypeError: '#secret' was defined without a setter
// expect: TypeError: '#limit' was defined without a getter
// expect: TypeError: Cannot use 'in' operator to search for '#balance' in 1
// expect: TypeError: Cannot read properties of undefined (reading '#balance')
// expect: TypeError: Cannot set properties of null (setting '#balance')
// expect: function
// expect: 1
// expect: TypeError: Cannot read private member #v from an object whose class did not declare it
// expect: true []
// expect: TypeError: Cannot initialize #mark twice on the same object
// expect: TypeError: Cannot initialize private methods of class Stamp2 twice on the same object
// expect: 1 2 20 block1,block2 h 20
// expect: 5 hi! 0 [ 'v', 'g' ]
// expect: outer
// expect: TypeError: Cannot read private member #secret from an object whose class did not declare it
// expect: 2001000
// expect: 44850
// expect: Getters {} [ Getters {} ]
