"""jtbd: Jobs-to-be-Done opportunity scoring, through libjtbd's C ABI.

    import jtbd

    with jtbd.load_csv("examples/survey.csv") as study:
        report = study.score(segment_by="segment")
    for outcome in report.outcomes[:5]:
        print(outcome.outcome_id, round(outcome.opportunity, 1), outcome.band,
              outcome.opportunity_interval)   # Interval(low=..., high=...)
    for segment in report.segments.values():  # Segment records, by name
        print(segment.name, segment.respondent_count,
              segment.more_underserved)       # outcomes worse than the rest

Or score a survey file in one step, keeping no respondent (the path the
jtbd command takes; segment_survey_file segments one the same way):

    report = jtbd.score_survey_file("examples/survey.csv",
                                    segment_by="segment")

Or build a study in code, from lists or, without copying, from buffers:

    import array

    with jtbd.Study() as study:
        study.add_outcome("o1", "Minimize the likelihood that the cut goes "
                          "off track")
        first = study.add_respondents(3)
        study.add_answers([first, first + 1, first + 2], [0, 0, 0],
                          array.array("B", [5, 4, 2]),
                          array.array("B", [2, 1, 4]))
        report = study.score()

Standard library only (ctypes); numpy arrays are accepted but numpy is never
imported, and pandas only by Report.to_dataframe(). The ctypes layer, _ffi,
is generated from include/jtbd/jtbd.h by gen_ctypes.py: every struct,
function, enum and constant comes from the header, never restated here. An
option left out (None) is the library's default.

libjtbd is loaded on first use from $JTBD_LIBRARY, else from libjtbd.so*
next to this package, else from the system (see jtbd._native); failing
that, the first call raises LibraryNotFoundError, naming JTBD_LIBRARY and
every place tried. Errors from the library raise jtbd.Error (code,
code_name, message), as the subclass for its code; an object of the wrong
kind for a C parameter raises TypeError, a closed one ClosedError.

The jtbd.v1 schemas as protobuf classes are the optional subpackage jtbd.v1
(protobuf's Python runtime: python3-protobuf); score_request_message() takes
a ScoreRequest message and returns a Report message, in binary, no JSON.
"""

from ._aggregate import Aggregate, load_aggregate, read_aggregate
from ._stream import Stream, StreamAlerts
from ._errors import (AbortedError, AlreadyExistsError, CancelledError,
                      ClosedError, DataLossError, DeadlineExceededError, Error,
                      FailedPreconditionError, IncompatibleLibraryError,
                      InternalError, InvalidArgumentError,
                      LibraryNotFoundError, NotFoundError, OutOfRangeError,
                      PermissionDeniedError, ResourceExhaustedError,
                      UnauthenticatedError, UnavailableError,
                      UnimplementedError, UnknownError)
from ._ffi import (VERSION_MAJOR, VERSION_MINOR, VERSION_NUMBER,
                   VERSION_PATCH, Band, BestSolutionHas, Code, ComparisonHas,
                   Format, InputFormat, Limit, OpportunityIntervalMethod,
                   PValueAdjustment, ScoreHas, WarningCode, WarningHas,
                   ScoreMethod, ScreeningHas, ScreeningReason,
                   SegmentFeature, SetAsideReason, SolutionHas, ChangeHas,
                   DifferenceIntervalMethod, InitiativeHas, Wave, Force,
                   SwitchOutcome, InterviewsFlag, LandscapeSeries,
                   NoteLanguage, TagStatus, LintSeverity, StatementKind,
                   StatementLanguage, UniversalStep, JobType, CoverageList)
from ._design import (Design, DesignContents, DesignJob, DesignOutcome,
                      DesignStep, StepCoverage, design_from_text,
                      read_design)
from ._forces import (ForcePrediction, ForceSummary, ForcesBalance,
                      ForcesModelInfo, ForcesReport, Interview, Interviews,
                      ModelCoefficient, PropensityModel, parse_interviews,
                      parse_interviews_json, read_interviews,
                      read_interviews_csv)
from ._lint import (LintFinding, LintedStatement, Linter, TextSpan, lint,
                    lint_all)
from ._native import library_path, set_library_path
from ._proto import score_request_message
from ._report import Report
from ._requests import (score_request, score_request_json, version,
                        version_number)
