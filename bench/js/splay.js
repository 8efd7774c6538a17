// A Splay-like benchmark in ES5, written from the published Octane Splay / SplayLatency parameters
// (chromium/octane splay.js description; /work/shared/reference/benchmarks.md §2): a splay tree of
// kTreeSize = 8000 nodes keyed by random numbers, each holding a payload tree of depth 5 whose
// leaves are {array: [0..9], string: 'String for key <key> in leaf node'}; every run inserts
// kModifications = 80 new nodes and removes 80 others, so payloads live ~100 runs (most objects
// outlive a nursery). Keys come from a deterministic PRNG (own LCG seeded with Octane's 49734321;
// not base.js's exact sequence). Latency follows Octane's formula: a sample is the time since the
// previous sample, taken every 20 inserts in setup and after every run; RMS = round(sqrt(mean of
// squared samples) * 10000); SplayLatency = 100 * 2739514 / RMS; Splay = 100 * 81491 / (µs per run).
// Runs until >= kMinMs ms and >= 32 runs (Octane's measurement rule). Globals: BENCH_QUICK.
// Output: `RESULT workload=splay wall_ms=... runs=... us_per_run=... score=... latency_score=...
// rms_ms=... max_sample_ms=...`.
var now = (typeof performance !== 'undefined' && performance.now) ?
    function () { return performance.now(); } : function () { return Date.now(); };
var log = (typeof console !== 'undefined' && console.log) ?
    function (s) { console.log(s); } : function (s) { print(s); };

var quick = (typeof BENCH_QUICK !== 'undefined') && BENCH_QUICK;
var kTreeSize = 8000;
var kModifications = 80;
var kPayloadDepth = 5;
var kMinRuns = 32;
var kMinMs = quick ? 200 : 1000;

// Park–Miller minimal standard LCG (16807 multiplier, modulus 2^31-1), exact in doubles.
var seed = 49734321 % 2147483647;
function NextRandom() {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
}

function SplayNode(key, value) {
  this.key = key;
  this.value = value;
  this.left = null;
  this.right = null;
}

function SplayTree() {
  this.root = null;
}

SplayTree.prototype.isEmpty = function () { return this.root === null; };

// Top-down splay (Sleator & Tarjan 1985): brings the node with `key`, or the last node on its
// search path, to the root.
SplayTree.prototype.splay = function (key) {
  if (this.root === null) return;
  var header = new SplayNode(null, null);
  var leftMax = header;
  var rightMin = header;
  var t = this.root;
  while (true) {
    if (key < t.key) {
      if (t.left === null) break;
      if (key < t.left.key) {  // zig-zig: rotate right
        var y = t.left;
        t.left = y.right;
        y.right = t;
        t = y;
        if (t.left === null) break;
      }
      rightMin.left = t;  // link right
      rightMin = t;
      t = t.left;
    } else if (key > t.key) {
      if (t.right === null) break;
      if (key > t.right.key) {  // zig-zig: rotate left
        var z = t.right;
        t.right = z.left;
        z.left = t;
        t = z;
        if (t.right === null) break;
      }
      leftMax.right = t;  // link left
      leftMax = t;
      t = t.right;
    } else {
      break;
    }
  }
  leftMax.right = t.left;  // assemble
  rightMin.left = t.right;
  t.left = header.right;
  t.right = header.left;
  this.root = t;
};

SplayTree.prototype.insert = function (key, value) {
  if (this.root === null) {
    this.root = new SplayNode(key, value);
    return;
  }
  this.splay(key);
  if (this.root.key === key) return;
  var node = new SplayNode(key, value);
  if (key > this.root.key) {
    node.left = this.root;
    node.right = this.root.right;
    this.root.right = null;
  } else {
    node.right = this.root;
    node.left = this.root.left;
    this.root.left = null;
  }
  this.root = node;
};

SplayTree.prototype.find = function (key) {
  if (this.root === null) return null;
  this.splay(key);
  return this.root.key === key ? this.root : null;
};

SplayTree.prototype.remove = function (key) {
  if (this.root === null) throw new Error('remove from an empty tree');
  this.splay(key);
  if (this.root.key !== key) throw new Error('key ' + key + ' not found');
  var removed = this.root;
  if (this.root.left === null) {
    this.root = this.root.right;
  } else {
    var right = this.root.right;
    this.root = this.root.left;
    this.splay(key);  // the largest key of the left subtree becomes the root; its right is empty
    this.root.right = right;
  }
  return removed;
};

SplayTree.prototype.findMax = function (start) {
  var current = start || this.root;
  if (current === null) return null;
  while (current.right !== null) current = current.right;
  return current;
};

SplayTree.prototype.findGreatestLessThan = function (key) {
  if (this.root === null) return null;
  this.splay(key);
  if (this.root.key < key) return this.root;
  if (this.root.left !== null) return this.findMax(this.root.left);
  return null;
};

// Visits every node in key order (used by the final size check).
SplayTree.prototype.forEach = function (visit) {
  var stack = [];
  var node = this.root;
  while (node !== null || stack.length > 0) {
    while (node !== null) {
      stack.push(node);
      node = node.left;
    }
    node = stack.pop();
    visit(node);
    node = node.right;
  }
};

function GeneratePayloadTree(depth, tag) {
  if (depth === 0) {
    return {
      array: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      string: 'String for key ' + tag + ' in leaf node'
    };
  }
  return {left: GeneratePayloadTree(depth - 1, tag), right: GeneratePayloadTree(depth - 1, tag)};
}

var tree = new SplayTree();
var samples = [];
var lastSample = 0;

function UpdateStats(time) {
  samples.push(time - lastSample);
  lastSample = time;
}

function InsertNewNode() {
  var key;
  do {
    key = NextRandom();
  } while (tree.find(key) !== null);
  tree.insert(key, GeneratePayloadTree(kPayloadDepth, String(key)));
  return key;
}

function SplayRun() {
  for (var i = 0; i < kModifications; i++) {
    var key = InsertNewNode();
    var greatest = tree.findGreatestLessThan(key);
    if (greatest === null) tree.remove(key);
    else tree.remove(greatest.key);
  }
}

function Main() {
  var start = now();
  lastSample = start;
  for (var i = 0; i < kTreeSize; i++) {
    InsertNewNode();
    if ((i + 1) % 20 === 19) UpdateStats(now());
  }
  var runStart = now();
  var runs = 0;
  while (runs < kMinRuns || now() - runStart < kMinMs) {
    SplayRun();
    UpdateStats(now());
    runs++;
  }
  var runMs = now() - runStart;
  var size = 0;
  tree.forEach(function () { size++; });
  if (size !== kTreeSize) throw new Error('tree has ' + size + ' nodes, expected ' + kTreeSize);
  var sumSquares = 0;
  var maxSample = 0;
  for (i = 0; i < samples.length; i++) {
    sumSquares += samples[i] * samples[i];
    if (samples[i] > maxSample) maxSample = samples[i];
  }
  var rmsMs = Math.sqrt(sumSquares / samples.length);
  var usPerRun = runMs * 1000 / runs;
  log('RESULT workload=splay wall_ms=' + (now() - start).toFixed(3) + ' runs=' + runs +
      ' us_per_run=' + usPerRun.toFixed(1) + ' score=' + Math.round(100 * 81491 / usPerRun) +
      ' latency_score=' + Math.round(100 * 2739514 / Math.round(rmsMs * 10000)) +
      ' rms_ms=' + rmsMs.toFixed(3) + ' max_sample_ms=' + maxSample.toFixed(3));
}

Main();
