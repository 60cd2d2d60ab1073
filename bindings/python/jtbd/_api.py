"""The Python face of libjtbd: Study, Report, Aggregate and free functions.

Lifetimes. Study and Aggregate own a native handle, released by close(), by
leaving a `with` block, or by a weakref.finalize when the object is garbage
collected (or at interpreter exit) -- whichever comes first; close() is
idempotent, and any use after it raises jtbd.ClosedError instead of touching
freed memory. A Report converts every score into Python objects as soon as it
is made, so its `outcomes` and `segments` stay valid forever; it keeps the
native report only to render it (to_json, to_csv, ...) and releases it the
same ways. No native object points into another (a report copies what it
needs from the study), so closing a study never invalidates its reports.

Threads: like a Python file, an object must not be used from two threads at
once while one of them changes it (add_*, set_*, merge, close).
"""

import ctypes
import dataclasses
import json
import os
import typing
import weakref

from . import _native
from . import _screening
from ._arrays import borrow
from ._constants import (ComparisonHas, Code, Format, InputFormat, ScoreHas,
                         ScoreMethod)
from ._errors import ClosedError, Error

__all__ = [
    "Aggregate", "Interval", "OutcomeScore", "Report", "SegmentComparison",
    "SignificanceTest", "Study", "load_aggregate", "load_csv",
    "read_aggregate", "read_csv", "score_request",
    "score_request_json", "version", "version_number"
]

_INT32_MIN, _INT32_MAX = -2 ** 31, 2 ** 31 - 1
_UINT32_MAX, _UINT64_MAX = 2 ** 32 - 1, 2 ** 64 - 1


def _lib():
    return _native.library()


def _utf8(value, name):
    """Text for the library: str (encoded UTF-8) or bytes-like."""
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError("%s must be str or bytes, not %s" %
                    (name, type(value).__name__))


def _index(value, name):
    """A non-negative int for a size_t argument (ctypes would wrap -1)."""
    value = value.__index__() if hasattr(value, "__index__") else value
    if not isinstance(value, int):
        raise TypeError("%s must be an int, not %s" %
                        (name, type(value).__name__))
    if value < 0:
        raise Error(Code.OUT_OF_RANGE, "%s is %d, negative" % (name, value))
    return value


def _int32(value, name):
    """An int that fits int32_t (ctypes would truncate it silently)."""
    value = value.__index__() if hasattr(value, "__index__") else value
    if not isinstance(value, int):
        raise TypeError("%s must be an int, not %s" %
                        (name, type(value).__name__))
    if not _INT32_MIN <= value <= _INT32_MAX:
        raise Error(Code.INVALID_ARGUMENT,
                    "%s is %d, outside int32" % (name, value))
    return value


def _scale_arguments(scale, top_box):
    try:
        low, high = scale
    except (TypeError, ValueError):
        raise TypeError("scale must be a (min, max) pair, not %r" %
                        (scale,)) from None
    return (_int32(low, "scale min"), _int32(high, "scale max"),
            _int32(top_box, "top_box"))


def _bytes_in(data, name):
    """Bytes-like input as bytes (passed to C without a further copy)."""
    if isinstance(data, bytes):
        return data
    try:
        return bytes(memoryview(data))
    except TypeError:
        raise TypeError("%s must be bytes-like, not %s" %
                        (name, type(data).__name__)) from None


class _Handle:
    """A native handle released exactly once, by close() or finalize."""

    def __init__(self, handle, destroy):
        self._handle = handle
        self._finalizer = weakref.finalize(self, destroy, handle)

    def _live(self):
        if not self._finalizer.alive:
            raise ClosedError("operation on a closed jtbd.%s" %
                              type(self).__name__)
        return self._handle

    @property
    def closed(self):
        return not self._finalizer.alive

    def close(self):
        """Releases the native object now. Idempotent."""
        self._finalizer()

    def __enter__(self):
        self._live()
        return self

    def __exit__(self, *exc_info):
        self.close()
        return False

    def __reduce__(self):
        # A copy would share the handle and free it twice.
        raise TypeError("a jtbd.%s holds a native handle and cannot be "
                        "copied or pickled; use its serialized bytes" %
                        type(self).__name__)


def _create(function, *arguments):
    """Calls a jtbd_*_create/parse style function and returns the handle."""
    out = ctypes.c_void_p()
    function(*arguments, ctypes.byref(out))
    return out.value


class _ScaledHandle(_Handle):
    """A native object on a rating scale with the C functions
    <_C_OBJECT>_create/_set_scale/_destroy/_parse/_serialize (Study and
    Aggregate)."""

    _C_OBJECT = None
    _PROTO = None

    def __init__(self, scale=(1, 5), top_box=4, *, _handle=None):
        lib = _lib()
        destroy = getattr(lib, self._C_OBJECT + "_destroy")
        if _handle is None:
            arguments = _scale_arguments(scale, top_box)
            _handle = _create(getattr(lib, self._C_OBJECT + "_create"))
            try:
                getattr(lib, self._C_OBJECT + "_set_scale")(_handle, *arguments)
            except BaseException:
                destroy(_handle)
                raise
        super().__init__(_handle, destroy)

    @classmethod
    def _adopt(cls, handle):
        return cls(_handle=handle)

    @classmethod
    def parse(cls, data):
        """An object from its serialized protobuf message (see serialize)."""
        data = _bytes_in(data, "data")
        parse = getattr(_lib(), cls._C_OBJECT + "_parse")
        return cls._adopt(_create(parse, data, len(data)))

    def serialize(self):
        """The object as its serialized protobuf message (_PROTO)."""
        out = ctypes.c_void_p()
        getattr(_lib(), self._C_OBJECT + "_serialize")(self._live(),
                                                      ctypes.byref(out))
        return _native.take_buffer(out.value)

    def save(self, path):
        """Saves to a file atomically (a temporary file flushed to disk,
        then renamed over `path`), with a format version and checksums."""
        encoded = os.fsencode(path)
        getattr(_lib(), self._C_OBJECT + "_save_file")(self._live(), encoded,
                                                      len(encoded))

    @classmethod
    def load(cls, path):
        """An object from a file written by save(); a truncated, corrupted,
        foreign or newer-version file raises jtbd.Error naming it."""
        encoded = os.fsencode(path)
        load = getattr(_lib(), cls._C_OBJECT + "_load_file")
        return cls._adopt(_create(load, encoded, len(encoded)))


