"""End-to-end tests of the `jtbd` command-line tool.

Every number the CLI prints is checked against an independent recomputation
written here with the csv module and Ulwick's formulas (domain.md section 4):
    I = 10 * top-box share of importance among those who rated importance
    S = 10 * top-box share of satisfaction among those who rated satisfaction
    Opp = I + max(I - S, 0)
Bands are decided here in exact rational arithmetic (fractions.Fraction).

Environment: JTBD_CLI (the built `jtbd`), JTBD_SOURCE_DIR (repository root).
"""

import csv
import io
import json
import math
import os
import re
import subprocess
import sys
from fractions import Fraction

import pytest

# Wilson's interval with its boundary modification, written once for the
# binding's tests and these.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "bindings", "python", "tests"))
from wilson_reference import wilson  # noqa: E402

CLI = os.environ.get("JTBD_CLI", "")
SOURCE_DIR = os.environ.get("JTBD_SOURCE_DIR", "")
SURVEY = os.path.join(SOURCE_DIR, "examples", "survey.csv")

pytestmark = pytest.mark.skipif(
    not CLI or not SOURCE_DIR,
    reason="set JTBD_CLI and JTBD_SOURCE_DIR (ctest does)")

TOLERANCE = 1e-12


def run(*args, stdin=None):
    """Runs jtbd; returns (exit code, stdout text, stderr text)."""
    done = subprocess.run([CLI, *args], input=stdin, capture_output=True,
                          timeout=60)
    return (done.returncode, done.stdout.decode("utf-8"),
            done.stderr.decode("utf-8", errors="replace"))


def run_ok(*args, stdin=None):
    code, out, err = run(*args, stdin=stdin)
    assert code == 0, err
    assert err == ""
    return out


# --- The independent recomputation -----------------------------------------


