"""Screening of inattentive respondents (docs/SCORING.md, "Screening"):
the options passed to Study.score(screening=...) and what a Report says
about the respondents it flagged."""

import ctypes

from . import _native

# jtbd_screening_reason bits -> the names the report uses.
_REASONS = (
    (1, "straight_lining"),
    (2, "speeding"),
    (4, "blanks"),
)
_HAS_SPEED_MEDIAN_FRACTION = 1
_HAS_SPEED_MIN_SECONDS = 2
_HAS_MEDIAN_DURATION = 4
_HAS_SPEED_THRESHOLD = 8


class Screening:
    """Asks Study.score to flag inattentive respondents: straight-lining (at
    least min_ratings equal ratings in the importance or the satisfaction
    battery; default 5), speeding (a duration below speed_fraction x the
    median, default 1/3, or below min_seconds), blanks (more than
    max_blank_share of the outcomes without both ratings; default 0.5).
    With exclude=True flagged respondents are also left out of every
    score. None leaves a threshold at the library's default; values out of
    range raise InvalidArgumentError when scoring."""

    def __init__(self, exclude=False, min_ratings=None, speed_fraction=None,
                 min_seconds=None, max_blank_share=None):
        self.exclude = bool(exclude)
        self.min_ratings = min_ratings
        self.speed_fraction = speed_fraction
        self.min_seconds = min_seconds
        self.max_blank_share = max_blank_share

    def __repr__(self):
        return ("Screening(exclude=%r, min_ratings=%r, speed_fraction=%r, "
                "min_seconds=%r, max_blank_share=%r)" %
                (self.exclude, self.min_ratings, self.speed_fraction,
                 self.min_seconds, self.max_blank_share))


class ScreenedRespondent:
    """A flagged respondent: respondent_id ("" when anonymous), index (in
    the study), reasons (a tuple of "straight_lining", "speeding",
    "blanks"), duration_seconds (None when unknown), blank_share."""

    def __init__(self, respondent_id, index, reasons, duration_seconds,
                 blank_share):
        self.respondent_id = respondent_id
        self.index = index
        self.reasons = reasons
        self.duration_seconds = duration_seconds
        self.blank_share = blank_share

    def __repr__(self):
        return "<ScreenedRespondent %r %s>" % (self.respondent_id,
                                               ",".join(self.reasons))


class ScreeningSummary:
    """What screening found: excluded, screened_respondent_count,
    flagged_respondent_count, straight_lining_count, speeding_count,
    blanks_count, duration_count, the criteria (straight_line_min_ratings,
    speed_median_fraction or speed_min_seconds, max_blank_share,
    median_duration_seconds and speed_threshold_seconds, None when no
    respondent has a duration) and respondents (ScreenedRespondent, in
    study order)."""

    def __repr__(self):
        return "<ScreeningSummary flagged=%d of %d excluded=%s>" % (
            self.flagged_respondent_count, self.screened_respondent_count,
            self.excluded)


def apply(lib, options, screening, real, unsigned):
    """Sets `screening` (a Screening, True for the defaults, or None/False)
    on native score options."""
    if screening is None or screening is False:
        return
    if screening is True:
        screening = Screening()
    if not isinstance(screening, Screening):
        raise TypeError("screening must be a jtbd.Screening or True, not %s"
                        % type(screening).__name__)
    lib.jtbd_score_options_set_screening(options, 1,
                                         1 if screening.exclude else 0)
    if screening.min_ratings is not None:
        lib.jtbd_score_options_set_screening_min_ratings(
            options, unsigned(screening.min_ratings, "min_ratings",
                              2 ** 32 - 1))
    if screening.speed_fraction is not None:
        lib.jtbd_score_options_set_screening_speed_fraction(
            options, real(screening.speed_fraction, "speed_fraction"))
    if screening.min_seconds is not None:
        lib.jtbd_score_options_set_screening_min_seconds(
            options, real(screening.min_seconds, "min_seconds"))
    if screening.max_blank_share is not None:
        lib.jtbd_score_options_set_screening_max_blank_share(
            options, real(screening.max_blank_share, "max_blank_share"))


def read(lib, report):
    """The report's ScreeningSummary, or None when it was not screened."""
    info = _native.ScreeningInfoStruct()
    info.struct_size = ctypes.sizeof(info)
    lib.jtbd_report_get_screening(report, ctypes.byref(info))
    if not info.screened:
        return None

    def optional(bit, value):
        return value if info.has & bit else None

    summary = ScreeningSummary()
    summary.excluded = bool(info.excluded)
    summary.screened_respondent_count = info.screened_respondent_count
    summary.flagged_respondent_count = info.flagged_respondent_count
    summary.straight_lining_count = info.straight_lining_count
    summary.speeding_count = info.speeding_count
    summary.blanks_count = info.blanks_count
    summary.duration_count = info.duration_count
    summary.straight_line_min_ratings = info.straight_line_min_ratings
    summary.speed_median_fraction = optional(_HAS_SPEED_MEDIAN_FRACTION,
                                             info.speed_median_fraction)
    summary.speed_min_seconds = optional(_HAS_SPEED_MIN_SECONDS,
                                         info.speed_min_seconds)
    summary.max_blank_share = info.max_blank_share
    summary.median_duration_seconds = optional(_HAS_MEDIAN_DURATION,
                                               info.median_duration_seconds)
    summary.speed_threshold_seconds = optional(_HAS_SPEED_THRESHOLD,
                                               info.speed_threshold_seconds)
    respondents = []
    flagged = _native.ScreenedRespondentStruct()
    flagged.struct_size = ctypes.sizeof(flagged)
    for index in range(lib.jtbd_report_screened_count(report)):
        lib.jtbd_report_screened_respondent(report, index,
                                            ctypes.byref(flagged))
        respondents.append(ScreenedRespondent(
            _native.string_at(flagged.respondent_id,
                              flagged.respondent_id_len),
            flagged.index,
            tuple(name for bit, name in _REASONS if flagged.reasons & bit),
            flagged.duration_seconds if flagged.has_duration else None,
            flagged.blank_share))
    summary.respondents = respondents
    return summary
