// The d flag (hasIndices): match.indices holds [start, end] per capture in code units, undefined
// for a group that did not participate, and indices.groups for named groups (ECMA-262 §22.2.7.8).
const m = /a(?<x>b)?(c)/d.exec('zac');
console.log(m);
console.log(m.indices, Object.keys(m));
console.log(/b/d.exec('ab').indices, /b/.exec('ab').indices, /b/d.hasIndices, /b/d.flags);
console.log('aXbX'.match(/X/dg), [...'aXbX'.matchAll(/X/dg)][1].indices);
console.log(/(?<first>\w+) (?<last>\w+)/d.exec('Ada Lovelace').indices.groups);
console.log(/é(.)/du.exec('xé😀').indices, /(?<=(a))b/d.exec('ab').indices);
console.log('a-b'.replace(/(?<s>-)/d, (all, s, off, str, groups) => `[${off}:${groups.s}]`));
const sticky = /o/dy;
sticky.lastIndex = 1;
console.log(sticky.exec('foo').indices, sticky.lastIndex);
// expect: [
// expect:   'ac',
// expect:   undefined,
// expect:   'c',
// expect:   index: 1,
// expect:   input: 'zac',
// expect:   groups: [Object: null prototype] { x: undefined },
// expect:   indices: [
// expect:     [ 1, 3 ],
// expect:     undefined,
// expect:     [ 2, 3 ],
// expect:     groups: [Object: null prototype] { x: undefined }
// expect:   ]
// expect: ]
// expect: [
// expect:   [ 1, 3 ],
// expect:   undefined,
// expect:   [ 2, 3 ],
// expect:   groups: [Object: null prototype] { x: undefined }
// expect: ] [ '0', '1', '2', 'index', 'input', 'groups', 'indices' ]
// expect: [ [ 1, 2 ], groups: undefined ] undefined true d
// expect: [ 'X', 'X' ] [ [ 3, 4 ], groups: undefined ]
// expect: [Object: null prototype] { first: [ 0, 3 ], last: [ 4, 12 ] }
// expect: [ [ 1, 4 ], [ 2, 4 ], groups: undefined ] [ [ 1, 2 ], [ 0, 1 ], groups: undefined ]
// expect: a[1:-]b
// expect: [ [ 1, 2 ], groups: undefined ] 2
