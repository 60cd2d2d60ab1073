"""`jtbd inspect` and the survey-reading options of `jtbd score`.

The export fixtures (tests/data/io/formats) all carry the answers of
expected_long.csv; the scores they must give are recomputed here from that
file with the csv module (Ulwick: 10 x top-box share, I + max(I - S, 0)).
"""

import csv
import json
import os
import pty
import select
import subprocess

import pytest

CLI = os.environ.get("JTBD_CLI", "")
SOURCE_DIR = os.environ.get("JTBD_SOURCE_DIR", "")
FORMATS = os.path.join(SOURCE_DIR, "tests", "data", "io", "formats")
GOOD = os.path.join(SOURCE_DIR, "tests", "data", "io", "good")
BAD = os.path.join(SOURCE_DIR, "tests", "data", "io", "bad")

pytestmark = pytest.mark.skipif(
    not CLI or not SOURCE_DIR,
    reason="set JTBD_CLI and JTBD_SOURCE_DIR (ctest does)")


def run(*args, env=None):
    done = subprocess.run([CLI, *args], capture_output=True, timeout=120,
                          env=env)
    return (done.returncode, done.stdout.decode("utf-8"),
            done.stderr.decode("utf-8", errors="replace"))


def run_ok(*args):
    code, out, err = run(*args)
    assert code == 0, err
    assert err == ""
    return out


def fixture(name):
    return os.path.join(FORMATS, name)


