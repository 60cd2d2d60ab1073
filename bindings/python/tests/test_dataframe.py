"""Report.to_dataframe(): the rows and columns of the C library's CSV
rendering, cell for cell, as a pandas DataFrame (skipped without pandas;
Debian: python3-pandas). Without pandas it must say so by name."""

import csv
import io
import math
import subprocess
import sys

import pytest

import jtbd
from conftest import EXAMPLES, subprocess_env


def assert_frame_equals_csv(report):
    frame = report.to_dataframe()
    rows = list(csv.reader(io.StringIO(report.to_csv())))
    header, rows = rows[0], rows[1:]
    assert list(frame.columns) == header
    assert len(frame) == len(rows)
    for (_, frame_row), row in zip(frame.iterrows(), rows):
        for column, text in zip(header, row):
            value = frame_row[column]
            if isinstance(value, str):
                assert value == text, column
            elif text == "":
                assert math.isnan(value), column
            else:
                # The CSV prints the shortest text that reads back as the
                # same double: the frame must hold exactly that double.
                assert float(value) == float(text), column
    return frame


def test_segmented_report_with_intervals():
    pytest.importorskip("pandas")
    with jtbd.load_csv(EXAMPLES / "survey.csv") as study:
        report = study.score(segment_by="segment", bootstrap=200, seed=3)
    frame = assert_frame_equals_csv(report)
    outcomes = len(report.outcomes)
    assert len(frame) == outcomes * (1 + len(report.segments))
    assert list(frame["segment"].unique()) == ["", "field", "office"]
    assert frame["rank"].dtype.kind == "i"
    assert frame["importance_count"].dtype.kind == "i"
    assert frame["opportunity"].dtype.kind == "f"
    first = frame.iloc[0]
    best = report.outcomes[0]
    assert (first["outcome_id"], first["opportunity"],
            first["opportunity_low"]) == (best.outcome_id, best.opportunity,
                                          best.opportunity_interval.low)
    office = frame[frame["segment"] == "office"]
    assert list(office["outcome_id"]) == [
        s.outcome_id for s in report.segments["office"].outcomes]


def test_absent_figures_are_nan_and_it_works_after_close():
    pytest.importorskip("pandas")
    with jtbd.Study() as study:
        study.add_outcome("rated", "Minimize the time, it takes")
        study.add_outcome("unrated")
        study.add_respondents(2)
        study.add_answers([0, 1], [0, 0], [5, 2], [1, 4])
        report = study.score(bootstrap=0)
    frame = assert_frame_equals_csv(report)
    report.close()
    after = report.to_dataframe()
    assert after.equals(frame)
    unrated = frame[frame["outcome_id"] == "unrated"].iloc[0]
    assert math.isnan(unrated["importance_low"])
    assert math.isnan(unrated["p_opportunity_at_least_10"])
    assert frame["statement"].iloc[0] == "Minimize the time, it takes"


def test_competing_solutions_add_their_columns():
    pytest.importorskip("pandas")
    with jtbd.Study() as study:
        study.add_outcome("o")
        study.add_respondents(3)
        study.add_answers([0, 1, 2], [0, 0, 0], [5, 5, 4], [2, 3, 1])
        acme = study.add_solution("Acme")
        study.add_solution("Beta, Inc.")  # never rated; quoted in the CSV
        study.add_solution_answers([0, 1], [acme, acme], [0, 0], [5, 4])
        report = study.score(bootstrap=0)
    frame = assert_frame_equals_csv(report)
    assert list(frame.columns)[-8:] == [
        "best_solution", "best_solution_gap", "best_solution_gap_p",
        "satisfaction_target", "satisfaction:Acme", "count:Acme",
        "satisfaction:Beta, Inc.", "count:Beta, Inc."]
    assert frame["count:Acme"].iloc[0] == 2
    assert math.isnan(frame["satisfaction:Beta, Inc."].iloc[0])


def test_without_pandas_the_error_names_it():
    code = ("import sys\n"
            "sys.modules['pandas'] = None  # import pandas now fails\n"
            "import jtbd\n"
            "study = jtbd.read_csv('respondent_id,imp_a,sat_a\\nr1,4,3\\n')\n"
            "report = study.score()\n"
            "try:\n"
            "    report.to_dataframe()\n"
            "except ImportError as error:\n"
            "    print(error)\n")
    result = subprocess.run([sys.executable, "-c", code],
                            env=subprocess_env(), capture_output=True,
                            text=True, check=True)
    assert "to_dataframe() needs pandas" in result.stdout
    assert "python3-pandas" in result.stdout
