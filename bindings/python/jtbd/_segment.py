"""Outcome-based segmentation: Study.segment(), Segmentation, SegmentModel.

    with jtbd.load_csv("survey.csv") as study:
        segmentation = study.segment(bootstrap=0)
    print(segmentation.k, [c.silhouette for c in segmentation.candidates])
    for profile in segmentation.segments:
        name = "segment %d" % profile.cluster
        print(profile.cluster, profile.share,
              profile.scores.segments[name].more_underserved)
    with segmentation.model() as model:
        model.save("segments.jtbd")

    # later, in the CRM, as a contact's answers arrive:
    with jtbd.SegmentModel.load("segments.jtbd") as model:
        tag = model.assign({"o1": (5, 1), "o7": (4, 2)})
        print(tag.cluster, tag.distance)

A Segmentation copies every figure into Python records when it is made and
keeps the native object only to render it and to make models; each
segment's scores are a Report of their own.
"""

import contextlib
import ctypes
import os
import typing

from . import _convert, _ffi, _native, _options
from ._errors import Error
from ._ffi import Code, PValueAdjustment, SegmentFeature, SetAsideReason
from ._handle import Owned, Result
from ._record import Record, converted, extra, new_struct, optional, record
from ._report import Report
from ._scores import read_warnings
from ._scores import SignificanceTest

__all__ = [
    "AttributeOverrepresentation", "SegmentAssignment", "SegmentCandidate",
    "SegmentModel", "SegmentProfile", "Segmentation", "SetAsideAttribute"
]


@record("jtbd_segment_candidate")
class SegmentCandidate(Record):
    """The fit of one candidate number of segments: k, silhouette (mean,
    -1 to 1: higher is clearer), inertia (sum of squared distances to the
    centroids), iterations (Lloyd iterations of the best start)."""

    k: int
    silhouette: float
    inertia: float
    iterations: int


@record("jtbd_segment_assignment")
class SegmentAssignment(Record):
    """A respondent's segment under a model: cluster (1..k), distance
    (Euclidean, to the segment's centroid), observed_count (model outcomes
    with both ratings given)."""

    cluster: int
    distance: float
    observed_count: int


@record("jtbd_attribute_overrepresentation")
class AttributeOverrepresentation(Record):
    """A respondent attribute value more common in a segment than in the
    rest of the clustered respondents, held by at least min_attribute_count
    of the segment's respondents: test is Fisher's exact test, one-sided
    (p_value the mid-p, holm_adjusted_p_value across the attribute's values
    in the segment; z the pooled z, descriptive); fisher_p_value is
    Fisher's own, conservative p. lift is None when rest_share is 0."""

    attribute: str
    value: str
    segment_count: int
    segment_total: int
    rest_count: int
    rest_total: int
    segment_share: float
    rest_share: float
    lift: typing.Optional[float] = optional(flag="has_lift")
    test: SignificanceTest
    fisher_p_value: float


@record("jtbd_set_aside_attribute")
class SetAsideAttribute(Record):
    """An attribute column not tested for over-represented values, and why
    (reason: a SetAsideReason; HIGH_CARDINALITY: most values unique, as ids,
    emails and free text are): distinct_value_count distinct values among
    respondent_count clustered respondents with a value."""

    attribute: str
    reason: SetAsideReason = converted(SetAsideReason)
    distinct_value_count: int
    respondent_count: int


@record("jtbd_segment_profile",
        consumed=("overrepresented_attribute_count",))
class SegmentProfile(Record):
    """One segment: size, share of the clustered respondents, mean
    silhouette, its scores (a Report whose one segment, "segment
    <cluster>", compares it with the rest) and its over-represented
    attribute values, largest lift first."""

    cluster: int
    respondent_count: int
    share: float
    silhouette: float
    scores: typing.Optional[Report] = extra(None)
    overrepresented_attributes: typing.Tuple[AttributeOverrepresentation,
                                             ...] = extra(())


def _rating(value, name):
    value = _convert.index(value, name)
    if value > 255:
        raise Error(Code.INVALID_ARGUMENT,
                    "%s is %d, not a rating (0 = no answer)" % (name, value))
    return value


