"""Surveys in one step (score_survey[_file], segment_survey[_file]): the
same report and segmentation as the two steps (load_csv, then score or
segment), outcome descriptions as a read option, refusals as jtbd.Error."""

import pytest

import jtbd
from conftest import EXAMPLES

SURVEY = EXAMPLES / "survey.csv"
OUTCOMES = EXAMPLES / "outcomes.csv"


def test_score_survey_file_equals_the_two_steps():
    one_step = jtbd.score_survey_file(SURVEY, segment_by="segment",
                                      bootstrap=100,
                                      outcome_descriptions_file=OUTCOMES)
    with jtbd.load_csv(SURVEY, outcome_descriptions_file=OUTCOMES) as study:
        two_steps = study.score(segment_by="segment", bootstrap=100)
    assert one_step.to_json() == two_steps.to_json()
    assert one_step.respondent_count == 180
    assert sorted(one_step.segments) == ["field", "office"]
    statements = {o.outcome_id: o.statement for o in one_step.outcomes}
    assert statements["o01"].startswith("Minimize the time it takes")


def test_score_survey_from_text_equals_the_file():
    text = SURVEY.read_text(encoding="utf-8")
    from_text = jtbd.score_survey(text, "survey", bootstrap=0)
    from_file = jtbd.score_survey_file(SURVEY, bootstrap=0)
    assert from_text.to_json() == from_file.to_json()


def test_descriptions_as_text():
    report = jtbd.score_survey_file(
        SURVEY, bootstrap=0,
        outcome_descriptions="id,statement\no02,Minimize the rework\n")
    statements = {o.outcome_id: o.statement for o in report.outcomes}
    assert statements["o02"] == "Minimize the rework"


def test_refusals_raise_the_library_error():
    with pytest.raises(jtbd.NotFoundError, match='no column "region"'):
        jtbd.score_survey_file(SURVEY, segment_by="region")
    with pytest.raises(jtbd.InvalidArgumentError, match="crm: line 2"):
        jtbd.score_survey("respondent_id,imp_o1,sat_o1\nr1,9,1\n", "crm")
    with pytest.raises(jtbd.InvalidArgumentError, match="outcome descriptions: line 2"):
        jtbd.score_survey_file(
            SURVEY, outcome_descriptions="id,statement\nnope,x\n")
    with pytest.raises(jtbd.NotFoundError):
        jtbd.score_survey_file(SURVEY, outcome_descriptions_file="/nonexistent")


def test_segment_survey_file_equals_the_two_steps():
    one_step = jtbd.segment_survey_file(SURVEY, k=2, starts=4, bootstrap=0)
    with jtbd.load_csv(SURVEY) as study:
        two_steps = study.segment(k=2, starts=4, bootstrap=0)
    assert one_step.k == 2
    assert one_step.clusters == two_steps.clusters
    assert one_step.to_json() == two_steps.to_json()
    text = SURVEY.read_text(encoding="utf-8")
    from_text = jtbd.segment_survey(text, "survey", k=2, starts=4,
                                    bootstrap=0)
    assert from_text.clusters == one_step.clusters


def test_segment_survey_checks_options_before_reading():
    with pytest.raises(jtbd.InvalidArgumentError):
        jtbd.segment_survey_file("/nonexistent/survey.csv",
                                 silhouette_sample_size=1)


def planted_survey():
    """80 respondents with a unique email each and a role planted in the
    second of two clear segments."""
    header = "respondent_id,email,role," + ",".join(
        "imp_o%d,sat_o%d" % (o, o) for o in range(1, 5))
    rows = [header]
    for r in range(80):
        second = r >= 40
        role = ("user" if r % 5 == 0 else "buyer") if second else \
            ("buyer" if r % 5 == 0 else "user")
        ratings = ["5,1" if (o <= 2) != second else "2,5"
                   for o in range(1, 5)]
        rows.append("r%d,person%d@example.com,%s,%s" %
                    (r, r, role, ",".join(ratings)))
    return "\n".join(rows) + "\n"


def test_segment_profiles_set_identifiers_aside():
    segmentation = jtbd.segment_survey(planted_survey(), "planted", k=2,
                                       min_attribute_count=3, adjust="bh")
    assert segmentation.min_attribute_count == 3
    assert segmentation.p_value_adjustment == jtbd.PValueAdjustment.BH
    assert segmentation.set_aside_attributes == [jtbd.SetAsideAttribute(
        attribute="email", reason=jtbd.SetAsideReason.HIGH_CARDINALITY,
        distinct_value_count=80, respondent_count=80)]
    listed = [a for profile in segmentation.segments
              for a in profile.overrepresented_attributes]
    assert "buyer" in [a.value for a in listed]
    for a in listed:
        assert a.attribute != "email"
        assert a.fisher_p_value > a.test.p_value  # the mid-p decides
        assert a.segment_count >= 3


def test_warnings_are_the_json_ones():
    import json
    with jtbd.score_survey_file(SURVEY, segment_by="segment",
                                bootstrap=0) as report:
        from_json = json.loads(report.to_json())["warnings"]
        warnings = report.warnings
    assert len(warnings) == len(from_json) > 0
    for record, item in zip(warnings, from_json):
        assert record.code is jtbd.WarningCode.BAND_UNCERTAIN
        assert record.code.name == item["code"][len("WARNING_CODE_"):]
        assert record.message == item["message"]
        assert record.outcome_id == item["outcomeId"]
        assert record.segment == item.get("segment", "")
        assert record.value is None


def test_a_weak_segmentation_warns():
    with jtbd.segment_survey_file(SURVEY, bootstrap=0) as segmentation:
        first = segmentation.warnings[0]
    assert first.code is jtbd.WarningCode.NO_SUBSTANTIAL_STRUCTURE
    assert first.value < 0.25