def read_wide(path):
    """(outcome ids in column order, rows as dicts) of a wide survey."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        ids = [c[4:] for c in reader.fieldnames if c.startswith("imp_")]
        return ids, list(reader)


def answers_of(rows, outcome_id):
    """(importance, satisfaction) pairs as ints, None for a blank."""
    def rating(text):
        return int(text) if text.strip() else None
    return [(rating(r["imp_" + outcome_id]), rating(r["sat_" + outcome_id]))
            for r in rows]


def band(importance, satisfaction):
    """The documented band (report.proto) from exact Fraction scores."""
    opportunity = importance + max(importance - satisfaction, 0)
    if opportunity > 15:
        return "BAND_EXTREME"
    if opportunity >= 12:
        return "BAND_HIGH"
    if opportunity >= 10:
        return "BAND_UNDERSERVED"
    if satisfaction > importance:
        return "BAND_OVERSERVED"
    if importance >= Fraction(15, 2) and satisfaction >= Fraction(15, 2):
        return "BAND_TABLE_STAKES"
    return "BAND_APPROPRIATELY_SERVED"


def expected_scores(pairs_by_outcome, top_box_min=4):
    """Expected ranked scores: a list of dicts keyed like the JSON items."""
    scores = []
    for index, (outcome_id, pairs) in enumerate(pairs_by_outcome):
        importance = [i for i, _ in pairs if i is not None]
        satisfaction = [s for _, s in pairs if s is not None]
        both = [(i, s) for i, s in pairs if i is not None and s is not None]
        top_i = sum(1 for i in importance if i >= top_box_min)
        top_s = sum(1 for s in satisfaction if s >= top_box_min)
        exact_i = Fraction(10 * top_i, len(importance))
        exact_s = Fraction(10 * top_s, len(satisfaction))
        i_score = 10 * top_i / len(importance)
        s_score = 10 * top_s / len(satisfaction)
        scores.append({
            "outcomeId": outcome_id,
            "importance": i_score,
            "satisfaction": s_score,
            "opportunity": i_score + max(i_score - s_score, 0.0),
            "band": band(exact_i, exact_s),
            "importanceCount": len(importance),
            "importanceTopBoxCount": top_i,
            "satisfactionCount": len(satisfaction),
            "satisfactionTopBoxCount": top_s,
            "bothCount": len(both),
            "bothTopBoxCount": sum(1 for i, s in both
                                   if i >= top_box_min and s >= top_box_min),
            "_exact_opportunity": exact_i + max(exact_i - exact_s, 0),
            "_declared": index,
        })
    # Highest opportunity first; ties keep declaration order.
    scores.sort(key=lambda s: (-s["_exact_opportunity"], s["_declared"]))
    for rank, score in enumerate(scores, start=1):
        score["rank"] = rank
    return scores


def expected_for_rows(ids, rows):
    return expected_scores([(o, answers_of(rows, o)) for o in ids])


def assert_scores_match(actual, expected):
    assert [a["outcomeId"] for a in actual] == \
        [e["outcomeId"] for e in expected], "ranked order"
    for a, e in zip(actual, expected):
        for key, value in e.items():
            if key.startswith("_"):
                continue
            if isinstance(value, float):
                assert abs(a[key] - value) <= TOLERANCE, (e["outcomeId"], key)
            else:
                assert a[key] == value, (e["outcomeId"], key)
        assert a["statement"] == ""  # the wide layout carries no statements


# --- The example survey -----------------------------------------------------


@pytest.fixture(scope="module")
def example():
    return read_wide(SURVEY)


@pytest.fixture(scope="module")
def example_json():
    return json.loads(run_ok("score", "--format", "json", SURVEY))


@pytest.fixture(scope="module")
def segmented_json():
    return json.loads(run_ok("score", "--format=json", "--segment-by",
                             "segment", SURVEY))


def test_example_survey_is_as_documented(example):
    ids, rows = example
    assert len(ids) == 24 and len(rows) >= 150
    assert {r["segment"] for r in rows} == {"field", "office"}
    cells = [r[p + o] for r in rows for o in ids for p in ("imp_", "sat_")]
    blank_share = sum(1 for c in cells if c == "") / len(cells)
    assert 0.005 <= blank_share <= 0.03
    with open(os.path.join(SOURCE_DIR, "examples", "outcomes.csv"),
              newline="", encoding="utf-8") as f:
        outcomes = list(csv.DictReader(f))
    assert [o["id"] for o in outcomes] == ids
    assert {o["job_step"] for o in outcomes} == {
        "define", "locate", "prepare", "confirm", "execute", "monitor",
        "modify", "conclude"}
    assert all(re.match(r"(Minimize|Increase) the (time it takes to|"
                        r"likelihood (that|of)|number of|amount of|"
                        r"frequency that) ", o["statement"])
               for o in outcomes)


def test_example_shows_every_band(example_json):
    assert {o["band"] for o in example_json["outcomes"]} == {
        "BAND_EXTREME", "BAND_HIGH", "BAND_UNDERSERVED",
        "BAND_APPROPRIATELY_SERVED", "BAND_OVERSERVED", "BAND_TABLE_STAKES"}


def test_json_matches_independent_computation(example, example_json):
    ids, rows = example
    report = example_json
    assert len(report["outcomes"]) == len(ids)
    for item in report["outcomes"]:
        for key in ("outcomeId", "importance", "satisfaction", "opportunity",
                    "importanceCount", "satisfactionCount", "band"):
            assert key in item, key
    assert_scores_match(report["outcomes"], expected_for_rows(ids, rows))
    assert report["respondentCount"] == len(rows)
    assert report["scale"] == {"min": 1, "max": 5, "topBoxMin": 4}
    assert report["segments"] == []
    assert report["segmentBy"] == ""
    assert report["method"] == "ulwick_top_box"


def test_json_opportunity_is_ranked(example_json):
    outcomes = example_json["outcomes"]
    assert [o["rank"] for o in outcomes] == list(range(1, len(outcomes) + 1))
    opportunities = [o["opportunity"] for o in outcomes]
    assert opportunities == sorted(opportunities, reverse=True)


def test_segments_match_independent_computation(example, segmented_json):
    ids, rows = example
    report = segmented_json
    assert report["segmentBy"] == "segment"
    assert_scores_match(report["outcomes"], expected_for_rows(ids, rows))
    assert [s["name"] for s in report["segments"]] == ["field", "office"]
    for segment in report["segments"]:
        members = [r for r in rows if r["segment"] == segment["name"]]
        assert segment["respondentCount"] == len(members)
        assert len(segment["outcomes"]) == len(ids)
        assert_scores_match(segment["outcomes"],
                            expected_for_rows(ids, members))
    # The example is built so that the segments' unmet needs differ.
    unmet = {s["name"]: {o["outcomeId"] for o in s["outcomes"]
                         if o["band"] in ("BAND_EXTREME", "BAND_HIGH")}
             for s in report["segments"]}
    assert unmet["field"] - unmet["office"]
    assert unmet["office"] - unmet["field"]


def test_segment_by_another_column(example):
    ids, rows = example
    report = json.loads(run_ok("score", "--format", "json", "--segment-by",
                               "role", SURVEY))
    roles = sorted({r["role"] for r in rows})
    assert [s["name"] for s in report["segments"]] == roles
    for segment in report["segments"]:
        members = [r for r in rows if r["role"] == segment["name"]]
        assert_scores_match(segment["outcomes"],
                            expected_for_rows(ids, members))


def test_csv_agrees_with_json(segmented_json):
    text = run_ok("score", "--format", "csv", "--segment-by", "segment",
                  SURVEY)
    records = list(csv.DictReader(io.StringIO(text, newline="")))
    expected_rows = [("", o) for o in segmented_json["outcomes"]] + [
        (s["name"], o) for s in segmented_json["segments"]
        for o in s["outcomes"]]
    assert len(records) == len(expected_rows)
    for record, (segment, item) in zip(records, expected_rows):
        assert record["segment"] == segment
        assert record["outcome_id"] == item["outcomeId"]
        assert int(record["rank"]) == item["rank"]
        # Both print the exact double: no tolerance needed.
        for column, key in (("importance", "importance"),
                            ("satisfaction", "satisfaction"),
                            ("opportunity", "opportunity")):
            assert float(record[column]) == item[key], column
        assert record["band"] == item["band"][len("BAND_"):].lower()
        for column, key in (
                ("importance_count", "importanceCount"),
                ("importance_top_box_count", "importanceTopBoxCount"),
                ("satisfaction_count", "satisfactionCount"),
                ("satisfaction_top_box_count", "satisfactionTopBoxCount"),
                ("both_count", "bothCount"),
                ("both_top_box_count", "bothTopBoxCount")):
            assert int(record[column]) == item[key], column


TABLE_ROW = re.compile(
    r"^\s*(?P<rank>\d+)\s+(?P<id>o\d\d)\s+(?P<imp>\d+\.\d)\s+"
    r"(?P<sat>\d+\.\d)\s+(?P<opp>\d+\.\d)\s+"
    r"\[\s*(?P<low>\d+\.\d), +(?P<high>\d+\.\d)\]\s+(?P<p>\d\.\d\d)\s+"
    r"(?P<band>[a-z ]+?)\s+(?P<n_i>\d+)\s+(?P<n_s>\d+)$")


def table_blocks(text):
    """{block title: [row dicts]} of a table; the overall block is ""."""
    blocks, title = {"": []}, ""
    for line in text.splitlines():
        heading = re.match(r"^Segment: (.+) \((\d+) respondents\)$", line)
        if heading:
            title = heading.group(1)
            blocks[title] = []
            continue
        row = TABLE_ROW.match(line)
        if row:
            blocks[title].append(row.groupdict())
    return blocks


def test_table_agrees_with_json(segmented_json):
    text = run_ok("score", "--segment-by", "segment", SURVEY)
    assert text.splitlines()[0] == (
        "Opportunity scores: 180 respondents, scale 1-5, top box 4-5")
    assert "Segment: field (100 respondents)" in text
    assert "Segment: office (80 respondents)" in text
    assert all(len(line) <= 120 for line in text.splitlines())
    blocks = table_blocks(text)
    sources = [("", segmented_json["outcomes"])] + [
        (s["name"], s["outcomes"]) for s in segmented_json["segments"]]
    for title, outcomes in sources:
        rows = blocks[title]
        assert len(rows) == len(outcomes), title
        for row, item in zip(rows, outcomes):
            assert int(row["rank"]) == item["rank"]
            assert row["id"] == item["outcomeId"]
            assert row["imp"] == "%.1f" % item["importance"]
            assert row["sat"] == "%.1f" % item["satisfaction"]
            assert row["opp"] == "%.1f" % item["opportunity"]
            interval = item["opportunityInterval"]
            assert (row["low"], row["high"]) == (
                "%.1f" % interval["low"], "%.1f" % interval["high"])
            assert row["p"] == "%.2f" % item["opportunityAtLeast10Probability"]
            assert row["band"] == \
                item["band"][len("BAND_"):].lower().replace("_", " ")
            assert int(row["n_i"]) == item["importanceCount"]
            assert int(row["n_s"]) == item["satisfactionCount"]


def test_table_is_the_default_format():
    assert run_ok("score", SURVEY) == run_ok("score", "--format", "table",
                                             SURVEY)


def test_stdin_gives_the_same_report(example_json):
    with open(SURVEY, "rb") as f:
        data = f.read()
    assert json.loads(run_ok("score", "--format", "json", "-",
                             stdin=data)) == example_json


# --- Surveys written by the tests ------------------------------------------


def write(path, text, encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as f:
        f.write(text)
    return str(path)


def test_long_layout_matches_the_wide_one(tmp_path, example, segmented_json):
    ids, rows = example
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["respondent", "segment", "outcome", "importance",
                     "satisfaction", "note"])
    for r in rows:
        for o in ids:
            writer.writerow([r["respondent_id"], r["segment"], o,
                             r["imp_" + o], r["sat_" + o], "ignored, text"])
    path = write(tmp_path / "long.csv", out.getvalue())
    report = json.loads(run_ok("score", "--format", "json", "--segment-by",
                               "segment", path))
    assert_scores_match(report["outcomes"], expected_for_rows(ids, rows))
    assert report["outcomes"] == segmented_json["outcomes"]
    assert report["segments"] == segmented_json["segments"]


def test_bosch_figures_in_long_layout(tmp_path):
    """Ulwick's Bosch outcome: 200 of 270 important, 75 of 270 satisfied."""
    lines = ["id,outcome,importance,satisfaction"]
    for n in range(270):
        lines.append("u%d,off_track,%d,%d" % (n, 5 if n < 200 else 2,
                                              4 if n < 75 else 3))
        # A second outcome nobody is very interested in: 27 of 270.
        lines.append("u%d,blade,%d,%d" % (n, 4 if n % 10 == 0 else 1,
                                          5 if n % 2 else 3))
    path = write(tmp_path / "bosch.csv", "\n".join(lines) + "\n")
    report = json.loads(run_ok("score", "--format", "json", path))
    first, second = report["outcomes"]
    assert first["outcomeId"] == "off_track"
    assert first["importance"] == pytest.approx(7.407407407407407, abs=1e-12)
    assert first["satisfaction"] == pytest.approx(2.777777777777778,
                                                  abs=1e-12)
    assert first["opportunity"] == pytest.approx(12.037037037037036,
                                                 abs=1e-12)
    assert first["band"] == "BAND_HIGH"
    assert (first["importanceCount"], first["importanceTopBoxCount"]) == \
        (270, 200)
    assert (first["satisfactionCount"], first["satisfactionTopBoxCount"]) == \
        (270, 75)
    assert first["bothTopBoxCount"] == 75
    # blade: I = 10 * 27/270 = 1, S = 10 * 135/270 = 5: overserved.
    assert second["outcomeId"] == "blade"
    assert (second["importance"], second["satisfaction"],
            second["opportunity"]) == (1, 5, 1)
    assert second["band"] == "BAND_OVERSERVED"
    row = run_ok("score", path).splitlines()[4].split()
    assert row[:5] == ["1", "off_track", "7.4", "2.8", "12.0"]
    assert "high" in row


