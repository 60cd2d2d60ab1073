"""Switching forces: why customers switch or stay (`jtbd forces`;
docs/FORCES.md), and the propensity model a CRM applies to one live deal.

    with jtbd.read_interviews("examples/interviews.csv") as interviews:
        report = interviews.analyze(folds=5)
    for force in report.forces:
        print(force.name, force.prevalence, force.mean_intensity_interval)
    print(report.balance.agreement, report.model_info.auc)
    model = report.model            # a PropensityModel, or None
    deal = model.predict(push=4, pull=3, anxiety=2, habit=1)
    print(deal.probability, deal.contributions)
"""

import ctypes
import dataclasses
import os
import typing

from . import _convert, _ffi, _native, _options
from . import _scores  # noqa: F401 (registers Interval, read by the records)
from ._ffi import Force, InterviewsFlag, SwitchOutcome
from ._handle import Owned, Result
from ._record import Record, converted, new_struct, optional, record

__all__ = ["ForceSummary", "ForcesBalance", "ForcesModelInfo",
           "ForcesReport", "ForcePrediction", "Interview", "Interviews",
           "ModelCoefficient", "PropensityModel", "parse_interviews",
           "parse_interviews_json", "read_interviews",
           "read_interviews_csv"]

FORCE_NAMES = ("push", "pull", "anxiety", "habit")


@record("jtbd_model_coefficient")
class ModelCoefficient(Record):
    """One coefficient of the propensity model: estimate (log-odds per
    intensity point), standard_error (penalised Hessian), interval
    (Wald)."""

    estimate: float
    standard_error: float
    interval: typing.Any


@record("jtbd_interview_info")
class Interview(Record):
    """One interview as the analysis and the model see it: id, outcome
    (SwitchOutcome; UNSPECIFIED when open), each force's intensity (its
    strongest observation, 0 when never mentioned), balance, counts and
    solutions."""

    id: str
    outcome: SwitchOutcome = converted(SwitchOutcome)
    push: int
    pull: int
    anxiety: int
    habit: int
    balance: int
    observation_count: int
    timeline_event_count: int
    solution_left: str
    solution_hired: str


@record("jtbd_force_summary")
class ForceSummary(Record):
    """One force over a group of interviews: prevalence (share that
    mention it) with its Wilson interval; mean intensity among those with
    its Student t interval (None below two mentions)."""

    force: Force = converted(Force)
    name: str
    interview_count: int
    mention_count: int
    prevalence: float
    prevalence_interval: typing.Any
    mean_intensity: float
    mean_intensity_interval: typing.Any = optional(
        flag="has_mean_intensity_interval", default=None)


@dataclasses.dataclass(frozen=True)
class ForcesBalance:
    """The balance push + pull - anxiety - habit over every interview, and
    how often "balance > 0" agrees with what happened."""

    mean_balance: float
    switcher_mean_balance: float
    stayer_mean_balance: float
    positive_switched_count: int
    positive_stayed_count: int
    non_positive_switched_count: int
    non_positive_stayed_count: int
    agreement: float
    agreement_interval: typing.Any


@dataclasses.dataclass(frozen=True)
class ForcesModelInfo:
    """The propensity model's validation and coefficients (a dict keyed
    push, pull, anxiety, habit of ModelCoefficient)."""

    auc: float
    training_auc: float
    brier_score: float
    folds: int
    iterations: int
    seed: int
    intercept: ModelCoefficient
    coefficients: typing.Dict[str, ModelCoefficient]


@record("jtbd_force_prediction")
class ForcePrediction(Record):
    """The model applied to one deal: probability of a switch, log_odds,
    each force's contribution (weight x intensity) and the segment's."""

    probability: float
    log_odds: float
    push: float
    pull: float
    anxiety: float
    habit: float
    segment: float

    @property
    def contributions(self):
        """The four forces' contributions, keyed by force name."""
        return {name: getattr(self, name) for name in FORCE_NAMES}


@record("jtbd_forces_report_info")
class _ReportInfo(Record):
    interview_count: int
    observation_count: int
    switched_count: int
    stayed_count: int
    confidence_level: float
    segment_by: str
    mean_balance: float
    switcher_mean_balance: float
    stayer_mean_balance: float
    positive_switched_count: int
    positive_stayed_count: int
    non_positive_switched_count: int
    non_positive_stayed_count: int
    agreement: float
    agreement_interval: typing.Any
    has_model: bool = converted(bool)
    model_note: str
    auc: float
    training_auc: float
    brier_score: float
    folds: int
    iterations: int
    seed: int
    intercept: ModelCoefficient
    push: ModelCoefficient
    pull: ModelCoefficient
    anxiety: ModelCoefficient
    habit: ModelCoefficient


