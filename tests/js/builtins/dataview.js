// DataView over an ArrayBuffer: big-endian by default, littleEndian flag, bounds, sharing (node 20).
const buf = new ArrayBuffer(16);
const dv = new DataView(buf, 2, 12);
console.log(dv.byteLength, dv.byteOffset, dv.buffer === buf, ArrayBuffer.isView(dv), Object.prototype.toString.call(dv));  // expect: 12 2 true true [object DataView]
dv.setUint16(0, 0x1234);
dv.setUint16(2, 0x1234, true);
dv.setInt32(4, -2);
dv.setFloat32(8, 1.5, true);
console.log(new Uint8Array(buf));  // expect: Uint8Array(16) [
// expect:     0,   0,  18,  52, 52, 18,
// expect:   255, 255, 255, 254,  0,  0,
// expect:   192,  63,   0,   0
// expect: ]
console.log(dv.getUint16(0), dv.getUint16(0, true), dv.getUint16(2, true), dv.getInt32(4), dv.getUint32(4), dv.getInt8(4));  // expect: 4660 13330 4660 -2 4294967294 -1
console.log(dv.getFloat32(8, true), dv.getFloat32(8), dv.getUint8(1), dv.getInt16(4, true));  // expect: 1.5 6.896490392174587e-41 52 -1
const d64 = new DataView(new ArrayBuffer(8));
d64.setFloat64(0, Math.PI);
console.log(d64.getFloat64(0), d64.getFloat64(0, true), d64.getUint32(0).toString(16), d64.getUint8(0));  // expect: 3.141592653589793 3.207375630676366e-192 400921fb 64
d64.setUint8(0, 257);
d64.setInt16(1, 70000);
console.log(new Uint8Array(d64.buffer));  // expect: Uint8Array(8) [
// expect:    1, 17, 112, 251,
// expect:   84, 68,  45,  24
// expect: ]
for (const f of [() => dv.getUint32(10), () => dv.setInt8(12, 1), () => dv.getInt8(-1), () => new DataView(buf, 17),
  () => new DataView(buf, 4, 13), () => new DataView({}), () => DataView(buf)]) {
  try { f(); } catch (e) { console.log(e.constructor.name, e.message); }  // expect: RangeError Offset is outside the bounds of the DataView
// expect: RangeError Offset is outside the bounds of the DataView
// expect: RangeError Offset is outside the bounds of the DataView
// expect: RangeError Start offset 17 is outside the bounds of the buffer
// expect: RangeError Invalid DataView length 13
// expect: TypeError First argument to DataView constructor must be an ArrayBuffer
// expect: TypeError Constructor DataView requires 'new'
}
console.log(new DataView(new ArrayBuffer(4), 1));  // expect: DataView {
// expect:   byteLength: 3,
// expect:   byteOffset: 1,
// expect:   buffer: ArrayBuffer { [Uint8Contents]: <00 00 00 00>, byteLength: 4 }
// expect: }
console.log([new DataView(new ArrayBuffer(2))]);  // expect: [
// expect:   DataView {
// expect:     byteLength: 2,
// expect:     byteOffset: 0,
// expect:     buffer: ArrayBuffer { [Uint8Contents]: <00 00>, byteLength: 2 }
// expect:   }
// expect: ]
console.log(new DataView(new ArrayBuffer(40)));  // expect: DataView {
// expect:   byteLength: 40,
// expect:   byteOffset: 0,
// expect:   buffer: ArrayBuffer {
// expect:     [Uint8Contents]: <00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00>,
// expect:     byteLength: 40
// expect:   }
// expect: }
