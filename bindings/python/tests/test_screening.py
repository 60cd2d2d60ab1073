"""Screening through the Python binding: jtbd.Screening, Study.set_duration,
Report.screening, the duration_column read option."""

import pytest

import jtbd


def three_respondents():
    """'steady' varied (200 s), 'same' rates importance 3 and satisfaction 4
    on all six outcomes (values nobody else gives: each battery has chance
    (1/3)^6 under independent answering, both 1.9e-6 <= 0.001), 'fast'
    varied in 20 s (below a third of the median 200 s)."""
    study = jtbd.Study()
    outcomes = ("a", "b", "c", "d", "e", "f")
    for outcome in outcomes:
        study.add_outcome(outcome)
    for index, (name, seconds) in enumerate(
            [("steady", 200), ("same", 210), ("fast", 20)]):
        study.add_respondent(name)
        study.set_duration(index, seconds)
    importance = [5, 4, 1, 2, 5, 4] + [3] * 6 + [2, 5, 4, 1, 2, 5]
    satisfaction = [1, 2, 3, 5, 1, 2] + [4] * 6 + [5, 3, 2, 1, 5, 3]
    study.add_answers([r for r in range(3) for _ in outcomes],
                      [o for _ in range(3) for o in range(len(outcomes))],
                      importance, satisfaction)
    return study


def test_flags_then_excludes():
    with three_respondents() as study:
        report = study.score(bootstrap=0,
                             screening=jtbd.Screening(min_ratings=3))
        summary = report.screening
        assert summary.excluded is False
        assert report.respondent_count == 3
        assert summary.median_duration_seconds == 200
        assert summary.speed_threshold_seconds == pytest.approx(200 / 3)
        assert summary.speed_min_seconds is None
        assert [(r.respondent_id, r.index, r.reasons)
                for r in summary.respondents] == [
                    ("same", 1, ("straight_lining",)),
                    ("fast", 2, ("speeding",))]
        assert summary.respondents[1].duration_seconds == 20

        excluded = study.score(
            bootstrap=0,
            screening=jtbd.Screening(exclude=True, min_ratings=3))
        assert excluded.screening.excluded is True
        # Only 'steady': outcome a = (5, 1): I = 10, S = 0, O = 20.
        assert excluded.respondent_count == 1
        assert excluded.outcomes[0].outcome_id == "a"
        assert excluded.outcomes[0].opportunity == 20

        assert study.score(bootstrap=0).screening is None
        # True asks for the defaults (at least 5 equal ratings).
        defaults = study.score(bootstrap=0, screening=True).screening
        assert [r.respondent_id for r in defaults.respondents] == [
            "same", "fast"]


def test_refusals():
    with three_respondents() as study:
        with pytest.raises(jtbd.InvalidArgumentError,
                           match="speed_median_fraction"):
            study.score(screening=jtbd.Screening(speed_fraction=1.5))
        with pytest.raises(jtbd.InvalidArgumentError, match="duration -1"):
            study.set_duration(0, -1)
        with pytest.raises(TypeError):
            study.score(screening="yes")


def test_duration_column_read_option():
    study = jtbd.read_csv(
        "id,t,imp_a,sat_a,imp_b,sat_b\nr1,300,5,1,4,2\nr2,30,2,2,3,4\n"
        "r3,400,4,4,1,5\n", duration_column="t")
    report = study.score(bootstrap=0, screening=True)
    assert [r.respondent_id for r in report.screening.respondents] == ["r2"]
    assert report.screening.duration_count == 3
    with pytest.raises(jtbd.InvalidArgumentError,
                       match=r'line 2, column 2 \("t"\): duration "x"'):
        jtbd.read_csv("id,t,imp_a,sat_a\nr1,x,5,1\n", duration_column="t")
