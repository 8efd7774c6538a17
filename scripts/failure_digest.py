#!/usr/bin/env python3
"""Prints a short digest of every failed test in a ctest build directory's last run.

CI shows only the last lines of what `make test` printed, and ctest's summary ("The following
tests FAILED") names a failing test without its reason, which --output-on-failure printed far
above. make calls this after a failed ctest so the reason comes last: for each failed test, its
command, the lines that say what went wrong (sanitizer and libFuzzer reports, gtest failures,
"expected/got" lines of the JS runner, the first stack frames) and its last lines.

Usage: failure_digest.py BUILD_DIR [--max-lines N]
       failure_digest.py --self-test   (ctest tools.failure-digest)
"""
import argparse
import os
import re
import sys
import tempfile

SECTION = re.compile(r"^\d+/\d+ Testing: (\S+)")
# Upper-case ERROR: is what sanitizers and libFuzzer print; a fuzz run's own output is full of the
# scripts' SyntaxErrors and TypeErrors, which say nothing about the failure.
REASON = re.compile(
    r"ERROR:|SUMMARY:|runtime error:|Test unit written|ALARM:|^FAIL |\[  FAILED  \]|Failure$|"
    r"FATAL ERROR|Segmentation fault|Traceback|^\S+:\d+: .*(Expected|Value of|Which is)")
FRAME = re.compile(r"^\s+#\d+ 0x")
# Sanitizer and libFuzzer frames of their own, which every report starts with.
RUNTIME_FRAME = re.compile(r"__sanitizer|__asan|__ubsan|fuzzer::|libc\.so|__libc_start|_start \(|signal_handler")
FRAMES_PER_REPORT = 6


def parse_sections(text):
    """Yields (name, command, directory, body_lines, passed) for each test in a LastTest.log."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = SECTION.match(lines[i])
        if not m:
            i += 1
            continue
        name, command, directory, body = m.group(1), "", "", []
        i += 1
        while i < len(lines) and not lines[i].startswith("Output:"):
            if lines[i].startswith("Command:"):
                command = lines[i]
            if lines[i].startswith("Directory: "):
                directory = lines[i][len("Directory: "):]
            i += 1
        i += 2  # "Output:" and the dashes under it
        while i < len(lines) and not lines[i].startswith("Test time ="):
            body.append(lines[i])
            i += 1
        passed = i + 2 < len(lines) and lines[i + 2].startswith("Test Passed")
        yield name, command, directory, body, passed


def digest(body, max_lines):
    """The reason lines (with the first frames of the code under test after each) plus the last lines."""
    picked, frames = [], FRAMES_PER_REPORT  # frames are picked only after a reason line
    for line in body:
        if FRAME.match(line):
            if frames < FRAMES_PER_REPORT and not RUNTIME_FRAME.search(line):
                picked.append(line)
                frames += 1
        elif REASON.search(line):
            picked.append(line)
            frames = 0
    tail = [line for line in body if line.strip() and not FRAME.match(line) and line not in picked][-5:]
    return picked[-max_lines:], tail


def print_fuzz_input(picked, directory, limit=1500):
    """The input a libFuzzer report saved ("Test unit written to ./crash-…"), so CI's log alone
    reproduces it: printable as text, escapes for other bytes."""
    for line in picked:
        m = re.search(r"Test unit written to (\S+)", line)
        if not m:
            continue
        path = os.path.join(directory, m.group(1))
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            continue
        text = data[:limit].decode("utf-8", errors="backslashreplace")
        print(f"  ... the input ({len(data)} bytes{', first %d' % limit if len(data) > limit else ''}):")
        for input_line in text.splitlines():
            print("  | " + input_line)


SELF_TEST_LOG = """Start testing: Nov 28 01:00 UTC
----------------------------------------------------------
1/2 Testing: fuzz.ok
1/2 Test: fuzz.ok
Command: "/b/ok_fuzzer" "-runs=10"
Directory: {dir}
"fuzz.ok" start time: Nov 28 01:00 UTC
Output:
----------------------------------------------------------
==1== ERROR: this line is in a passed test
<end of output>
Test time =   1.00 sec
----------------------------------------------------------
Test Passed.
"fuzz.ok" end time: Nov 28 01:00 UTC
----------------------------------------------------------

