"""Study: outcomes, respondents and answers, built in code or read from a
survey; and load_csv / read_csv, which read one."""

import ctypes
import os

from . import _convert, _native, _options, _segment
from ._aggregate import Aggregate
from ._arrays import borrow
from ._errors import Error
from ._ffi import Code
from ._report import Report
from ._design import DesignHolder
from ._scaled import Scaled


def _add_parallel(function, study, arrays):
    """Calls function(study, count, *pointers) on parallel arrays given as
    (name, values, ctype): the answers of add_answers and
    add_solution_answers, borrowed without copying where possible."""
    study._as_parameter_  # pylint: disable=pointless-statement
    borrowed = [borrow(values, ctype, name) for name, values, ctype in arrays]
    counts = [array.count for array in borrowed]
    if len(set(counts)) != 1:
        names = [name for name, _, _ in arrays]
        raise Error(Code.INVALID_ARGUMENT,
                    "%s and %s must have the same length, not %s and %d" %
                    (", ".join(names[:-1]), names[-1],
                     ", ".join("%d" % c for c in counts[:-1]), counts[-1]))
    function(study, counts[0], *(array.pointer for array in borrowed))


class Study(DesignHolder, Scaled):
    """Outcomes, respondents (with attributes) and their answers on one
    rating scale, built in code or read with load_csv / read_csv /
    Study.parse (a jtbd.v1.Study) / Study.load.

    Study(scale=None, top_box=None): the library's default scale (1-5,
    4 and 5 top box) unless both are given: ratings run from scale[0] to
    scale[1]; those >= top_box count as top box. 0 always means "no
    answer".
    """

    _C_OBJECT = "jtbd_study"
    _SET_DESIGN = "jtbd_study_set_design"
    _GET_DESIGN = "jtbd_study_design"

    def add_outcome(self, id, statement=""):  # pylint: disable=W0622
        """Declares an outcome (unique, non-empty id); returns its index."""
        outcome_id = _convert.utf8(id, "id")
        text = _convert.utf8(statement, "statement")
        return _native.out(_native.library().jtbd_study_add_outcome, self,
                           outcome_id, len(outcome_id), text, len(text))

    def add_respondent(self, id=""):  # pylint: disable=W0622
        """Declares one respondent ("" = anonymous); returns its index."""
        respondent_id = _convert.utf8(id, "id")
        return _native.out(_native.library().jtbd_study_add_respondent, self,
                           respondent_id, len(respondent_id))

    def add_respondents(self, count):
        """Declares `count` anonymous respondents; returns the first index."""
        return _native.out(_native.library().jtbd_study_add_respondents, self,
                           _convert.index(count, "count"))

    def set_attribute(self, respondent, name, value):
        """Sets a respondent attribute (segment, role, ...)."""
        name_bytes = _convert.utf8(name, "name")
        value_bytes = _convert.utf8(value, "value")
        _native.library().jtbd_study_set_attribute(
            self, _convert.index(respondent, "respondent"), name_bytes,
            len(name_bytes), value_bytes, len(value_bytes))

    def set_duration(self, respondent, seconds):
        """Sets how long a respondent took to answer, in seconds (finite,
        >= 0), for screening's speeding rule."""
        _native.library().jtbd_study_set_duration(
            self, _convert.index(respondent, "respondent"),
            _convert.real(seconds, "seconds"))

    def set_weight(self, respondent, weight):
        """Sets a respondent's survey weight (the library's default is 1;
        finite, > 0). A study with any weight other than 1 is scored
        weighted: weighted top-box shares, Kish effective counts in the
        intervals and tests."""
        _native.library().jtbd_study_set_weight(
            self, _convert.index(respondent, "respondent"),
            _convert.real(weight, "weight"))

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
        _add_parallel(_native.library().jtbd_study_add_answers, self, (
            ("respondents", respondents, ctypes.c_uint32),
            ("outcomes", outcomes, ctypes.c_uint32),
            ("importance", importance, ctypes.c_uint8),
            ("satisfaction", satisfaction, ctypes.c_uint8)))

    def add_solution(self, name):
        """Declares a competing solution, or finds it (names compare
        ignoring case and keep their first spelling); returns its index."""
        encoded = _convert.utf8(name, "name")
        return _native.out(_native.library().jtbd_study_add_solution, self,
                           encoded, len(encoded))

    def add_solution_answers(self, respondents, solutions, outcomes,
                             satisfaction):
        """Appends satisfaction ratings of competing solutions as four
        parallel sequences (like add_answers): rating i is respondent
        respondents[i]'s satisfaction with solution solutions[i] on outcome
        outcomes[i] (0 = no answer). All or nothing."""
        _add_parallel(_native.library().jtbd_study_add_solution_answers,
                      self, (("respondents", respondents, ctypes.c_uint32),
                             ("solutions", solutions, ctypes.c_uint32),
                             ("outcomes", outcomes, ctypes.c_uint32),
                             ("satisfaction", satisfaction, ctypes.c_uint8)))

    def describe_outcomes(self, path):
        """Attaches outcome statements and job steps from a CSV file kept
        apart from the survey (columns id, statement, job_step; header names
        compared ignoring case). Each row names an outcome of the study, at
        most once; blank cells leave a field as it was. All or nothing: on
        jtbd.InvalidArgumentError (naming the file, line and column) or
        jtbd.NotFoundError the study is unchanged."""
        encoded = os.fsencode(path)
        _native.library().jtbd_study_describe_outcomes_csv_file(
            self, encoded, len(encoded))

    def describe_outcomes_csv(self, data, source_name="<memory>"):
        """describe_outcomes from CSV text (str, or UTF-8 bytes);
        source_name names it in error messages."""
        text = _convert.utf8(data, "data")
        name = _convert.utf8(source_name, "source_name")
        _native.library().jtbd_study_describe_outcomes_csv(
            self, text, len(text), name, len(name))

    @property
    def solution_count(self):
        return _native.library().jtbd_study_solution_count(self)

    @property
    def outcome_count(self):
        return _native.library().jtbd_study_outcome_count(self)

    @property
    def respondent_count(self):
        return _native.library().jtbd_study_respondent_count(self)

    @_options.documented(_options.SCORE_OPTIONS_DOC)
    def score(self, segment_by=None, confidence=None, bootstrap=None,
              seed=None, method=None, screening=None, adjust=None):
        """Scores the study. With segment_by (a respondent attribute), also
        each of its distinct non-empty values as a segment, compared with
        the rest of the respondents; NotFoundError when no respondent has
        that attribute. screening: a jtbd.Screening (or True for its
        defaults) flags inattentive respondents in report.screening, and
        with Screening(exclude=True) leaves them out of every score.
        """
        lib = _native.library()
        with _options.score_options(segment_by, confidence, bootstrap, seed,
                                    method, screening, adjust) as options:
            return Report(_native.create(lib.jtbd_study_score, self,
                                         options))

    def aggregate(self):
        """The study's mergeable Aggregate (a new, independent object)."""
        return Aggregate._adopt(_native.create(
            _native.library().jtbd_study_create_aggregate, self))

    def segment(self, k=None, k_range=None, feature=None,
                principal_components=None, starts=None, seed=None,
                threads=None, silhouette_sample_size=None, confidence=None,
                bootstrap=None, score_seed=None, method=None, adjust=None,
                min_attribute_count=None):
        """Segments the study by unmet outcomes (docs/SEGMENTS.md); a
        Segmentation.

        k: the number of segments; None chooses it by mean silhouette over
        k_range, a (min, max) pair. feature: "top-box-opportunity" (0/10/20)
        or "rating-opportunity", or a SegmentFeature. principal_components:
        True clusters on the components with eigenvalue > 1. starts
        (k-means++ starts per k), seed, threads, silhouette_sample_size (0:
        every respondent). confidence, bootstrap, score_seed and method
        score each segment against the rest, as Study.score's confidence,
        bootstrap, seed and method; adjust ("holm" or "bh") adjusts those
        tests across segments x outcomes. min_attribute_count: the fewest
        respondents of a segment an over-represented attribute value must
        have. Each left out (None) is the library's default
        (docs/SEGMENTS.md).
        """
        return _segment.segment_study(
            self, k=k, k_range=k_range, feature=feature,
            principal_components=principal_components, starts=starts,
            seed=seed, threads=threads,
            silhouette_sample_size=silhouette_sample_size,
            confidence=confidence, bootstrap=bootstrap,
            score_seed=score_seed, method=method, adjust=adjust,
            min_attribute_count=min_attribute_count)

    def __repr__(self):
        if self.closed:
            return "<jtbd.Study closed>"
        return "<jtbd.Study outcomes=%d respondents=%d>" % (
            self.outcome_count, self.respondent_count)


@_options.documented(_options.READ_OPTIONS_DOC)
def load_csv(path, scale=None, top_box=None, **options):
    """Reads a survey file into a Study: the long or wide layout, or a
    Qualtrics, SurveyMonkey, Google Forms or Typeform export, detected from
    its header; UTF-8 or UTF-16, separated by , ; or TAB. Errors name the
    file, line, column and value."""
    return Study._read_survey_file(path, scale, top_box, options)


@_options.documented(_options.READ_OPTIONS_DOC)
def read_csv(data, source_name="<memory>", scale=None, top_box=None,
             **options):
    """Reads survey text (str, or bytes: UTF-8 or UTF-16 with a byte order
    mark) into a Study, as load_csv reads a file; source_name names it in
    error messages."""
    return Study._read_survey(data, source_name, scale, top_box, options)
