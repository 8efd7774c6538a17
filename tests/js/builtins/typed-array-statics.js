// %TypedArray%.from / .of (ECMA-262 §23.2.2.1-2), copyWithin (§23.2.3.6), keys and entries.
console.log(Uint8Array.from([1, 2, 3]).join(), Int16Array.from({ length: 3, 0: -1, 2: 7 }).join(),
            Float64Array.from(new Set([0.5, 1.5])).join(), Uint8Array.from('123').join());
console.log(Uint8Array.from([1, 2, 3], (v, i) => v * 10 + i).join(), Int8Array.from([1], function (v) { return v + this.k; }, { k: 5 }).join());
console.log(Uint8Array.of(1, 256, -1).join(), Float32Array.of().length, Uint8Array.of(1) instanceof Uint8Array,
            Uint8Array.from === Int8Array.from, Uint8ClampedArray.of(300, -5).join());
console.log(Uint16Array.from(Uint8Array.of(5, 6)), Uint8Array.from.length, Uint8Array.of.length);
class Sub extends Uint8Array {}
console.log(Sub.from([9]) instanceof Sub, Sub.of(1, 2).constructor.name);
for (const f of [() => Uint8Array.from([1], 5), () => Uint8Array.from(null), () => Uint8Array.from.call({}, [1])]) {
  try { f(); } catch (e) { console.log(e.constructor.name); }
}
const a = Int32Array.of(1, 2, 3, 4, 5);
console.log(a.copyWithin(0, 3).join(), Int32Array.of(1, 2, 3, 4, 5).copyWithin(1, 0, 3).join(),
            Int32Array.of(1, 2, 3, 4, 5).copyWithin(-2, -4, -3).join(), Float64Array.of(1, 2, 3).copyWithin(2, 0).join(),
            Int32Array.of(1, 2, 3).copyWithin(0, 1, 1).join());
const sub = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]).subarray(2, 6);
console.log(sub.copyWithin(0, 2).join(), new Uint8Array(sub.buffer).join(), [1, 2, 3, 4, 5].copyWithin(0, 3).join());
const k = Uint8Array.of(7, 8, 9);
console.log([...k.keys()], [...k.entries()], [...k.values()], k.keys().next(), k.entries().next().value);

// expect: 1,2,3 -1,0,7 0.5,1.5 1,2,3
// expect: 10,21,32 6
// expect: 1,0,255 0 true true 255,0
// expect: Uint16Array(2) [ 5, 6 ] 1 0
// expect: true Sub
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: 4,5,3,4,5 1,1,2,3,5 1,2,3,2,5 1,2,1 1,2,3
// expect: 4,5,4,5 0,1,4,5,4,5,6,7 4,5,3,4,5
// expect: [ 0, 1, 2 ] [ [ 0, 7 ], [ 1, 8 ], [ 2, 9 ] ] [ 7, 8, 9 ] { value: 0, done: false } [ 0, 7 ]
