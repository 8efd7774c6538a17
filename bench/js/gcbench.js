// GCBench in ES5, implemented from the published parameters (Ellis/Kovac/Boehm; see
// bench/cpp/gcbench.h for the phase description). Runs unchanged on node, duk and tenure.
// Globals read if defined (the harness prepends them): BENCH_QUICK (smaller depths).
// Output: PHASE lines, then `RESULT workload=gcbench wall_ms=...`; exits via a thrown Error
// if the long-lived data was lost.
var now = (typeof performance !== 'undefined' && performance.now) ?
    function () { return performance.now(); } : function () { return Date.now(); };
var log = (typeof console !== 'undefined' && console.log) ?
    function (s) { console.log(s); } : function (s) { print(s); };

var quick = (typeof BENCH_QUICK !== 'undefined') && BENCH_QUICK;
var kStretchTreeDepth = quick ? 14 : 18;
var kLongLivedTreeDepth = quick ? 12 : 16;
var kArraySize = quick ? 50000 : 500000;
var kMinTreeDepth = 4;
var kMaxTreeDepth = quick ? 12 : 16;

function Node(left, right) {
  this.left = left;
  this.right = right;
  this.i = 0;
  this.j = 0;
}

function TreeSize(depth) { return Math.pow(2, depth + 1) - 1; }
function NumIters(depth) { return Math.floor(2 * TreeSize(kStretchTreeDepth) / TreeSize(depth)); }

// Top-down: gives `node` two fresh children (stores into an older object), `depth` levels deep.
function Populate(depth, node) {
  if (depth <= 0) return;
  depth--;
  node.left = new Node(null, null);
  node.right = new Node(null, null);
  Populate(depth, node.left);
  Populate(depth, node.right);
}

// Bottom-up: both subtrees exist before their parent.
function MakeTree(depth) {
  if (depth <= 0) return new Node(null, null);
  return new Node(MakeTree(depth - 1), MakeTree(depth - 1));
}

function CountNodes(node) {
  if (node === null) return 0;
  return 1 + CountNodes(node.left) + CountNodes(node.right);
}

function Phase(name, ms) { log('PHASE name=' + name + ' ms=' + ms.toFixed(3)); }

function TimeConstruction(depth) {
  var iters = NumIters(depth);
  var t = now();
  for (var i = 0; i < iters; i++) {
    var tree = new Node(null, null);
    Populate(depth, tree);
    tree = null;
  }
  Phase('top_down_d' + depth, now() - t);
  t = now();
  for (i = 0; i < iters; i++) {
    tree = MakeTree(depth);
    tree = null;
  }
  Phase('bottom_up_d' + depth, now() - t);
}

function Main() {
  var start = now();
  var t = now();
  var stretch = MakeTree(kStretchTreeDepth);
  stretch = null;
  Phase('stretch', now() - t);
  t = now();
  var longLived = new Node(null, null);
  Populate(kLongLivedTreeDepth, longLived);
  var array = new Array(kArraySize);
  for (var i = 0; i < kArraySize / 2; i++) array[i] = 1.0 / i;
  Phase('long_lived', now() - t);
  for (var d = kMinTreeDepth; d <= kMaxTreeDepth; d += 2) TimeConstruction(d);
  var probe = Math.floor(kArraySize / 4);
  if (CountNodes(longLived) !== TreeSize(kLongLivedTreeDepth) || array[probe] !== 1.0 / probe) {
    throw new Error('long-lived tree or array was lost');
  }
  log('RESULT workload=gcbench wall_ms=' + (now() - start).toFixed(3));
}

Main();
