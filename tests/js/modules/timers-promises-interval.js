// require('timers/promises').setInterval: an async iterator yielding `value` once per tick; ticks
// that came while the loop was busy are delivered at once; break clears the interval (the program
// ends); invalid options reject the first next().
const { setInterval: every, setTimeout: sleep } = require('timers/promises');
async function main() {
  let n = 0;
  const start = performance.now();
  for await (const v of every(10, 'tick')) {
    n++;
    console.log(n, v);
    if (n === 2) await sleep(35);  // ticks pile up meanwhile
    if (n === 5) break;
  }
  console.log('done after', n, performance.now() - start >= 40);
  const it = every(5);
  console.log(typeof it.next, typeof it[Symbol.asyncIterator], Object.prototype.toString.call(it));
  console.log(await it.next(), await it.return('r'), await it.next());
  try { await every(5, 1, { ref: 'yes' }).next(); } catch (e) { console.log(e.code, e.message); }
}
main();

// expect: 1 tick
// expect: 2 tick
// expect: 3 tick
// expect: 4 tick
// expect: 5 tick
// expect: done after 5 true
// expect: function function [object AsyncGenerator]
// expect: { value: undefined, done: false } { value: 'r', done: true } { value: undefined, done: true }
// expect: ERR_INVALID_ARG_TYPE The "options.ref" property must be of type boolean. Received type string ('yes')
