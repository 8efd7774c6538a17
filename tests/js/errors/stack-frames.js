// Stack frame names as V8 prints them (node 20): the receiver's type before a method's name
// (`Object.method`, `Foo.inst`, `Foo.stat` for a static method), `new Foo`, ` [as alias]` when the
// function was reached through another property, builtins that call back as
// `Array.map (<anonymous>)`, and the names V8 leaves alone (`get g [as g]`, `[desc]`).
function frames(f, count = 1) {
  try {
    f();
  } catch (e) {
    const lines = e.stack.split('\n').slice(1, 1 + count);
    console.log(lines.map((l) => l.trim().replaceAll(__filename, 'F')).join(' | '));
  }
}
const obj = { method() { throw new Error('m'); } };
frames(() => obj.method());
class Foo {
  constructor(x) { if (x) throw new Error('ctor'); }
  inst() { throw new Error('inst'); }
  static stat() { throw new Error('stat'); }
  get g() { throw new Error('getter'); }
  set s(v) { throw new Error('setter'); }
}
frames(() => new Foo(1));
frames(() => new Foo().inst());
frames(() => Foo.stat());
frames(() => new Foo().g);
frames(() => { new Foo().s = 1; });
function plain() { throw new Error('plain'); }
frames(() => plain());
const alias = { other: plain };
frames(() => alias.other());
const o2 = { named: function inner() { throw new Error('inner'); } };
frames(() => o2.named());
frames(() => [1].map(function cb() { throw new Error('cb'); }), 3);
frames(() => [1].map(() => { throw new Error('arrow'); }), 2);
frames(() => [1].forEach((x) => obj.method()), 3);
class Bar extends Foo { sub() { return this.inst(); } }
frames(() => new Bar().sub(), 2);
const proto = Object.create({ pm() { throw new Error('pm'); } });
frames(() => proto.pm());
function F() {}
F.prototype.m = function () { throw new Error('anonproto'); };
frames(() => new F().m());
frames(() => plain.call({}));
frames(() => plain.call(null));
frames(() => plain.call(5));
frames(() => plain.apply('s'));
frames(() => obj.method.call([]));
frames(() => JSON.parse('{'), 2);
frames(() => JSON.stringify({ toJSON() { throw new Error('tj'); } }), 3);
frames(() => [3, 1, 2].sort((a, b) => { throw new Error('sort'); }), 2);
frames(() => [].reduce((a, b) => a), 2);
frames(() => Object.keys(null), 2);
frames(() => new Map([[1, 2]]).forEach(plain), 2);
frames(() => 'a'.replace('a', plain), 2);
frames(() => Reflect.apply(plain, undefined, []), 2);
const boundPlain = plain.bind(null);
frames(() => boundPlain(), 2);
frames(() => new Array(-1), 1);
const sym = Symbol('desc');
const withSymbol = { [sym]() { throw new Error('sym'); } };
frames(() => withSymbol[sym]());
const arrows = { f: () => { throw new Error('arrow method'); } };
frames(() => arrows.f());
const viaGetter = { get f() { return [function () { throw new Error('unreachable name'); }][0]; } };
frames(() => viaGetter.f());
const renamed = { f: function () { throw new Error('renamed'); } };
Object.defineProperty(renamed.f, 'name', { value: 'a.b' });
frames(() => renamed.f());
const twice = { a: plain, b: plain };
frames(() => twice.a());
class Named {}
function strictThis() { 'use strict'; throw new Error('this'); }
frames(() => strictThis.call(new Named()));
frames(() => strictThis.call(Object.create(Foo.prototype)));
frames(() => strictThis.call(Math));
frames(() => strictThis.call(new Map()));
frames(() => strictThis.call(true));
frames(() => strictThis.call(function named() {}));
frames(() => strictThis.call(globalThis));
frames(() => strictThis.call(undefined));

// expect: at Object.method (F:13:32)
// expect: at new Foo (F:16:33)
// expect: at Foo.inst (F:17:18)
// expect: at Foo.stat (F:18:25)
// expect: at get g [as g] (F:19:19)
// expect: at set s [as s] (F:20:20)
// expect: at plain (F:27:26)
// expect: at Object.plain [as other] (F:27:26)
// expect: at Object.inner [as named] (F:31:46)
// expect: at cb (F:33:44) | at Array.map (<anonymous>) | at F:33:18
// expect: at F:34:36 | at Array.map (<anonymous>)
// expect: at Object.method (F:13:32) | at F:35:37 | at Array.forEach (<anonymous>)
// expect: at Bar.inst (F:17:18) | at Bar.sub (F:36:45)
// expect: at Object.pm (F:38:44)
// expect: at F.m (F:41:37)
// expect: at Object.plain (F:27:26)
// expect: at plain (F:27:26)
// expect: at Number.plain (F:27:26)
// expect: at String.plain (F:27:26)
// expect: at Array.method (F:13:32)
// expect: at JSON.parse (<anonymous>) | at F:48:19
// expect: at Object.toJSON (F:49:48) | at JSON.stringify (<anonymous>) | at F:49:19
// expect: at F:50:47 | at Array.sort (<anonymous>)
// expect: at Array.reduce (<anonymous>) | at F:51:17
// expect: at Function.keys (<anonymous>) | at F:52:21
// expect: at plain (F:27:26) | at Map.forEach (<anonymous>)
// expect: at plain (F:27:26) | at String.replace (<anonymous>)
// expect: at plain (F:27:26) | at F:55:22
// expect: at plain (F:27:26) | at F:57:14
// expect: at F:58:14
// expect: at [desc] (F:60:38)
// expect: at Object.f (F:62:35)
// expect: at Object.<anonymous> (F:64:59)
// expect: at a.b [as f] (F:66:42)
// expect: at Object.plain (F:27:26)
// expect: at Named.strictThis (F:72:45)
// expect: at Foo.strictThis (F:72:45)
// expect: at Math.strictThis (F:72:45)
// expect: at Map.strictThis (F:72:45)
// expect: at Boolean.strictThis (F:72:45)
// expect: at Function.strictThis (F:72:45)
// expect: at strictThis (F:72:45)
// expect: at strictThis (F:72:45)
