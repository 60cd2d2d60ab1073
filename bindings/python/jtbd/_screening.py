"""Screening of inattentive respondents (docs/SCORING.md, "Screening"):
the options passed to Study.score(screening=...) and what a Report says
about the respondents it flagged."""

import ctypes
import dataclasses
import typing

from . import _convert, _ffi
from ._ffi import ScreeningHas, ScreeningReason
from ._record import Record, converted, extra, new_struct, optional, record


@dataclasses.dataclass(frozen=True)
class Screening:
    """Asks Study.score to flag inattentive respondents: straight-lining (at
    least min_ratings equal ratings in the importance or the satisfaction
    battery, and a chance of the equal batteries under independent answering
    of at most 0.001), speeding (a duration below speed_fraction x the
    median, or below min_seconds), blanks (more than max_blank_share of the
    outcomes shown, i.e. rated on either axis, without both ratings). With exclude=True flagged respondents are also
    left out of every score. A threshold left out (None) is the library's
    default (docs/SCORING.md); values out of range raise
    InvalidArgumentError when scoring."""

    exclude: bool = False
    min_ratings: typing.Optional[int] = None
    speed_fraction: typing.Optional[float] = None
    min_seconds: typing.Optional[float] = None
    max_blank_share: typing.Optional[float] = None


def _reason_names(reasons):
    """jtbd_screening_reason bits -> ("straight_lining", "speeding", ...)."""
    return tuple(reason.name.lower() for reason in ScreeningReason
                 if reasons & reason)


@record("jtbd_screened_respondent")
class ScreenedRespondent(Record):
    """A flagged respondent: respondent_id ("" when anonymous), index (in
    the study), reasons (a tuple of "straight_lining", "speeding",
    "blanks"), duration_seconds (None when unknown), blank_share (outcomes
    without both ratings / outcomes)."""

    respondent_id: str
    index: int
    reasons: typing.Tuple[str, ...] = converted(_reason_names)
    duration_seconds: typing.Optional[float] = optional(flag="has_duration")
    blank_share: float


@record("jtbd_screening_info", consumed=("screened",))
class ScreeningSummary(Record):
    """What screening found: excluded (flagged respondents were left out),
    screened_respondent_count, flagged_respondent_count,
    straight_lining_count, speeding_count, blanks_count, duration_count
    (respondents with a known duration), the criteria
    (straight_line_min_ratings, speed_median_fraction or speed_min_seconds,
    max_blank_share; median_duration_seconds and speed_threshold_seconds,
    None when no respondent has a duration) and respondents
    (ScreenedRespondent, in study order)."""

    excluded: bool = converted(bool)
    screened_respondent_count: int
    flagged_respondent_count: int
    straight_lining_count: int
    speeding_count: int
    blanks_count: int
    duration_count: int
    straight_line_min_ratings: int
    speed_median_fraction: typing.Optional[float] = optional(
        ScreeningHas.SPEED_MEDIAN_FRACTION)
    speed_min_seconds: typing.Optional[float] = optional(
        ScreeningHas.SPEED_MIN_SECONDS)
    max_blank_share: float
    median_duration_seconds: typing.Optional[float] = optional(
        ScreeningHas.MEDIAN_DURATION)
    speed_threshold_seconds: typing.Optional[float] = optional(
        ScreeningHas.SPEED_THRESHOLD)
    respondents: typing.Tuple[ScreenedRespondent, ...] = extra(())


def calls(screening):
    """The jtbd_score_options setter calls for Study.score's screening= (a
    Screening, True for its defaults, or None/False for none)."""
    if screening is None or screening is False:
        return []
    if screening is True:
        screening = Screening()
    if not isinstance(screening, Screening):
        raise TypeError("screening must be a jtbd.Screening or True, not %s"
                        % type(screening).__name__)
    made = [("jtbd_score_options_set_screening",
             (1, 1 if screening.exclude else 0))]
    if screening.min_ratings is not None:
        made.append(("jtbd_score_options_set_screening_min_ratings",
                     (_convert.unsigned(screening.min_ratings, "min_ratings",
                                        _convert.UINT32_MAX),)))
    for name in ("speed_fraction", "min_seconds", "max_blank_share"):
        value = getattr(screening, name)
        if value is not None:
            made.append(("jtbd_score_options_set_screening_" + name,
                         (_convert.real(value, name),)))
    return made


def read(lib, report):
    """The report's ScreeningSummary, or None when it was not screened."""
    info = new_struct(_ffi.jtbd_screening_info)
    lib.jtbd_report_get_screening(report, ctypes.byref(info))
    if not info.screened:
        return None
    flagged = new_struct(_ffi.jtbd_screened_respondent)
    respondents = []
    for index in range(lib.jtbd_report_screened_count(report)):
        lib.jtbd_report_screened_respondent(report, index,
                                            ctypes.byref(flagged))
        respondents.append(ScreenedRespondent.from_struct(flagged))
    return ScreeningSummary.from_struct(info, respondents=tuple(respondents))
