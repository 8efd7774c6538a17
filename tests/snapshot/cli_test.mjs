// CLI behaviour of tenure-heap on node-written snapshots: summary, diff, path, --json, --help,
// exit codes for bad usage and hostile files, and no progress output when stderr is not a tty.
//
// usage: node cli_test.mjs TENURE_HEAP WORKDIR
import {spawnSync, execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [tenureHeap, workDir] = process.argv.slice(2);
fs.rmSync(workDir, {recursive: true, force: true});
fs.mkdirSync(workDir, {recursive: true});
let failures = 0;
function check(cond, msg) {
  if (!cond) { failures++; console.error('FAIL: ' + msg); }
}
function run(args) {
  const r = spawnSync(tenureHeap, args, {maxBuffer: 1 << 28});
  return {code: r.status, out: r.stdout.toString(), err: r.stderr.toString()};
}

const before = path.join(workDir, 'before.heapsnapshot');
const after = path.join(workDir, 'after.heapsnapshot');
execFileSync(process.execPath, ['-e', `
  const v8 = require('v8');
  class Widget { constructor(i) { this.i = i; this.data = new Array(64).fill(i); } }
  class Session { constructor(i) { this.i = i; } }
  globalThis.widgets = Array.from({length: 100}, (_, i) => new Widget(i));
  const sessions = [];  // a script-context variable (top-level const of a classic script)
  v8.writeHeapSnapshot(${JSON.stringify(before)});
  for (let i = 0; i < 250; i++) widgets.push(new Widget(i));
  for (let i = 0; i < 30; i++) sessions.push(new Session(i));
  widgets.splice(0, 50);
  v8.writeHeapSnapshot(${JSON.stringify(after)});
`]);

// summary: text table and JSON agree; Widget counted; retained >= shallow everywhere.
{
  const t = run(['summary', after]);
  check(t.code === 0, `summary exit ${t.code}: ${t.err}`);
  check(/^Widget\s+300\s/m.test(t.out), 'summary table lacks "Widget 300" row:\n' + t.out.slice(0, 2000));
  check(t.out.includes('top objects by retained size'), 'summary lacks top objects');
  check(t.err === '', `summary wrote to stderr without a tty: ${JSON.stringify(t.err)}`);
  const j = JSON.parse(run(['summary', after, '--json']).out);
  const w = j.classes.find(c => c.name === 'Widget');
  check(w && w.count === 300, `summary --json Widget count ${w && w.count}`);
  check(j.classes.every(c => c.retained_size >= c.self_size), 'a class retains less than its shallow size');
  check(j.top_objects.length === 20, `top objects ${j.top_objects.length}`);
}

// diff: +250 -50 Widgets, matched by id.
{
  const j = JSON.parse(run(['diff', before, after, '--json']).out);
  const w = j.classes.find(c => c.name === 'Widget');
  check(w && w.added_count === 250 && w.removed_count === 50 && w.count_delta === 200,
        `diff Widget ${JSON.stringify(w)}`);
  const t = run(['diff', before, after]);
  check(/^Widget\s+250\s+50\s+\+200\s/m.test(t.out), 'diff table lacks Widget row:\n' + t.out.slice(0, 1500));
}

// leaks with two files and path on one of the leaked objects.
{
  const j = JSON.parse(run(['leaks', before, after, '--json']).out);
  const g = j.groups[0];
  check(g && g.class === 'Widget' && g.count === 250, `two-file leaks top group ${JSON.stringify(g)}`);
  check(g && g.path.includes('global → widgets: Array'), `two-file leaks path ${g && g.path}`);
  const sg = j.groups.find(x => x.class === 'Session');
  check(sg && sg.count === 30 && sg.path.includes('var sessions: Array → [0]: Session'),
        `script-context leak group ${JSON.stringify(sg)}`);
  const id = g.sample_ids[0];
  const p = run(['path', after, String(id)]);
  check(p.code === 0 && p.out.includes(`Widget @${id}`) && p.out.includes('widgets: Array @'),
        'path output:\n' + p.out);
  const pj = JSON.parse(run(['path', after, '@' + id, '--json']).out);
  check(pj.paths.length >= 1 && pj.paths[0].startsWith('(GC roots) → global @'), `path --json ${JSON.stringify(pj)}`);
  const missing = run(['path', after, '2']);
  check(missing.code === 2 && missing.err.includes('no node with id 2'), `path of a missing id: ${missing.code}`);
  const big = JSON.parse(run(['leaks', before, after, '--json', '--min-retained', '1000000000']).out);
  check(big.groups.length === 0 && big.dropped_groups > 0, 'threshold did not drop groups');
}

// usage errors -> exit 2 with a message; --help -> exit 0.
{
  const h = run(['--help']);
  check(h.code === 0 && h.out.includes('leaks BASELINE TARGET FINAL'), '--help');
  for (const args of [[], ['frobnicate'], ['summary'], ['summary', after, after], ['diff', before],
                      ['leaks', before], ['summary', after, '--top'], ['summary', after, '--top', 'x'],
                      ['summary', after, '--bogus'], ['report', before, after, after]]) {
    const r = run(args);
    check(r.code === 2 && r.err.length > 0, `usage ${JSON.stringify(args)} -> exit ${r.code}, stderr ${r.err}`);
  }
}

// hostile files -> exit 2 and an error naming the byte offset.
{
  const text = fs.readFileSync(before, 'utf8');
  const cases = {
    'truncated': text.slice(0, Math.floor(text.length * 0.6)),
    'junk': text.replace('"nodes":[', '"nodes":[x'),
    'bad-count': text.replace(/"node_count":\d+/, '"node_count":7'),
  };
  for (const [name, body] of Object.entries(cases)) {
    const f = path.join(workDir, name + '.heapsnapshot');
    fs.writeFileSync(f, body);
    const r = run(['summary', f]);
    check(r.code === 2 && /at byte \d+/.test(r.err), `${name}: exit ${r.code}, stderr ${r.err}`);
  }
  const r = run(['summary', path.join(workDir, 'does-not-exist.heapsnapshot')]);
  check(r.code === 2 && r.err.includes('No such file'), `missing file: ${r.code} ${r.err}`);
}

if (failures) {
  console.error(`FAIL: ${failures} checks failed`);
  process.exit(1);
}
console.log('PASS');
