"""End-to-end tests of `jtbd prioritize` (docs/ROADMAP.md).

The portfolio the CLI reports is checked against a brute force written here
from the survey itself: importance and satisfaction recomputed from the
file with Ulwick's formulas (domain.md section 4: I = 10 x top-box share
among those who rated importance, S likewise, Opp = I + max(I - S, 0)),
every subset of the initiatives that honours the needs and exclusions and
fits the budget valued, the best kept.

Environment: JTBD_CLI (the built `jtbd`), JTBD_SOURCE_DIR (repository root).
"""

import csv
import io
import itertools
import json
import os
import subprocess

import pytest

CLI = os.environ.get("JTBD_CLI", "")
SOURCE_DIR = os.environ.get("JTBD_SOURCE_DIR", "")
SURVEY = os.path.join(SOURCE_DIR, "examples", "survey.csv")
INITIATIVES = os.path.join(SOURCE_DIR, "examples", "initiatives.csv")

pytestmark = pytest.mark.skipif(
    not CLI or not SOURCE_DIR,
    reason="set JTBD_CLI and JTBD_SOURCE_DIR (ctest does)")

TOP_BOX = 4  # 1-5 scale, Ulwick's top two box


def run(*args, stdin=None):
    """Runs jtbd; returns (exit code, stdout text, stderr text)."""
    done = subprocess.run([CLI, *args], input=stdin, capture_output=True,
                          timeout=120)
    return done.returncode, done.stdout.decode(), done.stderr.decode()


