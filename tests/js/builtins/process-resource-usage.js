// process.cpuUsage([prev]) and process.resourceUsage(): node's shapes and argument errors;
// values are only range-checked.
const cpu = process.cpuUsage();
console.log(Object.keys(cpu), process.cpuUsage.length);
console.log(Number.isInteger(cpu.user) && cpu.user >= 0, Number.isInteger(cpu.system) && cpu.system >= 0);
let x = 0;
for (let i = 0; i < 100000; i++) x += i;
const diff = process.cpuUsage(cpu);
console.log(diff.user >= 0 && diff.system >= 0, diff.user <= process.cpuUsage().user);
console.log(process.cpuUsage({ user: 0, system: 0 }).user >= cpu.user);
for (const bad of [1, null, 0, 'str', [], { user: 'a', system: 0 }, { user: -1, system: 0 }, { user: 0 }, { user: 0, system: 2 ** 53 }]) {
  try { process.cpuUsage(bad); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); }
}

const usage = process.resourceUsage();
console.log(Object.keys(usage), process.resourceUsage.length);
console.log(Object.values(usage).every((n) => Number.isInteger(n) && n >= 0));
console.log(usage.maxRSS > 1024, usage.userCPUTime >= cpu.user);


// Expected output (node 20):
// expect: [ 'user', 'system' ] 1
// expect: true true
// expect: true true
// expect: true
// expect: TypeError ERR_INVALID_ARG_TYPE The "prevValue" argument must be of type object. Received type number (1)
// expect: no error
// expect: no error
// expect: TypeError ERR_INVALID_ARG_TYPE The "prevValue" argument must be of type object. Received type string ('str')
// expect: TypeError ERR_INVALID_ARG_TYPE The "prevValue" argument must be of type object. Received an instance of Array
// expect: TypeError ERR_INVALID_ARG_TYPE The "prevValue.user" property must be of type number. Received type string ('a')
// expect: RangeError ERR_INVALID_ARG_VALUE The property 'prevValue.user' is invalid. Received -1
// expect: TypeError ERR_INVALID_ARG_TYPE The "prevValue.system" property must be of type number. Received undefined
// expect: RangeError ERR_INVALID_ARG_VALUE The property 'prevValue.system' is invalid. Received 9007199254740992
// expect: [
// expect:   'userCPUTime',
// expect:   'systemCPUTime',
// expect:   'maxRSS',
// expect:   'sharedMemorySize',
// expect:   'unsharedDataSize',
// expect:   'unsharedStackSize',
// expect:   'minorPageFault',
// expect:   'majorPageFault',
// expect:   'swappedOut',
// expect:   'fsRead',
// expect:   'fsWrite',
// expect:   'ipcSent',
// expect:   'ipcReceived',
// expect:   'signalsCount',
// expect:   'voluntaryContextSwitches',
// expect:   'involuntaryContextSwitches'
// expect: ] 0
// expect: true
// expect: true true
