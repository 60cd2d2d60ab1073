"""One record idiom: every record the binding hands out is a frozen
dataclass of plain values and tuples, equal by value and valid after the
object it came from is closed."""

import dataclasses

import pytest

import jtbd

RECORDS = [jtbd.OutcomeScore, jtbd.Interval, jtbd.SignificanceTest,
           jtbd.SolutionScore, jtbd.Segment, jtbd.SegmentComparison,
           jtbd.Screening, jtbd.ScreeningSummary, jtbd.ScreenedRespondent,
           jtbd.SegmentCandidate, jtbd.SegmentProfile, jtbd.SegmentAssignment,
           jtbd.AttributeOverrepresentation]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.__name__)
def test_every_record_is_a_frozen_dataclass(record):
    assert dataclasses.is_dataclass(record)
    assert record.__dataclass_params__.frozen
    for field in dataclasses.fields(record):
        assert "List" not in str(field.type), (record, field.name)


def test_a_segmented_report_is_records_all_the_way_down():
    with jtbd.Study() as study:
        study.add_outcome("o1")
        for respondent, (segment, importance, satisfaction) in enumerate(
                [("x", 5, 1), ("x", 5, 2), ("y", 2, 5), ("y", 1, 5)]):
            study.add_respondent("r%d" % respondent)
            study.set_attribute(respondent, "segment", segment)
            study.add_answers([respondent], [0], [importance], [satisfaction])
        report = study.score(segment_by="segment", bootstrap=0)
    x = report.segments["x"]
    assert isinstance(x, jtbd.Segment)
    # Importance of x: 2 of 2 top box = 10; satisfaction 0 of 2 = 0;
    # opportunity 10 + max(10 - 0, 0) = 20. The rest (y): 0, 10, 0.
    assert (x.name, x.respondent_count, x.rest_respondent_count,
            x.effective_respondent_count) == ("x", 2, 2, 2.0)
    (score,) = x.outcomes
    assert (score.importance, score.satisfaction, score.opportunity) == (
        10.0, 0.0, 20.0)
    (comparison,) = x.comparisons
    assert (comparison.rest_importance, comparison.rest_satisfaction,
            comparison.rest_opportunity) == (0.0, 10.0, 0.0)
    assert comparison.opportunity_difference == 20.0
    assert isinstance(score.importance_interval, jtbd.Interval)
    with pytest.raises(dataclasses.FrozenInstanceError):
        score.importance = 0
    with pytest.raises(dataclasses.FrozenInstanceError):
        x.outcomes = ()
    report.close()
    assert report.segments["x"] == x  # plain data, kept after close()
    assert hash(score.importance_interval) == hash(
        jtbd.Interval(score.importance_interval.low,
                      score.importance_interval.high))
