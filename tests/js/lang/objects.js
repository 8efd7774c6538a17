// Objects: literals, shorthand, computed keys, spread, getters, delete, prototypes.
const name = 'Kaush', key = 'dyn';
const user = { name, age: 21, [key + 'amic']: true, 'quoted-key': 1, 42: 'num' };
console.log(user);
const copy = { ...user, age: 22 };
delete copy.name;
console.log(copy, Object.keys(copy));
const proto = { greet() { return 'hi ' + this.name; } };
const child = Object.create(proto);
child.name = 'child';
console.log(child.greet(), Object.getPrototypeOf(child) === proto, child.hasOwnProperty('greet'));
const counter = { n: 0, get next() { return ++this.n; }, set reset(v) { this.n = v; } };
counter.next; counter.next;
counter.reset = 10;
console.log(counter.next, counter);
console.log(Object.entries({ a: 1, b: [2] }), Object.values({ x: 'y' }), Object.assign({}, { a: 1 }, { b: 2 }));
const nested = { level1: { level2: { level3: { level4: 'deep' } } }, list: [[1, [2, [3]]]] };
console.log(nested);
console.log(JSON.stringify(nested), JSON.stringify({ a: [1, 'x', null, true], u: undefined }, null, 2));
console.log(JSON.parse('{"a":[1,2,{"b":"c"}],"d":null}'));
const many = {};
for (let i = 0; i < 30; i++) many['k' + i] = i;
let total = 0;
for (const k in many) total += many[k];
console.log(total, Object.keys(many).length);
const shapes = [];
for (let i = 0; i < 5; i++) shapes.push({ x: i, y: i * 2 });
console.log(shapes.map(p => p.x + p.y));

// Expected output (node 20):
// expect: { '42': 'num', name: 'Kaush', age: 21, dynamic: true, 'quoted-key': 1 }
// expect: { '42': 'num', age: 22, dynamic: true, 'quoted-key': 1 } [ '42', 'age', 'dynamic', 'quoted-key' ]
// expect: hi child true false
// expect: 11 { n: 11, next: [Getter], reset: [Setter] }
// expect: [ [ 'a', 1 ], [ 'b', [ 2 ] ] ] [ 'y' ] { a: 1, b: 2 }
// expect: { level1: { level2: { level3: [Object] } }, list: [ [ 1, [Array] ] ] }
// expect: {"level1":{"level2":{"level3":{"level4":"deep"}}},"list":[[1,[2,[3]]]]} {
// expect:   "a": [
// expect:     1,
// expect:     "x",
// expect:     null,
// expect:     true
// expect:   ]
// expect: }
// expect: { a: [ 1, 2, { b: 'c' } ], d: null }
// expect: 435 30
// expect: [ 0, 3, 6, 9, 12 ]
