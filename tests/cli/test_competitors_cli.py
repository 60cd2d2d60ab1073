"""`jtbd score` and `jtbd inspect` on files with competing solutions
(docs/SCORING.md, "Competing solutions").

The fixtures (tests/data/competitors) hold the same answers in the wide and
the long layout; every figure printed is recomputed here from wide.csv with
the csv module: S_c = 10 x top-box share (ratings 4-5) among the solution's
raters, the best solution, the gap to our satisfaction, the target
min(10, 1.2 S_best) and the gap's z-test with the covariance of the
respondents who rated both.
"""

import csv
import io
import json
import math
import os
import statistics
import subprocess

import pytest

CLI = os.environ.get("JTBD_CLI", "")
SOURCE_DIR = os.environ.get("JTBD_SOURCE_DIR", "")
DATA = os.path.join(SOURCE_DIR, "tests", "data", "competitors")

pytestmark = pytest.mark.skipif(
    not CLI or not SOURCE_DIR,
    reason="set JTBD_CLI and JTBD_SOURCE_DIR (ctest does)")


def run(*args, stdin=None):
    done = subprocess.run([CLI, *args], capture_output=True, timeout=120,
                          input=stdin)
    return (done.returncode, done.stdout.decode("utf-8"),
            done.stderr.decode("utf-8", errors="replace"))


def run_ok(*args, stdin=None):
    code, out, err = run(*args, stdin=stdin)
    assert code == 0, err
    return out


def fixture(name):
    return os.path.join(DATA, name)


