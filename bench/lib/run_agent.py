"""Runs one `nearnative run` and records what it cost: wall time, the agent's own CPU time, its children's.

    python3 run_agent.py WORK NAME AGENT [run arguments...]

The document goes to WORK/NAME.json, the table to WORK/NAME.txt, the cost to WORK/NAME.cost.json. When the agent
exits it is left a zombie for a moment (waitid with WNOWAIT) so that its final /proc/PID/stat can be read: utime
and stime are the agent's own CPU time (every thread), cutime and cstime that of everything it started and reaped
(the nn-exec launchers with the measured processes, runtime probes, ahead-of-time compilers).
"""
import json
import os
import subprocess
import sys
import time


def main(work, name, agent, extra):
    home = os.path.join(work, f"home-{name}")
    os.makedirs(home, exist_ok=True)
    args = [agent, "run", "--out", os.path.join(work, f"{name}.json"), *extra]
    print(f"run {name}: nearnative " + " ".join(args[1:]), file=sys.stderr, flush=True)
    started = time.monotonic()
    with open(os.path.join(work, f"{name}.txt"), "w") as table:
        child = subprocess.Popen(args, env=dict(os.environ, NEARNATIVE_HOME=home), stdout=table)
        os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)
        with open(f"/proc/{child.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        status = child.wait()
    wall = time.monotonic() - started
    ticks = os.sysconf("SC_CLK_TCK")
    # Fields after "(comm)": state is index 0, so utime (the 14th field of the line) is index 11.
    utime, stime, cutime, cstime = (int(v) / ticks for v in fields[11:15])
    cost = {"exitCode": status, "wallSeconds": wall, "userSeconds": utime, "systemSeconds": stime,
            "childrenSeconds": cutime + cstime}
    with open(os.path.join(work, f"{name}.cost.json"), "w") as f:
        json.dump(cost, f, indent=2)
    print(f"run {name}: exit code {status}, {wall / 60:.1f} minutes", file=sys.stderr, flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]))
