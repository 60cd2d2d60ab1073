"""The ctypes layer of libjtbd, generated from include/jtbd/jtbd.h.

Do not edit: change jtbd.h, then run
`python3 bindings/python/gen_ctypes.py`. The ctest python_ffi_up_to_date
fails while this file differs from what the generator writes.

What is here: the header's integer macros (JTBD_ dropped), its enums
(IntFlag for the "Bits of" ones), a typed pointer class per opaque
handle (<name>_p, refusing any other handle), its structs under their C
names, and FUNCTIONS: (name, restype, ((parameter, argtype), ...)) for
every function, in header order. DEPRECATED maps the deprecated ones to
their message.
"""

import ctypes
import enum

from ._pointer import Pointer


# -------------------------------------------------------------------- macros

VERSION_MAJOR = 1
VERSION_MINOR = 0
VERSION_PATCH = 0
VERSION_NUMBER = 10000


# --------------------------------------------------------------------- enums


class Code(enum.IntEnum):
    """jtbd_code: Equal to absl::StatusCode. Open set: other non-zero values
    are failures.
    """

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
    """jtbd_band: Where an outcome falls, from its unrounded scores (equal to
    jtbd.v1.Band): extreme when opportunity > 15; high when 12 <=
    opportunity <= 15; underserved when 10 <= opportunity < 12; otherwise
    overserved when satisfaction > importance, table stakes when both are >=
    7.5, else appropriately served.
    """

    UNSPECIFIED = 0
    EXTREME = 1
    HIGH = 2
    UNDERSERVED = 3
    APPROPRIATELY_SERVED = 4
    OVERSERVED = 5
    TABLE_STAKES = 6
    INSUFFICIENT_DATA = 7


class Limit(enum.IntEnum):
    """jtbd_limit: Bounds on what one input may make the library allocate
    (docs/LIMITS.md). A jtbd_limits is given to read options
    (jtbd_read_options_set_limits) or to a request
    (jtbd_score_request_with_limits); NULL wherever a const jtbd_limits* is
    taken means the defaults, and serialized objects and saved files given
    to other functions always take the defaults. An input over a limit is
    refused with JTBD_RESOURCE_EXHAUSTED naming the limit, its value, and
    the file, line and column; the defaults are far above real surveys.
    """

    RECORD_BYTES = 1
    COLUMNS = 2
    OUTCOMES = 3
    RESPONDENTS = 4
    REQUEST_BYTES = 5
    JSON_DEPTH = 6
    BOOTSTRAP_RESAMPLES = 7


class InputFormat(enum.IntEnum):
    """jtbd_input_format: The layouts survey files come in (equal to the CLI's
    --input-format).
    """

    AUTO = 0
    LONG = 1
    WIDE = 2
    QUALTRICS = 3
    SURVEYMONKEY = 4
    GOOGLE_FORMS = 5
    TYPEFORM = 6


class ScoreMethod(enum.IntEnum):
    """jtbd_score_method: How importance, satisfaction and opportunity are
    computed (equal to jtbd.v1.ScoreMethod; docs/SCORING.md). Ulwick's is
    the default; the others are explicit choices, and every report says
    which was used.
    """

    UNSPECIFIED = 0
    ULWICK = 1
    MEAN = 2
    OLSEN = 3
    TOP_BOX_ONLY = 4


class PValueAdjustment(enum.IntEnum):
    """jtbd_p_value_adjustment: How the segment-vs-rest tests are adjusted for
    testing many outcomes in many segments (equal to
    jtbd.v1.PValueAdjustment): one family per measure across segments x
    outcomes (docs/SCORING.md).
    """

    UNSPECIFIED = 0
    HOLM = 1
    BH = 2


class OpportunityIntervalMethod(enum.IntEnum):
    """jtbd_opportunity_interval_method: How
    jtbd_outcome_score.opportunity_interval is computed (equal to
    jtbd.v1.OpportunityIntervalMethod; docs/SCORING.md, "Opportunity
    interval").
    """

    UNSPECIFIED = 0
    MOMENT_SELECTION = 1
    BOOTSTRAP_PERCENTILE = 2
    DELTA = 3


class ScoreHas(enum.IntFlag):
    """jtbd_score_has: Bits of jtbd_outcome_score.has: which of its optional
    figures exist (the others are 0). An outcome nobody rated has none; one
    rated on one axis only has that axis's interval.
    """

    IMPORTANCE_INTERVAL = 1
    SATISFACTION_INTERVAL = 2
    OPPORTUNITY_INTERVAL = 4
    OPPORTUNITY_DELTA_INTERVAL = 8
    OPPORTUNITY_STANDARD_ERROR = 16
    OPPORTUNITY_AT_LEAST_10_PROBABILITY = 32
    IMPORTANCE_EFFECTIVE_COUNT = 64
    SATISFACTION_EFFECTIVE_COUNT = 128
    OPPORTUNITY_BOOTSTRAP_INTERVAL = 256


class ComparisonHas(enum.IntFlag):
    """jtbd_comparison_has: Bits of jtbd_segment_comparison.has: which optional
    figures exist (a side without answers has no difference and no test).
    """

    IMPORTANCE_DIFFERENCE = 1
    SATISFACTION_DIFFERENCE = 2
    OPPORTUNITY_DIFFERENCE = 4
    IMPORTANCE_TEST = 8
    SATISFACTION_TEST = 16
    OPPORTUNITY_TEST = 32


class SolutionHas(enum.IntFlag):
    """jtbd_solution_has: Bits of jtbd_solution_score.has: which optional
    figures exist.
    """

    SATISFACTION = 1
    EFFECTIVE_COUNT = 2
    OPPORTUNITY = 4
    SATISFACTION_GAP = 8
    SATISFACTION_GAP_TEST = 16


class BestSolutionHas(enum.IntFlag):
    """jtbd_best_solution_has: Bits of jtbd_best_solution.has."""

    SOLUTION = 1
    GAP = 2
    GAP_TEST = 4


class WarningCode(enum.IntEnum):
    """jtbd_warning_code: What a warning is about (equal to
    jtbd.v1.WarningCode; docs/SCORING.md, "Warnings").
    """

    UNSPECIFIED = 0
    SMALL_SAMPLE = 1
    BAND_UNCERTAIN = 2
    NO_SUBSTANTIAL_STRUCTURE = 3
    SCREENING_FLAGGED_MANY = 4


class WarningHas(enum.IntFlag):
    """jtbd_warning_has: Bits of jtbd_warning.has."""

    VALUE = 1


class ScreeningHas(enum.IntFlag):
    """jtbd_screening_has: Bits of jtbd_screening_info.has: which optional
    figures exist.
    """

    SPEED_MEDIAN_FRACTION = 1
    SPEED_MIN_SECONDS = 2
    MEDIAN_DURATION = 4
    SPEED_THRESHOLD = 8


class ScreeningReason(enum.IntFlag):
    """jtbd_screening_reason: Bits of jtbd_screened_respondent.reasons."""

    STRAIGHT_LINING = 1
    SPEEDING = 2
    BLANKS = 4


class Format(enum.IntEnum):
    """jtbd_format"""

    UNSPECIFIED = 0
    TABLE = 1
    JSON = 2
    CSV = 3
    PROTOBUF = 4


class LandscapeSeries(enum.IntEnum):
    """jtbd_landscape_series: Which scores the landscape draws
    (jtbd_visual_options.series).
    """

    AUTO = 0
    WHOLE_SAMPLE = 1
    SEGMENT = 2


class SegmentFeature(enum.IntEnum):
    """jtbd_segment_feature: The per-respondent, per-outcome value clustered on
    (equal to jtbd.v1.SegmentFeature).
    """

    UNSPECIFIED = 0
    TOP_BOX_OPPORTUNITY = 1
    RATING_OPPORTUNITY = 2


class SetAsideReason(enum.IntEnum):
    """jtbd_set_aside_reason: Why an attribute column was not used to describe
    segments (equal to jtbd.v1.AttributeSetAsideReason).
    """

    UNSPECIFIED = 0
    HIGH_CARDINALITY = 1


class Wave(enum.IntEnum):
    """jtbd_wave: Which of the two waves (equal to jtbd.v1.Wave)."""

    UNSPECIFIED = 0
    FIRST = 1
    SECOND = 2


class DifferenceIntervalMethod(enum.IntEnum):
    """jtbd_difference_interval_method: How the interval of a change was
    computed (equal to jtbd.v1.DifferenceIntervalMethod).
    """

    UNSPECIFIED = 0
    NEWCOMBE_HYBRID_SCORE = 1
    DELTA_METHOD = 2
    MOVER_MOMENT_SELECTION = 3


class ChangeHas(enum.IntFlag):
    """jtbd_change_has: Bits of jtbd_outcome_change.has: which changes exist (a
    wave without answers on an axis has no change there).
    """

    IMPORTANCE = 1
    SATISFACTION = 2
    OPPORTUNITY = 4


class InitiativeHas(enum.IntFlag):
    """jtbd_initiative_has: Bits of jtbd_initiative_result.has."""

    CHOSEN_SHARE = 1
    MARGINAL_VALUE = 2


class Force(enum.IntEnum):
    """jtbd_force: The four forces (equal to jtbd.v1.Force)."""

    UNSPECIFIED = 0
    PUSH = 1
    PULL = 2
    ANXIETY = 3
    HABIT = 4


class SwitchOutcome(enum.IntEnum):
    """jtbd_switch_outcome: What happened (equal to jtbd.v1.SwitchOutcome)."""

    UNSPECIFIED = 0
    SWITCHED = 1
    STAYED = 2


class InterviewsFlag(enum.IntFlag):
    """jtbd_interviews_flag: Bits of the `flags` of the interview readers."""

    INTERVIEWS_OPEN = 1


class NoteLanguage(enum.IntEnum):
    """jtbd_note_language: A note's language (equal to jtbd.v1.NoteLanguage).
    """

    UNSPECIFIED = 0
    ENGLISH = 1
    FRENCH = 2


class TagStatus(enum.IntEnum):
    """jtbd_tag_status: Where a force tag stands (equal to jtbd.v1.TagStatus);
    the tagger only ever gives JTBD_TAG_STATUS_SUGGESTED.
    """

    UNSPECIFIED = 0
    SUGGESTED = 1
    CONFIRMED = 2
    REJECTED = 3


class StatementLanguage(enum.IntEnum):
    """jtbd_statement_language: The language of statements (equal to
    jtbd.v1.StatementLanguage).
    """

    UNSPECIFIED = 0
    ENGLISH = 1
    FRENCH = 2


class StatementKind(enum.IntEnum):
    """jtbd_statement_kind: The grammar a statement was parsed with (equal to
    jtbd.v1.StatementKind).
    """

    UNSPECIFIED = 0
    JOB = 1
    OUTCOME = 2
    JOB_STORY = 3


class LintSeverity(enum.IntEnum):
    """jtbd_lint_severity: How much a finding matters (equal to
    jtbd.v1.LintSeverity).
    """

    UNSPECIFIED = 0
    INFO = 1
    WARNING = 2
    ERROR = 3


class UniversalStep(enum.IntEnum):
    """jtbd_universal_step: The steps of the universal job map; mirrors
    jtbd.v1.UniversalStep.
    """

    CUSTOM = 0
    DEFINE = 1
    LOCATE = 2
    PREPARE = 3
    CONFIRM = 4
    EXECUTE = 5
    MONITOR = 6
    MODIFY = 7
    CONCLUDE = 8


class JobType(enum.IntEnum):
    """jtbd_job_type: The job type of a design; mirrors jtbd.v1.JobType."""

    UNSPECIFIED = 0
    FUNCTIONAL = 1
    EMOTIONAL = 2
    SOCIAL = 3


class CoverageList(enum.IntEnum):
    """jtbd_coverage_list: The id lists of a report's job-map coverage."""

    COVERAGE_UNCOVERED_STEPS = 0
    COVERAGE_UNASSIGNED_OUTCOMES = 1
    COVERAGE_UNSCORED_OUTCOMES = 2


# ------------------------------------------------------------------- handles


class jtbd_error_p(Pointer):
    """jtbd_error*"""


class jtbd_buffer_p(Pointer):
    """jtbd_buffer*"""


class jtbd_limits_p(Pointer):
    """jtbd_limits*"""


class jtbd_read_options_p(Pointer):
    """jtbd_read_options*: How survey files are read. NULL wherever a const
    jtbd_read_options* is taken means the defaults: a 1-5 scale counting 4
    and 5 as top box, the layout detected, the default limits. The setters
    may be called in any order: what depends on several settings (a map
    against the limits) is checked when the options are used to read a file.
    """


class jtbd_score_options_p(Pointer):
    """jtbd_score_options*: How a study is scored. NULL means the defaults (no
    segments).
    """


