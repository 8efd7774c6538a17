// ArrayBuffer and typed arrays: construction, element conversions, views sharing memory,
// methods, iteration and console.log formatting (expectations from node 20).
const ab = new ArrayBuffer(8);
console.log(ab.byteLength, ArrayBuffer.isView(ab), ab instanceof ArrayBuffer);  // expect: 8 false true
console.log(ab);  // expect: ArrayBuffer {
// expect:   [Uint8Contents]: <00 00 00 00 00 00 00 00>,
// expect:   byteLength: 8
// expect: }
console.log(new ArrayBuffer(0), new ArrayBuffer(60));  // expect: ArrayBuffer { [Uint8Contents]: <>, byteLength: 0 } ArrayBuffer {
// expect:   [Uint8Contents]: <00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00>,
// expect:   byteLength: 60
// expect: }

// Element conversions.
const i8 = new Int8Array([127, 128, 255, -129, 1.9, -1.9, NaN, Infinity]);
console.log(i8);  // expect: Int8Array(8) [
// expect:   127, -128, -1, 127,
// expect:     1,   -1,  0,   0
// expect: ]
const u8 = new Uint8Array([256, -1, 3.7, '12', true, null, undefined]);
console.log(u8);  // expect: Uint8Array(7) [
// expect:   0, 255, 3, 12,
// expect:   1,   0, 0
// expect: ]
console.log(new Uint8ClampedArray([300, -5, 1.5, 2.5, 3.5, 0.49, NaN, Infinity]));  // expect: Uint8ClampedArray(8) [
// expect:   255, 0, 2,   2,
// expect:     4, 0, 0, 255
// expect: ]
console.log(new Int16Array([32768, -32769, 65535]), new Uint16Array([-1, 65536, 70000]));  // expect: Int16Array(3) [ -32768, 32767, -1 ] Uint16Array(3) [ 65535, 0, 4464 ]
console.log(new Int32Array([2 ** 31, 2 ** 32 + 5, -(2 ** 31) - 1]), new Uint32Array([-1, 2 ** 32, 1e10]));  // expect: Int32Array(3) [ -2147483648, 5, 2147483647 ] Uint32Array(3) [ 4294967295, 0, 1410065408 ]
console.log(new Float32Array([0.1, 1 / 3, 1e40, -0]), new Float64Array([0.1, 1 / 3, -0]));  // expect: Float32Array(4) [
// expect:   0.10000000149011612,
// expect:   0.3333333432674408,
// expect:   Infinity,
// expect:   -0
// expect: ] Float64Array(3) [ 0.1, 0.3333333333333333, -0 ]
console.log(Object.is(new Float64Array([-0])[0], -0), 1 / new Float32Array([-0])[0]);  // expect: true -Infinity

// Indexing: out of range reads undefined, writes are ignored.
const f = new Float64Array(2);
f[0] = 1.5; f[1] = '2.25'; f[2] = 7; f[-1] = 9;
console.log(f, f[2], f.length, f[-1]);  // expect: Float64Array(2) [ 1.5, 2.25 ] undefined 2 undefined
const big = new Uint32Array(1);
big[0] = 4294967295;
console.log(big[0], big[0] + 1, typeof big[0]);  // expect: 4294967295 4294967296 number

// Constructors.
console.log(new Uint8Array(), new Uint8Array(2), new Uint8Array(new Set([5, 6])));  // expect: Uint8Array(0) [] Uint8Array(2) [ 0, 0 ] Uint8Array(2) [ 5, 6 ]
console.log(new Uint16Array(new Uint8Array([1, 2, 3])), new Int8Array({ length: 2, 0: 7, 1: 8 }));  // expect: Uint16Array(3) [ 1, 2, 3 ] Int8Array(2) [ 7, 8 ]
function* gen() { yield 1; yield 2; yield 300; }
console.log(new Uint8Array(gen()));  // expect: Uint8Array(3) [ 1, 2, 44 ]
try { new Uint8Array(-1); } catch (e) { console.log(e.constructor.name, e.message); }  // expect: RangeError Invalid typed array length: -1
try { Uint8Array(2); } catch (e) { console.log(e.constructor.name, e.message); }  // expect: TypeError Constructor Uint8Array requires 'new'
try { new ArrayBuffer(-1); } catch (e) { console.log(e.constructor.name, e.message); }  // expect: RangeError Invalid array buffer length