def test_blank_answers_count_only_who_answered(tmp_path):
    # o1: importance 5, 4, 2 and a blank -> 2 of 3 (6.67); satisfaction 1,
    # blank, 4, 2 -> 1 of 3 (3.33); opportunity 10: underserved.
    path = write(tmp_path / "blanks.csv",
                 "respondent_id,imp_o1,sat_o1\n"
                 "a,5,1\n"
                 "b,4,\n"
                 "c,2,4\n"
                 "d,,2\n")
    (item,) = json.loads(run_ok("score", "--format", "json", path))["outcomes"]
    assert (item["importanceCount"], item["satisfactionCount"]) == (3, 3)
    assert (item["bothCount"], item["bothTopBoxCount"]) == (2, 0)
    assert item["importance"] == pytest.approx(20 / 3, abs=1e-12)
    assert item["satisfaction"] == pytest.approx(10 / 3, abs=1e-12)
    assert item["opportunity"] == pytest.approx(10, abs=1e-12)
    assert item["band"] == "BAND_UNDERSERVED"


def test_scale_and_top_box_flags(tmp_path):
    # 1-7 ratings. Default top box on 1-7 is 6-7: importance 7, 6, 5, 2 ->
    # 2 of 4 = 5; satisfaction 7, 3, 3, 3 -> 1 of 4 = 2.5; Opp 7.5.
    text = ("respondent_id,imp_x,sat_x\n"
            "a,7,7\nb,6,3\nc,5,3\nd,2,3\n")
    path = write(tmp_path / "seven.csv", text)
    code, out, err = run("score", path)  # 7 is off the default 1-5 scale
    assert code == 1 and out == ""
    assert re.search(r"line 2, column 2\b", err), err
    (item,) = json.loads(run_ok("score", "--format", "json", "--scale", "1-7",
                                path))["outcomes"]
    assert (item["importance"], item["satisfaction"], item["opportunity"]) \
        == (5, 2.5, 7.5)
    report = json.loads(run_ok("score", "--format=json", "--scale=1-7",
                               "--top-box=5", path))
    (item,) = report["outcomes"]
    assert (item["importance"], item["satisfaction"]) == (7.5, 2.5)
    assert report["scale"] == {"min": 1, "max": 7, "topBoxMin": 5}
    assert "scale 1-7, top box 5-7" in run_ok("score", "--scale", "1-7",
                                              "--top-box", "5", path)


# --- Output file ------------------------------------------------------------


def test_output_file_is_written(tmp_path):
    target = tmp_path / "report.json"
    assert run_ok("score", "--format", "json", "--output", str(target),
                  SURVEY) == ""
    assert target.read_text(encoding="utf-8") == run_ok(
        "score", "--format", "json", SURVEY)
    assert os.listdir(tmp_path) == ["report.json"]  # no temporary left


def test_failing_run_writes_no_output_file(tmp_path):
    bad = write(tmp_path / "bad.csv", "respondent_id,imp_o1,sat_o1\na,9,1\n")
    target = tmp_path / "out.csv"
    code, out, _ = run("score", "--output", str(target), bad)
    assert code == 1 and out == ""
    assert not target.exists()
    # An existing file is left as it was.
    target.write_text("previous", encoding="utf-8")
    code, _, _ = run("score", "--format", "csv", "--output", str(target), bad)
    assert code == 1
    assert target.read_text(encoding="utf-8") == "previous"
    assert sorted(os.listdir(tmp_path)) == ["bad.csv", "out.csv"]


def test_unwritable_output_is_an_error(tmp_path):
    target = tmp_path / "missing_dir" / "out.txt"
    code, out, err = run("score", "--output", str(target), SURVEY)
    assert code == 1 and out == ""
    assert str(target) in err


# --- Bad input --------------------------------------------------------------

WIDE_HEADER = "respondent_id,segment,imp_o1,sat_o1,imp_o2,sat_o2\n"


def assert_refused(path, line, column=None):
    """Exit 1, nothing on stdout, stderr names the file, line and column."""
    code, out, err = run("score", path)
    assert code == 1, err
    assert out == ""
    assert err.startswith("jtbd: "), err
    assert err.count("\n") == 1, err  # one message, no usage text
    assert path in err, err
    if column is None:
        assert re.search(r"\bline %d, column \d+" % line, err), err
    else:
        assert "line %d, column %d" % (line, column) in err, err
    # The same file through the other formats: still refused.
    for fmt in ("json", "csv"):
        code, out, _ = run("score", "--format", fmt, path)
        assert (code, out) == (1, "")
    return err


def test_rating_outside_the_scale(tmp_path):
    path = write(tmp_path / "range.csv", WIDE_HEADER +
                 "r1,field,4,5,3,2\n"
                 "r2,office,5,5,1,1\n"
                 "r3,field,4,4,6,2\n")
    err = assert_refused(path, 4, 5)
    assert "imp_o2" in err and "6" in err


