"""End-to-end tests of `jtbd compare` (docs/SCORING.md, "Comparing waves").

The example's two waves (examples/survey.csv, wide; examples/survey_wave2.csv,
long, with planted changes of o13's and o14's satisfaction) are compared,
and every figure the CLI prints is recomputed here from the files with the
documented formulas: top-box scores, Newcombe's hybrid score interval
(Wilson intervals of each share), the pooled two-proportion z-test, the
opportunity change's MOVER interval on each wave's moment-selection interval
(tests/stats/opportunity_interval_reference.py, scipy's bivariate normal)
and its test (the interval inverted), and Holm's adjustment across every
test.

Environment: JTBD_CLI (the built `jtbd`), JTBD_SOURCE_DIR (repository root);
JTBD_LIBRARY and PYTHONPATH (ctest sets them) for the saved-aggregate
tests, which write the aggregate through the Python binding.
"""

import csv
import io
import json
import math
import os
import subprocess

import pytest

CLI = os.environ.get("JTBD_CLI", "")
SOURCE_DIR = os.environ.get("JTBD_SOURCE_DIR", "")
WAVE1 = os.path.join(SOURCE_DIR, "examples", "survey.csv")
WAVE2 = os.path.join(SOURCE_DIR, "examples", "survey_wave2.csv")

pytestmark = pytest.mark.skipif(
    not CLI or not SOURCE_DIR,
    reason="set JTBD_CLI and JTBD_SOURCE_DIR (ctest does)")

Z95 = 1.959963984540054


def run(*args):
    done = subprocess.run([CLI, *args], capture_output=True, timeout=120)
    return (done.returncode, done.stdout.decode("utf-8"),
            done.stderr.decode("utf-8", errors="replace"))


def run_ok(*args):
    code, out, err = run(*args)
    assert code == 0, err
    assert err == ""
    return out


def compare_json(*args):
    return json.loads(run_ok("compare", "--format", "json", *args))


# --- Reading the waves here, independently of jtbd -------------------------

def answers_wide(path, segment=None):
    """{outcome: [(importance, satisfaction), ...]}, 0 for a blank."""
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    out = {}
    for row in rows:
        if segment is not None and row["segment"] != segment:
            continue
        for column in row:
            if column.startswith("imp_"):
                o = column[4:]
                out.setdefault(o, []).append(
                    (int(row[column] or 0), int(row["sat_" + o] or 0)))
    return out


def answers_long(path, segment=None):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    out = {}
    for row in rows:
        if segment is not None and row["segment"] != segment:
            continue
        out.setdefault(row["outcome"], []).append(
            (int(row["importance"] or 0), int(row["satisfaction"] or 0)))
    return out


def estimate(pairs):
    """I, S, Opp and the counts the opportunity interval is made of."""
    imp = [i for i, _ in pairs if i]
    sat = [s for _, s in pairs if s]
    both = [(i, s) for i, s in pairs if i and s]
    n_i, n_s = len(imp), len(sat)
    p_i = sum(i >= 4 for i in imp) / n_i
    p_s = sum(s >= 4 for s in sat) / n_s
    # The reference's arguments: nI, xI, nS, xS, and among those who
    # answered both nb, x11, xIb, xSb (for the covariance).
    counts = (n_i, sum(i >= 4 for i in imp), n_s, sum(s >= 4 for s in sat),
              len(both), sum(i >= 4 and s >= 4 for i, s in both),
              sum(i >= 4 for i, _ in both), sum(s >= 4 for _, s in both))
    I, S = 10 * p_i, 10 * p_s
    return dict(p_i=p_i, p_s=p_s, n_i=n_i, n_s=n_s, I=I, S=S,
                O=I + max(I - S, 0), counts=counts)


def reference():
    """tests/stats/opportunity_interval_reference.py, imported by path."""
    pytest.importorskip("scipy")
    import importlib.util
    path = os.path.join(SOURCE_DIR, "tests", "stats",
                        "opportunity_interval_reference.py")
    spec = importlib.util.spec_from_file_location("opportunity_reference",
                                                  path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def wilson(p, n, z=Z95):
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return c - h, c + h


def newcombe(p2, n2, p1, n1, z=Z95):
    l2, u2 = wilson(p2, n2, z)
    l1, u1 = wilson(p1, n1, z)
    d = p2 - p1
    return (d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2),
            d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2))


