// Seed: monitoring memory — process.memoryUsage() and v8.getHeapStatistics().
// Run: tenure 07-heap-statistics.js
const v8 = require('v8');
const stats = v8.getHeapStatistics();
console.log('heap_size_limit (MB):', (stats.heap_size_limit / 1048576).toFixed(0));
console.log('used_heap_size (MB):', (stats.used_heap_size / 1048576).toFixed(2));
for (const space of v8.getHeapSpaceStatistics()) {
  console.log(space.space_name, space.space_used_size);
}