def test_zero_rating_is_outside_the_scale(tmp_path):
    path = write(tmp_path / "zero.csv", WIDE_HEADER +
                 "r1,field,4,5,3,2\n"
                 "r2,office,5,0,1,1\n")
    assert "sat_o1" in assert_refused(path, 3, 4)


def test_non_number(tmp_path):
    path = write(tmp_path / "nan.csv", WIDE_HEADER +
                 "r1,field,4,5,3,2\n"
                 "r2,office,high,5,1,1\n")
    assert "high" in assert_refused(path, 3, 3)


def test_fractional_rating(tmp_path):
    path = write(tmp_path / "frac.csv", WIDE_HEADER +
                 "r1,field,4,5,3,2\n"
                 "r2,office,4,5,1,1\n"
                 "r3,office,4,5,1,2.5\n")
    assert_refused(path, 4, 6)


def test_wrong_field_count(tmp_path):
    path = write(tmp_path / "fields.csv", WIDE_HEADER +
                 "r1,field,4,5,3,2\n"
                 "r2,office,5,5,1,1\n"
                 "r3,field,4,4,2\n"
                 "r4,field,4,4,2,2\n")
    assert_refused(path, 4)


def test_too_many_fields(tmp_path):
    path = write(tmp_path / "extra.csv", WIDE_HEADER +
                 "r1,field,4,5,3,2,9\n")
    assert_refused(path, 2)


def test_unterminated_quote(tmp_path):
    # The record that opens the quote starts on line 3; the quote swallows
    # the lines after it.
    path = write(tmp_path / "quote.csv", WIDE_HEADER +
                 "r1,field,4,5,3,2\n"
                 "r2,\"office,5,5,1,1\n"
                 "r3,field,4,4,2,2\n")
    assert_refused(path, 3, 2)


def test_line_numbers_count_quoted_newlines(tmp_path):
    # A quoted field spanning two lines: the bad record after it starts on
    # physical line 4.
    path = write(tmp_path / "multiline.csv",
                 "respondent_id,segment,imp_o1,sat_o1\n"
                 "r1,\"field\nteam\",4,5\n"
                 "r2,office,4,x\n")
    assert_refused(path, 4, 4)


def test_empty_file(tmp_path):
    assert_refused(write(tmp_path / "empty.csv", ""), 1)


def test_header_without_answers(tmp_path):
    path = write(tmp_path / "header.csv", WIDE_HEADER)
    assert_refused(path, 1)


def test_header_without_rating_columns(tmp_path):
    path = write(tmp_path / "nocols.csv", "respondent_id,segment\nr1,field\n")
    assert_refused(path, 1)


def test_invalid_utf8(tmp_path):
    path = str(tmp_path / "latin1.csv")
    with open(path, "wb") as f:
        f.write(WIDE_HEADER.encode() +
                b"r1,field,4,5,3,2\n"
                b"r2,field,4,5,3,2\n"
                b"r3,caf\xe9,4,5,3,2\n")
    assert_refused(path, 4, 2)


def test_bad_stdin_is_named(tmp_path):
    code, out, err = run("score", "-", stdin=(WIDE_HEADER +
                                              "r1,field,4,5,3,2\n"
                                              "r2,field,4,5,3,x\n").encode())
    assert code == 1 and out == ""
    assert err.startswith("jtbd: <stdin>: line 3, column 6"), err


def test_missing_file(tmp_path):
    path = str(tmp_path / "nowhere.csv")
    code, out, err = run("score", path)
    assert code == 1 and out == ""
    assert err.startswith("jtbd: ") and path in err


def test_unknown_segment_column():
    code, out, err = run("score", "--segment-by", "region", SURVEY)
    assert code == 1 and out == ""
    assert err.startswith("jtbd: ")
    assert SURVEY in err and "line 1" in err and '"region"' in err
    assert "segment" in err  # lists the columns that do exist


# --- Outcome descriptions (--outcomes) -------------------------------------

OUTCOMES = os.path.join(SOURCE_DIR, "examples", "outcomes.csv")


@pytest.fixture(scope="module")
def example_statements():
    with open(OUTCOMES, newline="", encoding="utf-8") as f:
        return {row["id"]: row["statement"] for row in csv.DictReader(f)}


def test_outcomes_put_statements_in_json(segmented_json, example_statements):
    report = json.loads(run_ok("score", "--format", "json", "--segment-by",
                               "segment", "--outcomes", OUTCOMES, SURVEY))
    blocks = [report["outcomes"]] + [s["outcomes"]
                                     for s in report["segments"]]
    assert len(blocks) == 3
    for block in blocks:
        assert len(block) == 24
        for item in block:
            assert item["statement"] == example_statements[item["outcomeId"]]
            # Statements only describe: every number stays as it was.
            del item["statement"]
    # Without --outcomes the statements are empty; otherwise the same.
    plain = json.loads(json.dumps(segmented_json))  # the fixture is shared
    for block in [plain["outcomes"]] + [s["outcomes"]
                                        for s in plain["segments"]]:
        for item in block:
            assert item.pop("statement", "") == ""
    assert report == plain


def test_outcomes_put_statements_in_csv(example_statements):
    text = run_ok("score", "--format=csv", "--segment-by=segment",
                  "--outcomes=" + OUTCOMES, SURVEY)
    records = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(records) == 3 * 24
    for record in records:
        assert record["statement"] == example_statements[record["outcome_id"]]


def test_outcomes_put_statements_in_the_table(example_statements):
    text = run_ok("score", "--outcomes", OUTCOMES, SURVEY)
    lines = text.splitlines()
    assert re.match(r"^Rank\s+Outcome\s+Statement\s+Imp\s+Sat\s+Opp\b",
                    lines[3]), lines[3]
    statement_column = lines[3].index("Statement")
    row = re.compile(r"^\s*\d+\s+(o\d\d)\s+(.+?)\s+\d+\.\d\s+\d+\.\d\s+"
                     r"\d+\.\d\s")
    shown = {}
    current = None
    for line in lines[4:]:
        match = row.match(line)
        if match:
            current = match.group(1)
            shown[current] = match.group(2)
        elif current and line[:statement_column].strip() == "" and \
                line.strip():
            # Long statements wrap onto continuation lines in their column.
            shown[current] += " " + line[statement_column:]
        else:
            current = None
    assert shown == example_statements
    assert any(len(s) > 60 for s in shown.values())  # some did wrap
    assert all(len(line) <= 120 for line in lines)


def test_outcomes_from_stdin(example_statements):
    with open(OUTCOMES, "rb") as f:
        data = f.read()
    report = json.loads(run_ok("score", "--format", "json", "--outcomes", "-",
                               SURVEY, stdin=data))
    assert {o["outcomeId"]: o["statement"] for o in report["outcomes"]} == \
        example_statements
    code, out, err = run("score", "--outcomes", "-", SURVEY,
                         stdin=b"id,statement\no01,a\no01,b\n")
    assert (code, out) == (1, "")
    assert err == ('jtbd: <stdin>: line 3, column 1 ("id"): outcome o01 is '
                   "already described on line 2\n")


