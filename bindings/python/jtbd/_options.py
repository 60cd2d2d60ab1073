"""Native options built from keyword arguments: how to read a survey, how to
score, how to segment.

None means "the library's default" everywhere: an option the caller did not
give is never set, so the binding restates none of jtbd.h's defaults, and
when no option is given at all the library gets NULL. Each builder is a
context manager yielding the native options (or None) and releasing them
when the call is done.
"""

import contextlib
import json
import os

from . import _convert, _native, _screening
from ._ffi import (InputFormat, Limit, PValueAdjustment, ScoreMethod,
                   SegmentFeature)
from ._handle import Owned

# limits= keys: "max_" + the jtbd_limit name, e.g. max_columns.
LIMIT_KEYS = {"max_" + limit.name.lower(): limit for limit in Limit}

_METHOD_ALIASES = {
    # The names reports give the methods (Report.method).
    "ulwick_top_box": ScoreMethod.ULWICK,
    "mean_rescaled": ScoreMethod.MEAN,
}
_FEATURE_ALIASES = {
    "top_box": SegmentFeature.TOP_BOX_OPPORTUNITY,
    "rating": SegmentFeature.RATING_OPPORTUNITY,
}


class _Options(Owned):
    """Native options of one kind: <_C_OBJECT>_create / _destroy."""

    _C_OBJECT = None

    def __init__(self):
        lib = _native.library()
        super().__init__(
            _native.create(getattr(lib, self._C_OBJECT + "_create")),
            getattr(lib, self._C_OBJECT + "_destroy"))


class ReadOptions(_Options):
    _C_OBJECT = "jtbd_read_options"


class ScoreOptions(_Options):
    _C_OBJECT = "jtbd_score_options"


class SegmentOptions(_Options):
    _C_OBJECT = "jtbd_segment_options"


class Limits(_Options):
    _C_OBJECT = "jtbd_limits"


@contextlib.contextmanager
def _built(options_type, calls):
    """Yields None when `calls` is empty, else new options on which each
    (setter name, arguments) was called in order; released afterwards."""
    if not calls:
        yield None
        return
    lib = _native.library()
    with options_type() as options:
        for setter, arguments in calls:
            getattr(lib, setter)(options, *arguments)
        yield options


def _given(prefix, settings):
    """(prefix + name, arguments) for each (name, arguments) whose
    arguments are not None: the setter calls to make, in order."""
    return [(prefix + name, arguments) for name, arguments in settings
            if arguments is not None]


def _one(convert, value, *arguments):
    """(convert(value, *arguments),), or None for None: the argument tuple
    of a setter taking one value."""
    return None if value is None else (convert(value, *arguments),)


def _text(value, name):
    """(UTF-8 bytes, length) of a text argument, or None."""
    if value is None:
        return None
    encoded = _convert.utf8(value, name)
    return encoded, len(encoded)


def _path(value):
    if value is None:
        return None
    encoded = os.fsencode(value)
    return encoded, len(encoded)


def _map(value, name, source_name):
    """A label or survey map (a dict, or JSON/CSV text) named source_name in
    errors: (text, length, name, length), or None."""
    if value is None:
        return None
    text = _text(json.dumps(value) if isinstance(value, dict) else value,
                 name)
    return text + (source_name, len(source_name))


def _questions(value, name):
    """A question name or an iterable of them: one argument tuple each."""
    values = [value] if isinstance(value, (str, bytes)) else value
    return [_text(question, name) for question in values]


def native_limits(given):
    """Native jtbd_limits (or None: the library's defaults) from a limits=
    dict, keys LIMIT_KEYS."""
    calls = []
    for name, value in (given or {}).items():
        if name not in LIMIT_KEYS:
            raise ValueError("limits: unknown limit %r (known: %s)" %
                             (name, ", ".join(sorted(LIMIT_KEYS))))
        if isinstance(value, bool) or not isinstance(value, int) or \
                not 0 <= value <= _convert.UINT64_MAX:
            raise ValueError("limits: %s must be an integer in [1, 2**64)" %
                             name)
        calls.append(("jtbd_limits_set", (LIMIT_KEYS[name], value)))
    return _built(Limits, calls)


@contextlib.contextmanager
def read_options(scale=None, top_box=None, input_format=None, importance=(),
                 satisfaction=(), labels=None, labels_file=None,
                 survey_map=None, survey_map_file=None, weight_column=None,
                 duration_column=None, outcome_descriptions=None,
                 outcome_descriptions_file=None, limits=None):
    """Native jtbd_read_options (or None) from read_csv's keywords."""
    prefix = "jtbd_read_options_"
    calls = _given(prefix, [
        ("set_scale", _convert.scale(scale, top_box)),
        ("set_input_format", _one(_convert.enum_value, input_format,
                                  "input format", InputFormat))])
    calls += [(prefix + "add_importance_question", question)
              for question in _questions(importance, "importance")]
    calls += [(prefix + "add_satisfaction_question", question)
              for question in _questions(satisfaction, "satisfaction")]
    calls += _given(prefix, [
        ("set_labels", _map(labels, "labels", b"labels")),
        ("set_labels_file", _path(labels_file)),
        ("set_survey_map", _map(survey_map, "survey_map", b"survey map")),
        ("set_survey_map_file", _path(survey_map_file)),
        ("set_weight_column", _text(weight_column, "weight_column")),
        ("set_duration_column", _text(duration_column, "duration_column")),
        ("set_outcome_descriptions", _map(outcome_descriptions,
                                          "outcome_descriptions",
                                          b"outcome descriptions")),
        ("set_outcome_descriptions_file", _path(outcome_descriptions_file)),
    ])
    # The options copy the limits, which are released right after.
    with native_limits(limits) as limited:
        if limited is not None:
            calls.append((prefix + "set_limits", (limited,)))
        with _built(ReadOptions, calls) as options:
            yield options