class jtbd_study_p(Pointer):
    """jtbd_study*: Outcomes, respondents (with attributes) and their answers,
    on one scale.
    """


class jtbd_report_p(Pointer):
    """jtbd_report*"""


class jtbd_aggregate_p(Pointer):
    """jtbd_aggregate*"""


class jtbd_segment_options_p(Pointer):
    """jtbd_segment_options*: How a study is segmented. NULL wherever a
    jtbd_segment_options* is taken means the defaults: top-box opportunity,
    no principal components, k chosen between 2 and 8, 25 starts, seed 42,
    one thread per core. A refused value (JTBD_INVALID_ARGUMENT naming it)
    leaves the options unchanged. Threads: convention 10 (a const pointer
    may be shared).
    """


class jtbd_segmentation_p(Pointer):
    """jtbd_segmentation*"""


class jtbd_segment_model_p(Pointer):
    """jtbd_segment_model*"""


class jtbd_wave_comparison_p(Pointer):
    """jtbd_wave_comparison*: Two waves of a survey compared outcome by
    outcome: what changed since the last wave (`jtbd compare`;
    docs/SCORING.md, "Comparing waves"). Outcomes are matched by id,
    segments by value; the waves are taken as independent samples. Of the
    score options only the confidence level, the p-value adjustment, the
    method and segment_by are used (the bootstrap is not; screening is
    refused).
    """


class jtbd_stream_p(Pointer):
    """jtbd_stream*: Scores that stay current as answers arrive one respondent
    at a time (docs/STREAMING.md). Timestamps are Unix milliseconds (>= 0).
    A stream forgets in one of two ways, chosen at creation: a sliding
    window of bucket_count buckets of bucket_width_ms each (memory: at most
    bucket_count count tables per outcome, whatever the number of answers;
    answers out of order are put in the bucket of their timestamp while it
    is in the window, older ones are JTBD_OUT_OF_RANGE), or exponential
    decay with half_life_ms (constant memory; weights decayed to the latest
    timestamp; intervals and tests on Kish effective counts; answers more
    than 32 half-lives older than the latest are JTBD_OUT_OF_RANGE).
    """


class jtbd_roadmap_options_p(Pointer):
    """jtbd_roadmap_options*: "Prioritize these initiatives" (`jtbd
    prioritize`; docs/ROADMAP.md): the portfolio of candidate initiatives
    (an initiatives CSV) that closes the most opportunity of a survey within
    a budget, found by branch and bound (exact, or the best found with its
    proven gap past the limits), with each chosen initiative's marginal
    value, the efficient frontier and the robustness of the choice under
    bootstrap redraws of the scores.
    """


class jtbd_roadmap_p(Pointer):
    """jtbd_roadmap*"""


class jtbd_interviews_p(Pointer):
    """jtbd_interviews*: Switching forces (`jtbd forces`; docs/FORCES.md): why
    customers switch or stay. Switch interviews (or CRM records of deals and
    accounts) coded with the four forces, push and pull toward a switch,
    anxiety and habit against it, analyzed into prevalence and mean
    intensity per force, the balance push + pull - anxiety - habit and how
    often it predicts what happened, and a propensity model (L2-penalised
    logistic regression of the outcome on the four intensities) that a CRM
    applies to one live deal at a time. jtbd_interviews, jtbd_forces_report
    and jtbd_propensity_model are immutable once made: every function taking
    one const may run concurrently.
    """


class jtbd_forces_options_p(Pointer):
    """jtbd_forces_options*"""


class jtbd_forces_report_p(Pointer):
    """jtbd_forces_report*"""


class jtbd_propensity_model_p(Pointer):
    """jtbd_propensity_model*"""


class jtbd_tagged_note_p(Pointer):
    """jtbd_tagged_note*: The force tags suggested for one CRM note by the
    rule-based tagger, English and French (docs/FORCES.md, "Force tags from
    notes"). Every tag is a suggestion for a person to confirm.
    """


class jtbd_linter_p(Pointer):
    """jtbd_linter*: Job statements, desired-outcome statements and job
    stories, English or French, split into their parts and checked against
    the ODI grammar (`jtbd lint`; docs/STATEMENTS.md lists the rules
    JTBD-L001...). A linter holds the options; set it up once and lint with
    it from any number of threads, e.g. on every keystroke: jtbd_linter_lint
    costs one result object and the statement's words, microseconds for a
    sentence.
    """


class jtbd_lint_result_p(Pointer):
    """jtbd_lint_result*: The statements linted by one call, each with its
    parts and findings.
    """


class jtbd_design_p(Pointer):
    """jtbd_design*: A study or aggregate may carry a design (the same forms
    and checks as jtbd_score_options_set_design): it is saved and loaded
    with the study's or aggregate's file and bytes, passed from a study to
    its aggregates, and attached with its coverage to every report
    jtbd_study_score and jtbd_aggregate_score make, without giving it again.
    Aggregates with different designs do not merge
    (JTBD_FAILED_PRECONDITION, into unchanged); one without a design takes
    the other's. The design's own fields are read through a jtbd_design
    copied out of a study, an aggregate or a report.
    """


# ------------------------------------------------------------------- structs


class jtbd_interval(ctypes.Structure):
    """jtbd_interval: A two-sided confidence interval at the report's
    confidence level.
    """

    _fields_ = [
        ("low", ctypes.c_double),
        ("high", ctypes.c_double),
    ]


class jtbd_outcome_score(ctypes.Structure):
    """jtbd_outcome_score: One outcome's scores. Text points into the report.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("outcome_id", ctypes.c_void_p),
        ("outcome_id_len", ctypes.c_size_t),
        ("statement", ctypes.c_void_p),
        ("statement_len", ctypes.c_size_t),
        ("importance", ctypes.c_double),
        ("satisfaction", ctypes.c_double),
        ("opportunity", ctypes.c_double),
        ("band", ctypes.c_int32),
        ("rank", ctypes.c_uint32),
        ("has", ctypes.c_uint32),
        ("importance_count", ctypes.c_uint64),
        ("importance_top_box_count", ctypes.c_uint64),
        ("satisfaction_count", ctypes.c_uint64),
        ("satisfaction_top_box_count", ctypes.c_uint64),
        ("both_count", ctypes.c_uint64),
        ("both_top_box_count", ctypes.c_uint64),
        ("importance_interval", jtbd_interval),
        ("satisfaction_interval", jtbd_interval),
        ("opportunity_interval", jtbd_interval),
        ("opportunity_delta_interval", jtbd_interval),
        ("opportunity_standard_error", ctypes.c_double),
        ("opportunity_at_least_10_probability", ctypes.c_double),
        ("importance_effective_count", ctypes.c_double),
        ("satisfaction_effective_count", ctypes.c_double),
        ("opportunity_bootstrap_interval", jtbd_interval),
    ]


class jtbd_significance_test(ctypes.Structure):
    """jtbd_significance_test: A z-test of a segment against the rest of the
    respondents.
    """

    _fields_ = [
        ("z", ctypes.c_double),
        ("p_value", ctypes.c_double),
        ("holm_adjusted_p_value", ctypes.c_double),
    ]


class jtbd_segment_comparison(ctypes.Structure):
    """jtbd_segment_comparison: One outcome of a segment compared with the rest
    of the respondents (everyone outside the segment, unsegmented
    respondents included). Text points into the report.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("outcome_id", ctypes.c_void_p),
        ("outcome_id_len", ctypes.c_size_t),
        ("has", ctypes.c_uint32),
        ("more_underserved", ctypes.c_uint32),
        ("rest_importance", ctypes.c_double),
        ("rest_satisfaction", ctypes.c_double),
        ("rest_opportunity", ctypes.c_double),
        ("importance_difference", ctypes.c_double),
        ("satisfaction_difference", ctypes.c_double),
        ("opportunity_difference", ctypes.c_double),
        ("importance_test", jtbd_significance_test),
        ("satisfaction_test", jtbd_significance_test),
        ("opportunity_test", jtbd_significance_test),
        ("importance_adjusted_p_value", ctypes.c_double),
        ("satisfaction_adjusted_p_value", ctypes.c_double),
        ("opportunity_adjusted_p_value", ctypes.c_double),
        ("importance_difference_interval", jtbd_interval),
        ("satisfaction_difference_interval", jtbd_interval),
        ("opportunity_difference_interval", jtbd_interval),
    ]


class jtbd_solution_score(ctypes.Structure):
    """jtbd_solution_score: One competing solution on one outcome. Text points
    into the report.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("solution", ctypes.c_void_p),
        ("solution_len", ctypes.c_size_t),
        ("has", ctypes.c_uint32),
        ("count", ctypes.c_uint64),
        ("top_box_count", ctypes.c_uint64),
        ("both_count", ctypes.c_uint64),
        ("satisfaction", ctypes.c_double),
        ("satisfaction_interval", jtbd_interval),
        ("effective_count", ctypes.c_double),
        ("opportunity", ctypes.c_double),
        ("satisfaction_gap", ctypes.c_double),
        ("satisfaction_gap_test", jtbd_significance_test),
    ]


class jtbd_best_solution(ctypes.Structure):
    """jtbd_best_solution: The best competing solution on one outcome. Text
    points into the report.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("best_solution", ctypes.c_void_p),
        ("best_solution_len", ctypes.c_size_t),
        ("has", ctypes.c_uint32),
        ("best_solution_gap", ctypes.c_double),
        ("satisfaction_target", ctypes.c_double),
        ("best_solution_gap_test", jtbd_significance_test),
    ]


class jtbd_report_info(ctypes.Structure):
    """jtbd_report_info: How a report was scored. Text points into the report.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("method", ctypes.c_void_p),
        ("method_len", ctypes.c_size_t),
        ("segment_by", ctypes.c_void_p),
        ("segment_by_len", ctypes.c_size_t),
        ("score_method", ctypes.c_int32),
        ("bootstrap_resamples", ctypes.c_uint32),
        ("confidence_level", ctypes.c_double),
        ("seed", ctypes.c_uint64),
        ("effective_respondent_count", ctypes.c_double),
        ("weighted", ctypes.c_uint32),
        ("scale_min", ctypes.c_int32),
        ("scale_max", ctypes.c_int32),
        ("scale_top_box_min", ctypes.c_int32),
        ("respondent_count", ctypes.c_uint64),
        ("unsegmented_respondent_count", ctypes.c_uint64),
        ("p_value_adjustment", ctypes.c_int32),
        ("opportunity_interval_method", ctypes.c_int32),
    ]


class jtbd_warning(ctypes.Structure):
    """jtbd_warning: A caution about a figure of a report or segmentation. Text
    points into the object it was read from.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("code", ctypes.c_int32),
        ("has", ctypes.c_uint32),
        ("message", ctypes.c_void_p),
        ("message_len", ctypes.c_size_t),
        ("outcome_id", ctypes.c_void_p),
        ("outcome_id_len", ctypes.c_size_t),
        ("segment", ctypes.c_void_p),
        ("segment_len", ctypes.c_size_t),
        ("value", ctypes.c_double),
    ]


class jtbd_screening_info(ctypes.Structure):
    """jtbd_screening_info: What screening found (all zero when the report was
    not screened).
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("screened", ctypes.c_uint32),
        ("excluded", ctypes.c_uint32),
        ("has", ctypes.c_uint32),
        ("straight_line_min_ratings", ctypes.c_uint32),
        ("screened_respondent_count", ctypes.c_uint64),
        ("flagged_respondent_count", ctypes.c_uint64),
        ("straight_lining_count", ctypes.c_uint64),
        ("speeding_count", ctypes.c_uint64),
        ("blanks_count", ctypes.c_uint64),
        ("duration_count", ctypes.c_uint64),
        ("speed_median_fraction", ctypes.c_double),
        ("speed_min_seconds", ctypes.c_double),
        ("max_blank_share", ctypes.c_double),
        ("median_duration_seconds", ctypes.c_double),
        ("speed_threshold_seconds", ctypes.c_double),
    ]


class jtbd_screened_respondent(ctypes.Structure):
    """jtbd_screened_respondent: One flagged respondent. Text points into the
    report.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("respondent_id", ctypes.c_void_p),
        ("respondent_id_len", ctypes.c_size_t),
        ("index", ctypes.c_size_t),
        ("reasons", ctypes.c_uint32),
        ("has_duration", ctypes.c_uint32),
        ("duration_seconds", ctypes.c_double),
        ("blank_share", ctypes.c_double),
    ]


