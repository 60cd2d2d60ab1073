#!/usr/bin/python3
"""The Python bulk path, which Google Benchmark cannot drive: per call,
Aggregate.add_respondents on two zero-copy uint8 matrices, then
score(bootstrap=0). Prints wall and CPU time (every thread of the process)
as medians over --runs, with answers/s and bytes/s, and the load average.

  benchmarks/python_bulk_benchmark.py [--library build/libjtbd.so]
      [--respondents 100000] [--outcomes 100] [--runs 9]

numpy is optional: without it the matrices are bytearrays (also zero-copy).
Timings are printed, never judged."""

import argparse
import os
import random
import sys
import time

SOURCE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ratings(count, seed):
    """1-5 ratings, 2% unanswered, as a numpy uint8 array or a bytearray."""
    try:
        import numpy as np  # pylint: disable=import-outside-toplevel
        rng = np.random.default_rng(seed)
        values = rng.integers(1, 6, size=count, dtype=np.uint8)
        values[rng.random(count) < 0.02] = 0
        return values
    except ImportError:
        rng = random.Random(seed)
        return bytearray(0 if rng.random() < 0.02 else rng.randint(1, 5)
                         for _ in range(count))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library",
                        default=os.path.join(SOURCE, "build", "libjtbd.so"))
    parser.add_argument("--respondents", type=int, default=100000)
    parser.add_argument("--outcomes", type=int, default=100)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    os.environ["JTBD_LIBRARY"] = os.path.abspath(args.library)
    sys.path.insert(0, os.path.join(SOURCE, "bindings", "python"))
    import jtbd  # pylint: disable=import-outside-toplevel
    n, m = args.respondents, args.outcomes
    imp, sat = ratings(n * m, 1), ratings(n * m, 2)
    if hasattr(imp, "reshape"):
        imp, sat = imp.reshape(n, m), sat.reshape(n, m)
    rows = {"add_respondents": [], "add_respondents + score": []}
    for _ in range(args.runs):
        aggregate = jtbd.Aggregate()
        for o in range(m):
            aggregate.add_outcome("o%d" % o)
        wall, cpu = time.perf_counter(), time.process_time()
        aggregate.add_respondents(imp, sat)
        added = time.perf_counter() - wall, time.process_time() - cpu
        aggregate.score(bootstrap=0)
        scored = time.perf_counter() - wall, time.process_time() - cpu
        aggregate.close()
        rows["add_respondents"].append(added)
        rows["add_respondents + score"].append(scored)
    answers = n * m
    print("python bulk path: %d x %d uint8 (%d answers, %.1f MB), median of "
          "%d, load average %.2f %.2f %.2f" %
          ((n, m, answers, 2 * answers / 1e6, args.runs) + os.getloadavg()))
    for name, times in rows.items():
        wall = sorted(t[0] for t in times)[len(times) // 2]
        cpu = sorted(t[1] for t in times)[len(times) // 2]
        print("  %-26s wall %8.2f ms  CPU %8.2f ms  %7.1f M answers/s  "
              "%6.2f GB/s (by CPU time %6.2f GB/s)" %
              (name, wall * 1e3, cpu * 1e3, answers / wall / 1e6,
               2 * answers / wall / 1e9, 2 * answers / max(cpu, 1e-9) / 1e9))


if __name__ == "__main__":
    main()
