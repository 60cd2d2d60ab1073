"""Intervals, segment comparisons, weights and score options (issue 3).

Expected numbers are recomputed here in pure Python (math module only) from
docs/SCORING.md: Wilson intervals of the top-box shares, the delta method
with the covariance of the respondents who answered both, pooled
two-proportion z-tests and Holm's adjustment.
"""

import math

import pytest

import jtbd
from wilson_reference import wilson

Z95 = 1.959963984540054
Z90 = 1.6448536269514722
TOLERANCE = 1e-9

# A small survey, two outcomes, eight respondents in segments x and y;
# None = no answer. (importance, satisfaction) per outcome.
SURVEY = [
    ("x", (5, 1), (4, 4)),
    ("x", (4, 2), (2, 5)),
    ("x", (5, None), (5, 4)),
    ("x", (5, 4), (1, 2)),
    ("y", (2, 4), (5, 1)),
    ("y", (3, 5), (4, 2)),
    ("y", (None, 2), (5, 2)),
    ("y", (4, 4), (5, 1)),
]
OUTCOMES = ("speed", "cost")


def new_survey_study():
    study = jtbd.Study()
    for outcome in OUTCOMES:
        study.add_outcome(outcome)
    respondents, outcomes, importance, satisfaction = [], [], [], []
    for segment, *answers in SURVEY:
        index = study.add_respondent()
        study.set_attribute(index, "segment", segment)
        for outcome, (imp, sat) in enumerate(answers):
            respondents.append(index)
            outcomes.append(outcome)
            importance.append(imp or 0)
            satisfaction.append(sat or 0)
    study.add_answers(respondents, outcomes, importance, satisfaction)
    return study


def pairs(rows, outcome):
    return [answers[outcome] for _, *answers in rows]


def statistics(answer_pairs):
    """Counts, scores and Var(opportunity) by the delta method."""
    imp = [i for i, _ in answer_pairs if i is not None]
    sat = [s for _, s in answer_pairs if s is not None]
    both = [(i, s) for i, s in answer_pairs if i is not None and s is not None]
    n_i, n_s, n_b = len(imp), len(sat), len(both)
    x_i = sum(i >= 4 for i in imp)
    x_s = sum(s >= 4 for s in sat)
    p_i, p_s = x_i / n_i, x_s / n_s
    var_i = 100 * p_i * (1 - p_i) / n_i
    var_s = 100 * p_s * (1 - p_s) / n_s
    p_11 = sum(i >= 4 and s >= 4 for i, s in both) / n_b
    p_i_b = sum(i >= 4 for i, _ in both) / n_b
    p_s_b = sum(s >= 4 for _, s in both) / n_b
    cov = 100 * n_b * (p_11 - p_i_b * p_s_b) / (n_i * n_s)
    importance, satisfaction = 10 * p_i, 10 * p_s
    if importance >= satisfaction:
        var_o = max(4 * var_i + var_s - 4 * cov, 0.0)
    else:
        var_o = var_i
    # The arguments of tests/stats/opportunity_interval_reference.py's
    # interval(): nI, xI, nS, xS and, among those who answered both, nb,
    # x11, xIb, xSb.
    counts = (n_i, x_i, n_s, x_s, n_b,
              sum(i >= 4 and s >= 4 for i, s in both),
              sum(i >= 4 for i, _ in both), sum(s >= 4 for _, s in both))
    return dict(n_i=n_i, x_i=x_i, n_s=n_s, x_s=x_s, importance=importance,
                satisfaction=satisfaction,
                opportunity=importance + max(importance - satisfaction, 0),
                var_o=var_o, counts=counts)


