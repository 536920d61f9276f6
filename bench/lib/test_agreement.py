"""Self-check of the agreement arithmetic, with numbers worked by hand:

    python3 -m unittest discover -s bench/lib
"""
import json
import math
import unittest

import claims
import ratios


class MeanAbsoluteLogDifference(unittest.TestCase):
    def test_opposite_errors_do_not_cancel(self):
        # hyperfine 10% above the agent on one workload and 10% below on the other: the signed mean of
        # ln(1.1) and -ln(1.1) is 0 (the old check said "0.00%"), the mean absolute difference is ln(1.1).
        pairs = [(1.10, 1.00), (1.00, 1.10)]
        self.assertAlmostEqual(sum(ratios.log_differences(pairs)) / 2, 0.0, places=12)
        self.assertAlmostEqual(ratios.mean_absolute_log_difference(pairs), math.log(1.1), places=12)
        self.assertAlmostEqual(math.exp(ratios.mean_absolute_log_difference(pairs)) - 1, 0.10, places=12)

    def test_small_differences_average_their_sizes(self):
        # |ln 1.02| = 0.0198026, |ln(1 / 1.03)| = 0.0295588; mean 0.0246807.
        self.assertAlmostEqual(ratios.mean_absolute_log_difference([(1.02, 1.00), (1.00, 1.03)]), 0.0246807, places=6)

    def test_identical_ratios_agree_exactly(self):
        self.assertEqual(ratios.mean_absolute_log_difference([(2.0, 2.0), (1.5, 1.5)]), 0.0)


class OptIn(unittest.TestCase):
    MANIFEST = {"workloads": [
        {"id": "fib", "category": "compute", "artifacts": {}},
        {"id": "smallfiles", "category": "io", "artifacts": {}, "writesBytes": {"full": 12990259}},
        {"id": "filerw", "category": "io", "artifacts": {}, "writesBytes": {"quick": 16 << 20, "full": 640 << 20}},
    ]}

    def test_a_workload_too_heavy_for_the_default_cap_is_opt_in_at_that_size_only(self):
        # 640 MiB x 4 rounds x 2 processes = 5 GiB > 4 GiB; 16 MiB x 8 = 128 MiB fits.
        self.assertEqual(ratios.opt_in(self.MANIFEST, "full"), {"filerw"})
        self.assertEqual(ratios.opt_in(self.MANIFEST, "quick"), set())

    def test_the_overall_figure_leaves_the_opt_in_workload_out(self):
        # fib 2x and smallfiles 8x give 4x; filerw at 100x would move it were it counted.
        def sample(workload, runtime, rnd, kernel):
            return {"workload": workload, "runtime": runtime, "round": rnd, "stage": "measured", "outcome": "ok",
                    "wallNs": kernel, "kernelNs": kernel, "checksum": "c"}
        samples = []
        for rnd in range(3):
            for workload, factor in (("fib", 2), ("smallfiles", 8), ("filerw", 100)):
                samples += [sample(workload, "native", rnd, 1000), sample(workload, "wasm", rnd, 1000 * factor)]
        manifest = {"workloads": [dict(w, checksums={"full": "c"}) for w in self.MANIFEST["workloads"]]}
        document = {"suite": {"size": "full"}, "samples": samples}
        self.assertAlmostEqual(ratios.overall(document, manifest, "wasm", "kernel"), 4.0, places=9)


class KernelMedians(unittest.TestCase):
    @staticmethod
    def line(kernel_ns):
        return json.dumps({"workload": "fib", "size": "quick", "iterations": 1, "kernel_ns": kernel_ns, "checksum": "aa"},
                          separators=(",", ":"))

    def test_warmups_are_left_out_and_commands_keep_their_order(self):
        # native: warm-up 999, runs 100, 300, 200 (median 200); wasm: warm-up 1, runs 500, 400, 450 (median 450).
        stdout = "\n".join([self.line(999), self.line(100), self.line(300), self.line(200), "noise from a runtime",
                            self.line(1), self.line(500), self.line(400), self.line(450)])
        self.assertEqual(claims.kernel_medians(stdout, ["native", "wasm"], warmup=1, runs=3), {"native": 200, "wasm": 450})

    def test_a_missing_line_gives_no_kernel_figure_rather_than_a_shifted_one(self):
        stdout = "\n".join(self.line(k) for k in [999, 100, 300, 200, 1, 500, 400])
        self.assertIsNone(claims.kernel_medians(stdout, ["native", "wasm"], warmup=1, runs=3))


class WrongAnswers(unittest.TestCase):
    MANIFEST = {"workloads": [{"id": "fib", "category": "compute", "checksums": {"quick": "aa"}, "artifacts": {}}]}

    @staticmethod
    def document(extra):
        samples = [{"round": r, "workload": "fib", "runtime": rt, "stage": "measured", "outcome": "ok",
                    "kernelNs": k, "wallNs": k, "checksum": "aa"}
                   for r in (1, 2, 3) for rt, k in (("native", 100), ("wasm", 150))]
        return {"suite": {"id": "std-2026.1", "size": "quick"}, "samples": samples + extra}

    def test_right_answers_give_the_median_ratio(self):
        self.assertEqual(ratios.workload_ratios(self.document([]), self.MANIFEST, "wasm", "kernel"), {"fib": 1.5})

    def test_a_wrong_warmup_answer_refuses_the_ratio(self):
        warmup = {"round": 0, "workload": "fib", "runtime": "wasm", "stage": "warmup", "outcome": "ok",
                  "kernelNs": 150, "wallNs": 150, "checksum": "bb"}
        self.assertEqual(ratios.workload_ratios(self.document([warmup]), self.MANIFEST, "wasm", "kernel"), {})


if __name__ == "__main__":
    unittest.main()