// Views over one buffer share memory.
const buf = new ArrayBuffer(8);
const bytes = new Uint8Array(buf);
const words = new Uint32Array(buf);
const halves = new Uint16Array(buf, 2, 2);
words[0] = 0x01020304;
console.log(bytes, halves, halves.byteOffset, halves.byteLength, halves.buffer === buf);  // expect: Uint8Array(8) [
// expect:   4, 3, 2, 1,
// expect:   0, 0, 0, 0
// expect: ] Uint16Array(2) [ 258, 0 ] 2 4 true
halves[1] = 0xffff;
console.log(bytes, words[1]);  // expect: Uint8Array(8) [
// expect:     4,   3, 2, 1,
// expect:   255, 255, 0, 0
// expect: ] 65535
console.log(new Float64Array(buf).length, Int32Array.BYTES_PER_ELEMENT, new Float64Array(1).BYTES_PER_ELEMENT);  // expect: 1 4 8
try { new Int16Array(buf, 1); } catch (e) { console.log(e.constructor.name, e.message); }  // expect: RangeError start offset of Int16Array should be a multiple of 2
try { new Int16Array(new ArrayBuffer(3)); } catch (e) { console.log(e.constructor.name, e.message); }  // expect: RangeError byte length of Int16Array should be a multiple of 2
try { new Uint8Array(buf, 9); } catch (e) { console.log(e.constructor.name, e.message); }  // expect: RangeError Start offset 9 is outside the bounds of the buffer
try { new Uint8Array(buf, 4, 5); } catch (e) { console.log(e.constructor.name, e.message); }  // expect: RangeError Invalid typed array length: 5

// subarray shares, slice copies.
const base = new Int16Array([1, 2, 3, 4, 5]);
const sub = base.subarray(1, -1);
const sl = base.slice(1, -1);
sub[0] = 20;
sl[1] = 30;
console.log(base, sub, sl, sub.byteOffset, sl.byteOffset, sub.buffer === base.buffer);  // expect: Int16Array(5) [ 1, 20, 3, 4, 5 ] Int16Array(3) [ 20, 3, 4 ] Int16Array(3) [ 2, 30, 4 ] 2 0 true
console.log(base.subarray(-2), base.slice(3, 1), base.subarray(10));  // expect: Int16Array(2) [ 4, 5 ] Int16Array(0) [] Int16Array(0) []
const ab2 = new Uint8Array([1, 2, 3, 4]).buffer.slice(1, 3);
console.log(ab2, ab2.byteLength);  // expect: ArrayBuffer { [Uint8Contents]: <02 03>, byteLength: 2 } 2

// set, fill, indexOf, includes, join, at.
const t = new Uint8Array(6);
t.set([1, 2, 3]);
t.set(new Uint8Array([9, 8]), 4);
console.log(t);  // expect: Uint8Array(6) [ 1, 2, 3, 0, 9, 8 ]
t.copyWithin;
t.set(t.subarray(0, 3), 1);
console.log(t);  // expect: Uint8Array(6) [ 1, 1, 2, 3, 9, 8 ]
try { t.set([1, 2], 5); } catch (e) { console.log(e.constructor.name, e.message); }  // expect: RangeError offset is out of bounds
console.log(new Float32Array(4).fill(1.5), new Uint8Array(5).fill(7, 1, -1), new Uint8Array(3).fill(-1));  // expect: Float32Array(4) [ 1.5, 1.5, 1.5, 1.5 ] Uint8Array(5) [ 0, 7, 7, 7, 0 ] Uint8Array(3) [ 255, 255, 255 ]
const s = new Float64Array([1, NaN, 3, 1]);
console.log(s.indexOf(1), s.indexOf(1, 1), s.indexOf(NaN), s.includes(NaN), s.includes(4), s.indexOf('1'));  // expect: 0 3 -1 true false -1
console.log(s.join(), s.join(' - '), String(new Int8Array([-1, 2])), s.at(-1), s.at(9));  // expect: 1,NaN,3,1 1 - NaN - 3 - 1 -1,2 1 undefined

// Callback methods.
const m = new Int8Array([1, 2, 3, 4]);
console.log(m.map((x) => x * 100), m.filter((x) => x % 2 === 0), m.reduce((a, b) => a + b));  // expect: Int8Array(4) [ 100, -56, 44, -112 ] Int8Array(2) [ 2, 4 ] 10
console.log(m.reduce((a, b) => a + b, 10), m.some((x) => x > 3), m.every((x) => x > 3), m.find((x) => x > 2));  // expect: 20 true false 3
console.log(m.findIndex((x) => x > 2), m.findIndex((x) => x > 9));  // expect: 2 -1
const seen = [];
m.forEach(function (x, i, arr) { seen.push(x * this.k + i, arr === m); }, { k: 10 });
console.log(seen.join(' '));  // expect: 10 true 21 true 32 true 43 true
try { new Uint8Array(0).reduce((a, b) => a + b); } catch (e) { console.log(e.constructor.name, e.message); }  // expect: TypeError Reduce of empty array with no initial value

