#!/usr/bin/env python3
"""Runs tests/js/**/*.js through `tenure` and checks inline expectations.

Expectations (comments anywhere in the file, in order):
  // expect: <line>          the next line of stdout must equal <line>
  // expect error: <line>    stderr must contain <line> as a whole line (in order); the exit code
                             must be non-zero
  // expect exit: <n>        the exit code must be <n>
  // flags: <flags>          extra tenure/node flags for this file (e.g. --expose-gc)
  // env: NAME=value         environment variable for this file's runs (e.g. TZ=America/New_York)
`__FILE__` in an expectation stands for the test file's absolute path.
Files under a directory named `fixtures` are helpers that tests load (require), never tests.
A file with no `expect error` must exit 0 and print exactly the expected stdout lines.

Modes:
  run        tenure [flags] file.js                         (default)
  check      tenure --check file.js                         (front end only: syntax tests)
  node-diff  node file.js vs tenure file.js: same stdout and same exit status
"""
import argparse
import os
import re
import subprocess
import sys
import time

EXPECT = re.compile(r"//\s*expect( error| exit)?: ?(.*)$")
FLAGS = re.compile(r"//\s*flags: (.*)$")
ENV = re.compile(r"//\s*env: (\w+)=(\S*)$")


def parse_expectations(path):
    out, err, exit_code, flags = [], [], None, []
    FILE_ENV.clear()
    with open(path, encoding="utf-8") as f:
        for line in f:
            em = ENV.search(line.rstrip("\n"))
            if em:
                FILE_ENV[em.group(1)] = em.group(2)
                continue
            fm = FLAGS.search(line.rstrip("\n"))
            if fm:
                flags += fm.group(1).split()
                continue
            m = EXPECT.search(line.rstrip("\n").replace("__FILE__", os.path.abspath(path)))
            if not m:
                continue
            kind, text = m.group(1), m.group(2)
            if kind is None:
                out.append(text)
            elif kind == " error":
                err.append(text)
            else:
                exit_code = int(text)
    return out, err, exit_code, flags


FILE_ENV = {}  # `// env:` settings of the file being checked


def run(cmd, timeout):
    env = dict(os.environ, **FILE_ENV) if FILE_ENV else None
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return None
    return (p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))


def check_file(args, path):
    """Returns a failure message, or None when the file passes."""
    out, err, exit_code, file_flags = parse_expectations(path)
    if args.mode == "node-diff":
        ours = run([args.tenure] + args.flag + file_flags + [path], args.timeout)
        theirs = run([args.node] + file_flags + [path], args.timeout)
        if ours is None or theirs is None:
            return "timed out"
        if (ours[0] == 0) != (theirs[0] == 0):
            return f"exit status differs: tenure {ours[0]}, node {theirs[0]}\n{ours[2]}"
        if ours[1] != theirs[1]:
            return f"stdout differs\n--- node\n{theirs[1]}--- tenure\n{ours[1]}"
        return None
    cmd = ([args.tenure] + args.flag + file_flags + (["--check"] if args.mode == "check" else []) +
           [path])
    result = run(cmd, args.timeout)
    if result is None:
        return "timed out"
    code, stdout, stderr = result
    if code < 0:
        return f"crashed with signal {-code}\n{stderr}"
    if exit_code is not None and code != exit_code:
        return f"exit code {code}, expected {exit_code}\n{stderr}"
    if err:
        if code == 0:
            return "expected an error, but exit code was 0"
        lines = stderr.splitlines()
        pos = 0
        for want in err:
            while pos < len(lines) and lines[pos] != want:
                pos += 1
            if pos == len(lines):
                return f"stderr lacks line {want!r}\n--- stderr\n{stderr}"
            pos += 1
    elif exit_code is None and code != 0:
        return f"exit code {code}\n--- stderr\n{stderr}"
    got = stdout.splitlines()
    if got != out:
        return ("stdout differs\n--- expected\n" + "\n".join(out) + "\n--- got\n" + "\n".join(got))
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tenure", required=True)
    ap.add_argument("--node", default="node")
    ap.add_argument("--mode", choices=["run", "check", "node-diff"], default="run")
    ap.add_argument("--flag", action="append", default=[], help="extra tenure flag (repeatable)")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    files = []
    for p in args.paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs[:] = [d for d in dirs if d != "fixtures"]  # helper files that tests require
                files += [os.path.join(root, n) for n in names if n.endswith(".js")]
        else:
            files.append(p)
    files.sort()
    if not files:
        print("no test files found", file=sys.stderr)
        return 1
    failures = 0
    for f in files:
        start = time.monotonic()
        msg = check_file(args, f)
        took = f"{time.monotonic() - start:6.1f}s"  # shows how close a file is to --timeout
        if msg:
            failures += 1
            print(f"FAIL {took} {f}: {msg}")
        else:
            print(f"ok   {took} {f}")
    print(f"{len(files) - failures}/{len(files)} passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
