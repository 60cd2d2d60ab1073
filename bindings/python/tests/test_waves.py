"""Waves compared (compare_waves, compare_survey_files, compare_surveys):
`jtbd compare`'s comparison (its golden output), read into records;
aggregates, files and text agree; refusals raise jtbd.Error."""

import pytest

import jtbd
from conftest import EXAMPLES, SOURCE_DIR

FIRST = EXAMPLES / "survey.csv"
SECOND = EXAMPLES / "survey_wave2.csv"


def golden_stdout(name):
    text = (SOURCE_DIR / "tests" / "data" / "golden" /
            (name + ".out")).read_bytes().decode("utf-8")
    start = text.index("--- stdout\n") + len("--- stdout\n")
    return text[start:text.index("--- stderr", start)]


def test_files_render_as_the_command():
    comparison = jtbd.compare_survey_files(FIRST, SECOND,
                                           segment_by="segment")
    assert comparison.to_json() == golden_stdout("compare_segments_json")
    adjusted = jtbd.compare_survey_files(FIRST, SECOND, adjust="bh",
                                         confidence=0.9)
    assert adjusted.to_csv() == golden_stdout("compare_bh_csv")
    assert adjusted.confidence_level == 0.9
    assert adjusted.p_value_adjustment == jtbd.PValueAdjustment.BH


def test_records():
    comparison = jtbd.compare_survey_files(FIRST, SECOND,
                                           segment_by="segment")
    comparison.close()  # the records outlive the native comparison
    assert comparison.first_respondent_count == 180
    assert comparison.second_respondent_count == 200
    assert comparison.segment_by == "segment"
    assert comparison.scale == (1, 5)
    assert comparison.score_method == jtbd.ScoreMethod.ULWICK
    change = comparison.changes[0]
    assert isinstance(change, jtbd.OutcomeChange)
    assert change.outcome_id == "o01"
    assert change.first.importance_count == 178
    assert change.second.satisfaction == 4.45
    assert change.importance.interval_method == (
        jtbd.DifferenceIntervalMethod.NEWCOMBE_HYBRID_SCORE)
    opportunity = change.opportunity
    assert opportunity.difference == pytest.approx(
        change.second.opportunity - change.first.opportunity)
    assert opportunity.interval.low <= opportunity.difference
    assert opportunity.adjusted_p_value >= opportunity.p_value
    assert isinstance(change.band_before, str)
    assert sorted(comparison.segments) == ["field", "office"]
    for name, segment in comparison.segments.items():
        assert segment.name == name
        assert len(segment.changes) == len(comparison.changes)
        assert segment.first_respondent_count > 0


def test_aggregates_text_and_saved_files_agree(tmp_path):
    first = jtbd.load_aggregate(FIRST)
    second = jtbd.load_aggregate(SECOND)
    from_aggregates = jtbd.compare_waves(first, second)
    from_files = jtbd.compare_survey_files(FIRST, SECOND)
    from_text = jtbd.compare_surveys(FIRST.read_text(encoding="utf-8"),
                                     SECOND.read_text(encoding="utf-8"))
    assert from_aggregates.to_json() == from_files.to_json()
    assert from_text.to_json() == from_files.to_json()
    saved = tmp_path / "q1.jtbdagg"
    first.save(saved)
    from_saved = jtbd.compare_survey_files(saved, SECOND)
    assert from_saved.to_table() == golden_stdout("compare_table")


def test_one_wave_outcomes():
    comparison = jtbd.compare_surveys(
        "respondent_id,imp_o1,sat_o1,imp_o2,sat_o2\nr1,5,2,4,4\nr2,4,1,5,3\n",
        "respondent_id,imp_o1,sat_o1\nr1,5,5\nr2,4,4\n")
    assert [c.outcome_id for c in comparison.changes] == ["o1"]
    assert comparison.one_wave_outcomes == {"o2": jtbd.Wave.FIRST}


def test_refusals():
    first = jtbd.load_aggregate(FIRST)
    second = jtbd.load_aggregate(SECOND)
    with pytest.raises(jtbd.InvalidArgumentError, match="adjust"):
        jtbd.compare_waves(first, second, adjust="none")
    with pytest.raises(jtbd.InvalidArgumentError, match="crm: line 2"):
        jtbd.compare_surveys("respondent_id,imp_o1,sat_o1\nr1,5,1\n",
                             "respondent_id,imp_o1,sat_o1\nr1,9,1\n",
                             second_name="crm")
    with pytest.raises(jtbd.FailedPreconditionError):
        jtbd.compare_surveys("respondent_id,imp_o1,sat_o1\nr1,5,1\n",
                             "respondent_id,imp_o9,sat_o9\nr1,5,1\n")
    with pytest.raises(jtbd.NotFoundError):
        jtbd.compare_survey_files(FIRST, "/nonexistent.csv")
    with pytest.raises(TypeError):
        jtbd.compare_waves(first, "not an aggregate")
