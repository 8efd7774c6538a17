// Cycles see the partial exports; failed loads leave the cache; node's error texts and codes.
const a = require('./fixtures/cycle-a');
const b = require('./fixtures/cycle-b');
console.log(a.sawB, a.done, b.aWhileLoading);

try {
  require('./fixtures/nope');
} catch (e) {
  console.log(e.name, e.code, JSON.stringify(e.message.replace(__dirname, '<dir>')));
  console.log(e.requireStack.length, e.requireStack[0] === __filename);
}
try {
  require('./fixtures/requires-missing');
} catch (e) {
  console.log(e.message.split('\n').map((l) => l.replace(__dirname, '<dir>')).join(' | '));
  console.log(require.resolve('./fixtures/requires-missing') in require.cache);
}
try {
  require('./fixtures/throws');
} catch (e) {
  console.log(e.message, require.resolve('./fixtures/throws') in require.cache);
}
try {
  require('./fixtures/throws');
} catch (e) {
  console.log('threw again:', e.message);
}
try {
  require('./fixtures/bad-syntax');
} catch (e) {
  console.log(e.name, e.message, e instanceof SyntaxError);
}
try {
  require('./fixtures/broken.json');
} catch (e) {
  console.log(e.name, e.message.startsWith(__dirname + '/fixtures/broken.json: '));
}
for (const bad of [42, undefined, null, '', {}]) {
  try {
    require(bad);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
try {
  require('node:nope');
} catch (e) {
  console.log(e.code, e.message);
}
try {
  require('no-such-package');
} catch (e) {
  console.log(e.code, e.message.split('\n')[0]);
}
try {
  require.resolve('./fixtures/nope');
} catch (e) {
  console.log('resolve:', e.code);
}
// expect: true true {"name":"a","done":false}
// expect: Error MODULE_NOT_FOUND "Cannot find module './fixtures/nope'\nRequire stack:\n- <dir>/cycles-and-errors.js"
// expect: 1 true
// expect: Cannot find module './does-not-exist' | Require stack: | - <dir>/fixtures/requires-missing.js | - <dir>/cycles-and-errors.js
// expect: false
// expect: boom in throws.js false
// expect: threw again: boom in throws.js
// expect: SyntaxError Unexpected token ';' true
// expect: SyntaxError true
// expect: TypeError ERR_INVALID_ARG_TYPE The "id" argument must be of type string. Received type number (42)
// expect: TypeError ERR_INVALID_ARG_TYPE The "id" argument must be of type string. Received undefined
// expect: TypeError ERR_INVALID_ARG_TYPE The "id" argument must be of type string. Received null
// expect: TypeError ERR_INVALID_ARG_VALUE The argument 'id' must be a non-empty string. Received ''
// expect: TypeError ERR_INVALID_ARG_TYPE The "id" argument must be of type string. Received an instance of Object
// expect: ERR_UNKNOWN_BUILTIN_MODULE No such built-in module: node:nope
// expect: MODULE_NOT_FOUND Cannot find module 'no-such-package'
// expect: resolve: MODULE_NOT_FOUND