# ------------------------------------------------------------------ report


class Interval(typing.NamedTuple):
    """A two-sided confidence interval at the report's confidence level: a
    (low, high) tuple with names."""

    low: float
    high: float


@dataclasses.dataclass(frozen=True)
class OutcomeScore:
    """One outcome's scores (jtbd_outcome_score). Scores are unrounded:
    importance and satisfaction are 10 x the top-box share (0-10) among the
    respondents who gave that rating, opportunity = importance +
    max(importance - satisfaction, 0). band is the library's name ("high",
    "underserved", ...); rank 1 is the largest opportunity, 0 without data.

    Statistics (docs/SCORING.md), None where they do not exist (no answers,
    no bootstrap, an unweighted report): importance_interval and
    satisfaction_interval (Wilson intervals of the top-box share x 10),
    opportunity_interval (the bootstrap percentile interval, else the delta
    interval), opportunity_delta_interval (opportunity -+ z x
    opportunity_standard_error, not clamped),
    opportunity_at_least_10_probability (share of bootstrap resamples with
    opportunity >= 10), and for weighted reports the Kish effective numbers
    of answers importance_effective_count and satisfaction_effective_count.
    """

    outcome_id: str
    statement: str
    importance: float
    satisfaction: float
    opportunity: float
    band: str
    rank: int
    importance_count: int
    importance_top_box_count: int
    satisfaction_count: int
    satisfaction_top_box_count: int
    both_count: int
    both_top_box_count: int
    importance_interval: typing.Optional[Interval] = None
    satisfaction_interval: typing.Optional[Interval] = None
    opportunity_interval: typing.Optional[Interval] = None
    opportunity_delta_interval: typing.Optional[Interval] = None
    opportunity_standard_error: typing.Optional[float] = None
    opportunity_at_least_10_probability: typing.Optional[float] = None
    importance_effective_count: typing.Optional[float] = None
    satisfaction_effective_count: typing.Optional[float] = None
    # Competing solutions (docs/SCORING.md, "Competing solutions"): one
    # SolutionScore per Report.solutions entry; the best solution ("" when
    # none was rated), the gap to it (its satisfaction minus ours) with its
    # z-test (Holm-adjusted across outcomes), and the "20 % better" target
    # min(10, 1.2 x its satisfaction).
    solutions: typing.Tuple["SolutionScore", ...] = ()
    best_solution: str = ""
    best_solution_gap: typing.Optional[float] = None
    satisfaction_target: typing.Optional[float] = None
    best_solution_gap_test: typing.Optional["SignificanceTest"] = None


@dataclasses.dataclass(frozen=True)
class SolutionScore:
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
    satisfaction: typing.Optional[float] = None
    satisfaction_interval: typing.Optional[Interval] = None
    effective_count: typing.Optional[float] = None
    opportunity: typing.Optional[float] = None
    satisfaction_gap: typing.Optional[float] = None
    satisfaction_gap_test: typing.Optional["SignificanceTest"] = None


@dataclasses.dataclass(frozen=True)
class SignificanceTest:
    """A z-test of a segment against the rest: z (segment minus rest over
    its standard error), two-sided p_value, and holm_adjusted_p_value across
    the segment's outcomes."""

    z: float
    p_value: float
    holm_adjusted_p_value: float


@dataclasses.dataclass(frozen=True)
class SegmentComparison:
    """One outcome of a segment compared with the rest of the respondents
    (jtbd_segment_comparison). Differences are segment minus rest, None when
    a side has no answers; the tests are two-proportion z-tests of the
    top-box shares (importance, satisfaction) and a delta-method z-test of
    opportunity, or None. more_underserved: opportunity_difference > 0 and
    the opportunity test's Holm-adjusted p below 1 - confidence level."""

    outcome_id: str
    rest_importance: float
    rest_satisfaction: float
    rest_opportunity: float
    importance_difference: typing.Optional[float]
    satisfaction_difference: typing.Optional[float]
    opportunity_difference: typing.Optional[float]
    importance_test: typing.Optional[SignificanceTest]
    satisfaction_test: typing.Optional[SignificanceTest]
    opportunity_test: typing.Optional[SignificanceTest]
    more_underserved: bool


_band_names = {}


def _band_name(band):
    name = _band_names.get(band)
    if name is None:
        name = _native.string_at(_lib().jtbd_band_name(band))
        _band_names[band] = name
    return name


def _outcome_score(struct):
    return OutcomeScore(
        outcome_id=_native.string_at(struct.outcome_id,
                                     struct.outcome_id_len),
        statement=_native.string_at(struct.statement, struct.statement_len),
        importance=struct.importance,
        satisfaction=struct.satisfaction,
        opportunity=struct.opportunity,
        band=_band_name(struct.band),
        rank=struct.rank,
        importance_count=struct.importance_count,
        importance_top_box_count=struct.importance_top_box_count,
        satisfaction_count=struct.satisfaction_count,
        satisfaction_top_box_count=struct.satisfaction_top_box_count,
        both_count=struct.both_count,
        both_top_box_count=struct.both_top_box_count,
        **_statistics(struct))


def _statistics(struct):
    """The optional figures of a jtbd_outcome_score, None when absent."""
    has = struct.has

    def interval(bit, value):
        return Interval(value.low, value.high) if has & bit else None

    def number(bit, value):
        return value if has & bit else None

    return dict(
        importance_interval=interval(ScoreHas.IMPORTANCE_INTERVAL,
                                     struct.importance_interval),
        satisfaction_interval=interval(ScoreHas.SATISFACTION_INTERVAL,
                                       struct.satisfaction_interval),
        opportunity_interval=interval(ScoreHas.OPPORTUNITY_INTERVAL,
                                      struct.opportunity_interval),
        opportunity_delta_interval=interval(
            ScoreHas.OPPORTUNITY_DELTA_INTERVAL,
            struct.opportunity_delta_interval),
        opportunity_standard_error=number(
            ScoreHas.OPPORTUNITY_STANDARD_ERROR,
            struct.opportunity_standard_error),
        opportunity_at_least_10_probability=number(
            ScoreHas.OPPORTUNITY_AT_LEAST_10_PROBABILITY,
            struct.opportunity_at_least_10_probability),
        importance_effective_count=number(
            ScoreHas.IMPORTANCE_EFFECTIVE_COUNT,
            struct.importance_effective_count),
        satisfaction_effective_count=number(
            ScoreHas.SATISFACTION_EFFECTIVE_COUNT,
            struct.satisfaction_effective_count))