@record("jtbd_propensity_model_info")
class _ModelInfo(Record):
    intercept: ModelCoefficient
    push: ModelCoefficient
    pull: ModelCoefficient
    anxiety: ModelCoefficient
    habit: ModelCoefficient
    l2_penalty: float
    interview_count: int
    confidence_level: float
    segment_by: str
    reference_segment: str
    segment_weight_count: int


def _intensity(value, name):
    value = _convert.unsigned(value, name, _convert.UINT32_MAX)
    if value > 5:
        raise ValueError("%s is %d; expected an intensity from 0 (not "
                         "mentioned) to 5" % (name, value))
    return value


class PropensityModel(Owned):
    """A fitted propensity model: P(switch) = logistic(intercept + the
    forces' weights x intensities [+ the segment's weight]). Immutable.

    Made by ForcesReport.model, PropensityModel.parse(bytes) or
    PropensityModel.load(path); released by close() or a `with` block.
    Attributes: intercept, coefficients (dict by force name of
    ModelCoefficient), l2_penalty, interview_count, confidence_level,
    segment_by, reference_segment, segment_weights (dict segment ->
    ModelCoefficient).
    """

    def __init__(self, pointer):
        lib = _native.library()
        super().__init__(pointer, lib.jtbd_propensity_model_destroy)
        try:
            info = new_struct(_ffi.jtbd_propensity_model_info)
            lib.jtbd_propensity_model_get_info(self, ctypes.byref(info))
            info = _ModelInfo.from_struct(info)
            self.intercept = info.intercept
            self.coefficients = {name: getattr(info, name)
                                 for name in FORCE_NAMES}
            self.l2_penalty = info.l2_penalty
            self.interview_count = info.interview_count
            self.confidence_level = info.confidence_level
            self.segment_by = info.segment_by
            self.reference_segment = info.reference_segment
            weights = {}
            coefficient = _ffi.jtbd_model_coefficient()
            segment = ctypes.c_void_p()
            length = ctypes.c_size_t()
            for index in range(info.segment_weight_count):
                lib.jtbd_propensity_model_segment_weight(
                    self, index, ctypes.byref(segment), ctypes.byref(length),
                    ctypes.byref(coefficient))
                weights[_native.string_at(segment.value, length.value)] = (
                    ModelCoefficient.from_struct(coefficient))
            self.segment_weights = weights
        except BaseException:
            self.close()
            raise

    @classmethod
    def parse(cls, data):
        """A model from its serialized jtbd.v1.ForcesModel (serialize())."""
        data = _convert.bytes_in(data, "data")
        return cls(_native.create(
            _native.library().jtbd_propensity_model_parse, data, len(data)))

    @classmethod
    def load(cls, path):
        """A model from a file written by save() or `jtbd forces
        --save-model`; a missing, corrupted, foreign or newer file raises
        jtbd.Error naming it."""
        encoded = os.fsencode(path)
        return cls(_native.create(
            _native.library().jtbd_propensity_model_load_file, encoded,
            len(encoded)))

    def serialize(self):
        """The serialized jtbd.v1.ForcesModel."""
        return _native.take_buffer(
            _native.library().jtbd_propensity_model_serialize, self)

    def save(self, path):
        """Saves to a file atomically, in jtbd's saved-file envelope."""
        encoded = os.fsencode(path)
        _native.library().jtbd_propensity_model_save_file(self, encoded,
                                                          len(encoded))

    def predict(self, *, push=0, pull=0, anxiety=0, habit=0, segment=None):
        """The model applied to one live deal: each force's intensity (0 =
        not mentioned, to 5) and its segment value (used when the model has
        segment weights). Returns a ForcePrediction."""
        values = [_intensity(value, name) for value, name in
                  ((push, "push"), (pull, "pull"), (anxiety, "anxiety"),
                   (habit, "habit"))]
        text = b"" if segment is None else _convert.utf8(segment, "segment")
        out = new_struct(_ffi.jtbd_force_prediction)
        _native.library().jtbd_propensity_model_predict(
            self, *values, text, len(text), ctypes.byref(out))
        return ForcePrediction.from_struct(out)

    def predict_interviews(self, interviews):
        """The model applied to every interview of an Interviews (as
        `jtbd forces --apply`): a list of (interview id, ForcePrediction)."""
        lib = _native.library()
        out = new_struct(_ffi.jtbd_force_prediction)
        results = []
        for index, interview in enumerate(interviews.interviews):
            lib.jtbd_propensity_model_predict_interview(
                self, interviews, index, ctypes.byref(out))
            results.append((interview.id, ForcePrediction.from_struct(out)))
        return results

    def __repr__(self):
        return "<jtbd.PropensityModel %s>" % " ".join(
            "%s=%+.3g" % (name, coefficient.estimate)
            for name, coefficient in self.coefficients.items())


