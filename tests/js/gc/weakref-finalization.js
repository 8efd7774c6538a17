// flags: --expose-gc
// WeakRef: deref() keeps the target for the rest of the job; a GC in a later job that finds it
// unreachable clears it. FinalizationRegistry: cleanup callbacks run as tasks after such a GC,
// never for unregistered cells, never inside the GC itself.
const log = [];
const registry = new FinalizationRegistry((held) => log.push('cleanup ' + held));
let target = { name: 'target' };
const ref = new WeakRef(target);
let token = {};
(function () {
  registry.register({}, 'temp-1');
  registry.register({}, 'temp-2');
  registry.register({}, 'unregistered', token);
  registry.register(target, 'target');
})();
console.log(registry.unregister(token), registry.unregister({}));  // expect: true false
gc();
console.log(ref.deref() === target, log.length);  // expect: true 0
target = null;
gc();
console.log(ref.deref() !== undefined);  // same job: still kept alive  // expect: true
try {
  new WeakRef(1);
} catch (e) {
  console.log(e instanceof TypeError, e.message);  // expect: true WeakRef: invalid target
}
try {
  registry.register(token, token);
} catch (e) {
  console.log(e.message);  // expect: FinalizationRegistry.prototype.register: target and holdings must not be same
}
try {
  new FinalizationRegistry(1);
} catch (e) {
  console.log(e.message);  // expect: FinalizationRegistry: cleanup must be callable
}
setTimeout(() => {
  gc();
  console.log(ref.deref());  // expect: undefined
  setTimeout(() => {
    log.sort();
    console.log(log);  // expect: [ 'cleanup target', 'cleanup temp-1', 'cleanup temp-2' ]
    console.log(typeof registry);  // expect: object
  }, 20);
}, 0);
