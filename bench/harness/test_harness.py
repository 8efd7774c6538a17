"""Unit tests for the harness parsers and table code: python3 -m unittest discover bench/harness
(also run by `scripts/bench.sh --self-test`)."""

import os
import sys
import unittest

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402
import runner  # noqa: E402
from tables import Table, fmt, ratio  # noqa: E402

# A real node 20 --trace-gc-nvp line (shortened in the middle), and a tenure-style line.
NODE_LINE = ("[12345:0x6a3c2b0]      109 ms: pause=1.3 mutator=25.4 gc=s reduce_memory=0 "
             "time_to_safepoint=0.00 heap.prologue=0.00 scavenge=1.18 scavenge_throughput=215871")
TENURE_LINE = "pause=0.412 mutator=3.1 gc=mc allocated=1048576 promoted=0 copied=2048"


class RunParseTest(unittest.TestCase):
    def make(self, stdout, returncode=0, stderr=""):
        return runner.Run(["x"], returncode, 1.0, 2048, 10, stdout, stderr)

    def test_result_phase_and_nvp_lines(self):
        r = self.make("\n".join([NODE_LINE, "PHASE name=stretch ms=12.5", TENURE_LINE,
                                 "RESULT workload=gcbench run_ms=250.0 gc_count=na"]))
        self.assertTrue(r.ok)
        self.assertEqual(r.result["workload"], "gcbench")
        self.assertEqual(r.number("run_ms"), 250.0)
        self.assertIsNone(r.number("gc_count"))  # 'na' is not a number
        self.assertIsNone(r.number("absent"))
        self.assertEqual(r.phases, [("stretch", 12.5)])
        self.assertEqual(r.gc_pauses, [(1.3, "s"), (0.412, "mc")])

    def test_missing_result_is_a_failure(self):
        r = self.make("stretch tree of depth 19\t check: 1048575\n")
        self.assertFalse(r.ok)
        self.assertIn("no RESULT line", r.failure())

    def test_nonzero_exit_is_a_failure_even_with_result(self):
        r = self.make("RESULT workload=x\n", returncode=1, stderr="error: depth check 3\n")
        self.assertFalse(r.ok)
        self.assertEqual(r.failure(), "exit 1: error: depth check 3")


class ProcessTest(unittest.TestCase):
    def test_run_measures_a_real_process(self):
        r = runner.run([sys.executable, "-c", "print('RESULT workload=t wall_ms=1')"])
        self.assertTrue(r.ok, r.failure())
        self.assertGreater(r.peak_rss_kb, 0)
        self.assertGreater(r.wall_s, 0)

    def test_missing_executable_does_not_raise(self):
        r = runner.run(["/nonexistent/bench-binary"])
        self.assertFalse(r.ok)
        self.assertNotEqual(r.returncode, 0)

    def test_repeat_stops_after_a_failure(self):
        runs = runner.repeat([sys.executable, "-c", "import sys; sys.exit(3)"], 3)
        self.assertEqual(len(runs), 1)
        self.assertEqual(runs[0].returncode, 3)


class TimeFileTest(unittest.TestCase):
    def test_reads_last_line_after_a_warning(self):
        import tempfile
        with tempfile.NamedTemporaryFile("w", suffix=".time", delete=False) as f:
            f.write("Command exited with non-zero status 1\n20480 517 0.25 0.05\n")
        try:
            rss, faults, cpu = runner._read_time_file(f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual((rss, faults), (20480, 517))
        self.assertAlmostEqual(cpu, 0.30)

    def test_unreadable_file_gives_none(self):
        self.assertEqual(runner._read_time_file("/nonexistent.time"), (None, None, None))


class StatsTest(unittest.TestCase):
    def test_nearest_rank_percentile(self):
        values = list(range(1, 101))  # 1..100
        self.assertEqual(runner.percentile(values, 50), 50)
        self.assertEqual(runner.percentile(values, 99), 99)
        self.assertEqual(runner.percentile(values, 100), 100)
        self.assertEqual(runner.percentile([7.0], 99), 7.0)
        self.assertIsNone(runner.percentile([], 50))

    def test_median_ignores_missing(self):
        self.assertEqual(runner.median([3, None, 1, 2]), 2)
        self.assertIsNone(runner.median([None]))

    def test_gcbench_live_size_matches_published_figure(self):
        # benchmarks.md §1: peak live ≈ 10.3 MB on 64-bit (2·24·131071 + 8·500000).
        self.assertAlmostEqual(bench.gcbench_live_mb(16, 500000), 10.29, places=2)
        self.assertAlmostEqual(bench.gcbench_live_mb(16, 500000, 32), 12.39, places=2)


class DukRunsTest(unittest.TestCase):
    """duk runs once on fixed-work scripts (minutes each) but as often as the other engines on a
    fixed-duration one such as Splay (seconds each), whose ratio one duk sample made noisy."""

    def run_workload(self, per_unit):
        import argparse
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            args = argparse.Namespace(build_dir=tmp, quick=True, runs=3, duk_runs=0)
            h = bench.Harness(args)
            counter = os.path.join(tmp, "duk-runs")
            fake = [sys.executable, "-c",
                    "import sys\nif sys.argv[1] == 'duk': open(%r, 'a').write('x')\n"
                    "print('RESULT wall_ms=10 us_per_run=5')" % counter]
            h.engines = lambda: [("duk", fake + ["duk"], h.duk_runs), ("tenure", fake + ["t"], h.runs)]
            h.js_script = lambda name, globals_: "script.js"
            h.js_workload("x.js", {}, "X", ("metric", lambda r: "m"), per_unit)
            with open(counter) as f:
                return len(f.read()), h.tables[-1].render()

    def test_fixed_work_runs_duk_once(self):
        runs, text = self.run_workload(None)
        self.assertEqual(runs, 1)
        self.assertIn("duk: 1.", text)

    def test_fixed_duration_runs_duk_like_the_others(self):
        runs, text = self.run_workload(("us_per_run", "time per run"))
        self.assertEqual(runs, 3)
        self.assertIn("duk: 3.", text)


class TableTest(unittest.TestCase):
    def test_ratio_and_missing_values(self):
        self.assertEqual(ratio(50.0, 100.0), "0.50×")
        self.assertEqual(ratio(None, 100.0), "—")
        self.assertEqual(ratio(1.0, 0), "—")
        self.assertEqual(fmt(None), "—")
        self.assertEqual(fmt(1.234, 2, " ns"), "1.23 ns")

    def test_render_and_column_check(self):
        t = Table("T", ["a", "b"])
        t.add("x|y", 1)
        t.note("n")
        text = t.render()
        self.assertIn("| x\\|y | 1 |", text)
        self.assertIn("- n", text)
        with self.assertRaises(ValueError):
            t.add("only one cell")


if __name__ == "__main__":
    unittest.main()
