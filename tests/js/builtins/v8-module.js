// require('v8') is a module object like node's: enumerable exports in node's order, functions
// that inspect by name, node's ERR_* validation; getHeapCodeStatistics, setFlagsFromString,
// setHeapSnapshotNearHeapLimit, cachedDataVersionTag.
const v8 = require('v8');
const implemented = ['cachedDataVersionTag', 'getHeapStatistics', 'getHeapSpaceStatistics',
  'getHeapCodeStatistics', 'setFlagsFromString', 'writeHeapSnapshot', 'queryObjects',
  'setHeapSnapshotNearHeapLimit', 'GCProfiler'];
console.log(Object.keys(v8).filter((k) => implemented.includes(k)).join());
console.log(implemented.every((k) => Object.getOwnPropertyDescriptor(v8, k).enumerable));
console.log(implemented.map((k) => v8[k].length).join());
console.log({ getHeapStatistics: v8.getHeapStatistics, GCProfiler: v8.GCProfiler });
console.log(require('node:v8') === v8);

const code = v8.getHeapCodeStatistics();
console.log(Object.keys(code));
console.log(Object.values(code).every((n) => Number.isInteger(n) && n >= 0));
console.log(code.bytecode_and_metadata_size > 0, code.external_script_source_size > 0);

const tag = v8.cachedDataVersionTag();
console.log(typeof tag, Number.isInteger(tag) && tag >= 0 && tag <= 0xffffffff, tag === v8.cachedDataVersionTag());

console.log(v8.setFlagsFromString('--no-trace-gc'), v8.setFlagsFromString(''));
for (const bad of [1, undefined, null]) {
  try { v8.setFlagsFromString(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}

for (const bad of ['a', -1, 0, 1.5, 2 ** 32]) {
  try { v8.setHeapSnapshotNearHeapLimit(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(v8.setHeapSnapshotNearHeapLimit(1), v8.setHeapSnapshotNearHeapLimit(2));

// Expected output (node 20):
// expect: cachedDataVersionTag,getHeapStatistics,getHeapSpaceStatistics,getHeapCodeStatistics,setFlagsFromString,writeHeapSnapshot,queryObjects,setHeapSnapshotNearHeapLimit,GCProfiler
// expect: true
// expect: 0,0,0,0,1,2,1,1,0
// expect: {
// expect:   getHeapStatistics: [Function: getHeapStatistics],
// expect:   GCProfiler: [class GCProfiler]
// expect: }
// expect: true
// expect: [
// expect:   'code_and_metadata_size',
// expect:   'bytecode_and_metadata_size',
// expect:   'external_script_source_size',
// expect:   'cpu_profiler_metadata_size'
// expect: ]
// expect: true
// expect: true true
// expect: number true true
// expect: undefined undefined
// expect: TypeError ERR_INVALID_ARG_TYPE The "flags" argument must be of type string. Received type number (1)
// expect: TypeError ERR_INVALID_ARG_TYPE The "flags" argument must be of type string. Received undefined
// expect: TypeError ERR_INVALID_ARG_TYPE The "flags" argument must be of type string. Received null
// expect: TypeError ERR_INVALID_ARG_TYPE The "limit" argument must be of type number. Received type string ('a')
// expect: RangeError ERR_OUT_OF_RANGE The value of "limit" is out of range. It must be >= 1 && <= 4294967295. Received -1
// expect: RangeError ERR_OUT_OF_RANGE The value of "limit" is out of range. It must be >= 1 && <= 4294967295. Received 0
// expect: RangeError ERR_OUT_OF_RANGE The value of "limit" is out of range. It must be an integer. Received 1.5
// expect: RangeError ERR_OUT_OF_RANGE The value of "limit" is out of range. It must be >= 1 && <= 4294967295. Received 4294967296
// expect: undefined undefined
