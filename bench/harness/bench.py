#!/usr/bin/env python3
"""tenure benchmark harness: runs every workload side by side and prints markdown tables.

Usage: bench.py --build-dir DIR [--quick] [--runs N] [--groups cpp,micro,js,startup] [--out FILE]

Groups (each one or more tables, every table has a ratio column against a named baseline):
  cpp      GCBench and binary-trees on glibc / mimalloc / jemalloc / Boehm (+GC_MARKERS=1) / tenure
  micro    Google Benchmark: raw bump + Cheney baselines, tenure allocation and scavenge
  js       bench/js/*.js on node (default, --single-threaded-gc), duk and the tenure executable
  startup  empty-script start-up time (hyperfine) and RSS
A final table checks the project's targets. Variants that are not built (missing library, heap not
landed yet) are listed as such; a variant that was built but failed makes the exit status 1.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import runner  # noqa: E402
from tables import DASH, Table, fmt, ratio  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def gcbench_live_mb(long_lived_depth, array_size, node_bytes=24):
    """Analytic peak live size of GCBench: the long-lived tree, one temporary tree of the same
    depth, and the double array (benchmarks.md §1: ≈10.3 MB at 16 / 500000 with 24-byte C nodes;
    tenure's nodes are 24 bytes too since session 11: header word + two 4-byte compressed slots +
    the two ints, docs/heap.md §26)."""
    return (2 * node_bytes * (2 ** (long_lived_depth + 1) - 1) + 8 * array_size) / 1e6


GCBENCH_LIVE_MB = gcbench_live_mb(16, 500000)
GCBENCH_QUICK_LIVE_MB = gcbench_live_mb(12, 50000)
CPP_VARIANTS = [  # (row label, executable suffix, extra environment)
    ("glibc malloc/free", "glibc", {}),
    ("mimalloc", "mimalloc", {}),
    ("jemalloc", "jemalloc", {}),
    ("Boehm GC (parallel mark)", "boehm", {}),
    ("Boehm GC GC_MARKERS=1", "boehm", {"GC_MARKERS": "1"}),
    ("tenure", "tenure", {}),
]


class Harness:
    def __init__(self, args):
        self.build = os.path.abspath(args.build_dir)
        self.quick = args.quick
        self.runs = args.runs or (1 if args.quick else 3)
        self.duk_runs = args.duk_runs or 1
        self.tables = []
        self.failures = []
        self.measured = {}  # facts the targets table reads, filled by the groups
        self.load_start = os.getloadavg()[0]
        self.live_mb = GCBENCH_QUICK_LIVE_MB if args.quick else GCBENCH_LIVE_MB
        self.tenure_live_mb = gcbench_live_mb(12, 50000, 24) if args.quick else \
            gcbench_live_mb(16, 500000, 24)
        self.tenure_status = ""  # why the tenure executable cannot run JS yet ("" = it can)
        self.cpp_dir = os.path.join(self.build, "bench", "cpp")
        self.js_tmp = os.path.join(self.build, "bench", "js-run")
        os.makedirs(self.js_tmp, exist_ok=True)

    def record_failure(self, what, run):
        self.failures.append("%s: %s" % (what, run.failure()))

    # ---- C++ workloads -------------------------------------------------------------------------
    def cpp_workload(self, workload, args, title):
        """One table: every allocator variant of bench/cpp/<workload>-<alloc>."""
        table = Table(title, ["allocator", "run ms median (min)", "process wall / CPU s",
                              "minor faults", "start-up ms",
                              "GCs", "GC total ms", "pause p50 / p99 / max ms", "peak RSS MB",
                              "RSS / live", "run vs mimalloc"])
        rows = []
        for label, suffix, env in CPP_VARIANTS:
            exe = os.path.join(self.cpp_dir, "%s-%s" % (workload, suffix))
            if not os.path.exists(exe):
                rows.append((label, None, "not built"))
                continue
            runs = runner.repeat([exe] + args, self.runs, env)
            if not runs[-1].ok:
                self.record_failure("%s %s" % (workload, label), runs[-1])
                rows.append((label, None, "FAILED: " + runs[-1].failure()))
                continue
            rows.append((label, runs, ""))
        baseline = next((runner.median([r.number("run_ms") for r in runs])
                         for label, runs, _ in rows if runs and label == "mimalloc"), None)
        for label, runs, problem in rows:
            if runs is None:
                table.add(label, problem, *([DASH] * 9))
                continue
            run_ms = [r.number("run_ms") for r in runs]
            med = runner.median(run_ms)
            rep = min(runs, key=lambda r: abs(r.number("run_ms") - med))  # representative run
            rss_mb = runner.median([r.peak_rss_kb for r in runs])
            rss_mb = rss_mb / 1024 if rss_mb else None
            pauses = "%s / %s / %s" % (fmt(rep.number("gc_p50_ms"), 2),
                                       fmt(rep.number("gc_p99_ms"), 2),
                                       fmt(rep.number("gc_max_ms"), 2))
            gcs = rep.result.get("gc_count", DASH)
            table.add(label, "%s (%s)" % (fmt(med), fmt(min(run_ms))),
                      "%s / %s" % (fmt(runner.median([r.wall_s for r in runs]), 3),
                                   fmt(runner.median([r.cpu_s for r in runs]), 2)),
                      fmt(runner.median([r.minor_faults for r in runs]), 0),
                      fmt(runner.median([r.number("init_ms") for r in runs]), 2),
                      "n/a" if gcs == "na" else gcs,
                      "n/a" if gcs == "na" else fmt(rep.number("gc_total_ms")),
                      "n/a" if gcs == "na" else pauses, fmt(rss_mb),
                      ratio(rss_mb, self.live_mb if workload == "gcbench" else None),
                      ratio(med, baseline))
            self.measured[(workload, label)] = {"run_ms": med, "rss_mb": rss_mb, "run": rep}
        return table

    def group_cpp(self):
        gc_args = ["--quick"] if self.quick else []
        t = self.cpp_workload("gcbench", gc_args, "GCBench (C++%s)" %
                              (", --quick" if self.quick else ": stretch 18, long-lived 16, "
                               "500000 doubles, depths 4..16"))
        t.note("run ms = in-program workload time (start-up excluded, shown separately); median "
               "of %d run(s). Peak RSS from /usr/bin/time %%M. Analytic live size %.1f MB "
               "(24-byte C nodes; tenure's nodes are 24 B too: header + two 4-byte compressed "
               "slots + two ints, ≈%.1f MB live). "
               "RSS / live uses the C figure for every row." % (self.runs, self.live_mb,
                                                                 self.tenure_live_mb))
        t.note("process CPU = user + sys of the process (Boehm's parallel markers can make it "
               "exceed wall); minor faults = /usr/bin/time %R, first-touch page faults are "
               "expensive on this VM.")
        t.note("Pauses: Boehm from GC_EVENT_START..END callbacks, tenure from GC "
               "prologue..epilogue callbacks; malloc variants have no collector (n/a).")
        self.tables.append(t)
        n = "12" if self.quick else "18"
        t = self.cpp_workload("binary-trees", [n], "binary-trees N=%s (C++)" % n)
        t.note("Check sums are verified in-program against 2^(d+1)-1 per tree; RSS / live not "
               "computed (live set changes by phase).")
        self.tables.append(t)

    # ---- micro-benchmarks ----------------------------------------------------------------------
    def micro(self, exe_name):
        exe = os.path.join(self.cpp_dir, exe_name)
        if not os.path.exists(exe):
            return None
        argv = [exe, "--benchmark_format=json"]
        if self.quick:
            argv.append("--benchmark_min_time=0.05")
        r = runner.run(argv)
        if r.returncode != 0:
            r.result = {}
            self.record_failure(exe_name, r)
            return {}
        try:
            data = json.loads(r.stdout)
        except ValueError:
            self.failures.append("%s: output is not JSON" % exe_name)
            return {}
        return {b["name"].split("/")[0]: b for b in data.get("benchmarks", [])}

    def group_micro(self):
        table = Table("Micro-benchmarks (Google Benchmark)",
                      ["benchmark", "measured (wall)", "measured (CPU time)", "target",
                       "wall vs target", "wall vs raw baseline"])
        base = self.micro("micro-baseline") or {}
        ten = self.micro("micro-tenure")

        def per_object(name, source):
            """(wall ns/object, CPU ns/object) from a kBatch-per-iteration benchmark."""
            b = source.get(name) if source else None
            if not b or "ns_per_object" not in b or b.get("error_occurred"):
                return None, None
            wall = b["ns_per_object"] * 1e9
            return wall, wall * b["cpu_time"] / b["real_time"]

        def gbps(name, source):
            """(wall GB/s, CPU GB/s) of a bytes-processed benchmark."""
            b = source.get(name) if source else None
            if not b or "bytes_per_second" not in b or b.get("error_occurred"):
                return None, None
            wall = b["bytes_per_second"] / 1e9
            return wall, wall * b["real_time"] / b["cpu_time"]

        bump = per_object("BM_RawBumpAlloc32", base)
        cheney = gbps("BM_RawCheneyCopyTree", base)
        rows = [
            ("raw inline bump, 32-B object (baseline)", "", bump, " ns", None, None),
            ("tenure allocation fast path, 32-B object", "BM_TenureAlloc32FastPath",
             per_object("BM_TenureAlloc32FastPath", ten), " ns", "≤ 1.5 ns", 1.5),
            ("tenure allocation incl. amortised scavenges", "BM_TenureAlloc32",
             per_object("BM_TenureAlloc32", ten), " ns", DASH, None),
            ("raw Cheney copy, 32-B-node tree (baseline)", "", cheney, " GB/s", None, None),
            ("tenure scavenge, all-live 32-B-node tree", "BM_TenureScavengeTree",
             gbps("BM_TenureScavengeTree", ten), " GB/s", "≥ 2 GB/s", 2.0),
        ]
        for label, name, (wall, cpu), unit, goal, goal_value in rows:
            baseline = bump[0] if unit == " ns" else cheney[0]
            if label.startswith("tenure") and ten is None:
                table.add(label, "not built", DASH, goal or DASH, DASH, DASH)
                continue
            if label.startswith("tenure") and wall is None:
                err = (ten.get(name) or {}).get("error_message", "no result")
                table.add(label, "FAILED: " + err, DASH, goal or DASH, DASH, DASH)
                self.failures.append("micro %s: %s" % (label, err))
                continue
            table.add(label, fmt(wall, 2, unit), fmt(cpu, 2, unit), goal or DASH,
                      ratio(wall, goal_value), ratio(wall, baseline))
        if ten:
            self.measured["alloc_ns"] = per_object("BM_TenureAlloc32FastPath", ten)[0]
            self.measured["scavenge_gbps"] = gbps("BM_TenureScavengeTree", ten)[0]
        table.note("Fast path: the nursery is emptied by an untimed scavenge before a batch that "
                   "would not fit, so only Heap::New's inline bump is timed. 'incl. amortised "
                   "scavenges' uses the default HeapConfig and counts every GC. Scavenge: one "
                   "CollectGarbage(kScavenge) of a fresh depth-18 tree (524287 nodes, 16.8 MB) in "
                   "32 MiB semispaces; bytes = nodes × 32. CPU-time column: the same run rated by "
                   "CPU time instead of wall time (differs when the VM is contended or page "
                   "faults are served by the host).")
        self.tables.append(table)

    # ---- JS workloads --------------------------------------------------------------------------
    def engines(self):
        node, duk = shutil.which("node"), shutil.which("duk")
        out = []
        if node:
            out.append(("node", [node, "--trace-gc-nvp"], self.runs))
            out.append(("node --single-threaded-gc",
                        [node, "--trace-gc-nvp", "--single-threaded-gc"], self.runs))
        if duk:
            out.append(("duk", [duk], self.duk_runs))
        tenure = self.tenure_exe()
        if tenure and self.tenure_runs_js(tenure):
            out.append(("tenure", [tenure, "--trace-gc-nvp"], self.runs))
        return out

    def tenure_exe(self):
        for d in (self.build, os.path.join(REPO, "build")):
            exe = os.path.join(d, "tools", "tenure")
            if os.path.exists(exe):
                return exe
        return None

    def tenure_runs_js(self, exe):
        """Probes `tenure -e 0`: while the interpreter is unfinished the executable exists but
        refuses to run scripts; its rows then say so instead of counting as failures."""
        if self.tenure_status == "":
            r = runner.run([exe, "-e", "0"], timeout_s=60)
            self.tenure_status = "ok" if r.returncode == 0 else (
                "not runnable yet (exit %d: %s)" % (r.returncode, (r.stderr.strip().splitlines()
                                                                   or ["no output"])[-1][:100]))
        return self.tenure_status == "ok"

    def js_script(self, name, globals_):
        """bench/js/<name> with `var G = v;` lines prepended (works on every engine)."""
        src = os.path.join(REPO, "bench", "js", name)
        dst = os.path.join(self.js_tmp, name)
        with open(src) as f, open(dst, "w") as out:
            for key, value in globals_.items():
                out.write("var %s = %s;\n" % (key, value))
            out.write(f.read())
        return dst

    def js_workload(self, name, globals_, title, metric, per_unit=None):
        """per_unit: None for workloads that do a fixed amount of work (compared by script wall
        time), or (RESULT key, column text) for fixed-duration ones such as Splay, which run
        until a time budget is spent: their speed is the time per unit of work, not the wall."""
        speed_text = per_unit[1] + " vs duk" if per_unit else "wall vs duk"
        table = Table(title, ["engine", "script ms median (min)", "process wall / CPU s", "GCs",
                              "GC total ms", "pause p50 / p99 / max ms", "peak RSS MB",
                              metric[0], speed_text, "max pause vs node"])
        script = self.js_script(name, globals_)
        results = []
        for label, argv, runs in self.engines():
            if label == "duk" and per_unit is not None:
                # A fixed-duration workload costs duk seconds, not minutes, and duk's Splay score
                # moved 631 / 760 / 1021 across single runs: give it as many runs as the others.
                runs = max(runs, self.runs)
            rs = runner.repeat(argv + [script], runs)
            if not rs[-1].ok:
                self.record_failure("%s on %s" % (name, label), rs[-1])
            results.append((label, rs))
        def summary(rs):
            walls = [r.number("wall_ms") for r in rs if r.ok]
            med = runner.median(walls)
            ok = [r for r in rs if r.ok]
            rep = min(ok, key=lambda r: abs(r.number("wall_ms") - med)) if ok else None
            return med, walls, rep
        def speed(rs, med):
            if per_unit is None:
                return med
            return runner.median([v for v in (r.number(per_unit[0]) for r in rs if r.ok) if v is not None])
        duk_wall = node_max = None
        for label, rs in results:
            med, _, rep = summary(rs)
            if label == "duk":
                duk_wall = speed(rs, med)
            if label == "node" and rep and rep.gc_pauses:
                node_max = max(p for p, _ in rep.gc_pauses)
        for label, rs in results:
            med, walls, rep = summary(rs)
            if rep is None:
                table.add(label, "FAILED: " + rs[-1].failure(), *([DASH] * 8))
                continue
            pauses = [p for p, _ in rep.gc_pauses]
            traced = label != "duk"
            max_pause = max(pauses) if pauses else None
            rss = runner.median([r.peak_rss_kb for r in rs if r.ok])
            table.add(label, "%s (%s)" % (fmt(med), fmt(min(walls))),
                      "%s / %s" % (fmt(runner.median([r.wall_s for r in rs if r.ok]), 2),
                                   fmt(runner.median([r.cpu_s for r in rs if r.ok]), 2)),
                      len(pauses) if traced else "n/a",
                      fmt(sum(pauses)) if traced else "n/a",
                      "%s / %s / %s" % (fmt(runner.percentile(pauses, 50), 2),
                                        fmt(runner.percentile(pauses, 99), 2),
                                        fmt(max_pause, 2)) if traced else "n/a",
                      fmt(rss / 1024 if rss else None), metric[1](rep),
                      ratio(speed(rs, med), duk_wall),
                      ratio(max_pause, node_max) if traced else "n/a")
            self.measured[("js", name, label)] = {"wall_ms": speed(rs, med), "max_pause": max_pause,
                                                  "speed_text": per_unit[1] if per_unit else "wall"}
        if self.tenure_exe() is None:
            table.add("tenure", "not built", *([DASH] * 8))
        elif self.tenure_status != "ok":
            table.add("tenure", self.tenure_status, *([DASH] * 8))
        duk_runs = next((len(rs) for label, rs in results if label == "duk"), self.duk_runs)
        table.note("script ms = time measured inside the script (performance.now or Date.now); "
                   "node/tenure: median of %d run(s), duk: %d. GC pauses from --trace-gc-nvp lines "
                   "(`pause=… gc=…`) of the representative run; duk prints no GC trace. process CPU = "
                   "user + sys (node's GC helper threads can make it exceed wall; a wall far above "
                   "CPU means the VM was contended)."
                   % (self.runs, duk_runs))
        self.tables.append(table)

    def group_js(self):
        quick = {"BENCH_QUICK": "true"} if self.quick else {}
        none = ("workload metric", lambda r: DASH)
        self.js_workload("gcbench.js", quick, "GCBench (JS%s)" % (", quick" if self.quick else ""),
                         none)
        n = "12" if self.quick else "18"
        self.js_workload("binary-trees.js", {"BENCH_N": n}, "binary-trees N=%s (JS)" % n, none)
        self.js_workload("splay.js", quick, "Splay (JS; 8000 nodes, 80 modifications, payload "
                         "depth 5)", ("Splay / SplayLatency (RMS ms, max gap ms)", lambda r: "%s / %s "
                         "(%s, %s)" % (r.result.get("score"), r.result.get("latency_score"),
                                       r.result.get("rms_ms"), r.result.get("max_sample_ms"))),
                         per_unit=("us_per_run", "time per run"))
        window = "5000 of 50000" if self.quick else "200000 of 1000000"
        self.js_workload("message-buffer.js", quick, "Message buffer (JS; window %s pushes, "
                         "128-slot arrays)" % window,
                         ("worst / p99 push ms", lambda r: "%s / %s" % (
                             r.result.get("worst_push_ms"), r.result.get("p99_push_ms"))))

    # ---- start-up ------------------------------------------------------------------------------
    def group_startup(self):
        table = Table("Start-up: empty script", ["engine", "command", "time ms mean ± σ (min)",
                                                 "peak RSS MB", "time vs node"])
        empty = os.path.join(self.js_tmp, "empty.js")
        open(empty, "w").close()
        cmds = []
        if shutil.which("node"):
            cmds.append(("node", [shutil.which("node"), "-e", "0"]))
        if shutil.which("duk"):
            cmds.append(("duk", [shutil.which("duk"), empty]))
        tenure = self.tenure_exe()
        if tenure and self.tenure_runs_js(tenure):
            cmds.append(("tenure", [tenure, "-e", "0"]))
        times = self.startup_times([c for _, c in cmds])
        node_mean = times[0][0] if cmds and cmds[0][0] == "node" else None
        for (label, argv), (mean, sd, lo) in zip(cmds, times):
            r = runner.run(argv)
            if r.returncode != 0:
                r.result = {}
                self.record_failure("start-up " + label, r)
            table.add(label, "`%s`" % " ".join(os.path.basename(a) if i == 0 else a
                                               for i, a in enumerate(argv)).replace(self.build, "."),
                      "%s ± %s (%s)" % (fmt(mean, 2), fmt(sd, 2), fmt(lo, 2)),
                      fmt(r.peak_rss_kb / 1024 if r.peak_rss_kb else None),
                      ratio(mean, node_mean))
        if tenure is None:
            table.add("tenure", "`tenure -e 0`", "not built", DASH, DASH)
        elif self.tenure_status != "ok":
            table.add("tenure", "`tenure -e 0`", self.tenure_status, DASH, DASH)
        table.note("hyperfine -N --warmup 3 when available, otherwise 20 timed runs.")
        self.tables.append(table)

    def startup_times(self, argvs):
        """[(mean_ms, stddev_ms, min_ms)] per command."""
        runs = 5 if self.quick else 20
        if shutil.which("hyperfine") and argvs:
            out = os.path.join(self.js_tmp, "startup.json")
            cmd = ["hyperfine", "-N", "--warmup", "3", "--runs", str(runs), "--export-json", out,
                   "--style", "none"] + [" ".join(a) for a in argvs]
            if subprocess.run(cmd, capture_output=True).returncode == 0:
                with open(out) as f:
                    res = json.load(f)["results"]
                return [(r["mean"] * 1e3, (r["stddev"] or 0) * 1e3, r["min"] * 1e3) for r in res]
        out = []
        for argv in argvs:
            walls = [runner.run(argv).wall_s * 1e3 for _ in range(runs)]
            mean = sum(walls) / len(walls)
            sd = (sum((w - mean) ** 2 for w in walls) / len(walls)) ** 0.5
            out.append((mean, sd, min(walls)))
        return out

    # ---- targets -------------------------------------------------------------------------------
    def group_targets(self):
        table = Table("Targets", ["target", "measured", "goal", "met?"])
        m = self.measured
        def row(name, value, goal_text, ok, pending_why):
            if value is None:
                table.add(name, "pending (%s)" % pending_why, goal_text, DASH)
            else:
                table.add(name, value, goal_text, "yes" if ok else "**no**")
        ten = m.get(("gcbench", "tenure"))
        mim = m.get(("gcbench", "mimalloc"))
        r = ten["run_ms"] / mim["run_ms"] if ten and mim and mim["run_ms"] else None
        row("GCBench run time tenure / mimalloc", fmt(r, 2, "×") if r else None, "≤ 0.5×",
            r is not None and r <= 0.5, "tenure variant not built or failed")
        rss = ten["rss_mb"] / self.live_mb if ten and ten["rss_mb"] else None
        row("GCBench peak RSS tenure / analytic live (%.1f MB)" % self.live_mb,
            fmt(rss, 2, "×") if rss else None, "≤ 2×", rss is not None and rss <= 2,
            "tenure variant not built or failed")
        a = m.get("alloc_ns")
        row("allocation, 32-B object", fmt(a, 2, " ns") if a else None, "≤ 1.5 ns",
            a is not None and a <= 1.5, "micro-tenure not built")
        s = m.get("scavenge_gbps")
        row("scavenge copy throughput", fmt(s, 2, " GB/s") if s else None, "≥ 2 GB/s",
            s is not None and s >= 2, "micro-tenure not built or failed")
        for name in ("gcbench.js", "binary-trees.js", "splay.js", "message-buffer.js"):
            t, d, n = (m.get(("js", name, e)) for e in ("tenure", "duk", "node"))
            w = t["wall_ms"] / d["wall_ms"] if t and d and t["wall_ms"] and d["wall_ms"] else None
            what = t["speed_text"] if t else "wall"
            row("%s %s tenure / duk (later)" % (name, what), fmt(w, 2, "×") if w else None, "≤ 0.2×",
                w is not None and w <= 0.2, "tenure executable not runnable yet")
            p = (t["max_pause"] / n["max_pause"] if t and n and t["max_pause"] is not None
                 and n["max_pause"] else None)
            row("%s max GC pause tenure / node (later)" % name, fmt(p, 2, "×") if p else None,
                "≤ 0.5×", p is not None and p <= 0.5, "tenure executable not runnable yet")
        self.tables.append(table)

    def header(self, argv):
        cpu = "?"
        try:
            with open("/proc/cpuinfo") as f:
                cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
        except (OSError, StopIteration):
            pass
        node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip() \
            if shutil.which("node") else "absent"
        return "\n".join([
            "## Benchmark results", "",
            "- Date: %s" % datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "- Command: `%s`" % argv,
            "- Machine: %s, %d CPUs, Linux %s; node %s" % (cpu, os.cpu_count(), platform.release(),
                                                          node),
            "- Load average (1 min) at start / end: %.2f / %.2f (other work on this VM skews "
            "wall times; compare rows of one run, not runs)" % (self.load_start,
                                                                os.getloadavg()[0]),
            "- Mode: %s; C++ and node/tenure runs per row: %d, duk: %d" %
            ("QUICK (smoke test, small sizes — not comparable)" if self.quick else "full",
             self.runs, self.duk_runs),
            ""])


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--build-dir", required=True)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--runs", type=int, default=0, help="runs per C++/node/tenure row (default 3)")
    p.add_argument("--duk-runs", type=int, default=0, help="runs per duk row (default 1)")
    p.add_argument("--groups", default="cpp,micro,js,startup")
    p.add_argument("--out", help="markdown output (default BUILD/bench-results.md)")
    p.add_argument("--command", default=" ".join(sys.argv), help="command shown in the report")
    p.add_argument("--note", action="append", default=[], help="extra line for the report header")
    args = p.parse_args()
    if not os.path.isdir(args.build_dir):
        p.error("build directory %s does not exist" % args.build_dir)
    groups = [g for g in args.groups.split(",") if g]
    unknown = set(groups) - {"cpp", "micro", "js", "startup"}
    if unknown:
        p.error("unknown group(s): %s" % ", ".join(sorted(unknown)))
    h = Harness(args)
    for g in groups:
        first_new = len(h.tables)
        getattr(h, "group_" + g)()
        for t in h.tables[first_new:]:
            print(t.render(), flush=True)
    h.group_targets()
    text = h.header(args.command) + "".join("- **Note:** %s\n" % n for n in args.note) + "\n" + "\n".join(t.render() for t in h.tables)
    if h.failures:
        text += "\n### Failures\n\n" + "\n".join("- " + f for f in h.failures) + "\n"
    out = args.out or os.path.join(args.build_dir, "bench-results.md")
    with open(out, "w") as f:
        f.write(text)
    print(h.tables[-1].render())
    if h.failures:
        print("\n### Failures\n\n" + "\n".join("- " + f for f in h.failures))
    print("\nwritten to %s" % out)
    return 1 if h.failures else 0


if __name__ == "__main__":
    sys.exit(main())