def assert_outcomes_refused(path, line, column):
    """Exit 1, nothing on stdout, one message naming the outcomes file, the
    line and the column."""
    for fmt in ("table", "json", "csv"):
        code, out, err = run("score", "--format", fmt, "--outcomes", path,
                             SURVEY)
        assert code == 1, err
        assert out == ""
        assert err.count("\n") == 1, err
        assert err.startswith("jtbd: %s: line %d, column %d" %
                              (path, line, column)), err
    return err


OUTCOMES_HEADER = "id,job_step,statement\n"


def test_outcomes_naming_an_unknown_outcome(tmp_path):
    path = write(tmp_path / "unknown.csv", OUTCOMES_HEADER +
                 "o01,define,Minimize the time\n"
                 "o1,define,Minimize the cost\n")
    err = assert_outcomes_refused(path, 3, 1)
    assert err.endswith(': outcome "o1" is not in the survey (outcomes: o01, '
                        "o02, o03, o04, o05, o06, o07, o08, o09, o10, ...)\n")


def test_outcomes_describing_one_outcome_twice(tmp_path):
    path = write(tmp_path / "twice.csv", OUTCOMES_HEADER +
                 "o01,define,Minimize the time\n"
                 "o02,define,Minimize the cost\n"
                 "o01,define,Minimize the effort\n")
    assert assert_outcomes_refused(path, 4, 1).endswith(
        ": outcome o01 is already described on line 2\n")


def test_outcomes_with_a_blank_id(tmp_path):
    path = write(tmp_path / "blank.csv", OUTCOMES_HEADER +
                 "o01,define,Minimize the time\n"
                 " ,define,Minimize the cost\n")
    assert "the outcome id is blank" in assert_outcomes_refused(path, 3, 1)


def test_outcomes_with_an_unquoted_comma(tmp_path):
    path = write(tmp_path / "comma.csv", OUTCOMES_HEADER +
                 "o01,define,Minimize the time, cost and effort\n")
    assert "expected 3 fields" in assert_outcomes_refused(path, 2, 4)


def test_outcomes_without_an_id_column(tmp_path):
    path = write(tmp_path / "noid.csv", "name,statement\no01,Minimize\n")
    assert "no outcome id column" in assert_outcomes_refused(path, 1, 1)


def test_outcomes_without_statement_or_job_step(tmp_path):
    path = write(tmp_path / "notext.csv", "id,notes\no01,x\n")
    assert "neither a statement nor a job_step" in assert_outcomes_refused(
        path, 1, 1)


def test_outcomes_empty_or_header_only(tmp_path):
    assert "the file is empty" in assert_outcomes_refused(
        write(tmp_path / "empty.csv", ""), 1, 1)
    assert "no rows" in assert_outcomes_refused(
        write(tmp_path / "header.csv", OUTCOMES_HEADER), 1, 1)


def test_outcomes_with_an_unterminated_quote(tmp_path):
    path = write(tmp_path / "quote.csv", OUTCOMES_HEADER +
                 "o01,define,Minimize the time\n"
                 "o02,define,\"Minimize the cost\n"
                 "o03,define,Minimize the effort\n")
    assert_outcomes_refused(path, 3, 3)


def test_outcomes_not_utf8(tmp_path):
    path = str(tmp_path / "latin1.csv")
    with open(path, "wb") as f:
        f.write(OUTCOMES_HEADER.encode() + b"o01,d\xe9fine,Minimize\n")
    assert "invalid UTF-8" in assert_outcomes_refused(path, 2, 2)


def test_missing_outcomes_file(tmp_path):
    path = str(tmp_path / "nowhere.csv")
    code, out, err = run("score", "--outcomes", path, SURVEY)
    assert code == 1 and out == ""
    assert err.startswith("jtbd: ") and path in err


def test_a_bad_survey_is_reported_before_the_outcomes(tmp_path):
    survey = write(tmp_path / "s.csv", WIDE_HEADER + "r1,field,4,9,3,2\n")
    code, out, err = run("score", "--outcomes", OUTCOMES, survey)
    assert code == 1 and out == ""
    assert err.startswith("jtbd: %s: line 2, column 4" % survey), err


# --- Usage ------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["score"],
    ["score", "--frobnicate", SURVEY],
    ["score", "--format", "xml", SURVEY],
    ["score", "--format=yaml", SURVEY],
    ["score", SURVEY, "--format"],
    ["score", SURVEY, SURVEY],
    ["score", "--scale", "five", SURVEY],
    ["score", "--scale", "5-1", SURVEY],
    ["score", "--top-box", "9", SURVEY],
    ["score", "--segment-by=", SURVEY],
    ["score", "--outcomes=", SURVEY],
    ["score", SURVEY, "--outcomes"],
    ["score", "--outcomes", "-", "-"],
    ["score", "--adjust", "bonferroni", SURVEY],
    [],
    ["frobnicate"],
    ["version", "extra"],
])
def test_usage_errors_exit_2(args):
    code, out, err = run(*args)
    assert code == 2, err
    assert out == ""
    assert err.startswith("jtbd: ")
    assert "Usage: jtbd" in err


@pytest.mark.parametrize("args, expected", [
    (["--help"], "Usage: jtbd <command>"),
    (["help"], "Usage: jtbd <command>"),
    (["-h"], "Usage: jtbd <command>"),
    (["score", "--help"], "Usage: jtbd score"),
    (["help", "score"], "Usage: jtbd score"),
    (["score", "--format", "json", "-h"], "Usage: jtbd score"),
])
def test_help_goes_to_stdout(args, expected):
    out = run_ok(*args)
    assert out.startswith(expected)
    if "score" in args:
        for option in ("--format", "--segment-by", "--outcomes", "--scale",
                       "--top-box", "--output"):
            assert option in out


def test_version_matches_the_project():
    with open(os.path.join(SOURCE_DIR, "CMakeLists.txt"),
              encoding="utf-8") as f:
        version = re.search(r"project\(jtbd VERSION (\d+\.\d+\.\d+)",
                            f.read()).group(1)
    assert run_ok("version") == "jtbd %s\n" % version
    assert run_ok("version") == "jtbd 1.0.0\n"


# --- Statistics (issue 3) ---------------------------------------------------
#
# Recomputed here from docs/SCORING.md with the math module only: Wilson
# intervals of the top-box shares, the delta method with the covariance of
# the respondents who answered both, pooled two-proportion z-tests and Holm.

STAT_TOLERANCE = 1e-9


