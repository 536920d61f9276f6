"""The three claims of the agent benchmarks, each judged from the files `run_agent.py` left in a work directory.

    python3 claims.py repeatability WORK FIRST SECOND
    python3 claims.py overhead WORK NAME [NAME...]
    python3 claims.py hyperfine WORK NAME AGENT SIZE

Each prints its numbers and one PASS or FAIL line, and exits 0 only on PASS.
"""
import json
import math
import os
import subprocess
import sys

import ratios

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SUITE = os.path.join(REPO, "suite")
MANIFEST = ratios.load(os.path.join(SUITE, "manifest.json"))


def verdict(name, worst, limit, failed, ok=True):
    passed = ok and not failed
    print(f"{'PASS' if passed else 'FAIL'}: {name} worst {worst * 100:.2f}% (limit {limit * 100:.0f}%)"
          + (f"; failing: {', '.join(failed)}" if failed else ""))
    return passed


def noisy_note(work, names):
    noisy = [n for n in names if ratios.load(os.path.join(work, f"{n}.json"))["run"]["noisy"]]
    if noisy:
        print(f"  note: marked noisy by the agent: {', '.join(noisy)}")


def repeatability(work, first_name, second_name, limit=0.02):
    """Every runtime's overall execution ratio (geometric mean of median kernel ratios) agrees across two runs."""
    first, second = (ratios.load(os.path.join(work, f"{n}.json")) for n in (first_name, second_name))
    worst, failed = 0.0, []
    print("repeatability: overall execution ratio per runtime, two back-to-back runs")
    for runtime in ratios.runtimes(first):
        a = ratios.overall(first, MANIFEST, runtime, "kernel")
        b = ratios.overall(second, MANIFEST, runtime, "kernel")
        if a is None or b is None:
            print(f"  {runtime:<18} n/a (a workload failed in one of the runs)")
            failed.append(runtime)
            continue
        diff = abs(b / a - 1)
        worst = max(worst, diff)
        print(f"  {runtime:<18} {first_name} {a:.4f}x  {second_name} {b:.4f}x  difference {diff * 100:.2f}%")
        if diff > limit:
            failed.append(runtime)
    noisy_note(work, [first_name, second_name])
    return verdict("repeatability", worst, limit, failed)


def overhead(work, names, limit=0.02):
    """The agent's own CPU time is at most `limit` of all CPU time its run used, in every run."""
    worst, failed = 0.0, []
    print("agent overhead: CPU seconds of each run")
    for name in names:
        cost = ratios.load(os.path.join(work, f"{name}.cost.json"))
        own = cost["userSeconds"] + cost["systemSeconds"]
        share = own / (own + cost["childrenSeconds"])
        worst = max(worst, share)
        print(f"  {name:<8} agent {own:8.2f} s (user {cost['userSeconds']:.2f}, system {cost['systemSeconds']:.2f})"
              f"  children {cost['childrenSeconds']:8.2f} s  share {share * 100:.2f}%"
              f"  wall {cost['wallSeconds'] / 60:.1f} min  exit {cost['exitCode']}")
        if share > limit or cost["exitCode"] != 0:
            failed.append(name)
    return verdict("agent overhead", worst, limit, failed)


