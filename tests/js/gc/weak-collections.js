// flags: --expose-gc
// WeakMap/WeakSet entries are ephemerons: an entry whose key is otherwise unreachable is dropped
// by a full GC and does not keep its value alive, even when the value points back at the key.
// WeakRef targets stay alive until the end of the current job (a timer task here).
let key = { name: 'key' };
let value = { payload: 'value', back: null };
value.back = key;  // value -> key: a strong map would keep both alive forever
const wm = new WeakMap([[key, value]]);
const ws = new WeakSet([key]);
const keyRef = new WeakRef(key);
const valueRef = new WeakRef(value);
value = null;
console.log(wm.get(key).payload, wm.has(key), ws.has(key), wm.has({}));  // expect: value true true false
console.log(wm.delete({}), ws.delete(key), ws.has(key), ws.add(key) === ws);  // expect: false true false true
try {
  wm.set(1, 2);
} catch (e) {
  console.log(e instanceof TypeError, e.message);  // expect: true Invalid value used as weak map key
}
try {
  ws.add('s');
} catch (e) {
  console.log(e.message);  // expect: Invalid value used in weak set
}
console.log(wm, ws);  // expect: WeakMap { <items unknown> } WeakSet { <items unknown> }

// Many entries with big values: dropping the keys lets a full GC reclaim the values.
const bulk = new WeakMap();
let keys = [];
for (let i = 0; i < 200; i++) {
  const k = { i };
  keys.push(k);
  bulk.set(k, new Array(1000).fill(i));
}
const survivor = keys[17];
setTimeout(() => {
  gc();
  const before = process.memoryUsage().heapUsed;
  key = null;
  keys = null;
  gc();
  const after = process.memoryUsage().heapUsed;
  console.log(before - after > 200 * 1000 * 4);  // expect: true
  console.log(bulk.get(survivor).length, bulk.get(survivor)[0]);  // expect: 1000 17
  console.log(keyRef.deref(), valueRef.deref());  // expect: undefined undefined
}, 0);