def _segment_comparison(struct):
    has = struct.has

    def number(bit, value):
        return value if has & bit else None

    def test(bit, value):
        if not has & bit:
            return None
        return SignificanceTest(value.z, value.p_value,
                                value.holm_adjusted_p_value)

    return SegmentComparison(
        outcome_id=_native.string_at(struct.outcome_id,
                                     struct.outcome_id_len),
        rest_importance=struct.rest_importance,
        rest_satisfaction=struct.rest_satisfaction,
        rest_opportunity=struct.rest_opportunity,
        importance_difference=number(ComparisonHas.IMPORTANCE_DIFFERENCE,
                                     struct.importance_difference),
        satisfaction_difference=number(ComparisonHas.SATISFACTION_DIFFERENCE,
                                       struct.satisfaction_difference),
        opportunity_difference=number(ComparisonHas.OPPORTUNITY_DIFFERENCE,
                                      struct.opportunity_difference),
        importance_test=test(ComparisonHas.IMPORTANCE_TEST,
                             struct.importance_test),
        satisfaction_test=test(ComparisonHas.SATISFACTION_TEST,
                               struct.satisfaction_test),
        opportunity_test=test(ComparisonHas.OPPORTUNITY_TEST,
                              struct.opportunity_test),
        more_underserved=bool(struct.more_underserved))


# jtbd_solution_has and jtbd_best_solution_has bits.
_SOLUTION_HAS_SATISFACTION = 1
_SOLUTION_HAS_EFFECTIVE_COUNT = 2
_SOLUTION_HAS_OPPORTUNITY = 4
_SOLUTION_HAS_SATISFACTION_GAP = 8
_SOLUTION_HAS_SATISFACTION_GAP_TEST = 16
_BEST_SOLUTION_HAS_SOLUTION = 1
_BEST_SOLUTION_HAS_GAP = 2
_BEST_SOLUTION_HAS_GAP_TEST = 4


def _test(present, value):
    if not present:
        return None
    return SignificanceTest(value.z, value.p_value,
                            value.holm_adjusted_p_value)


def _competitors(lib, handle, segment, outcome):
    """The competing-solution fields of one outcome score, as keyword
    arguments for dataclasses.replace (segment None: the whole report)."""
    solutions = []
    struct = _new_struct(_native.SolutionScoreStruct)
    for index in range(lib.jtbd_report_solution_count(handle)):
        if segment is None:
            lib.jtbd_report_outcome_solution(handle, outcome, index,
                                             ctypes.byref(struct))
        else:
            lib.jtbd_report_segment_outcome_solution(handle, segment, outcome,
                                                     index,
                                                     ctypes.byref(struct))
        has = struct.has
        rated = bool(has & _SOLUTION_HAS_SATISFACTION)
        solutions.append(SolutionScore(
            solution=_native.string_at(struct.solution, struct.solution_len),
            count=struct.count,
            top_box_count=struct.top_box_count,
            both_count=struct.both_count,
            satisfaction=struct.satisfaction if rated else None,
            satisfaction_interval=(
                Interval(struct.satisfaction_interval.low,
                         struct.satisfaction_interval.high) if rated else None),
            effective_count=(struct.effective_count
                             if has & _SOLUTION_HAS_EFFECTIVE_COUNT else None),
            opportunity=(struct.opportunity
                         if has & _SOLUTION_HAS_OPPORTUNITY else None),
            satisfaction_gap=(struct.satisfaction_gap
                              if has & _SOLUTION_HAS_SATISFACTION_GAP
                              else None),
            satisfaction_gap_test=_test(
                has & _SOLUTION_HAS_SATISFACTION_GAP_TEST,
                struct.satisfaction_gap_test)))
    best = _new_struct(_native.BestSolutionStruct)
    if segment is None:
        lib.jtbd_report_outcome_best_solution(handle, outcome,
                                              ctypes.byref(best))
    else:
        lib.jtbd_report_segment_outcome_best_solution(handle, segment,
                                                      outcome,
                                                      ctypes.byref(best))
    return dict(
        solutions=tuple(solutions),
        best_solution=_native.string_at(best.best_solution,
                                        best.best_solution_len),
        best_solution_gap=(best.best_solution_gap
                           if best.has & _BEST_SOLUTION_HAS_GAP else None),
        satisfaction_target=(best.satisfaction_target
                             if best.has & _BEST_SOLUTION_HAS_SOLUTION
                             else None),
        best_solution_gap_test=_test(best.has & _BEST_SOLUTION_HAS_GAP_TEST,
                                     best.best_solution_gap_test))


def _new_struct(struct_type):
    struct = struct_type()
    struct.struct_size = ctypes.sizeof(struct_type)
    return struct


def _new_score_struct():
    return _new_struct(_native.OutcomeScoreStruct)


