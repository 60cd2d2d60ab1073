"""`jtbd score --screen` / `--exclude-screened`.

The flags are recomputed here from the fixture with the csv module (an
independent implementation of docs/SCORING.md, "Screening"), and the scores
with exclusion are recomputed over the kept respondents only.
"""

import csv
import json
import os
import statistics
import subprocess

import pytest

CLI = os.environ.get("JTBD_CLI", "")
SOURCE_DIR = os.environ.get("JTBD_SOURCE_DIR", "")
DATA = os.path.join(SOURCE_DIR, "tests", "data", "screening")
SURVEY = os.path.join(DATA, "survey_wide.csv")

pytestmark = pytest.mark.skipif(
    not CLI or not SOURCE_DIR,
    reason="set JTBD_CLI and JTBD_SOURCE_DIR (ctest does)")


def run(*args):
    done = subprocess.run([CLI, *args], capture_output=True, timeout=120)
    return (done.returncode, done.stdout.decode("utf-8"),
            done.stderr.decode("utf-8", errors="replace"))


def run_json(*args):
    code, out, err = run("score", "--format", "json", "--bootstrap", "0",
                         *args)
    assert code == 0, err
    return json.loads(out)


def rows():
    with open(SURVEY, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


OUTCOMES = ["o%d" % k for k in range(1, 7)]


def expected_flags(min_ratings=5, fraction=1 / 3, min_seconds=None,
                   max_blank_share=0.5):
    data = rows()
    durations = [float(r["duration_seconds"]) for r in data
                 if r["duration_seconds"]]
    threshold = (min_seconds if min_seconds is not None
                 else fraction * statistics.median(durations))
    flags = {}
    for r in data:
        reasons = []
        for prefix in ("imp_", "sat_"):
            given = [r[prefix + o] for o in OUTCOMES if r[prefix + o]]
            if len(given) >= min_ratings and len(set(given)) == 1:
                reasons.append("SCREENING_REASON_STRAIGHT_LINING")
                break
        if r["duration_seconds"] and float(r["duration_seconds"]) < threshold:
            reasons.append("SCREENING_REASON_SPEEDING")
        blanks = sum(1 for o in OUTCOMES
                     if not r["imp_" + o] or not r["sat_" + o])
        if blanks > max_blank_share * len(OUTCOMES):
            reasons.append("SCREENING_REASON_BLANKS")
        if reasons:
            flags[r["respondent_id"]] = reasons
    return flags, threshold


def expected_scores(kept_ids):
    scores = {}
    for o in OUTCOMES:
        imp = [int(r["imp_" + o]) for r in rows()
               if r["respondent_id"] in kept_ids and r["imp_" + o]]
        sat = [int(r["sat_" + o]) for r in rows()
               if r["respondent_id"] in kept_ids and r["sat_" + o]]
        i = 10 * sum(v >= 4 for v in imp) / len(imp)
        s = 10 * sum(v >= 4 for v in sat) / len(sat)
        scores[o] = (i, s, i + max(i - s, 0))
    return scores


def test_flags_match_an_independent_recomputation():
    report = run_json("--screen", SURVEY)
    flags, threshold = expected_flags()
    # The fixture exercises every rule, one respondent with two.
    assert set(flags) == {"p03", "p04", "p05", "p07"}
    assert flags["p07"] == ["SCREENING_REASON_STRAIGHT_LINING",
                            "SCREENING_REASON_SPEEDING"]
    screening = report["screening"]
    got = {r["respondentId"]: r["reasons"] for r in screening["respondents"]}
    assert got == flags
    assert screening["excluded"] is False
    assert screening["screenedRespondentCount"] == 12
    assert screening["flaggedRespondentCount"] == 4
    assert screening["durationCount"] == 11
    assert screening["straightLiningCount"] == 2
    assert screening["speedingCount"] == 2
    assert screening["blanksCount"] == 1
    criteria = screening["criteria"]
    assert criteria["medianDurationSeconds"] == 344
    assert criteria["speedThresholdSeconds"] == pytest.approx(threshold,
                                                              abs=1e-12)
    p05 = next(r for r in screening["respondents"]
               if r["respondentId"] == "p05")
    assert p05["blankShare"] == pytest.approx(4 / 6, abs=1e-15)
    assert p05["index"] == 4
    # Flagging alone scores everyone.
    assert report["respondentCount"] == 12
    everyone = expected_scores({r["respondent_id"] for r in rows()})
    for score in report["outcomes"]:
        assert score["opportunity"] == pytest.approx(
            everyone[score["outcomeId"]][2], abs=1e-12)


def test_exclusion_scores_only_the_kept_respondents():
    report = run_json("--exclude-screened", SURVEY)
    flags, _ = expected_flags()
    kept = {r["respondent_id"] for r in rows()} - set(flags)
    assert report["respondentCount"] == len(kept) == 8
    assert report["screening"]["excluded"] is True
    expected = expected_scores(kept)
    for score in report["outcomes"]:
        i, s, opp = expected[score["outcomeId"]]
        assert score["importance"] == pytest.approx(i, abs=1e-12)
        assert score["satisfaction"] == pytest.approx(s, abs=1e-12)
        assert score["opportunity"] == pytest.approx(opp, abs=1e-12)


def test_thresholds_change_the_flags():
    report = run_json("--screen", "--screen-min-seconds", "300",
                      "--screen-max-blanks", "0.3",
                      "--screen-min-ratings", "6", SURVEY)
    flags, _ = expected_flags(min_ratings=6, min_seconds=300,
                              max_blank_share=0.3)
    got = {r["respondentId"]: r["reasons"]
           for r in report["screening"]["respondents"]}
    assert got == flags
    assert "p12" in got  # 2 of 6 blank is more than 0.3
    assert report["screening"]["criteria"]["speedMinSeconds"] == 300


def test_segments_and_table():
    code, out, err = run("score", "--exclude-screened", "--segment-by",
                         "team", "--bootstrap", "0", SURVEY)
    assert code == 0, err
    assert "Opportunity scores: 8 respondents" in out
    assert ("Screening: 4 of 12 respondents flagged (straight-lining 2, "
            "speeding 2, blanks 1); excluded from every score") in out
    assert "Screened respondents (excluded):" in out
    block = out[out.index("Screened respondents"):]
    for respondent in ("p03", "p04", "p05", "p07"):
        assert respondent in block
    assert "straight_lining, speeding" in block
    report = run_json("--exclude-screened", "--segment-by", "team", SURVEY)
    sizes = {s["name"]: s["respondentCount"] for s in report["segments"]}
    # north: p01 p09 p11 kept (p03 p05 p07 out); south: p02 p06 p08 p10 p12.
    assert sizes == {"north": 3, "south": 5}


def test_duration_column_flag_and_refusals():
    renamed = os.path.join(DATA, "bad_duration.csv")
    code, out, err = run("score", "--screen", renamed)
    assert code == 1
    assert out == ""
    assert err == ("jtbd: %s: line 3, column 2 (\"duration\"): duration "
                   "\"-3\" is not a number of seconds (at least 0)\n" % renamed)
    code, _, err = run("score", "--screen", "--duration", "nope", SURVEY)
    assert code == 1
    assert "no duration column \"nope\" in the header" in err
    code, _, err = run("score", "--screen-min-ratings", "x", SURVEY)
    assert code == 2
    assert "bad --screen-min-ratings \"x\"" in err
    code, _, err = run("score", "--screen-speed-fraction", "2", SURVEY)
    assert code == 1
    assert "speed_median_fraction 2 must be strictly between 0 and 1" in err


def test_without_screening_the_report_has_none():
    report = run_json(SURVEY)
    assert "screening" not in report
    assert report["respondentCount"] == 12