2/2 Testing: fuzz.bad
2/2 Test: fuzz.bad
Command: "/b/bad_fuzzer" "-runs=3000"
Directory: {dir}
"fuzz.bad" start time: Nov 28 01:00 UTC
Output:
----------------------------------------------------------
TypeError: x is not a function
ALARM: working on the last Unit for 28 seconds
artifact_prefix='./'; Test unit written to ./timeout-abc
==7== ERROR: libFuzzer: timeout after 28 seconds
    #0 0x1 in __sanitizer_print_stack_trace (/b/bad_fuzzer+0x1)
    #1 0x2 in fuzzer::Fuzzer::AlarmCallback() (/b/bad_fuzzer+0x2)
    #2 0x3 in tenure::Heap::AllocationStep(unsigned long) /src/heap/heap.cc:296:25
SUMMARY: libFuzzer: timeout
<end of output>
Test time = 100.00 sec
----------------------------------------------------------
Test Failed.
"""


def self_test():
    """Runs the digest on a synthetic log: one passed and one failed fuzz test."""
    import contextlib
    import io
    with tempfile.TemporaryDirectory() as build:
        os.makedirs(os.path.join(build, "Testing", "Temporary"))
        with open(os.path.join(build, "Testing", "Temporary", "LastTest.log"), "w") as f:
            f.write(SELF_TEST_LOG.format(dir=build))
        with open(os.path.join(build, "timeout-abc"), "wb") as f:
            f.write(b"setInterval(() => x.push(new Array(1e5)))\n\xff")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            run(build, 30)
    text = out.getvalue()
    checks = [
        ("names the failed test", "---- fuzz.bad" in text),
        ("leaves out the passed test", "fuzz.ok" not in text and "in a passed test" not in text),
        ("keeps libFuzzer's report", "ERROR: libFuzzer: timeout" in text and "SUMMARY: libFuzzer" in text),
        ("keeps the code's frame, not the runtime's", "AllocationStep" in text and "AlarmCallback" not in text),
        ("skips the script's own errors", "is not a function" not in text.split("... last lines")[0]),
        ("prints the saved input", "| setInterval(() => x.push(new Array(1e5)))" in text and "\\xff" in text),
    ]
    failed = [name for name, ok in checks if not ok]
    for name in failed:
        print(f"self-test FAILED: {name}")
    if failed:
        print(text)
        return 1
    print(f"self-test: {len(checks)} checks passed")
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build_dir", nargs="?")
    parser.add_argument("--max-lines", type=int, default=30)
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    if args.build_dir is None:
        parser.error("BUILD_DIR is required")
    return run(args.build_dir, args.max_lines)


def run(build_dir, max_lines):
    log = os.path.join(build_dir, "Testing", "Temporary", "LastTest.log")
    try:
        with open(log, errors="replace") as f:
            text = f.read()
    except OSError as e:
        print(f"failure_digest: cannot read {log}: {e}", file=sys.stderr)
        return 2
    failed = [s for s in parse_sections(text) if not s[4]]
    if not failed:
        print(f"failure_digest: no failed test in {log}")
        return 0
    print(f"\n==== why {len(failed)} test(s) failed (from {log}) ====")
    for name, command, directory, body, _ in failed:
        picked, tail = digest(body, max_lines)
        print(f"---- {name}\n{command[:300]}")
        for line in picked:
            print("  " + line[:300])
        print_fuzz_input(picked, directory)
        print("  ... last lines:")
        for line in tail:
            print("  " + line[:300])
    return 0


if __name__ == "__main__":
    sys.exit(main())