from ._scores import (Interval, OutcomeScore, ReportWarning, Segment,
                      SegmentComparison, SignificanceTest, SolutionScore)
from ._screening import ScreenedRespondent, Screening, ScreeningSummary
from ._segment import (AttributeOverrepresentation, SegmentAssignment,
                       SegmentCandidate, SegmentModel, SegmentProfile,
                       Segmentation, SetAsideAttribute)
from ._study import Study, load_csv, read_csv
from ._survey import (score_survey, score_survey_file, segment_survey,
                      segment_survey_file)
from ._roadmap import (FrontierPoint, OutcomeContribution, Roadmap,
                       RoadmapInitiative, prioritize, prioritize_aggregate,
                       prioritize_survey)
from ._tagger import ForceSuggestion, TaggedNote, tag_note, tag_notes
from ._waves import (OutcomeChange, ScoreChange, SegmentChanges,
                     WaveComparison, WaveScores, compare_survey_files,
                     compare_surveys, compare_waves)

# The version of this binding: the C ABI version jtbd.h had when _ffi.py
# was generated (the library's is version()).
__version__ = "%d.%d.%d" % (VERSION_MAJOR, VERSION_MINOR, VERSION_PATCH)

__all__ = [
    # objects and the functions that make them
    "Study", "Report", "Aggregate", "Segmentation", "SegmentModel",
    "Stream", "StreamAlerts",
    "load_csv", "read_csv", "load_aggregate", "read_aggregate",
    "score_survey", "score_survey_file", "segment_survey",
    "segment_survey_file", "Design", "read_design", "design_from_text",
    "DesignContents", "DesignJob", "DesignStep", "DesignOutcome",
    "WaveComparison", "compare_waves",
    "compare_survey_files", "compare_surveys", "Roadmap", "prioritize",
    "prioritize_survey", "prioritize_aggregate", "Interviews",
    "read_interviews", "read_interviews_csv", "parse_interviews",
    "parse_interviews_json", "ForcesReport", "PropensityModel",
    "tag_note", "tag_notes", "Linter", "lint", "lint_all",
    "score_request", "score_request_json", "score_request_message",
    "version", "version_number",
    "library_path", "set_library_path",
    # records
    "OutcomeScore", "Interval", "SignificanceTest", "SolutionScore",
    "ReportWarning",
    "Segment", "SegmentComparison", "Screening", "ScreeningSummary",
    "ScreenedRespondent", "SegmentCandidate", "SegmentProfile",
    "SegmentAssignment", "AttributeOverrepresentation", "SetAsideAttribute",
    "OutcomeChange", "ScoreChange", "SegmentChanges", "WaveScores",
    "RoadmapInitiative", "FrontierPoint", "OutcomeContribution",
    "Interview", "ForceSummary",
    "ForcesBalance", "ForcesModelInfo", "ModelCoefficient",
    "ForcePrediction", "ForceSuggestion", "TaggedNote", "LintedStatement",
    "LintFinding", "TextSpan", "StepCoverage",
    # jtbd.h's enums and version macros
    "Band", "BestSolutionHas", "Code", "ComparisonHas", "Format",
    "InputFormat", "Limit", "OpportunityIntervalMethod", "PValueAdjustment",
    "ScoreHas", "ScoreMethod", "WarningCode", "WarningHas",
    "ScreeningHas", "ScreeningReason", "SegmentFeature", "SetAsideReason",
    "SolutionHas", "ChangeHas", "DifferenceIntervalMethod", "Wave",
    "InitiativeHas", "Force", "SwitchOutcome", "InterviewsFlag",
    "LandscapeSeries", "NoteLanguage", "TagStatus", "LintSeverity",
    "StatementKind", "StatementLanguage", "UniversalStep", "JobType",
    "CoverageList",
    "VERSION_MAJOR", "VERSION_MINOR", "VERSION_PATCH", "VERSION_NUMBER",
    # errors
    "Error", "LibraryNotFoundError", "IncompatibleLibraryError",
    "ClosedError", "CancelledError", "UnknownError", "InvalidArgumentError",
    "DeadlineExceededError", "NotFoundError", "AlreadyExistsError",
    "PermissionDeniedError", "ResourceExhaustedError",
    "FailedPreconditionError", "AbortedError", "OutOfRangeError",
    "UnimplementedError", "InternalError", "UnavailableError",
    "DataLossError", "UnauthenticatedError",
]
