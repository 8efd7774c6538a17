// Short-lived garbage is reclaimed: allocating ~200 MB of temporary objects in total keeps the
// heap small, and long-lived data survives every collection intact.
// flags: --expose-gc
const keep = [];
for (let i = 0; i < 1000; i++) keep.push({ id: i, tag: 'item' + i });
let checksum = 0;
for (let round = 0; round < 200; round++) {
  let tmp = [];
  for (let i = 0; i < 1000; i++) tmp.push({ a: i, b: [i, i + 1], s: 'x' + i });
  checksum += tmp[round].b[1];
}
gc();
const used = process.memoryUsage().heapUsed / 1048576;
console.log('checksum', checksum);
console.log('heap after churn under 20 MB:', used < 20);
console.log('long-lived intact:', keep.length, keep[999].tag, keep.every((o, i) => o.id === i));
// expect: checksum 20100
// expect: heap after churn under 20 MB: true
// expect: long-lived intact: 1000 item999 true
