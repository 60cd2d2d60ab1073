"""Competing solutions through the Python binding: Study.add_solution,
add_solution_answers, and the report's SolutionScore values and best
solution, against numbers computed here by hand."""

import math

import pytest

import jtbd
from wilson_reference import wilson


def five_respondents():
    """Outcome "o1": importance 5 from all (I = 10); ours 4, 4, 2, 2, 2
    (S = 4); Acme 5, 1, 5, 5, 1 (S_A = 6); Beta declared, never rated.
    Group "x" for r0-r1, "y" for r2-r4."""
    study = jtbd.Study()
    study.add_outcome("o1")
    study.add_respondents(5)
    assert study.add_solution("Acme") == 0
    assert study.add_solution("Beta") == 1
    assert study.add_solution("ACME") == 0
    assert study.solution_count == 2
    study.add_answers([0, 1, 2, 3, 4], [0] * 5, [5] * 5, [4, 4, 2, 2, 2])
    study.add_solution_answers([0, 1, 2, 3, 4], [0] * 5, [0] * 5,
                               [5, 1, 5, 5, 1])
    for r in range(5):
        study.set_attribute(r, "group", "x" if r < 2 else "y")
    return study


def test_solution_scores_and_best():
    with five_respondents() as study:
        report = study.score(bootstrap=0)
    assert report.solutions == ("Acme", "Beta")
    outcome = report.outcomes[0]
    acme, beta = outcome.solutions
    assert isinstance(acme, jtbd.SolutionScore)
    assert (acme.solution, acme.count, acme.top_box_count,
            acme.both_count) == ("Acme", 5, 3, 5)
    assert acme.satisfaction == 6.0
    low, high = wilson(3, 5, 1.959963984540054)
    assert acme.satisfaction_interval.low == pytest.approx(low, abs=1e-12)
    assert acme.satisfaction_interval.high == pytest.approx(high, abs=1e-12)
    assert acme.opportunity == 14.0  # extension: 10 + (10 - 6)
    assert acme.satisfaction_gap == 2.0
    # Var(S_A) = Var(S) = 4.8; covariance of the paired scores -4 over 5
    # respondents: Cov = -4 x 5 / 25 = -0.8, so Var(gap) = 11.2.
    z = 2 / math.sqrt(11.2)
    assert acme.satisfaction_gap_test.z == pytest.approx(z, abs=1e-12)
    assert acme.satisfaction_gap_test.p_value == pytest.approx(
        math.erfc(z / math.sqrt(2)), abs=1e-12)
    assert beta.count == 0 and beta.satisfaction is None
    assert beta.satisfaction_interval is None
    assert outcome.best_solution == "Acme"
    assert outcome.best_solution_gap == 2.0
    assert outcome.satisfaction_target == 7.2
    assert outcome.best_solution_gap_test.z == pytest.approx(z, abs=1e-12)


def test_segments_have_their_own():
    with five_respondents() as study:
        report = study.score(segment_by="group", bootstrap=0)
    # x: Acme 5, 1 -> 5.0, ours 4, 4 -> 10; y: Acme 5, 5, 1 -> 6.7, ours 0.
    x = report.segments["x"].outcomes[0]
    y = report.segments["y"].outcomes[0]
    assert x.solutions[0].satisfaction == 5.0
    assert x.best_solution_gap == -5.0
    assert x.satisfaction_target == 6.0
    assert y.solutions[0].satisfaction == pytest.approx(20 / 3)
    assert y.best_solution_gap == pytest.approx(20 / 3)


def test_refused_batches_change_nothing():
    with five_respondents() as study:
        with pytest.raises(jtbd.InvalidArgumentError,
                           match=r"outcomes\[1\] = 3 is out of range"):
            study.add_solution_answers([0, 1], [1, 1], [0, 3], [4, 4])
        with pytest.raises(jtbd.InvalidArgumentError,
                           match="same length"):
            study.add_solution_answers([0], [1, 1], [0], [4])
        with pytest.raises(jtbd.InvalidArgumentError):
            study.add_solution("")
        report = study.score(bootstrap=0)
    assert report.outcomes[0].solutions[1].count == 0


def test_reports_without_solutions_have_none():
    with jtbd.Study() as study:
        study.add_outcome("o")
        study.add_respondents(1)
        study.add_answers([0], [0], [5], [1])
        report = study.score(bootstrap=0)
    assert report.solutions == ()
    assert report.outcomes[0].solutions == ()
    assert report.outcomes[0].best_solution == ""
    assert report.outcomes[0].satisfaction_target is None
