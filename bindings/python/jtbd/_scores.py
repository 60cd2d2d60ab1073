"""The records of a report: scores, intervals, tests, comparisons, solutions
and segments, each a frozen dataclass read from its jtbd.h struct."""

import dataclasses
import typing

import ctypes

from . import _ffi, _native
from ._ffi import (BestSolutionHas, ComparisonHas, PValueAdjustment, ScoreHas,
                   SolutionHas, WarningCode, WarningHas)
from ._record import Record, converted, extra, new_struct, optional, record

__all__ = [
    "Interval", "OutcomeScore", "ReportWarning", "Segment",
    "SegmentComparison", "SignificanceTest", "SolutionScore"
]

_band_names = {}


def band_name(band):
    """The library's name of a jtbd_band value ("high", ...)."""
    name = _band_names.get(band)
    if name is None:
        name = _native.string_at(_native.library().jtbd_band_name(band))
        _band_names[band] = name
    return name


@record("jtbd_interval")
class Interval(Record):
    """A two-sided confidence interval at the report's confidence level."""

    low: float
    high: float


@record("jtbd_significance_test")
class SignificanceTest(Record):
    """A test: z (segment minus rest, or the gap, over its standard
    error), p_value, and holm_adjusted_p_value (segment comparisons: per
    measure across segments x outcomes; attribute values: across the
    attribute's values; competitor gaps: across the outcomes)."""

    z: float
    p_value: float
    holm_adjusted_p_value: float


@record("jtbd_solution_score")
class SolutionScore(Record):
    """One competing solution on one outcome (jtbd_solution_score): count
    respondents rated it, top_box_count of them top box, both_count also
    rated our satisfaction. satisfaction (10 x top-box share among its
    raters) and satisfaction_interval (Wilson) are None when nobody rated
    it; effective_count (Kish) only in weighted reports; opportunity is an
    extension, not ODI practice: importance + max(importance -
    satisfaction, 0); satisfaction_gap is its satisfaction minus ours, with
    satisfaction_gap_test (not adjusted)."""

    solution: str
    count: int
    top_box_count: int
    both_count: int
    satisfaction: typing.Optional[float] = optional(SolutionHas.SATISFACTION,
                                                    default=None)
    satisfaction_interval: typing.Optional[Interval] = optional(
        SolutionHas.SATISFACTION, default=None)
    effective_count: typing.Optional[float] = optional(
        SolutionHas.EFFECTIVE_COUNT, default=None)
    opportunity: typing.Optional[float] = optional(SolutionHas.OPPORTUNITY,
                                                   default=None)
    satisfaction_gap: typing.Optional[float] = optional(
        SolutionHas.SATISFACTION_GAP, default=None)
    satisfaction_gap_test: typing.Optional[SignificanceTest] = optional(
        SolutionHas.SATISFACTION_GAP_TEST, default=None)


@record("jtbd_best_solution")
class BestSolution(Record):
    """The best competing solution on one outcome; OutcomeScore carries its
    fields."""

    best_solution: str = ""
    best_solution_gap: typing.Optional[float] = optional(
        BestSolutionHas.GAP, default=None)
    satisfaction_target: typing.Optional[float] = optional(
        BestSolutionHas.SOLUTION, default=None)
    best_solution_gap_test: typing.Optional[SignificanceTest] = optional(
        BestSolutionHas.GAP_TEST, default=None)