def pooled_z(p2, n2, p1, n1):
    p = (n1 * p1 + n2 * p2) / (n1 + n2)
    z = (p2 - p1) / math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    return z, math.erfc(abs(z) / math.sqrt(2))


def holm(p_values):
    order = sorted(range(len(p_values)), key=lambda k: p_values[k])
    m = len(p_values)
    adjusted = [0.0] * m
    running = 0.0
    for rank, k in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[k]))
        adjusted[k] = running
    return adjusted


# --- The tests ---------------------------------------------------------------

def test_every_figure_recomputed_from_the_files():
    report = compare_json(WAVE1, WAVE2)
    first, second = answers_wide(WAVE1), answers_long(WAVE2)
    assert report["firstRespondentCount"] == 180
    assert report["secondRespondentCount"] == 200
    assert report["pValueAdjustment"] == "P_VALUE_ADJUSTMENT_HOLM"
    assert [c["outcomeId"] for c in report["changes"]] == sorted(first)
    assert report["oneWaveOutcomes"] == []
    ref = reference()
    tests, p_values = [], []
    for change in report["changes"]:
        e1 = estimate(first[change["outcomeId"]])
        e2 = estimate(second[change["outcomeId"]])
        for measure, p, n, score in (("importance", "p_i", "n_i", "I"),
                                     ("satisfaction", "p_s", "n_s", "S")):
            got = change[measure]
            assert got["difference"] == pytest.approx(
                e2[score] - e1[score], abs=1e-12)
            low, high = newcombe(e2[p], e2[n], e1[p], e1[n])
            assert got["interval"]["low"] == pytest.approx(10 * low, abs=1e-9)
            assert got["interval"]["high"] == pytest.approx(10 * high,
                                                            abs=1e-9)
            assert got["intervalMethod"] == (
                "DIFFERENCE_INTERVAL_METHOD_NEWCOMBE_HYBRID_SCORE")
            z, p_value = pooled_z(e2[p], e2[n], e1[p], e1[n])
            assert got["z"] == pytest.approx(z, abs=1e-9)
            assert got["pValue"] == pytest.approx(p_value, rel=1e-9, abs=1e-15)
            tests.append(got)
            p_values.append(p_value)
        got = change["opportunity"]
        difference = e2["O"] - e1["O"]
        assert got["difference"] == pytest.approx(difference, abs=1e-12)
        assert got["intervalMethod"] == (
            "DIFFERENCE_INTERVAL_METHOD_MOVER_MOMENT_SELECTION")
        low, high = ref.difference_interval(e2["counts"], e1["counts"],
                                            (1 - 0.95) / 2)
        assert got["interval"]["low"] == pytest.approx(low, abs=1e-9)
        assert got["interval"]["high"] == pytest.approx(high, abs=1e-9)
        # The test is the interval inverted: z is the critical value where
        # the interval first holds 0.
        z = got.get("z", 0.0)
        assert ref.is_inverted(e2["counts"], e1["counts"], z)
        p_value = math.erfc(abs(z) / math.sqrt(2))
        assert got.get("pValue", 1.0) == pytest.approx(p_value, rel=1e-12)
        tests.append(got)
        p_values.append(p_value)
    assert report["familySize"] == len(tests) == 72
    for test, adjusted in zip(tests, holm(p_values)):
        assert test["adjustedPValue"] == pytest.approx(adjusted, rel=1e-9,
                                                       abs=1e-15)
        assert test["significant"] == (adjusted < 0.05)


def test_the_planted_changes_and_only_they_are_significant():
    report = compare_json(WAVE1, WAVE2)
    flagged = {c["outcomeId"]: c for c in report["changes"] if c["significant"]}
    assert sorted(flagged) == ["o13", "o14"]
    assert flagged["o13"]["satisfaction"]["significant"]
    assert flagged["o13"]["satisfaction"]["difference"] < 0
    assert flagged["o14"]["satisfaction"]["significant"]
    assert flagged["o14"]["satisfaction"]["difference"] > 0
    # o13 went from table stakes to high.
    assert flagged["o13"]["bandBefore"] == "BAND_TABLE_STAKES"
    assert flagged["o13"]["bandAfter"] == "BAND_HIGH"
    assert flagged["o13"]["crossedBand"]


def test_a_wave_compared_with_itself_changes_nothing():
    report = compare_json(WAVE1, WAVE1)
    for change in report["changes"]:
        for measure in ("importance", "satisfaction", "opportunity"):
            assert change[measure]["difference"] == 0
            assert change[measure]["pValue"] == 1
        assert not change["significant"]
        assert not change["crossedBand"]


