// Seed leak #2: an interval that is never cleared keeps the process (and everything its callback
// references) alive. This version clears it after three ticks so the program ends.
// Run: tenure 03-forgotten-timer.js
let runs = 0;
const timer = setInterval(() => {
  console.log("running");
  if (++runs === 3) clearInterval(timer);
}, 100);
