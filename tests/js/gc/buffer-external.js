// flags: --expose-gc
// Buffer backing stores live outside the heap: process.memoryUsage().external and .arrayBuffers
// count them while the Buffers live and fall after they die and a GC ran.
const MiB = 1024 * 1024;
const before = process.memoryUsage();
let buffers = [];
for (let i = 0; i < 10; i++) buffers.push(Buffer.alloc(MiB, i));
const during = process.memoryUsage();
console.log(during.external - before.external >= 10 * MiB);  // expect: true
console.log(during.arrayBuffers - before.arrayBuffers >= 10 * MiB);  // expect: true
console.log(buffers[7][MiB - 1], buffers[3].length);  // expect: 7 1048576
buffers = null;
gc();
setTimeout(() => {
  gc();
  const after = process.memoryUsage();
  console.log(during.external - after.external >= 9 * MiB);  // expect: true
  console.log(after.arrayBuffers < 2 * MiB);  // expect: true
}, 10);
