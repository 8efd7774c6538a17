// Iterator objects of Array/Map/Set (keys/values/entries), their console.log form, and the
// array methods flat(depth)/flatMap/findLast/findLastIndex/reduceRight/copyWithin and the
// change-array-by-copy methods (toSorted/toReversed/toSpliced/with). Output checked against node 20.
console.log(new Map().keys(), new Set().entries());
// expect: [Map Iterator] {  } [Set Entries] {  }
const m = new Map([['a', {x: 1}], ['b', [1,2]]]);
const it = m.entries(); it.next();
console.log(it, m.values(), new Set([1,'s']).values(), new Set([1]).entries());
// expect: [Map Entries] { [ 'b', [ 1, 2 ] ] } [Map Iterator] { { x: 1 }, [ 1, 2 ] } [Set Iterator] { 1, 's' } [Set Entries] { [ 1, 1 ] }
console.log([1,2].keys(), 'ab'[Symbol.iterator](), [].entries());
// expect: Object [Array Iterator] {} Object [String Iterator] {} Object [Array Iterator] {}
console.log({ it: m.keys() });
// expect: { it: [Map Iterator] { 'a', 'b' } }
console.log([...[7,8].entries()], [...[7,8].keys()], Array.from(m.keys()), [...new Set([1,2]).entries()]);
// expect: [ [ 0, 7 ], [ 1, 8 ] ] [ 0, 1 ] [ 'a', 'b' ] [ [ 1, 1 ], [ 2, 2 ] ]
const arr=[1,2,3]; const ai = arr.values(); arr.push(4); console.log([...ai]);
// expect: [ 1, 2, 3, 4 ]
console.log(typeof [].values().next, [].values()[Symbol.iterator] !== undefined);
// expect: function true
console.log([1,[2,[3,[4]]]].flat(), [1,[2,[3,[4]]]].flat(2), [1,[2,[3,[4]]]].flat(Infinity), [1,,3].flat());
// expect: [ 1, 2, [ 3, [ 4 ] ] ] [ 1, 2, 3, [ 4 ] ] [ 1, 2, 3, 4 ] [ 1, 3 ]
console.log([1,2,3].flatMap((x, i) => i === 1 ? [[x]] : [x, x]));
// expect: [ 1, 1, [ 2 ], 3, 3 ]
console.log([1,2,3,4].findLast(x => x % 2), [1,2,3,4].findLastIndex(x => x > 9), [1,2,3].reduceRight((a, b) => a + '-' + b));
// expect: 3 -1 3-2-1
console.log([1,2,3,4,5].copyWithin(0, 3), [1,2,3,4,5].copyWithin(-2, 0, 2), [1,2,3,4,5].copyWithin(1, 3, 4));
// expect: [ 4, 5, 3, 4, 5 ] [ 1, 2, 3, 1, 2 ] [ 1, 4, 3, 4, 5 ]
const orig=[3,1,2]; console.log(orig.toSorted(), orig.toReversed(), orig.toSpliced(1, 1, 'x', 'y'), orig.with(-1, 9), orig);
// expect: [ 1, 2, 3 ] [ 2, 1, 3 ] [ 3, 'x', 'y', 2 ] [ 3, 1, 9 ] [ 3, 1, 2 ]
try { [1].with(3, 0) } catch (e) { console.log(e.name + ': ' + e.message) }
// expect: RangeError: Invalid index : 3
try { [].reduceRight((a,b)=>a) } catch (e) { console.log(e.message) }
// expect: Reduce of empty array with no initial value
try { [1].flatMap(3) } catch (e) { console.log(e.message) }
// expect: flatMap mapper function is not callable
const big = new Map(); for (let i = 0; i < 120; i++) big.set(i, i);
console.log(big.keys());
// expect: [Map Iterator] {
// expect:   0,
// expect:   1,
// expect:   2,
// expect:   3,
// expect:   4,
// expect:   5,
// expect:   6,
// expect:   7,
// expect:   8,
// expect:   9,
// expect:   10,
// expect:   11,
// expect:   12,
// expect:   13,
// expect:   14,
// expect:   15,
// expect:   16,
// expect:   17,
// expect:   18,
// expect:   19,
// expect:   20,
// expect:   21,
// expect:   22,
// expect:   23,
// expect:   24,
// expect:   25,
// expect:   26,
// expect:   27,
// expect:   28,
// expect:   29,
// expect:   30,
// expect:   31,
// expect:   32,
// expect:   33,
// expect:   34,
// expect:   35,
// expect:   36,
// expect:   37,
// expect:   38,
// expect:   39,
// expect:   40,
// expect:   41,
// expect:   42,
// expect:   43,
// expect:   44,
// expect:   45,
// expect:   46,
// expect:   47,
// expect:   48,
// expect:   49,
// expect:   50,
// expect:   51,
// expect:   52,
// expect:   53,
// expect:   54,
// expect:   55,
// expect:   56,
// expect:   57,
// expect:   58,
// expect:   59,
// expect:   60,
// expect:   61,
// expect:   62,
// expect:   63,
// expect:   64,
// expect:   65,
// expect:   66,
// expect:   67,
// expect:   68,
// expect:   69,
// expect:   70,
// expect:   71,
// expect:   72,
// expect:   73,
// expect:   74,
// expect:   75,
// expect:   76,
// expect:   77,
// expect:   78,
// expect:   79,
// expect:   80,
// expect:   81,
// expect:   82,
// expect:   83,
// expect:   84,
// expect:   85,
// expect:   86,
// expect:   87,
// expect:   88,
// expect:   89,
// expect:   90,
// expect:   91,
// expect:   92,
// expect:   93,
// expect:   94,
// expect:   95,
// expect:   96,
// expect:   97,
// expect:   98,
// expect:   99,
// expect:   ... 20 more items
// expect: }
for (const [k, v] of m.entries()) console.log(k, v);
// expect: a { x: 1 }
// expect: b [ 1, 2 ]
const s = new Set([1, 2, 3]); const si = s.values(); si.next(); s.delete(2); s.add(4); console.log([...si], si.next());
// expect: [ 3, 4 ] { value: undefined, done: true }
const ki = new Map([[1, 'a']]).keys(); console.log(ki.next(), ki.next());
// expect: { value: 1, done: false } { value: undefined, done: true }
