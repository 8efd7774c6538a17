"""Runs one benchmark process and collects what it reports.

A Run is one execution of a command: process wall time (perf_counter around the child), peak RSS
and minor page faults (from /usr/bin/time -f, which reads the child's rusage), exit status, and
what the program printed:
  * `RESULT key=value ...`  - the workload's own numbers (bench/cpp/run_report.h, bench/js/*.js);
  * `PHASE name=... ms=...` - per-phase times;
  * GC trace lines in node's --trace-gc-nvp format (`pause=<ms> ... gc=<s|mc|...>`), printed by node
    and by tenure with --trace-gc-nvp, parsed with the same regular expression for both.
"""

import os
import re
import statistics
import subprocess
import tempfile
import time

NVP_PAUSE = re.compile(r"pause=([\d.]+).*?\bgc=(\w+)")
KEY_VALUE = re.compile(r"(\w+)=(\S+)")
TIME_BIN = "/usr/bin/time"


class Run:
    """The outcome of one process execution."""

    def __init__(self, argv, returncode, wall_s, peak_rss_kb, minor_faults, stdout, stderr,
                 cpu_s=None):
        self.argv = argv
        self.returncode = returncode
        self.wall_s = wall_s
        self.peak_rss_kb = peak_rss_kb
        self.minor_faults = minor_faults
        self.cpu_s = cpu_s  # user + sys seconds of the child
        self.stdout = stdout
        self.stderr = stderr
        self.result = {}
        self.phases = []
        self.gc_pauses = []  # (pause_ms, gc_kind) per trace line
        self._parse()

    @property
    def ok(self):
        return self.returncode == 0 and bool(self.result)

    def _parse(self):
        for line in self.stdout.splitlines():
            if line.startswith("RESULT "):
                self.result = dict(KEY_VALUE.findall(line))
            elif line.startswith("PHASE "):
                fields = dict(KEY_VALUE.findall(line))
                self.phases.append((fields.get("name", "?"), float(fields.get("ms", "nan"))))
            else:
                match = NVP_PAUSE.search(line)
                if match:
                    self.gc_pauses.append((float(match.group(1)), match.group(2)))

    def number(self, key):
        """The RESULT value `key` as a float, or None if absent or 'na'."""
        try:
            return float(self.result[key])
        except (KeyError, ValueError):
            return None

    def failure(self):
        """A one-line reason this run failed (for the tables), or '' if it succeeded."""
        if self.ok:
            return ""
        tail = (self.stderr.strip().splitlines() or ["no output"])[-1][:120]
        if self.returncode == 0:
            return "no RESULT line: " + tail
        return "exit %d: %s" % (self.returncode, tail)


def run(argv, env_extra=None, timeout_s=1800, cwd=None):
    """Runs argv under /usr/bin/time; never raises for a failing child (see Run.failure)."""
    env = dict(os.environ)
    env.update(env_extra or {})
    with tempfile.NamedTemporaryFile("r", suffix=".time") as time_file:
        full = [TIME_BIN, "-o", time_file.name, "-f", "%M %R %U %S"] + list(argv)
        start = time.perf_counter()
        try:
            proc = subprocess.run(full, env=env, cwd=cwd, capture_output=True, text=True,
                                  timeout=timeout_s)
            returncode, stdout, stderr = proc.returncode, proc.stdout, proc.stderr
        except subprocess.TimeoutExpired as e:
            returncode = -1
            stdout = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
            stderr = "timed out after %d s" % timeout_s
        except OSError as e:
            returncode, stdout, stderr = -1, "", str(e)
        wall = time.perf_counter() - start
        rss, faults, cpu = _read_time_file(time_file.name)
    return Run(argv, returncode, wall, rss, faults, stdout, stderr, cpu)


def _read_time_file(path):
    """Parses '%M %R %U %S' written by /usr/bin/time (the last line; earlier ones may be
    warnings such as 'Command exited with non-zero status'). Returns (rss_kb, minflt, cpu_s)."""
    try:
        with open(path) as f:
            lines = [l for l in f.read().splitlines() if l.strip()]
        rss, faults, user, system = lines[-1].split()
        return int(rss), int(faults), float(user) + float(system)
    except (OSError, ValueError, IndexError):
        return None, None, None


def repeat(argv, runs, env_extra=None, timeout_s=1800):
    """Runs argv `runs` times; stops early after a failure (the failure is kept)."""
    out = []
    for _ in range(runs):
        r = run(argv, env_extra, timeout_s)
        out.append(r)
        if not r.ok:
            break
    return out


def percentile(values, p):
    """Nearest-rank percentile; None for an empty list."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), -(-len(ordered) * p // 100)))
    return ordered[int(rank) - 1]


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None
