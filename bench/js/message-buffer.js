// Message buffer latency churn in ES5, after the Pusher/James Fisher experiment and the
// gc-latency-experiment ports (/work/shared/reference/benchmarks.md §2): kPushes messages, each a
// fresh 128-slot array (~1 KiB of elements), are pushed into a sliding window that keeps the newest
// kWindow, so ~kWindow KiB stay live while the rest die. Each push is timed; the worst push is the
// headline latency (it contains the longest GC pause the push ran into).
// Defaults: window 2e5 of 1e6 pushes. Globals: BENCH_QUICK (5e3 of 5e4), BENCH_WINDOW,
// BENCH_PUSHES. Output: `RESULT workload=message-buffer wall_ms=... pushes=... window=...
// worst_push_ms=... p99_push_ms=... p50_push_ms=...`.
var now = (typeof performance !== 'undefined' && performance.now) ?
    function () { return performance.now(); } : function () { return Date.now(); };
var log = (typeof console !== 'undefined' && console.log) ?
    function (s) { console.log(s); } : function (s) { print(s); };

var quick = (typeof BENCH_QUICK !== 'undefined') && BENCH_QUICK;
var kWindow = (typeof BENCH_WINDOW !== 'undefined') ? BENCH_WINDOW : (quick ? 5000 : 200000);
var kPushes = (typeof BENCH_PUSHES !== 'undefined') ? BENCH_PUSHES : (quick ? 50000 : 1000000);
var kMessageSlots = 128;

function MakeMessage(n) {
  var message = new Array(kMessageSlots);
  for (var i = 0; i < kMessageSlots; i++) message[i] = (n + i) & 0xff;
  return message;
}

// Nearest-rank percentile of an ascending-sorted array.
function Percentile(sorted, p) {
  var rank = Math.ceil(p / 100 * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}

function Main() {
  if (!(kWindow >= 1 && kPushes >= kWindow)) throw new Error('need 1 <= window <= pushes');
  var start = now();
  var buffer = new Array(kWindow);
  var times = new Array(kPushes);
  var worst = 0;
  for (var i = 0; i < kPushes; i++) {
    var t = now();
    buffer[i % kWindow] = MakeMessage(i);
    var elapsed = now() - t;
    times[i] = elapsed;
    if (elapsed > worst) worst = elapsed;
  }
  var wall = now() - start;
  var newest = buffer[(kPushes - 1) % kWindow];
  if (newest.length !== kMessageSlots || newest[0] !== ((kPushes - 1) & 0xff)) {
    throw new Error('newest message is corrupted');
  }
  times.sort(function (a, b) { return a - b; });
  log('RESULT workload=message-buffer wall_ms=' + wall.toFixed(3) + ' pushes=' + kPushes +
      ' window=' + kWindow + ' worst_push_ms=' + worst.toFixed(3) +
      ' p99_push_ms=' + Percentile(times, 99).toFixed(4) +
      ' p50_push_ms=' + Percentile(times, 50).toFixed(4));
}

Main();