def critical_value(level):
    """z with P(|Z| <= z) = level, by bisection on math.erfc (no scipy)."""
    low, high = 0.0, 40.0
    for _ in range(200):
        middle = (low + high) / 2
        if math.erfc(middle / math.sqrt(2)) > 1 - level:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def pairs_statistics(pairs, top_box_min=4):
    """Shares, delta-method variances and the opportunity of one outcome's
    (importance, satisfaction) pairs (None = no answer)."""
    importance = [i for i, _ in pairs if i is not None]
    satisfaction = [s for _, s in pairs if s is not None]
    both = [(i, s) for i, s in pairs if i is not None and s is not None]
    n_i, n_s, n_b = len(importance), len(satisfaction), len(both)
    x_i = sum(1 for i in importance if i >= top_box_min)
    x_s = sum(1 for s in satisfaction if s >= top_box_min)
    p_i, p_s = x_i / n_i, x_s / n_s
    var_i = 100 * p_i * (1 - p_i) / n_i
    var_s = 100 * p_s * (1 - p_s) / n_s
    # sigma_XY estimated among those who answered both (their own shares).
    p_11 = sum(1 for i, s in both
               if i >= top_box_min and s >= top_box_min) / n_b
    p_i_b = sum(1 for i, _ in both if i >= top_box_min) / n_b
    p_s_b = sum(1 for _, s in both if s >= top_box_min) / n_b
    cov = 100 * n_b * (p_11 - p_i_b * p_s_b) / (n_i * n_s)
    importance_score, satisfaction_score = 10 * p_i, 10 * p_s
    if importance_score >= satisfaction_score:
        var_o = max(4 * var_i + var_s - 4 * cov, 0.0)
    else:
        var_o = var_i
    return {
        "n_i": n_i, "x_i": x_i, "n_s": n_s, "x_s": x_s,
        "importance": importance_score, "satisfaction": satisfaction_score,
        "opportunity": importance_score + max(
            importance_score - satisfaction_score, 0.0),
        "var_o": var_o,
        # tests/stats/opportunity_interval_reference.py's interval()
        # arguments: nI, xI, nS, xS, nb, x11, xIb, xSb.
        "counts": (n_i, x_i, n_s, x_s, n_b,
                   sum(1 for i, s in both
                       if i >= top_box_min and s >= top_box_min),
                   sum(1 for i, _ in both if i >= top_box_min),
                   sum(1 for _, s in both if s >= top_box_min)),
    }


