// Acceptance test: the seed's four leaks (/work/shared/seed/memory-management-in-nodejs.md),
// reproduced by small node programs that write three snapshots each; `tenure-heap leaks` must name
// the responsible variable / timer / closure in its top group. A churn program must report nothing.
//
// usage: node seed_leaks_test.mjs TENURE_HEAP WORKDIR
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const [tenureHeap, workDir] = process.argv.slice(2);
const programs = path.join(path.dirname(fileURLToPath(import.meta.url)), 'leak_programs');
let failures = 0;
function check(cond, msg) {
  if (!cond) { failures++; console.error('FAIL: ' + msg); }
}

function leaks(name, extraArgs = []) {
  const dir = path.join(workDir, name);
  fs.rmSync(dir, {recursive: true, force: true});
  fs.mkdirSync(dir, {recursive: true});
  execFileSync(process.execPath, ['--expose-gc', path.join(programs, name + '.js'), dir]);
  const files = ['baseline', 'target', 'final'].map(l => path.join(dir, l + '.heapsnapshot'));
  const json = JSON.parse(execFileSync(tenureHeap, ['leaks', ...files, '--json', ...extraArgs]).toString());
  const top = json.groups.slice(0, 3).map(g => `  ${g.class} x${g.count} ${g.retained_size} B: ${g.path}\n    holds: ${g.holds}`);
  console.log(`== ${name}: ${json.groups.length} groups\n${top.join('\n')}`);
  return json;
}

function expectTop(name, json, {cls, minCount, minBytes, pathHas, holdsHas = []}) {
  const g = json.groups[0];
  check(g, `${name}: no leak group`);
  if (!g) return;
  check(g.class === cls, `${name}: top group class ${g.class}, expected ${cls}`);
  check(g.count >= minCount, `${name}: top group count ${g.count} < ${minCount}`);
  check(g.retained_size >= minBytes, `${name}: top group retains ${g.retained_size} < ${minBytes}`);
  for (const s of pathHas) check(g.path.includes(s), `${name}: path lacks '${s}': ${g.path}`);
  for (const s of holdsHas) check(g.holds.includes(s), `${name}: holds lacks '${s}': ${g.holds}`);
}

// 1. global.cache = [] -> the global property `cache`.
expectTop('global_cache', leaks('global_cache'), {
  cls: 'LeakyRecord', minCount: 300, minBytes: 300 * 4000,
  pathHas: ['(GC roots) → global → cache: Array', ': LeakyRecord']});

// 2. forgotten setInterval -> the Timeout in Node's timer list, whose callback holds `state`.
{
  const json = leaks('forgotten_timer');
  expectTop('forgotten_timer', json, {
    cls: 'Timeout', minCount: 10, minBytes: 10 * 16000,
    pathHas: ['var timerListMap', 'TimersList', 'Timeout'],
    holdsHas: ['_onTimeout', 'var state: PollState']});
  const timeouts = json.groups.filter(g => g.class === 'Timeout').reduce((n, g) => n + g.count, 0);
  check(timeouts === 40, `forgotten_timer: ${timeouts} leaked Timeouts reported, expected 40`);
}

// 3. closure keeping `big` alive -> the closure stored at app.handlers.onSize, holding var big.
expectTop('closure_holder', leaks('closure_holder'), {
  cls: 'Function', minCount: 1, minBytes: 8e6,
  pathHas: ['app: Object → handlers: Object → onSize: (anonymous)()'],
  holdsHas: ['var big: Array']});

// 4. const store = []; app.get('/', () => store.push(req)) -> closure-context variable `store`.
expectTop('growing_store', leaks('growing_store'), {
  cls: 'Request', minCount: 500, minBytes: 500 * 2000,
  pathHas: ['var store: Array', ': Request']});

// No leak: only garbage between snapshots -> nothing above a small threshold.
{
  const json = leaks('churn', ['--min-retained', '4096']);
  check(json.groups.length === 0, `churn: ${json.groups.length} groups above 4096 bytes`);
  check(json.new_retained_size < 4096 * 4, `churn: new objects retain ${json.new_retained_size} bytes`);
}

if (failures) {
  console.error(`FAIL: ${failures} checks failed`);
  process.exit(1);
}
console.log('PASS');
