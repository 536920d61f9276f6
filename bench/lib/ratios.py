"""Ratios from a NearNative result document, computed independently of the agent's C# code.

Per workload and runtime: median of ratios paired by round (runtime over native of the same round, measured
stage only, valid samples only); kernel time, or whole-process time for start-up workloads. A runtime that
printed a wrong answer for a workload in any stage, warm-up included, gets no ratio for it. Overall:
geometric mean over the non-start-up workloads except the opt-in ones (too many writes for a default run), equal weights, as the agent's "execution" and "process" rows.
"""
import json
import math
import statistics
import sys

PREINIT_SUFFIX = ".preinit"
DEFAULT_WRITE_CAP = 4 << 30
FEWEST_ROUNDS, FEWEST_PROCESSES = 4, 2


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def categories(manifest):
    cats = {w["id"]: w["category"] for w in manifest["workloads"]}
    for w in manifest["workloads"]:
        if "wasmPreinit" in w["artifacts"]:
            cats[w["id"] + PREINIT_SUFFIX] = w["category"]
    return cats


def baseline(workload):
    return workload[: -len(PREINIT_SUFFIX)] if workload.endswith(PREINIT_SUFFIX) else workload


def valid(sample):
    return sample["outcome"] == "ok" and sample["stage"] == "measured" and sample["wallNs"] > 0


def pairs(document, workload, runtime):
    """(runtime sample, native sample of the same round) for every round where both are valid."""
    native = {s["round"]: s for s in document["samples"]
              if valid(s) and s["runtime"] == "native" and s["workload"] == baseline(workload)}
    return [(s, native[s["round"]]) for s in document["samples"]
            if valid(s) and s["runtime"] == runtime and s["workload"] == workload and s["round"] in native]


def paired(document, workload, runtime, figure):
    if figure == "kernel":
        return [s["kernelNs"] / n["kernelNs"] for s, n in pairs(document, workload, runtime)
                if s.get("kernelNs") and n.get("kernelNs")]
    return [s["wallNs"] / n["wallNs"] for s, n in pairs(document, workload, runtime)]


def overhead_ms(document, workload, runtime):
    """Median over rounds of runtime minus native whole-process time, in milliseconds."""
    added = [(s["wallNs"] - n["wallNs"]) / 1e6 for s, n in pairs(document, workload, runtime)]
    return statistics.median(added) if added else float("nan")


def wrong_output(document, manifest, workload, runtime):
    """Any sample of the runtime on the workload, in any stage, that the agent called wrong or whose checksum
    is not the manifest's at the run's size."""
    sizes = {w["id"]: w["checksums"] for w in manifest["workloads"]}
    expected = sizes.get(baseline(workload), {}).get(document["suite"]["size"])
    return any(s["outcome"] == "checksum-mismatch" or (s["outcome"] == "ok" and s.get("checksum") != expected)
               for s in document["samples"] if s["runtime"] == runtime and s["workload"] == workload)


def workload_ratios(document, manifest, runtime, figure):
    """{workload: median ratio} for every workload with at least 3 pairs and no wrong answer."""
    cats = categories(manifest)
    result = {}
    for workload in sorted({s["workload"] for s in document["samples"] if s["runtime"] == runtime}):
        if wrong_output(document, manifest, workload, runtime):
            continue
        startup = cats.get(workload) == "startup"
        ratios = paired(document, workload, runtime, "process" if startup else figure)
        if len(ratios) >= 3:
            result[workload] = statistics.median(ratios)
    return result


def opt_in(manifest, size):
    """Workloads that write too much for a default run (a warm-up and three rounds of native and one runtime above
    the default 4 GiB cap): they get their own ratio and stay out of every geometric mean."""
    return {w["id"] for w in manifest["workloads"]
            if w.get("writesBytes", {}).get(size, 0) * FEWEST_ROUNDS * FEWEST_PROCESSES > DEFAULT_WRITE_CAP}


def overall(document, manifest, runtime, figure):
    """Geometric mean over the non-start-up workloads that are not opt-in; None when any of them has no ratio."""
    cats = categories(manifest)
    left_out = opt_in(manifest, document["suite"]["size"])
    medians = workload_ratios(document, manifest, runtime, figure)
    execution = [w for w in {s["workload"] for s in document["samples"] if s["runtime"] == runtime}
                 if cats.get(w) != "startup" and baseline(w) not in left_out]
    if not execution or any(w not in medians for w in execution):
        return None
    return math.exp(sum(math.log(medians[w]) for w in execution) / len(execution))


def log_differences(pairs):
    """ln(a / b) for each (a, b) pair of ratios to native, e.g. (hyperfine's, the agent's) for one workload."""
    return [math.log(a / b) for a, b in pairs]


def mean_absolute_log_difference(pairs):
    """Mean over the pairs of |ln(a / b)|. Unlike the mean of the signed differences, a workload 10% high and
    another 10% low count as two disagreements of 10%, not as agreement."""
    differences = log_differences(pairs)
    return sum(abs(d) for d in differences) / len(differences)


def runtimes(document):
    return [r["id"] for r in document["runtimes"] if r["id"] != "native"]


if __name__ == "__main__":
    doc, man = load(sys.argv[1]), load(sys.argv[2])
    for rt in runtimes(doc):
        print(rt, overall(doc, man, rt, "kernel"), overall(doc, man, rt, "process"))