class jtbd_visual_options(ctypes.Structure):
    """jtbd_visual_options: How jtbd_report_render_landscape and
    jtbd_report_render_html draw a report (docs/REPORTS.md). The caller's
    struct, read, never written: zero it, set struct_size (convention 8) and
    the fields wanted; NULL options are the defaults (the landscape without
    whiskers, the HTML report with them, English).
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("series", ctypes.c_int32),
        ("segment", ctypes.c_void_p),
        ("segment_len", ctypes.c_size_t),
        ("intervals", ctypes.c_int32),
        ("lang", ctypes.c_void_p),
        ("lang_len", ctypes.c_size_t),
        ("fragment", ctypes.c_int32),
    ]


class jtbd_segmentation_info(ctypes.Structure):
    """jtbd_segmentation_info: The figures of a segmentation as a whole."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("k", ctypes.c_uint32),
        ("k_chosen", ctypes.c_uint32),
        ("feature", ctypes.c_int32),
        ("starts", ctypes.c_uint32),
        ("seed", ctypes.c_uint64),
        ("component_count", ctypes.c_size_t),
        ("outcome_count", ctypes.c_size_t),
        ("dropped_outcome_count", ctypes.c_size_t),
        ("candidate_count", ctypes.c_size_t),
        ("respondent_count", ctypes.c_uint64),
        ("unclustered_respondent_count", ctypes.c_uint64),
        ("silhouette_respondent_count", ctypes.c_uint64),
        ("imputed_feature_count", ctypes.c_uint64),
        ("min_attribute_count", ctypes.c_uint32),
        ("p_value_adjustment", ctypes.c_int32),
    ]


class jtbd_segment_candidate(ctypes.Structure):
    """jtbd_segment_candidate: The fit of one candidate k (so users see how
    clear the choice was).
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("k", ctypes.c_uint32),
        ("iterations", ctypes.c_uint32),
        ("silhouette", ctypes.c_double),
        ("inertia", ctypes.c_double),
    ]


class jtbd_segment_profile(ctypes.Structure):
    """jtbd_segment_profile: One segment described."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("cluster", ctypes.c_uint32),
        ("respondent_count", ctypes.c_uint64),
        ("share", ctypes.c_double),
        ("silhouette", ctypes.c_double),
        ("overrepresented_attribute_count", ctypes.c_size_t),
    ]


class jtbd_attribute_overrepresentation(ctypes.Structure):
    """jtbd_attribute_overrepresentation: A respondent attribute value more
    common in a segment than in the rest of the clustered respondents
    (pooled two-proportion z-test, Holm-adjusted across the attribute's
    values). Text points into the segmentation.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("attribute", ctypes.c_void_p),
        ("attribute_len", ctypes.c_size_t),
        ("value", ctypes.c_void_p),
        ("value_len", ctypes.c_size_t),
        ("segment_count", ctypes.c_uint64),
        ("segment_total", ctypes.c_uint64),
        ("rest_count", ctypes.c_uint64),
        ("rest_total", ctypes.c_uint64),
        ("segment_share", ctypes.c_double),
        ("rest_share", ctypes.c_double),
        ("has_lift", ctypes.c_uint32),
        ("lift", ctypes.c_double),
        ("test", jtbd_significance_test),
        ("fisher_p_value", ctypes.c_double),
    ]


class jtbd_set_aside_attribute(ctypes.Structure):
    """jtbd_set_aside_attribute: An attribute column set aside. Text points
    into the segmentation.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("attribute", ctypes.c_void_p),
        ("attribute_len", ctypes.c_size_t),
        ("reason", ctypes.c_int32),
        ("distinct_value_count", ctypes.c_uint64),
        ("respondent_count", ctypes.c_uint64),
    ]


class jtbd_segment_assignment(ctypes.Structure):
    """jtbd_segment_assignment: A respondent's segment under a model."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("cluster", ctypes.c_uint32),
        ("observed_count", ctypes.c_size_t),
        ("distance", ctypes.c_double),
    ]


class jtbd_wave_scores(ctypes.Structure):
    """jtbd_wave_scores: One wave's scores of an outcome."""

    _fields_ = [
        ("importance", ctypes.c_double),
        ("satisfaction", ctypes.c_double),
        ("opportunity", ctypes.c_double),
        ("importance_count", ctypes.c_uint64),
        ("satisfaction_count", ctypes.c_uint64),
    ]


class jtbd_score_change(ctypes.Structure):
    """jtbd_score_change: The change of one score, second wave minus first."""

    _fields_ = [
        ("difference", ctypes.c_double),
        ("interval", jtbd_interval),
        ("interval_method", ctypes.c_int32),
        ("significant", ctypes.c_uint32),
        ("z", ctypes.c_double),
        ("p_value", ctypes.c_double),
        ("adjusted_p_value", ctypes.c_double),
    ]


class jtbd_outcome_change(ctypes.Structure):
    """jtbd_outcome_change: One outcome present in both waves. Text points into
    the comparison.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("outcome_id", ctypes.c_void_p),
        ("outcome_id_len", ctypes.c_size_t),
        ("statement", ctypes.c_void_p),
        ("statement_len", ctypes.c_size_t),
        ("has", ctypes.c_uint32),
        ("significant", ctypes.c_uint32),
        ("first", jtbd_wave_scores),
        ("second", jtbd_wave_scores),
        ("importance", jtbd_score_change),
        ("satisfaction", jtbd_score_change),
        ("opportunity", jtbd_score_change),
        ("band_before", ctypes.c_int32),
        ("band_after", ctypes.c_int32),
        ("crossed_band", ctypes.c_uint32),
    ]


class jtbd_wave_comparison_info(ctypes.Structure):
    """jtbd_wave_comparison_info: How two waves were compared. Text points into
    the comparison.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("confidence_level", ctypes.c_double),
        ("p_value_adjustment", ctypes.c_int32),
        ("score_method", ctypes.c_int32),
        ("first_respondent_count", ctypes.c_uint64),
        ("second_respondent_count", ctypes.c_uint64),
        ("segment_by", ctypes.c_void_p),
        ("segment_by_len", ctypes.c_size_t),
        ("family_size", ctypes.c_uint32),
        ("segment_family_size", ctypes.c_uint32),
        ("scale_min", ctypes.c_int32),
        ("scale_max", ctypes.c_int32),
        ("scale_top_box_min", ctypes.c_int32),
        ("weighted", ctypes.c_uint32),
    ]


class jtbd_roadmap_info(ctypes.Structure):
    """jtbd_roadmap_info: The portfolio. Text points into the roadmap."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("value", ctypes.c_double),
        ("cost", ctypes.c_double),
        ("budget", ctypes.c_double),
        ("total_cost", ctypes.c_double),
        ("optimal", ctypes.c_uint32),
        ("resamples", ctypes.c_uint32),
        ("bound", ctypes.c_double),
        ("gap", ctypes.c_double),
        ("nodes_explored", ctypes.c_uint64),
        ("portfolio_optimal_share", ctypes.c_double),
        ("segment_by", ctypes.c_void_p),
        ("segment_by_len", ctypes.c_size_t),
    ]


class jtbd_initiative_result(ctypes.Structure):
    """jtbd_initiative_result: One candidate initiative. Text points into the
    roadmap.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("name", ctypes.c_void_p),
        ("name_len", ctypes.c_size_t),
        ("cost", ctypes.c_double),
        ("selected", ctypes.c_uint32),
        ("has", ctypes.c_uint32),
        ("chosen_share", ctypes.c_double),
        ("marginal_value", ctypes.c_double),
        ("value_without", ctypes.c_double),
        ("marginal_optimal", ctypes.c_uint32),
    ]


class jtbd_frontier_point(ctypes.Structure):
    """jtbd_frontier_point: One budget of the efficient frontier."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("budget", ctypes.c_double),
        ("value", ctypes.c_double),
        ("cost", ctypes.c_double),
        ("optimal", ctypes.c_uint32),
        ("selected_count", ctypes.c_size_t),
    ]


class jtbd_outcome_contribution(ctypes.Structure):
    """jtbd_outcome_contribution: One outcome's (and segment's) share of the
    portfolio's value: where the opportunity the roadmap closes comes from.
    Text points into the roadmap.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("outcome_id", ctypes.c_void_p),
        ("outcome_id_len", ctypes.c_size_t),
        ("segment", ctypes.c_void_p),
        ("segment_len", ctypes.c_size_t),
        ("weight", ctypes.c_double),
        ("importance", ctypes.c_double),
        ("satisfaction_before", ctypes.c_double),
        ("satisfaction_after", ctypes.c_double),
        ("opportunity_before", ctypes.c_double),
        ("opportunity_after", ctypes.c_double),
        ("value", ctypes.c_double),
        ("initiative_count", ctypes.c_size_t),
    ]


class jtbd_interview_info(ctypes.Structure):
    """jtbd_interview_info: One interview as the analysis and the model see it.
    Text points into the interviews.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("id", ctypes.c_void_p),
        ("id_len", ctypes.c_size_t),
        ("outcome", ctypes.c_int32),
        ("push", ctypes.c_uint32),
        ("pull", ctypes.c_uint32),
        ("anxiety", ctypes.c_uint32),
        ("habit", ctypes.c_uint32),
        ("balance", ctypes.c_int32),
        ("observation_count", ctypes.c_size_t),
        ("timeline_event_count", ctypes.c_size_t),
        ("solution_left", ctypes.c_void_p),
        ("solution_left_len", ctypes.c_size_t),
        ("solution_hired", ctypes.c_void_p),
        ("solution_hired_len", ctypes.c_size_t),
    ]


class jtbd_model_coefficient(ctypes.Structure):
    """jtbd_model_coefficient: One coefficient of the propensity model."""

    _fields_ = [
        ("estimate", ctypes.c_double),
        ("standard_error", ctypes.c_double),
        ("interval", jtbd_interval),
    ]


class jtbd_forces_report_info(ctypes.Structure):
    """jtbd_forces_report_info: The analysis as a whole. Text points into the
    report.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("interview_count", ctypes.c_uint64),
        ("observation_count", ctypes.c_uint64),
        ("switched_count", ctypes.c_uint64),
        ("stayed_count", ctypes.c_uint64),
        ("confidence_level", ctypes.c_double),
        ("segment_by", ctypes.c_void_p),
        ("segment_by_len", ctypes.c_size_t),
        ("mean_balance", ctypes.c_double),
        ("switcher_mean_balance", ctypes.c_double),
        ("stayer_mean_balance", ctypes.c_double),
        ("positive_switched_count", ctypes.c_uint64),
        ("positive_stayed_count", ctypes.c_uint64),
        ("non_positive_switched_count", ctypes.c_uint64),
        ("non_positive_stayed_count", ctypes.c_uint64),
        ("agreement", ctypes.c_double),
        ("agreement_interval", jtbd_interval),
        ("has_model", ctypes.c_uint32),
        ("model_note", ctypes.c_void_p),
        ("model_note_len", ctypes.c_size_t),
        ("auc", ctypes.c_double),
        ("training_auc", ctypes.c_double),
        ("brier_score", ctypes.c_double),
        ("folds", ctypes.c_uint32),
        ("iterations", ctypes.c_uint32),
        ("seed", ctypes.c_uint64),
        ("intercept", jtbd_model_coefficient),
        ("push", jtbd_model_coefficient),
        ("pull", jtbd_model_coefficient),
        ("anxiety", jtbd_model_coefficient),
        ("habit", jtbd_model_coefficient),
    ]


class jtbd_force_summary(ctypes.Structure):
    """jtbd_force_summary: One force over a group of interviews. Text points
    into the report.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("force", ctypes.c_int32),
        ("name", ctypes.c_void_p),
        ("name_len", ctypes.c_size_t),
        ("interview_count", ctypes.c_uint64),
        ("mention_count", ctypes.c_uint64),
        ("prevalence", ctypes.c_double),
        ("prevalence_interval", jtbd_interval),
        ("mean_intensity", ctypes.c_double),
        ("has_mean_intensity_interval", ctypes.c_uint32),
        ("mean_intensity_interval", jtbd_interval),
    ]


class jtbd_propensity_model_info(ctypes.Structure):
    """jtbd_propensity_model_info: What the model is. Text points into the
    model.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("intercept", jtbd_model_coefficient),
        ("push", jtbd_model_coefficient),
        ("pull", jtbd_model_coefficient),
        ("anxiety", jtbd_model_coefficient),
        ("habit", jtbd_model_coefficient),
        ("l2_penalty", ctypes.c_double),
        ("interview_count", ctypes.c_uint64),
        ("confidence_level", ctypes.c_double),
        ("segment_by", ctypes.c_void_p),
        ("segment_by_len", ctypes.c_size_t),
        ("reference_segment", ctypes.c_void_p),
        ("reference_segment_len", ctypes.c_size_t),
        ("segment_weight_count", ctypes.c_size_t),
    ]


