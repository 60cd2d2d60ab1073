#!/usr/bin/env python3
"""Throughput of jtbd.dask.score_csv on 1 and 2 local worker processes
against one process scoring the concatenation (jtbd.score_survey_file), on
a generated survey of respondents x outcomes answers (default 100,000 x
100 = 10 million answers, each an importance and a satisfaction rating)
split into CSV parts. Not run by CI: a script.

    JTBD_LIBRARY=build/libjtbd.so PYTHONPATH=bindings/python \\
        /usr/bin/python3 benchmarks/dask_benchmark.py [--respondents N]
        [--outcomes K] [--parts P] [--repeats R] [--bootstrap B]

Prints, per configuration, the best of R wall-clock times (cluster start-up
excluded: each cluster is started and warmed up first), answers per second
and the ratio to the single process, and checks that every report equals
the single process's (to_json). docs/DISTRIBUTED.md records a run.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time

import numpy

import jtbd
import jtbd.dask


def write_survey(directory, respondents, outcomes, parts, seed):
    """whole.csv and part-NNN.csv (the same rows split in order); ~7% of
    ratings blank. Written with numpy: one fixed-width byte row per
    respondent, blanks as 'x' removed afterwards."""
    rng = numpy.random.default_rng(seed)
    width = 8 + 4 * outcomes
    rows = numpy.empty((respondents, width), dtype=numpy.uint8)
    rows[:, 0] = ord("r")
    ids = numpy.arange(respondents)
    for digit in range(6):
        rows[:, 6 - digit] = ord("0") + (ids // 10 ** digit) % 10
    rows[:, 7] = ord(",")
    ratings = rng.integers(1, 6, size=(respondents, 2 * outcomes),
                           dtype=numpy.uint8) + ord("0")
    ratings[rng.random(ratings.shape) < 0.07] = ord("x")
    rows[:, 8::2] = ratings
    rows[:, 9::2] = ord(",")
    rows[:, -1] = ord("\n")
    header = ",".join(["respondent_id"] + [
        "%s_o%03d" % (kind, outcome) for outcome in range(outcomes)
        for kind in ("imp", "sat")]).encode() + b"\n"
    paths = []
    bounds = numpy.linspace(0, respondents, parts + 1).astype(int)
    with open(os.path.join(directory, "whole.csv"), "wb") as whole:
        whole.write(header)
        for part in range(parts):
            body = rows[bounds[part]:bounds[part + 1]].tobytes().replace(
                b"x", b"")
            whole.write(body)
            path = os.path.join(directory, "part-%03d.csv" % part)
            with open(path, "wb") as handle:
                handle.write(header + body)
            paths.append(path)
    return os.path.join(directory, "whole.csv"), paths


def best_time(function, repeats):
    best, result = None, None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--respondents", type=int, default=100000)
    parser.add_argument("--outcomes", type=int, default=100)
    parser.add_argument("--parts", type=int, default=16)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--bootstrap", type=int, default=None,
                        help="resamples (default: the library's)")
    parser.add_argument("--seed", type=int, default=20261207)
    arguments = parser.parse_args()
    import dask  # pylint: disable=import-outside-toplevel
    from distributed import Client, LocalCluster

    answers = arguments.respondents * arguments.outcomes
    options = {} if arguments.bootstrap is None else {
        "bootstrap": arguments.bootstrap}
    directory = tempfile.mkdtemp(prefix="jtbd_dask_benchmark_")
    try:
        start = time.perf_counter()
        whole, parts = write_survey(directory, arguments.respondents,
                                    arguments.outcomes, arguments.parts,
                                    arguments.seed)
        print("data: %d respondents x %d outcomes = %d answers, %d parts, "
              "%.1f MB, written in %.1f s" % (
                  arguments.respondents, arguments.outcomes, answers,
                  len(parts), os.path.getsize(whole) / 1e6,
                  time.perf_counter() - start))
        print("cpus: %d (os.cpu_count), options: %s" % (os.cpu_count(),
                                                       options or "defaults"))

        def single():
            with jtbd.score_survey_file(whole, **options) as report:
                return report.to_json()

        single_time, expected = best_time(single, arguments.repeats)
        rows = [("single process (score_survey_file)", single_time)]

        def in_turn():
            # The parts read one after another in this process: what the
            # split alone changes (smaller respondent-id sets), without
            # parallelism.
            with dask.config.set(scheduler="sync"), \
                    jtbd.dask.score_csv(parts, **options) as report:
                return report.to_json()

        elapsed, got = best_time(in_turn, arguments.repeats)
        if got != expected:
            sys.exit("FAIL: the report of the parts read in turn differs "
                     "from the single process's")
        rows.append(("parts in turn, one process (sync)", elapsed))
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1,
                              processes=True, host="127.0.0.1",
                              dashboard_address=None) as cluster, \
                    Client(cluster) as client:
                # Warm-up: every worker imports jtbd and loads libjtbd.
                client.run(lambda: jtbd.version())

                def distributed_run(client=client):
                    with jtbd.dask.score_csv(parts, client=client,
                                             **options) as report:
                        return report.to_json()

                elapsed, got = best_time(distributed_run, arguments.repeats)
                if got != expected:
                    sys.exit("FAIL: the report of %d worker(s) differs from "
                             "the single process's" % workers)
                rows.append(("jtbd.dask, %d worker process%s" % (
                    workers, "es" if workers > 1 else ""), elapsed))
        print("%-38s %9s %14s %8s" % ("configuration", "seconds",
                                      "answers/s", "ratio"))
        for name, elapsed in rows:
            print("%-38s %9.3f %14.0f %8.2f" % (
                name, elapsed, answers / elapsed, single_time / elapsed))
        print("every report equal to the single process's (to_json): yes")
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