def test_segments_matched_by_value():
    report = compare_json("--segment-by", "segment", WAVE1, WAVE2)
    assert report["segmentBy"] == "segment"
    assert [s["segment"] for s in report["segments"]] == ["field", "office"]
    assert report["segmentFamilySize"] == 2 * 72
    field = report["segments"][0]
    assert field["firstRespondentCount"] == 100
    assert field["secondRespondentCount"] == 110
    o14 = next(c for c in field["changes"] if c["outcomeId"] == "o14")
    e1 = estimate(answers_wide(WAVE1, "field")["o14"])
    e2 = estimate(answers_long(WAVE2, "field")["o14"])
    assert o14["satisfaction"]["difference"] == pytest.approx(
        e2["S"] - e1["S"], abs=1e-12)
    assert o14["significant"]
    # The whole sample's block is as without --segment-by.
    assert report["changes"] == compare_json(WAVE1, WAVE2)["changes"]


def test_the_same_wave_in_another_format_compares_alike(tmp_path):
    # Wave 2 rewritten in the wide layout, outcomes in reverse column order:
    # outcomes are matched by id, so nothing changes but nothing.
    with open(WAVE2, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    outcomes = sorted({r["outcome"] for r in rows}, reverse=True)
    wide = {}
    for r in rows:
        entry = wide.setdefault(r["respondent"], {
            "respondent_id": r["respondent"], "segment": r["segment"]})
        entry["imp_" + r["outcome"]] = r["importance"]
        entry["sat_" + r["outcome"]] = r["satisfaction"]
    path = tmp_path / "wave2_wide.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["respondent_id", "segment"] + [
            prefix + o for o in outcomes for prefix in ("imp_", "sat_")])
        writer.writeheader()
        writer.writerows(wide.values())
    assert compare_json("--segment-by", "segment", WAVE1, str(path)) == (
        compare_json("--segment-by", "segment", WAVE1, WAVE2))