class Report(_Handle):
    """Scores of a study or aggregate.

    Attributes (plain Python data, valid after close()):
      outcomes: list of OutcomeScore over all respondents, ranked by
        opportunity, highest first.
      segments: dict segment name -> list of OutcomeScore ranked the same
        way, in the report's order (sorted by name); empty without
        segment_by.
      segment_respondent_counts: dict segment name -> respondents in it.
      segment_comparisons: dict segment name -> list of SegmentComparison,
        one per outcome in the order of segments[name].
      more_underserved: dict segment name -> ids of the outcomes
        significantly more underserved there than in the rest.
      segment_rest_respondent_counts: dict segment name -> respondents
        outside it.
      segment_effective_respondent_counts: dict segment name -> Kish
        effective number of respondents (the count when unweighted).
      respondent_count: respondents scored.
      score_method (ScoreMethod), method ("ulwick_top_box", ...),
      confidence_level, bootstrap_resamples (0: none), seed, weighted,
      effective_respondent_count (Kish; respondent_count when unweighted),
      segment_by, unsegmented_respondent_count, scale (min, max) and
      top_box: how the report was scored.
      solutions: names of the competing solutions rated (docs/SCORING.md,
        "Competing solutions"), in declaration order; each OutcomeScore
        then has one SolutionScore per name and the best solution.

    to_json(), to_csv(), to_table(), to_protobuf() and render() use the
    native report, which close() (or leaving a `with` block) releases.
    """

    def __init__(self, handle):
        lib = _lib()
        super().__init__(handle, lib.jtbd_report_destroy)
        try:
            self._read(lib, handle)
        except BaseException:
            self.close()
            raise

    def _read(self, lib, handle):
        """Copies every score out of the native report."""
        self.respondent_count = lib.jtbd_report_respondent_count(handle)
        self._read_info(lib, handle)
        # A ScreeningSummary when Study.score was given screening, else None.
        self.screening = _screening.read(lib, handle)
        count = lib.jtbd_report_outcome_count(handle)
        struct = _new_score_struct()
        outcomes = []
        for index in range(count):
            lib.jtbd_report_outcome(handle, index, ctypes.byref(struct))
            outcomes.append(_outcome_score(struct))
        self._read_solutions(lib, handle, None, outcomes)
        self.outcomes = outcomes
        self.segments = {}
        self.segment_respondent_counts = {}
        self.segment_comparisons = {}
        self.more_underserved = {}
        self.segment_rest_respondent_counts = {}
        self.segment_effective_respondent_counts = {}
        name = ctypes.c_void_p()
        name_length = ctypes.c_size_t()
        respondents = ctypes.c_uint64()
        more_underserved = ctypes.c_size_t()
        effective = ctypes.c_double()
        comparison = _new_struct(_native.SegmentComparisonStruct)
        for segment in range(lib.jtbd_report_segment_count(handle)):
            lib.jtbd_report_segment_name(handle, segment, ctypes.byref(name),
                                         ctypes.byref(name_length))
            segment_name = _native.string_at(name.value, name_length.value)
            lib.jtbd_report_segment_respondent_count(
                handle, segment, ctypes.byref(respondents))
            scores = []
            comparisons = []
            for index in range(count):
                lib.jtbd_report_segment_outcome(handle, segment, index,
                                                ctypes.byref(struct))
                scores.append(_outcome_score(struct))
                lib.jtbd_report_segment_comparison(handle, segment, index,
                                                   ctypes.byref(comparison))
                comparisons.append(_segment_comparison(comparison))
            self._read_solutions(lib, handle, segment, scores)
            self.segments[segment_name] = scores
            self.segment_respondent_counts[segment_name] = respondents.value
            self.segment_comparisons[segment_name] = comparisons
            lib.jtbd_report_segment_more_underserved_count(
                handle, segment, ctypes.byref(more_underserved))
            ids = []
            for index in range(more_underserved.value):
                lib.jtbd_report_segment_more_underserved_id(
                    handle, segment, index, ctypes.byref(name),
                    ctypes.byref(name_length))
                ids.append(_native.string_at(name.value, name_length.value))
            self.more_underserved[segment_name] = ids
            lib.jtbd_report_segment_rest_respondent_count(
                handle, segment, ctypes.byref(respondents))
            self.segment_rest_respondent_counts[segment_name] = \
                respondents.value
            lib.jtbd_report_segment_effective_respondent_count(
                handle, segment, ctypes.byref(effective))
            self.segment_effective_respondent_counts[segment_name] = \
                effective.value

    def _read_solutions(self, lib, handle, segment, scores):
        """Competing solutions: fills self.solutions (names, declaration
        order) and the solution fields of scores (the report's or a
        segment's outcomes, in order)."""
        name = ctypes.c_void_p()
        name_length = ctypes.c_size_t()
        self.solutions = []
        for index in range(lib.jtbd_report_solution_count(handle)):
            lib.jtbd_report_solution_name(handle, index, ctypes.byref(name),
                                          ctypes.byref(name_length))
            self.solutions.append(_native.string_at(name.value,
                                                    name_length.value))
        if not self.solutions:
            return
        for k, score in enumerate(scores):
            scores[k] = dataclasses.replace(
                score, **_competitors(lib, handle, segment, k))

    def _read_info(self, lib, handle):
        """How the report was scored (jtbd_report_info)."""
        info = _new_struct(_native.ReportInfoStruct)
        lib.jtbd_report_get_info(handle, ctypes.byref(info))
        self.score_method = ScoreMethod(info.score_method)
        self.method = _native.string_at(info.method, info.method_len)
        self.confidence_level = info.confidence_level
        self.bootstrap_resamples = info.bootstrap_resamples
        self.seed = info.seed
        self.weighted = bool(info.weighted)
        self.effective_respondent_count = info.effective_respondent_count
        self.segment_by = _native.string_at(info.segment_by,
                                            info.segment_by_len)
        self.unsegmented_respondent_count = info.unsegmented_respondent_count
        self.scale = (info.scale_min, info.scale_max)
        self.top_box = info.scale_top_box_min

    def render(self, format):
        """The report in a jtbd.Format, as bytes (text formats are UTF-8)."""
        out = ctypes.c_void_p()
        _lib().jtbd_report_render(self._live(), _int32(format, "format"),
                                  ctypes.byref(out))
        return _native.take_buffer(out.value)

    def to_json(self):
        """Protobuf JSON of jtbd.v1.Report (lowerCamelCase, unrounded)."""
        return self.render(Format.JSON).decode("utf-8")

    def to_csv(self):
        """One row per (segment, outcome), unrounded."""
        return self.render(Format.CSV).decode("utf-8")

    def to_table(self):
        """Aligned text for people, scores to one decimal."""
        return self.render(Format.TABLE).decode("utf-8")

    def to_protobuf(self):
        """Serialized jtbd.v1.Report."""
        return self.render(Format.PROTOBUF)

    def __repr__(self):
        return "<jtbd.Report outcomes=%d segments=%d respondents=%d>" % (
            len(self.outcomes), len(self.segments), self.respondent_count)


# ------------------------------------------------------------------- study