@record("jtbd_outcome_score")
class OutcomeScore(Record):
    """One outcome's scores (jtbd_outcome_score). Scores are unrounded:
    importance and satisfaction are 10 x the top-box share (0-10) among the
    respondents who gave that rating, opportunity = importance +
    max(importance - satisfaction, 0). band is the library's name ("high",
    "underserved", ...); rank 1 is the largest opportunity, 0 without data.

    Statistics (docs/SCORING.md), None where they do not exist (no answers,
    no bootstrap, an unweighted report): importance_interval and
    satisfaction_interval (Wilson intervals of the top-box share x 10),
    opportunity_interval (as Report.opportunity_interval_method says: for
    every method but Olsen's the moment-selection interval, valid where
    importance is close to satisfaction and near shares of 0 or 1),
    opportunity_delta_interval (opportunity -+ z x
    opportunity_standard_error, not clamped; it under-covers near
    importance = satisfaction), opportunity_bootstrap_interval (the
    bootstrap percentile interval),
    opportunity_at_least_10_probability (share of bootstrap resamples with
    opportunity >= 10), and for weighted reports the Kish effective numbers
    of answers importance_effective_count and satisfaction_effective_count.

    Competing solutions (docs/SCORING.md, "Competing solutions"): one
    SolutionScore per Report.solutions entry; the best solution ("" when
    none was rated), the gap to it (its satisfaction minus ours) with its
    z-test (Holm-adjusted across outcomes), and the "20 % better" target
    min(10, 1.2 x its satisfaction).
    """

    outcome_id: str
    statement: str
    importance: float
    satisfaction: float
    opportunity: float
    band: str = converted(band_name)
    rank: int
    importance_count: int
    importance_top_box_count: int
    satisfaction_count: int
    satisfaction_top_box_count: int
    both_count: int
    both_top_box_count: int
    importance_interval: typing.Optional[Interval] = optional(
        ScoreHas.IMPORTANCE_INTERVAL, default=None)
    satisfaction_interval: typing.Optional[Interval] = optional(
        ScoreHas.SATISFACTION_INTERVAL, default=None)
    opportunity_interval: typing.Optional[Interval] = optional(
        ScoreHas.OPPORTUNITY_INTERVAL, default=None)
    opportunity_delta_interval: typing.Optional[Interval] = optional(
        ScoreHas.OPPORTUNITY_DELTA_INTERVAL, default=None)
    opportunity_standard_error: typing.Optional[float] = optional(
        ScoreHas.OPPORTUNITY_STANDARD_ERROR, default=None)
    opportunity_at_least_10_probability: typing.Optional[float] = optional(
        ScoreHas.OPPORTUNITY_AT_LEAST_10_PROBABILITY, default=None)
    importance_effective_count: typing.Optional[float] = optional(
        ScoreHas.IMPORTANCE_EFFECTIVE_COUNT, default=None)
    satisfaction_effective_count: typing.Optional[float] = optional(
        ScoreHas.SATISFACTION_EFFECTIVE_COUNT, default=None)
    opportunity_bootstrap_interval: typing.Optional[Interval] = optional(
        ScoreHas.OPPORTUNITY_BOOTSTRAP_INTERVAL, default=None)
    solutions: typing.Tuple[SolutionScore, ...] = extra(())
    best_solution: str = extra("")
    best_solution_gap: typing.Optional[float] = extra(None)
    satisfaction_target: typing.Optional[float] = extra(None)
    best_solution_gap_test: typing.Optional[SignificanceTest] = extra(None)


