"""Roadmaps (prioritize, prioritize_survey, prioritize_aggregate): the
report of `jtbd prioritize` read into records; files, text and aggregates
agree; refusals raise jtbd.Error."""

import json

import pytest

import jtbd
from conftest import EXAMPLES

SURVEY = EXAMPLES / "survey.csv"
INITIATIVES = EXAMPLES / "initiatives.csv"


def test_records():
    roadmap = jtbd.prioritize(SURVEY, INITIATIVES, budget=100, resamples=20,
                              seed=7, frontier=[50, 100])
    roadmap.close()  # the records outlive the native roadmap
    assert roadmap.optimal and roadmap.gap == 0
    assert 0 < roadmap.cost <= roadmap.budget == 100
    assert roadmap.resamples == 20
    chosen = [i for i in roadmap.initiatives if i.selected]
    assert sorted(i.name for i in chosen) == sorted(roadmap.selected)
    assert sum(i.cost for i in chosen) == pytest.approx(roadmap.cost)
    for initiative in roadmap.initiatives:
        assert isinstance(initiative, jtbd.RoadmapInitiative)
        assert 0 <= initiative.chosen_share <= 1
        if initiative.selected:
            assert initiative.marginal_value == pytest.approx(
                roadmap.value - initiative.value_without)
        else:
            assert initiative.marginal_value is None
    assert [p.budget for p in roadmap.frontier] == [50, 100]
    assert roadmap.frontier[1].value == pytest.approx(roadmap.value)
    assert len(roadmap.frontier[1].selected) == len(roadmap.selected)


def test_contributions_equal_the_json_report():
    roadmap = jtbd.prioritize(SURVEY, INITIATIVES, budget=100, resamples=0)
    report = json.loads(roadmap.to_json())
    assert len(roadmap.contributions) == len(report["contributions"]) > 0
    fields = {"outcome_id": "outcomeId", "weight": "weight",
              "importance": "importance",
              "satisfaction_before": "satisfactionBefore",
              "satisfaction_after": "satisfactionAfter",
              "opportunity_before": "opportunityBefore",
              "opportunity_after": "opportunityAfter", "value": "value"}
    raised = 0
    for record, item in zip(roadmap.contributions, report["contributions"]):
        assert isinstance(record, jtbd.OutcomeContribution)
        for name, key in fields.items():
            assert getattr(record, name) == item.get(key, 0), name
        assert record.segment == item.get("segment", "")
        assert record.initiatives == tuple(item.get("initiatives", ()))
        assert set(record.initiatives) <= set(roadmap.selected)
        raised += bool(record.initiatives)
    assert raised > 0
    assert sum(c.value for c in roadmap.contributions) == pytest.approx(
        roadmap.value)


def test_files_text_and_aggregate_agree():
    from_files = jtbd.prioritize(SURVEY, INITIATIVES, budget=80,
                                 resamples=10)
    from_text = jtbd.prioritize_survey(
        SURVEY.read_text(encoding="utf-8"),
        INITIATIVES.read_text(encoding="utf-8"), budget=80, resamples=10)
    from_aggregate = jtbd.prioritize_aggregate(
        jtbd.load_aggregate(SURVEY), INITIATIVES.read_text(encoding="utf-8"),
        budget=80, resamples=10)
    assert from_text.to_json() == from_files.to_json()
    assert from_aggregate.to_json() == from_files.to_json()
    assert '"selected"' in from_files.to_json()
    by_segment = jtbd.prioritize(SURVEY, INITIATIVES, budget=80,
                                 resamples=0, segment_by="segment")
    assert by_segment.segment_by == "segment"
    assert all(i.chosen_share is None for i in by_segment.initiatives)


def test_refusals():
    with pytest.raises(jtbd.InvalidArgumentError, match="budget is -1"):
        jtbd.prioritize(SURVEY, INITIATIVES, budget=-1)
    with pytest.raises(TypeError):
        jtbd.prioritize(SURVEY, INITIATIVES)  # budget is required
    with pytest.raises(jtbd.InvalidArgumentError, match="plan: line 2"):
        jtbd.prioritize_survey(SURVEY.read_text(encoding="utf-8"),
                               "initiative,cost,outcome,uplift\nx,5,o99,1\n",
                               initiatives_name="plan", budget=10)
    with pytest.raises(jtbd.NotFoundError, match="region"):
        jtbd.prioritize(SURVEY, INITIATIVES, budget=10, segment_by="region")
    with pytest.raises(jtbd.NotFoundError):
        jtbd.prioritize(SURVEY, "/nonexistent.csv", budget=10)