class Study(_ScaledHandle):
    """Outcomes, respondents (with attributes) and their answers on one
    rating scale, built in code or read with load_csv / read_csv /
    Study.parse.

    Study(scale=(1, 5), top_box=4): ratings run from scale[0] to scale[1];
    those >= top_box count as top box. 0 always means "no answer".
    """

    _C_OBJECT = "jtbd_study"
    _PROTO = "jtbd.v1.Study"

    def add_outcome(self, id, statement=""):
        """Declares an outcome (unique, non-empty id); returns its index."""
        outcome_id = _utf8(id, "id")
        text = _utf8(statement, "statement")
        index = ctypes.c_size_t()
        _lib().jtbd_study_add_outcome(self._live(), outcome_id,
                                      len(outcome_id), text, len(text),
                                      ctypes.byref(index))
        return index.value

    def add_respondent(self, id=""):
        """Declares one respondent ("" = anonymous); returns its index."""
        respondent_id = _utf8(id, "id")
        index = ctypes.c_size_t()
        _lib().jtbd_study_add_respondent(self._live(), respondent_id,
                                         len(respondent_id),
                                         ctypes.byref(index))
        return index.value

    def add_respondents(self, count):
        """Declares `count` anonymous respondents; returns the first index."""
        first = ctypes.c_size_t()
        _lib().jtbd_study_add_respondents(self._live(),
                                          _index(count, "count"),
                                          ctypes.byref(first))
        return first.value

    def set_attribute(self, respondent, name, value):
        """Sets a respondent attribute (segment, role, ...)."""
        name_bytes = _utf8(name, "name")
        value_bytes = _utf8(value, "value")
        _lib().jtbd_study_set_attribute(self._live(),
                                        _index(respondent, "respondent"),
                                        name_bytes, len(name_bytes),
                                        value_bytes, len(value_bytes))

    def set_duration(self, respondent, seconds):
        """Sets how long a respondent took to answer, in seconds (finite,
        >= 0), for screening's speeding rule."""
        _lib().jtbd_study_set_duration(self._live(),
                                       _index(respondent, "respondent"),
                                       _real(seconds, "seconds"))

    def set_weight(self, respondent, weight):
        """Sets a respondent's survey weight (default 1; finite, > 0). A
        study with any weight other than 1 is scored weighted: weighted
        top-box shares, Kish effective counts in the intervals and tests."""
        _lib().jtbd_study_set_weight(self._live(),
                                     _index(respondent, "respondent"),
                                     _real(weight, "weight"))

    def add_answers(self, respondents, outcomes, importance, satisfaction):
        """Appends a batch of answers given as four parallel sequences:
        answer i is respondent respondents[i]'s rating of outcome
        outcomes[i], importance[i] and satisfaction[i] (0 = no answer).

        Each may be a list (or any iterable) of ints, or a buffer: the index
        arrays as array('I') / numpy uint32, the ratings as array('B') /
        bytes / bytearray / numpy uint8. Such buffers are passed to C without
        copying (see jtbd._arrays); other item types are converted.

        A batch with any invalid element is rejected whole, leaving the study
        unchanged, with jtbd.InvalidArgumentError (or another jtbd.Error)
        naming the first offending array index and value.
        """
        handle = self._live()
        arrays = (borrow(respondents, ctypes.c_uint32, "respondents"),
                  borrow(outcomes, ctypes.c_uint32, "outcomes"),
                  borrow(importance, ctypes.c_uint8, "importance"),
                  borrow(satisfaction, ctypes.c_uint8, "satisfaction"))
        counts = [array.count for array in arrays]
        if len(set(counts)) != 1:
            raise Error(Code.INVALID_ARGUMENT,
                        "respondents, outcomes, importance and satisfaction "
                        "must have the same length, not %d, %d, %d and %d" %
                        tuple(counts))
        _lib().jtbd_study_add_answers(handle, counts[0],
                                      *(array.pointer for array in arrays))

    def add_solution(self, name):
        """Declares a competing solution, or finds it (names compare
        ignoring case and keep their first spelling); returns its index."""
        encoded = _utf8(name, "name")
        index = ctypes.c_size_t()
        _lib().jtbd_study_add_solution(self._live(), encoded, len(encoded),
                                       ctypes.byref(index))
        return index.value

    def add_solution_answers(self, respondents, solutions, outcomes,
                             satisfaction):
        """Appends satisfaction ratings of competing solutions as four
        parallel sequences (like add_answers): rating i is respondent
        respondents[i]'s satisfaction with solution solutions[i] on outcome
        outcomes[i] (0 = no answer). All or nothing."""
        handle = self._live()
        arrays = (borrow(respondents, ctypes.c_uint32, "respondents"),
                  borrow(solutions, ctypes.c_uint32, "solutions"),
                  borrow(outcomes, ctypes.c_uint32, "outcomes"),
                  borrow(satisfaction, ctypes.c_uint8, "satisfaction"))
        counts = [array.count for array in arrays]
        if len(set(counts)) != 1:
            raise Error(Code.INVALID_ARGUMENT,
                        "respondents, solutions, outcomes and satisfaction "
                        "must have the same length, not %d, %d, %d and %d" %
                        tuple(counts))
        _lib().jtbd_study_add_solution_answers(
            handle, counts[0], *(array.pointer for array in arrays))

    @property
    def solution_count(self):
        return _lib().jtbd_study_solution_count(self._live())

    def describe_outcomes(self, path):
        """Attaches outcome statements and job steps from a CSV file kept
        apart from the survey (columns id, statement, job_step; header names
        compared ignoring case). Each row names an outcome of the study, at
        most once; blank cells leave a field as it was. All or nothing: on
        jtbd.InvalidArgumentError (naming the file, line and column) or
        jtbd.NotFoundError the study is unchanged."""
        encoded = os.fsencode(path)
        _lib().jtbd_study_describe_outcomes_csv_file(self._live(), encoded,
                                                     len(encoded))

    def describe_outcomes_csv(self, data, source_name="<memory>"):
        """describe_outcomes from CSV text (str, or UTF-8 bytes);
        source_name names it in error messages."""
        text = _utf8(data, "data")
        name = _utf8(source_name, "source_name")
        _lib().jtbd_study_describe_outcomes_csv(self._live(), text, len(text),
                                                name, len(name))

    @property
    def outcome_count(self):
        return _lib().jtbd_study_outcome_count(self._live())

    @property
    def respondent_count(self):
        return _lib().jtbd_study_respondent_count(self._live())

    def score(self, segment_by=None, confidence=0.95, bootstrap=2000,
              seed=None, method="ulwick", screening=None):
        """Scores the study. With segment_by (a respondent attribute), also
        each of its distinct non-empty values as a segment, compared with
        the rest of the respondents; NotFoundError when no respondent has
        that attribute. screening: a jtbd.Screening (or True for its
        defaults) flags inattentive respondents in report.screening, and
        with Screening(exclude=True) leaves them out of every score.
        """
        lib = _lib()
        handle = self._live()
        out = ctypes.c_void_p()
        options = _score_options(segment_by, confidence, bootstrap, seed,
                                 method, screening)
        try:
            lib.jtbd_study_score(handle, options, ctypes.byref(out))
        finally:
            lib.jtbd_score_options_destroy(options)
        return _adopt_report(out.value)

    def aggregate(self):
        """The study's mergeable Aggregate (a new, independent object)."""
        return Aggregate._adopt(
            _create(_lib().jtbd_study_create_aggregate, self._live()))

    def __repr__(self):
        if self.closed:
            return "<jtbd.Study closed>"
        return "<jtbd.Study outcomes=%d respondents=%d>" % (
            self.outcome_count, self.respondent_count)


