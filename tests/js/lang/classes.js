// Classes: constructors, methods, statics, getters/setters, inheritance and super.
class Animal {
  constructor(name) { this.name = name; }
  speak() { return `${this.name} makes a sound`; }
  get upper() { return this.name.toUpperCase(); }
  set nick(v) { this.name = v; }
  static create(n) { return new Animal(n); }
}
class Dog extends Animal {
  constructor(name, breed) { super(name); this.breed = breed; }
  speak() { return super.speak() + ' (woof)'; }
}
const d = new Dog('Rex', 'lab');
console.log(d.speak());
console.log(d.upper, d instanceof Dog, d instanceof Animal, d instanceof Object);
d.nick = 'Max';
console.log(d.name, Animal.create('Cat').speak());
console.log(d);
console.log(Dog, Animal, typeof Dog);
class Empty {}
console.log(new Empty(), Object.getPrototypeOf(d) === Dog.prototype);
class Base { constructor() { this.kind = 'base'; } }
class Derived extends Base {}
console.log(new Derived());
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.norm = function () { return Math.sqrt(this.x * this.x + this.y * this.y); };
const p = new Point(3, 4);
console.log(p.norm(), p);
class MyError extends Error {
  constructor(msg) { super(msg); this.name = 'MyError'; }
}
try { throw new MyError('bad'); } catch (e) { console.log(e.message, e.name, e instanceof MyError, e instanceof Error); }

// Expected output (node 20):
// expect: Rex makes a sound (woof)
// expect: REX true true true
// expect: Max Cat makes a sound
// expect: Dog { name: 'Max', breed: 'lab' }
// expect: [class Dog extends Animal] [class Animal] function
// expect: Empty {} true
// expect: Derived { kind: 'base' }
// expect: 5 Point { x: 3, y: 4 }
// expect: bad MyError true true
