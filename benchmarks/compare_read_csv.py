#!/usr/bin/env python3
"""Reading a 20 MB wide survey export: jtbd against pandas.read_csv.

Both read the same generated file (respondent_id, segment, imp_/sat_ pairs,
2% blank cells) in this one Python process, through jtbd's binding and
pandas:
  jtbd.load_aggregate  tokenize, check every rating, build the scoring
                       aggregate (what `jtbd score` without segments does;
                       no per-respondent storage);
  jtbd.load_csv        the same into a Study (every respondent's answers and
                       attributes kept: the closer match to a DataFrame);
  pandas.read_csv      tokenize, infer types, build the DataFrame.
The script checks that all read the same answers (per outcome, the number of
non-blank importance and satisfaction cells), then prints the best of N
timings of each and the ratios. It also times the whole processes (`jtbd
score FILE` against `python3 -c "import pandas; read_csv(FILE)"`), which adds
interpreter and import start-up to pandas' side, for reference.

  JTBD_LIBRARY=build/libjtbd.so PYTHONPATH=bindings/python \\
      /usr/bin/python3 benchmarks/compare_read_csv.py --jtbd build/jtbd \\
      [--respondents 80000] [--outcomes 60] [--runs 5]

Build Release for meaningful numbers. Needs Debian's python3-pandas; not
part of the test suite (no timing in tests).
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile
import time


def write_survey(path, respondents, outcomes, seed=1):
    rng = random.Random(seed)
    with open(path, "w", newline="") as f:
        header = ["respondent_id", "segment"]
        for o in range(outcomes):
            header += [f"imp_o{o}", f"sat_o{o}"]
        f.write(",".join(header) + "\n")
        for r in range(respondents):
            row = [f"r{r}", rng.choice(("field", "office"))]
            for _ in range(2 * outcomes):
                row.append("" if rng.random() < 0.02 else str(rng.randint(1, 5)))
            f.write(",".join(row) + "\n")


def best_of(runs, function):
    """(best wall-clock seconds, best CPU seconds of this process, result).
    CPU time is the steadier figure on a shared machine; it does not count
    child processes."""
    best, best_cpu, result = None, None, None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = function()
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - start_cpu
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    return best, best_cpu, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jtbd", default="build/jtbd",
                        help="the jtbd CLI, for the whole-process timing")
    parser.add_argument("--respondents", type=int, default=80000)
    parser.add_argument("--outcomes", type=int, default=60)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    import jtbd  # the binding: JTBD_LIBRARY and PYTHONPATH as above
    import pandas

    with tempfile.TemporaryDirectory() as tmp:
        survey = os.path.join(tmp, "survey.csv")
        write_survey(survey, args.respondents, args.outcomes)
        size_mb = os.path.getsize(survey) / 1e6

        def read_jtbd():
            study = jtbd.load_csv(survey)
            report = study.score()  # only to check the answers below
            study.close()
            return report

        def read_pandas():
            return pandas.read_csv(survey)

        # The score is not part of the timings: time the reads alone, then
        # check the answers once.
        aggregate_time, aggregate_cpu, _ = best_of(
            args.runs, lambda: jtbd.load_aggregate(survey).close())
        study_time, study_cpu, _ = best_of(
            args.runs, lambda: jtbd.load_csv(survey).close())
        pandas_time, pandas_cpu, frame = best_of(args.runs, read_pandas)
        with jtbd.load_aggregate(survey) as aggregate:
            reports = [read_jtbd(), aggregate.score()]
        for report in reports:
            if len(report.outcomes) != args.outcomes:
                sys.exit("jtbd read %d outcomes" % len(report.outcomes))
            for outcome in report.outcomes:
                o = outcome.outcome_id
                want = (int(frame["imp_" + o].notna().sum()),
                        int(frame["sat_" + o].notna().sum()))
                got = (outcome.importance_count, outcome.satisfaction_count)
                if got != want:
                    sys.exit(f"answers differ for {o}: jtbd {got}, "
                             f"pandas {want}")

        process_runs = max(1, args.runs // 2)
        jtbd_process, _, _ = best_of(process_runs, lambda: subprocess.run(
            [args.jtbd, "score", "--bootstrap", "0", survey], check=True,
            stdout=subprocess.DEVNULL))
        pandas_process, _, _ = best_of(process_runs, lambda: subprocess.run(
            [sys.executable, "-c",
             "import sys, pandas; pandas.read_csv(sys.argv[1])", survey],
            check=True))

    print(f"survey: {args.respondents} respondents x {args.outcomes} outcomes "
          f"({size_mb:.1f} MB, wide layout); best of {args.runs} runs")
    print("in one process (read only; answer counts agree):"
          "     wall   ratio      CPU   ratio")
    print(f"  pandas.read_csv      {pandas_time:8.3f} s"
          f"          {pandas_cpu:8.3f} s")
    for name, wall, cpu in (("jtbd.load_aggregate", aggregate_time,
                             aggregate_cpu),
                            ("jtbd.load_csv", study_time, study_cpu)):
        print(f"  {name:20} {wall:8.3f} s {pandas_time / wall:6.1f}x "
              f"{cpu:8.3f} s {pandas_cpu / cpu:6.1f}x")
    print("  (ratio: pandas time / jtbd time, so 10x = jtbd ten times "
          "faster)")
    print(f"whole processes (best of {process_runs}):")
    print(f"  jtbd score           {jtbd_process:8.3f} s")
    print(f"  python3 + pandas     {pandas_process:8.3f} s   "
          f"{pandas_process / jtbd_process:5.1f}x")


if __name__ == "__main__":
    main()
