// Seed leak 2, "Forgotten Timers": setInterval is never cleared and its callback retains data.
// A legitimate heartbeat interval with the same period exists before the baseline, as in a real
// server, so the leaked Timeouts join an existing timer list.
'use strict';
const {snapshot} = require('./common');
class PollState {
  constructor(n) { this.n = n; this.samples = new Array(2000).fill(n); }
}
let beats = 0;
const heartbeat = setInterval(() => { beats++; }, 1000);
function startPolling(n) {
  const state = new PollState(n);
  setInterval(() => { state.samples.push(Date.now()); }, 1000);  // never cleared
}
snapshot('baseline');
for (let i = 0; i < 40; i++) startPolling(i);
snapshot('target');
snapshot('final');
clearInterval(heartbeat);
process.exit(0);  // the forgotten intervals would keep the process alive
