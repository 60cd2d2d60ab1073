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


def battery_chance(data, r, prefix):
    """Chance that independent answering, each outcome with the study's own
    distribution of ratings on that axis, makes r's rated outcomes equal."""
    total = 0.0
    for value in "12345":
        product = 1.0
        for o in OUTCOMES:
            if not r[prefix + o]:
                continue
            column = [x[prefix + o] for x in data if x[prefix + o]]
            product *= column.count(value) / len(column)
        total += product
    return total


def expected_flags(min_ratings=5, fraction=1 / 3, min_seconds=None,
                   max_blank_share=0.5, max_chance=0.001):
    data = rows()
    durations = [float(r["duration_seconds"]) for r in data
                 if r["duration_seconds"]]
    threshold = (min_seconds if min_seconds is not None
                 else fraction * statistics.median(durations))
    flags = {}
    chances = {}
    for r in data:
        reasons = []
        chance, equal = 1.0, False
        for prefix in ("imp_", "sat_"):
            given = [r[prefix + o] for o in OUTCOMES if r[prefix + o]]
            if len(given) >= min_ratings and len(set(given)) == 1:
                equal = True
                chance *= battery_chance(data, r, prefix)
        if equal and chance <= max_chance:
            reasons.append("SCREENING_REASON_STRAIGHT_LINING")
            chances[r["respondent_id"]] = chance
        if r["duration_seconds"] and float(r["duration_seconds"]) < threshold:
            reasons.append("SCREENING_REASON_SPEEDING")
        # Shown: rated on either axis.
        shown = [o for o in OUTCOMES if r["imp_" + o] or r["sat_" + o]]
        blanks = sum(1 for o in shown
                     if not r["imp_" + o] or not r["sat_" + o])
        if blanks > max_blank_share * len(shown):
            reasons.append("SCREENING_REASON_BLANKS")
        if reasons:
            flags[r["respondent_id"]] = reasons
    expected_flags.chances = chances
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
    # p07 answers 3 everywhere: importance alone has chance 0.0022, its
    # satisfaction 0.00054, together 1.2e-6. p03's six importance 5s
    # (0.0022) are not enough alone; p05, shown two outcomes (the rest blank
    # on both axes), answered both.
    assert set(flags) == {"p04", "p07"}
    assert flags["p07"] == ["SCREENING_REASON_STRAIGHT_LINING",
                            "SCREENING_REASON_SPEEDING"]
    screening = report["screening"]
    got = {r["respondentId"]: r["reasons"] for r in screening["respondents"]}
    assert got == flags
    assert screening["excluded"] is False
    assert screening["screenedRespondentCount"] == 12
    assert screening["flaggedRespondentCount"] == 2
    assert screening["durationCount"] == 11
    assert screening["straightLiningCount"] == 1
    assert screening["speedingCount"] == 2
    assert screening["blanksCount"] == 0
    criteria = screening["criteria"]
    assert criteria["medianDurationSeconds"] == 344
    assert criteria["speedThresholdSeconds"] == pytest.approx(threshold,
                                                              abs=1e-12)
    assert criteria["straightLineMaxChance"] == 0.001
    p07 = next(r for r in screening["respondents"]
               if r["respondentId"] == "p07")
    assert p07["straightLineChance"] == pytest.approx(
        expected_flags.chances["p07"], rel=1e-12)
    assert p07["shownOutcomeCount"] == 6
    assert p07["index"] == 6


def test_old_rules_on_request():
    """--screen-max-chance 1 flags any equal battery of 5 (p03 too); blanks
    over all the study's outcomes (blanks_count_unshown) catch p05."""
    report = run_json("--screen", "--screen-max-chance", "1", SURVEY)
    flags, _ = expected_flags(max_chance=1)
    got = {r["respondentId"]: r["reasons"]
           for r in report["screening"]["respondents"]}
    assert got == flags
    assert set(flags) == {"p03", "p04", "p07"}
    assert report["screening"]["respondents"][0]["straightLineChance"] == (
        pytest.approx(expected_flags.chances["p03"], rel=1e-12))
    p05 = next(r for r in rows() if r["respondent_id"] == "p05")
    assert sum(1 for o in OUTCOMES
               if not p05["imp_" + o] and not p05["sat_" + o]) == 4
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
    assert report["respondentCount"] == len(kept) == 10
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
    assert "Opportunity scores: 10 respondents" in out
    assert ("Screening: 2 of 12 respondents flagged (straight-lining 1, "
            "speeding 2, blanks 0); excluded from every score") in out
    assert "Screened respondents (excluded):" in out
    block = out[out.index("Screened respondents"):]
    for respondent in ("p04", "p07"):
        assert respondent in block
    assert "straight_lining, speeding" in block
    report = run_json("--exclude-screened", "--segment-by", "team", SURVEY)
    sizes = {s["name"]: s["respondentCount"] for s in report["segments"]}
    # north: p01 p03 p05 p09 p11 kept (p07 out); south: all but p04.
    assert sizes == {"north": 5, "south": 5}


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