class jtbd_force_prediction(ctypes.Structure):
    """jtbd_force_prediction: The model applied to one deal or interview."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("probability", ctypes.c_double),
        ("log_odds", ctypes.c_double),
        ("push", ctypes.c_double),
        ("pull", ctypes.c_double),
        ("anxiety", ctypes.c_double),
        ("habit", ctypes.c_double),
        ("segment", ctypes.c_double),
    ]


class jtbd_force_suggestion(ctypes.Structure):
    """jtbd_force_suggestion: One suggested tag. Text points into the tagged
    note.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("force", ctypes.c_int32),
        ("status", ctypes.c_int32),
        ("phrase", ctypes.c_void_p),
        ("phrase_len", ctypes.c_size_t),
        ("start", ctypes.c_size_t),
        ("end", ctypes.c_size_t),
        ("confidence", ctypes.c_double),
        ("user_phrase", ctypes.c_uint32),
    ]


class jtbd_text_span(ctypes.Structure):
    """jtbd_text_span: A part of a statement: bytes [begin, end) of the
    statement's text (its NFC form, jtbd_linted_statement.text); begin ==
    end when absent.
    """

    _fields_ = [
        ("begin", ctypes.c_uint32),
        ("end", ctypes.c_uint32),
    ]


class jtbd_linted_statement(ctypes.Structure):
    """jtbd_linted_statement: One statement as parsed. Text points into the
    result.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("text", ctypes.c_void_p),
        ("text_len", ctypes.c_size_t),
        ("id", ctypes.c_void_p),
        ("id_len", ctypes.c_size_t),
        ("kind", ctypes.c_int32),
        ("language", ctypes.c_int32),
        ("verb", jtbd_text_span),
        ("direction", jtbd_text_span),
        ("metric", jtbd_text_span),
        ("object", jtbd_text_span),
        ("clarifier", jtbd_text_span),
        ("situation", jtbd_text_span),
        ("persona", jtbd_text_span),
        ("motivation", jtbd_text_span),
        ("expected_outcome", jtbd_text_span),
        ("finding_count", ctypes.c_size_t),
        ("has_warnings", ctypes.c_uint32),
    ]


class jtbd_lint_finding(ctypes.Structure):
    """jtbd_lint_finding: One finding. Text points into the result (rule ids
    are static).
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("rule", ctypes.c_void_p),
        ("rule_len", ctypes.c_size_t),
        ("rule_name", ctypes.c_void_p),
        ("rule_name_len", ctypes.c_size_t),
        ("severity", ctypes.c_int32),
        ("message", ctypes.c_void_p),
        ("message_len", ctypes.c_size_t),
        ("suggestion", ctypes.c_void_p),
        ("suggestion_len", ctypes.c_size_t),
        ("span", jtbd_text_span),
        ("related_statement", ctypes.c_int64),
    ]


class jtbd_report_sections(ctypes.Structure):
    """jtbd_report_sections: The HTML report with the other analyses' results
    as sections of their own (docs/REPORTS.md): the switching forces (a
    jtbd_forces_report), the changes since a previous wave (a
    jtbd_wave_comparison) and the chosen roadmap (a jtbd_roadmap), each
    drawn as it was computed, and named in the summary; as `jtbd report
    --interviews --previous --initiatives`. The caller's struct, read, never
    written: zero it, set struct_size (convention 8) and the results wanted;
    a NULL result has no section. The handles are only read and stay the
    caller's.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("forces", jtbd_forces_report_p),
        ("waves", jtbd_wave_comparison_p),
        ("roadmap", jtbd_roadmap_p),
    ]


class jtbd_step_coverage(ctypes.Structure):
    """jtbd_step_coverage: One step of a report's job-map coverage, in job-map
    order. Text points into the report.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("step_id", ctypes.c_void_p),
        ("step_id_len", ctypes.c_size_t),
        ("name", ctypes.c_void_p),
        ("name_len", ctypes.c_size_t),
        ("universal_step", ctypes.c_int32),
        ("outcome_count", ctypes.c_uint32),
        ("scored_outcome_count", ctypes.c_uint32),
        ("underserved_count", ctypes.c_uint32),
        ("overserved_count", ctypes.c_uint32),
        ("all_underserved", ctypes.c_int32),
        ("all_overserved", ctypes.c_int32),
        ("most_opportunity", ctypes.c_int32),
        ("has_max_opportunity", ctypes.c_int32),
        ("opportunity_excess", ctypes.c_double),
        ("max_opportunity", ctypes.c_double),
        ("top_outcome_id", ctypes.c_void_p),
        ("top_outcome_id_len", ctypes.c_size_t),
    ]


class jtbd_design_job(ctypes.Structure):
    """jtbd_design_job: The job of a design. Text points into the jtbd_design.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("id", ctypes.c_void_p),
        ("id_len", ctypes.c_size_t),
        ("statement", ctypes.c_void_p),
        ("statement_len", ctypes.c_size_t),
        ("executor", ctypes.c_void_p),
        ("executor_len", ctypes.c_size_t),
        ("type", ctypes.c_int32),
        ("step_count", ctypes.c_size_t),
        ("outcome_count", ctypes.c_size_t),
    ]


class jtbd_design_step(ctypes.Structure):
    """jtbd_design_step: One step of a design's job map, in the order carried
    out.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("id", ctypes.c_void_p),
        ("id_len", ctypes.c_size_t),
        ("name", ctypes.c_void_p),
        ("name_len", ctypes.c_size_t),
        ("universal_step", ctypes.c_int32),
        ("outcome_count", ctypes.c_size_t),
    ]


class jtbd_design_outcome(ctypes.Structure):
    """jtbd_design_outcome: One desired outcome of a design, in the design's
    order.
    """

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("id", ctypes.c_void_p),
        ("id_len", ctypes.c_size_t),
        ("statement", ctypes.c_void_p),
        ("statement_len", ctypes.c_size_t),
        ("job_step_id", ctypes.c_void_p),
        ("job_step_id_len", ctypes.c_size_t),
    ]


# -------------------------------------------------------------- struct sizes

OUTCOME_SCORE_STRUCT_SIZE = (
    jtbd_outcome_score.opportunity_bootstrap_interval.offset +
    jtbd_outcome_score.opportunity_bootstrap_interval.size)
SEGMENT_COMPARISON_STRUCT_SIZE = (
    jtbd_segment_comparison.opportunity_difference_interval.offset +
    jtbd_segment_comparison.opportunity_difference_interval.size)
SOLUTION_SCORE_STRUCT_SIZE = (
    jtbd_solution_score.satisfaction_gap_test.offset +
    jtbd_solution_score.satisfaction_gap_test.size)
BEST_SOLUTION_STRUCT_SIZE = (
    jtbd_best_solution.best_solution_gap_test.offset +
    jtbd_best_solution.best_solution_gap_test.size)
REPORT_INFO_STRUCT_SIZE = (
    jtbd_report_info.opportunity_interval_method.offset +
    jtbd_report_info.opportunity_interval_method.size)
WARNING_STRUCT_SIZE = (jtbd_warning.value.offset + jtbd_warning.value.size)
SCREENING_INFO_STRUCT_SIZE = (
    jtbd_screening_info.speed_threshold_seconds.offset +
    jtbd_screening_info.speed_threshold_seconds.size)
SCREENED_RESPONDENT_STRUCT_SIZE = (
    jtbd_screened_respondent.blank_share.offset +
    jtbd_screened_respondent.blank_share.size)
VISUAL_OPTIONS_STRUCT_SIZE = (
    jtbd_visual_options.fragment.offset + jtbd_visual_options.fragment.size)
SEGMENTATION_INFO_STRUCT_SIZE = (
    jtbd_segmentation_info.p_value_adjustment.offset +
    jtbd_segmentation_info.p_value_adjustment.size)
SEGMENT_CANDIDATE_STRUCT_SIZE = (
    jtbd_segment_candidate.inertia.offset +
    jtbd_segment_candidate.inertia.size)
SEGMENT_PROFILE_STRUCT_SIZE = (
    jtbd_segment_profile.overrepresented_attribute_count.offset +
    jtbd_segment_profile.overrepresented_attribute_count.size)
ATTRIBUTE_OVERREPRESENTATION_STRUCT_SIZE = (
    jtbd_attribute_overrepresentation.fisher_p_value.offset +
    jtbd_attribute_overrepresentation.fisher_p_value.size)
SET_ASIDE_ATTRIBUTE_STRUCT_SIZE = (
    jtbd_set_aside_attribute.respondent_count.offset +
    jtbd_set_aside_attribute.respondent_count.size)
SEGMENT_ASSIGNMENT_STRUCT_SIZE = (
    jtbd_segment_assignment.distance.offset +
    jtbd_segment_assignment.distance.size)
OUTCOME_CHANGE_STRUCT_SIZE = (
    jtbd_outcome_change.crossed_band.offset +
    jtbd_outcome_change.crossed_band.size)
WAVE_COMPARISON_INFO_STRUCT_SIZE = (
    jtbd_wave_comparison_info.weighted.offset +
    jtbd_wave_comparison_info.weighted.size)
ROADMAP_INFO_STRUCT_SIZE = (
    jtbd_roadmap_info.segment_by_len.offset +
    jtbd_roadmap_info.segment_by_len.size)
INITIATIVE_RESULT_STRUCT_SIZE = (
    jtbd_initiative_result.marginal_optimal.offset +
    jtbd_initiative_result.marginal_optimal.size)
FRONTIER_POINT_STRUCT_SIZE = (
    jtbd_frontier_point.selected_count.offset +
    jtbd_frontier_point.selected_count.size)
OUTCOME_CONTRIBUTION_STRUCT_SIZE = (
    jtbd_outcome_contribution.initiative_count.offset +
    jtbd_outcome_contribution.initiative_count.size)
INTERVIEW_INFO_STRUCT_SIZE = (
    jtbd_interview_info.solution_hired_len.offset +
    jtbd_interview_info.solution_hired_len.size)
FORCES_REPORT_INFO_STRUCT_SIZE = (
    jtbd_forces_report_info.habit.offset + jtbd_forces_report_info.habit.size)
FORCE_SUMMARY_STRUCT_SIZE = (
    jtbd_force_summary.mean_intensity_interval.offset +
    jtbd_force_summary.mean_intensity_interval.size)
PROPENSITY_MODEL_INFO_STRUCT_SIZE = (
    jtbd_propensity_model_info.segment_weight_count.offset +
    jtbd_propensity_model_info.segment_weight_count.size)
FORCE_PREDICTION_STRUCT_SIZE = (
    jtbd_force_prediction.segment.offset + jtbd_force_prediction.segment.size)
FORCE_SUGGESTION_STRUCT_SIZE = (
    jtbd_force_suggestion.user_phrase.offset +
    jtbd_force_suggestion.user_phrase.size)
LINTED_STATEMENT_STRUCT_SIZE = (
    jtbd_linted_statement.has_warnings.offset +
    jtbd_linted_statement.has_warnings.size)
LINT_FINDING_STRUCT_SIZE = (
    jtbd_lint_finding.related_statement.offset +
    jtbd_lint_finding.related_statement.size)
REPORT_SECTIONS_STRUCT_SIZE = (
    jtbd_report_sections.roadmap.offset + jtbd_report_sections.roadmap.size)
STEP_COVERAGE_STRUCT_SIZE = (
    jtbd_step_coverage.top_outcome_id_len.offset +
    jtbd_step_coverage.top_outcome_id_len.size)
DESIGN_JOB_STRUCT_SIZE = (
    jtbd_design_job.outcome_count.offset + jtbd_design_job.outcome_count.size)
DESIGN_STEP_STRUCT_SIZE = (
    jtbd_design_step.outcome_count.offset +
    jtbd_design_step.outcome_count.size)
DESIGN_OUTCOME_STRUCT_SIZE = (
    jtbd_design_outcome.job_step_id_len.offset +
    jtbd_design_outcome.job_step_id_len.size)


# ----------------------------------------------------------------- functions

