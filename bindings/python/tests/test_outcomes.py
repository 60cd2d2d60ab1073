"""Study.describe_outcomes / describe_outcomes_csv: outcome statements and job
steps kept apart from a wide survey, attached to its study."""

import csv
import io
import json

import pytest

import jtbd
from conftest import EXAMPLES

# Two outcomes; by hand (top box 4-5): o1 I = 10 (2 of 2), S = 5 (1 of 2),
# Opp = 15; o2 I = 5, S = 0, Opp = 10.
SURVEY = ("respondent_id,imp_o1,sat_o1,imp_o2,sat_o2\n"
          "r1,5,2,3,3\n"
          "r2,4,4,5,1\n")


def statements(report):
    return {score.outcome_id: score.statement for score in report.outcomes}


def test_describe_outcomes_csv_sets_statements_without_moving_scores():
    with jtbd.read_csv(SURVEY) as study:
        study.describe_outcomes_csv(
            "id,job_step,statement\n"
            'o2,locate,"Minimize the cost, per invoice"\n')
        report = study.score()
    assert statements(report) == {"o1": "",
                                  "o2": "Minimize the cost, per invoice"}
    o1, o2 = report.outcomes
    assert (o1.outcome_id, o1.opportunity) == ("o1", pytest.approx(15.0))
    assert (o2.outcome_id, o2.opportunity) == ("o2", pytest.approx(10.0))
    rows = list(csv.DictReader(io.StringIO(report.to_csv())))
    assert [r["statement"] for r in rows] == [
        "", "Minimize the cost, per invoice"]
    outcomes = json.loads(report.to_json())["outcomes"]
    assert outcomes[1]["statement"] == "Minimize the cost, per invoice"
    assert "Minimize the cost, per invoice" in report.to_table()


def test_bytes_and_a_second_file_change_only_what_they_give():
    with jtbd.read_csv(SURVEY) as study:
        study.describe_outcomes_csv(b"id,statement\no1,one\no2,two\n")
        study.describe_outcomes_csv("ID , Statement\no2,TWO\no1,\n", "b.csv")
        assert statements(study.score()) == {"o1": "one", "o2": "TWO"}


def test_refused_descriptions_name_the_source_and_change_nothing():
    with jtbd.read_csv(SURVEY) as study:
        study.describe_outcomes_csv("id,statement\no1,kept\n")
        with pytest.raises(jtbd.InvalidArgumentError) as caught:
            study.describe_outcomes_csv(
                "id,statement\no2,would apply\no9,unknown\n", "d.csv")
        assert caught.value.message == (
            'd.csv: line 3, column 1 ("id"): outcome "o9" is not in the '
            "survey (outcomes: o1, o2)")
        with pytest.raises(jtbd.InvalidArgumentError) as caught:
            study.describe_outcomes_csv("id,statement\no1,a\no1,b\n")
        assert caught.value.message == (
            '<memory>: line 3, column 1 ("id"): outcome o1 is already '
            "described on line 2")
        with pytest.raises(jtbd.InvalidArgumentError) as caught:
            study.describe_outcomes_csv("", "empty.csv")
        assert caught.value.message == (
            "empty.csv: line 1, column 1: the file is empty")
        assert statements(study.score()) == {"o1": "kept", "o2": ""}
        with pytest.raises(TypeError):
            study.describe_outcomes_csv(42)


def test_describe_outcomes_from_the_example_file(tmp_path):
    with open(EXAMPLES / "outcomes.csv", newline="", encoding="utf-8") as f:
        expected = {row["id"]: row["statement"] for row in csv.DictReader(f)}
    with jtbd.load_csv(EXAMPLES / "survey.csv") as study:
        study.describe_outcomes(EXAMPLES / "outcomes.csv")  # a PathLike
        report = study.score(segment_by="segment")
        assert statements(report) == expected
        for scores in (s.outcomes for s in report.segments.values()):
            assert {s.outcome_id: s.statement for s in scores} == expected

        with pytest.raises(jtbd.NotFoundError) as caught:
            study.describe_outcomes(str(tmp_path / "absent.csv"))
        assert "absent.csv" in caught.value.message
        bad = tmp_path / "bad.csv"
        bad.write_text("id,statement\no01,fine\no01,again\n",
                       encoding="utf-8")
        with pytest.raises(jtbd.InvalidArgumentError) as caught:
            study.describe_outcomes(bad)
        assert caught.value.message.startswith(
            str(bad) + ': line 3, column 1 ("id"): ')
        assert statements(study.score()) == expected


def test_a_closed_study_refuses():
    study = jtbd.read_csv(SURVEY)
    study.close()
    with pytest.raises(jtbd.ClosedError):
        study.describe_outcomes_csv("id,statement\no1,x\n")
    with pytest.raises(jtbd.ClosedError):
        study.describe_outcomes(EXAMPLES / "outcomes.csv")
