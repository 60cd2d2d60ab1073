"""Survey exports and read options through the binding.

Every export fixture in tests/data/io/formats carries the answers of
expected_long.csv; the scores are recomputed here from that file with the
csv module and Ulwick's formulas, independently of the library.
"""

import csv
import json

import pytest

import jtbd
from conftest import SOURCE_DIR

FORMATS = SOURCE_DIR / "tests" / "data" / "io" / "formats"
EXPORTS = ["qualtrics.csv", "qualtrics_legacy.csv", "surveymonkey.csv",
           "google_forms.csv", "google_forms_fr.csv", "typeform.csv",
           "expected_long.csv"]


def expected_scores():
    """{outcome id: (importance, satisfaction, opportunity)} from the long
    file: 10 x top-box (4-5) share among those who answered."""
    ratings = {}
    with open(FORMATS / "expected_long.csv", newline="",
              encoding="utf-8") as f:
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


@pytest.mark.parametrize("name", EXPORTS)
def test_every_export_scores_like_the_long_file(name):
    expected = expected_scores()
    assert len(expected) == 3
    with jtbd.load_csv(FORMATS / name) as study:
        assert study.outcome_count == 3
        assert study.respondent_count == 4
        report = study.score()
    for outcome in report.outcomes:
        i, s, o = expected[outcome.outcome_id]
        assert outcome.importance == pytest.approx(i, abs=1e-12)
        assert outcome.satisfaction == pytest.approx(s, abs=1e-12)
        assert outcome.opportunity == pytest.approx(o, abs=1e-12)


def test_segments_by_a_qualtrics_question():
    with jtbd.load_csv(FORMATS / "qualtrics.csv") as study:
        report = study.score(segment_by="Q1")
    assert sorted(report.segments) == ["Carpenter", "Electrician", "Plumber"]
    # Both carpenters rated o1's importance 5: top box for 2 of 2.
    o1 = next(o for o in report.segments["Carpenter"].outcomes
              if o.outcome_id == "o1")
    assert o1.importance == pytest.approx(10.0)
    assert o1.importance_count == 2


def test_utf16_bytes_from_memory():
    text = ("id\timp_a\tsat_a\r\nr1\tTr\u00e8s important\t2\r\n"
            "r2\t1\tSans objet\r\n")
    data = b"\xff\xfe" + text.encode("utf-16-le")
    with jtbd.read_csv(data, "excel.txt") as study:
        report = study.score()
    (a,) = report.outcomes
    assert a.importance == pytest.approx(5.0)  # 4 of 4, 1
    assert a.satisfaction_count == 1  # "Sans objet" is no answer


def test_input_format_by_name_enum_or_number():
    data = "#,imp_a,sat_a\nt1,5,4\n"
    with pytest.raises(jtbd.InvalidArgumentError, match="found no importance"):
        jtbd.read_csv(data)
    for value in ("wide", "WIDE", jtbd.InputFormat.WIDE, 2):
        with jtbd.read_csv(data, input_format=value) as study:
            assert study.outcome_count == 1
    with pytest.raises(jtbd.InvalidArgumentError, match="google-forms"):
        jtbd.read_csv(data, input_format="excel")
    with pytest.raises(jtbd.InvalidArgumentError, match="format 9"):
        jtbd.read_csv(data, input_format=9)


