// String.prototype.matchAll with a RegExp argument (ECMA-262 §22.1.3.14, §22.2.6.9): the
// argument's flags are read and checked for "g" before `this` is converted to a string; then
// RegExp.prototype[@@matchAll] converts `this`, reads flags again, builds the matcher from them
// and copies ToLength(lastIndex).
const log = [];
function subject(text) {
  return { toString() { log.push('this.toString'); return text; } };
}
function tracked(re, flagsText) {
  Object.defineProperty(re, 'flags', { get() { log.push('flags'); return flagsText; } });
  re.lastIndex = { valueOf() { log.push('lastIndex.valueOf'); return 1; } };
  return re;
}
const re = tracked(/a(.)/g, 'g');
const it = String.prototype.matchAll.call(subject('xabacad'), re);
log.push('iterator created');
for (const m of it) log.push(m[0] + '@' + m.index);
console.log(log.join(' | '));
// expect: flags | this.toString | flags | lastIndex.valueOf | iterator created | ab@1 | ac@3 | ad@5
console.log(re.lastIndex.valueOf !== undefined);
// expect: true

// A non-global RegExp: the TypeError comes before `this` is converted.
log.length = 0;
try {
  String.prototype.matchAll.call(subject('aa'), tracked(/a/g, 'i'));
} catch (e) {
  log.push(e.constructor.name + ': ' + e.message);
}
console.log(log.join(' | '));
// expect: flags | TypeError: String.prototype.matchAll called with a non-global RegExp argument

// The matcher takes the flags the getter returned: "gi" makes a case-insensitive copy.
log.length = 0;
const upper = tracked(/b/g, 'gi');
upper.lastIndex = 0;
console.log([...'aBcb'.matchAll(upper)].map((m) => m.index).join(','), log.join(' | '));
// expect: 1,3 flags | flags

// A string argument: `this` converted first, then new RegExp(arg, 'g'); lastIndex starts at 0.
log.length = 0;
console.log([...String.prototype.matchAll.call(subject('a1b22'), '\\d+')].map((m) => m[0]).join(','), log.join(' | '));
// expect: 1,22 this.toString

// null / undefined `this`: node's per-method TypeError.
for (const name of ['match', 'matchAll', 'search', 'replace', 'split']) {
  try {
    String.prototype[name].call(null, /a/g, '');
  } catch (e) {
    console.log(e.message);
  }
}
// expect: String.prototype.match called on null or undefined
// expect: String.prototype.matchAll called on null or undefined
// expect: String.prototype.search called on null or undefined
// expect: String.prototype.replace called on null or undefined
// expect: String.prototype.split called on null or undefined

// A flags getter returning undefined.
const noFlags = /a/g;
Object.defineProperty(noFlags, 'flags', { get() { return undefined; } });
try {
  'a'.matchAll(noFlags);
} catch (e) {
  console.log(e.message);
}
// expect: The .flags property of the argument to String.prototype.matchAll cannot be null or undefined