def hyperfine(work, name, agent, size, limit=0.05):
    """hyperfine, run now on the same artifacts with the agent's commands, finds the agent's whole-process ratios."""
    runs = 5 if size == "quick" else 15
    core = str(os.cpu_count() - 1)
    document = ratios.load(os.path.join(work, f"{name}.json"))
    agent_dir = os.path.dirname(os.path.abspath(agent))
    wasm2c_cache = os.path.join(work, f"home-{name}", "cache", "wasm2c-mvp")
    node = ["node", "--no-turbo-fast-api-calls", "--no-warnings"]
    runner = os.path.join(agent_dir, "node-wasi-runner.mjs")

    def artifact(w, kind):
        return os.path.join(SUITE, w["artifacts"][kind]["path"])

    commands = {
        "native": lambda w: [artifact(w, "native")],
        "wasmtime": lambda w: [agent, "wasmtime-host", artifact(w, "wasm"), "--"],
        "wasmtime-pulley": lambda w: [agent, "wasmtime-host", "--target", "pulley64", artifact(w, "wasm"), "--"],
        "node": lambda w: [*node, runner, artifact(w, "wasm")],
        "node-no-liftoff": lambda w: [*node, "--no-liftoff", runner, artifact(w, "wasm")],
        "wasm2c-mvp": lambda w: [os.path.join(wasm2c_cache, w["artifacts"]["wasmMvp"]["sha256"].lower(), "nn-module")],
    }

    def quote(argv):
        return " ".join("'" + a.replace("'", "'\\''") + "'" for a in argv)

    def medians(w, runtimes):
        """One hyperfine call per workload, native and every runtime together, so each pair is a minute apart at most."""
        out = os.path.join(work, f"hf-{w['id']}.json")
        argvs = [quote([*commands[r](w), *w["sizes"][size]]) for r in runtimes]
        done = subprocess.run(["taskset", "-c", core, "nice", "-n", "19", "hyperfine", "-N", "--style", "none", "--warmup", "1",
                               "--runs", str(runs), "--export-json", out, *argvs],
                              cwd=SUITE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            sys.exit(f"FAIL: hyperfine failed on {w['id']}: {done.stderr.strip()}")
        return dict(zip(runtimes, (r["median"] for r in ratios.load(out)["results"])))

    # io workloads need a fresh scratch directory per run, which hyperfine cannot give; the empty program stays.
    workloads = [w for w in MANIFEST["workloads"] if not w.get("scratch") and (w["category"] != "startup" or w["id"] == "empty")]
    measured = [r for r in ratios.runtimes(document) if r in commands]
    skipped = [r for r in ratios.runtimes(document) if r not in commands]
    timed = {w["id"]: medians(w, ["native", *measured]) for w in workloads}

    print(f"hyperfine agreement: whole-process ratio, median of {runs} hyperfine runs vs the agent's median paired ratio")
    worst, failed = 0.0, []
    for runtime in measured:
        agent_medians = ratios.workload_ratios(document, MANIFEST, runtime, "process")
        logs = []
        for w in workloads:
            if w["id"] not in agent_medians:
                continue
            hf = timed[w["id"]][runtime] / timed[w["id"]]["native"]
            ag = agent_medians[w["id"]]
            line = f"  {runtime:<16} {w['id']:<11} hyperfine {hf:8.3f}x  agent {ag:8.3f}x  difference {abs(hf / ag - 1) * 100:5.1f}%"
            if w["category"] == "startup":
                # Native's empty process lasts under a millisecond, so this ratio measures how each tool starts a
                # process (fork and exec in nn-exec, posix_spawn in hyperfine) more than the runtime: it is shown,
                # with the added milliseconds the product reports for cold start, and kept out of the mean.
                hf_ms = (timed[w["id"]][runtime] - timed[w["id"]]["native"]) * 1000
                ag_ms = ratios.overhead_ms(document, w["id"], runtime)
                print(f"{line}  (added: hyperfine {hf_ms:.1f} ms, agent {ag_ms:.1f} ms; not in the mean)")
                continue
            logs.append(math.log(hf / ag))
            print(line)
        if not logs:
            failed.append(runtime)
            continue
        diff = abs(math.exp(sum(logs) / len(logs)) - 1)
        worst = max(worst, diff)
        print(f"  {runtime:<16} geometric mean over {len(logs)} workloads: difference {diff * 100:.2f}%")
        if diff > limit:
            failed.append(runtime)
    if skipped:
        print(f"  skipped (command not reproduced here): {', '.join(skipped)}")
    return verdict("hyperfine agreement", worst, limit, failed, ok=bool(measured))


if __name__ == "__main__":
    claim, work, *rest = sys.argv[1:]
    passed = {
        "repeatability": lambda: repeatability(work, *rest),
        "overhead": lambda: overhead(work, rest),
        "hyperfine": lambda: hyperfine(work, *rest),
    }[claim]()
    sys.exit(0 if passed else 1)
