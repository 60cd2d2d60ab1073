"""Surveys in one step: score_survey / score_survey_file and segment_survey /
segment_survey_file read a survey and score (or segment) it in one C call,
by the path the jtbd command and the sidecar take. Scoring keeps no
respondent unless screening asks for them, so memory grows with the
outcomes and segments, not with the rows of the file.

    report = jtbd.score_survey_file("survey.csv", segment_by="segment",
                                    outcome_descriptions_file="outcomes.csv")
"""

import os

from . import _convert, _native, _options, _segment
from ._report import Report


def _survey_file(path):
    encoded = os.fsencode(path)
    return encoded, len(encoded)


def _survey_bytes(data, source_name):
    text = _convert.utf8(data, "data")
    name = _convert.utf8(source_name, "source_name")
    return text, len(text), name, len(name)


def _score(function, survey, scale, top_box, scoring, reading):
    with _options.read_options(scale, top_box, **reading) as read, \
            _options.score_options(**scoring) as score:
        return Report(_native.create(function, read, score, *survey))


def _segment_survey(function, survey, scale, top_box, segmenting, reading):
    with _options.read_options(scale, top_box, **reading) as read, \
            _segment.segmenting_options(**segmenting) as options:
        return _segment.Segmentation(_native.create(function, read, options,
                                                    *survey))


@_options.documented(_options.READ_OPTIONS_DOC)
def score_survey_file(path, scale=None, top_box=None, *, segment_by=None,
                      confidence=None, bootstrap=None, seed=None, method=None,
                      screening=None, adjust=None, design=None,
                      **read_options):
    """Reads a survey file and scores it: the Report that
    load_csv(path, ...).score(...) gives, with Study.score's keywords
    (segment_by, confidence, bootstrap, seed, method, screening, adjust)
    and load_csv's. Without screening no respondent is kept. design: a
    jtbd.Design (read_design) attached with its job-map coverage
    (Report.coverage)."""
    return _score(_native.library().jtbd_score_survey_file,
                  _survey_file(path), scale, top_box,
                  dict(segment_by=segment_by, confidence=confidence,
                       bootstrap=bootstrap, seed=seed, method=method,
                       screening=screening, adjust=adjust, design=design),
                  read_options)


@_options.documented(_options.READ_OPTIONS_DOC)
def score_survey(data, source_name="<memory>", scale=None, top_box=None, *,
                 segment_by=None, confidence=None, bootstrap=None, seed=None,
                 method=None, screening=None, adjust=None, design=None,
                 **read_options):
    """score_survey_file from survey text (str, or bytes: UTF-8 or UTF-16
    with a byte order mark); source_name names it in error messages."""
    return _score(_native.library().jtbd_score_survey,
                  _survey_bytes(data, source_name), scale, top_box,
                  dict(segment_by=segment_by, confidence=confidence,
                       bootstrap=bootstrap, seed=seed, method=method,
                       screening=screening, adjust=adjust, design=design),
                  read_options)


_SEGMENT_KEYWORDS = ("k", "k_range", "feature", "principal_components",
                     "starts", "seed", "threads", "silhouette_sample_size",
                     "confidence", "bootstrap", "score_seed", "method",
                     "adjust", "min_attribute_count")


def _split(keywords):
    """Study.segment's keywords apart from load_csv's."""
    segmenting = {name: keywords.pop(name) for name in _SEGMENT_KEYWORDS
                  if name in keywords}
    return segmenting, keywords


@_options.documented(_options.READ_OPTIONS_DOC)
def segment_survey_file(path, scale=None, top_box=None, **keywords):
    """Reads a survey file and segments it: the Segmentation that
    load_csv(path, ...).segment(...) gives, with Study.segment's keywords
    (k, k_range, feature, principal_components, starts, seed, threads,
    silhouette_sample_size, confidence, bootstrap, score_seed, method,
    adjust, min_attribute_count) and
    load_csv's; the segmenting options are checked before the file is
    read."""
    segmenting, reading = _split(keywords)
    return _segment_survey(_native.library().jtbd_segment_survey_file,
                           _survey_file(path), scale, top_box, segmenting,
                           reading)


@_options.documented(_options.READ_OPTIONS_DOC)
def segment_survey(data, source_name="<memory>", scale=None, top_box=None,
                   **keywords):
    """segment_survey_file from survey text; source_name names it in
    error messages."""
    segmenting, reading = _split(keywords)
    return _segment_survey(_native.library().jtbd_segment_survey,
                           _survey_bytes(data, source_name), scale, top_box,
                           segmenting, reading)
