"""Waves compared: what changed between two waves of a survey (`jtbd
compare`; docs/SCORING.md, "Comparing waves"), outcome by outcome.

    comparison = jtbd.compare_survey_files("q1.csv", "q2.csv",
                                           segment_by="segment")
    for change in comparison.changes:
        if change.opportunity and change.opportunity.significant:
            print(change.outcome_id, change.opportunity.difference)

Or from aggregates (last quarter's saved one against this quarter's):

    comparison = jtbd.compare_waves(jtbd.Aggregate.load("q1.jtbdagg"),
                                    jtbd.load_aggregate("q2.csv"))
"""

import ctypes
import dataclasses
import typing

from . import _ffi, _native, _options, _survey
from ._ffi import (ChangeHas, DifferenceIntervalMethod, PValueAdjustment,
                   ScoreMethod, Wave)
from ._handle import Result
from ._record import Record, converted, new_struct, optional, record
from ._scores import Interval, band_name

__all__ = ["OutcomeChange", "ScoreChange", "SegmentChanges",
           "WaveComparison", "WaveScores", "compare_survey_files",
           "compare_surveys", "compare_waves"]


def _enum(enum_type):
    """A converter to `enum_type` that keeps values newer than this
    binding as plain ints."""

    def convert(value):
        try:
            return enum_type(value)
        except ValueError:
            return value

    return convert


@record("jtbd_wave_scores")
class WaveScores(Record):
    """One wave's scores of an outcome: importance and satisfaction
    (0-10), opportunity under the comparison's method, and the numbers of
    respondents who rated importance and satisfaction."""

    importance: float
    satisfaction: float
    opportunity: float
    importance_count: int
    satisfaction_count: int


@record("jtbd_score_change")
class ScoreChange(Record):
    """The change of one score, second wave minus first: difference, its
    interval at the comparison's level (interval_method: Newcombe's hybrid
    score interval or the delta method), the z-test of no change (z,
    p_value), adjusted_p_value across the family, and significant
    (adjusted_p_value < 1 - confidence_level)."""

    difference: float
    interval: Interval
    interval_method: DifferenceIntervalMethod = converted(
        _enum(DifferenceIntervalMethod))
    significant: bool = converted(bool)
    z: float
    p_value: float
    adjusted_p_value: float


@record("jtbd_outcome_change")
class OutcomeChange(Record):
    """One outcome present in both waves: its scores in each (first,
    second), the changes of importance, satisfaction and opportunity
    (ScoreChange, None when a wave has no answer on that axis),
    significant when any change is, and the bands before and after (the
    library's names; "unspecified" for methods without bands) with
    crossed_band when they differ."""

    outcome_id: str
    statement: str
    significant: bool = converted(bool)
    first: WaveScores
    second: WaveScores
    band_before: str = converted(band_name)
    band_after: str = converted(band_name)
    crossed_band: bool = converted(bool)
    importance: typing.Optional[ScoreChange] = optional(
        ChangeHas.IMPORTANCE, default=None)
    satisfaction: typing.Optional[ScoreChange] = optional(
        ChangeHas.SATISFACTION, default=None)
    opportunity: typing.Optional[ScoreChange] = optional(
        ChangeHas.OPPORTUNITY, default=None)


@record("jtbd_wave_comparison_info")
class WaveComparisonInfo(Record):
    """How two waves were compared (jtbd_wave_comparison_info);
    WaveComparison copies it into its own attributes."""

    confidence_level: float
    p_value_adjustment: PValueAdjustment = converted(_enum(PValueAdjustment))
    score_method: ScoreMethod = converted(_enum(ScoreMethod))
    first_respondent_count: int
    second_respondent_count: int
    segment_by: str
    family_size: int
    segment_family_size: int
    scale_min: int
    scale_max: int
    scale_top_box_min: int
    weighted: bool = converted(bool)


@dataclasses.dataclass(frozen=True)
class SegmentChanges:
    """A segment (one value of segment_by) compared with itself across the
    waves: its respondents in each wave and its OutcomeChanges, in the
    first wave's order."""

    name: str
    first_respondent_count: int
    second_respondent_count: int
    changes: typing.Tuple[OutcomeChange, ...]