def opportunity_reference():
    """tests/stats/opportunity_interval_reference.py (scipy), by path."""
    pytest.importorskip("scipy")
    import importlib.util
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                        "stats", "opportunity_interval_reference.py")
    spec = importlib.util.spec_from_file_location("opportunity_reference",
                                                  path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_close(actual, expected, what):
    assert abs(actual - expected) <= STAT_TOLERANCE, (what, actual, expected)


def check_intervals(rows, ids, items, z):
    by_id = {item["outcomeId"]: item for item in items}
    for outcome_id in ids:
        item = by_id[outcome_id]
        stats = pairs_statistics(answers_of(rows, outcome_id))
        for key, top, n in (("importanceInterval", "x_i", "n_i"),
                            ("satisfactionInterval", "x_s", "n_s")):
            low, high = wilson(stats[top], stats[n], z)
            assert_close(item[key]["low"], low, (outcome_id, key))
            assert_close(item[key]["high"], high, (outcome_id, key))
        se = math.sqrt(stats["var_o"])
        assert_close(item["opportunityStandardError"], se, outcome_id)
        delta = item["opportunityDeltaInterval"]
        assert_close(delta["low"], stats["opportunity"] - z * se, outcome_id)
        assert_close(delta["high"], stats["opportunity"] + z * se, outcome_id)


@pytest.fixture(scope="module")
def statistics_json():
    return json.loads(run_ok("score", "--format", "json", "--segment-by",
                             "segment", SURVEY))


def test_json_names_the_intervals_as_the_issue_asks(statistics_json):
    for item in statistics_json["outcomes"]:
        for key in ("importanceInterval", "satisfactionInterval",
                    "opportunityInterval"):
            assert set(item[key]) == {"low", "high"}, key
            assert item[key]["low"] <= item[key]["high"]
        # Both stay within the attainable scores.
        for key in ("opportunityInterval", "opportunityBootstrapInterval"):
            assert 0 <= item[key]["low"] <= item[key]["high"] <= 20
        assert (item["opportunityInterval"]["low"] <= item["opportunity"]
                <= item["opportunityInterval"]["high"])
        assert 0 <= item["opportunityAtLeast10Probability"] <= 1
    report = statistics_json
    assert report["scoreMethod"] == "SCORE_METHOD_ULWICK"
    assert report["confidenceLevel"] == 0.95
    assert report["bootstrapResamples"] == 2000
    assert report["seed"] == "20240101"  # uint64 is a JSON string
    assert report["weighted"] is False
    assert (report["opportunityIntervalMethod"]
            == "OPPORTUNITY_INTERVAL_METHOD_MOMENT_SELECTION")


def test_wilson_and_delta_intervals_match_independent_computation(
        example, statistics_json):
    ids, rows = example
    z = critical_value(0.95)
    assert abs(z - 1.959963984540054) < 1e-12
    check_intervals(rows, ids, statistics_json["outcomes"], z)
    for segment in statistics_json["segments"]:
        members = [r for r in rows if r["segment"] == segment["name"]]
        check_intervals(members, ids, segment["outcomes"], z)


def test_confidence_flag_changes_every_interval(example):
    ids, rows = example
    report = json.loads(run_ok("score", "--format", "json", "--confidence",
                               "0.9", SURVEY))
    assert report["confidenceLevel"] == 0.9
    check_intervals(rows, ids, report["outcomes"], critical_value(0.9))


def test_bootstrap_zero_leaves_the_reported_interval():
    report = json.loads(run_ok("score", "--format", "json", "--bootstrap",
                               "0", SURVEY))
    with_bootstrap = json.loads(run_ok("score", "--format", "json", SURVEY))
    assert report["bootstrapResamples"] == 0
    reported = {item["outcomeId"]: item["opportunityInterval"]
                for item in with_bootstrap["outcomes"]}
    for item in report["outcomes"]:
        assert item["opportunityInterval"] == reported[item["outcomeId"]]
        assert "opportunityBootstrapInterval" not in item
        assert "opportunityAtLeast10Probability" not in item
    table = run_ok("score", "--bootstrap", "0", SURVEY)
    assert ("Intervals: 95%; opportunity by moment selection (valid where I "
            "is close to S)" in table.splitlines())
    olsen = run_ok("score", "--bootstrap", "0", "--method", "olsen", SURVEY)
    assert ("Intervals: 95%; opportunity by the delta method (no bootstrap)"
            in olsen.splitlines())


def test_bootstrap_is_reproducible_by_seed():
    def run_with(*flags):
        return run_ok("score", "--format", "json", "--bootstrap", "500",
                      *flags, SURVEY)
    first = run_with("--seed", "11")
    assert run_with("--seed=11") == first
    other = run_with("--seed", "12")
    assert other != first
    a, b = json.loads(first), json.loads(other)
    assert a["seed"] == "11" and b["seed"] == "12"
    assert a["bootstrapResamples"] == 500
    # Only the bootstrap figures depend on the seed.
    for x, y in zip(a["outcomes"], b["outcomes"]):
        assert x["importanceInterval"] == y["importanceInterval"]
        assert x["opportunityDeltaInterval"] == y["opportunityDeltaInterval"]
        assert x["opportunityInterval"] == y["opportunityInterval"]
    assert any(x["opportunityBootstrapInterval"]
               != y["opportunityBootstrapInterval"]
               for x, y in zip(a["outcomes"], b["outcomes"]))
    # The default seed is used when none is given, and shown.
    table = run_ok("score", SURVEY)
    assert ("Intervals: 95%; opportunity by moment selection (valid where I "
            "is close to S); bootstrap 2000 resamples, seed 20240101"
            ) in table.splitlines()


def test_probability_agrees_with_the_interval(statistics_json):
    for item in statistics_json["outcomes"]:
        probability = item["opportunityAtLeast10Probability"]
        interval = item["opportunityInterval"]
        # A 95 % interval wholly above (below) 10 leaves at most 2.5 % of
        # resamples below (at or above) it.
        if interval["low"] > 10:
            assert probability >= 0.975, item["outcomeId"]
        if interval["high"] < 10:
            assert probability <= 0.025, item["outcomeId"]


def pooled_test(x1, n1, x2, n2):
    pooled = (x1 + x2) / (n1 + n2)
    z = (x1 / n1 - x2 / n2) / math.sqrt(pooled * (1 - pooled) *
                                        (1 / n1 + 1 / n2))
    return z, math.erfc(abs(z) / math.sqrt(2))


def holm(p_values):
    """Holm's step-down adjusted p-values, in the input order."""
    order = sorted(range(len(p_values)), key=lambda k: p_values[k])
    adjusted, running = [0.0] * len(p_values), 0.0
    for rank, k in enumerate(order):
        running = max(running,
                      min(1.0, (len(p_values) - rank) * p_values[k]))
        adjusted[k] = running
    return adjusted


def test_segments_against_the_rest_match_independent_tests(
        example, statistics_json):
    ids, rows = example
    # One family per measure: every segment's outcomes (segments x outcomes).
    reference = opportunity_reference()
    importance_p, opportunity_p, tested = [], [], []
    for segment in statistics_json["segments"]:
        inside = [r for r in rows if r["segment"] == segment["name"]]
        rest = [r for r in rows if r["segment"] != segment["name"]]
        assert segment["restRespondentCount"] == len(rest)
        comparisons = segment["comparisons"]
        # One per outcome, in the order of the segment's ranked outcomes.
        assert [c["outcomeId"] for c in comparisons] == [
            o["outcomeId"] for o in segment["outcomes"]]
        for c in comparisons:
            a = pairs_statistics(answers_of(inside, c["outcomeId"]))
            b = pairs_statistics(answers_of(rest, c["outcomeId"]))
            assert_close(c["restOpportunity"], b["opportunity"], "rest")
            assert_close(c["opportunityDifference"],
                         a["opportunity"] - b["opportunity"], "difference")
            z, p = pooled_test(a["x_i"], a["n_i"], b["x_i"], b["n_i"])
            assert_close(c["importanceTest"]["z"], z, "importance z")
            assert_close(c["importanceTest"]["pValue"], p, "importance p")
            importance_p.append(p)
            # Opportunity (docs/SCORING.md, "Opportunity differences"):
            # MOVER on the two moment-selection intervals, and the test
            # that interval inverted.
            low, high = reference.difference_interval(
                a["counts"], b["counts"], 0.025)
            got = c["opportunityDifferenceInterval"]
            assert_close(got["low"], low, "opportunity interval low")
            assert_close(got["high"], high, "opportunity interval high")
            z = c["opportunityTest"].get("z", 0.0)
            assert reference.is_inverted(a["counts"], b["counts"], z), (
                segment["name"], c["outcomeId"], z)
            p = math.erfc(abs(z) / math.sqrt(2))
            opportunity_p.append(p)
            tested.append((segment, c))
    assert statistics_json["pValueAdjustment"] == "P_VALUE_ADJUSTMENT_HOLM"
    for (_, c), adjusted in zip(tested, holm(importance_p)):
        assert_close(c["importanceTest"]["holmAdjustedPValue"], adjusted,
                     "importance Holm")
        assert "adjustedPValue" not in c["importanceTest"]  # Holm decides
    expected_ids = {}
    for (segment, c), p, adjusted in zip(tested, opportunity_p,
                                         holm(opportunity_p)):
        # Tiny p-values: compare relatively.
        assert math.isclose(c["opportunityTest"]["pValue"], p,
                            rel_tol=1e-9, abs_tol=1e-12)
        assert math.isclose(c["opportunityTest"]["holmAdjustedPValue"],
                            adjusted, rel_tol=1e-9, abs_tol=1e-12)
        more = c["opportunityDifference"] > 0 and adjusted < 0.05
        assert c["moreUnderserved"] is more, c["outcomeId"]
        ids_of = expected_ids.setdefault(segment["name"], [])
        if more:
            ids_of.append(c["outcomeId"])
    for segment in statistics_json["segments"]:
        assert segment["moreUnderservedOutcomeIds"] == \
            expected_ids[segment["name"]]
    # The example is built so that each segment has needs of its own.
    assert all(s["moreUnderservedOutcomeIds"]
               for s in statistics_json["segments"])


def benjamini_hochberg(p_values):
    """R's p.adjust(p, "BH"), in the input order."""
    m = len(p_values)
    order = sorted(range(m), key=lambda k: p_values[k])
    adjusted, running = [0.0] * m, 1.0
    for rank in range(m - 1, -1, -1):
        running = min(running, m * p_values[order[rank]] / (rank + 1))
        adjusted[order[rank]] = running
    return adjusted


def test_adjust_bh(statistics_json):
    """--adjust bh: Benjamini-Hochberg over segments x outcomes decides;
    Holm's values stay in the report; the table and JSON say which."""
    report = json.loads(run_ok("score", "--format", "json", "--segment-by",
                               "segment", "--adjust", "bh", SURVEY))
    assert report["pValueAdjustment"] == "P_VALUE_ADJUSTMENT_BH"
    tests = [(s, c) for s in report["segments"] for c in s["comparisons"]]
    p = [c["opportunityTest"]["pValue"] for _, c in tests]
    holm_default = [c["opportunityTest"]["holmAdjustedPValue"]
                    for s in statistics_json["segments"]
                    for c in s["comparisons"]]
    for (segment, c), bh, holm_p in zip(tests, benjamini_hochberg(p),
                                        holm_default):
        test = c["opportunityTest"]
        assert math.isclose(test["adjustedPValue"], bh, rel_tol=1e-9,
                            abs_tol=1e-15)
        assert test["holmAdjustedPValue"] == holm_p
        assert c["moreUnderserved"] is (c["opportunityDifference"] > 0
                                        and bh < 0.05)
    found = sum(len(s["moreUnderservedOutcomeIds"])
                for s in report["segments"])
    found_holm = sum(len(s["moreUnderservedOutcomeIds"])
                     for s in statistics_json["segments"])
    assert found >= found_holm
    table = run_ok("score", "--segment-by", "segment", "--adjust", "bh",
                   SURVEY)
    assert ("(Benjamini\u2013Hochberg-adjusted across segments and "
            "outcomes, p < 0.05)") in table
    assert json.loads(run_ok("score", "--format", "json", "--segment-by",
                             "segment", "--adjust", "holm", SURVEY)) == \
        statistics_json


def test_table_lists_what_is_more_underserved_per_segment(statistics_json):
    text = run_ok("score", "--segment-by", "segment", SURVEY)
    lines = text.splitlines()
    assert lines[1] == ("Method: Ulwick top box, opportunity = "
                        "I + max(I - S, 0)")
    assert all(len(line) <= 120 for line in lines)
    for segment in statistics_json["segments"]:
        heading = lines.index("Segment: %s (%d respondents)" %
                              (segment["name"], segment["respondentCount"]))
        intro = lines.index(
            "More underserved than for the other %d respondents "
            "(Holm-adjusted across segments and outcomes, p < 0.05):"
            % segment["restRespondentCount"],
            heading)
        by_id = {c["outcomeId"]: c for c in segment["comparisons"]}
        listed = []
        for line in lines[intro + 1:]:
            match = re.match(r"^  (o\d\d)  opportunity \+(\d+\.\d) "
                             r"\[(-?\d+\.\d), (-?\d+\.\d)\] "
                             r"\((\d+\.\d) vs (\d+\.\d)\), adjusted p "
                             r"(< 0\.0001|= \d\.\d{4})$", line)
            if not match:
                break
            outcome_id, difference, low, high, here, there, p = \
                match.groups()
            c = by_id[outcome_id]
            assert difference == "%.1f" % c["opportunityDifference"]
            interval = c["opportunityDifferenceInterval"]
            assert (low, high) == ("%.1f" % interval["low"],
                                   "%.1f" % interval["high"])
            assert there == "%.1f" % c["restOpportunity"]
            adjusted = c["opportunityTest"]["holmAdjustedPValue"]
            assert p == ("< 0.0001" if adjusted < 0.0001 else
                         "= %.4f" % adjusted)
            listed.append(outcome_id)
        assert listed == segment["moreUnderservedOutcomeIds"]


def test_csv_statistics_columns_agree_with_json(statistics_json):
    text = run_ok("score", "--format", "csv", "--segment-by", "segment",
                  SURVEY)
    records = list(csv.DictReader(io.StringIO(text, newline="")))
    header = text.split("\r\n", 1)[0].split(",")
    assert header[-8:] == [
        "importance_low", "importance_high", "satisfaction_low",
        "satisfaction_high", "opportunity_low", "opportunity_high",
        "opportunity_se", "p_opportunity_at_least_10"]
    items = list(statistics_json["outcomes"]) + [
        o for s in statistics_json["segments"] for o in s["outcomes"]]
    assert len(records) == len(items)
    for record, item in zip(records, items):
        assert record["outcome_id"] == item["outcomeId"]
        for prefix, key in (("importance", "importanceInterval"),
                            ("satisfaction", "satisfactionInterval"),
                            ("opportunity", "opportunityInterval")):
            assert float(record[prefix + "_low"]) == item[key]["low"]
            assert float(record[prefix + "_high"]) == item[key]["high"]
        assert float(record["opportunity_se"]) == \
            item["opportunityStandardError"]
        assert float(record["p_opportunity_at_least_10"]) == \
            item["opportunityAtLeast10Probability"]


def mean_score(ratings):
    return 10 * (sum(ratings) / len(ratings) - 1) / 4


@pytest.mark.parametrize("method", ["mean", "olsen", "top-box-only"])
def test_alternative_methods(example, method):
    ids, rows = example
    report = json.loads(run_ok("score", "--format", "json", "--method",
                               method, SURVEY))
    names = {"mean": ("SCORE_METHOD_MEAN", "mean_rescaled"),
             "olsen": ("SCORE_METHOD_OLSEN", "olsen"),
             "top-box-only": ("SCORE_METHOD_TOP_BOX_ONLY", "top_box_only")}
    assert (report["scoreMethod"], report["method"]) == names[method]
    by_id = {o["outcomeId"]: o for o in report["outcomes"]}
    for outcome_id in ids:
        pairs = answers_of(rows, outcome_id)
        importance = [i for i, _ in pairs if i is not None]
        satisfaction = [s for _, s in pairs if s is not None]
        item = by_id[outcome_id]
        if method == "mean":
            i, s = mean_score(importance), mean_score(satisfaction)
            expected = i + max(i - s, 0)
        elif method == "olsen":
            i = 10 * sum(1 for r in importance if r >= 4) / len(importance)
            s = 10 * sum(1 for r in satisfaction if r >= 4) / len(satisfaction)
            expected = (i / 10) * (1 - s / 10)
            assert "opportunityAtLeast10Probability" not in item
        else:
            i = 10 * sum(1 for r in importance if r == 5) / len(importance)
            s = 10 * sum(1 for r in satisfaction if r == 5) / len(satisfaction)
            expected = i + max(i - s, 0)
        assert_close(item["importance"], i, outcome_id)
        assert_close(item["satisfaction"], s, outcome_id)
        assert_close(item["opportunity"], expected, outcome_id)
    if method == "top-box-only":
        assert report["scale"]["topBoxMin"] == 5
    else:
        assert all(o["band"] == "BAND_UNSPECIFIED"
                   for o in report["outcomes"])
    table = run_ok("score", "--method", method, SURVEY)
    assert table.splitlines()[1].startswith("Method: ")


def test_weights_from_a_column(tmp_path):
    # Two respondents, one outcome; weights 3 and 1: I = 10 x 3/4,
    # S = 10 x 1/4, Kish n = 16 / 10.
    path = write(tmp_path / "weighted.csv",
                 "respondent_id,w,imp_o1,sat_o1\nr1,3,5,1\nr2,1,1,5\n")
    report = json.loads(run_ok("score", "--format", "json", "--weight", "w",
                               path))
    assert report["weighted"] is True
    assert_close(report["effectiveRespondentCount"], 1.6, "Kish n")
    item = report["outcomes"][0]
    assert_close(item["importance"], 7.5, "importance")
    assert_close(item["satisfaction"], 2.5, "satisfaction")
    assert_close(item["importanceEffectiveCount"], 1.6, "n_eff")
    assert "Weighted: Kish effective sample size 1.6" in run_ok(
        "score", "--weight", "w", path).splitlines()


@pytest.mark.parametrize("args", [
    ["--confidence", "1"],
    ["--confidence", "0"],
    ["--confidence", "ninety"],
    ["--confidence=nan"],
    ["--bootstrap", "-1"],
    ["--bootstrap", "1000001"],
    ["--bootstrap", "many"],
    ["--seed", "-3"],
    ["--seed", "18446744073709551616"],
    ["--method", "maxdiff"],
    ["--method="],
])
def test_statistics_usage_errors_exit_2(args):
    code, out, err = run("score", *args, SURVEY)
    assert code == 2, err
    assert out == ""
    assert err.startswith("jtbd: ")
    assert "Usage: jtbd score" in err


def test_help_lists_the_statistics_flags():
    out = run_ok("score", "--help")
    for option in ("--confidence", "--bootstrap", "--seed", "--method"):
        assert option in out
