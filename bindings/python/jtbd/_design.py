"""Study designs (docs/SCORING.md, "Job-map coverage"): read_design checks a
design file through the library, and score_survey[_file](..., design=...)
attaches it to the report, whose coverage is then one StepCoverage per step
of the job map.

    design = jtbd.read_design("design.csv")
    report = jtbd.score_survey_file("survey.csv", design=design)
    for step in report.coverage: print(step.step_id, step.outcome_count)
"""

import ctypes
import os

from . import _convert, _ffi, _native, _options
from ._ffi import UniversalStep
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
