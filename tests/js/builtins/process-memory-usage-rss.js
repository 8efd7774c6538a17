// process.memoryUsage.rss(): the resident set size alone (node 20), an own enumerable function
// property of process.memoryUsage; it agrees with memoryUsage().rss.
const f = process.memoryUsage.rss;
console.log(f, Object.keys(process.memoryUsage), f.length);
const rss = process.memoryUsage.rss();
console.log(Number.isInteger(rss), rss > 1e6, Math.abs(rss - process.memoryUsage().rss) < 64 * 1024 * 1024);
// expect: [Function: rss] [ 'rss' ] 0
// expect: true true true