def survey_scores(path, segment_by=None):
    """{segment: (weight, {outcome: (I, S)})} from a wide survey."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    outcomes = sorted(c[4:] for c in rows[0] if c.startswith("imp_"))
    groups = {}
    for row in rows:
        key = row[segment_by] if segment_by else ""
        if segment_by and not key:
            continue
        groups.setdefault(key, []).append(row)
    total = sum(len(g) for g in groups.values())
    scores = {}
    for key, members in groups.items():
        per = {}
        for o in outcomes:
            imp = [int(r["imp_" + o]) for r in members if r["imp_" + o]]
            sat = [int(r["sat_" + o]) for r in members if r["sat_" + o]]
            i = 10 * sum(v >= TOP_BOX for v in imp) / len(imp) if imp else 0
            s = 10 * sum(v >= TOP_BOX for v in sat) / len(sat) if sat else 0
            per[o] = (i, s)
        scores[key] = (len(members) / total, per)
    return scores


def read_initiatives(path):
    """{name: (cost, [(outcome, kind, level, segment)], needs, excludes)}."""
    initiatives = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = row["initiative"]
            entry = initiatives.setdefault(name, [None, [], set(), set()])
            if row["cost"]:
                entry[0] = float(row["cost"])
            if row["outcome"]:
                if row.get("target_satisfaction"):
                    effect = ("target", float(row["target_satisfaction"]))
                else:
                    effect = ("uplift", float(row["uplift"]))
                entry[1].append((row["outcome"], *effect,
                                 row.get("segment", "")))
            for column, index in (("depends_on", 2), ("excludes", 3)):
                for other in (row.get(column) or "").split("|"):
                    if other.strip():
                        entry[index].add(other.strip())
    return initiatives


def value(chosen, initiatives, scores):
    total = 0
    for segment, (weight, per) in scores.items():
        for outcome, (i, s) in per.items():
            after = s
            for name in chosen:
                for o, kind, level, seg in initiatives[name][1]:
                    if o != outcome or (seg and seg != segment):
                        continue
                    lifted = level if kind == "target" else min(10, s + level)
                    after = max(after, lifted)
            total += weight * (max(i - s, 0) - max(i - after, 0))
    return total


def closure(name, initiatives):
    seen, todo = set(), [name]
    while todo:
        for need in initiatives[todo.pop()][2]:
            if need not in seen:
                seen.add(need)
                todo.append(need)
    return seen


def brute_force(initiatives, scores, budget):
    names = list(initiatives)
    best = 0
    for k in range(len(names) + 1):
        for chosen in itertools.combinations(names, k):
            chosen = set(chosen)
            if sum(initiatives[n][0] for n in chosen) > budget + 1e-9:
                continue
            if any(not closure(n, initiatives) <= chosen for n in chosen):
                continue
            if any(initiatives[n][3] & chosen for n in chosen):
                continue
            best = max(best, value(chosen, initiatives, scores))
    return best


@pytest.mark.parametrize("budget", [30, 60, 120, 200])
def test_json_portfolio_is_the_brute_force_optimum(budget):
    code, out, err = run("prioritize", "--budget", str(budget), "--format",
                         "json", "--resamples", "0", SURVEY, INITIATIVES)
    assert code == 0, err
    report = json.loads(out)
    initiatives = read_initiatives(INITIATIVES)
    scores = survey_scores(SURVEY)
    assert report["optimal"] is True
    assert report["value"] == pytest.approx(
        brute_force(initiatives, scores, budget), abs=1e-9)
    chosen = set(report["selected"])
    assert report["value"] == pytest.approx(
        value(chosen, initiatives, scores), abs=1e-9)
    assert report["cost"] <= budget
    assert sum(c["value"] for c in report["contributions"]) == pytest.approx(
        report["value"], abs=1e-9)
    assert [m["initiative"] for m in report["marginalValues"]] == [
        n for n in initiatives if n in chosen]
    assert len(report["frontier"]) == 20


def test_segments_are_weighted_by_their_share():
    code, out, err = run("prioritize", "--budget", "120", "--format", "json",
                         "--segment-by", "segment", "--resamples", "0",
                         SURVEY, INITIATIVES)
    assert code == 0, err
    report = json.loads(out)
    assert report["segmentBy"] == "segment"
    initiatives = read_initiatives(INITIATIVES)
    scores = survey_scores(SURVEY, "segment")
    assert report["value"] == pytest.approx(
        brute_force(initiatives, scores, 120), abs=1e-9)


def test_robustness_is_seeded_and_reported_per_initiative():
    args = ["prioritize", "--budget", "120", "--format", "csv", "--resamples",
            "30", "--seed", "5", SURVEY, INITIATIVES]
    first = run(*args)
    assert first[0] == 0, first[2]
    assert run(*args) == first
    rows = list(csv.DictReader(io.StringIO(first[1])))
    assert [r["initiative"] for r in rows] == list(
        read_initiatives(INITIATIVES))
    for row in rows:
        assert 0 <= float(row["chosen_share"]) <= 1
        assert (row["marginal_value"] != "") == (row["selected"] == "true")


def test_table_says_whether_it_is_proven():
    code, out, err = run("prioritize", "--budget", "120", "--resamples", "0",
                         SURVEY, INITIATIVES)
    assert code == 0, err
    assert "Proven optimal" in out
    code, out, err = run("prioritize", "--budget", "200", "--node-limit", "1",
                         "--resamples", "0", "--format", "json", SURVEY,
                         INITIATIVES)
    assert code == 0, err
    report = json.loads(out)
    assert report["optimal"] is False
    assert report["bound"] >= report["value"]


def test_initiatives_from_standard_input(tmp_path):
    with open(INITIATIVES, "rb") as f:
        data = f.read()
    code, out, err = run("prioritize", "--budget", "50", "--format", "json",
                         "--resamples", "0", SURVEY, "-", stdin=data)
    assert code == 0, err
    assert json.loads(out)["selected"]


@pytest.mark.parametrize("text,where", [
    ("initiative,cost,outcome,uplift\na,0,o01,2\n",
     "line 2, column 2 (\"cost\")"),
    ("initiative,cost,outcome,uplift\na,1,o99,2\n",
     "line 2, column 3 (\"outcome\"): outcome \"o99\" is not in the survey"),
    ("initiative,cost,outcome,target_satisfaction\na,1,o01,12\n",
     "line 2, column 4 (\"target_satisfaction\")"),
    ("initiative,cost,outcome,uplift,depends_on\na,1,o01,2,b\nb,1,o02,2,a\n",
     "line 3, column 5 (\"depends_on\"): the dependencies form a cycle"),
    ("initiative,cost,outcome,uplift\na,1,o01,2\na,2,o02,2\n",
     "line 3, column 2 (\"cost\")"),
])
def test_refusals_name_the_file_line_and_column(tmp_path, text, where):
    path = tmp_path / "initiatives.csv"
    path.write_text(text)
    code, out, err = run("prioritize", "--budget", "10", SURVEY, str(path))
    assert code == 1
    assert out == ""
    assert err == f"jtbd: {path}: {where}" + err.split(where, 1)[1]


@pytest.mark.parametrize("args,message", [
    ([SURVEY, INITIATIVES], "--budget is required"),
    (["--budget", "-1", SURVEY, INITIATIVES], "bad --budget"),
    (["--budget", "1", SURVEY], "expected the SURVEY and the INITIATIVES"),
    (["--budget", "1", "--format", "xml", SURVEY, INITIATIVES],
     "unknown format"),
])
def test_usage_errors(args, message):
    code, out, err = run("prioritize", *args)
    assert code == 2
    assert message in err


def test_help_lists_prioritize():
    code, out, _ = run("help")
    assert code == 0 and "prioritize" in out
    code, out, _ = run("help", "prioritize")
    assert code == 0 and out.startswith("Usage: jtbd prioritize")


def test_saved_aggregate_as_the_survey(tmp_path):
    saved = os.path.join(SOURCE_DIR, "tests", "data", "saved",
                         "aggregate_v1.jtbd")
    path = tmp_path / "initiatives.csv"
    path.write_text("initiative,cost,outcome,uplift\nx,1,o1,5\n")
    code, out, err = run("prioritize", "--budget", "1", "--format", "json",
                         "--resamples", "5", saved, str(path))
    assert code == 0, err
    report = json.loads(out)
    assert report["selected"] == ["x"]
    assert report["resamples"] == 5
    code, _, err = run("prioritize", "--budget", "1", "--segment-by", "a",
                       saved, str(path))
    assert code == 1
    assert "saved aggregate" in err


def test_a_json_report_values_like_its_survey(tmp_path):
    """The issue: the survey may also be a saved report. Scored from the
    report `jtbd score --format json` wrote, the roadmap is the survey's
    (same scores, so the same portfolio, value and frontier); only the
    robustness figures, which need answers to redraw, are absent."""
    report = tmp_path / "report.json"
    def ok(*args):
        code, out, err = run(*args)
        assert code == 0, err
        return out
    report.write_text(ok("score", "--format", "json", "--bootstrap", "0",
                         SURVEY))
    from_survey = json.loads(ok("prioritize", "--budget", "100",
                                "--resamples", "0", "--format", "json",
                                SURVEY, INITIATIVES))
    from_report = json.loads(ok("prioritize", "--budget", "100",
                                "--format", "json", str(report),
                                INITIATIVES))
    # Equal up to the last bits of the scores (10 x / n either way, summed
    # in another order).
    def close(a, b):
        if isinstance(a, dict):
            return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
        if isinstance(a, list):
            return len(a) == len(b) and all(map(close, a, b))
        if isinstance(a, float) or isinstance(b, float):
            return abs(a - b) <= 1e-9 * max(1.0, abs(a))
        return a == b
    assert close(from_report, from_survey)
    # Refusals: a report has no answers to redraw, and its own segments.
    for flags, words in ((["--resamples", "10"], "no answers to redraw"),
                         (["--segment-by", "segment"], "its own segments")):
        code, _, err = run("prioritize", "--budget", "100", *flags,
                           str(report), INITIATIVES)
        assert code == 1
        assert words in err
    bad = tmp_path / "bad.json"
    bad.write_text('{"outcomes": [{"outcomeId": "o1", "nope": 1}]}')
    code, _, err = run("prioritize", "--budget", "100", str(bad), INITIATIVES)
    assert code == 1
    assert str(bad) in err and "jtbd.v1.Report" in err
