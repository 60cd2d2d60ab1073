"""jtbd.score_request_message: a jtbd.v1 ScoreRequest message in, a Report
message out, in binary through the C ABI. Numbers are checked against
counts taken by hand."""

import pytest

import jtbd
from conftest import EXAMPLES
from jtbd.v1 import report_pb2, scoring_pb2

TOLERANCE = 1e-12


def small_request():
    """One outcome, three respondents: importance 5, 4, 2 (2 of 3 top box:
    6.67), satisfaction 2, 1, 5 (1 of 3: 3.33); opportunity 6.67 + 3.33 =
    10, underserved. Role a (r1, r2): 10 and 0, opportunity 20."""
    request = scoring_pb2.ScoreRequest()
    request.study.outcomes.add(id="o1", statement="Minimize the time")
    for respondent_id, role, importance, satisfaction in (
            ("r1", "a", 5, 2), ("r2", "a", 4, 1), ("r3", "b", 2, 5)):
        respondent = request.study.respondents.add(id=respondent_id)
        respondent.attributes["role"] = role
        respondent.answers.add(outcome_id="o1", importance=importance,
                               satisfaction=satisfaction)
    request.options.segment_by = "role"
    return request


def test_scores_a_message_into_a_report_message():
    report = jtbd.score_request_message(small_request())
    assert isinstance(report, report_pb2.Report)
    assert report.respondent_count == 3
    outcome = report.outcomes[0]
    assert outcome.statement == "Minimize the time"
    assert (outcome.importance_top_box_count, outcome.importance_count) == \
        (2, 3)
    assert (outcome.satisfaction_top_box_count,
            outcome.satisfaction_count) == (1, 3)
    assert outcome.importance == pytest.approx(20 / 3, abs=TOLERANCE)
    assert outcome.satisfaction == pytest.approx(10 / 3, abs=TOLERANCE)
    assert outcome.opportunity == pytest.approx(10, abs=TOLERANCE)
    assert outcome.band == report_pb2.BAND_UNDERSERVED
    assert [segment.name for segment in report.segments] == ["a", "b"]
    assert report.segments[0].outcomes[0].opportunity == pytest.approx(
        20, abs=TOLERANCE)


def test_the_same_bytes_as_score_request():
    request = small_request()
    report = jtbd.score_request_message(request)
    assert report.SerializeToString() == jtbd.score_request(
        request.SerializeToString())


def test_the_example_survey_as_a_message():
    # The study the CSV reader builds, carried as a jtbd.v1.Study message;
    # o10 by hand: importance 170 of 176 top box, satisfaction 43 of 179.
    with jtbd.load_csv(str(EXAMPLES / "survey.csv")) as study:
        study_bytes = study.serialize()
    request = scoring_pb2.ScoreRequest()
    request.study.ParseFromString(study_bytes)
    assert len(request.study.respondents) == 180
    request.options.segment_by = "segment"
    report = jtbd.score_request_message(request)
    top = report.outcomes[0]
    assert (top.rank, top.outcome_id) == (1, "o10")
    assert (top.importance_top_box_count, top.importance_count) == (170, 176)
    assert (top.satisfaction_top_box_count, top.satisfaction_count) == \
        (43, 179)
    importance = 10 * 170 / 176
    satisfaction = 10 * 43 / 179
    assert top.opportunity == pytest.approx(
        importance + importance - satisfaction, abs=TOLERANCE)
    assert top.band == report_pb2.BAND_EXTREME
    assert [(s.name, s.respondent_count) for s in report.segments] == \
        [("field", 100), ("office", 80)]


def test_refusals_raise_the_librarys_errors():
    request = small_request()
    request.study.respondents[0].answers[0].importance = 9  # a 1-5 scale
    with pytest.raises(jtbd.InvalidArgumentError,
                       match=r"study\.respondents\[0\]\.answers\[0\]"):
        jtbd.score_request_message(request)
    with pytest.raises(jtbd.ResourceExhaustedError, match="max_respondents"):
        jtbd.score_request_message(small_request(),
                                   limits={"max_respondents": 2})


@pytest.mark.parametrize("not_a_request", [
    None, b"\x0a\x00", report_pb2.Report(), scoring_pb2.ScoringOptions()])
def test_anything_but_a_score_request_is_a_type_error(not_a_request):
    with pytest.raises(TypeError, match="jtbd.v1.ScoreRequest"):
        jtbd.score_request_message(not_a_request)
