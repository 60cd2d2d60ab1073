#!/usr/bin/env python3
"""jtbd's weighted statistics against R's survey package (issue 21, Proof).

Scores tests/data/weighted/survey.csv (120 respondents, weights 0.4-4, ~6 %
blanks, two teams) with `jtbd score --weight weight --segment-by team` and
compares, per outcome and axis, for the whole sample and each team:
  - the weighted top-box share with svymean's (to 1e-12);
  - the Kish effective count with R's (sum w)^2 / sum w^2 (to 1e-9);
  - the interval with the Wilson score interval at R's share and R's Kish n
    (every count here is more than 3 from both edges, so no Poisson limit);
  - Kish's standard error sqrt(p (1 - p) / n_eff) with svymean's
    linearization SE, within 12 % (Kish assumes the weights unrelated to the
    answers, true of this file: it is the approximation, not the code, that
    this bounds);
  - each team-vs-rest difference with svyglm's coefficient (to 1e-12), and
    jtbd's z with svyglm's design-based t within 15 % (again Kish vs
    linearization).
Exit 77 (ctest: skipped) when Rscript or the survey package is missing.
"""
import csv
import io
import json
import math
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "sanitize"))
from external_program_env import external_program_env  # noqa: E402

SOURCE = os.environ.get("JTBD_SOURCE_DIR",
                        os.path.join(os.path.dirname(__file__), "..", ".."))
SURVEY = os.path.join(SOURCE, "tests", "data", "weighted", "survey.csv")
Z95 = 1.959963984540054


def skip(reason):
    print("SKIP:", reason)
    sys.exit(77)


def wilson(p, n, z=Z95):
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


# R runs without the sanitizer runtime the tests preload.
R_ENV = external_program_env()


def main():
    rscript = shutil.which("Rscript")
    if rscript is None:
        skip("Rscript is not installed (Debian: r-cran-survey)")
    probe = subprocess.run([rscript, "-e", "library(survey)"],
                           capture_output=True, text=True, env=R_ENV)
    if probe.returncode != 0:
        skip("R's survey package is not installed (Debian: r-cran-survey)")
    r_out = subprocess.run(
        [rscript, os.path.join(SOURCE, "tests", "r", "weighted_survey.R"),
         SURVEY], capture_output=True, text=True, check=True,
        env=R_ENV).stdout
    r_rows = {(row["scope"], row["outcome"], row["axis"]): row
              for row in csv.DictReader(io.StringIO(r_out))}

    cli = os.environ.get("JTBD_CLI", os.path.join(SOURCE, "build", "jtbd"))
    report = json.loads(subprocess.run(
        [cli, "score", "--weight", "weight", "--segment-by", "team",
         "--bootstrap", "0", "--format", "json", SURVEY],
        capture_output=True, text=True, check=True).stdout)
    assert report["weighted"] is True

    failures = []
    checked = 0

    def close(what, got, want, tolerance):
        nonlocal checked
        checked += 1
        if not abs(got - want) <= tolerance:
            failures.append(f"{what}: jtbd {got!r}, R {want!r}")

    def check_scores(scope, outcomes):
        for score in outcomes:
            for axis in ("importance", "satisfaction"):
                row = r_rows[(scope, score["outcomeId"], axis)]
                share, kish = float(row["share"]), float(row["kish_n"])
                what = f"{scope} {score['outcomeId']} {axis}"
                close(what + " share", score[axis] / 10, share, 1e-12)
                close(what + " Kish n", score[axis + "EffectiveCount"], kish,
                      1e-9)
                assert 3 < share * kish < kish - 3, what  # plain Wilson
                low, high = wilson(share, kish)
                interval = score[axis + "Interval"]
                close(what + " interval low", interval["low"], 10 * low, 1e-9)
                close(what + " interval high", interval["high"], 10 * high,
                      1e-9)
                kish_se = math.sqrt(share * (1 - share) / kish)
                close(what + " Kish SE / linearization SE",
                      kish_se / float(row["linearization_se"]), 1.0, 0.12)

    check_scores("all", report["outcomes"])
    for segment in report["segments"]:
        check_scores(segment["name"], segment["outcomes"])
        for comparison in segment["comparisons"]:
            for axis in ("importance", "satisfaction"):
                row = r_rows[("test:" + segment["name"],
                              comparison["outcomeId"], axis)]
                what = f"{segment['name']} {comparison['outcomeId']} {axis}"
                close(what + " difference",
                      comparison[axis + "Difference"] / 10,
                      float(row["share"]), 1e-12)
                design_z = float(row["linearization_se"])
                close(what + " z / design-based t",
                      comparison[axis + "Test"]["z"] / design_z, 1.0, 0.15)

    for failure in failures:
        print("FAIL", failure)
    print(f"{checked} comparisons with R's survey package, "
          f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