def _force_summaries(lib, function, *arguments):
    struct = new_struct(_ffi.jtbd_force_summary)
    summaries = []
    for index in range(len(FORCE_NAMES)):
        function(*arguments, index, ctypes.byref(struct))
        summaries.append(ForceSummary.from_struct(struct))
    return tuple(summaries)


class ForcesReport(Result):
    """The analysis of a set of interviews, copied into Python records.

    Attributes (valid after close()): interview_count, observation_count,
    switched_count, stayed_count, confidence_level, segment_by; forces
    (ForceSummary for push, pull, anxiety, habit); segments (dict value ->
    (interview_count, switched_count, forces)); balance (ForcesBalance);
    model_info (ForcesModelInfo, None without a model) and model_note (why
    not); model (a PropensityModel of its own, which outlives the report;
    None without one).

    to_json() (jtbd.v1.ForcesReport), to_csv(), to_table(), to_protobuf()
    and render() use the native report, which close() releases.
    """

    _C_OBJECT = "jtbd_forces_report"

    def _read(self, lib):
        info = new_struct(_ffi.jtbd_forces_report_info)
        lib.jtbd_forces_report_get_info(self, ctypes.byref(info))
        info = _ReportInfo.from_struct(info)
        for name in ("interview_count", "observation_count", "switched_count",
                     "stayed_count", "confidence_level", "segment_by",
                     "model_note"):
            setattr(self, name, getattr(info, name))
        self.balance = ForcesBalance(**{
            field.name: getattr(info, field.name)
            for field in dataclasses.fields(ForcesBalance)})
        self.model_info = None
        self.model = None
        if info.has_model:
            self.model_info = ForcesModelInfo(
                auc=info.auc, training_auc=info.training_auc,
                brier_score=info.brier_score, folds=info.folds,
                iterations=info.iterations, seed=info.seed,
                intercept=info.intercept,
                coefficients={name: getattr(info, name)
                              for name in FORCE_NAMES})
            self.model = PropensityModel(_native.create(
                lib.jtbd_forces_report_create_model, self))
        self.forces = _force_summaries(lib, lib.jtbd_forces_report_force,
                                       self)
        segments = {}
        value = ctypes.c_void_p()
        length = ctypes.c_size_t()
        interviews = ctypes.c_uint64()
        switched = ctypes.c_uint64()
        for segment in range(lib.jtbd_forces_report_segment_count(self)):
            lib.jtbd_forces_report_segment(
                self, segment, ctypes.byref(value), ctypes.byref(length),
                ctypes.byref(interviews), ctypes.byref(switched))
            segments[_native.string_at(value.value, length.value)] = (
                interviews.value, switched.value,
                _force_summaries(lib, lib.jtbd_forces_report_segment_force,
                                 self, segment))
        self.segments = segments

    def __repr__(self):
        return "<jtbd.ForcesReport interviews=%d switched=%d model=%s>" % (
            self.interview_count, self.switched_count,
            "yes" if self.model_info else "no")


class _ForcesOptions(Owned):
    pass


