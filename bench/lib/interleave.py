"""Runs workload commands in interleaved rounds, pinned to one core, and prints each one's median kernel time.

    python3 bench/lib/interleave.py WORKLOAD SIZE ROUNDS NAME=COMMAND... (the first NAME is the baseline)

Each COMMAND is a shell-split command line whose last output line is a suite result line. Every round runs every
command once in a shuffled order (fixed seed), so slow spells of the machine fall on all of them alike. A wrong
checksum (against the native build at the same size) stops the run.
"""
import json
import random
import shlex
import statistics
import subprocess
import sys


def result_line(command):
    out = subprocess.run(["taskset", "-c", "0", *command], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv):
    workload, size, rounds = argv[0], argv[1], int(argv[2])
    commands = {}
    for spec in argv[3:]:
        name, _, command = spec.partition("=")
        commands[name] = shlex.split(command)
    expected = result_line([f"suite/artifacts/{workload}.native", size])["checksum"]
    kernel = {name: [] for name in commands}
    rng = random.Random(2026)
    for _ in range(rounds):
        order = list(commands)
        rng.shuffle(order)
        for name in order:
            line = result_line(commands[name])
            if line["checksum"] != expected:
                sys.exit(f"{name}: wrong checksum {line['checksum']}, expected {expected}")
            kernel[name].append(line["kernel_ns"])
    baseline = statistics.median(kernel[next(iter(commands))])
    print(f"{workload} ({size}), median kernel time of {rounds} interleaved rounds, pinned to core 0")
    for name, values in kernel.items():
        median = statistics.median(values)
        print(f"  {name:32} {median / 1e6:9.1f} ms  {median / baseline:5.2f}x {next(iter(commands))}")


if __name__ == "__main__":
    main(sys.argv[1:])