def expected_scores():
    ratings = {}
    with open(fixture("expected_long.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            imp, sat = ratings.setdefault(row["outcome"], ([], []))
            if row["importance"]:
                imp.append(int(row["importance"]))
            if row["satisfaction"]:
                sat.append(int(row["satisfaction"]))
    scores = {}
    for outcome, (imp, sat) in ratings.items():
        i = 10 * sum(r >= 4 for r in imp) / len(imp)
        s = 10 * sum(r >= 4 for r in sat) / len(sat)
        scores[outcome] = (i, s, i + max(i - s, 0))
    return scores


def scores_of(report):
    return {o["outcomeId"]: (o["importance"], o["satisfaction"],
                             o["opportunity"]) for o in report["outcomes"]}


@pytest.mark.parametrize("name", [
    "qualtrics.csv", "qualtrics_legacy.csv", "surveymonkey.csv",
    "google_forms.csv", "google_forms_fr.csv", "typeform.csv"])
def test_score_reads_every_export(name):
    report = json.loads(run_ok("score", "--format", "json", fixture(name)))
    got = scores_of(report)
    want = expected_scores()
    assert got.keys() == want.keys()
    for outcome, values in want.items():
        assert got[outcome] == pytest.approx(values, abs=1e-12), outcome
    assert report["respondentCount"] == 4


def test_statements_are_in_the_json_report():
    report = json.loads(run_ok("score", "--format", "json",
                               fixture("surveymonkey.csv")))
    statements = {o["outcomeId"]: o["statement"] for o in report["outcomes"]}
    assert statements == {
        "o1": "Minimize the time it takes to find a cut line",
        "o2": "Minimize the likelihood that the cut goes off track",
        "o3": "Minimize the effort to clean up sawdust, chips and debris",
    }


def test_inspect_prints_what_was_understood():
    out = run_ok("inspect", fixture("qualtrics.csv"))
    assert "format:        qualtrics (3 header rows), UTF-8, separator \",\"" \
        in out
    assert "respondents:   4 (ids from column ResponseId (#9))" in out
    assert 'importance:    Q2 ("How important is each of the following to ' \
        'you when you cut wood?")' in out
    lines = out.splitlines()
    o2 = next(line for line in lines if line.strip().startswith("o2 "))
    # o2: importance blank for respondent 2, satisfaction -1 for respondent 4.
    assert o2.split()[1:5] == ["Q2_2", "(#20)", "Q3_2", "(#23)"]
    assert o2.split()[5:7] == ["3/3", "1/1"]
    assert o2.endswith("Minimize the likelihood that the cut goes off track")
    # Duration (in seconds) is read as durations (screening), not ignored.
    assert "durations:     column Duration (in seconds) (#6)" in out
    assert "ignored:       12 columns: StartDate (#1)" in out
    q1 = next(line for line in lines if line.strip().startswith("Q1 "))
    # values, blank, distinct values, and the segment-profile verdict.
    assert q1.split() == ["Q1", "Q1", "(#18)", "4", "0", "3", "tested"]


def test_inspect_shows_dialects():
    out = run_ok("inspect", os.path.join(GOOD, "excel_unicode_text.txt"))
    assert "format:        wide (1 header row), UTF-16LE, separator TAB" in out
    out = run_ok("inspect", fixture("google_forms_fr.csv"))
    assert "google-forms (1 header row), UTF-8 with BOM, separator \";\"" \
        in out


def test_written_map_scores_the_same(tmp_path):
    map_path = tmp_path / "map.json"
    run_ok("inspect", "--write-map", str(map_path), fixture("typeform.csv"))
    survey_map = json.loads(map_path.read_text())
    assert survey_map["format"] == "SURVEY_FORMAT_TYPEFORM"
    # A header "#" would read as a column number: it is named "#1".
    assert survey_map["respondentIdColumn"] == "#1"
    assert [o["id"] for o in survey_map["outcomes"]] == ["o1", "o2", "o3"]
    detected = run_ok("score", "--format", "json", fixture("typeform.csv"))
    # Edit the map as a person would: better statements.
    survey_map["outcomes"][0]["statement"] = "Find the cut line fast"
    map_path.write_text(json.dumps(survey_map))
    mapped = json.loads(run_ok("score", "--format", "json", "--map",
                               str(map_path), fixture("typeform.csv")))
    assert scores_of(mapped) == scores_of(json.loads(detected))
    statements = {o["outcomeId"]: o["statement"] for o in mapped["outcomes"]}
    assert statements["o1"] == "Find the cut line fast"


def test_write_map_to_stdout():
    out = run_ok("inspect", "--write-map", "-", fixture("qualtrics.csv"))
    survey_map = json.loads(out[out.index("\n{") + 1:])
    assert survey_map["headerRows"] == 3
    assert survey_map["outcomes"][2]["satisfactionColumn"] == "Q3_3"


def test_a_map_for_a_file_detection_cannot_settle():
    code, out, err = run("score", fixture("crm_export.csv"))
    assert code == 1
    assert "no known layout" in err
    report = json.loads(run_ok("score", "--format", "json", "--map",
                               fixture("crm_map.json"), "--segment-by",
                               "solution", fixture("crm_export.csv")))
    assert report["weighted"] is True
    o1 = next(o for o in report["outcomes"] if o["outcomeId"] == "o1")
    assert o1["importance"] == pytest.approx(60 / 6.5, abs=1e-12)
    assert sorted(s["name"] for s in report["segments"]) == [
        "Brand A", "Brand B", "Brand C"]


def test_questions_labels_and_format_flags(tmp_path):
    survey = tmp_path / "q.csv"
    survey.write_text("StartDate,ResponseId,Q2_1,Q4_1\n"
                      "Start Date,Response ID,Rate A - x,Rate B - x\n"
                      "2024-01-01,R_1,Critical,2\n"
                      "2024-01-02,R_2,5,Love it\n")
    code, _, err = run("score", str(survey))
    assert code == 1
    assert "found no importance and no satisfaction question" in err
    code, _, err = run("score", "--importance", "Q2", "--satisfaction", "Q4",
                       str(survey))
    assert code == 1
    assert err == (
        "jtbd: %s: line 3, column 3 (\"Q2_1\"): \"Critical\" is neither a "
        "rating on the scale 1-5 nor a known importance label (a label map "
        "can name it)\n" % survey)
    labels = tmp_path / "labels.csv"
    labels.write_text("label,rating,kind\nCritical,5,importance\n"
                      "Love it,5,satisfaction\n")
    report = json.loads(run_ok(
        "score", "--format", "json", "--input-format", "qualtrics",
        "--importance=Q2", "--satisfaction", "Q4", "--labels", str(labels),
        str(survey)))
    (x,) = report["outcomes"]
    assert x["statement"] == "x"
    assert (x["importance"], x["satisfaction"]) == (10.0, 5.0)


def test_refusals_name_file_line_column_and_value():
    path = os.path.join(BAD, "qualtrics_statements_differ.csv")
    code, out, err = run("score", path)
    assert (code, out) == (1, "")
    assert err.startswith("jtbd: %s: line 2, column 6 (\"Q3_1\"): "
                          "satisfaction row 1 \"Stay on track\" does not "
                          "match importance row 1 \"Find a cut line\"" % path)


def test_inspect_shows_the_layout_before_a_refused_row():
    path = os.path.join(BAD, "qualtrics_unknown_label.csv")
    code, out, err = run("inspect", path)
    assert code == 1
    assert "format:        qualtrics (3 header rows)" in out
    assert "respondents:   ?" in out
    assert "\"Somewhat important\" is neither" in err


def test_usage_errors():
    code, _, err = run("score", "--map", "m.json", "--input-format", "long",
                       fixture("qualtrics.csv"))
    assert code == 2
    assert "--map already gives the layout" in err
    code, _, err = run("score", "--input-format", "excel", "x.csv")
    assert code == 2
    assert "unknown input format \"excel\"" in err
    code, _, err = run("inspect")
    assert code == 2
    assert "missing the survey FILE" in err
    code, _, err = run("inspect", "--importance", "", "x.csv")
    assert code == 2
    assert "--importance needs a question" in err


def test_help_lists_inspect():
    assert "inspect     show how a survey file is read" in run_ok("--help")
    assert "--write-map FILE" in run_ok("help", "inspect")
    assert "--input-format FORMAT" in run_ok("score", "--help")


def test_missing_map_and_labels_files():
    code, _, err = run("score", "--map", "/nonexistent/map.json",
                       fixture("qualtrics.csv"))
    assert code == 1
    assert "/nonexistent/map.json" in err
    code, _, err = run("score", "--labels", "/nonexistent/l.csv",
                       fixture("qualtrics.csv"))
    assert code == 1
    assert "/nonexistent/l.csv" in err


# --- progress ----------------------------------------------------------------


def big_survey(path, respondents=30000):
    with open(path, "w") as f:
        f.write("id,imp_a,sat_a,imp_b,sat_b\n")
        for r in range(respondents):
            f.write("r%d,%d,%d,%d,%d\n" % (r, r % 5 + 1, (r // 5) % 5 + 1,
                                           (r // 25) % 5 + 1, r % 4 + 1))


def run_with_terminal_stderr(args, env):
    """Runs jtbd with stderr on a pseudo-terminal; returns (code, stderr).
    Skips the test where no pseudo-terminal can be opened (a container
    without /dev/pts): what it checks needs one."""
    try:
        controller, terminal = pty.openpty()
    except OSError as error:
        pytest.skip("no pseudo-terminal can be opened here: %s" % error)
    try:
        process = subprocess.Popen([CLI, *args], stdout=subprocess.DEVNULL,
                                   stderr=terminal, env=env)
        os.close(terminal)
        chunks = []
        while True:
            ready, _, _ = select.select([controller], [], [], 60)
            if not ready:
                break
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal closed: the process ended
                break
            if not chunk:
                break
            chunks.append(chunk)
        return process.wait(timeout=60), b"".join(chunks).decode()
    finally:
        os.close(controller)


def test_progress_on_a_terminal(tmp_path):
    survey = tmp_path / "big.csv"
    big_survey(survey)
    env = dict(os.environ, JTBD_PROGRESS_DELAY="0")
    code, err = run_with_terminal_stderr(["score", str(survey)], env)
    assert code == 0
    size_mb = os.path.getsize(survey) / 1e6
    assert "jtbd: reading %s: " % survey in err
    # The last report: all bytes and rows, nothing left.
    assert "%.1f of %.1f MB, 30000 rows," % (size_mb, size_mb) in err
    assert err.rstrip().endswith("0.0 s left")


def test_no_progress_when_not_a_terminal_or_quick(tmp_path):
    survey = tmp_path / "big.csv"
    big_survey(survey)
    env = dict(os.environ, JTBD_PROGRESS_DELAY="0")
    code, _, err = run("score", str(survey), env=env)
    assert (code, err) == (0, "")
    # On a terminal, a read quicker than the (default) delay is silent too.
    env = dict(os.environ, JTBD_PROGRESS_DELAY="60")
    code, err = run_with_terminal_stderr(["score", str(survey)], env)
    assert (code, err) == (0, "")


@pytest.mark.parametrize("name", ["qualtrics.csv", "crm_export.csv"])
def test_scoring_without_segments_reads_the_aggregate_alone(name):
    # `jtbd score` without --segment-by reads straight into the aggregate;
    # with it, through a study. The whole-sample scores must not differ.
    extra = (["--map", fixture("crm_map.json")] if name == "crm_export.csv"
             else [])
    segment = "solution" if name == "crm_export.csv" else "Q1"
    alone = json.loads(run_ok("score", "--format", "json", *extra,
                              fixture(name)))
    with_segments = json.loads(run_ok("score", "--format", "json", *extra,
                                      "--segment-by", segment, fixture(name)))
    assert alone["outcomes"] == with_segments["outcomes"]
    assert alone["respondentCount"] == with_segments["respondentCount"] == 4
