#!/usr/bin/env python3
"""js.random-seed: `tenure --random-seed=N` makes Math.random deterministic.

Runs random-seed.js (which prints its first values with the `print` argument) twice with one seed
and once with another: the first two outputs must be identical, the third different."""
import subprocess
import sys


def run(tenure, script, seed):
    p = subprocess.run([tenure, f"--random-seed={seed}", script, "print"], capture_output=True, timeout=60)
    if p.returncode != 0:
        sys.exit(f"tenure exited {p.returncode}: {p.stderr.decode()}")
    return p.stdout.decode().splitlines()[-1]


def main():
    tenure, script = sys.argv[1], sys.argv[2]
    a, b, c = run(tenure, script, 7), run(tenure, script, 7), run(tenure, script, 8)
    if a != b:
        sys.exit(f"same seed, different sequences:\n{a}\n{b}")
    if a == c:
        sys.exit(f"different seeds, same sequence:\n{a}")
    print("ok:", a)


if __name__ == "__main__":
    main()