class SegmentModel(Owned):
    """A fitted segmentation that tags new respondents one at a time: per
    model outcome the feature, the outcome's mean for a missing rating,
    standardised, projected, then the nearest centroid.

    Made by Segmentation.model(), SegmentModel.parse(bytes) or
    SegmentModel.load(path); released by close() or a `with` block.
    """

    def __init__(self, pointer):
        super().__init__(pointer, _native.library().jtbd_segment_model_destroy)

    @classmethod
    def parse(cls, data):
        """A model from its serialized jtbd.v1.SegmentModel (serialize())."""
        data = _convert.bytes_in(data, "data")
        return cls(_native.create(_native.library().jtbd_segment_model_parse,
                                  data, len(data)))

    @classmethod
    def load(cls, path):
        """A model from a file written by save(); a missing, truncated,
        corrupted, foreign or newer-version file raises jtbd.Error naming
        it."""
        encoded = os.fsencode(path)
        return cls(_native.create(
            _native.library().jtbd_segment_model_load_file, encoded,
            len(encoded)))

    def serialize(self):
        """The serialized jtbd.v1.SegmentModel."""
        return _native.take_buffer(
            _native.library().jtbd_segment_model_serialize, self)

    def save(self, path):
        """Saves to a file atomically, with a format version and
        checksums."""
        encoded = os.fsencode(path)
        _native.library().jtbd_segment_model_save_file(self, encoded,
                                                       len(encoded))

    @property
    def k(self):
        return _native.library().jtbd_segment_model_k(self)

    @property
    def outcome_ids(self):
        """The outcomes clustered on, in model order."""
        lib = _native.library()
        return [
            _native.text_out(lib.jtbd_segment_model_outcome_id, self, index)
            for index in range(lib.jtbd_segment_model_outcome_count(self))
        ]

    def assign(self, answers):
        """Tags one respondent. `answers`: a mapping outcome id ->
        (importance, satisfaction), or an iterable of (outcome id,
        importance, satisfaction); any order, 0 = no answer, ids the model
        does not use ignored. Errors name the answer's index;
        FailedPreconditionError when no model outcome has both ratings."""
        if hasattr(answers, "items"):
            rows = [(id, pair[0], pair[1]) for id, pair in answers.items()]
        else:
            rows = [tuple(row) for row in answers]
        count = len(rows)
        assign = _native.library().jtbd_segment_model_assign
        ids, lengths, importance, satisfaction = (
            _native.array_for(assign, parameter, count)
            for parameter in (2, 3, 4, 5))
        encoded = []  # keeps the bytes alive during the call
        for index, row in enumerate(rows):
            if len(row) != 3:
                raise TypeError("answers[%d] must be (outcome id, importance, "
                                "satisfaction), not %r" % (index, row))
            encoded.append(_convert.utf8(row[0],
                                         "answers[%d] outcome id" % index))
            ids[index] = encoded[-1]
            lengths[index] = len(encoded[-1])
            importance[index] = _rating(row[1], "importance[%d]" % index)
            satisfaction[index] = _rating(row[2], "satisfaction[%d]" % index)
        out = new_struct(_ffi.jtbd_segment_assignment)
        assign(self, count, ids, lengths, importance, satisfaction,
               ctypes.byref(out))
        return SegmentAssignment.from_struct(out)

    def assign_study(self, study):
        """Every respondent of a Study, in study order: 1..k, or 0 for a
        respondent without any usable answer."""
        count = study.respondent_count
        assign = _native.library().jtbd_segment_model_assign_study
        clusters = _native.array_for(assign, 2, count)
        assign(self, study, clusters, count)
        return list(clusters[:count])

    def __repr__(self):
        if self.closed:
            return "<jtbd.SegmentModel closed>"
        return "<jtbd.SegmentModel k=%d outcomes=%d>" % (
            self.k, len(self.outcome_ids))