// Iteration.
const it = new Uint16Array([7, 8, 9]);
const out = [];
for (const v of it) out.push(v);
console.log(out, [...it], Array.from(it), Array.from(it, (x) => x * 2));  // expect: [ 7, 8, 9 ] [ 7, 8, 9 ] [ 7, 8, 9 ] [ 14, 16, 18 ]
const iter = it.values();
console.log(iter.next(), [...iter]);  // expect: { value: 7, done: false } [ 8, 9 ]
const [first, ...rest] = new Float32Array([0.5, 1, 2]);
console.log(first, rest);  // expect: 0.5 [ 1, 2 ]

// Formatting.
console.log(new Uint8Array(0), new Float64Array([1.5, -2]), [new Int8Array([1])], { a: new Uint8Array(2) });  // expect: Uint8Array(0) [] Float64Array(2) [ 1.5, -2 ] [ Int8Array(1) [ 1 ] ] { a: Uint8Array(2) [ 0, 0 ] }
console.log(new Uint8Array(120));  // expect: Uint8Array(120) [
// expect:   0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
// expect:   0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
// expect:   0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
// expect:   0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
// expect:   0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
// expect:   0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
// expect:   0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
// expect:   0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
// expect:   0, 0, 0, 0,
// expect:   ... 20 more items
// expect: ]
console.log(new Float64Array([0.1, 0.2, 0.30000000000000004, 1e21, 1e-7, 12345.678, 42, 7]));  // expect: Float64Array(8) [
// expect:   0.1,
// expect:   0.2,
// expect:   0.30000000000000004,
// expect:   1e+21,
// expect:   1e-7,
// expect:   12345.678,
// expect:   42,
// expect:   7
// expect: ]
console.log(Object.prototype.toString.call(new Uint8Array(1)), typeof Uint8Array, Uint8Array.name);  // expect: [object Uint8Array] function Uint8Array
console.log(new Uint8Array(2) instanceof Uint8Array, new Uint8Array(2) instanceof Int8Array);  // expect: true false

// Integer-indexed keys: own keys, `in`, JSON, numeric non-index keys.
const k = new Int16Array([5, -6]);
k.extra = 1;
console.log(Object.keys(k), 1 in k, 2 in k, '0' in k, JSON.stringify(k), k['1'], k[1.5], k['-1']);  // expect: [ '0', '1', 'extra' ] true false true {"0":5,"1":-6,"extra":1} -6 undefined undefined
k[1.5] = 9; k[-0] = 7;
console.log(k, k[1.5], Object.prototype.toString.call(new ArrayBuffer(1)));  // expect: Int16Array(2) [ 7, -6, extra: 1 ] undefined [object ArrayBuffer]
for (const key in new Uint8Array(3)) console.log(key);  // expect: 0
// expect: 1
// expect: 2

// reverse, lastIndexOf, sort (numeric by default: -0 before 0, NaN last; stable with a comparator).
console.log(new Int8Array([1, 2, 3]).reverse(), new Float64Array([3, NaN, -0, 0, -Infinity, 1e-9, 2]).sort());  // expect: Int8Array(3) [ 3, 2, 1 ] Float64Array(7) [ -Infinity, -0, 0, 1e-9, 2, 3, NaN ]
console.log(Object.is(new Float64Array([0, -0]).sort()[0], -0), new Uint8Array([10, 9, 100, 1]).sort());  // expect: true Uint8Array(4) [ 1, 9, 10, 100 ]
console.log(new Int16Array([5, 1, 4, 2, 3]).sort((a, b) => b - a), new Uint8Array([]).sort(), new Uint8Array([7]).sort());  // expect: Int16Array(5) [ 5, 4, 3, 2, 1 ] Uint8Array(0) [] Uint8Array(1) [ 7 ]
const pairs = new Uint16Array([21, 11, 22, 12, 23, 13]);
console.log(pairs.sort((a, b) => (a % 10) - (b % 10)));  // expect: Uint16Array(6) [ 21, 11, 22, 12, 23, 13 ]
try { new Uint8Array([2, 1]).sort(() => { throw new Error('cmp'); }); } catch (e) { console.log(e.message); }  // expect: cmp
try { new Uint8Array(2).sort(1); } catch (e) { console.log(e.constructor.name, e.message); }  // expect: TypeError The comparison function must be either a function or undefined
const li = new Int8Array([1, 2, 1, 2]);
console.log(li.lastIndexOf(1), li.lastIndexOf(2, -2), li.lastIndexOf(2, 0), li.lastIndexOf(9), li.lastIndexOf(1, -9));  // expect: 2 1 -1 -1 -1
