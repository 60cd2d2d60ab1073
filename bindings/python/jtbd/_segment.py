"""Outcome-based segmentation: Study.segment(), Segmentation, SegmentModel.

    with jtbd.load_csv("survey.csv") as study:
        segmentation = study.segment(bootstrap=0)
    print(segmentation.k, [c.silhouette for c in segmentation.candidates])
    for profile in segmentation.segments:
        print(profile.cluster, profile.share,
              profile.scores.more_underserved["segment %d" % profile.cluster])
    with segmentation.model() as model:
        model.save("segments.jtbd")

    # later, in the CRM, as a contact's answers arrive:
    with jtbd.SegmentModel.load("segments.jtbd") as model:
        tag = model.assign({"o1": (5, 1), "o7": (4, 2)})
        print(tag.cluster, tag.distance)

Lifetimes follow _api.py: a Segmentation copies every figure into Python
objects when it is made and keeps the native object only to render it and
to make models; each segment's scores are a Report of their own.
"""

import ctypes
import dataclasses
import os
import typing

from . import _native
from ._api import (Report, SignificanceTest, _bytes_in, _create, _Handle,
                   _index, _int32, _lib, _new_struct, _score_options,
                   _unsigned, _utf8)
from ._constants import Code, Format, SegmentFeature
from ._errors import Error

__all__ = [
    "AttributeOverrepresentation", "SegmentAssignment", "SegmentCandidate",
    "SegmentModel", "SegmentProfile", "Segmentation", "segment"
]

_UINT32_MAX, _UINT64_MAX = 2 ** 32 - 1, 2 ** 64 - 1


class SegmentCandidate(typing.NamedTuple):
    """The fit of one candidate number of segments."""

    k: int
    silhouette: float  # mean, -1 to 1: higher is clearer
    inertia: float  # sum of squared distances to the centroids
    iterations: int  # Lloyd iterations of the best start


class SegmentAssignment(typing.NamedTuple):
    """A respondent's segment under a model."""

    cluster: int  # 1..k
    distance: float  # Euclidean, to the segment's centroid
    observed_count: int  # model outcomes with both ratings given


@dataclasses.dataclass(frozen=True)
class AttributeOverrepresentation:
    """A respondent attribute value more common in a segment than in the
    rest of the clustered respondents (pooled two-proportion z-test,
    Holm-adjusted across the attribute's values)."""

    attribute: str
    value: str
    segment_count: int
    segment_total: int
    rest_count: int
    rest_total: int
    segment_share: float
    rest_share: float
    lift: typing.Optional[float]  # None when rest_share is 0
    test: SignificanceTest


@dataclasses.dataclass
class SegmentProfile:
    """One segment: size, share, mean silhouette, its scores (a Report whose
    one segment, "segment <cluster>", compares it with the rest) and its
    over-represented attribute values, largest lift first."""

    cluster: int
    respondent_count: int
    share: float
    silhouette: float
    scores: Report
    overrepresented_attributes: typing.List[AttributeOverrepresentation]


def _text_out(function, *arguments):
    """Calls a (..., const char** text, size_t* length) accessor."""
    text = ctypes.c_void_p()
    length = ctypes.c_size_t()
    function(*arguments, ctypes.byref(text), ctypes.byref(length))
    return _native.string_at(text.value, length.value)


def _rating(value, name):
    value = _index(value, name)
    if value > 255:
        raise Error(Code.INVALID_ARGUMENT,
                    "%s is %d, not a rating (0 = no answer)" % (name, value))
    return value