_SCORE_OPTIONS_DOC = """
        confidence: level of every interval, strictly between 0 and 1;
        segment comparisons test at alpha = 1 - confidence. bootstrap:
        resamples per outcome for the opportunity interval and
        P(opportunity >= 10); 0 turns it off (the interval is then the delta
        method's). seed: of the bootstrap (default 20240101); the same seed
        gives the same intervals. method: "ulwick" (top-two-box, the
        default), "mean" (rescaled mean ratings), "olsen" (I x (1 - S),
        0-1) or "top-box-only", or a ScoreMethod. None leaves an option at
        the library's default; values out of range raise
        InvalidArgumentError."""

Study.score.__doc__ += _SCORE_OPTIONS_DOC

_METHOD_NAMES = {
    "ulwick": ScoreMethod.ULWICK,
    "ulwick_top_box": ScoreMethod.ULWICK,
    "mean": ScoreMethod.MEAN,
    "mean_rescaled": ScoreMethod.MEAN,
    "olsen": ScoreMethod.OLSEN,
    "top_box_only": ScoreMethod.TOP_BOX_ONLY,
}


def _score_method(value):
    """A ScoreMethod from a ScoreMethod, a name ("top-box-only") or a
    number."""
    if isinstance(value, str):
        key = value.strip().lower().replace("-", "_")
        if key not in _METHOD_NAMES:
            raise Error(Code.INVALID_ARGUMENT,
                        "unknown method %r (expected ulwick, mean, olsen or "
                        "top-box-only)" % (value,))
        return _METHOD_NAMES[key]
    return _int32(value, "method")


def _real(value, name):
    """A float for a double argument (TypeError for non-numbers)."""
    if isinstance(value, (bool, str, bytes)) or not isinstance(
            value, (int, float)) and not hasattr(value, "__float__"):
        raise TypeError("%s must be a number, not %s" %
                        (name, type(value).__name__))
    return float(value)


def _unsigned(value, name, maximum):
    """An int in [0, maximum] (ctypes would wrap anything else)."""
    value = _index(value, name)
    if value > maximum:
        raise Error(Code.INVALID_ARGUMENT,
                    "%s is %d, above %d" % (name, value, maximum))
    return value


def _score_options(segment_by, confidence, bootstrap, seed, method,
                   screening=None):
    """A native jtbd_score_options (the caller destroys it)."""
    lib = _lib()
    # None leaves an option at the library's default.
    if confidence is not None:
        confidence = _real(confidence, "confidence")
    if bootstrap is not None:
        bootstrap = _unsigned(bootstrap, "bootstrap", _UINT32_MAX)
    seed = None if seed is None else _unsigned(seed, "seed", _UINT64_MAX)
    method = _score_method(method)
    options = _create(lib.jtbd_score_options_create)
    try:
        if segment_by is not None:
            attribute = _utf8(segment_by, "segment_by")
            lib.jtbd_score_options_set_segment_by(options, attribute,
                                                  len(attribute))
        if confidence is not None:
            lib.jtbd_score_options_set_confidence_level(options, confidence)
        if bootstrap is not None:
            lib.jtbd_score_options_set_bootstrap_resamples(options, bootstrap)
        if seed is not None:
            lib.jtbd_score_options_set_seed(options, seed)
        lib.jtbd_score_options_set_method(options, method)
        _screening.apply(lib, options, screening, _real, _unsigned)
    except BaseException:
        lib.jtbd_score_options_destroy(options)
        raise
    return options


def _adopt_report(handle):
    """A Report owning `handle` (freed even if reading it fails)."""
    return Report(handle)


def _input_format(value):
    """An InputFormat from an InputFormat, its name ("google-forms",
    "GOOGLE_FORMS") or its number."""
    if isinstance(value, str):
        key = value.strip().upper().replace("-", "_")
        try:
            return InputFormat[key]
        except KeyError:
            raise Error(Code.INVALID_ARGUMENT,
                        "unknown input format %r (expected one of %s)" %
                        (value, ", ".join(f.name.lower().replace("_", "-")
                                          for f in InputFormat))) from None
    return _int32(value, "input_format")


def _questions(value, name):
    """A question name or an iterable of them, as a list of UTF-8 bytes."""
    if isinstance(value, (str, bytes)):
        value = [value]
    return [_utf8(question, name) for question in value]


# The keys of read functions' limits= dict: jtbd.h's jtbd_limit values.
_LIMITS = {
    "max_record_bytes": 1,
    "max_columns": 2,
    "max_outcomes": 3,
    "max_respondents": 4,
    "max_request_bytes": 5,
    "max_json_depth": 6,
    "max_bootstrap_resamples": 7,
}


def _new_limits(lib, limits):
    """Native jtbd_limits from a limits= dict (keys of _LIMITS); None for
    None (the library's defaults). The caller destroys them."""
    if limits is None:
        return None
    handle = _create(lib.jtbd_limits_create)
    try:
        for name, value in limits.items():
            if name not in _LIMITS:
                raise ValueError(
                    "limits: unknown limit %r (known: %s)"
                    % (name, ", ".join(sorted(_LIMITS))))
            if isinstance(value, bool) or not isinstance(value, int) \
                    or not 0 <= value < 2 ** 64:
                raise ValueError("limits: %s must be an integer in "
                                 "[1, 2**64)" % name)
            lib.jtbd_limits_set(handle, _LIMITS[name], value)
    except BaseException:
        lib.jtbd_limits_destroy(handle)
        raise
    return handle


