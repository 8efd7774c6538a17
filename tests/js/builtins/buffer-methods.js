// Buffer as a Uint8Array subclass sharing ArrayBuffer storage: slice/subarray share memory,
// concat/copy/fill/indexOf/write, read*/write* of every width, toString ranges (node 20).
const b = Buffer.from('hello world');
console.log(b instanceof Uint8Array, Object.getPrototypeOf(Buffer.prototype) === Uint8Array.prototype);  // expect: true true
console.log(b.byteLength, b.buffer.byteLength >= 11, ArrayBuffer.isView(b));  // expect: 11 true true

// slice and subarray share memory (node), Uint8Array's slice does not.
const s = b.slice(0, 5);
const sub = b.subarray(6);
s[0] = 72;
sub[0] = 87;
console.log(b.toString(), s, sub, s instanceof Buffer, sub.toString());  // expect: Hello World <Buffer 48 65 6c 6c 6f> <Buffer 57 6f 72 6c 64> true World
console.log(b.slice(-5).toString(), b.slice(3, 1).length, Uint8Array.prototype.slice.call(b, 0, 2));  // expect: World 0 <Buffer 48 65>
const copied = Uint8Array.prototype.slice.call(b, 0, 1);
copied[0] = 0;
console.log(b[0]);  // expect: 72

// concat, copy, fill.
console.log(Buffer.concat([Buffer.from('ab'), new Uint8Array([99]), Buffer.alloc(0)]).toString());  // expect: abc
console.log(Buffer.concat([Buffer.from('abc'), Buffer.from('def')], 4), Buffer.concat([Buffer.from('a')], 3));  // expect: <Buffer 61 62 63 64> <Buffer 61 00 00>
console.log(Buffer.concat([]).length);  // expect: 0
const target = Buffer.alloc(6, '.');
console.log(Buffer.from('xyz').copy(target, 2), target.toString());  // expect: 3 ..xyz.
console.log(Buffer.from('12345').copy(target, 4, 1), target.toString());  // expect: 2 ..xy23
const self = Buffer.from('abcdef');
self.copy(self, 2, 0, 4);
console.log(self.toString());  // expect: ababcd
console.log(Buffer.alloc(5).fill('ab'), Buffer.alloc(5).fill(0x41, 1, 3), Buffer.alloc(4).fill(257));  // expect: <Buffer 61 62 61 62 61> <Buffer 00 41 41 00 00> <Buffer 01 01 01 01>
console.log(Buffer.alloc(6).fill('6869', 'hex'), Buffer.alloc(3).fill(Buffer.from([1, 2])).toString('hex'));  // expect: <Buffer 68 69 68 69 68 69> 010201

// indexOf / includes.
const h = Buffer.from('abcabc');
console.log(h.indexOf('b'), h.indexOf('b', 2), h.indexOf('bc', -3), h.indexOf('z'), h.indexOf(99), h.indexOf(256 + 97));  // expect: 1 4 4 -1 2 0
console.log(h.indexOf(Buffer.from('ca')), h.includes('cab'), h.includes('cba'), h.indexOf('6263', 0, 'hex'));  // expect: 2 true false 1

// write(string).
const w = Buffer.alloc(8);
console.log(w.write('hi'), w.write('there', 2), w.write('xyz', 6, 1), w, w.toString('utf8', 0, 7));  // expect: 2 5 1 <Buffer 68 69 74 68 65 72 78 00> hitherx
console.log(Buffer.alloc(4).write('é€', 0), Buffer.alloc(3).write('ffff', 'hex'), Buffer.alloc(2).write('a', 1, 'latin1'));  // expect: 2 2 1

// toString ranges.
const t = Buffer.from('abcdef');
console.log(t.toString('utf8', 1, 3), t.toString('hex', 4), t.toString(undefined, -2, 99), t.toString('base64', 0, 4));  // expect: bc 6566 abcdef YWJjZA==

