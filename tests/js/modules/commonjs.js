// CommonJS modules like node's wrapper: module-local top-level bindings, `this === module.exports`,
// relative/directory/package/node_modules resolution, the cache, require.resolve, JSON modules.
const counter = require('./fixtures/counter');
console.log(counter.increment(), counter.increment(), counter.label, counter.self);
console.log(counter.where.join(' '));
console.log(typeof count, typeof label, typeof globalThis.require, typeof globalThis.module);
console.log(require('./fixtures/counter.js') === counter, require('./fixtures/counter').increment());
console.log(this === module.exports, module.id, module.loaded, require.main === module);
console.log(__filename.endsWith('/tests/js/modules/commonjs.js'), __dirname.endsWith('/tests/js/modules'));
console.log(Object.keys(module).join(), module.paths[0].endsWith('/tests/js/modules/node_modules'));
console.log(Object.keys(require).join());

const greet = require('./fixtures/replace-exports');
console.log(greet('node'), greet.loadedDuringLoad);
console.log(JSON.stringify(require('./fixtures/early-return')));
const data = require('./fixtures/data.json');
console.log(data.name, data.list.length, data.nested.ok, require('./fixtures/data') === data);
console.log(require('./fixtures/pkg'), require('./fixtures/dir-index'), require('./fixtures/dir-index/'));
console.log(JSON.stringify(require('./fixtures/uses-leftpad')('7', 3)));
console.log(require('../modules/fixtures/counter') === counter);
console.log(require(__dirname + '/fixtures/counter') === counter);

const key = require.resolve('./fixtures/counter');
console.log(key.slice(__dirname.length), key in require.cache, require.cache[key].exports === counter);
console.log(require.resolve('path'), require.resolve('node:fs'));
delete require.cache[key];
const fresh = require('./fixtures/counter');
console.log(fresh === counter, fresh.increment(), counter.increment());

const closures = require('./fixtures/closure-state');
console.log(closures.lateRequire(), closures.myModuleId());
console.log(closures.stack().replace(__dirname, '<dir>'));
console.log(module.children.map((m) => m.id.slice(__dirname.length)).join(' '));
console.log(require('node:path') === require('path'), typeof require('events'), typeof require('fs').readFileSync);
// expect: 1 2 counter true
// expect: /counter.js function true
// expect: undefined undefined undefined undefined
// expect: true 3
// expect: true . false true
// expect: true true
// expect: id,path,exports,filename,loaded,children,paths true
// expect: resolve,main,extensions,cache
// expect: hello node false
// expect: {"before":true}
// expect: data 3 true true
// expect: pkg main entry.js dir index dir index
// expect: "  7"
// expect: true
// expect: true
// expect: /fixtures/counter.js true true
// expect: path node:fs
// expect: false 1 4
// expect: data closure-state.js
// expect: at where (<dir>/fixtures/closure-state.js:4:27)
// expect: /fixtures/counter.js /fixtures/replace-exports.js /fixtures/early-return.js /fixtures/data.json /fixtures/pkg/lib/entry.js /fixtures/dir-index/index.js /fixtures/uses-leftpad.js /fixtures/counter.js /fixtures/closure-state.js
// expect: true function function
