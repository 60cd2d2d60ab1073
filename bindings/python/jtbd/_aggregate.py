"""Aggregate: the per-outcome answer tables scoring needs, mergeable; and
load_aggregate / read_aggregate, which read a survey straight into one."""

import ctypes

from . import _convert, _native, _options
from ._arrays import borrow
from ._errors import Error
from ._ffi import Code
from ._report import Report
from ._design import DesignHolder
from ._scaled import Scaled


class Aggregate(DesignHolder, Scaled):
    """Per outcome, the joint importance x satisfaction count table: all
    that scoring needs, in memory that does not grow with respondents.
    Aggregates of disjoint respondents (same scale, same outcomes in the
    same order) merge into exactly the aggregate of all of them.

    Aggregate(scale=None, top_box=None) is empty, on the library's default
    scale unless both are given; declare outcomes with add_outcome before
    adding respondents. Study.aggregate(), Aggregate.parse() (a
    jtbd.v1.Aggregate, an exact round trip) and Aggregate.load() make
    filled ones.
    """

    _C_OBJECT = "jtbd_aggregate"
    _SET_DESIGN = "jtbd_aggregate_set_design"
    _GET_DESIGN = "jtbd_aggregate_design"

    def add_outcome(self, id, statement=""):  # pylint: disable=W0622
        """Declares an outcome before any respondent; returns its index."""
        outcome_id = _convert.utf8(id, "id")
        text = _convert.utf8(statement, "statement")
        lib = _native.library()
        index = lib.jtbd_aggregate_outcome_count(self)
        lib.jtbd_aggregate_add_outcome(self, outcome_id, len(outcome_id),
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
        lib = _native.library()
        importance_array = borrow(importance, ctypes.c_uint8, "importance")
        satisfaction_array = borrow(satisfaction, ctypes.c_uint8,
                                    "satisfaction")
        size = importance_array.count
        outcomes = lib.jtbd_aggregate_outcome_count(self)
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
            lib.jtbd_aggregate_add_respondents(self, count,
                                               importance_array.pointer,
                                               satisfaction_array.pointer)
            return
        values = [_convert.real(w, "weights[%d]" % i)
                  for i, w in enumerate(weights)]
        if len(values) != count:
            raise Error(Code.INVALID_ARGUMENT,
                        "%d weights for %d respondents" %
                        (len(values), count))
        weight_array = (ctypes.c_double * len(values))(*values)
        lib.jtbd_aggregate_add_weighted_respondents(
            self, count, importance_array.pointer,
            satisfaction_array.pointer, weight_array)

    @property
    def outcome_count(self):
        return _native.library().jtbd_aggregate_outcome_count(self)

    @property
    def respondent_count(self):
        return _native.library().jtbd_aggregate_respondent_count(self)

    def merge(self, other):
        """self += other. Both need the same scale and outcome ids in the
        same order (FailedPreconditionError otherwise, self unchanged)."""
        _native.library().jtbd_aggregate_merge(self, other)

    def cell(self, outcome, importance, satisfaction):
        """Respondents whose (importance, satisfaction) ratings of `outcome`
        (an index) were these; 0 is "no answer"."""
        return _native.out(_native.library().jtbd_aggregate_cell, self,
                           _convert.index(outcome, "outcome"),
                           _convert.int32(importance, "importance"),
                           _convert.int32(satisfaction, "satisfaction"))

    def encode(self):
        """The aggregate as the bytes save() writes (signature, format
        version, CRC-32C checksums, then the serialized jtbd.v1.Aggregate):
        what to send between processes, where serialize()'s bare message
        would carry no checksum. decode() reads them back."""
        return _native.take_buffer(
            _native.library().jtbd_aggregate_encode, self)

    @classmethod
    def decode(cls, data, source_name="<memory>"):
        """An aggregate from bytes encode() wrote, with every check load()
        makes: bytes truncated or corrupted in transit raise DataLossError,
        bytes that are not a jtbd aggregate InvalidArgumentError, bytes of a
        newer jtbd FailedPreconditionError, each naming source_name."""
        data = _convert.bytes_in(data, "data")
        name = _convert.utf8(source_name, "source_name")
        return cls._adopt(_native.create(
            _native.library().jtbd_aggregate_decode, data, len(data), name,
            len(name)))

    @_options.documented(_options.SCORE_OPTIONS_DOC)
    def score(self, confidence=None, bootstrap=None, seed=None, method=None):
        """Scores the aggregate (no segments: an aggregate has no
        respondent attributes)."""
        lib = _native.library()
        with _options.score_options(confidence=confidence,
                                    bootstrap=bootstrap, seed=seed,
                                    method=method) as options:
            return Report(_native.create(lib.jtbd_aggregate_score, self,
                                         options))

    def __repr__(self):
        if self.closed:
            return "<jtbd.Aggregate closed>"
        return "<jtbd.Aggregate outcomes=%d respondents=%d>" % (
            self.outcome_count, self.respondent_count)


@_options.documented(_options.READ_OPTIONS_DOC)
def load_aggregate(path, scale=None, top_box=None, **options):
    """Reads a survey file as load_csv does (same formats, options and
    refusals) straight into an Aggregate: no respondents are kept, so
    memory does not grow with the rows (the long layout excepted); no
    attributes, so no segments."""
    return Aggregate._read_survey_file(path, scale, top_box, options)


@_options.documented(_options.READ_OPTIONS_DOC)
def read_aggregate(data, source_name="<memory>", scale=None, top_box=None,
                   **options):
    """read_csv into an Aggregate, as load_aggregate reads a file."""
    return Aggregate._read_survey(data, source_name, scale, top_box, options)
