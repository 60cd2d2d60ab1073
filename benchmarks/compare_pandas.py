#!/usr/bin/env python3
"""Side by side: `jtbd score` against the pandas script an analyst would write.

Both read the same generated wide survey CSV and compute Ulwick's importance,
satisfaction and opportunity per outcome (and per segment); the script checks
that the numbers agree to 1e-9, then prints wall-clock times of the whole
processes and their ratio, best of N runs each.

  /usr/bin/python3 benchmarks/compare_pandas.py --jtbd build/jtbd \
      [--respondents 20000] [--outcomes 60] [--segments 2] [--runs 3]

`jtbd score --segment-by` streams every row into the whole-sample aggregate
and its segment's in one pass (pandas: read_csv, then groupby); the plain
`jtbd score` time is printed too, to show what segments add.

Needs Debian's python3-pandas; not part of the test suite (no timing in tests).
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

PANDAS_SCRIPT = r"""
import sys, json
import pandas as pd
path, segment_by = sys.argv[1], sys.argv[2]
df = pd.read_csv(path)
ids = [c[4:] for c in df.columns if c.startswith("imp_")]
def score(frame):
    out = {}
    for o in ids:
        imp, sat = frame["imp_" + o], frame["sat_" + o]
        i = 10 * (imp >= 4).sum() / imp.notna().sum()
        s = 10 * (sat >= 4).sum() / sat.notna().sum()
        out[o] = [float(i), float(s), float(i + max(i - s, 0))]
    return out
result = {"all": score(df)}
for name, part in df.groupby(segment_by):
    result[str(name)] = score(part)
json.dump(result, sys.stdout)
"""


def segment_names(count):
    return ("field", "office") if count == 2 else tuple(
        f"s{k}" for k in range(count))


def write_survey(path, respondents, outcomes, segments=2, seed=1):
    rng = random.Random(seed)
    names = segment_names(segments)
    with open(path, "w", newline="") as f:
        header = ["respondent_id", "segment"]
        for o in range(outcomes):
            header += [f"imp_o{o}", f"sat_o{o}"]
        f.write(",".join(header) + "\n")
        for r in range(respondents):
            row = [f"r{r}", rng.choice(names)]
            for _ in range(2 * outcomes):
                row.append("" if rng.random() < 0.02 else str(rng.randint(1, 5)))
            f.write(",".join(row) + "\n")


def best_time(cmd, runs):
    best, out = None, None
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jtbd", default="build/jtbd")
    parser.add_argument("--respondents", type=int, default=20000)
    parser.add_argument("--outcomes", type=int, default=60)
    parser.add_argument("--segments", type=int, default=2,
                        help="distinct values of the segment column")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        survey = os.path.join(tmp, "survey.csv")
        write_survey(survey, args.respondents, args.outcomes, args.segments)
        size_mb = os.path.getsize(survey) / 1e6
        script = os.path.join(tmp, "score_pandas.py")
        with open(script, "w") as f:
            f.write(PANDAS_SCRIPT)

        jtbd_time, jtbd_out = best_time(
            # Point estimates only, as the pandas script computes.
            [args.jtbd, "score", "--format", "json", "--bootstrap", "0",
             "--segment-by", "segment", survey],
            args.runs)
        plain_time, _ = best_time(
            [args.jtbd, "score", "--format", "json", "--bootstrap", "0",
             survey],
            args.runs)
        pandas_time, pandas_out = best_time(
            [sys.executable, script, survey, "segment"], args.runs)

    report, expected = json.loads(jtbd_out), json.loads(pandas_out)
    blocks = [("all", report["outcomes"])] + [
        (s["name"], s["outcomes"]) for s in report["segments"]]
    if sorted(name for name, _ in blocks) != sorted(expected):
        sys.exit(f"segments differ: {[n for n, _ in blocks]} vs {list(expected)}")
    for name, outcomes in blocks:
        for o in outcomes:
            want = expected[name][o["outcomeId"]]
            got = [o["importance"], o["satisfaction"], o["opportunity"]]
            if any(abs(a - b) > 1e-9 for a, b in zip(got, want)):
                sys.exit(f"mismatch in {name}/{o['outcomeId']}: {got} vs {want}")

    print(f"survey: {args.respondents} respondents x {args.outcomes} outcomes "
          f"({size_mb:.1f} MB), {len(report['segments'])} segments; "
          f"best of {args.runs} runs")
    print(f"jtbd score (no segments)   {plain_time:8.3f} s")
    print(f"jtbd score --segment-by    {jtbd_time:8.3f} s")
    print(f"pandas (groupby)           {pandas_time:8.3f} s")
    print(f"ratio                      {pandas_time / jtbd_time:8.1f}x "
          f"(pandas time / jtbd --segment-by time); "
          f"results agree to 1e-9")


if __name__ == "__main__":
    main()
