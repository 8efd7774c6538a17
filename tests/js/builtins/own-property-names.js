// Object.getOwnPropertyNames: every own string key, enumerable or not, in ECMA-262
// OrdinaryOwnPropertyKeys order (array indices ascending, then other strings in creation
// order); Reflect.ownKeys adds the symbols; Object.create / defineProperties honour
// symbol-keyed descriptors.
const o = { b: 1, 2: 'two', a: 2, 0: 'zero' };
Object.defineProperty(o, 'hidden', { value: 3, enumerable: false });
console.log(Object.getOwnPropertyNames(o));
console.log(Object.keys(o));

const arr = [10, , 30];
arr.extra = true;
console.log(Object.getOwnPropertyNames(arr));
console.log(Object.getOwnPropertyNames([]));
console.log(Object.getOwnPropertyNames('ab'));
console.log(Object.getOwnPropertyNames(5), Object.getOwnPropertyNames(true));

const arrow = (x, y) => x;
console.log(Object.getOwnPropertyNames(arrow));
class C { m() {} static s() {} }
console.log(Object.getOwnPropertyNames(C), Object.getOwnPropertyNames(C.prototype));
console.log(Object.getOwnPropertyNames(new C()));
console.log(Object.getOwnPropertyNames(Object.create(null)));
const withName = () => 1;
Object.defineProperty(withName, 'name', { value: 'renamed' });
console.log(withName.name, Object.getOwnPropertyNames(withName).includes('name'));
console.log(Object.getOwnPropertyDescriptor(arrow, 'length'));
console.log(Object.getOwnPropertyDescriptor(arrow, 'name'));

const sym = Symbol('k');
const hiddenSym = Symbol('h');
const o2 = { z: 1, [sym]: 2 };
Object.defineProperty(o2, hiddenSym, { value: 3, enumerable: false });
console.log(Object.getOwnPropertyNames(o2));
console.log(Reflect.ownKeys(o2));
console.log(Object.getOwnPropertySymbols(o2));
console.log(Reflect.ownKeys(arr));

// Symbol-keyed descriptors in Object.create and Object.defineProperties.
const created = Object.create({ inherited: 1 }, {
  [sym]: { value: 'sv', enumerable: true },
  plain: { value: 'pv' },
});
console.log(created[sym], created.plain, Reflect.ownKeys(created));
console.log(Object.getOwnPropertyDescriptor(created, sym));
const target = {};
Object.defineProperties(target, {
  [sym]: { get() { return 'from getter'; }, enumerable: true, configurable: true },
  n: { value: 1, writable: true },
});
console.log(target[sym], target.n, Reflect.ownKeys(target));
// A non-enumerable descriptor entry is skipped, as node does.
const props = {};
Object.defineProperty(props, hiddenSym, { value: { value: 'skipped' }, enumerable: false });
Object.defineProperty(props, 'visible', { value: { value: 'kept' }, enumerable: true });
const fromProps = Object.create(null, props);
console.log(Reflect.ownKeys(fromProps), fromProps.visible);
const descs = Object.getOwnPropertyDescriptors(o2);
console.log(Reflect.ownKeys(descs), descs[sym], descs[hiddenSym].enumerable);
try {
  Object.getOwnPropertyNames(undefined);
} catch (e) {
  console.log(e instanceof TypeError, e.message);
}
// expect: [ '0', '2', 'b', 'a', 'hidden' ]
// expect: [ '0', '2', 'b', 'a' ]
// expect: [ '0', '2', 'length', 'extra' ]
// expect: [ 'length' ]
// expect: [ '0', '1', 'length' ]
// expect: [] []
// expect: [ 'length', 'name' ]
// expect: [ 'length', 'name', 'prototype', 's' ] [ 'constructor', 'm' ]
// expect: []
// expect: []
// expect: renamed true
// expect: { value: 2, writable: false, enumerable: false, configurable: true }
// expect: {
// expect:   value: 'arrow',
// expect:   writable: false,
// expect:   enumerable: false,
// expect:   configurable: true
// expect: }
// expect: [ 'z' ]
// expect: [ 'z', Symbol(k), Symbol(h) ]
// expect: [ Symbol(k), Symbol(h) ]
// expect: [ '0', '2', 'length', 'extra' ]
// expect: sv pv [ 'plain', Symbol(k) ]
// expect: { value: 'sv', writable: false, enumerable: true, configurable: false }
// expect: from getter 1 [ 'n', Symbol(k) ]
// expect: [ 'visible' ] kept
// expect: [ 'z', Symbol(k), Symbol(h) ] { value: 2, writable: true, enumerable: true, configurable: true } false
// expect: true Cannot convert undefined or null to object