FUNCTIONS = (
    ("jtbd_version_number", ctypes.c_uint32, ()),
    ("jtbd_version_string", ctypes.c_void_p, ()),
    ("jtbd_error_code", ctypes.c_int32, (("error", jtbd_error_p),)),
    ("jtbd_error_message", ctypes.c_void_p, (
        ("error", jtbd_error_p),
        ("length", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_error_free", None, (("error", jtbd_error_p),)),
    ("jtbd_code_name", ctypes.c_void_p, (("code", ctypes.c_int32),)),
    ("jtbd_buffer_data", ctypes.c_void_p, (("buffer", jtbd_buffer_p),)),
    ("jtbd_buffer_size", ctypes.c_size_t, (("buffer", jtbd_buffer_p),)),
    ("jtbd_buffer_free", None, (("buffer", jtbd_buffer_p),)),
    ("jtbd_csv_restyle", jtbd_error_p, (
        ("csv", ctypes.c_char_p),
        ("size", ctypes.c_size_t),
        ("separator", ctypes.c_int32),
        ("decimal_comma", ctypes.c_uint32),
        ("byte_order_mark", ctypes.c_uint32),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_band_name", ctypes.c_void_p, (("band", ctypes.c_int32),)),
    ("jtbd_limits_create", jtbd_error_p, (
        ("out", ctypes.POINTER(jtbd_limits_p)),
    )),
    ("jtbd_limits_destroy", None, (("limits", jtbd_limits_p),)),
    ("jtbd_limits_set", jtbd_error_p, (
        ("limits", jtbd_limits_p),
        ("limit", ctypes.c_int32),
        ("value", ctypes.c_uint64),
    )),
    ("jtbd_limits_get", jtbd_error_p, (
        ("limits", jtbd_limits_p),
        ("limit", ctypes.c_int32),
        ("value_out", ctypes.POINTER(ctypes.c_uint64)),
    )),
    ("jtbd_read_options_create", jtbd_error_p, (
        ("out", ctypes.POINTER(jtbd_read_options_p)),
    )),
    ("jtbd_read_options_destroy", None, (("options", jtbd_read_options_p),)),
    ("jtbd_read_options_set_scale", jtbd_error_p, (
        ("options", jtbd_read_options_p),
        ("min", ctypes.c_int32),
        ("max", ctypes.c_int32),
        ("top_box_min", ctypes.c_int32),
    )),
    ("jtbd_read_options_set_input_format", jtbd_error_p, (
        ("options", jtbd_read_options_p),
        ("format", ctypes.c_int32),
    )),
    ("jtbd_read_options_add_importance_question", jtbd_error_p, (
        ("options", jtbd_read_options_p),
        ("question", ctypes.c_char_p),
        ("question_len", ctypes.c_size_t),
    )),
    ("jtbd_read_options_add_satisfaction_question", jtbd_error_p, (
        ("options", jtbd_read_options_p),
        ("question", ctypes.c_char_p),
        ("question_len", ctypes.c_size_t),
    )),
    ("jtbd_read_options_clear_questions", jtbd_error_p, (
        ("options", jtbd_read_options_p),
    )),
    ("jtbd_read_options_set_labels", jtbd_error_p, (
        ("options", jtbd_read_options_p),
        ("data", ctypes.c_char_p),
        ("size", ctypes.c_size_t),
        ("source_name", ctypes.c_char_p),
        ("source_name_len", ctypes.c_size_t),
    )),
    ("jtbd_read_options_set_labels_file", jtbd_error_p, (
        ("options", jtbd_read_options_p),
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
    )),
    ("jtbd_read_options_set_survey_map", jtbd_error_p, (
        ("options", jtbd_read_options_p),
        ("json", ctypes.c_char_p),
        ("size", ctypes.c_size_t),
        ("source_name", ctypes.c_char_p),
        ("source_name_len", ctypes.c_size_t),
    )),
    ("jtbd_read_options_set_survey_map_file", jtbd_error_p, (
        ("options", jtbd_read_options_p),
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
    )),
    ("jtbd_read_options_set_weight_column", jtbd_error_p, (
        ("options", jtbd_read_options_p),
        ("column", ctypes.c_char_p),
        ("column_len", ctypes.c_size_t),
    )),
    ("jtbd_read_options_set_duration_column", jtbd_error_p, (
        ("options", jtbd_read_options_p),
        ("column", ctypes.c_char_p),
        ("column_len", ctypes.c_size_t),
    )),
    ("jtbd_read_options_set_outcome_descriptions", jtbd_error_p, (
        ("options", jtbd_read_options_p),
        ("data", ctypes.c_char_p),
        ("size", ctypes.c_size_t),
        ("source_name", ctypes.c_char_p),
        ("source_name_len", ctypes.c_size_t),
    )),
    ("jtbd_read_options_set_outcome_descriptions_file", jtbd_error_p, (
        ("options", jtbd_read_options_p),
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
    )),
    ("jtbd_read_options_set_limits", jtbd_error_p, (
        ("options", jtbd_read_options_p),
        ("limits", jtbd_limits_p),
    )),
    ("jtbd_score_options_create", jtbd_error_p, (
        ("out", ctypes.POINTER(jtbd_score_options_p)),
    )),
    ("jtbd_score_options_destroy", None, (("options", jtbd_score_options_p),)),
    ("jtbd_score_options_set_segment_by", jtbd_error_p, (
        ("options", jtbd_score_options_p),
        ("attribute", ctypes.c_char_p),
        ("attribute_len", ctypes.c_size_t),
    )),
    ("jtbd_score_options_set_confidence_level", jtbd_error_p, (
        ("options", jtbd_score_options_p),
        ("level", ctypes.c_double),
    )),
    ("jtbd_score_options_set_bootstrap_resamples", jtbd_error_p, (
        ("options", jtbd_score_options_p),
        ("resamples", ctypes.c_uint32),
    )),
    ("jtbd_score_options_set_seed", jtbd_error_p, (
        ("options", jtbd_score_options_p),
        ("seed", ctypes.c_uint64),
    )),
    ("jtbd_score_options_set_method", jtbd_error_p, (
        ("options", jtbd_score_options_p),
        ("method", ctypes.c_int32),
    )),
    ("jtbd_score_options_set_p_value_adjustment", jtbd_error_p, (
        ("options", jtbd_score_options_p),
        ("adjustment", ctypes.c_int32),
    )),
    ("jtbd_score_options_set_screening", jtbd_error_p, (
        ("options", jtbd_score_options_p),
        ("enabled", ctypes.c_uint32),
        ("exclude", ctypes.c_uint32),
    )),
    ("jtbd_score_options_set_screening_min_ratings", jtbd_error_p, (
        ("options", jtbd_score_options_p),
        ("ratings", ctypes.c_uint32),
    )),
    ("jtbd_score_options_set_screening_speed_fraction", jtbd_error_p, (
        ("options", jtbd_score_options_p),
        ("fraction", ctypes.c_double),
    )),
    ("jtbd_score_options_set_screening_min_seconds", jtbd_error_p, (
        ("options", jtbd_score_options_p),
        ("seconds", ctypes.c_double),
    )),
    ("jtbd_score_options_set_screening_max_blank_share", jtbd_error_p, (
        ("options", jtbd_score_options_p),
        ("share", ctypes.c_double),
    )),
    ("jtbd_study_create", jtbd_error_p, (
        ("out", ctypes.POINTER(jtbd_study_p)),
    )),
    ("jtbd_study_destroy", None, (("study", jtbd_study_p),)),
    ("jtbd_study_set_scale", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("min", ctypes.c_int32),
        ("max", ctypes.c_int32),
        ("top_box_min", ctypes.c_int32),
    )),
    ("jtbd_study_add_outcome", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("id", ctypes.c_char_p),
        ("id_len", ctypes.c_size_t),
        ("statement", ctypes.c_char_p),
        ("statement_len", ctypes.c_size_t),
        ("index_out", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_study_add_respondent", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("id", ctypes.c_char_p),
        ("id_len", ctypes.c_size_t),
        ("index_out", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_study_add_respondents", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("count", ctypes.c_size_t),
        ("first_index_out", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_study_set_duration", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("respondent", ctypes.c_size_t),
        ("seconds", ctypes.c_double),
    )),
    ("jtbd_study_set_attribute", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("respondent", ctypes.c_size_t),
        ("name", ctypes.c_char_p),
        ("name_len", ctypes.c_size_t),
        ("value", ctypes.c_char_p),
        ("value_len", ctypes.c_size_t),
    )),
    ("jtbd_study_set_weight", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("respondent", ctypes.c_size_t),
        ("weight", ctypes.c_double),
    )),
    ("jtbd_study_add_answers", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("count", ctypes.c_size_t),
        ("respondents", ctypes.POINTER(ctypes.c_uint32)),
        ("outcomes", ctypes.POINTER(ctypes.c_uint32)),
        ("importance", ctypes.POINTER(ctypes.c_uint8)),
        ("satisfaction", ctypes.POINTER(ctypes.c_uint8)),
    )),
    ("jtbd_study_add_solution", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("name", ctypes.c_char_p),
        ("name_len", ctypes.c_size_t),
        ("index_out", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_study_add_solution_answers", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("count", ctypes.c_size_t),
        ("respondents", ctypes.POINTER(ctypes.c_uint32)),
        ("solutions", ctypes.POINTER(ctypes.c_uint32)),
        ("outcomes", ctypes.POINTER(ctypes.c_uint32)),
        ("satisfaction", ctypes.POINTER(ctypes.c_uint8)),
    )),
    ("jtbd_study_solution_count", ctypes.c_size_t, (("study", jtbd_study_p),)),
    ("jtbd_study_outcome_count", ctypes.c_size_t, (("study", jtbd_study_p),)),
    ("jtbd_study_respondent_count", ctypes.c_uint64, (
        ("study", jtbd_study_p),
    )),
    ("jtbd_study_score", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("options", jtbd_score_options_p),
        ("out", ctypes.POINTER(jtbd_report_p)),
    )),
    ("jtbd_study_create_aggregate", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("out", ctypes.POINTER(jtbd_aggregate_p)),
    )),
    ("jtbd_study_serialize", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_study_parse", jtbd_error_p, (
        ("data", ctypes.c_void_p),
        ("size", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_study_p)),
    )),
    ("jtbd_study_save_file", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
    )),
    ("jtbd_study_load_file", jtbd_error_p, (
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_study_p)),
    )),
    ("jtbd_study_read_csv_file", jtbd_error_p, (
        ("options", jtbd_read_options_p),
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_study_p)),
    )),
    ("jtbd_study_read_csv", jtbd_error_p, (
        ("options", jtbd_read_options_p),
        ("data", ctypes.c_char_p),
        ("size", ctypes.c_size_t),
        ("source_name", ctypes.c_char_p),
        ("source_name_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_study_p)),
    )),
    ("jtbd_study_describe_outcomes_csv_file", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
    )),
    ("jtbd_study_describe_outcomes_csv", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("data", ctypes.c_char_p),
        ("size", ctypes.c_size_t),
        ("source_name", ctypes.c_char_p),
        ("source_name_len", ctypes.c_size_t),
    )),
    ("jtbd_report_destroy", None, (("report", jtbd_report_p),)),
    ("jtbd_report_respondent_count", ctypes.c_uint64, (
        ("report", jtbd_report_p),
    )),
    ("jtbd_report_outcome_count", ctypes.c_size_t, (
        ("report", jtbd_report_p),
    )),
    ("jtbd_report_outcome", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_outcome_score)),
    )),
    ("jtbd_report_segment_count", ctypes.c_size_t, (
        ("report", jtbd_report_p),
    )),
    ("jtbd_report_segment_name", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("segment", ctypes.c_size_t),
        ("name", ctypes.POINTER(ctypes.c_void_p)),
        ("name_len", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_report_segment_respondent_count", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("segment", ctypes.c_size_t),
        ("count", ctypes.POINTER(ctypes.c_uint64)),
    )),
    ("jtbd_report_segment_outcome", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("segment", ctypes.c_size_t),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_outcome_score)),
    )),
    ("jtbd_report_segment_comparison", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("segment", ctypes.c_size_t),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_segment_comparison)),
    )),
    ("jtbd_report_segment_rest_respondent_count", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("segment", ctypes.c_size_t),
        ("count", ctypes.POINTER(ctypes.c_uint64)),
    )),
    ("jtbd_report_segment_effective_respondent_count", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("segment", ctypes.c_size_t),
        ("count", ctypes.POINTER(ctypes.c_double)),
    )),
    ("jtbd_report_segment_more_underserved_count", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("segment", ctypes.c_size_t),
        ("count", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_report_segment_more_underserved_id", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("segment", ctypes.c_size_t),
        ("index", ctypes.c_size_t),
        ("id", ctypes.POINTER(ctypes.c_void_p)),
        ("id_len", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_report_solution_count", ctypes.c_size_t, (
        ("report", jtbd_report_p),
    )),
    ("jtbd_report_solution_name", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("index", ctypes.c_size_t),
        ("name", ctypes.POINTER(ctypes.c_void_p)),
        ("name_len", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_report_outcome_solution", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("outcome", ctypes.c_size_t),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_solution_score)),
    )),
    ("jtbd_report_segment_outcome_solution", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("segment", ctypes.c_size_t),
        ("outcome", ctypes.c_size_t),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_solution_score)),
    )),
    ("jtbd_report_outcome_best_solution", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("outcome", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_best_solution)),
    )),
    ("jtbd_report_segment_outcome_best_solution", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("segment", ctypes.c_size_t),
        ("outcome", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_best_solution)),
    )),
    ("jtbd_report_get_info", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("out", ctypes.POINTER(jtbd_report_info)),
    )),
    ("jtbd_report_warning_count", ctypes.c_size_t, (
        ("report", jtbd_report_p),
    )),
    ("jtbd_report_warning", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_warning)),
    )),
    ("jtbd_report_get_screening", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("out", ctypes.POINTER(jtbd_screening_info)),
    )),
    ("jtbd_report_screened_count", ctypes.c_uint64, (
        ("report", jtbd_report_p),
    )),
    ("jtbd_report_screened_respondent", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_screened_respondent)),
    )),
    ("jtbd_report_render", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("format", ctypes.c_int32),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_report_render_landscape", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("options", ctypes.POINTER(jtbd_visual_options)),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_report_render_html", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("options", ctypes.POINTER(jtbd_visual_options)),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_aggregate_create", jtbd_error_p, (
        ("out", ctypes.POINTER(jtbd_aggregate_p)),
    )),
    ("jtbd_aggregate_destroy", None, (("aggregate", jtbd_aggregate_p),)),
    ("jtbd_aggregate_set_scale", jtbd_error_p, (
        ("aggregate", jtbd_aggregate_p),
        ("min", ctypes.c_int32),
        ("max", ctypes.c_int32),
        ("top_box_min", ctypes.c_int32),
    )),
    ("jtbd_aggregate_add_outcome", jtbd_error_p, (
        ("aggregate", jtbd_aggregate_p),
        ("id", ctypes.c_char_p),
        ("id_len", ctypes.c_size_t),
        ("statement", ctypes.c_char_p),
        ("statement_len", ctypes.c_size_t),
    )),
    ("jtbd_aggregate_outcome_count", ctypes.c_size_t, (
        ("aggregate", jtbd_aggregate_p),
    )),
    ("jtbd_aggregate_respondent_count", ctypes.c_uint64, (
        ("aggregate", jtbd_aggregate_p),
    )),
    ("jtbd_aggregate_add_respondents", jtbd_error_p, (
        ("aggregate", jtbd_aggregate_p),
        ("count", ctypes.c_size_t),
        ("importance", ctypes.POINTER(ctypes.c_uint8)),
        ("satisfaction", ctypes.POINTER(ctypes.c_uint8)),
    )),
    ("jtbd_aggregate_add_weighted_respondents", jtbd_error_p, (
        ("aggregate", jtbd_aggregate_p),
        ("count", ctypes.c_size_t),
        ("importance", ctypes.POINTER(ctypes.c_uint8)),
        ("satisfaction", ctypes.POINTER(ctypes.c_uint8)),
        ("weights", ctypes.POINTER(ctypes.c_double)),
    )),
    ("jtbd_aggregate_merge", jtbd_error_p, (
        ("into", jtbd_aggregate_p),
        ("from", jtbd_aggregate_p),
    )),
    ("jtbd_aggregate_cell", jtbd_error_p, (
        ("aggregate", jtbd_aggregate_p),
        ("outcome", ctypes.c_size_t),
        ("importance", ctypes.c_int32),
        ("satisfaction", ctypes.c_int32),
        ("count", ctypes.POINTER(ctypes.c_uint64)),
    )),
    ("jtbd_aggregate_serialize", jtbd_error_p, (
        ("aggregate", jtbd_aggregate_p),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_aggregate_parse", jtbd_error_p, (
        ("data", ctypes.c_void_p),
        ("size", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_aggregate_p)),
    )),
    ("jtbd_aggregate_save_file", jtbd_error_p, (
        ("aggregate", jtbd_aggregate_p),
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
    )),
    ("jtbd_aggregate_load_file", jtbd_error_p, (
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_aggregate_p)),
    )),
    ("jtbd_aggregate_encode", jtbd_error_p, (
        ("aggregate", jtbd_aggregate_p),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_aggregate_decode", jtbd_error_p, (
        ("data", ctypes.c_void_p),
        ("size", ctypes.c_size_t),
        ("source_name", ctypes.c_char_p),
        ("source_name_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_aggregate_p)),
    )),
    ("jtbd_aggregate_read_csv_file", jtbd_error_p, (
        ("options", jtbd_read_options_p),
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_aggregate_p)),
    )),
    ("jtbd_aggregate_read_csv", jtbd_error_p, (
        ("options", jtbd_read_options_p),
        ("data", ctypes.c_char_p),
        ("size", ctypes.c_size_t),
        ("source_name", ctypes.c_char_p),
        ("source_name_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_aggregate_p)),
    )),
    ("jtbd_aggregate_score", jtbd_error_p, (
        ("aggregate", jtbd_aggregate_p),
        ("options", jtbd_score_options_p),
        ("out", ctypes.POINTER(jtbd_report_p)),
    )),
    ("jtbd_score_request", jtbd_error_p, (
        ("request", ctypes.c_void_p),
        ("request_size", ctypes.c_size_t),
        ("report_out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_score_request_json", jtbd_error_p, (
        ("request_json", ctypes.c_char_p),
        ("request_size", ctypes.c_size_t),
        ("report_json_out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_score_request_with_limits", jtbd_error_p, (
        ("limits", jtbd_limits_p),
        ("request", ctypes.c_void_p),
        ("request_size", ctypes.c_size_t),
        ("report_out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_score_request_json_with_limits", jtbd_error_p, (
        ("limits", jtbd_limits_p),
        ("request_json", ctypes.c_char_p),
        ("request_size", ctypes.c_size_t),
        ("report_json_out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_segment_options_create", jtbd_error_p, (
        ("out", ctypes.POINTER(jtbd_segment_options_p)),
    )),
    ("jtbd_segment_options_destroy", None, (
        ("options", jtbd_segment_options_p),
    )),
    ("jtbd_segment_options_set_feature", jtbd_error_p, (
        ("options", jtbd_segment_options_p),
        ("feature", ctypes.c_int32),
    )),
    ("jtbd_segment_options_set_principal_components", jtbd_error_p, (
        ("options", jtbd_segment_options_p),
        ("enabled", ctypes.c_uint32),
    )),
    ("jtbd_segment_options_set_k", jtbd_error_p, (
        ("options", jtbd_segment_options_p),
        ("k", ctypes.c_uint32),
    )),
    ("jtbd_segment_options_set_k_range", jtbd_error_p, (
        ("options", jtbd_segment_options_p),
        ("min_k", ctypes.c_uint32),
        ("max_k", ctypes.c_uint32),
    )),
    ("jtbd_segment_options_set_starts", jtbd_error_p, (
        ("options", jtbd_segment_options_p),
        ("starts", ctypes.c_uint32),
    )),
    ("jtbd_segment_options_set_seed", jtbd_error_p, (
        ("options", jtbd_segment_options_p),
        ("seed", ctypes.c_uint64),
    )),
    ("jtbd_segment_options_set_threads", jtbd_error_p, (
        ("options", jtbd_segment_options_p),
        ("threads", ctypes.c_uint32),
    )),
    ("jtbd_segment_options_set_min_attribute_count", jtbd_error_p, (
        ("options", jtbd_segment_options_p),
        ("count", ctypes.c_uint32),
    )),
    ("jtbd_segment_options_set_silhouette_sample_size", jtbd_error_p, (
        ("options", jtbd_segment_options_p),
        ("size", ctypes.c_uint32),
    )),
    ("jtbd_segment_options_set_score_options", jtbd_error_p, (
        ("options", jtbd_segment_options_p),
        ("score_options", jtbd_score_options_p),
    )),
    ("jtbd_study_segment", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("options", jtbd_segment_options_p),
        ("out", ctypes.POINTER(jtbd_segmentation_p)),
    )),
    ("jtbd_segmentation_destroy", None, (
        ("segmentation", jtbd_segmentation_p),
    )),
    ("jtbd_segmentation_get_info", jtbd_error_p, (
        ("segmentation", jtbd_segmentation_p),
        ("out", ctypes.POINTER(jtbd_segmentation_info)),
    )),
    ("jtbd_segmentation_candidate", jtbd_error_p, (
        ("segmentation", jtbd_segmentation_p),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_segment_candidate)),
    )),
    ("jtbd_segmentation_outcome_id", jtbd_error_p, (
        ("segmentation", jtbd_segmentation_p),
        ("index", ctypes.c_size_t),
        ("id", ctypes.POINTER(ctypes.c_void_p)),
        ("id_len", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_segmentation_dropped_outcome_id", jtbd_error_p, (
        ("segmentation", jtbd_segmentation_p),
        ("index", ctypes.c_size_t),
        ("id", ctypes.POINTER(ctypes.c_void_p)),
        ("id_len", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_segmentation_respondent_cluster", jtbd_error_p, (
        ("segmentation", jtbd_segmentation_p),
        ("respondent", ctypes.c_size_t),
        ("cluster", ctypes.POINTER(ctypes.c_uint32)),
    )),
    ("jtbd_segmentation_respondent_clusters", jtbd_error_p, (
        ("segmentation", jtbd_segmentation_p),
        ("clusters", ctypes.POINTER(ctypes.c_uint32)),
        ("count", ctypes.c_size_t),
    )),
    ("jtbd_segmentation_segment_profile", jtbd_error_p, (
        ("segmentation", jtbd_segmentation_p),
        ("cluster", ctypes.c_uint32),
        ("out", ctypes.POINTER(jtbd_segment_profile)),
    )),
    ("jtbd_segmentation_create_segment_report", jtbd_error_p, (
        ("segmentation", jtbd_segmentation_p),
        ("cluster", ctypes.c_uint32),
        ("out", ctypes.POINTER(jtbd_report_p)),
    )),
    ("jtbd_segmentation_segment_attribute", jtbd_error_p, (
        ("segmentation", jtbd_segmentation_p),
        ("cluster", ctypes.c_uint32),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_attribute_overrepresentation)),
    )),
    ("jtbd_segmentation_set_aside_attribute_count", ctypes.c_size_t, (
        ("segmentation", jtbd_segmentation_p),
    )),
    ("jtbd_segmentation_set_aside_attribute", jtbd_error_p, (
        ("segmentation", jtbd_segmentation_p),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_set_aside_attribute)),
    )),
    ("jtbd_segmentation_warning_count", ctypes.c_size_t, (
        ("segmentation", jtbd_segmentation_p),
    )),
    ("jtbd_segmentation_warning", jtbd_error_p, (
        ("segmentation", jtbd_segmentation_p),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_warning)),
    )),
    ("jtbd_segmentation_render", jtbd_error_p, (
        ("segmentation", jtbd_segmentation_p),
        ("format", ctypes.c_int32),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_segmentation_create_model", jtbd_error_p, (
        ("segmentation", jtbd_segmentation_p),
        ("out", ctypes.POINTER(jtbd_segment_model_p)),
    )),
    ("jtbd_segment_model_parse", jtbd_error_p, (
        ("data", ctypes.c_void_p),
        ("size", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_segment_model_p)),
    )),
    ("jtbd_segment_model_serialize", jtbd_error_p, (
        ("model", jtbd_segment_model_p),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_segment_model_save_file", jtbd_error_p, (
        ("model", jtbd_segment_model_p),
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
    )),
    ("jtbd_segment_model_load_file", jtbd_error_p, (
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_segment_model_p)),
    )),
    ("jtbd_segment_model_destroy", None, (("model", jtbd_segment_model_p),)),
    ("jtbd_segment_model_k", ctypes.c_uint32, (
        ("model", jtbd_segment_model_p),
    )),
    ("jtbd_segment_model_outcome_count", ctypes.c_size_t, (
        ("model", jtbd_segment_model_p),
    )),
    ("jtbd_segment_model_outcome_id", jtbd_error_p, (
        ("model", jtbd_segment_model_p),
        ("index", ctypes.c_size_t),
        ("id", ctypes.POINTER(ctypes.c_void_p)),
        ("id_len", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_segment_model_assign", jtbd_error_p, (
        ("model", jtbd_segment_model_p),
        ("count", ctypes.c_size_t),
        ("outcome_ids", ctypes.POINTER(ctypes.c_char_p)),
        ("outcome_id_lens", ctypes.POINTER(ctypes.c_size_t)),
        ("importance", ctypes.POINTER(ctypes.c_uint8)),
        ("satisfaction", ctypes.POINTER(ctypes.c_uint8)),
        ("out", ctypes.POINTER(jtbd_segment_assignment)),
    )),
    ("jtbd_segment_model_assign_study", jtbd_error_p, (
        ("model", jtbd_segment_model_p),
        ("study", jtbd_study_p),
        ("clusters", ctypes.POINTER(ctypes.c_uint32)),
        ("count", ctypes.c_size_t),
    )),
    ("jtbd_score_survey", jtbd_error_p, (
        ("read_options", jtbd_read_options_p),
        ("score_options", jtbd_score_options_p),
        ("data", ctypes.c_char_p),
        ("size", ctypes.c_size_t),
        ("source_name", ctypes.c_char_p),
        ("source_name_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_report_p)),
    )),
    ("jtbd_score_survey_file", jtbd_error_p, (
        ("read_options", jtbd_read_options_p),
        ("score_options", jtbd_score_options_p),
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_report_p)),
    )),
    ("jtbd_segment_survey", jtbd_error_p, (
        ("read_options", jtbd_read_options_p),
        ("segment_options", jtbd_segment_options_p),
        ("data", ctypes.c_char_p),
        ("size", ctypes.c_size_t),
        ("source_name", ctypes.c_char_p),
        ("source_name_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_segmentation_p)),
    )),
    ("jtbd_segment_survey_file", jtbd_error_p, (
        ("read_options", jtbd_read_options_p),
        ("segment_options", jtbd_segment_options_p),
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_segmentation_p)),
    )),
    ("jtbd_compare_aggregates", jtbd_error_p, (
        ("score_options", jtbd_score_options_p),
        ("first", jtbd_aggregate_p),
        ("second", jtbd_aggregate_p),
        ("out", ctypes.POINTER(jtbd_wave_comparison_p)),
    )),
    ("jtbd_compare_surveys", jtbd_error_p, (
        ("read_options", jtbd_read_options_p),
        ("score_options", jtbd_score_options_p),
        ("first_data", ctypes.c_char_p),
        ("first_size", ctypes.c_size_t),
        ("first_name", ctypes.c_char_p),
        ("first_name_len", ctypes.c_size_t),
        ("second_data", ctypes.c_char_p),
        ("second_size", ctypes.c_size_t),
        ("second_name", ctypes.c_char_p),
        ("second_name_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_wave_comparison_p)),
    )),
    ("jtbd_compare_survey_files", jtbd_error_p, (
        ("read_options", jtbd_read_options_p),
        ("score_options", jtbd_score_options_p),
        ("first_path", ctypes.c_char_p),
        ("first_path_len", ctypes.c_size_t),
        ("second_path", ctypes.c_char_p),
        ("second_path_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_wave_comparison_p)),
    )),
    ("jtbd_wave_comparison_destroy", None, (
        ("comparison", jtbd_wave_comparison_p),
    )),
    ("jtbd_wave_comparison_get_info", jtbd_error_p, (
        ("comparison", jtbd_wave_comparison_p),
        ("out", ctypes.POINTER(jtbd_wave_comparison_info)),
    )),
    ("jtbd_wave_comparison_change_count", ctypes.c_size_t, (
        ("comparison", jtbd_wave_comparison_p),
    )),
    ("jtbd_wave_comparison_change", jtbd_error_p, (
        ("comparison", jtbd_wave_comparison_p),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_outcome_change)),
    )),
    ("jtbd_wave_comparison_one_wave_outcome_count", ctypes.c_size_t, (
        ("comparison", jtbd_wave_comparison_p),
    )),
    ("jtbd_wave_comparison_one_wave_outcome", jtbd_error_p, (
        ("comparison", jtbd_wave_comparison_p),
        ("index", ctypes.c_size_t),
        ("id", ctypes.POINTER(ctypes.c_void_p)),
        ("id_len", ctypes.POINTER(ctypes.c_size_t)),
        ("wave", ctypes.POINTER(ctypes.c_int32)),
    )),
    ("jtbd_wave_comparison_segment_count", ctypes.c_size_t, (
        ("comparison", jtbd_wave_comparison_p),
    )),
    ("jtbd_wave_comparison_segment_name", jtbd_error_p, (
        ("comparison", jtbd_wave_comparison_p),
        ("segment", ctypes.c_size_t),
        ("name", ctypes.POINTER(ctypes.c_void_p)),
        ("name_len", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_wave_comparison_segment_respondent_counts", jtbd_error_p, (
        ("comparison", jtbd_wave_comparison_p),
        ("segment", ctypes.c_size_t),
        ("first", ctypes.POINTER(ctypes.c_uint64)),
        ("second", ctypes.POINTER(ctypes.c_uint64)),
    )),
    ("jtbd_wave_comparison_segment_change_count", jtbd_error_p, (
        ("comparison", jtbd_wave_comparison_p),
        ("segment", ctypes.c_size_t),
        ("count", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_wave_comparison_segment_change", jtbd_error_p, (
        ("comparison", jtbd_wave_comparison_p),
        ("segment", ctypes.c_size_t),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_outcome_change)),
    )),
    ("jtbd_wave_comparison_one_wave_segment_count", ctypes.c_size_t, (
        ("comparison", jtbd_wave_comparison_p),
    )),
    ("jtbd_wave_comparison_one_wave_segment", jtbd_error_p, (
        ("comparison", jtbd_wave_comparison_p),
        ("index", ctypes.c_size_t),
        ("name", ctypes.POINTER(ctypes.c_void_p)),
        ("name_len", ctypes.POINTER(ctypes.c_size_t)),
        ("wave", ctypes.POINTER(ctypes.c_int32)),
    )),
    ("jtbd_wave_comparison_render", jtbd_error_p, (
        ("comparison", jtbd_wave_comparison_p),
        ("format", ctypes.c_int32),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_stream_create", jtbd_error_p, (
        ("shape", jtbd_aggregate_p),
        ("bucket_width_ms", ctypes.c_int64),
        ("bucket_count", ctypes.c_uint32),
        ("half_life_ms", ctypes.c_int64),
        ("out", ctypes.POINTER(jtbd_stream_p)),
    )),
    ("jtbd_stream_destroy", None, (("stream", jtbd_stream_p),)),
    ("jtbd_stream_append", jtbd_error_p, (
        ("stream", jtbd_stream_p),
        ("timestamp_ms", ctypes.c_int64),
        ("importance", ctypes.POINTER(ctypes.c_uint8)),
        ("satisfaction", ctypes.POINTER(ctypes.c_uint8)),
        ("count", ctypes.c_size_t),
        ("weight", ctypes.POINTER(ctypes.c_double)),
    )),
    ("jtbd_stream_outcome_count", ctypes.c_size_t, (
        ("stream", jtbd_stream_p),
    )),
    ("jtbd_stream_outcome_id", jtbd_error_p, (
        ("stream", jtbd_stream_p),
        ("index", ctypes.c_size_t),
        ("id", ctypes.POINTER(ctypes.c_void_p)),
        ("id_len", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_stream_latest_ms", ctypes.c_int64, (("stream", jtbd_stream_p),)),
    ("jtbd_stream_buckets_held", ctypes.c_size_t, (
        ("stream", jtbd_stream_p),
    )),
    ("jtbd_stream_current", jtbd_error_p, (
        ("stream", jtbd_stream_p),
        ("out", ctypes.POINTER(jtbd_aggregate_p)),
    )),
    ("jtbd_stream_score", jtbd_error_p, (
        ("stream", jtbd_stream_p),
        ("score_options", jtbd_score_options_p),
        ("out", ctypes.POINTER(jtbd_report_p)),
    )),
    ("jtbd_stream_alerts", jtbd_error_p, (
        ("stream", jtbd_stream_p),
        ("score_options", jtbd_score_options_p),
        ("reference", jtbd_aggregate_p),
        ("out", ctypes.POINTER(jtbd_wave_comparison_p)),
    )),
    ("jtbd_stream_serialize", jtbd_error_p, (
        ("stream", jtbd_stream_p),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_stream_parse", jtbd_error_p, (
        ("data", ctypes.c_void_p),
        ("size", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_stream_p)),
    )),
    ("jtbd_stream_save_file", jtbd_error_p, (
        ("stream", jtbd_stream_p),
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
    )),
    ("jtbd_stream_load_file", jtbd_error_p, (
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_stream_p)),
    )),
    ("jtbd_roadmap_options_create", jtbd_error_p, (
        ("out", ctypes.POINTER(jtbd_roadmap_options_p)),
    )),
    ("jtbd_roadmap_options_destroy", None, (
        ("options", jtbd_roadmap_options_p),
    )),
    ("jtbd_roadmap_options_set_budget", jtbd_error_p, (
        ("options", jtbd_roadmap_options_p),
        ("budget", ctypes.c_double),
    )),
    ("jtbd_roadmap_options_set_node_limit", jtbd_error_p, (
        ("options", jtbd_roadmap_options_p),
        ("nodes", ctypes.c_uint64),
    )),
    ("jtbd_roadmap_options_set_time_limit", jtbd_error_p, (
        ("options", jtbd_roadmap_options_p),
        ("seconds", ctypes.c_double),
    )),
    ("jtbd_roadmap_options_set_resamples", jtbd_error_p, (
        ("options", jtbd_roadmap_options_p),
        ("resamples", ctypes.c_uint32),
    )),
    ("jtbd_roadmap_options_set_seed", jtbd_error_p, (
        ("options", jtbd_roadmap_options_p),
        ("seed", ctypes.c_uint64),
    )),
    ("jtbd_roadmap_options_add_frontier_budget", jtbd_error_p, (
        ("options", jtbd_roadmap_options_p),
        ("budget", ctypes.c_double),
    )),
    ("jtbd_roadmap_options_set_segment_by", jtbd_error_p, (
        ("options", jtbd_roadmap_options_p),
        ("column", ctypes.c_char_p),
        ("column_len", ctypes.c_size_t),
    )),
    ("jtbd_prioritize_survey", jtbd_error_p, (
        ("read_options", jtbd_read_options_p),
        ("roadmap_options", jtbd_roadmap_options_p),
        ("survey_data", ctypes.c_char_p),
        ("survey_size", ctypes.c_size_t),
        ("survey_name", ctypes.c_char_p),
        ("survey_name_len", ctypes.c_size_t),
        ("initiatives_data", ctypes.c_char_p),
        ("initiatives_size", ctypes.c_size_t),
        ("initiatives_name", ctypes.c_char_p),
        ("initiatives_name_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_roadmap_p)),
    )),
    ("jtbd_prioritize_survey_file", jtbd_error_p, (
        ("read_options", jtbd_read_options_p),
        ("roadmap_options", jtbd_roadmap_options_p),
        ("survey_path", ctypes.c_char_p),
        ("survey_path_len", ctypes.c_size_t),
        ("initiatives_path", ctypes.c_char_p),
        ("initiatives_path_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_roadmap_p)),
    )),
    ("jtbd_aggregate_prioritize", jtbd_error_p, (
        ("aggregate", jtbd_aggregate_p),
        ("roadmap_options", jtbd_roadmap_options_p),
        ("initiatives_data", ctypes.c_char_p),
        ("initiatives_size", ctypes.c_size_t),
        ("initiatives_name", ctypes.c_char_p),
        ("initiatives_name_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_roadmap_p)),
    )),
    ("jtbd_roadmap_destroy", None, (("roadmap", jtbd_roadmap_p),)),
    ("jtbd_roadmap_get_info", jtbd_error_p, (
        ("roadmap", jtbd_roadmap_p),
        ("out", ctypes.POINTER(jtbd_roadmap_info)),
    )),
    ("jtbd_roadmap_selected_count", ctypes.c_size_t, (
        ("roadmap", jtbd_roadmap_p),
    )),
    ("jtbd_roadmap_selected", jtbd_error_p, (
        ("roadmap", jtbd_roadmap_p),
        ("index", ctypes.c_size_t),
        ("name", ctypes.POINTER(ctypes.c_void_p)),
        ("name_len", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_roadmap_initiative_count", ctypes.c_size_t, (
        ("roadmap", jtbd_roadmap_p),
    )),
    ("jtbd_roadmap_initiative", jtbd_error_p, (
        ("roadmap", jtbd_roadmap_p),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_initiative_result)),
    )),
    ("jtbd_roadmap_frontier_count", ctypes.c_size_t, (
        ("roadmap", jtbd_roadmap_p),
    )),
    ("jtbd_roadmap_frontier_point", jtbd_error_p, (
        ("roadmap", jtbd_roadmap_p),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_frontier_point)),
    )),
    ("jtbd_roadmap_frontier_selected", jtbd_error_p, (
        ("roadmap", jtbd_roadmap_p),
        ("point", ctypes.c_size_t),
        ("index", ctypes.c_size_t),
        ("name", ctypes.POINTER(ctypes.c_void_p)),
        ("name_len", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_roadmap_contribution_count", ctypes.c_size_t, (
        ("roadmap", jtbd_roadmap_p),
    )),
    ("jtbd_roadmap_contribution", jtbd_error_p, (
        ("roadmap", jtbd_roadmap_p),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_outcome_contribution)),
    )),
    ("jtbd_roadmap_contribution_initiative", jtbd_error_p, (
        ("roadmap", jtbd_roadmap_p),
        ("contribution", ctypes.c_size_t),
        ("index", ctypes.c_size_t),
        ("name", ctypes.POINTER(ctypes.c_void_p)),
        ("name_len", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_roadmap_render", jtbd_error_p, (
        ("roadmap", jtbd_roadmap_p),
        ("format", ctypes.c_int32),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_interviews_read_csv", jtbd_error_p, (
        ("read_options", jtbd_read_options_p),
        ("flags", ctypes.c_uint32),
        ("data", ctypes.c_char_p),
        ("size", ctypes.c_size_t),
        ("source_name", ctypes.c_char_p),
        ("source_name_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_interviews_p)),
    )),
    ("jtbd_interviews_read_file", jtbd_error_p, (
        ("read_options", jtbd_read_options_p),
        ("flags", ctypes.c_uint32),
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_interviews_p)),
    )),
    ("jtbd_interviews_parse", jtbd_error_p, (
        ("flags", ctypes.c_uint32),
        ("data", ctypes.c_void_p),
        ("size", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_interviews_p)),
    )),
    ("jtbd_interviews_parse_json", jtbd_error_p, (
        ("flags", ctypes.c_uint32),
        ("data", ctypes.c_char_p),
        ("size", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_interviews_p)),
    )),
    ("jtbd_interviews_serialize", jtbd_error_p, (
        ("interviews", jtbd_interviews_p),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_interviews_destroy", None, (("interviews", jtbd_interviews_p),)),
    ("jtbd_interviews_count", ctypes.c_size_t, (
        ("interviews", jtbd_interviews_p),
    )),
    ("jtbd_interviews_get", jtbd_error_p, (
        ("interviews", jtbd_interviews_p),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_interview_info)),
    )),
    ("jtbd_interviews_attribute", jtbd_error_p, (
        ("interviews", jtbd_interviews_p),
        ("index", ctypes.c_size_t),
        ("name", ctypes.c_char_p),
        ("name_len", ctypes.c_size_t),
        ("value", ctypes.POINTER(ctypes.c_void_p)),
        ("value_len", ctypes.POINTER(ctypes.c_size_t)),
    )),
    ("jtbd_forces_options_create", jtbd_error_p, (
        ("out", ctypes.POINTER(jtbd_forces_options_p)),
    )),
    ("jtbd_forces_options_destroy", None, (
        ("options", jtbd_forces_options_p),
    )),
    ("jtbd_forces_options_set_segment_by", jtbd_error_p, (
        ("options", jtbd_forces_options_p),
        ("column", ctypes.c_char_p),
        ("column_len", ctypes.c_size_t),
    )),
    ("jtbd_forces_options_set_model_segment_by", jtbd_error_p, (
        ("options", jtbd_forces_options_p),
        ("column", ctypes.c_char_p),
        ("column_len", ctypes.c_size_t),
    )),
    ("jtbd_forces_options_set_folds", jtbd_error_p, (
        ("options", jtbd_forces_options_p),
        ("folds", ctypes.c_uint32),
    )),
    ("jtbd_forces_options_set_seed", jtbd_error_p, (
        ("options", jtbd_forces_options_p),
        ("seed", ctypes.c_uint64),
    )),
    ("jtbd_forces_options_set_l2_penalty", jtbd_error_p, (
        ("options", jtbd_forces_options_p),
        ("lambda", ctypes.c_double),
    )),
    ("jtbd_forces_options_set_confidence_level", jtbd_error_p, (
        ("options", jtbd_forces_options_p),
        ("level", ctypes.c_double),
    )),
    ("jtbd_forces_analyze", jtbd_error_p, (
        ("interviews", jtbd_interviews_p),
        ("options", jtbd_forces_options_p),
        ("out", ctypes.POINTER(jtbd_forces_report_p)),
    )),
    ("jtbd_forces_report_destroy", None, (("report", jtbd_forces_report_p),)),
    ("jtbd_forces_report_get_info", jtbd_error_p, (
        ("report", jtbd_forces_report_p),
        ("out", ctypes.POINTER(jtbd_forces_report_info)),
    )),
    ("jtbd_forces_report_force", jtbd_error_p, (
        ("report", jtbd_forces_report_p),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_force_summary)),
    )),
    ("jtbd_forces_report_segment_count", ctypes.c_size_t, (
        ("report", jtbd_forces_report_p),
    )),
    ("jtbd_forces_report_segment", jtbd_error_p, (
        ("report", jtbd_forces_report_p),
        ("segment", ctypes.c_size_t),
        ("value", ctypes.POINTER(ctypes.c_void_p)),
        ("value_len", ctypes.POINTER(ctypes.c_size_t)),
        ("interview_count", ctypes.POINTER(ctypes.c_uint64)),
        ("switched_count", ctypes.POINTER(ctypes.c_uint64)),
    )),
    ("jtbd_forces_report_segment_force", jtbd_error_p, (
        ("report", jtbd_forces_report_p),
        ("segment", ctypes.c_size_t),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_force_summary)),
    )),
    ("jtbd_forces_report_render", jtbd_error_p, (
        ("report", jtbd_forces_report_p),
        ("format", ctypes.c_int32),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_forces_report_create_model", jtbd_error_p, (
        ("report", jtbd_forces_report_p),
        ("out", ctypes.POINTER(jtbd_propensity_model_p)),
    )),
    ("jtbd_propensity_model_parse", jtbd_error_p, (
        ("data", ctypes.c_void_p),
        ("size", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_propensity_model_p)),
    )),
    ("jtbd_propensity_model_serialize", jtbd_error_p, (
        ("model", jtbd_propensity_model_p),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_propensity_model_save_file", jtbd_error_p, (
        ("model", jtbd_propensity_model_p),
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
    )),
    ("jtbd_propensity_model_load_file", jtbd_error_p, (
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_propensity_model_p)),
    )),
    ("jtbd_propensity_model_destroy", None, (
        ("model", jtbd_propensity_model_p),
    )),
    ("jtbd_propensity_model_get_info", jtbd_error_p, (
        ("model", jtbd_propensity_model_p),
        ("out", ctypes.POINTER(jtbd_propensity_model_info)),
    )),
    ("jtbd_propensity_model_segment_weight", jtbd_error_p, (
        ("model", jtbd_propensity_model_p),
        ("index", ctypes.c_size_t),
        ("segment", ctypes.POINTER(ctypes.c_void_p)),
        ("segment_len", ctypes.POINTER(ctypes.c_size_t)),
        ("coefficient", ctypes.POINTER(jtbd_model_coefficient)),
    )),
    ("jtbd_propensity_model_predict", jtbd_error_p, (
        ("model", jtbd_propensity_model_p),
        ("push", ctypes.c_uint32),
        ("pull", ctypes.c_uint32),
        ("anxiety", ctypes.c_uint32),
        ("habit", ctypes.c_uint32),
        ("segment", ctypes.c_char_p),
        ("segment_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_force_prediction)),
    )),
    ("jtbd_propensity_model_predict_interview", jtbd_error_p, (
        ("model", jtbd_propensity_model_p),
        ("interviews", jtbd_interviews_p),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_force_prediction)),
    )),
    ("jtbd_tag_note", jtbd_error_p, (
        ("language", ctypes.c_int32),
        ("phrases", ctypes.c_char_p),
        ("phrases_len", ctypes.c_size_t),
        ("text", ctypes.c_char_p),
        ("text_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_tagged_note_p)),
    )),
    ("jtbd_tagged_note_destroy", None, (("note", jtbd_tagged_note_p),)),
    ("jtbd_tagged_note_language", ctypes.c_int32, (
        ("note", jtbd_tagged_note_p),
    )),
    ("jtbd_tagged_note_suggestion_count", ctypes.c_size_t, (
        ("note", jtbd_tagged_note_p),
    )),
    ("jtbd_tagged_note_suggestion", jtbd_error_p, (
        ("note", jtbd_tagged_note_p),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_force_suggestion)),
    )),
    ("jtbd_tagged_note_serialize", jtbd_error_p, (
        ("note", jtbd_tagged_note_p),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_linter_create", jtbd_error_p, (
        ("language", ctypes.c_int32),
        ("out", ctypes.POINTER(jtbd_linter_p)),
    )),
    ("jtbd_linter_destroy", None, (("linter", jtbd_linter_p),)),
    ("jtbd_linter_add_solution_word", jtbd_error_p, (
        ("linter", jtbd_linter_p),
        ("word", ctypes.c_char_p),
        ("word_len", ctypes.c_size_t),
    )),
    ("jtbd_linter_lint", jtbd_error_p, (
        ("linter", jtbd_linter_p),
        ("text", ctypes.c_char_p),
        ("text_len", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_lint_result_p)),
    )),
    ("jtbd_linter_lint_all", jtbd_error_p, (
        ("linter", jtbd_linter_p),
        ("texts", ctypes.POINTER(ctypes.c_char_p)),
        ("text_lens", ctypes.POINTER(ctypes.c_size_t)),
        ("ids", ctypes.POINTER(ctypes.c_char_p)),
        ("id_lens", ctypes.POINTER(ctypes.c_size_t)),
        ("count", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_lint_result_p)),
    )),
    ("jtbd_lint_result_destroy", None, (("result", jtbd_lint_result_p),)),
    ("jtbd_lint_result_statement_count", ctypes.c_size_t, (
        ("result", jtbd_lint_result_p),
    )),
    ("jtbd_lint_result_statement", jtbd_error_p, (
        ("result", jtbd_lint_result_p),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_linted_statement)),
    )),
    ("jtbd_lint_result_finding", jtbd_error_p, (
        ("result", jtbd_lint_result_p),
        ("statement", ctypes.c_size_t),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_lint_finding)),
    )),
    ("jtbd_lint_result_render", jtbd_error_p, (
        ("result", jtbd_lint_result_p),
        ("format", ctypes.c_int32),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_report_render_html_sections", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("options", ctypes.POINTER(jtbd_visual_options)),
        ("sections", ctypes.POINTER(jtbd_report_sections)),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_render_sections_html", jtbd_error_p, (
        ("options", ctypes.POINTER(jtbd_visual_options)),
        ("sections", ctypes.POINTER(jtbd_report_sections)),
        ("out", ctypes.POINTER(jtbd_buffer_p)),
    )),
    ("jtbd_score_options_set_design", jtbd_error_p, (
        ("options", jtbd_score_options_p),
        ("data", ctypes.c_char_p),
        ("size", ctypes.c_size_t),
        ("source_name", ctypes.c_char_p),
        ("source_name_len", ctypes.c_size_t),
    )),
    ("jtbd_score_options_set_design_file", jtbd_error_p, (
        ("options", jtbd_score_options_p),
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
    )),
    ("jtbd_report_coverage_step_count", ctypes.c_size_t, (
        ("report", jtbd_report_p),
    )),
    ("jtbd_report_coverage_step", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_step_coverage)),
    )),
    ("jtbd_study_set_design", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("data", ctypes.c_char_p),
        ("size", ctypes.c_size_t),
        ("source_name", ctypes.c_char_p),
        ("source_name_len", ctypes.c_size_t),
    )),
    ("jtbd_study_set_design_file", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
    )),
    ("jtbd_aggregate_set_design", jtbd_error_p, (
        ("aggregate", jtbd_aggregate_p),
        ("data", ctypes.c_char_p),
        ("size", ctypes.c_size_t),
        ("source_name", ctypes.c_char_p),
        ("source_name_len", ctypes.c_size_t),
    )),
    ("jtbd_aggregate_set_design_file", jtbd_error_p, (
        ("aggregate", jtbd_aggregate_p),
        ("path", ctypes.c_char_p),
        ("path_len", ctypes.c_size_t),
    )),
    ("jtbd_study_design", jtbd_error_p, (
        ("study", jtbd_study_p),
        ("out", ctypes.POINTER(jtbd_design_p)),
    )),
    ("jtbd_aggregate_design", jtbd_error_p, (
        ("aggregate", jtbd_aggregate_p),
        ("out", ctypes.POINTER(jtbd_design_p)),
    )),
    ("jtbd_report_design", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("out", ctypes.POINTER(jtbd_design_p)),
    )),
    ("jtbd_design_free", None, (("design", jtbd_design_p),)),
    ("jtbd_design_get_job", jtbd_error_p, (
        ("design", jtbd_design_p),
        ("out", ctypes.POINTER(jtbd_design_job)),
    )),
    ("jtbd_design_get_step", jtbd_error_p, (
        ("design", jtbd_design_p),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_design_step)),
    )),
    ("jtbd_design_get_outcome", jtbd_error_p, (
        ("design", jtbd_design_p),
        ("index", ctypes.c_size_t),
        ("out", ctypes.POINTER(jtbd_design_outcome)),
    )),
    ("jtbd_report_coverage_list_count", ctypes.c_size_t, (
        ("report", jtbd_report_p),
        ("list", ctypes.c_int32),
    )),
    ("jtbd_report_coverage_list_item", jtbd_error_p, (
        ("report", jtbd_report_p),
        ("list", ctypes.c_int32),
        ("index", ctypes.c_size_t),
        ("id", ctypes.POINTER(ctypes.c_void_p)),
        ("id_len", ctypes.POINTER(ctypes.c_size_t)),
    )),
)

DEPRECATED = {}