def _set_limits(lib, options, limits):
    """Sets a limits= dict on native read options (copied)."""
    handle = _new_limits(lib, limits)
    if handle is None:
        return
    try:
        lib.jtbd_read_options_set_limits(options, handle)
    finally:
        lib.jtbd_limits_destroy(handle)


def _read_options(scale, top_box, input_format=None, importance=(),
                  satisfaction=(), labels=None, labels_file=None,
                  survey_map=None, survey_map_file=None, weight_column=None,
                  duration_column=None, limits=None):
    lib = _lib()
    arguments = _scale_arguments(scale, top_box)
    options = _create(lib.jtbd_read_options_create)
    try:
        lib.jtbd_read_options_set_scale(options, *arguments)
        # In any order: the maps are held to them when a file is read.
        _set_limits(lib, options, limits)
        if input_format is not None:
            lib.jtbd_read_options_set_input_format(
                options, _input_format(input_format))
        for question in _questions(importance, "importance"):
            lib.jtbd_read_options_add_importance_question(
                options, question, len(question))
        for question in _questions(satisfaction, "satisfaction"):
            lib.jtbd_read_options_add_satisfaction_question(
                options, question, len(question))
        if labels is not None:
            text = _utf8(json.dumps(labels) if isinstance(labels, dict)
                         else labels, "labels")
            lib.jtbd_read_options_set_labels(options, text, len(text),
                                             b"labels", 6)
        if labels_file is not None:
            path = os.fsencode(labels_file)
            lib.jtbd_read_options_set_labels_file(options, path, len(path))
        if survey_map is not None:
            text = _utf8(json.dumps(survey_map) if isinstance(survey_map, dict)
                         else survey_map, "survey_map")
            lib.jtbd_read_options_set_survey_map(options, text, len(text),
                                                 b"survey map", 10)
        if survey_map_file is not None:
            path = os.fsencode(survey_map_file)
            lib.jtbd_read_options_set_survey_map_file(options, path,
                                                      len(path))
        if weight_column is not None:
            column = _utf8(weight_column, "weight_column")
            lib.jtbd_read_options_set_weight_column(options, column,
                                                    len(column))
        if duration_column is not None:
            column = _utf8(duration_column, "duration_column")
            lib.jtbd_read_options_set_duration_column(options, column,
                                                      len(column))
    except BaseException:
        lib.jtbd_read_options_destroy(options)
        raise
    return options


_READ_OPTIONS_DOC = """
    Options (keyword-only) for files whose layout the header does not
    settle: input_format (InputFormat, or "qualtrics", "surveymonkey",
    "google-forms", "typeform", "long", "wide"); importance and
    satisfaction (a question id such as "Q2" or a question text, or a list
    of them, whose rows pair in order); labels (a dict {label: rating}, or
    CSV/JSON text) or labels_file; survey_map (a dict or JSON text of
    jtbd.v1.SurveyMap, as `jtbd inspect --write-map` writes it) or
    survey_map_file; weight_column; duration_column (survey durations in
    seconds, for screening; default: Qualtrics' "Duration (in seconds)" or
    a duration / duration_seconds column); limits (a dict of resource
    limits, docs/LIMITS.md: max_record_bytes, max_columns, max_outcomes,
    max_respondents, max_request_bytes, max_json_depth; a file beyond one
    raises JtbdError with code RESOURCE_EXHAUSTED)."""


def load_csv(path, scale=(1, 5), top_box=4, **options):
    """Reads a survey file into a Study: the long or wide layout, or a
    Qualtrics, SurveyMonkey, Google Forms or Typeform export, detected from
    its header; UTF-8 or UTF-16, separated by , ; or TAB. Errors name the
    file, line, column and value."""
    encoded = os.fsencode(path)
    lib = _lib()
    native_options = _read_options(scale, top_box, **options)
    try:
        handle = _create(lib.jtbd_study_read_csv_file, native_options,
                         encoded, len(encoded))
    finally:
        lib.jtbd_read_options_destroy(native_options)
    return Study._adopt(handle)


def read_csv(data, source_name="<memory>", scale=(1, 5), top_box=4,
             **options):
    """Reads survey text (str, or bytes: UTF-8 or UTF-16 with a byte order
    mark) into a Study, as load_csv reads a file; source_name names it in
    error messages."""
    text = _utf8(data, "data")
    name = _utf8(source_name, "source_name")
    lib = _lib()
    native_options = _read_options(scale, top_box, **options)
    try:
        handle = _create(lib.jtbd_study_read_csv, native_options, text,
                         len(text), name, len(name))
    finally:
        lib.jtbd_read_options_destroy(native_options)
    return Study._adopt(handle)


def load_aggregate(path, scale=(1, 5), top_box=4, **options):
    """Reads a survey file as load_csv does (same formats, options and
    refusals) straight into an Aggregate: no respondents are kept, so
    memory does not grow with the rows (the long layout excepted); no
    attributes, so no segments."""
    encoded = os.fsencode(path)
    lib = _lib()
    native_options = _read_options(scale, top_box, **options)
    try:
        handle = _create(lib.jtbd_aggregate_read_csv_file, native_options,
                         encoded, len(encoded))
    finally:
        lib.jtbd_read_options_destroy(native_options)
    return Aggregate._adopt(handle)


def read_aggregate(data, source_name="<memory>", scale=(1, 5), top_box=4,
                   **options):
    """read_csv into an Aggregate, as load_aggregate reads a file."""
    text = _utf8(data, "data")
    name = _utf8(source_name, "source_name")
    lib = _lib()
    native_options = _read_options(scale, top_box, **options)
    try:
        handle = _create(lib.jtbd_aggregate_read_csv, native_options, text,
                         len(text), name, len(name))
    finally:
        lib.jtbd_read_options_destroy(native_options)
    return Aggregate._adopt(handle)


for _reader in (load_csv, read_csv, load_aggregate, read_aggregate):
    _reader.__doc__ += _READ_OPTIONS_DOC
del _reader


# --------------------------------------------------------------- aggregate


