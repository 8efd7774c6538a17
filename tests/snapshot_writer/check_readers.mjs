// Copyright the tenure authors.
// check_readers.mjs LEAKY_STORE WORK_DIR NODE_DEPS [TENURE_HEAP]
//
// Runs tenure_leaky_store (three snapshots A, B, C of a heap whose global `store` array grows by
// 300 LeakyRecords per phase, plus churn), then reads them with third-party readers:
//   1. Chrome DevTools' own snapshot code (npm heap-snapshot-toolkit): the header's meta must equal
//      the meta node itself writes; node count, class counts and total size must match what the
//      C++ side computed from the heap (expected.json); the A->B and B->C diffs must show exactly
//      the added LeakyRecords.
//   2. memlab find-leaks --trace-all-objects must report the LeakyRecord leak through `store`.
//   3. tenure-heap leaks A B C (if built) must name `store` in its top group.
// Missing npm packages are a FAILURE with the install command, never a skip.
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

const [leakyStore, workDir, nodeDeps, tenureHeap] = process.argv.slice(2);
if (!leakyStore || !workDir || !nodeDeps) {
  console.error('usage: check_readers.mjs LEAKY_STORE WORK_DIR NODE_DEPS [TENURE_HEAP]');
  process.exit(2);
}
let failures = 0;
const fail = (msg) => { failures++; console.error(`FAIL: ${msg}`); };
const ok = (msg) => console.log(`ok: ${msg}`);
const check = (cond, msg) => (cond ? ok(msg) : fail(msg));

const toolkitIndex = path.join(nodeDeps, 'node_modules/heap-snapshot-toolkit/index.js');
const memlabBin = path.join(nodeDeps, 'node_modules/.bin/memlab');
for (const needed of [toolkitIndex, memlabBin]) {
  if (!fs.existsSync(needed)) {
    console.error(`FAIL: ${needed} is missing. Install the reader packages with ` +
                  `scripts/install-deps.sh (or: bash -c 'source scripts/deps/snapshot-writer.sh' ` +
                  `from the repository root).`);
    process.exit(1);
  }
}
const {parse, diff} = await import(toolkitIndex);

// ---- Produce the snapshots -----------------------------------------------------------------------
fs.rmSync(workDir, {recursive: true, force: true});
fs.mkdirSync(workDir, {recursive: true});
let t0 = Date.now();
execFileSync(leakyStore, [workDir], {stdio: 'inherit'});
console.log(`tenure_leaky_store: ${Date.now() - t0} ms`);
const expected = JSON.parse(fs.readFileSync(path.join(workDir, 'expected.json'), 'utf8')).snapshots;
const [A, B, C] = expected.map((e) => e.file);

// ---- 1. DevTools ----------------------------------------------------------------------------------
// The meta node 20 writes itself (first chunk of its own snapshot stream).
async function nodeMeta() {
  let text = '';
  for await (const chunk of v8.getHeapSnapshot()) {
    text += chunk;
    const end = text.indexOf('"nodes"');
    if (end >= 0) {
      const header = text.slice(0, end).replace(/,\s*$/, '') + '}';
      return JSON.parse(header).snapshot.meta;
    }
  }
  throw new Error('no header in node\'s snapshot');
}
const referenceMeta = JSON.stringify(await nodeMeta());