def opportunity_reference():
    """tests/stats/opportunity_interval_reference.py (scipy), by path."""
    pytest.importorskip("scipy")
    import importlib.util
    import os
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                        "..", "..", "tests", "stats",
                        "opportunity_interval_reference.py")
    spec = importlib.util.spec_from_file_location("opportunity_reference",
                                                  path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_interval(actual, expected):
    assert isinstance(actual, jtbd.Interval)
    low, high = actual.low, actual.high
    assert actual.low == low and actual.high == high
    assert abs(low - expected[0]) <= TOLERANCE
    assert abs(high - expected[1]) <= TOLERANCE


def check_outcomes(scores, rows, z):
    by_id = {score.outcome_id: score for score in scores}
    for outcome, outcome_id in enumerate(OUTCOMES):
        score = by_id[outcome_id]
        expected = statistics(pairs(rows, outcome))
        assert abs(score.opportunity - expected["opportunity"]) <= TOLERANCE
        assert_interval(score.importance_interval,
                        wilson(expected["x_i"], expected["n_i"], z))
        assert_interval(score.satisfaction_interval,
                        wilson(expected["x_s"], expected["n_s"], z))
        se = math.sqrt(expected["var_o"])
        assert abs(score.opportunity_standard_error - se) <= TOLERANCE
        assert_interval(score.opportunity_delta_interval,
                        (expected["opportunity"] - z * se,
                         expected["opportunity"] + z * se))


def test_wilson_and_delta_method_recomputed_in_python():
    with new_survey_study() as study:
        report = study.score(segment_by="segment")
    check_outcomes(report.outcomes, SURVEY, Z95)
    for name in ("x", "y"):
        members = [row for row in SURVEY if row[0] == name]
        check_outcomes(report.segments[name].outcomes, members, Z95)
    for score in report.outcomes:
        low = score.opportunity_interval.low
        high = score.opportunity_interval.high
        assert 0 <= low <= score.opportunity <= high <= 20
        bootstrap = score.opportunity_bootstrap_interval
        assert 0 <= bootstrap.low <= bootstrap.high <= 20
        assert 0 <= score.opportunity_at_least_10_probability <= 1
        assert score.importance_effective_count is None  # unweighted


def test_report_says_how_it_was_scored():
    with new_survey_study() as study:
        report = study.score(segment_by="segment")
    assert report.score_method is jtbd.ScoreMethod.ULWICK
    assert report.method == "ulwick_top_box"
    assert report.confidence_level == 0.95
    assert report.bootstrap_resamples == 2000
    assert report.seed == 20240101
    assert report.weighted is False
    assert report.effective_respondent_count == 8
    assert report.segment_by == "segment"
    assert report.unsegmented_respondent_count == 0
    assert report.scale == (1, 5)
    assert report.top_box == 4


def test_confidence_and_no_bootstrap():
    with new_survey_study() as study:
        report = study.score(confidence=0.9, bootstrap=0)
    assert report.confidence_level == 0.9
    assert report.bootstrap_resamples == 0
    check_outcomes(report.outcomes, SURVEY, Z90)
    for score in report.outcomes:
        assert score.opportunity_bootstrap_interval is None
        assert score.opportunity_at_least_10_probability is None
        assert (score.opportunity_interval.low <= score.opportunity
                <= score.opportunity_interval.high)
    assert (report.opportunity_interval_method
            is jtbd.OpportunityIntervalMethod.MOMENT_SELECTION)


def test_seed_reproduces_the_bootstrap():
    with new_survey_study() as study:
        first = study.score(seed=5, bootstrap=300)
        again = study.score(seed=5, bootstrap=300)
        other = study.score(seed=6, bootstrap=300)
    assert first.seed == 5 and first.bootstrap_resamples == 300
    assert first.outcomes == again.outcomes
    assert [s.opportunity_bootstrap_interval for s in first.outcomes] != [
        s.opportunity_bootstrap_interval for s in other.outcomes]
    assert [s.opportunity_interval for s in first.outcomes] == [
        s.opportunity_interval for s in other.outcomes]
    assert [s.importance_interval for s in first.outcomes] == [
        s.importance_interval for s in other.outcomes]


def pooled_p(x1, n1, x2, n2):
    pooled = (x1 + x2) / (n1 + n2)
    z = (x1 / n1 - x2 / n2) / math.sqrt(
        pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return z, math.erfc(abs(z) / math.sqrt(2))


def holm(p_values):
    order = sorted(range(len(p_values)), key=lambda k: p_values[k])
    adjusted, running = [0.0] * len(p_values), 0.0
    for rank, k in enumerate(order):
        running = max(running, min(1.0, (len(p_values) - rank) * p_values[k]))
        adjusted[k] = running
    return adjusted


def plain_wilson(p, n, z=Z95):
    """Wilson's interval of a share, without the boundary modification
    (Newcombe's method is defined on plain Wilson limits)."""
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return max(0.0, c - h), min(1.0, c + h)


def newcombe(p1, n1, p2, n2):
    """Newcombe's hybrid score interval of p1 - p2 at 95%."""
    l1, u1 = plain_wilson(p1, n1)
    l2, u2 = plain_wilson(p2, n2)
    d = p1 - p2
    return (d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
            d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2))


def test_segments_compared_with_the_rest():
    # Holm's family is every segment's outcomes together, per measure
    # (docs/SCORING.md): adjusted here over both segments at once.
    with new_survey_study() as study:
        report = study.score(segment_by="segment")
    assert report.p_value_adjustment == jtbd.PValueAdjustment.HOLM
    reference = opportunity_reference()
    importance_p, opportunity_p, tested = [], [], []
    for name in ("x", "y"):
        inside = [row for row in SURVEY if row[0] == name]
        rest = [row for row in SURVEY if row[0] != name]
        assert report.segments[name].rest_respondent_count == 4
        assert report.segments[name].effective_respondent_count == 4
        comparisons = report.segments[name].comparisons
        assert [c.outcome_id for c in comparisons] == [
            s.outcome_id for s in report.segments[name].outcomes]
        for c in comparisons:
            outcome = OUTCOMES.index(c.outcome_id)
            a = statistics(pairs(inside, outcome))
            b = statistics(pairs(rest, outcome))
            assert abs(c.rest_importance - b["importance"]) <= TOLERANCE
            assert abs(c.rest_opportunity - b["opportunity"]) <= TOLERANCE
            assert abs(c.importance_difference -
                       (a["importance"] - b["importance"])) <= TOLERANCE
            z, p = pooled_p(a["x_i"], a["n_i"], b["x_i"], b["n_i"])
            assert abs(c.importance_test.z - z) <= TOLERANCE
            assert abs(c.importance_test.p_value - p) <= TOLERANCE
            importance_p.append(p)
            difference = a["opportunity"] - b["opportunity"]
            assert abs(c.opportunity_difference - difference) <= TOLERANCE
            # Opportunity: MOVER on the two moment-selection intervals, and
            # the test that interval inverted (docs/SCORING.md,
            # "Opportunity differences").
            low, high = reference.difference_interval(
                a["counts"], b["counts"], (1 - 0.95) / 2)
            assert_interval(c.opportunity_difference_interval, (low, high))
            assert isinstance(c.opportunity_test, jtbd.SignificanceTest)
            assert reference.is_inverted(a["counts"], b["counts"],
                                         c.opportunity_test.z)
            assert abs(c.opportunity_test.p_value - math.erfc(
                abs(c.opportunity_test.z) / math.sqrt(2))) <= TOLERANCE
            low, high = newcombe(a["x_i"] / a["n_i"], a["n_i"],
                                 b["x_i"] / b["n_i"], b["n_i"])
            assert_interval(c.importance_difference_interval,
                            (10 * low, 10 * high))
            low, high = newcombe(a["x_s"] / a["n_s"], a["n_s"],
                                 b["x_s"] / b["n_s"], b["n_s"])
            assert_interval(c.satisfaction_difference_interval,
                            (10 * low, 10 * high))
            opportunity_p.append(c.opportunity_test.p_value)
            tested.append((name, c))
    for (name, c), adjusted_i, adjusted_o in zip(
            tested, holm(importance_p), holm(opportunity_p)):
        assert abs(c.importance_test.holm_adjusted_p_value -
                   adjusted_i) <= TOLERANCE
        assert abs(c.opportunity_test.holm_adjusted_p_value -
                   adjusted_o) <= TOLERANCE
        # Under Holm's the deciding p-value is Holm's.
        assert abs(c.opportunity_adjusted_p_value - adjusted_o) <= TOLERANCE
        more = c.opportunity_difference > 0 and adjusted_o < 0.05
        assert c.more_underserved is more
    for name in ("x", "y"):
        expected = tuple(c.outcome_id for n, c in tested
                         if n == name and c.more_underserved)
        assert report.segments[name].more_underserved == expected


def benjamini_hochberg(p_values):
    order = sorted(range(len(p_values)), key=lambda k: p_values[k],
                   reverse=True)
    adjusted, running, m = [0.0] * len(p_values), 1.0, len(p_values)
    for rank, k in enumerate(order):
        running = min(running, p_values[k] * m / (m - rank))
        adjusted[k] = running
    return adjusted


def test_benjamini_hochberg_on_request():
    with new_survey_study() as study:
        holm_report = study.score(segment_by="segment")
        report = study.score(segment_by="segment", adjust="bh")
    assert report.p_value_adjustment == jtbd.PValueAdjustment.BH
    tested = [c for name in ("x", "y")
              for c in report.segments[name].comparisons]
    expected = benjamini_hochberg([c.opportunity_test.p_value
                                   for c in tested])
    for c, adjusted in zip(tested, expected):
        assert abs(c.opportunity_adjusted_p_value - adjusted) <= TOLERANCE
        assert c.more_underserved is (c.opportunity_difference > 0 and
                                      adjusted < 0.05)
    # Holm's figure stays Holm's under either choice.
    holm_tested = [c for name in ("x", "y")
                   for c in holm_report.segments[name].comparisons]
    for c, h in zip(tested, holm_tested):
        assert c.opportunity_test.holm_adjusted_p_value == \
            h.opportunity_test.holm_adjusted_p_value
    with pytest.raises(jtbd.InvalidArgumentError, match="adjust"):
        with new_survey_study() as study:
            study.score(adjust="bonferroni")


def test_clearly_different_segments_are_more_underserved():
    # 40 respondents per segment: x finds "speed" important and unmet
    # (36 of 40 rate it 5 / 1), y does not (10 of 40); "cost" is the same
    # everywhere.
    with jtbd.Study() as study:
        study.add_outcome("speed")
        study.add_outcome("cost")
        first = study.add_respondents(80)
        respondents, outcomes, importance, satisfaction = [], [], [], []
        for r in range(80):
            segment = "x" if r < 40 else "y"
            study.set_attribute(first + r, "segment", segment)
            unmet = r % 10 != 0 if segment == "x" else r % 4 == 0
            speed = (5, 1) if unmet else (2, 5)
            cost = (4, 4) if r % 2 else (2, 2)
            for outcome, (imp, sat) in enumerate((speed, cost)):
                respondents.append(first + r)
                outcomes.append(outcome)
                importance.append(imp)
                satisfaction.append(sat)
        study.add_answers(respondents, outcomes, importance, satisfaction)
        report = study.score(segment_by="segment", bootstrap=0)
    assert {name: segment.more_underserved for name, segment in
            report.segments.items()} == {"x": ("speed",), "y": ()}
    speed_x = report.segments["x"].comparisons[0]
    assert speed_x.outcome_id == "speed" and speed_x.more_underserved
    # x: I = 9, S = 1, O = 17; y: I = 2.5 < S = 7.5, O = 2.5.
    assert speed_x.opportunity_difference == pytest.approx(17 - 2.5)
    assert speed_x.opportunity_test.holm_adjusted_p_value < 1e-6
    # Equal shares on both sides: z = 0, p = 1.
    cost_x = report.segments["x"].comparisons[1]
    assert cost_x.importance_test.z == 0
    assert cost_x.importance_test.p_value == 1


# One outcome; (importance, satisfaction, weight): (5, 2, 1), (5, 2, 3),
# (2, 5, 1), (2, 5, 1). By hand: W = 6, I = 10 x 4/6, S = 10 x 2/6,
# Kish n = 36 / 12 = 3.
WEIGHTED = [(5, 2, 1.0), (5, 2, 3.0), (2, 5, 1.0), (2, 5, 1.0)]


def assert_weighted(report):
    score = report.outcomes[0]
    assert score.importance == pytest.approx(20 / 3, abs=1e-12)
    assert score.satisfaction == pytest.approx(10 / 3, abs=1e-12)
    assert score.importance_count == 4  # counts stay unweighted
    assert score.importance_effective_count == pytest.approx(3, abs=1e-12)
    assert score.satisfaction_effective_count == pytest.approx(3, abs=1e-12)
    assert_interval(score.importance_interval, wilson(2, 3, Z95))
    assert report.weighted is True
    assert report.effective_respondent_count == pytest.approx(3, abs=1e-12)


def test_study_weights():
    with jtbd.Study() as study:
        study.add_outcome("o1")
        study.add_respondents(4)
        study.add_answers(range(4), [0] * 4, [r[0] for r in WEIGHTED],
                          [r[1] for r in WEIGHTED])
        for bad in (0, -1, float("nan"), float("inf")):
            with pytest.raises(jtbd.InvalidArgumentError,
                               match="finite and greater than 0"):
                study.set_weight(1, bad)
        with pytest.raises(jtbd.OutOfRangeError):
            study.set_weight(4, 2.0)
        with pytest.raises(TypeError):
            study.set_weight(0, "2")
        assert study.score().weighted is False
        for index, (_, _, weight) in enumerate(WEIGHTED):
            study.set_weight(index, weight)
        assert_weighted(study.score())


def test_weighted_aggregate_and_options():
    with jtbd.Aggregate() as aggregate:
        aggregate.add_outcome("o1")
        with pytest.raises(jtbd.InvalidArgumentError, match="3 weights"):
            aggregate.add_respondents([5, 5, 2, 2], [2, 2, 5, 5],
                                      weights=[1, 3, 1])
        with pytest.raises(jtbd.InvalidArgumentError, match="weights\\[1\\]"):
            aggregate.add_respondents([5, 5, 2, 2], [2, 2, 5, 5],
                                      weights=[1, 0, 1, 1])
        assert aggregate.respondent_count == 0
        aggregate.add_respondents([r[0] for r in WEIGHTED],
                                  [r[1] for r in WEIGHTED],
                                  weights=[r[2] for r in WEIGHTED])
        assert_weighted(aggregate.score())
        report = aggregate.score(confidence=0.9, bootstrap=0, seed=3,
                                 method="olsen")
        assert report.score_method is jtbd.ScoreMethod.OLSEN
        assert report.method == "olsen"
        assert report.confidence_level == 0.9
        assert report.bootstrap_resamples == 0
        assert report.seed == 3
        assert report.segments == {}
        score = report.outcomes[0]
        assert score.opportunity == pytest.approx((20 / 3 / 10) *
                                                  (1 - 10 / 3 / 10))
        assert score.band == "unspecified"
        restored = jtbd.Aggregate.parse(aggregate.serialize())
    with restored:
        assert_weighted(restored.score())


def test_aggregate_scores_like_its_study():
    with new_survey_study() as study:
        with study.aggregate() as aggregate:
            from_aggregate = aggregate.score(seed=9, method="top-box-only")
        from_study = study.score(seed=9, method=jtbd.ScoreMethod.TOP_BOX_ONLY)
    assert from_aggregate.outcomes == from_study.outcomes
    assert from_aggregate.top_box == 5  # only the highest rating counts


@pytest.mark.parametrize("method, expected", [
    ("ulwick", jtbd.ScoreMethod.ULWICK),
    ("mean", jtbd.ScoreMethod.MEAN),
    ("OLSEN", jtbd.ScoreMethod.OLSEN),
    ("top-box-only", jtbd.ScoreMethod.TOP_BOX_ONLY),
    ("top_box_only", jtbd.ScoreMethod.TOP_BOX_ONLY),
    (jtbd.ScoreMethod.MEAN, jtbd.ScoreMethod.MEAN),
    (0, jtbd.ScoreMethod.ULWICK),
])
def test_method_names(method, expected):
    with new_survey_study() as study:
        assert study.score(method=method, bootstrap=0).score_method is expected


def test_mean_method_rescales_mean_ratings():
    with new_survey_study() as study:
        report = study.score(method="mean", bootstrap=0)
    by_id = {score.outcome_id: score for score in report.outcomes}
    for outcome, outcome_id in enumerate(OUTCOMES):
        imp = [i for i, _ in pairs(SURVEY, outcome) if i is not None]
        sat = [s for _, s in pairs(SURVEY, outcome) if s is not None]
        importance = 10 * (sum(imp) / len(imp) - 1) / 4
        satisfaction = 10 * (sum(sat) / len(sat) - 1) / 4
        score = by_id[outcome_id]
        assert score.importance == pytest.approx(importance, abs=1e-12)
        assert score.satisfaction == pytest.approx(satisfaction, abs=1e-12)
        assert score.opportunity == pytest.approx(
            importance + max(importance - satisfaction, 0), abs=1e-12)


@pytest.mark.parametrize("options, error, match", [
    (dict(confidence=1.0), jtbd.InvalidArgumentError, "between 0 and 1"),
    (dict(confidence=0), jtbd.InvalidArgumentError, "between 0 and 1"),
    (dict(confidence=float("nan")), jtbd.InvalidArgumentError, "0 and 1"),
    (dict(confidence="0.9"), TypeError, "confidence"),
    (dict(bootstrap=1000001), jtbd.InvalidArgumentError, "1000000"),
    (dict(bootstrap=2 ** 32), jtbd.InvalidArgumentError, "bootstrap"),
    (dict(bootstrap=-1), jtbd.OutOfRangeError, "bootstrap"),
    (dict(seed=-1), jtbd.OutOfRangeError, "seed"),
    (dict(seed=2 ** 64), jtbd.InvalidArgumentError, "seed"),
    (dict(method="maxdiff"), jtbd.InvalidArgumentError, "maxdiff"),
    (dict(method=7), jtbd.InvalidArgumentError, "jtbd_score_method"),
])
def test_bad_options_are_refused(options, error, match):
    with new_survey_study() as study:
        with pytest.raises(error, match=match):
            study.score(**options)
        with study.aggregate() as aggregate:
            with pytest.raises(error, match=match):
                aggregate.score(**options)


def test_largest_seed_is_accepted():
    with new_survey_study() as study:
        assert study.score(seed=2 ** 64 - 1, bootstrap=10).seed == 2 ** 64 - 1


def test_outcome_score_stays_constructible_positionally():
    # Fields were appended with defaults: 1.0-style construction still
    # works and leaves the statistics None.
    score = jtbd.OutcomeScore("o1", "", 1.0, 2.0, 1.0, "overserved", 1, 1, 0,
                              1, 0, 1, 0)
    assert score.opportunity_interval is None
    assert score.opportunity_at_least_10_probability is None


def test_none_leaves_options_at_their_defaults():
    with new_survey_study() as study:
        report = study.score(confidence=None, bootstrap=None, seed=None)
    assert report.confidence_level == 0.95
    assert report.bootstrap_resamples == 2000
    assert report.seed == 20240101
