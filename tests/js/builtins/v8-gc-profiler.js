// flags: --expose-gc
// new v8.GCProfiler(): start()/stop() return node's { version, startTime, statistics, endTime }
// with one entry per GC ({ gcType, beforeGC, cost, afterGC }). Times are not compared; the
// structure and invariants are.
const v8 = require('v8');
const profiler = new v8.GCProfiler();
console.log(profiler, Object.getOwnPropertyNames(v8.GCProfiler.prototype), Object.keys(profiler));
console.log(profiler.stop());
const before = Date.now();
profiler.start();
profiler.start();  // already started: ignored
// Few allocations while profiling: under --gc-interval=2 every allocation pair is a GC, and
// each GC is one more record for stop() to turn into objects. The garbage is made in a function
// so that no register of this frame keeps it.
function churn() { const g = new Array(5000).fill(0); return g.length; }
gc();
churn();
gc();
const result = profiler.stop();
const after = Date.now();
console.log(Object.keys(result), result.version);
console.log(result.startTime >= before - 1, result.startTime <= result.endTime, result.endTime <= after + 1);
const stats = result.statistics;
console.log(Array.isArray(stats), stats.length >= 2);
console.log(stats.every((s) => ['Scavenge', 'MarkSweepCompact'].includes(s.gcType)));
console.log(stats.filter((s) => s.gcType === 'MarkSweepCompact').length >= 2);
const entry = stats.find((s) => s.gcType === 'MarkSweepCompact');
console.log(Object.keys(entry), typeof entry.cost, entry.cost >= 0);
console.log(Object.keys(entry.beforeGC), Object.keys(entry.afterGC));
console.log(Object.keys(entry.beforeGC.heapStatistics));
const spaces = entry.afterGC.heapSpaceStatistics;
console.log(Object.keys(spaces[0]), spaces.some((s) => s.spaceName === 'old_space'));
const sizesOk = (sample) => sample.heapStatistics.usedHeapSize > 0 &&
    sample.heapStatistics.usedHeapSize <= sample.heapStatistics.totalHeapSize &&
    sample.heapSpaceStatistics.every((s) => s.spaceUsedSize >= 0 && typeof s.spaceName === 'string');
console.log(stats.every((s) => sizesOk(s.beforeGC) && sizesOk(s.afterGC)));
// (No check that usedHeapSize drops across a full GC: tenure sweeps lazily, so the epilogue's
// sample still counts the pages not swept yet; node's drops.)
console.log(profiler.stop());

// A stopped profiler records nothing more; a restarted one starts a new session.
gc();
profiler.start();
const second = profiler.stop();
console.log(second.statistics.length, second.version);
try { v8.GCProfiler(); } catch (e) { console.log(e.name, e.message); }


// Expected output (node 20):
// expect: GCProfiler {} [ 'constructor', 'start', 'stop' ] []
// expect: undefined
// expect: [ 'version', 'startTime', 'statistics', 'endTime' ] 1
// expect: true true true
// expect: true true
// expect: true
// expect: true
// expect: [ 'gcType', 'beforeGC', 'cost', 'afterGC' ] number true
// expect: [ 'heapStatistics', 'heapSpaceStatistics' ] [ 'heapStatistics', 'heapSpaceStatistics' ]
// expect: [
// expect:   'totalHeapSize',
// expect:   'totalHeapSizeExecutable',
// expect:   'totalPhysicalSize',
// expect:   'totalAvailableSize',
// expect:   'totalGlobalHandlesSize',
// expect:   'usedGlobalHandlesSize',
// expect:   'usedHeapSize',
// expect:   'heapSizeLimit',
// expect:   'mallocedMemory',
// expect:   'externalMemory',
// expect:   'peakMallocedMemory'
// expect: ]
// expect: [
// expect:   'spaceName',
// expect:   'spaceSize',
// expect:   'spaceUsedSize',
// expect:   'spaceAvailableSize',
// expect:   'physicalSpaceSize'
// expect: ] true
// expect: true
// expect: undefined
// expect: 0 1
// expect: TypeError Class constructor GCProfiler cannot be invoked without 'new'