const parsed = [];
for (const [i, exp] of expected.entries()) {
  const name = path.basename(exp.file);
  const text = fs.readFileSync(exp.file, 'utf8');
  const header = JSON.parse(text.slice(0, text.indexOf('"nodes"')).replace(/,\s*$/, '') + '}');
  check(JSON.stringify(header.snapshot.meta) === referenceMeta, `${name}: meta equals node ${process.version}'s`);
  t0 = Date.now();
  const snap = await parse(fs.createReadStream(exp.file));
  console.log(`${name}: DevTools parse + init ${Date.now() - t0} ms, ${text.length} bytes`);
  parsed.push(snap);
  check(snap.nodeCount === exp.node_count, `${name}: DevTools node count ${snap.nodeCount} == ${exp.node_count}`);
  check(snap.totalSize === exp.total_self_size,
        `${name}: DevTools total size ${snap.totalSize} == sum of self sizes ${exp.total_self_size}`);
  const stats = snap.getStatistics();
  check(stats.total === exp.total_self_size, `${name}: getStatistics().total ${stats.total}`);
  const aggregates = snap.aggregatesWithFilter({});
  const byName = {};
  for (const a of Object.values(aggregates)) byName[a.name] = a;
  for (const [cls, count] of Object.entries(exp.classes)) {
    const got = byName[cls] ? byName[cls].count : 0;
    check(got === count, `${name}: DevTools class ${cls}: ${got} == ${count}`);
  }
  const leaky = byName.LeakyRecord ? byName.LeakyRecord.count : 0;
  check(leaky === exp.leaky_records, `${name}: ${leaky} LeakyRecords == ${exp.leaky_records}`);
  check(!byName.ChurnObject, `${name}: no ChurnObject survives the snapshot's full GC`);
  // Every LeakyRecord is reachable from the user global at distance 4: global -store-> Array
  // -elements-> (object elements) -n-> LeakyRecord (DevTools counts from the root's shortcut).
  if (byName.LeakyRecord) {
    check(byName.LeakyRecord.distance === 4, `${name}: LeakyRecord distance ${byName.LeakyRecord.distance} == 4`);
  }
  check(snap.maxJsNodeId() === exp.max_id, `${name}: max JS node id ${snap.maxJsNodeId()} == ${exp.max_id}`);
}

for (const [from, to, label] of [[0, 1, 'A->B'], [1, 2, 'B->C']]) {
  const d = await diff(parsed[from], parsed[to]);
  const entry = Object.values(d).find((x) => x.name === 'LeakyRecord');
  const added = expected[to].leaky_records - expected[from].leaky_records;
  check(entry && entry.addedCount === added && entry.removedCount === 0,
        `DevTools diff ${label}: LeakyRecord +${entry && entry.addedCount}/-${entry && entry.removedCount} == +${added}/-0`);
  const global = Object.values(d).find((x) => x.name === 'Global');
  check(!global || (global.addedCount === 0 && global.removedCount === 0),
        `DevTools diff ${label}: the Global keeps its id`);
}

// ---- 2. memlab ------------------------------------------------------------------------------------
t0 = Date.now();
const memlabWork = path.join(workDir, 'memlab');
fs.mkdirSync(memlabWork, {recursive: true});
const memlab = spawnSync(memlabBin, ['find-leaks', '--baseline', A, '--target', B, '--final', C,
                                     '--trace-all-objects', '--work-dir', memlabWork],
                         {encoding: 'utf8', env: {...process.env, PUPPETEER_SKIP_DOWNLOAD: '1'}, timeout: 90000});
console.log(`memlab find-leaks: ${Date.now() - t0} ms, exit ${memlab.status}`);
const memlabOut = (memlab.stdout || '') + (memlab.stderr || '');
const leakLine = memlabOut.match(/MemLab found (\d+) leak/);
check(memlab.status === 0, 'memlab find-leaks exits 0');
check(leakLine && Number(leakLine[1]) >= 1, `memlab reports leaks (${leakLine ? leakLine[0] : 'no summary line'})`);
check(/\[LeakyRecord\]/.test(memlabOut), 'memlab trace names LeakyRecord');
check(/--store \(property\)--->/.test(memlabOut), 'memlab retainer trace goes through `store`');
if (failures) console.error(memlabOut.split('\n').slice(0, 60).join('\n'));

// ---- 3. tenure-heap -------------------------------------------------------------------------------
if (tenureHeap) {
  const out = spawnSync(tenureHeap, ['leaks', A, B, C, '--json'], {encoding: 'utf8'});
  check(out.status === 0, `tenure-heap leaks exits 0 (${out.stderr.trim()})`);
  let report = null;
  try { report = JSON.parse(out.stdout); } catch (e) { fail(`tenure-heap leaks --json output: ${e.message}`); }
  if (report) {
    const groups = report.groups || report.leaks || [];
    const top = JSON.stringify(groups[0] || {});
    check(/LeakyRecord/.test(top), 'tenure-heap leaks: top group is LeakyRecord');
    check(/store/.test(top), 'tenure-heap leaks: top group\'s path names `store`');
  }
} else {
  console.log('tenure-heap not built in this tree; analyzer check not run');
}

if (failures) {
  console.error(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('all reader checks passed');
