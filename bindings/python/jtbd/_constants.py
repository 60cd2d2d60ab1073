"""The constants of include/jtbd/jtbd.h, mirrored one for one.

tests/test_table.py parses the header and checks that every enum value and
version macro here equals the header's, so the two cannot drift apart.
"""

import enum

# The major version this binding was written for; the loader refuses any
# other (jtbd_version_number() / 10000).
VERSION_MAJOR = 1
VERSION_MINOR = 0
VERSION_PATCH = 0
VERSION_NUMBER = VERSION_MAJOR * 10000 + VERSION_MINOR * 100 + VERSION_PATCH


class Code(enum.IntEnum):
    """jtbd_code: equal to absl::StatusCode. The set is open: the library may
    return other non-zero values, which are failures too."""

    OK = 0
    CANCELLED = 1
    UNKNOWN = 2
    INVALID_ARGUMENT = 3
    DEADLINE_EXCEEDED = 4
    NOT_FOUND = 5
    ALREADY_EXISTS = 6
    PERMISSION_DENIED = 7
    RESOURCE_EXHAUSTED = 8
    FAILED_PRECONDITION = 9
    ABORTED = 10
    OUT_OF_RANGE = 11
    UNIMPLEMENTED = 12
    INTERNAL = 13
    UNAVAILABLE = 14
    DATA_LOSS = 15
    UNAUTHENTICATED = 16


class Band(enum.IntEnum):
    """jtbd_band (equal to jtbd.v1.Band). OutcomeScore.band carries the
    library's name for it, e.g. "high" for Band.HIGH."""

    UNSPECIFIED = 0
    EXTREME = 1
    HIGH = 2
    UNDERSERVED = 3
    APPROPRIATELY_SERVED = 4
    OVERSERVED = 5
    TABLE_STAKES = 6
    INSUFFICIENT_DATA = 7


class Format(enum.IntEnum):
    """jtbd_format: what Report.render() can produce."""

    UNSPECIFIED = 0
    TABLE = 1
    JSON = 2
    CSV = 3
    PROTOBUF = 4


class InputFormat(enum.IntEnum):
    """jtbd_input_format: the layouts a survey file may come in; AUTO
    detects it from the header."""

    AUTO = 0
    LONG = 1
    WIDE = 2
    QUALTRICS = 3
    SURVEYMONKEY = 4
    GOOGLE_FORMS = 5
    TYPEFORM = 6


class ScoreMethod(enum.IntEnum):
    """jtbd_score_method (equal to jtbd.v1.ScoreMethod): how importance,
    satisfaction and opportunity are computed. Ulwick's is the default;
    Study.score(method=...) also takes "ulwick", "mean", "olsen" and
    "top-box-only"."""

    UNSPECIFIED = 0
    ULWICK = 1
    MEAN = 2
    OLSEN = 3
    TOP_BOX_ONLY = 4


class ScoreHas(enum.IntFlag):
    """jtbd_score_has: bits of jtbd_outcome_score.has (the binding turns
    them into None for absent figures)."""

    IMPORTANCE_INTERVAL = 1
    SATISFACTION_INTERVAL = 2
    OPPORTUNITY_INTERVAL = 4
    OPPORTUNITY_DELTA_INTERVAL = 8
    OPPORTUNITY_STANDARD_ERROR = 16
    OPPORTUNITY_AT_LEAST_10_PROBABILITY = 32
    IMPORTANCE_EFFECTIVE_COUNT = 64
    SATISFACTION_EFFECTIVE_COUNT = 128


class ComparisonHas(enum.IntFlag):
    """jtbd_comparison_has: bits of jtbd_segment_comparison.has."""

    IMPORTANCE_DIFFERENCE = 1
    SATISFACTION_DIFFERENCE = 2
    OPPORTUNITY_DIFFERENCE = 4
    IMPORTANCE_TEST = 8
    SATISFACTION_TEST = 16
    OPPORTUNITY_TEST = 32


class SegmentFeature(enum.IntEnum):
    """jtbd_segment_feature (equal to jtbd.v1.SegmentFeature): what
    segmentation clusters on. Study.segment(feature=...) also takes
    "top-box-opportunity" and "rating-opportunity"."""

    UNSPECIFIED = 0
    TOP_BOX_OPPORTUNITY = 1
    RATING_OPPORTUNITY = 2
