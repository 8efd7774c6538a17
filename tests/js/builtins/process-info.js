// process.pid / ppid / arch / cwd() / hrtime([previous]) like node (values vary per run, so the lines
// print properties of them).
try { process.hrtime(5); } catch (e) { console.log(e.name, e.message, e.code); }
try { process.hrtime([1]); } catch (e) { console.log(e.name, e.message, e.code); }
const t = process.hrtime();
const d = process.hrtime(t);
console.log(Array.isArray(t), t.length, d[0] >= 0, d[1] >= 0 && d[1] < 1e9, Number.isInteger(t[1]));
console.log(process.cwd() === require('path').resolve('.'), process.pid > 0, typeof process.ppid, process.arch);
console.log(process.pid !== process.ppid, Number.isInteger(process.pid));
for (const v of [null, {}, new Map(), function f() {}]) {
  try { process.hrtime(v); } catch (e) { console.log(e.code, e.message); }
}
// expect: TypeError The "time" argument must be an instance of Array. Received type number (5) ERR_INVALID_ARG_TYPE
// expect: RangeError The value of "time" is out of range. It must be 2. Received 1 ERR_OUT_OF_RANGE
// expect: true 2 true true true
// expect: true true number x64
// expect: true true
// expect: ERR_INVALID_ARG_TYPE The "time" argument must be an instance of Array. Received null
// expect: ERR_INVALID_ARG_TYPE The "time" argument must be an instance of Array. Received an instance of Object
// expect: ERR_INVALID_ARG_TYPE The "time" argument must be an instance of Array. Received an instance of Map
// expect: ERR_INVALID_ARG_TYPE The "time" argument must be an instance of Array. Received function f