READ_OPTIONS_DOC = """
    scale and top_box (together, or neither for the library's 1-5 scale
    counting 4 and 5 as top box): ratings run from scale[0] to scale[1];
    those >= top_box count as top box.

    Options (keyword-only) for files whose layout the header does not
    settle: input_format (InputFormat, or "qualtrics", "surveymonkey",
    "google-forms", "typeform", "long", "wide"); importance and
    satisfaction (a question id such as "Q2" or a question text, or a list
    of them, whose rows pair in order); labels (a dict {label: rating}, or
    CSV/JSON text) or labels_file; survey_map (a dict or JSON text of
    jtbd.v1.SurveyMap, as `jtbd inspect --write-map` writes it) or
    survey_map_file; weight_column; duration_column (survey durations in
    seconds, for screening; default: Qualtrics' "Duration (in seconds)" or
    a duration / duration_seconds column); outcome_descriptions (CSV
    text with columns id, statement, job_step) or outcome_descriptions_file,
    describing the outcomes read; limits (a dict of resource
    limits, docs/LIMITS.md: max_record_bytes, max_columns, max_outcomes,
    max_respondents, max_request_bytes, max_json_depth; a file beyond one
    raises ResourceExhaustedError). An option left out (None) is the
    library's default."""


def score_options(segment_by=None, confidence=None, bootstrap=None,
                  seed=None, method=None, screening=None, adjust=None,
                  design=None):
    """Native jtbd_score_options (or None) from Study.score's keywords."""
    calls = _given("jtbd_score_options_", [
        ("set_segment_by", _text(segment_by, "segment_by")),
        ("set_confidence_level", _one(_convert.real, confidence,
                                      "confidence")),
        ("set_bootstrap_resamples", _one(_convert.unsigned, bootstrap,
                                         "bootstrap", _convert.UINT32_MAX)),
        ("set_seed", _one(_convert.unsigned, seed, "seed",
                          _convert.UINT64_MAX)),
        ("set_method", _one(_convert.enum_value, method, "method",
                            ScoreMethod, _METHOD_ALIASES)),
        ("set_p_value_adjustment", _one(_convert.enum_value, adjust,
                                        "adjust", PValueAdjustment)),
    ])
    calls += _screening.calls(screening)
    if design is not None:  # a jtbd.Design (read_design)
        calls.append(("jtbd_score_options_set_design", design.arguments()))
    return _built(ScoreOptions, calls)


SCORE_OPTIONS_DOC = """
        confidence: level of every interval, strictly between 0 and 1;
        segment comparisons test at alpha = 1 - confidence. bootstrap:
        resamples per outcome for the opportunity interval and
        P(opportunity >= 10); 0 turns it off (the interval is then the delta
        method's). seed: of the bootstrap; the same seed gives the same
        intervals. method: "ulwick" (top-two-box), "mean" (rescaled mean
        ratings), "olsen" (I x (1 - S), 0-1) or "top-box-only", or a
        ScoreMethod. adjust: how the segment-vs-rest tests are adjusted
        for their number, across segments x outcomes: "holm" (the chance of
        any false finding below alpha) or "bh" (Benjamini-Hochberg: the
        expected share of false findings), or a PValueAdjustment. Each left
        out (None) is the library's default
        (docs/SCORING.md); values out of range raise InvalidArgumentError."""


def segment_options(scoring, k=None, k_range=None, feature=None,
                    principal_components=None, starts=None, seed=None,
                    threads=None, silhouette_sample_size=None,
                    min_attribute_count=None):
    """Native jtbd_segment_options (or None) from Study.segment's keywords;
    `scoring`: native score options or None."""
    uint32 = _convert.UINT32_MAX
    if k_range is not None:
        low, high = _convert.pair(k_range, "k_range")
        k_range = (_convert.unsigned(low, "k_range min", uint32),
                   _convert.unsigned(high, "k_range max", uint32))
    calls = _given("jtbd_segment_options_", [
        ("set_score_options", _one(lambda options: options, scoring)),
        ("set_feature", _one(_convert.enum_value, feature, "feature",
                             SegmentFeature, _FEATURE_ALIASES)),
        ("set_principal_components", _one(lambda on: 1 if on else 0,
                                          principal_components)),
        ("set_k", _one(_convert.unsigned, k, "k", uint32)),
        ("set_k_range", k_range),
        ("set_starts", _one(_convert.unsigned, starts, "starts", uint32)),
        ("set_seed", _one(_convert.unsigned, seed, "seed",
                          _convert.UINT64_MAX)),
        ("set_threads", _one(_convert.unsigned, threads, "threads",
                             uint32)),
        ("set_silhouette_sample_size", _one(
            _convert.unsigned, silhouette_sample_size,
            "silhouette_sample_size", uint32)),
        ("set_min_attribute_count", _one(
            _convert.unsigned, min_attribute_count, "min_attribute_count",
            uint32)),
    ])
    return _built(SegmentOptions, calls)


def documented(more):
    """Decorator: appends a shared paragraph (READ_OPTIONS_DOC, ...) to a
    function's docstring."""

    def decorate(function):
        function.__doc__ += more
        return function

    return decorate
