// binary-trees (Benchmarks Game rules: min depth 4, stretch depth N+1, long-lived depth N,
// 2^(N-d+4) trees per depth d = 4, 6, ..., N), ES5. N = global BENCH_N, else the first script
// argument on node, else 18. Each check is verified against 2^(d+1)-1 per tree; a mismatch throws.
// Output: the published lines, then `RESULT workload=binary-trees n=... wall_ms=...`.
var now = (typeof performance !== 'undefined' && performance.now) ?
    function () { return performance.now(); } : function () { return Date.now(); };
var log = (typeof console !== 'undefined' && console.log) ?
    function (s) { console.log(s); } : function (s) { print(s); };

function ReadN() {
  var n = 18;
  if (typeof BENCH_N !== 'undefined') {
    n = BENCH_N;
  } else if (typeof process !== 'undefined' && process.argv && process.argv.length > 2) {
    n = parseInt(process.argv[2], 10);
  }
  if (!(n >= 4 && n <= 24) || Math.floor(n) !== n) throw new Error('N must be an integer in 4..24');
  return n;
}

function TreeNode(left, right) {
  this.left = left;
  this.right = right;
}

function BottomUpTree(depth) {
  if (depth <= 0) return new TreeNode(null, null);
  return new TreeNode(BottomUpTree(depth - 1), BottomUpTree(depth - 1));
}

function ItemCheck(node) {
  if (node.left === null) return 1;
  return 1 + ItemCheck(node.left) + ItemCheck(node.right);
}

function Expect(what, got, want) {
  if (got !== want) throw new Error(what + ' check ' + got + ', expected ' + want);
}

function Main() {
  var start = now();
  var minDepth = 4;
  var maxDepth = Math.max(minDepth + 2, ReadN());
  var stretchDepth = maxDepth + 1;
  var check = ItemCheck(BottomUpTree(stretchDepth));
  log('stretch tree of depth ' + stretchDepth + '\t check: ' + check);
  Expect('stretch', check, Math.pow(2, stretchDepth + 1) - 1);
  var longLived = BottomUpTree(maxDepth);
  for (var depth = minDepth; depth <= maxDepth; depth += 2) {
    var iterations = Math.pow(2, maxDepth - depth + minDepth);
    check = 0;
    for (var i = 0; i < iterations; i++) check += ItemCheck(BottomUpTree(depth));
    log(iterations + '\t trees of depth ' + depth + '\t check: ' + check);
    Expect('depth ' + depth, check, iterations * (Math.pow(2, depth + 1) - 1));
  }
  check = ItemCheck(longLived);
  log('long lived tree of depth ' + maxDepth + '\t check: ' + check);
  Expect('long lived', check, Math.pow(2, maxDepth + 1) - 1);
  log('RESULT workload=binary-trees n=' + maxDepth + ' wall_ms=' + (now() - start).toFixed(3));
}

Main();
