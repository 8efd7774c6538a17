// `tenure-heap report ... --html` rendered by headless Chromium: the page's own script must draw
// the growth chart, the timeline chart (four series, GC marks) and the leak table.
//
// usage: node html_report_test.mjs TENURE_HEAP WORKDIR
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const [tenureHeap, workDir] = process.argv.slice(2);
const programs = path.join(path.dirname(fileURLToPath(import.meta.url)), 'leak_programs');
fs.rmSync(workDir, {recursive: true, force: true});
fs.mkdirSync(workDir, {recursive: true});
let failures = 0;
function check(cond, msg) {
  if (!cond) { failures++; console.error('FAIL: ' + msg); }
}
const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find(
    c => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);
if (!chromium) {
  console.error('FAIL: chromium not installed (scripts/deps/snapshot.sh installs it)');
  process.exit(1);
}

execFileSync(process.execPath, ['--expose-gc', path.join(programs, 'global_cache.js'), workDir]);
// A timeline in the documented format, sampled from a real node process, with its GCs marked.
const timeline = path.join(workDir, 'timeline.ndjson');
execFileSync(process.execPath, ['--expose-gc', '-e', `
  const fs = require('fs'); const {PerformanceObserver, performance} = require('perf_hooks');
  const lines = []; const t0 = performance.now();
  function sample(gc) { const m = process.memoryUsage();
    lines.push(JSON.stringify({t_ms: +(performance.now() - t0).toFixed(3), heapUsed: m.heapUsed, heapTotal: m.heapTotal,
                               rss: m.rss, external: m.external, gc})); }
  const obs = new PerformanceObserver(list => { for (const e of list.getEntries())
    sample({type: e.detail.kind === 1 ? 'scavenge' : 'mark-compact', pause_ms: +e.duration.toFixed(3)}); });
  obs.observe({entryTypes: ['gc']});
  const keep = []; let i = 0;
  const timer = setInterval(() => { for (let j = 0; j < 20000; j++) keep.push({j, s: 'x' + j}); sample(null);
    if (++i === 15) { clearInterval(timer); global.gc(); setTimeout(() => { obs.disconnect();
      fs.writeFileSync(${JSON.stringify(timeline)}, lines.join('\\n') + '\\n'); }, 20); } }, 5);
`]);
const lines = fs.readFileSync(timeline, 'utf8').trim().split('\n');
check(lines.length >= 15, `timeline has ${lines.length} samples`);

const html = path.join(workDir, 'report.html');
const files = ['baseline', 'target', 'final'].map(l => path.join(workDir, l + '.heapsnapshot'));
const r = spawnSync(tenureHeap, ['report', ...files, '--html', html, '--timeline', timeline]);
check(r.status === 0, `report exit ${r.status}: ${r.stderr}`);
const source = fs.readFileSync(html, 'utf8');
check(!/(src|href)=["']?https?:/i.test(source), 'report references the network');

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tenure-chromium-'));
const dom = spawnSync(chromium, [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, '--dump-dom', 'file://' + html,
], {timeout: 60000, maxBuffer: 1 << 26});
fs.rmSync(profile, {recursive: true, force: true});
const out = dom.stdout ? dom.stdout.toString() : '';
check(dom.status === 0 && out.length > 0, `chromium exit ${dom.status}: ${dom.stderr}`);
check(out.includes('data-rendered="yes"'), 'page script did not finish (data-rendered != yes)');
check(/<svg[^>]*id="growth-chart"/.test(out) && (out.match(/class="bar"/g) || []).length === 3,
      'growth chart with three bars not rendered');
check(/<svg[^>]*id="timeline-chart"/.test(out), 'timeline chart not rendered');
for (const s of ['heapUsed', 'heapTotal', 'rss', 'external']) {
  check(out.includes(`data-series="${s}"`), `timeline series ${s} missing`);
}
const gcLines = lines.filter(l => JSON.parse(l).gc !== null).length;
check(gcLines > 0, 'the timeline recorded no GC');
check((out.match(/class="gc-mark"/g) || []).length === gcLines, `expected ${gcLines} GC marks`);
check(/<table id="leak-table">/.test(out), 'leak table not rendered');
const rows = out.match(/<tr class="leak-row">.*?<\/tr>/g) || [];
check(rows.length >= 1 && rows[0].includes('LeakyRecord') && rows[0].includes('global → cache: Array'),
      'first leak row: ' + rows[0]);

if (failures) {
  console.error(`FAIL: ${failures} checks failed`);
  process.exit(1);
}
console.log(`PASS (${rows.length} leak rows, ${gcLines} GC marks)`);
