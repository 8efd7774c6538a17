// Seed leak #1: global variables are never released.
// Run: tenure --expose-gc --trace-gc 02-global-variables.js
global.cache = [];
for (let i = 0; i < 50; i++) global.cache.push(new Array(10000).fill(i));
gc();
console.log('heapUsed with global.cache (MB):', (process.memoryUsage().heapUsed / 1048576).toFixed(1));
global.cache = null;
gc();
console.log('heapUsed after clearing it (MB):', (process.memoryUsage().heapUsed / 1048576).toFixed(1));