class WaveComparison(Result):
    """What changed between two waves, copied into Python records.

    Attributes (valid after close()):
      changes: tuple of OutcomeChange, the whole sample's outcomes present
        in both waves, in the first wave's order.
      one_wave_outcomes: dict outcome id -> Wave that has it (never
        compared).
      segments: dict segment value -> SegmentChanges (with segment_by),
        sorted by value; one_wave_segments: dict value -> Wave.
      confidence_level, p_value_adjustment, score_method,
      first_respondent_count, second_respondent_count, segment_by,
      family_size and segment_family_size (tests adjusted together),
      scale (min, max), top_box, weighted.

    to_json() (jtbd.v1.WaveComparison), to_csv(), to_table(),
    to_protobuf() and render() use the native comparison, which close()
    releases.
    """

    _C_OBJECT = "jtbd_wave_comparison"

    def _read(self, lib):
        info = new_struct(_ffi.jtbd_wave_comparison_info)
        lib.jtbd_wave_comparison_get_info(self, ctypes.byref(info))
        info = WaveComparisonInfo.from_struct(info)
        for field in dataclasses.fields(info):
            if not field.name.startswith("scale_"):
                setattr(self, field.name, getattr(info, field.name))
        self.scale = (info.scale_min, info.scale_max)
        self.top_box = info.scale_top_box_min
        struct = new_struct(_ffi.jtbd_outcome_change)

        def change(function, *where):
            function(self, *where, ctypes.byref(struct))
            return OutcomeChange.from_struct(struct)

        self.changes = tuple(
            change(lib.jtbd_wave_comparison_change, index)
            for index in range(lib.jtbd_wave_comparison_change_count(self)))
        self.one_wave_outcomes = self._one_wave(
            lib.jtbd_wave_comparison_one_wave_outcome,
            lib.jtbd_wave_comparison_one_wave_outcome_count(self))
        self.segments = {}
        for segment in range(lib.jtbd_wave_comparison_segment_count(self)):
            first = ctypes.c_uint64()
            second = ctypes.c_uint64()
            lib.jtbd_wave_comparison_segment_respondent_counts(
                self, segment, ctypes.byref(first), ctypes.byref(second))
            count = _native.out(lib.jtbd_wave_comparison_segment_change_count,
                                self, segment)
            name = _native.text_out(lib.jtbd_wave_comparison_segment_name,
                                    self, segment)
            self.segments[name] = SegmentChanges(
                name=name, first_respondent_count=first.value,
                second_respondent_count=second.value,
                changes=tuple(
                    change(lib.jtbd_wave_comparison_segment_change, segment,
                           index) for index in range(count)))
        self.one_wave_segments = self._one_wave(
            lib.jtbd_wave_comparison_one_wave_segment,
            lib.jtbd_wave_comparison_one_wave_segment_count(self))

    def _one_wave(self, function, count):
        """{id or value: Wave} from a (..., index, text, length, wave)
        accessor."""
        found = {}
        for index in range(count):
            text = ctypes.c_void_p()
            length = ctypes.c_size_t()
            wave = ctypes.c_int32()
            function(self, index, ctypes.byref(text), ctypes.byref(length),
                     ctypes.byref(wave))
            found[_native.string_at(text.value, length.value)] = _enum(Wave)(
                wave.value)
        return found

    def __repr__(self):
        return "<jtbd.WaveComparison changes=%d segments=%d>" % (
            len(self.changes), len(self.segments))


def _scoring(segment_by, adjust, confidence, method):
    return _options.score_options(segment_by=segment_by, adjust=adjust,
                                  confidence=confidence, method=method)


def compare_waves(first, second, *, adjust=None, confidence=None,
                  method=None):
    """Compares Aggregate `first` (before: e.g. last quarter's, saved with
    Aggregate.save and loaded with Aggregate.load) with Aggregate `second`
    (after). adjust: "holm" or "bh" (across every test of the
    comparison); confidence: level of the intervals, changes tested at
    1 - confidence; method: as Study.score's. Waves on different scales, or
    sharing no outcome, raise
    FailedPreconditionError."""
    with _scoring(None, adjust, confidence, method) as score:
        return WaveComparison(_native.create(
            _native.library().jtbd_compare_aggregates, score, first, second))


@_options.documented(_options.READ_OPTIONS_DOC)
def compare_survey_files(first_path, second_path, scale=None, top_box=None,
                         *, segment_by=None, adjust=None, confidence=None,
                         method=None, **read_options):
    """Reads two waves and compares them in one step, as `jtbd compare`:
    each a survey file in any format load_csv reads (with its keywords) or
    an aggregate saved with Aggregate.save. segment_by also compares each
    value of that respondent column with itself across the waves (surveys
    only). adjust, confidence, method: as compare_waves."""
    first = _survey._survey_file(first_path)
    second = _survey._survey_file(second_path)
    with _options.read_options(scale, top_box, **read_options) as read, \
            _scoring(segment_by, adjust, confidence, method) as score:
        return WaveComparison(_native.create(
            _native.library().jtbd_compare_survey_files, read, score, *first,
            *second))


@_options.documented(_options.READ_OPTIONS_DOC)
def compare_surveys(first, second, first_name="<first>",
                    second_name="<second>", scale=None, top_box=None, *,
                    segment_by=None, adjust=None, confidence=None,
                    method=None, **read_options):
    """compare_survey_files from survey text (str or bytes); the names
    name the waves in error messages."""
    first = _survey._survey_bytes(first, first_name)
    second = _survey._survey_bytes(second, second_name)
    with _options.read_options(scale, top_box, **read_options) as read, \
            _scoring(segment_by, adjust, confidence, method) as score:
        return WaveComparison(_native.create(
            _native.library().jtbd_compare_surveys, read, score, *first,
            *second))
