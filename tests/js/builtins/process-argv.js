// process.argv as node 20 builds it: [execPath (absolute), the script's absolute path, ...args];
// process.execPath is the running executable. (`-e` code has no script entry: js.startup-gc-sweep.)
const path = require('path');
console.log(process.argv.length, process.argv[0] === process.execPath, path.isAbsolute(process.execPath));
console.log(process.argv[1] === __filename, typeof process.execPath);
// expect: 2 true true
// expect: true string