class Segmentation(Result):
    """A study's segmentation (docs/SEGMENTS.md).

    Attributes (plain Python data, valid after close()): k, k_chosen,
    feature (SegmentFeature), component_count, respondent_count (clustered),
    unclustered_respondent_count, silhouette_respondent_count, starts, seed,
    imputed_feature_count, outcome_ids, dropped_outcome_ids, candidates
    (SegmentCandidate per k fitted), clusters (per study respondent, in
    study order: 1..k, 0 when not clustered), segments (SegmentProfile;
    segments[c - 1] is segment c), set_aside_attributes and warnings
    (ReportWarning: a weak structure, then each segment's).

    render(), to_json() (jtbd.v1.SegmentationReport: respondents and
    segments), to_csv() (respondent_id,cluster per respondent), to_table(),
    to_protobuf() and model() use the native object, which close()
    releases.
    """

    _C_OBJECT = "jtbd_segmentation"

    def _read(self, lib):
        info = new_struct(_ffi.jtbd_segmentation_info)
        lib.jtbd_segmentation_get_info(self, ctypes.byref(info))
        info = SegmentationInfo.from_struct(info)
        self.k = info.k
        self.k_chosen = bool(info.k_chosen)
        self.feature = SegmentFeature(info.feature)
        self.component_count = info.component_count
        self.respondent_count = info.respondent_count
        self.unclustered_respondent_count = info.unclustered_respondent_count
        self.silhouette_respondent_count = info.silhouette_respondent_count
        self.starts = info.starts
        self.seed = info.seed
        self.imputed_feature_count = info.imputed_feature_count
        self.min_attribute_count = info.min_attribute_count
        self.p_value_adjustment = info.p_value_adjustment
        aside = new_struct(_ffi.jtbd_set_aside_attribute)
        self.set_aside_attributes = []
        for index in range(lib.jtbd_segmentation_set_aside_attribute_count(
                self)):
            lib.jtbd_segmentation_set_aside_attribute(self, index,
                                                      ctypes.byref(aside))
            self.set_aside_attributes.append(
                SetAsideAttribute.from_struct(aside))
        self.warnings = read_warnings(lib.jtbd_segmentation_warning_count,
                                      lib.jtbd_segmentation_warning, self)
        self.outcome_ids = [
            _native.text_out(lib.jtbd_segmentation_outcome_id, self, index)
            for index in range(info.outcome_count)
        ]
        self.dropped_outcome_ids = [
            _native.text_out(lib.jtbd_segmentation_dropped_outcome_id, self,
                             index)
            for index in range(info.dropped_outcome_count)
        ]
        candidate = new_struct(_ffi.jtbd_segment_candidate)
        self.candidates = []
        for index in range(info.candidate_count):
            lib.jtbd_segmentation_candidate(self, index,
                                            ctypes.byref(candidate))
            self.candidates.append(SegmentCandidate.from_struct(candidate))
        count = info.respondent_count + info.unclustered_respondent_count
        clusters = _native.array_for(
            lib.jtbd_segmentation_respondent_clusters, 1, count)
        lib.jtbd_segmentation_respondent_clusters(self, clusters, count)
        self.clusters = list(clusters[:count])
        self.segments = [self._read_segment(lib, cluster)
                         for cluster in range(1, info.k + 1)]

    def _read_segment(self, lib, cluster):
        profile = new_struct(_ffi.jtbd_segment_profile)
        lib.jtbd_segmentation_segment_profile(self, cluster,
                                              ctypes.byref(profile))
        scores = Report(_native.create(
            lib.jtbd_segmentation_create_segment_report, self, cluster))
        attribute = new_struct(_ffi.jtbd_attribute_overrepresentation)
        attributes = []
        for index in range(profile.overrepresented_attribute_count):
            lib.jtbd_segmentation_segment_attribute(self, cluster, index,
                                                    ctypes.byref(attribute))
            attributes.append(
                AttributeOverrepresentation.from_struct(attribute))
        return SegmentProfile.from_struct(
            profile, scores=scores, overrepresented_attributes=tuple(
                attributes))

    def model(self):
        """The SegmentModel that tags new respondents (a new object)."""
        return SegmentModel(_native.create(
            _native.library().jtbd_segmentation_create_model, self))

    def __repr__(self):
        return "<jtbd.Segmentation k=%d respondents=%d>" % (
            self.k, self.respondent_count)


@record("jtbd_segmentation_info")
class SegmentationInfo(Record):
    """A segmentation as a whole (jtbd_segmentation_info); Segmentation
    copies it into its own attributes."""

    k: int
    k_chosen: int
    feature: int
    component_count: int
    respondent_count: int
    unclustered_respondent_count: int
    outcome_count: int
    dropped_outcome_count: int
    candidate_count: int
    silhouette_respondent_count: int
    starts: int
    seed: int
    imputed_feature_count: int
    min_attribute_count: int
    p_value_adjustment: PValueAdjustment = converted(PValueAdjustment)


@contextlib.contextmanager
def segmenting_options(confidence=None, bootstrap=None, score_seed=None,
                       method=None, adjust=None, **segmenting):
    """Native jtbd_segment_options (or None) from Study.segment's keywords,
    the scoring ones included."""
    with _options.score_options(confidence=confidence, bootstrap=bootstrap,
                                seed=score_seed, method=method,
                                adjust=adjust) as scoring, \
            _options.segment_options(scoring, **segmenting) as options:
        yield options


def segment_study(study, **segmenting):
    """Study.segment: a Segmentation of `study`."""
    with segmenting_options(**segmenting) as options:
        return Segmentation(_native.create(
            _native.library().jtbd_study_segment, study, options))
