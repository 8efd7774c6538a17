// Copyright the tenure authors.
// check_js_snapshots.mjs CASE TENURE PROGRAMS_DIR WORK_DIR NODE_DEPS
//
// Acceptance checks of heap snapshots written by the `tenure` JavaScript runtime itself:
//   leak:<program>:<class>:<text>[,<text>...]  run programs/<program>.js (it writes A, B, C with
//        v8.writeHeapSnapshot); `tenure heap leaks A B C` must list <class> as its TOP group and
//        that group's retainer path must contain every <text> (the variable / timer / closure).
//   churn      a garbage-only program: no leak group above 4 KB.
//   readers    the global-cache snapshots load with Chrome DevTools' code (heap-snapshot-toolkit):
//              class counts and diffs; memlab find-leaks --trace-all-objects reports LeakyRecord.
//   ids        the same object has the same id in A, B and C (full GCs in between).
//   flags      v8.writeHeapSnapshot() default file name, --heapsnapshot-signal=SIGUSR2,
//              --heapsnapshot-near-heap-limit, --heap-timeline (+ `tenure heap report --timeline`),
//              bad arguments.
// A missing npm package is a FAILURE with the install command, never a skip.
import {spawnSync, spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [testCase, tenureArg, programs, workRoot, nodeDeps] = process.argv.slice(2);
const tenure = tenureArg && path.resolve(tenureArg);
const programsDir = programs && path.resolve(programs);
if (!testCase || !tenureArg || !programs || !workRoot || !nodeDeps) {
  console.error('usage: check_js_snapshots.mjs CASE TENURE PROGRAMS_DIR WORK_DIR NODE_DEPS');
  process.exit(2);
}
let failures = 0;
const fail = (msg) => { failures++; console.error(`FAIL: ${msg}`); };
const check = (cond, msg) => (cond ? console.log(`ok: ${msg}`) : fail(msg));
const work = path.join(workRoot, testCase.split(':').slice(0, 2).join('_'));
fs.rmSync(work, {recursive: true, force: true});
fs.mkdirSync(work, {recursive: true});

// Runs programs/<name>.js in `work`; returns the paths of A, B, C.
function runProgram(name, flags = []) {
  const t0 = Date.now();
  const r = spawnSync(tenure, [...flags, path.join(programsDir, `${name}.js`)],
                      {cwd: work, encoding: 'utf8', timeout: 30000});
  console.log(`tenure ${name}.js: exit ${r.status}, ${Date.now() - t0} ms`);
  if (r.status !== 0) fail(`tenure ${name}.js exited ${r.status}: ${r.stderr}`);
  return ['A', 'B', 'C'].map((s) => path.join(work, `${s}.heapsnapshot`));
}

function heap(args) {
  const r = spawnSync(tenure, ['heap', ...args], {encoding: 'utf8', timeout: 30000});
  return {status: r.status, out: r.stdout || '', err: r.stderr || ''};
}

// The top group of `tenure heap leaks` text output: its table row and its first retainer path.
function topGroup(out) {
  const lines = out.split('\n');
  const row = lines.find((l) => /^1\s+\S/.test(l)) || '';
  const at = lines.findIndex((l) => /^\s+1\. /.test(l));
  let text = at < 0 ? '' : lines[at].trim();
  if (at >= 0 && /^\s+holds:/.test(lines[at + 1] || '')) text += ' ' + lines[at + 1].trim();
  return {cls: row.split(/\s+/)[1] || '', path: text};
}

// Minimal raw reader for id/edge checks (the files are small).
function load(file) {
  const s = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nf = s.snapshot.meta.node_fields.length;
  const ef = s.snapshot.meta.edge_fields.length;
  const edgeTypes = s.snapshot.meta.edge_types[0];
  const firstEdge = [];
  for (let i = 0, e = 0; i < s.nodes.length; i += nf) { firstEdge.push(e); e += s.nodes[i + 4] * ef; }
  const nodeTypes = s.snapshot.meta.node_types[0];
  const node = (ord) => ({ord, type: nodeTypes[s.nodes[ord * nf]], name: s.strings[s.nodes[ord * nf + 1]],
                          id: s.nodes[ord * nf + 2]});
  const edges = (ord) => {
    const out = [];
    for (let k = 0; k < s.nodes[ord * nf + 4]; k++) {
      const e = firstEdge[ord] + k * ef;
      const type = edgeTypes[s.edges[e]];
      const name = (type === 'element' || type === 'hidden') ? s.edges[e + 1] : s.strings[s.edges[e + 1]];
      out.push({type, name, to: s.edges[e + 2] / nf});
    }
    return out;
  };
  const child = (ord, name) => { const e = edges(ord).find((x) => x.name === name); return e ? e.to : -1; };
  return {node, edges, child, count: s.nodes.length / nf};
}

async function requireToolkit() {
  const index = path.join(nodeDeps, 'node_modules/heap-snapshot-toolkit/index.js');
  const memlab = path.join(nodeDeps, 'node_modules/.bin/memlab');
  for (const needed of [index, memlab]) {
    if (!fs.existsSync(needed)) {
      console.error(`FAIL: ${needed} is missing. Install with scripts/install-deps.sh ` +
                    `(or: bash scripts/deps/js-snapshot.sh from the repository root).`);
      process.exit(1);
    }
  }
  return {toolkit: await import(index), memlab};
}

const [kind, program, cls, texts] = testCase.split(':');
if (kind === 'leak') {
  const [A, B, C] = runProgram(program);
  const r = heap(['leaks', A, B, C]);
  console.log(r.out);
  check(r.status === 0, `tenure heap leaks exits 0 ${r.err}`);
  const top = topGroup(r.out);
  check(top.cls === cls, `top group class '${top.cls}' == '${cls}'`);
  for (const t of texts.split(',')) check(top.path.includes(t), `top group path names '${t}': ${top.path}`);
} else if (kind === 'churn') {
  const [A, B, C] = runProgram('churn');
  const r = heap(['leaks', A, B, C, '--min-retained', '4096']);
  console.log(r.out);
  check(r.status === 0, 'tenure heap leaks exits 0');
  check(/no leak groups/.test(r.out) && !/^1\s+\S/m.test(r.out), 'no leak group above 4 KB');
} else if (kind === 'readers') {
  const {toolkit, memlab} = await requireToolkit();
  const files = runProgram('global_cache');
  const parsed = [];
  for (const [i, f] of files.entries()) {
    const snap = await toolkit.parse(fs.createReadStream(f));
    parsed.push(snap);
    const byName = {};
    for (const a of Object.values(snap.aggregatesWithFilter({}))) byName[a.name] = a;
    const records = byName.LeakyRecord ? byName.LeakyRecord.count : 0;
    check(records === 300 * i, `DevTools: ${path.basename(f)} has ${records} LeakyRecords == ${300 * i}`);
    check(snap.nodeCount === load(f).count, `DevTools node count ${snap.nodeCount}`);
  }
  for (const [from, to] of [[0, 1], [1, 2]]) {
    const d = await toolkit.diff(parsed[from], parsed[to]);
    const e = Object.values(d).find((x) => x.name === 'LeakyRecord');
    check(e && e.addedCount === 300 && e.removedCount === 0, `DevTools diff: LeakyRecord +${e && e.addedCount}/-${e && e.removedCount}`);
  }
  const mwork = path.join(work, 'memlab');
  fs.mkdirSync(mwork, {recursive: true});
  const m = spawnSync(memlab, ['find-leaks', '--baseline', files[0], '--target', files[1], '--final', files[2],
                               '--trace-all-objects', '--work-dir', mwork],
                      {encoding: 'utf8', env: {...process.env, PUPPETEER_SKIP_DOWNLOAD: '1'}, timeout: 60000});
  const mout = (m.stdout || '') + (m.stderr || '');
  check(m.status === 0, `memlab find-leaks exits 0 (${m.status})`);
  check(/MemLab found [1-9]\d* leak/.test(mout), 'memlab reports a leak');
  check(/\[LeakyRecord\]/.test(mout), 'memlab trace names LeakyRecord');
  check(/--cache \(property\)--->/.test(mout), 'memlab trace goes through `cache`');
  if (failures) console.error(mout.split('\n').slice(0, 60).join('\n'));
} else if (kind === 'ids') {
  const snaps = runProgram('global_cache').map(load);
  const globalOf = (s) => s.edges(0).find((e) => e.type === 'shortcut').to;
  const ids = snaps.map((s) => s.node(s.child(globalOf(s), 'cache')).id);
  check(ids.every((id) => id === ids[0] && id > 0), `global.cache has one id in A, B, C: ${ids}`);
  const first = snaps.slice(1).map((s) => s.node(s.child(s.child(globalOf(s), 'cache'), 0)));
  check(first[0].name === 'LeakyRecord' && first[0].id === first[1].id,
        `cache[0] keeps its id from B to C: ${first.map((n) => `${n.name}@${n.id}`)}`);
  check(snaps.every((s) => s.node(globalOf(s)).name === 'global'), 'the user global is named global');
} else if (kind === 'describer') {
  // How runtime objects appear: constructor names, closures, contexts, strings, edge kinds, roots.
  const [, , C] = runProgram('global_cache');
  let s = load(C);
  const global = s.edges(0).find((e) => e.type === 'shortcut').to;
  const cacheEdge = s.edges(global).find((e) => e.name === 'cache');
  check(cacheEdge && cacheEdge.type === 'property' && s.node(cacheEdge.to).name === 'Array' &&
        s.node(cacheEdge.to).type === 'object', 'global -cache (property)-> Array object');
  const first = s.edges(cacheEdge.to).find((e) => e.type === 'element' && e.name === 0);
  const rec = first && s.node(first.to);
  check(rec && rec.name === 'LeakyRecord' && rec.type === 'object', 'cache -[0] (element)-> LeakyRecord object');
  const recEdges = s.edges(first.to);
  const label = recEdges.find((e) => e.name === 'label');
  check(label && s.node(label.to).type === 'string' && s.node(label.to).name === 'record-1000', 'label is the string "record-1000"');
  check(recEdges.some((e) => e.type === 'internal' && e.name === 'map' && s.node(e.to).name === 'system / Map'),
        'internal `map` edge to the shape (system / Map)');
  const proto = recEdges.find((e) => e.name === '__proto__');
  const ctor = proto ? s.child(proto.to, 'constructor') : -1;
  check(ctor >= 0 && s.node(ctor).type === 'closure' && s.node(ctor).name === 'LeakyRecord',
        '__proto__ -constructor-> the LeakyRecord closure');
  const gcRoots = s.edges(0).find((e) => s.node(e.to).name === '(GC roots)').to;
  const subroots = s.edges(gcRoots).map((e) => s.node(e.to).name);
  for (const r of ['(Stack roots)', '(Strong roots: js runtime)', '(Strong roots: js compiled code)']) {
    check(subroots.includes(r), `sub-root ${r}`);
  }
  const [, , C2] = runProgram('closure_big');
  s = load(C2);
  const g2 = s.edges(0).find((e) => e.type === 'shortcut').to;
  const onSize = s.child(s.child(s.child(g2, 'app'), 'handlers'), 'onSize');
  check(onSize >= 0 && s.node(onSize).type === 'closure' && s.node(onSize).name === 'onSize', 'onSize is a closure node');
  const ctx = s.child(onSize, 'context');
  check(ctx >= 0 && s.node(ctx).name === 'system / Context', 'closure -context-> system / Context');
  const ctxEdges = ctx >= 0 ? s.edges(ctx) : [];
  const big = ctxEdges.find((e) => e.type === 'context' && e.name === 'big');
  check(big && s.node(big.to).name === 'Array', 'context -big (context)-> Array');
  // `size` (a small integer) is captured too, but Smis are not heap objects: no node, no edge.
  check(ctxEdges.every((e) => e.name !== 'size'), 'no edge for the Smi `size`');
} else if (kind === 'flags') {
  // Default file name (node's pattern, in the cwd).
  let r = spawnSync(tenure, ['-e', "console.log(require('v8').writeHeapSnapshot())"], {cwd: work, encoding: 'utf8'});
  const name = r.stdout.trim();
  check(/^Heap\.\d{8}\.\d{6}\.\d+\.0\.\d{3}\.heapsnapshot$/.test(name) && fs.existsSync(path.join(work, name)),
        `writeHeapSnapshot() default name ${name}`);
  r = spawnSync(tenure, ['-e', "require('v8').writeHeapSnapshot(42)"], {cwd: work, encoding: 'utf8'});
  check(r.status === 1 && /TypeError.*"path" argument must be of type string/.test(r.stderr), 'non-string path: TypeError');
  r = spawnSync(tenure, ['-e', "require('v8').writeHeapSnapshot('/nonexistent-dir/x.heapsnapshot')"], {encoding: 'utf8'});
  check(r.status === 1 && /Error/.test(r.stderr), `unwritable path: an Error, exit 1 (${r.stderr.split('\n')[0]})`);
  r = spawnSync(tenure, ['--heapsnapshot-signal=SIGFOO', '-e', '1'], {encoding: 'utf8'});
  check(r.status === 9 && /unknown signal SIGFOO/.test(r.stderr), 'bad signal name: exit 9');
  r = spawnSync(tenure, ['--help'], {encoding: 'utf8'});
  check(/tenure heap/.test(r.stdout) && /--heapsnapshot-signal/.test(r.stdout), '--help mentions tenure heap and the flags');
  // --heapsnapshot-signal: the snapshot is written at the event loop's next safe point.
  const sigDir = path.join(work, 'signal');
  fs.mkdirSync(sigDir);
  const child = spawn(tenure, ['--heapsnapshot-signal=SIGUSR2', '-e',
                               "let n = 0; const t = setInterval(() => { if (++n === 150) clearInterval(t); }, 10);"],
                      {cwd: sigDir});
  await new Promise((res) => setTimeout(res, 400));
  child.kill('SIGUSR2');
  const code = await new Promise((res) => child.on('exit', (c) => res(c)));
  const written = fs.readdirSync(sigDir).filter((f) => f.endsWith('.heapsnapshot'));
  check(code === 0 && written.length === 1, `SIGUSR2 wrote one snapshot (${written}), exit ${code}`);
  if (written.length === 1) check(heap(['summary', path.join(sigDir, written[0])]).status === 0, 'signal snapshot loads');
  // The same signal with a process.on('SIGUSR2') listener: both the snapshot and the listener
  // (builtins_process_signals.cc chains to the snapshot handler).
  const bothDir = path.join(work, 'signal-listener');
  fs.mkdirSync(bothDir);
  r = spawnSync(tenure, ['--heapsnapshot-signal=SIGUSR2', '-e',
                         "const t = setTimeout(() => {}, 30000); process.on('SIGUSR2', (s) => { console.log('listener', s); " +
                         "clearTimeout(t); }); process.kill(process.pid, 'SIGUSR2');"],
                {cwd: bothDir, encoding: 'utf8', timeout: 20000});
  const both = fs.readdirSync(bothDir).filter((f) => f.endsWith('.heapsnapshot'));
  check(r.status === 0 && r.stdout === 'listener SIGUSR2\n' && both.length === 1,
        `SIGUSR2 with a listener: listener ran (${JSON.stringify(r.stdout)}) and one snapshot (${both}), exit ${r.status}`);
  // --heapsnapshot-near-heap-limit: snapshots written before the OOM.
  const nearDir = path.join(work, 'near');
  fs.mkdirSync(nearDir);
  r = spawnSync(tenure, ['--max-old-space-size=24', '--heapsnapshot-near-heap-limit=2', '-e',
                         'const keep = []; for (;;) keep.push(new Array(1000).fill(keep.length));'],
                {cwd: nearDir, encoding: 'utf8', timeout: 30000});
  const near = fs.readdirSync(nearDir).filter((f) => f.endsWith('.heapsnapshot'));
  check(r.status !== 0 && near.length >= 1 && near.length <= 2, `near-heap-limit: ${near.length} snapshot(s), then OOM exit ${r.status}`);
  check(/Wrote snapshot to Heap\./.test(r.stderr), 'near-heap-limit prints "Wrote snapshot to"');
  for (const f of near) check(heap(['summary', path.join(nearDir, f)]).status === 0, `${f} loads`);
  // --heap-timeline: NDJSON at every GC and periodically; usable by `tenure heap report`.
  const [A, B, C] = runProgram('forgotten_interval', ['--heap-timeline=timeline.ndjson']);
  const lines = fs.readFileSync(path.join(work, 'timeline.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  check(lines.length >= 5, `timeline has ${lines.length} samples`);
  check(lines.some((l) => l.gc && l.gc.type === 'mark-compact') && lines.some((l) => l.gc === null),
        'timeline has GC samples (the snapshots\' full GCs) and periodic samples');
  check(lines.every((l, i) => i === 0 || l.t_ms >= lines[i - 1].t_ms), 't_ms never decreases');
  r = heap(['report', A, B, C, '--html', path.join(work, 'report.html'), '--timeline', path.join(work, 'timeline.ndjson')]);
  check(r.status === 0 && fs.existsSync(path.join(work, 'report.html')), `tenure heap report --timeline exits 0 ${r.err}`);
} else {
  fail(`unknown case ${testCase}`);
}
if (failures) {
  console.error(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('all checks passed');
