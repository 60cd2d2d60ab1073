"""Study designs (docs/SCORING.md, "Job-map coverage"): read_design checks a
design file through the library, and score_survey[_file](..., design=...)
attaches it to the report, whose coverage is then one StepCoverage per step
of the job map.

    design = jtbd.read_design("design.csv")
    report = jtbd.score_survey_file("survey.csv", design=design)
    for step in report.coverage: print(step.step_id, step.outcome_count)
"""

import ctypes
import dataclasses
import os

from . import _convert, _ffi, _native, _options
from ._ffi import CoverageList, JobType, UniversalStep
from ._record import Record, converted, new_struct, optional, record


class Design:
    """A study design checked by the library: the outcomes CSV with
    optional kind (outcome, job, step), executor and type columns, or a
    jtbd.v1.StudyDesign in protobuf JSON (.json) or binary (.binpb, .pb).
    data: its bytes; source_name: what errors call it."""

    def __init__(self, data, source_name):
        self.data = data
        self.source_name = source_name

    def arguments(self):
        """jtbd_score_options_set_design's arguments after the options."""
        name = _convert.utf8(self.source_name, "source_name")
        return (self.data, len(self.data), name, len(name))

    def __repr__(self):
        return "Design(%r, %d bytes)" % (self.source_name, len(self.data))


def read_design(path):
    """Reads and checks the design file at `path`; a bad one raises
    InvalidArgumentError naming the file, line and column (or the field),
    a missing one NotFoundError."""
    lib = _native.library()
    encoded = os.fsencode(path)
    with _options.ScoreOptions() as options:
        lib.jtbd_score_options_set_design_file(options, encoded, len(encoded))
    with open(path, "rb") as file:
        return Design(file.read(), os.fsdecode(path))


def design_from_text(data, source_name="<memory>"):
    """A design from text (str or bytes), checked as read_design does."""
    design = Design(_convert.utf8(data, "data"), source_name)
    lib = _native.library()
    with _options.ScoreOptions() as options:
        lib.jtbd_score_options_set_design(options, *design.arguments())
    return design


@record("jtbd_step_coverage")
class StepCoverage(Record):
    """One step of a report's job-map coverage, in job-map order
    (jtbd_step_coverage): step_id, name, universal_step (a UniversalStep;
    CUSTOM for a custom step), outcome_count (the design's outcomes on the
    step), scored_outcome_count, underserved_count (bands extreme, high,
    underserved), overserved_count, all_underserved / all_overserved (some
    scored, every scored one so), most_opportunity (the step with the
    largest opportunity_excess = sum of max(opportunity - 10, 0)),
    max_opportunity and top_outcome_id (None / "" when nothing is scored)."""

    step_id: str
    name: str
    universal_step: UniversalStep = converted(UniversalStep)
    outcome_count: int
    scored_outcome_count: int
    underserved_count: int
    overserved_count: int
    all_underserved: bool = converted(bool)
    all_overserved: bool = converted(bool)
    most_opportunity: bool = converted(bool)
    opportunity_excess: float
    top_outcome_id: str
    max_opportunity: object = optional(flag="has_max_opportunity",
                                       default=None)


def read_coverage(lib, report):
    """The coverage of a native report: a tuple of StepCoverage."""
    struct = new_struct(_ffi.jtbd_step_coverage)
    steps = []
    for index in range(lib.jtbd_report_coverage_step_count(report)):
        lib.jtbd_report_coverage_step(report, index, ctypes.byref(struct))
        steps.append(StepCoverage.from_struct(struct))
    return tuple(steps)


@record("jtbd_design_job")
class DesignJob(Record):
    """The job of a design (jtbd_design_job): id, statement, executor, type
    (a JobType), step_count and outcome_count."""

    id: str  # pylint: disable=invalid-name
    statement: str
    executor: str
    type: JobType = converted(JobType)
    step_count: int
    outcome_count: int


@record("jtbd_design_step")
class DesignStep(Record):
    """One step of a design's job map (jtbd_design_step): id, name (""
    when none was given), universal_step (CUSTOM for a custom step) and
    outcome_count (the design's outcomes on the step)."""

    id: str  # pylint: disable=invalid-name
    name: str
    universal_step: UniversalStep = converted(UniversalStep)
    outcome_count: int


@record("jtbd_design_outcome")
class DesignOutcome(Record):
    """One desired outcome of a design (jtbd_design_outcome): id,
    statement and job_step_id ("" when on no step)."""

    id: str  # pylint: disable=invalid-name
    statement: str
    job_step_id: str


@dataclasses.dataclass(frozen=True)
class DesignContents:
    """What a study, aggregate or report's design holds, as the library
    checked and normalized it: the job (a DesignJob), the job map's steps
    (DesignStep, in order) and the desired outcomes (DesignOutcome)."""

    job: DesignJob
    steps: tuple
    outcomes: tuple


def read_contents(lib, getter, owner):
    """The design `getter` (jtbd_study_design, ...) copies out of `owner`,
    as DesignContents; None when it carries none."""
    handle = _native.create(getter, owner)
    if not handle:
        return None
    try:
        job = new_struct(_ffi.jtbd_design_job)
        lib.jtbd_design_get_job(handle, ctypes.byref(job))
        step = new_struct(_ffi.jtbd_design_step)
        steps = []
        for index in range(job.step_count):
            lib.jtbd_design_get_step(handle, index, ctypes.byref(step))
            steps.append(DesignStep.from_struct(step))
        outcome = new_struct(_ffi.jtbd_design_outcome)
        outcomes = []
        for index in range(job.outcome_count):
            lib.jtbd_design_get_outcome(handle, index, ctypes.byref(outcome))
            outcomes.append(DesignOutcome.from_struct(outcome))
        return DesignContents(DesignJob.from_struct(job), tuple(steps),
                              tuple(outcomes))
    finally:
        lib.jtbd_design_free(handle)


def read_coverage_list(lib, report, which):
    """One id list of a native report's coverage (a CoverageList), as a
    tuple of str."""
    return tuple(
        _native.text_out(lib.jtbd_report_coverage_list_item, report,
                         int(which), index)
        for index in range(lib.jtbd_report_coverage_list_count(
            report, int(which))))


class DesignHolder:
    """set_design and design, shared by Study and Aggregate: the design
    is saved and loaded with them and attached, with its coverage, to the
    reports they score."""

    _SET_DESIGN = ""  # the C setter, e.g. "jtbd_study_set_design"
    _GET_DESIGN = ""  # the C getter, e.g. "jtbd_study_design"

    def set_design(self, design):
        """Sets the design (a Design from read_design / design_from_text,
        or None to clear it); a bad one raises InvalidArgumentError and
        leaves the object unchanged."""
        setter = getattr(_native.library(), self._SET_DESIGN)
        if design is None:
            setter(self, None, 0, b"", 0)
        elif isinstance(design, Design):
            setter(self, *design.arguments())
        else:
            raise TypeError("design must be a jtbd.Design or None, not %s" %
                            type(design).__name__)

    @property
    def design(self):
        """The design carried (DesignContents), or None."""
        lib = _native.library()
        return read_contents(lib, getattr(lib, self._GET_DESIGN), self)