class SegmentModel(_Handle):
    """A fitted segmentation that tags new respondents one at a time: per
    model outcome the feature, the outcome's mean for a missing rating,
    standardised, projected, then the nearest centroid.

    Made by Segmentation.model(), SegmentModel.parse(bytes) or
    SegmentModel.load(path); released by close() or a `with` block.
    """

    def __init__(self, handle):
        super().__init__(handle, _lib().jtbd_segment_model_destroy)

    @classmethod
    def parse(cls, data):
        """A model from its serialized jtbd.v1.SegmentModel (serialize())."""
        data = _bytes_in(data, "data")
        return cls(_create(_lib().jtbd_segment_model_parse, data, len(data)))

    @classmethod
    def load(cls, path):
        """A model from a file written by save(); a missing, truncated,
        corrupted, foreign or newer-version file raises jtbd.Error naming
        it."""
        encoded = os.fsencode(path)
        return cls(
            _create(_lib().jtbd_segment_model_load_file, encoded,
                    len(encoded)))

    def serialize(self):
        """The serialized jtbd.v1.SegmentModel."""
        out = ctypes.c_void_p()
        _lib().jtbd_segment_model_serialize(self._live(), ctypes.byref(out))
        return _native.take_buffer(out.value)

    def save(self, path):
        """Saves to a file atomically, with a format version and
        checksums."""
        encoded = os.fsencode(path)
        _lib().jtbd_segment_model_save_file(self._live(), encoded,
                                            len(encoded))

    @property
    def k(self):
        return _lib().jtbd_segment_model_k(self._live())

    @property
    def outcome_ids(self):
        """The outcomes clustered on, in model order."""
        lib = _lib()
        handle = self._live()
        return [
            _text_out(lib.jtbd_segment_model_outcome_id, handle, index)
            for index in range(lib.jtbd_segment_model_outcome_count(handle))
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
        ids = (ctypes.c_char_p * max(count, 1))()
        lengths = (ctypes.c_size_t * max(count, 1))()
        importance = (ctypes.c_uint8 * max(count, 1))()
        satisfaction = (ctypes.c_uint8 * max(count, 1))()
        encoded = []  # keeps the bytes alive during the call
        for index, row in enumerate(rows):
            if len(row) != 3:
                raise TypeError("answers[%d] must be (outcome id, importance, "
                                "satisfaction), not %r" % (index, row))
            encoded.append(_utf8(row[0], "answers[%d] outcome id" % index))
            ids[index] = encoded[-1]
            lengths[index] = len(encoded[-1])
            importance[index] = _rating(row[1], "importance[%d]" % index)
            satisfaction[index] = _rating(row[2], "satisfaction[%d]" % index)
        out = _new_struct(_native.SegmentAssignmentStruct)
        _lib().jtbd_segment_model_assign(self._live(), count, ids, lengths,
                                         importance, satisfaction,
                                         ctypes.byref(out))
        return SegmentAssignment(out.cluster, out.distance, out.observed_count)

    def assign_study(self, study):
        """Every respondent of a Study, in study order: 1..k, or 0 for a
        respondent without any usable answer."""
        count = study.respondent_count
        clusters = (ctypes.c_uint32 * max(count, 1))()
        _lib().jtbd_segment_model_assign_study(self._live(), study._live(),
                                               clusters, count)
        return list(clusters[:count])

    def __repr__(self):
        if self.closed:
            return "<jtbd.SegmentModel closed>"
        return "<jtbd.SegmentModel k=%d outcomes=%d>" % (
            self.k, len(self.outcome_ids))


class Segmentation(_Handle):
    """A study's segmentation (docs/SEGMENTS.md).

    Attributes (plain Python data, valid after close()): k, k_chosen,
    feature (SegmentFeature), component_count, respondent_count (clustered),
    unclustered_respondent_count, silhouette_respondent_count, starts, seed,
    imputed_feature_count, outcome_ids, dropped_outcome_ids, candidates
    (SegmentCandidate per k fitted), clusters (per study respondent, in
    study order: 1..k, 0 when not clustered) and segments (SegmentProfile;
    segments[c - 1] is segment c).

    render(), to_json(), to_csv(), to_table(), to_protobuf() and model() use
    the native object, which close() releases.
    """

    def __init__(self, handle):
        lib = _lib()
        super().__init__(handle, lib.jtbd_segmentation_destroy)
        try:
            self._read(lib, handle)
        except BaseException:
            self.close()
            raise

    def _read(self, lib, handle):
        info = _new_struct(_native.SegmentationInfoStruct)
        lib.jtbd_segmentation_get_info(handle, ctypes.byref(info))
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
        self.outcome_ids = [
            _text_out(lib.jtbd_segmentation_outcome_id, handle, index)
            for index in range(info.outcome_count)
        ]
        self.dropped_outcome_ids = [
            _text_out(lib.jtbd_segmentation_dropped_outcome_id, handle, index)
            for index in range(info.dropped_outcome_count)
        ]
        candidate = _new_struct(_native.SegmentCandidateStruct)
        self.candidates = []
        for index in range(info.candidate_count):
            lib.jtbd_segmentation_candidate(handle, index,
                                            ctypes.byref(candidate))
            self.candidates.append(
                SegmentCandidate(candidate.k, candidate.silhouette,
                                 candidate.inertia, candidate.iterations))
        count = info.respondent_count + info.unclustered_respondent_count
        clusters = (ctypes.c_uint32 * max(count, 1))()
        lib.jtbd_segmentation_respondent_clusters(handle, clusters, count)
        self.clusters = list(clusters[:count])
        self.segments = [
            self._read_segment(lib, handle, cluster)
            for cluster in range(1, info.k + 1)
        ]

    @staticmethod
    def _read_segment(lib, handle, cluster):
        profile = _new_struct(_native.SegmentProfileStruct)
        lib.jtbd_segmentation_segment_profile(handle, cluster,
                                              ctypes.byref(profile))
        scores = Report(_create(lib.jtbd_segmentation_create_segment_report,
                                handle, cluster))
        attribute = _new_struct(_native.AttributeOverrepresentationStruct)
        attributes = []
        for index in range(profile.overrepresented_attribute_count):
            lib.jtbd_segmentation_segment_attribute(handle, cluster, index,
                                                    ctypes.byref(attribute))
            test = attribute.test
            attributes.append(
                AttributeOverrepresentation(
                    attribute=_native.string_at(attribute.attribute,
                                                attribute.attribute_len),
                    value=_native.string_at(attribute.value,
                                            attribute.value_len),
                    segment_count=attribute.segment_count,
                    segment_total=attribute.segment_total,
                    rest_count=attribute.rest_count,
                    rest_total=attribute.rest_total,
                    segment_share=attribute.segment_share,
                    rest_share=attribute.rest_share,
                    lift=attribute.lift if attribute.has_lift else None,
                    test=SignificanceTest(test.z, test.p_value,
                                          test.holm_adjusted_p_value)))
        return SegmentProfile(cluster=profile.cluster,
                              respondent_count=profile.respondent_count,
                              share=profile.share,
                              silhouette=profile.silhouette,
                              scores=scores,
                              overrepresented_attributes=attributes)

    def render(self, format):
        """The segmentation in a jtbd.Format, as bytes: TABLE, JSON
        (respondents and segments), CSV (respondent_id,cluster) or PROTOBUF
        (jtbd.v1.SegmentationReport)."""
        out = ctypes.c_void_p()
        _lib().jtbd_segmentation_render(self._live(), _int32(format, "format"),
                                        ctypes.byref(out))
        return _native.take_buffer(out.value)

    def to_json(self):
        return self.render(Format.JSON).decode("utf-8")

    def to_csv(self):
        return self.render(Format.CSV).decode("utf-8")

    def to_table(self):
        return self.render(Format.TABLE).decode("utf-8")

    def to_protobuf(self):
        return self.render(Format.PROTOBUF)

    def model(self):
        """The SegmentModel that tags new respondents (a new object)."""
        return SegmentModel(_create(_lib().jtbd_segmentation_create_model,
                                    self._live()))

    def __repr__(self):
        return "<jtbd.Segmentation k=%d respondents=%d>" % (
            self.k, self.respondent_count)


_FEATURE_NAMES = {
    "top_box_opportunity": SegmentFeature.TOP_BOX_OPPORTUNITY,
    "top_box": SegmentFeature.TOP_BOX_OPPORTUNITY,
    "rating_opportunity": SegmentFeature.RATING_OPPORTUNITY,
    "rating": SegmentFeature.RATING_OPPORTUNITY,
}


def _feature(value):
    if isinstance(value, str):
        key = value.strip().lower().replace("-", "_")
        if key not in _FEATURE_NAMES:
            raise Error(Code.INVALID_ARGUMENT,
                        "unknown feature %r (expected top-box-opportunity or "
                        "rating-opportunity)" % (value,))
        return _FEATURE_NAMES[key]
    return _int32(value, "feature")


def segment(study, k=None, k_range=None, feature="top-box-opportunity",
            principal_components=False, starts=None, seed=None, threads=None,
            silhouette_sample_size=None, confidence=0.95, bootstrap=2000,
            score_seed=None, method="ulwick"):
    """Segments the study by unmet outcomes (docs/SEGMENTS.md).

    k: the number of segments; None chooses it by mean silhouette over
    k_range, a (min, max) pair (default (2, 8)). feature:
    "top-box-opportunity" (0/10/20, the default) or "rating-opportunity".
    principal_components: cluster on the components with eigenvalue > 1.
    starts (default 25), seed (default 42), threads (default one per core),
    silhouette_sample_size (0: every respondent). confidence, bootstrap,
    score_seed and method: how each segment is scored against the rest (as
    Study.score). Values out of range raise InvalidArgumentError naming the
    option; FailedPreconditionError when the study cannot form the k asked.
    """
    lib = _lib()
    handle = study._live()
    scoring = _score_options(None, confidence, bootstrap, score_seed, method)
    try:
        options = _create(lib.jtbd_segment_options_create)
    except BaseException:
        lib.jtbd_score_options_destroy(scoring)
        raise
    try:
        lib.jtbd_segment_options_set_score_options(options, scoring)
        lib.jtbd_segment_options_set_feature(options, _feature(feature))
        lib.jtbd_segment_options_set_principal_components(
            options, 1 if principal_components else 0)
        if k is not None:
            lib.jtbd_segment_options_set_k(options,
                                           _unsigned(k, "k", _UINT32_MAX))
        if k_range is not None:
            try:
                low, high = k_range
            except (TypeError, ValueError):
                raise TypeError("k_range must be a (min, max) pair, not %r" %
                                (k_range,)) from None
            lib.jtbd_segment_options_set_k_range(
                options, _unsigned(low, "k_range min", _UINT32_MAX),
                _unsigned(high, "k_range max", _UINT32_MAX))
        if starts is not None:
            lib.jtbd_segment_options_set_starts(
                options, _unsigned(starts, "starts", _UINT32_MAX))
        if seed is not None:
            lib.jtbd_segment_options_set_seed(
                options, _unsigned(seed, "seed", _UINT64_MAX))
        if threads is not None:
            lib.jtbd_segment_options_set_threads(
                options, _unsigned(threads, "threads", _UINT32_MAX))
        if silhouette_sample_size is not None:
            lib.jtbd_segment_options_set_silhouette_sample_size(
                options,
                _unsigned(silhouette_sample_size, "silhouette_sample_size",
                          _UINT32_MAX))
        return Segmentation(_create(lib.jtbd_study_segment, handle, options))
    finally:
        lib.jtbd_segment_options_destroy(options)
        lib.jtbd_score_options_destroy(scoring)