class Aggregate(_ScaledHandle):
    """Per outcome, the joint importance x satisfaction count table: all
    that scoring needs, in memory that does not grow with respondents.
    Aggregates of disjoint respondents (same scale, same outcomes in the
    same order) merge into exactly the aggregate of all of them.

    Aggregate(scale=(1, 5), top_box=4) is empty; declare outcomes with
    add_outcome before adding respondents. Study.aggregate() and
    Aggregate.parse() make filled ones.
    """

    _C_OBJECT = "jtbd_aggregate"
    _PROTO = "jtbd.v1.Aggregate (an exact round trip)"

    def add_outcome(self, id, statement=""):
        """Declares an outcome before any respondent; returns its index."""
        handle = self._live()
        outcome_id = _utf8(id, "id")
        text = _utf8(statement, "statement")
        lib = _lib()
        index = lib.jtbd_aggregate_outcome_count(handle)
        lib.jtbd_aggregate_add_outcome(handle, outcome_id, len(outcome_id),
                                       text, len(text))
        return index

    def add_respondents(self, importance, satisfaction, weights=None):
        """Adds respondents given as two row-major matrices of ratings, one
        row per respondent and one column per outcome (0 = no answer): flat
        sequences of count * outcome_count items, or 2-D C-contiguous
        buffers (numpy uint8 of shape (count, outcome_count) is passed
        without copying). Rejected whole on any invalid value.

        weights: one survey weight per respondent (finite, > 0), or None.
        Once any respondent is added with weights the aggregate keeps weight
        sums and scores weighted (respondents without count with 1)."""
        handle = self._live()
        importance_array = borrow(importance, ctypes.c_uint8, "importance")
        satisfaction_array = borrow(satisfaction, ctypes.c_uint8,
                                    "satisfaction")
        size = importance_array.count
        outcomes = _lib().jtbd_aggregate_outcome_count(handle)
        if satisfaction_array.count != size:
            raise Error(Code.INVALID_ARGUMENT,
                        "importance has %d ratings but satisfaction %d" %
                        (size, satisfaction_array.count))
        if size and (outcomes == 0 or size % outcomes):
            raise Error(Code.INVALID_ARGUMENT,
                        "%d ratings are not whole rows of %d outcomes" %
                        (size, outcomes))
        count = size // outcomes if size else 0
        if weights is None:
            _lib().jtbd_aggregate_add_respondents(handle, count,
                                                  importance_array.pointer,
                                                  satisfaction_array.pointer)
            return
        values = [_real(w, "weights[%d]" % i) for i, w in enumerate(weights)]
        if len(values) != count:
            raise Error(Code.INVALID_ARGUMENT,
                        "%d weights for %d respondents" %
                        (len(values), count))
        weight_array = (ctypes.c_double * len(values))(*values)
        _lib().jtbd_aggregate_add_weighted_respondents(
            handle, count, importance_array.pointer,
            satisfaction_array.pointer, weight_array)

    @property
    def outcome_count(self):
        return _lib().jtbd_aggregate_outcome_count(self._live())

    @property
    def respondent_count(self):
        return _lib().jtbd_aggregate_respondent_count(self._live())

    def merge(self, other):
        """self += other. Both need the same scale and outcome ids in the
        same order (FailedPreconditionError otherwise, self unchanged)."""
        if not isinstance(other, Aggregate):
            raise TypeError("can only merge a jtbd.Aggregate, not %s" %
                            type(other).__name__)
        _lib().jtbd_aggregate_merge(self._live(), other._live())

    def cell(self, outcome, importance, satisfaction):
        """Respondents whose (importance, satisfaction) ratings of `outcome`
        (an index) were these; 0 is "no answer"."""
        count = ctypes.c_uint64()
        _lib().jtbd_aggregate_cell(self._live(), _index(outcome, "outcome"),
                                   _int32(importance, "importance"),
                                   _int32(satisfaction, "satisfaction"),
                                   ctypes.byref(count))
        return count.value

    def score(self, confidence=0.95, bootstrap=2000, seed=None,
              method="ulwick"):
        """Scores the aggregate (no segments: an aggregate has no
        respondent attributes)."""
        lib = _lib()
        handle = self._live()
        out = ctypes.c_void_p()
        options = _score_options(None, confidence, bootstrap, seed, method)
        try:
            lib.jtbd_aggregate_score(handle, options, ctypes.byref(out))
        finally:
            lib.jtbd_score_options_destroy(options)
        return _adopt_report(out.value)

    score.__doc__ += _SCORE_OPTIONS_DOC

    def __repr__(self):
        if self.closed:
            return "<jtbd.Aggregate closed>"
        return "<jtbd.Aggregate outcomes=%d respondents=%d>" % (
            self.outcome_count, self.respondent_count)


# --------------------------------------------------------- free functions


def _score_request_with_limits(function_name, data, limits):
    """Calls jtbd_score_request[_json]_with_limits on data with native
    limits from a limits= dict (NULL for None); the report's bytes."""
    lib = _lib()
    handle = _new_limits(lib, limits)
    out = ctypes.c_void_p()
    try:
        getattr(lib, function_name)(handle, data, len(data),
                                    ctypes.byref(out))
    finally:
        if handle is not None:
            lib.jtbd_limits_destroy(handle)
    return _native.take_buffer(out.value)


def score_request(request, limits=None):
    """A serialized jtbd.v1.ScoreRequest in, a serialized jtbd.v1.Report
    out. limits: a dict as read_csv's (max_request_bytes, max_outcomes,
    max_respondents, max_bootstrap_resamples, ...; docs/LIMITS.md) the
    request is held to; None: the defaults."""
    return _score_request_with_limits("jtbd_score_request_with_limits",
                                      _bytes_in(request, "request"), limits)


def score_request_json(request, limits=None):
    """The same in protobuf JSON (str or UTF-8 bytes in, str out); limits
    as score_request's (max_json_depth too)."""
    return _score_request_with_limits(
        "jtbd_score_request_json_with_limits", _utf8(request, "request"),
        limits).decode("utf-8")


def version():
    """The library's version string, e.g. "1.0.0"."""
    return _native.string_at(_lib().jtbd_version_string())


def version_number():
    """The library's JTBD_VERSION_NUMBER (major * 10000 + minor * 100 +
    patch)."""
    return _lib().jtbd_version_number()
