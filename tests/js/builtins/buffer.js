// Buffer: construction, encodings, indexing, inspection.
const b = Buffer.from('hi');
console.log(b);  // expect: <Buffer 68 69>
console.log(b.length, b[0], b[1], b[2]);  // expect: 2 104 105 undefined
b[0] = 72;
b[1] = 256 + 73;  // modulo 2^8
b[5] = 1;         // out of range: ignored
console.log(b.toString(), b.length);  // expect: HI 2
console.log(Buffer.from('héllo').length, Buffer.byteLength('héllo'));  // expect: 6 6
console.log(Buffer.from('68656c6c6f', 'hex').toString());  // expect: hello
console.log(Buffer.from('hello').toString('hex'));  // expect: 68656c6c6f
console.log(Buffer.from('hello world').toString('base64'));  // expect: aGVsbG8gd29ybGQ=
console.log(Buffer.from('aGVsbG8gd29ybGQ=', 'base64').toString());  // expect: hello world
console.log(Buffer.from('YQ', 'base64').toString(), Buffer.from('YWI=', 'base64').length);  // expect: a 2
console.log(Buffer.byteLength('aGVsbG8=', 'base64'), Buffer.byteLength('abcd', 'hex'));  // expect: 5 2
console.log(Buffer.from([1, 2, 255, 256, -1]));  // expect: <Buffer 01 02 ff 00 ff>
console.log(Buffer.alloc(3), Buffer.alloc(4, 7), Buffer.alloc(5, 'ab'));  // expect: <Buffer 00 00 00> <Buffer 07 07 07 07> <Buffer 61 62 61 62 61>
console.log(Buffer.alloc(0));  // expect: <Buffer >
console.log(Buffer.alloc(52, 1));  // expect: <Buffer 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 ... 2 more bytes>
console.log(Buffer.isBuffer(b), Buffer.isBuffer('hi'), Buffer.isBuffer({}));  // expect: true false false
const copy = Buffer.from(b);
copy[0] = 0;
console.log(b[0], copy[0], b.equals(Buffer.from('HI')), b.equals(copy));  // expect: 72 0 true false
console.log(Buffer.from([0xff, 0x41]).toString());  // expect: �A
console.log({ data: Buffer.from('ok') });  // expect: { data: <Buffer 6f 6b> }
let sum = 0;
const big = Buffer.alloc(1000);
for (let i = 0; i < big.length; i++) big[i] = i;
for (let i = 0; i < big.length; i++) sum += big[i];
console.log(sum);  // expect: 124716
try {
  Buffer.from('x', 'nope');
} catch (e) {
  console.log(e instanceof TypeError, e.message);  // expect: true Unknown encoding: nope
}
try {
  Buffer.alloc(-1);
} catch (e) {
  console.log(e instanceof RangeError);  // expect: true
}
