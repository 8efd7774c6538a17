// The os module (require('os') / 'node:os'): host facts as node 20 reports them. Values differ per
// host, so the test prints only their types, ranges and relations.
const os = require('os');
console.log(os === require('node:os'), typeof os.totalmem(), os.totalmem() > os.freemem(), os.freemem() > 0);
console.log(os.cpus().length === os.availableParallelism(), Object.keys(os.cpus()[0]).join(), Object.keys(os.cpus()[0].times).join());
console.log(os.platform(), os.arch() === process.arch, JSON.stringify(os.EOL), os.homedir().startsWith('/'), os.tmpdir().startsWith('/'));
console.log(typeof os.hostname(), os.uptime() > 0, os.loadavg().length, os.loadavg().every((x) => typeof x === 'number' && x >= 0));
console.log(os.type(), os.endianness(), os.devNull, typeof os.release(), require.resolve('os'));

// expect: true number true true
// expect: true model,speed,times user,nice,sys,idle,irq
// expect: linux true "\n" true true
// expect: string true 3 true
// expect: Linux LE /dev/null string os
