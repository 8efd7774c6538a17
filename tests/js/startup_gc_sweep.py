#!/usr/bin/env python3
"""js.startup-gc-sweep: the runtime's start-up survives a GC at every point, moved objects included.

The JS suite's stress runs collect every N allocations for one N each, so which allocation of the
start-up (builtins, process.env, argv) meets a GC depends on N and on the environment's size: CI
and a developer's shell place the GCs differently. This sweeps N = 1..5, each plain and with
--stress-compaction, under --verify-heap, with an empty environment and with a few variables,
and requires every run to print the script's output and exit 0. (It found DefineGetter rooting
a raw symbol key only after an allocation: with one environment variable and N = 1, the verifier
reported a dangling handle in InstallTypedArrayBuiltins.)"""
import subprocess
import sys

SCRIPT = "console.log(typeof process.env, process.argv.length)"
EXPECTED = "object 1"


def main():
    tenure = sys.argv[1]
    failures = []
    runs = 0
    for env in ({}, {"A1": "1"}, {f"V{i}": "x" * i for i in range(1, 8)}):
        for n in range(1, 6):
            for extra in ([], ["--stress-compaction"]):
                argv = [tenure, f"--gc-interval={n}", "--verify-heap", *extra, "-e", SCRIPT]
                p = subprocess.run(argv, capture_output=True, env=env, timeout=300)
                runs += 1
                out = p.stdout.decode(errors="replace").strip()
                if p.returncode != 0 or out != EXPECTED:
                    err = p.stderr.decode(errors="replace").strip().splitlines()
                    failures.append(f"env of {len(env)} variable(s), {' '.join(argv[1:-2])}: exit {p.returncode}, "
                                    f"stdout {out!r}, {err[-1] if err else 'no stderr'}")
    if failures:
        sys.exit("\n".join(failures))
    print(f"ok: {runs} runs")


if __name__ == "__main__":
    main()
