"""examples/score.py runs against this build and prints what the binding
computes."""

import re
import subprocess
import sys

import pytest

import jtbd
from conftest import EXAMPLES, subprocess_env

SCRIPT = EXAMPLES / "score.py"
SURVEY = EXAMPLES / "survey.csv"


def run(*arguments):
    return subprocess.run([sys.executable, str(SCRIPT), *arguments],
                          env=subprocess_env(), capture_output=True,
                          text=True, timeout=60)


def test_example_prints_top_five_and_segments():
    if not SURVEY.exists():
        pytest.skip("examples/survey.csv is not there yet")
    result = run()  # the survey next to the script by default
    assert result.returncode == 0, result.stderr
    with jtbd.load_csv(SURVEY) as study:
        report = study.score(segment_by="segment")
    output = result.stdout
    assert re.search(r"%d respondents, %d outcomes" %
                     (report.respondent_count, len(report.outcomes)), output)
    overall = output.split("\nsegment ")[0]
    printed = re.findall(r"^\s+(\d+)\. (\S+)\s+opportunity\s+([\d.]+)",
                         overall, flags=re.M)
    assert [(int(rank), outcome) for rank, outcome, _ in printed] == [
        (s.rank, s.outcome_id) for s in report.outcomes[:5]
    ]
    assert [float(o) for _, _, o in printed] == [
        round(s.opportunity, 1) for s in report.outcomes[:5]
    ]
    assert report.outcomes[0].band in overall
    for name, count in ((n, s.respondent_count)
                        for n, s in report.segments.items()):
        assert "segment %s (%d respondents)" % (name, count) in output
    assert len(report.segments) == 2


def test_example_reports_a_missing_file(tmp_path):
    missing = tmp_path / "nope.csv"
    result = run(str(missing))
    assert result.returncode == 1
    assert "nope.csv" in result.stderr
    assert "NOT_FOUND" in result.stderr
