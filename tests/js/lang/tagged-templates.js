// Tagged templates (ECMA-262 §13.3.11, §13.2.8.4 GetTemplateObject): the tag receives a frozen
// strings array with a frozen non-enumerable `raw`, then the substitutions; one array object per
// call site (the same on every evaluation, including loops and repeated calls of a function);
// malformed escapes give an undefined cooked value; member tags keep their receiver; String.raw.
function show(strings, ...subs) {
  return JSON.stringify({ cooked: strings, raw: strings.raw, subs });
}
console.log(show`plain`);
console.log(show`a${1}b${'two'}c`);
console.log(show`${1}${2}`);
console.log(show`line1
line2\n\t\x41\u0042\u{43}`);
console.log(show`\x \u{zz} \u12 \01 ok`);
console.log(show`\unicode and \u{110000} then ${3} \xg`);

function props(strings) {
  const d = Object.getOwnPropertyDescriptor(strings, 'raw');
  return [Array.isArray(strings), Object.isFrozen(strings), Object.isFrozen(strings.raw),
          d.enumerable, d.writable, d.configurable, Object.keys(strings).join(','), strings.length].join(' ');
}
console.log(props`x${0}y`);

const seen = [];
function keep(strings) { seen.push(strings); return strings; }
function site() { return keep`same site ${seen.length}`; }
site(); site();
for (let i = 0; i < 3; i++) keep`loop`;
keep`same site ${0}`;
console.log(seen[0] === seen[1], seen[2] === seen[3], seen[3] === seen[4], seen[0] === seen[5], seen[0] === seen[2]);
function withFinally(f) {
  try { if (f) return keep`in finally`; } finally { keep`fin`; }
  return keep`in finally`;
}
seen.length = 0;
withFinally(true); withFinally(false); withFinally(true);
console.log(seen[1] === seen[2], seen[3] !== seen[0], seen[1] === seen[5], seen[0] === seen[4], seen.length);

const obj = {
  prefix: '>',
  tag(strings, ...subs) { return this.prefix + strings.map((s, i) => s + (i < subs.length ? subs[i] : '')).join(''); },
};
console.log(obj.tag`x=${1 + 1}, y=${'z'}`);
console.log(obj['tag']`computed ${true}`);
const curried = (a) => (b) => a[0] + '|' + b[0];
console.log(curried`first``second`);
console.log(typeof (() => 1)`ignored`, (function () { return this; })`t` === undefined ? 'undef' : 'global');

console.log(String.raw`C:\new\table${1 + 1}\x`);
console.log(String.raw({ raw: ['a', 'b', 'c'] }, 1, 2, 3, 4));
console.log(String.raw({ raw: 'xyz' }, '-', '+'));
console.log(JSON.stringify(String.raw({ raw: { length: 0 } })), String.raw({ raw: { length: 2, 0: 'p', 1: 'q' } }));
console.log(String.raw.length, String.raw.name);
try { String.raw(); } catch (e) { console.log(e.constructor.name, e.message); }
try { String.raw({}); } catch (e) { console.log(e.constructor.name, e.message); }
try { undefinedTag`x`; } catch (e) { console.log(e.constructor.name, e.message); }
try { const notFn = 5; notFn`x`; } catch (e) { console.log(e.constructor.name, e.message); }
const order = [];
function logTag(s, ...v) { order.push('tag'); return v.join(); }
console.log(logTag`${(order.push('a'), 'a')}${(order.push('b'), 'b')}`, order.join());
console.log(`untagged ${[1, 2]} ${{}} ${null}`);

// Expected output (node 20):
// expect: {"cooked":["plain"],"raw":["plain"],"subs":[]}
// expect: {"cooked":["a","b","c"],"raw":["a","b","c"],"subs":[1,"two"]}
// expect: {"cooked":["","",""],"raw":["","",""],"subs":[1,2]}
// expect: {"cooked":["line1\nline2\n\tABC"],"raw":["line1\nline2\\n\\t\\x41\\u0042\\u{43}"],"subs":[]}
// expect: {"cooked":[null],"raw":["\\x \\u{zz} \\u12 \\01 ok"],"subs":[]}
// expect: {"cooked":[null,null],"raw":["\\unicode and \\u{110000} then "," \\xg"],"subs":[3]}
// expect: true true true false false false 0,1 2
// expect: true true true false false
// expect: true true true true 6
// expect: >x=2, y=z
// expect: >computed true
// expect: first|second
// expect: number global
// expect: C:\new\table2\x
// expect: a1b2c
// expect: x-y+z
// expect: "" pq
// expect: 1 raw
// expect: TypeError Cannot convert undefined or null to object
// expect: TypeError Cannot convert undefined or null to object
// expect: ReferenceError undefinedTag is not defined
// expect: TypeError notFn is not a function
// expect: a,b a,b,tag
// expect: untagged 1,2 [object Object] null