// read* / write*.
const n = Buffer.alloc(16);
console.log(n.writeUInt8(255, 0), n.writeInt8(-2, 1), n.writeUInt16LE(0x1234, 2), n.writeUInt16BE(0x1234, 4));  // expect: 1 2 4 6
console.log(n.writeInt32LE(-123456, 6), n.writeUInt32BE(0xdeadbeef, 10), n.writeInt16BE(-2, 14));  // expect: 10 14 16
console.log(n);  // expect: <Buffer ff fe 34 12 12 34 c0 1d fe ff de ad be ef ff fe>
console.log(n.readUInt8(0), n.readInt8(0), n.readInt8(1), n.readUInt16LE(2), n.readUInt16BE(2), n.readUint16BE(4));  // expect: 255 -1 -2 4660 13330 4660
console.log(n.readInt32LE(6), n.readUInt32BE(10), n.readUInt32LE(10), n.readInt32BE(10), n.readInt16BE(14), n.readInt16LE(14));  // expect: -123456 3735928559 4022250974 -559038737 -2 -257
const d = Buffer.alloc(12);
console.log(d.writeDoubleLE(Math.PI, 0), d.writeFloatBE(1.5, 8), d.readDoubleLE(0), d.readFloatBE(8), d.readFloatLE(8));  // expect: 8 12 3.141592653589793 1.5 6.896490392174587e-41
d.writeDoubleBE(-0.1, 0);
console.log(d.readDoubleBE(0), d.readDoubleLE(0), d.writeUint32LE(7, 8), d.readUint32LE(8));  // expect: -0.1 -1.5423487136676073e-180 12 7
for (const f of [() => n.readUInt8(16), () => n.readUInt32LE(13), () => n.readInt8(1.5), () => n.readUInt8('1'),
  () => n.writeUInt8(256, 0), () => n.writeInt16LE(-40000), () => Buffer.alloc(1).readUInt16LE(0)]) {
  try { f(); } catch (e) { console.log(e.name, e.code, e.message); }  // expect: RangeError ERR_OUT_OF_RANGE The value of "offset" is out of range. It must be >= 0 and <= 15. Received 16
// expect: RangeError ERR_OUT_OF_RANGE The value of "offset" is out of range. It must be >= 0 and <= 12. Received 13
// expect: RangeError ERR_OUT_OF_RANGE The value of "offset" is out of range. It must be an integer. Received 1.5
// expect: TypeError ERR_INVALID_ARG_TYPE The "offset" argument must be of type number. Received type string ('1')
// expect: RangeError ERR_OUT_OF_RANGE The value of "value" is out of range. It must be >= 0 and <= 255. Received 256
// expect: RangeError ERR_OUT_OF_RANGE The value of "value" is out of range. It must be >= -32768 and <= 32767. Received -40000
// expect: RangeError ERR_BUFFER_OUT_OF_BOUNDS Attempt to access memory outside buffer bounds
}

// Buffer.from over an ArrayBuffer shares it; from a typed array copies values.
const ab = new ArrayBuffer(6);
const shared = Buffer.from(ab, 2, 3);
const view = new Uint8Array(ab);
shared[0] = 9;
view[3] = 8;
console.log(view, shared, shared.byteOffset, shared.buffer === ab, Buffer.from(ab).length);  // expect: Uint8Array(6) [ 0, 0, 9, 8, 0, 0 ] <Buffer 09 08 00> 2 true 6
console.log(Buffer.from(new Uint16Array([1, 258, 65535])), Buffer.from(new Float64Array([1.7, -1])));  // expect: <Buffer 01 02 ff> <Buffer 01 ff>
try { Buffer.from(ab, 7); } catch (e) { console.log(e.name, e.code, e.message); }  // expect: RangeError ERR_BUFFER_OUT_OF_BOUNDS "offset" is outside of buffer bounds
console.log(Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength(ab), Buffer.from('ab').equals(new Uint8Array([97, 98])));  // expect: 6 6 true

// Typed-array methods work on Buffers.
const m = Buffer.from([1, 2, 3]);
console.log(m.map((x) => x * 2), [...m], m.join('-'), m.reduce((a, x) => a + x), Array.from(m.subarray(1)));  // expect: <Buffer 02 04 06> [ 1, 2, 3 ] 1-2-3 6 [ 2, 3 ]
console.log(JSON.stringify(Buffer.from('hi')), JSON.stringify({ b: Buffer.from([1]) }), Object.keys(Buffer.from('ab')));  // expect: {"type":"Buffer","data":[104,105]} {"b":{"type":"Buffer","data":[1]}} [ '0', '1' ]
