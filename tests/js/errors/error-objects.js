// Error objects: message, name, stack header, toString, instanceof, finally ordering.
const e = new TypeError('bad input');
console.log(e.message, e.name, String(e), e instanceof TypeError, e instanceof Error);
console.log(e.stack.split('\n')[0]);
console.log(new Error().message === '', Object.prototype.toString.call(e));
function thrower() { throw new RangeError('out of range'); }
try { thrower(); } catch (err) { console.log(err.stack.split('\n')[1].trim().startsWith('at thrower')); }
const log = [];
function f() { try { return 'try'; } finally { log.push('finally'); } }
console.log(f(), log);

// Expected output (node 20):
// expect: bad input TypeError TypeError: bad input true true
// expect: TypeError: bad input
// expect: true [object Error]
// expect: true
// expect: try [ 'finally' ]