def _forces_options(folds, segment_by, seed, model_segment_by, l2,
                    confidence):
    lib = _native.library()
    options = _ForcesOptions(_native.create(lib.jtbd_forces_options_create),
                             lib.jtbd_forces_options_destroy)
    try:
        if folds is not None:
            lib.jtbd_forces_options_set_folds(
                options, _convert.unsigned(folds, "folds",
                                           _convert.UINT32_MAX))
        if seed is not None:
            lib.jtbd_forces_options_set_seed(
                options, _convert.unsigned(seed, "seed", _convert.UINT64_MAX))
        if segment_by is not None:
            column = _convert.utf8(segment_by, "segment_by")
            lib.jtbd_forces_options_set_segment_by(options, column,
                                                   len(column))
        if model_segment_by is not None:
            column = _convert.utf8(model_segment_by, "model_segment_by")
            lib.jtbd_forces_options_set_model_segment_by(options, column,
                                                         len(column))
        if l2 is not None:
            lib.jtbd_forces_options_set_l2_penalty(options,
                                                   _convert.real(l2, "l2"))
        if confidence is not None:
            lib.jtbd_forces_options_set_confidence_level(
                options, _convert.real(confidence, "confidence"))
    except BaseException:
        options.close()
        raise
    return options


class Interviews(Owned):
    """Switch interviews read from CSV or protobuf. Attributes:
    interviews (a tuple of Interview). analyze() makes a ForcesReport."""

    def __init__(self, pointer):
        lib = _native.library()
        super().__init__(pointer, lib.jtbd_interviews_destroy)
        try:
            struct = new_struct(_ffi.jtbd_interview_info)
            items = []
            for index in range(lib.jtbd_interviews_count(self)):
                lib.jtbd_interviews_get(self, index, ctypes.byref(struct))
                items.append(Interview.from_struct(struct))
            self.interviews = tuple(items)
        except BaseException:
            self.close()
            raise

    def __len__(self):
        return len(self.interviews)

    def attribute(self, index, name):
        """Interview `index`'s value of attribute `name` ("" if none)."""
        encoded = _convert.utf8(name, "name")
        return _native.text_out(_native.library().jtbd_interviews_attribute,
                                self, index, encoded, len(encoded))

    def serialize(self):
        """The serialized jtbd.v1.SwitchInterviews."""
        return _native.take_buffer(
            _native.library().jtbd_interviews_serialize, self)

    def analyze(self, folds=None, segment_by=None, seed=None, *,
                model_segment_by=None, l2=None, confidence=None):
        """The analysis `jtbd forces` prints (None: its defaults: 5 folds,
        seed 42, segments from a column named segment, L2 penalty 1,
        intervals at 0.95)."""
        with _forces_options(folds, segment_by, seed, model_segment_by, l2,
                             confidence) as options:
            return ForcesReport(_native.create(
                _native.library().jtbd_forces_analyze, self, options))

    def __repr__(self):
        return "<jtbd.Interviews %d>" % len(self.interviews)


def _flags(open_interviews):
    return int(InterviewsFlag.INTERVIEWS_OPEN) if open_interviews else 0


def read_interviews(path, *, open=False, **read_options):
    # pylint: disable=redefined-builtin
    """Reads interviews from a file: .json the protobuf JSON mapping of
    jtbd.v1.SwitchInterviews, .pb/.binpb binary, anything else CSV
    (docs/FORCES.md). open=True for live deals without an outcome (they
    can be scored, not analyzed). Of the read options only limits= applies.
    Errors name the file, line and column."""
    encoded = os.fsencode(path)
    with _options.read_options(**read_options) as read:
        return Interviews(_native.create(
            _native.library().jtbd_interviews_read_file, read,
            _flags(open), encoded, len(encoded)))


def read_interviews_csv(data, source_name="<interviews>", *, open=False,
                        **read_options):
    # pylint: disable=redefined-builtin
    """read_interviews from CSV text (str or bytes)."""
    data = _convert.utf8(data, "data")
    name = _convert.utf8(source_name, "source_name")
    with _options.read_options(**read_options) as read:
        return Interviews(_native.create(
            _native.library().jtbd_interviews_read_csv, read, _flags(open),
            data, len(data), name, len(name)))


def parse_interviews(data, *, open=False):
    # pylint: disable=redefined-builtin
    """Interviews from a serialized jtbd.v1.SwitchInterviews (bytes)."""
    data = _convert.bytes_in(data, "data")
    return Interviews(_native.create(
        _native.library().jtbd_interviews_parse, _flags(open), data,
        len(data)))


def parse_interviews_json(data, *, open=False):
    # pylint: disable=redefined-builtin
    """Interviews from the protobuf JSON mapping (str or bytes)."""
    data = _convert.utf8(data, "data")
    return Interviews(_native.create(
        _native.library().jtbd_interviews_parse_json, _flags(open), data,
        len(data)))