@record("jtbd_segment_comparison")
class SegmentComparison(Record):
    """One outcome of a segment compared with the rest of the respondents
    (jtbd_segment_comparison). Differences are segment minus rest, None when
    a side has no answers; the tests are two-proportion z-tests of the
    top-box shares (importance, satisfaction) and, for opportunity, the
    difference's interval inverted (a delta-method z-test under Olsen's
    method), or None. The *_adjusted_p_value are the tests' p-values
    adjusted as the report says (Report.p_value_adjustment: Holm's or
    Benjamini-Hochberg's, across segments x outcomes). more_underserved:
    opportunity_difference > 0 and opportunity_adjusted_p_value below
    1 - confidence level. The *_difference_interval are the differences'
    intervals at the report's confidence level, present with their
    difference: Newcombe's hybrid score interval of the top-box shares x 10
    (normal for means), and for opportunity MOVER on the segment's and the
    rest's moment-selection intervals (the delta method's under Olsen's)."""

    outcome_id: str
    rest_importance: float
    rest_satisfaction: float
    rest_opportunity: float
    importance_difference: typing.Optional[float] = optional(
        ComparisonHas.IMPORTANCE_DIFFERENCE)
    satisfaction_difference: typing.Optional[float] = optional(
        ComparisonHas.SATISFACTION_DIFFERENCE)
    opportunity_difference: typing.Optional[float] = optional(
        ComparisonHas.OPPORTUNITY_DIFFERENCE)
    importance_test: typing.Optional[SignificanceTest] = optional(
        ComparisonHas.IMPORTANCE_TEST)
    satisfaction_test: typing.Optional[SignificanceTest] = optional(
        ComparisonHas.SATISFACTION_TEST)
    opportunity_test: typing.Optional[SignificanceTest] = optional(
        ComparisonHas.OPPORTUNITY_TEST)
    more_underserved: bool = converted(bool)
    importance_adjusted_p_value: typing.Optional[float] = optional(
        ComparisonHas.IMPORTANCE_TEST)
    satisfaction_adjusted_p_value: typing.Optional[float] = optional(
        ComparisonHas.SATISFACTION_TEST)
    opportunity_adjusted_p_value: typing.Optional[float] = optional(
        ComparisonHas.OPPORTUNITY_TEST)
    importance_difference_interval: typing.Optional[Interval] = optional(
        ComparisonHas.IMPORTANCE_DIFFERENCE)
    satisfaction_difference_interval: typing.Optional[Interval] = optional(
        ComparisonHas.SATISFACTION_DIFFERENCE)
    opportunity_difference_interval: typing.Optional[Interval] = optional(
        ComparisonHas.OPPORTUNITY_DIFFERENCE)


@record("jtbd_warning")
class ReportWarning(Record):
    """A caution about a figure of a report or segmentation (jtbd_warning;
    docs/SCORING.md, "Warnings"): code (a WarningCode), message (one plain
    sentence), outcome_id and segment ("" when about a whole segment or the
    whole sample), value (the count, share or silhouette behind it, or
    None)."""

    code: WarningCode = converted(WarningCode)
    message: str
    outcome_id: str
    segment: str
    value: typing.Optional[float] = optional(WarningHas.VALUE, default=None)


def read_warnings(count, get, owner):
    """The warnings of `owner` through its count and getter functions."""
    struct = new_struct(_ffi.jtbd_warning)
    warnings = []
    for index in range(count(owner)):
        get(owner, index, ctypes.byref(struct))
        warnings.append(ReportWarning.from_struct(struct))
    return tuple(warnings)


@record("jtbd_report_info")
class ReportInfo(Record):
    """How a report was scored (jtbd_report_info); Report copies it into
    its own attributes."""

    method: str
    segment_by: str
    score_method: int
    bootstrap_resamples: int
    confidence_level: float
    seed: int
    effective_respondent_count: float
    weighted: bool = converted(bool)
    respondent_count: int
    unsegmented_respondent_count: int
    scale_min: int
    scale_max: int
    scale_top_box_min: int
    p_value_adjustment: PValueAdjustment = converted(PValueAdjustment)
    opportunity_interval_method: int


@dataclasses.dataclass(frozen=True)
class Segment:
    """One segment of a report: the respondents with one value (`name`) of
    the segment_by attribute, scored and compared with the rest of the
    respondents.

    respondent_count; rest_respondent_count, the respondents outside it;
    effective_respondent_count (Kish; the respondent count when the report
    is not weighted); outcomes, its OutcomeScores ranked like the report's;
    comparisons, one SegmentComparison per outcome in the order of
    outcomes; more_underserved, the ids of the outcomes significantly more
    underserved in it than in the rest, in ranked order.
    """

    name: str
    respondent_count: int
    rest_respondent_count: int
    effective_respondent_count: float
    outcomes: typing.Tuple[OutcomeScore, ...]
    comparisons: typing.Tuple[SegmentComparison, ...]
    more_underserved: typing.Tuple[str, ...]