def wide_rows():
    with open(fixture("wide.csv"), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# Competitor columns of wide.csv: (solution, outcome) -> header.
COLUMNS = {("Acme", "o1"): "sat_Acme__o1", ("Acme", "o2"): "sat_ACME__o2",
           ("Beta", "o1"): "sat_Beta_o1"}


def top(cell):
    return 10.0 if int(cell) >= 4 else 0.0


def expected(rows, outcome):
    """Per solution: (S_c, count, gap, z) and the best solution."""
    ours = [top(r["sat_" + outcome]) if r["sat_" + outcome] else None
            for r in rows]
    rated_ours = [x for x in ours if x is not None]
    s_ours = sum(rated_ours) / len(rated_ours)
    var_ours = s_ours * (10 - s_ours) / len(rated_ours)
    result = {}
    for solution in ("Acme", "Beta"):
        column = COLUMNS.get((solution, outcome))
        theirs = [top(r[column]) if column and r[column] else None
                  for r in rows]
        rated = [x for x in theirs if x is not None]
        if not rated:
            result[solution] = None
            continue
        s_c = sum(rated) / len(rated)
        var_c = s_c * (10 - s_c) / len(rated)
        both = [(a, b) for a, b in zip(ours, theirs)
                if a is not None and b is not None]
        mean_a = sum(a for a, _ in both) / len(both)
        mean_b = sum(b for _, b in both) / len(both)
        cross = sum((a - mean_a) * (b - mean_b) for a, b in both) / len(both)
        cov = cross * len(both) / (len(rated_ours) * len(rated))
        gap = s_c - s_ours
        z = gap / math.sqrt(var_c + var_ours - 2 * cov)
        result[solution] = (s_c, len(rated), gap, z)
    best = max((s for s in ("Acme", "Beta") if result[s]),
               key=lambda s: result[s][0])  # max keeps the first of equals
    return result, best


@pytest.mark.parametrize("name", ["wide.csv", "long.csv"])
def test_csv_report_matches_a_recomputation(name):
    out = run_ok("score", "--bootstrap", "0", "--format", "csv",
                 fixture(name))
    table = list(csv.DictReader(io.StringIO(out)))
    assert len(table) == 2
    rows = wide_rows()
    for line in table:
        result, best = expected(rows, line["outcome_id"])
        assert line["best_solution"] == best
        s_best, _, gap, z = result[best]
        assert float(line["best_solution_gap"]) == pytest.approx(gap,
                                                                 abs=1e-12)
        assert float(line["satisfaction_target"]) == pytest.approx(
            min(10.0, 1.2 * s_best), abs=1e-12)
        assert float(line["best_solution_gap_p"]) == pytest.approx(
            math.erfc(abs(z) / math.sqrt(2)), abs=1e-12)
        for solution in ("Acme", "Beta"):
            if result[solution] is None:
                assert line["satisfaction:" + solution] == ""
                assert line["count:" + solution] == "0"
            else:
                assert float(line["satisfaction:" + solution]) == \
                    pytest.approx(result[solution][0], abs=1e-12)
                assert int(line["count:" + solution]) == result[solution][1]


def test_json_report_names_solutions_and_labels_nothing_silently():
    report = json.loads(run_ok("score", "--bootstrap", "0", "--format",
                               "json", fixture("wide.csv")))
    assert report["solutions"] == ["Acme", "Beta"]
    o1 = next(o for o in report["outcomes"] if o["outcomeId"] == "o1")
    acme = o1["solutions"][0]
    assert acme["solution"] == "Acme"
    assert acme["count"] == 6 and acme["topBoxCount"] == 4
    # Opp_c, the labelled extension: I + max(I - S_c, 0) with I = 7.5.
    assert acme["opportunity"] == pytest.approx(7.5 + (7.5 - 20 / 3))
    assert o1["bestSolution"] == "Acme"
    assert "bestSolutionGapTest" in o1


def test_segments_and_stdin_give_the_same_whole_sample():
    with open(fixture("wide.csv"), "rb") as f:
        data = f.read()
    piped = run_ok("score", "--bootstrap", "0", "--format", "csv", "-",
                   stdin=data)
    direct = run_ok("score", "--bootstrap", "0", "--format", "csv",
                    fixture("wide.csv"))
    assert piped == direct
    segmented = run_ok("score", "--bootstrap", "0", "--format", "csv",
                       "--segment-by", "region", fixture("wide.csv"))
    lines = list(csv.DictReader(io.StringIO(segmented)))
    north = [r for r in lines if r["segment"] == "north"]
    rows = [r for r in wide_rows() if r["region"] == "north"]
    for line in north:
        result, best = expected(rows, line["outcome_id"])
        assert line["best_solution"] == best
        assert float(line["best_solution_gap"]) == pytest.approx(
            result[best][2], abs=1e-12)


def test_table_shows_the_competitor_block():
    out = run_ok("score", "--bootstrap", "0", fixture("wide.csv"))
    assert "Competing solutions:" in out
    line = next(l for l in out.splitlines() if l.strip().startswith("o1 "))
    # Acme 4 of 6 top box, Beta 3 of 6; target 1.2 x 6.67 = 8.0, a
    # heuristic with its interval: the largest lower limit of the two
    # solutions' intervals at z = Phi^-1(1 - 0.05 / 4) (Bonferroni over 2),
    # Acme's Wilson limit (Beta's 3 of 6 is lower), x 12; the upper is capped.
    z = statistics.NormalDist().inv_cdf(1 - 0.05 / 4)
    p, n = 4 / 6, 6
    low = ((p + z * z / (2 * n)) - z * math.sqrt(
        p * (1 - p) / n + z * z / (4 * n * n))) / (1 + z * z / n)
    assert line.split() == ["o1", "6.7", "(6)", "5.0", "(6)", "Acme", "+2.9",
                            line.split()[7], "8.0",
                            "[%.1f," % (12 * low), "10.0]"]
    assert "adj p  heuristic target [CI]" in out


def test_ambiguous_headers_are_refused(tmp_path):
    path = tmp_path / "ambiguous.csv"
    path.write_text("id,imp_b,sat_b,imp_a_b,sat_a_b,sat_x_a_b\n"
                    "r1,5,4,5,4,3\n", encoding="utf-8")
    code, out, err = run("score", str(path))
    assert code != 0 and out == ""
    assert ("line 1, column 6 (\"sat_x_a_b\"): ambiguous competitor column: "
            "it reads as solution \"x\" on outcome \"a_b\" or as solution "
            "\"x_a\" on outcome \"b\"") in err
    path.write_text("respondent,outcome,importance,satisfaction,solution\n"
                    "r1,o1,5,4,\nr1,o1,4,4,Acme\n", encoding="utf-8")
    code, _, err = run("score", str(path))
    assert code != 0
    assert "line 3, column 3 (\"importance\"): this row rates solution" in err


def test_inspect_lists_and_writes_the_competitor_columns(tmp_path):
    out = run_ok("inspect", fixture("wide.csv"))
    assert "solutions:     3 competitor columns" in out
    assert any(l.split() == ["Acme", "o2", "sat_ACME__o2", "(#8)", "6"]
               for l in out.splitlines())
    map_path = tmp_path / "map.json"
    run_ok("inspect", "--write-map", str(map_path), fixture("wide.csv"))
    survey_map = json.loads(map_path.read_text(encoding="utf-8"))
    assert survey_map["solutionColumns"][2] == {
        "solution": "Beta", "outcomeId": "o1", "column": "sat_Beta_o1"}
    by_map = run_ok("score", "--bootstrap", "0", "--format", "csv", "--map",
                    str(map_path), fixture("wide.csv"))
    direct = run_ok("score", "--bootstrap", "0", "--format", "csv",
                    fixture("wide.csv"))
    assert by_map == direct
    long_out = run_ok("inspect", fixture("long.csv"))
    assert "solutions:     named in column solution" in long_out
