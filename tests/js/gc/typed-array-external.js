// flags: --expose-gc
// ArrayBuffer backing stores live outside the heap like Buffer's: process.memoryUsage()
// .arrayBuffers counts them while any view keeps the ArrayBuffer alive, and falls after the last
// view died and a GC ran. Views read the same bytes after GCs move them.
const MiB = 1024 * 1024;
const before = process.memoryUsage().arrayBuffers;
let arrays = [];
for (let i = 0; i < 8; i++) arrays.push(new Float64Array(MiB / 8).fill(i));
const kept = new Uint8Array(new ArrayBuffer(2 * MiB)).subarray(MiB, MiB + 4);  // keeps 2 MiB alive
kept.fill(42);
const during = process.memoryUsage().arrayBuffers;
console.log(during - before >= 10 * MiB, arrays[5][MiB / 8 - 1], kept.buffer.byteLength);  // expect: true 5 2097152
arrays = null;
gc();
setTimeout(() => {
  gc();
  const after = process.memoryUsage().arrayBuffers;
  console.log(during - after >= 8 * MiB, after - before > MiB, kept[3], kept.byteOffset);  // expect: true true 42 1048576
}, 10);