def test_one_wave_from_standard_input():
    with open(WAVE2, "rb") as f:
        done = subprocess.run([CLI, "compare", "--format", "json", WAVE1, "-"],
                              input=f.read(), capture_output=True,
                              timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == compare_json(WAVE1, WAVE2)


def test_outcomes_and_segments_of_one_wave_are_listed(tmp_path):
    # Wave 2 without o24, with a new o25, and a new segment "remote".
    with open(WAVE2, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rows = [r for r in rows if r["outcome"] != "o24"]
    extra = dict(rows[0], outcome="o25")
    remote = [dict(r, respondent="x" + r["respondent"], segment="remote")
              for r in rows[:23]]
    path = tmp_path / "wave2.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows + [extra] + remote)
    report = compare_json("--segment-by", "segment", WAVE1, str(path))
    assert report["oneWaveOutcomes"] == [
        {"outcomeId": "o24", "wave": "WAVE_FIRST"},
        {"outcomeId": "o25", "wave": "WAVE_SECOND"}]
    assert len(report["changes"]) == 23
    assert report["oneWaveSegments"] == [
        {"segment": "remote", "wave": "WAVE_SECOND"}]
    table = run_ok("compare", WAVE1, str(path))
    assert "only in the first wave: o24" in table
    assert "only in the second wave: o25" in table


def test_benjamini_hochberg_and_confidence_level():
    holm_report = compare_json(WAVE1, WAVE2)
    bh = compare_json("--adjust", "bh", "--confidence-level", "0.9",
                      WAVE1, WAVE2)
    assert bh["pValueAdjustment"] == "P_VALUE_ADJUSTMENT_BH"
    assert bh["confidenceLevel"] == 0.9
    for a, b in zip(holm_report["changes"], bh["changes"]):
        for measure in ("importance", "satisfaction", "opportunity"):
            assert b[measure]["adjustedPValue"] <= (
                a[measure]["adjustedPValue"] + 1e-15)
            assert b[measure]["significant"] == (
                b[measure]["adjustedPValue"] < 0.1)
            # A 90 % interval is inside the 95 % one.
            assert b[measure]["interval"]["low"] > (
                a[measure]["interval"]["low"])


def test_csv_has_one_row_per_outcome_with_the_json_figures():
    rows = list(csv.DictReader(io.StringIO(
        run_ok("compare", "--format", "csv", WAVE1, WAVE2))))
    report = compare_json(WAVE1, WAVE2)
    assert len(rows) == len(report["changes"]) == 24
    for row, change in zip(rows, report["changes"]):
        assert row["segment"] == ""
        assert row["outcome_id"] == change["outcomeId"]
        assert row["only_in"] == ""
        for measure in ("importance", "satisfaction", "opportunity"):
            got = change[measure]
            assert float(row[measure + "_change"]) == got["difference"]
            assert float(row[measure + "_low"]) == got["interval"]["low"]
            assert float(row[measure + "_adjusted_p"]) == (
                got["adjustedPValue"])
            assert row[measure + "_significant"] == (
                "true" if got["significant"] else "false")
        assert row["significant"] == ("true" if change["significant"]
                                      else "false")


def test_table_marks_significant_changes():
    table = run_ok("compare", WAVE1, WAVE2)
    assert "Holm-adjusted p < 0.05 across the 72 tests" in table
    o13 = next(line for line in table.splitlines()
               if line.strip().startswith("o13"))
    assert "*" in o13 and "table stakes -> high" in o13


def test_refuses_waves_without_a_common_outcome(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("respondent,outcome,importance,satisfaction\n"
                    "r1,x1,5,1\nr2,x1,4,2\n", encoding="utf-8")
    code, out, err = run("compare", WAVE1, str(path))
    assert code == 1 and out == ""
    assert "no outcome id in common" in err
    assert "first wave: o01, o02, o03, o04, o05, ..." in err


def test_usage_errors():
    for args in ([WAVE1], [WAVE1, WAVE2, WAVE2], ["--adjust", "x", WAVE1,
                                                  WAVE2],
                 ["--confidence-level", "1", WAVE1, WAVE2],
                 ["--format", "xml", WAVE1, WAVE2], ["-", "-"]):
        code, out, err = run("compare", *args)
        assert code == 2, args
        assert out == ""
        assert "Usage: jtbd compare" in err


def test_help_lists_compare():
    assert "compare" in run_ok("help")
    assert "WAVE1 WAVE2" in run_ok("help", "compare")
    assert run_ok("compare", "--help") == run_ok("help", "compare")


def test_missing_wave_is_named():
    code, _, err = run("compare", WAVE1, "/nonexistent/wave.csv")
    assert code == 1
    assert "/nonexistent/wave.csv" in err


# --- Saved aggregates (through the Python binding) ---------------------------

def saved_aggregate(path, source, **options):
    jtbd = pytest.importorskip("jtbd")
    if not os.environ.get("JTBD_LIBRARY"):
        pytest.skip("set JTBD_LIBRARY (ctest does)")
    with jtbd.load_aggregate(source, **options) as aggregate:
        aggregate.save(str(path))
    return str(path)


def test_saved_aggregate_compares_like_its_survey(tmp_path):
    saved = saved_aggregate(tmp_path / "wave1.jtbd", WAVE1)
    from_saved = compare_json(saved, WAVE2)
    from_survey = compare_json(WAVE1, WAVE2)
    # Statements aside (neither example wave has any, but a survey may).
    for a, b in zip(from_saved["changes"], from_survey["changes"]):
        a.pop("statement")
        b.pop("statement")
    assert from_saved == from_survey
    # Both waves saved.
    saved2 = saved_aggregate(tmp_path / "wave2.jtbd", WAVE2)
    both_saved = compare_json(saved, saved2)["changes"]
    for change in both_saved:
        change.pop("statement")
    assert both_saved == from_saved["changes"]


def test_saved_aggregate_refusals(tmp_path):
    saved = saved_aggregate(tmp_path / "wave1.jtbd", WAVE1)
    code, _, err = run("compare", "--segment-by", "segment", saved, WAVE2)
    assert code == 1
    assert "keeps no respondent attributes" in err
    seven = saved_aggregate(tmp_path / "seven.jtbd", WAVE1, scale=(1, 7),
                            top_box=6)
    code, _, err = run("compare", seven, WAVE2)
    assert code == 1
    assert "different scales" in err and "1-7" in err
    corrupt = tmp_path / "corrupt.jtbd"
    data = bytearray(open(saved, "rb").read())
    data[len(data) // 2] ^= 0x01
    corrupt.write_bytes(bytes(data))
    code, _, err = run("compare", str(corrupt), WAVE2)
    assert code == 1
    assert str(corrupt) in err