def test_named_questions_and_labels():
    data = ("StartDate,ResponseId,Q2_1,Q4_1\n"
            "Start Date,Response ID,Rate A - x,Rate B - x\n"
            "2024-01-01,R_1,Critical,Love it\n"
            "2024-01-02,R_2,Meh,Hate it\n")
    with pytest.raises(jtbd.InvalidArgumentError, match="found no importance"):
        jtbd.read_csv(data)
    labels = {"importance": {"Critical": 5, "Meh": 2},
              "satisfaction": {"Love it": 5, "Hate it": 1}}
    with jtbd.read_csv(data, importance="Q2", satisfaction=["Q4"],
                       labels=labels) as study:
        (x,) = study.score().outcomes
    assert x.statement == "x"
    assert x.importance == pytest.approx(5.0)
    assert x.satisfaction == pytest.approx(5.0)
    # The same labels as CSV text and as a file.
    csv_labels = ("label,rating,kind\nCritical,5,importance\n"
                  "Meh,2,importance\nLove it,5,satisfaction\n"
                  "Hate it,1,satisfaction\n")
    with jtbd.read_csv(data, importance="Q2", satisfaction="Q4",
                       labels=csv_labels) as study:
        assert study.score().outcomes[0].importance == pytest.approx(5.0)
    with pytest.raises(jtbd.InvalidArgumentError, match="neither a rating"):
        jtbd.read_csv(data, importance="Q2", satisfaction="Q4",
                      labels_file=FORMATS / "labels.csv")


def test_survey_maps():
    survey_map = json.loads((FORMATS / "crm_map.json").read_text())
    with pytest.raises(jtbd.InvalidArgumentError, match="no known layout"):
        jtbd.load_csv(FORMATS / "crm_export.csv")
    for options in ({"survey_map": survey_map},
                    {"survey_map": json.dumps(survey_map)},
                    {"survey_map_file": FORMATS / "crm_map.json"}):
        with jtbd.load_csv(FORMATS / "crm_export.csv", **options) as study:
            report = study.score(segment_by="solution")
        assert sorted(report.segments) == ["Brand A", "Brand B", "Brand C"]
        o1 = next(o for o in report.outcomes if o.outcome_id == "o1")
        # Revenue weights 2.5, 1, 2.5, 0.5; top-box importance for 6 of 6.5.
        assert o1.importance == pytest.approx(60 / 6.5)
    with pytest.raises(jtbd.InvalidArgumentError, match="not a survey map"):
        jtbd.load_csv(FORMATS / "crm_export.csv", survey_map={"colour": 1})


def test_weight_column_and_refusals_name_the_cell():
    data = "id,w,imp_a,sat_a\nr1,3,5,1\nr2,1,2,1\n"
    with jtbd.read_csv(data, weight_column="w") as study:
        assert study.score().outcomes[0].importance == pytest.approx(7.5)
    with pytest.raises(jtbd.InvalidArgumentError) as caught:
        jtbd.read_csv("id,w,imp_a,sat_a\nr1,0,5,1\n", "w.csv",
                      weight_column="w")
    assert caught.value.message == (
        'w.csv: line 2, column 2 ("w"): weight "0" is not a finite number '
        'greater than 0')


@pytest.mark.parametrize("name", EXPORTS)
def test_an_aggregate_read_scores_like_the_study(name):
    with jtbd.load_csv(FORMATS / name) as study:
        expected = study.aggregate().serialize()
        from_study = study.score()
    with jtbd.load_aggregate(FORMATS / name) as aggregate:
        assert aggregate.serialize() == expected
        assert aggregate.respondent_count == 4
        report = aggregate.score()
    assert [(o.outcome_id, o.opportunity) for o in report.outcomes] == [
        (o.outcome_id, o.opportunity) for o in from_study.outcomes]


def test_an_aggregate_read_from_memory_with_options():
    data = "id,w,imp_a,sat_a\nr1,3,5,1\nr2,1,2,1\n"
    with jtbd.read_aggregate(data, "w.csv", weight_column="w") as aggregate:
        (a,) = aggregate.score().outcomes
    assert a.importance == pytest.approx(7.5)  # weight 3 of 4 top box
    with pytest.raises(jtbd.InvalidArgumentError) as caught:
        jtbd.read_aggregate("id,imp_a,sat_a\nr1,1,1\nr1,2,2\n", "d.csv")
    assert caught.value.message == (
        'd.csv: line 3, column 1 ("id"): respondent r1 already has a row on '
        'line 2')
