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
